# Issue 8, "C0 controls in the title and U+FFFE/U+FFFF anywhere make the
# workbook and the JUnit file invalid XML": XML outputs hold only the
# characters XML 1.0 allows, whatever the plan text holds.
. "$(dirname "$0")/lib.inc"

# C0 controls in the title and in values that reach JUnit messages.
case_junit_c0() {
	plan 'title: Base plan for the PVE rules=>title: "Base\\x01\\x02\\x1b plan"' \
		'scope: national=>scope: "nat\\x01\\x1f\\x7fional"\n  "key\\x02\\x1b": 1' >p.pve.yaml
	pvrun j check --format junit p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "the JUnit file names the findings" 'grep -q "FMT004" j.out && grep -q "FMT003" j.out'
	check "the JUnit file is well-formed XML" '"$PY" "$TOOLS" xml j.out'
	check "and so xmllint reads it" 'xmllint --noout j.out'
}

# U+FFFE and U+FFFF, which XML 1.0 excludes, in a key and a value.
case_junit_nonchars() {
	plan 'scope: national=>scope: "nat\\uFFFE\\uFFFFional"\n  "key\\uFFFF\\uFFFE": 1' >p.pve.yaml
	pvrun j check --format junit p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	check "the JUnit file names the findings" 'grep -q "FMT004" j.out && grep -q "FMT003" j.out'
	check "the JUnit file is well-formed XML" '"$PY" "$TOOLS" xml j.out'
}

# The plan title goes into the workbook's document properties.
case_xlsx_title_c0() {
	plan 'title: Base plan for the PVE rules=>title: "Base\\x01\\x02\\x1b plan"' >p.pve.yaml
	pvrun b build --format xlsx -o out p.pve.yaml
	check "build exits 0" '[ $rc -eq 0 ] && [ -s out/capacity-needs.xlsx ]'
	check "every XML part of the workbook is well-formed" '"$PY" "$TOOLS" xlsx-xml out/capacity-needs.xlsx'
}

# C0 controls in the texts of the sheets, and in findings (--force).
case_xlsx_texts_c0() {
	plan 'title: Community policing forums=>title: "Community\\x0b\\x1f forums"' \
		'need: Grant management training=>need: "Grant\\x01 management\\x08 training"' \
		'name: Districts with an active prevention forum=>name: "Districts\\x1b[31m with a forum"' \
		'description: Stigmatisation of communities=>description: "Stigma\\x07tisation"' \
		'{id: undp, name: UNDP, sector: un_entity}=>{id: undp, name: "UN\\x02DP", sector: un_entity}' \
		'scope: national=>scope: "nat\\x01ional"' >p.pve.yaml
	pvrun b build --force --format xlsx -o out p.pve.yaml
	check "build --force writes the workbook, exit 1 (not valid)" '[ $rc -eq 1 ] && [ -s out/capacity-needs.xlsx ]'
	check "the Findings sheet has the finding" '"$PY" "$TOOLS" has out/capacity-needs.xlsx -- FMT004'
	check "every XML part of the workbook is well-formed" '"$PY" "$TOOLS" xlsx-xml out/capacity-needs.xlsx'
}

case_xlsx_nonchars() {
	plan 'title: Base plan for the PVE rules=>title: "Base \\uFFFF plan"' \
		'title: Community policing forums=>title: "Community \\uFFFE\\uFFFF forums"' \
		'need: Grant management training=>need: "Grant \\uFFFF training"' >p.pve.yaml
	pvrun b build --format xlsx -o out p.pve.yaml
	check "build exits 0" '[ $rc -eq 0 ] && [ -s out/capacity-needs.xlsx ]'
	check "every XML part of the workbook is well-formed" '"$PY" "$TOOLS" xlsx-xml out/capacity-needs.xlsx'
}

# "UBSan reports undefined behaviour on every workbook": the workbooks of
# the examples and of a small plan, made without a sanitizer report (this
# case can only fail in a sanitizer build).
case_workbook_sanitizer_clean() {
	plan >p.pve.yaml
	local f n=0
	for f in "$src/examples/national-fr.pve.yaml" "$src/examples/regional-en.pve.yaml" p.pve.yaml; do
		n=$((n + 1))
		pvrun w$n build --format xlsx -o out$n "$f"
		check "$(basename "$f"): workbook written, no sanitizer report" \
			'[ $rc -eq 0 ] && [ -s out$n/capacity-needs.xlsx ] && ! grep -Eq "$SANITIZER" w$n.err'
	done
}

main "$@"
