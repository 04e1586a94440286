# pveplan diff --redact: no byte of any diff format (text, md, html, json)
# holds a confidential item's id, name, title, text or amount, of either
# draft, whichever way the drafts differ: an item added, removed, changed,
# or one that became (or stopped being) confidential between them. The
# fixture, the secrets and the search are those of redact.sh (build
# --redact), in redact_secrets.inc.
. "$(dirname "$0")/lib.inc"

. "$(dirname "$0")/redact_secrets.inc"


FORMATS="text md html json"

# open.pve.yaml: the fixture with no item marked confidential (the same
# items, all visible).
opened() {
	sed -e 's/, confidential: true//' -e '/^ *confidential: true$/d' "$RPLAN" >open.pve.yaml
	check "open.pve.yaml marks nothing confidential" '! grep -v "^ *#" open.pve.yaml | grep -q "confidential: true"'
}

# diffs NAME OLD NEW [OPTIONS...]: each format into NAME.FORMAT, exit 0.
diffs() {
	local name=$1 old=$2 new=$3 f
	shift 3
	for f in $FORMATS; do
		pvrun "$name.$f" diff --format "$f" "$@" "$old" "$new"
		check "$name --format $f: exits 0" '[ $rc -eq 0 ] && [ -s "$name.$f.out" ]'
	done
}
outs() { local f; for f in $FORMATS; do echo "$1.$f.out" "$1.$f.err"; done; }

# The pairs compared: every confidential item added, removed, became
# confidential, stopped being; and changed (the deviation's reason, an
# amount and a text of confidential items).
pairs() {
	opened
	edit "$RPLAN" 'classified annex=>sealed annex' 'cost: 24681=>cost: 24680' \
		'mitigation: Hushmoor cover plan=>mitigation: other plan' >chg.pve.yaml
	diffs chg "$RPLAN" chg.pve.yaml "$@"
	diffs add "$FIX/base.pve.yaml" "$RPLAN" "$@"
	diffs del "$RPLAN" "$FIX/base.pve.yaml" "$@"
	diffs became open.pve.yaml "$RPLAN" "$@"
	diffs stopped "$RPLAN" open.pve.yaml "$@"
}

# Without --redact the same diffs show each confidential item (the search
# below finds what it looks for).
case_unredacted() {
	pairs
	local it
	for it in "${ITEMS[@]}"; do
		# diff compares no drivers (only the redacted search looks for one).
		[[ $it == driver* ]] && continue
		local -a ss
		mapfile -t ss < <(strings_of "$it")
		# shellcheck disable=SC2046
		check "unredacted diffs show the ${it%%|*}" \
			'! "$PY" "$TOOLS" find $(outs add) $(outs del) $(outs became) $(outs stopped) $(outs chg) -- "${ss[@]}" >/dev/null'
	done
}

case_added_removed() {
	pairs --redact
	# shellcheck disable=SC2046
	leaks_in "added and removed, every format" $(outs add) $(outs del)
	# shellcheck disable=SC2046
	leaks_in "changed, every format" $(outs chg)
}

case_became_confidential() {
	pairs --redact
	# shellcheck disable=SC2046
	leaks_in "became or stopped being confidential, every format" $(outs became) $(outs stopped)
	check "nothing listed as removed" '! grep -q "removed SECRET" became.text.out'
	check "it says what it leaves out" 'grep -q "items confidential in either draft are not shown" became.text.out'
	check "JSON says it is redacted" 'grep -q "\"redacted\"" became.json.out'
}

case_lang_fr() {
	pairs --redact --lang fr
	# shellcheck disable=SC2046
	leaks_in "French, every format" $(outs add) $(outs del) $(outs became) $(outs stopped) $(outs chg)
}

# Findings that name a confidential item (CON002 on SECRETX4) are not shown.
case_findings() {
	edit "$RPLAN" '            start: 2025-04\n            end: 2026-10=>            start: 2025-04\n            end: 2025-01' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "the plan has an error about SECRETX4" '[ $rc -eq 1 ] && grep -q "error\[CON002\].*SECRETX4" c.out'
	diffs err "$RPLAN" p.pve.yaml --redact
	# shellcheck disable=SC2046
	leaks_in "a new error about a confidential item" $(outs err)
	pvrun fail diff --redact --fail-on-new "$RPLAN" p.pve.yaml
	check "--fail-on-new still sees the new error (exit 1)" '[ $rc -eq 1 ]'
}

# The new draft's totals are those of build --redact (its glance).
case_totals() {
	pvrun b build --redact --format md -o out "$RPLAN"
	check "build --redact exits 0" '[ $rc -eq 0 ]'
	pvrun d diff --redact --format json "$FIX/base.pve.yaml" "$RPLAN"
	local cost glance
	cost=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["cost"]["new"])' d.out)
	glance=$(sed -n 's/^| Total cost | \([0-9,]*\) .*/\1/p' out/report.md | tr -d ,)
	check "the diff's new total ($cost) is the redacted report's ($glance)" '[ -n "$cost" ] && [ "$cost" = "$glance" ]'
}

main "$@"
