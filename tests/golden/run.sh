#!/usr/bin/env bash
# Runs one golden case: tests/golden/<group>/<case>/ holds the plan file(s) and
#   proves         REQUIRED: one line saying what the case proves
#   args           the pveplan arguments (shell words; default: check plan.pve.yaml)
#   stdin          fed to standard input (default: nothing)
#   env            extra VAR=value lines for the environment (@TMP@ is a
#                  scratch folder; GITHUB_STEP_SUMMARY=@TMP@/summary is then
#                  compared with expected.summary)
#   expected.out   exact standard output
#   expected.err   exact standard error (absent = must be empty)
#   expected.exit  exit status
# With PVEPLAN_UPDATE_GOLDEN=1 the expected files are rewritten: review the diff.
set -u
bin=$1
dir=$2
cd "$dir" || exit 2
name=${PWD##*/}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A golden proves only what someone checked, and says so in one line.
if [ ! -f proves ] || ! grep -q '[^[:space:]]' proves; then
  echo "golden $name: no 'proves' file, or an empty one: write one line saying what this case proves" \
       "(see tests/golden/README.md)"
  exit 1
fi
if [ "$(grep -c '' proves)" -ne 1 ]; then
  echo "golden $name: 'proves' must be one line, it has $(grep -c '' proves)"
  exit 1
fi

args="check plan.pve.yaml"
[ -f args ] && args=$(cat args)
envs=()
if [ -f env ]; then
  while IFS= read -r line; do [ -n "$line" ] && envs+=("${line//@TMP@/$tmp}"); done <./env
fi
in=/dev/null
[ -f stdin ] && in=stdin
eval "set -- $args"
# A fixed "today" (2025-11-25), so expiry dates and timestamps do not drift.
env -u NO_COLOR -u TERM -u GITHUB_STEP_SUMMARY LC_ALL=C SOURCE_DATE_EPOCH=1764028800 \
  ${envs[@]+"${envs[@]}"} "$bin" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
echo $? >"$tmp/exit"
if [ "${PVEPLAN_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$tmp/out" expected.out
  cp "$tmp/exit" expected.exit
  if [ -s "$tmp/err" ]; then cp "$tmp/err" expected.err; else rm -f expected.err; fi
  if [ -f "$tmp/summary" ]; then cp "$tmp/summary" expected.summary; fi
  exit 0
fi
status=0
diff -u expected.out "$tmp/out" || status=1
if [ -f expected.err ]; then diff -u expected.err "$tmp/err" || status=1
elif [ -s "$tmp/err" ]; then echo "unexpected stderr:"; cat "$tmp/err"; status=1; fi
diff -u expected.exit "$tmp/exit" || status=1
if [ -f expected.summary ]; then diff -u expected.summary "$tmp/summary" || status=1; fi
exit $status
