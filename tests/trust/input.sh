# Issue 8, "Input that real users have": a BOM, lone CR, NEL and Unicode
# line separators, wide characters, symbolic link loops, a FIFO where the
# configuration should be, an oversized template.
. "$(dirname "$0")/lib.inc"

# The base plan with one error (REF002 at 42:19, "lead: polise").
bad_plan() { plan 'lead: police=>lead: polise' "$@"; }

# "docs/plan-format.md: a BOM tolerated", also when the first line is a key.
case_bom_first_key() {
	mkdir plain bom
	bad_plan >plain/p.pve.yaml
	printf '\357\273\277' | cat - plain/p.pve.yaml >bom/p.pve.yaml
	check "the BOM file starts with the BOM, then 'pveplan: 1'" \
		'[ "$(head -c 13 bom/p.pve.yaml | od -An -tx1 | tr -d " \n")" = "efbbbf707665706c616e3a2031" ]'
	local prc brc
	cd plain && pvrun ../plain check p.pve.yaml && prc=$rc && cd ..
	cd bom && pvrun ../bom check p.pve.yaml && brc=$rc && cd ..
	check "the same exit status ($prc without, $brc with the BOM)" '[ "$prc" = "$brc" ]'
	check "the same findings" 'diff plain.out bom.out && diff plain.err bom.err'
}

# A BOM before a comment line already works: it must keep working.
case_bom_comment_first() {
	mkdir plain bom
	{ echo "# a plan"; bad_plan; } >plain/p.pve.yaml
	printf '\357\273\277' | cat - plain/p.pve.yaml >bom/p.pve.yaml
	cd plain && pvrun ../plain check p.pve.yaml && cd ..
	cd bom && pvrun ../bom check p.pve.yaml && cd ..
	check "the same findings" 'grep -q "REF002" bom.out && diff plain.out bom.out'
}

# same_line NAME: the REF002 finding is at line 42, the line an editor
# shows, and the source line printed under it is that line.
same_line() {
	local name=$1 h
	pvrun $name check $name.pve.yaml
	check "$name: exit 1" '[ $rc -eq 1 ]'
	h=$(line_of $name.out 'REF002')
	check "$name: the finding is at 42:19: $h" '[[ $h == "$name.pve.yaml:42:19: "* ]]'
	check "$name: the source line shown is line 42" 'grep -aq "^42 |             lead: polise$" $name.out'
	check "$name: no raw control character in the output" '"$PY" "$TOOLS" ctl $name.out $name.err'
}

case_lone_cr() {
	bad_plan | tr '\n' '\r' >cr.pve.yaml
	check "the file has no LF" '[ $(tr -cd "\n" <cr.pve.yaml | wc -c) -eq 0 ]'
	same_line cr
}

case_crlf() {
	bad_plan | sed 's/$/\r/' >crlf.pve.yaml
	same_line crlf
}

# NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR inside a quoted text on line 4:
# an editor does not break the line there.
case_nel() {
	bad_plan 'title: Base plan for the PVE rules=>title: "Base\u0085 plan for the PVE rules"' >nel.pve.yaml
	same_line nel
}

case_line_separator() {
	bad_plan 'title: Base plan for the PVE rules=>title: "Base\u2028 plan for the PVE rules"' >ls.pve.yaml
	same_line ls
}

case_paragraph_separator() {
	bad_plan 'title: Base plan for the PVE rules=>title: "Base\u2029 plan for the PVE rules"' >ps.pve.yaml
	same_line ps
}

# After wide (CJK) characters the caret starts under the value, counted in
# display columns (two per wide character).
case_cjk_caret() {
	plan '{id: undp, name: UNDP, sector: un_entity}=>{id: undp, name: 联合国开发计划署, sector: bogus}' >p.pve.yaml
	pvrun c check p.pve.yaml
	check "exit 1" '[ $rc -eq 1 ]'
	local cols value caret
	cols=$("$PY" "$TOOLS" caret c.out bogus)
	read -r value caret <<<"$cols"
	check "the caret is under 'bogus' (display column of the value $value, of the caret $caret)" \
		'[ -n "$value" ] && [ "$value" = "$caret" ]'
}

# A folder with a link to its parent: each plan is checked once.
case_symlink_loop() {
	mkdir -p proj/sub
	plan >proj/a.pve.yaml
	plan >proj/b.pve.yaml
	ln -s .. proj/sub/loop
	pvrun t check proj
	pvrun j check --format json proj
	local n
	n=$("$PY" -c '
import json, os, sys
d = json.load(open(sys.argv[1]))
print(len(d["files"]), len({os.path.realpath(f["path"]) for f in d["files"]}))' j.out)
	check "the JSON lists two files, two distinct ones ($n)" '[ "$n" = "2 2" ]'
	check "the text summary counts 2 files" 'tail -n1 t.out | grep -q " in 2 files$"'
}

# A FIFO named .pveplan.yaml, found upward from the plan: no hang, and an
# error (timeout 5 s is a hang, not a measure).
case_fifo_config_upward() {
	mkdir proj
	plan >proj/p.pve.yaml
	mkfifo proj/.pveplan.yaml
	PVTIMEOUT=5
	pvrun c check proj/p.pve.yaml
	check "check ends with a non-zero status (status $rc)" '[ $rc -ne 0 ] && [ $rc -ne 124 ] && [ $rc -ne 137 ]'
}

# --config FIFO, for check and for build (run side by side).
case_fifo_config_explicit() {
	plan >p.pve.yaml
	mkfifo cfg.yaml
	timeout -k 2 5 "$bin" check --config cfg.yaml p.pve.yaml >c.out 2>c.err </dev/null &
	local pc=$!
	timeout -k 2 5 "$bin" build --config cfg.yaml -o out p.pve.yaml >b.out 2>b.err </dev/null &
	local pb=$! rcc rcb
	wait $pc; rcc=$?
	wait $pb; rcb=$?
	check "check --config FIFO ends with a non-zero status (status $rcc)" \
		'[ $rcc -ne 0 ] && [ $rcc -ne 124 ] && [ $rcc -ne 137 ] && ! crashed $rcc c.err'
	check "build --config FIFO ends with a non-zero status (status $rcb)" \
		'[ $rcb -ne 0 ] && [ $rcb -ne 124 ] && [ $rcb -ne 137 ] && ! crashed $rcb b.err'
}

# A template over 1 MiB: exit 2 or 3 with a message that says something.
case_template_too_large() {
	plan >p.pve.yaml
	local f
	for f in page.html style.css; do
		mkdir -p tpl-$f
		cp "$src/templates/page.html" "$src/templates/style.css" tpl-$f/
		head -c 1100000 /dev/zero | tr '\0' ' ' >>tpl-$f/$f
		pvrun $f build --template-dir tpl-$f -o out-$f p.pve.yaml
		check "$f over 1 MiB: exit 2 or 3 (status $rc)" '[ $rc -eq 2 ] || [ $rc -eq 3 ]'
		check "$f over 1 MiB: the error message is not empty: $(head -c 200 $f.err)" \
			'grep -Eq "error: .*[[:alnum:]]" $f.err'
	done
}

main "$@"
