# pveplan schema: a valid draft-07 JSON Schema of the plan format, in English
# and French, the same bytes every run and through -o; the bundled examples
# validate against it; and on the plans of tests/cli/schema-corpus it
# rejects exactly what the loader rejects with FMT003, FMT004 and FMT005,
# and accepts what the loader accepts (tests/cli/schema_check.py).
. "$(dirname "$0")/lib.inc"
corpus=("$src"/tests/cli/schema-corpus/*.pve.yaml)
sc() { $PY "$src/tests/cli/schema_check.py" "$@" >"$tmp/check.log" 2>&1 || { cat "$tmp/check.log"; false; }; }

check "schema exits 0" '"$bin" schema >"$tmp/en.json" 2>"$tmp/err" && [ ! -s "$tmp/err" ]'
check "schema --lang fr exits 0" '"$bin" schema --lang fr >"$tmp/fr.json"'
for lang in en fr; do
  check "the $lang schema is valid draft-07, every key and value described" 'sc valid "$tmp/$lang.json"'
  check "the examples validate against the $lang schema" 'sc accepts "$tmp/$lang.json" "$src"/examples/*.pve.yaml'
done
check "the descriptions are in French with --lang fr" 'grep -q "Obligatoire." "$tmp/fr.json" && ! grep -q "Obligatoire." "$tmp/en.json"'
check "the schema rejects what the loader rejects, and only that" \
  'sc agrees "$bin" "$tmp/en.json" "${corpus[@]}"'

# Deterministic, and the same through -o as on standard output.
"$bin" schema >"$tmp/en2.json"
check "two runs give the same bytes" 'cmp -s "$tmp/en.json" "$tmp/en2.json"'
check "-o FILE writes the same bytes, nothing on stdout" \
  '"$bin" schema -o "$tmp/out.json" >"$tmp/stdout" && cmp -s "$tmp/en.json" "$tmp/out.json" && [ ! -s "$tmp/stdout" ]'
check "--output - writes to standard output" '"$bin" schema --output - | cmp -s - "$tmp/en.json"'
check "-o /dev/stdout writes to standard output" '"$bin" schema -o /dev/stdout | cmp -s - "$tmp/en.json"'
ln -s "$tmp/target" "$tmp/link"
check "-o over a symbolic link replaces the link, never follows it" \
  '"$bin" schema -o "$tmp/link" && [ ! -L "$tmp/link" ] && [ ! -e "$tmp/target" ] && cmp -s "$tmp/en.json" "$tmp/link"'
check "-o into a missing folder exits 3, leaving nothing" \
  '"$bin" schema -o "$tmp/none/s.json" 2>"$tmp/err"; [ $? = 3 ] && grep -q "error" "$tmp/err" && [ ! -e "$tmp/none" ]'
check "-o '' exits 2" '"$bin" schema -o "" 2>/dev/null; [ $? = 2 ]'
check "--lang es gives the Spanish descriptions" \
  '"$bin" schema --lang es | grep -q "Un identificador breve para el plan"'
check "--lang xx (no descriptions) exits 2, naming the languages that have them" \
  '"$bin" schema --lang xx 2>"$tmp/err" >/dev/null; [ $? = 2 ] && grep -q "takes ar, en, es, fr" "$tmp/err"'
check "an operand exits 2" '"$bin" schema plan.yaml 2>/dev/null >/dev/null; [ $? = 2 ]'
check "--help exits 0 and shows the set-up line" \
  '"$bin" schema --help | grep -q "yaml-language-server: \$schema=pveplan.schema.json"'
check "pveplan --help lists schema" '"$bin" --help | grep -q "^  schema "'
check "docs/pveplan-schema.md documents every option" \
  '(for o in $("$bin" schema --help | grep -o -- "--[a-z][a-z-]*" | sort -u); do grep -q -- "$o" "$src/docs/pveplan-schema.md" || exit 1; done)'
check "the man page has schema" 'grep -q "^\.B pveplan schema" "$src/docs/pveplan.1"'
finish
