#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pveplan/buf.h"
#include "pveplan/tree.h"

struct parsed {
	struct pv_doc doc;
	struct pv_diags d;
	int ret;
};

static void parse(struct parsed *p, const char *src, size_t len, const struct pv_limits *lim)
{
	static const struct pv_limits def = PV_LIMITS_DEFAULT;
	p->doc = (struct pv_doc)PV_DOC_INIT;
	pv_diags_init(&p->d, "t.yaml");
	p->ret = pv_doc_parse(&p->doc, src, len, lim ? lim : &def, &p->d);
}

static void done(struct parsed *p)
{
	pv_doc_release(&p->doc);
	pv_diags_release(&p->d);
}

static void assert_one(const struct parsed *p, const char *code, uint32_t line, uint32_t col)
{
	assert_int_equal(p->d.nr, 1);
	assert_string_equal(p->d.v[0].code, code);
	assert_int_equal(p->d.v[0].pos.line, line);
	assert_int_equal(p->d.v[0].pos.col, col);
}

static void test_positions(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "a: 1\nlist:\n  - x\n  - \"quoted\"\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 0);
	struct pv_node *list = pv_node_get(p.doc.root, "list");
	assert_non_null(list);
	assert_int_equal(list->kind, PV_NODE_SEQ);
	assert_int_equal(list->len, 2);
	assert_int_equal(list->u.items[1]->pos.line, 4);
	assert_int_equal(list->u.items[1]->pos.col, 5);
	assert_int_equal(list->u.items[1]->pos.span, 8);	/* with the quotes */
	assert_int_equal(list->u.items[1]->style, PV_STYLE_QUOTED);
	assert_string_equal(list->u.items[1]->u.str, "quoted");
	assert_null(pv_node_get(p.doc.root, "missing"));
	done(&p);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "a: 1\nb: 2\na: 3\n";
	parse(&p, src, strlen(src), NULL);
	assert_one(&p, "FMT006", 3, 1);
	assert_int_equal(p.d.v[0].note_pos.line, 1);
	done(&p);
	/* A large mapping takes the sorted path. */
	struct pv_buf b = PV_BUF_INIT;
	for (int i = 0; i < 100; i++)
		pv_buf_addf(&b, "k%d: %d\n", i, i);
	pv_buf_adds(&b, "k42: again\n");
	parse(&p, b.buf, b.len, NULL);
	assert_one(&p, "FMT006", 101, 1);
	assert_int_equal(p.d.v[0].note_pos.line, 43);
	done(&p);
	pv_buf_release(&b);
}

static void test_merge_keys(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.d.nr, 0);
	struct pv_node *use = pv_node_get(p.doc.root, "use");
	assert_int_equal(use->len, 2);
	assert_string_equal(pv_node_get(use, "x")->u.str, "1");
	assert_string_equal(pv_node_get(use, "y")->u.str, "3");	/* explicit wins */
	done(&p);
}

static void test_billion_laughs(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
	for (char c = 'b'; c <= 'z'; c++) {
		pv_buf_addf(&b, "%c: &%c [", c, c);
		for (int i = 0; i < 10; i++)
			pv_buf_addf(&b, "%s*%c", i ? "," : "", c - 1);
		pv_buf_adds(&b, "]\n");
	}
	struct parsed p;
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	parse(&p, b.buf, b.len, &lim);
	assert_int_equal(p.ret, -1);
	assert_int_equal(p.d.nr, 1);
	assert_string_equal(p.d.v[0].code, "FMT007");
	assert_int_equal(p.d.v[0].pos.line, 7);	/* 10^7 nodes are reached on line g */
	assert_true(p.doc.nodes <= lim.max_nodes);
	/* The tree itself stayed small: aliases share nodes. */
	assert_true(p.doc.arena.total < 64 * 1024);
	done(&p);
	pv_buf_release(&b);
}

static void test_depth_and_scalar_limits(void **state)
{
	(void)state;
	struct parsed p;
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	lim.max_depth = 3;
	parse(&p, "a: [[[1]]]\n", 11, &lim);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT007", 1, 6);
	done(&p);
	lim.max_depth = 4;
	parse(&p, "a: [[[1]]]\n", 11, &lim);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 0);
	done(&p);
	lim.max_scalar = 4;
	parse(&p, "a: abcd\nb: abcde\n", 17, &lim);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT007", 2, 4);
	done(&p);
	/* 100,000 nested brackets: refused quickly, without deep recursion. */
	size_t n = 100000;
	char *deep = malloc(2 * n + 2);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\n';
	deep[2 * n + 1] = '\0';
	parse(&p, deep, 2 * n + 1, NULL);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT007", 1, 101);
	done(&p);
	free(deep);
}

static void test_encoding_errors(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, "a: 1\nb: x\0y\n", 11, NULL);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT001", 2, 5);
	done(&p);
	parse(&p, "a: caf\xe9\n", 8, NULL);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT001", 1, 7);
	done(&p);
	/* Overlong and surrogate encodings are refused too. */
	parse(&p, "a: \xc0\xaf\n", 6, NULL);
	assert_int_equal(p.ret, -1);
	done(&p);
	parse(&p, "a: \xed\xa0\x80\n", 7, NULL);
	assert_int_equal(p.ret, -1);
	done(&p);
	/* A BOM is tolerated; multi-byte text keeps character columns. */
	parse(&p, "\xef\xbb\xbf" "a: \xc3\xa9t\xc3\xa9\nb: [\n", 17, NULL);
	assert_int_equal(p.ret, -1);
	assert_int_equal(p.d.nr, 1);
	assert_string_equal(p.d.v[0].code, "FMT001");
	done(&p);
	parse(&p, "a: \x01\n", 5, NULL);	/* control character */
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT001", 1, 4);
	done(&p);
}

static void test_documents_and_tags(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, "a: 1\n---\nb: 2\n", 14, NULL);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT001", 2, 1);
	done(&p);
	parse(&p, "a: !custom 1\nb: !!str 2\n", 24, NULL);
	assert_int_equal(p.ret, 0);
	assert_one(&p, "FMT004", 1, 4);
	assert_int_equal(pv_node_get(p.doc.root, "b")->tag, PV_TAG_STR);
	done(&p);
	parse(&p, "", 0, NULL);
	assert_int_equal(p.ret, 0);
	assert_null(p.doc.root);
	done(&p);
	parse(&p, "a: *nowhere\n", 12, NULL);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT001", 1, 4);
	done(&p);
	parse(&p, "? [complex]\n: 1\n", 16, NULL);
	assert_one(&p, "FMT004", 1, 3);
	done(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_merge_keys),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_depth_and_scalar_limits),
		cmocka_unit_test(test_encoding_errors),
		cmocka_unit_test(test_documents_and_tags),
	};
	return cmocka_run_group_tests_name("tree", tests, NULL, NULL);
}
