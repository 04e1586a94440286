#ifndef PVEPLAN_CHECK_H
#define PVEPLAN_CHECK_H

#include <stddef.h>

#include "pveplan/diag.h"
#include "pveplan/plan.h"
#include "pveplan/tree.h"

struct pv_check_opts {
	struct pv_limits limits;
};
#define PV_CHECK_OPTS_INIT { PV_LIMITS_DEFAULT }

/*
 * Runs every check on a plan held in memory: loading (FMT, REF) and
 * consistency (CON). Findings go to `d`, sorted. `plan` receives the model
 * (initialised here; the caller releases it). Returns 0 when a model was
 * built, -1 when the file could not be read as YAML.
 */
int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d);

#endif
