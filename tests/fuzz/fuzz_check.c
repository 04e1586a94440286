/*
 * libFuzzer harness: the check of one plan held in memory and every check
 * output of its findings (text with and without colour, the compliance
 * matrix, JSON, SARIF, JUnit, GitHub), each held to the oracles of
 * oracle.h. Build with -DPVEPLAN_FUZZ=ON and clang (see README.md).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "oracle.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/policy.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_fixed_clock();
	fz_xml_init();
	return 0;
}

/* The lines "fuzz.yaml:..." the text output has: one a finding shown, one a
 * rule whose findings were capped. Plan text cannot add one: it is shown
 * escaped, on lines of its own that begin with the gutter. */
static size_t header_lines(const struct pv_diags *d)
{
	size_t n = d->nr;
	for (size_t i = 0; i < d->nomitted; i++) {
		const struct pv_omitted *o = &d->omitted[i];
		n += o->n[0] + o->n[1] + o->n[2] + o->waived > 0;
	}
	return n;
}

/* Text output, with and without colour: the same text once the colours
 * are taken out, and no control character but the line breaks. */
static void check_text(const struct pv_diags *d, const char *src, size_t len,
		       const struct pv_lang *lang)
{
	struct pv_buf plain = PV_BUF_INIT, color = PV_BUF_INIT, stripped = PV_BUF_INIT;
	pv_render_text(d, src, len, PV_TEXT_WAIVED, lang, &plain);
	pv_render_summary(pv_diags_count(d, PV_SEV_ERROR), pv_diags_count(d, PV_SEV_WARNING),
			  pv_diags_count(d, PV_SEV_INFO), pv_diags_waived(d), 1, 0, lang, &plain);
	fz_no_controls("text", plain.buf, plain.len, "\n");
	if (fz_count_lines(plain.buf, plain.len, FZ_PLAN_NAME ":") != header_lines(d))
		fz_fail("text", plain.buf, plain.len, 0, "not one header line per finding");
	pv_render_text(d, src, len, PV_TEXT_WAIVED | PV_TEXT_COLOR, lang, &color);
	pv_render_summary(pv_diags_count(d, PV_SEV_ERROR), pv_diags_count(d, PV_SEV_WARNING),
			  pv_diags_count(d, PV_SEV_INFO), pv_diags_waived(d), 1, PV_TEXT_COLOR,
			  lang, &color);
	fz_strip_sgr("text --color", color.buf, color.len, &stripped);
	if (stripped.len != plain.len || memcmp(stripped.buf, plain.buf, plain.len))
		fz_fail("text --color", stripped.buf, stripped.len, 0,
			"differs from the text without colour");
	pv_buf_reset(&plain);
	pv_render_text(d, src, len, PV_TEXT_QUIET, lang, &plain);
	fz_no_controls("text --quiet", plain.buf, plain.len, "\n");
	pv_buf_release(&plain);
	pv_buf_release(&color);
	pv_buf_release(&stripped);
}

/* JUnit: a testcase per finding in force, and one for each rule that has
 * none (passed, not applicable or waived). */
static size_t junit_cases(const struct pv_file_report *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->matrix.n; i++) {
		size_t found = 0;
		for (size_t j = 0; j < f->diags.nr; j++)
			found += f->diags.v[j].waiver < 0 &&
				 !strcmp(f->diags.v[j].code, f->matrix.rows[i].rule->code);
		n += found ? found : 1;
	}
	return n;
}

/* GitHub shows 10 annotations of each level: the rest are counted on one
 * plain line per level (render_github.c). Sets `*notes` to those lines. */
static size_t github_annotations(const struct pv_file_report *f, size_t *notes)
{
	size_t by_sev[3] = { 0, 0, 0 }, n = 0;
	for (size_t i = 0; i < f->diags.nr; i++)
		if (f->diags.v[i].waiver < 0)
			by_sev[f->diags.v[i].sev]++;
	*notes = 0;
	for (int s = 0; s < 3; s++) {
		n += by_sev[s] < 10 ? by_sev[s] : 10;
		*notes += by_sev[s] > 10;
	}
	return n;
}

/* The machine-readable outputs: each parses, with one entry per finding.
 * SARIF, most of it the rule catalogue, costs as much as all the others
 * together: it is made for one input in four (`sarif`), the same ones each
 * run. */
static void check_machine(const struct pv_run_report *r, int sarif)
{
	const struct pv_file_report *f = &r->files[0];
	struct pv_buf out = PV_BUF_INIT, summary = PV_BUF_INIT, plain = PV_BUF_INIT,
		      color = PV_BUF_INIT;

	pv_render_matrix_text(f, r->lang, 0, &plain);
	fz_no_controls("matrix", plain.buf, plain.len, "\n");
	pv_render_matrix_text(f, r->lang, PV_TEXT_COLOR, &color);
	pv_buf_reset(&out);
	fz_strip_sgr("matrix --color", color.buf, color.len, &out);
	if (out.len != plain.len || memcmp(out.buf, plain.buf, plain.len))
		fz_fail("matrix --color", out.buf, out.len, 0, "differs from the matrix without colour");

	pv_buf_reset(&out);
	pv_render_json(r, &out);
	if (fz_json_check("json", out.buf, out.len, "end_column") != f->diags.nr)
		fz_fail("json", out.buf, out.len, 0, "not one finding per finding");
	pv_buf_reset(&out);
	if (sarif) {
		pv_render_sarif(r, &out);
		if (fz_json_check("sarif", out.buf, out.len, "ruleId") != f->diags.nr)
			fz_fail("sarif", out.buf, out.len, 0, "not one result per finding");
		pv_buf_reset(&out);
	}
	pv_buf_reset(&out);
	pv_render_junit(r, &out);
	if (fz_xml_check("junit", out.buf, out.len, "testcase") != junit_cases(f))
		fz_fail("junit", out.buf, out.len, 0, "not one testcase per finding and per rule without one");
	pv_buf_reset(&out);
	pv_render_github(r, &out, &summary);
	fz_no_controls("github", out.buf, out.len, "\n");
	fz_no_controls("github summary", summary.buf, summary.len, "\n");
	size_t notes, shown = github_annotations(f, &notes);
	if (fz_count_lines(out.buf, out.len, "") != shown + notes ||
	    fz_count_lines(out.buf, out.len, "::") != shown)
		fz_fail("github", out.buf, out.len, 0,
			"not one workflow command per finding shown (10 a level), one line per level for the rest");
	pv_buf_release(&out);
	pv_buf_release(&summary);
	pv_buf_release(&plain);
	pv_buf_release(&color);
}

/* The same plan checked again gives the same findings, in the same order:
 * the string maps draw a new hash key each time, and nothing may follow
 * from it. (For one input in sixteen: the check is done twice.) */
static void check_again(const char *src, size_t size, const struct pv_check_opts *o,
			const struct pv_diags *first, const struct pv_lang *lang)
{
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT;
	pv_diags_init(&d, FZ_PLAN_NAME);
	pv_check_text(src, size, o, &plan, &d, NULL);
	pv_render_text(first, src, size, PV_TEXT_WAIVED, lang, &a);
	pv_render_text(&d, src, size, PV_TEXT_WAIVED, lang, &b);
	if (a.len != b.len || memcmp(a.buf, b.buf, a.len))
		fz_fail("text", b.buf, b.len, 0, "another run of the same plan differs");
	pv_plan_release(&plan);
	pv_diags_release(&d);
	pv_buf_release(&a);
	pv_buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_run_report r = { 0 };
	struct pv_plan plan;
	struct pv_policy pol = { NULL, PV_STATUS_DRAFT, 0, 0 };
	char *src = fz_text(data, size);

	fz_limits(&o.limits);
	pv_diags_init(&d, FZ_PLAN_NAME);
	int loaded = pv_check_text(src, size, &o, &plan, &d, &pol) == 0;
	/* English or French, the two languages of the findings, by the input. */
	uint32_t h = fz_hash(data, size);
	r.lang = pv_lang_get(h & 1 ? "fr" : "en");
	check_text(&d, src, size, r.lang);
	if ((h >> 8 & 15) == 0)
		check_again(src, size, &o, &d, r.lang);
	pv_report_add(&r, FZ_PLAN_NAME, loaded ? &plan : NULL, loaded, &pol, &d);
	check_machine(&r, (h >> 4 & 3) == 0);
	pv_report_release(&r);
	pv_plan_release(&plan);
	pv_diags_release(&d);
	free(src);
	return 0;
}
