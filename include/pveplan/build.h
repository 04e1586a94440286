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

/* ---- Orchestration of a build (src/build.c) ---- */

#include <stdio.h>

#include "pveplan/check.h"
#include "pveplan/input.h"

/*
 * Reads the plan file `path` ("-": standard input) within o->limits and
 * checks it as pv_check_text does; a file over o->limits.max_file_size is
 * the FMT007 finding, not an error. `plan` is initialised here; `src`
 * receives the text (empty for a file refused by its size). Returns 1 when
 * the plan was loaded and checked, 0 when it was not (a finding says why),
 * -1 when the file could not be read (*err says why).
 */
int pv_check_file(const char *path, const struct pv_check_opts *o, struct pv_buf *src,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol,
		  struct pv_buf *err);

enum pv_build_format { PV_BUILD_MD = 1, PV_BUILD_HTML = 2, PV_BUILD_XLSX = 4, PV_BUILD_ALL = 7 };

struct pv_build_opts {
	struct pv_check_opts check;	/* limits, configuration, stage, today */
	const char *plan_path;		/* the plan file, "-" for standard input */
	const char *src;		/* or, when not NULL, the plan's text, */
	size_t len;			/* ... named plan_path in messages */
	const char *config_path;	/* the file check.config was read from, or NULL */
	const char *outdir;		/* NULL: the plan's id, in the current folder */
	const struct pv_lang *lang;	/* NULL: the plan's language */
	const char *template_dir;	/* NULL: the built-in templates */
	unsigned formats;		/* enum pv_build_format bits */
	int force;			/* write the reports of a plan with errors */
	int redact;			/* leave out confidential items */
	FILE *notices;			/* "waiting for another build ...", or NULL */
};
#define PV_BUILD_OPTS_INIT { PV_CHECK_OPTS_INIT, NULL, NULL, 0, NULL, NULL, NULL, NULL, \
			     PV_BUILD_ALL, 0, 0, NULL }

/* What pv_build returns; the values are the exit statuses of 'build'. */
enum pv_build_status {
	PV_BUILD_OK = 0,	/* every report asked for is in place */
	PV_BUILD_FINDINGS = 1,	/* the plan has errors (or FMT007): nothing written */
	PV_BUILD_REFUSED = 2,	/* a report would overwrite an input: nothing written */
	PV_BUILD_IO = 3,	/* the plan or a template unreadable, or a report
				 * not written: no report replaced */
};

struct pv_build_result {
	struct pv_diags diags;		/* the plan's findings, sorted */
	struct pv_buf src;		/* the plan's text, to show them with */
	struct pv_buf err;		/* why, for PV_BUILD_REFUSED and PV_BUILD_IO */
	int loaded;			/* the plan was loaded (not FMT001, FMT007) */
	size_t errors;			/* error-level findings */
	const struct pv_lang *lang;	/* the report's language */
	struct pv_pathlist written;	/* the reports renamed into place, in order */
};
void pv_build_result_init(struct pv_build_result *r);
void pv_build_result_release(struct pv_build_result *r);

/*
 * Checks the plan and, when it has no error-level finding (or o->force),
 * writes the reports asked for into the output folder (created if needed):
 * report.md, report.html, capacity-needs.xlsx. Every report is rendered to
 * a temporary file in that folder and, only once all are complete, renamed
 * into place, under an exclusive lock (flock(2)) on the folder that other
 * builds wait for (saying so on o->notices): two builds never mix their
 * reports. A report that would overwrite an input (the plan, the
 * configuration, a template) is refused before anything is written.
 * Returns an enum pv_build_status; `r` (initialised by the caller) says
 * what happened.
 */
int pv_build(const struct pv_build_opts *o, struct pv_build_result *r);

#endif
