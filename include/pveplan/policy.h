#ifndef PVEPLAN_POLICY_H
#define PVEPLAN_POLICY_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/diag.h"
#include "pveplan/plan.h"
#include "pveplan/pve.h"
#include "pveplan/rules.h"

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
		   struct pv_buf *err);
/* Looks for .pveplan.yaml in `dir` and its parents; 1 and the path in `out`
 * when found, else 0. */
int pv_config_find(const char *dir, struct pv_buf *out);

struct pv_policy {
	const struct pv_config *config;
	enum pv_status stage;	/* the plan's status, or --stage */
	int32_t today;		/* days since 1970-01-01 (SOURCE_DATE_EPOCH honoured) */
	size_t max_findings;	/* findings kept per rule (0: all; see pv_diags_cap) */
};

/* Now, in seconds since 1970, from SOURCE_DATE_EPOCH when set, else the
 * clock: outputs that carry a time stay reproducible. */
long long pv_now(void);
/* YYYY-MM-DDTHH:MM:SS (UTC). */
void pv_format_timestamp(long long t, char out[32]);
/* Today, from SOURCE_DATE_EPOCH when set, else the clock. */
int32_t pv_policy_today(void);
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

struct pv_score {
	unsigned source;		/* one PV_SRC_ bit */
	size_t passed, failed, waived;	/* applicable = the three added */
};

struct pv_matrix {
	struct pv_matrix_row rows[PV_RULES_MAX];
	size_t n;
	struct pv_score scores[PV_SCORED_DOCS_N];
	size_t nscores;
};

/* The compliance matrix of one checked plan. `checked` is 0 when the plan
 * could not be loaded, so no rule beyond FMT could run. */
void pv_matrix_build(const struct pv_policy *pol, const struct pv_diags *d, int checked,
		     struct pv_matrix *m);

#endif
