#include "pveplan/check.h"

#include "pveplan/load.h"

int pv_check_text(const char *src, size_t len, const struct pv_check_opts *o,
		  struct pv_plan *plan, struct pv_diags *d)
{
	pv_plan_init(plan);
	int ret = pv_plan_load(plan, src, len, &o->limits, d);
	if (ret == 0)
		pv_check_consistency(plan, d);
	pv_diags_sort(d);
	return ret;
}
