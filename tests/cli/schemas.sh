# SARIF output validates against the official SARIF 2.1.0 schema
# (python3-jsonschema), JUnit output against the JUnit schema (xmllint), and
# JSON output is well-formed, for clean plans, plans with findings, waived
# findings, and files that are not YAML. The schemas are those of
# ../shared/schemas when present, else the copies in tests/schemas.
. "$(dirname "$0")/lib.inc"
schemas="$src/../shared/schemas"
[ -f "$schemas/sarif-schema-2.1.0.json" ] || schemas="$src/tests/schemas"
g="$src/tests/golden"
plans=("$src"/examples/*.pve.yaml "$g/pve/format-json/plan.pve.yaml" "$g/pve/PVE125-waived/plan.pve.yaml"
       "$g/structural/FMT001-syntax/plan.pve.yaml" "$g/structural/FMT004-values/plan.pve.yaml")
# How many rules there are is pveplan's to say, not this script's.
nrules=$("$bin" rules --format json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["rules"]))')
for lang in en fr; do
  "$bin" check --lang $lang --format sarif "${plans[@]}" >"$tmp/out.sarif"
  check "sarif ($lang) is valid SARIF 2.1.0" '$PY - "$schemas/sarif-schema-2.1.0.json" "$tmp/out.sarif" <<PY
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
run = doc["runs"][0]
assert len(run["tool"]["driver"]["rules"]) == $nrules, "every rule is listed"
assert any(r.get("suppressions") for r in run["results"]), "waived findings are suppressed results"
assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] > 0 for r in run["results"])
PY'
  "$bin" check --lang $lang --format junit "${plans[@]}" >"$tmp/out.xml"
  check "junit ($lang) is valid against junit.xsd" 'xmllint --noout --schema "$schemas/junit.xsd" "$tmp/out.xml" 2>"$tmp/xmllint.log"'
  check "junit ($lang) has one testsuite per plan" '[ "$(grep -c "<testsuite " "$tmp/out.xml")" = ${#plans[@]} ]'
  "$bin" check --lang $lang --format json "${plans[@]}" >"$tmp/out.json"
  check "json ($lang) is well-formed and complete" '$PY - "$tmp/out.json" ${#plans[@]} <<PY
import json, sys, yaml
d = json.load(open(sys.argv[1]))
assert d["pveplan"]["json_version"] == 1 and len(d["files"]) == int(sys.argv[2])
# One score per document of the citation register, in its order; a
# document with nothing applicable is not scored (null), never 0 of 0.
docs = list(yaml.safe_load(open("$src/src/catalogue/citations.yaml"))["documents"])
for f in d["files"]:
    assert len(f["matrix"]) == $nrules and [s["document"] for s in f["scores"]] == docs
    assert all((s["score"] is None) == (s["applicable"] == 0) for s in f["scores"])
    assert all(isinstance(c["key"], str) and c["status"] in ("verified", "substance")
               for g in f["findings"] + f["waived"] for c in g["citations"])
PY'
done
# With a baseline: new, unchanged and absent results are still valid SARIF.
"$bin" check --format json "$g/pve/format-json/plan.pve.yaml" "$src/examples/weak-draft-en.pve.yaml" >"$tmp/base.json"
"$bin" check --baseline "$tmp/base.json" --format sarif "$g/pve/format-json/plan.pve.yaml" "$g/structural/FMT004-values/plan.pve.yaml" >"$tmp/out.sarif"
check "sarif with a baseline is valid SARIF 2.1.0, with all three states" '$PY - "$schemas/sarif-schema-2.1.0.json" "$tmp/out.sarif" <<PY
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
assert {r["baselineState"] for r in doc["runs"][0]["results"]} == {"new", "unchanged", "absent"}
PY'
finish
