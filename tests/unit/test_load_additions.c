/* The format additions of catalogue 2 (plan-format.md, "Additions for
 * catalogue 2"): each loaded into the model and type-checked like the rest. */
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

/* Every addition used once, validly; the lines matter to the tests below. */
static const char PLAN[] =
	"pveplan: 1\n"
	"plan:\n"
	"  id: demo\n"
	"  title: Regional plan\n"
	"  scope: regional\n"
	"  organization: G5\n"
	"  member_states: [ML, NE]\n"
	"  language: en\n"
	"  period: {start: 2025-01, end: 2027}\n"
	"  status: draft\n"
	"context:\n"
	"  drivers:\n"
	"    - {id: D1, kind: structural, description: Exclusion}\n"
	"    - {id: D2, kind: enabling, description: Online recruitment}\n"
	"  related_strategies:\n"
	"    - {title: Counter-terrorism strategy, kind: counter_terrorism, relation: Shares the referral}\n"
	"    - title: {en: Youth policy, fr: Politique de la jeunesse}\n"
	"      kind: youth\n"
	"stakeholders:\n"
	"  - {id: moi, name: Interior, sector: security, country: ML}\n"
	"  - {id: nhri, name: Human rights commission, sector: oversight, country: NE}\n"
	"  - {id: sec, name: Secretariat, sector: regional_body}\n"
	"priorities:\n"
	"  - id: P1\n"
	"    title: Inclusion\n"
	"    areas: [youth]\n"
	"    addresses: [D1, D2]\n"
	"    objectives:\n"
	"      - id: O1\n"
	"        title: Objective\n"
	"        addresses: [D2]\n"
	"        indicators: [I1]\n"
	"        actions:\n"
	"          - {id: A1, title: Referral, lead: moi, start: 2025-03, end: 2026, kind: referral}\n"
	"          - {id: A2, title: Forum, lead: nhri, start: 2025-03, end: 2026}\n"
	"indicators:\n"
	"  - {id: I1, name: Participants, counts_people: true, disaggregation: [sex, age]}\n"
	"  - {id: I2, name: Laws reviewed, counts_people: no}\n";

#include "loaded.h"

/* PLAN with the first `from` replaced by `to`, into dst. */
static void patch(char *dst, size_t size, const char *from, const char *to)
{
	const char *at = strstr(PLAN, from);
	assert_non_null(at);
	int n = snprintf(dst, size, "%.*s%s%s", (int)(at - PLAN), PLAN, to, at + strlen(from));
	assert_true(n > 0 && (size_t)n < size);
}

/* The line and column in `src` of the first `at` inside its first `to`. */
static struct pv_pos where(const char *src, const char *to, const char *at)
{
	const char *t = strstr(src, to), *a = t ? strstr(t, at) : NULL;
	assert_non_null(a);
	struct pv_pos pos = { 1, 1, 0 };
	for (const char *c = src; c < a; c++) {
		if (*c == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
	}
	return pos;
}

/* Asserts that finding `i` has `code` at `pos`, and that its message and
 * hint (NULL: no hint) contain the given words. */
static void expect(const struct loaded *l, size_t i, const char *code, struct pv_pos pos,
		   const char *msg, const char *hint)
{
	assert_true(i < l->d.nr);
	const struct pv_diag *g = &l->d.v[i];
	assert_string_equal(g->code, code);
	if (g->pos.line != pos.line || g->pos.col != pos.col)
		fail_msg("%s at %u:%u, expected %u:%u", code, (unsigned)g->pos.line,
			 (unsigned)g->pos.col, (unsigned)pos.line, (unsigned)pos.col);
	char *m = pv_msg_text(&g->msg, NULL);
	if (!strstr(m, msg))
		fail_msg("message '%s' lacks '%s'", m, msg);
	free(m);
	if (!hint) {
		assert_int_equal(g->hint.kind, PV_MSG_NONE);
		return;
	}
	char *h = pv_msg_text(&g->hint, NULL);
	if (!strstr(h, hint))
		fail_msg("hint '%s' lacks '%s'", h, hint);
	free(h);
}

/* The patched plan loads with no structural finding. */
static void no_finding(const char *from, const char *to)
{
	char src[sizeof(PLAN) + 256];
	struct loaded l;
	patch(src, sizeof(src), from, to);
	load(&l, src);
	if (l.d.nr)
		fail_msg("'%s' -> '%s': %zu findings, the first %s at line %u", from, to,
			 l.d.nr, l.d.v[0].code, (unsigned)l.d.v[0].pos.line);
	unload(&l);
}

/* PLAN with `from` replaced by `to` gives exactly one finding, `code`, at
 * the first `at` inside `to`, with the words given in its message and hint. */
static void one_finding(const char *from, const char *to, const char *at, const char *code,
			const char *msg, const char *hint)
{
	char src[sizeof(PLAN) + 256];
	struct loaded l;
	patch(src, sizeof(src), from, to);
	load(&l, src);
	if (l.d.nr != 1)
		fail_msg("'%s' -> '%s': %zu findings, expected 1", from, to, l.d.nr);
	expect(&l, 0, code, where(src, to, at), msg, hint);
	unload(&l);
}

static void test_good_plan(void **state)
{
	(void)state;
	struct loaded l;
	load(&l, PLAN);
	assert_int_equal(l.d.nr, 0);
	const struct pv_plan *p = &l.plan;
	const struct pv_priority *pr = &p->priorities.v[0];
	assert_int_equal(pr->addresses.n, 2);
	assert_string_equal(pr->addresses.v[1].s, "D2");
	assert_int_equal(pr->addresses.v[1].pos.line, 27);
	assert_int_equal(pr->addresses.pos.line, 27);
	const struct pv_objective *o = &pr->objectives.v[0];
	assert_int_equal(o->addresses.n, 1);
	assert_string_equal(o->addresses.v[0].s, "D2");
	assert_int_equal(pv_plan_find(p, "D2")->kind, PV_KIND_DRIVER);

	const struct pv_context *c = &p->context;
	assert_int_equal(c->related_strategies.n, 2);
	assert_int_equal(c->related_strategies.pos.line, 15);
	const struct pv_strategy *s = &c->related_strategies.v[0];
	assert_string_equal(pv_text_get(&s->title, "en", "en"), "Counter-terrorism strategy");
	assert_int_equal(s->kind.v, PV_STRATEGY_COUNTER_TERRORISM);
	assert_string_equal(pv_text_get(&s->relation, "en", "en"), "Shares the referral");
	s = &c->related_strategies.v[1];
	assert_string_equal(pv_text_get(&s->title, "fr", "en"), "Politique de la jeunesse");
	assert_int_equal(s->kind.v, PV_STRATEGY_YOUTH);
	assert_int_equal(s->relation.n, 0);
	assert_int_equal(s->pos.line, 17);

	const struct pv_stakeholder *st = p->stakeholders.v;
	assert_string_equal(st[0].country.s, "ML");
	assert_int_equal(st[0].country.pos.line, 20);
	assert_int_equal(st[1].sector.v, PV_SECTOR_OVERSIGHT);
	assert_int_equal(pv_sector_group(PV_SECTOR_OVERSIGHT), PV_SECTOR_GROUP_INDEPENDENT);
	assert_string_equal(st[1].country.s, "NE");
	assert_null(st[2].country.s);

	const struct pv_action *a = o->actions.v;
	assert_int_equal(a[0].kind.v, PV_ACTKIND_REFERRAL);
	assert_true(pv_action_kind_sensitive(a[0].kind.v));
	assert_false(pv_action_kind_sensitive(PV_ACTKIND_TRAINING));
	assert_false(pv_action_kind_sensitive(0));
	assert_int_equal(a[1].kind.v, 0);

	const struct pv_indicator *ind = p->indicators.v;
	assert_int_equal(ind[0].counts_people.v, 1);
	assert_int_equal(ind[0].counts_people.pos.line, 37);
	assert_int_equal(ind[1].counts_people.v, 0);
	assert_int_equal(ind[1].counts_people.pos.line, 38);
	unload(&l);
}

/* Every sensitive kind is marked, and only those (rules.md, PVE111). */
static void test_sensitive_kinds(void **state)
{
	(void)state;
	static const char *const sensitive[] = { "early_warning", "referral", "online_content",
						 "detention", "rehabilitation", "screening" };
	for (int k = 1; pv_action_kind_names[k]; k++) {
		int want = 0;
		for (size_t i = 0; i < PV_ARRAY_SIZE(sensitive); i++)
			want |= !strcmp(pv_action_kind_names[k], sensitive[i]);
		assert_int_equal(pv_action_kind_sensitive(k), want);
	}
	assert_int_equal(0 PV_ACTION_KIND_LIST(PV_ENUM_ONE), 14);
}

/* related_strategies: [] states there is none (pos set, n 0); the key with
 * no value, like the key absent, gives nothing (pos unset). */
static void test_related_strategies_given_or_not(void **state)
{
	(void)state;
	static const char *const block =
		"  related_strategies:\n"
		"    - {title: Counter-terrorism strategy, kind: counter_terrorism, relation: Shares the referral}\n"
		"    - title: {en: Youth policy, fr: Politique de la jeunesse}\n"
		"      kind: youth\n";
	static const struct {
		const char *to;
		int stated;
	} cases[] = {
		{ "  related_strategies: []\n", 1 },
		{ "  related_strategies:\n    []\n", 1 },
		{ "", 0 },
		{ "  related_strategies:\n", 0 },
		{ "  related_strategies: ~\n", 0 },
		{ "  related_strategies: null\n", 0 },
	};
	for (size_t i = 0; i < PV_ARRAY_SIZE(cases); i++) {
		char src[sizeof(PLAN) + 64];
		struct loaded l;
		patch(src, sizeof(src), block, cases[i].to);
		load(&l, src);
		assert_int_equal(l.d.nr, 0);
		assert_int_equal(l.plan.context.related_strategies.n, 0);
		if (cases[i].stated)
			assert_int_equal(l.plan.context.related_strategies.pos.line, 15);
		else
			assert_int_equal(l.plan.context.related_strategies.pos.line, 0);
		unload(&l);
	}
}

static void test_related_strategies_checked(void **state)
{
	(void)state;
	const char *item = "{title: Counter-terrorism strategy, kind: counter_terrorism, relation: Shares the referral}";
	one_finding(item, "{title: CT, kind: counter_terrorizm}", "counter_terrorizm", "FMT004",
		    "invalid value 'counter_terrorizm' for 'kind'", "did you mean 'counter_terrorism'?");
	one_finding(item, "{title: CT, kind: security}", "security", "FMT004",
		    "invalid value 'security' for 'kind'", "expected one of: counter_terrorism,");
	one_finding(item, "{title: CT, kind: [youth]}", "[youth]", "FMT004",
		    "'kind' must be a single value, not a list", "expected one of");
	one_finding(item, "{kind: youth}", "{kind", "FMT005",
		    "related strategy is missing required key 'title'", NULL);
	one_finding(item, "{title: CT}", "{title", "FMT005",
		    "related strategy is missing required key 'kind'", NULL);
	one_finding(item, "{title: CT, kind: }", "kind", "FMT005",
		    "required key 'kind' of related strategy has no value", NULL);
	one_finding(item, "{title: CT, kind: other, relaton: x}", "relaton", "FMT003",
		    "unknown key 'relaton' in related strategy", "did you mean 'relation'?");
	one_finding(item, "{title: CT, kind: other, purpose: x}", "purpose", "FMT003",
		    "unknown key 'purpose' in related strategy",
		    "known keys in related strategy: title, kind, relation");
	no_finding(item, "{title: CT, kind: other, x-note: kept out}");
}

static void test_related_strategies_shape(void **state)
{
	(void)state;
	const char *item = "{title: Counter-terrorism strategy, kind: counter_terrorism, relation: Shares the referral}";
	one_finding(item, "National strategy", "National", "FMT004",
		    "related strategy must be a mapping, not text", "such as 'title: ...'");
	one_finding(item, "~", "~", "FMT004", "related strategy must be a mapping, not empty", NULL);
	one_finding(item, "{title: [CT], kind: other}", "[CT]", "FMT004",
		    "'title' must be text or a map of language to text", "write a string");
	one_finding(item, "{title: CT, kind: other, relation: {en: [x]}}", "[x]", "FMT004",
		    "'relation' must be text", NULL);
	static const char *const block =
		"  related_strategies:\n"
		"    - {title: Counter-terrorism strategy, kind: counter_terrorism, relation: Shares the referral}\n"
		"    - title: {en: Youth policy, fr: Politique de la jeunesse}\n"
		"      kind: youth\n";
	one_finding(block, "  related_strategies: {title: CT, kind: other}\n", "{title", "FMT004",
		    "'related_strategies' must be a list, not a mapping", "start each item with '- '");
	one_finding(block, "  related_strategies: National strategy\n", "National", "FMT004",
		    "'related_strategies' must be a list, got 'National strategy'", NULL);
}

/* `addresses` names drivers: REF002 for an unknown id, REF003 for another
 * kind of thing, FMT004 for anything but a list of identifiers. */
static void test_addresses_checked(void **state)
{
	(void)state;
	one_finding("addresses: [D1, D2]", "addresses: [D1, D3]", "D3", "REF002",
		    "'addresses' refers to 'D3', which is not defined", "did you mean 'D");
	one_finding("addresses: [D1, D2]", "addresses: [D1, moi]", "moi", "REF003",
		    "'addresses' must name a driver, but 'moi' is a stakeholder", NULL);
	one_finding("addresses: [D2]", "addresses: [O1]", "O1", "REF003",
		    "'addresses' must name a driver, but 'O1' is an objective", NULL);
	one_finding("addresses: [D2]", "addresses: [I1]", "I1", "REF003",
		    "'addresses' must name a driver, but 'I1' is an indicator", NULL);
	one_finding("addresses: [D1, D2]", "addresses: D1", "D1", "FMT004",
		    "'addresses' must be a list, got 'D1'", "addresses: [D1]");
	one_finding("addresses: [D2]", "addresses: {D2: yes}", "{D2", "FMT004",
		    "'addresses' must be a list, not a mapping", NULL);
	one_finding("addresses: [D1, D2]", "addresses: [D1, \"D 2\"]", "\"D 2", "FMT004",
		    "'addresses' is not a valid identifier: 'D 2'", "starts with a letter");
	/* Only priorities and objectives take it. */
	one_finding("kind: referral}", "kind: referral, addresses: [D1]}", "addresses", "FMT003",
		    "unknown key 'addresses' in action", "known keys in action");
}

static void test_addresses_given_or_not(void **state)
{
	(void)state;
	static const struct {
		const char *to;
		uint32_t line;
	} cases[] = {
		{ "addresses: []", 27 }, { "addresses:", 0 }, { "addresses: ~", 0 },
	};
	for (size_t i = 0; i < PV_ARRAY_SIZE(cases); i++) {
		char src[sizeof(PLAN) + 64];
		struct loaded l;
		patch(src, sizeof(src), "addresses: [D1, D2]", cases[i].to);
		load(&l, src);
		assert_int_equal(l.d.nr, 0);
		assert_int_equal(l.plan.priorities.v[0].addresses.n, 0);
		assert_int_equal(l.plan.priorities.v[0].addresses.pos.line, cases[i].line);
		assert_int_equal(l.plan.priorities.v[0].objectives.v[0].addresses.n, 1);
		unload(&l);
	}
}

static void test_stakeholder_country_and_sector(void **state)
{
	(void)state;
	one_finding("country: ML}", "country: JJ}", "JJ", "FMT004",
		    "'country' must be an ISO 3166-1 alpha-2 country code, got 'JJ'",
		    "a country is written as its ISO 3166-1 alpha-2 code, two capital letters, such as ML (Mali)");
	one_finding("country: ML}", "country: ml}", "ml", "FMT004",
		    "got 'ml'", "country codes are upper case: 'ML'");
	one_finding("country: ML}", "country: Mali}", "Mali", "FMT004", "got 'Mali'",
		    "'Mali' is the name of a country: write `country: ML`");
	one_finding("country: ML}", "country: [ML, NE]}", "[ML", "FMT004",
		    "'country' must be an ISO 3166-1 alpha-2 country code, not a list", NULL);
	one_finding("country: ML}", "contry: ML}", "contry", "FMT003",
		    "unknown key 'contry' in stakeholder", "did you mean 'country'?");
	one_finding("sector: oversight", "sector: oversigt", "oversigt", "FMT004",
		    "invalid value 'oversigt' for 'sector'", "did you mean 'oversight'?");
	/* Read as the key expects: NO is Norway, not YAML 1.1's false. */
	no_finding("country: ML}", "country: NO}");
	/* A stakeholder's country is allowed in a national plan too. */
	no_finding("  scope: regional\n  organization: G5\n  member_states: [ML, NE]\n",
		   "  scope: national\n  country: ML\n");
}

static void test_action_kind_and_counts_people(void **state)
{
	(void)state;
	one_finding("kind: referral}", "kind: trainig}", "trainig", "FMT004",
		    "invalid value 'trainig' for 'kind'", "did you mean 'training'?");
	one_finding("kind: referral}", "kind: surveillance}", "surveillance", "FMT004",
		    "invalid value 'surveillance' for 'kind'",
		    "expected one of: dialogue, training, awareness, research, services, legal_reform, coordination, early_warning, referral, online_content, detention, rehabilitation, screening, other");
	one_finding("kind: referral}", "kind: [referral, training]}", "[referral", "FMT004",
		    "'kind' must be a single value, not a list", "expected one of");
	one_finding("counts_people: true,", "counts_people: many,", "many", "FMT004",
		    "'counts_people' must be true or false, got 'many'", NULL);
	one_finding("counts_people: true,", "counts_people: \"true\",", "\"true", "FMT004",
		    "'counts_people' must be true or false", NULL);
	one_finding("counts_people: true,", "count_people: true,", "count_people", "FMT003",
		    "unknown key 'count_people' in indicator", "did you mean 'counts_people'?");
	char src[sizeof(PLAN) + 64];
	struct loaded l;
	patch(src, sizeof(src), "counts_people: true,", "counts_people: yes,");
	load(&l, src);
	assert_int_equal(l.d.nr, 0);
	assert_int_equal(l.plan.indicators.v[0].counts_people.v, 1);
	unload(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_plan),
		cmocka_unit_test(test_sensitive_kinds),
		cmocka_unit_test(test_related_strategies_given_or_not),
		cmocka_unit_test(test_related_strategies_checked),
		cmocka_unit_test(test_related_strategies_shape),
		cmocka_unit_test(test_addresses_checked),
		cmocka_unit_test(test_addresses_given_or_not),
		cmocka_unit_test(test_stakeholder_country_and_sector),
		cmocka_unit_test(test_action_kind_and_counts_people),
	};
	return cmocka_run_group_tests_name("load_additions", tests, NULL, NULL);
}
