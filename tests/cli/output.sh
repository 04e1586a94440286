# A failed write to stdout is an error (exit 3), never a silent pass;
# checking never modifies its input.
. "$(dirname "$0")/lib.inc"
plan=$src/examples/national-fr.pve.yaml
if [ -w /dev/full ]; then
  "$bin" check "$plan" >/dev/full 2>"$tmp/err"; rc=$?
  check "write to a full disk exits 3" '[ $rc -eq 3 ]'
  check "and says so" 'grep -q "writing output failed" "$tmp/err"'
fi
mkdir "$tmp/in" && cp "$plan" "$tmp/in/p.pve.yaml"
before=$(sha256sum <"$tmp/in/p.pve.yaml"); mtime=$(stat -c %Y "$tmp/in/p.pve.yaml")
"$bin" check "$tmp/in/p.pve.yaml" >/dev/null
check "input unchanged" '[ "$(sha256sum <"$tmp/in/p.pve.yaml")" = "$before" ] && [ "$(stat -c %Y "$tmp/in/p.pve.yaml")" = "$mtime" ]'
check "no file left beside the input" '[ "$(ls -A "$tmp/in")" = "p.pve.yaml" ]'
chmod 000 "$tmp/in/p.pve.yaml"
if ! cat "$tmp/in/p.pve.yaml" >/dev/null 2>&1; then
  "$bin" check "$tmp/in/p.pve.yaml" >/dev/null 2>"$tmp/err"; rc=$?
  check "unreadable input exits 3" '[ $rc -eq 3 ] && grep -q "cannot open" "$tmp/err"'
fi
chmod 644 "$tmp/in/p.pve.yaml"
finish
