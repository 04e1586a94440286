/* The facts the PVE rules share (src/check/facts.c): who is involved and
 * what the security sector leads, counted once for every rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/checks.h"
#include "pveplan/policy.h"

static const char PLAN[] =
	"pveplan: 1\n"
	"plan:\n"
	"  id: facts\n"
	"  title: Facts\n"
	"  scope: national\n"
	"  country: XE\n"
	"  period: {start: 2025, end: 2027}\n"
	"  status: draft\n"
	"  currency: USD\n"
	"coordination: {body: ncc}\n"
	"stakeholders:\n"
	"  - {id: ncc, name: Committee, sector: government}\n"
	"  - {id: police, name: Police, sector: security}\n"
	"  - {id: courts, name: Courts, sector: judiciary}\n"
	"  - {id: parl, name: Assembly, sector: parliament}\n"
	"  - {id: youth, name: Youth, sector: youth}\n"
	"  - {id: women, name: Women, sector: women}\n"
	"  - {id: nhri, name: Commission, sector: oversight}\n"
	"consultations:\n"
	"  - {date: 2024-10, kind: workshop, participants: [youth, parl]}\n"
	"priorities:\n"
	"  - id: P1\n"
	"    title: P\n"
	"    areas: [dialogue]\n"
	"    objectives:\n"
	"      - id: O1\n"
	"        title: O\n"
	"        actions:\n"
	"          - {id: A1, title: A, lead: police, partners: [courts], cost: 300}\n"
	"          - {id: A2, title: B, lead: police, cost: 500, currency: EUR}\n"
	"          - {id: A3, title: C, lead: nobody-listed, cost: 100}\n"
	"          - {id: A4, title: D, lead: courts}\n";

struct loaded {
	struct pv_plan plan;
	struct pv_diags d;
	struct pv_facts f;
};

static void load(struct loaded *l)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	pv_diags_init(&l->d, "facts.yaml");
	assert_int_equal(pv_check_text(PLAN, strlen(PLAN), &o, &l->plan, &l->d, NULL), 0);
	pv_facts_compute(&l->plan, &l->f);
}

static void unload(struct loaded *l)
{
	pv_facts_release(&l->f);
	pv_plan_release(&l->plan);
	pv_diags_release(&l->d);
}

static const struct pv_stakeholder *sh(const struct loaded *l, const char *id)
{
	const struct pv_stakeholder *s = pv_plan_stakeholder(&l->plan, id);
	assert_non_null(s);
	return s;
}

/* Lead, partner, consultation participant and coordination body involve a
 * stakeholder; being listed does not. */
static void test_involvement(void **state)
{
	(void)state;
	struct loaded l;
	load(&l);
	assert_true(pv_facts_involved(&l.plan, &l.f, sh(&l, "ncc")));	/* coordination */
	assert_true(pv_facts_involved(&l.plan, &l.f, sh(&l, "police")));	/* lead */
	assert_true(pv_facts_involved(&l.plan, &l.f, sh(&l, "courts")));	/* partner */
	assert_true(pv_facts_involved(&l.plan, &l.f, sh(&l, "parl")));	/* consulted */
	assert_false(pv_facts_involved(&l.plan, &l.f, sh(&l, "women")));	/* listed */
	assert_false(pv_facts_involved(&l.plan, &l.f, sh(&l, "nhri")));
	assert_int_equal(l.f.public_sector, 4);	/* ncc, police, courts, parl */
	assert_int_equal(l.f.society, 1u << PV_SECTOR_YOUTH);
	assert_true(l.f.youth_involved);
	assert_false(l.f.women_involved);
	assert_false(l.f.oversight_involved);
	assert_true(l.f.parliament_involved);
	assert_true(l.f.society_consulted);
	unload(&l);
}

/* Security and judiciary lead everything here: no ministry or local
 * government leads. The security share counts all actions (A3's lead names
 * no stakeholder: not security-led) and only the cost that counts in the
 * totals (A2 is in EUR, A4 has no cost). */
static void test_security_lead(void **state)
{
	(void)state;
	struct loaded l;
	load(&l);
	assert_int_equal(l.f.nactions, 4);
	assert_int_equal(l.f.security_led, 2);
	assert_false(l.f.civil_public_lead);
	assert_false(l.f.society_lead);
	assert_true(l.f.costed);
	assert_true(l.f.money.cost == 400);
	assert_true(l.f.security_cost == 300);
	unload(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_involvement),
		cmocka_unit_test(test_security_lead),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
