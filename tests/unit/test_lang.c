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

static void test_labels(void **state)
{
	(void)state;
	const struct pv_lang *en = pv_lang_default();
	const struct pv_lang_entry *keys;
	size_t n = pv_lang_table(en, PV_LANG_LABELS, &keys);
	assert_true(n > 100);
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		const struct pv_lang *l = pv_lang_get(*code);
		const struct pv_lang_entry *tk;
		size_t tn = pv_lang_table(l, PV_LANG_LABELS, &tk);
		assert_int_equal(tn, n);
		for (size_t i = 0; i < n; i++) {
			/* Same keys, same order: both tables are sorted. */
			if (strcmp(tk[i].key, keys[i].key) || !*tk[i].value)
				fail_msg("%s: no label '%s'", *code, keys[i].key);
			same_placeholders(keys[i].key, keys[i].value, tk[i].value);
		}
	}
}

/* The labels of 'pveplan diff' (diff.*), whose --lang takes en or fr. */
static int diff_label(const char *key)
{
	return !strncmp(key, "diff.", 5);
}

/* The report labels exist in all six languages, with the same placeholders;
 * those of 'pveplan diff' in English and French, the languages it writes. */
static void test_report_labels(void **state)
{
	(void)state;
	const struct pv_lang *en = pv_lang_default();
	const struct pv_lang_entry *keys;
	size_t n = pv_lang_table(en, PV_LANG_REPORT, &keys);
	assert_true(n > 150);
	for (const char *const *code = pv_lang_report_codes(); *code; code++) {
		const struct pv_lang *l = pv_lang_get(*code);
		assert_non_null(l);
		int diff = !strcmp(*code, "en") || !strcmp(*code, "fr");
		const struct pv_lang_entry *tk;
		size_t tn = pv_lang_table(l, PV_LANG_REPORT, &tk), j = 0;
		for (size_t i = 0; i < n; i++) {
			if (!diff && diff_label(keys[i].key))
				continue;
			if (j >= tn || strcmp(tk[j].key, keys[i].key))
				fail_msg("report.%s.yaml: no label '%s'", *code, keys[i].key);
			if (!*tk[j].value)
				fail_msg("report.%s.yaml: label '%s' is empty", *code, keys[i].key);
			if (strncmp(keys[i].key, "date.", 5))
				same_placeholders(keys[i].key, keys[i].value, tk[j].value);
			j++;
		}
		if (j != tn)
			fail_msg("report.%s.yaml has %zu labels, %zu expected", *code, tn, j);
	}
	assert_string_equal(pv_lang_report_label(pv_lang_get("ar"), "dir"), "rtl");
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
	pv_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_rule_every_field),
		cmocka_unit_test(test_variants),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_report_labels),
		cmocka_unit_test(test_message_arguments),
		cmocka_unit_test(test_examples_are_yaml),
		cmocka_unit_test(test_rendering),
	};
	return cmocka_run_group_tests_name("lang", tests, NULL, NULL);
}
