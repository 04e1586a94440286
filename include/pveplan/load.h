#ifndef PVEPLAN_LOAD_H
#define PVEPLAN_LOAD_H

#include <stddef.h>

#include "pveplan/diag.h"
#include "pveplan/plan.h"
#include "pveplan/tree.h"

/*
 * Loads a plan from `len` bytes at `src` (NUL-terminated at src[len]) into
 * `p` (initialised with pv_plan_init): parses the YAML, reads it into the
 * typed model checking every FMT rule, then resolves identifiers (REF).
 * Every finding goes to `d`. Returns 0 when the model was built (it may still
 * carry errors), -1 when the file could not be read as YAML at all.
 */
int pv_plan_load(struct pv_plan *p, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d);

#endif
