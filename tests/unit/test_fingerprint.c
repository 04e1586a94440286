/*
 * Finding fingerprints (pv_check_fingerprints, pv_diag_fingerprint): the
 * same finding keeps its fingerprint when lines are inserted above it;
 * findings of one rule on different subjects, or with different identifying
 * arguments, differ; counts do not take part.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"
#include "pveplan/check.h"
#include "pveplan/policy.h"

struct checked {
	struct pv_plan plan;
	struct pv_diags d;
};

static char *slurp(const char *rel)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", PVEPLAN_SOURCE_DIR, rel);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct pv_buf b = PV_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		pv_buf_add(&b, chunk, n);
	fclose(f);
	return pv_buf_detach(&b, NULL);
}

static void check(struct checked *c, const char *src)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	pv_diags_init(&c->d, "plan.pve.yaml");
	pv_check_text(src, strlen(src), &o, &c->plan, &c->d, NULL);
}

static void uncheck(struct checked *c)
{
	pv_plan_release(&c->plan);
	pv_diags_release(&c->d);
}

/* `s` with `add` inserted before the first occurrence of `at`. */
static char *insert_before(const char *s, const char *at, const char *add)
{
	const char *p = strstr(s, at);
	assert_non_null(p);
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_add(&b, s, (size_t)(p - s));
	pv_buf_adds(&b, add);
	pv_buf_adds(&b, p);
	return pv_buf_detach(&b, NULL);
}

static const struct pv_diag *find(const struct pv_diags *d, const char *code, const char *subject)
{
	for (size_t i = 0; i < d->nr; i++)
		if (!strcmp(d->v[i].code, code) &&
		    (!subject || (d->v[i].subject && !strcmp(d->v[i].subject, subject))))
			return &d->v[i];
	return NULL;
}

static void every_finding_has_a_distinct_fingerprint(void **state)
{
	(void)state;
	char *src = slurp("examples/weak-draft-en.pve.yaml");
	struct checked c;
	check(&c, src);
	assert_true(c.d.nr > 10);
	for (size_t i = 0; i < c.d.nr; i++) {
		assert_int_equal(strlen(c.d.v[i].fingerprint), PV_FINGERPRINT_SIZE - 1);
		assert_int_equal(strspn(c.d.v[i].fingerprint, "0123456789abcdef"),
				 PV_FINGERPRINT_SIZE - 1);
		assert_non_null(c.d.v[i].key_path);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(c.d.v[i].fingerprint, c.d.v[j].fingerprint);
	}
	uncheck(&c);
	free(src);
}

/* Comment lines at the top and a stakeholder in the middle move every
 * finding below them, and change no fingerprint. */
static void inserting_lines_above_keeps_fingerprints(void **state)
{
	(void)state;
	char *src = slurp("examples/weak-draft-en.pve.yaml");
	char *top = insert_before(src, "pveplan:", "# a draft\n# of the strategy\n\n");
	char *edited = insert_before(top, "  - id: imams\n",
				     "  - id: imams2\n    name: Regional Council of Imams\n"
				     "    sector: religious\n");
	struct checked a, b;
	check(&a, src);
	check(&b, edited);
	assert_int_equal(a.d.nr, b.d.nr);
	for (size_t i = 0; i < a.d.nr; i++) {
		const struct pv_diag *x = &a.d.v[i], *y = &b.d.v[i];
		assert_string_equal(x->code, y->code);
		assert_string_equal(x->key_path, y->key_path);
		assert_string_equal(x->fingerprint, y->fingerprint);
		assert_true(y->pos.line >= x->pos.line + 3);
	}
	/* The action findings are below the new stakeholder. */
	const struct pv_diag *x = find(&a.d, "PVE111", "A2"), *y = find(&b.d, "PVE111", "A2");
	assert_non_null(x);
	assert_non_null(y);
	assert_int_equal(y->pos.line, x->pos.line + 6);
	assert_string_equal(x->key_path, "priorities[P1].objectives[P1.O1].actions[A2].id");
	uncheck(&a);
	uncheck(&b);
	free(src);
	free(top);
	free(edited);
}

static void same_rule_on_different_subjects_differs(void **state)
{
	(void)state;
	char *src = slurp("examples/weak-draft-en.pve.yaml");
	struct checked c;
	check(&c, src);
	const struct pv_diag *a1 = find(&c.d, "PVE111", "A1"), *a2 = find(&c.d, "PVE111", "A2");
	assert_non_null(a1);
	assert_non_null(a2);
	assert_string_not_equal(a1->fingerprint, a2->fingerprint);
	uncheck(&c);
	free(src);
}

/* A finding made by hand, for pv_diag_fingerprint alone. */
static void rule_finding(struct pv_diags *d, const char *field, const char *area, int count)
{
	pv_diag_rule(d, "PVE101", field, ((struct pv_pos){ 10, 1, 1 }), NULL, "key", area,
		     "count", count);
	d->v[d->nr - 1].key_path = xstrdup("priorities");
}

static void counts_do_not_count_identifying_texts_do(void **state)
{
	(void)state;
	struct pv_diags d;
	char fp[4][PV_FINGERPRINT_SIZE];
	pv_diags_init(&d, "x");
	rule_finding(&d, "message", "gender", 1);
	rule_finding(&d, "message", "gender", 7);
	rule_finding(&d, "message", "youth", 1);
	rule_finding(&d, "variants.other", "gender", 1);
	for (size_t i = 0; i < 4; i++)
		pv_diag_fingerprint(&d.v[i], "XX-2026", 0, fp[i]);
	assert_string_equal(fp[0], fp[1]);
	assert_string_not_equal(fp[0], fp[2]);
	assert_string_not_equal(fp[0], fp[3]);
	/* The line is not part of it; the plan id and the occurrence are. */
	d.v[1].pos.line = 99;
	pv_diag_fingerprint(&d.v[1], "XX-2026", 0, fp[1]);
	assert_string_equal(fp[0], fp[1]);
	pv_diag_fingerprint(&d.v[1], "YY-2026", 0, fp[1]);
	assert_string_not_equal(fp[0], fp[1]);
	pv_diag_fingerprint(&d.v[1], "XX-2026", 1, fp[1]);
	assert_string_not_equal(fp[0], fp[1]);
	pv_diags_release(&d);
}

/* Two findings with the same identity (a tab pasted on two lines) are told
 * apart by their order, and a file not read as YAML still has them. */
static void identical_findings_differ_by_occurrence(void **state)
{
	(void)state;
	struct checked c;
	check(&c, "pveplan: 1\nplan:\n\tid: x\n\ttitle: y\n");
	assert_int_equal(c.d.nr, 2);
	assert_string_equal(c.d.v[0].code, "FMT001");
	assert_string_equal(c.d.v[1].code, "FMT001");
	assert_string_equal(c.d.v[0].key_path, c.d.v[1].key_path);
	for (size_t i = 0; i < c.d.nr; i++) {
		assert_int_equal(strlen(c.d.v[i].fingerprint), PV_FINGERPRINT_SIZE - 1);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(c.d.v[i].fingerprint, c.d.v[j].fingerprint);
	}
	uncheck(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_finding_has_a_distinct_fingerprint),
		cmocka_unit_test(inserting_lines_above_keeps_fingerprints),
		cmocka_unit_test(same_rule_on_different_subjects_differs),
		cmocka_unit_test(counts_do_not_count_identifying_texts_do),
		cmocka_unit_test(identical_findings_differ_by_occurrence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
