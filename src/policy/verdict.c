/* The whole check of one plan: load, the rules, then the policy. */
#include "pveplan/policy.h"

#include "pveplan/read.h"

static void too_large(const struct pv_check_opts *o, struct pv_diags *d, struct pv_policy *pol)
{
	struct pv_diag *g = pv_diag_add(d, "FMT007", ((struct pv_pos){ 1, 1, 1 }),
		"file is larger than the limit of %llu bytes",
		(unsigned long long)o->limits.max_file_size);
	pv_diag_hint(g, "raise the limit with --max-file-size if this plan really is that large");
	pol->config = o->config;
	pol->stage = o->stage ? o->stage : PV_STATUS_DRAFT;
	pol->today = o->today ? o->today : pv_policy_today();
	pol->max_findings = o->max_findings;
	pv_check_fingerprints(d, NULL);
}

int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol)
{
	static const struct pv_thresholds defaults = PV_THRESHOLDS_DEFAULT;
	struct pv_policy local;
	if (!pol)
		pol = &local;
	pv_plan_init(plan);
	if (len > o->limits.max_file_size) {
		too_large(o, d, pol);
		return -1;
	}
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
	pv_check_fingerprints(d, ret == 0 ? plan : NULL);
	return ret;
}


int pv_check_file(const char *path, const struct pv_check_opts *o, struct pv_buf *src,
		  struct pv_plan *plan, struct pv_diags *d, struct pv_policy *pol,
		  struct pv_msg *err)
{
	pv_plan_init(plan);
	switch (pv_input_read(path, o->limits.max_file_size, src, err)) {
	case PV_READ_ERROR:
		return -1;
	case PV_READ_TOO_LARGE:
		pv_buf_reset(src);
		too_large(o, d, pol);
		return 0;
	case PV_READ_OK:
		break;
	}
	return pv_check_text(src->buf, src->len, o, plan, d, pol) == 0;
}
