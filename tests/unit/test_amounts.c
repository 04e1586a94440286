/* The reading of amounts written as people write them, and of currency
 * names (src/model/amount_help.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "model/amount.h"

static struct pv_amount_reading read_ok(const char *s)
{
	struct pv_amount_reading r;
	assert_int_equal(pv_amount_read(s, &r), 1);
	return r;
}

static void test_groups(void **state)
{
	(void)state;
	struct pv_amount_reading r = read_ok("1.200.000");
	assert_string_equal(r.number, "1200000");
	assert_int_equal(r.group, PV_GROUP_DOT);
	assert_false(r.ambiguous);
	r = read_ok("1,200,000");
	assert_string_equal(r.number, "1200000");
	assert_int_equal(r.group, PV_GROUP_COMMA);
	r = read_ok("1 200 000");
	assert_int_equal(r.group, PV_GROUP_SPACE);
	assert_string_equal(r.number, "1200000");
	r = read_ok("1\xc2\xa0" "200\xc2\xa0" "000");
	assert_int_equal(r.group, PV_GROUP_NBSP);
	assert_string_equal(r.number, "1200000");
	r = read_ok("1\xe2\x80\xaf" "200\xe2\x80\xaf" "000");
	assert_int_equal(r.group, PV_GROUP_NNBSP);
	r = read_ok("1'200'000");
	assert_int_equal(r.group, PV_GROUP_APOSTROPHE);
	r = read_ok("12,00,000");	/* lakhs */
	assert_string_equal(r.number, "1200000");
	r = read_ok("1 200");
	assert_string_equal(r.number, "1200");
	assert_false(r.ambiguous);
}

static void test_decimals(void **state)
{
	(void)state;
	struct pv_amount_reading r = read_ok("450000,50");
	assert_true(r.decimal_comma);
	assert_int_equal(r.group, PV_GROUP_NONE);
	assert_string_equal(r.number, "450000.50");
	r = read_ok("1.200.000,50");
	assert_true(r.decimal_comma);
	assert_int_equal(r.group, PV_GROUP_DOT);
	assert_string_equal(r.number, "1200000.50");
	r = read_ok("1,200,000.50");
	assert_false(r.decimal_comma);
	assert_string_equal(r.number, "1200000.50");
	r = read_ok("0,500");	/* no group starts with 0 */
	assert_false(r.ambiguous);
	assert_string_equal(r.number, "0.500");
}

static void test_ambiguous(void **state)
{
	(void)state;
	struct pv_amount_reading r = read_ok("1,200");
	assert_true(r.ambiguous);
	assert_string_equal(r.number, "1200");
	assert_string_equal(r.other, "1.2");
	assert_string_equal(r.written, "1,200");
	r = read_ok("1.250 EUR");
	assert_true(r.ambiguous);
	assert_string_equal(r.number, "1250");
	assert_string_equal(r.other, "1.25");
	assert_string_equal(r.currency, "EUR");
	/* After `$`, a comma groups the thousands. */
	r = read_ok("$450,000");
	assert_false(r.ambiguous);
	assert_string_equal(r.number, "450000");
	assert_string_equal(r.currency, "USD");
}

static void test_currencies(void **state)
{
	(void)state;
	struct pv_amount_reading r = read_ok("USD 450000");
	assert_true(r.has_currency);
	assert_string_equal(r.currency, "USD");
	assert_string_equal(r.number, "450000");
	r = read_ok("450000 USD");
	assert_string_equal(r.currency, "USD");
	r = read_ok("450 000 \xe2\x82\xac");
	assert_string_equal(r.currency, "EUR");
	assert_int_equal(r.group, PV_GROUP_SPACE);
	r = read_ok("450000 FCFA");
	assert_string_equal(r.currency, "XOF");
	assert_string_equal(r.currency_alt, "XAF");
	r = read_ok("450000 pesos");	/* a currency pveplan does not name */
	assert_true(r.has_currency);
	assert_null(r.currency);
	struct pv_amount_reading no;
	assert_int_equal(pv_amount_read("450000 %", &no), 0);
	assert_int_equal(pv_amount_read("sixty thousand", &no), 0);
	assert_int_equal(pv_amount_read("1.2.3", &no), 0);
	assert_int_equal(pv_amount_read("450000", &no), 0);	/* nothing to fix */
	assert_int_equal(pv_amount_read("about 5000", &no), 0);
	r = read_ok("Ksh 5000");
	assert_null(r.currency);
	/* Digits beyond what a reading holds are not cut short. */
	assert_int_equal(pv_amount_read("1234567890123456789012345678901234567890123456789012345 USD", &no), 0);
}

static void test_multipliers(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
		int power;
	} cases[] = {
		{ "450k", "450000", 3 },
		{ "1.2M", "1200000", 6 },
		{ "2 millones", "2000000", 6 },
		{ "1,5 million", "1500000", 6 },
		{ "3 mil", "3000", 3 },
		{ "2 mil millones", "2000000000", 9 },
		{ "2 milliards", "2000000000", 9 },
		{ "5 \xd0\xbc\xd0\xbb\xd0\xbd", "5000000", 6 },	/* млн */
		{ "300\xe4\xb8\x87", "3000000", 4 },		/* 万 */
		{ "1.25k", "1250", 3 },
		{ "1.2345k", "1234.5", 3 },
		{ "0.05k", "50", 3 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pv_amount_reading r = read_ok(cases[i].in);
		assert_string_equal(r.number, cases[i].out);
		assert_int_equal(r.power, cases[i].power);
	}
	struct pv_amount_reading r = read_ok("2 millones de d\xc3\xb3lares");
	assert_string_equal(r.number, "2000000");
	assert_string_equal(r.currency, "USD");
	/* `k` of `kg` is no multiplier: the word is taken for a currency. */
	r = read_ok("5 kg");
	assert_int_equal(r.power, 0);
	assert_string_equal(r.number, "5");
}

static void test_negative(void **state)
{
	(void)state;
	struct pv_amount_reading r = read_ok("-5000");
	assert_true(r.negative);
	assert_string_equal(r.number, "5000");
	r = read_ok("\xe2\x88\x92" "5000");	/* the minus sign */
	assert_true(r.negative);
}

static void test_currency_names(void **state)
{
	(void)state;
	const char *code, *alt;
	assert_int_equal(pv_currency_from_name("dollars", &code, &alt), 1);
	assert_string_equal(code, "USD");
	assert_int_equal(pv_currency_from_name("Euros", &code, &alt), 1);
	assert_string_equal(code, "EUR");
	assert_int_equal(pv_currency_from_name("\xe2\x82\xac", &code, &alt), 1);
	assert_string_equal(code, "EUR");
	assert_int_equal(pv_currency_from_name("D\xc3\x93LARES", &code, &alt), 1);
	assert_string_equal(code, "USD");
	assert_int_equal(pv_currency_from_name("francs  CFA", &code, &alt), 2);
	assert_string_equal(code, "XOF");
	assert_string_equal(alt, "XAF");
	/* The English names of iso-codes. */
	assert_int_equal(pv_currency_from_name("naira", &code, &alt), 1);
	assert_string_equal(code, "NGN");
	assert_int_equal(pv_currency_from_name("Taka", &code, &alt), 1);
	assert_string_equal(code, "BDT");
	/* Russian, capitalised. */
	assert_int_equal(pv_currency_from_name("\xd0\xa0\xd1\x83\xd0\xb1\xd0\xbb\xd1\x8c", &code, &alt), 1);
	assert_string_equal(code, "RUB");
	assert_int_equal(pv_currency_from_name("shells", &code, &alt), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),	   cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_ambiguous),  cmocka_unit_test(test_currencies),
		cmocka_unit_test(test_multipliers), cmocka_unit_test(test_negative),
		cmocka_unit_test(test_currency_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
