#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"
#include "pveplan/lang.h"

/*
 * Message arguments carry their kind out of band: whatever bytes plan text
 * holds, a TEXT argument renders as exactly those bytes, in every language,
 * and never as a word, a label, an amount or a list (issue 8: "\x04."
 * read past the end of the value, "\x02none" rendered as a label).
 */
static const char *const hostile[] = {
	"\x04.", "\x04", "\x04\x1f", "\x02none", "\x01" "a mapping", "\x03" "a\x1e" "b",
	"\x03\x03\x03\x1e\x1e", "%s%n%d", "{id} {unknown", "}{", "\x1b[2J\x1b[1A0 errors",
	"", "\xe2\x80\xae" "RLO",
};

static char *render_printf(const char *fmt, const struct pv_arg *args, size_t n,
			   const struct pv_lang *lang)
{
	struct pv_msg m;
	pv_msg_printf(&m, fmt, args, n);
	char *s = pv_msg_text(&m, lang);
	pv_msg_release(&m);
	return s;
}

static void test_text_is_text(void **state)
{
	(void)state;
	const char *langs[] = { "en", "fr" };
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++) {
			const struct pv_arg a = pv_arg_text(hostile[i]);
			char *s = render_printf("%s", &a, 1, pv_lang_get(langs[l]));
			assert_string_equal(s, hostile[i]);
			free(s);
		}
}

static void test_catalogue_values_are_text(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++) {
		struct pv_diags d;
		pv_diags_init(&d, "plan");
		/* PVE110's message is "action '{id}' ...": the value goes in whole. */
		struct pv_diag *g = pv_diag_rule(&d, "PVE110", "message",
						 ((struct pv_pos){ 1, 1, 1 }), hostile[i], "id",
						 hostile[i]);
		char *s = pv_msg_text(&g->msg, pv_lang_get("fr"));
		assert_non_null(strstr(s, hostile[i]));
		free(s);
		assert_string_equal(g->subject, hostile[i]);
		pv_diags_release(&d);
	}
}

/* A value of many list separators costs its length, not its square. */
static void test_long_hostile_value(void **state)
{
	(void)state;
	size_t n = 160 * 1024;
	char *v = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		v[i] = i % 2 ? '\x1e' : '\x03';
	v[n] = '\0';
	const struct pv_arg a = pv_arg_text(v);
	char *s = render_printf("got '%s'", &a, 1, pv_lang_get("fr"));
	assert_int_equal(strlen(s), n + 6);
	free(s);
	free(v);
}

static void test_kinds(void **state)
{
	(void)state;
	const struct pv_arg items[] = { PV_W("a mapping"), pv_arg_text("\x02none"),
					pv_msg_amount(-1234.5, "EUR") };
	const struct pv_arg args[] = { PV_L("none"), pv_msg_list(items, 3), pv_arg_uint(42),
				       pv_arg_int(-7), pv_arg_real(0.25) };
	char *en = render_printf("%s; %s; %zu; %d; %.1f", args, 5, pv_lang_default());
	assert_string_equal(en, "none; a mapping, \x02none and -1,234.50 EUR; 42; -7; 0.2");
	char *fr = render_printf("%s; %s; %zu; %d; %.1f", args, 5, pv_lang_get("fr"));
	assert_string_equal(fr, "aucun; un bloc de clés, \x02none et -1\xe2\x80\xaf" "234,50 EUR; 42; -7; 0.2");
	free(en);
	free(fr);
	/* An amount that is not finite never prints inf. */
	const struct pv_arg inf = pv_msg_amount(1e308 * 10, "USD");
	char *s = render_printf("%s", &inf, 1, NULL);
	assert_null(strstr(s, "inf"));
	free(s);
}

/* The C type of an argument decides its kind; strings are text. */
static void test_generic_capture(void **state)
{
	(void)state;
	struct pv_diags d;
	pv_diags_init(&d, "plan");
	const char *word = "\x01" "a mapping";
	size_t zu = 3;
	struct pv_diag *g = pv_diag_add(&d, "FMT004", ((struct pv_pos){ 2, 3, 1 }),
					"'%s' must be %s, not %s", word, PV_W("a list"), word);
	assert_int_equal(g->msg.nargs, 3);
	assert_int_equal(g->msg.args[0].kind, PV_ARG_TEXT);
	assert_int_equal(g->msg.args[1].kind, PV_ARG_WORD);
	char *s = pv_msg_text(&g->msg, pv_lang_get("fr"));
	assert_string_equal(s, "'\x01" "a mapping' doit être une liste, et non \x01" "a mapping");
	free(s);
	g = pv_diag_add(&d, "CON007", ((struct pv_pos){ 2, 3, 1 }),
			"%zu amounts are given with no currency in force", zu);
	assert_int_equal(g->msg.args[0].kind, PV_ARG_UINT);
	s = pv_msg_text(&g->msg, pv_lang_get("fr"));
	assert_string_equal(s, "3 montants sont indiqués sans monnaie applicable");
	free(s);
	pv_diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_is_text),
		cmocka_unit_test(test_catalogue_values_are_text),
		cmocka_unit_test(test_long_hostile_value),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_generic_capture),
	};
	return cmocka_run_group_tests_name("msg", tests, NULL, NULL);
}
