# check's outputs: a failed write is exit 3, never a silent pass; -o writes a
# new file renamed into place (a symbolic link there is replaced, never
# followed); -o - and -o /dev/stdout are standard output, in place (a '>>'
# before them is kept); pipes and devices are written into; an -o that is
# one of the inputs is refused (exit 2) before anything is written; checking
# never modifies its input. Permission checks run as an unprivileged user
# (as_user), so they run for real when the suite runs as root.
. "$(dirname "$0")/lib.inc"
user_setup
cd "$tmp"
plan=$src/examples/national-fr.pve.yaml
bad="$src/tests/golden/pve/PVE110-safeguards/plan.pve.yaml"
check "/dev/full is there to test with" '[ -c /dev/full ]'
"$bin" check "$plan" >/dev/full 2>"$tmp/err"; rc=$?
check "write to a full disk exits 3" '[ $rc -eq 3 ]'
check "and says so" 'grep -q "writing output failed" "$tmp/err"'
"$bin" check -o /dev/full "$plan" 2>"$tmp/err"; rc=$?
check "-o /dev/full exits 3 with the cause" '[ $rc -eq 3 ] && grep -q "cannot write .*/dev/full.*No space left on device" "$tmp/err"'

mkdir "$tmp/in" && cp "$plan" "$tmp/in/p.pve.yaml"
before=$(sha256sum <"$tmp/in/p.pve.yaml"); mtime=$(stat -c %Y "$tmp/in/p.pve.yaml")
"$bin" check "$tmp/in/p.pve.yaml" >/dev/null
check "input unchanged" '[ "$(sha256sum <"$tmp/in/p.pve.yaml")" = "$before" ] && [ "$(stat -c %Y "$tmp/in/p.pve.yaml")" = "$mtime" ]'
check "no file left beside the input" '[ "$(ls -A "$tmp/in")" = "p.pve.yaml" ]'
chmod 755 "$tmp/in" && chmod 000 "$tmp/in/p.pve.yaml"
check "the test user cannot read a mode-000 file" '! as_user cat "$tmp/in/p.pve.yaml" >/dev/null 2>&1'
as_user "$user_bin" check "$tmp/in/p.pve.yaml" >/dev/null 2>"$tmp/err"; rc=$?
check "unreadable input exits 3" '[ $rc -eq 3 ] && grep -q "cannot open.*Permission denied" "$tmp/err"'
chmod 644 "$tmp/in/p.pve.yaml"

# -o: the report goes to the file, complete, and a failed write leaves the
# previous report as it was.
"$bin" check --format json "$bad" >"$tmp/stdout.json"
"$bin" check --format json -o "$tmp/report.json" "$bad" >"$tmp/o.out"; rc=$?
check "-o writes the report" '[ $rc -eq 0 ] && cmp -s "$tmp/report.json" "$tmp/stdout.json" && [ ! -s "$tmp/o.out" ]'
check "-o leaves no temporary file" '[ "$(ls -A "$tmp" | grep -c "^\.report")" = 0 ]'
mkdir "$tmp/ro" && echo old >"$tmp/ro/report.json" && chmod 555 "$tmp/ro"
check "the test user cannot write in a mode-555 folder" '! as_user touch "$tmp/ro/probe" 2>/dev/null'
# The plan must be readable by the test user wherever the source tree is (a
# clone in a private temporary folder, as CI makes).
cp "$bad" "$tmp/bad.pve.yaml" && chmod 644 "$tmp/bad.pve.yaml"
as_user "$user_bin" check --format json -o "$tmp/ro/report.json" "$tmp/bad.pve.yaml" >/dev/null 2>"$tmp/err"; rc=$?
check "-o into a read-only folder exits 3" '[ $rc -eq 3 ] && grep -q "cannot write .*Permission denied" "$tmp/err"'
check "and keeps the old report" '[ "$(cat "$tmp/ro/report.json")" = old ] && [ "$(ls -A "$tmp/ro")" = report.json ]'
chmod 755 "$tmp/ro"
check "-o '': usage error" '"$bin" check -o "" "$bad" 2>"$tmp/err" >/dev/null; [ $? -eq 2 ] && grep -q "\-o needs a file name" "$tmp/err"'

# Standard output, in place: through a pipe, after '>>', as '-'.
"$bin" check --format json -o /dev/stdout "$bad" | cat >"$tmp/pipe.json"
check "-o /dev/stdout through a pipe" 'cmp -s "$tmp/pipe.json" "$tmp/stdout.json"'
echo "first line" >"$tmp/log"
"$bin" check --format json -o /dev/stdout "$bad" >>"$tmp/log"; rc=$?
{ echo "first line"; cat "$tmp/stdout.json"; } >"$tmp/log.want"
check "-o /dev/stdout >> log appends and keeps log" '[ $rc -eq 0 ] && cmp -s "$tmp/log" "$tmp/log.want"'
echo "first line" >"$tmp/log2"
"$bin" check --format json -o "$tmp/log2" "$bad" >>"$tmp/log2"; rc=$?
{ echo "first line"; cat "$tmp/stdout.json"; } >"$tmp/log2.want"
check "-o naming the file open as standard output writes through it" '[ $rc -eq 0 ] && cmp -s "$tmp/log2" "$tmp/log2.want"'
mkdir "$tmp/dash" && (cd "$tmp/dash" && "$bin" check --format json -o - "$bad" >"$tmp/dash.json"); rc=$?
check "-o - is standard output, no file named '-'" '[ $rc -eq 0 ] && cmp -s "$tmp/dash.json" "$tmp/stdout.json" && [ -z "$(ls -A "$tmp/dash")" ]'
"$bin" check -o - "$bad" >"$tmp/dash.txt"
"$bin" check "$bad" >"$tmp/plain.txt"
check "-o - gives what no -o gives" 'cmp -s "$tmp/dash.txt" "$tmp/plain.txt"'
"$bin" check --format json -o - "$bad" >/dev/full 2>"$tmp/err"; rc=$?
check "-o - on a full disk exits 3" '[ $rc -eq 3 ]'

# Pipes and devices are written into, not replaced.
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.json" & reader=$!
"$bin" check --format json -o "$tmp/fifo" "$bad"; rc=$?
wait $reader
check "-o FIFO writes into the pipe" '[ $rc -eq 0 ] && [ -p "$tmp/fifo" ] && cmp -s "$tmp/fifo.json" "$tmp/stdout.json"'
check "-o /dev/null" '"$bin" check -o /dev/null "$bad" && [ -c /dev/null ]'

# A symbolic link at the output name is replaced, never followed.
echo keep >"$tmp/target.json"
ln -s target.json "$tmp/link.json"
"$bin" check --format json -o "$tmp/link.json" "$bad" >/dev/null; rc=$?
check "-o through a symbolic link replaces the link" '[ $rc -eq 0 ] && [ -f "$tmp/link.json" ] && [ ! -L "$tmp/link.json" ] && cmp -s "$tmp/link.json" "$tmp/stdout.json"'
check "... and leaves its target alone" '[ "$(cat "$tmp/target.json")" = keep ]'

# An output that is an input is refused before anything is written.
mkdir "$tmp/same" && cp "$bad" "$tmp/same/p.pve.yaml"
want=$(sha256sum <"$tmp/same/p.pve.yaml")
ln -s p.pve.yaml "$tmp/same/alias.yaml"
ln "$tmp/same/p.pve.yaml" "$tmp/same/hard.yaml"
echo "rules: {}" >"$tmp/same/.pveplan.yaml"
cfg_want=$(sha256sum <"$tmp/same/.pveplan.yaml")
cd "$tmp/same"
for out in p.pve.yaml ./p.pve.yaml "$tmp/same/p.pve.yaml" alias.yaml hard.yaml ../same/p.pve.yaml; do
  "$bin" check --format json -o "$out" p.pve.yaml >"$tmp/same.out" 2>"$tmp/err"; rc=$?
  check "check -o $out p.pve.yaml: exit 2" '[ $rc -eq 2 ] && grep -q "is the input .p.pve.yaml." "$tmp/err" && [ ! -s "$tmp/same.out" ]'
  check "... the plan is unchanged" '[ "$(sha256sum <p.pve.yaml)" = "$want" ] && [ -L alias.yaml ]'
done
"$bin" check -o p.pve.yaml . >/dev/null 2>"$tmp/err"; rc=$?
check "check -o PLAN DIR (the plan found in DIR): exit 2" '[ $rc -eq 2 ] && [ "$(sha256sum <p.pve.yaml)" = "$want" ]'
"$bin" check -o p.pve.yaml - <p.pve.yaml >/dev/null 2>"$tmp/err"; rc=$?
check "check -o PLAN - < PLAN: exit 2" '[ $rc -eq 2 ] && [ "$(sha256sum <p.pve.yaml)" = "$want" ]'
"$bin" check -o .pveplan.yaml p.pve.yaml >/dev/null 2>"$tmp/err"; rc=$?
check "check -o CONFIG (found upward): exit 2" '[ $rc -eq 2 ] && grep -q "is the input .*\.pveplan\.yaml" "$tmp/err" && [ "$(sha256sum <.pveplan.yaml)" = "$cfg_want" ]'
"$bin" check -f json -o /dev/stdout p.pve.yaml >>p.pve.yaml 2>"$tmp/err"; rc=$?
check "check -o /dev/stdout PLAN >> PLAN: exit 2" '[ $rc -eq 2 ] && [ "$(sha256sum <p.pve.yaml)" = "$want" ]'
cd "$tmp"
finish
