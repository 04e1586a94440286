#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/alloc.h"
#include "pveplan/buf.h"
#include "pveplan/strmap.h"

/* The invariants of struct pv_buf, checked after every operation. */
static void check_invariants(const struct pv_buf *b)
{
	assert_non_null(b->buf);
	assert_int_equal(b->buf[b->len], '\0');
	if (b->alloc)
		assert_true(b->len < b->alloc);
	else
		assert_int_equal(b->len, 0);
}

static void test_empty(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	check_invariants(&b);
	assert_string_equal(b.buf, "");
	char *s = pv_buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);
	check_invariants(&b);
}

static void test_add_and_format(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "abc");
	check_invariants(&b);
	pv_buf_addch(&b, '-');
	check_invariants(&b);
	pv_buf_addf(&b, "%d/%s", 42, "x");
	check_invariants(&b);
	pv_buf_addchars(&b, '^', 3);
	check_invariants(&b);
	assert_string_equal(b.buf, "abc-42/x^^^");
	assert_int_equal(b.len, 11);
	pv_buf_reset(&b);
	check_invariants(&b);
	assert_string_equal(b.buf, "");
	pv_buf_release(&b);
	check_invariants(&b);
}

static void test_grows_past_initial_size(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	for (int i = 0; i < 1000; i++) {
		pv_buf_addf(&b, "%04d,", i);
		check_invariants(&b);
	}
	assert_int_equal(b.len, 5000);
	assert_memory_equal(b.buf + 4995, "0999,", 5);
	size_t len;
	char *s = pv_buf_detach(&b, &len);
	assert_int_equal(len, 5000);
	assert_int_equal(strlen(s), 5000);
	free(s);
}

static void test_arena(void **state)
{
	(void)state;
	struct pv_arena a = PV_ARENA_INIT;
	char *big = pv_arena_alloc(&a, 1 << 20);
	memset(big, 'x', 1 << 20);
	char *s = pv_arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	double *d = pv_arena_alloc(&a, sizeof(double));
	assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
	*d = 1.5;
	for (int i = 0; i < 10000; i++)
		pv_arena_strndup(&a, "abcdefgh", 8);
	assert_string_equal(s, "hello");
	assert_int_equal(big[12345], 'x');
	pv_arena_release(&a);
	assert_null(a.head);
}

static void test_strmap(void **state)
{
	(void)state;
	struct pv_strmap m = PV_STRMAP_INIT;
	static char keys[2000][8];
	assert_null(pv_strmap_get(&m, "a"));
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		assert_null(pv_strmap_put(&m, keys[i], keys[i]));
	}
	assert_int_equal(m.nr, 2000);
	for (int i = 0; i < 2000; i++)
		assert_ptr_equal(pv_strmap_get(&m, keys[i]), keys[i]);
	assert_null(pv_strmap_get(&m, "k2000"));
	assert_ptr_equal(pv_strmap_put(&m, "k5", keys[7]), keys[5]);
	assert_ptr_equal(pv_strmap_get(&m, "k5"), keys[7]);
	assert_int_equal(m.nr, 2000);
	pv_strmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_add_and_format),
		cmocka_unit_test(test_grows_past_initial_size),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_strmap),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
