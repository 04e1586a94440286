# Issue 8, "Contracts not kept": what the docs and the exit statuses promise.
. "$(dirname "$0")/lib.inc"

# docs/pveplan-check.md: --stage checks "as if plan.status were STATUS";
# an adopted plan needs adopted_on (CON006).
case_stage_adopted_con006() {
	plan >p.pve.yaml
	check "the plan is a draft without adopted_on" 'grep -q "status: draft" p.pve.yaml && ! grep -q adopted_on p.pve.yaml'
	pvrun c check --stage adopted p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "CON006 is reported" 'grep -q "error\[CON006\]" c.out'
}

# The same plan with status: adopted (the oracle for the case above).
case_status_adopted_con006() {
	plan 'status: draft=>status: adopted' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "CON006 is reported" 'grep -q "error\[CON006\]" c.out'
}

# docs/exit-status.md: every command treats FMT007 as exit 1. check does.
case_check_oversized() {
	plan >p.pve.yaml
	pvrun c check --max-file-size 1K p.pve.yaml
	check "check exits 1" '[ $rc -eq 1 ]'
	check "with FMT007" 'grep -q "error\[FMT007\]" c.out'
}

# build on a plan over the default limit (64M; a sparse file, read no further
# than its size).
case_build_oversized_default() {
	plan >p.pve.yaml
	truncate -s 65M p.pve.yaml
	pvrun b build -o out p.pve.yaml
	check "build exits 1, like check" '[ $rc -eq 1 ]'
	check "with an FMT007 finding" 'grep -q "FMT007" b.err b.out'
	check "and writes nothing" '[ ! -e out/report.md ]'
}

# build takes --max-file-size as check does.
case_build_max_file_size() {
	plan >p.pve.yaml
	pvrun b build --max-file-size 1K -o out p.pve.yaml
	check "build exits 1, like check" '[ $rc -eq 1 ]'
	check "with an FMT007 finding" 'grep -q "FMT007" b.err b.out'
	check "and writes nothing" '[ ! -e out/report.md ]'
}

# README: all three outputs, and no "is being built" for the workbook.
case_readme_outputs() {
	local f
	for f in report.md report.html capacity-needs.xlsx; do
		check "README.md names $f" 'grep -qF "$f" "$src/README.md"'
	done
	check "README.md no longer says the workbook is being built" '! grep -qi "is being built" "$src/README.md"'
}

# docs/pveplan-build.md: the table of the files written is one table (no
# blank line inside it) with a row for each of the three.
case_build_doc_table() {
	local doc=$src/docs/pveplan-build.md
	"$PY" - "$doc" >table.txt <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if l.startswith("| file |"))
end = start
while end < len(lines) and lines[end].startswith("|"):
    end += 1
print("\n".join(lines[start:end]))
PY
	local f
	for f in report.md report.html capacity-needs.xlsx; do
		check "the table of docs/pveplan-build.md has a row for $f" 'grep -q "^| \`$f\` |" table.txt'
	done
}

# docs/pveplan.1: build --config / -c in BUILD OPTIONS.
case_man_build_config() {
	sed -n '/^\.SH BUILD OPTIONS/,/^\.SH /p' "$src/docs/pveplan.1" | sed 's/\\-/-/g' >build-options.txt
	check "the man page has BUILD OPTIONS" '[ -s build-options.txt ]'
	check "which document --config" 'grep -q -- "--config" build-options.txt'
	check "and -c" 'grep -Eq -- "(^|[^-[:alnum:]])-c([^[:alnum:]-]|$)" build-options.txt'
}

# Every option of 'build --help' (but --help) is documented in
# docs/pveplan-build.md and in the BUILD OPTIONS of the man page.
case_build_options_documented() {
	pvrun h build --help
	local opts o
	opts=$(grep -o -- '--[a-z][a-z-]*' h.out | sort -u | grep -vx -- --help)
	check "build --help lists options" '[ $rc -eq 0 ] && [ $(echo "$opts" | wc -w) -ge 5 ]'
	sed -n '/^\.SH BUILD OPTIONS/,/^\.SH /p' "$src/docs/pveplan.1" | sed 's/\\-/-/g' >build-options.txt
	for o in $opts; do
		check "docs/pveplan-build.md documents $o" 'grep -q -- "$o" "$src/docs/pveplan-build.md"'
		check "docs/pveplan.1 BUILD OPTIONS documents $o" 'grep -q -- "$o" build-options.txt'
	done
}

main "$@"
