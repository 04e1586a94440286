#ifndef PVEPLAN_CHECK_H
#define PVEPLAN_CHECK_H

/*
 * The checks: the rule table keyed by code and the check of each rule
 * (CON, PVE).
 */

#include <stddef.h>

#include "pveplan/base.h"
#include "pveplan/model.h"

/* ---- rules ---- */

/*
 * The rules, in one table keyed by code (src/check/rules.c): default severity,
 * how it may be changed, which source documents it cites (for the
 * compliance scores), and the check that finds it. The text of each rule is
 * in the catalogue (src/catalogue/).
 */

enum pv_rule_flags {
	PV_RULE_FIXED = 1 << 0,		/* FMT/REF: always an error, never waived */
	PV_RULE_STAGE = 1 << 1,		/* warning -> error once validated/adopted/under review */
	PV_RULE_SCOPED_ONLY = 1 << 2,	/* waivable only with a scope (PVE110/111) */
	PV_RULE_REPORT = 1 << 3,	/* reports a figure (PVE116): never fails, not scored */
	PV_RULE_UNWAIVABLE = 1 << 4,	/* SYN: its severity may be set, it is never waived */
};

struct pv_rule_ctx;

struct pv_rule {
	const char *code;
	enum pv_severity severity;	/* default */
	unsigned flags;
	/* Finds the rule's findings in a loaded plan; NULL for the rules the
	 * loader (FMT, REF, SYN) or the policy (PVE125) report. */
	void (*check)(const struct pv_rule_ctx *c);
};

/* Room for every rule in the fixed-size tables that follow the rule table
 * (configuration, matrix); rules.c asserts the table fits. */
#define PV_RULES_MAX 128

extern const struct pv_rule pv_rules[];
extern const size_t pv_rules_nr;
/* The rule codes, in table order, for suggestions. */
extern const char *const pv_rule_codes[];

/* The rule `code`, or NULL. */
const struct pv_rule *pv_rule_find(const char *code);

/* ---- pve ---- */

/* The thresholds the PVE rules name; a project's .pveplan.yaml may change
 * them. */
struct pv_thresholds {
	unsigned public_sector;		/* PVE105: public-sector stakeholders */
	unsigned society_sectors;	/* PVE106: non-governmental sectors */
	unsigned regional_bodies;	/* PVE120: regional bodies involved */
	/* Shares, 0 to 1: pveplan's defaults, not figures from the sources. */
	double security_share;		/* PVE127: above it, the security sector dominates */
	double women_share;		/* PVE129: below it, women's participation is low */
};
#define PV_THRESHOLDS_DEFAULT { 3, 3, 2, 0.5, 0.3 }

/*
 * Runs the check of every rule of the table that has one (CON001-CON007,
 * PVE101-PVE124, PVE126-PVE135) on a loaded plan. `stage` is the plan's status, or the one
 * previewed with --stage. Rules that do not apply are marked with
 * pv_diags_not_applicable().
 */
void pv_check_rules(const struct pv_plan *p, enum pv_status stage,
		    const struct pv_thresholds *t, struct pv_diags *d);

/* ---- fingerprint ---- */

/*
 * Gives every finding of `d` (sorted, as pv_policy_apply leaves them) its
 * key path in plan `p` (may be NULL: a file not read as YAML, every path
 * then "") and its fingerprint (pv_diag_fingerprint), so that a finding
 * keeps its identity when the plan is edited elsewhere. The key path names
 * keys and the items of lists by their id, or by a key that tells them
 * apart, never by line:
 * "priorities[P1].objectives[P1.O2].actions[A3].cost".
 */
void pv_check_fingerprints(struct pv_diags *d, const struct pv_plan *p);

#endif
