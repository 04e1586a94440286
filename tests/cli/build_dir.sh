# pveplan build DIR: every plan check finds under DIR, each into the folder
# named by its path below DIR without its ending (two plans of one name in
# two subfolders do not meet), a line per plan and a total, the worst
# status; the same reports as a build of each plan alone
# (docs/pveplan-build.md, "A folder of plans").
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
ex=$src/examples
cd "$tmp"
mkdir -p plans/ml plans/ne plans/sahel plans/.hidden plans/notes
cp "$ex/short-en.pve.yaml" plans/ml/national.pve.yaml
cp "$ex/short-en.pve.yaml" plans/ne/national.pve.yaml
cp "$ex/regional-en.pve.yaml" plans/sahel/plan.yaml
cp "$ex/weak-draft-en.pve.yaml" plans/weak.pve.yaml
cp "$ex/short-en.pve.yaml" plans/.hidden/skipped.pve.yaml
cp "$ex/short-en.pve.yaml" plans/notes/draft.yaml   # not a plan's name
echo "# notes" > plans/README.md

out=$("$bin" build -q plans 2>"$tmp/err"); rc=$?
expected="plans/ml/national.pve.yaml: built into reports/ml/national (0 errors, 0 warnings)
plans/ne/national.pve.yaml: built into reports/ne/national (0 errors, 0 warnings)
plans/sahel/plan.yaml: built into reports/sahel/plan (0 errors, 0 warnings)
plans/weak.pve.yaml: not built (3 errors, 24 warnings)
3 of 4 plans built into reports"
check "a line per plan, in check's order, and the total" '[ "$out" = "$expected" ] || { diff <(echo "$expected") <(echo "$out"); false; }'
check "the status is the worst of the plans' (1: the weak draft)" '[ $rc -eq 1 ]'
for d in ml/national ne/national sahel/plan; do
  check "reports/$d holds the three reports" '[ -s reports/$d/report.md ] && [ -s reports/$d/report.html ] && [ -s reports/$d/capacity-needs.xlsx ]'
done
check "nothing for the plan with errors, the hidden folder or other files" \
  '[ ! -e reports/weak ] && [ ! -e reports/.hidden ] && [ ! -e reports/notes ] && [ "$(find reports -type f | wc -l)" -eq 9 ]'
"$bin" build -q -o alone plans/ml/national.pve.yaml >/dev/null
check "the same reports as the plan built alone" \
  'cmp alone/report.md reports/ml/national/report.md && cmp alone/report.html reports/ml/national/report.html'

# Without --quiet: each plan's findings and 'wrote' lines, then its line.
out=$("$bin" build -o full plans 2>/dev/null); rc=$?
check "the findings of each plan come before its line" \
  '[ $rc -eq 1 ] && grep -n "" <<<"$out" | grep -q "error\[PVE111\]" && [ "$(grep -c "^wrote full/" <<<"$out")" -eq 9 ] &&
   [ "$(grep -n "^wrote full/ml/national/report.md" <<<"$out" | cut -d: -f1)" -lt "$(grep -n "^plans/ml/national.pve.yaml: built" <<<"$out" | cut -d: -f1)" ] &&
   [ "$(grep -n "in 1 file" <<<"$out" | wc -l)" -eq 4 ]'
check "-o DIR/ names the folders without a double slash" \
  '"$bin" build -q -o slash/ plans/ml | grep -qx "plans/ml/national.pve.yaml: built into slash/national (0 errors, 0 warnings)"'

# --force builds the plan with errors too, and the status stays 1.
out=$("$bin" build -q --force -o forced plans 2>/dev/null); rc=$?
check "--force: built, said so, status 1" \
  '[ $rc -eq 1 ] && grep -qx "plans/weak.pve.yaml: built into forced/weak (3 errors, 24 warnings), with --force" <<<"$out" && grep -qx "4 of 4 plans built into forced" <<<"$out" && [ -s forced/weak/report.md ]'
# --redact: no counts (they would count confidential items).
out=$("$bin" build -q --redact -o public plans/ml 2>/dev/null); rc=$?
check "--redact: the line without counts" '[ $rc -eq 0 ] && grep -qx "plans/ml/national.pve.yaml: built into public/national" <<<"$out"'

# Two plans whose folders would be one: the second is refused, status 2.
mkdir -p twins && cp "$ex/short-en.pve.yaml" twins/a.pve.yaml && cp "$ex/short-en.pve.yaml" twins/a.pve.yml
out=$("$bin" build -q -o t twins 2>/dev/null); rc=$?
check "same path, two endings: the second is not built (status 2)" \
  '[ $rc -eq 2 ] && grep -qx "twins/a.pve.yaml: built into t/a (0 errors, 0 warnings)" <<<"$out" &&
   grep -qx "twins/a.pve.yml: not built: its reports would go to '"'"'t/a'"'"', with those of '"'"'twins/a.pve.yaml'"'"'" <<<"$out"'

# Each plan gets its own configuration: a bad one fails its plan only.
mkdir -p conf/good conf/bad && cp "$ex/short-en.pve.yaml" conf/good/p.pve.yaml && cp "$ex/short-en.pve.yaml" conf/bad/p.pve.yaml
printf 'rules: [\n' > conf/bad/.pveplan.yaml
out=$("$bin" build -q -o c conf 2>"$tmp/err"); rc=$?
check "a bad configuration fails its plan, the others build (status 2)" \
  '[ $rc -eq 2 ] && grep -qx "conf/bad/p.pve.yaml: not built: configuration error" <<<"$out" && grep -qx "conf/good/p.pve.yaml: built into c/good/p (0 errors, 0 warnings)" <<<"$out" && grep -q "pveplan.yaml" "$tmp/err"'

mkdir -p empty
"$bin" build empty >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a folder without plans: status 3, said on stderr" '[ $rc -eq 3 ] && [ ! -s "$tmp/out" ] && grep -q "no plan files" "$tmp/err"'
"$bin" check empty >/dev/null 2>"$tmp/err"; rc=$?
check "check walks an empty folder alike (status 3)" '[ $rc -eq 3 ] && grep -q "no plan files" "$tmp/err"'
"$bin" build plans plans >/dev/null 2>"$tmp/err"; rc=$?
check "one PLAN or DIR at a time" '[ $rc -eq 2 ] && grep -q "one plan at a time" "$tmp/err"'
check "--help says it" '"$bin" build --help | grep -q "PLAN|DIR"'
finish
