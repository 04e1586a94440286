/* The workbook's helpers (src/report_xlsx.h): sheet names Excel accepts and
 * their quoting in formulas. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "pveplan/buf.h"
#include "report_xlsx.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sheet_name),
		cmocka_unit_test(test_quote_sheet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
