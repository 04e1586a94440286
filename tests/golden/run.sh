#!/usr/bin/env bash
# Runs one golden case: tests/golden/<group>/<case>/ holds the plan file(s) and
#   proves         REQUIRED: one line saying what the case proves
#   facts          REQUIRED: the facts that matter, checked against the actual
#                  output, at least the exit status (grammar in tests/golden/README.md)
#   args           the pveplan arguments (shell words; default: check plan.pve.yaml)
#   stdin          fed to standard input (default: nothing)
#   env            extra VAR=value lines for the environment (@TMP@ is a
#                  scratch folder; GITHUB_STEP_SUMMARY=@TMP@/summary is then
#                  compared with expected.summary)
#   expected.out   exact standard output
#   expected.err   exact standard error (absent = must be empty)
#   expected.exit  exit status
# With PVEPLAN_UPDATE_GOLDEN=1 the expected files are rewritten, unless a fact
# no longer holds, and a summary of the change in findings is printed: read
# it and the diff against the plan before committing (tests/golden/README.md).
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
# ... and the facts that matter are asserted on their own, so that a
# regenerated expected output cannot drop them unseen.
if [ ! -f facts ] || ! grep -q '^exit ' facts; then
  echo "golden $name: no 'facts' file, or one without 'exit N': write the facts that matter" \
       "(see tests/golden/README.md)"
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
eval "set -- ${args//@TMP@/$tmp}"
# A fixed "today" (2025-11-25), so expiry dates and timestamps do not drift.
env -u NO_COLOR -u TERM -u GITHUB_STEP_SUMMARY LC_ALL=C SOURCE_DATE_EPOCH=1764028800 \
  ${envs[@]+"${envs[@]}"} "$bin" "$@" <"$in" >"$tmp/out" 2>"$tmp/err"
echo $? >"$tmp/exit"
# The scratch folder is @TMP@ in what is compared, as in args and env.
for f in out err; do sed -i "s|$tmp|@TMP@|g" "$tmp/$f"; done

# The findings of a text or GitHub output, one per line: FILE LINE COL SEVERITY CODE.
# Colour codes and the isolates of right-to-left output (U+2066, U+2068,
# U+2069) are dropped, and the severities of the six languages mapped to
# English.
findings() {
  LC_ALL=C sed -E 's/\x1b\[[0-9;]*m//g; s/\xe2\x81[\xa6\xa8\xa9]//g' "$1" | LC_ALL=C sed -nE \
    -e 's/^([^ ]+):([0-9]+):([0-9]+): ([^ []+)\[([A-Z]{3}[0-9]{3})\]: .*/\1 \2 \3 \4 \5/p' \
    -e 's/^::(error|warning|notice) file=([^,]*),line=([0-9]+),col=([0-9]+),.*title=([A-Z]{3}[0-9]{3})[^:]*::.*/\2 \3 \4 \1 \5/p' |
    LC_ALL=C sed -E 's/ (erreur|خطأ|ошибка|错误)( [A-Z0-9]+)$/ error\2/;
            s/ (avertissement|advertencia|تحذير|предупреждение|警告)( [A-Z0-9]+)$/ warning\2/;
            s/ (information|notice|información|معلومات|информация|信息)( [A-Z0-9]+)$/ info\2/'
}

# The TEXT of contains, lacks and stderr: one pair of enclosing quotes (' or ")
# is dropped, and \e stands for the escape character (ESC) of colour codes.
text_arg() {
  local s=$1 q=${1:0:1}
  if [ "${#s}" -ge 2 ] && { [ "$q" = "'" ] || [ "$q" = '"' ]; } && [ "${s: -1}" = "$q" ]; then
    s=${s:1:${#s}-2}
  fi
  printf '%s' "${s//\\e/$'\033'}"
}

# Checks every line of the facts file against the actual output; prints each
# fact that does not hold and returns 1 if any.
check_facts() {
  local f="$tmp/findings" bad=0 n=0 line kw rest code pos sev want got c file l col text where
  findings "$tmp/out" >"$f"
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    case $line in ''|'#'*) continue ;; esac
    kw=${line%% *}
    rest=""
    [ "$kw" != "$line" ] && rest=${line#* }
    case $kw in
    exit)
      got=$(cat "$tmp/exit")
      [ "$got" = "$rest" ] || { echo "golden $name: facts:$n: '$line' does not hold: exit status $got"; bad=1; } ;;
    fires)
      read -r code pos sev <<<"$rest"
      case $pos in error|warning|info) sev=$pos; pos="" ;; esac
      file="" l="" col=""
      if [[ $pos =~ ^(.+):([0-9]+):([0-9]+)$ ]]; then
        file=${BASH_REMATCH[1]} l=${BASH_REMATCH[2]} col=${BASH_REMATCH[3]}
      elif [[ $pos =~ ^([0-9]+):([0-9]+)$ ]]; then
        l=${BASH_REMATCH[1]} col=${BASH_REMATCH[2]}
      elif [ -n "$pos" ]; then
        echo "golden $name: facts:$n: bad position '$pos' in '$line'"; bad=1; continue
      fi
      awk -v c="$code" -v f="$file" -v l="$l" -v k="$col" -v s="$sev" '
        $5 == c && (f == "" || $1 == f) && (l == "" || $2 == l) && (k == "" || $3 == k) &&
        (s == "" || $4 == s) { found = 1 } END { exit !found }' "$f" || {
        got=$(awk -v c="$code" '$5 == c { printf " %s:%s:%s %s", $1, $2, $3, $4 }' "$f")
        echo "golden $name: facts:$n: '$line' does not hold: ${got:+$code at}${got:-no $code}"
        bad=1; } ;;
    count)
      read -r code want <<<"$rest"
      got=$(awk -v c="$code" '$5 == c' "$f" | wc -l)
      [ "$got" -eq "$want" ] 2>/dev/null || { echo "golden $name: facts:$n: '$line' does not hold: $got found"; bad=1; } ;;
    silent)
      [ -n "$rest" ] || { echo "golden $name: facts:$n: 'silent' needs at least one rule code"; bad=1; }
      for c in $rest; do
        got=$(awk -v c="$c" '$5 == c' "$f" | wc -l)
        [ "$got" -eq 0 ] || { echo "golden $name: facts:$n: '$line' does not hold: $got $c found"; bad=1; }
      done ;;
    only)
      got=$(awk -v keep=" $rest " 'index(keep, " " $5 " ") == 0 { print $5 }' "$f" | sort -u | tr '\n' ' ')
      [ -z "$got" ] || { echo "golden $name: facts:$n: '$line' does not hold: also ${got% }"; bad=1; } ;;
    contains|lacks|stderr)
      text=$(text_arg "$rest")
      if [ -z "$text" ]; then echo "golden $name: facts:$n: '$kw' needs a text"; bad=1; continue; fi
      where="$tmp/out"
      [ "$kw" = stderr ] && where="$tmp/err"
      if grep -qF -- "$text" "$where"; then got=1; else got=0; fi
      [ "$got" = "$([ "$kw" = lacks ] && echo 0 || echo 1)" ] ||
        { echo "golden $name: facts:$n: '$line' does not hold"; bad=1; } ;;
    *)
      echo "golden $name: facts:$n: unknown fact '$kw' (see tests/golden/README.md)"; bad=1 ;;
    esac
  done <facts
  return $bad
}

# CODE COUNT for each rule code in an output of any format: text and JUnit
# (severity[CODE]), GitHub (title=CODE%3A TITLE::), JSON ("code": "CODE"), SARIF
# ("ruleId": "CODE").
codes() {
  cat "$@" 2>/dev/null | LC_ALL=C sed -E 's/\x1b\[[0-9;]*m//g' |
    grep -oE '[a-z]+\[[A-Z]{3}[0-9]{3}\]|title=[A-Z]{3}[0-9]{3}(%3A[^:]*)?::|"(code|ruleId)": "[A-Z]{3}[0-9]{3}"' |
    grep -oE '[A-Z]{3}[0-9]{3}' | sort | uniq -c | awk '{ print $2, $1 }'
}

# The finding lines of a text or GitHub output, sorted, colour codes dropped.
finding_lines() {
  [ -f "$1" ] || return 0
  LC_ALL=C sed -E 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^[^ ]+:[0-9]+:[0-9]+: |^::' | LC_ALL=C sort
}

# The last line of a text output when it is the summary ("1 error, ... in 1 file").
summary_line() {
  [ -f "$1" ] && tail -n 1 "$1" | LC_ALL=C sed -E 's/\x1b\[[0-9;]*m//g' |
    grep -E '^[0-9]+ [^ ]+, [0-9]+ .* [0-9]+ [^ ]+$'
}

# For a reviewer: what changed in the findings, not only that the bytes did.
# "+CODE (n)" appeared, "-CODE (n)" disappeared, "CODE 2 -> 3" another count,
# "~CODE" same count but another message or position (text output).
summarise_change() {
  local old_err=/dev/null new_err=/dev/null change old_exit new_exit old_sum new_sum
  [ -f expected.err ] && old_err=expected.err
  [ -s "$tmp/err" ] && new_err="$tmp/err"
  if [ -f expected.out ] && cmp -s expected.out "$tmp/out" && cmp -s "$old_err" "$new_err" &&
     cmp -s expected.exit "$tmp/exit"; then
    return
  fi
  codes expected.out "$old_err" >"$tmp/codes.old"
  codes "$tmp/out" "$new_err" >"$tmp/codes.new"
  # Codes whose finding lines (position, severity, message) differ.
  finding_lines expected.out >"$tmp/lines.old"
  finding_lines "$tmp/out" >"$tmp/lines.new"
  comm -3 "$tmp/lines.old" "$tmp/lines.new" |
    grep -oE '\[[A-Z]{3}[0-9]{3}\]: |title=[A-Z]{3}[0-9]{3}(%3A[^:]*)?::' | grep -oE '[A-Z]{3}[0-9]{3}' |
    sort -u >"$tmp/moved"
  change=$(awk -v old="$tmp/codes.old" -v moved="$tmp/moved" '
    BEGIN {
      while ((getline l < old) > 0) { split(l, w, " "); was[w[1]] = w[2] }
      while ((getline l < moved) > 0) mv[l] = 1
    }
    { now[$1] = $2 }
    END {
      for (c in was)
        if (!(c in now)) print c, "-" c " (" was[c] ")"
        else if (was[c] != now[c]) print c, c " " was[c] " -> " now[c]
        else if (c in mv) print c, "~" c
      for (c in now)
        if (!(c in was)) print c, "+" c " (" now[c] ")"
    }' "$tmp/codes.new" | sort | cut -d' ' -f2- | paste -sd, - | sed 's/,/, /g')
  old_sum=$(summary_line expected.out)
  new_sum=$(summary_line "$tmp/out")
  [ "$old_sum" != "$new_sum" ] && [ -n "$old_sum$new_sum" ] &&
    change="${change:+$change; }'${old_sum:-no summary}' -> '${new_sum:-no summary}'"
  old_exit=$(cat expected.exit 2>/dev/null || echo none)
  new_exit=$(cat "$tmp/exit")
  [ "$old_exit" != "$new_exit" ] && change="${change:+$change; }exit $old_exit -> $new_exit"
  [ -f expected.out ] || change="new case${change:+: $change}"
  echo "golden $name: ${change:-same findings, other bytes changed (read the diff)}"
}

facts_status=0
if [ -f facts ]; then check_facts || facts_status=1; fi

if [ "${PVEPLAN_UPDATE_GOLDEN:-}" = 1 ]; then
  if [ $facts_status -ne 0 ]; then
    echo "golden $name: not updated: a fact above no longer holds; if the change is" \
         "intended, change 'facts' first (and say why in the commit)"
    exit 1
  fi
  summarise_change
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
[ $facts_status -eq 0 ] || status=1
exit $status
