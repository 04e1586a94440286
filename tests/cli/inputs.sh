# Reading inputs: directory expansion does not follow symbolic links to
# folders and never visits a folder twice (a link to a parent cannot
# multiply the plans); a configuration or a template that is not a regular
# file is refused with a message naming it, at once (a FIFO never hangs);
# a template over 1 MiB says so.
. "$(dirname "$0")/lib.inc"
reg=$src/examples/regional-en.pve.yaml
ok_plan=$src/tests/golden/structural/ok-minimal/plan.pve.yaml
cd "$tmp"

mkdir -p tree/a/b outside && cp "$ok_plan" tree/a/one.pve.yaml && cp "$ok_plan" tree/a/b/two.pve.yaml && cp "$ok_plan" outside/three.pve.yaml
ln -s .. tree/a/b/loop
ln -s ../../tree tree/a/up
ln -s ../outside tree/elsewhere
ln -s a/one.pve.yaml tree/link.pve.yaml
ln -s a tree/dir.pve.yaml
"$bin" check -f json tree >out.json 2>err; rc=$?
check "check DIR with links to folders: exit 0" '[ $rc -eq 0 ] && [ ! -s err ]'
check "... each plan once, links to folders not followed, a link to a plan kept" '$PY - out.json <<PY
import json, sys
files = [f["path"] for f in json.load(open(sys.argv[1]))["files"]]
assert files == ["tree/a/b/two.pve.yaml", "tree/a/one.pve.yaml", "tree/link.pve.yaml"], files
PY'
"$bin" check -q tree/a/b/loop >out 2>err; rc=$?
check "a folder given through a link is followed" '[ $rc -eq 0 ] && grep -q "in 2 files" out'

# A configuration that is not a regular file is refused, never read.
mkfifo fifo.yaml
timeout 20 "$bin" check --config fifo.yaml "$ok_plan" >out 2>err; rc=$?
check "--config FIFO: exit 2 at once" '[ $rc -eq 2 ]'
check "... naming the file" 'grep -q "configuration .fifo.yaml. is not a regular file (it is a named pipe)" err'
mkdir -p up/plans && cp "$ok_plan" up/plans/p.pve.yaml && mkfifo up/.pveplan.yaml
timeout 20 "$bin" check up/plans/p.pve.yaml >out 2>err; rc=$?
check ".pveplan.yaml found upward that is a FIFO: exit 2, named" '[ $rc -eq 2 ] && grep -q "configuration .up/.pveplan.yaml. is not a regular file" err'
timeout 20 "$bin" build -o up/out up/plans/p.pve.yaml >out 2>err; rc=$?
check "... in build too" '[ $rc -eq 2 ] && grep -q "is not a regular file" err && [ ! -e up/out ]'
mkdir -p dircfg/.pveplan.yaml && cp "$ok_plan" dircfg/p.pve.yaml
"$bin" check dircfg/p.pve.yaml >out 2>err; rc=$?
check "a folder named .pveplan.yaml: exit 2, named" '[ $rc -eq 2 ] && grep -q "configuration .dircfg/.pveplan.yaml. is not a regular file (it is a directory)" err'
check "--config /dev/null is refused" '"$bin" check --config /dev/null "$ok_plan" >/dev/null 2>err; [ $? -eq 2 ] && grep -q "is not a regular file (it is a device)" err'

# Templates: the same, and a size over the limit is said.
mkdir tpl && mkfifo tpl/page.html && echo "body{}" >tpl/style.css
timeout 20 "$bin" build --template-dir tpl -o t1 "$reg" >out 2>err; rc=$?
check "a FIFO page.html: exit 3 at once, named, nothing written" '[ $rc -eq 3 ] && grep -q "template .tpl/page.html. is not a regular file (it is a named pipe)" err && [ ! -e t1/report.md ]'
mkdir big && cp "$src/templates/page.html" big/ && head -c 1048577 /dev/zero | tr "\0" x >big/style.css
"$bin" build --template-dir big -o t2 "$reg" >out 2>err; rc=$?
check "a template over 1 MiB: exit 3, saying so" '[ $rc -eq 3 ] && grep -q "template .big/style.css. is larger than the limit of 1 MiB" err'
head -c 1048576 /dev/zero | tr "\0" x >big/style.css
check "a template of exactly 1 MiB is read" '"$bin" build --template-dir big --format html -o t3 "$reg" >/dev/null && [ -f t3/report.html ]'
# A missing plan is no pass: no "0 errors ... in 0 files", a did-you-mean, the unreadable count.
mkdir -p "$tmp/miss" && "$bin" init "$tmp/miss/plan.pve.yaml" >/dev/null 2>&1
check "a missing plan: 'no plan checked', not '0 errors in 0 files', exit 3" \
  '(cd "$tmp/miss" && "$bin" check plan.yaml >"$tmp/o" 2>"$tmp/e"; [ $? = 3 ] && grep -qx "no plan checked: 1 file could not be read" "$tmp/o" && ! grep -q "in 0 files" "$tmp/o")'
check "a missing plan: did you mean the plan of the same folder" \
  '(cd "$tmp/miss" && "$bin" check plan.yaml 2>&1 >/dev/null | grep -qx "help: did you mean .plan.pve.yaml.?")'
check "one of two plans missing: the summary counts it" \
  '(cd "$tmp/miss" && "$bin" check --quiet plan.pve.yaml nope.yaml 2>/dev/null | grep -q " in 1 file; 1 file could not be read$")'
check "no plan given, one in the folder: the command to run" \
  '(cd "$tmp/miss" && "$bin" check 2>&1 >/dev/null | grep -qx "help: this folder has one plan file: pveplan check plan.pve.yaml")'
# The folder's "plan files" are those check DIR finds: not action.yml.
mkdir -p "$tmp/ci" && touch "$tmp/ci/action.yml" "$tmp/ci/config.yaml"
check "no plan given, only other YAML in the folder: no plan file offered" \
  '(cd "$tmp/ci" && "$bin" check 2>&1 >/dev/null | grep -q "no plan given" && ! "$bin" check 2>&1 | grep -q "action.yml\|config.yaml")'
# A syntax error no case explains still speaks the drafter's language:
# libyaml's problem and context are words of the catalogue.
printf 'pveplan: 1\nplan:\n  id: "a\\q"\n' >esc.pve.yaml
"$bin" check --lang fr esc.pve.yaml >out 2>err; rc=$?
check "an unexplained YAML error in French: problem and context translated" '[ $rc -eq 1 ] && grep -q "syntaxe YAML : un caractère d.échappement inconnu$" out && grep -q "note : esc.pve.yaml:3:7: en lisant un texte entre guillemets$" out'
for l in ar es ru zh; do
  "$bin" check --lang $l esc.pve.yaml >out 2>err
  check "... in $l: no English problem or context" 'grep -q "FMT001" out && ! grep -q "found unknown escape\|while parsing" out'
done
"$bin" check esc.pve.yaml >out 2>err
check "... and libyaml's own words in English" 'grep -q "YAML syntax: found unknown escape character$" out && grep -q "while parsing a quoted scalar$" out'
# An error about a file speaks the language of pveplan's words (--lang, else
# the locale): the sentence, the file's kind and the system's reason.
"$bin" check --lang fr missing.pve.yaml >out 2>err; rc=$?
check "check --lang fr on a missing file: exit 3, in French" '[ $rc -eq 3 ] && grep -q "^pveplan : erreur : impossible d.ouvrir .missing.pve.yaml. : aucun fichier ou dossier de ce nom$" err'
LC_ALL=es_ES.UTF-8 "$bin" check missing.pve.yaml >out 2>err; rc=$?
check "... in Spanish from the locale" '[ $rc -eq 3 ] && grep -q "missing.pve.yaml" err && ! grep -q "cannot open\|No such file" err'
for l in ar ru zh; do
  "$bin" check --lang $l missing.pve.yaml >out 2>err
  check "... in $l: no English sentence or reason" '! grep -q "cannot open\|No such file\|error:" err && grep -q "missing.pve.yaml" err'
done
"$bin" check --lang fr --config fifo.yaml "$ok_plan" >out 2>err
check "... the kind of a file in French" 'grep -q "la configuration .fifo.yaml. n.est pas un fichier ordinaire (c.est un tube nommé)" err'
echo '{}' >notours.json
"$bin" check --lang ru --baseline notours.json "$ok_plan" >out 2>err; rc=$?
check "... a baseline that is not pveplan's JSON, in Russian: exit 2, the reason nested in the sentence" '[ $rc -eq 2 ] && grep -q "notours.json" err && ! grep -q "cannot be used\|is not the output" err'
"$bin" check --lang en missing.pve.yaml >out 2>err
check "... and in English: the English text" 'grep -q "^pveplan: error: cannot open .missing.pve.yaml.: No such file or directory$" err'
finish
