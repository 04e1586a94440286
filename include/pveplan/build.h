#ifndef PVEPLAN_BUILD_H
#define PVEPLAN_BUILD_H

#include "pveplan/buf.h"
#include "pveplan/diag.h"
#include "pveplan/lang.h"
#include "pveplan/plan.h"
#include "pveplan/policy.h"

/* What the reports are made from: a checked plan and its verdict. */
struct pv_report_input {
	const struct pv_plan *plan;
	const struct pv_diags *diags;	/* sorted, after the policy */
	const struct pv_matrix *matrix;
	const struct pv_lang *lang;	/* the report's language */
	const char *fallback;		/* the plan's language, for multilingual text */
	int redact;			/* leave out confidential items */
	size_t errors;			/* error-level findings (the --force banner) */
	long long now;			/* SOURCE_DATE_EPOCH or the clock */
};

/* The Markdown report (CommonMark with GFM tables, Mermaid timeline). */
void pv_report_markdown(const struct pv_report_input *in, struct pv_buf *out);

/*
 * The HTML report from the Markdown report `md`: one self-contained page.
 * The page shell and stylesheet come from `template_dir` (page.html,
 * style.css), or the built-in ones when NULL. Returns 0, or -1 with `err`.
 */
int pv_report_html(const struct pv_report_input *in, const char *md, size_t len,
		   const char *template_dir, struct pv_buf *out, struct pv_buf *err);

/*
 * The capacity-needs workbook, written to `path` (the caller renames it
 * into place); `tmpdir` holds libxlsxwriter's temporary files. Returns 0, or
 * -1 with `err`.
 */
int pv_report_xlsx(const struct pv_report_input *in, const char *path, const char *tmpdir,
		   struct pv_buf *err);

/* What the reports show of the plan (texts, names, the walks, the totals,
 * the findings) comes from pveplan/report_view.h. */

/* The label of value `v` of an enumeration ("" for none), looked up as
 * "prefix.name"; the value's own name when the language has no label. */
const char *pv_report_enum(const struct pv_lang *lang, const char *prefix,
			   const char *const *names, int v);

/* One bar of the timeline (pv_view_timeline): an action, or for very large plans an objective
 * or a priority spanning its actions. Dates are at day precision. */
struct pv_bar {
	const char *label;	/* an id */
	const char *section;	/* the priority's id */
	struct pv_date start, end;
};
#define PV_TIMELINE_MAX 80	/* bars beyond which the timeline groups */

/* Fills the {placeholders} of `tmpl` from name, value pairs ended by NULL. */
void pv_report_fill(const struct pv_lang *lang, const char *tmpl, struct pv_buf *out, ...)
	__attribute__((sentinel));

/*
 * Plan text written into the Markdown report (src/report_text.c). Each text
 * is parsed as its own CommonMark document and written back from its tree,
 * so nothing in it reaches the report's structure or another text; images
 * become links, raw HTML is text, unsafe characters are shown escaped.
 * - pv_report_md_blocks: a text as blocks (paragraphs, lists, quotes, code),
 *   each of its headings a strong paragraph; ends with a newline.
 * - pv_report_md_inline: a text on one line (blocks joined by spaces), for a
 *   heading or a list item, or with `cell` for a table cell ('|' escaped).
 * - pv_report_md_literal: a string that is not Markdown (an id, a code, a
 *   message), every character shown as it is; safe in a table cell.
 */
void pv_report_md_blocks(struct pv_buf *out, const char *s);
void pv_report_md_inline(struct pv_buf *out, const char *s, int cell);
void pv_report_md_literal(struct pv_buf *out, const char *s);

/* Formats a number with the report language's separators. */
void pv_report_number(const struct pv_lang *lang, double v, int decimals, struct pv_buf *out);
/* Formats a date in the report language ("14 March 2025"). */
void pv_report_date(const struct pv_lang *lang, const struct pv_date *d, struct pv_buf *out);
/* The anchor GitHub gives a heading: lower case, spaces to '-', punctuation
 * dropped. */
void pv_report_slug(const char *text, struct pv_buf *out);

#endif
