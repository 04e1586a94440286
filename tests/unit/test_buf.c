#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pveplan/base.h"

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

static void expect_visible(const char *in, size_t len, const char *want)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_add_visible(&b, in, len);
	check_invariants(&b);
	assert_string_equal(b.buf, want);
	pv_buf_release(&b);
}

/* Plan text reaches terminals and parsers only with its controls escaped. */
static void test_visible(void **state)
{
	(void)state;
	expect_visible("plain text, é, 中文", strlen("plain text, é, 中文"), "plain text, é, 中文");
	expect_visible("\x1b[2J\x1b[1A", 8, "\\x1b[2J\\x1b[1A");
	expect_visible("a\tb\nc\rd", 7, "a\\tb\\nc\\rd");
	expect_visible("\x01\x02\x03\x04\x1e\x1f\x7f", 7, "\\x01\\x02\\x03\\x04\\x1e\\x1f\\x7f");
	expect_visible("nul\0x", 5, "nul\\x00x");
	/* C1 (U+0085), LS, RLO, BOM, U+FFFE, U+FFFF */
	expect_visible("\xc2\x85|\xe2\x80\xa8|\xe2\x80\xae|\xef\xbb\xbf|\xef\xbf\xbe|\xef\xbf\xbf", 22,
		       "\\u{85}|\\u{2028}|\\u{202e}|\\u{feff}|\\u{fffe}|\\u{ffff}");
	/* Invalid UTF-8 and a truncated sequence, byte by byte. */
	expect_visible("\xff\xe2\x80", 3, "\\xff\\xe2\\x80");
	uint32_t cp;
	assert_int_equal(pv_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(pv_utf8_decode("\xc0\x80", 2, &cp), 1);	/* overlong */
	assert_int_equal(cp, 0xfffd);
	assert_int_equal(pv_utf8_decode("\xed\xa0\x80", 3, &cp), 1);	/* surrogate */
}

/* Ids crafted to collide under an unkeyed hash (here FNV-1a, which pveplan
 * used, colliding in their low 12 bits) do not make the map degrade: the
 * hash is keyed, so the attacker cannot know which ids collide. */
static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void test_strmap_crafted_collisions(void **state)
{
	(void)state;
	enum { N = 3000 };
	static char keys[N][16];
	size_t n = 0;
	for (unsigned i = 0; n < N; i++) {
		snprintf(keys[n], sizeof(keys[n]), "A%u", i);
		if ((fnv1a(keys[n]) & 0xfff) == 0x5a5)
			n++;
	}
	struct pv_strmap m = PV_STRMAP_INIT;
	for (size_t i = 0; i < N; i++)
		pv_strmap_put(&m, keys[i], keys[i]);
	for (size_t i = 0; i < N; i++)
		assert_ptr_equal(pv_strmap_get(&m, keys[i]), keys[i]);
	/* Linear probing at 3/4 load stays in the tens; all 3000 in one bucket
	 * made it 3000. */
	assert_true(pv_strmap_longest_probe(&m) < 300);
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
		cmocka_unit_test(test_strmap_crafted_collisions),
		cmocka_unit_test(test_visible),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
