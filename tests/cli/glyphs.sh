# The Arabic and Chinese reports can be looked at on the test machine: headless
# Chromium paints report.html to a screenshot, and every character the report
# shows has a glyph in an installed font (tests/cli/glyphs.py, through
# fontconfig, whose fonts Chromium falls back on), so nothing is painted as a
# box. .ci/setup installs the fonts (fonts-noto-core, fonts-noto-cjk). Run with
# the CJK fonts hidden, the same check must fail on the Chinese report: it
# proves the check sees boxes.
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
check "chromium is installed" 'command -v chromium >/dev/null'
check "fontconfig lists fonts" '[ "$(fc-list | wc -l)" -gt 10 ]'
paint() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chrome-$2" --window-size=1000,1400 \
    --screenshot="$tmp/$2.png" "file://$1" >"$tmp/$2.log" 2>&1
}
for lang in ar zh; do
  for ex in national-fr regional-en; do
    out="$tmp/$ex-$lang"
    "$bin" build --lang $lang -o "$out" "$src/examples/$ex.pve.yaml" >/dev/null
    paint "$out/report.html" "$ex-$lang"; rc=$?
    # A page of text in a script with no font still paints (boxes), so the
    # size only proves a page was painted; the glyphs are checked below.
    check "chromium paints the $lang report of $ex" '[ $rc -eq 0 ] && [ "$(stat -c %s "$tmp/$ex-$lang.png")" -gt 20000 ]'
    $PY "$src/tests/cli/glyphs.py" "$out/report.html" >"$tmp/glyphs.log"; rc=$?
    check "every character of the $lang report of $ex has a glyph" '[ $rc -eq 0 ] || { cat "$tmp/glyphs.log"; false; }'
  done
done
check "the Chinese report shows Chinese" 'grep -q "检查结果\|优先领域\|行动计划" "$tmp/national-fr-zh/report.html"'
check "the Arabic report shows Arabic" 'grep -q "خطة" "$tmp/national-fr-ar/report.html"'
# The same check with only the fonts that have no CJK glyphs.
mkdir -p "$tmp/fc"
cat >"$tmp/fc/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts/truetype</dir>
  <cachedir>$tmp/fc/cache</cachedir>
</fontconfig>
EOF
FONTCONFIG_FILE="$tmp/fc/fonts.conf" $PY "$src/tests/cli/glyphs.py" "$tmp/national-fr-zh/report.html" >"$tmp/nocjk.log"; rc=$?
check "without a CJK font, the Chinese report has characters without a glyph" '[ $rc -eq 1 ] && grep -q "CJK UNIFIED IDEOGRAPH" "$tmp/nocjk.log"'
FONTCONFIG_FILE="$tmp/fc/fonts.conf" $PY "$src/tests/cli/glyphs.py" "$tmp/national-fr-ar/report.html" >"$tmp/nocjk-ar.log"; rc=$?
check "... and the Arabic one has all its glyphs still (Noto core)" '[ $rc -eq 0 ] || { cat "$tmp/nocjk-ar.log"; false; }'
finish
