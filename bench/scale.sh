#!/usr/bin/env bash
# bench/scale.sh [BUILD_DIR] [SHAPE...]: how pveplan's cost grows with its input.
#
# For each shape of issue 8 (inputs that made pveplan quadratic or
# amplifying), generates the input at three sizes n, 2n and 4n with
# bench/gen_scale.py (cached in BUILD_DIR/bench-data/scale, regenerated when
# the generator changes), runs the pveplan command through `measure` under a
# timeout, and prints a Markdown table per case: size, input bytes, median wall
# time, peak RSS, output bytes (and findings), the growth ratios from one size
# to the next, and a verdict. A ratio near 2 is linear, near 4 quadratic.
# A summary table follows. `bench/scale.sh --list` lists the shapes.
#
# Environment: BENCH_RUNS (runs per figure, median taken; default 3),
# BENCH_TIMEOUT (seconds per run; default 30), BENCH_SCALE (multiplies every
# n; default 1, e.g. 4 once the paths are linear and the runs too fast).
# Exit status: 0 when everything ran, whatever the verdicts; 1 when a tool
# crashed (an exit status it should not have, or a signal) or a generator
# failed; 2 on a usage error. Not run by the tests: performance never lives in
# timed tests. See bench/README.md, section "Scaling".
set -u

here=$(cd "$(dirname "$0")" && pwd)
gen_py="$here/gen_scale.py"

# The cases, one a line: shape|case|generator shape|n|expected exit statuses|command.
# In the command, @PLAN@ is the generated plan and @OUT@ a fresh folder for
# the output; the output's size (a file, or every file of a folder) is the
# output figure, and a check's text or JSON output gives the findings count.
CASES='merge-keys|check, merges in the plan|merge-keys|2000|0 1|check -o @OUT@/findings.txt @PLAN@
merge-keys|check, merges in .pveplan.yaml|merge-keys-config|2000|2|check -o @OUT@/findings.txt @PLAN@
many-deviations|check|many-deviations|4000|0 1|check -o @OUT@/findings.txt @PLAN@
long-scope|check|long-scope|8000|0 1|check -o @OUT@/findings.txt @PLAN@
long-line|check (text, snippets)|long-line|5000|0 1|check -o @OUT@/findings.txt @PLAN@
heading-slugs|build --format html|heading-slugs|1000|0|build --format html -o @OUT@/report @PLAN@
providers|build --format xlsx|providers|3000|0|build --format xlsx -o @OUT@/report @PLAN@
hash-collisions|check|hash-collisions|4096|0 1|check -o @OUT@/findings.txt @PLAN@
did-you-mean|check|did-you-mean|1000|0 1|check -o @OUT@/findings.txt @PLAN@
alias-bytes|build --force (md, html, xlsx)|alias-bytes|32|0 1|build --force -o @OUT@/report @PLAN@
alias-bytes|check --format json|alias-bytes-quoted|64|0 1|check --format json -o @OUT@/findings.json @PLAN@
alias-bytes|check, findings of an aliased map|alias-findings|128|0 1|check -o @OUT@/findings.txt @PLAN@
many-findings|check (text)|many-findings|4000|0 1|check -o @OUT@/findings.txt @PLAN@
pasted-word|check, the pre-scan|pasted-word|4000|1|check -o @OUT@/findings.txt @PLAN@
pasted-text|check, SYN001 and SYN002|pasted-text|4000|0 1|check -o @OUT@/findings.txt @PLAN@
colon-values|check, every unquoted colon in one run|colon-values|4000|1|check -o @OUT@/findings.txt @PLAN@'

LINEAR_MAX=2.6		# a ratio above this is super-linear
MIN_TIME=0.020		# below this (s), start-up noise: the time ratio is not judged
MIN_NET_RSS_KB=2048	# below this much RSS over the base plan's, not judged
MIN_NET_OUT=65536	# below this many output bytes over the base plan's, not judged

usage() {
	cat >&2 <<'EOF'
usage: bench/scale.sh [BUILD_DIR] [SHAPE...]   (BUILD_DIR defaults to `build`)
       bench/scale.sh --list
Environment: BENCH_RUNS (default 3), BENCH_TIMEOUT (seconds, default 30),
BENCH_SCALE (multiplies every size, default 1).
EOF
}

shapes_all=$(printf '%s\n' "$CASES" | cut -d'|' -f1 | uniq)
is_shape() {
	printf '%s\n' "$shapes_all" | grep -qx -- "$1"
}

case "${1:-}" in
-h | --help)
	usage
	exit 0
	;;
--list)
	printf '%s\n' "$CASES" | awk -F'|' '{ printf "%-16s %-36s n=%s\n", $1, $2, $4 }'
	exit 0
	;;
-*)
	usage
	exit 2
	;;
esac

build=build
if [ $# -ge 1 ] && ! is_shape "$1"; then
	build=$1
	shift
fi
if [ ! -d "$build" ]; then
	echo "scale.sh: $build: no such build directory (configure and build first)" >&2
	exit 2
fi
want=""
for s in "$@"; do
	if ! is_shape "$s"; then
		echo "scale.sh: unknown shape '$s'; shapes: $(echo $shapes_all)" >&2
		exit 2
	fi
	want="$want $s"
done

runs=${BENCH_RUNS:-3}
tmo=${BENCH_TIMEOUT:-30}
scale=${BENCH_SCALE:-1}
case "$runs" in '' | *[!0-9]* | 0) echo "scale.sh: BENCH_RUNS must be a positive whole number" >&2; exit 2 ;; esac
if ! awk -v x="$tmo" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x > 0) }'; then
	echo "scale.sh: BENCH_TIMEOUT must be a positive number of seconds" >&2
	exit 2
fi
if ! awk -v x="$scale" 'BEGIN { exit !(x ~ /^[0-9]+(\.[0-9]+)?$/ && x > 0) }'; then
	echo "scale.sh: BENCH_SCALE must be a positive number" >&2
	exit 2
fi
if ! command -v python3 >/dev/null; then
	echo "scale.sh: python3 is needed to generate the inputs" >&2
	exit 2
fi

measure=
for d in "$build/bench" "$build" "$build/bin"; do
	[ -x "$d/measure" ] && { measure=$d/measure; break; }
done
pveplan=
for p in "$build/pveplan" "$build/src/pveplan" "$build/bin/pveplan"; do
	[ -x "$p" ] && { pveplan=$p; break; }
done
if [ -z "$measure" ] || [ -z "$pveplan" ]; then
	echo "scale.sh: measure or pveplan not found under $build (build first: cmake --build $build)" >&2
	exit 2
fi
timeout_cmd=()
if command -v timeout >/dev/null; then
	timeout_cmd=(timeout -k 5 "$tmo")
fi

data="$build/bench-data/scale"
mkdir -p "$data" || exit 1

median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# gen SHAPE N: prints the folder holding that input, generating it when it
# is missing or older than the generator. Returns 3 when the generator says
# the size is out of its range, 1 when it fails.
gen() {
	local dir="$data/$1-n$2" rc
	if [ ! -s "$dir/stamp" ] || [ "$gen_py" -nt "$dir/stamp" ]; then
		rm -rf "$dir"
		python3 "$gen_py" "$1" "$2" "$dir" >"$dir.stats" 2>"$dir.err"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			rm -rf "$dir"
			[ "$rc" -eq 3 ] && return 3
			return 1
		fi
		mv "$dir.stats" "$dir/stamp"
		rm -f "$dir.err"
	fi
	echo "$dir"
}

# size_of PATH: bytes of a file, or of every file under a folder; "-" if none.
size_of() {
	if [ -f "$1" ]; then
		wc -c <"$1" | tr -d ' '
	elif [ -d "$1" ]; then
		find "$1" -type f -exec cat {} + | wc -c | tr -d ' '
	else
		echo -
	fi
}

# findings_of PATH: the findings count of a check's text or JSON output.
findings_of() {
	local f=$1
	[ -f "$f" ] || { echo -; return; }
	case "$f" in
	*.json)
		# The first "counts" object is the run's: error, warning, info, waived.
		awk '/"counts"/ { on = 1; found = 1 }
			on { line = $0; gsub(/[^0-9]/, " ", line); m = split(line, v, " "); for (i = 1; i <= m; i++) s += v[i] }
			on && /}/ { exit }
			END { print found ? s : "-" }' "$f"
		;;
	*)
		# "N errors, N warnings[, N info messages][, N waived] in N files":
		# every finding, waived ones included.
		tail -n 1 "$f" | sed 's/ in [0-9]* files*$//' | tr -c '0-9\n' ' ' |
			awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; print s; f = 1 } END { if (!f) print "-" }'
		;;
	esac
}

# run_cmd OUTDIR EXPECT CMD...: runs CMD (pveplan's arguments, with @PLAN@
# already replaced and @OUT@ to be replaced by OUTDIR) BENCH_RUNS times.
# Prints "median_wall median_rss_kb status", status ok, timeout or exit=N.
run_cmd() {
	local outdir=$1 expect=$2 n=0 walls="" rsss="" status=ok out w r e a
	shift 2
	local args=()
	for a in "$@"; do
		args+=("${a//@OUT@/$outdir}")
	done
	while [ "$n" -lt "$runs" ]; do
		n=$((n + 1))
		rm -rf "$outdir" && mkdir -p "$outdir"
		if ! out=$("$measure" ${timeout_cmd[@]+"${timeout_cmd[@]}"} "$pveplan" "${args[@]}"); then
			echo "0 0 exit=measure-failed"
			return
		fi
		w=$(echo "$out" | sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p')
		r=$(echo "$out" | sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p')
		e=$(echo "$out" | sed -n 's/.*exit=\([0-9]*\).*/\1/p')
		if [ ${#timeout_cmd[@]} -gt 0 ] && { [ "$e" = 124 ] ||
			{ [ "$e" = 137 ] && awk -v w="$w" -v t="$tmo" 'BEGIN { exit !(w >= t) }'; }; }; then
			status=timeout
			break
		fi
		case " $expect " in
		*" $e "*) ;;
		*) status="exit=$e"; break ;;
		esac
		walls="$walls$w
"
		rsss="$rsss$r
"
	done
	if [ "$status" != ok ]; then
		echo "0 0 $status"
		return
	fi
	printf '%s %s ok\n' "$(printf '%s' "$walls" | median)" "$(printf '%s' "$rsss" | median | awk '{ printf "%d", $1 }')"
}

# how STATUS: "exit=139" as "signal 11 (SIGSEGV)", "exit=3" as "exit status 3".
how() {
	local e=${1#exit=}
	case "$e" in
	'' | *[!0-9]*) echo "$1" ;;
	*) if [ "$e" -gt 128 ]; then
		echo "signal $((e - 128)) ($(kill -l $((e - 128)) 2>/dev/null || echo '?'))"
	   else
		echo "exit status $e"
	   fi ;;
	esac
}

cache="$build/CMakeCache.txt"
btype=$( [ -f "$cache" ] && sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
cpu=$( [ -r /proc/cpuinfo ] && sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
rev=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')
echo "# pveplan scaling, $(date -u +%Y-%m-%d) on $(uname -sm)${cpu:+, $cpu}, $(nproc 2>/dev/null || echo '?') cores"
echo
echo "commit $rev, build: $build (CMAKE_BUILD_TYPE=${btype:-unset}); median of $runs runs, timeout ${tmo} s a run, BENCH_SCALE=$scale"
case "$btype" in
Release | RelWithDebInfo | MinSizeRel) ;;
*) echo "warning: the build is not optimised; configure with -DCMAKE_BUILD_TYPE=Release for figures worth quoting" ;;
esac
[ ${#timeout_cmd[@]} -eq 0 ] && echo "warning: no \`timeout\` command: runs are not capped"
echo
echo "Ratios compare each size with the one before (x2 the size): ~2 is linear, ~4 quadratic."
echo "Memory and output ratios are of the amount above the base plan's (the same command on"
echo "tests/golden/pve/PVE-base); \`(n/j)\` marks a ratio not judged (time under ${MIN_TIME}s, RSS"
echo "under $((MIN_NET_RSS_KB / 1024)) MiB or output under $((MIN_NET_OUT / 1024)) KiB above the base)."

status=0
summary=""
notes=""
while IFS='|' read -r shape label gshape n0 expect cmd; do
	if [ -n "$want" ] && ! printf '%s\n' $want | grep -qx -- "$shape"; then
		continue
	fi
	n1=$(awk -v n="$n0" -v s="$scale" 'BEGIN { v = int(n * s + 0.5); print v < 1 ? 1 : v }')
	sizes="$n1 $((2 * n1)) $((4 * n1))"

	# The base plan, run the same way: what any such run costs.
	base_dir=$(gen base 1) || { echo "scale.sh: gen_scale.py base failed" >&2; exit 1; }
	read -r -a words <<<"${cmd//@PLAN@/$base_dir/plan.pve.yaml}"
	read -r bw brss bst <<<"$(run_cmd "$base_dir/out" "0 1" "${words[@]}")"
	bout=$(size_of "$base_dir/out/$(echo "$cmd" | sed -n 's/.*@OUT@\/\([^ ]*\).*/\1/p')")
	[ "$bout" = - ] && bout=0
	if [ "$bst" != ok ]; then
		brss=0
		notes="$notes
- $shape, $label: the base plan run gave $bst; memory ratios are of the whole RSS"
	fi

	echo
	echo "## $shape: $label"
	echo
	shown=${cmd//@PLAN@/PLAN}
	echo "\`pveplan ${shown//@OUT@/OUT}\` on $(python3 "$gen_py" --describe "$gshape" "$n1")."
	echo
	echo "| n | input bytes | time s | peak RSS MiB | output bytes | findings | time x | RSS x | output x |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	rows=""
	prev=""
	stopped=""
	for n in $sizes; do
		if [ -n "$stopped" ]; then
			rows="$rows$n - skipped 0 - - 0
"
			echo "| $n | - | $stopped | - | - | - | - | - | - |"
			continue
		fi
		dir=$(gen "$gshape" "$n")
		rc=$?
		if [ "$rc" -ne 0 ]; then
			if [ "$rc" -eq 3 ]; then
				notes="$notes
- $shape, $label: n=$n is beyond what gen_scale.py can make for this shape: $(cat "$data/$gshape-n$n.err" 2>/dev/null)"
				stopped="n/a"
			else
				notes="$notes
- $shape, $label: gen_scale.py $gshape $n failed: $(cat "$data/$gshape-n$n.err" 2>/dev/null | tail -n 1)"
				status=1
				stopped="gen failed"
			fi
			rows="$rows$n - skipped 0 - - 0
"
			echo "| $n | - | $stopped | - | - | - | - | - | - |"
			continue
		fi
		inb=$(cat "$dir/plan.pve.yaml" "$dir/.pveplan.yaml" | wc -c | tr -d ' ')
		read -r -a words <<<"${cmd//@PLAN@/$dir/plan.pve.yaml}"
		read -r w rss st <<<"$(run_cmd "$dir/out" "$expect" "${words[@]}")"
		outpath="$dir/out/$(echo "$cmd" | sed -n 's/.*@OUT@\/\([^ ]*\).*/\1/p')"
		ob=-
		fc=-
		if [ "$st" = ok ]; then
			ob=$(size_of "$outpath")
			case "$cmd" in check*) fc=$(findings_of "$outpath") ;; esac
		fi
		rm -rf "$dir/out"	# up to 70 MB a size; the inputs stay cached
		case "$st" in
		ok) ;;
		timeout) stopped="skipped" ;;
		*)
			status=1
			stopped="skipped"
			notes="$notes
- $shape, $label, n=$n: pveplan ended with $(how "$st") (expected: exit status ${expect// / or }): run \`$pveplan ${words[*]//@OUT@/$dir/out}\`"
			;;
		esac
		rows="$rows$n $inb $st $w $rss $ob $fc
"
		# One row, with the ratios to the previous size.
		awk -v prev="$prev" -v n="$n" -v inb="$inb" -v st="$st" -v w="$w" -v rss="$rss" \
			-v ob="$ob" -v fc="$fc" -v brss="$brss" -v bout="$bout" -v tmo="$tmo" \
			-v mt="$MIN_TIME" -v mr="$MIN_NET_RSS_KB" -v mo="$MIN_NET_OUT" 'BEGIN {
			split(prev, p, " ")	# p[1] status, p[2] wall, p[3] rss, p[4] out
			tt = st == "ok" ? sprintf("%.3f", w) : st
			mem = st == "ok" ? sprintf("%.1f", rss / 1024) : "-"
			tr = rr = orr = "-"
			if (prev != "" && p[1] == "ok") {
				if (st == "ok") {
					tr = sprintf("%.2f%s", w / (p[2] > 0 ? p[2] : 0.001), p[2] < mt ? " (n/j)" : "")
					a = p[3] - brss; b = rss - brss
					rr = sprintf("%.2f%s", b / (a > 0 ? a : 1), a < mr ? " (n/j)" : "")
					if (ob != "-" && p[4] != "-") {
						a = p[4] - bout; b = ob - bout
						orr = sprintf("%.2f%s", b / (a > 0 ? a : 1), a < mo ? " (n/j)" : "")
					}
				} else if (st == "timeout") {
					tr = sprintf("> %.1f", tmo / (p[2] > 0 ? p[2] : 0.001))
				}
			}
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", n, inb, tt, mem, ob, fc, tr, rr, orr
		}'
		prev="$st $w $rss $ob"
	done

	# The verdict, from the rows.
	verdict=$(printf '%s' "$rows" | awk -v brss="$brss" -v bout="$bout" -v tmo="$tmo" -v lim="$LINEAR_MAX" \
		-v mt="$MIN_TIME" -v mr="$MIN_NET_RSS_KB" -v mo="$MIN_NET_OUT" '
		function flag(what, x, fmt) {
			bad[what] = bad[what] (bad[what] == "" ? "" : ", ") sprintf(fmt, x)
		}
		{ n[NR] = $1; st[NR] = $3; w[NR] = $4; r[NR] = $5; o[NR] = $6 }
		END {
			crash = 0; tmout = 0; fast = (st[1] == "ok" && w[1] < mt)
			for (i = 1; i <= NR; i++) {
				if (st[i] != "ok" && st[i] != "timeout" && st[i] != "skipped") crash = 1
				if (st[i] == "timeout" && !tmout) tmout = i
			}
			for (i = 2; i <= NR; i++) {
				if (st[i - 1] != "ok") continue
				if (st[i] == "timeout") {
					x = tmo / (w[i - 1] > 0 ? w[i - 1] : 0.001)
					if (x > lim) flag("time", x, "x>%.1f")
					continue
				}
				if (st[i] != "ok") continue
				x = w[i] / (w[i - 1] > 0 ? w[i - 1] : 0.001)
				if (w[i - 1] >= mt && x > lim) flag("time", x, "x%.1f")
				a = r[i - 1] - brss
				if (a >= mr && (r[i] - brss) / a > lim) flag("RSS", (r[i] - brss) / a, "x%.1f")
				if (o[i] != "-" && o[i - 1] != "-") {
					a = o[i - 1] - bout
					if (a >= mo && (o[i] - bout) / a > lim) flag("output", (o[i] - bout) / a, "x%.1f")
				}
			}
			why = ""
			split("time RSS output", order, " ")
			for (k = 1; k <= 3; k++)
				if (bad[order[k]] != "") why = why (why == "" ? "" : "; ") order[k] " " bad[order[k]]
			if (crash) print "crash"
			else if (why != "") print "super-linear (" why ")"
			else if (tmout == 1) print "timeout"
			else if (tmout) print "timeout (raise BENCH_TIMEOUT)"
			else if (st[1] != "ok") print "not run"
			else if (fast) print "too fast to judge (raise BENCH_SCALE)"
			else print "linear"
		}')
	echo
	echo "verdict: **$verdict**"
	times=$(printf '%s' "$rows" | awk '{ printf "%s%s", (NR > 1 ? " / " : ""), ($3 == "ok" ? sprintf("%.3f", $4) : $3) }')
	summary="$summary| $shape | $label | $(echo $sizes | sed 's/ / \/ /g') | $times | $verdict |
"
done <<EOF
$CASES
EOF

echo
echo "## Summary"
echo
echo "| shape | case | n / 2n / 4n | time s | verdict |"
echo "|---|---|---|---|---|"
printf '%s' "$summary"
if [ -n "$notes" ]; then
	echo
	echo "Notes:$notes"
fi
exit $status
