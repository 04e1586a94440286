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
#include "pveplan/yaml.h"

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

/* The node at key `k` of the root mapping. */
static const struct pv_node *at_key(const struct parsed *p, const char *k)
{
	const struct pv_node *n = pv_node_get(p->doc.root, k);
	assert_non_null(n);
	return n;
}

static void assert_pos(const struct pv_node *n, uint32_t line, uint32_t col, uint32_t span)
{
	assert_int_equal(n->pos.line, line);
	assert_int_equal(n->pos.col, col);
	assert_int_equal(n->pos.span, span);
}

static void test_bom(void **state)
{
	(void)state;
	struct parsed p;
	/* libyaml told the encoding reads a BOM as a character of the first
	 * line: its first key then stood one column right of the second. */
	const char *src = "\xef\xbb\xbf" "a: 1\nb: [x]\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 0);
	assert_int_equal(p.doc.root->len, 2);
	assert_pos(at_key(&p, "a"), 1, 4, 1);	/* the BOM takes no column */
	assert_pos(at_key(&p, "b"), 2, 4, 1);
	assert_pos(at_key(&p, "b")->u.items[0], 2, 5, 1);
	done(&p);
	/* An error on the first line is placed without the BOM too. */
	src = "\xef\xbb\xbf" "a: [\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, -1);
	assert_int_equal(p.d.v[0].pos.line, 2);
	done(&p);
	src = "\xef\xbb\xbf" "a: \xe9\n";
	parse(&p, src, strlen(src), NULL);
	assert_one(&p, "FMT001", 1, 4);
	done(&p);
}

/* Lines as an editor counts them: LF, CRLF and a lone CR end a line; NEL,
 * U+2028 and U+2029 do not (libyaml's own line count says they do). */
static void test_editor_lines(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "a: 1\rb: 2\r\nc: 3\nd: 4\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_pos(at_key(&p, "a"), 1, 4, 1);
	assert_pos(at_key(&p, "b"), 2, 4, 1);
	assert_pos(at_key(&p, "c"), 3, 4, 1);
	assert_pos(at_key(&p, "d"), 4, 4, 1);
	done(&p);
	/* Inside a quoted string, NEL, LS and PS are characters of the line. */
	src = "a: \"x\xc2\x85y\"\nb: \"\xe2\x80\xa8\xe2\x80\xa9\"\nc: zz\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_pos(at_key(&p, "a"), 1, 4, 5);
	assert_pos(at_key(&p, "b"), 2, 4, 4);
	assert_pos(at_key(&p, "c"), 3, 4, 2);
	done(&p);
	/* A plain scalar continued after a NEL, in a flow list. */
	src = "a: [x\xc2\x85y, z]\nb: [q, r]\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_pos(at_key(&p, "a")->u.items[1], 1, 10, 1);
	assert_pos(at_key(&p, "b")->u.items[1], 2, 8, 1);
	done(&p);
	/* Errors too: a syntax error after a lone CR and after an LS. */
	src = "a: 1\rb: [\r";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, -1);
	assert_int_equal(p.d.v[0].pos.line, 3);
	done(&p);
	src = "a: \"\xe2\x80\xa8\"\nb: *nowhere\n";
	parse(&p, src, strlen(src), NULL);
	assert_one(&p, "FMT001", 2, 4);
	done(&p);
	/* Invalid UTF-8 and NUL after CRs. */
	parse(&p, "a: 1\r\rb: \xff\n", 11, NULL);
	assert_one(&p, "FMT001", 3, 4);
	done(&p);
	struct pv_pos pos = pv_pos_of_offset("a\r\nb\rc\xc2\x85" "d", 9, 8);
	assert_int_equal(pos.line, 3);
	assert_int_equal(pos.col, 3);
	assert_int_equal(pv_line_break("\r\n", 2, 0), 2);
	assert_int_equal(pv_line_break("\r", 1, 0), 1);
	assert_int_equal(pv_line_break("\xc2\x85", 2, 0), 0);
}

/* Columns count characters, wide ones included (the caret line of the
 * text output, not the position, accounts for display width). */
static void test_character_columns(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "\xe8\xa1\x8c\xe5\x8a\xa8: [\xe8\xae\xa1\xe5\x88\x92, x]\n"
			  "k: \"\xf0\x9f\x98\x80 ok\"\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	const struct pv_node *seq = p.doc.root->u.pairs[0].value;
	assert_pos(p.doc.root->u.pairs[0].key, 1, 1, 2);
	assert_pos(seq->u.items[0], 1, 6, 2);
	assert_pos(seq->u.items[1], 1, 10, 1);
	assert_pos(at_key(&p, "k"), 2, 4, 6);
	done(&p);
	/* A long file: positions far down stay exact (checkpoints), and an
	 * error's context line, behind the cursor, too. */
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "a: \"\n");
	for (int i = 0; i < 20000; i++)
		pv_buf_adds(&b, "  \xe6\x96\x87 text\r\n");
	pv_buf_adds(&b, "b: [\n");
	parse(&p, b.buf, b.len, NULL);
	assert_int_equal(p.ret, -1);
	assert_int_equal(p.d.nr, 1);
	/* The quote never closed, where the drafter opened it; libyaml's
	 * own place, the end of the file, in the note. */
	assert_int_equal(p.d.v[0].pos.line, 1);
	assert_int_equal(p.d.v[0].pos.col, 4);
	assert_int_equal(p.d.v[0].note_pos.line, 20003);
	done(&p);
	pv_buf_release(&b);
}

/* Merge keys: sources sorted out in O(n log n), with YAML's precedence. */
static void test_merge_precedence(void **state)
{
	(void)state;
	struct parsed p;
	const char *src = "x: &x {a: 1, b: 2, c: 3}\n"
			  "y: &y {b: 20, d: 40}\n"
			  "m:\n  <<: [*y, *x]\n  c: 300\n  e: 5\n";
	parse(&p, src, strlen(src), NULL);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 0);
	const struct pv_node *m = at_key(&p, "m");
	/* Explicit keys first, then the sources in order, each key once. */
	static const char *const keys[] = { "c", "e", "b", "d", "a" };
	static const char *const vals[] = { "300", "5", "20", "40", "1" };
	assert_int_equal(m->len, 5);
	for (int i = 0; i < 5; i++) {
		assert_string_equal(m->u.pairs[i].key->u.str, keys[i]);
		assert_string_equal(m->u.pairs[i].value->u.str, vals[i]);
	}
	done(&p);
	/* A big map merged into many maps: every key once in each, a
	 * duplicate among the explicit keys still reported. */
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "base: &b {");
	for (int i = 0; i < 2000; i++)
		pv_buf_addf(&b, "%sk%d: %d", i ? ", " : "", i, i);
	pv_buf_adds(&b, "}\nuse:\n");
	for (int i = 0; i < 50; i++)
		pv_buf_addf(&b, "  - {<<: *b, k%d: own, z: 1%s}\n", i, i == 7 ? ", z: 2" : "");
	parse(&p, b.buf, b.len, NULL);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 1);
	assert_string_equal(p.d.v[0].code, "FMT006");
	assert_int_equal(p.d.v[0].pos.line, 10);
	const struct pv_node *use = at_key(&p, "use");
	for (uint32_t i = 0; i < use->len; i++) {
		const struct pv_node *u = use->u.items[i];
		assert_int_equal(u->len, i == 7 ? 2002 : 2001);
		char k[16];
		snprintf(k, sizeof(k), "k%u", i);
		assert_string_equal(pv_node_get(u, k)->u.str, "own");
		assert_string_equal(pv_node_get(u, "k1999")->u.str, "1999");
	}
	done(&p);
	pv_buf_release(&b);
}

/* The text of the document after alias expansion is bounded in bytes, as
 * its nodes are: a few kilobytes must not become gigabytes of output. */
static void test_expanded_bytes(void **state)
{
	(void)state;
	struct parsed p;
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	assert_int_equal(lim.max_expanded, 64u << 20);
	const char *src = "a: &a abcdefghij\nb: [*a, *a, *a]\nc: &c {k: *a}\nd: [*c, *c]\n";
	parse(&p, src, strlen(src), &lim);
	assert_int_equal(p.ret, 0);
	/* keys a b c d k, k twice more through *c, "abcdefghij" 7 times */
	assert_int_equal(p.doc.bytes, 5 + 2 + 70);
	done(&p);
	lim.max_expanded = 76;
	parse(&p, src, strlen(src), &lim);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT007", 4, 9);
	char *hint = pv_msg_text(&p.d.v[0].hint, NULL);
	assert_non_null(strstr(hint, "--max-expanded-size"));
	free(hint);
	done(&p);
	lim.max_expanded = 77;
	parse(&p, src, strlen(src), &lim);
	assert_int_equal(p.ret, 0);
	assert_int_equal(p.d.nr, 0);
	done(&p);
	/* Few nodes, long strings: the node limit alone lets this through. */
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "s: &s ");
	pv_buf_addchars(&b, 'x', 100000);
	pv_buf_adds(&b, "\nl: &l [*s, *s, *s, *s, *s, *s, *s, *s, *s, *s]\n");
	for (char c = 'm'; c <= 'r'; c++)
		pv_buf_addf(&b, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n",
			    c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	lim = (struct pv_limits)PV_LIMITS_DEFAULT;
	parse(&p, b.buf, b.len, &lim);
	assert_int_equal(p.ret, -1);
	assert_one(&p, "FMT007", 4, 28);	/* the sixth *m passes 64 MiB */
	assert_true(p.doc.nodes < 100000);
	assert_true(p.doc.bytes <= lim.max_expanded);
	done(&p);
	pv_buf_release(&b);
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
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_editor_lines),
		cmocka_unit_test(test_character_columns),
		cmocka_unit_test(test_merge_precedence),
		cmocka_unit_test(test_expanded_bytes),
	};
	return cmocka_run_group_tests_name("tree", tests, NULL, NULL);
}
