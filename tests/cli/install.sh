# cmake --install puts a working pveplan under any prefix.
. "$(dirname "$0")/lib.inc"
builddir=$(dirname "$bin")
cmake --install "$builddir" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; rc=$?
check "cmake --install succeeds" '[ $rc -eq 0 ]'
check "binary installed" '[ -x "$tmp/prefix/bin/pveplan" ]'
check "man page installed" '[ -f "$tmp/prefix/share/man/man1/pveplan.1" ]'
cd "$tmp"
out=$("$tmp/prefix/bin/pveplan" check "$src/examples/national-fr.pve.yaml"); rc=$?
check "installed binary checks an example, in the plan's language" '[ $rc -eq 0 ] && [[ "$(tail -1 <<<"$out")" == "0 erreur, 0 avertissement, 1 information dans 1 fichier" ]]'
out=$("$tmp/prefix/bin/pveplan" explain --lang fr PVE111); rc=$?
check "installed binary has its catalogue" '[ $rc -eq 0 ] && grep -q "^PVE111: " <<<"$out"'
finish
