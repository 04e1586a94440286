/*
 * Plan text in the Markdown report. Each text is parsed as its own
 * CommonMark document and written back from its tree, so nothing in one text
 * can reach the structure of the report or of another text: a fence is
 * closed where the text ends, a heading becomes a strong paragraph, a link
 * definition is resolved inside the text, an image becomes a link (a report
 * never loads anything from the network), raw HTML is written as text, and
 * characters no output may pass on raw are shown escaped (pveplan/utf8.h).
 *
 * What is written is checked by parsing it again, as the report will be
 * parsed, and writing that back: the two must be the same. When they are not
 * (a construct written back wrongly), the text is written flattened, every
 * character that Markdown could read as syntax escaped.
 */
#include "pveplan/report.h"

#include "pveplan/base.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Deeper texts are written flattened: container prefixes repeat on every
 * line, so depth must stay small to keep the output linear. */
#define MAX_DEPTH 16

enum mode { BLOCKS, INLINE, CELL };

struct w {
	struct pv_buf *o;
	enum mode mode;
	int bol;	/* at the beginning of a line: block markers are escaped */
	int in_link;	/* links cannot nest: inner ones keep only their text */
};

static cmark_node *parse(const char *s, size_t len, int table)
{
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
	if (!parser)
		pv_die_oom();
	if (table) {
		cmark_gfm_core_extensions_ensure_registered();
		cmark_syntax_extension *ext = cmark_find_syntax_extension("table");
		if (!ext)
			pv_die_oom();
		cmark_parser_attach_syntax_extension(parser, ext);
	}
	cmark_parser_feed(parser, s, len);
	cmark_node *doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (!doc)
		pv_die_oom();
	return doc;
}

static int is_type(cmark_node *n, const char *name)
{
	return !strcmp(cmark_node_get_type_string(n), name);
}

/*
 * Whether a line of `s` opens more than MAX_DEPTH containers: block quote
 * and list markers, and indentation (a nested list item is indented by at
 * least two columns). cmark-gfm spends time in proportion to the open
 * containers on every following line, lazy ones included, so such a text
 * is not given to it at all.
 */
static int too_nested(const char *s)
{
	for (const char *p = s; *p;) {
		size_t depth = 0, cols = 0;
		for (;;) {
			if (*p == ' ' || *p == '\t') {
				cols += *p++ == '\t' ? 4 : 1;
				continue;
			}
			size_t digits = strspn(p, "0123456789");
			const char *m = digits && digits <= 9 && (p[digits] == '.' || p[digits] == ')') ? p + digits + 1
				      : *p && strchr(">-+*", *p) ? p + 1 : NULL;
			if (!m || (*p != '>' && *m && *m != ' ' && *m != '\t' && *m != '\n' && *m != '\r'))
				break;
			depth++;
			p = m;
		}
		if (depth + cols / 2 > MAX_DEPTH)
			return 1;
		p += strcspn(p, "\n\r");
		p += *p != '\0';
	}
	return 0;
}

/* Whether some node of `doc` lies deeper than MAX_DEPTH. */
static int too_deep(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int deep = 0;
	while (!deep && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		int d = 0;
		for (cmark_node *n = cmark_iter_get_node(it); n && d <= MAX_DEPTH; n = cmark_node_parent(n))
			d++;
		deep = d > MAX_DEPTH;
	}
	cmark_iter_free(it);
	return deep;
}

/* ---- text ---- */

/* Appends plain text: unsafe characters shown escaped, then every character
 * that could start Markdown syntax escaped with a backslash. */
static void text(struct w *w, const char *s, size_t len)
{
	struct pv_buf vis = PV_BUF_INIT;
	pv_buf_add_visible(&vis, s, len);
	for (size_t i = 0; i < vis.len; i++) {
		unsigned char c = (unsigned char)vis.buf[i];
		if (w->bol) {
			if (c == ' ') {
				pv_buf_adds(w->o, "&#32;");
				continue;
			}
			w->bol = 0;
			if (strchr("-+=", c)) {
				pv_buf_addch(w->o, '\\');
				pv_buf_addch(w->o, c);
				continue;
			} else if (c >= '0' && c <= '9') {
				size_t j = i;
				while (j < vis.len && vis.buf[j] >= '0' && vis.buf[j] <= '9')
					j++;
				if (j < vis.len && (vis.buf[j] == '.' || vis.buf[j] == ')')) {
					pv_buf_add(w->o, vis.buf + i, j - i);
					pv_buf_addch(w->o, '\\');
					pv_buf_addch(w->o, vis.buf[j]);
					i = j;
					continue;
				}
			}
		}
		if (c && strchr("\\`*_[]<>&|~#$", c))
			pv_buf_addch(w->o, '\\');
		pv_buf_addch(w->o, c);
	}
	pv_buf_release(&vis);
}

/* A code span, its fence longer than any backtick run inside. In a cell a
 * '|' must be written "\|", which only reads back right when no backslash
 * precedes it: such code is written as text. */
static void code(struct w *w, const char *s)
{
	struct pv_buf vis = PV_BUF_INIT;
	pv_buf_add_visible(&vis, s, strlen(s));
	if (!vis.len || (w->mode == CELL && strchr(vis.buf, '|') && strchr(vis.buf, '\\'))) {
		text(w, vis.buf, vis.len);
		pv_buf_release(&vis);
		return;
	}
	uint64_t runs = 0;	/* bit n: a run of n backticks occurs */
	for (size_t i = 0, n = 0; i <= vis.len; i++) {
		if (i < vis.len && vis.buf[i] == '`') {
			n++;
		} else {
			if (n && n < 64)
				runs |= (uint64_t)1 << n;
			n = 0;
		}
	}
	size_t fence = 1;
	while (fence < 63 && (runs >> fence & 1))
		fence++;
	int pad = vis.buf[0] == '`' || vis.buf[vis.len - 1] == '`' ||
		  (vis.buf[0] == ' ' && vis.buf[vis.len - 1] == ' ' &&
		   strspn(vis.buf, " ") < vis.len);
	pv_buf_addchars(w->o, '`', fence);
	if (pad)
		pv_buf_addch(w->o, ' ');
	for (size_t i = 0; i < vis.len; i++) {
		if (w->mode == CELL && vis.buf[i] == '|')
			pv_buf_addch(w->o, '\\');
		pv_buf_addch(w->o, vis.buf[i]);
	}
	if (pad)
		pv_buf_addch(w->o, ' ');
	pv_buf_addchars(w->o, '`', fence);
	pv_buf_release(&vis);
	w->bol = 0;
}

/* A link destination or title: what could end it or be read as syntax is
 * escaped; a destination's unsafe characters are percent-encoded. */
static void link_part(struct w *w, const char *s, int url)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = pv_utf8_decode(s + i, len - i, &cp);
		if (pv_utf8_is_unsafe(cp) || cp == 0xFFFD) {
			if (url)
				for (size_t k = 0; k < n; k++)
					pv_buf_addf(w->o, "%%%02X", (unsigned char)s[i + k]);
			else
				pv_utf8_add_escape(w->o, cp);
		} else {
			if (n == 1 && strchr(url ? "<>\\&`|" : "\"\\&`|<>[]*_", s[i]))
				pv_buf_addch(w->o, '\\');
			pv_buf_add(w->o, s + i, n);
		}
		i += n;
	}
}

static int dangerous(const char *url)
{
	static const char *const schemes[] = { "javascript:", "vbscript:", "file:", "data:" };
	for (size_t i = 0; i < PV_ARRAY_SIZE(schemes); i++)
		if (!strncasecmp(url, schemes[i], strlen(schemes[i])))
			return 1;
	return 0;
}

static void inlines(struct w *w, cmark_node *parent);

/* A link, or an image written as a link to it. */
static void link(struct w *w, cmark_node *n)
{
	const char *url = cmark_node_get_url(n), *title = cmark_node_get_title(n);
	url = url ? url : "";
	if (w->in_link || dangerous(url)) {
		inlines(w, n);
		return;
	}
	pv_buf_addch(w->o, '[');
	w->bol = 0;
	w->in_link = 1;
	if (cmark_node_first_child(n))
		inlines(w, n);
	else
		text(w, url, strlen(url));
	w->in_link = 0;
	pv_buf_adds(w->o, "](<");
	link_part(w, url, 1);
	pv_buf_addch(w->o, '>');
	if (title && *title) {
		pv_buf_adds(w->o, " \"");
		link_part(w, title, 0);
		pv_buf_addch(w->o, '"');
	}
	pv_buf_addch(w->o, ')');
}

static void emphasis(struct w *w, cmark_node *n, const char *delim)
{
	cmark_node *parent = cmark_node_parent(n);
	cmark_node_type pt = parent ? cmark_node_get_type(parent) : CMARK_NODE_NONE;
	/* "**x**" is strong and "***x***" emphasis of strong: the inner one of
	 * two nested alone is written with '_'. */
	if (!strcmp(delim, "*") && (pt == CMARK_NODE_EMPH || pt == CMARK_NODE_STRONG) &&
	    !cmark_node_previous(n) && !cmark_node_next(n))
		delim = "_";
	pv_buf_adds(w->o, delim);
	w->bol = 0;
	inlines(w, n);
	pv_buf_adds(w->o, delim);
}

static void inlines(struct w *w, cmark_node *parent)
{
	for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		const char *lit = cmark_node_get_literal(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:	/* raw HTML is text */
			text(w, lit ? lit : "", lit ? strlen(lit) : 0);
			break;
		case CMARK_NODE_CODE:
			code(w, lit ? lit : "");
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			if (w->mode != BLOCKS) {
				pv_buf_addch(w->o, ' ');
				break;
			}
			pv_buf_adds(w->o, cmark_node_get_type(n) == CMARK_NODE_LINEBREAK ? "\\\n" : "\n");
			w->bol = 1;
			break;
		case CMARK_NODE_EMPH:
			emphasis(w, n, "*");
			break;
		case CMARK_NODE_STRONG:
			emphasis(w, n, "**");
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			link(w, n);
			break;
		default:
			inlines(w, n);
			break;
		}
	}
}

/* ---- blocks ---- */

static void blocks(struct w *w, cmark_node *parent, int tight);

/* Appends `body` with `first` before its first line, `rest` before the
 * others and `blank` before blank ones. */
static void prefixed(struct pv_buf *o, const struct pv_buf *body, const char *first,
		     const char *rest, const char *blank)
{
	const char *p = body->buf, *end = body->buf + body->len;
	if (p == end) {
		pv_buf_adds(o, first);
		pv_buf_addch(o, '\n');
		return;
	}
	for (int line = 0; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		pv_buf_adds(o, !line ? first : n ? rest : blank);
		pv_buf_add(o, p, n);
		pv_buf_addch(o, '\n');
		p += n + 1;
	}
}

/* Renders the children of `n` into a buffer of their own, for a prefix. */
static void contents(struct w *w, cmark_node *n, int tight, struct pv_buf *body)
{
	struct pv_buf *saved = w->o;
	w->o = body;
	blocks(w, n, tight);
	w->o = saved;
	while (body->len && body->buf[body->len - 1] == '\n')
		body->buf[--body->len] = '\0';
}

static void list(struct w *w, cmark_node *n)
{
	int tight = cmark_node_get_list_tight(n);
	int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	/* Two lists in a row stay two lists only with different markers. */
	cmark_node *prev = cmark_node_previous(n);
	int second = prev && cmark_node_get_type(prev) == CMARK_NODE_LIST &&
		     cmark_node_get_list_type(prev) == cmark_node_get_list_type(n);
	char marker[24], indent[24];
	if (ordered)
		snprintf(marker, sizeof(marker), "%d%c ", cmark_node_get_list_start(n), second ? ')' : '.');
	else
		snprintf(marker, sizeof(marker), "%c ", second ? '*' : '-');
	snprintf(indent, sizeof(indent), "%*s", (int)strlen(marker), "");
	for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
		struct pv_buf body = PV_BUF_INIT;
		contents(w, item, tight, &body);
		if (item != cmark_node_first_child(n) && !tight)
			pv_buf_addch(w->o, '\n');
		if (!body.len)
			marker[strlen(marker) - 1] = '\0';	/* an empty item */
		prefixed(w->o, &body, marker, indent, "");
		if (!body.len)
			strcat(marker, " ");
		pv_buf_release(&body);
	}
}

static void code_block(struct w *w, const char *lit)
{
	size_t run = 0, longest = 0, len = strlen(lit);
	for (size_t i = 0; i < len; i++) {
		run = lit[i] == '`' ? run + 1 : 0;
		longest = run > longest ? run : longest;
	}
	size_t fence = longest >= 3 ? longest + 1 : 3;
	pv_buf_addchars(w->o, '`', fence);
	pv_buf_addch(w->o, '\n');
	for (const char *p = lit; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		pv_buf_add_visible(w->o, p, n);
		pv_buf_addch(w->o, '\n');
		p += n + (nl != NULL);
	}
	pv_buf_addchars(w->o, '`', fence);
	pv_buf_addch(w->o, '\n');
}

/* Raw HTML is shown as its text, one paragraph. */
static void html_block(struct w *w, const char *lit)
{
	int first = 1;
	for (const char *p = lit; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		while (n && (p[0] == ' ' || p[0] == '\t'))
			p++, n--;
		if (n) {
			if (!first)
				pv_buf_addch(w->o, '\n');
			w->bol = 1;
			text(w, p, n);
			first = 0;
		}
		p += n;
		p += *p == '\n';
	}
	if (!first)
		pv_buf_addch(w->o, '\n');
}

static void block(struct w *w, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	struct pv_buf body = PV_BUF_INIT;
	w->bol = 1;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		inlines(w, n);
		pv_buf_addch(w->o, '\n');
		break;
	case CMARK_NODE_HEADING:	/* a text has no headings of the report */
		if (!cmark_node_first_child(n))
			break;
		pv_buf_adds(w->o, "**");
		w->bol = 0;
		inlines(w, n);
		pv_buf_adds(w->o, "**\n");
		break;
	case CMARK_NODE_CODE_BLOCK:
		code_block(w, lit ? lit : "");
		break;
	case CMARK_NODE_HTML_BLOCK:
		html_block(w, lit ? lit : "");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		pv_buf_adds(w->o, "***\n");
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		contents(w, n, 0, &body);
		prefixed(w->o, &body, "> ", "> ", ">");
		break;
	case CMARK_NODE_LIST:
		list(w, n);
		break;
	default:
		break;
	}
	pv_buf_release(&body);
}

static void blocks(struct w *w, cmark_node *parent, int tight)
{
	for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		if (n != cmark_node_first_child(parent) && !tight)
			pv_buf_addch(w->o, '\n');
		block(w, n);
	}
}

static void flat(struct w *w, cmark_node *parent);

/* A list on one line keeps its markers, as text: "1. a 2. b". */
static void flat_list(struct w *w, cmark_node *list)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int number = cmark_node_get_list_start(list);
	char delim = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.';
	for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		char marker[24];
		if (ordered)
			snprintf(marker, sizeof(marker), "%d%c", number++, delim);
		else
			snprintf(marker, sizeof(marker), "-");
		if (w->o->len && w->o->buf[w->o->len - 1] != ' ')
			pv_buf_addch(w->o, ' ');
		text(w, marker, strlen(marker));
		flat(w, item);
	}
}

/* On one line: the text of every block, separated by spaces. */
static void flat(struct w *w, cmark_node *parent)
{
	for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		const char *lit = cmark_node_get_literal(n);
		if (w->o->len && w->o->buf[w->o->len - 1] != ' ')
			pv_buf_addch(w->o, ' ');
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			inlines(w, n);
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK: {
			struct pv_buf one = PV_BUF_INIT;
			for (const char *p = lit ? lit : ""; *p; p++)
				pv_buf_addch(&one, *p == '\n' ? ' ' : *p);
			while (one.len && one.buf[one.len - 1] == ' ')
				one.buf[--one.len] = '\0';
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
				code(w, one.buf);
			else
				text(w, one.buf, one.len);
			pv_buf_release(&one);
			break;
		}
		case CMARK_NODE_LIST:
			flat_list(w, n);
			break;
		default:
			flat(w, n);
			break;
		}
	}
}

/* ---- checking what was written ---- */

static void trim_end(struct pv_buf *b)
{
	while (b->len && (b->buf[b->len - 1] == ' ' || b->buf[b->len - 1] == '\n'))
		b->buf[--b->len] = '\0';
}

static cmark_node *only_child(cmark_node *n)
{
	cmark_node *c = cmark_node_first_child(n);
	return c && !cmark_node_next(c) ? c : NULL;
}

/* Whether `md`, parsed where the report puts it, writes back the same. */
static int reads_back(const struct pv_buf *md, enum mode mode)
{
	struct pv_buf src = PV_BUF_INIT, again = PV_BUF_INIT;
	struct w w = { &again, mode, mode != CELL, 0 };
	if (mode == CELL)
		pv_buf_addf(&src, "| x |\n|---|\n| %s |\n", md->buf);
	else
		pv_buf_add(&src, md->buf, md->len);
	cmark_node *doc = parse(src.buf, src.len, 1), *node = NULL;
	if (mode == BLOCKS) {
		blocks(&w, doc, 0);
	} else if (mode == INLINE) {
		node = only_child(doc);
		if (node && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH)
			inlines(&w, node);
	} else {
		/* table, header row, body row: the one cell of the body row */
		node = only_child(doc);
		node = node && is_type(node, "table") ? cmark_node_last_child(node) : NULL;
		node = node && node != cmark_node_first_child(cmark_node_parent(node)) ? only_child(node)
										     : NULL;
		if (node && is_type(node, "table_cell"))
			inlines(&w, node);
	}
	if (mode != BLOCKS)
		trim_end(&again);
	int same = (md->len == 0 && again.len == 0) ||
		   (again.len == md->len && !memcmp(again.buf, md->buf, md->len));
	cmark_node_free(doc);
	pv_buf_release(&src);
	pv_buf_release(&again);
	return same;
}

/* ---- the entry points ---- */

/* A text Markdown cannot read as anything but itself, written as it is. */
static int plain(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!*p || *p == ' ' || strchr("-+=", *p))
		return 0;
	if (*p >= '0' && *p <= '9') {
		size_t n = strspn(s, "0123456789");
		if (s[n] == '.' || s[n] == ')')
			return 0;
	}
	size_t len = strlen(s);
	if (s[len - 1] == ' ')
		return 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = pv_utf8_decode(s + i, len - i, &cp);
		if (pv_utf8_is_unsafe(cp) || cp == 0xFFFD ||
		    (cp < 0x80 && strchr("\\`*_[]<>&|~#$", (int)cp)))
			return 0;
		i += n;
	}
	return 1;
}

/* `s` as it is written, at the beginning of a line (`bol`) or not. */
static void literal(struct pv_buf *out, const char *s, int bol)
{
	struct w w = { out, CELL, bol, 0 };
	size_t start = out->len;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	text(&w, s, strlen(s));
	while (out->len > start && out->buf[out->len - 1] == ' ')
		out->buf[--out->len] = '\0';
}

void pv_report_md_literal(struct pv_buf *out, const char *s)
{
	literal(out, s, 0);
}

/* A text not read as Markdown (too deep for it, or not written back
 * faithfully), on one line, as it is. */
static void as_literal(struct pv_buf *out, const char *s, enum mode mode)
{
	struct pv_buf t = PV_BUF_INIT;
	for (; *s; s++)
		pv_buf_addch(&t, *s == '\n' || *s == '\r' ? ' ' : *s);
	literal(out, t.buf, mode != CELL);
	pv_buf_release(&t);
}

static void write_inline(struct pv_buf *out, const char *s, enum mode mode)
{
	if (plain(s)) {
		pv_buf_adds(out, s);
		return;
	}
	if (too_nested(s)) {
		as_literal(out, s, mode);
		return;
	}
	cmark_node *doc = parse(s, strlen(s), 0);
	struct pv_buf md = PV_BUF_INIT;
	struct w w = { &md, mode, mode != CELL, 0 };
	int ok = !too_deep(doc);
	if (ok) {
		flat(&w, doc);
		trim_end(&md);
		size_t lead = strspn(md.buf, " ");
		memmove(md.buf, md.buf + lead, md.len - lead + 1);
		md.len -= lead;
		ok = reads_back(&md, mode);
	}
	if (ok) {
		pv_buf_add(out, md.buf, md.len);
	} else {
		/* Its text alone: the literal of every leaf, in order. */
		struct pv_buf t = PV_BUF_INIT;
		cmark_iter *it = cmark_iter_new(doc);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			const char *lit = cmark_node_get_literal(cmark_iter_get_node(it));
			if (ev == CMARK_EVENT_ENTER && lit) {
				if (t.len)
					pv_buf_addch(&t, ' ');
				pv_buf_adds(&t, lit);
			}
		}
		cmark_iter_free(it);
		as_literal(out, t.buf, mode);
		pv_buf_release(&t);
	}
	pv_buf_release(&md);
	cmark_node_free(doc);
}

void pv_report_md_inline(struct pv_buf *out, const char *s, int cell)
{
	write_inline(out, s, cell ? CELL : INLINE);
}

void pv_report_md_blocks(struct pv_buf *out, const char *s)
{
	if (!*s)
		return;
	if (plain(s)) {
		pv_buf_adds(out, s);
		pv_buf_addch(out, '\n');
		return;
	}
	if (too_nested(s)) {
		as_literal(out, s, BLOCKS);
		pv_buf_addch(out, '\n');
		return;
	}
	cmark_node *doc = parse(s, strlen(s), 0);
	struct pv_buf md = PV_BUF_INIT;
	struct w w = { &md, BLOCKS, 1, 0 };
	int ok = !too_deep(doc);
	if (ok) {
		blocks(&w, doc, 0);
		ok = reads_back(&md, BLOCKS);
	}
	cmark_node_free(doc);
	if (ok && md.len) {
		pv_buf_add(out, md.buf, md.len);
	} else {
		write_inline(out, s, INLINE);
		pv_buf_addch(out, '\n');
	}
	pv_buf_release(&md);
}
