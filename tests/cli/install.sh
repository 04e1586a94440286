# cmake --install puts a working pveplan under any prefix.
. "$(dirname "$0")/lib.inc"
builddir=$(dirname "$bin")
cmake --install "$builddir" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; rc=$?
check "cmake --install succeeds" '[ $rc -eq 0 ]'
check "binary installed" '[ -x "$tmp/prefix/bin/pveplan" ]'
check "man page installed" '[ -f "$tmp/prefix/share/man/man1/pveplan.1" ]'
cd "$tmp"
out=$("$tmp/prefix/bin/pveplan" check "$src/examples/regional-en.pve.yaml"); rc=$?
check "installed binary checks an example" '[ $rc -eq 0 ] && [ "$out" = "0 errors, 0 warnings in 1 file" ]'
finish
