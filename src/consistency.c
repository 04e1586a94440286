/* CON001-CON007: values that are each valid but do not fit together. */
#include "pveplan/load.h"

#include "pveplan/buf.h"

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

struct con_ctx {
	const struct pv_plan *p;
	struct pv_diags *d;
	int period_ok;
	int32_t first, last;	/* plan period, in days */
	char pstart[16], pend[16];	/* the plan period, as written */
	/* CON007 */
	size_t uncurrencied;
	struct pv_pos first_amount;
};

static void note_amount(struct con_ctx *c, const struct pv_num *n)
{
	if (!n->set)
		return;
	if (!c->uncurrencied++)
		c->first_amount = n->pos;
}

static void check_need_amounts(struct con_ctx *c, const pv_need_list *needs)
{
	for (uint32_t i = 0; i < needs->n; i++)
		note_amount(c, &needs->v[i].cost);
}

static void check_action(const struct pv_action *a, void *ctx)
{
	struct con_ctx *c = ctx;
	char s[16], e[16];
	pv_date_format(&a->start.d, s);
	pv_date_format(&a->end.d, e);
	int dates = has_date(&a->start) && has_date(&a->end);
	if (dates && pv_date_last_day(&a->end.d) < pv_date_first_day(&a->start.d)) {
		struct pv_diag *g = pv_diag_add(c->d, "CON002", a->end.pos,
			"action '%s' ends (%s) before it starts (%s)", a->id.s ? a->id.s : "?", e, s);
		pv_diag_hint(g, "swap 'start' and 'end', or correct one of them");
	} else if (c->period_ok) {
		if (has_date(&a->start) && pv_date_first_day(&a->start.d) < c->first)
			pv_diag_add(c->d, "CON003", a->start.pos,
				    "action '%s' starts (%s) before the plan period (%s to %s)",
				    a->id.s ? a->id.s : "?", s, c->pstart, c->pend);
		if (has_date(&a->end) && pv_date_last_day(&a->end.d) > c->last)
			pv_diag_add(c->d, "CON003", a->end.pos,
				    "action '%s' ends (%s) after the plan period (%s to %s)",
				    a->id.s ? a->id.s : "?", e, c->pstart, c->pend);
	}
	if (a->cost.set && a->funding.n) {
		double sum = 0;
		for (uint32_t i = 0; i < a->funding.n; i++)
			if (a->funding.v[i].amount.set)
				sum += a->funding.v[i].amount.v;
		if (sum > a->cost.v * (1 + 1e-9)) {
			char fs[32], cs[32];
			fmt_amount(sum, fs);
			fmt_amount(a->cost.v, cs);
			struct pv_diag *g = pv_diag_add(c->d, "CON004", a->funding.pos,
				"funding recorded for action '%s' (%s) exceeds its cost (%s)",
				a->id.s ? a->id.s : "?", fs, cs);
			pv_diag_hint(g, "update 'cost' to the full estimate, or correct the funding amounts");
		}
	}
	if (!c->p->plan.currency.s && !a->currency.s) {
		note_amount(c, &a->cost);
		for (uint32_t i = 0; i < a->funding.n; i++)
			note_amount(c, &a->funding.v[i].amount);
		check_need_amounts(c, &a->capacity_needs);
	}
}

static void check_indicator(struct con_ctx *c, const struct pv_indicator *ind)
{
	const struct pv_dateval *ps = &c->p->plan.period.start, *pe = &c->p->plan.period.end;
	const char *id = ind->id.s ? ind->id.s : "?";
	if (has_date(ps) && ind->baseline.year.set && ind->baseline.year.v > ps->d.year)
		pv_diag_add(c->d, "CON005", ind->baseline.year.pos,
			    "baseline year %.0f of indicator '%s' is after the plan starts (%d)",
			    ind->baseline.year.v, id, ps->d.year);
	if (c->period_ok && ind->target.year.set &&
	    (ind->target.year.v < ps->d.year || ind->target.year.v > pe->d.year))
		pv_diag_add(c->d, "CON005", ind->target.year.pos,
			    "target year %.0f of indicator '%s' is outside the plan period (%s to %s)",
			    ind->target.year.v, id, c->pstart, c->pend);
}

void pv_check_consistency(const struct pv_plan *p, struct pv_diags *d)
{
	struct con_ctx c;
	memset(&c, 0, sizeof(c));
	c.p = p;
	c.d = d;
	const struct pv_period *per = &p->plan.period;
	if (has_date(&per->start) && has_date(&per->end)) {
		pv_date_format(&per->start.d, c.pstart);
		pv_date_format(&per->end.d, c.pend);
		const char *s = c.pstart, *e = c.pend;
		c.first = pv_date_first_day(&per->start.d);
		c.last = pv_date_last_day(&per->end.d);
		if (c.last < c.first) {
			struct pv_diag *g = pv_diag_add(d, "CON001", per->end.pos,
				"plan period ends (%s) before it starts (%s)", e, s);
			pv_diag_hint(g, "swap 'start' and 'end', or correct one of them");
		} else {
			c.period_ok = 1;
		}
	}
	pv_plan_each_action(p, check_action, &c);
	for (uint32_t i = 0; i < p->indicators.n; i++)
		check_indicator(&c, &p->indicators.v[i]);
	if (p->plan.status.v == PV_STATUS_ADOPTED && !has_date(&p->plan.adopted_on)) {
		struct pv_diag *g = pv_diag_add(d, "CON006", p->plan.status.pos,
						"plan is adopted but gives no 'adopted_on' date");
		pv_diag_hint(g, "add 'adopted_on: YYYY-MM-DD' under 'plan:', or set the status that applies");
	}
	if (!p->plan.currency.s) {
		check_need_amounts(&c, &p->capacity_needs);
		if (c.uncurrencied) {
			struct pv_diag *g = c.uncurrencied == 1
				? pv_diag_add(d, "CON007", c.first_amount,
					      "an amount is given with no currency in force")
				: pv_diag_add(d, "CON007", c.first_amount,
					      "%zu amounts are given with no currency in force",
					      c.uncurrencied);
			pv_diag_hint(g, "add 'currency:' with an ISO 4217 code (e.g. USD, EUR, XOF) under 'plan:'");
		}
	}
}
