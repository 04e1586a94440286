/*
 * SYN001 and SYN002: text hazards in the values of a plan that YAML reads
 * without complaint, found in the tree with the schema saying which keys
 * hold text. A comment that cuts a text short (" #" after an unquoted
 * value), and characters that look like spaces or like nothing.
 */
#include "load_private.h"
#include "pveplan/base.h"
#include "pveplan/yaml.h"
#include "schema.h"

#include <stdlib.h>
#include <string.h>

struct syn {
	const char *src;
	size_t len;
	struct pv_diags *d;
	size_t *lines;		/* offset of each line's start, from line 1; built when needed */
	size_t nlines;
	unsigned char *cut;	/* the lines where SYN001 was reported */
};

static size_t bom(const char *s, size_t len)
{
	return len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3) ? 3 : 0;
}

static void index_lines(struct syn *S)
{
	size_t alloc = 0;
	PV_ALLOC_GROW(S->lines, 1, alloc);
	S->lines[S->nlines++] = bom(S->src, S->len);
	for (size_t i = S->lines[0]; i < S->len;) {
		size_t k = pv_line_break(S->src, S->len, i);
		if (!k) {
			i++;
			continue;
		}
		i += k;
		PV_ALLOC_GROW(S->lines, S->nlines + 1, alloc);
		S->lines[S->nlines++] = i;
	}
	S->cut = xcalloc(S->nlines + 1, 1);
}

/* The byte offset of line:col, or len when the file has no such place. */
static size_t offset_of(const struct syn *S, uint32_t line, uint32_t col)
{
	if (!line || line > S->nlines)
		return S->len;
	size_t off = S->lines[line - 1];
	for (uint32_t c = 1; c < col && off < S->len && !pv_line_break(S->src, S->len, off); c++) {
		uint32_t cp;
		off += pv_utf8_decode(S->src + off, S->len - off, &cp);
	}
	return off;
}

/* Appends `n` bytes of `s` between double quotes, as YAML reads them back,
 * cut after 100 characters. */
static void add_quoted(struct pv_buf *out, const char *s, size_t n)
{
	size_t chars = 0;
	pv_buf_addch(out, '"');
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = pv_utf8_decode(s + i, n - i, &cp);
		if (++chars > 100) {
			pv_buf_adds(out, "…");
			break;
		}
		if (s[i] == '"' || s[i] == '\\')
			pv_buf_addch(out, '\\');
		pv_buf_add(out, s + i, k);
		i += k;
	}
	pv_buf_addch(out, '"');
}

/* SYN001: the comment that follows the plain scalar `n` on its last line. */
static void check_cut(struct syn *S, const struct pv_node *n, const char *key, const char *lang,
		      const char *shown)
{
	if (!S->lines)
		index_lines(S);
	/* One commented value starts on a line (the comment ends it): once,
	 * however many aliases reach it. */
	if (!n->pos.line || n->pos.line > S->nlines || S->cut[n->pos.line])
		return;
	S->cut[n->pos.line] = 1;
	size_t off = offset_of(S, n->pos.line, n->pos.col);
	uint32_t line = n->pos.line;
	/* A plain scalar holds no " #": the first one is the comment. */
	for (; off < S->len; off++) {
		size_t k = pv_line_break(S->src, S->len, off);
		if (k) {
			line++;
			off += k - 1;
		} else if (S->src[off] == '#' && off > 0 &&
			   (S->src[off - 1] == ' ' || S->src[off - 1] == '\t')) {
			break;
		}
	}
	if (off >= S->len || line > S->nlines)
		return;
	uint32_t col = 1;
	for (size_t i = S->lines[line - 1]; i < off; col++) {
		uint32_t cp;
		i += pv_utf8_decode(S->src + i, S->len - i, &cp);
	}
	size_t end = off + 1, ws = off;
	while (end < S->len && !pv_line_break(S->src, S->len, end))
		end++;
	while (end > off && (S->src[end - 1] == ' ' || S->src[end - 1] == '\t'))
		end--;
	while (ws > 0 && (S->src[ws - 1] == ' ' || S->src[ws - 1] == '\t'))
		ws--;
	struct pv_buf rest = PV_BUF_INIT, fixed = PV_BUF_INIT, text = PV_BUF_INIT;
	pv_buf_add(&rest, S->src + off, end - off);
	/* The text as it was meant: the value, then what the comment took. */
	pv_buf_add(&text, n->u.str, n->len);
	pv_buf_add(&text, S->src + ws, end - ws);
	pv_buf_addf(&fixed, "%s: ", lang ? lang : key);
	add_quoted(&fixed, text.buf, text.len);
	pv_diag_rule(S->d, "SYN001", "message", ((struct pv_pos){ line, col, 1 }), NULL,
		     "key", shown, "rest", rest.buf, "fixed", fixed.buf);
	pv_buf_release(&rest);
	pv_buf_release(&fixed);
	pv_buf_release(&text);
}

/* A no-break, narrow no-break or thin space where French typography puts
 * one (before ; : ! ? %, inside « », before €) or next to a number (digit
 * groups, a number and its unit): written on purpose, not pasted. */
static int typographic(uint32_t cp, uint32_t prev, uint32_t next)
{
	if (cp != 0x00A0 && cp != 0x202F && cp != 0x2009)
		return 0;
	if (prev == 0x00AB || next == 0x00BB || next == 0x20AC || (next && next < 0x80 && strchr(";:!?%", (int)next)))
		return 1;
	/* "1 200", "200 jeunes", "article 12": next to a number */
	return (prev >= '0' && prev <= '9') || (next >= '0' && next <= '9');
}

#define SYN_MAX_NAMES 6

/* SYN002: the characters of `s` that look like spaces or like nothing. */
static void check_chars(struct syn *S, const struct pv_node *n, const char *shown)
{
	const char *s = n->u.str;
	size_t len = n->len, first = len, chars = 0, at = 0;
	struct pv_arg names[SYN_MAX_NAMES + 2];
	uint32_t seen[SYN_MAX_NAMES];
	size_t nnames = 0, nseen = 0;
	uint32_t prev = 0, cp, next;
	if (len && s[0] == ' ') {
		names[nnames++] = PV_W("a space at the start");
		first = 0;
	}
	for (size_t i = 0; i < len; chars++) {
		size_t k = pv_utf8_decode(s + i, len - i, &cp);
		struct pv_arg name;
		enum pv_char_class c = pv_prescan_classify(cp, &name);
		if (c == PV_CHAR_SPACE || c == PV_CHAR_INVISIBLE) {
			next = 0;
			if (i + k < len)
				pv_utf8_decode(s + i + k, len - i - k, &next);
			size_t j = 0;
			while (j < nseen && seen[j] != cp)
				j++;
			if (!typographic(cp, prev, next) && j == nseen && nseen < SYN_MAX_NAMES) {
				seen[nseen++] = cp;
				names[nnames++] = name;
				if (first == len) {
					first = i;
					at = chars;
				}
			}
		}
		prev = cp;
		i += k;
	}
	if (len > 1 && s[len - 1] == ' ') {
		names[nnames++] = PV_W("a space at the end");
		if (first == len)
			at = chars - 1;
	}
	if (!nnames)
		return;
	/* At the character itself when the value is the text of the line:
	 * a plain scalar or a quoted one without escapes, on one line. */
	struct pv_pos pos = n->pos;
	uint32_t inner = n->style == PV_STYLE_QUOTED ? 1 : 0;
	if (n->style != PV_STYLE_BLOCK && pos.span == chars + 2 * inner && pos.span > 1) {
		pos.col += inner + (uint32_t)at;
		pos.span = 1;
	}
	pv_diag_rule(S->d, "SYN002", "message", pos, NULL, "key", shown, "chars",
		     pv_msg_list(names, nnames));
}

static void check_scalar(struct syn *S, const struct pv_node *n, const char *key,
			 const char *lang, int text)
{
	if (!n || n->kind != PV_NODE_SCALAR || !n->len)
		return;
	struct pv_buf shown = PV_BUF_INIT;
	if (lang)
		pv_buf_addf(&shown, "%s (%s)", key, lang);
	else
		pv_buf_adds(&shown, key);
	if (text && n->style == PV_STYLE_PLAIN && (n->flags & PV_NODE_COMMENTED))
		check_cut(S, n, key, lang, shown.buf);
	check_chars(S, n, shown.buf);
	pv_buf_release(&shown);
}

static void check_text(struct syn *S, const struct pv_node *n, const char *key)
{
	if (!n || n->kind != PV_NODE_MAP) {
		check_scalar(S, n, key, NULL, 1);
		return;
	}
	for (uint32_t i = 0; i < n->len; i++)
		check_scalar(S, n->u.pairs[i].value, key, n->u.pairs[i].key->u.str, 1);
}

static void walk(struct syn *S, const struct pv_node *n, const struct pv_schema *s);

/* The value `v` of field `f`: text and strings checked, mappings walked. */
static void field(struct syn *S, const struct pv_field *f, const char *key, const struct pv_node *v)
{
	int list = v->kind == PV_NODE_SEQ;
	if (f->type == PV_F_MAP) {
		walk(S, v, f->sub);
		return;
	}
	for (uint32_t j = 0; list && j < v->len; j++) {
		const struct pv_node *item = v->u.items[j];
		if (f->type == PV_F_SEQ)
			walk(S, item, f->sub);
		else if (f->type == PV_F_TEXTS)
			check_text(S, item, key);
		else if (f->type == PV_F_STRS)
			check_scalar(S, item, key, NULL, 0);
	}
	if (!list && f->type == PV_F_TEXT)
		check_text(S, v, key);
	else if (!list && f->type == PV_F_STR)
		check_scalar(S, v, key, NULL, 0);
}

static void walk(struct syn *S, const struct pv_node *n, const struct pv_schema *s)
{
	if (!n || n->kind != PV_NODE_MAP || !s)
		return;
	for (uint32_t i = 0; i < n->len; i++) {
		const char *key = n->u.pairs[i].key->u.str;
		for (size_t j = 0; j < s->nfields; j++)
			if (!strcmp(s->fields[j].key, key)) {
				field(S, &s->fields[j], key, n->u.pairs[i].value);
				break;
			}
	}
}

void pv_loader_check_syntax(const struct pv_node *root, const char *src, size_t len,
			    struct pv_diags *d)
{
	struct syn S = { src, len, d, NULL, 0, NULL };
	walk(&S, root, &pv_schema_file);
	free(S.lines);
	free(S.cut);
}
