#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/schema.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"
#include "pveplan/output.h"

/*
 * `pveplan schema` (src/output/render_schema.c) against what it is made
 * from: every key of the loader's table and every value of its enumerations
 * has a description in each of the six languages of the schema catalogue
 * (src/catalogue/schema.LANG.yaml), no description is left over for a key
 * that is gone, and the regular expressions of the schema accept exactly
 * what the loader's parsers accept.
 */

static const char *const langs[] = { "en", "ar", "es", "fr", "ru", "zh" };

#define ENUM_ROW(LIST, name) { pv_##name##_names, #name },
static const struct {
	const char *const *names;
	const char *name;
} enums[] = {
	PV_ENUM_LISTS(ENUM_ROW)
	{ pv_context_level_names, "level" },
};

static const char *enum_name(const char *const *names)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(enums); i++)
		if (enums[i].names == names)
			return enums[i].name;
	return NULL;
}

/* The keys the schema table needs ("key.SCHEMA.KEY", "value.ENUM.NAME"),
 * one a line, each once. */
static void wanted(const struct pv_schema *s, struct pv_buf *out, int depth)
{
	char seg[64], key[192];
	assert_true(depth < 8);
	snprintf(seg, sizeof(seg), "%s", s->name.u.s);
	for (char *p = seg; *p; p++)
		*p = *p == ' ' ? '_' : *p;
	for (size_t i = 0; i < s->nfields; i++) {
		const struct pv_field *f = &s->fields[i];
		snprintf(key, sizeof(key), "\nkey.%s.%s\n", seg, f->key);
		if (!strstr(out->buf, key))
			pv_buf_adds(out, key + 1);
		for (size_t v = 1; f->names && f->names[v]; v++) {
			assert_non_null(enum_name(f->names));
			snprintf(key, sizeof(key), "\nvalue.%s.%s\n", enum_name(f->names), f->names[v]);
			if (!strstr(out->buf, key))
				pv_buf_adds(out, key + 1);
		}
		if (f->sub)
			wanted(f->sub, out, depth + 1);
	}
}

static void test_every_key_described(void **state)
{
	(void)state;
	struct pv_buf want = PV_BUF_INIT;
	size_t missing = 0;
	pv_buf_addch(&want, '\n');
	wanted(&pv_schema_file, &want, 0);
	for (size_t l = 0; l < PV_ARRAY_SIZE(langs); l++) {
		const struct pv_lang *lang = pv_lang_get(langs[l]);
		assert_non_null(lang);
		for (const char *p = want.buf + 1; *p; p += strcspn(p, "\n") + 1) {
			char key[192];
			snprintf(key, sizeof(key), "%.*s", (int)strcspn(p, "\n"), p);
			const char *d = pv_lang_schema_text(lang, key);
			if (!d || !*d) {
				printf("schema.%s.yaml has no description for %s\n", langs[l], key);
				missing++;
			}
		}
	}
	if (missing)
		fail_msg("%zu descriptions are missing", missing);
	pv_buf_release(&want);
}

/* No description for a key or a value the table no longer has, and the
 * same keys in every language. */
static void test_nothing_left_over(void **state)
{
	(void)state;
	struct pv_buf want = PV_BUF_INIT;
	const struct pv_lang_entry *en, *e;
	size_t nen = pv_lang_schema_table(pv_lang_default(), &en), bad = 0;
	pv_buf_addch(&want, '\n');
	wanted(&pv_schema_file, &want, 0);
	assert_true(nen > 0);
	for (size_t i = 0; i < nen; i++) {
		char key[200];
		snprintf(key, sizeof(key), "\n%s\n", en[i].key);
		if ((!strncmp(en[i].key, "key.", 4) || !strncmp(en[i].key, "value.", 6)) &&
		    !strstr(want.buf, key)) {
			printf("schema.en.yaml describes %s, which the schema table does not have\n", en[i].key);
			bad++;
		}
	}
	for (size_t l = 1; l < PV_ARRAY_SIZE(langs); l++) {
		size_t n = pv_lang_schema_table(pv_lang_get(langs[l]), &e);
		for (size_t i = 0; i < n || i < nen; i++)
			if (i >= n || i >= nen || strcmp(e[i].key, en[i].key)) {
				printf("schema.%s.yaml has %s where schema.en.yaml has %s\n", langs[l],
				       i < n ? e[i].key : "nothing", i < nen ? en[i].key : "nothing");
				bad++;
				break;
			}
	}
	if (bad)
		fail_msg("%zu problems", bad);
	pv_buf_release(&want);
}

/* The generator finds every description it looks for, in each language. */
static void test_render_finds_all(void **state)
{
	(void)state;
	for (size_t l = 0; l < PV_ARRAY_SIZE(langs); l++) {
		struct pv_buf out = PV_BUF_INIT, missing = PV_BUF_INIT;
		size_t n = pv_render_schema(pv_lang_get(langs[l]), &out, &missing);
		if (n)
			fail_msg("%s lacks %zu descriptions:\n%s", langs[l], n, missing.buf);
		assert_true(out.len > 1000 && out.buf[out.len - 1] == '\n');
		pv_buf_release(&out);
		pv_buf_release(&missing);
	}
}

static int matches(const char *pattern, const char *s)
{
	regex_t re;
	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
	int m = regexec(&re, s, 0, NULL, 0) == 0;
	regfree(&re);
	return m;
}

/* Every date of a range of years at each precision, with months and days
 * just out of range: the pattern and pv_date_parse agree on each. */
static void test_date_pattern(void **state)
{
	(void)state;
	static const int years[] = { 999, 1000, 1004, 1100, 1600, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999 };
	char s[32];
	struct pv_date d;
	struct pv_arg why;
	for (size_t i = 0; i < PV_ARRAY_SIZE(years); i++)
		for (int m = -1; m <= 13; m++)
			for (int day = -1; day <= 32; day++) {
				if (m < 0)
					snprintf(s, sizeof(s), "%04d", years[i]);
				else if (day < 0)
					snprintf(s, sizeof(s), "%04d-%02d", years[i], m);
				else
					snprintf(s, sizeof(s), "%04d-%02d-%02d", years[i], m, day);
				int parsed = pv_date_parse(s, &d, &why) == 0;
				if (parsed != matches(PV_PATTERN_DATE, s))
					fail_msg("'%s': pv_date_parse %s it, the pattern does not", s,
						 parsed ? "takes" : "refuses");
			}
	static const char *const odd[] = { "", "2025-1", "2025-01-1", "20250101", "2025/01/01",
					   "2025-01-01T00:00", " 2025", "2025 ", "02025", "+2025" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(odd); i++)
		assert_int_equal(pv_date_parse(odd[i], &d, &why) == 0, matches(PV_PATTERN_DATE, odd[i]));
}

static void test_identifier_pattern(void **state)
{
	(void)state;
	char long_id[80];
	static const char *const ids[] = { "a", "P1.O1.A1", "nap-pve_2025", "Z9", "1a", "a b", "-a",
					   ".a", "_a", "a/b", "é", "aé", "a:b", "" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(ids); i++)
		assert_int_equal(pv_is_identifier(ids[i]), matches(PV_PATTERN_ID, ids[i]));
	for (size_t n = 62; n <= 66; n++) {
		memset(long_id, 'x', n);
		long_id[n] = '\0';
		assert_int_equal(pv_is_identifier(long_id), matches(PV_PATTERN_ID, long_id));
	}
}

/* The words of the pattern are booleans to pv_bool_parse, and the only
 * other words it takes are YAML 1.2's own booleans. */
static void test_bool_pattern(void **state)
{
	(void)state;
	static const char *const words[] = { "yes", "Yes", "YES", "no", "No", "NO", "on", "On",
					     "ON", "off", "Off", "OFF", "true", "True", "TRUE",
					     "false", "False", "FALSE", "y", "n", "yES", "oN", "1", "" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(words); i++) {
		int v, parsed = pv_bool_parse(words[i], &v) == 0;
		int yaml12 = !strcasecmp(words[i], "true") || !strcasecmp(words[i], "false");
		if (yaml12)
			assert_true(parsed && !matches(PV_PATTERN_BOOL_WORDS, words[i]));
		else
			assert_int_equal(parsed, matches(PV_PATTERN_BOOL_WORDS, words[i]));
	}
}

static void test_rule_pattern(void **state)
{
	(void)state;
	static const char *const good[] = { "PVE110", "FMT001", "REF003", "CON007", "PVE999",
					      "SYN001" };
	static const char *const bad[] = { "pve110", "PVE11", "PVE1100", "ABC123", "PVE11a", "" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(good); i++)
		assert_true(matches(PV_PATTERN_RULE, good[i]));
	for (size_t i = 0; i < PV_ARRAY_SIZE(bad); i++)
		assert_false(matches(PV_PATTERN_RULE, bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_described),
		cmocka_unit_test(test_nothing_left_over),
		cmocka_unit_test(test_render_finds_all),
		cmocka_unit_test(test_date_pattern),
		cmocka_unit_test(test_identifier_pattern),
		cmocka_unit_test(test_bool_pattern),
		cmocka_unit_test(test_rule_pattern),
	};
	return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
