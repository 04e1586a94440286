# Every bundled example passes every FMT/REF/CON check.
. "$(dirname "$0")/lib.inc"
n=0
for f in "$src"/examples/*.pve.yaml; do
  n=$((n + 1))
  out=$("$bin" check "$f"); rc=$?
  check "$(basename "$f") exits 0" '[ $rc -eq 0 ]'
  check "$(basename "$f") has no finding" '[ "$out" = "0 errors, 0 warnings in 1 file" ]'
done
check "at least two examples" '[ $n -ge 2 ]'
finish
