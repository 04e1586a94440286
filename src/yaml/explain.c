/*
 * libyaml's problems in the drafter's words. libyaml names what its parser
 * expected ("did not find expected key"), often on the line after the
 * mistake; a drafter needs what they did and the line as it should be.
 * The words live in the catalogue (syntax.LANG.yaml, `yaml_errors`), keyed
 * by libyaml's problem string; each case names a fix kind, here, which
 * recognises the mistake on the lines around libyaml's marks, places it
 * where the drafter sees it and computes the corrected line. A kind that
 * does not recognise its mistake lets the next case try: the finding is
 * never a guess presented as a diagnosis.
 */
#include "pveplan/yaml.h"

#include "pveplan/base.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The lines of the text, by number (1-based), a BOM excluded. */
struct lines {
	const char *s;
	size_t len;
	size_t *start;
	uint32_t first, n;	/* start[0] is line `first` */
};

static void lines_index(struct lines *L, const char *s, size_t len)
{
	size_t alloc = 0, i = len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3) ? 3 : 0;
	L->s = s;
	L->len = len;
	L->start = NULL;
	L->first = 1;
	L->n = 0;
	for (;;) {
		PV_ALLOC_GROW(L->start, L->n + 1, alloc);
		L->start[L->n++] = i;
		while (i < len && !pv_line_break(s, len, i))
			i++;
		if (i >= len)
			break;
		i += pv_line_break(s, len, i);
	}
}

/* One line taken apart as a drafter writes it: indentation, list dashes,
 * a plain key, its value (a comment after it left out). */
struct line {
	uint32_t no;
	size_t s, e;		/* its bytes, the break excluded */
	long indent;		/* spaces before anything */
	size_t content;		/* after the indentation */
	long keycol;		/* the column (from 0) of what follows the dashes */
	size_t body;		/* its offset */
	int dash;
	size_t key, keylen;	/* keylen 0: no plain key */
	size_t value, vend;	/* the value; empty when value == vend */
};

static size_t skip_quoted(const char *s, size_t i, size_t e)
{
	char q = s[i++];
	while (i < e) {
		if (q == '"' && s[i] == '\\') {
			i += 2;
			continue;
		}
		if (s[i] == q) {
			if (q == '\'' && i + 1 < e && s[i + 1] == '\'') {
				i += 2;
				continue;
			}
			return i + 1;
		}
		i++;
	}
	return e;
}

/* The end of the value at `i`: before a comment and trailing spaces. */
static size_t value_end(const char *s, size_t i, size_t e)
{
	size_t j = i;
	if (j < e && (s[j] == '"' || s[j] == '\''))
		j = skip_quoted(s, j, e);
	for (; j < e; j++)
		if (s[j] == '#' && j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			break;
	while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	return j;
}

static int get_line(const struct lines *L, uint32_t no, struct line *l)
{
	if (no < L->first || no - L->first >= L->n)
		return 0;
	const char *s = L->s;
	memset(l, 0, sizeof(*l));
	l->no = no;
	l->s = L->start[no - L->first];
	l->e = l->s;
	while (l->e < L->len && !pv_line_break(s, L->len, l->e))
		l->e++;
	size_t i = l->s;
	while (i < l->e && s[i] == ' ')
		i++;
	l->indent = (long)(i - l->s);
	l->content = i;
	while (i < l->e && s[i] == '-' && (i + 1 == l->e || s[i + 1] == ' ')) {
		l->dash = 1;
		i++;
		while (i < l->e && s[i] == ' ')
			i++;
	}
	l->body = i;
	l->keycol = (long)(i - l->s);
	l->value = l->vend = i;
	if (i < l->e && !strchr("\"'[{#|>", s[i])) {
		for (size_t j = i; j < l->e; j++) {
			if (s[j] == '#' && (s[j - 1] == ' ' || s[j - 1] == '\t'))
				break;
			if (s[j] == ':' && (j + 1 == l->e || s[j + 1] == ' ' || s[j + 1] == '\t')) {
				l->key = i;
				l->keylen = j - i;
				i = j + 1;
				while (i < l->e && (s[i] == ' ' || s[i] == '\t'))
					i++;
				break;
			}
		}
	}
	l->value = i;
	l->vend = value_end(s, i, l->e);
	return 1;
}

/* A line that holds nothing but spaces or a comment. */
static int empty_line(const struct lines *L, const struct line *l)
{
	return l->content == l->e || L->s[l->content] == '#';
}

/* The nearest line before `no` that holds something. */
static int previous_line(const struct lines *L, uint32_t no, struct line *l)
{
	while (no > 1)
		if (get_line(L, --no, l) && !empty_line(L, l))
			return 1;
	return 0;
}

static size_t off_of_col(const struct lines *L, const struct line *l, uint32_t col)
{
	size_t i = l->s;
	uint32_t cp;
	for (uint32_t c = 1; c < col && i < l->e; c++)
		i += pv_utf8_decode(L->s + i, l->e - i, &cp);
	return i;
}

static uint32_t col_of_off(const struct lines *L, const struct line *l, size_t off)
{
	uint32_t col = 1, cp;
	for (size_t i = l->s; i < off && i < l->e; col++)
		i += pv_utf8_decode(L->s + i, l->e - i, &cp);
	return col;
}

static int strpbrk_n(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]))
			return 1;
	return 0;
}

/* `n` bytes of text as a YAML quoted scalar: double quotes unless the text
 * holds one (or a backslash) and no single quote. */
static void add_quoted(struct pv_buf *b, const char *t, size_t n)
{
	int dq = memchr(t, '"', n) || memchr(t, '\\', n);
	if (dq && !memchr(t, '\'', n)) {
		pv_buf_addch(b, '\'');
		pv_buf_add(b, t, n);
		pv_buf_addch(b, '\'');
		return;
	}
	pv_buf_addch(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (t[i] == '"' || t[i] == '\\')
			pv_buf_addch(b, '\\');
		pv_buf_addch(b, t[i]);
	}
	pv_buf_addch(b, '"');
}

/* The line from its dashes on, its value quoted, its comment kept. */
static void requoted(const struct lines *L, const struct line *l, struct pv_buf *b)
{
	pv_buf_add(b, L->s + l->content, l->value - l->content);
	add_quoted(b, L->s + l->value, l->vend - l->value);
	pv_buf_add(b, L->s + l->vend, l->e - l->vend);
}

static void set_key(const struct lines *L, const struct line *l, struct pv_yaml_fix *f)
{
	pv_buf_add(&f->key, L->s + l->key, l->keylen);
}

static void at(struct pv_yaml_fix *f, uint32_t line, uint32_t col, uint32_t span)
{
	f->pos = (struct pv_pos){ line, col ? col : 1, span ? span : 1 };
}

/* The line with `indent` spaces in place of its own. */
static void reindented(const struct lines *L, const struct line *l, long indent,
		       struct pv_buf *b)
{
	pv_buf_addchars(b, ' ', (size_t)indent);
	pv_buf_add(b, L->s + l->content, l->e - l->content);
}

/* `key: text: more`: a colon and a space inside a plain value. */
static int fix_quote_value(const struct lines *L, const struct pv_yaml_error *e,
			   struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || !l.keylen)
		return 0;
	size_t p = off_of_col(L, &l, e->col);
	if (p < l.value || p >= l.vend || L->s[p] != ':' || strchr("\"'[{", L->s[l.value]) ||
	    strpbrk_n(L->s + l.key, l.keylen, "[]{},"))
		return 0;	/* `-{id: moy, ...}`: not a key and its text */
	set_key(L, &l, f);
	requoted(L, &l, &f->fixed);
	at(f, e->line, e->col, 1);
	return 1;
}

/* `-{id: moy}`, `-item`: a hyphen with no space after it is text, not a
 * list dash. */
static int fix_dash_space(const struct lines *L, const struct pv_yaml_error *e,
			  struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || l.dash || l.content + 1 >= l.e ||
	    L->s[l.content] != '-' || L->s[l.content + 1] == ' ')
		return 0;
	pv_buf_adds(&f->fixed, "- ");
	pv_buf_add(&f->fixed, L->s + l.content + 1, l.e - l.content - 1);
	at(f, e->line, (uint32_t)l.indent + 1, 1);
	return 1;
}

/* A colon and a space on a line that continues the plain text of the key
 * above (`summary: A plan` then `  with more: here`): the whole text
 * after `>`, where no character is special. */
static int fix_continued_text(const struct lines *L, const struct pv_yaml_error *e,
			      struct pv_yaml_fix *f)
{
	struct line l, prev;
	if (!get_line(L, e->line, &l) || l.dash || !previous_line(L, e->line, &prev))
		return 0;
	size_t p = off_of_col(L, &l, e->col);
	if (p >= l.e || L->s[p] != ':' || !prev.keylen || prev.value == prev.vend ||
	    strchr("\"'[{|>&*!", L->s[prev.value]) || l.indent <= prev.keycol)
		return 0;
	if (l.keylen && !memchr(L->s + l.key, ' ', l.keylen) && p == l.key + l.keylen)
		return 0;	/* a key of its own: fix_indent_as_previous */
	set_key(L, &prev, f);
	pv_buf_add(&f->fixed, L->s + prev.content, prev.value - prev.content);
	pv_buf_addch(&f->fixed, '>');
	at(f, e->line, e->col, 1);
	return 1;
}

/* A line indented unlike the line before it, where YAML cannot place it:
 * shown with the indentation of the line before (of its key, after a
 * dash; of its dash, for one list item after another). */
static int fix_indent_as_previous(const struct lines *L, const struct pv_yaml_error *e,
				  struct pv_yaml_fix *f)
{
	struct line l, prev;
	if (!get_line(L, e->line, &l) || empty_line(L, &l) || !previous_line(L, e->line, &prev) ||
	    fix_dash_space(L, e, f))
		return 0;
	/* For a colon, a key the line starts with, and a word: in "more
	 * text: here" under a text, the colon is the text's. */
	if (e->problem && strstr(e->problem, "mapping values") &&
	    (!l.keylen || off_of_col(L, &l, e->col) != l.key + l.keylen ||
	     memchr(L->s + l.key, ' ', l.keylen)))
		return 0;
	if (prev.keylen && prev.value == prev.vend)
		return 0;	/* under a key without a value: fix_indent_under_key */
	if (l.body < l.e && strchr("[]{}:,`@%&*!|>#?", L->s[l.body]))
		return 0;	/* a stray sign, not only its indentation, is wrong */
	if (prev.keylen && (L->s[prev.key] == '-' || memchr(L->s + prev.key, ' ', prev.keylen)))
		return 0;	/* `-id: P1` above: the line before is the odd one */
	long want = l.dash && prev.dash ? prev.indent : prev.keycol;
	if (want == l.indent)
		return 0;
	f->have = l.indent;
	f->want = want;
	if (l.keylen)
		set_key(L, &l, f);
	reindented(L, &l, want, &f->fixed);
	at(f, e->line, 1, (uint32_t)(l.indent ? l.indent : 1));
	return 1;
}

/* A line no deeper than the key without a value on the line before it. */
static int fix_indent_under_key(const struct lines *L, const struct pv_yaml_error *e,
				struct pv_yaml_fix *f)
{
	struct line l, prev;
	if (!get_line(L, e->line, &l) || empty_line(L, &l) || !previous_line(L, e->line, &prev))
		return 0;
	if (!prev.keylen || prev.value != prev.vend || l.indent > prev.keycol)
		return 0;
	set_key(L, &prev, f);
	f->have = l.indent;
	f->want = prev.keycol + 2;
	reindented(L, &l, f->want, &f->fixed);
	at(f, e->line, 1, (uint32_t)(l.indent ? l.indent : 1));
	return 1;
}

/* Text after the closing quote of a value: the whole of it quoted. */
static int fix_after_quote(const struct lines *L, const struct pv_yaml_error *e,
			   struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || l.value >= l.e || !strchr("\"'", L->s[l.value]))
		return 0;
	size_t close = skip_quoted(L->s, l.value, l.e), p = off_of_col(L, &l, e->col);
	if (close > p || p >= l.vend)
		return 0;
	if (!l.keylen)
		return 0;	/* its message names the key */
	set_key(L, &l, f);
	requoted(L, &l, &f->fixed);
	at(f, e->line, col_of_off(L, &l, l.value), col_of_off(L, &l, l.vend) - col_of_off(L, &l, l.value));
	return 1;
}

/* A `- ` item under a key that has its value on its own line already. */
static int fix_dash_under_value(const struct lines *L, const struct pv_yaml_error *e,
				struct pv_yaml_fix *f)
{
	struct line l, prev;
	if (!get_line(L, e->line, &l) || !l.dash || !previous_line(L, e->line, &prev))
		return 0;
	if (!prev.keylen || prev.value == prev.vend || prev.keycol < l.indent ||
	    l.indent < prev.indent)
		return 0;
	set_key(L, &prev, f);
	pv_buf_add(&f->fixed, L->s + prev.key, prev.keylen);
	pv_buf_addch(&f->fixed, ':');
	pv_buf_adds(&f->other, "- ");
	pv_buf_add(&f->other, L->s + prev.value, prev.vend - prev.value);
	at(f, e->line, (uint32_t)l.indent + 1, 1);
	return 1;
}

/* `key: - item`: a list item on the line of its key. */
static int fix_dash_after_key(const struct lines *L, const struct pv_yaml_error *e,
			      struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || !l.keylen || l.value >= l.vend || L->s[l.value] != '-')
		return 0;
	set_key(L, &l, f);
	pv_buf_add(&f->fixed, L->s + l.key, l.keylen);
	pv_buf_addch(&f->fixed, ':');
	pv_buf_add(&f->other, L->s + l.value, l.vend - l.value);
	at(f, e->line, col_of_off(L, &l, l.value), 1);
	return 1;
}

/* A quote opened and never closed: the line of the quote, closed. */
static int fix_close_quote(const struct lines *L, const struct pv_yaml_error *e,
			   struct pv_yaml_fix *f)
{
	struct line l;
	if (!e->context_line || !get_line(L, e->context_line, &l))
		return 0;
	size_t p = off_of_col(L, &l, e->context_col);
	if (p >= l.e || !strchr("\"'", L->s[p]))
		return 0;
	size_t end = l.e;
	while (end > p + 1 && L->s[end - 1] == ' ')
		end--;
	if (l.keylen)
		set_key(L, &l, f);
	f->mark[0] = L->s[p];
	pv_buf_add(&f->fixed, L->s + l.content, end - l.content);
	pv_buf_addch(&f->fixed, L->s[p]);
	at(f, e->context_line, e->context_col, 1);
	return 1;
}

/* A `[` or `{` opened and not closed on its line: the line with every
 * bracket it leaves open closed, or, when the value starts with the
 * bracket (which may belong to the text), the text quoted. */
static int close_brackets(const struct lines *L, const struct pv_yaml_error *e,
			  struct pv_yaml_fix *f, int inner)
{
	struct line l;
	if (!e->context_line || !get_line(L, e->context_line, &l))
		return 0;
	size_t p = off_of_col(L, &l, e->context_col);
	if (p >= l.e || !strchr("[{", L->s[p]) || p < l.value || (p > l.value) != inner)
		return 0;
	char open[64];
	size_t depth = 0;
	for (size_t i = l.value; i < l.vend; i++) {
		char c = L->s[i];
		if (c == '"' || c == '\'') {
			i = skip_quoted(L->s, i, l.vend) - 1;
		} else if ((c == '[' || c == '{') && depth < sizeof(open)) {
			open[depth++] = c;
		} else if (c == ']' || c == '}') {
			if (!depth || open[depth - 1] != (c == ']' ? '[' : '{'))
				return 0;	/* brackets crossed: something else */
			depth--;
		}
	}
	if (!depth)
		return 0;	/* closed on its line: something else is wrong */
	if (inner) {
		/* the key of the bracket, inside the value: `sector: [` */
		size_t k = p;
		while (k > l.value && L->s[k - 1] == ' ')
			k--;
		if (k == l.value || L->s[k - 1] != ':')
			return 0;
		l.key = --k;
		while (l.key > l.value && (isalnum((unsigned char)L->s[l.key - 1]) ||
					   strchr("_-.", L->s[l.key - 1])))
			l.key--;
		l.keylen = k - l.key;
	}
	if (!l.keylen)
		return 0;
	set_key(L, &l, f);
	f->mark[0] = L->s[p];
	pv_buf_add(&f->fixed, L->s + l.content, l.vend - l.content);
	while (depth)
		pv_buf_addch(&f->fixed, open[--depth] == '[' ? ']' : '}');
	requoted(L, &l, &f->other);
	at(f, e->context_line, e->context_col, 1);
	return 1;
}

static int fix_close_bracket(const struct lines *L, const struct pv_yaml_error *e,
			     struct pv_yaml_fix *f)
{
	return close_brackets(L, e, f, 0);
}

/* `b: {c: [1, 2`: a bracket inside the value, left open. */
static int fix_close_inner_bracket(const struct lines *L, const struct pv_yaml_error *e,
				   struct pv_yaml_fix *f)
{
	return close_brackets(L, e, f, 1);
}

/* A value that starts with a character YAML reserves (`@`, a backquote,
 * `%`) or gives a meaning (`*` an alias, `&` an anchor, `!` a tag). */
static int fix_quote_indicator(const struct lines *L, const struct pv_yaml_error *e,
			       struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l))
		return 0;
	size_t p = off_of_col(L, &l, e->col);
	/* `*Dialogue* first`: libyaml points at the second '*', its
	 * context ("while scanning an alias") at the first. */
	if (p != l.value && e->context_line == e->line)
		p = off_of_col(L, &l, e->context_col);
	if (p != l.value || p >= l.vend || !strchr("@`%*&!", L->s[p]))
		return 0;
	if (!l.keylen)
		return 0;	/* its message names the key */
	set_key(L, &l, f);
	f->mark[0] = L->s[p];
	requoted(L, &l, &f->fixed);
	at(f, e->line, col_of_off(L, &l, p), 1);
	return 1;
}

/* Text after the closing bracket of a value that starts with one
 * (`title: [Draft] Dialogue`): the whole of it quoted. */
static int fix_after_bracket(const struct lines *L, const struct pv_yaml_error *e,
			     struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || l.value >= l.e || !strchr("[{", L->s[l.value]))
		return 0;
	char open = L->s[l.value], close = open == '[' ? ']' : '}';
	size_t i = l.value, p = off_of_col(L, &l, e->col);
	int depth = 0;
	for (; i < l.e; i++) {
		depth += L->s[i] == open;
		if (L->s[i] == close && --depth == 0)
			break;
	}
	l.vend = value_end(L->s, i < l.e ? i + 1 : l.e, l.e);
	if (i >= l.e || i >= p || p >= l.vend)
		return 0;
	if (!l.keylen)
		return 0;	/* its message names the key */
	set_key(L, &l, f);
	f->mark[0] = open;
	requoted(L, &l, &f->fixed);
	at(f, e->line, col_of_off(L, &l, l.value), 1);
	return 1;
}

/* `title:#1 Youth`: a key's colon with no space after it, so the line is
 * one word of text and no key. The value is quoted when it needs it
 * (`#` would start a comment). */
static int fix_colon_space(const struct lines *L, const struct pv_yaml_error *e,
			   struct pv_yaml_fix *f)
{
	struct line l;
	uint32_t no = e->context_line ? e->context_line : e->line;
	if (!get_line(L, no, &l) || l.keylen)
		return 0;
	size_t k = l.body;
	while (k < l.e && (isalnum((unsigned char)L->s[k]) || strchr("_-.", L->s[k])))
		k++;
	if (k == l.body || k + 1 >= l.e || L->s[k] != ':' || L->s[k + 1] == ' ')
		return 0;
	l.key = l.body;
	l.keylen = k - l.body;
	l.value = k + 1;
	l.vend = l.e;
	while (l.vend > l.value && L->s[l.vend - 1] == ' ')
		l.vend--;
	set_key(L, &l, f);
	pv_buf_add(&f->fixed, L->s + l.content, k + 1 - l.content);
	pv_buf_addch(&f->fixed, ' ');
	if (strchr("#\"'[]{}@`%*&!|>-?,", L->s[l.value]) || memchr(L->s + l.value, ':', l.vend - l.value))
		add_quoted(&f->fixed, L->s + l.value, l.vend - l.value);
	else
		pv_buf_add(&f->fixed, L->s + l.value, l.vend - l.value);
	at(f, no, col_of_off(L, &l, k), 1);
	return 1;
}

/* A line of text with no colon after a `key: value` line. */
static int fix_continue_or_key(const struct lines *L, const struct pv_yaml_error *e,
			       struct pv_yaml_fix *f)
{
	struct line l, prev;
	uint32_t no = e->context_line ? e->context_line : e->line;
	if (!get_line(L, no, &l) || l.keylen || l.dash || empty_line(L, &l) ||
	    !previous_line(L, no, &prev) || !prev.keylen || prev.value == prev.vend ||
	    l.indent > prev.keycol)
		return 0;
	set_key(L, &prev, f);
	f->have = l.indent;
	f->want = prev.keycol + 2;
	reindented(L, &l, f->want, &f->fixed);
	at(f, no, (uint32_t)l.indent + 1, col_of_off(L, &l, l.vend) - (uint32_t)l.indent - 1);
	return 1;
}

/* A second `---`: a second document. */
static int fix_delete_line(const struct lines *L, const struct pv_yaml_error *e,
			   struct pv_yaml_fix *f)
{
	struct line l;
	if (!get_line(L, e->line, &l) || l.e - l.s < 3 || memcmp(L->s + l.s, "---", 3))
		return 0;
	pv_buf_adds(&f->fixed, "---");
	at(f, e->line, 1, 3);
	return 1;
}

static const struct {
	const char *name;
	int (*fn)(const struct lines *, const struct pv_yaml_error *, struct pv_yaml_fix *);
} kinds[] = {
	{ "after-bracket", fix_after_bracket },
	{ "after-quote", fix_after_quote },
	{ "close-bracket", fix_close_bracket },
	{ "close-inner-bracket", fix_close_inner_bracket },
	{ "close-quote", fix_close_quote },
	{ "colon-space", fix_colon_space },
	{ "continue-or-key", fix_continue_or_key },
	{ "continued-text", fix_continued_text },
	{ "dash-after-key", fix_dash_after_key },
	{ "dash-space", fix_dash_space },
	{ "dash-under-value", fix_dash_under_value },
	{ "delete-line", fix_delete_line },
	{ "indent-as-previous", fix_indent_as_previous },
	{ "indent-under-key", fix_indent_under_key },
	{ "quote-indicator", fix_quote_indicator },
	{ "quote-value", fix_quote_value },
};

static int compute(const char *kind, const struct lines *L, const struct pv_yaml_error *e,
		   struct pv_yaml_fix *out)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(kinds); i++)
		if (!strcmp(kinds[i].name, kind))
			return kinds[i].fn(L, e, out);
	return -1;
}

int pv_yaml_fix_compute(const char *kind, const char *src, size_t len,
			const struct pv_yaml_error *e, struct pv_yaml_fix *out)
{
	struct lines L;
	lines_index(&L, src, len);
	int r = compute(kind, &L, e, out);
	free(L.start);
	return r;
}

void pv_yaml_fix_release(struct pv_yaml_fix *f)
{
	pv_buf_release(&f->key);
	pv_buf_release(&f->fixed);
	pv_buf_release(&f->other);
}

static int case_fits(const struct pv_yaml_case *c, const struct pv_yaml_error *e)
{
	return !strcmp(c->problem, e->problem) &&
	       (!*c->context || (e->context && !strcmp(c->context, e->context)));
}

/* The first case of the error whose fix kind recognises it; *f filled.
 * `message`: only cases with a message of their own (a finding), else
 * only cases without (a hint for a finding made elsewhere). */
static const struct pv_yaml_case *fitting_case(const struct lines *L,
					       const struct pv_yaml_error *e, int message,
					       struct pv_yaml_fix *f)
{
	for (size_t i = 0; e->problem && i < pv_yaml_ncases; i++) {
		const struct pv_yaml_case *c = &pv_yaml_cases[i];
		if (!case_fits(c, e) || !c->message != !message)
			continue;
		pv_yaml_fix_release(f);
		*f = (struct pv_yaml_fix)PV_YAML_FIX_INIT;
		if (compute(c->fix, L, e, f) == 1)
			return c;
	}
	return NULL;
}

/* The placeholders of every case, from what the fix kind found; {have}
 * and {want} are columns, as an editor counts them. */
#define FIX_PAIRS(f)                                                           \
	"key", (f).key.buf, "fixed", (f).fixed.buf, "other", (f).other.buf,      \
	"char", (f).mark, "have", (f).have + 1, "want", (f).want + 1

static struct pv_diag *explain(struct pv_diags *d, const struct lines *L,
			       const struct pv_yaml_error *e)
{
	struct pv_yaml_fix f = PV_YAML_FIX_INIT;
	const struct pv_yaml_case *c = fitting_case(L, e, 1, &f);
	if (!c) {
		pv_yaml_fix_release(&f);
		return NULL;
	}
	struct pv_diag *g = pv_diag_rule(d, "FMT001", c->message, f.pos, NULL, FIX_PAIRS(f));
	g->hint.field = c->hint;
	if (!e->own && e->context)
		pv_diag_note(g, ((struct pv_pos){ e->line, e->col, 1 }),
			     "in YAML's own words: %s (%s)", e->problem, e->context);
	else if (!e->own)
		pv_diag_note(g, ((struct pv_pos){ e->line, e->col, 1 }),
			     "in YAML's own words: %s", e->problem);
	pv_yaml_fix_release(&f);
	return g;
}

struct pv_diag *pv_yaml_explain(struct pv_diags *d, const char *src, size_t len,
				const struct pv_yaml_error *e)
{
	struct lines L;
	lines_index(&L, src, len);
	struct pv_diag *g = explain(d, &L, e);
	free(L.start);
	return g;
}

struct pv_diag *pv_yaml_explain_line(struct pv_diags *d, const char *src, size_t len,
				     size_t line_start, const struct pv_yaml_error *e)
{
	size_t start = line_start;
	struct lines L = { src, len, &start, e->line, 1 };
	return explain(d, &L, e);
}

int pv_yaml_explain_hint(struct pv_diag *g, const char *src, size_t len,
			 const struct pv_yaml_error *e)
{
	struct pv_yaml_fix f = PV_YAML_FIX_INIT;
	struct lines L;
	lines_index(&L, src, len);
	const struct pv_yaml_case *c = fitting_case(&L, e, 0, &f);
	free(L.start);
	if (c) {
		const struct pv_arg pairs[] = {
			PV_ARG("key"), PV_ARG(f.key.buf), PV_ARG("fixed"), PV_ARG(f.fixed.buf),
			PV_ARG("other"), PV_ARG(f.other.buf), PV_ARG("char"), PV_ARG(f.mark),
			PV_ARG("have"), PV_ARG(f.have + 1), PV_ARG("want"), PV_ARG(f.want + 1),
		};
		pv_msg_release(&g->hint);
		pv_msg_catalogue(&g->hint, "FMT001", c->hint, pairs, PV_ARRAY_SIZE(pairs) / 2);
	}
	pv_yaml_fix_release(&f);
	return c != NULL;
}
