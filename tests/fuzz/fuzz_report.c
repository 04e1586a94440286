/*
 * libFuzzer harness: the reports of one plan, as 'build --force' makes
 * them (Markdown, then HTML from it), with --redact on and off, in a
 * report language the input picks; one input in eight through pv_build
 * itself (into a folder in /dev/shm), with the findings text 'build'
 * prints; and plan text written into Markdown (report_text.c), the input
 * itself taken as one text. Oracles: no control character, every section
 * heading in the HTML and no other heading of its level, no heading, raw
 * HTML or image made by plan text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "harness.h"
#include "oracle.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/policy.h"
#include "pveplan/report.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const report_files[] = { "report.md", "report.html", NULL };
static const char *folder;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_fixed_clock();
	folder = fz_temp_folder(report_files);
	return 0;
}

/* The report's sections, as report_md.c lists them, and its contents. */
static const char *const sections[] = {
	"toc", "section.summary", "section.glance", "section.alignment",
	"section.participation", "section.context", "section.priorities", "section.timeline",
	"section.budget", "section.capacity", "section.monitoring", "section.risks",
	"section.consultations", "section.deviations", "section.findings",
};

static void html_text(struct pv_buf *o, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			pv_buf_adds(o, "&amp;");
		else if (*s == '<')
			pv_buf_adds(o, "&lt;");
		else if (*s == '>')
			pv_buf_adds(o, "&gt;");
		else if (*s == '"')
			pv_buf_adds(o, "&quot;");
		else
			pv_buf_addch(o, *s);
	}
}

/* Each section heading once, and no other second-level heading: plan text
 * makes none (its headings become strong paragraphs). */
static void check_sections(const struct pv_lang *lang, const struct pv_buf *html)
{
	struct pv_buf want = PV_BUF_INIT;
	for (size_t i = 0; i < PV_ARRAY_SIZE(sections); i++) {
		pv_buf_reset(&want);
		pv_buf_adds(&want, " dir=\"auto\">");
		html_text(&want, pv_lang_report_label(lang, sections[i]));
		pv_buf_adds(&want, "</h2>");
		if (!strstr(html->buf, want.buf))
			fz_fail("html", html->buf, html->len, 0, sections[i]);
	}
	if (fz_count(html->buf, "<h2") != PV_ARRAY_SIZE(sections))
		fz_fail("html", html->buf, html->len, 0, "a second-level heading that is no section");
	if (fz_count(html->buf, "<h1") != 1)
		fz_fail("html", html->buf, html->len, 0, "not one first-level heading");
	pv_buf_release(&want);
}

static void check_reports(const struct pv_lang *lang, const struct pv_buf *md,
			  const struct pv_buf *html)
{
	fz_no_controls("markdown", md->buf, md->len, "\n");
	fz_no_controls("html", html->buf, html->len, "\n");
	check_sections(lang, html);
}

static void report(const struct pv_report_input *in)
{
	struct pv_buf md = PV_BUF_INIT, html = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	pv_report_markdown(in, &md);
	if (pv_report_html(in, md.buf, md.len, NULL, &html, &err) < 0) {
		char *why = pv_msg_text(&err, NULL);
		fz_fail("html", why, strlen(why), 0, "the built-in templates failed");
	}
	check_reports(in->lang, &md, &html);
	pv_buf_release(&md);
	pv_buf_release(&html);
	pv_msg_release(&err);
}

/* As 'pveplan build --force -o FOLDER': the reports of a plan that loads
 * are written (and read back), and the findings shown as 'build' shows
 * them. */
static void build(const char *src, size_t size, const struct pv_lang *lang, int redact)
{
	struct pv_build_opts o = PV_BUILD_OPTS_INIT;
	struct pv_build_result r;
	struct pv_buf md = PV_BUF_INIT, html = PV_BUF_INIT, path = PV_BUF_INIT;

	fz_limits(&o.check.limits);
	o.plan_path = FZ_PLAN_NAME;
	o.src = src;
	o.len = size;
	o.outdir = folder;
	o.lang = redact ? lang : NULL;	/* NULL: the plan's language */
	o.formats = PV_BUILD_MD | PV_BUILD_HTML;
	o.force = 1;
	o.redact = redact;
	pv_build_result_init(&r);
	int status = pv_build(&o, &r);
	if (status == PV_BUILD_OK) {
		if (r.written.n != 2)
			fz_fail("build", NULL, 0, 0, "not both reports written");
		pv_buf_addf(&path, "%s/report.md", folder);
		fz_read_file(path.buf, &md);
		pv_buf_reset(&path);
		pv_buf_addf(&path, "%s/report.html", folder);
		fz_read_file(path.buf, &html);
		check_reports(r.lang, &md, &html);
	} else if (status != PV_BUILD_FINDINGS || r.loaded) {
		char *why = pv_msg_text(&r.err, NULL);
		fz_fail("build", why, strlen(why), 0, "--force wrote no report of a plan that loads");
	}
	pv_buf_reset(&md);
	pv_render_text(&r.diags, r.src.buf, r.src.len, PV_TEXT_QUIET,
		       pv_lang_has_findings(r.lang) ? r.lang : pv_lang_default(), &md);
	fz_no_controls("build text", md.buf, md.len, "\n");
	pv_build_result_release(&r);
	pv_buf_release(&md);
	pv_buf_release(&html);
	pv_buf_release(&path);
}

/* Nodes plan text must never make in the report (a rule it may). */
static void check_md_tree(const char *what, const struct pv_buf *md, int one_paragraph)
{
	cmark_node *doc = cmark_parse_document(md->buf, md->len, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	size_t blocks = 0;
	for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_HEADING || t == CMARK_NODE_HTML_BLOCK ||
		    t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_IMAGE)
			fz_fail(what, md->buf, md->len, 0, cmark_node_get_type_string(n));
		blocks += cmark_node_parent(n) == doc;
	}
	if (one_paragraph && blocks > 1)
		fz_fail(what, md->buf, md->len, 0, "more than one block");
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* The input as one plan text, written as blocks and on one line. */
static void plan_text(const char *s, size_t size)
{
	struct pv_buf md = PV_BUF_INIT;
	if (strlen(s) != size)
		return;	/* plan text holds no NUL: YAML has none */
	pv_report_md_blocks(&md, s);
	fz_no_controls("md_blocks", md.buf, md.len, "\n");
	check_md_tree("md_blocks", &md, 0);
	pv_buf_reset(&md);
	pv_report_md_inline(&md, s, 0);
	fz_no_controls("md_inline", md.buf, md.len, "");
	check_md_tree("md_inline", &md, 1);
	pv_buf_reset(&md);
	pv_report_md_literal(&md, s);
	fz_no_controls("md_literal", md.buf, md.len, "");
	check_md_tree("md_literal", &md, 1);
	pv_buf_release(&md);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "fr", "ar", "es", "ru", "zh" };
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_policy pol = { NULL, PV_STATUS_DRAFT, 0, 0 };
	char *src = fz_text(data, size);
	uint32_t h = fz_hash(data, size);
	const struct pv_lang *lang = pv_lang_get(langs[h % 6]);

	plan_text(src, size);
	if ((h >> 8 & 7) == 0) {
		build(src, size, lang, (int)(h >> 11 & 1));
		free(src);
		return 0;
	}
	fz_limits(&o.limits);
	pv_diags_init(&d, FZ_PLAN_NAME);
	if (pv_check_text(src, size, &o, &plan, &d, &pol) == 0) {
		struct pv_matrix matrix;
		pv_matrix_build(&pol, &d, 1, &matrix);
		struct pv_report_input in = {
			&plan, &d, &matrix, lang,
			plan.plan.language.s, 0, pv_diags_count(&d, PV_SEV_ERROR), pv_now(),
		};
		report(&in);
		in.redact = 1;
		report(&in);
	}
	pv_plan_release(&plan);
	pv_diags_release(&d);
	free(src);
	return 0;
}
