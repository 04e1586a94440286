#!/usr/bin/env bash
# bench/run.sh [BUILD_DIR]: time `pveplan check` against the libyaml floor.
#
# Generates synthetic plans at scales 1, 10 and 100 (cached in
# BUILD_DIR/bench-data, regenerated when gen_plan changes), runs
# `BUILD_DIR/pveplan check FILE` and `BUILD_DIR/bench/yaml_floor FILE` 5 times
# each through `measure`, and prints a Markdown table: median wall time, peak
# RSS, time(check)/time(floor) and peakRSS(check)/file size, with the targets.
#
# Environment: BENCH_RUNS (default 5), BENCH_SCALES (default "1 10 100").
# Exit status: 0 when every run worked (targets missed or not), 1 when a tool
# failed or crashed, 2 on a usage error. Not run by the tests: performance
# never lives in timed tests. See bench/README.md.
set -u

TIME_TARGET=3.0
MEM_TARGET=8.0
runs=${BENCH_RUNS:-5}
scales=${BENCH_SCALES:-"1 10 100"}

if [ $# -gt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
	echo "usage: bench/run.sh [BUILD_DIR]   (default: build)" >&2
	exit 2
fi
build=${1:-build}
if [ ! -d "$build" ]; then
	echo "run.sh: $build: no such build directory (configure and build first)" >&2
	exit 2
fi

# The bench tools live in BUILD_DIR/bench; accept BUILD_DIR itself too in case
# the top level sets a common runtime output directory.
tool() {
	for d in "$build/bench" "$build" "$build/bin"; do
		if [ -x "$d/$1" ]; then
			echo "$d/$1"
			return 0
		fi
	done
	echo "run.sh: $1 not found under $build (build the bench targets first)" >&2
	exit 2
}
gen=$(tool gen_plan) || exit 2
floor=$(tool yaml_floor) || exit 2
measure=$(tool measure) || exit 2

pveplan=
for p in "$build/pveplan" "$build/src/pveplan" "$build/bin/pveplan"; do
	if [ -x "$p" ]; then
		pveplan=$p
		break
	fi
done

data="$build/bench-data"
mkdir -p "$data" || exit 1

# median of the numbers on stdin (one per line)
median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# bench_cmd CMD ARGS...: prints "median_wall_s max_rss_kb worst_exit"
bench_cmd() {
	local n=0 out walls="" rss=0 worst=0 w r e
	"$measure" "$@" >/dev/null	# warm-up: page cache, dynamic loader
	while [ "$n" -lt "$runs" ]; do
		n=$((n + 1))
		out=$("$measure" "$@") || return 1
		w=$(echo "$out" | sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p')
		r=$(echo "$out" | sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p')
		e=$(echo "$out" | sed -n 's/.*exit=\([0-9]*\).*/\1/p')
		walls="$walls$w
"
		[ "$r" -gt "$rss" ] && rss=$r
		[ "$e" -gt "$worst" ] && worst=$e
	done
	printf '%s %s %s\n' "$(printf '%s' "$walls" | median)" "$rss" "$worst"
}

cache="$build/CMakeCache.txt"
btype=$( [ -f "$cache" ] && sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$cache")
cpu=$( [ -r /proc/cpuinfo ] && sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "pveplan bench, $(date -u +%Y-%m-%d) on $(uname -sm)${cpu:+, $cpu}"
echo "build: $build (CMAKE_BUILD_TYPE=${btype:-unset}), libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null || echo '?'), $runs runs per figure (median time, peak RSS)"
case "$btype" in
Release | RelWithDebInfo | MinSizeRel) ;;
*) echo "warning: the build is not optimised; configure with -DCMAKE_BUILD_TYPE=Release for figures worth quoting" ;;
esac
if [ -z "$pveplan" ]; then
	echo "note: $build/pveplan does not exist yet: floor figures only"
fi
echo

printf '| scale | file MiB | actions | floor s | floor MiB | check s | check MiB | time check/floor (<= %s) | RSS check/file (<= %s) |\n' \
	"$TIME_TARGET" "$MEM_TARGET"
echo '|---:|---:|---:|---:|---:|---:|---:|---:|---:|'

status=0
notes=""
for s in $scales; do
	f="$data/plan-s$s.yaml"
	if [ ! -s "$f" ] || [ "$gen" -nt "$f" ]; then
		if ! "$gen" "$s" >"$f.tmp" 2>"$f.stats"; then
			echo "run.sh: gen_plan $s failed" >&2
			rm -f "$f.tmp"
			exit 1
		fi
		mv "$f.tmp" "$f"
	fi
	bytes=$(wc -c <"$f" | tr -d ' ')
	actions=$(sed -n 's/.* actions=\([0-9]*\).*/\1/p' "$f.stats")
	size_mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')

	read -r fw frss fexit <<EOF
$(bench_cmd "$floor" "$f")
EOF
	if [ "${fexit:-1}" != 0 ]; then
		status=1
		notes="$notes
- scale $s: yaml_floor exited $fexit (run \`$floor $f\`)"
	fi
	floor_mb=$(awk -v k="$frss" 'BEGIN { printf "%.1f", k / 1024 }')

	if [ -n "$pveplan" ]; then
		read -r cw crss cexit <<EOF
$(bench_cmd "$pveplan" check "$f")
EOF
		check_mb=$(awk -v k="$crss" 'BEGIN { printf "%.1f", k / 1024 }')
		# Judged only where they mean something: below 10 ms of floor
		# time, process start-up dominates; below 1 MiB of file, the
		# process's own baseline RSS does.
		tratio=$(awk -v c="$cw" -v f="$fw" -v t="$TIME_TARGET" 'BEGIN {
			r = c / (f > 0 ? f : 0.001)
			printf "%.2f %s", r, (f < 0.010 ? "(n/a)" : r <= t ? "ok" : "MISS") }')
		mratio=$(awk -v k="$crss" -v b="$bytes" -v t="$MEM_TARGET" 'BEGIN {
			r = k * 1024 / b
			printf "%.2f %s", r, (b < 1048576 ? "(n/a)" : r <= t ? "ok" : "MISS") }')
		case "${cexit:-3}" in
		0) ;;
		1) notes="$notes
- scale $s: \`pveplan check\` exited 1 (error-level findings) on a plan that should be valid: run \`$pveplan check $f\`" ;;
		*) status=1
		   notes="$notes
- scale $s: \`pveplan check\` exited $cexit: figures are not meaningful (run \`$pveplan check $f\`)" ;;
		esac
		printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$size_mb" \
			"$actions" "$fw" "$floor_mb" "$cw" "$check_mb" "$tratio" "$mratio"
	else
		printf '| %s | %s | %s | %s | %s | - | - | - | - |\n' "$s" "$size_mb" \
			"$actions" "$fw" "$floor_mb"
	fi
done

if [ -n "$pveplan" ]; then
	echo
	echo "Ratios marked (n/a) are not judged: below 10 ms of floor time process start-up"
	echo "dominates, below 1 MiB of file the process's baseline RSS does."
fi
if [ -n "$notes" ]; then
	echo
	echo "Notes:$notes"
fi
exit $status
