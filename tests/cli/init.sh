# pveplan init: for each scope and language, a scaffold with no FMT, REF or
# CON finding that the JSON Schema accepts; never over an existing file; '-'
# writes to standard output; a hostile --title reads back exactly.
. "$(dirname "$0")/lib.inc"
structural() { # structural FILE [FAMILIES]: no FMT, REF, CON (or SYN) finding, per the JSON output
  "$bin" check --format json "$1" >"$tmp/check.json"
  $PY - "$tmp/check.json" "${2:-FMT REF CON SYN}" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = [f["code"] for f in d["files"][0]["findings"] if f["code"][:3] in sys.argv[2].split()]
sys.exit(1 if bad or not d["files"][0]["checked"] else 0)
PY
}
"$bin" schema >"$tmp/schema.json"
sc() { $PY "$src/tests/cli/schema_check.py" "$@" >"$tmp/sc.log" 2>&1 || { cat "$tmp/sc.log"; false; }; }
langs="ar en es fr ru zh"
for lang in $langs; do
  for scope in national regional; do
    f="$tmp/$scope-$lang.pve.yaml"
    check "init --scope $scope --lang $lang exits 0" \
      '"$bin" init --scope $scope --lang $lang "$f" >"$tmp/out" 2>"$tmp/err" && [ ! -s "$tmp/err" ]'
    check "$scope/$lang: no FMT, REF, CON or SYN finding" 'structural "$f"'
    check "$scope/$lang: the JSON Schema accepts it" 'sc accepts "$tmp/schema.json" "$f"'
    case $lang in
      ar) todo="يُستكمل: " ;; es) todo="POR COMPLETAR: " ;; fr) todo="À COMPLÉTER : " ;;
      ru) todo="ЗАПОЛНИТЬ: " ;; zh) todo="待填写：" ;; *) todo="TO COMPLETE: " ;;
    esac
    check "$scope/$lang: placeholders say $todo keys in English" \
      'grep -q "$todo" "$f" && grep -q "^stakeholders:" "$f" && grep -q "^  related_strategies:" "$f"'
    check "$scope/$lang: the next steps list PVE findings only" \
      'grep -q "^  PVE1[0-9][0-9]" "$tmp/out" && ! grep -Eq "^  (FMT|REF|CON)" "$tmp/out"'
    cp "$f" "$tmp/before"
    check "$scope/$lang: a second init on the same file exits 2, naming it, in its language, the file unchanged" \
      '"$bin" init --scope $scope --lang $lang "$f" >/dev/null 2>"$tmp/err"; [ $? = 2 ] && grep -F "$f" "$tmp/err" | grep -Eq "already exists|existe déjà|ya existe|уже существует|موجود بالفعل|已存在" && cmp -s "$f" "$tmp/before"'
    check "$scope/$lang: '-' writes the same scaffold to standard output, the steps to stderr" \
      '"$bin" init --scope $scope --lang $lang - >"$tmp/stdout" 2>"$tmp/err" && cmp -s "$tmp/stdout" "$f" && grep -q "PVE1" "$tmp/err"'
  done
done
check "every section of the format is present" \
  '(for k in pveplan plan coordination context stakeholders consultations priorities indicators capacity_needs monitoring risks communication accepted_deviations; do grep -q "^$k:" "$tmp/national-en.pve.yaml" || exit 1; done)'
check "the catalogue-2 keys are present" \
  '(for k in addresses related_strategies "sector: oversight" "kind: other" counts_people; do grep -q "$k" "$tmp/national-en.pve.yaml" || exit 1; done)'
check "regional: organization and member states, country not" \
  'grep -q "^  member_states: \[XA, XB\]" "$tmp/regional-en.pve.yaml" && ! grep -q "^  country:" "$tmp/regional-en.pve.yaml"'

# Option values written as YAML text read back exactly, whatever they hold.
title=$'Pillar #1: "Youth" & \'women\' [draft] {x} \\ back\tslash @ * % - | > ! ` é'
org=$'G5: "Sahel" # region\nsecond line'
check "a hostile --title and --organization round-trip exactly" \
  '"$bin" init --scope regional --organization "$org" --member-states ML,NE --title "$title" "$tmp/h.pve.yaml" >/dev/null &&
   $PY -c "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); sys.exit(0 if d[\"plan\"][\"title\"] == sys.argv[2] and d[\"plan\"][\"organization\"] == sys.argv[3] and d[\"plan\"][\"member_states\"] == [\"ML\", \"NE\"] else 1)" "$tmp/h.pve.yaml" "$title" "$org" &&
   structural "$tmp/h.pve.yaml"'
# Invisible and line-breaking characters are escaped, so they stay in the one
# value (SYN002 then warns about them, as it should).
title=$'x \xc2\x85 NEL \xe2\x80\xa8 LS \xe2\x80\xae RLO \xef\xbb\xbf BOM \x01 SOH'
check "a --title with NEL, LS, RLO, BOM and a control character round-trips exactly" \
  '"$bin" init --title "$title" "$tmp/h2.pve.yaml" >/dev/null &&
   $PY -c "import sys, yaml; sys.exit(0 if yaml.safe_load(open(sys.argv[1]))[\"plan\"][\"title\"] == sys.argv[2] else 1)" "$tmp/h2.pve.yaml" "$title" &&
   structural "$tmp/h2.pve.yaml" "FMT REF CON" && [ "$(wc -l <"$tmp/h2.pve.yaml")" = "$(wc -l <"$tmp/national-en.pve.yaml")" ]'
check "--country sets the country" \
  '"$bin" init --country ML - 2>/dev/null | grep -q "^  country: ML"'

# Usage errors: nothing written, exit 2, a message that says why.
usage() { # usage PATTERN ARGS...: exit 2, PATTERN on stderr, nothing written
  local pat=$1; shift
  (cd "$tmp" && mkdir -p u && cd u && "$bin" init "$@" >/dev/null 2>"$tmp/err"; [ $? = 2 ] && grep -q -- "$pat" "$tmp/err" && [ -z "$(ls -A)" ])
}
check "--lang de exits 2, naming the six languages" 'usage "takes ar, en, es, fr, ru or zh" --lang de'
check "--lang EN (capitals) exits 2, saying what to write" 'usage "takes ar, en.*write --lang en\$" --lang EN'
check "--lang español (a name) exits 2, saying what to write" 'usage "not its name .español.: write --lang es\$" --lang español'
check "--lang French (an English name) says write --lang fr" 'usage "write --lang fr\$" --lang French'
check "--lang klingon (a language without a scaffold) names it and the six" 'usage "is the language tlh; the scaffold is written in ar, en, es, fr, ru or zh" --lang klingon'
check "--lang xx (no language) keeps the list of the six" 'usage "takes ar, en, es, fr, ru or zh, not .xx.\$" --lang xx'
check "--scope local exits 2" 'usage "national or regional" --scope local'
check "--country ml (lower case) exits 2, saying what to write" 'usage "ISO 3166-1.*write --country ML\$" --country ml'
check "--country Mali (a name) exits 2, saying write --country ML" 'usage "not .Mali.: write --country ML\$" --country Mali'
check "--country \"Côte d'\''Ivoire\" (a name with spaces) says write --country CI" 'usage "write --country CI\$" --country "Côte d'\''Ivoire"'
check "--country MLI (the three-letter code) says write --country ML" 'usage "write --country ML\$" --country MLI'
check "--country Atlantis (no country) gives the examples" 'usage "capitals (ML, BD), not .Atlantis.\$" --country Atlantis'
check "--country with --scope regional exits 2" 'usage "national plan" --scope regional --country ML'
check "--organization without --scope regional exits 2" 'usage "regional plan" --organization ECOWAS'
check "--member-states with one state exits 2" 'usage "two or more" --scope regional --member-states ML'
check "--member-states with a state twice exits 2" 'usage "two or more" --scope regional --member-states ML,ML'
check "--member-states with a trailing comma exits 2" 'usage "two or more" --scope regional --member-states ML,NE,'
check "an empty --title exits 2" 'usage "UTF-8" --title ""'
check "a --title not in UTF-8 exits 2" 'usage "UTF-8" --title $'"'"'\xff\xfe'"'"''
check "two files exit 2" 'usage "one file" a.yaml b.yaml'
check "the default file is plan.pve.yaml" \
  '(cd "$tmp" && mkdir d && cd d && "$bin" init >/dev/null && [ -f plan.pve.yaml ] && [ "$(ls -A)" = plan.pve.yaml ])'
ln -s "$tmp/nowhere" "$tmp/dangling"
check "a dangling symbolic link is not written through" \
  '"$bin" init "$tmp/dangling" >/dev/null 2>&1; [ $? = 2 ] && [ ! -e "$tmp/nowhere" ]'
check "a missing folder exits 3, leaving nothing" \
  '"$bin" init "$tmp/none/p.yaml" >/dev/null 2>"$tmp/err"; [ $? = 3 ] && [ ! -e "$tmp/none" ]'
check "pveplan help init shows the help" '"$bin" help init | grep -q "^usage: pveplan init"'
check "pveplan --help lists init" '"$bin" --help | grep -q "^  init "'
check "docs/pveplan-init.md documents every option" \
  '(for o in $("$bin" init --help | grep -o -- "--[a-z][a-z-]*" | sort -u); do grep -q -- "$o" "$src/docs/pveplan-init.md" || exit 1; done)'
finish
