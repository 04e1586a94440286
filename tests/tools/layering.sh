#!/usr/bin/env bash
# The pipeline's direction, read off the object files as the review of
# cef24f5 measured it: no stage uses a symbol that a stage above it
# defines. The build already refuses such a call (pveplan_link_<stage>);
# this test says which symbol, and also runs under the sanitizers.
# usage: bash layering.sh BUILD_DIR 'stage:below below ...' ...
set -u
build=$1
shift
declare -A below owner
stages=()
for spec in "$@"; do
  s=${spec%%:*}
  stages+=("$s")
  below[$s]=" ${spec#*:} "
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in "${stages[@]}"; do
  objs=$(find "$build/CMakeFiles/pv_$s.dir" -name '*.o')
  [ -n "$objs" ] || { echo "FAIL: no objects for stage $s"; exit 1; }
  nm -g --defined-only $objs 2>/dev/null | awk 'NF == 3 { print $3 }' >"$tmp/$s.def"
  nm -u $objs 2>/dev/null | awk '{ print $NF }' | sort -u >"$tmp/$s.use"
  while read -r sym; do [ -n "$sym" ] && owner[$sym]=$s; done <"$tmp/$s.def"
done
fails=0
for s in "${stages[@]}"; do
  while read -r sym; do
    [ -n "$sym" ] || continue
    o=${owner[$sym]:-}
    [ -z "$o" ] || [ "$o" = "$s" ] && continue
    case "${below[$s]}" in
      *" $o "*) ;;
      *) echo "FAIL: stage $s uses $sym, defined by stage $o above it"; fails=$((fails + 1)) ;;
    esac
  done <"$tmp/$s.use"
done
[ "$fails" -eq 0 ] && echo "ok: ${#stages[@]} stages, every call goes down the pipeline"
[ "$fails" -eq 0 ]
