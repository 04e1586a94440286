/* Plan text in the Markdown report (src/report/report_text.c): whatever a text
 * holds, the report around it keeps its structure. Each hostile text is
 * written in each place the report puts plan text, and the report is parsed
 * as cmark-gfm (and GitHub) would parse it. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "pveplan/report.h"
#include "pveplan/base.h"

static const char *const hostile[] = {
	"", " ", "\n\n", "plain words", "```\nan open fence", "~~~\nanother", "````\n```\n",
	"# a heading", "###### h6 #", "text\n===", "text\n---", "- a\n- b", "1. one\n2. two",
	"3) three", "> a quote\nlazy", "    indented code", "\tcode", "<div>raw</div>",
	"<script>alert(1)</script>", "<!-- a comment", "<?php x ?>", "[ref]: https://evil.example/\n\n[ref]",
	"[ref]", "[ref][]", "![](https://evil.example/x.png)", "![alt](https://evil.example/x.png \"t\")",
	"[![i](https://evil.example/i.png)](https://ok.example/)", "[a](javascript:alert(1))",
	"[a](JAVASCRIPT:alert(1))", "<javascript:alert(1)>", "[a](data:text/html,x)",
	"<https://ok.example/a>", "[a](<b c> \"t\\\"\")", "a | b", "| a | b |\n|---|---|\n| c | d |",
	"a\n:-:|:-:", "-|-", "`a|b`", "`a\\|b`", "`a\\`", "``a`b``", "` a `", "`", "``", "\\", "a\\",
	"\\|", "*a", "**a", "_a_", "__a__", "***a***", "*a **b** c*", "**a *b* c**", "a*b*c",
	"&#27;[31m", "&#x1b;", "&amp;lt;", "&#124;", "&#10;# x", "&#32;&#32;&#32;&#32;code",
	"\x1b[31mred\x1b" "[0m", "\x07" "bell", "\xe2\x80\xae bidi", "\xe2\x80\xa8 line separator",
	"\xef\xbb\xbf bom", "\xc2\x85 nel", "trailing  \nspaces", "a  ", "  leading", "line\\\nbreak",
	"2024. A year", "1) x", "+ plus", "= equals", "~~strike~~", "$x$ math", "@user :smile:",
	"[^1] footnote\n\n[^1]: note", "- [ ] task", "> [!NOTE]\n> alert", "***", "* * *", "_ _ _",
	">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep", "- - - - - - - - - - - - - - - - - - - x",
	"a\n\n\n\nb", "<http://a|b>", "[a|b](http://c|d)", "`|` and `\\\\|`", "*a\n# b*",
	"1. a\n\n   - b\n\n     > c\n     > d\n\n   ```\n   code\n   ```\n2. e",
};

static cmark_node *parse(const char *md)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

static const char *type(cmark_node *n)
{
	return cmark_node_get_type_string(n);
}

/* No image, no raw HTML, no link to a script; no character raw that an
 * output must escape. */
static void check_tree(const char *text, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_IMAGE || t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE)
			fail_msg("text %s: a %s reaches the report", text, type(n));
		if (t == CMARK_NODE_LINK && (strcasestr(cmark_node_get_url(n), "script:") ||
					     strcasestr(cmark_node_get_url(n), "data:")))
			fail_msg("text %s: a link to '%s' reaches the report", text, cmark_node_get_url(n));
		const char *lit = cmark_node_get_literal(n);
		for (size_t i = 0; lit && lit[i];) {
			uint32_t cp;
			i += pv_utf8_decode(lit + i, strlen(lit + i), &cp);
			if (pv_utf8_is_unsafe(cp) && !(cp == '\n' && t == CMARK_NODE_CODE_BLOCK))
				fail_msg("text %s: U+%04X reaches the report raw", text, (unsigned)cp);
		}
	}
	cmark_iter_free(it);
}

static int count(cmark_node *doc, cmark_node_type t)
{
	int n = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		n += ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == t;
	cmark_iter_free(it);
	return n;
}

static void heading_is(cmark_node *n, const char *text, const char *want)
{
	if (!n || cmark_node_get_type(n) != CMARK_NODE_HEADING || !cmark_node_first_child(n) ||
	    strcmp(cmark_node_get_literal(cmark_node_first_child(n)), want))
		fail_msg("text %s: the report's heading '%s' is lost", text, want);
}

/* A text in a table cell: the row keeps its cells, the table its rows. */
static void test_cells(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++) {
		struct pv_buf md = PV_BUF_INIT;
		pv_buf_adds(&md, "## Before\n\n| a | b |\n|---|---|\n| ");
		pv_report_md_inline(&md, hostile[i], 1);
		pv_buf_adds(&md, " | ");
		pv_report_md_literal(&md, hostile[i]);
		pv_buf_adds(&md, " |\n| [ref] | x |\n\n## After\n");
		cmark_node *doc = parse(md.buf), *table = cmark_node_next(cmark_node_first_child(doc));
		heading_is(cmark_node_first_child(doc), hostile[i], "Before");
		heading_is(cmark_node_last_child(doc), hostile[i], "After");
		assert_string_equal(type(table), "table");
		assert_int_equal(count(doc, CMARK_NODE_HEADING), 2);
		int rows = 0;
		for (cmark_node *r = cmark_node_first_child(table); r; r = cmark_node_next(r), rows++) {
			int cells = 0;
			for (cmark_node *c = cmark_node_first_child(r); c; c = cmark_node_next(c))
				cells++;
			if (cells != 2)
				fail_msg("text %s: a row of %d cells", hostile[i], cells);
		}
		assert_int_equal(rows, 3);
		/* "[ref]" in another cell stays text, whatever definition a text holds. */
		cmark_node *last = cmark_node_first_child(cmark_node_last_child(table));
		assert_int_equal(cmark_node_get_type(cmark_node_first_child(last)), CMARK_NODE_TEXT);
		check_tree(hostile[i], doc);
		cmark_node_free(doc);
		pv_buf_release(&md);
	}
}

/* A text as blocks, between two headings of the report: both stay, and the
 * text adds none. */
static void test_blocks(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++) {
		struct pv_buf md = PV_BUF_INIT;
		pv_buf_adds(&md, "## Before\n\n");
		pv_report_md_blocks(&md, hostile[i]);
		pv_buf_adds(&md, "\n## After\n\n[ref]\n");
		cmark_node *doc = parse(md.buf);
		heading_is(cmark_node_first_child(doc), hostile[i], "Before");
		heading_is(cmark_node_previous(cmark_node_last_child(doc)), hostile[i], "After");
		assert_int_equal(count(doc, CMARK_NODE_HEADING), 2);
		/* "[ref]" after the text stays text, whatever definition it holds. */
		cmark_node *after = cmark_node_last_child(doc);
		assert_int_equal(cmark_node_get_type(after), CMARK_NODE_PARAGRAPH);
		assert_int_equal(cmark_node_get_type(cmark_node_first_child(after)), CMARK_NODE_TEXT);
		check_tree(hostile[i], doc);
		cmark_node_free(doc);
		pv_buf_release(&md);
	}
}

/* A text in a heading or a list item stays in it. */
static void test_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hostile) / sizeof(*hostile); i++) {
		struct pv_buf md = PV_BUF_INIT;
		pv_buf_adds(&md, "### P1. ");
		pv_report_md_inline(&md, hostile[i], 0);
		pv_buf_adds(&md, "\n\n- ");
		pv_report_md_inline(&md, hostile[i], 0);
		pv_buf_adds(&md, "\n\n## After\n");
		cmark_node *doc = parse(md.buf), *h = cmark_node_first_child(doc);
		assert_int_equal(cmark_node_get_type(h), CMARK_NODE_HEADING);
		cmark_node *list = cmark_node_next(h);
		assert_int_equal(cmark_node_get_type(list), CMARK_NODE_LIST);
		cmark_node *item = cmark_node_first_child(list);
		assert_null(cmark_node_next(item));
		cmark_node *only = cmark_node_first_child(item);
		if (only && (cmark_node_get_type(only) != CMARK_NODE_PARAGRAPH || cmark_node_next(only)))
			fail_msg("text %s: a list item holds a %s", hostile[i], type(only));
		heading_is(cmark_node_last_child(doc), hostile[i], "After");
		check_tree(hostile[i], doc);
		cmark_node_free(doc);
		pv_buf_release(&md);
	}
}

static char *html_of(const char *md)
{
	cmark_node *doc = parse(md);
	char *h = cmark_render_html(doc, CMARK_OPT_DEFAULT, NULL);
	cmark_node_free(doc);
	return h;
}

static void expect_html(const char *text, int cell, const char *want)
{
	struct pv_buf md = PV_BUF_INIT;
	pv_report_md_inline(&md, text, cell);
	char *h = html_of(md.buf);
	if (!strstr(h, want))
		fail_msg("text %s gives %s, not %s", text, h, want);
	free(h);
	pv_buf_release(&md);
}

/* What a reader sees of a text: its Markdown, shown once, never twice
 * escaped; an image as a link to it; a string that is not Markdown as
 * it is written. */
static void test_rendering(void **state)
{
	(void)state;
	expect_html("`a<b` and a < b & c", 1, "<code>a&lt;b</code> and a &lt; b &amp; c");
	expect_html("*emphasis* and **strong**", 1, "<em>emphasis</em> and <strong>strong</strong>");
	expect_html("![alt](https://e.example/x.png)", 0, "<a href=\"https://e.example/x.png\">alt</a>");
	expect_html("![](https://e.example/x.png)", 0,
		    "<a href=\"https://e.example/x.png\">https://e.example/x.png</a>");
	expect_html("<b>bold</b>", 1, "&lt;b&gt;bold&lt;/b&gt;");
	expect_html("# not a heading", 0, "<p>not a heading</p>");
	expect_html("1. first\n2. second", 0, "1. first 2. second");
	expect_html("esc \x1b" "[1m", 1, "esc \\x1b[1m");
	expect_html("&#27;", 1, "\\x1b");
	expect_html("[a](javascript:alert(1))", 1, "<p>a</p>");
	struct pv_buf md = PV_BUF_INIT;
	pv_report_md_literal(&md, "a*b*_c_ `d` [e](f) <g> & #h | \\");
	char *h = html_of(md.buf);
	assert_string_equal(h, "<p>a*b*_c_ `d` [e](f) &lt;g&gt; &amp; #h | \\</p>\n");
	free(h);
	pv_buf_reset(&md);
	pv_report_md_blocks(&md, "Intro\n```\nopen fence");
	assert_string_equal(md.buf, "Intro\n\n```\nopen fence\n```\n");
	pv_buf_release(&md);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_rendering),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
