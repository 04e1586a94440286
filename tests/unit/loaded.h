/*
 * What the loader tests share: a plan loaded and checked from a string,
 * with only its structural findings (FMT, REF, CON, SYN) kept. Included by
 * tests/unit/test_load*.c after cmocka.h and the pveplan headers.
 */
#ifndef PVEPLAN_TEST_LOADED_H
#define PVEPLAN_TEST_LOADED_H

struct loaded {
	struct pv_plan plan;
	struct pv_diags d;
};

/* Loads and checks `src`, keeping only the structural findings (FMT, REF,
 * CON): the PVE rules have their own golden tests. */
static void load(struct loaded *l, const char *src)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	pv_diags_init(&l->d, "demo.yaml");
	assert_int_equal(pv_check_text(src, strlen(src), &o, &l->plan, &l->d, NULL), 0);
	size_t kept = 0;
	for (size_t i = 0; i < l->d.nr; i++) {
		if (strncmp(l->d.v[i].code, "PVE", 3)) {
			l->d.v[kept++] = l->d.v[i];
			continue;
		}
		pv_diag_release(&l->d.v[i]);
	}
	l->d.nr = kept;
}

static void unload(struct loaded *l)
{
	pv_plan_release(&l->plan);
	pv_diags_release(&l->d);
}

#endif
