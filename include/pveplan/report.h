#ifndef PVEPLAN_REPORT_H
#define PVEPLAN_REPORT_H

/*
 * The build reports: the view of a plan, Markdown, HTML, the workbook, and
 * the build that writes them.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"
#include "pveplan/policy.h"
#include "pveplan/read.h"

/* ---- build ---- */

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
		   const char *template_dir, struct pv_buf *out, struct pv_msg *err);

/*
 * Another page in the report's shell and stylesheet (pveplan diff): the
 * Markdown `md` rendered as the report's is, without its charts; `title`
 * is plain text. Returns 0, or -1 with `err`.
 */
int pv_report_html_page(const struct pv_lang *lang, const char *title, const char *md, size_t len,
			const char *template_dir, struct pv_buf *out, struct pv_msg *err);

/*
 * The capacity-needs workbook, written to `path` (the caller renames it
 * into place to `shown`, the name an error gives); `tmpdir` holds
 * libxlsxwriter's temporary files. Returns 0, or -1 with `err`.
 */
int pv_report_xlsx(const struct pv_report_input *in, const char *path, const char *shown,
		   const char *tmpdir, struct pv_msg *err);

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
 * Plan text written into the Markdown report (src/report/report_text.c). Each text
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

/* ---- Orchestration of a build (src/report/build.c) ---- */




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
	struct pv_msg err;		/* why, for PV_BUILD_REFUSED and PV_BUILD_IO */
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

/* ---- report_view ---- */

/*
 * What the reports show of a plan: the one place that decides what
 * `build --redact` hides, with the walks, lookups and totals every report
 * uses (Markdown, HTML, workbook), so that no report shows what another
 * hides and every figure agrees with the findings shown beside it.
 *
 * Under --redact, hidden are: every item marked `confidential: true`
 * (stakeholder, consultation, priority, objective, action, capacity need,
 * indicator, risk, driver) with everything it holds (a priority's
 * objectives, an objective's actions, an action's needs); an accepted
 * deviation whose scope names a hidden item; a finding that names one.
 * Without --redact nothing is hidden.
 */
struct pv_view {
	const struct pv_report_input *in;
	const struct pv_plan *p;
	int redact;
	struct pv_strmap hidden;	/* ids of hidden items (keys are the plan's) */
	struct pv_strmap secrets;	/* every text of a hidden item */
	/* The open findings the reports show, in order. Findings whose figures
	 * add up hidden items are recomputed (`redone` owns them). */
	const struct pv_diag **findings;
	size_t nfindings;
	size_t findings_hidden;	/* left out: they name a hidden item */
	struct pv_diags redone;
};

void pv_view_init(struct pv_view *v, const struct pv_report_input *in);
void pv_view_release(struct pv_view *v);

/* Hidden under --redact; an item is hidden with what holds it. */
int pv_view_hides_priority(const struct pv_view *v, const struct pv_priority *pr);
int pv_view_hides_objective(const struct pv_view *v, const struct pv_priority *pr,
			    const struct pv_objective *o);
int pv_view_hides_action(const struct pv_view *v, const struct pv_priority *pr,
			 const struct pv_objective *o, const struct pv_action *a);
/* `a` is the action that holds the need (as pv_view_next_action gives it),
 * NULL for a cross-cutting need. */
int pv_view_hides_need(const struct pv_view *v, const struct pv_action *a,
		       const struct pv_need *n);
int pv_view_hides_stakeholder(const struct pv_view *v, const struct pv_stakeholder *s);
int pv_view_hides_consultation(const struct pv_view *v, const struct pv_consultation *c);
int pv_view_hides_indicator(const struct pv_view *v, const struct pv_indicator *i);
int pv_view_hides_risk(const struct pv_view *v, const struct pv_risk *r);
int pv_view_hides_driver(const struct pv_view *v, const struct pv_driver *d);
/* An id of a hidden item (of any kind). */
int pv_view_hides_id(const struct pv_view *v, const char *id);
/* An accepted deviation whose scope names a hidden item: its reason and
 * scope speak about it. */
int pv_view_hides_deviation(const struct pv_view *v, const struct pv_deviation *d);

/* The actions the reports show, in plan order, each with what holds it:
 *	struct pv_view_action it = PV_VIEW_ACTION_INIT;
 *	while (pv_view_next_action(v, &it)) ... it.a ...
 * With `pr` set before the first call, only that priority's actions. */
struct pv_view_action {
	const struct pv_priority *pr;
	const struct pv_objective *o;
	const struct pv_action *a;
	uint32_t i, j, k;	/* next position to look at */
	int one_priority;
};
#define PV_VIEW_ACTION_INIT { NULL, NULL, NULL, 0, 0, 0, 0 }
int pv_view_next_action(const struct pv_view *v, struct pv_view_action *it);
void pv_view_priority_actions(const struct pv_view *v, uint32_t i, struct pv_view_action *it);

/* Plan text in the report language (else the plan's, else the first). */
const char *pv_view_text(const struct pv_view *v, const struct pv_text *t);
/* A stakeholder's name from its id: the id itself when it names no
 * stakeholder, NULL when hidden. */
const char *pv_view_stakeholder(const struct pv_view *v, const char *id);
/* The stakeholder `id` names, NULL when none or hidden. */
const struct pv_stakeholder *pv_view_stakeholder_def(const struct pv_view *v, const char *id);
/* Puts into `ids` (keys: the plan's ids, value non-NULL) every id involved in
 * what the report shows, as the rules count involvement: the lead or a
 * partner of a shown action, a participant of a shown consultation, the
 * coordination body. The caller releases `ids`. */
void pv_view_involved(const struct pv_view *v, struct pv_strmap *ids);
/* Whether any shown action states its kind (the reports add a column). */
int pv_view_any_action_kind(const struct pv_view *v);

/* The figures of the report, over what it shows. Money adds up the actions
 * that count in the plan's totals (see pv_action_money). */
struct pv_view_totals {
	size_t priorities, objectives, actions, stakeholders, indicators, needs;
	size_t uncosted;	/* shown actions without a cost estimate */
	int costed;		/* some shown action counts in the totals */
	struct pv_money money;
};
void pv_view_totals(const struct pv_view *v, struct pv_view_totals *t);
/* The money of one priority's shown actions. */
void pv_view_priority_money(const struct pv_view *v, const struct pv_priority *pr,
			    struct pv_money *m);
/* Capacity needs shown: of `pr`'s actions (or of all actions and the
 * cross-cutting ones when `pr` is NULL). */
size_t pv_view_count_needs(const struct pv_view *v, const struct pv_priority *pr);

/* The bars of the timeline, in plan order; the caller frees *bars. */
size_t pv_view_timeline(const struct pv_view *v, struct pv_bar **bars);

/*
 * Whether finding `g` names a hidden item: its subject, or an argument of
 * its message, hint or note that is (or holds) a hidden id or a hidden
 * text. The one test of "is this finding about a confidential item".
 */
int pv_view_finding_hidden(const struct pv_view *v, const struct pv_diag *g);

#endif
