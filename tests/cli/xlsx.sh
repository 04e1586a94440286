# The capacity-needs workbook: read back by openpyxl and recalculated by
# LibreOffice (tests/xlsx/check_workbook.py), byte-identical on a second
# build, and with valid sheet names in all six languages.
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
check "LibreOffice is installed" 'command -v soffice >/dev/null'
check "openpyxl is installed" '$PY -c "import openpyxl"'
# xb OUT ARGS...: builds only the workbook into OUT (stderr in OUT.err).
# Under the sanitizer build of .ci/test a UBSan or ASan report ends the
# build with a non-zero status, so every build's status is checked.
xb() {
  local out=$1; shift
  "$bin" build --format xlsx -o "$out" "$@" >/dev/null 2>"$out.err"
}
# built OUT [STATUS]: the build exited STATUS (0) with no sanitizer report,
# and wrote a workbook whose XML parts are well-formed and whose numbers are
# finite (tests/xlsx/check_parts.py).
built() {
  [ "$rc" -eq "${2:-0}" ] && [ -f "$1/capacity-needs.xlsx" ] &&
    ! grep -Eq 'runtime error|Sanitizer' "$1.err" &&
    $PY "$src/tests/xlsx/check_parts.py" "$1/capacity-needs.xlsx" || { cat "$1.err"; false; }
}
for ex in regional-en national-fr; do
  xb "$tmp/$ex" --lang en "$src/examples/$ex.pve.yaml"; rc=$?
  check "build --format xlsx $ex" 'built "$tmp/$ex" && [ ! -e "$tmp/$ex/report.md" ]'
  $PY "$src/tests/xlsx/check_workbook.py" "$tmp/$ex/capacity-needs.xlsx" example >"$tmp/$ex.log" 2>&1; rc=$?
  check "$ex workbook read back and recalculated" '[ $rc -eq 0 ] || { cat "$tmp/$ex.log"; false; }'
done
xb "$tmp/inj" --lang en "$src/tests/golden/build/injection.pve.yaml"; rc=$?
check "build the injection plan" 'built "$tmp/inj"'
$PY "$src/tests/xlsx/check_workbook.py" "$tmp/inj/capacity-needs.xlsx" injection >"$tmp/inj.log" 2>&1; rc=$?
check "plan text starting with = stays text" '[ $rc -eq 0 ] || { cat "$tmp/inj.log"; false; }'
# Golden content (tests/golden/build/regional-en.xlsx.txt): every cell,
# formula and cached value of the regional example's workbook in English.
# Its totals were worked out from the plan by hand (By provider, By area,
# Budget), so it proves those figures and the exact formulas that give them.
$PY "$src/tests/xlsx/dump.py" "$tmp/regional-en/capacity-needs.xlsx" >"$tmp/dump.txt"
if [ "${PVEPLAN_UPDATE_GOLDEN:-}" = 1 ]; then cp "$tmp/dump.txt" "$src/tests/golden/build/regional-en.xlsx.txt"; fi
check "regional-en workbook content is as expected" 'diff -u "$src/tests/golden/build/regional-en.xlsx.txt" "$tmp/dump.txt"'
# An action in another currency counts in no total, in the reports and the
# workbook alike, and LibreOffice agrees (base plan: A1 50,000 and A3 20,000
# USD, A2 80,000 turned into EUR).
sed 's/            cost: 80000/            cost: 80000\n            currency: EUR/' \
  "$src/tests/golden/pve/PVE-base/plan.pve.yaml" >"$tmp/eur.pve.yaml"
"$bin" build --lang en --format md,xlsx -o "$tmp/eur" "$tmp/eur.pve.yaml" >/dev/null 2>"$tmp/eur.err"; rc=$?
check "build a plan with an action in EUR" 'built "$tmp/eur"'
check "the report's total leaves the EUR action out" 'grep -q "^| Total cost | 70,000 USD |" "$tmp/eur/report.md"'
check "so does the workbook's" '$PY -c "
import openpyxl, sys
b = openpyxl.load_workbook(sys.argv[1], data_only=True)[\"Budget\"]
assert b.cell(row=b.max_row, column=3).value == 70000, b.cell(row=b.max_row, column=3).value
" "$tmp/eur/capacity-needs.xlsx"'
$PY "$src/tests/xlsx/check_workbook.py" "$tmp/eur/capacity-needs.xlsx" plain >"$tmp/eur.log" 2>&1; rc=$?
check "and LibreOffice recalculates it to the same figures" '[ $rc -eq 0 ] || { cat "$tmp/eur.log"; false; }'
# A need that lists a provider twice, under a priority that lists an area
# twice, counts once in each total, as the COUNTIF and SUMIF that
# LibreOffice recalculates (base plan: N1 asks undp, under P2).
sed 's/support_from: \[undp\]/support_from: [undp, undp]/; s/areas: \[youth, gender/areas: [youth, youth, gender/' \
  "$src/tests/golden/pve/PVE-base/plan.pve.yaml" >"$tmp/dup.pve.yaml"
xb "$tmp/dup" --lang en "$tmp/dup.pve.yaml"; rc=$?
check "build a plan that repeats a provider and an area" 'built "$tmp/dup" && grep -q "undp, undp" "$tmp/dup.pve.yaml" && grep -q "youth, youth" "$tmp/dup.pve.yaml"'
check "the repeated provider and area count once" '$PY -c "
import openpyxl, sys
b = openpyxl.load_workbook(sys.argv[1], data_only=True)
p, a = b[\"By provider\"], b[\"By area\"]
assert (p[\"B2\"].value, p[\"C2\"].value) == (\"undp\", 1), (p[\"B2\"].value, p[\"C2\"].value)
youth = [r for r in range(2, 9) if a.cell(row=r, column=2).value == \"youth\"][0]
assert a.cell(row=youth, column=3).value == 1, a.cell(row=youth, column=3).value
" "$tmp/dup/capacity-needs.xlsx"'
$PY "$src/tests/xlsx/check_workbook.py" "$tmp/dup/capacity-needs.xlsx" plain >"$tmp/dup.log" 2>&1; rc=$?
check "and LibreOffice recalculates them to the same figures" '[ $rc -eq 0 ] || { cat "$tmp/dup.log"; false; }'
# Plan text holding characters XML 1.0 refuses (C0 controls, U+FFFE,
# U+FFFF) or that pveplan shows escaped (ESC, DEL, NEL, bidi overrides):
# every part of the workbook stays well-formed XML, and the cells show the
# characters escaped, line breaks kept. The second plan adds, under --force,
# an unknown key whose finding quotes it and a currency refused by FMT004.
sed -e 's/title: Base plan for the PVE rules/title: "Plan \\x01\\x1b[31m red \\uFFFE\\uFFFF \\u202E end\\ttab\\nline \\x7f \\u0085"/' \
    -e 's/need: Grant management training/need: "Need \\x07 bell \\uFFFF"/' \
    -e 's/name: UNDP,/name: "UN\\x02DP",/' \
    -e 's/name: Districts with an active prevention forum/name: "Districts \\x0b\\x0c\\uFFFE"/' \
    -e "s/title: Youth and women's prevention grants/title: \"Grants \\\\x1f\\\\x10\"/" \
  "$src/tests/golden/pve/PVE-base/plan.pve.yaml" >"$tmp/ctl.pve.yaml"
sed -e 's/currency: USD/currency: "US\\"D\\x03\\uFFFF"/' -e 's/^coordination:/"k\\x1b[2J\\uFFFF": 1\ncoordination:/' \
  "$tmp/ctl.pve.yaml" >"$tmp/ctl-force.pve.yaml"
title='Plan \x01\x1b[31m red \u{fffe}\u{ffff} \u{202e} end\ttab'$'\n''line \x7f \u{85}'
xb "$tmp/ctl" --lang en "$tmp/ctl.pve.yaml"; rc=$?
check "build a plan whose text holds control characters" 'built "$tmp/ctl"'
check "every XML part is well-formed; the cells show the characters escaped" '$PY "$src/tests/xlsx/check_parts.py" "$tmp/ctl/capacity-needs.xlsx" \
  "$title" "Need \x07 bell \u{ffff}" "UN\x02DP" "Districts \x0b\x0c\u{fffe}" "A2 Grants \x1f\x10" "Grants \x1f\x10"'
check "so does the title in the document properties" '$PY -c "
import sys, zipfile, xml.etree.ElementTree as ET
t = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read(\"docProps/core.xml\")).find(\"{http://purl.org/dc/elements/1.1/}title\").text
assert t == sys.argv[2], repr(t)
" "$tmp/ctl/capacity-needs.xlsx" "$title"'
$PY "$src/tests/xlsx/check_workbook.py" "$tmp/ctl/capacity-needs.xlsx" plain >"$tmp/ctl.log" 2>&1; rc=$?
check "LibreOffice reads and recalculates it" '[ $rc -eq 0 ] || { cat "$tmp/ctl.log"; false; }'
xb "$tmp/ctl-force" --force --lang en "$tmp/ctl-force.pve.yaml"; rc=$?
check "build --force a plan with a hostile key and currency (exit 1: not valid)" 'built "$tmp/ctl-force" 1'
check "every XML part is well-formed; the finding shows the key escaped" '$PY "$src/tests/xlsx/check_parts.py" "$tmp/ctl-force/capacity-needs.xlsx" \
  "$title" "unknown key '"'"'k\x1b[2J\u{ffff}'"'"' in plan file" \
  "'"'"'currency'"'"' must be an ISO 4217 currency code, got '"'"'US\"D\x03\u{ffff}'"'"'"'
# Amounts whose sums overflow a double (A1 and A2 cost 1.5e308, A1 has two
# commitments of 1e308, two needs of 1.7e308 ask undp): above 1e15 they are
# FMT004 errors, so under --force. No cell, plain or cached formula value,
# is inf or nan (check_parts.py, in built); an overflowed figure is #NUM!,
# as Excel and LibreOffice make it when they recalculate.
sed -e 's/cost: 50000/cost: 1.5e308/' -e 's/cost: 80000/cost: 1.5e308/' \
    -e 's/amount: 20000, status: committed}]/amount: 1e308, status: committed}, {source: undp, amount: 1e308, status: committed}]/' \
    -e 's/support_from: \[undp\]}/support_from: [undp], cost: 1.7e308}\n              - {id: N2, need: Audits, kind: training, priority: low, support_from: [undp], cost: 1.7e308}/' \
  "$src/tests/golden/pve/PVE-base/plan.pve.yaml" >"$tmp/big.pve.yaml"
xb "$tmp/big" --force --lang en "$tmp/big.pve.yaml"; rc=$?
# (whatever the exit status of --force with errors)
check "build --force a plan whose totals overflow: no inf, no nan" 'built "$tmp/big" "$rc" && [ "$(grep -c e308 "$tmp/big.pve.yaml")" -eq 5 ]'
$PY "$src/tests/xlsx/check_workbook.py" "$tmp/big/capacity-needs.xlsx" overflow >"$tmp/big.log" 2>&1; rc=$?
check "LibreOffice recalculates the same figures, #NUM! where they overflow" '[ $rc -eq 0 ] || { cat "$tmp/big.log"; false; }'
xb "$tmp/again" --lang en "$src/examples/regional-en.pve.yaml"; rc=$?
check "byte-identical on a second build" 'built "$tmp/again" && cmp -s "$tmp/again/capacity-needs.xlsx" "$tmp/regional-en/capacity-needs.xlsx"'
for lang in ar en es fr ru zh; do
  xb "$tmp/l-$lang" --lang $lang "$src/examples/regional-en.pve.yaml"; rc=$?
  check "$lang: eight sheets with valid names" 'built "$tmp/l-$lang" && $PY -c "
import openpyxl, sys
names = openpyxl.load_workbook(sys.argv[1], read_only=True).sheetnames
assert len(names) == 8 and all(len(n) <= 31 and not set(n) & set(\"[]:*?/\\\\\\\\\") for n in names), names
" "$tmp/l-$lang/capacity-needs.xlsx"'
done
finish
