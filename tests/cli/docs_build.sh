# The docs of check and build keep up with the code: every option in their
# --help is in their page and in the man page's section for that command
# (or LIMIT OPTIONS, shared by both); check and build print the same limit
# options; the man page has FILES and EXAMPLES; README names the three
# reports of build; the table of reports in docs/pveplan-build.md is one
# table.
. "$(dirname "$0")/lib.inc"
man_section() { sed -n "/^\\.SH $1\$/,/^\\.SH /p" "$src/docs/pveplan.1" | sed 's/\\-/-/g'; }
man_section "CHECK OPTIONS" >"$tmp/man.check"
man_section "BUILD OPTIONS" >"$tmp/man.build"
man_section "LIMIT OPTIONS" >"$tmp/man.limits"
for cmd in check build; do
  "$bin" $cmd --help >"$tmp/help.$cmd"
  sed -n '/^limits/,/^$/p' "$tmp/help.$cmd" >"$tmp/limits.$cmd"
  for o in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help.$cmd" | sort -u); do
    check "docs/pveplan-$cmd.md documents $cmd $o" 'grep -q -- "\`$o\`\|\`-.*, $o\|$o [A-Z]" "$src/docs/pveplan-$cmd.md"'
    if grep -q -- " $o" "$tmp/limits.$cmd"; then sect=limits; else sect=$cmd; fi
    check "docs/pveplan.1 documents $cmd $o (in its section)" 'grep -q -- "$o\\b" "$tmp/man.$sect"'
  done
done
check "check and build print the same limit options" '[ -s "$tmp/limits.check" ] && cmp -s "$tmp/limits.check" "$tmp/limits.build"'
check "build --help names its three reports" 'grep -q "report.md, report.html" "$tmp/help.build" && grep -q "capacity-needs.xlsx" "$tmp/help.build"'
for s in FILES EXAMPLES; do
  check "docs/pveplan.1 has $s" 'grep -q "^\.SH $s$" "$src/docs/pveplan.1"'
done
check "the man page's FILES names the reports and .pveplan.yaml" 'man_section FILES | grep -q "report.md" && man_section FILES | grep -q "capacity-needs.xlsx" && man_section FILES | grep -q "pveplan.yaml"'
check "README names the three reports of build" 'grep -q "report.md" "$src/README.md" && grep -q "report.html" "$src/README.md" && grep -q "capacity-needs.xlsx" "$src/README.md"'
check "README no longer says the workbook is being built" '! grep -q "is being built" "$src/README.md"'
check "docs/pveplan-build.md: the reports are one table" '$PY - "$src/docs/pveplan-build.md" <<PY
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if l.startswith("| \`report.md\`"))
table = []
for l in lines[start - 2:]:
    if not l.startswith("|"):
        break
    table.append(l)
names = [l.split("|")[1].strip() for l in table[2:]]
assert names == ["\`report.md\`", "\`report.html\`", "\`capacity-needs.xlsx\`"], names
PY'
finish
