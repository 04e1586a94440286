/* The citation register as compiled (src/catalogue/citations.yaml): every
 * rule's citations exist and may be cited, every PVE rule but PVE102 and
 * PVE125 cites something and no other rule does, and what the outputs show
 * of a citation is labelled in every language of findings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "pveplan/check.h"
#include "pveplan/lang.h"
#include "pveplan/policy.h"

static int scored(const char *doc)
{
	for (const char *const *d = pv_lang_scored_documents(); *d; d++)
		if (!strcmp(*d, doc))
			return 1;
	return 0;
}

static void test_entries(void **state)
{
	(void)state;
	const struct pv_citation *all;
	size_t n = pv_lang_citations(&all);
	assert_true(n >= 31);	/* the register of catalogue 2, families expanded */
	for (size_t i = 0; i < n; i++) {
		const struct pv_citation *c = &all[i];
		if (strcmp(c->status, "verified") && strcmp(c->status, "substance"))
			fail_msg("%s: status '%s' cannot be cited", c->key, c->status);
		if (!*c->document || !*c->seen || !*c->where)
			fail_msg("%s: an empty document, seen or where", c->key);
		if (!scored(c->counts_under))
			fail_msg("%s counts under '%s', which is not scored", c->key, c->counts_under);
		assert_ptr_equal(pv_lang_citation(c->key), c);
	}
	size_t ndocs = 0;
	for (const char *const *d = pv_lang_scored_documents(); *d; d++)
		ndocs++;
	/* rules.md's grouping: eight documents, each scored in the matrix. */
	assert_int_equal(ndocs, 8);
	assert_true(ndocs <= PV_SCORED_DOCS_MAX);
	assert_null(pv_lang_citation("POA-45"));
	assert_null(pv_lang_citation(NULL));
	/* The families of the register, expanded. */
	static const char *const family[] = { "POA-AREA-dialogue", "POA-AREA-governance",
		"POA-AREA-communities", "POA-AREA-youth", "POA-AREA-gender", "POA-AREA-education",
		"POA-AREA-communications", "GCTF-GP1", "GCTF-GP2", "GCTF-GP3", "GCTF-GP4", "GCTF-GP5" };
	for (size_t i = 0; i < sizeof(family) / sizeof(*family); i++)
		if (!pv_lang_citation(family[i]))
			fail_msg("the register lacks %s", family[i]);
}

static void test_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < pv_rules_nr; i++) {
		const char *code = pv_rules[i].code;
		const struct pv_citation *const *c;
		size_t n = pv_lang_rule_citations(code, &c);
		int cites = !strncmp(code, "PVE", 3) && strcmp(code, "PVE102") && strcmp(code, "PVE125");
		if (cites && !n)
			fail_msg("%s cites nothing", code);
		if (!cites && n)
			fail_msg("%s cites %s, but cites no external source", code, c[0]->key);
		for (size_t j = 0; j < n; j++)
			if (pv_lang_citation(c[j]->key) != c[j])
				fail_msg("%s cites %s, which is not in the register", code, c[j]->key);
	}
	const struct pv_citation *const *c;
	assert_int_equal(pv_lang_rule_citations("PVE999", &c), 0);
	assert_null(c);
	/* rules.md's table, spot-checked where catalogue 2 corrected catalogue 1. */
	assert_int_equal(pv_lang_rule_citations("PVE117", &c), 1);
	assert_string_equal(c[0]->key, "UNOCT-PAP");
	assert_int_equal(pv_lang_rule_citations("PVE119", &c), 5);
	assert_string_equal(c[0]->key, "IDDRS-2.10");
	assert_int_equal(pv_lang_rule_citations("PVE122", &c), 1);
	assert_string_equal(c[0]->counts_under, "RG");
}

/* Only PVE122 counts under the Reference Guide (rules.md). */
static void test_reference_guide(void **state)
{
	(void)state;
	for (size_t i = 0; i < pv_rules_nr; i++) {
		const struct pv_citation *const *c;
		size_t n = pv_lang_rule_citations(pv_rules[i].code, &c);
		for (size_t j = 0; j < n; j++)
			if (!strcmp(c[j]->counts_under, "RG") && strcmp(pv_rules[i].code, "PVE122"))
				fail_msg("%s counts under the Reference Guide", pv_rules[i].code);
	}
}

static void test_labels(void **state)
{
	(void)state;
	static const char *const words[] = { "citation_status.verified", "citation_status.substance",
					     "explain.citations", "explain.status", "explain.seen",
					     "explain.where" };
	for (const char *const *code = pv_lang_codes(); *code; code++) {
		const struct pv_lang *l = pv_lang_get(*code);
		const struct pv_lang_entry *e;
		size_t n = pv_lang_table(l, PV_LANG_LABELS, &e);
		char key[96];
		for (const char *const *d = pv_lang_scored_documents(); *d; d++) {
			snprintf(key, sizeof(key), "doc.%s", *d);
			size_t k = 0;
			while (k < n && strcmp(e[k].key, key))
				k++;
			if (k == n)
				fail_msg("%s: no name for document %s", *code, *d);
		}
		for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
			size_t k = 0;
			while (k < n && strcmp(e[k].key, words[w]))
				k++;
			if (k == n)
				fail_msg("%s: no label %s", *code, words[w]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_reference_guide),
		cmocka_unit_test(test_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
