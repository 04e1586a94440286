/* --format junit: one testsuite per plan file; a testcase per rule, and one
 * per finding in force. */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One line per finding: plan text (in the message) and the path are shown
 * with their unsafe characters escaped, so none of it can end the line or
 * forge another finding; pv_xml_str then makes the whole valid XML. The
 * hint follows on a "= help:" line, as in the text output. */
static void finding_text(struct pv_buf *o, const struct pv_file_report *f,
			 const struct pv_diag *g, const struct pv_lang *lang)
{
	char *msg = pv_msg_text(&g->msg, lang);
	pv_buf_add_visible(o, f->path, strlen(f->path));
	pv_buf_addf(o, ":%u:%u: %s[%s]: ", g->pos.line, g->pos.col, pv_severity_name(g->sev),
		    g->code);
	pv_buf_add_visible(o, msg, strlen(msg));
	free(msg);
	if (g->hint.kind) {
		char *hint = pv_msg_text(&g->hint, lang);
		pv_buf_addf(o, "\n= %s: ", pv_lang_label(lang, "help"));
		pv_buf_add_visible(o, hint, strlen(hint));
		free(hint);
	}
	pv_buf_addch(o, '\n');
}

/* A testcase named by the rule and its title, or for a finding by the
 * rule, its key path (the line when it has none), which stays when lines
 * move (test reports compare pipelines by name), and its message. */
static void case_open(struct pv_buf *o, const struct pv_file_report *f, const char *code,
		      const char *title, const struct pv_diag *g)
{
	pv_buf_adds(o, "    <testcase name=\"");
	pv_xml_str(o, code);
	if (g && g->key_path && *g->key_path) {
		struct pv_buf v = PV_BUF_INIT;
		pv_buf_add_visible(&v, g->key_path, strlen(g->key_path));
		pv_buf_adds(o, " at ");
		pv_xml_str(o, v.buf);
		pv_buf_release(&v);
	} else if (g) {
		pv_buf_addf(o, " at line %u", g->pos.line);
	}
	pv_buf_adds(o, ": ");
	pv_xml_str(o, title ? title : "");
	pv_buf_adds(o, "\" classname=\"");
	pv_xml_str(o, f->path);
	pv_buf_adds(o, "\" time=\"0\"");
}

/*
 * A finding in force is a testcase of its own, so that GitLab's and other
 * test reports list every one: an error is a failure (its message, then the
 * finding and its help line); a warning or an info message is skipped, with
 * the same text: it is to be seen, and it does not fail the check, so it
 * must not fail the test report either. Returns 1 for a failure.
 */
static int finding_case(struct pv_buf *o, const struct pv_file_report *f,
			const struct pv_diag *g, const struct pv_lang *lang)
{
	struct pv_buf text = PV_BUF_INIT, first = PV_BUF_INIT;
	char *msg = pv_msg_text(&g->msg, lang);
	int failed = g->sev == PV_SEV_ERROR;
	finding_text(&text, f, g, lang);
	pv_buf_addf(&first, "%s: ", pv_severity_name(g->sev));
	pv_buf_add_visible(&first, msg, strlen(msg));
	case_open(o, f, g->code, first.buf + strlen(pv_severity_name(g->sev)) + 2, g);
	pv_buf_adds(o, failed ? ">\n      <failure type=\"error\" message=\""
			      : ">\n      <skipped message=\"");
	pv_xml_str(o, first.buf);
	pv_buf_adds(o, "\">");
	pv_xml_str(o, text.buf);
	pv_buf_adds(o, failed ? "</failure>\n    </testcase>\n" : "</skipped>\n    </testcase>\n");
	pv_buf_release(&text);
	pv_buf_release(&first);
	free(msg);
	return failed;
}

/* One testcase per rule without a finding in force (passed, or skipped when
 * it does not apply or is waived), one per finding in force. */
static void suite(struct pv_buf *o, const struct pv_file_report *f, size_t id,
		  const struct pv_lang *lang, const char *stamp)
{
	struct pv_buf cases = PV_BUF_INIT;
	size_t failures = 0, skipped = 0, tests = 0;
	for (size_t i = 0; i < f->matrix.n; i++) {
		const struct pv_matrix_row *row = &f->matrix.rows[i];
		const char *code = row->rule->code;
		size_t found = 0;
		for (size_t j = 0; j < f->diags.nr; j++) {
			const struct pv_diag *g = &f->diags.v[j];
			if (strcmp(g->code, code) || g->waiver >= 0)
				continue;
			found++;
			tests++;
			if (finding_case(&cases, f, g, lang))
				failures++;
			else
				skipped++;
		}
		if (found)
			continue;
		tests++;
		case_open(&cases, f, code, pv_lang_rule_field(lang, code, "title"), NULL);
		if (row->status == PV_RS_NA || row->status == PV_RS_WAIVED) {
			skipped++;
			pv_buf_addf(&cases, ">\n      <skipped message=\"%s\"/>\n    </testcase>\n",
				    pv_rule_status_name(row->status));
		} else {
			pv_buf_adds(&cases, "/>\n");
		}
	}
	pv_buf_adds(o, "  <testsuite name=\"");
	pv_xml_str(o, f->path);
	pv_buf_adds(o, "\" package=\"pveplan\"");
	pv_buf_addf(o, " id=\"%zu\" timestamp=\"%s\" hostname=\"localhost\" tests=\"%zu\""
		       " failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"0\">\n",
		    id, stamp, tests, failures, skipped);
	pv_buf_adds(o, "    <properties>\n");
	if (f->plan_id) {
		pv_buf_adds(o, "      <property name=\"plan\" value=\"");
		pv_xml_str(o, f->plan_id);
		pv_buf_adds(o, "\"/>\n");
	}
	pv_buf_addf(o, "      <property name=\"language\" value=\"%s\"/>\n", pv_lang_code(lang));
	pv_buf_adds(o, "    </properties>\n");
	pv_buf_add(o, cases.buf, cases.len);
	pv_buf_adds(o, "    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n");
	pv_buf_release(&cases);
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
