/* Runs the check of every rule of the table on a loaded plan. */
#include "pveplan/check.h"

#include "checks.h"

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
	pv_facts_release(&facts);
}
