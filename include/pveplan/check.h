#ifndef PVEPLAN_CHECK_H
#define PVEPLAN_CHECK_H

#include <stddef.h>

#include "pveplan/diag.h"
#include "pveplan/plan.h"
#include "pveplan/policy.h"
#include "pveplan/tree.h"

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
 * plan was loaded and checked, -1 when the file could not be read as YAML.
 */
int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol);

#endif
