#ifndef PVEPLAN_REPORT_MD_H
#define PVEPLAN_REPORT_MD_H

/*
 * The writing helpers of the Markdown report, shared by its files
 * (src/report/report_md.c, report_md_context.c) and private to them: a
 * table cell or a heading of pveplan's own words, of plan text or of a plan
 * string, each escaped so that nothing changes the report's structure.
 */

#include "pveplan/report.h"

#include "pveplan/base.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

struct md {
	const struct pv_report_input *in;
	const struct pv_view *v;
	const struct pv_plan *p;
	const struct pv_lang *lang;
	struct pv_buf *o;
	const char *cur;	/* plan currency or "" */
};

static inline const char *L(const struct md *m, const char *key)
{
	return pv_lang_report_label(m->lang, key);
}

static inline const char *T(const struct md *m, const struct pv_text *t)
{
	return pv_view_text(m->v, t);
}

/* pveplan's own words (labels, numbers, dates) in a cell or a heading: one
 * line, no '|' that would end the cell, no leading marker. */
static inline void words(struct pv_buf *o, const char *s)
{
	if (*s == '#' || *s == '>' || *s == '-' || *s == '+' || *s == '=')
		pv_buf_addch(o, '\\');
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			pv_buf_addch(o, '\\');
		if (*s == '<')
			pv_buf_adds(o, "&lt;");
		else if (*s == '>')
			pv_buf_adds(o, "&gt;");
		else if (*s == '&')
			pv_buf_adds(o, "&amp;");
		else
			pv_buf_addch(o, *s);
	}
}

static inline void amount(struct md *m, double v)
{
	pv_report_number(m->lang, v, v == floor(v) ? 0 : 2, m->o);
}

/* A heading whose text is Markdown already. */
static inline void heading_md(struct md *m, int level, const char *md)
{
	pv_buf_addf(m->o, "\n%.*s %s\n\n", level, "######", md);
}

static inline void heading(struct md *m, int level, const char *title)
{
	struct pv_buf b = PV_BUF_INIT;
	words(&b, title);
	heading_md(m, level, b.buf);
	pv_buf_release(&b);
}

static inline void row_start(struct md *m)
{
	pv_buf_adds(m->o, "|");
}

static inline void row_end(struct md *m)
{
	pv_buf_addch(m->o, '\n');
}

/* A cell of Markdown written already. */
static inline void col_md(struct md *m, const char *md)
{
	pv_buf_addf(m->o, " %s |", md);
}

/* A country as "Name (XX)" in the report's language (iso-codes'
 * translations), or its code alone when it has no name (the
 * codes reserved for users), as Markdown for a cell. */
static inline void country_name(struct pv_buf *o, const char *code, const struct pv_lang *lang)
{
	const char *name = pv_country_name_in(code, pv_lang_code(lang));
	if (name) {
		words(o, name);
		pv_buf_adds(o, " (");
	}
	pv_report_md_literal(o, code);
	if (name)
		pv_buf_addch(o, ')');
}

/* A cell of pveplan's own words. */
static inline void col(struct md *m, const char *s)
{
	pv_buf_addch(m->o, ' ');
	words(m->o, s ? s : "");
	pv_buf_adds(m->o, " |");
}

/* A cell of plan text (Markdown). */
static inline void col_text(struct md *m, const char *s)
{
	pv_buf_addch(m->o, ' ');
	pv_report_md_inline(m->o, s ? s : "", 1);
	pv_buf_adds(m->o, " |");
}

/* A cell of a plan string that is not Markdown (an id, a code, a unit). */
static inline void col_str(struct md *m, const char *s)
{
	pv_buf_addch(m->o, ' ');
	pv_report_md_literal(m->o, s ? s : "");
	pv_buf_adds(m->o, " |");
}

static inline void table_head(struct md *m, const char *const *keys, size_t n, const char *align)
{
	row_start(m);
	for (size_t i = 0; i < n; i++)
		col(m, L(m, keys[i]));
	pv_buf_adds(m->o, "\n|");
	for (size_t i = 0; i < n; i++)
		pv_buf_adds(m->o, align && align[i] == 'r' ? "---:|" : "---|");
	pv_buf_addch(m->o, '\n');
}

/* Who an id names, as Markdown for a cell: a stakeholder's name, else the
 * id itself. Returns 0 (writing nothing) when --redact hides it. */
static inline int who(const struct md *m, const char *id, struct pv_buf *out)
{
	const char *name = pv_view_stakeholder(m->v, id);
	if (!name)
		return 0;
	if (pv_view_stakeholder_def(m->v, id))
		pv_report_md_inline(out, name, 1);
	else
		pv_report_md_literal(out, name);
	return 1;
}

static inline void col_who(struct md *m, const char *id)
{
	struct pv_buf b = PV_BUF_INIT;
	if (id)
		who(m, id, &b);
	col_md(m, b.buf);
	pv_buf_release(&b);
}

static inline void stakeholder_list(const struct md *m, const pv_str_list *l, struct pv_buf *out)
{
	for (uint32_t i = 0; i < l->n; i++) {
		size_t at = out->len;
		if (at)
			pv_buf_adds(out, ", ");
		if (!who(m, l->v[i].s, out)) {
			out->len = at;
			out->buf[at] = '\0';
		}
	}
}

static inline const char *enum_label(struct md *m, const char *prefix, const char *const *names, int v)
{
	return pv_report_enum(m->lang, prefix, names, v);
}

/* "ID. title" of a priority, as Markdown. */
static inline void priority_name(const struct md *m, const struct pv_priority *pr, struct pv_buf *out)
{
	pv_report_md_literal(out, pr->id.s ? pr->id.s : "");
	pv_buf_adds(out, ". ");
	pv_report_md_inline(out, T(m, &pr->title), 1);
}

/* The sections written by src/report/report_md_context.c. */
void pv_md_participation(struct md *m);
void pv_md_context(struct md *m);

#endif
