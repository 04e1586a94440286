#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "pveplan/base.h"
#include "pveplan/model.h"

static void test_identifiers(void **state)
{
	(void)state;
	assert_true(pv_is_identifier("P1"));
	assert_true(pv_is_identifier("min-interieur"));
	assert_true(pv_is_identifier("P1.O2.A3_b"));
	assert_false(pv_is_identifier(""));
	assert_false(pv_is_identifier("1P"));
	assert_false(pv_is_identifier("-x"));
	assert_false(pv_is_identifier("a b"));
	assert_false(pv_is_identifier("a/b"));
	assert_false(pv_is_identifier("minist\xc3\xa8re"));
	char id[70];
	memset(id, 'a', 64);
	id[64] = '\0';
	assert_true(pv_is_identifier(id));
	id[64] = 'a';
	id[65] = '\0';
	assert_false(pv_is_identifier(id));
}

static void test_dates(void **state)
{
	(void)state;
	struct pv_date d;
	struct pv_arg why;
	assert_int_equal(pv_date_parse("2025", &d, &why), 0);
	assert_int_equal(d.prec, PV_DATE_YEAR);
	assert_int_equal(pv_date_parse("2025-03", &d, &why), 0);
	assert_int_equal(d.prec, PV_DATE_MONTH);
	assert_int_equal(d.month, 3);
	assert_int_equal(pv_date_parse("2024-02-29", &d, &why), 0);
	assert_int_equal(d.day, 29);
	assert_int_equal(pv_date_parse("2025-02-29", &d, &why), -1);
	assert_int_equal(why.kind, PV_ARG_WORD);
	assert_string_equal(why.u.s, "no such day in that month");
	assert_int_equal(pv_date_parse("1900-02-29", &d, &why), -1);
	assert_int_equal(pv_date_parse("2000-02-29", &d, &why), 0);
	assert_int_equal(pv_date_parse("2025-13", &d, &why), -1);
	assert_int_equal(why.kind, PV_ARG_WORD);
	assert_string_equal(why.u.s, "month must be 01 to 12");
	assert_int_equal(pv_date_parse("2025-00-10", &d, &why), -1);
	assert_int_equal(pv_date_parse("2025-1-10", &d, &why), -1);
	assert_int_equal(pv_date_parse("25", &d, &why), -1);
	assert_int_equal(pv_date_parse("2025/03/01", &d, &why), -1);
	assert_int_equal(pv_date_parse("0999", &d, &why), -1);
	assert_int_equal(pv_date_parse("2025-03-14T10:00", &d, &why), -1);
}

static void test_date_ranges(void **state)
{
	(void)state;
	struct pv_date a, b;
	struct pv_arg why;
	pv_date_parse("1970-01-01", &a, &why);
	assert_int_equal(pv_date_first_day(&a), 0);
	pv_date_parse("2024-02", &a, &why);
	pv_date_parse("2024-02-29", &b, &why);
	assert_int_equal(pv_date_last_day(&a), pv_date_first_day(&b));
	pv_date_parse("2027", &a, &why);
	pv_date_parse("2027-12-31", &b, &why);
	assert_int_equal(pv_date_last_day(&a), pv_date_first_day(&b));
	pv_date_parse("2028-01-01", &b, &why);
	assert_int_equal(pv_date_first_day(&b) - pv_date_last_day(&a), 1);
	char out[16];
	pv_date_parse("2025-03", &a, &why);
	pv_date_format(&a, out);
	assert_string_equal(out, "2025-03");
}

static void test_numbers(void **state)
{
	(void)state;
	double v;
	assert_int_equal(pv_number_parse("1000", &v), 0);
	assert_true(v == 1000);
	assert_int_equal(pv_number_parse("1.5e6", &v), 0);
	assert_true(v == 1500000);
	assert_int_equal(pv_number_parse("-0.25", &v), 0);
	assert_true(v == -0.25);
	assert_int_equal(pv_number_parse(".5", &v), 0);
	assert_int_equal(pv_number_parse("1,000", &v), -1);
	assert_int_equal(pv_number_parse("1_000", &v), -1);
	assert_int_equal(pv_number_parse("0x10", &v), -1);
	assert_int_equal(pv_number_parse(".inf", &v), -1);
	assert_int_equal(pv_number_parse("", &v), -1);
	assert_int_equal(pv_number_parse("1e", &v), -1);
	assert_int_equal(pv_number_parse("$5", &v), -1);
	int b;
	assert_int_equal(pv_bool_parse("true", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(pv_bool_parse("No", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(pv_bool_parse("maybe", &b), -1);
}

static void test_codes(void **state)
{
	(void)state;
	assert_true(pv_is_country("ML"));
	assert_true(pv_is_country("BD"));
	assert_true(pv_is_country("XK"));	/* user-assigned */
	assert_true(pv_is_country("QZ"));
	assert_true(pv_is_country("QA"));	/* Qatar: Q, but below QM */
	assert_false(pv_is_country("QB"));
	assert_false(pv_is_country("ml"));
	assert_false(pv_is_country("MLI"));
	assert_false(pv_is_country("UK"));
	assert_string_equal(pv_country_name("ML"), "Mali");
	assert_null(pv_country_name("XL"));
	assert_true(pv_is_currency("XOF"));
	assert_true(pv_is_currency("USD"));
	assert_false(pv_is_currency("usd"));
	assert_false(pv_is_currency("DOL"));
	for (const char *const *l = (const char *const[]){ "ar", "en", "es", "fr", "ru", "zh", NULL };
	     *l; l++)
		assert_true(pv_is_language(*l));
	assert_true(pv_is_language("ha"));
	assert_true(pv_is_language("fuv"));	/* ISO 639-3 only */
	assert_false(pv_is_language("EN"));
	assert_false(pv_is_language("english"));
	assert_false(pv_is_language("xx"));
}

static void test_suggestions(void **state)
{
	(void)state;
	assert_int_equal(pv_edit_distance("lead", "lead", 2), 0);
	assert_int_equal(pv_edit_distance("partner", "partners", 2), 1);
	assert_int_equal(pv_edit_distance("laed", "lead", 2), 1);	/* transposition */
	assert_int_equal(pv_edit_distance("MINT", "mint", 2), 0);	/* case is free */
	assert_int_equal(pv_edit_distance("LAED", "lead", 2), 1);
	assert_int_equal(pv_edit_distance("abc", "xyz", 2), 3);	/* capped at max + 1 */
	assert_int_equal(pv_edit_distance("", "abcdef", 2), 3);
	const char *keys[] = { "stakeholders", "priorities", "plan", "risks" };
	assert_string_equal(pv_suggest("stakeholder", keys, 4, 2), "stakeholders");
	assert_string_equal(pv_suggest("prorities", keys, 4, 2), "priorities");
	assert_null(pv_suggest("budget", keys, 4, 2));
	const char *ties[] = { "ab", "ac" };
	assert_string_equal(pv_suggest("aa", ties, 2, 2), "ab");
}

/* The full optimal-string-alignment table, to check the banded one. */
static size_t osa_reference(const char *a, const char *b, size_t max)
{
	size_t n = strlen(a), m = strlen(b), t[16][16];
	for (size_t i = 0; i <= n; i++)
		for (size_t j = 0; j <= m; j++) {
			if (!i || !j) {
				t[i][j] = i + j;
				continue;
			}
			size_t v = t[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (t[i - 1][j] + 1 < v)
				v = t[i - 1][j] + 1;
			if (t[i][j - 1] + 1 < v)
				v = t[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    t[i - 2][j - 2] + 1 < v)
				v = t[i - 2][j - 2] + 1;
			t[i][j] = v;
		}
	return t[n][m] > max ? max + 1 : t[n][m];
}

static void test_edit_distance_band(void **state)
{
	(void)state;
	unsigned seed = 12345;
	for (int round = 0; round < 20000; round++) {
		char a[16], b[16];
		size_t n, m;
		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % 13;
		seed = seed * 1103515245u + 12345u;
		m = (seed >> 16) % 13;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			a[i] = (char)('a' + (seed >> 16) % 3);
		}
		for (size_t i = 0; i < m; i++) {
			seed = seed * 1103515245u + 12345u;
			b[i] = (char)('a' + (seed >> 16) % 3);
		}
		a[n] = b[m] = '\0';
		size_t max = (size_t)round % 5;
		if (pv_edit_distance(a, b, max) != osa_reference(a, b, max))
			fail_msg("'%s' '%s' max %zu: %zu, want %zu", a, b, max,
				 pv_edit_distance(a, b, max), osa_reference(a, b, max));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identifiers), cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_ranges), cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_codes),	     cmocka_unit_test(test_suggestions),
		cmocka_unit_test(test_edit_distance_band),
	};
	return cmocka_run_group_tests_name("values", tests, NULL, NULL);
}
