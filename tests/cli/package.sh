# cpack builds a Debian package of this build that holds the binary, the man
# page, both completions, the docs and the examples, with the Depends
# dpkg-shlibdeps computed; extracted into a scratch root (dpkg-deb -x, as
# dpkg -i would lay it out), its binary checks and builds an example and its
# man page renders (docs/install.md).
. "$(dirname "$0")/lib.inc"
builddir=$(dirname "$bin")
cpack --config "$builddir/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/log" 2>&1; rc=$?
deb=$(ls "$tmp"/pkg/pveplan_*.deb 2>/dev/null | head -1)
check "cpack builds a .deb" '[ $rc -eq 0 ] && [ -f "$deb" ] || { cat "$tmp/log"; false; }'
info=$(dpkg-deb -f "$deb" Package Version Depends 2>&1)
check "the package is pveplan, at the project's version" \
  'grep -qx "Package: pveplan" <<<"$info" && grep -q "^Version: $("$bin" --version | cut -d" " -f2)\$" <<<"$info"'
# Every library the binary loads is named, through its Debian package (a
# sanitizer build also loads its run-time: not checked here).
for dep in libc6 libyaml-0-2 libcmark-gfm0 libcmark-gfm-extensions0 libxlsxwriter4 libsodium23 libutf8proc2; do
  check "Depends names $dep" 'grep "^Depends:" <<<"$info" | grep -q "\b$dep"'
done
root=$tmp/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/pveplan usr/share/man/man1/pveplan.1 usr/share/bash-completion/completions/pveplan \
         usr/share/zsh/vendor-completions/_pveplan usr/share/doc/pveplan/README.md \
         usr/share/doc/pveplan/docs/install.md usr/share/doc/pveplan/examples/national-fr.pve.yaml; do
  check "the package holds /$f" '[ -s "$root/$f" ]'
done
pv=$root/usr/bin/pveplan
ex=$root/usr/share/doc/pveplan/examples
cd "$tmp"
out=$("$pv" check "$ex/short-en.pve.yaml"); rc=$?
check "the packaged binary checks a packaged example" '[ $rc -eq 0 ] && grep -q "^0 errors, " <<<"$(tail -1 <<<"$out")"'
out=$("$pv" build -o "$tmp/reports" "$ex/national-fr.pve.yaml"); rc=$?
check "the packaged binary builds a packaged example" \
  '[ $rc -eq 0 ] && [ -s "$tmp/reports/report.md" ] && [ -s "$tmp/reports/report.html" ] && [ -s "$tmp/reports/capacity-needs.xlsx" ]'
man=$(MANPAGER=cat MANWIDTH=80 man -l "$root/usr/share/man/man1/pveplan.1" 2>&1); rc=$?
check "man -l renders the packaged man page" '[ $rc -eq 0 ] && grep -q "^NAME" <<<"$man" && grep -q "pveplan completion" <<<"$man"'
check "the packaged completions are the binary's own" \
  'cmp -s <("$pv" completion bash) "$root/usr/share/bash-completion/completions/pveplan" && cmp -s <("$pv" completion zsh) "$root/usr/share/zsh/vendor-completions/_pveplan"'
finish
