# The README's first command, run as written in a scratch copy of the tree
# (run by .ci/test): usage: bash readme.sh SOURCE_DIR. It installs what is
# missing of the run-time packages, builds without the tests, and builds the
# bundled example's three reports into example/.
set -u
src=$(cd "$1" && pwd)
. "$src/tests/cli/lib.inc" /bin/true "$src"
first=$(awk '/^```sh$/ {n++; next} /^```$/ {f=0} n == 1 && !/^```/ {print; exit}' "$src/README.md")
echo "README's first command: $first"
check "the first command installs only the run-time packages" 'grep -q "^bash .ci/setup --runtime && " <<<"$first"'
second=$(awk '/^```sh$/ {n++; getline; if (n == 2) {print; exit}}' "$src/README.md")
check "the second command is what CI runs" '[ "$second" = "bash .ci/run" ] && [ -f "$src/.ci/run" ]'
mkdir -p "$tmp/copy"
tar -C "$src" --exclude='./build*' --exclude=./.git --exclude=./tests/web/node_modules --exclude=./example -cf - . | tar -C "$tmp/copy" -xf -
(cd "$tmp/copy" && bash -c "$first") >"$tmp/log" 2>&1; rc=$?
check "it succeeds on a copy of the tree" '[ $rc -eq 0 ] || { tail -30 "$tmp/log"; false; }'
for f in report.md report.html capacity-needs.xlsx; do
  check "it writes example/$f" '[ -s "$tmp/copy/example/$f" ]'
done
check "it configured without the tests" 'grep -q "^BUILD_TESTING:BOOL=OFF" "$tmp/copy/build/CMakeCache.txt"'
finish
