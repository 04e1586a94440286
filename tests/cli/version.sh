# --version and -V print one line with the version, format and libyaml.
. "$(dirname "$0")/lib.inc"
out=$("$bin" --version); rc=$?
check "--version exits 0" '[ $rc -eq 0 ]'
check "--version line" '[[ "$out" =~ ^pveplan\ [0-9]+\.[0-9]+\.[0-9]+\ \(plan\ format\ 1\;\ libyaml\ [0-9.]+\)$ ]]'
check "-V is --version" '[ "$("$bin" -V)" = "$out" ]'
ver=$(sed -n 's/^project(pveplan VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
check "version comes from CMakeLists.txt ($ver)" '[[ "$out" == "pveplan $ver "* ]]'
finish
