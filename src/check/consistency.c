/* CON001-CON007: values that are each valid but do not fit together, one
 * function per rule (the table is src/check/rules.c). */
#include "checks.h"

#include "pveplan/base.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void fmt_amount(double v, char out[32])
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, 32, "%.0f", v);
	else
		snprintf(out, 32, "%.2f", v);
}

static int has_date(const struct pv_dateval *d)
{
	return d->d.prec != PV_DATE_NONE;
}

static const char *id_or_what(const struct pv_str *id)
{
	return id->s ? id->s : "?";
}

/* The plan period, when it is given and in order. */
struct period {
	int ok;
	int32_t first, last;		/* in days */
	struct pv_arg start, end;	/* dates, in the language of the message */
};

static struct period period_of(const struct pv_plan *p)
{
	const struct pv_period *per = &p->plan.period;
	struct period r;
	memset(&r, 0, sizeof(r));
	r.start = r.end = pv_arg_text("");
	if (!has_date(&per->start) || !has_date(&per->end))
		return r;
	r.start = pv_date_arg(&per->start.d);
	r.end = pv_date_arg(&per->end.d);
	r.first = pv_date_first_day(&per->start.d);
	r.last = pv_date_last_day(&per->end.d);
	r.ok = r.last >= r.first;
	return r;
}

void pv_check_CON001(const struct pv_rule_ctx *c)
{
	const struct pv_period *per = &c->p->plan.period;
	struct period r = period_of(c->p);
	if (has_date(&per->start) && has_date(&per->end) && !r.ok) {
		struct pv_diag *g = pv_diag_add(c->d, "CON001", per->end.pos,
			"plan period ends (%s) before it starts (%s)", r.end, r.start);
		pv_diag_hint(g, "swap 'start' and 'end', or correct one of them");
	}
}

static int ends_before_start(const struct pv_action *a)
{
	return has_date(&a->start) && has_date(&a->end) &&
	       pv_date_last_day(&a->end.d) < pv_date_first_day(&a->start.d);
}

static void con002(const struct pv_action *a, void *arg)
{
	const struct pv_rule_ctx *c = arg;
	if (!ends_before_start(a))
		return;
	struct pv_arg s = pv_date_arg(&a->start.d), e = pv_date_arg(&a->end.d);
	struct pv_diag *g = pv_diag_add(c->d, "CON002", a->end.pos,
		"action '%s' ends (%s) before it starts (%s)", id_or_what(&a->id), e, s);
	pv_diag_hint(g, "swap 'start' and 'end', or correct one of them");
}

void pv_check_CON002(const struct pv_rule_ctx *c)
{
	pv_plan_each_action(c->p, con002, (void *)c);
}

struct con003 {
	const struct pv_rule_ctx *c;
	struct period period;
};

static void con003(const struct pv_action *a, void *arg)
{
	const struct con003 *w = arg;
	const struct period *r = &w->period;
	if (ends_before_start(a))
		return;		/* CON002 */
	struct pv_arg s = pv_date_arg(&a->start.d), e = pv_date_arg(&a->end.d);
	if (has_date(&a->start) && pv_date_first_day(&a->start.d) < r->first)
		pv_diag_add(w->c->d, "CON003", a->start.pos,
			    "action '%s' starts (%s) before the plan period (%s to %s)",
			    id_or_what(&a->id), s, r->start, r->end);
	if (has_date(&a->end) && pv_date_last_day(&a->end.d) > r->last)
		pv_diag_add(w->c->d, "CON003", a->end.pos,
			    "action '%s' ends (%s) after the plan period (%s to %s)",
			    id_or_what(&a->id), e, r->start, r->end);
}

void pv_check_CON003(const struct pv_rule_ctx *c)
{
	struct con003 w = { c, period_of(c->p) };
	if (w.period.ok)
		pv_plan_each_action(c->p, con003, &w);
}

static void con004(const struct pv_action *a, void *arg)
{
	const struct pv_rule_ctx *c = arg;
	if (!a->cost.set || !a->funding.n)
		return;
	double sum = 0;
	for (uint32_t i = 0; i < a->funding.n; i++)
		if (a->funding.v[i].amount.set)
			sum += a->funding.v[i].amount.v;
	if (sum <= a->cost.v * (1 + 1e-9))
		return;
	char fs[32], cs[32];
	fmt_amount(sum, fs);
	fmt_amount(a->cost.v, cs);
	struct pv_diag *g = pv_diag_add(c->d, "CON004", a->funding.pos,
		"funding recorded for action '%s' (%s) exceeds its cost (%s)",
		id_or_what(&a->id), fs, cs);
	pv_diag_hint(g, "update 'cost' to the full estimate, or correct the funding amounts");
}

void pv_check_CON004(const struct pv_rule_ctx *c)
{
	pv_plan_each_action(c->p, con004, (void *)c);
}

void pv_check_CON005(const struct pv_rule_ctx *c)
{
	const struct pv_dateval *ps = &c->p->plan.period.start, *pe = &c->p->plan.period.end;
	struct period r = period_of(c->p);
	for (uint32_t i = 0; i < c->p->indicators.n; i++) {
		const struct pv_indicator *ind = &c->p->indicators.v[i];
		const char *id = id_or_what(&ind->id);
		if (has_date(ps) && ind->baseline.year.set && ind->baseline.year.v > ps->d.year)
			pv_diag_add(c->d, "CON005", ind->baseline.year.pos,
				    "baseline year %.0f of indicator '%s' is after the plan starts (%d)",
				    ind->baseline.year.v, id, ps->d.year);
		if (r.ok && ind->target.year.set &&
		    (ind->target.year.v < ps->d.year || ind->target.year.v > pe->d.year))
			pv_diag_add(c->d, "CON005", ind->target.year.pos,
				    "target year %.0f of indicator '%s' is outside the plan period (%s to %s)",
				    ind->target.year.v, id, r.start, r.end);
	}
}

/* At the stage checked: the plan's status, or the one --stage previews. A
 * plan under review is an adopted plan being reviewed: it has a date of
 * adoption too. */
void pv_check_CON006(const struct pv_rule_ctx *c)
{
	if ((c->stage != PV_STATUS_ADOPTED && c->stage != PV_STATUS_UNDER_REVIEW) ||
	    has_date(&c->p->plan.adopted_on))
		return;
	struct pv_pos at = pv_rule_where(c, c->p->plan.status.pos);
	struct pv_diag *g = c->stage == PV_STATUS_UNDER_REVIEW
		? pv_diag_add(c->d, "CON006", at, "plan is under review but gives no 'adopted_on' date")
		: pv_diag_add(c->d, "CON006", at, "plan is adopted but gives no 'adopted_on' date");
	pv_diag_hint(g, "add 'adopted_on: YYYY-MM-DD' under 'plan:', or set the status that applies");
}

/* CON007: amounts that no currency applies to. */
struct con007 {
	size_t n;
	struct pv_pos first;
};

static void note_amount(struct con007 *w, const struct pv_num *n)
{
	if (n->set && !w->n++)
		w->first = n->pos;
}

static void note_needs(struct con007 *w, const pv_need_list *needs)
{
	for (uint32_t i = 0; i < needs->n; i++)
		note_amount(w, &needs->v[i].cost);
}

static void con007(const struct pv_action *a, void *arg)
{
	struct con007 *w = arg;
	if (a->currency.s || a->currency.invalid)
		return;
	note_amount(w, &a->cost);
	for (uint32_t i = 0; i < a->funding.n; i++)
		note_amount(w, &a->funding.v[i].amount);
	note_needs(w, &a->capacity_needs);
}

void pv_check_CON007(const struct pv_rule_ctx *c)
{
	struct con007 w = { 0, { 0, 0, 0 } };
	/* A currency refused by FMT004 is there, only wrongly written. */
	if (c->p->plan.currency.s || c->p->plan.currency.invalid)
		return;
	pv_plan_each_action(c->p, con007, &w);
	note_needs(&w, &c->p->capacity_needs);
	if (!w.n)
		return;
	struct pv_diag *g = w.n == 1
		? pv_diag_add(c->d, "CON007", w.first, "an amount is given with no currency in force")
		: pv_diag_add(c->d, "CON007", w.first,
			      "%zu amounts are given with no currency in force", w.n);
	pv_diag_hint(g, "add 'currency:' with an ISO 4217 code (e.g. USD, EUR, XOF) under 'plan:'");
}
