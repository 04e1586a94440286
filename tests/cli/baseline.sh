# check --baseline: findings whose fingerprint is in an earlier JSON output
# are unchanged and do not fail the run; new ones do; the baseline's findings
# no longer found are absent (SARIF baselineState, JSON, text summary); a
# baseline that is not pveplan's JSON is a usage error (exit 2) before any
# plan is read.
. "$(dirname "$0")/lib.inc"
cd "$tmp"
cp "$src/examples/weak-draft-en.pve.yaml" old.pve.yaml
"$bin" check --format json -o base.json old.pve.yaml; rc=$?
check "the draft has errors" '[ $rc -eq 1 ]'
"$bin" check --baseline base.json old.pve.yaml >out.txt; rc=$?
check "against itself: nothing new, exit 0" '[ $rc -eq 0 ] && grep -q "against the baseline base.json: 0 new, 39 unchanged, 0 resolved" out.txt'
# The next draft: lines above everything, a stakeholder in the middle (the
# findings below it move), one finding fixed (the youth share recorded) and
# a new error (an action whose end is before its start).
$PY - <<'PY'
s = open("old.pve.yaml").read()
s = "# second draft\n\n" + s
s = s.replace("  - id: imams\n", "  - id: imams2\n    name: Council of Imams of the North\n    sector: religious\n  - id: imams\n", 1)
s = s.replace("    women_share: 0.1\n", "    women_share: 0.1\n    youth_share: 0.2\n", 1)
open("new.pve.yaml", "w").write(s)
PY
"$bin" check new.pve.yaml >plain.txt
"$bin" check --baseline base.json new.pve.yaml >out.txt; rc=$?
check "edits above keep every other finding unchanged" '[ $rc -eq 0 ] && grep -q ": 0 new, 38 unchanged, 1 resolved" out.txt'
check "the findings themselves are still printed" '[ "$(grep -c "\[PVE" out.txt)" = "$(grep -c "\[PVE" plain.txt)" ]'
$PY - <<'PY'
s = open("new.pve.yaml").read()
i = s.index("      - id: A2\n")
j = s.index("        end:", i)
k = s.index("\n", j)
s = s[:j] + "        end: 2020-01-01" + s[k:]
open("worse.pve.yaml", "w").write(s)
PY
"$bin" check --baseline base.json worse.pve.yaml >out.txt; rc=$?
check "a new error fails the run" '[ $rc -eq 1 ] && grep -Eq ": [1-9][0-9]* new, " out.txt'
"$bin" check --baseline base.json --format json worse.pve.yaml >out.json
check "JSON: each finding's state, the counts, the absent findings" '$PY - out.json <<PY
import json, sys
d = json.load(open(sys.argv[1]))
f = d["files"][0]["findings"]
assert {g["baseline"] for g in f} == {"new", "unchanged"}, "both states"
assert any(g["code"].startswith("CON") and g["baseline"] == "new" for g in f)
b = d["baseline"]
assert b["file"] == "base.json" and b["new"]["error"] >= 1
assert b["unchanged"] == sum(g["baseline"] == "unchanged" for g in f)
assert b["absent"] == len(b["absent_findings"]) == 1
assert b["absent_findings"][0]["code"] == "PVE129", b["absent_findings"]
PY'
"$bin" check --baseline base.json --format sarif worse.pve.yaml >out.sarif
check "SARIF: baselineState new, unchanged and absent" '$PY - out.sarif <<PY
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
states = [r["baselineState"] for r in res]
assert set(states) == {"new", "unchanged", "absent"}, set(states)
assert states.count("absent") == 1
assert all(r["partialFingerprints"]["pveplan/v1"] for r in res)
PY'
"$bin" check --baseline base.json --strict new.pve.yaml >/dev/null; rc=$?
check "--strict counts new warnings only" '[ $rc -eq 0 ]'

# A baseline that cannot be used: exit 2, a clear reason, nothing checked.
printf '{"runs": []}\n' >sarif.json
echo 'not: [json' >broken.json
$PY -c 'import json; d = json.load(open("base.json")); [g.pop("fingerprint") for f in d["files"] for g in f["findings"]]; json.dump(d, open("old.json", "w"))'
for case in "missing.json:cannot be read" "sarif.json:not the output of .pveplan check --format json." \
            "broken.json:not valid JSON" "old.json:has no fingerprint"; do
  file=${case%%:*} why=${case#*:}
  "$bin" check --baseline "$file" old.pve.yaml >out.txt 2>err.txt; rc=$?
  check "baseline $file: exit 2, says why" '[ $rc -eq 2 ] && grep -q "$why" err.txt && [ ! -s out.txt ]'
done
finish
