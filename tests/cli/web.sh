# The HTML reports are valid HTML (W3C Nu HTML checker), the Markdown renders
# through a second CommonMark implementation (markdown-it) to the same tables
# as pveplan's HTML, and headless Chromium paints report.html without console
# errors, in English and in Arabic (right to left). The tools are installed by
# .ci/setup (tests/web/package.json, Debian chromium and Java).
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
web="$src/tests/web"
vnu="$web/node_modules/vnu-jar/build/dist/vnu.jar"
check "the Nu HTML checker is installed" '[ -f "$vnu" ] && command -v java >/dev/null'
check "markdown-it is installed" '[ -d "$web/node_modules/markdown-it" ] && command -v node >/dev/null'
check "chromium is installed" 'command -v chromium >/dev/null'
htmls=()
for ex in national-fr regional-en; do
  for lang in ar en es fr ru zh; do
    out="$tmp/$ex-$lang"
    "$bin" build --lang $lang -o "$out" "$src/examples/$ex.pve.yaml" >/dev/null
    htmls+=("$out/report.html")
  done
done
"$bin" build -o "$tmp/inj" "$src/tests/golden/build/injection.pve.yaml" >/dev/null
"$bin" build --force -o "$tmp/forced" "$src/tests/golden/structural/REF002-undefined/plan.pve.yaml" >/dev/null
"$bin" build --format md,html -o "$tmp/iso" "$src/tests/golden/build/isolation.pve.yaml" >/dev/null
"$bin" build --redact --format md,html -o "$tmp/red" "$src/tests/golden/build/redact.pve.yaml" >/dev/null
htmls+=("$tmp/inj/report.html" "$tmp/forced/report.html" "$tmp/iso/report.html" "$tmp/red/report.html")
java -jar "$vnu" --errors-only "${htmls[@]}" >"$tmp/vnu.log" 2>&1; rc=$?
check "every report.html passes the Nu HTML checker (${#htmls[@]} files)" '[ $rc -eq 0 ] || { cat "$tmp/vnu.log"; false; }'
for h in "${htmls[@]}"; do
  d=$(dirname "$h")
  node "$web/tables.js" md "$d/report.md" >"$tmp/md.shape"
  node "$web/tables.js" html "$h" >"$tmp/html.shape"
  check "$(basename "$d"): markdown-it and cmark-gfm see the same tables" 'cmp -s "$tmp/md.shape" "$tmp/html.shape" && [ -s "$tmp/md.shape" ]'
done
check "no javascript: link survives" '! grep -Eiq "href=\"[^\"]*script:" "$tmp/inj/report.html" "$tmp/iso/report.html" && ! grep -Eiq "(^|[^\\\\])\]\(<?javascript:" "$tmp/inj/report.md" "$tmp/iso/report.md"'
check "no injected element survives" '! grep -q "<img" "$tmp/inj/report.html" && grep -q "&lt;img src=x onerror=alert(1)&gt;" "$tmp/inj/report.html"'
check "injected HTML is shown as text" 'grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" "$tmp/inj/report.html" && ! grep -q "<script" "$tmp/inj/report.html"'
check "the HTML loads nothing: no resource attribute, element, import or url()" '! grep -Eiq "<[^>]*[[:space:]](src|srcset|poster|data|background)=|<(img|script|iframe|object|embed|link|video|audio)[[:space:]>]|@import|url\(" "${htmls[@]}"'
paint() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chrome-$2" --enable-logging=stderr --v=0 --window-size=1000,1400 \
    --screenshot="$tmp/$2.png" "file://$1" >"$tmp/$2.log" 2>&1
}
for lang in en ar; do
  paint "$tmp/regional-en-$lang/report.html" "paint-$lang"; rc=$?
  check "chromium paints the $lang report" '[ $rc -eq 0 ] && [ -s "$tmp/paint-$lang.png" ]'
  check "no console error in the $lang report" '! grep -Eiq "CONSOLE.*(error|uncaught)|Uncaught" "$tmp/paint-$lang.log"'
done
check "the Arabic report is right to left" 'grep -q "<html lang=\"ar\" dir=\"rtl\">" "$tmp/regional-en-ar/report.html"'
check "the English report is left to right" 'grep -q "<html lang=\"en\" dir=\"ltr\">" "$tmp/regional-en-en/report.html"'
finish
