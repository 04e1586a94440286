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
