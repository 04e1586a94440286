# docs/first-plan.md, followed as a drafter follows it: every command of
# the guide is run as written, the changes of its step 6 are made to the
# scaffold, and every block of output it quotes must be what pveplan prints
# (a line '...' stands for lines left out, a line ending in ' ...' for the
# end of that line). The guide marks the blocks this test reads with
# '<!-- tested: NAME -->' (NAME whole: the block is the whole output, not a
# part of it), so a message that changes in pveplan fails here until the
# guide quotes it again.
. "$(dirname "$0")/lib.inc"
doc=$src/docs/first-plan.md
# the steps run in folders of their own
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
# init writes the five years after the current one: 2027 to 2031, as the
# guide shows, and report dates that do not move.
export SOURCE_DATE_EPOCH=1780000000
pveplan() { "$bin" "$@"; }

cat >"$tmp/guide.py" <<'PY'
"""guide.py DOC get NAME | match NAME FILE | put NAME FILE | row-names"""
import re, sys

def blocks(path):
    found, lines, i = {}, open(path, encoding="utf-8").read().split("\n"), 0
    while i < len(lines):
        m = re.match(r"\s*<!-- tested: (\S+)( whole)? -->$", lines[i])
        i += 1
        if not m:
            continue
        fence = re.match(r"(\s*)```(\w*)$", lines[i])
        assert fence, "no code block after the mark of " + m.group(1)
        indent, body = len(fence.group(1)), []
        i += 1
        while lines[i].strip() != "```":
            body.append(lines[i][indent:])
            i += 1
        assert m.group(1) not in found, "two blocks marked " + m.group(1)
        found[m.group(1)] = (body, bool(m.group(2)), fence.group(2))
    return found

def pattern(body, yaml):
    pat = ""
    for line in body:
        if line.strip() == "...":
            pat += r"(?:[^\n]*\n)*?"
        elif line.endswith(" ..."):
            pat += re.escape(line[:-4]) + r"[^\n]*\n"
        elif yaml and "#" not in line:
            # the guide leaves out the scaffold's comments at the end of a line
            pat += re.escape(line) + r"(?:\s+#[^\n]*)?\n"
        else:
            pat += re.escape(line) + r"\n"
    return pat

doc, verb, name = sys.argv[1], sys.argv[2], sys.argv[3]
body, whole, lang = blocks(doc)[name]
if verb == "get":
    print("\n".join(body))
elif verb == "match":
    text = "".join(l.rstrip() + "\n" for l in open(sys.argv[4], encoding="utf-8").read().splitlines())
    pat = pattern(body, lang == "yaml")
    ok = re.fullmatch(pat, text) if whole else re.search("(?m)^" + pat, text)
    if not ok:
        print("the guide's block '%s'%s:\n%s\nis not in what pveplan printed:\n%s"
              % (name, " (whole)" if whole else "", "\n".join(body), text))
        sys.exit(1)
elif verb == "put":
    # the block's one line in place of the line of FILE with the same key
    assert len(body) == 1, name
    key = body[0].split(":")[0] + ":"
    lines = open(sys.argv[4], encoding="utf-8").read().split("\n")
    at = [i for i, l in enumerate(lines) if l.startswith(key)]
    assert len(at) == 1, (key, at)
    lines[at[0]] = body[0]
    open(sys.argv[4], "w", encoding="utf-8").write("\n".join(lines))
PY
g() { $PY "$tmp/guide.py" "$doc" "$@"; }
# matches NAME FILE: the guide's block NAME is in FILE (a failure shows both)
matches() { g match "$1" "$2" >"$tmp/match.log" 2>&1 || { cat "$tmp/match.log"; false; }; }
# run NAME: runs the guide's command block NAME, line by line, here; the
# output of its last command (standard output and error) goes to $tmp/out,
# its exit status to $rc.
run() {
  local line
  while IFS= read -r line; do
    [[ $line == pveplan\ * ]] || { echo "not a pveplan command in '$1': $line"; rc=99; return; }
    eval "$line" >"$tmp/out" 2>&1; rc=$?
  done < <(g get "$1")
}

# Step 1: the guide's build of the French example, from a folder laid out
# like the repository's.
mkdir -p "$tmp/repo/build" && ln -s "$src/examples" "$tmp/repo/examples" && ln -s "$bin" "$tmp/repo/build/pveplan"
cmd=$(g get install | tr '&' '\n' | grep '^ *build/pveplan ')
(cd "$tmp/repo" && eval "$cmd") >"$tmp/out" 2>&1; rc=$?
check "step 1: the example builds ($cmd)" '[ $rc -eq 0 ] && [ -s "$tmp/repo/example/report.html" ]'
check "step 1: the guide quotes what it prints" 'matches install-output "$tmp/out"'

# Step 2: init, as the guide writes it.
mkdir "$tmp/en" && cd "$tmp/en" || exit 1
run init
check "step 2: init exits 0" '[ $rc -eq 0 ] && [ -f plan.pve.yaml ]'
check "step 2: the guide quotes the next steps init prints" 'matches init-output "$tmp/out"'
check "step 2: the guide quotes the scaffold" 'matches scaffold plan.pve.yaml'
cp plan.pve.yaml "$tmp/scaffold.yaml"

# Step 3: the schema, and its line at the top of the plan.
run schema
check "step 3: schema writes pveplan.schema.json" '[ $rc -eq 0 ] && $PY -c "import json; json.load(open(\"pveplan.schema.json\"))"'
{ g get schema-line; cat "$tmp/scaffold.yaml"; } >plan.pve.yaml
cp plan.pve.yaml "$tmp/step3.yaml"

# Steps 4 and 5: check, and explain.
run check
check "step 4: check exits 0" '[ $rc -eq 0 ]'
check "step 4: the guide quotes what check prints" 'matches check-output "$tmp/out"'
run explain
check "step 5: explain exits 0" '[ $rc -eq 0 ]'
check "step 5: the guide quotes what explain prints" 'matches explain-output "$tmp/out"'

# Step 6: the cost, then the cost written as in a letter.
g put cost plan.pve.yaml
run check
check "step 6: the guide quotes CON007 on the cost" 'matches cost-output "$tmp/out"'
g put cost-letter plan.pve.yaml
run check
check "step 6: a cost written as in a letter is an error" '[ $rc -eq 1 ]'
check "step 6: the guide quotes FMT004 on it" 'matches cost-letter-output "$tmp/out"'
g put cost plan.pve.yaml
# The changes of the guide's table, and nothing else.
cat >"$tmp/stakeholders.yaml" <<'EOF'
  - id: youth-council
    name: National Youth Council
    sector: youth
  - id: womens-forum
    name: Women's Forum
    sector: women
  - id: district-council
    name: Northern District Council
    sector: local_government
EOF
cat >"$tmp/table.sed" <<EOF
s/^(  currency: )   /\\1USD/
s/^(  references: ) *#/\\1[A\\/RES\\/70\\/291, A\\/70\\/674]  #/
/^    sector: oversight\$/r $tmp/stakeholders.yaml
s/^(    participants: \\[coordination-body, civil-society)\\]/\\1, oversight-body, youth-council, womens-forum, district-council]/
s/^(    women_share: )   /\\10.4/
s/^(    youth_share: )   /\\10.3/
s/^(    areas: \\[)governance\\]/\\1dialogue, governance, communities, youth, gender, education, communications]/
s/^(            partners: \\[civil-society)\\]/\\1, oversight-body, youth-council, womens-forum, district-council]/
s/^(            level: )national(.*)\$/\\1local   \\2\\n            gender_responsive: true/
s/^(    baseline: ) *#/\\1{value: 0, year: 2026}  #/
s/^(    target: ) *#/\\1{value: 500, year: 2031}  #/
EOF
sed -E -i -f "$tmp/table.sed" plan.pve.yaml
# 11 lines changed (the cost above and 10 here), 10 added (the three
# stakeholders, gender_responsive)
check "step 6: the changes change 11 lines of the scaffold and add 10" '[ "$(diff "$tmp/step3.yaml" plan.pve.yaml | grep -c "^<")" = 11 ] && [ "$(diff "$tmp/step3.yaml" plan.pve.yaml | grep -c "^>")" = 21 ]'
check "step 6: the guide shows the plan as these changes leave it" 'matches edited plan.pve.yaml'
check "step 6: every text the table says to write is in the plan" '$PY - "$doc" plan.pve.yaml <<PY
import re, sys
doc, plan = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
table = doc.split("| finding | what to write |", 1)[1].split("\n\n", 1)[0]
cells = [row.split(" | ")[1] for row in table.strip().split("\n")[2:]]
missing = [c for cell in cells for c in re.findall(r"\x60([^\x60]+)\x60", cell) if c not in plan]
assert cells and not missing, missing
PY'
run check
check "step 6: the plan then has no error and no warning" '[ $rc -eq 0 ] && [[ "$(tail -1 "$tmp/out")" == "0 errors, 0 warnings, "*" in 1 file" ]]'
check "step 6: the guide quotes what check then prints" 'matches clean-output "$tmp/out"'
check "step 6: the schema of step 3 accepts the plan" '$PY "$src/tests/cli/schema_check.py" accepts pveplan.schema.json plan.pve.yaml >"$tmp/sc.log" 2>&1 || { cat "$tmp/sc.log"; false; }'

# Step 7: build, then build with an error, in a folder of its own.
run build
check "step 7: build exits 0" '[ $rc -eq 0 ]'
check "step 7: the guide quotes what build prints" 'matches build-output "$tmp/out"'
check "step 7: build writes the three reports" '[ -s pve-plan/report.md ] && [ -s pve-plan/report.html ] && [ "$(head -c 2 pve-plan/capacity-needs.xlsx)" = PK ]'
"$bin" build --quiet plan.pve.yaml >"$tmp/quiet" 2>&1; rc=$?
check "step 7: build --quiet prints the counts only, as the guide says" '[ $rc -eq 0 ] && [ "$(cat "$tmp/quiet")" = "$(grep -v "^wrote" "$tmp/out" | tail -1)" ]'
mkdir "$tmp/en-error" && cp plan.pve.yaml "$tmp/en-error/" && g put cost-letter "$tmp/en-error/plan.pve.yaml"
(cd "$tmp/en-error" && run build; exit $rc); rc=$?
check "step 7: build with an error exits 1 and writes nothing" '[ $rc -eq 1 ] && [ ! -e "$tmp/en-error/pve-plan" ]'
check "step 7: the guide quotes what build prints with an error" 'matches build-error-output "$tmp/out"'

# Step 8: the report has the sections the guide names, in its order, and
# the open finding it quotes.
check "step 8: the guide quotes a row of the open findings" 'matches report-row pve-plan/report.md'
check "step 8: the report has the sections the guide lists, in order" '$PY - "$doc" pve-plan/report.md <<PY
import re, sys
doc, report = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
step = doc.split("## 8. ", 1)[1].split("\n## ", 1)[0]
named = re.findall(r"\*\*([^*]+)\*\*", step)
heads = [l[3:] for l in report.split("\n") if l.startswith("## ")]
assert len(named) >= 10, named
at = [heads.index(n) if n in heads else -1 for n in named]
assert -1 not in at and at == sorted(at), list(zip(named, at))
PY'

# In French: the same path with the guide's French init.
mkdir "$tmp/fr" && cd "$tmp/fr" || exit 1
run init-fr
check "French: init exits 0" '[ $rc -eq 0 ]'
check "French: the guide quotes what init prints" 'matches init-fr-output "$tmp/out"'
cp plan.pve.yaml "$tmp/scaffold-fr.yaml"
{ g get schema-line; cat plan.pve.yaml; } >plan.tmp && mv plan.tmp plan.pve.yaml
sed -E -i -e 's/^(            cost: )      /\1250000/' -f "$tmp/table.sed" plan.pve.yaml
"$bin" check plan.pve.yaml >"$tmp/out" 2>&1; rc=$?
check "French: the same changes leave no error and no warning" '[ $rc -eq 0 ] && [[ "$(tail -1 "$tmp/out")" == "0 erreur, 0 avertissement, "* ]]'
check "French: the guide quotes the counts" 'matches clean-fr-output "$tmp/out"'
check "French: the French scaffold has more lines than the English one, as the guide says" '[ "$(wc -l <"$tmp/scaffold-fr.yaml")" -gt "$(wc -l <"$tmp/scaffold.yaml")" ]'
"$bin" explain --lang fr PVE118 >"$tmp/out" 2>&1; rc=$?
check "French: explain --lang fr explains in French" '[ $rc -eq 0 ] && [ "$(head -1 "$tmp/out")" = "PVE118: Le plan agit au niveau local" ]'
"$bin" build --quiet plan.pve.yaml >"$tmp/out" 2>&1; rc=$?
check "French: build writes the three reports" '[ $rc -eq 0 ] && [ -s pve-plan/report.md ] && [ -s pve-plan/report.html ] && [ -s pve-plan/capacity-needs.xlsx ]'
cd "$src" || exit 1
finish
