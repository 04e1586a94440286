# Every bundled plan example passes every FMT/REF/CON check and reads as
# sensible advice: no error, no warning (the funding gap is reported as
# information; the short example also has PVE124). The weak draft is the exception, on purpose: it finds
# exactly what examples/README.md lists for it.
. "$(dirname "$0")/lib.inc"
n=0
for f in "$src"/examples/*.pve.yaml; do
  [ "$(basename "$f")" = weak-draft-en.pve.yaml ] && continue
  n=$((n + 1))
  out=$("$bin" check --lang en "$f"); rc=$?
  check "$(basename "$f") exits 0" '[ $rc -eq 0 ]'
  check "$(basename "$f") has no error or warning" '[[ "$(tail -1 <<<"$out")" == "0 errors, 0 warnings, "*" in 1 file" ]]'
  check "$(basename "$f") reports its funding gap" 'grep -q "info\[PVE116\]: total cost" <<<"$out"'
done
check "at least two examples" '[ $n -ge 2 ]'
# The short example is the one docs/first-plan.md and docs/yaml-primer.md
# send a drafter to: it stays short, and clean (the loop above checks it).
short="$src/examples/short-en.pve.yaml"
check "the short example is there" '[ -f "$short" ]'
check "the short example stays short (under 100 lines)" '[ "$(wc -l <"$short")" -lt 100 ]'
check "the short example is in examples/README.md" 'grep -q "short-en.pve.yaml" "$src/examples/README.md"'
# docs/yaml-primer.md quotes what pveplan says of each mistake made in the
# short example: make each one again and find the first line of the message,
# word for word, in the primer, so the primer stays true to pveplan.
check "docs/yaml-primer.md quotes pveplan's real messages on the short example" '$PY - "$bin" "$short" "$src/docs/yaml-primer.md" "$tmp" <<PY
import os, subprocess, sys
binary, short, primer, tmp = sys.argv[1:5]
plan = open(short, encoding="utf-8").read()
doc = open(primer, encoding="utf-8").read()
title = "title: Dialogue between communities and public services"
moy = "  - {id: moy,"
mistakes = [("  status: draft", "  status:\u00a0draft"), ("  scope: national", "\tscope: national"),
    ("  scope: national", "   scope: national"), (moy, "  \u2022 {id: moy,"), (moy, "  \u2013 {id: moy,"),
    (title, "title: \u201cPillar 1: Dialogue\u201d"), (title, "title: Pillar 1: Dialogue"),
    (title, "title: Pillar #1 Dialogue"), (title, "title: \"Dialogue\" between communities"),
    (title, "title: [Draft] Dialogue"), (title, "title: @home dialogue"), (title, "title: *Dialogue* first")]
os.makedirs(tmp + "/primer", exist_ok=True)
os.chdir(tmp + "/primer")
bad = []
for old, new in mistakes:
    assert old in plan, old
    open("plan.pve.yaml", "w", encoding="utf-8").write(plan.replace(old, new, 1))
    out = subprocess.run([binary, "check", "--lang", "en", "plan.pve.yaml"], capture_output=True, text=True).stdout
    first = next((l for l in out.splitlines() if "error[" in l or "warning[" in l), "")
    if not first or first not in doc:
        bad.append((new, first))
assert not bad, bad
PY'
# Its "Values written in words" quote the finding and its help in full.
check "docs/yaml-primer.md quotes the help for values written in words" '$PY - "$bin" "$short" "$src/docs/yaml-primer.md" "$tmp" <<PY
import os, subprocess, sys
binary, short, primer, tmp = sys.argv[1:5]
plan = open(short, encoding="utf-8").read()
doc = open(primer, encoding="utf-8").read()
mistakes = [("  status: draft", "  status: borrador"), ("sector: youth}", "sector: jeunesse}"),
    ("target_groups: [youth, women]", "target_groups: [jeunes, femmes]"),
    ("  language: en", "  language: espa\u00f1ol"), ("  country: XQ", "  country: C\u00f4te d\x27Ivoire"),
    ("  country: XQ", "  country: MLI")]
os.makedirs(tmp + "/words", exist_ok=True)
os.chdir(tmp + "/words")
bad = []
for old, new in mistakes:
    assert old in plan, old
    open("plan.pve.yaml", "w", encoding="utf-8").write(plan.replace(old, new, 1))
    out = subprocess.run([binary, "check", "--lang", "en", "plan.pve.yaml"], capture_output=True, text=True).stdout
    lines = out.splitlines()
    at = next((i for i, l in enumerate(lines) if "error[FMT004]" in l), None)
    if at is None or lines[at] not in doc or lines[at + 4] not in doc or "help:" not in lines[at + 4]:
        bad.append((new, lines[at:at + 5] if at is not None else out))
assert not bad, bad
PY'
weak="$src/examples/weak-draft-en.pve.yaml"
"$bin" check --lang en --format json "$weak" >"$tmp/weak.json"; rc=$?
check "the weak draft exits 1" '[ $rc -eq 1 ]'
check "the weak draft finds what examples/README.md lists, code, severity and count" '$PY - "$tmp/weak.json" "$src/examples/README.md" <<PY
import collections, json, re, sys
found = collections.Counter((f["code"], f["severity"]) for f in json.load(open(sys.argv[1]))["files"][0]["findings"])
text = open(sys.argv[2], encoding="utf-8").read().split("## The weak draft", 1)[1]
listed = collections.Counter()
for code, sev, n in re.findall(r"^\| (PVE\d{3}|CON\d{3}) \| (error|warning|info) \| (\d+) \|", text, re.M):
    listed[(code, sev)] += int(n)
assert listed, "no table in examples/README.md"
assert found == listed, (sorted((found - listed).items()), sorted((listed - found).items()))
PY'
finish
