# The docs and the tests keep up with the code: every option of 'check' is
# documented, every FMT/REF/CON code is documented and has a golden case that
# triggers it.
. "$(dirname "$0")/lib.inc"
opts=$("$bin" check --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
for o in $opts; do
  check "docs/pveplan-check.md documents $o" 'grep -q -- "$o" "$src/docs/pveplan-check.md"'
  check "docs/pveplan.1 documents $o" 'sed "s/\\\\-/-/g" "$src/docs/pveplan.1" | grep -q -- "$o"'
done
codes="FMT001 FMT002 FMT003 FMT004 FMT005 FMT006 FMT007 REF001 REF002 REF003
CON001 CON002 CON003 CON004 CON005 CON006 CON007"
for c in $codes; do
  check "docs/rules.md documents $c" 'grep -q "$c" "$src/docs/rules.md"'
  check "a golden case triggers $c" 'grep -lq "\[$c\]" "$src"/tests/golden/*/$c-*/expected.out 2>/dev/null'
done
# No placeholder is ever left unfilled in an output (\u{feff} is an escaped
# character, not a placeholder).
check "no unfilled {placeholder} in any golden output" '! grep -rP "(?<!\\\\u)\{[a-z_]+\}" "$src"/tests/golden/*/*/expected.out "$src"/tests/golden/*/*/expected.err 2>/dev/null | grep -v "cli-explain\|cli-rules\|fr: \"...\""'
# Every PVE rule: documented, explained in both languages, triggered by a
# case, and silent on the base plan that satisfies them all (PVE116, which
# reports the budget, is silent only when nothing is costed).
# The rules come from pveplan itself, never from a count written here.
pve_codes=$("$bin" rules --format json | $PY -c 'import json,sys; print(" ".join(r["code"] for r in json.load(sys.stdin)["rules"] if r["code"].startswith("PVE")))')
check "pveplan rules lists PVE rules" '[ -n "$pve_codes" ]'
for c in $pve_codes; do
  check "docs/rules.md documents $c" 'grep -q "$c" "$src/docs/rules.md"'
  check "a golden case triggers $c" 'grep -lq "\[$c\]" "$src"/tests/golden/pve/$c-*/expected.out 2>/dev/null'
  if [ $c = PVE116 ]; then base=PVE116-no-costs; else base=PVE-base; fi
  check "$base does not trigger $c" '! grep -q "\[$c\]" "$src/tests/golden/pve/$base/expected.out"'
  check "explain $c in en and fr" '"$bin" explain $c >/dev/null && "$bin" explain --lang fr $c >/dev/null'
done
for c in CON001 CON002 CON003 CON004 CON005 CON006 CON007 FMT007; do
  check "a golden case just misses $c" '[ -d "$src/tests/golden/structural/$c-ok" ] && ! grep -q "\[$c\]" "$src/tests/golden/structural/$c-ok/expected.out"'
done
# The SYN rules (text hazards): documented, explained in both languages,
# triggered by a case of tests/golden/syntax and just missed by its -ok case.
syn_codes=$("$bin" rules --format json | $PY -c 'import json,sys; print(" ".join(r["code"] for r in json.load(sys.stdin)["rules"] if r["code"].startswith("SYN")))')
check "pveplan rules lists SYN rules" '[ -n "$syn_codes" ]'
for c in $syn_codes; do
  check "docs/rules.md documents $c" 'grep -q "$c" "$src/docs/rules.md"'
  check "a golden case triggers $c" 'grep -lq "\[$c\]" "$src"/tests/golden/syntax/$c-*/expected.out 2>/dev/null'
  check "a golden case just misses $c" '[ -d "$src/tests/golden/syntax/$c-ok" ] && ! grep -q "\[$c\]" "$src/tests/golden/syntax/$c-ok/expected.out"'
  check "explain $c in en and fr" '"$bin" explain $c >/dev/null && "$bin" explain --lang fr $c >/dev/null'
done
finish
