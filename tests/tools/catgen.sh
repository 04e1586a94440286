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
[ "$fails" -eq 0 ]
