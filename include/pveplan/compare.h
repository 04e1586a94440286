#ifndef PVEPLAN_COMPARE_H
#define PVEPLAN_COMPARE_H

/*
 * The comparison of two drafts of a plan (pveplan diff): items added,
 * removed and changed, matched by id; totals, coverage, findings and the
 * compliance matrix, old -> new; and its renderings (text, Markdown, HTML,
 * JSON). The stage sits above report: its totals and coverage are the
 * report's own computations (pveplan/report.h, pv_view_*), so a diff and a
 * report never disagree on a figure.
 */

#include <stddef.h>

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"
#include "pveplan/policy.h"
#include "pveplan/read.h"

/* ---- sides: one checked draft ---- */

struct pv_diff_side {
	char *name;		/* as given: a path, "-", or REV:PATH */
	struct pv_buf src;	/* the plan's text */
	struct pv_plan plan;
	struct pv_diags diags;	/* sorted, after the policy */
	struct pv_policy pol;
	struct pv_matrix matrix;
	int loaded;		/* the model was built, so items can be compared */
};

/*
 * Whether `spec` names a revision of a file in git, REV:PATH: it is not an
 * existing file, and has a ':' with something on each side. *rev and *path
 * (the caller frees them) get the two parts.
 */
int pv_diff_is_revision(const char *spec, char **rev, char **path);

/*
 * Reads `len` bytes or fewer of `git show REV:PATH` into `out`, running git
 * (found on PATH) through posix_spawnp with an argument vector, never a
 * shell; a revision starting with '-' is refused, so it cannot be read as
 * an option. Returns 0, -1 with `err` (git's own message on its standard
 * error is passed on), -2 when over `max` bytes.
 */
int pv_diff_git_show(const char *rev, const char *path, uint64_t max, struct pv_buf *out,
		     struct pv_msg *err);

/*
 * Reads and checks the draft `spec` (a file, "-" for standard input, or
 * REV:PATH) as check does, with `o`, and builds its compliance matrix.
 * Returns 0, or -1 when it could not be read (*err says why).
 */
int pv_diff_side_load(struct pv_diff_side *s, const char *spec, const struct pv_check_opts *o,
		      struct pv_msg *err);
void pv_diff_side_release(struct pv_diff_side *s);

/*
 * For --redact, before pv_diff_compute: what either draft's redacted report
 * hides (pv_view) is marked confidential in the other too (by id; a
 * consultation by its date and kind), so that an item that became, or
 * stopped being, confidential is hidden in both, with its amounts: the
 * totals of OLD and NEW cannot be subtracted to find them.
 */
void pv_diff_redact_both(struct pv_diff_side *old, struct pv_diff_side *new);

/* ---- the comparison ---- */

/* The kinds of item compared, in the order shown; names are the JSON keys
 * and, as "diff.kind.NAME", the labels. */
#define PV_DIFF_KINDS(X)                                                       \
	X(PLAN, "plan") X(PRIORITY, "priorities") X(OBJECTIVE, "objectives") X(ACTION, "actions") \
	X(INDICATOR, "indicators") X(NEED, "capacity_needs")                    \
	X(STAKEHOLDER, "stakeholders") X(RISK, "risks")                         \
	X(CONSULTATION, "consultations") X(DEVIATION, "accepted_deviations")
#define PV_DIFF_KIND_ENUM(N, s) PV_DIFF_##N,
enum pv_diff_kind { PV_DIFF_KINDS(PV_DIFF_KIND_ENUM) PV_DIFF_NKINDS };
extern const char *const pv_diff_kind_names[];

/* One field of an item as compared: `raw` is the value as the plan writes
 * it (NULL: not given), `shown` the same in the output language. */
enum pv_diff_field_flags {
	PV_DF_TEXT = 1 << 0,	/* plan text (not an id, a code, a figure) */
	PV_DF_NUM = 1 << 1,	/* raw is a number */
	PV_DF_LIST = 1 << 2,	/* a list: raw items joined by ", ", shown ones by `sep` */
	PV_DF_SEMI = 1 << 3,	/* ... shown ones joined by "; " (labels may hold commas) */
};
struct pv_diff_field {
	const char *key;	/* the plan key ("cost"); label "diff.field.KEY" */
	unsigned flags;
	char *old_raw, *new_raw, *old_shown, *new_shown;
	char *added, *removed;	/* a changed list: its items added and removed, shown */
};

enum pv_diff_change { PV_DIFF_ADDED, PV_DIFF_REMOVED, PV_DIFF_CHANGED };
extern const char *const pv_diff_change_names[];	/* "added" ... */

struct pv_diff_item {
	enum pv_diff_change change;
	char *id;		/* for consultations and deviations, the key they match by */
	char *title;		/* in the output language; NULL when none */
	char *renamed_from;	/* an added item: the removed id of the same title */
	struct pv_diff_field *fields;	/* changed items: the fields that changed */
	size_t nfields, alloc;
};

struct pv_diff_items {
	struct pv_diff_item *v;
	size_t n, alloc;
	size_t count[3];	/* by enum pv_diff_change */
};

/* A figure of the plan at a glance, old -> new. */
enum pv_diff_total {
	PV_DT_PRIORITIES, PV_DT_OBJECTIVES, PV_DT_ACTIONS, PV_DT_UNCOSTED, PV_DT_STAKEHOLDERS,
	PV_DT_INDICATORS, PV_DT_NEEDS, PV_DT_COST, PV_DT_COMMITTED, PV_DT_PLEDGED, PV_DT_GAP,
	PV_DT_COUNT
};
#define PV_DT_FIRST_MONEY PV_DT_COST
extern const char *const pv_diff_total_names[];	/* JSON names */
extern const char *const pv_diff_total_labels[];	/* report label keys */

/* One row of coverage: the ids of the priorities covering an area or a
 * pillar, or the stakeholders involved of a sector, in each draft. */
struct pv_diff_cover {
	struct pv_pathlist old, new;
	int changed;
};

/* WAIVED: open in the old draft, silenced by an accepted deviation in the
 * new one (not fixed, so not resolved). */
enum pv_diff_state { PV_FINDING_RESOLVED, PV_FINDING_NEW, PV_FINDING_UNCHANGED, PV_FINDING_WAIVED };
extern const char *const pv_diff_state_names[];

struct pv_diff_finding {
	enum pv_diff_state state;
	char code[8];
	enum pv_severity sev;	/* in the draft it is shown from (old when resolved) */
	uint32_t line;		/* there */
	char *message;		/* in the output language */
	char *fingerprint;	/* pv_diag_fingerprint's, what findings are matched by */
};

struct pv_diff_rule {
	const char *code;
	enum pv_rule_status old_status, new_status;
	enum pv_severity old_sev, new_sev;
	size_t old_findings, new_findings;
};

struct pv_diff {
	const struct pv_lang *lang;
	int redact;		/* --redact: nothing of a confidential item is kept */
	size_t withheld_findings;	/* findings about a confidential item, left out */
	char *old_name, *new_name;		/* the sides' names */
	char *old_id, *new_id;			/* plan ids (NULL when none) */
	char *old_currency, *new_currency;	/* NULL when none */
	int currency_differs;			/* both given, and not the same */
	int old_loaded, new_loaded;
	struct pv_diff_items items[PV_DIFF_NKINDS];
	double totals[2][PV_DT_COUNT];		/* [0] old, [1] new */
	int costed[2];
	struct pv_diff_cover areas[PV_AREA_COUNT + 1];		/* from 1 */
	struct pv_diff_cover pillars[5];			/* from 1 */
	struct pv_diff_cover sectors[PV_SECTOR_COUNT + 1];	/* from 1 */
	struct pv_diff_finding *findings;	/* new, resolved or waived, then unchanged */
	size_t nfindings, falloc;
	size_t state_count[4];		/* by enum pv_diff_state */
	size_t new_errors;		/* new findings of error level */
	struct pv_diff_rule *rules;	/* matrix rows whose status, severity or count changed */
	size_t nrules;
};

/*
 * Compares two checked drafts; labels and messages in `lang`. With
 * `redact`, what `build --redact` hides (pv_view) is left out of the
 * comparison itself, so no rendering can show it: an item confidential in
 * either draft (by its id, or its key for consultations and deviations),
 * not counted (a count would tell how many there are); ids of such items in the fields of the items
 * kept; the findings each draft's redacted report leaves out, and those
 * that name an item the other draft hides, counted in withheld_findings
 * (new_errors still counts them, for --fail-on-new). Totals are each
 * draft's redacted report's.
 */
void pv_diff_compute(struct pv_diff *d, const struct pv_diff_side *old,
		     const struct pv_diff_side *new, const struct pv_lang *lang, int redact);
void pv_diff_release(struct pv_diff *d);

/* Items of both sides flattened, for the matcher and its tests: the fields
 * of one kind of item in one draft. */
struct pv_diff_flat {
	char *id, *title, *title_raw;
	int hidden;	/* hidden by the draft's view (pv_diff_flatten_view) */
	struct pv_diff_field *fields;	/* old_raw / old_shown only */
	size_t nfields, alloc;
};
struct pv_diff_flats {
	struct pv_diff_flat *v;
	size_t n, alloc;
};
void pv_diff_flatten(const struct pv_plan *p, enum pv_diff_kind kind, const struct pv_lang *lang,
		     struct pv_diff_flats *out);
/* The same under --redact: `own` is the draft's view (it marks the items
 * it hides), `other` the other draft's; an id either hides is left out of
 * the fields. */
struct pv_view;
void pv_diff_flatten_view(const struct pv_plan *p, enum pv_diff_kind kind, const struct pv_lang *lang,
			  const struct pv_view *own, const struct pv_view *other,
			  struct pv_diff_flats *out);
void pv_diff_flats_release(struct pv_diff_flats *f);
/* Matches `old` and `new` by id into `out`: added, removed (with rename
 * hints: an added item whose title is that of exactly one removed item),
 * changed (the fields whose raw value differs). Takes the strings it needs. */
void pv_diff_match(struct pv_diff_flats *old, struct pv_diff_flats *new, struct pv_diff_items *out);

/* ---- renderings ---- */

/* GitHub's limit on the body of a pull-request comment, in characters. */
#define PV_DIFF_MD_LIMIT 65536

void pv_diff_render_text(const struct pv_diff *d, struct pv_buf *out);
/* Markdown (GFM): at most `limit` bytes (0: no limit); over it, the items
 * that do not fit are left out, and it says how many. */
void pv_diff_render_markdown(const struct pv_diff *d, size_t limit, struct pv_buf *out);
/* One self-contained page, the report's shell and stylesheet
 * (`template_dir`, or the built-in ones when NULL). */
int pv_diff_render_html(const struct pv_diff *d, const char *template_dir, struct pv_buf *out,
			struct pv_msg *err);
void pv_diff_render_json(const struct pv_diff *d, struct pv_buf *out);

#endif
