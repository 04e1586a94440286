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

RPLAN=$FIX/redact.pve.yaml

# One line per confidential item: its strings, separated by '|'. Amounts
# are numbers, searched in every way a report language writes them.
ITEMS=(
	"stakeholder|SECRETX1|Zorblat Ministry|Quorvex liaison office"
	"driver|SECRETX2|Fenwickian smuggling grievance"
	"consultation|Glimmerfax briefing|Vorpalkeep annex"
	"need under an action|SECRETX3|Frobnitzer surveillance training|#24681"
	"action|SECRETX4|Quibbleton listening operation|Snarfwhistle informant network|Plinkerton|#137913|#11223"
	"objective|SECRETX5|Murkwell hidden objective|Grumbleford outcome"
	"action of a confidential objective|SECRETX6|Dravenlock covert action|Bluffington|#86420"
	"uncosted action|SECRETX7|Wuzzlebeck sting"
	"priority|SECRETX8|Krakentide secret priority"
	"objective of a confidential priority|SECRETX9|Jabberwock objective"
	"action of a confidential priority|SECRETXA|Snicklefritz action|Oswaldine|#57913"
	"indicator|SECRETXB|Plonkville informant count|Grimbold registry"
	"top-level need|SECRETXC|Wibblegast intercept equipment|#35791"
	"risk|SECRETXD|Zanzibark exposure risk|Hushmoor cover plan"
	"deviation about SECRETX7|classified annex"
)

# The strings of item line $1, amounts expanded (137913, 137,913, 137.913,
# 137 913 with a space, a no-break space, a narrow no-break space, U+066C).
strings_of() {
	local s
	IFS='|' read -r -a parts <<<"$1"
	for s in "${parts[@]:1}"; do
		if [[ $s == "#"* ]]; then
			s=${s#\#}
			local hi=${s:0:${#s}-3} lo=${s: -3} sep
			echo "$s"
			for sep in , . ' ' $'\u00a0' $'\u202f' $'\u066c'; do echo "$hi$sep$lo"; done
		else
			echo "$s"
		fi
	done
}
all_secrets() { local it; for it in "${ITEMS[@]}"; do strings_of "$it"; done; }

# leaks_in WHAT FILE...: asserts that no confidential string is in FILEs.
leaks_in() {
	local what=$1
	shift
	local -a secrets
	mapfile -t secrets < <(all_secrets)
	"$PY" "$TOOLS" find "$@" -- "${secrets[@]}" >leaks.txt
	head -n 20 leaks.txt
	check "$what: no confidential id, name, title, text or amount" '[ ! -s leaks.txt ]'
}

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
