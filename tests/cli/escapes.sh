# Plan text cannot change how pveplan's output is shown or parsed, and
# positions are an editor's, checked here independently of the goldens:
# the hostile golden plans go through every check output, and each output
# is read back by its own parser (Python's json and unicodedata, xmllint,
# markdown-it).
. "$(dirname "$0")/lib.inc"
g=$src/tests/golden/structural
hostile="$g/text-escapes/plan.pve.yaml $g/text-raw-control/plan.pve.yaml $g/text-lines/plan.pve.yaml $g/github-escapes/plan.pve.yaml $g/text-wide/plan.pve.yaml"
cd "$g" || exit 2

# Bytes a terminal acts on or that hide text: C0 but LF, DEL, C1, U+2028/9,
# bidi embeddings, overrides and isolates, U+FEFF, U+FFFE/U+FFFF; pveplan's
# own colours (ESC [ ... m) are taken out first.
cat >"$tmp/raw.py" <<'EOF'
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8")
t = re.sub("\x1b\\[[0-9;]*m", "", t)
bad = [c for c in t if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f
       or c in "\u2028\u2029\ufeff\ufffe\uffff" or 0x202a <= ord(c) <= 0x202e
       or 0x2066 <= ord(c) <= 0x2069]
if bad:
    print("raw:", sorted(set(hex(ord(c)) for c in bad)))
sys.exit(1 if bad else 0)
EOF
for f in $hostile; do
  n=$(basename "$(dirname "$f")")
  "$bin" check --color never "$f" >"$tmp/never" 2>&1
  check "$n: no raw control or invisible character in text output" '$PY "$tmp/raw.py" "$tmp/never"'
  "$bin" check --color always "$f" >"$tmp/always" 2>&1
  check "$n: with --color always, only pveplan's colours" '$PY "$tmp/raw.py" "$tmp/always"'
  "$bin" check --format github "$f" >"$tmp/gh" 2>&1
  check "$n: no raw control character in GitHub annotations" '$PY "$tmp/raw.py" "$tmp/gh"'
  check "$n: one workflow command per finding line" '! grep -v "^::\(error\|warning\|notice\) file=" "$tmp/gh" | grep -q .'
done

# Each finding's snippet is the line the header names, as an editor splits
# lines (LF, CRLF, lone CR; not NEL, LS, PS), and the caret sits under the
# header's column, East Asian wide characters taking two columns (Python's
# unicodedata, not the library pveplan uses).
cat >"$tmp/lines.py" <<'EOF'
import re, sys, unicodedata
src = open(sys.argv[1], "rb").read().decode("utf-8").lstrip("\ufeff")
lines = re.split("\r\n|\r|\n", src)
out = open(sys.argv[2], encoding="utf-8").read().split("\n")
def shown(s):
    return "".join("\\u{%x}" % ord(c) if c in "\x85\u2028\u2029" else c for c in s)
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
seen = 0
for i, h in enumerate(out):
    m = re.match(r"[^:]+:(\d+):(\d+): error", h)
    if not m or i + 3 >= len(out) or " | " not in out[i + 2]:
        continue
    line, col = int(m.group(1)), int(m.group(2))
    gutter, text = out[i + 2].split(" | ", 1)
    if int(gutter) != line or text != shown(lines[line - 1]):
        sys.exit("line %d: snippet %r, file %r" % (line, text, lines[line - 1]))
    caret = out[i + 3].split(" | ", 1)[1]
    if len(caret) - len(caret.lstrip(" ")) != width(lines[line - 1][:col - 1]):
        sys.exit("line %d col %d: caret at %d" % (line, col, len(caret) - len(caret.lstrip(" "))))
    seen += 1
sys.exit(0 if seen else "no snippet checked")
EOF
for c in text-lines text-wide text-bom; do
  "$bin" check "$g/$c/plan.pve.yaml" >"$tmp/out" 2>&1
  check "$c: snippet is the header's editor line, caret under its column" '$PY "$tmp/lines.py" "$g/$c/plan.pve.yaml" "$tmp/out"'
done

# Many findings on one long line: each window shows the key its caret is
# under (the renderer walks the line once, not once per finding).
keys=$(for i in $(seq 1 3000); do printf ', k%d: %d' "$i" "$i"; done)
sed "s/sector: civil_society}/sector: civil_society$keys}/" "$g/FMT007-ok/plan.pve.yaml" >"$tmp/long.pve.yaml"
"$bin" check --max-findings 0 "$tmp/long.pve.yaml" >"$tmp/long" 2>&1
cat >"$tmp/long.py" <<'EOF'
import sys
out = open(sys.argv[1], encoding="utf-8").read().split("\n")
n = 0
for i, h in enumerate(out):
    if "unknown key 'k" not in h:
        continue
    key = h.split("unknown key '")[1].split("'")[0]
    text = out[i + 2].split(" | ", 1)[1]
    caret = out[i + 3].split(" | ", 1)[1]
    at = len(caret) - len(caret.lstrip(" "))
    if not text[at:].startswith(key + ":"):
        sys.exit("%s: caret under %r" % (key, text[at:at + 12]))
    n += 1
sys.exit(0 if n == 3000 else "%d findings" % n)
EOF
check "3000 findings on one line: every caret under its own key" '$PY "$tmp/long.py" "$tmp/long"'

# JUnit: well-formed XML (XML 1.0 characters only) for hostile text and a
# hostile file name; JSON: strict, UTF-8, no raw U+2028/U+2029; GitLab Code
# Quality: valid, and plan text visibly escaped as in the text output.
for f in $hostile "$g/junit-escapes/stdin"; do
  n=$(basename "$(dirname "$f")")
  "$bin" check --format junit --stdin-name $'pl\x01an\x1b\xef\xbf\xbe\xe9.yaml' - <"$f" >"$tmp/j.xml" 2>/dev/null
  check "$n: JUnit is well-formed XML" 'xmllint --noout "$tmp/j.xml" 2>"$tmp/xmllint.err" || { head -3 "$tmp/xmllint.err"; false; }'
  "$bin" check --format json --stdin-name $'pl\x01an\xe2\x80\xa8\xe9.yaml' - <"$f" >"$tmp/j.json" 2>/dev/null
  check "$n: JSON parses, strict UTF-8, U+2028/9 escaped" '$PY -c "import json,sys; t=open(sys.argv[1],\"rb\").read().decode(\"utf-8\"); json.loads(t); sys.exit(\"\u2028\" in t or \"\u2029\" in t)" "$tmp/j.json"'
  "$bin" check --format sarif "$f" >"$tmp/s.json" 2>/dev/null
  check "$n: SARIF parses" '$PY -c "import json,sys; json.loads(open(sys.argv[1],\"rb\").read().decode(\"utf-8\"))" "$tmp/s.json"'
  "$bin" check --format gitlab --stdin-name $'pl\x01an\xe2\x80\xa8\xe9.yaml' - <"$f" >"$tmp/gl.json" 2>/dev/null
  check "$n: GitLab Code Quality is valid, with no raw control or invisible character" '$PY "$tmp/raw.py" "$tmp/gl.json" && $PY -c "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))" "$tmp/gl.json" "$src/tests/cli/gitlab/codequality.schema.json"'
done

# The step summary, rendered by a CommonMark implementation: plan text adds
# no element (no img, script, b, a, heading) and no table cell.
web=$src/tests/web
if [ -d "$web/node_modules/markdown-it" ] && command -v node >/dev/null; then
  GITHUB_STEP_SUMMARY=$tmp/summary "$bin" check --format github "$g/github-escapes/plan.pve.yaml" >/dev/null 2>&1
  NODE_PATH=$web/node_modules node -e '
    const md = require("markdown-it")({ linkify: true });
    const h = md.render(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = h.match(/<(img|script|b|a|h1|h4|strong|em)\b/g);
    const rows = h.split("<tr>").slice(1).map(r => (r.match(/<t[dh][ >]/g) || []).length);
    if (bad || rows.join() !== "3,3,3,4,4") { console.log(bad, rows.join()); process.exit(1); }
  ' "$tmp/summary" >"$tmp/md.err" 2>&1
  rc=$?
  check "step summary: plan text adds no HTML element, link or cell" '[ $rc -eq 0 ] || { cat "$tmp/md.err"; false; }'
else
  fail "markdown-it is installed (bash .ci/setup)"
fi
finish
