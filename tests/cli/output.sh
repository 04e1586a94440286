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
# -o: the report goes to the file, complete, and a failed write leaves the
# previous report as it was.
bad="$src/tests/golden/pve/PVE110-safeguards/plan.pve.yaml"
"$bin" check --format json "$bad" >"$tmp/stdout.json"
"$bin" check --format json -o "$tmp/report.json" "$bad" >"$tmp/o.out"; rc=$?
check "-o writes the report" '[ $rc -eq 0 ] && cmp -s "$tmp/report.json" "$tmp/stdout.json" && [ ! -s "$tmp/o.out" ]'
check "-o leaves no temporary file" '[ "$(ls -A "$tmp" | grep -c "^\.report")" = 0 ]'
mkdir "$tmp/ro" && echo old >"$tmp/ro/report.json" && chmod 555 "$tmp/ro"
if ! touch "$tmp/ro/probe" 2>/dev/null; then
  "$bin" check --format json -o "$tmp/ro/report.json" "$bad" >/dev/null 2>"$tmp/err"; rc=$?
  check "-o into a read-only folder exits 3" '[ $rc -eq 3 ] && grep -q "cannot write" "$tmp/err"'
  check "and keeps the old report" '[ "$(cat "$tmp/ro/report.json")" = old ]'
fi
chmod 755 "$tmp/ro"
"$bin" check --format json -o /dev/stdout "$bad" >"$tmp/dev.json"
check "-o /dev/stdout writes into the device" 'cmp -s "$tmp/dev.json" "$tmp/stdout.json" && [ -c /dev/stdout -o -L /dev/stdout ]'
ln -s report.json "$tmp/link.json"
"$bin" check --format json -o "$tmp/link.json" "$bad" >/dev/null
check "-o through a symbolic link replaces its target" '[ -L "$tmp/link.json" ] && cmp -s "$tmp/report.json" "$tmp/stdout.json"'
finish
