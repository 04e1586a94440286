#!/usr/bin/env bash
# pveplan diff where golden files cannot reach: two revisions of one file in
# a scratch git repository (REV:PATH, read through 'git show' without a
# shell), the Markdown limit of a pull-request comment on a large plan, and
# the options documented.
. "$(dirname "$0")/lib.inc"
export SOURCE_DATE_EPOCH=1764028800
base=$src/tests/golden/diff/diff-drafts

# Every option of diff is documented in its page and the man page.
opts=$("$bin" diff --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
for o in $opts; do
  check "docs/pveplan-diff.md documents $o" 'grep -q -- "$o" "$src/docs/pveplan-diff.md"'
  check "docs/pveplan.1 documents $o in DIFF OPTIONS" 'sed -n "/^\\.SH DIFF OPTIONS\$/,/^\\.SH /p" "$src/docs/pveplan.1" | sed "s/\\\\-/-/g" | grep -q -- "$o\\b"'
done

# A scratch repository: the old draft committed, then the new one.
if command -v git >/dev/null; then
  repo=$tmp/repo
  mkdir -p "$repo/plans"
  git -C "$repo" init -q
  git -C "$repo" config user.email t@example.org
  git -C "$repo" config user.name test
  cp "$base/old.pve.yaml" "$repo/plans/xq.pve.yaml"
  git -C "$repo" add plans && git -C "$repo" commit -qm old
  cp "$base/plan.pve.yaml" "$repo/plans/xq.pve.yaml"
  git -C "$repo" commit -qam new
  (cd "$repo" && "$bin" diff HEAD~1:plans/xq.pve.yaml HEAD:plans/xq.pve.yaml) >"$tmp/git.out" 2>"$tmp/git.err"
  st=$?
  check "diff REV:PATH REV:PATH exits 0" '[ $st -eq 0 ]'
  check "diff of two revisions names them" 'grep -qF "Comparison of HEAD~1:plans/xq.pve.yaml and HEAD:plans/xq.pve.yaml" "$tmp/git.out"'
  check "diff of two revisions finds the change of cost" 'grep -qF "Cost: 90,000 USD -> 120,000 USD" "$tmp/git.out"'
  check "diff of two revisions finds the rename" 'grep -qF "(probably renamed from A1: same title)" "$tmp/git.out"'
  # The same comparison as from the two files, line for line but the names.
  (cd "$base" && "$bin" diff old.pve.yaml plan.pve.yaml) | tail -n +2 >"$tmp/files.body"
  tail -n +2 "$tmp/git.out" | sed 's/HEAD~1:plans\/xq.pve.yaml/old.pve.yaml/g' >"$tmp/git.body"
  check "a revision reads as its file does" 'cmp -s "$tmp/files.body" "$tmp/git.body"'
  # A revision against the working tree, and ./PATH from a subfolder.
  (cd "$repo/plans" && "$bin" diff HEAD~1:./xq.pve.yaml xq.pve.yaml) >"$tmp/sub.out" 2>&1
  st=$?
  check "diff HEAD~1:./PATH FILE from a subfolder" '[ $st -eq 0 ] && grep -qF "Cost: 90,000 USD -> 120,000 USD" "$tmp/sub.out"'
  # git's own message when it cannot show the file, status 3.
  (cd "$repo" && "$bin" diff HEAD~1:plans/none.pve.yaml plans/xq.pve.yaml) >"$tmp/bad.out" 2>"$tmp/bad.err"
  st=$?
  check "a path git cannot show exits 3" '[ $st -eq 3 ] && [ ! -s "$tmp/bad.out" ]'
  check "its error says git cannot show it" 'grep -qF "git cannot show '\''HEAD~1:plans/none.pve.yaml'\''" "$tmp/bad.err"'
  # No shell reads the operand: a revision with shell syntax is git's to refuse.
  (cd "$repo" && "$bin" diff 'HEAD;touch pwned:plans/xq.pve.yaml' plans/xq.pve.yaml) >/dev/null 2>"$tmp/sh.err"
  check "shell syntax in a revision runs nothing" '[ ! -e "$repo/pwned" ] && [ ! -e pwned ]'
  (cd "$repo" && "$bin" diff -- '-p:plans/xq.pve.yaml' plans/xq.pve.yaml) >/dev/null 2>"$tmp/dash.err"
  check "a revision starting with '-' is refused, not passed to git as an option" \
    'grep -qF "cannot start with" "$tmp/dash.err"'
  # An existing file with ':' in its name is that file, not a revision.
  cp "$base/old.pve.yaml" "$repo/v1:old.pve.yaml"
  (cd "$repo" && "$bin" diff 'v1:old.pve.yaml' plans/xq.pve.yaml) >"$tmp/colon.out" 2>&1
  st=$?
  check "a file named A:B is a file" '[ $st -eq 0 ] && grep -qF "Cost: 90,000 USD -> 120,000 USD" "$tmp/colon.out"'
  # A revision on standard input's side: git show | diff - FILE.
  (cd "$repo" && git show HEAD~1:plans/xq.pve.yaml | "$bin" diff --fail-on-new - plans/xq.pve.yaml) >"$tmp/pipe.out"
  st=$?
  check "git show | diff - FILE" '[ $st -eq 0 ] && grep -qF "Comparison of - and plans/xq.pve.yaml" "$tmp/pipe.out"'
else
  fail "git is needed for the REV:PATH cases"
fi

# The Markdown fits a pull-request comment: a new draft with 2000 more
# actions than the old one is cut below 65,536 characters, and says what
# was left out; HTML and JSON keep everything.
$PY - "$base/old.pve.yaml" "$tmp/big.pve.yaml" <<'EOF'
import sys
s = open(sys.argv[1]).read()
acts = "".join(
    "          - {id: X%d, title: Extra action number %d with a longish title, lead: youthnet,"
    " partners: [moy], start: 2026-06, end: 2027-06, cost: 1000, kind: training,"
    " human_rights: Open to all}\n" % (i, i) for i in range(2000))
i = s.index("          - id: A2\n")
s = s[:i] + acts + s[i:]
open(sys.argv[2], "w").write(s)
EOF
"$bin" diff --format md "$base/old.pve.yaml" "$tmp/big.pve.yaml" >"$tmp/big.md"
st=$?
check "diff --format md on a large change exits 0" '[ $st -eq 0 ]'
check "the Markdown stays under 65,536 characters" '[ "$(wc -m <"$tmp/big.md")" -le 65536 ]'
check "it says how many items were left out" 'grep -qE "^Left out to fit a pull-request comment \(65536 characters\): [1-9][0-9]* items and 0 findings" "$tmp/big.md"'
check "the totals are kept" 'grep -qF "| Actions | 2 | 2,002 | +2,000 |" "$tmp/big.md"'
left=$(grep -oE '[0-9]+ items and' "$tmp/big.md" | grep -oE '^[0-9]+')
shown=$(grep -c '^- \*\*added\*\* X' "$tmp/big.md")
check "shown and left out add up to the 2000 added" '[ $((left + shown)) -eq 2000 ]'
"$bin" diff --format json "$base/old.pve.yaml" "$tmp/big.pve.yaml" >"$tmp/big.json"
check "JSON has every added action" '[ "$($PY -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for i in d[\"items\"][\"actions\"] if i[\"change\"]==\"added\"))" "$tmp/big.json")" = 2000 ]'
"$bin" diff --format html "$base/old.pve.yaml" "$tmp/big.pve.yaml" >"$tmp/big.html"
check "HTML has every added action" '[ "$(grep -c "<strong>added</strong> X" "$tmp/big.html")" -eq 2000 ]'

# The HTML is valid (W3C Nu HTML checker) and markdown-it sees the same
# tables in the Markdown as cmark-gfm's page, as for the reports
# (tests/cli/web.sh; the tools from .ci/setup).
web=$src/tests/web
vnu=$web/node_modules/vnu-jar/build/dist/vnu.jar
hostile=$src/tests/golden/diff/diff-hostile-html
(cd "$base" && "$bin" diff --format html old.pve.yaml plan.pve.yaml) >"$tmp/d-en.html"
(cd "$base" && "$bin" diff --format html --lang fr old.pve.yaml plan.pve.yaml) >"$tmp/d-fr.html"
(cd "$hostile" && "$bin" diff --format html old.pve.yaml plan.pve.yaml) >"$tmp/d-hostile.html"
java -jar "$vnu" --errors-only "$tmp/d-en.html" "$tmp/d-fr.html" "$tmp/d-hostile.html" "$tmp/big.html" \
  >"$tmp/vnu.log" 2>&1
st=$?
check "the diff pages pass the Nu HTML checker" '[ $st -eq 0 ] || { cat "$tmp/vnu.log"; false; }'
(cd "$base" && "$bin" diff --format md old.pve.yaml plan.pve.yaml) >"$tmp/d-en.md"
node "$web/tables.js" md "$tmp/d-en.md" >"$tmp/md.shape"
node "$web/tables.js" html "$tmp/d-en.html" >"$tmp/html.shape"
check "markdown-it and cmark-gfm see the same tables" 'cmp -s "$tmp/md.shape" "$tmp/html.shape" && [ -s "$tmp/md.shape" ]'
check "the HTML loads nothing" '! grep -Eiq "<[^>]*[[:space:]](src|srcset|href)=|<(img|script|iframe|object|embed|link)[[:space:]>]|@import|url\(" "$tmp/d-en.html" "$tmp/d-hostile.html"'

# Usage errors.
"$bin" diff "$base/old.pve.yaml" >/dev/null 2>&1
st=$?
check "one draft is a usage error" '[ $st -eq 2 ]'
"$bin" diff --format pdf "$base/old.pve.yaml" "$base/plan.pve.yaml" >/dev/null 2>&1
st=$?
check "an unknown format is a usage error" '[ $st -eq 2 ]'
"$bin" diff --lang de "$base/old.pve.yaml" "$base/plan.pve.yaml" >/dev/null 2>&1
st=$?
check "a language pveplan does not speak is a usage error" '[ $st -eq 2 ]'
for l in ar es ru zh; do
  "$bin" diff --lang $l "$base/old.pve.yaml" "$base/plan.pve.yaml" >/dev/null 2>&1
  st=$?
  check "diff --lang $l is one of the six" '[ $st -eq 0 ]'
done
"$bin" help diff | grep -q -- '--fail-on-new'
st=$?
check "pveplan help diff shows the options" '[ $st -eq 0 ]'
finish
