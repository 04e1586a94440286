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
for c in CON001 CON002 CON003 CON004 CON005 CON006 CON007 FMT007; do
  check "a golden case just misses $c" '[ -d "$src/tests/golden/structural/$c-ok" ] && ! grep -q "\[$c\]" "$src/tests/golden/structural/$c-ok/expected.out"'
done
finish
