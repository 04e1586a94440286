# Issue 8, "Reports lose content silently": the three charts are in every
# HTML report; nothing in one plan text (an open code fence, a heading, a
# link reference definition, an image) reaches the structure of the report;
# images in plan text become links and no report loads a resource from the
# network; code spans are escaped once.
. "$(dirname "$0")/lib.inc"

# The reports of both examples in their own language and others, and of a
# small plan: every language of the reports at least once.
build_reports() {
	plan >small.pve.yaml
	local spec ex lang n=0
	for spec in national-fr: national-fr:en national-fr:ar regional-en: regional-en:fr regional-en:zh \
		small:es small:ru; do
		ex=${spec%%:*}
		lang=${spec#*:}
		n=$((n + 1))
		if [ $ex = small ]; then ex=small.pve.yaml; else ex="$src/examples/$ex.pve.yaml"; fi
		pvrun b$n build --format html ${lang:+--lang $lang} -o "r-$spec" "$ex"
		check "$spec: report.html written" '[ $rc -eq 0 ] && [ -s "r-$spec/report.html" ]'
	done
}

has_chart() {	# has_chart ID: every report holds the inline SVG chart ID
	local id=$1 d
	build_reports
	for d in r-*; do
		check "${d#r-}: the chart $id is in report.html" \
			'grep -q "<svg" "$d/report.html" && grep -Eq "id=\"$id(-[a-z]+)?\"" "$d/report.html"'
	done
}

case_chart_areas() { has_chart chart-areas; }
case_chart_budget() { has_chart chart-budget; }
case_chart_timeline() { has_chart chart-gantt; }

# with_texts FILE SUMMARY OUTCOME: the base plan with a plan summary and an
# objective outcome (both rendered as Markdown paragraphs); the texts are
# YAML double-quoted strings (\n for a newline).
with_texts() {
	local s=${2//\\/\\\\} o=${3//\\/\\\\}	# plan decodes escapes: keep YAML's
	plan "  currency: USD\n=>  currency: USD\n  summary: \"$s\"\n" \
		"        title: Communities and police work together\n=>        title: Communities and police work together\n        outcome: \"$o\"\n" >"$1"
}

# same_sections NAME: every heading of the reports of base.pve.yaml is in
# the reports of NAME.pve.yaml, in report.md and in report.html.
same_sections() {
	local name=$1
	pvrun base build --format md,html -o base base.pve.yaml
	pvrun $name build --format md,html -o $name $name.pve.yaml
	check "$name: reports written" '[ $rc -eq 0 ] && [ -s $name/report.md ] && [ -s $name/report.html ]'
	"$PY" "$TOOLS" md-headings base/report.md | sort -u >base.mdh
	"$PY" "$TOOLS" md-headings $name/report.md | sort -u >$name.mdh
	"$PY" "$TOOLS" html-headings base/report.html | sort -u >base.htmlh
	"$PY" "$TOOLS" html-headings $name/report.html | sort -u >$name.htmlh
	check "$name: the base report has sections ($(wc -l <base.mdh) in Markdown, $(wc -l <base.htmlh) in HTML)" \
		'[ $(wc -l <base.mdh) -ge 10 ] && [ $(wc -l <base.htmlh) -ge 10 ]'
	local lost
	lost=$(comm -23 base.mdh $name.mdh | tr '\n' ';' | cut -c1-300)
	check "$name: report.md keeps every section heading${lost:+ (lost: $lost)}" '[ -z "$lost" ]'
	lost=$(comm -23 base.htmlh $name.htmlh | tr '\n' ';' | cut -c1-300)
	check "$name: report.html keeps every section heading${lost:+ (lost: $lost)}" '[ -z "$lost" ]'
}

case_fence_in_summary() {
	with_texts base.pve.yaml 'A summary.' 'An outcome.'
	with_texts fence.pve.yaml 'A summary.\n\n```\nan unclosed fence' 'An outcome.'
	same_sections fence
}

case_fence_in_outcome() {
	with_texts base.pve.yaml 'A summary.' 'An outcome.'
	with_texts fence.pve.yaml 'A summary.' 'An outcome.\n\n~~~~\nan unclosed fence'
	same_sections fence
}

# A heading line in plan text is not a heading of the report.
case_heading_in_text() {
	with_texts p.pve.yaml 'A summary.\n\n# Injected heading\n\nMore text.' 'An outcome.\n\n## Injected subheading'
	pvrun b build --format md,html -o out p.pve.yaml
	check "reports written" '[ $rc -eq 0 ] && [ -s out/report.md ] && [ -s out/report.html ]'
	check "the text is in the report" 'grep -q "Injected heading" out/report.html'
	check "no heading of report.md comes from plan text" '! "$PY" "$TOOLS" md-headings out/report.md | grep -q Injected'
	check "no heading element of report.html comes from plan text" '! "$PY" "$TOOLS" html-headings out/report.html | grep -q Injected'
}

# A link reference definition in one text does not define a link in another.
case_link_definition() {
	with_texts p.pve.yaml 'A summary.\n\n[ref]: https://evil.example/x\n' 'See [the guide][ref].'
	pvrun b build --format md,html -o out p.pve.yaml
	check "reports written" '[ $rc -eq 0 ] && [ -s out/report.md ] && [ -s out/report.html ]'
	check "no link of report.html goes where the other text defined" \
		'! "$PY" "$TOOLS" html-hrefs out/report.html | grep -q "evil\.example"'
	check "report.md holds no live link reference definition" '"$PY" "$TOOLS" md-linkdefs out/report.md'
}

# An image in plan text becomes a link: the report never loads it.
case_remote_image() {
	with_texts p.pve.yaml 'A summary with ![a chart](https://example.org/a.png) in it.' 'An outcome.'
	pvrun b build --format md,html -o out p.pve.yaml
	check "reports written" '[ $rc -eq 0 ] && [ -s out/report.md ] && [ -s out/report.html ]'
	check "report.html has no img element with a remote source" \
		'! "$PY" "$TOOLS" html-imgs out/report.html | grep -Eiq "^(https?:)?//"'
	check "report.html has no src=\"http at all" '! grep -Eiq "src=\"(https?:)?//" out/report.html'
	check "the image became a link" '"$PY" "$TOOLS" html-hrefs out/report.html | grep -qxF "https://example.org/a.png"'
	check "report.md has no live image syntax" '"$PY" "$TOOLS" md-images out/report.md'
}

# A code span is escaped once: a<b shows as a&lt;b, never a&amp;lt;b.
case_code_span() {
	with_texts p.pve.yaml 'Compare `a<b` and `x&y`.' 'An outcome.'
	pvrun b build --format html -o out p.pve.yaml
	check "report written" '[ $rc -eq 0 ] && [ -s out/report.html ]'
	check "the code span shows a&lt;b" '"$PY" "$TOOLS" html-code out/report.html | grep -qxF "a&lt;b"'
	check "and x&amp;y" '"$PY" "$TOOLS" html-code out/report.html | grep -qxF "x&amp;y"'
	check "nothing is escaped twice" '! grep -Eq "&amp;(lt|gt|amp);" out/report.html'
}

# A heading with no text (the title of a plan that has none, under --force)
# is written once: cmark's iterator gives an empty heading an exit event of
# its own (found by fuzzing, tests/fuzz/crashes/report/empty-title.yaml).
case_empty_heading() {
	pvrun b build --force --format html -o out "$src/tests/fuzz/crashes/report/empty-title.yaml"
	check "report written" '[ -s out/report.html ]'
	check "one first-level heading" '[ "$(grep -o "<h1" out/report.html | wc -l)" -eq 1 ]'
}

main "$@"
