/* The matcher behind the loader's hints for values written in words
 * (src/model/hints.h) and its generated tables (tools/namegen.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/hints.h"
#include "model/names_fold.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"

static void expect_fold(const char *in, const char *out)
{
	char f[128];
	long n = pv_names_fold(in, f, sizeof(f));
	if (n < 0 || strcmp(f, out))
		fail_msg("'%s' folds to '%s', expected '%s'", in, n < 0 ? "(error)" : f, out);
	assert_int_equal((size_t)n, strlen(out));
}

static void test_fold(void **state)
{
	(void)state;
	expect_fold("  Côte d\u2019Ivoire ", "cote d'ivoire");	/* curly apostrophe */
	expect_fold("JÓVENES", "jovenes");
	expect_fold("Mobilisation \u00a0 des\tjeunes", "mobilisation des jeunes");
	expect_fold("\u0627\u0644\u0634\u064e\u0651\u0628\u064e\u0627\u0628",	/* harakat dropped */
		    "\u0627\u0644\u0634\u0628\u0627\u0628");
	expect_fold("\u041c\u041e\u041b\u041e\u0414\u0415\u0416\u042c", "\u043c\u043e\u043b\u043e\u0434\u0435\u0436\u044c");
	expect_fold("\uff21\uff22", "ab");	/* full-width letters */
	expect_fold("so\u00adcial", "social");	/* a soft hyphen */
	char f[8];
	assert_int_equal(pv_names_fold("\xff", f, sizeof(f)), -1);
	assert_int_equal(pv_names_fold("a long name", f, sizeof(f)), -1);
	assert_int_equal(pv_names_fold("   ", f, sizeof(f)), 0);
}

static void expect_enum(const char *got, const char *const *names, const char *value,
			enum pv_name_lang lang)
{
	enum pv_name_lang l = PV_NAME_CODE;
	const char *v = pv_hints_enum_value(got, names, &l);
	if (!value) {
		if (v)
			fail_msg("'%s' matched '%s'", got, v);
		return;
	}
	if (!v || strcmp(v, value))
		fail_msg("'%s' gave %s, expected '%s'", got, v ? v : "nothing", value);
	assert_int_equal(l, lang);
}

static void test_enum_labels(void **state)
{
	(void)state;
	expect_enum("jeunesse", pv_sector_names, "youth", PV_NAME_FR);
	expect_enum("borrador", pv_status_names, "draft", PV_NAME_ES);
	expect_enum(" BORRADOR ", pv_status_names, "draft", PV_NAME_ES);
	expect_enum("jovenes", pv_sector_names, "youth", PV_NAME_ES);
	expect_enum("\u0627\u0644\u0634\u0628\u0627\u0628", pv_target_names, "youth", PV_NAME_AR);
	expect_enum("\u9752\u5e74", pv_area_names, "youth", PV_NAME_ZH);
	expect_enum("Mobilisation des jeunes", pv_area_names, "youth", PV_NAME_FR);
	expect_enum("Trimestrielle", pv_ind_freq_names, "quarterly", PV_NAME_FR);
	/* A French label also written so in English is told as French. */
	expect_enum("Formation", pv_action_kind_names, "training", PV_NAME_FR);
	expect_enum("In consultation", pv_status_names, "consultation", PV_NAME_EN);
	/* The gloss of a label may be left out. */
	expect_enum("Structural", pv_driver_kind_names, "structural", PV_NAME_EN);
	/* Values the reports do not print have their words too. */
	expect_enum("Infranational", pv_level_names, "subnational", PV_NAME_FR);
	expect_enum("Ex-combattants", pv_target_names, "former_combatants", PV_NAME_FR);
	expect_enum("пол", pv_disagg_names, "sex", PV_NAME_RU);
	expect_enum("Conjunta", pv_evaluation_names, "joint", PV_NAME_ES);
	/* A label of a value the key does not take is no match. */
	expect_enum("jeunesse", pv_status_names, NULL, 0);
	/* Part of a label is no match, nor is a near spelling. */
	expect_enum("Mobilisation", pv_area_names, NULL, 0);
	expect_enum("jeunesses", pv_sector_names, NULL, 0);
	expect_enum("", pv_sector_names, NULL, 0);
}

static void expect_code(const char *got, int language, const char *code, enum pv_name_lang lang)
{
	enum pv_name_lang l = PV_NAME_AR;
	const char *c = pv_hints_code_of(got, language, &l);
	if (!code) {
		if (c)
			fail_msg("'%s' matched '%s'", got, c);
		return;
	}
	if (!c || strcmp(c, code))
		fail_msg("'%s' gave %s, expected '%s'", got, c ? c : "nothing", code);
	if ((int)lang >= 0)
		assert_int_equal(l, lang);
}

/* A name the same in several languages is told as one of them. */
#define ANY ((enum pv_name_lang)-1)

static void test_codes(void **state)
{
	(void)state;
	expect_code("Mali", 0, "ML", ANY);
	expect_code("Malí", 0, "ML", PV_NAME_ES);
	expect_code("Kirghizistan", 0, "KG", PV_NAME_FR);
	expect_code("Kyrgyzstan", 0, "KG", ANY);
	expect_code("Ivory Coast", 0, "CI", ANY);
	expect_code("cote d'ivoire", 0, "CI", ANY);
	expect_code("MLI", 0, "ML", PV_NAME_CODE);
	expect_code("Bolivia", 0, "BO", ANY);	/* common_name */
	expect_code("Iran", 0, "IR", ANY);
	/* "Congo" is the Congo, not "Congo, The Democratic Republic of the". */
	expect_code("Congo", 0, "CG", ANY);
	expect_code("UK", 0, "GB", PV_NAME_EN);	/* tools/country-aliases.txt */
	expect_code("Atlantis", 0, NULL, 0);
	expect_code("español", 1, "es", PV_NAME_ES);
	expect_code("Spanish", 1, "es", ANY);
	expect_code("français", 1, "fr", PV_NAME_FR);
	expect_code("\u0627\u0644\u0639\u0631\u0628\u064a\u0629", 1, "ar", PV_NAME_AR);
	expect_code("\u0440\u0443\u0441\u0441\u043a\u0438\u0439", 1, "ru", PV_NAME_RU);
	expect_code("\u4e2d\u6587", 1, "zh", PV_NAME_ZH);
	expect_code("fra", 1, "fr", PV_NAME_CODE);
	expect_code("fre", 1, "fr", PV_NAME_CODE);
	expect_code("Bambara", 1, "bm", ANY);
	expect_code("Mali", 1, NULL, 0);
	/* BCP 47 takes the two-letter code where there is one. */
	assert_false(pv_is_language("fra"));
	assert_true(pv_is_language("fr"));
	assert_true(pv_is_language("fuv"));
}

/* Every table is sorted for the binary search, and every value in it is
 * one that the key it is suggested for accepts. */
static int some_enum_has(const char *v)
{
	const char *const *lists[] = {
#define LIST(L, name) pv_##name##_names,
		PV_ENUM_LISTS(LIST)
#undef LIST
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (size_t j = 1; lists[i][j]; j++)
			if (!strcmp(lists[i][j], v))
				return 1;
	return strlen(v) == 1 && v[0] >= '1' && v[0] <= '4';
}

static void check_table(const struct pv_name *t, size_t n, int (*ok)(const char *))
{
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(t[i - 1].folded, t[i].folded) > 0)
			fail_msg("'%s' sorts before '%s'", t[i].folded, t[i - 1].folded);
		if (!ok(t[i].value))
			fail_msg("'%s' stands for '%s', which is no value", t[i].folded, t[i].value);
		char f[512];
		if (pv_names_fold(t[i].folded, f, sizeof(f)) < 0 || strcmp(f, t[i].folded))
			fail_msg("'%s' is not folded", t[i].folded);
	}
}

static void test_tables(void **state)
{
	(void)state;
	check_table(pv_names_enum, pv_names_enum_nr, some_enum_has);
	check_table(pv_names_country, pv_names_country_nr, pv_is_country);
	check_table(pv_names_language, pv_names_language_nr, pv_is_language);
}

static char *hint_of(const char *got, const char *const *names, int in_list)
{
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_pos pos = { 1, 1, 0 };
	pv_diags_init(&d, "t.yaml");
	struct pv_diag *g = pv_diag_add(&d, "FMT004", pos, "invalid value '%s' for '%s'", got, "k");
	char *h = pv_hints_enum(g, "k", got, names, in_list) ? pv_msg_text(&g->hint, NULL) : NULL;
	pv_diags_release(&d);
	return h;
}

static void test_enum_hint(void **state)
{
	(void)state;
	char *h = hint_of("jeunesse", pv_sector_names, 0);
	assert_non_null(h);
	assert_string_equal(h, "'jeunesse' is the French for `youth`: write `k: youth`");
	free(h);
	h = hint_of("Jeunes", pv_target_names, 1);
	assert_string_equal(h, "'Jeunes' is the French for `youth`: write `youth` in the list 'k'");
	free(h);
	/* Case alone, and an English label close to a value's spelling, are
	 * left to "did you mean". */
	assert_null(hint_of("Youth", pv_sector_names, 0));
	assert_null(hint_of("Civil society", pv_sector_names, 0));
	assert_null(hint_of("nothing like it", pv_sector_names, 0));
	h = hint_of("Religious actors", pv_sector_names, 0);
	assert_string_equal(h, "'Religious actors' is how the reports write `religious`: write `k: religious`");
	free(h);
}

/* The hint for an invalid code or text key, rendered in English. */
static char *code_hint(const char *got, int language, int in_list, int text_key)
{
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_pos pos = { 1, 1, 0 };
	pv_diags_init(&d, "t.yaml");
	struct pv_diag *g = pv_diag_add(&d, "FMT004", pos, "got '%s'", got);
	char *h = NULL;
	if (!text_key)
		pv_hints_code(g, "k", got, language, in_list);
	if (!text_key || pv_hints_text_key(g, got))
		h = pv_msg_text(&g->hint, NULL);
	pv_diags_release(&d);
	return h;
}

static void expect_code_hint(const char *got, int language, int in_list, int text_key,
			     const char *want)
{
	char *h = code_hint(got, language, in_list, text_key);
	if (!want) {
		if (h)
			fail_msg("'%s' got the hint '%s'", got, h);
		return;
	}
	if (!h || !strstr(h, want))
		fail_msg("the hint for '%s' is '%s', expected '%s'", got, h ? h : "none", want);
	free(h);
}

static void test_code_hints(void **state)
{
	(void)state;
	expect_code_hint("Mali", 0, 0, 0, "'Mali' is the name of a country: write `k: ML`");
	expect_code_hint("Niger", 0, 1, 0, "write `NE` in the list 'k'");
	expect_code_hint("BFA", 0, 1, 0, "write its two-letter code, `BF`, in the list 'k'");
	expect_code_hint("Atlantis", 0, 0, 0, "a country is written as its ISO 3166-1 alpha-2 code");
	expect_code_hint("español", 1, 0, 0, "write `k: es`; a language is written as its code");
	expect_code_hint("fra", 1, 0, 0, "two-letter one: write `k: fr`");
	expect_code_hint("zh_Hans", 1, 0, 0, "adds a region or a script to the language, which pveplan does not take: write `k: zh`");
	expect_code_hint("Klingonese", 1, 0, 0, "a language is written as its code, such as ar (Arabic)");
	expect_code_hint("français", 1, 0, 1, "write the key `fr:`");
	expect_code_hint("eng", 1, 0, 1, "write the key `en:`");
	expect_code_hint("pt-BR", 1, 0, 1, "write the key `pt:`");
	expect_code_hint("xx", 1, 0, 1, NULL);
}

/* Country names in the report's language, from iso-codes' translations. */
static void test_country_names(void **state)
{
	(void)state;
	assert_string_equal(pv_country_name_in("ML", "en"), "Mali");
	assert_string_equal(pv_country_name_in("ML", "ru"), "Мали");
	assert_string_equal(pv_country_name_in("ML", "zh"), "马里");
	assert_string_equal(pv_country_name_in("ML", "ar"), "مالي");
	assert_string_equal(pv_country_name_in("ML", "es"), "Malí");
	assert_string_equal(pv_country_name_in("DE", "fr"), "Allemagne");
	assert_string_equal(pv_country_name_in("ML", "xx"), "Mali");
	assert_string_equal(pv_country_name_in("ML", NULL), "Mali");
	assert_null(pv_country_name_in("XQ", "fr"));	/* reserved for users */
	assert_true(pv_country_l10n_nr > 240);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_enum_labels),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_country_names),
		cmocka_unit_test(test_enum_hint),
		cmocka_unit_test(test_code_hints),
	};
	return cmocka_run_group_tests_name("hints", tests, NULL, NULL);
}
