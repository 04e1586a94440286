# Issue 8, "Plan text read as message markup": a plan value or key that
# starts with the bytes pveplan uses to tag message arguments (\001 word,
# \002 label, \003 list with \036 separators, \004 amount) is shown
# literally, escaped (\x04), never rendered as a word, a label, a list or an
# amount, and never read past its end. In a plan and in a configuration.
. "$(dirname "$0")/lib.inc"

# scope: "\x04." (the review's D2: add_amount reads past the value).
case_amount_tag_text() {
	plan 'scope: national=>scope: "\\x04."' >p.pve.yaml
	pvrun c check p.pve.yaml
	nocrash c
	check "exit 1 (a finding)" '[ $rc -eq 1 ]'
	local h want="'\x04.' for 'scope'"
	h=$(line_of c.out 'error\[FMT004\]')
	check "FMT004 shows the value escaped: $h" '[[ $h == *"$want"* ]]'
}

case_amount_tag_json() {
	plan 'scope: national=>scope: "\\x04."' >p.pve.yaml
	pvrun j check --format json p.pve.yaml
	nocrash j
	check "exit 1" '[ $rc -eq 1 ]'
	local m want="\x04.' for 'scope'"
	# ascii() shows a raw U+0004 as \x04 and an escaped one as \\x04:
	# either way the value, then the rest of the message, never an amount,
	# never cut at the value.
	m=$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(ascii([f["message"] for f in d["files"][0]["findings"] if f["code"] == "FMT004"]))' j.out)
	check "the message holds the value and the whole text: $m" '[[ $m == *"$want"* ]]'
}

case_amount_tag_build() {
	plan 'scope: national=>scope: "\\x04."' >p.pve.yaml
	pvrun b build --force -o out p.pve.yaml
	nocrash b
	check "build --force writes the reports (exit 1: not valid)" '[ $rc -eq 1 ] && [ -s out/report.md ] && [ -s out/report.html ]'
	local row
	row=$(line_of out/report.md '^\| FMT004 ')
	check "the finding in report.md is whole, the value not cut: $row" \
		"echo \"\$row\" | grep -Eq \"invalid value '[^']*\\.' for 'scope'\""
}

case_label_tag_en() {
	plan 'scope: national=>scope: "\\x02none"' >p.pve.yaml
	pvrun c check p.pve.yaml
	nocrash c
	check "exit 1" '[ $rc -eq 1 ]'
	local h
	h=$(line_of c.out 'FMT004')
	check "the value is shown escaped: $h" '[[ $h == *"\x02none"* ]]'
	local label="'none'"
	check "not as the label 'none'" '[[ $h != *"$label"* ]]'
}

case_label_tag_fr() {
	plan 'scope: national=>scope: "\\x02none"' >p.pve.yaml
	pvrun c check --lang fr p.pve.yaml
	nocrash c
	check "exit 1" '[ $rc -eq 1 ]'
	local h
	h=$(line_of c.out 'FMT004')
	check "the value is shown escaped: $h" '[[ $h == *"\x02none"* ]]'
	check "not as the French label 'aucun'" '[[ $h != *aucun* ]]'
}

case_word_tag_value() {
	plan 'scope: national=>scope: "\\x01a mapping"' >p.pve.yaml
	pvrun c check --lang fr p.pve.yaml
	nocrash c
	local h
	h=$(line_of c.out 'FMT004')
	check "the value is shown escaped: $h" '[[ $h == *"\x01a mapping"* ]]'
	check "not as the French word 'un bloc de clés'" '[[ $h != *"bloc de cl"* ]]'
}

case_word_tag_key() {
	plan 'scope: national=>scope: national\n  "\\x01a mapping": 1' >p.pve.yaml
	pvrun c check --lang fr p.pve.yaml
	nocrash c
	check "exit 1" '[ $rc -eq 1 ]'
	local h
	h=$(line_of c.out 'FMT003')
	check "the unknown key is shown escaped: $h" '[[ $h == *"\x01a mapping"* ]]'
	check "not as a translated word" '[[ $h != *"bloc de cl"* ]]'
}

case_list_tag() {
	plan 'scope: national=>scope: "\\x03a\\x1eb\\x1ec"' >p.pve.yaml
	pvrun c check p.pve.yaml
	nocrash c
	local h
	h=$(line_of c.out 'FMT004')
	check "the value is shown escaped: $h" '[[ $h == *"\x03a\x1eb\x1ec"* ]]'
	check "not as the list 'a, b and c'" '[[ $h != *"a, b and c"* ]]'
}

# Many list tags and separators (quadratic memory on cef24f5): no crash,
# and no raw tag byte reaches the output.
case_list_tag_many() {
	local v
	v=$(printf '\\\\x03\\\\x1e%.0s' $(seq 1000))
	plan "scope: national=>scope: \"$v\"" >p.pve.yaml
	pvrun c check p.pve.yaml
	nocrash c
	check "exit 1" '[ $rc -eq 1 ]'
	check "no raw control byte in the output" '"$PY" "$TOOLS" ctl c.out c.err'
	local h
	h=$(line_of c.out 'FMT004' | cut -c1-200)
	check "the value is shown escaped: $h" '[[ $h == *"\x03\x1e\x03\x1e"* ]]'
}

# .pveplan.yaml found upward from the plan: a rule code "\x04." is an
# unknown rule, shown escaped; no over-read.
case_config_upward() {
	mkdir -p proj/plans
	plan >proj/plans/p.pve.yaml
	printf 'rules:\n  "\\x04.": error\n' >proj/.pveplan.yaml
	pvrun c check proj/plans/p.pve.yaml
	nocrash c
	check "a bad configuration: exit 2" '[ $rc -eq 2 ]'
	local h
	h=$(line_of c.err 'unknown rule')
	check "the unknown rule is shown escaped: $h" '[[ $h == *"\x04."* ]]'
	printf 'thresholds:\n  "\\x04.": 1\n' >proj/.pveplan.yaml
	pvrun t check proj/plans/p.pve.yaml
	nocrash t
	h=$(line_of t.err 'unknown threshold')
	check "the unknown threshold is shown escaped: $h" '[[ $h == *"\x04."* ]]'
}

# --config, for check and build: tagged keys shown escaped, not rendered.
case_config_explicit() {
	plan >p.pve.yaml
	printf '"\\x02none": 1\nrules:\n  "\\x01a mapping": error\nthresholds:\n  "\\x03a\\x1eb": 1\n' >cfg.yaml
	local cmd h
	for cmd in check build; do
		pvrun $cmd $cmd --config cfg.yaml p.pve.yaml
		nocrash $cmd
		check "$cmd: a bad configuration: exit 2" '[ $rc -eq 2 ]'
		h=$(line_of $cmd.err 'unknown key')
		check "$cmd: the unknown key is shown escaped: $h" '[[ $h == *"\x02none"* ]]'
		h=$(line_of $cmd.err 'unknown rule')
		check "$cmd: the unknown rule is shown escaped: $h" '[[ $h == *"\x01a mapping"* ]]'
		h=$(line_of $cmd.err 'unknown threshold')
		check "$cmd: the unknown threshold is shown escaped: $h" '[[ $h == *"\x03a\x1eb"* ]]'
	done
}

main "$@"
