/* The workbook's helpers (src/report/report_xlsx.h): sheet names Excel accepts and
 * their quoting in formulas, text as the workbook holds it, strings inside
 * formulas and number formats. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "pveplan/base.h"
#include "report/report_xlsx.h"

static void expect_name(const char *label, const char *want)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_xlsx_sheet_name(&b, label);
	assert_string_equal(b.buf, want);
	pv_buf_release(&b);
}

static void expect_quoted(const char *name, const char *want)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_xlsx_quote_sheet(&b, name);
	assert_string_equal(b.buf, want);
	pv_buf_release(&b);
}

static void test_sheet_name(void **state)
{
	(void)state;
	expect_name("Capacity needs", "Capacity needs");
	/* Characters Excel refuses in a sheet name are dropped. */
	expect_name("a[b]c:d*e?f/g\\h", "abcdefgh");
	/* 31 characters, counted as characters, not bytes. */
	expect_name("0123456789012345678901234567890123", "0123456789012345678901234567890");
	expect_name("Потребности в потенциале и прочее", "Потребности в потенциале и проч");
	/* No apostrophe at either end; inside, one is fine. */
	expect_name("'Besoins d'appui'", "Besoins d'appui");
	expect_name("''", "");
}

static void test_quote_sheet(void **state)
{
	(void)state;
	expect_quoted("Budget", "'Budget'");
	expect_quoted("By provider", "'By provider'");
	/* A translated name with an apostrophe must not end the quotes. */
	expect_quoted("Besoins d'appui", "'Besoins d''appui'");
	expect_quoted("l'a'b", "'l''a''b'");
}

typedef void add_fn(struct pv_buf *out, const char *s);

static void expect_added(add_fn *add, const char *s, const char *want)
{
	struct pv_buf b = PV_BUF_INIT;
	add(&b, s);
	assert_string_equal(b.buf, want);
	pv_buf_release(&b);
}

static void test_text(void **state)
{
	(void)state;
	expect_added(pv_xlsx_add_text, "plain, é, 日本, العربية", "plain, é, 日本, العربية");
	/* What XML 1.0 refuses: C0 controls, U+FFFE, U+FFFF. */
	expect_added(pv_xlsx_add_text, "a\x01" "b\x1f\x7f" "c", "a\\x01b\\x1f\\x7fc");
	expect_added(pv_xlsx_add_text, "\xef\xbf\xbe\xef\xbf\xbf", "\\u{fffe}\\u{ffff}");
	/* What pveplan always shows escaped: ESC, C1, bidi overrides, BOM. */
	expect_added(pv_xlsx_add_text, "\x1b[2J\xc2\x85\xe2\x80\xae\xef\xbb\xbf",
		     "\\x1b[2J\\u{85}\\u{202e}\\u{feff}");
	/* A cell keeps its line breaks; a tab and a carriage return are shown. */
	expect_added(pv_xlsx_add_text, "one\ntwo\n", "one\ntwo\n");
	expect_added(pv_xlsx_add_text, "a\tb\r\n", "a\\tb\\r\n");
	expect_added(pv_xlsx_add_text, "", "");
}

static void test_formula_string(void **state)
{
	(void)state;
	expect_added(pv_xlsx_add_formula_string, "USD", "\"USD\"");
	expect_added(pv_xlsx_add_formula_string, "US\"D", "\"US\"\"D\"");
	expect_added(pv_xlsx_add_formula_string, "\x03", "\"\\x03\"");
	expect_added(pv_xlsx_add_format_literal, "USD", "\"USD\"");
	expect_added(pv_xlsx_add_format_literal, "US\"D", "\"US\"\\\"\"D\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_name),
		cmocka_unit_test(test_quote_sheet),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_formula_string),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
