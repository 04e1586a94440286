# pveplan build writes its reports as one set: rendered to temporary files,
# renamed into place only once all are complete, under a lock on the folder
# (a second build waits, and says so); a symbolic link at a report's name is
# replaced, never followed; a report that is an input is refused (exit 2)
# before anything is written; an oversized plan is FMT007 (exit 1), as in
# check, with the same limit options; every report gets the mode
# 0666 & ~umask. Permission checks run as an unprivileged user (as_user).
. "$(dirname "$0")/lib.inc"
user_setup
export SOURCE_DATE_EPOCH=1764028800
reg=$src/examples/regional-en.pve.yaml
nat=$src/examples/national-fr.pve.yaml
cd "$tmp"
sums() { (cd "$1" && sha256sum report.md report.html capacity-needs.xlsx 2>&1); }
# Nothing in the folder but reports: no temporary file, no lock file.
no_tmp() { [ -z "$(ls -A "$1" | grep -v -x -e report.md -e report.html -e capacity-needs.xlsx)" ]; }

# A link at a report's name that leads to the plan (issue 8: a repository
# that commits out/report.html -> ../plan.pve.yaml): the link is replaced by
# the report, never followed, and the plan is intact.
mkdir -p repo/out && cp "$reg" repo/plan.pve.yaml && ln -s ../plan.pve.yaml repo/out/report.html
want=$(sha256sum <repo/plan.pve.yaml)
"$bin" build -o repo/out repo/plan.pve.yaml >out 2>err; rc=$?
check "out/report.html -> ../plan: exit 0" '[ $rc -eq 0 ]'
check "... the plan is intact" '[ "$(sha256sum <repo/plan.pve.yaml)" = "$want" ]'
check "... the link is now the report" '[ -f repo/out/report.html ] && [ ! -L repo/out/report.html ] && grep -q "<html" repo/out/report.html && no_tmp repo/out'
mkdir in-out && cp "$reg" in-out/report.md
"$bin" build -o in-out in-out/report.md >/dev/null 2>err; rc=$?
check "a plan named report.md in the output folder: exit 2, plan intact" '[ $rc -eq 2 ] && cmp -s in-out/report.md "$reg"'
mkdir -p cfgdir/out && cp "$reg" cfgdir/plan.pve.yaml && echo "rules: {}" >cfgdir/.pveplan.yaml && ln cfgdir/.pveplan.yaml cfgdir/out/report.md
"$bin" build -o cfgdir/out cfgdir/plan.pve.yaml >/dev/null 2>err; rc=$?
check "a report that is the configuration (a hard link): exit 2, configuration intact" '[ $rc -eq 2 ] && [ "$(cat cfgdir/.pveplan.yaml)" = "rules: {}" ]'

# A link to anything else is replaced by the report; its target is left alone.
mkdir links && echo keep >other.txt && ln -s ../other.txt links/report.md && ln -s ../nowhere links/report.html
"$bin" build -o links "$reg" >/dev/null; rc=$?
check "links at report names are replaced" '[ $rc -eq 0 ] && [ -f links/report.md ] && [ ! -L links/report.md ] && [ -f links/report.html ] && [ ! -L links/report.html ]'
check "... their targets untouched" '[ "$(cat other.txt)" = keep ] && [ ! -e nowhere ]'
check "... and the reports are the plan's" 'grep -q "Lake Basin" links/report.md'

check "-o '': usage error" '"$bin" build -o "" "$reg" >/dev/null 2>err; [ $? -eq 2 ] && grep -q "\-o needs the name of a folder" err'
check "--template-dir '': usage error" '"$bin" build --template-dir "" -o t "$reg" >/dev/null 2>err; [ $? -eq 2 ] && [ ! -e t ]'

# An oversized plan is FMT007, exit 1, exactly as in check.
"$bin" build --max-file-size 100 -o big "$reg" >out 2>err; rc=$?
"$bin" check --max-file-size 100 "$reg" >check.out
check "build of a plan over --max-file-size: exit 1" '[ $rc -eq 1 ] && [ ! -e big ] && ! grep -q wrote out'
check "... with check'\''s FMT007 finding and summary" 'grep -q "error\[FMT007\]: file is larger than the limit of 100 bytes" out && diff check.out out'
for o in "--max-depth 1" "--max-nodes 10" "--max-scalar 10"; do
  "$bin" build $o -o lim "$reg" >out 2>err; rc=$?
  check "build $o: exit 1 with FMT007" '[ $rc -eq 1 ] && grep -q "error\[FMT007\]" out && [ ! -e lim ]'
done
check "build --max-expanded-size is an option" '"$bin" build --max-expanded-size 64M -o exp "$reg" >/dev/null && [ -f exp/report.md ]'
for o in max-file-size max-depth max-nodes max-scalar max-expanded-size; do
  "$bin" build --$o lots "$reg" >/dev/null 2>berr; brc=$?
  "$bin" check --$o lots "$reg" >/dev/null 2>cerr; crc=$?
  check "--$o lots: the same usage error in build and check" '[ $brc -eq 2 ] && [ $crc -eq 2 ] && [ "$(head -1 berr | sed s/build/X/)" = "$(head -1 cerr | sed s/check/X/)" ]'
done

# A failed workbook (a title over Excel's 32,767 characters) replaces
# nothing: the previous set stays whole, and no temporary file is left.
"$bin" build -o set "$reg" >/dev/null
before=$(sums set)
$PY - "$reg" long.pve.yaml <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
old = "    en: Regional Plan of Action to Prevent Violent Extremism in the Lake Basin 2027-2031"
assert old in s
open(sys.argv[2], "w", encoding="utf-8").write(s.replace(old, "    en: Long " + "title " * 6000, 1))
PY
"$bin" build -o set long.pve.yaml >out 2>err; rc=$?
check "a failed workbook: exit 3, saying which report" '[ $rc -eq 3 ] && grep -q "cannot write the workbook .set/capacity-needs.xlsx." err && ! grep -q wrote out'
check "... the previous set is whole" '[ "$(sums set)" = "$before" ] && no_tmp set'
mkdir set/capacity-needs.xlsx.d && rm set/capacity-needs.xlsx && mv set/capacity-needs.xlsx.d set/capacity-needs.xlsx
"$bin" build -o set "$nat" >out 2>err; rc=$?
check "a folder in the way of a report: exit 3, no report replaced" '[ $rc -eq 3 ] && grep -q "Lake Basin" set/report.md && grep -q "Lake Basin" set/report.html && no_tmp set'

# Modes: 0666 & ~umask, the workbook as the others.
(umask 002 && "$bin" build -o m002 "$reg" >/dev/null)
(umask 077 && "$bin" build -o m077 "$reg" >/dev/null)
check "umask 002: every report is 664" '[ "$(stat -c %a m002/report.md m002/report.html m002/capacity-needs.xlsx | sort -u)" = 664 ]'
check "umask 077: every report is 600" '[ "$(stat -c %a m077/report.md m077/report.html m077/capacity-needs.xlsx | sort -u)" = 600 ]'

# A read-only folder: exit 3 with the cause, the old reports intact.
mkdir ro && "$bin" build -o ro "$reg" >/dev/null && before=$(sums ro) && chmod 555 ro
check "the test user cannot write in a mode-555 folder" '! as_user touch ro/probe 2>/dev/null'
# The plan too must be readable by the test user, wherever the source tree
# is (a clone in a private temporary folder, as CI makes).
cp "$nat" "$tmp/nat.pve.yaml" && chmod 644 "$tmp/nat.pve.yaml"
as_user "$user_bin" build -o ro "$tmp/nat.pve.yaml" >/dev/null 2>err; rc=$?
check "build into a read-only folder: exit 3" '[ $rc -eq 3 ] && grep -q "cannot write .*Permission denied" err'
check "... the old reports intact" '[ "$(sums ro)" = "$before" ] && no_tmp ro'
chmod 755 ro

# The lock: a build waits for the one writing to its folder, and says so.
mkdir locked
flock locked sleep 2 & holder=$!
for _ in $(seq 50); do flock -n locked true || break; sleep 0.05; done
check "the folder is held" '! flock -n locked true'
"$bin" build -o locked "$reg" >out 2>err; rc=$?
check "a second build waits, saying so" '[ $rc -eq 0 ] && grep -q "^pveplan: waiting for another build writing to .locked.$" err'
check "... and writes once the first is done" '! kill -0 $holder 2>/dev/null && [ -f locked/report.md ] && grep -q "wrote locked/report.md" out'
wait $holder

# Two builds of two plans into one folder, started together: every time,
# the three reports come from one plan.
which_plan() {
  for f in report.md report.html; do
    if grep -q "Lake Basin" "race/$f"; then printf R; elif grep -q "PAN-PEV" "race/$f"; then printf N; else printf '?'; fi
  done
  $PY -c '
import sys, zipfile
t = zipfile.ZipFile("race/capacity-needs.xlsx").read("docProps/core.xml").decode()
print("R" if "Lake Basin" in t else "N" if "PAN-PEV" in t else "?")'
}
mixed=0
for i in $(seq 20); do
  "$bin" build -o race "$reg" >/dev/null 2>>race.err & a=$!
  "$bin" build -o race "$nat" >/dev/null 2>>race.err & b=$!
  wait $a; ra=$?; wait $b; rb=$?
  set_of=$(which_plan)
  case "$ra$rb$set_of" in 00RRR|00NNN) ;; *) mixed=$((mixed + 1)); echo "round $i: exits $ra $rb, reports from $set_of";; esac
done
check "20 pairs of concurrent builds: never a mixed set" '[ $mixed -eq 0 ] && no_tmp race'
check "... no message but the waiting notice" '! grep "^pveplan" race.err | grep -v "^pveplan: waiting for another build writing to .race.$"'
finish
