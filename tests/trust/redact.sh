# Issue 8, "--redact leaks": with build --redact no byte of any output
# (report.md, report.html, every part of capacity-needs.xlsx, the findings in
# them) holds a confidential item's id, name, title, text or amount, and the
# totals agree between the report, its PVE116 finding and the workbook.
#
# fixtures/redact.pve.yaml has a confidential item of every kind that takes
# 'confidential: true' (src/model/schema.c: driver, stakeholder, consultation,
# capacity need under an action and top-level, action, objective, priority,
# indicator, risk), references to them from visible items, findings about
# them (PVE113, PVE115), and an accepted deviation about one of them.
. "$(dirname "$0")/lib.inc"

. "$(dirname "$0")/redact_secrets.inc"

built() {	# built NAME DIR FORMATS [STATUS]: the build exited STATUS (0) and wrote those reports
	local want=${4:-0}
	check "$1: build exits $want" '[ $rc -eq $want ]'
	local f dir=$2
	for f in $3; do
		case $f in md) f=report.md ;; html) f=report.html ;; xlsx) f=capacity-needs.xlsx ;; esac
		check "$1: $f written" '[ -s "$dir/$f" ]'
	done
}

# Without --redact the fixture shows each confidential item somewhere (so
# the redacted cases below test something).
case_fixture_unredacted() {
	pvrun b build -o out "$RPLAN"
	built plain out "md html xlsx"
	local it
	for it in "${ITEMS[@]}"; do
		local -a ss
		mapfile -t ss < <(strings_of "$it")
		check "unredacted reports show the ${it%%|*}" \
			'! "$PY" "$TOOLS" find out/report.md out/report.html out/capacity-needs.xlsx -- "${ss[@]}" >/dev/null'
	done
}

case_md() {
	pvrun b build --redact --format md -o out "$RPLAN"
	built redacted out md
	leaks_in report.md out/report.md
}

case_html() {
	pvrun b build --redact --format html -o out "$RPLAN"
	built redacted out html
	leaks_in report.html out/report.html
}

case_xlsx() {
	pvrun b build --redact --format xlsx -o out "$RPLAN"
	built redacted out xlsx
	check "the workbook's XML parts are well-formed" '"$PY" "$TOOLS" xlsx-xml out/capacity-needs.xlsx'
	leaks_in "every part of capacity-needs.xlsx" out/capacity-needs.xlsx
}

# A plan whose errors are about confidential items (CON002 on SECRETX4),
# built with --force: the findings in the reports name none of them.
case_force() {
	edit "$RPLAN" '            start: 2025-04\n            end: 2026-10=>            start: 2025-04\n            end: 2025-01' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "the plan has an error about SECRETX4" '[ $rc -eq 1 ] && grep -q "error\[CON002\].*SECRETX4" c.out'
	pvrun b build --redact --force -o out p.pve.yaml
	built forced out "md html xlsx" 1	# written, but the plan is not valid
	leaks_in "reports of a forced build" out/report.md out/report.html out/capacity-needs.xlsx
	# build prints its findings, but not under --redact: they would name
	# SECRETX4 (the terminal is an output too).
	leaks_in "what a forced build prints" b.out b.err
	check "it says the findings are not shown" 'grep -q "not shown under --redact" b.out'
}

# Another report language: amounts grouped the French way, same rule.
case_lang_fr() {
	pvrun b build --redact --lang fr -o out "$RPLAN"
	built "--lang fr" out "md html xlsx"
	leaks_in "French reports" out/report.md out/report.html out/capacity-needs.xlsx
}

totals_agree() {	# totals_agree NAME DIR
	"$PY" "$TOOLS" totals "$2" >totals.txt
	local md pve book
	md=$(sed -n 's/^md glance total: //p' totals.txt)
	pve=$(sed -n 's/^md PVE116 total: //p' totals.txt)
	book=$(sed -n 's/^workbook Budget total: //p' totals.txt)
	check "$1: report.md states a total cost ($md)" '[ -n "$md" ] && [ "$md" != missing ]'
	check "$1: its PVE116 finding says the same ($pve)" '[ "$pve" = "$md" ]'
	check "$1: the workbook's Budget total says the same ($book)" '[ "$book" = "$md" ]'
}

case_totals() {
	pvrun b build --redact -o out "$RPLAN"
	built redacted out "md xlsx"
	totals_agree redacted out
}

# The same three totals agree without --redact (the oracle itself works).
case_totals_unredacted() {
	pvrun b build -o out "$RPLAN"
	built plain out "md xlsx"
	totals_agree unredacted out
}

# The glance table counts the stakeholders the report can show.
case_stakeholder_count() {
	pvrun u build --format md -o plain "$RPLAN"
	pvrun r build --redact --format md -o red "$RPLAN"
	check "unredacted: 9 stakeholders" 'grep -q "^| Stakeholders | 9 |" plain/report.md'
	check "redacted: the 8 that are not confidential" 'grep -q "^| Stakeholders | 8 |" red/report.md'
}

main "$@"
