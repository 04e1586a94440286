#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/policy.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"

static const char PLAN[] =
	"pveplan: 1\n"
	"plan:\n"
	"  id: demo\n"
	"  title: {fr: Plan national, en: National plan}\n"
	"  scope: national\n"
	"  country: ML\n"
	"  language: fr\n"
	"  period: {start: 2025-01, end: 2027}\n"
	"  status: validated\n"
	"  currency: XOF\n"
	"stakeholders:\n"
	"  - {id: moi, name: Ministere, sector: security}\n"
	"  - {id: yth, name: {en: Youth council}, sector: youth}\n"
	"priorities:\n"
	"  - id: P1\n"
	"    title: Jeunesse\n"
	"    areas: [youth, education]\n"
	"    gcts_pillars: [1, 4]\n"
	"    objectives:\n"
	"      - id: O1\n"
	"        title: Objectif\n"
	"        indicators: [I1]\n"
	"        actions:\n"
	"          - id: A1\n"
	"            title: Action\n"
	"            lead: moi\n"
	"            partners: [yth]\n"
	"            start: 2025-03\n"
	"            end: 2026\n"
	"            cost: 2.5e6\n"
	"            target_groups: [youth, detainees]\n"
	"            gender_responsive: yes\n"
	"            funding: [{source: yth, amount: 1000000, status: pledged}]\n"
	"            capacity_needs:\n"
	"              - {id: N1, need: Formation, kind: training, priority: high}\n"
	"indicators:\n"
	"  - id: I1\n"
	"    name: Taux\n"
	"    baseline: {value: not measured, year: 2024}\n"
	"    target: {value: 40, year: 2027}\n";

#include "loaded.h"

static void test_model(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, PLAN);
	assert_int_equal(l.d.nr, 0);
	const struct pv_plan *p = &l.plan;
	assert_string_equal(p->plan.id.s, "demo");
	assert_int_equal(p->plan.scope.v, PV_SCOPE_NATIONAL);
	assert_int_equal(p->plan.status.v, PV_STATUS_VALIDATED);
	assert_int_equal(p->plan.period.end.d.prec, PV_DATE_YEAR);
	assert_int_equal(p->stakeholders.n, 2);
	assert_int_equal(p->stakeholders.v[0].sector.v, PV_SECTOR_SECURITY);
	assert_int_equal(p->stakeholders.v[1].pos.line, 13);
	const struct pv_priority *pr = &p->priorities.v[0];
	assert_int_equal(pr->areas.n, 2);
	assert_int_equal(pr->areas.v[1].v, PV_AREA_EDUCATION);
	assert_int_equal(pr->gcts_pillars.v[1].v, 4);
	const struct pv_action *a = &pr->objectives.v[0].actions.v[0];
	assert_string_equal(a->lead.s, "moi");
	assert_int_equal(a->lead.pos.line, 26);
	assert_int_equal(a->lead.pos.col, 19);
	assert_true(a->cost.set);
	assert_true(a->cost.v == 2500000);
	assert_int_equal(a->gender_responsive.v, 1);
	assert_int_equal(a->human_rights.n, 0);
	assert_int_equal(a->target_groups.v[1].v, PV_TARGET_DETAINEES);
	assert_int_equal(a->funding.v[0].status.v, PV_FUNDING_PLEDGED);
	assert_int_equal(a->capacity_needs.n, 1);
	assert_int_equal(a->capacity_needs.v[0].priority.v, PV_RATING_HIGH);
	const struct pv_indicator *ind = &p->indicators.v[0];
	assert_string_equal(ind->baseline.value.s, "not measured");
	assert_false(ind->baseline.number.set);
	assert_true(ind->target.number.set);
	assert_true(ind->target.year.v == 2027);
	const struct pv_iddef *def = pv_plan_find(p, "N1");
	assert_non_null(def);
	assert_int_equal(def->kind, PV_KIND_NEED);
	assert_ptr_equal(def->obj, &a->capacity_needs.v[0]);
	assert_null(pv_plan_find(p, "nope"));
	unload(&l);
}

static void test_multilingual_text(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, PLAN);
	const struct pv_text *t = &l.plan.plan.title;
	assert_int_equal(t->n, 2);
	assert_string_equal(pv_text_get(t, "en", "fr"), "National plan");
	assert_string_equal(pv_text_get(t, "fr", NULL), "Plan national");
	/* Requested language missing: the plan's language, then the first. */
	assert_string_equal(pv_text_get(t, "ar", "fr"), "Plan national");
	assert_string_equal(pv_text_get(t, "ar", "ru"), "Plan national");
	const struct pv_text *name = &l.plan.stakeholders.v[1].name;
	assert_string_equal(pv_text_get(name, "fr", "fr"), "Youth council");
	const struct pv_text *plain = &l.plan.priorities.v[0].title;
	assert_null(plain->items[0].lang);
	assert_string_equal(pv_text_get(plain, "en", "fr"), "Jeunesse");
	unload(&l);
}

static void test_every_finding_in_one_pass(void **state)
{
	(void)state;
	char src[sizeof(PLAN) + 64];
	strcpy(src, PLAN);
	/* Three independent problems, far apart: all reported, sorted. */
	memcpy(strstr(src, "lead: moi"), "lead: mo1", 9);
	memcpy(strstr(src, "kind: training"), "kind: trainxng", 14);
	memcpy(strstr(src, "country: ML"), "country: M1", 11);
	struct loaded l;
	load(&l, src);
	assert_int_equal(l.d.nr, 3);
	assert_string_equal(l.d.v[0].code, "FMT004");
	assert_int_equal(l.d.v[0].pos.line, 6);
	assert_string_equal(l.d.v[1].code, "REF002");
	char *hint = pv_msg_text(&l.d.v[1].hint, NULL);
	assert_string_equal(hint, "did you mean 'moi'?");
	free(hint);
	assert_string_equal(l.d.v[2].code, "FMT004");
	assert_int_equal(l.d.v[2].pos.line, 35);
	assert_true(l.d.v[0].pos.line < l.d.v[1].pos.line && l.d.v[1].pos.line < l.d.v[2].pos.line);
	unload(&l);
}

/* PLAN with the first `from` replaced by `to`, into dst. */
static void patch(char *dst, size_t size, const char *from, const char *to)
{
	const char *at = strstr(PLAN, from);
	assert_non_null(at);
	int n = snprintf(dst, size, "%.*s%s%s", (int)(at - PLAN), PLAN, to, at + strlen(from));
	assert_true(n > 0 && (size_t)n < size);
}

/* An amount above 1e15 is FMT004, saying the limit, so that every total
 * stays finite (no report shows inf) and exact to the cent. */
static void test_amount_limit(void **state)
{
	(void)state;
	char src[sizeof(PLAN) + 64];
	struct loaded l;
	patch(src, sizeof(src), "cost: 2.5e6", "cost: 1e15");
	load(&l, src);
	assert_int_equal(l.d.nr, 0);
	assert_true(l.plan.priorities.v[0].objectives.v[0].actions.v[0].cost.v == 1e15);
	unload(&l);
	static const char *const big[] = { "cost: 1000000000000000.5", "cost: 1e300",
					   "cost: 1e400" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(big); i++) {
		patch(src, sizeof(src), "cost: 2.5e6", big[i]);
		load(&l, src);
		assert_int_equal(l.d.nr, 1);
		assert_string_equal(l.d.v[0].code, "FMT004");
		assert_int_equal(l.d.v[0].pos.line, 30);
		assert_int_equal(l.d.v[0].pos.col, 19);
		char *msg = pv_msg_text(&l.d.v[0].msg, NULL);
		if (i < 2)
			assert_non_null(strstr(msg, "1e15"));
		free(msg);
		assert_false(l.plan.priorities.v[0].objectives.v[0].actions.v[0].cost.set);
		unload(&l);
	}
	patch(src, sizeof(src), "amount: 1000000,", "amount: 2e15,");
	load(&l, src);
	assert_int_equal(l.d.nr, 1);
	assert_string_equal(l.d.v[0].code, "FMT004");
	assert_int_equal(l.d.v[0].pos.line, 33);
	unload(&l);
}

/* A plan saved with a BOM loads exactly as without. */
static void test_bom_plan(void **state)
{
	(void)state;
	char src[sizeof(PLAN) + 8];
	snprintf(src, sizeof(src), "\xef\xbb\xbf%s", PLAN);
	struct loaded l;
	load(&l, src);
	assert_int_equal(l.d.nr, 0);
	assert_string_equal(l.plan.plan.id.s, "demo");
	assert_int_equal(l.plan.priorities.v[0].objectives.v[0].actions.v[0].lead.pos.col, 19);
	unload(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_multilingual_text),
		cmocka_unit_test(test_every_finding_in_one_pass),
		cmocka_unit_test(test_amount_limit),
		cmocka_unit_test(test_bom_plan),
	};
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
