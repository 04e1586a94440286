# pveplan completion bash|zsh: the scripts the build installs, written from
# the command and option tables. bash: sourced, and its function called as
# bash calls it (COMP_WORDS, COMP_CWORD) for commands, options, option
# values and operands; zsh: it parses (zsh -n) and compinit registers it.
. "$(dirname "$0")/lib.inc"
"$bin" completion bash >"$tmp/pveplan.bash"; rc=$?
check "completion bash exits 0" '[ $rc -eq 0 ] && bash -n "$tmp/pveplan.bash"'
builddir=$(dirname "$bin")
check "the build wrote the same scripts" \
  'cmp -s "$tmp/pveplan.bash" "$builddir/completion/pveplan" && cmp -s <("$bin" completion zsh) "$builddir/completion/_pveplan"'
# complete WORDS...: the replies for the last word, one a line, sorted.
complete_words() {
  (cd "$tmp/files" && bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _pveplan; printf "%s\n" "${COMPREPLY[@]}" | sort' _ "$tmp/pveplan.bash" "$@")
}
mkdir -p "$tmp/files/plans" && touch "$tmp/files/plan.pve.yaml"
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}' | sort)
check "every command of --help completes" '[ -n "$commands" ] && [ "$(complete_words pveplan "")" = "$commands" ]'
check "a prefix completes to its command" '[ "$(complete_words pveplan ch)" = check ]'
# Every option of every command's --help completes after the command.
for c in $commands; do
  opts=$("$bin" help "$c" | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-z-]*' | tr -d ' ,' | sort -u)
  got=$(complete_words pveplan "$c" -)
  check "every option of '$c --help' completes" '[ "$(comm -23 <(echo "$opts") <(echo "$got"))" = "" ]'
done
check "--lang of build: the six report languages" '[ "$(complete_words pveplan build --lang "" | tr "\n" " ")" = "ar en es fr ru zh " ]'
check "--lang of check: the six languages" '[ "$(complete_words pveplan check --lang "" | tr "\n" " ")" = "ar en es fr ru zh " ]'
check "--stage: the statuses" 'complete_words pveplan check --stage "" | grep -qx under_review'
check "explain: the rule codes" '[ "$(complete_words pveplan explain PVE11 | wc -l)" -ge 10 ] && complete_words pveplan explain PVE1 | grep -qx PVE111'
check "check: file operands" '[ "$(complete_words pveplan check pl | tr "\n" " ")" = "plan.pve.yaml plans " ]'
check "build -o: folders only" '[ "$(complete_words pveplan build -o pl)" = plans ]'
check "help: the commands" '[ "$(complete_words pveplan help bu)" = build ]'
check "completion: the shells" '[ "$(complete_words pveplan completion "" | tr "\n" " ")" = "bash zsh " ]'
"$bin" completion zsh >"$tmp/_pveplan"; rc=$?
check "completion zsh exits 0" '[ $rc -eq 0 ] && head -1 "$tmp/_pveplan" | grep -qx "#compdef pveplan"'
check "the zsh completion parses (zsh -n)" 'zsh -n "$tmp/_pveplan"'
check "compinit registers it for pveplan" \
  '[ "$(HOME=$tmp zsh -f -c "fpath=($tmp \$fpath); autoload -U compinit; compinit -u -D; print \$_comps[pveplan]")" = _pveplan ]'
# zsh_specs WORDS...: what _pveplan hands _arguments (or _describe) for the
# last word, with both stubbed to print it: the dispatch on the command runs.
zsh_specs() {
  zsh -f -c '_arguments() { print -rl -- "$@" }; _describe() { print -rl -- "${(@P)4}" }
    words=("$@"); CURRENT=$#; source "$0"' "$tmp/_pveplan" "$@"
}
check "zsh: the commands, with their summaries, at the first word" \
  '[ "$(zsh_specs pveplan "" | cut -d: -f1 | sort)" = "$commands" ]'
for c in $commands; do
  opts=$("$bin" help "$c" | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' | tr -d ' ,' | sort -u)
  got=$(zsh_specs pveplan "$c" "" | grep -oE -- '(^|[{,)])--[a-z][a-z-]*' | tr -d '{,)' | sort -u)
  check "zsh: every long option of '$c --help'" '[ "$(comm -23 <(echo "$opts") <(echo "$got"))" = "" ]'
done
check "zsh: --lang of build completes the six languages" \
  'zsh_specs pveplan build "" | grep -qx -- "--lang=\[report language.*\]:LANG:(ar en es fr ru zh)"'
check "zsh: explain completes rule codes" 'zsh_specs pveplan explain "" | grep -q "^\*:operand:(.*PVE111 "'
check "zsh: -o of build completes folders" 'zsh_specs pveplan build "" | grep -q "^(-o --output)-o+\[.*:DIR:_files -/\$"'

"$bin" completion fish >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown shell is a usage error" '[ $rc -eq 2 ] && grep -q "bash or zsh" "$tmp/err"'
finish
