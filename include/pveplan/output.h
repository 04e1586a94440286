#ifndef PVEPLAN_OUTPUT_H
#define PVEPLAN_OUTPUT_H

/*
 * The check outputs: the run's results, a baseline to compare them with, text,
 * JSON, SARIF, JUnit, GitHub, GitLab.
 */

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/policy.h"

/* ---- render_text ---- */

enum pv_text_flags {
	PV_TEXT_COLOR = 1 << 0,	/* ANSI colours */
	PV_TEXT_QUIET = 1 << 1,	/* errors only */
	PV_TEXT_WAIVED = 1 << 2,	/* also the findings silenced by accepted deviations */
};

/*
 * Appends the findings of one file, compiler-style: a header line
 * "file:line:col: severity[CODE]: message", the source line with carets
 * under the span, then "= help:" and "= note:" lines. `src` (may be NULL)
 * is the file's text, for the source lines.
 */
void pv_render_text(const struct pv_diags *d, const char *src, size_t len, unsigned flags,
		    const struct pv_lang *lang, struct pv_buf *out);

/* "2 errors, 5 warnings in 3 files" (infos and waived findings when there
 * are some). */
void pv_render_summary(size_t errors, size_t warnings, size_t infos, size_t waived,
		       size_t files, unsigned flags, const struct pv_lang *lang,
		       struct pv_buf *out);

struct pv_run_report;
/* "against the baseline FILE: 2 new, 15 unchanged, 3 resolved" (new counts
 * the findings in force, of every severity). */
void pv_render_baseline_summary(const struct pv_run_report *r, unsigned flags,
				const struct pv_lang *lang, struct pv_buf *out);

/* ---- report ---- */

/*
 * The result of checking files, as the machine-readable outputs need it
 * once every file is done: findings, matrix and accepted deviations. It
 * owns copies, so each plan can be released as soon as it is checked.
 */

struct pv_waiver_info {
	char *rule, *reason, *approved_by, *expires;	/* expires: NULL when none */
	char **scope;
	size_t nscope;
	struct pv_pos pos;
	size_t silenced;
};

/* A finding's state against a baseline (check --baseline). */
enum pv_baseline_state { PV_BASELINE_NONE, PV_BASELINE_NEW, PV_BASELINE_UNCHANGED };

struct pv_file_report {
	char *path;
	char *plan_id;		/* NULL when the plan has none */
	int checked;		/* the plan was loaded, so every rule ran */
	enum pv_status stage;
	struct pv_diags diags;
	struct pv_matrix matrix;
	struct pv_waiver_info *waivers;
	size_t nwaivers;
	uint8_t *state;		/* enum pv_baseline_state of each finding; NULL: no baseline */
	char *rel_path;		/* `path` relative to the run's root, '/'-separated; NULL:
				 * not under it (SARIF then gives an absolute URI) */
};

struct pv_run_report {
	struct pv_file_report *files;
	size_t n, alloc;
	const struct pv_lang *lang;	/* the output language */
	size_t errors, warnings, infos, waived;
	const struct pv_baseline *baseline;	/* NULL: none */
	size_t news[3];		/* with a baseline: findings in force not in it, by severity */
	size_t unchanged;	/* findings in force that are in it */
	size_t absent;		/* findings of the baseline no longer found */
	char *root;		/* the absolute folder paths are relative to (--root), or NULL */
	int failed;		/* an input could not be read: the run did not succeed */
};

/* Adds a file: takes over `d` (left empty), copies what it needs of `p`. */
struct pv_file_report *pv_report_add(struct pv_run_report *r, const char *path,
				     const struct pv_plan *p, int checked,
				     const struct pv_policy *pol, struct pv_diags *d);
void pv_report_release(struct pv_run_report *r);


/* ---- baseline ---- */

/* A finding of the baseline, as its JSON gave it. */
struct pv_baseline_item {
	char fingerprint[PV_FINGERPRINT_SIZE];
	char *code, *message, *path;
	enum pv_severity sev;
	struct pv_pos pos;
	int matched;		/* found again in this run */
};

struct pv_baseline {
	char *name;		/* the file, as given */
	struct pv_baseline_item *v;
	size_t n, alloc;
	struct pv_strmap index;	/* fingerprint -> item */
};

/*
 * Reads an earlier `check --format json` output (`len` bytes at `src`,
 * NUL-terminated, named `name`) into `b` (zeroed). Returns -1 with the
 * reason in *err when it is not JSON, not pveplan's JSON of version 1, or
 * has a finding without a fingerprint.
 */
int pv_baseline_load(struct pv_baseline *b, const char *name, const char *src, size_t len,
		     struct pv_msg *err);
void pv_baseline_release(struct pv_baseline *b);
/* Gives every finding of `r` its state (new or unchanged), counts the new
 * ones by severity (those left out by --max-findings are new: they have no
 * fingerprint) and the baseline's findings no longer found. */
void pv_baseline_apply(struct pv_baseline *b, struct pv_run_report *r);

#define PV_JSON_VERSION 1

void pv_render_json(const struct pv_run_report *r, struct pv_buf *out);
void pv_render_sarif(const struct pv_run_report *r, struct pv_buf *out);
void pv_render_junit(const struct pv_run_report *r, struct pv_buf *out);
/* GitLab Code Quality (a subset of the CodeClimate issue format): one issue
 * per finding in force, paths relative to the root. */
void pv_render_gitlab(const struct pv_run_report *r, struct pv_buf *out);
/* Workflow commands to `out`; a Markdown summary to `summary`. */
void pv_render_github(const struct pv_run_report *r, struct pv_buf *out,
		      struct pv_buf *summary);
/* The compliance matrix of one file, as text. */
void pv_render_matrix_text(const struct pv_file_report *f, const struct pv_lang *lang,
			   unsigned flags, struct pv_buf *out);

/* ---- render_schema ---- */

/*
 * The plan format as a JSON Schema (draft-07, for yaml-language-server and
 * other editors), pretty-printed, with its descriptions in `lang` (NULL:
 * English). Returns how many descriptions `lang` lacks (given in English
 * instead), listed one a line in `missing` when not NULL.
 */
size_t pv_render_schema(const struct pv_lang *lang, struct pv_buf *out, struct pv_buf *missing);

/* The citations of rule `code` (the register, pv_lang_rule_citations) as a
 * JSON array of {key, document, status}, or {key, status} without
 * `with_document`; [] for a rule that cites nothing. */
void pv_json_citations(struct pv_buf *out, const char *code, int with_document);
/* The citations of rule `code` as text, one "KEY: DOCUMENT, LOCATOR;
 * STATUS" after each `sep`, the status in `lang`. */
void pv_text_citations(struct pv_buf *out, const char *code, const struct pv_lang *lang,
		       const char *sep);

/* Re-indents compact JSON (as the renderers write it) for people and diffs. */
void pv_json_pretty(const char *in, struct pv_buf *out);
/* JSON string, with quotes. */
void pv_json_str(struct pv_buf *out, const char *s);
/* XML text or attribute value, escaped. */
void pv_xml_str(struct pv_buf *out, const char *s);

#endif
