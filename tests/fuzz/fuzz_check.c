/* libFuzzer harness: the whole check of one plan held in memory, and the
 * rendering of its findings. Build with -DPVEPLAN_FUZZ=ON and clang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"
#include "pveplan/report.h"
#include "pveplan/policy.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_buf out = PV_BUF_INIT;
	struct pv_plan plan;
	char *src = xmalloc(size + 1);

	memcpy(src, data, size);
	src[size] = '\0';
	o.limits.max_nodes = 100000;	/* keep each run fast */
	pv_diags_init(&d, "fuzz.yaml");
	struct pv_policy pol;
	int loaded = pv_check_text(src, size, &o, &plan, &d, &pol) == 0;
	pv_render_text(&d, src, size, PV_TEXT_COLOR | PV_TEXT_WAIVED, pv_lang_get("fr"), &out);
	if (loaded) {
		/* As 'build --force' would: the reports of a plan with errors. */
		struct pv_matrix matrix;
		struct pv_buf md = PV_BUF_INIT, html = PV_BUF_INIT, err = PV_BUF_INIT;
		pv_matrix_build(&pol, &d, 1, &matrix);
		struct pv_report_input in = { &plan, &d, &matrix, pv_lang_get(size % 2 ? "ar" : "en"),
					      "en", (int)(size % 3 == 0), 1, 0 };
		pv_report_markdown(&in, &md);
		pv_report_html(&in, md.buf, md.len, NULL, &html, &err);
		pv_buf_release(&md);
		pv_buf_release(&html);
		pv_buf_release(&err);
	}
	pv_plan_release(&plan);
	pv_diags_release(&d);
	pv_buf_release(&out);
	free(src);
	return 0;
}
