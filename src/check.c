#include "pveplan/check.h"

#include "pveplan/load.h"
#include "pveplan/pve.h"

#include "checks.h"

int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol)
{
	static const struct pv_thresholds defaults = PV_THRESHOLDS_DEFAULT;
	struct pv_policy local;
	if (!pol)
		pol = &local;
	pv_plan_init(plan);
	int ret = pv_plan_load(plan, src, len, &o->limits, d);
	pol->config = o->config;
	pol->stage = o->stage ? o->stage
		     : plan->plan.status.v ? (enum pv_status)plan->plan.status.v : PV_STATUS_DRAFT;
	pol->today = o->today ? o->today : pv_policy_today();
	pol->max_findings = o->max_findings;
	if (ret == 0)
		pv_check_rules(plan, pol->stage, o->config ? &o->config->thresholds : &defaults, d);
	if (!plan->plan.status.v && !o->stage)
		pol->stage = PV_STATUS_DRAFT;
	pv_policy_apply(pol, ret == 0 ? plan : NULL, d);
	return ret;
}

void pv_check_rules(const struct pv_plan *p, enum pv_status stage,
		    const struct pv_thresholds *t, struct pv_diags *d)
{
	struct pv_facts facts;
	pv_facts_compute(p, &facts);
	struct pv_rule_ctx c = { p, &facts, d, t, stage, p->plan.pos };
	if (!c.top.line)
		c.top = (struct pv_pos){ 1, 1, 1 };
	for (size_t i = 0; i < pv_rules_nr; i++)
		if (pv_rules[i].check)
			pv_rules[i].check(&c);
}
