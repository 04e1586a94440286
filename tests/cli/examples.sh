# Every bundled example passes every FMT/REF/CON check and reads as sensible
# advice: no error, no warning (the funding gap is reported as information).
. "$(dirname "$0")/lib.inc"
n=0
for f in "$src"/examples/*.pve.yaml; do
  n=$((n + 1))
  out=$("$bin" check --lang en "$f"); rc=$?
  check "$(basename "$f") exits 0" '[ $rc -eq 0 ]'
  check "$(basename "$f") has no error or warning" '[[ "$(tail -1 <<<"$out")" == "0 errors, 0 warnings, "*" in 1 file" ]]'
  check "$(basename "$f") reports its funding gap" 'grep -q "info\[PVE116\]: total cost" <<<"$out"'
done
check "at least two examples" '[ $n -ge 2 ]'
finish
