# Issue 8, "amounts whose sum overflows print inf": amounts and totals are
# finite; an amount that makes a total overflow is an FMT004 error (exit 1
# from check), and no output of check or build --force shows inf or nan.
. "$(dirname "$0")/lib.inc"

# No "inf", "infinity" or "nan" as a word (so "info" is fine).
NONFINITE='(^|[^[:alnum:]_])-?(inf|infinity|nan)([^[:alnum:]_]|$)'

overflow_check() {	# overflow_check WHAT EDIT...
	local what=$1
	shift
	plan "$@" >p.pve.yaml
	pvrun t check p.pve.yaml
	pvrun j check --format json p.pve.yaml
	check "$what: check exits 1" '[ $rc -eq 1 ]'
	check "$what: an FMT004 error is reported" 'grep -q "error\[FMT004\]" t.out'
	check "$what: no inf or nan in the text output" '! grep -Eiq "$NONFINITE" t.out t.err'
	check "$what: no inf or nan in the JSON output" '! grep -Eiq "$NONFINITE" j.out'
	# build --force still writes the reports: none shows inf or nan.
	pvrun b build --force -o out p.pve.yaml
	check "$what: build --force writes the three reports" \
		'[ -s out/report.md ] && [ -s out/report.html ] && [ -s out/capacity-needs.xlsx ]'
	mkdir x && "$PY" "$TOOLS" unzip out/capacity-needs.xlsx x
	check "$what: no inf or nan in report.md" '! grep -Eiq "$NONFINITE" out/report.md'
	check "$what: no inf or nan in report.html" '! grep -Eiq "$NONFINITE" out/report.html'
	check "$what: no inf or nan in any part of the workbook" '! grep -rEiq "$NONFINITE" x'
}

case_overflow_costs() {
	overflow_check "two action costs of 1e308" 'cost: 50000=>cost: 1e308' 'cost: 80000=>cost: 1e308'
}

case_overflow_funding() {
	overflow_check "two funding amounts of 1e308" \
		'cost: 50000=>cost: 1e308' 'cost: 80000=>cost: 1e308' \
		'amount: 20000=>amount: 1e308' 'amount: 30000=>amount: 1e308'
}

case_overflow_needs() {
	overflow_check "two capacity-need costs of 1e308" \
		'{id: N1, need: Grant management training, kind: training, priority: high, support_from: [undp]}=>{id: N1, need: Grant management training, kind: training, priority: high, support_from: [undp], cost: 1e308}\n              - {id: N2, need: Audit training, kind: training, priority: low, cost: 1e308}'
}

main "$@"
