/* --format junit: one testsuite per plan file, one testcase per rule. */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line per finding: plan text (in the message) and the path are shown
 * with their unsafe characters escaped, so none of it can end the line or
 * forge another finding; pv_xml_str then makes the whole valid XML. */
static void finding_line(struct pv_buf *o, const struct pv_file_report *f,
			 const struct pv_diag *g, const struct pv_lang *lang)
{
	char *msg = pv_msg_text(&g->msg, lang);
	pv_buf_add_visible(o, f->path, strlen(f->path));
	pv_buf_addf(o, ":%u:%u: %s[%s]: ", g->pos.line, g->pos.col, pv_severity_name(g->sev),
		    g->code);
	pv_buf_add_visible(o, msg, strlen(msg));
	pv_buf_addch(o, '\n');
	free(msg);
}

static void suite(struct pv_buf *o, const struct pv_file_report *f, size_t id,
		  const struct pv_lang *lang, const char *stamp)
{
	struct pv_buf cases = PV_BUF_INIT, out = PV_BUF_INIT;
	size_t failures = 0, skipped = 0;
	for (size_t i = 0; i < f->matrix.n; i++) {
		const struct pv_matrix_row *row = &f->matrix.rows[i];
		const char *code = row->rule->code;
		const char *title = pv_lang_rule_field(lang, code, "title");
		struct pv_buf detail = PV_BUF_INIT, first = PV_BUF_INIT;
		size_t errors = 0;
		for (size_t j = 0; j < f->diags.nr; j++) {
			const struct pv_diag *g = &f->diags.v[j];
			if (strcmp(g->code, code))
				continue;
			if (g->waiver < 0 && g->sev == PV_SEV_ERROR) {
				if (!errors++) {
					char *msg = pv_msg_text(&g->msg, lang);
					pv_buf_add_visible(&first, msg, strlen(msg));
					free(msg);
				}
				finding_line(&detail, f, g, lang);
			} else {
				finding_line(&out, f, g, lang);
			}
		}
		pv_buf_adds(&cases, "    <testcase name=\"");
		pv_xml_str(&cases, code);
		pv_buf_adds(&cases, ": ");
		pv_xml_str(&cases, title ? title : "");
		pv_buf_addf(&cases, "\" classname=\"pveplan.%.3s\" time=\"0\"", code);
		if (errors) {
			failures++;
			pv_buf_adds(&cases, ">\n      <failure type=\"error\" message=\"");
			pv_xml_str(&cases, first.buf);
			pv_buf_adds(&cases, "\">");
			pv_xml_str(&cases, detail.buf);
			pv_buf_adds(&cases, "</failure>\n    </testcase>\n");
		} else if (row->status == PV_RS_NA || row->status == PV_RS_WAIVED) {
			skipped++;
			pv_buf_addf(&cases, ">\n      <skipped message=\"%s\"/>\n    </testcase>\n",
				    pv_rule_status_name(row->status));
		} else {
			pv_buf_adds(&cases, "/>\n");
		}
		pv_buf_release(&detail);
		pv_buf_release(&first);
	}
	pv_buf_adds(o, "  <testsuite name=\"");
	pv_xml_str(o, f->path);
	pv_buf_adds(o, "\" package=\"pveplan\"");
	pv_buf_addf(o, " id=\"%zu\" timestamp=\"%s\" hostname=\"localhost\" tests=\"%zu\""
		       " failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
		    id, stamp, f->matrix.n, failures, skipped);
	pv_buf_adds(o, "    <properties>\n");
	if (f->plan_id) {
		pv_buf_adds(o, "      <property name=\"plan\" value=\"");
		pv_xml_str(o, f->plan_id);
		pv_buf_adds(o, "\"/>\n");
	}
	pv_buf_addf(o, "      <property name=\"language\" value=\"%s\"/>\n", pv_lang_code(lang));
	pv_buf_adds(o, "    </properties>\n");
	pv_buf_add(o, cases.buf, cases.len);
	pv_buf_adds(o, "    <system-out>");
	pv_xml_str(o, out.buf);
	pv_buf_adds(o, "</system-out>\n    <system-err></system-err>\n  </testsuite>\n");
	pv_buf_release(&cases);
	pv_buf_release(&out);
}

void pv_render_junit(const struct pv_run_report *r, struct pv_buf *o)
{
	char stamp[32];
	pv_format_timestamp(pv_now(), stamp);
	pv_buf_adds(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
	for (size_t i = 0; i < r->n; i++)
		suite(o, &r->files[i], i, r->lang, stamp);
	pv_buf_adds(o, "</testsuites>\n");
}
