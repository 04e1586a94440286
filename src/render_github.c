/* --format github: workflow-command annotations, and a Markdown summary for
 * $GITHUB_STEP_SUMMARY, so that GitHub's cap on annotations never hides a
 * failure. */
#include "pveplan/report.h"

#include "pveplan/msg.h"
#include "pveplan/render_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Workflow-command escaping: data escapes % CR LF; property values also
 * escape ':' and ','. */
static void esc(struct pv_buf *o, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
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
			pv_buf_addch(o, *s);
		}
	}
}

static const char *command(enum pv_severity s)
{
	return s == PV_SEV_ERROR ? "error" : s == PV_SEV_WARNING ? "warning" : "notice";
}

/* Markdown table cell: no line breaks, no unescaped pipes. */
static void cell(struct pv_buf *o, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			pv_buf_adds(o, "\\|");
		else if (*s == '\n' || *s == '\r')
			pv_buf_addch(o, ' ');
		else
			pv_buf_addch(o, *s);
	}
}

void pv_render_github(const struct pv_run_report *r, struct pv_buf *out,
		      struct pv_buf *summary)
{
	const struct pv_lang *lang = r->lang;
	for (size_t i = 0; i < r->n; i++) {
		const struct pv_file_report *f = &r->files[i];
		for (size_t j = 0; j < f->diags.nr; j++) {
			const struct pv_diag *g = &f->diags.v[j];
			if (g->waiver >= 0)
				continue;
			char *msg = pv_msg_text(&g->msg, lang);
			char *hint = g->hint.kind ? pv_msg_text(&g->hint, lang) : NULL;
			pv_buf_addf(out, "::%s file=", command(g->sev));
			esc(out, f->path, 1);
			if (g->pos.line)
				pv_buf_addf(out, ",line=%u,col=%u,endColumn=%u", g->pos.line, g->pos.col,
					    g->pos.col + (g->pos.span ? g->pos.span : 1));
			pv_buf_addf(out, ",title=%s::", g->code);
			esc(out, msg, 0);
			if (hint) {
				/* The hint goes on a second line of the same annotation. */
				pv_buf_addf(out, "%%0A%s: ", pv_lang_label(lang, "help"));
				esc(out, hint, 0);
			}
			pv_buf_addch(out, '\n');
			free(msg);
			free(hint);
		}
	}
	struct pv_buf line = PV_BUF_INIT;
	pv_render_summary(r->errors, r->warnings, r->infos, r->waived, r->n, 0, lang, &line);
	pv_buf_addf(summary, "## pveplan check\n\n%s\n", line.buf);
	pv_buf_release(&line);
	int header = 0;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->files[i].diags.nr; j++) {
			const struct pv_diag *g = &r->files[i].diags.v[j];
			if (g->waiver >= 0 || g->sev != PV_SEV_ERROR)
				continue;
			if (!header++)
				pv_buf_adds(summary, "### Errors\n\n| location | rule | message |\n|---|---|---|\n");
			char *msg = pv_msg_text(&g->msg, lang);
			pv_buf_adds(summary, "| ");
			cell(summary, r->files[i].path);
			pv_buf_addf(summary, ":%u:%u | %s | ", g->pos.line, g->pos.col, g->code);
			cell(summary, msg);
			pv_buf_adds(summary, " |\n");
			free(msg);
		}
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < r->files[i].nwaivers; k++) {
			const struct pv_waiver_info *w = &r->files[i].waivers[k];
			if (!k)
				pv_buf_addf(summary, "\n### Accepted deviations: %s\n\n| rule | approved by | expires | reason |\n|---|---|---|---|\n",
					    r->files[i].path);
			pv_buf_adds(summary, "| ");
			cell(summary, w->rule ? w->rule : "");
			pv_buf_adds(summary, " | ");
			cell(summary, w->approved_by ? w->approved_by : "");
			pv_buf_adds(summary, " | ");
			cell(summary, w->expires ? w->expires : "-");
			pv_buf_adds(summary, " | ");
			cell(summary, w->reason ? w->reason : "");
			pv_buf_adds(summary, " |\n");
		}
}
