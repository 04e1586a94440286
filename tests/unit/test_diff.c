/* The matcher of pveplan diff: items by id, rename hints, findings by
 * fingerprint, and the Markdown kept under its limit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/compare.h"
#include "pveplan/check.h"
#include "pveplan/policy.h"

static const char HEAD[] =
	"pveplan: 1\n"
	"plan: {id: demo, title: Plan, scope: national, country: XQ, language: en,\n"
	"       period: {start: 2026-01, end: 2028-12}, status: draft, currency: USD}\n"
	"stakeholders:\n"
	"  - {id: gov, name: Ministry, sector: government}\n"
	"  - {id: ngo, name: Forum, sector: civil_society}\n"
	"consultations:\n"
	"  - {date: 2025-10, kind: workshop, participants: [gov]}\n"
	"  - {date: 2025-10, kind: workshop, participants: [ngo]}\n"
	"priorities:\n"
	"  - id: P1\n"
	"    title: Dialogue\n"
	"    areas: [dialogue]\n"
	"    objectives:\n"
	"      - id: O1\n"
	"        title: Forums meet\n"
	"        actions:\n";

/* A plan: HEAD, then the actions given, one a line. */
static void side(struct pv_diff_side *s, const char *name, const char *actions)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_buf src = PV_BUF_INIT;
	pv_buf_adds(&src, HEAD);
	pv_buf_adds(&src, actions);
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->src = src;
	pv_diags_init(&s->diags, name);
	s->loaded = pv_check_text(s->src.buf, s->src.len, &o, &s->plan, &s->diags, &s->pol) == 0;
	pv_matrix_build(&s->pol, &s->diags, s->loaded, &s->matrix);
	assert_true(s->loaded);
}

static const struct pv_diff_item *item(const struct pv_diff *d, enum pv_diff_kind k, const char *id)
{
	for (size_t i = 0; i < d->items[k].n; i++)
		if (!strcmp(d->items[k].v[i].id, id))
			return &d->items[k].v[i];
	return NULL;
}

static const struct pv_diff_field *field(const struct pv_diff_item *it, const char *key)
{
	for (size_t i = 0; it && i < it->nfields; i++)
		if (!strcmp(it->fields[i].key, key))
			return &it->fields[i];
	return NULL;
}

static void compare(struct pv_diff *d, const char *old, const char *new)
{
	struct pv_diff_side a, b;
	side(&a, "old", old);
	side(&b, "new", new);
	pv_diff_compute(d, &a, &b, pv_lang_default(), 0);
	/* The comparison owns what it shows: the drafts can go. */
	pv_diff_side_release(&a);
	pv_diff_side_release(&b);
}

/* Under --redact: A2 became confidential, A3 is confidential and new.
 * Neither is listed, and the totals leave out A2's cost in both drafts
 * (else their difference would tell it). */
static void test_redact(void **state)
{
	(void)state;
	struct pv_diff d;
	struct pv_diff_side a, b;
	side(&a, "old",
	     "          - {id: A1, title: Forums, lead: gov, start: 2026-01, end: 2026-12, cost: 100}\n"
	     "          - {id: A2, title: Radio, lead: gov, start: 2026-01, end: 2026-12, cost: 40}\n");
	side(&b, "new",
	     "          - {id: A1, title: Forums, lead: gov, start: 2026-01, end: 2026-12, cost: 100}\n"
	     "          - {id: A2, title: Radio, lead: gov, start: 2026-01, end: 2026-12, cost: 40,\n"
	     "             confidential: true}\n"
	     "          - {id: A3, title: Watch, lead: gov, start: 2026-01, end: 2026-12, cost: 7,\n"
	     "             confidential: true}\n");
	pv_diff_redact_both(&a, &b);
	pv_diff_compute(&d, &a, &b, pv_lang_default(), 1);
	assert_true(d.redact);
	assert_null(item(&d, PV_DIFF_ACTION, "A2"));
	assert_null(item(&d, PV_DIFF_ACTION, "A3"));
	assert_int_equal(d.totals[0][PV_DT_COST], 100);	/* A2 hidden in the old draft too */
	assert_int_equal(d.totals[1][PV_DT_COST], 100);
	assert_int_equal(d.totals[0][PV_DT_ACTIONS], 1);
	pv_diff_release(&d);
	/* Without --redact the same drafts show them. */
	pv_diff_compute(&d, &a, &b, pv_lang_default(), 0);
	assert_non_null(item(&d, PV_DIFF_ACTION, "A3"));
	pv_diff_release(&d);
	pv_diff_side_release(&a);
	pv_diff_side_release(&b);
}

static void test_items(void **state)
{
	(void)state;
	struct pv_diff d;
	compare(&d,
		"          - {id: A1, title: Forums, lead: gov, start: 2026-01, end: 2026-12, cost: 100}\n"
		"          - {id: A2, title: Radio, lead: gov, start: 2026-01, end: 2026-12}\n",
		"          - {id: A1, title: Forums, lead: ngo, start: 2026-01, end: 2026-12, cost: 250,"
		" partners: [gov]}\n"
		"          - {id: A3, title: Radio, lead: gov, start: 2026-01, end: 2026-12}\n"
		"          - {id: A4, title: Schools, lead: gov, start: 2026-01, end: 2026-12}\n");
	const struct pv_diff_items *a = &d.items[PV_DIFF_ACTION];
	assert_int_equal(a->count[PV_DIFF_ADDED], 2);
	assert_int_equal(a->count[PV_DIFF_REMOVED], 1);
	assert_int_equal(a->count[PV_DIFF_CHANGED], 1);
	const struct pv_diff_item *a1 = item(&d, PV_DIFF_ACTION, "A1");
	assert_int_equal(a1->change, PV_DIFF_CHANGED);
	assert_int_equal(a1->nfields, 3);	/* lead, partners, cost, nothing else */
	assert_string_equal(field(a1, "partners")->added, "gov");
	assert_null(field(a1, "partners")->removed);
	assert_string_equal(field(a1, "lead")->old_raw, "gov");
	assert_string_equal(field(a1, "lead")->new_raw, "ngo");
	assert_string_equal(field(a1, "cost")->old_raw, "100");
	assert_string_equal(field(a1, "cost")->new_raw, "250");
	assert_string_equal(field(a1, "cost")->new_shown, "250 USD");
	assert_true(field(a1, "cost")->flags & PV_DF_NUM);
	/* Same title as the removed A2: a rename, hinted; A4 is new. */
	assert_string_equal(item(&d, PV_DIFF_ACTION, "A3")->renamed_from, "A2");
	assert_null(item(&d, PV_DIFF_ACTION, "A4")->renamed_from);
	assert_int_equal(item(&d, PV_DIFF_ACTION, "A2")->change, PV_DIFF_REMOVED);
	/* The totals are the report's: 100 -> 250 over the costed actions. */
	assert_true(d.totals[0][PV_DT_COST] == 100 && d.totals[1][PV_DT_COST] == 250);
	assert_true(d.totals[0][PV_DT_ACTIONS] == 2 && d.totals[1][PV_DT_ACTIONS] == 3);
	/* Sectors involved: the forum leads now. */
	assert_int_equal(d.sectors[PV_SECTOR_CIVIL_SOCIETY].old.n, 1);	/* consulted */
	assert_false(d.sectors[PV_SECTOR_GOVERNMENT].changed);
	/* Two consultations of one date and kind: keyed apart, both unchanged. */
	assert_int_equal(d.items[PV_DIFF_CONSULTATION].n, 0);
	pv_diff_release(&d);
}

/* Two removed items of one title: no rename is guessed. */
static void test_ambiguous_rename(void **state)
{
	(void)state;
	struct pv_diff d;
	compare(&d,
		"          - {id: A1, title: Radio, lead: gov, start: 2026-01, end: 2026-12}\n"
		"          - {id: A2, title: Radio, lead: gov, start: 2026-01, end: 2026-12}\n",
		"          - {id: A3, title: Radio, lead: gov, start: 2026-01, end: 2026-12}\n");
	assert_null(item(&d, PV_DIFF_ACTION, "A3")->renamed_from);
	assert_int_equal(d.items[PV_DIFF_ACTION].count[PV_DIFF_REMOVED], 2);
	pv_diff_release(&d);
}

/* A flattened consultation list keys two alike with "#2". */
static void test_keys(void **state)
{
	(void)state;
	struct pv_diff_side s;
	struct pv_diff_flats f;
	side(&s, "x", "          - {id: A1, title: Forums, lead: gov, start: 2026-01, end: 2026-12}\n");
	pv_diff_flatten(&s.plan, PV_DIFF_CONSULTATION, pv_lang_default(), &f);
	assert_int_equal(f.n, 2);
	assert_string_equal(f.v[0].id, "2025-10 workshop");
	assert_string_equal(f.v[1].id, "2025-10 workshop #2");
	pv_diff_flats_release(&f);
	pv_diff_side_release(&s);
}

/* A finding is the same finding at another line; two alike and one left
 * make one unchanged and one resolved; one silenced by a deviation is
 * waived. */
static void test_findings(void **state)
{
	(void)state;
	struct pv_diff_side a, b;
	struct pv_diff d;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.name = xstrdup("old");
	b.name = xstrdup("new");
	pv_plan_init(&a.plan);
	pv_plan_init(&b.plan);
	pv_diags_init(&a.diags, "old");
	pv_diags_init(&b.diags, "new");
	/* The subject tells findings of one rule apart (the message's quoted
	 * values do not: they are not identifying arguments). */
	pv_diag_add(&a.diags, "REF002", ((struct pv_pos){ 10, 3, 1 }), "'%s' refers to '%s'", "lead", "x")->subject = xstrdup("A1");
	pv_diag_add(&a.diags, "REF002", ((struct pv_pos){ 12, 3, 1 }), "'%s' refers to '%s'", "lead", "x")->subject = xstrdup("A1");
	pv_diag_add(&a.diags, "CON001", ((struct pv_pos){ 20, 1, 1 }), "gone %s", "y")->subject = xstrdup("B");
	pv_diag_add(&b.diags, "REF002", ((struct pv_pos){ 99, 7, 1 }), "'%s' refers to '%s'", "lead", "x")->subject = xstrdup("A1");
	pv_diag_add(&b.diags, "REF002", ((struct pv_pos){ 40, 7, 1 }), "'%s' refers to '%s'", "lead", "z")->subject = xstrdup("A9");
	/* Silenced by an accepted deviation in the new draft: waived. */
	pv_diag_add(&b.diags, "CON001", ((struct pv_pos){ 50, 1, 1 }), "gone %s", "y")->subject = xstrdup("B");
	pv_diags_sort(&a.diags);
	pv_diags_sort(&b.diags);
	for (size_t i = 0; i < a.diags.nr; i++)
		a.diags.v[i].waiver = -1;
	for (size_t i = 0; i < b.diags.nr; i++)
		b.diags.v[i].waiver = strcmp(b.diags.v[i].code, "CON001") ? -1 : 0;
	pv_check_fingerprints(&a.diags, NULL);
	pv_check_fingerprints(&b.diags, NULL);
	pv_diff_compute(&d, &a, &b, pv_lang_default(), 0);
	assert_int_equal(d.state_count[PV_FINDING_UNCHANGED], 1);
	assert_int_equal(d.state_count[PV_FINDING_RESOLVED], 1);
	assert_int_equal(d.state_count[PV_FINDING_WAIVED], 1);
	assert_int_equal(d.state_count[PV_FINDING_NEW], 1);
	assert_int_equal(d.new_errors, 1);	/* pv_diag_add makes errors */
	assert_int_equal(d.findings[0].state, PV_FINDING_NEW);
	assert_int_equal(d.findings[0].line, 40);
	assert_int_equal(d.findings[d.nfindings - 1].state, PV_FINDING_UNCHANGED);
	/* The same finding at line 10 and at line 99 (sorted after 40 and 50). */
	assert_string_equal(a.diags.v[0].fingerprint, b.diags.v[2].fingerprint);
	assert_string_not_equal(a.diags.v[0].fingerprint, a.diags.v[1].fingerprint);
	pv_diff_release(&d);
	pv_diff_side_release(&a);
	pv_diff_side_release(&b);
}

/* Over its limit the Markdown leaves items out, and says how many. */
static void test_markdown_limit(void **state)
{
	(void)state;
	struct pv_buf actions = PV_BUF_INIT, md = PV_BUF_INIT, all = PV_BUF_INIT;
	for (int i = 0; i < 200; i++)
		pv_buf_addf(&actions, "          - {id: X%d, title: Action %d, lead: gov, start: 2026-01,"
				      " end: 2026-12}\n", i, i);
	struct pv_diff d;
	compare(&d, "          - {id: A1, title: Forums, lead: gov, start: 2026-01, end: 2026-12}\n",
		actions.buf);
	pv_diff_render_markdown(&d, 0, &all);
	pv_diff_render_markdown(&d, 8000, &md);
	assert_true(all.len > 8000);
	assert_true(md.len <= 8000);
	assert_non_null(strstr(md.buf, "Left out to fit a pull-request comment (8000 characters): "));
	assert_null(strstr(all.buf, "Left out"));
	pv_diff_release(&d);
	pv_buf_release(&actions);
	pv_buf_release(&md);
	pv_buf_release(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_redact),
		cmocka_unit_test(test_ambiguous_rename),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_markdown_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
