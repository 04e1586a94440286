# Issue 8, "Output a terminal or a parser cannot trust": in text output
# (default, --color never) and in --format github, every control character
# of plan text (C0 but newline, DEL, C1) is escaped as \xHH, lowercase (ESC
# is \x1b): no plan can move the cursor, erase the errors above it or
# retitle the terminal. The GitHub step summary holds no raw HTML from plan
# text.
. "$(dirname "$0")/lib.inc"

# ESC sequences that would erase the line above and print "0 errors", CR,
# BEL, DEL, and the C1 controls NEL and CSI, in a value (FMT004).
VALUE='\\e[1A\\e[2K\\r\\a\\x7f\\x85\\x9b0 errors'
# The escapes of include/pveplan/utf8.h (Rust's escape_debug): \t \n \r,
# \xHH for the other C0 controls and DEL, \u{hh} beyond U+007F.
ESCAPED='\x1b[1A\x1b[2K\r\x07\x7f\u{85}\u{9b}0 errors'

case_value_controls() {
	plan "scope: national=>scope: \"$VALUE\"" >p.pve.yaml
	local how h
	for how in default never; do
		if [ $how = default ]; then pvrun $how check p.pve.yaml
		else pvrun $how check --color never p.pve.yaml; fi
		check "$how: exit 1" '[ $rc -eq 1 ]'
		check "$how: no raw control character on stdout or stderr" '"$PY" "$TOOLS" ctl $how.out $how.err'
		h=$(line_of $how.out 'FMT004')
		check "$how: each control shown escaped: $h" '[[ $h == *"$ESCAPED"* ]]'
	done
}

# An unknown key that would set the terminal title (OSC ... BEL).
case_key_controls() {
	plan 'scope: national=>scope: national\n  "\\e]0;pwned\\a": 1' >p.pve.yaml
	pvrun c check --color never p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "no raw control character in the output" '"$PY" "$TOOLS" ctl c.out c.err'
	local h
	h=$(line_of c.out 'FMT003')
	check "the key shown escaped: $h" '[[ $h == *"\x1b]0;pwned\x07"* ]]'
}

# Raw control bytes in the file itself (FMT001): the source line under the
# finding shows them escaped.
case_snippet_controls() {
	local name byte esc
	for name in esc:1b bel:07 del:7f c1:c29b; do
		byte=${name#*:}
		name=${name%%:*}
		if [ ${#byte} -gt 2 ]; then esc='\u{'${byte: -2}'}'; else esc='\x'$byte; fi
		"$PY" - "$name.pve.yaml" "$byte" <<'PY'
import sys
raw = bytes.fromhex(sys.argv[2])
open(sys.argv[1], "wb").write(b"pveplan: 1\nplan:\n  id: golden\n  title: A " + raw + b"[2J plan\n")
PY
		pvrun $name check $name.pve.yaml
		check "$name: exit 1" '[ $rc -eq 1 ]'
		check "$name: no raw control character in the output" '"$PY" "$TOOLS" ctl $name.out $name.err'
		check "$name: the source line shows $esc" 'grep -aqF -- "title: A $esc[2J plan" $name.out'
	done
}

case_snippet_nul() {
	printf 'pveplan: 1\nplan:\n  id: golden\n  title: Golden\000plan\n' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "no raw NUL or other control in the output" '"$PY" "$TOOLS" ctl c.out c.err'
	check "the source line shows \\x00" 'grep -aqF -- "title: Golden\x00plan" c.out'
}

# A tab from plan text, in a message (written \t in YAML, so the source
# line has no raw tab).
case_tab_in_message() {
	plan 'scope: national=>scope: "nat\\tional"' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "no raw tab or other control in the output" '"$PY" "$TOOLS" ctl c.out c.err'
	local h
	h=$(line_of c.out 'FMT004')
	check "the tab shown as \\t: $h" '[[ $h == *"nat\\tional"* ]]'
}

# A raw tab in the source line under a finding.
case_tab_in_snippet() {
	plan 'scope: national=>scope: "nat\tional"' >p.pve.yaml
	check "the plan line holds a raw tab" 'grep -q "$(printf "nat\tional")" p.pve.yaml'
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "no raw tab or other control in the output" '"$PY" "$TOOLS" ctl c.out c.err'
}

case_github_annotations() {
	plan "scope: national=>scope: \"$VALUE\"" 'title: Base plan for the PVE rules=>title: Base plan for the PVE rules\n  "\\e]0;pwned\\a": 1' >p.pve.yaml
	pvrun g check --format github p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "annotations were written" 'grep -q "^::error " g.out'
	check "no raw control character in the annotations" '"$PY" "$TOOLS" ctl g.out g.err'
	check "the value's controls shown escaped" 'grep -qF -- "$ESCAPED" g.out'
	check "the key's controls shown as \\xHH" 'grep -qF -- "\x1b]0;pwned\x07" g.out'
}

# $GITHUB_STEP_SUMMARY is Markdown that GitHub renders: plan text in it must
# not be live HTML (escaped, or in a code span, is fine).
case_github_summary_html() {
	plan 'title: Base plan for the PVE rules=>title: Base plan for the PVE rules\n  "<img src=x onerror=alert(1)>": 1' \
		'+accepted_deviations:\n  - {rule: PVE124, reason: "<details open><summary>Hidden</summary><script>alert(2)</script></details>", approved_by: "<img src=y onerror=alert(3)>", expires: 2026-12-31}\n' >p.pve.yaml
	PVENV=(GITHUB_STEP_SUMMARY="$PWD/summary.md")
	pvrun g check --format github p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "the summary was written, with the error and the deviation" \
		'grep -q "FMT003" summary.md && grep -q "PVE124" summary.md && grep -q "alert(1)" summary.md && grep -q "alert(2)" summary.md'
	# pveplan's own <details> block around the warnings is the only one:
	# its two lines are left out of the scan, and nothing else may be live.
	check "pveplan's own <details> block, once" \
		'[ "$(grep -cxE "<details><summary>[0-9]+ warnings?</summary>|</details>" summary.md)" = 2 ]'
	grep -vxE '<details><summary>[0-9]+ warnings?</summary>|</details>' summary.md >summary.plan.md
	check "no live <img>, <script> or <details> from plan text in the summary" \
		'"$PY" "$TOOLS" md-live-html summary.plan.md img script details summary'
}

main "$@"
