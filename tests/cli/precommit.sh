# The pre-commit hook of .pre-commit-hooks.yaml, run as pre-commit runs it:
# its `files` pattern (a Python regular expression, searched) picks the
# plans among the repository's files, and its `entry` gets them as
# arguments, with pveplan on PATH (language: system; docs/ci.md).
. "$(dirname "$0")/lib.inc"
hooks=$src/.pre-commit-hooks.yaml
# hook FIELD: the field of the hook pveplan-check.
hook() { $PY -c 'import sys, yaml; h = {x["id"]: x for x in yaml.safe_load(open(sys.argv[1]))}["pveplan-check"]; v = h.get(sys.argv[2], ""); print(v if isinstance(v, str) else " ".join(map(str, v)) if isinstance(v, list) else str(v).lower())' "$hooks" "$1"; }
check "the hook pveplan-check exists, language system" '[ "$(hook language)" = system ]'
check "it is given the file names" '[ "$(hook pass_filenames)" = true ]'
entry=$(hook entry)
# matching NAMES...: the names the hook's files pattern selects.
matching() { $PY -c 'import re, sys; p = re.compile(sys.argv[1]); [print(f) for f in sys.argv[2:] if p.search(f)]' "$(hook files)" "$@"; }
names="examples/national-fr.pve.yaml examples/short-en.pve.yaml examples/README.md plans/ml/plan.yaml plans/a.pve.yml plans/explan.yaml notes.yaml plan.yaml.bak"
check "files picks what check picks in a folder: *.pve.yaml, *.pve.yml, plan.yaml" \
  '[ "$(matching $names | tr "\n" " ")" = "examples/national-fr.pve.yaml examples/short-en.pve.yaml plans/ml/plan.yaml plans/a.pve.yml " ]'
cd "$src"
plans=$(matching $(cd "$src" && ls examples/*))
check "files picks every example plan" '[ "$(echo $plans)" = "$(cd "$src" && echo examples/*.pve.yaml)" ]'
export PATH="$(cd "$(dirname "$bin")" && pwd):$PATH"
out=$($entry $plans 2>&1); rc=$?
check "the entry on the examples fails on the weak draft's errors" \
  '[ $rc -eq 1 ] && grep -q "^examples/weak-draft-en.pve.yaml:[0-9]*:[0-9]*: error\[" <<<"$out" && ! grep -q "^examples/short-en.pve.yaml:[0-9]*:[0-9]*: error" <<<"$out"'
good=$(grep -v weak-draft <<<"$plans")
out=$($entry $good 2>&1); rc=$?
check "the entry passes on the examples without errors" '[ $rc -eq 0 ] && grep -qE "^0 (errors|erreur)," <<<"$(tail -1 <<<"$out")"'
finish
