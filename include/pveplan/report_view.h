#ifndef PVEPLAN_REPORT_VIEW_H
#define PVEPLAN_REPORT_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/build.h"
#include "pveplan/diag.h"
#include "pveplan/plan.h"
#include "pveplan/strmap.h"

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
