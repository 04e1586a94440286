#include "pveplan/check.h"

#include "pveplan/load.h"
#include "pveplan/pve.h"

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
	if (ret == 0) {
		pv_check_consistency(plan, d);
		pv_check_pve(plan, pol->stage, o->config ? &o->config->thresholds : &defaults, d);
	}
	if (!plan->plan.status.v && !o->stage)
		pol->stage = PV_STATUS_DRAFT;
	pv_policy_apply(pol, ret == 0 ? plan : NULL, d);
	return ret;
}
