# Colour: on a terminal by default, never with NO_COLOR, never into a pipe.
. "$(dirname "$0")/lib.inc"
sed 's/lead: moi/lead: mio/' "$src/tests/golden/structural/ok-minimal/plan.pve.yaml" >"$tmp/a.pve.yaml"
esc=$'\033'
# script(1) runs the command on a pseudo-terminal.
script -qec "$bin check $tmp/a.pve.yaml" /dev/null >"$tmp/tty" 2>&1
check "colour on a terminal" 'grep -q "$esc\[" "$tmp/tty"'
script -qec "env NO_COLOR=1 $bin check $tmp/a.pve.yaml" /dev/null >"$tmp/nocolor" 2>&1
check "no colour with NO_COLOR on a terminal" '! grep -q "$esc" "$tmp/nocolor" && grep -q "error\[REF002\]" "$tmp/nocolor"'
script -qec "env TERM=dumb $bin check $tmp/a.pve.yaml" /dev/null >"$tmp/dumb" 2>&1
check "no colour with TERM=dumb" '! grep -q "$esc" "$tmp/dumb"'
script -qec "$bin check --color=never $tmp/a.pve.yaml" /dev/null >"$tmp/never" 2>&1
check "no colour with --color=never" '! grep -q "$esc" "$tmp/never"'
"$bin" check "$tmp/a.pve.yaml" >"$tmp/pipe" 2>&1
check "no colour into a pipe" '! grep -q "$esc" "$tmp/pipe"'
finish
