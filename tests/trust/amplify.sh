# Issue 8, "Quadratic or amplifying paths": the alias-expanded document is
# bounded in bytes as well as in nodes (FMT007, exit 1, from check and from
# build --force, with no huge output), and findings are capped per rule and
# file (default 1,000, with a note saying how many more; JSON carries the
# true count). Behaviour only: the growth of the formerly quadratic paths is
# for bench/, not for tests.
. "$(dirname "$0")/lib.inc"

# A 100 KB scalar, anchored and referenced 1,000 times from context.sources
# (texts the reports print): 110 KB of YAML, 100 MB once expanded, far under
# the node limit.
alias_plan() {
	"$PY" - "$FIX/base.pve.yaml" >p.pve.yaml <<'PY'
import sys
base = open(sys.argv[1]).read()
big = "x" * 100000
refs = ", ".join(["*big"] * 1000)
old = "  assessment: District survey of local drivers, 2024\n"
assert old in base
print(base.replace(old, old + "  sources: [&big " + big + ", " + refs + "]\n", 1), end="")
PY
	[ $? -eq 0 ] || infra "could not make the alias plan"
}

case_alias_bytes_check() {
	alias_plan
	check "the plan file is small" '[ $(wc -c <p.pve.yaml) -lt 200000 ]'
	pvrun c check p.pve.yaml
	check "check exits 1" '[ $rc -eq 1 ]'
	check "with FMT007" 'grep -q "error\[FMT007\]" c.out'
	check "and a small output" '[ $(cat c.out c.err | wc -c) -lt 1000000 ]'
}

# The files build writes are capped at 8 MB (ulimit -f) so that a build that
# expands the aliases ends at once (killed by SIGXFSZ), not after writing
# hundreds of MB.
case_alias_bytes_build() {
	alias_plan
	(ulimit -f 8192; pvrun b build --force --format md -o out p.pve.yaml; echo $rc >rc)
	rc=$(cat rc)
	check "build --force is not stopped by the file size limit (status $rc)" '[ $rc -ne 153 ]'
	check "it refuses the plan: exit 1" '[ $rc -eq 1 ]'
	check "with FMT007" 'grep -q "FMT007" b.err b.out'
	check "and writes no large file" '[ ! -d out ] || [ $(du -sk out | cut -f1) -lt 4096 ]'
}

# 5,000 unknown keys (FMT003) in one mapping, named with letters only; the
# lines before them are padding, so that no line or column number of a
# finding is 4000 or 5000.
cap_plan() {
	"$PY" - "$FIX/base.pve.yaml" >p.pve.yaml <<'PY'
import sys
base = open(sys.argv[1]).read()
pad = "".join("# padding line %d\n" % i for i in range(5200))
def name(i):  # letters only, so that no key holds a count
    return "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3))
keys = "".join("  zq%s: 1\n" % name(i) for i in range(5000))
old = "  currency: USD\n"
print(pad + base.replace(old, old + keys, 1), end="")
PY
	[ $? -eq 0 ] || infra "could not make the plan with 5,000 unknown keys"
}

case_findings_cap_text() {
	cap_plan
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	local n
	n=$(grep -c "error\[FMT003\]" c.out)
	check "at most about 1,000 FMT003 findings printed ($n)" '[ $n -ge 1 ] && [ $n -le 1010 ]'
	check "a note says how many more (4000)" 'grep -Eq "(^|[^0-9,.])4,?000([^0-9]|$)" c.out c.err'
}

case_findings_cap_json() {
	cap_plan
	pvrun j check --format json p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "the JSON is valid" '"$PY" -c "import json,sys; json.load(open(sys.argv[1]))" j.out'
	check "the JSON carries the true count, 5000" 'grep -Eq "\": *5000([^0-9.]|$)" j.out'
}

main "$@"
