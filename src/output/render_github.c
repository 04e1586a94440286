/* --format github: workflow-command annotations, and a Markdown summary for
 * $GITHUB_STEP_SUMMARY, so that GitHub's cap on annotations never hides a
 * failure. */
#include "pveplan/output.h"

#include "pveplan/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Workflow-command escaping: data escapes % CR LF; property values also
 * escape ':' and ','. Plan text is first shown with its unsafe characters
 * escaped (pv_buf_add_visible), as in the text output: the log viewer is a
 * terminal. */
static void esc(struct pv_buf *o, const char *s, int property)
{
	struct pv_buf v = PV_BUF_INIT;
	pv_buf_add_visible(&v, s, strlen(s));
	for (const char *p = v.buf; *p; p++) {
		switch (*p) {
		case '%':
			pv_buf_adds(o, "%25");
			break;
		case '\r':
			pv_buf_adds(o, "%0D");
			break;
		case '\n':
			pv_buf_adds(o, "%0A");
			break;
		case ':':
			pv_buf_adds(o, property ? "%3A" : ":");
			break;
		case ',':
			pv_buf_adds(o, property ? "%2C" : ",");
			break;
		default:
			pv_buf_addch(o, *p);
		}
	}
	pv_buf_release(&v);
}

static const char *command(enum pv_severity s)
{
	return s == PV_SEV_ERROR ? "error" : s == PV_SEV_WARNING ? "warning" : "notice";
}

/* Plan text in a Markdown table cell of the summary: a code span whose
 * fence is longer than any run of backticks inside, so GitHub reads none of
 * it as Markdown or HTML (and its mention and link filters skip code);
 * pipes escaped for the table (GFM unescapes them inside code spans too),
 * unsafe characters escaped visibly, so the span holds no line break. */
static void cell(struct pv_buf *o, const char *s)
{
	struct pv_buf v = PV_BUF_INIT;
	pv_buf_add_visible(&v, s, strlen(s));
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < v.len; i++) {
		run = v.buf[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	if (v.len) {
		pv_buf_addchars(o, '`', longest + 1);
		pv_buf_addch(o, ' ');
		for (size_t i = 0; i < v.len; i++) {
			if (v.buf[i] == '|')
				pv_buf_addch(o, '\\');
			pv_buf_addch(o, v.buf[i]);
		}
		pv_buf_addch(o, ' ');
		pv_buf_addchars(o, '`', longest + 1);
	}
	pv_buf_release(&v);
}

/* GitHub shows at most this many annotations of each level per step. */
#define GITHUB_ANNOTATIONS 10

static void annotation(struct pv_buf *out, const struct pv_file_report *f,
		       const struct pv_diag *g, const struct pv_lang *lang)
{
	const char *title = pv_lang_rule_field(lang, g->code, "title");
	char *msg = pv_msg_text(&g->msg, lang);
	char *hint = g->hint.kind ? pv_msg_text(&g->hint, lang) : NULL;
	struct pv_buf t = PV_BUF_INIT;
	pv_buf_addf(&t, "%s: %s", g->code, title ? title : "");
	pv_buf_addf(out, "::%s file=", command(g->sev));
	esc(out, f->path, 1);
	if (g->pos.line)
		pv_buf_addf(out, ",line=%u,col=%u,endColumn=%u", g->pos.line, g->pos.col,
			    g->pos.col + (g->pos.span ? g->pos.span : 1));
	pv_buf_adds(out, ",title=");
	esc(out, t.buf, 1);
	pv_buf_adds(out, "::");
	esc(out, msg, 0);
	if (hint) {
		/* The hint goes on a second line of the same annotation. */
		pv_buf_addf(out, "%%0A%s: ", pv_lang_label(lang, "help"));
		esc(out, hint, 0);
	}
	pv_buf_addch(out, '\n');
	pv_buf_release(&t);
	free(msg);
	free(hint);
}

/* Annotations, errors first: GitHub keeps the first ten of each level in a
 * step, so the rest are counted on a plain line that points at the step
 * summary, which lists every error and every warning. */
static void annotations(const struct pv_run_report *r, struct pv_buf *out)
{
	for (int sev = PV_SEV_ERROR; sev >= PV_SEV_INFO; sev--) {
		size_t shown = 0, more = 0;
		for (size_t i = 0; i < r->n; i++)
			for (size_t j = 0; j < r->files[i].diags.nr; j++) {
				const struct pv_diag *g = &r->files[i].diags.v[j];
				if (g->waiver >= 0 || (int)g->sev != sev)
					continue;
				if (shown++ < GITHUB_ANNOTATIONS)
					annotation(out, &r->files[i], g, r->lang);
				else
					more++;
			}
		if (more) {
			char key[24];
			snprintf(key, sizeof(key), "severity.%s", pv_severity_name((enum pv_severity)sev));
			pv_buf_addf(out, pv_lang_nmessage(r->lang,
				"pveplan: %zu more finding of level '%s' is not annotated (GitHub shows %d of each level): the step summary lists it",
				"pveplan: %zu more findings of level '%s' are not annotated (GitHub shows %d of each level): the step summary lists them",
				more), more, pv_lang_label(r->lang, key), GITHUB_ANNOTATIONS);
			pv_buf_addch(out, '\n');
		}
	}
}

/* The table of every finding in force of one severity; returns how many. */
static size_t findings_table(const struct pv_run_report *r, enum pv_severity sev,
			     struct pv_buf *summary)
{
	struct pv_buf rows = PV_BUF_INIT, where = PV_BUF_INIT;
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->files[i].diags.nr; j++) {
			const struct pv_diag *g = &r->files[i].diags.v[j];
			if (g->waiver >= 0 || g->sev != sev)
				continue;
			n++;
			char *msg = pv_msg_text(&g->msg, r->lang);
			pv_buf_reset(&where);
			pv_buf_addf(&where, "%s:%u:%u", r->files[i].path, g->pos.line, g->pos.col);
			pv_buf_adds(&rows, "| ");
			cell(&rows, where.buf);
			pv_buf_addf(&rows, " | %s | ", g->code);
			cell(&rows, msg);
			pv_buf_adds(&rows, " |\n");
			free(msg);
		}
	if (n) {
		pv_buf_adds(summary, pv_lang_message(r->lang, "| location | rule | message |"));
		pv_buf_adds(summary, "\n|---|---|---|\n");
		pv_buf_add(summary, rows.buf, rows.len);
	}
	pv_buf_release(&rows);
	pv_buf_release(&where);
	return n;
}

void pv_render_github(const struct pv_run_report *r, struct pv_buf *out,
		      struct pv_buf *summary)
{
	const struct pv_lang *lang = r->lang;
	annotations(r, out);
	struct pv_buf line = PV_BUF_INIT, table = PV_BUF_INIT;
	pv_render_summary(r->errors, r->warnings, r->infos, r->waived, r->n, 0, lang, &line);
	pv_buf_addf(summary, "## pveplan check\n\n%s\n", line.buf);
	if (findings_table(r, PV_SEV_ERROR, &table))
		pv_buf_addf(summary, "### %s\n\n%s", pv_lang_message(lang, "Errors"), table.buf);
	pv_buf_reset(&table);
	/* Warnings collapsed, so that the errors stay in sight. */
	size_t nw = findings_table(r, PV_SEV_WARNING, &table);
	if (nw) {
		pv_buf_adds(summary, "\n<details><summary>");
		pv_lang_count(lang, "count.warning", nw, summary);
		pv_buf_addf(summary, "</summary>\n\n%s\n</details>\n", table.buf);
	}
	pv_buf_release(&table);
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < r->files[i].nwaivers; k++) {
			const struct pv_waiver_info *w = &r->files[i].waivers[k];
			if (!k) {
				pv_buf_addf(summary, "\n### %s: ", pv_lang_message(lang, "Accepted deviations"));
				cell(summary, r->files[i].path);
				pv_buf_addf(summary, "\n\n%s\n|---|---|---|---|\n",
					    pv_lang_message(lang, "| rule | approved by | expires | reason |"));
			}
			pv_buf_adds(summary, "| ");
			cell(summary, w->rule ? w->rule : "");
			pv_buf_adds(summary, " | ");
			cell(summary, w->approved_by ? w->approved_by : "");
			pv_buf_adds(summary, " | ");
			if (w->expires)
				cell(summary, w->expires);
			else
				pv_buf_addch(summary, '-');
			pv_buf_adds(summary, " | ");
			cell(summary, w->reason ? w->reason : "");
			pv_buf_adds(summary, " |\n");
		}
	pv_buf_release(&line);
}
