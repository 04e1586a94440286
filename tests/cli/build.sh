# pveplan build: reports of the examples match their golden copies (what
# each golden proves: tests/golden/build/README.md), and, independently of
# the goldens, every report of both examples in the six languages has every
# section and its three charts (tests/cli/report_facts.py); a plan with
# errors writes nothing (exit 1) unless --force, which adds a banner;
# --redact leaves every confidential item out of every output, and the
# figures agree; outputs are deterministic; no plan text breaks a table,
# injects HTML or reaches the structure of the report.
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
g="$src/tests/golden/build"
facts="$src/tests/cli/report_facts.py"
cd "$tmp"
for ex in national-fr regional-en; do
  # The plan's own language (the default), and two others.
  [ $ex = national-fr ] && others="en ar" || others="fr ar"
  for lang in "" $others; do
    name=$ex${lang:+-$lang}
    "$bin" build ${lang:+--lang $lang} -o "$tmp/$name" "$src/examples/$ex.pve.yaml" >/dev/null; rc=$?
    check "build $name exits 0" '[ $rc -eq 0 ]'
    if [ "${PVEPLAN_UPDATE_GOLDEN:-}" = 1 ]; then
      mkdir -p "$g" && cp "$tmp/$name/report.md" "$g/$name.md" && cp "$tmp/$name/report.html" "$g/$name.html"
    fi
    check "$name/report.md is as expected" 'diff -u "$g/$name.md" "$tmp/$name/report.md"'
    check "$name/report.html is as expected" 'diff -u "$g/$name.html" "$tmp/$name/report.html"'
  done
done
# A plan written in each of the six languages (the init scaffold of that
# language, tests/golden/lang/lang-L-build): its report in its language, the
# country by its name in that language (iso-codes' translations).
declare -A mali=([ar]="مالي" [en]="Mali" [es]="Malí" [fr]="Mali" [ru]="Мали" [zh]="马里")
for lang in ar en es fr ru zh; do
  name=lang-$lang
  "$bin" build --format md,html -o "$tmp/$name" "$src/tests/golden/lang/lang-$lang-build/plan.pve.yaml" >/dev/null; rc=$?
  check "build $name exits 0" '[ $rc -eq 0 ]'
  if [ "${PVEPLAN_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/$name/report.md" "$g/$name.md" && cp "$tmp/$name/report.html" "$g/$name.html"
  fi
  check "$name/report.md is as expected" 'diff -u "$g/$name.md" "$tmp/$name/report.md"'
  check "$name/report.html is as expected" 'diff -u "$g/$name.html" "$tmp/$name/report.html"'
  check "$name: the country is '${mali[$lang]} (ML)'" 'grep -qF "${mali[$lang]} (ML)" "$tmp/$name/report.md"'
  check "$name: the report is in its plan's language" 'grep -q "<html lang=\"$lang\"" "$tmp/$name/report.html"'
done
check "no report shows an escaped isolate or control (\\u{...} of pveplan's own text)" \
  '! grep -l "u{20[0-9a-f][0-9a-f]}" "$tmp"/*/report.md'
for ex in national-fr regional-en; do
  for lang in ar en es fr ru zh; do
    "$bin" build --lang $lang --format md,html -o "$tmp/facts-$ex-$lang" "$src/examples/$ex.pve.yaml" >/dev/null
    check "$ex in $lang: every section, and the three charts in their places" '$PY "$facts" structure "$src" $lang "$tmp/facts-$ex-$lang"'
    check "$ex in $lang: the format additions of catalogue 2 as the plan states them" '$PY "$facts" additions "$src" $lang "$src/examples/$ex.pve.yaml" "$tmp/facts-$ex-$lang"'
  done
done
# The additions of catalogue 2 (drivers addressed, related strategies,
# member states, oversight, kinds of action): a plan that uses each, and its
# national variant that states that there is no related strategy.
add="$src/tests/golden/build/additions.pve.yaml"
$PY - "$add" "$tmp/additions-national.pve.yaml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("scope: regional\n  organization: Lake Basin Commission\n  member_states: [XA, XB, XC]\n",
              "scope: national\n  country: ML\n", 1)
s, n = re.subn(r"  related_strategies:\n(    .*\n)+", "  related_strategies: []\n", s, count=1)
assert n == 1 and "scope: national" in s
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
for lang in en fr ar; do
  "$bin" build --lang $lang --format md,html -o "$tmp/add-$lang" "$add" >/dev/null; rc=$?
  check "the additions plan builds ($lang)" '[ $rc -eq 0 ]'
  check "... with the additions of catalogue 2 as it states them ($lang)" '$PY "$facts" additions "$src" $lang "$add" "$tmp/add-$lang"'
  check "... every section and chart ($lang)" '$PY "$facts" structure "$src" $lang "$tmp/add-$lang"'
done
"$bin" build --redact --format md,html -o "$tmp/add-red" "$add" >/dev/null
check "... --redact leaves a confidential stakeholder out of its member state" 'grep -q "^| XB | Youth council of XB, Confidential liaison of XB |$" "$tmp/add-en/report.md" && grep -q "^| XB | Youth council of XB |$" "$tmp/add-red/report.md" && ! grep -q "Confidential liaison" "$tmp/add-red/report.md" "$tmp/add-red/report.html"'
"$bin" build --format md,html -o "$tmp/add-nat" "$tmp/additions-national.pve.yaml" >/dev/null; rc=$?
check "its national variant builds" '[ $rc -eq 0 ]'
check "... says that there is no related strategy, and has no member states" '$PY "$facts" additions "$src" en "$tmp/additions-national.pve.yaml" "$tmp/add-nat" && grep -q "^_The plan states that it relates to no other strategy._$" "$tmp/add-nat/report.md"'
"$bin" build -o "$tmp/again" "$src/examples/regional-en.pve.yaml" >/dev/null
check "byte-identical on a second build" 'cmp -s "$tmp/again/report.md" "$tmp/regional-en/report.md" && cmp -s "$tmp/again/report.html" "$tmp/regional-en/report.html"'
"$bin" build --format md -o "$tmp/mdonly" "$src/examples/regional-en.pve.yaml" >/dev/null
check "--format md writes only report.md" '[ -f "$tmp/mdonly/report.md" ] && [ ! -e "$tmp/mdonly/report.html" ]'
mkdir "$tmp/tpl" && printf "<!DOCTYPE html><html lang=\"{{lang}}\"><head><title>{{title}}</title><style>{{style}}</style></head><body><header>Ministry brand</header>{{body}}</body></html>" >"$tmp/tpl/page.html" && echo "body{color:#123}" >"$tmp/tpl/style.css"
"$bin" build --template-dir "$tmp/tpl" -o "$tmp/branded" "$src/examples/regional-en.pve.yaml" >/dev/null; rc=$?
check "--template-dir brands the HTML" '[ $rc -eq 0 ] && grep -q "<header>Ministry brand</header>" "$tmp/branded/report.html" && grep -q "body{color:#123}" "$tmp/branded/report.html"'
"$bin" build --template-dir "$tmp/nowhere" -o "$tmp/notpl" "$src/examples/regional-en.pve.yaml" >/dev/null 2>"$tmp/err"; rc=$?
check "a missing template: exit 3, nothing written" '[ $rc -eq 3 ] && [ ! -e "$tmp/notpl/report.md" ] && grep -q "cannot open" "$tmp/err"'
check "default folder is the plan id" '"$bin" build "$src/examples/regional-en.pve.yaml" >/dev/null && [ -f "$tmp/lbsdc-rpa-pve-2027-2031/report.md" ]'
bad="$src/tests/golden/structural/REF002-undefined/plan.pve.yaml"
"$bin" build -o "$tmp/bad" "$bad" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a plan with errors: exit 1" '[ $rc -eq 1 ]'
check "... nothing written" '[ ! -e "$tmp/bad" ]'
check "... and the errors shown (on standard output, as check shows them)" 'grep -q "error\[REF002\]" "$tmp/out" && grep -q "no report written" "$tmp/err"'
"$bin" build --force -o "$tmp/forced" "$bad" >/dev/null; rc=$?
check "--force writes the report, and exits 1 (the plan is not valid)" '[ $rc -eq 1 ] && [ -f "$tmp/forced/report.md" ]'
check "... with the not-valid banner" 'grep -q "^> \*\*This plan is not valid: it has 2 error-level findings" "$tmp/forced/report.md"'
check "... and the findings" 'grep -q "| REF002 | error |" "$tmp/forced/report.md"'
inj="$src/tests/golden/build/injection.pve.yaml"
"$bin" build -o "$tmp/inj" "$inj" >/dev/null; rc=$?
check "injection plan builds" '[ $rc -eq 0 ]'
check "no raw HTML from plan text" '! grep -Pq "(?<!\\\\)<script" "$tmp/inj/report.md" && grep -qF "\\<script\\>alert(1)\\</script\\>" "$tmp/inj/report.md"'
# Plan text is parsed as its own document: nothing in one text reaches the
# report's structure or another text (the facts: tests/cli/report_facts.py).
iso="$src/tests/golden/build/isolation.pve.yaml"
"$bin" build --format md,html -o "$tmp/iso" "$iso" >/dev/null; rc=$?
check "the isolation plan builds" '[ $rc -eq 0 ]'
check "... with every section and chart, however its texts end" '$PY "$facts" structure "$src" en "$tmp/iso"'
check "... and no text reaches the structure of the report" '$PY "$facts" isolation "$tmp/iso"'
check "a | in plan text does not break a table row" 'grep -q "Pipes \\\\| and more" "$tmp/inj/report.md"'
check "a related strategy'\''s text breaks no table row and injects no HTML" 'grep -qF "\\<script\\>alert(2)\\</script\\> \\| Pipes in a strategy" "$tmp/inj/report.md" && ! grep -q "<script>alert(2)" "$tmp/inj/report.html"'
check "every table row has the columns of its header" '$PY - "$tmp/inj/report.md" "$tmp/iso/report.md" "$tmp/regional-en/report.md" <<PY
import re, sys
for path in sys.argv[1:]:
    want = None
    for line in open(path, encoding="utf-8"):
        if not line.startswith("|"):
            want = None
            continue
        cells = len(re.split(r"(?<!\\\\)\\|", line.rstrip("\\n"))) - 2
        if want is None:
            want = cells
        assert cells == want, (path, line)
PY'
"$bin" build --redact -o "$tmp/red" "$inj" >/dev/null
check "--redact leaves confidential items out" 'grep -q "Secret liaison" "$tmp/inj/report.md" && ! grep -q "Secret liaison" "$tmp/red/report.md" && grep -q "Confidential items are left out" "$tmp/red/report.md"'
# --redact: every string and amount of every confidential item of every kind,
# and of the accepted deviation about one, is absent from every output (each
# XML part of the workbook included); the report's totals agree with the
# plan, with its own findings and with the workbook's.
red="$src/tests/golden/build/redact.pve.yaml"
"$bin" build -o "$tmp/red-plain" "$red" >/dev/null; rc=$?
check "the redaction plan builds" '[ $rc -eq 0 ]'
for lang in en fr ar; do
  "$bin" build --redact --lang $lang -o "$tmp/red-$lang" "$red" >/dev/null
  check "--redact ($lang): nothing of a confidential item in any output; the figures agree" '$PY "$facts" redact "$src" $lang "$red" "$tmp/red-$lang" "$tmp/red-plain"'
  check "--redact ($lang): every section and chart" '$PY "$facts" structure "$src" $lang "$tmp/red-$lang"'
done
# A large plan's timeline is drawn by objective (bench/gen_plan 2: 200
# actions in 25 objectives), in Markdown and in SVG alike.
gen="$(dirname "$bin")/bench/gen_plan"
if [ -x "$gen" ]; then
  "$gen" 2 >"$tmp/big.pve.yaml" 2>/dev/null
  "$bin" build --format md,html -o "$tmp/big" "$tmp/big.pve.yaml" >/dev/null; rc=$?
  objectives=$(grep -c "^      - id: " "$tmp/big.pve.yaml")
  check "a large plan builds" '[ $rc -eq 0 ]'
  check "its Mermaid timeline has one bar per objective ($objectives)" '[ "$(grep -c " :t[0-9]*, " "$tmp/big/report.md")" = "$objectives" ]'
  check "its SVG timeline too" '[ "$(grep -o "<rect class=\"bar\" x=\"[0-9.]*\" y=\"[0-9.]*\" width=\"[0-9.]*\" height=\"11\">" "$tmp/big/report.html" | wc -l)" = "$objectives" ]'
fi
finish
