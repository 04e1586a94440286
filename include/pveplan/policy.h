#ifndef PVEPLAN_POLICY_H
#define PVEPLAN_POLICY_H

/*
 * The verdict: the project configuration, the stage, accepted deviations,
 * the findings kept, the compliance matrix; and the whole check of a plan.
 */

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"
#include "pveplan/check.h"
#include "pveplan/model.h"
#include "pveplan/yaml.h"

/* ---- policy ---- */

/*
 * What turns raw findings into the verdict: the project configuration
 * (.pveplan.yaml), the plan's stage, and its accepted deviations.
 */

#define PV_SEV_DEFAULT (-2)	/* a rule the configuration leaves alone */

struct pv_config {
	char *path;			/* the file read, or NULL for the defaults */
	int severity[PV_RULES_MAX];	/* per pv_rules index: enum pv_severity or PV_SEV_DEFAULT */
	struct pv_thresholds thresholds;
};

void pv_config_init(struct pv_config *c);
void pv_config_release(struct pv_config *c);
/*
 * Reads a configuration file. Problems go to `d` (file:line:col, like a
 * plan's). Returns 0, -1 when the file has errors, -2 when it cannot be read
 * (*err says why).
 */
int pv_config_load(struct pv_config *c, const char *path, struct pv_diags *d,
		   struct pv_msg *err);
/* Looks for .pveplan.yaml in `dir` and its parents; 1 and the path in `out`
 * when found, else 0. */
int pv_config_find(const char *dir, struct pv_buf *out);

struct pv_policy {
	const struct pv_config *config;
	enum pv_status stage;	/* the plan's status, or --stage */
	int32_t today;		/* days since 1970-01-01 (SOURCE_DATE_EPOCH honoured) */
	size_t max_findings;	/* findings kept per rule (0: all; see pv_diags_cap) */
};

/* The severity rule `r` has for this plan: configuration, else the stage's
 * strictness, else its default. */
enum pv_severity pv_policy_severity(const struct pv_policy *pol, const struct pv_rule *r);
/*
 * Applies severities (dropping findings of rules turned off) and accepted
 * deviations (marking the findings they silence, and reporting PVE125),
 * then sorts, and keeps the first max_findings of each rule.
 */
void pv_policy_apply(const struct pv_policy *pol, const struct pv_plan *p,
		     struct pv_diags *d);

enum pv_rule_status { PV_RS_PASSED, PV_RS_FAILED, PV_RS_WAIVED, PV_RS_NA };
const char *pv_rule_status_name(enum pv_rule_status s);

struct pv_matrix_row {
	const struct pv_rule *rule;
	enum pv_rule_status status;
	enum pv_severity severity;	/* in force for this plan */
	size_t findings, waived;
};

/* The score of one source document: the rules that cite it (a citation of
 * the register counting under it, pv_lang_rule_citations), by status. A
 * document no rule of which applies to the plan (applicable = 0) is not
 * scored, never "0 of 0". */
struct pv_score {
	const char *document;		/* an id of pv_lang_scored_documents() */
	size_t passed, failed, waived;	/* applicable = the three added */
};
/* Room for the documents of the register (a test checks it is enough). */
#define PV_SCORED_DOCS_MAX 16

struct pv_matrix {
	struct pv_matrix_row rows[PV_RULES_MAX];
	size_t n;
	struct pv_score scores[PV_SCORED_DOCS_MAX];
	size_t nscores;
};

/* The compliance matrix of one checked plan. `checked` is 0 when the plan
 * could not be loaded, so no rule beyond FMT could run. Scores per
 * document come from the citation register, counting a rule once under each
 * document that one of its verified or substance citations counts under. */
void pv_matrix_build(const struct pv_policy *pol, const struct pv_diags *d, int checked,
		     struct pv_matrix *m);

/* ---- check ---- */

struct pv_check_opts {
	struct pv_limits limits;
	const struct pv_config *config;	/* NULL: defaults */
	enum pv_status stage;		/* 0: the plan's own status */
	int32_t today;			/* for the expiry of accepted deviations */
	size_t max_findings;		/* findings kept per rule and file (0: all) */
};
#define PV_MAX_FINDINGS_DEFAULT 1000
#define PV_CHECK_OPTS_INIT { PV_LIMITS_DEFAULT, NULL, 0, 0, PV_MAX_FINDINGS_DEFAULT }

/*
 * Runs every check on a plan held in memory: loading (FMT, REF),
 * consistency (CON), alignment (PVE), then the policy (severities, stage,
 * accepted deviations). Findings go to `d`, sorted. `plan` receives the
 * model (initialised here; the caller releases it). `pol` (may be NULL)
 * receives the policy used, for the compliance matrix. Returns 0 when the
 * plan was loaded and checked, -1 when the file could not be read as YAML
 * or is larger than o->limits.max_file_size (an FMT007 finding says so).
 */
int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol);

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
		  struct pv_msg *err);

#endif
