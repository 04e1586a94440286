/* The catalogue is complete in every language: each rule has every field,
 * translations take the same placeholders and arguments, labels exist. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/check.h"
#include "pveplan/yaml.h"

static const char *const fields[] = { "title", "message", "rationale", "citation",
				       "hint", "example", "fix" };

/* The sorted, comma-joined {placeholders} of a text. */
static void placeholders(const char *s, struct pv_buf *out)
{
	char names[32][32];
	size_t n = 0;
	for (const char *p = strchr(s, '{'); p && n < 32; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		if (!e || e - p > 30 || strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_") != (size_t)(e - p - 1))
			continue;
		snprintf(names[n++], 32, "%.*s", (int)(e - p - 1), p + 1);
	}
	qsort(names, n, sizeof(names[0]), (int (*)(const void *, const void *))strcmp);
	for (size_t i = 0; i < n; i++)
		pv_buf_addf(out, "%s%s", i ? "," : "", names[i]);
}

static void same_placeholders(const char *where, const char *en, const char *tr)
{
	struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT;
	placeholders(en, &a);
	placeholders(tr, &b);
	if (strcmp(a.buf, b.buf))
		fail_msg("%s: placeholders {%s} in English but {%s} in translation", where, a.buf, b.buf);
	pv_buf_release(&a);
	pv_buf_release(&b);
}

static void test_every_rule_every_field(void **state)
{
	(void)state;
	const struct pv_lang *en = pv_lang_default();
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		const struct pv_lang *l = pv_lang_get(*code);
		assert_non_null(l);
		for (size_t i = 0; i < pv_rules_nr; i++) {
			const char *rc = pv_rules[i].code;
			for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
				const char *t = pv_lang_rule_field(l, rc, fields[f]);
				if (!t || !*t)
					fail_msg("%s: rule %s has no '%s'", *code, rc, fields[f]);
				char where[64];
				snprintf(where, sizeof(where), "%s %s.%s", *code, rc, fields[f]);
				same_placeholders(where, pv_lang_rule_field(en, rc, fields[f]), t);
			}
		}
		/* ... and no rule pveplan does not know. */
		const char *const *codes;
		size_t n = pv_lang_rule_codes(l, &codes);
		assert_int_equal(n, pv_rules_nr);
		for (size_t i = 0; i < n; i++)
			if (!pv_rule_find(codes[i]))
				fail_msg("%s: catalogue has unknown rule %s", *code, codes[i]);
	}
}

/* Every variant of the English catalogue exists in every language, with the
 * same placeholders (tests/i18n/messages.py checks that every variant a
 * check uses is in the catalogue). */
static void test_variants(void **state)
{
	(void)state;
	const struct pv_lang *en = pv_lang_default();
	const struct pv_lang_entry *v;
	size_t n = pv_lang_table(en, PV_LANG_RULES, &v), variants = 0;
	for (size_t i = 0; i < n; i++) {
		const char *dot = strstr(v[i].key, ".variants.");
		if (!dot)
			continue;
		variants++;
		char rule[8];
		snprintf(rule, sizeof(rule), "%.*s", (int)(dot - v[i].key), v[i].key);
		for (const char *const *code = pv_lang_codes(); *code; code++) {
			const char *t = pv_lang_rule_field(pv_lang_get(*code), rule, dot + 1);
			if (!t)
				fail_msg("%s: no %s %s", *code, rule, dot + 1);
			same_placeholders(v[i].key, v[i].value, t);
		}
	}
	assert_true(variants > 0);
}

/* A counted label: English has KEY.one and KEY.other. */
static int is_family(const struct pv_lang_entry *en, size_t n, const char *key, size_t *stem)
{
	const char *dot = strrchr(key, '.');
	if (!dot || (strcmp(dot, ".one") && strcmp(dot, ".other")))
		return 0;
	*stem = (size_t)(dot - key);
	char other[128];
	snprintf(other, sizeof(other), "%.*s.%s", (int)*stem, key, strcmp(dot, ".one") ? "one" : "other");
	for (size_t i = 0; i < n; i++)
		if (!strcmp(en[i].key, other))
			return 1;
	return 0;
}

static const char *lookup(const struct pv_lang_entry *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].key, key))
			return v[i].value;
	return NULL;
}

/* The keys a language must have: the English keys, a counted label in
 * the language's own plural categories (ru: one few many other). */
static size_t expected_keys(const struct pv_lang_entry *en, size_t n, const struct pv_lang *l,
			    char (*out)[128], const char **src, size_t max)
{
	size_t k = 0, stem;
	for (size_t i = 0; i < n && k < max; i++) {
		if (!is_family(en, n, en[i].key, &stem)) {
			snprintf(out[k], 128, "%s", en[i].key);
			src[k++] = en[i].value;
		} else if (!strcmp(en[i].key + stem, ".other")) {
			for (const char *const *c = pv_lang_plural_categories(l); *c && k < max; c++) {
				snprintf(out[k], 128, "%.*s.%s", (int)stem, en[i].key, *c);
				src[k++] = en[i].value;
			}
		}
	}
	return k;
}

/* Every key expected of `l` is in its table with the English placeholders,
 * and the table has no other. */
static void same_keys(const char *file, const struct pv_lang *l, enum pv_lang_table which)
{
	static char keys[2048][128];
	static const char *src[2048];
	const struct pv_lang_entry *en, *tk;
	size_t n = pv_lang_table(pv_lang_default(), which, &en);
	size_t tn = pv_lang_table(l, which, &tk);
	size_t k = expected_keys(en, n, l, keys, src, 2048);
	for (size_t i = 0; i < k; i++) {
		const char *t = lookup(tk, tn, keys[i]);
		if (!t || !*t)
			fail_msg("%s: no label '%s'", file, keys[i]);
		if (strncmp(keys[i], "date.", 5))
			same_placeholders(keys[i], src[i], t);
	}
	if (tn != k)
		fail_msg("%s has %zu labels, %zu expected", file, tn, k);
}

static void test_labels(void **state)
{
	(void)state;
	const struct pv_lang_entry *keys;
	assert_true(pv_lang_table(pv_lang_default(), PV_LANG_LABELS, &keys) > 100);
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		char file[32];
		snprintf(file, sizeof(file), "rules.%s.yaml", *code);
		same_keys(file, pv_lang_get(*code), PV_LANG_LABELS);
	}
}

/* The report labels exist in all six languages, with the same placeholders
 * and each language's plural forms. */
static void test_report_labels(void **state)
{
	(void)state;
	const struct pv_lang_entry *keys;
	assert_true(pv_lang_table(pv_lang_default(), PV_LANG_REPORT, &keys) > 150);
	for (const char *const *code = pv_lang_report_codes(); *code; code++) {
		char file[32];
		snprintf(file, sizeof(file), "report.%s.yaml", *code);
		assert_non_null(pv_lang_get(*code));
		same_keys(file, pv_lang_get(*code), PV_LANG_REPORT);
	}
	assert_string_equal(pv_lang_report_label(pv_lang_get("ar"), "dir"), "rtl");
}

/* CLDR's categories for whole numbers. */
static void test_plurals(void **state)
{
	(void)state;
	static const struct { const char *lang; unsigned long long n; const char *cat; } v[] = {
		{ "en", 0, "other" }, { "en", 1, "one" }, { "en", 2, "other" },
		{ "fr", 0, "one" }, { "fr", 1, "one" }, { "fr", 2, "other" },
		{ "es", 1, "one" }, { "es", 0, "other" }, { "zh", 1, "other" },
		{ "ru", 1, "one" }, { "ru", 21, "one" }, { "ru", 11, "many" }, { "ru", 2, "few" },
		{ "ru", 24, "few" }, { "ru", 12, "many" }, { "ru", 5, "many" }, { "ru", 0, "many" },
		{ "ru", 111, "many" }, { "ru", 101, "one" },
		{ "ar", 0, "zero" }, { "ar", 1, "one" }, { "ar", 2, "two" }, { "ar", 3, "few" },
		{ "ar", 10, "few" }, { "ar", 103, "few" }, { "ar", 11, "many" }, { "ar", 99, "many" },
		{ "ar", 100, "other" }, { "ar", 102, "other" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		if (strcmp(pv_lang_plural(pv_lang_get(v[i].lang), v[i].n), v[i].cat))
			fail_msg("%s %llu: %s, not %s", v[i].lang, v[i].n,
				 pv_lang_plural(pv_lang_get(v[i].lang), v[i].n), v[i].cat);
	/* A counted message: the form of the count, English for a language without it. */
	const char *sg = "the reports carry a 'not valid' banner: the plan has %zu error";
	const char *pl = "the reports carry a 'not valid' banner: the plan has %zu errors";
	assert_string_equal(pv_lang_nmessage(NULL, sg, pl, 1), sg);
	assert_string_equal(pv_lang_nmessage(NULL, sg, pl, 0), pl);
	assert_non_null(strstr(pv_lang_nmessage(pv_lang_get("fr"), sg, pl, 0), "%zu erreur"));
	assert_null(strstr(pv_lang_nmessage(pv_lang_get("fr"), sg, pl, 0), "erreurs"));
	assert_non_null(strstr(pv_lang_nmessage(pv_lang_get("fr"), sg, pl, 3), "erreurs"));
	assert_string_equal(pv_lang_count_label(pv_lang_get("fr"), "count.error", 0), "{n} erreur");
	assert_string_equal(pv_lang_count_label(NULL, "count.error", 0), "{n} errors");
}

static void test_message_arguments(void **state)
{
	(void)state;
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		const struct pv_lang_entry *m;
		size_t n = pv_lang_table(pv_lang_get(*code), PV_LANG_MESSAGES, &m);
		if (strcmp(*code, "en"))
			assert_true(n > 50);
		for (size_t i = 0; i < n; i++) {
			struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT;
			assert_int_equal(pv_msg_signature(m[i].key, &a), 0);
			if (pv_msg_signature(m[i].value, &b) < 0 || strcmp(a.buf, b.buf))
				fail_msg("%s: '%s' takes (%s) but its translation '%s' (%s)", *code,
					 m[i].key, a.buf, m[i].value, b.buf);
			pv_buf_release(&a);
			pv_buf_release(&b);
		}
	}
}

static void test_examples_are_yaml(void **state)
{
	(void)state;
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		const struct pv_lang *l = pv_lang_get(*code);
		for (size_t i = 0; i < pv_rules_nr; i++)
			for (int f = 0; f < 2; f++) {
				const char *text = pv_lang_rule_field(l, pv_rules[i].code, f ? "fix" : "example");
				struct pv_doc doc = PV_DOC_INIT;
				struct pv_diags d;
				pv_diags_init(&d, "example");
				int r = pv_doc_parse(&doc, text, strlen(text), &lim, &d);
				/* FMT001's example is broken YAML on purpose; other examples
				 * parse, and fixes parse without any finding. */
				int exempt = !f && !strcmp(pv_rules[i].code, "FMT001");
				if (!exempt && (r < 0 || (f && d.nr)))
					fail_msg("%s: %s %s is not valid YAML", *code, pv_rules[i].code,
						 f ? "fix" : "example");
				pv_doc_release(&doc);
				pv_diags_release(&d);
			}
	}
}

static void test_rendering(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	const struct pv_arg pairs[] = { pv_arg_text("n"), pv_msg_amount(1234567.5, "XOF") };
	pv_template_fill("[{n}]", pairs, 1, pv_lang_get("fr"), &b);
	assert_string_equal(b.buf, "[1\xe2\x80\xaf" "234\xe2\x80\xaf" "567,50 XOF]");
	pv_buf_reset(&b);
	pv_template_fill("[{n}] {unknown}", pairs, 1, pv_lang_default(), &b);
	assert_string_equal(b.buf, "[1,234,567.50 XOF] {unknown}");
	const struct pv_arg items[] = { pv_arg_text("a"), PV_L("none"), pv_arg_text("c") };
	const struct pv_arg lp[] = { pv_arg_text("l"), pv_msg_list(items, 3) };
	pv_buf_reset(&b);
	pv_template_fill("{l}", lp, 1, pv_lang_default(), &b);
	assert_string_equal(b.buf, "a, none and c");
	/* Reals, dates: as the language writes them, as the reports do. */
	static const struct { const char *lang; struct pv_arg a; const char *want; } v[] = {
		{ "en", { .kind = PV_ARG_REAL, .u = { .d = 45.5 } }, "45.5" },
		{ "fr", { .kind = PV_ARG_REAL, .u = { .d = 45.5 } }, "45,5" },
		{ "es", { .kind = PV_ARG_REAL, .u = { .d = 30 } }, "30" },
		{ "en", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 14 } } }, "14 March 2025" },
		{ "en", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 0 } } }, "March 2025" },
		{ "en", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 0, 0 } } }, "2025" },
		{ "es", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 14 } } }, "14 de marzo de 2025" },
		{ "ru", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 14 } } }, "14 марта 2025 г." },
		{ "ru", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 0 } } }, "март 2025 г." },
		{ "zh", { .kind = PV_ARG_DATE, .u = { .date = { 2025, 3, 14 } } }, "2025年3月14日" },
		{ "fr", { .kind = PV_ARG_DATE, .u = { .date = { 2024, 10, 1 } } }, "1er octobre 2024" },
		{ "fr", { .kind = PV_ARG_DATE, .u = { .date = { 2024, 10, 2 } } }, "2 octobre 2024" },
		{ "en", { .kind = PV_ARG_DATE, .u = { .date = { 2024, 10, 1 } } }, "1 October 2024" },
		{ "es", { .kind = PV_ARG_DATE, .u = { .date = { 2024, 10, 1 } } }, "1 de octubre de 2024" },
	};
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++) {
		pv_buf_reset(&b);
		pv_arg_render(&v[i].a, pv_lang_get(v[i].lang), &b);
		if (strcmp(b.buf, v[i].want))
			fail_msg("%s: '%s', not '%s'", v[i].lang, b.buf, v[i].want);
	}
	pv_buf_release(&b);
}

/* Arabic findings keep their left-to-right runs in order: plan text in a
 * first-strong isolate, an amount in a left-to-right one; other languages
 * get no invisible character. */
static void test_isolates(void **state)
{
	(void)state;
	struct pv_msg m;
	const struct pv_arg args[] = { pv_arg_text("min-youth"), pv_msg_amount(1500, "USD") };
	pv_msg_printf(&m, "'%s' costs %s", args, 2);
	struct pv_buf t = PV_BUF_INIT;
	pv_msg_render_terminal(&m, pv_lang_get("ar"), &t);
	char *ar = pv_buf_detach(&t, NULL), *en = pv_msg_text(&m, pv_lang_get("en"));
	/* nothing isolated outside a terminal */
	char *plain = pv_msg_text(&m, pv_lang_get("ar"));
	assert_null(strstr(plain, "\xe2\x81"));
	free(plain);
	assert_non_null(strstr(ar, "\xe2\x81\xa8min-youth\xe2\x81\xa9"));
	assert_non_null(strstr(ar, "\xe2\x81\xa6" "1,500 USD\xe2\x81\xa9"));
	assert_string_equal(en, "'min-youth' costs 1,500 USD");
	free(ar);
	free(en);
	pv_msg_release(&m);
	assert_string_equal(pv_lang_lri(pv_lang_get("fr")), "");
	assert_string_equal(pv_lang_lri(pv_lang_get("ar")), "\xe2\x81\xa6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule_every_field),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_report_labels),
		cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_message_arguments),
		cmocka_unit_test(test_examples_are_yaml),
		cmocka_unit_test(test_rendering),
		cmocka_unit_test(test_isolates),
	};
	return cmocka_run_group_tests_name("lang", tests, NULL, NULL);
}
