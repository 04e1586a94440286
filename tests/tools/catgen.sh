#!/usr/bin/env bash
# A malformed catalogue fails the build: tools/catgen refuses it with the
# file, line and column, and writes nothing usable.
# usage: bash catgen.sh CATGEN
set -u
catgen=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
rule() {   # a complete rule entry, with one field left out by name
  for f in title message rationale citation hint example fix; do
    [ "$f" = "${1:-}" ] || echo "    $f: \"x\""
  done
}
refuse() {   # name, file name, expected text in the message
  if "$catgen" "$tmp/out.c" "$tmp/$2" 2>"$tmp/err"; then
    echo "FAIL: $1: accepted"; fails=$((fails + 1))
  elif ! grep -q -- "$3" "$tmp/err"; then
    echo "FAIL: $1: message lacks '$3':"; cat "$tmp/err"; fails=$((fails + 1))
  else
    echo "ok: $1"
  fi
}
{ echo "catalogue: 1"; echo "language: en"; echo "version: 1"; echo "rules:"; echo "  PVE101:"; rule; echo "labels: {a: b}"; } >"$tmp/rules.en.yaml"
"$catgen" "$tmp/out.c" "$tmp/rules.en.yaml" || { echo "FAIL: a good catalogue is refused"; fails=$((fails + 1)); }
grep -q '"PVE101.title", "x"' "$tmp/out.c" || { echo "FAIL: the table lacks PVE101.title"; fails=$((fails + 1)); }

{ echo "catalogue: 1"; echo "language: en"; echo "version: 1"; echo "rules:"; echo "  PVE101:"; rule hint; echo "labels: {}"; } >"$tmp/rules.fr.yaml"
sed -i 's/language: en/language: fr/' "$tmp/rules.fr.yaml"
refuse "a rule without its hint" rules.fr.yaml "has no 'hint'"

printf 'language: fr\nmessages:\n  "a": "b"\n  "a": "c"\nwords: {}\n' >"$tmp/messages.fr.yaml"
refuse "a message defined twice" messages.fr.yaml "duplicate key 'a'"

printf 'report: 1\nlanguage: es\nlabels:\n  x: [1, 2]\n' >"$tmp/report.es.yaml"
refuse "a label that is not a string" report.es.yaml ":4:6: error"

printf 'report: 1\nlanguage: ru\nlabels: {a: "b"\n' >"$tmp/report.ru.yaml"
refuse "broken YAML" report.ru.yaml "report.ru.yaml:4"

printf 'report: 1\nlanguage: zh\nlabels: {}\n' >"$tmp/report.ar.yaml"
refuse "a language that is not the file's" report.ar.yaml "'language' must be 'ar'"

printf 'report: 1\nlanguage: zh\nlabel: {}\n' >"$tmp/report.zh.yaml"
refuse "an unknown key" report.zh.yaml "unknown key 'label'"

# schema.LANG.yaml (pveplan schema): texts, and keys and values by group.
printf 'schema: 1\nlanguage: en\ntexts: {title: t}\nkeys:\n  plan: {id: "The id."}\nvalues:\n  scope: {national: "A country."}\n' >"$tmp/schema.en.yaml"
"$catgen" "$tmp/out.c" "$tmp/schema.en.yaml" || { echo "FAIL: a good schema catalogue is refused"; fails=$((fails + 1)); }
grep -q '"key.plan.id", "The id."' "$tmp/out.c" && grep -q '"value.scope.national", "A country."' "$tmp/out.c" &&
  grep -q 'pv_catalogue_schema\[\]' "$tmp/out.c" || { echo "FAIL: the schema table is not written"; fails=$((fails + 1)); }
printf 'schema: 1\nlanguage: fr\ntexts: {}\nkeys:\n  plan: "a string"\nvalues: {}\n' >"$tmp/schema.fr.yaml"
refuse "a group of schema keys that is not a mapping" schema.fr.yaml "'keys' must be a mapping"
# syntax.LANG.yaml's yaml_errors: libyaml's problems, a case each with its fix
# kind (English only), written for the YAML stage with --yaml-cases.
printf 'syntax: 1\nlanguage: en\nyaml_errors:\n  "some problem":\n    a-case: {fix: quote-value, message: "m {key}", hint: "h {fixed}"}\n' >"$tmp/syntax.en.yaml"
"$catgen" "$tmp/out.c" --yaml-cases "$tmp/cases.c" "$tmp/syntax.en.yaml" || { echo "FAIL: a good yaml_errors table is refused"; fails=$((fails + 1)); }
grep -q '"FMT001.variants.yaml-a-case-hint", "h {fixed}"' "$tmp/out.c" &&
  grep -q '{ "some problem", "", "quote-value", "variants.yaml-a-case", "variants.yaml-a-case-hint" }' "$tmp/cases.c" ||
  { echo "FAIL: the yaml_errors cases are not written"; fails=$((fails + 1)); }
printf 'syntax: 1\nlanguage: en\nyaml_errors:\n  "p":\n    c: {message: "m", hint: "h"}\n' >"$tmp/syntax.en.yaml"
refuse "a yaml_errors case without its fix kind" syntax.en.yaml "case 'c' has no 'fix'"
printf 'syntax: 1\nlanguage: fr\nyaml_errors:\n  "p":\n    c: {fix: quote-value, message: "m", hint: "h"}\n' >"$tmp/syntax.fr.yaml"
refuse "a fix kind outside the English file" syntax.fr.yaml "fix and context are the English file's"
# citations.yaml, the citation register: entries checked, and every PVE rule
# of the rule catalogue given its citations.
register() {   # a good register, then sed expressions applied to it
  mkdir -p "$tmp/reg"
  cat >"$tmp/reg/citations.yaml" <<'YAML'
register: 2
documents:
  A/70/674: {en: "Plan of Action", fr: "Plan d'action"}
labels:
  en: {citation_status.verified: "verified"}
citations:
  POA-44a:
    document: 'A/70/674'
    locator: 'para. 44 (a)'
    status: verified
    seen: '"developed in a multidisciplinary manner"'
    where: 'a copy'
    counts_under: A/70/674
unverified:
  - {what: 'a paragraph', why: 'not seen'}
rules:
  PVE101: [POA-44a]
YAML
  for e in "$@"; do sed -i "$e" "$tmp/reg/citations.yaml"; done
}
refuse_reg() {   # name, expected text in the message
  if "$catgen" "$tmp/out.c" "$tmp/rules.en.yaml" "$tmp/reg/citations.yaml" 2>"$tmp/err"; then
    echo "FAIL: $1: accepted"; fails=$((fails + 1))
  elif ! grep -q -- "$2" "$tmp/err"; then
    echo "FAIL: $1: message lacks '$2':"; cat "$tmp/err"; fails=$((fails + 1))
  else
    echo "ok: $1"
  fi
}
register
"$catgen" "$tmp/out.c" "$tmp/rules.en.yaml" "$tmp/reg/citations.yaml" ||
  { echo "FAIL: a good register is refused"; fails=$((fails + 1)); }
grep -q '{ "PVE101", cites_PVE101, 1 }' "$tmp/out.c" && grep -q '"doc.A/70/674", "Plan d' "$tmp/out.c" ||
  { echo "FAIL: the register's tables are not written"; fails=$((fails + 1)); }
register 's/PVE101: \[POA-44a\]/PVE101: [POA-44a, POA-45]/'
refuse_reg "a rule citing a key not in the register" "PVE101 cites 'POA-45', which is not in the register"
register 's/status: verified/status: unverified/'
refuse_reg "an unverified citation" "status 'unverified' cannot be cited"
register '/    where:/d'
refuse_reg "an entry without 'where'" "citation POA-44a has no 'where'"
register 's/counts_under: A\/70\/674/counts_under: A\/70\/675/'
refuse_reg "an entry counting under no listed document" "counts under 'A/70/675'"
register 's/  PVE101: \[POA-44a\]/  PVE102: []/'
refuse_reg "a PVE rule of the catalogue without its citations" "rule PVE101 (rules.en.yaml) has no line under 'rules'"
register 's/  PVE101: \[POA-44a\]/  PVE101: [POA-44a]\n  CON001: [POA-44a]/'
refuse_reg "a CON rule citing a source" "'CON001': only PVE rules cite sources"
register 's/    seen: .*/    seen: [a, b]/'
refuse_reg "seen words that are not a string" "seen must be a string"
register 's/^register: 2/register: 2\nextra: 1/'
refuse_reg "an unknown part of the register" "unknown key 'extra' in the citation register"
[ "$fails" -eq 0 ]
