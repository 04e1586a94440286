# Issue 8, "build writes through symbolic links" and the rest of that item:
# an output is written to a temporary file in the target folder and renamed
# over its name (a symbolic link there is replaced, never followed); an
# output that is one of the inputs is refused (exit 2); -o /dev/stdout and
# -o - write to standard output; concurrent builds into one folder never mix
# report sets; build -o "" is a usage error.
. "$(dirname "$0")/lib.inc"

# The repository that commits out/report.html -> ../plan.pve.yaml.
case_build_symlink_to_plan() {
	mkdir -p repo/out
	plan >repo/plan.pve.yaml
	cp repo/plan.pve.yaml plan.orig
	ln -s ../plan.pve.yaml repo/out/report.html
	cd repo
	pvrun ../b build -o out plan.pve.yaml
	cd ..
	check "build exits 0" '[ $rc -eq 0 ]'
	check "the plan is unchanged" 'cmp -s repo/plan.pve.yaml plan.orig'
	check "out/report.html is now a regular file" '[ -f repo/out/report.html ] && [ ! -L repo/out/report.html ]'
	check "and holds the HTML report" 'grep -qi "<html" repo/out/report.html'
}

# Each of the three names a link to some other file: none is written
# through.
case_build_symlinks_other() {
	mkdir out
	plan >p.pve.yaml
	echo "keep md" >a.txt
	echo "keep html" >b.txt
	echo "keep xlsx" >c.txt
	ln -s ../a.txt out/report.md
	ln -s "$PWD/b.txt" out/report.html
	ln -s ../c.txt out/capacity-needs.xlsx
	pvrun b build -o out p.pve.yaml
	check "build exits 0" '[ $rc -eq 0 ]'
	check "the link targets are unchanged" \
		'[ "$(cat a.txt)" = "keep md" ] && [ "$(cat b.txt)" = "keep html" ] && [ "$(cat c.txt)" = "keep xlsx" ]'
	local f
	for f in report.md report.html capacity-needs.xlsx; do
		check "out/$f is a regular file" '[ -f out/$f ] && [ ! -L out/$f ]'
	done
}

refused() {	# refused NAME: the last run was refused and left the plan as it was
	local run=$1
	check "$run: refused with exit 2" '[ $rc -eq 2 ]'
	check "$run: the plan is unchanged" 'cmp -s plans/p.pve.yaml p.orig'
	check "$run: and says why" '[ -s $run.err ]'
}

setup_plan() { mkdir -p plans && plan >plans/p.pve.yaml && cp plans/p.pve.yaml p.orig; }

case_check_o_input() {
	setup_plan
	pvrun same check -o plans/p.pve.yaml plans/p.pve.yaml
	refused same
	pvrun json check --format json -o plans/p.pve.yaml plans/p.pve.yaml
	refused json
}

case_check_o_input_symlink() {
	setup_plan
	ln -s plans/p.pve.yaml report.json
	pvrun link check --format json -o report.json plans/p.pve.yaml
	refused link
}

case_check_o_input_spelling() {
	setup_plan
	pvrun dot check -o ./plans/p.pve.yaml plans/p.pve.yaml
	refused dot
	pvrun dotdot check -o plans/../plans/p.pve.yaml plans/p.pve.yaml
	refused dotdot
	pvrun abs check -o "$PWD/plans/p.pve.yaml" plans/p.pve.yaml
	refused abs
}

# A plan found in a directory given as input is an input too.
case_check_o_input_in_dir() {
	setup_plan
	pvrun dir check -o plans/p.pve.yaml plans
	refused dir
}

case_build_o_empty() {
	plan >p.pve.yaml
	pvrun b build -o "" p.pve.yaml
	nocrash b
	check "a usage error: exit 2" '[ $rc -eq 2 ]'
	check "with a message" '[ -s b.err ]'
}

case_dev_stdout_append() {
	plan >p.pve.yaml
	pvrun want check --format json p.pve.yaml
	echo "earlier line" >log
	timeout 60 env SOURCE_DATE_EPOCH=1764028800 "$bin" check --format json -o /dev/stdout p.pve.yaml \
		>>log 2>err </dev/null
	rc=$?
	check "exit 0" '[ $rc -eq 0 ]'
	check "the earlier contents of the log are kept" '[ "$(head -n1 log)" = "earlier line" ]'
	check "and the report follows them" 'tail -n +2 log | cmp -s - want.out'
}

case_dash_stdout() {
	plan >p.pve.yaml
	pvrun want check --format json p.pve.yaml
	pvrun dash check --format json -o - p.pve.yaml
	check "exit 0" '[ $rc -eq 0 ]'
	check "-o - writes the report to standard output" '[ -s dash.out ] && cmp -s dash.out want.out'
	check "and no file named '-'" '[ ! -e ./- ]'
}

# Two builds of two plans into one folder: the folder always holds one
# plan's complete report set (the second build may wait for the first, or
# fail with a message). First a forced interleaving: build A is stopped
# (SIGSTOP) once its report.md is written, build B runs until it ends or
# stops using CPU (waiting for A), then A goes on. Then both started together,
# five times.
which_plan() {	# which_plan DIR: "md:A html:A xlsx:A" and the like
	"$PY" - "$1" <<'PY'
import os, sys, zipfile
d = sys.argv[1]
out = []
for f, key in (("report.md", "md"), ("report.html", "html"), ("capacity-needs.xlsx", "xlsx")):
    p = os.path.join(d, f)
    if not os.path.isfile(p):
        out.append(key + ":missing")
        continue
    if f.endswith(".xlsx"):
        z = zipfile.ZipFile(p)
        data = b"".join(z.read(n) for n in z.namelist())
    else:
        data = open(p, "rb").read()
    a, b = b"Concurrency plan AQZ" in data, b"Concurrency plan BQZ" in data
    out.append(key + ":" + ("A" if a and not b else "B" if b and not a else "neither"))
print(" ".join(out))
PY
}

cpu_ticks() { local f; { read -r -a f <"/proc/$1/stat"; } 2>/dev/null && echo $((f[13] + f[14])); }

# judge RUN RA RB: the statuses and the folder after one run.
judge() {
	runs=$((runs + 1))
	if crashed "$2" a.err || crashed "$3" b.err; then bad="$bad; $1: a crash ($2, $3)"; fi
	if [ "$2" -ne 0 ] && [ "$3" -ne 0 ]; then bad="$bad; $1: both builds failed ($2, $3)"; fi
	if { [ "$2" -ne 0 ] && [ ! -s a.err ]; } || { [ "$3" -ne 0 ] && [ ! -s b.err ]; }; then
		bad="$bad; $1: a build failed without a message"
	fi
	local w
	w=$(which_plan out)
	case "$w" in
	"md:A html:A xlsx:A" | "md:B html:B xlsx:B") ;;
	*) mixed="$mixed; $1: $w (statuses $2, $3)" ;;
	esac
}

case_concurrent_builds() {
	edit "$src/examples/regional-en.pve.yaml" \
		'en: Regional Plan of Action to Prevent Violent Extremism in the Lake Basin 2027-2031=>en: Concurrency plan AQZ' >a.pve.yaml
	edit "$src/examples/regional-en.pve.yaml" \
		'en: Regional Plan of Action to Prevent Violent Extremism in the Lake Basin 2027-2031=>en: Concurrency plan BQZ' \
		'id: lbsdc-rpa-pve-2027-2031=>id: concurrency-b' >b.pve.yaml
	local i pa pb ra rb t last idle caught=0
	runs=0 bad="" mixed=""
	for i in 1 2 3 4 5; do
		rm -rf out
		"$bin" build -o out a.pve.yaml >a.out 2>a.err </dev/null &
		pa=$!
		while kill -0 $pa 2>/dev/null && [ ! -e out/report.md ]; do :; done
		kill -STOP $pa 2>/dev/null
		if [ ! -e out/report.md ] || [ -e out/capacity-needs.xlsx ]; then
			# A was not caught between its first and last report: again.
			kill -CONT $pa 2>/dev/null
			wait $pa
			continue
		fi
		caught=1
		"$bin" build -o out b.pve.yaml >b.out 2>b.err </dev/null &
		pb=$!
		last=-1 idle=0
		for t in $(seq 100); do	# at most 10 s; B ends or waits long before
			kill -0 $pb 2>/dev/null || break
			sleep 0.1
			ticks=$(cpu_ticks $pb) || break
			if [ "$ticks" = "$last" ]; then idle=$((idle + 1)); else idle=0; fi
			last=$ticks
			[ $idle -ge 3 ] && break
		done
		kill -CONT $pa
		wait $pa; ra=$?
		wait $pb; rb=$?
		judge "interleaved" $ra $rb
		break
	done
	for i in 1 2 3 4 5; do
		rm -rf out
		"$bin" build -o out a.pve.yaml >a.out 2>a.err </dev/null &
		pa=$!
		"$bin" build -o out b.pve.yaml >b.out 2>b.err </dev/null &
		pb=$!
		wait $pa; ra=$?
		wait $pb; rb=$?
		judge "together $i" $ra $rb
	done
	echo "build A caught between its reports: $caught; runs: $runs"
	check "no crash, and a failed build says why${bad}" '[ -z "$bad" ]'
	check "every run left one plan's complete report set${mixed}" '[ -z "$mixed" ]'
}

main "$@"
