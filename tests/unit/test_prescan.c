/* The pre-scan (src/yaml/prescan.c): each pasted character at its own
 * place, all of them in one run, and nothing where the characters are text. */
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

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"
#define IDEO "\xe3\x80\x80"
#define ZWSP "\xe2\x80\x8b"
#define ENDASH "\xe2\x80\x93"
#define EMDASH "\xe2\x80\x94"
#define BULLET "\xe2\x80\xa2"
#define TRIBULLET "\xe2\x80\xa3"
#define WHITEBULLET "\xe2\x97\xa6"
#define SQUARE "\xe2\x96\xaa"
#define LDQ "\xe2\x80\x9c"
#define RDQ "\xe2\x80\x9d"
#define LSQ "\xe2\x80\x98"
#define RSQ "\xe2\x80\x99"

struct scanned {
	struct pv_prescan s;
	struct pv_diags d;
	int ret;
};

static void scan(struct scanned *x, const char *src, size_t len)
{
	x->s = (struct pv_prescan)PV_PRESCAN_INIT;
	pv_diags_init(&x->d, "t.yaml");
	x->ret = pv_prescan_run(&x->s, src, len, &x->d);
}

static void done(struct scanned *x)
{
	pv_prescan_release(&x->s);
	pv_diags_release(&x->d);
}

/* The English message of finding `i`. */
static const char *message(struct scanned *x, size_t i, struct pv_buf *out)
{
	pv_buf_reset(out);
	pv_msg_render(&x->d.v[i].msg, pv_lang_default(), out);
	return out->buf;
}

static const char *hint(struct scanned *x, size_t i, struct pv_buf *out)
{
	pv_buf_reset(out);
	pv_msg_render(&x->d.v[i].hint, pv_lang_default(), out);
	return out->buf;
}

/* One finding, at line:col, whose message contains `words`. */
static void assert_one(const char *src, uint32_t line, uint32_t col, const char *words)
{
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	scan(&x, src, strlen(src));
	if (x.d.nr != 1)
		fail_msg("%s: %zu findings, not 1", src, x.d.nr);
	assert_int_equal(x.ret, 1);
	assert_string_equal(x.d.v[0].code, "FMT001");
	if (x.d.v[0].pos.line != line || x.d.v[0].pos.col != col)
		fail_msg("%s: at %u:%u, not %u:%u", src, x.d.v[0].pos.line, x.d.v[0].pos.col, line, col);
	if (!strstr(message(&x, 0, &m), words))
		fail_msg("%s: message '%s' lacks '%s'", src, m.buf, words);
	pv_buf_release(&m);
	done(&x);
}

static void assert_none(const char *src)
{
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	scan(&x, src, strlen(src));
	if (x.d.nr)
		fail_msg("%s: unexpected finding at %u:%u: %s", src, x.d.v[0].pos.line,
			 x.d.v[0].pos.col, message(&x, 0, &m));
	assert_int_equal(x.ret, 0);
	assert_null(x.s.fixed);
	pv_buf_release(&m);
	done(&x);
}

static void test_spaces(void **state)
{
	(void)state;
	assert_one("plan:\n  summary:" NBSP "Text\n", 2, 11,
		   "a no-break space (U+00A0) after `summary:`");
	assert_one("plan:\n  language:" NNBSP "en\n", 2, 12, "a narrow no-break space (U+202F) after `language:`");
	assert_one("plan:\n  status" NNBSP ": draft\n", 2, 9,
		   "a narrow no-break space (U+202F) between `status` and its colon");
	assert_one("plan:\n" NBSP NBSP "id: x\n", 2, 1, "a no-break space (U+00A0) in the indentation");
	assert_one("plan:\n" IDEO "id: x\n", 2, 1, "an ideographic space (U+3000) in the indentation");
	assert_one("plan:\n  " ZWSP "id: x\n", 2, 3, "a zero-width space (U+200B) in the indentation: it cannot be seen");
	assert_one("list:\n  -" NBSP "x\n", 2, 4, "a no-break space (U+00A0) after the list dash");
	/* a run of the same character is one finding, underlined whole */
	struct scanned x;
	const char *src = "a:\n" NBSP NBSP NBSP "b: 1\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 1);
	assert_int_equal(x.d.v[0].pos.span, 3);
	done(&x);
}

static void test_tabs(void **state)
{
	(void)state;
	assert_one("plan:\n\tid: x\n", 2, 1, "a tab (U+0009) in the indentation");
	assert_one("plan:\n  \tid: x\n", 2, 3, "a tab (U+0009) in the indentation");
	assert_one("list:\n  -\tx\n", 2, 4, "a tab (U+0009) after the list dash");
	assert_one("list:\n  - \tx\n", 2, 5, "a tab (U+0009) after the list dash");
	assert_one("\t# a comment\na: 1\n", 1, 1, "a tab (U+0009) in the indentation");
	/* libyaml refuses a tab that starts a line continuing a plain scalar */
	assert_one("a: one\n\ttwo\n", 2, 1, "a tab");
	assert_one("a: 1\n\t\nb: 2\n", 2, 1, "a tab");
	assert_one("a: x\n" NBSP "\nb: 1\n", 2, 1, "a no-break space");
	assert_one("a: |\n  x\n\t\n  y\n", 3, 1, "a tab");
	assert_one("a:\n  - x\n\t\n  - y\n", 3, 1, "a tab");
	assert_one("a: 1\n\xef\xbb\xbf" "b: 1\n", 2, 1, "U+FEFF");
	assert_none("a: |\n  x\n  \t\n  y\n");
	/* the first line of a block sets its indentation */
	assert_one("a: >\n    one\n   " IDEO "two\n", 3, 4, "an ideographic space");
	assert_one("a: |\n    one\n\t\n    " BULLET " two\nb: 1\n", 3, 1, "a tab");
	assert_one("- " ENDASH "\n", 1, 3, "used as a list marker");
	assert_one("a: [x, y]" ZWSP "\n", 1, 10, "a zero-width space (U+200B) after the value");
	assert_one("a: \"x\"  " NBSP "\n", 1, 9, "a no-break space (U+00A0) after the value");
	assert_one("a: [x,\n  y] " NBSP "\n", 2, 6, "after the value");
	assert_none("a: \"x\" # " NBSP "\n");
	/* ... and takes one after the indentation, as separation */
	assert_none("a: one\n \ttwo\n");
	assert_none("a:\tx\nb: x\t# c\n");
}

static void test_bullets(void **state)
{
	(void)state;
	const char *marks[] = { ENDASH, EMDASH, BULLET, TRIBULLET, WHITEBULLET, SQUARE };
	for (size_t i = 0; i < PV_ARRAY_SIZE(marks); i++) {
		char src[128];
		snprintf(src, sizeof(src), "references:\n  %s A/RES/70/291\n", marks[i]);
		assert_one(src, 2, 3, "used as a list marker");
	}
	/* Word's bullet and tab: one finding, and the hint shows the line fixed */
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	const char *src = "references:\n  " BULLET "\tA/RES/70/291\n  " BULLET " A/70/674\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 2);
	assert_int_equal(x.d.v[1].pos.line, 3);
	assert_string_equal(hint(&x, 0, &m),
			    "Word pastes the bullets of its lists as characters: write `- A/RES/70/291` (if the dash belongs to the text, put the text in quotes)");
	assert_non_null(x.s.fixed);
	assert_string_equal(x.s.fixed, "references:\n  - A/RES/70/291\n  - A/70/674\n");
	pv_buf_release(&m);
	done(&x);
	/* a pasted list under a key: every item, though YAML would read the
	 * first as a text that the others continue */
	src = "summary:\n  " ENDASH " first\n  " ENDASH " second\n    " ENDASH " third\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 3);
	done(&x);
}

static void test_quotes(void **state)
{
	(void)state;
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	const char *src = "plan:\n  title: " LDQ "Pillar 1: Youth" RDQ "\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 1);
	assert_int_equal(x.d.v[0].pos.col, 10);
	assert_string_equal(message(&x, 0, &m),
			    "a left double quotation mark (U+201C) used as a quote around the value of `title`: YAML quotes are straight (\" or ')");
	assert_string_equal(hint(&x, 0, &m),
			    "Word turns straight quotes into curly ones: write `title: \"Pillar 1: Youth\"`");
	done(&x);
	/* a text with a double quote in it gets single quotes */
	assert_one("- " LSQ "The \"youth\" plan" RSQ "\n", 1, 3, "a left single quotation mark (U+2018) used as a quote around a value");
	src = "- " LSQ "The \"youth\" plan" RSQ "\n";
	scan(&x, src, strlen(src));
	assert_string_equal(x.s.fixed, "- 'The \"youth\" plan'\n");
	done(&x);
	/* with both kinds of straight quote inside, nothing is repaired */
	src = "a: " LDQ "it's \"x\"" RDQ "\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 1);
	assert_null(x.s.fixed);
	assert_string_equal(hint(&x, 0, &m),
			    "Word turns straight quotes into curly ones: put the value between straight quotes");
	done(&x);
	pv_buf_release(&m);
}

/* Lines and columns as pv_pos_of_offset counts them: characters, a wide
 * character one column, a BOM none. */
static void test_positions(void **state)
{
	(void)state;
	const char *src = "\xef\xbb\xbf" "a:" NBSP "x\n";
	assert_one(src, 1, 3, "after `a:`");
	src = "plan:\n  标题: " LDQ "青年与和平" RDQ "\n  名称:\n    " BULLET " 项目\n";
	struct scanned x;
	scan(&x, src, strlen(src));
	assert_int_equal(x.d.nr, 2);
	struct pv_pos p = pv_pos_of_offset(src, strlen(src), (size_t)(strstr(src, LDQ) - src));
	assert_int_equal(x.d.v[0].pos.line, p.line);
	assert_int_equal(x.d.v[0].pos.col, p.col);
	assert_int_equal(p.col, 7);
	p = pv_pos_of_offset(src, strlen(src), (size_t)(strstr(src, BULLET) - src));
	assert_int_equal(x.d.v[1].pos.line, p.line);
	assert_int_equal(x.d.v[1].pos.col, p.col);
	done(&x);
	/* CRLF and a lone CR end lines as they do for the tree */
	assert_one("a: 1\r\nb:\r\n\tc: 2\r\n", 3, 1, "a tab");
	assert_one("a: 1\rb:\r\tc: 2\r", 3, 1, "a tab");
}

/* Every hazard of a file in one run, and the repaired text keeps every
 * line and column. */
static void test_all_at_once(void **state)
{
	(void)state;
	const char *src = "pveplan: 1\n"
			  "plan:\n"
			  "  summary:" NBSP "Text\n"
			  "  title: " LDQ "Youth" RDQ "\n"
			  "\tscope: national\n"
			  "  references:\n"
			  "    " BULLET "\tA/RES/70/291\n"
			  "    " ENDASH " A/70/674\n"
			  "  language:" NNBSP "en\n"
			  "  status" NNBSP ": draft\n";
	struct scanned x;
	scan(&x, src, strlen(src));
	assert_int_equal(x.ret, 7);
	assert_int_equal(x.d.nr, 7);
	const uint32_t lines[] = { 3, 4, 5, 7, 8, 9, 10 };
	for (size_t i = 0; i < 7; i++)
		assert_int_equal(x.d.v[i].pos.line, lines[i]);
	assert_true(pv_prescan_near(&x.s, 4));
	assert_true(pv_prescan_near(&x.s, 6));	/* the line after one */
	assert_false(pv_prescan_near(&x.s, 2));
	assert_false(pv_prescan_near(&x.s, 12));
	assert_non_null(x.s.fixed);
	for (size_t off = 0; off < x.s.fixed_len; off++) {
		if (((unsigned char)x.s.fixed[off] & 0xc0) == 0x80)
			continue;
		/* the same characters before each line break */
		if (x.s.fixed[off] == '\n') {
			struct pv_pos a = pv_pos_of_offset(x.s.fixed, x.s.fixed_len, off);
			size_t n = 0, k = 0;
			for (const char *c = x.s.fixed; c < x.s.fixed + off; c++)
				n += *c == '\n';
			const char *o = src;
			for (; *o && k < n + 1; o++)
				k += *o == '\n';
			struct pv_pos b = pv_pos_of_offset(src, strlen(src), (size_t)(o - 1 - src));
			assert_int_equal(a.line, b.line);
			assert_int_equal(a.col, b.col);
		}
	}
	assert_string_equal(x.s.fixed, "pveplan: 1\nplan:\n  summary: Text\n  title: \"Youth\"\n"
				       " scope: national\n  references:\n    - A/RES/70/291\n"
				       "    - A/70/674\n  language: en\n  status : draft\n");
	done(&x);
}

/* The same characters where they are text, or in quotes, are no YAML
 * error (SYN002 speaks of the invisible ones). */
static void test_text_left_alone(void **state)
{
	(void)state;
	assert_none("plan:\n  title: \"" BULLET " Youth " ENDASH " " LDQ "peace" RDQ NBSP "\"\n");
	assert_none("plan:\n  title: '" LDQ "Youth" RDQ "'\n");
	assert_none("a: |\n  " BULLET " first\n  " ENDASH " second\n    \tcode\n  \n");
	assert_none("a: >-\n  " BULLET " first\n\n  " ENDASH " second\nb: 1\n");
	assert_none("- a: |\n    " BULLET " x\n  b: 1\n");
	assert_none("a: \"one\n\ttwo\"\nb: 'x\n  " BULLET " y'\n");
	assert_none("a: [x,\n\ty]\nb: {c: 1,\n\td: 2}\n");
	/* an apostrophe in a flow mapping is a letter, not a quote */
	assert_one("- {id: w, name: Women's Association}\nb:" NBSP "x\n", 2, 3, "after `b:`");
	/* a quote that seemed to open a scalar is not followed past the next key */
	assert_one("a:\n  - 'it\n  - b:" NBSP "x\n", 3, 7, "after `b:`");
	assert_one("a: [x, 'y\nb:" NBSP "x\n", 2, 3, "after `b:`");
	assert_none("a: Youth work\n  " ENDASH " in schools\n");
	assert_none("a: " NBSP "text\n- " NBSP "item\n");
	assert_none("a: " LDQ "Youth" RDQ " programme\n");
	assert_none("a: Youth" NBSP ":" NBSP "peace\n");
	assert_none("# " BULLET " a note\n  # " ENDASH " another\na: 1\n");
	assert_none("a: x # " BULLET " note\n");
	assert_none("a: &anchor |\n  " BULLET " x\nb: *anchor\n");
	assert_none("---\na: 1\n...\n");
	assert_none("");
	assert_none("\xef\xbb\xbf");
}

/* The examples have none. */
static void test_examples(void **state)
{
	(void)state;
	const char *files[] = { "national-fr.pve.yaml", "regional-en.pve.yaml" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(files); i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/examples/%s", PVEPLAN_SOURCE_DIR, files[i]);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		struct pv_buf b = PV_BUF_INIT;
		char chunk[65536];
		size_t n;
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			pv_buf_add(&b, chunk, n);
		fclose(f);
		assert_true(b.len > 1000);
		struct scanned x;
		scan(&x, b.buf, b.len);
		assert_int_equal(x.ret, 0);
		assert_int_equal(x.d.nr, 0);
		done(&x);
		pv_buf_release(&b);
	}
}

static void assert_encoding(const char *src, size_t len, const char *words, const char *iconv)
{
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	scan(&x, src, len);
	assert_int_equal(x.ret, -1);
	assert_int_equal(x.d.nr, 1);
	assert_int_equal(x.d.v[0].pos.line, 1);
	assert_int_equal(x.d.v[0].pos.col, 1);
	if (!strstr(message(&x, 0, &m), words))
		fail_msg("'%s' lacks '%s'", m.buf, words);
	if (!strstr(hint(&x, 0, &m), iconv))
		fail_msg("'%s' lacks '%s'", m.buf, iconv);
	done(&x);
	/* and the tree says nothing more (not a NUL byte, not Latin-1) */
	struct pv_doc doc = PV_DOC_INIT;
	struct pv_diags d;
	const struct pv_limits lim = PV_LIMITS_DEFAULT;
	pv_diags_init(&d, "t.yaml");
	assert_int_equal(pv_doc_parse(&doc, src, len, &lim, &d), -1);
	assert_int_equal(d.nr, 1);
	pv_doc_release(&doc);
	pv_diags_release(&d);
	pv_buf_release(&m);
}

static void test_utf16_utf32(void **state)
{
	(void)state;
	assert_encoding("\xff\xfep\0v\0:\0 \0" "1\0\n\0", 14, "UTF-16 (little-endian)", "UTF-16LE");
	assert_encoding("\xfe\xff\0p\0v\0:\0 \0" "1\0\n", 14, "UTF-16 (big-endian)", "UTF-16BE");
	assert_encoding("p\0v\0:\0 \0" "1\0\n\0", 12, "UTF-16 (little-endian)", "UTF-16LE");
	assert_encoding("\0p\0v\0:\0 \0" "1\0\n", 12, "UTF-16 (big-endian)", "UTF-16BE");
	assert_encoding("\xff\xfe\0\0p\0\0\0v\0\0\0", 12, "UTF-32 (little-endian)", "UTF-32LE");
	assert_encoding("\0\0\xfe\xff\0\0\0p\0\0\0v", 12, "UTF-32 (big-endian)", "UTF-32BE");
	assert_encoding("p\0\0\0v\0\0\0:\0\0\0", 12, "UTF-32 (little-endian)", "UTF-32LE");
	assert_encoding("\0\0\0p\0\0\0v\0\0\0:", 12, "UTF-32 (big-endian)", "UTF-32BE");
	/* a NUL byte in UTF-8 text is not an encoding */
	struct scanned x;
	scan(&x, "a: x\0y\n", 7);
	assert_int_equal(x.ret, 0);
	done(&x);
}

/* Through the tree: the findings of the pre-scan, not libyaml's error
 * about the same lines; a libyaml error elsewhere still; and no tree. */
static void test_tree(void **state)
{
	(void)state;
	const struct pv_limits lim = PV_LIMITS_DEFAULT;
	struct pv_doc doc = PV_DOC_INIT;
	struct pv_diags d;
	pv_diags_init(&d, "t.yaml");
	/* libyaml alone: "could not find expected ':'" on line 2 */
	const char *src = "a:" NBSP "x\nb: 1\n";
	assert_int_equal(pv_doc_parse(&doc, src, strlen(src), &lim, &d), -1);
	assert_null(doc.root);
	assert_int_equal(d.nr, 1);
	assert_int_equal(d.v[0].pos.line, 1);
	pv_doc_release(&doc);
	pv_diags_release(&d);
	pv_diags_init(&d, "t.yaml");
	src = "a:" NBSP "x\nb: 1\nc: 2\nd: [1, 2\n";
	assert_int_equal(pv_doc_parse(&doc, src, strlen(src), &lim, &d), -1);
	assert_int_equal(d.nr, 2);
	assert_int_equal(d.v[0].pos.line, 1);
	assert_true(d.v[1].pos.line >= 4);
	pv_doc_release(&doc);
	pv_diags_release(&d);
}

/* The tree marks the plain scalars a comment follows on their line (SYN001
 * reads the flag). */
static void test_commented(void **state)
{
	(void)state;
	const struct pv_limits lim = PV_LIMITS_DEFAULT;
	struct pv_doc doc = PV_DOC_INIT;
	struct pv_diags d;
	pv_diags_init(&d, "t.yaml");
	const char *src = "a: x # c\nb: 'y' # c\nc: z\nd: one\n  two  # c\ne: C#\n";
	assert_int_equal(pv_doc_parse(&doc, src, strlen(src), &lim, &d), 0);
	assert_true(pv_node_get(doc.root, "a")->flags & PV_NODE_COMMENTED);
	assert_false(pv_node_get(doc.root, "b")->flags & PV_NODE_COMMENTED);	/* quoted */
	assert_false(pv_node_get(doc.root, "c")->flags & PV_NODE_COMMENTED);
	assert_true(pv_node_get(doc.root, "d")->flags & PV_NODE_COMMENTED);
	assert_false(pv_node_get(doc.root, "e")->flags & PV_NODE_COMMENTED);
	pv_doc_release(&doc);
	pv_diags_release(&d);
}

/* A file of hazards on every line: linear (each line looked at once). */
static void test_large(void **state)
{
	(void)state;
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(&b, "list:\n");
	for (int i = 0; i < 100000; i++)
		pv_buf_adds(&b, "  " BULLET "\titem\n  - key:" NBSP "value\n");
	struct scanned x;
	scan(&x, b.buf, b.len);
	assert_int_equal(x.ret, 200000);
	assert_int_equal(x.s.nlines, 200000);
	done(&x);
	pv_buf_release(&b);
}

/* ---- explain.c: the fix kinds, on the lines around libyaml's marks ---- */

/* Fix kind `kind` on `src` for an error at line:col (context at cline:ccol):
 * whether it applies, and if so at line:col with the corrected line. */
static void assert_fix(const char *kind, const char *src, const char *problem, uint32_t line,
		       uint32_t col, uint32_t cline, uint32_t ccol, uint32_t at_line,
		       uint32_t at_col, const char *fixed, const char *other)
{
	struct pv_yaml_error e = { problem, cline ? "ctx" : NULL, line, col, cline, ccol, 0 };
	struct pv_yaml_fix f = PV_YAML_FIX_INIT;
	int r = pv_yaml_fix_compute(kind, src, strlen(src), &e, &f);
	if (!fixed) {
		if (r != 0)
			fail_msg("%s applies to '%s' (%s)", kind, src, f.fixed.buf);
	} else {
		if (r != 1)
			fail_msg("%s does not apply to '%s'", kind, src);
		assert_int_equal(f.pos.line, at_line);
		assert_int_equal(f.pos.col, at_col);
		assert_string_equal(f.fixed.buf, fixed);
		if (other)
			assert_string_equal(f.other.buf, other);
	}
	pv_yaml_fix_release(&f);
}

static void test_fix_kinds(void **state)
{
	(void)state;
	const char *mv = "mapping values are not allowed in this context";
	assert_fix("quote-value", "a: 1\n  title: Pillar 1: Youth\n", mv, 2, 18, 0, 0, 2, 18,
		   "title: \"Pillar 1: Youth\"", NULL);
	/* a text with a double quote goes between single quotes; a comment stays */
	assert_fix("quote-value", "t: the \"forum\": now # c: d\n", mv, 1, 15, 0, 0, 1, 15,
		   "t: 'the \"forum\": now' # c: d", NULL);
	assert_fix("quote-value", "- t: a: b\n", mv, 1, 7, 0, 0, 1, 7, "- t: \"a: b\"", NULL);
	/* the key's own colon is not the text's */
	assert_fix("quote-value", "a:\n   b: c\n", mv, 2, 5, 0, 0, 0, 0, NULL, NULL);
	assert_fix("quote-value", "-{id: moy, name: x}\n", mv, 1, 16, 0, 0, 0, 0, NULL, NULL);
	assert_fix("indent-as-previous", "a:\n  b: 1\n   c: 2\n", mv, 3, 5, 0, 0, 3, 1, "  c: 2", NULL);
	assert_fix("indent-as-previous", "- id: 1\n     t: 2\n", mv, 2, 7, 0, 0, 2, 1, "  t: 2", NULL);
	assert_fix("indent-as-previous", "l:\n  - a\n - b\n", "x", 3, 2, 0, 0, 3, 1, "  - b", NULL);
	/* "more text: here" under a text: not an indentation */
	assert_fix("indent-as-previous", "s: a\n   more text: here\n", mv, 2, 13, 0, 0, 0, 0, NULL, NULL);
	assert_fix("continued-text", "a:\n  s: A plan\n    more text: here\n", mv, 3, 14, 0, 0, 3, 14,
		   "s: >", NULL);
	assert_fix("continued-text", "a:\n  s: A plan\n    more: here\n", mv, 3, 9, 0, 0, 0, 0, NULL, NULL);
	assert_fix("indent-under-key", "a:\n  s:\n x\n", "x", 3, 2, 0, 0, 3, 1, "    x", NULL);
	assert_fix("indent-under-key", "s: v\n x\n", "x", 2, 2, 0, 0, 0, 0, NULL, NULL);
	assert_fix("after-quote", "t: \"a\" b\n", "x", 1, 8, 0, 0, 1, 4, "t: '\"a\" b'", NULL);
	assert_fix("after-quote", "t: \"a\"\n", "x", 1, 7, 0, 0, 0, 0, NULL, NULL);
	/* no key to name: libyaml's words, not a message about nothing */
	assert_fix("after-quote", "- \"a\" b\n", "x", 1, 7, 0, 0, 0, 0, NULL, NULL);
	assert_fix("after-bracket", "- {a} b\n", "x", 1, 7, 0, 0, 0, 0, NULL, NULL);
	assert_fix("after-bracket", "t: [D] x\n", "x", 1, 8, 0, 0, 1, 4, "t: \"[D] x\"", NULL);
	assert_fix("close-quote", "a: 1\nt: 'x y  \n", "x", 3, 1, 2, 4, 2, 4, "t: 'x y'", NULL);
	assert_fix("close-quote", "t: x\n", "x", 2, 1, 1, 4, 0, 0, NULL, NULL);
	assert_fix("close-bracket", "l: [a, b\nm: 1\n", "x", 2, 2, 1, 4, 1, 4, "l: [a, b]",
		   "l: \"[a, b\"");
	assert_fix("close-bracket", "l: [a, [b]] c\n", "x", 1, 13, 1, 4, 0, 0, NULL, NULL);
	assert_fix("close-bracket", "b: {c: [1, 2\n", "x", 2, 1, 1, 8, 0, 0, NULL, NULL);
	assert_fix("close-inner-bracket", "b: {c: [1, 2\n", "x", 2, 1, 1, 8, 1, 8, "b: {c: [1, 2]}", NULL);
	assert_fix("close-inner-bracket", "b: [[1, 2\n", "x", 2, 1, 1, 5, 0, 0, NULL, NULL);
	assert_fix("quote-indicator", "t: @home\n", "x", 1, 4, 0, 0, 1, 4, "t: \"@home\"", NULL);
	assert_fix("quote-indicator", "t: *a* b\n", "x", 1, 6, 1, 4, 1, 4, "t: \"*a* b\"", NULL);
	assert_fix("quote-indicator", "t: a@b\n", "x", 1, 5, 0, 0, 0, 0, NULL, NULL);
	assert_fix("dash-under-value", "l: a\n- b\n", "x", 2, 1, 0, 0, 2, 1, "l:", "- a");
	assert_fix("dash-under-value", "l:\n- b\n", "x", 2, 1, 0, 0, 0, 0, NULL, NULL);
	assert_fix("dash-under-value", "  - l: a\n- b\n", "x", 2, 1, 0, 0, 0, 0, NULL, NULL);
	assert_fix("indent-as-previous", "a:\n  b: 1\n   ] c: 2\n", "x", 3, 4, 0, 0, 0, 0, NULL, NULL);
	assert_fix("indent-as-previous", "l:\n  -id: 1\n    t: 2\n", mv, 3, 6, 0, 0, 0, 0, NULL, NULL);
	assert_fix("dash-after-key", "l: - a\n", "x", 1, 4, 0, 0, 1, 4, "l:", "- a");
	assert_fix("dash-space", "l:\n  -x\n", "x", 2, 3, 0, 0, 2, 3, "- x", NULL);
	assert_fix("colon-space", "s: a\nt:#1 x\n", "x", 3, 1, 2, 1, 2, 2, "t: \"#1 x\"", NULL);
	assert_fix("colon-space", "s: a\nt:x\n", "x", 3, 1, 2, 1, 2, 2, "t: x", NULL);
	assert_fix("colon-space", "s: a\nmore\n", "x", 3, 1, 2, 1, 0, 0, NULL, NULL);
	assert_fix("continue-or-key", "s: a\nmore\n", "x", 3, 1, 2, 1, 2, 1, "  more", NULL);
	assert_fix("delete-line", "a: 1\n---\n", "x", 2, 1, 0, 0, 2, 1, "---", NULL);
	assert_fix("delete-line", "a: 1\n", "x", 1, 1, 0, 0, 0, 0, NULL, NULL);
	struct pv_yaml_error e = { "x", NULL, 1, 1, 0, 0, 0 };
	struct pv_yaml_fix f = PV_YAML_FIX_INIT;
	assert_int_equal(pv_yaml_fix_compute("no-such-kind", "a", 1, &e, &f), -1);
	pv_yaml_fix_release(&f);
}

/* Every case of the catalogue names a fix kind that exists, and gives a
 * hint; its message and hint are FMT001 texts in English. */
static void test_cases_of_the_catalogue(void **state)
{
	(void)state;
	assert_true(pv_yaml_ncases >= 15);
	for (size_t i = 0; i < pv_yaml_ncases; i++) {
		const struct pv_yaml_case *c = &pv_yaml_cases[i];
		struct pv_yaml_error e = { c->problem, NULL, 1, 1, 0, 0, 0 };
		struct pv_yaml_fix f = PV_YAML_FIX_INIT;
		if (pv_yaml_fix_compute(c->fix, "a", 1, &e, &f) < 0)
			fail_msg("case of '%s': no fix kind '%s'", c->problem, c->fix);
		pv_yaml_fix_release(&f);
		assert_non_null(pv_lang_rule_field(pv_lang_default(), "FMT001", c->hint));
		if (c->message)
			assert_non_null(pv_lang_rule_field(pv_lang_default(), "FMT001", c->message));
	}
}

/* Every line with a colon and a space in its plain value, in one pass,
 * each with its line quoted; the other colons left alone. */
static void test_colons_everywhere(void **state)
{
	(void)state;
	struct scanned x;
	struct pv_buf m = PV_BUF_INIT;
	const char *src = "a: one: two\n"
			  "b: \"q: x\"\n"
			  "c: at 10:30, https://x.org\n"
			  "d: >\n  e: text\n"
			  "f: text # g: comment\n"
			  "h: {i: j}\n"
			  "- k: l: m\n"
			  "n: last:\n";
	scan(&x, src, strlen(src));
	assert_int_equal(x.ret, 3);
	assert_int_equal(x.d.nr, 3);
	assert_int_equal(x.d.v[0].pos.line, 1);
	assert_int_equal(x.d.v[0].pos.col, 7);
	assert_string_equal(hint(&x, 0, &m), "put the text in quotes: `a: \"one: two\"`");
	assert_int_equal(x.d.v[1].pos.line, 8);
	assert_string_equal(hint(&x, 1, &m), "put the text in quotes: `- k: \"l: m\"`");
	assert_int_equal(x.d.v[2].pos.line, 9);
	assert_string_equal(hint(&x, 2, &m), "put the text in quotes: `n: \"last:\"`");
	assert_non_null(x.s.fixed);	/* libyaml reads on past them */
	done(&x);
	pv_buf_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spaces),	       cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_bullets),	       cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_positions),      cmocka_unit_test(test_all_at_once),
		cmocka_unit_test(test_text_left_alone), cmocka_unit_test(test_examples),
		cmocka_unit_test(test_utf16_utf32),    cmocka_unit_test(test_tree),
		cmocka_unit_test(test_commented),      cmocka_unit_test(test_large),
		cmocka_unit_test(test_fix_kinds),      cmocka_unit_test(test_cases_of_the_catalogue),
		cmocka_unit_test(test_colons_everywhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
