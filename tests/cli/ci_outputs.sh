# The CI outputs as each platform reads them: SARIF URIs relative to the root
# (--root, else the plan's git top-level) with %SRCROOT%, the run's
# executionSuccessful and automationDetails, valid SARIF; GitLab Code Quality
# valid against the schema written from GitLab's documentation
# (tests/cli/gitlab/), with unique fingerprints and repository paths; JUnit
# with every warning its own skipped testcase and errors as failures with
# their help line; GitHub annotations with the rule's title, at most 10 of a
# level, and a step summary with every error and warning; several outputs
# from one run (-f repeated, -o FORMAT=FILE).
. "$(dirname "$0")/lib.inc"
# automationDetails.id carries the time: the same in every run.
export SOURCE_DATE_EPOCH=1764028800
schemas="$src/../shared/schemas"
[ -f "$schemas/sarif-schema-2.1.0.json" ] || schemas="$src/tests/schemas"
repo=$tmp/repo
mkdir -p "$repo/.git" "$repo/plans" "$tmp/elsewhere"
cp "$src/examples/weak-draft-en.pve.yaml" "$repo/plans/draft.pve.yaml"
cp "$src/tests/golden/pve/format-json/plan.pve.yaml" "$repo/plans/national.pve.yaml"
cd "$tmp/elsewhere"

# SARIF: the same URIs however the plans are named on the command line.
"$bin" check -f sarif "$repo/plans/draft.pve.yaml" >abs.sarif
(cd "$repo" && "$bin" check -f sarif ./plans/draft.pve.yaml) >rel.sarif
check "SARIF: URI relative to the git top-level, %SRCROOT%, whatever the path given" '$PY - abs.sarif rel.sarif "$repo" <<PY
import json, sys
for f in sys.argv[1:3]:
    run = json.load(open(f))["runs"][0]
    locs = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    bases = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in run["results"]}
    assert locs == {"plans/draft.pve.yaml"} and bases == {"%SRCROOT%"}, (locs, bases)
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + sys.argv[3] + "/"
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["automationDetails"]["id"].startswith("pveplan/check/")
PY'
"$bin" check -f sarif --root "$repo/plans" "$repo/plans/draft.pve.yaml" "$tmp/missing.pve.yaml" >root.sarif 2>/dev/null; rc=$?
check "SARIF: --root, and a run with an unreadable input is not successful" '[ $rc -eq 3 ] && $PY - root.sarif "$schemas/sarif-schema-2.1.0.json" <<PY
import json, sys, jsonschema
doc = json.load(open(sys.argv[1])); jsonschema.validate(doc, json.load(open(sys.argv[2])))
run = doc["runs"][0]
assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {"draft.pve.yaml"}
assert run["invocations"][0]["executionSuccessful"] is False
PY'
check "--root that is no folder: exit 2" '"$bin" check --root "$tmp/nope" "$repo/plans/draft.pve.yaml" >/dev/null 2>err; [ $? -eq 2 ] && grep -q "is not a folder" err'

# GitLab Code Quality.
cp "$repo/plans/national.pve.yaml" "$repo/plans/copy.pve.yaml"
(cd "$repo" && "$bin" check -f gitlab ./plans/draft.pve.yaml plans/national.pve.yaml plans/copy.pve.yaml) >gl.json; rc=$?
check "GitLab: valid against the schema, unique fingerprints, repository paths" '[ $rc -eq 1 ] && $PY - gl.json "$src/tests/cli/gitlab/codequality.schema.json" <<PY
import json, sys, jsonschema
doc = json.load(open(sys.argv[1])); jsonschema.validate(doc, json.load(open(sys.argv[2])))
fps = [i["fingerprint"] for i in doc]
assert len(fps) == len(set(fps)), "fingerprints are unique"
assert {i["location"]["path"] for i in doc} == {"plans/draft.pve.yaml", "plans/national.pve.yaml", "plans/copy.pve.yaml"}
assert {i["severity"] for i in doc} == {"critical", "major", "info"}
assert all(i["check_name"][:3] in ("FMT", "REF", "CON", "PVE", "SYN") for i in doc)
PY'
"$bin" check -f json "$repo/plans/draft.pve.yaml" >draft.json
"$bin" check -f gitlab "$repo/plans/draft.pve.yaml" >draft-gl.json
check "GitLab: the fingerprints are those of the JSON output" '$PY - draft.json draft-gl.json <<PY
import json, sys
j = [g["fingerprint"] for g in json.load(open(sys.argv[1]))["files"][0]["findings"]]
assert j == [i["fingerprint"] for i in json.load(open(sys.argv[2]))]
PY'

# JUnit: every warning visible, errors with their help line.
"$bin" check -f junit "$repo/plans/draft.pve.yaml" >draft.xml
check "JUnit: valid" 'xmllint --noout --schema "$schemas/junit.xsd" draft.xml 2>/dev/null'
check "JUnit: one skipped testcase per warning and info, one failure per error, the help line" '$PY - draft.json draft.xml "$repo/plans/draft.pve.yaml" <<PY
import json, sys, xml.etree.ElementTree as ET
f = json.load(open(sys.argv[1]))["files"][0]["findings"]
suite = ET.parse(sys.argv[2]).getroot().find("testsuite")
assert suite.get("name") == sys.argv[3]
cases = suite.findall("testcase")
assert {c.get("classname") for c in cases} == {sys.argv[3]}
fails = [c for c in cases if c.find("failure") is not None]
skips = [c for c in cases if c.find("skipped") is not None and c.find("skipped").get("message").startswith(("warning:", "info:"))]
assert len(fails) == sum(g["severity"] == "error" for g in f)
assert len(skips) == sum(g["severity"] != "error" for g in f)
assert all("= help: " in c.find("failure").text for c in fails)
PY'

# GitHub: titles, the cap, the summary.
GITHUB_STEP_SUMMARY=$tmp/summary.md "$bin" check -f github "$repo/plans/draft.pve.yaml" >gh.txt
nw=$($PY -c 'import json,sys; print(sum(g["severity"] == "warning" for g in json.load(open("draft.json"))["files"][0]["findings"]))')
check "GitHub: more than 10 warnings in the draft" '[ "$nw" -gt 10 ]'
check "GitHub: 10 warning annotations, the rest counted" '[ "$(grep -c "^::warning " gh.txt)" = 10 ] && grep -q "^pveplan: $((nw - 10)) more findings of level .warning. are not annotated" gh.txt'
check "GitHub: errors annotated first, titles carry the rule title" '[ "$(head -1 gh.txt | cut -c1-7)" = "::error" ] && grep -q "title=PVE111%3A Sensitive actions state human-rights safeguards::" gh.txt'
check "GitHub: the summary lists every error and every warning, warnings in <details>" '[ "$(grep -c "^| \` " "$tmp/summary.md")" = $(( nw + $(grep -c "^::error " gh.txt) )) ] && grep -q "<details><summary>$nw warnings</summary>" "$tmp/summary.md"'

# Several outputs from one run.
"$bin" check -o sarif=out.sarif -o gitlab=out-gl.json -o junit=out.xml "$repo/plans/draft.pve.yaml" >text.txt; rc=$?
check "-o FORMAT=FILE: each report written, the text on the terminal" '[ $rc -eq 1 ] && grep -q "^3 errors, " text.txt && $PY -c "import json; json.load(open(\"out.sarif\")); json.load(open(\"out-gl.json\"))" && grep -q "<testsuites>" out.xml'
"$bin" check -f sarif "$repo/plans/draft.pve.yaml" >one.sarif
check "the SARIF of a run with several outputs is the SARIF of a run alone" 'cmp -s one.sarif out.sarif'
"$bin" check -f github -f json -o json=both.json "$repo/plans/draft.pve.yaml" >both.gh
check "-f repeated: github on standard output, JSON in its file" 'grep -q "^::error " both.gh && cmp -s both.json draft.json'
check "two formats on standard output: exit 2" '"$bin" check -f json -f sarif "$repo/plans/draft.pve.yaml" >/dev/null 2>err; [ $? -eq 2 ] && grep -q "several formats would go to standard output" err'
check "-o FILE with two formats: exit 2" '"$bin" check -f json -f sarif -o x.json "$repo/plans/draft.pve.yaml" >/dev/null 2>err; [ $? -eq 2 ] && grep -q "for one format" err'
check "-o FORMAT= twice: exit 2" '"$bin" check -o json=a -o json=b "$repo/plans/draft.pve.yaml" >/dev/null 2>err; [ $? -eq 2 ]'
before=$(sha256sum <"$repo/plans/draft.pve.yaml")
check "-o FORMAT=PLAN is refused, the plan kept" '"$bin" check -o gitlab="$repo/plans/draft.pve.yaml" "$repo/plans/draft.pve.yaml" >/dev/null 2>err; [ $? -eq 2 ] && [ "$(sha256sum <"$repo/plans/draft.pve.yaml")" = "$before" ]'
finish
