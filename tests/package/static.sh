# The -DPVEPLAN_STATIC=ON build (run by .ci/test): usage: bash static.sh
# BUILD_DIR SOURCE_DIR. The binary loads no shared object for a library
# Debian ships a static archive of (libyaml, cmark-gfm and its extensions,
# libsodium, libutf8proc), only libxlsxwriter (no libxlsxwriter.a in
# Debian) with what it loads, and the C library; when CMake found every
# archive it is fully static. It checks and builds an example, and its
# package depends on fewer packages (docs/install.md).
set -u
builddir=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
. "$src/tests/cli/lib.inc" "$builddir/pveplan" "$src"
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort)
echo "NEEDED: $(tr '\n' ' ' <<<"$needed")"
for lib in libyaml libcmark-gfm libcmark-gfm-extensions libsodium libutf8proc; do
  check "$lib is linked in, not loaded" '! grep -q "^$lib[.-]" <<<"$needed"'
done
if ! grep -q "^PVEPLAN_ARCHIVE_xlsxwriter:FILEPATH=/" "$builddir/CMakeCache.txt"; then
  check "only libxlsxwriter and the C library are loaded" \
    '[ -z "$(grep -vxE "libxlsxwriter\.so\.[0-9]+|libc\.so\.6|libm\.so\.6" <<<"$needed")" ]'
  check "file says dynamically linked (libxlsxwriter has no archive)" 'file -L "$bin" | grep -q "dynamically linked"'
else
  check "no shared object at all" '[ -z "$needed" ]'
  check "file says statically linked" 'file -L "$bin" | grep -q "statically linked"'
  check "ldd finds nothing to load" '! ldd "$bin" 2>/dev/null | grep -q "=>"'
fi
cd "$tmp"
out=$("$bin" check "$src/examples/short-en.pve.yaml"); rc=$?
check "the static binary checks an example" '[ $rc -eq 0 ] && grep -q "^0 errors, " <<<"$(tail -1 <<<"$out")"'
"$bin" build -o "$tmp/r" "$src/examples/national-fr.pve.yaml" >/dev/null; rc=$?
check "the static binary builds an example" '[ $rc -eq 0 ] && [ -s "$tmp/r/capacity-needs.xlsx" ] && [ -s "$tmp/r/report.html" ]'
cpack --config "$builddir/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/log" 2>&1; rc=$?
deps=$(dpkg-deb -f "$tmp"/pkg/pveplan_*.deb Depends 2>/dev/null)
echo "Depends: $deps"
check "its package depends on no library linked in" \
  '[ $rc -eq 0 ] && [ -n "$deps" ] && ! grep -qE "libyaml|libcmark|libsodium|libutf8proc" <<<"$deps"'
finish
