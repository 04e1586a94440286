#ifndef PVEPLAN_PVE_H
#define PVEPLAN_PVE_H

#include "pveplan/diag.h"
#include "pveplan/plan.h"

/* The thresholds the PVE rules name; a project's .pveplan.yaml may change
 * them. */
struct pv_thresholds {
	unsigned public_sector;		/* PVE105: public-sector stakeholders */
	unsigned society_sectors;	/* PVE106: non-governmental sectors */
	unsigned regional_bodies;	/* PVE120: regional bodies leading actions */
};
#define PV_THRESHOLDS_DEFAULT { 3, 3, 2 }

/*
 * Runs the check of every rule of the table that has one (CON001-CON007,
 * PVE101-PVE124) on a loaded plan. `stage` is the plan's status, or the one
 * previewed with --stage. Rules that do not apply are marked with
 * pv_diags_not_applicable().
 */
void pv_check_rules(const struct pv_plan *p, enum pv_status stage,
		    const struct pv_thresholds *t, struct pv_diags *d);

#endif
