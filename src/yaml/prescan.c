/*
 * The pre-scan: characters pasted from a word processor that break YAML,
 * found before libyaml and reported where they are, all in one run.
 * libyaml stops at its first error, names it in its own terms, and often
 * at the wrong place (a no-break space after "summary:" is an error on the
 * next line): a drafter would fix one per run without seeing the cause.
 *
 * One pass over the lines, each looked at once, with a little state
 * carried from line to line (inside a block scalar, a quoted or flow scalar
 * running over several lines, a plain scalar that may continue), so that
 * the same characters inside text (a bullet list under '|', a tab in a
 * quoted string) are left alone: they are text, and SYN002 speaks of the
 * invisible ones.
 */
#include "pveplan/yaml.h"

#include "pveplan/base.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by code point, for bsearch. */
static const struct hazard_char {
	uint32_t cp;
	uint8_t cls;		/* enum pv_char_class */
	struct pv_arg name;
} chars[] = {
	{ 0x0009, PV_CHAR_TAB, PV_W_INIT("a tab (U+0009)") },
	{ 0x00A0, PV_CHAR_SPACE, PV_W_INIT("a no-break space (U+00A0)") },
	{ 0x00AD, PV_CHAR_INVISIBLE, PV_W_INIT("a soft hyphen (U+00AD)") },
	{ 0x00B7, PV_CHAR_BULLET, PV_W_INIT("a middle dot (U+00B7)") },
	{ 0x1680, PV_CHAR_SPACE, PV_W_INIT("an Ogham space mark (U+1680)") },
	{ 0x2000, PV_CHAR_SPACE, PV_W_INIT("an en quad (U+2000)") },
	{ 0x2001, PV_CHAR_SPACE, PV_W_INIT("an em quad (U+2001)") },
	{ 0x2002, PV_CHAR_SPACE, PV_W_INIT("an en space (U+2002)") },
	{ 0x2003, PV_CHAR_SPACE, PV_W_INIT("an em space (U+2003)") },
	{ 0x2004, PV_CHAR_SPACE, PV_W_INIT("a three-per-em space (U+2004)") },
	{ 0x2005, PV_CHAR_SPACE, PV_W_INIT("a four-per-em space (U+2005)") },
	{ 0x2006, PV_CHAR_SPACE, PV_W_INIT("a six-per-em space (U+2006)") },
	{ 0x2007, PV_CHAR_SPACE, PV_W_INIT("a figure space (U+2007)") },
	{ 0x2008, PV_CHAR_SPACE, PV_W_INIT("a punctuation space (U+2008)") },
	{ 0x2009, PV_CHAR_SPACE, PV_W_INIT("a thin space (U+2009)") },
	{ 0x200A, PV_CHAR_SPACE, PV_W_INIT("a hair space (U+200A)") },
	{ 0x200B, PV_CHAR_INVISIBLE, PV_W_INIT("a zero-width space (U+200B)") },
	{ 0x200C, PV_CHAR_INVISIBLE, PV_W_INIT("a zero-width non-joiner (U+200C)") },
	{ 0x200D, PV_CHAR_INVISIBLE, PV_W_INIT("a zero-width joiner (U+200D)") },
	{ 0x2010, PV_CHAR_BULLET, PV_W_INIT("a hyphen (U+2010)") },
	{ 0x2011, PV_CHAR_BULLET, PV_W_INIT("a non-breaking hyphen (U+2011)") },
	{ 0x2013, PV_CHAR_BULLET, PV_W_INIT("an en dash (U+2013)") },
	{ 0x2014, PV_CHAR_BULLET, PV_W_INIT("an em dash (U+2014)") },
	{ 0x2018, PV_CHAR_QUOTE, PV_W_INIT("a left single quotation mark (U+2018)") },
	{ 0x2019, PV_CHAR_QUOTE, PV_W_INIT("a right single quotation mark (U+2019)") },
	{ 0x201A, PV_CHAR_QUOTE, PV_W_INIT("a single low-9 quotation mark (U+201A)") },
	{ 0x201C, PV_CHAR_QUOTE, PV_W_INIT("a left double quotation mark (U+201C)") },
	{ 0x201D, PV_CHAR_QUOTE, PV_W_INIT("a right double quotation mark (U+201D)") },
	{ 0x201E, PV_CHAR_QUOTE, PV_W_INIT("a double low-9 quotation mark (U+201E)") },
	{ 0x2022, PV_CHAR_BULLET, PV_W_INIT("a bullet (U+2022)") },
	{ 0x2023, PV_CHAR_BULLET, PV_W_INIT("a triangular bullet (U+2023)") },
	{ 0x202F, PV_CHAR_SPACE, PV_W_INIT("a narrow no-break space (U+202F)") },
	{ 0x2043, PV_CHAR_BULLET, PV_W_INIT("a hyphen bullet (U+2043)") },
	{ 0x205F, PV_CHAR_SPACE, PV_W_INIT("a medium mathematical space (U+205F)") },
	{ 0x2060, PV_CHAR_INVISIBLE, PV_W_INIT("a word joiner (U+2060)") },
	{ 0x2212, PV_CHAR_BULLET, PV_W_INIT("a minus sign (U+2212)") },
	{ 0x25AA, PV_CHAR_BULLET, PV_W_INIT("a black small square (U+25AA)") },
	{ 0x25CF, PV_CHAR_BULLET, PV_W_INIT("a black circle (U+25CF)") },
	{ 0x25E6, PV_CHAR_BULLET, PV_W_INIT("a white bullet (U+25E6)") },
	{ 0x3000, PV_CHAR_SPACE, PV_W_INIT("an ideographic space (U+3000)") },
	{ 0xF0A7, PV_CHAR_BULLET, PV_W_INIT("a bullet of Word's Wingdings font (U+F0A7)") },
	{ 0xF0B7, PV_CHAR_BULLET, PV_W_INIT("a bullet of Word's Symbol font (U+F0B7)") },
	{ 0xFEFF, PV_CHAR_INVISIBLE, PV_W_INIT("a zero-width no-break space or byte-order mark (U+FEFF)") },
};

static int cmp_char(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key, e = ((const struct hazard_char *)elem)->cp;
	return cp < e ? -1 : cp > e;
}

enum pv_char_class pv_prescan_classify(uint32_t cp, struct pv_arg *name)
{
	if (cp < 0x80 && cp != '\t')
		return PV_CHAR_PLAIN;
	const struct hazard_char *c = bsearch(&cp, chars, PV_ARRAY_SIZE(chars), sizeof(*chars),
					      cmp_char);
	if (!c)
		return PV_CHAR_PLAIN;
	if (name)
		*name = c->name;
	return (enum pv_char_class)c->cls;
}

/* What the lines before the current one left open. */
enum context {
	CTX_NONE,
	CTX_PLAIN,	/* a plain scalar that more indented lines continue */
	CTX_BLOCK,	/* the lines of a '|' or '>' scalar */
	CTX_QUOTED,	/* a quoted scalar not closed on its first line */
	CTX_FLOW,	/* a [ ] or { } collection not closed on its first line */
};

/* A finding whose hint waits for the end of its line, to show it fixed. */
enum hint_kind { HINT_SPACE, HINT_INVISIBLE, HINT_BULLET, HINT_QUOTE, HINT_BEFORE_COLON };
struct pending {
	size_t diag;		/* index in d->v */
	uint8_t kind;		/* enum hint_kind */
};

struct scan {
	const char *s;
	size_t len;
	struct pv_diags *d;
	struct pv_prescan *out;
	struct pv_buf fixed;	/* the text with the hazards repaired, up to `copied` */
	size_t copied;
	uint32_t line;
	size_t ls, le;		/* the current line's bytes, its break excluded */
	size_t fixed_ls;	/* where the line starts in `fixed` */
	int ctx;		/* enum context */
	long parent;		/* the indentation of the key the open scalar is under */
	long block_indent;	/* CTX_BLOCK: its text's indentation, -1 until its first line */
	int bullet_opened;	/* CTX_PLAIN: its first line was a pasted list item */
	char quote;		/* CTX_QUOTED */
	int depth;		/* CTX_FLOW */
	long last_key;		/* the column (from 0) of the last key or dash */
	struct pending pending[8];
	size_t npending;
	int found;
};

/* The character at `off` on the current line; 0 and *n = 0 past its end. */
static uint32_t peek(const struct scan *S, size_t off, size_t *n)
{
	uint32_t cp;
	if (off >= S->le) {
		*n = 0;
		return 0;
	}
	*n = pv_utf8_decode(S->s + off, S->le - off, &cp);
	return cp;
}

static enum pv_char_class cls_at(const struct scan *S, size_t off, size_t *n)
{
	uint32_t cp = peek(S, off, n);
	return *n ? pv_prescan_classify(cp, NULL) : PV_CHAR_PLAIN;
}

/* Whitespace to the eye: a space, a tab, a Unicode or zero-width space. */
static int looks_blank(enum pv_char_class c)
{
	return c == PV_CHAR_SPACE || c == PV_CHAR_INVISIBLE || c == PV_CHAR_TAB;
}

/* Replaces the `n` bytes at `off` by the ASCII character `c` in the text
 * libyaml reads: one character for one, so positions do not move. */
static void repair(struct scan *S, size_t off, size_t n, char c)
{
	if (off < S->copied)
		return;	/* repaired already */
	pv_buf_add(&S->fixed, S->s + S->copied, off - S->copied);
	pv_buf_addch(&S->fixed, c);
	S->copied = off + n;
}

static struct pv_pos pos_at(const struct scan *S, uint32_t col, uint32_t span)
{
	return (struct pv_pos){ S->line, col, span ? span : 1 };
}

/* Counts a finding, marks its line, and keeps it for its corrected line
 * (`kind` < 0: its hint stays as it is). */
static void found(struct scan *S, struct pv_diag *g, int kind)
{
	S->found++;
	struct pv_prescan *o = S->out;
	if (!o->nlines || o->lines[o->nlines - 1] != S->line) {
		PV_ALLOC_GROW(o->lines, o->nlines + 1, o->lines_alloc);
		o->lines[o->nlines++] = S->line;
	}
	if (kind >= 0 && S->npending < PV_ARRAY_SIZE(S->pending)) {
		S->pending[S->npending].diag = (size_t)(g - S->d->v);
		S->pending[S->npending++].kind = (uint8_t)kind;
	}
}

static void general_hint(struct pv_diag *g, enum pv_char_class c)
{
	if (c == PV_CHAR_TAB)
		pv_diag_hint(g, "replace the tab with spaces, as many as the lines around it use");
	else if (c == PV_CHAR_INVISIBLE)
		pv_diag_hint(g, "delete it: it cannot be seen, so put the cursor just after it and press Backspace (it is often pasted from a web page)");
	else
		pv_diag_hint(g, "it is often pasted from Word or a web page: replace it with an ordinary space");
}

/*
 * Reports the tabs and Unicode spaces of the leading whitespace of the
 * line, S->ls to `end`: one finding per run of the same character. With
 * `tabs_after` >= 0, only tabs after at most that many spaces (where
 * libyaml refuses them in a continued plain scalar).
 */
static void report_indent(struct scan *S, size_t end, long tabs_after)
{
	size_t off = S->ls, k;
	uint32_t col = 1;
	long spaces = 0;
	while (off < end) {
		uint32_t cp = peek(S, off, &k);
		struct pv_arg name;
		enum pv_char_class c = pv_prescan_classify(cp, &name);
		if (cp == ' ' || (tabs_after >= 0 && (c != PV_CHAR_TAB || spaces > tabs_after))) {
			spaces += cp == ' ';
			off += k;
			col++;
			continue;
		}
		uint32_t run = 0;
		while (off < end && peek(S, off, &k) == cp) {
			repair(S, off, k, ' ');
			off += k;
			run++;
		}
		struct pv_diag *g;
		if (c == PV_CHAR_INVISIBLE)
			g = pv_diag_add(S->d, "FMT001", pos_at(S, col, run),
					"%s in the indentation: it cannot be seen, but YAML reads it as text",
					name);
		else
			g = pv_diag_add(S->d, "FMT001", pos_at(S, col, run),
					"%s in the indentation: YAML indents with ordinary spaces only",
					name);
		general_hint(g, c);
		/* the corrected line would look the same: no hint shows it */
		found(S, g, -1);
		col += run;
	}
}

/* Scans a quoted scalar from `off` (after its opening quote) to the end of
 * the line; returns the offset after the closing quote, or 0. */
static size_t skip_quoted(const struct scan *S, size_t off, char q)
{
	while (off < S->le) {
		char c = S->s[off];
		if (q == '"' && c == '\\') {
			off += 2;
			continue;
		}
		if (c == q) {
			if (q == '\'' && off + 1 < S->le && S->s[off + 1] == '\'') {
				off += 2;
				continue;
			}
			return off + 1;
		}
		off++;
	}
	return 0;
}

/* Follows the brackets of a flow collection over the line; returns the
 * offset after its closing bracket, or 0 when it stays open. */
static size_t skip_flow(struct scan *S, size_t off)
{
	char prev = '[';	/* the last character that is not a space */
	while (off < S->le) {
		char c = S->s[off];
		/* A quote opens a quoted scalar where a scalar starts; in
		 * "Women's" it is a letter. */
		if ((c == '"' || c == '\'') && strchr("[{,:", prev)) {
			size_t e = skip_quoted(S, off + 1, c);
			if (!e)
				return 0;
			off = e;
			continue;
		}
		if (c == '#' && off > S->ls && (S->s[off - 1] == ' ' || S->s[off - 1] == '\t'))
			return 0;
		if (c == '[' || c == '{')
			S->depth++;
		else if ((c == ']' || c == '}') && --S->depth <= 0)
			return off + 1;
		if (c != ' ' && c != '\t')
			prev = c;
		off++;
	}
	return 0;
}

static int is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.';
}

/* The corrected line, as a hint shows it: without its indentation, and
 * cut after 80 characters. */
static void shown_line(const char *s, size_t n, struct pv_buf *out)
{
	size_t i = 0, chars = 0;
	while (i < n && s[i] == ' ')
		i++;
	size_t start = i;
	while (i < n && chars < 80) {
		uint32_t cp;
		i += pv_utf8_decode(s + i, n - i, &cp);
		chars++;
	}
	pv_buf_add(out, s + start, i - start);
	if (i < n)
		pv_buf_adds(out, "…");
}

/* The line shown without the spaces before its first colon (repaired to
 * ordinary spaces, which libyaml takes, but the line is shown as it
 * should be written). */
static void before_colon(struct pv_buf *line)
{
	char *colon = strchr(line->buf, ':');
	if (!colon)
		return;
	char *sp = colon;
	while (sp > line->buf && sp[-1] == ' ')
		sp--;
	memmove(sp, colon, line->len - (size_t)(colon - line->buf) + 1);
	line->len -= (size_t)(colon - sp);
}

/* Gives each finding of the line its hint with the line corrected. */
static void finish_line(struct scan *S)
{
	if (!S->npending)
		return;
	pv_buf_add(&S->fixed, S->s + S->copied, S->le - S->copied);
	S->copied = S->le;
	struct pv_buf line = PV_BUF_INIT;
	shown_line(S->fixed.buf + S->fixed_ls, S->fixed.len - S->fixed_ls, &line);
	for (size_t i = 0; i < S->npending; i++) {
		struct pv_diag *g = &S->d->v[S->pending[i].diag];
		switch (S->pending[i].kind) {
		case HINT_SPACE:
			pv_diag_hint(g, "it is often pasted from Word or a web page: replace it with an ordinary space: `%s`", line.buf);
			break;
		case HINT_INVISIBLE:
			pv_diag_hint(g, "delete it (it cannot be seen; it is often pasted from a web page): `%s`", line.buf);
			break;
		case HINT_BULLET:
			pv_diag_hint(g, "Word pastes the bullets of its lists as characters: write `%s` (if the dash belongs to the text, put the text in quotes)", line.buf);
			break;
		case HINT_QUOTE:
			pv_diag_hint(g, "Word turns straight quotes into curly ones: write `%s`", line.buf);
			break;
		case HINT_BEFORE_COLON:
			before_colon(&line);
			pv_diag_hint(g, "French typing puts a space before a colon, YAML does not: write `%s`", line.buf);
			break;
		}
	}
	pv_buf_release(&line);
	S->npending = 0;
}

/* The leading whitespace of the line: its end, its width in characters,
 * its spaces before anything else, and whether it holds a hazard. */
struct lead {
	size_t end;
	long width, spaces;
	int hazard;
};

static struct lead leading(const struct scan *S)
{
	struct lead L = { S->ls, 0, 0, 0 };
	size_t k;
	for (;;) {
		uint32_t cp = peek(S, L.end, &k);
		if (!k)
			break;
		if (cp == ' ') {
			L.spaces += !L.hazard;
		} else if (looks_blank(pv_prescan_classify(cp, NULL))) {
			L.hazard = 1;
		} else {
			break;
		}
		L.end += k;
		L.width++;
	}
	return L;
}

/*
 * The list marker at `off` (column *col): a bullet is reported and
 * repaired to '-', with the tab Word puts after it; after a dash, a tab or
 * a Unicode space right after it, or a tab among the spaces after it (a
 * Unicode space after an ordinary one is text: SYN002). Returns the offset
 * of what follows; *col moves with it.
 */
static size_t list_marker(struct scan *S, size_t off, uint32_t *col, int bullet)
{
	size_t k;
	struct pv_arg name;
	uint32_t cp = peek(S, off, &k);
	pv_prescan_classify(cp, &name);
	if (bullet) {
		repair(S, off, k, '-');
		struct pv_diag *g = pv_diag_add(S->d, "FMT001", pos_at(S, *col, 1),
			"%s used as a list marker: a YAML list item starts with `- ` (a hyphen and a space)",
			name);
		pv_diag_hint(g, "Word pastes the bullets of its lists as characters: write `- ` in its place (if the dash belongs to the text, put the text in quotes)");
		found(S, g, HINT_BULLET);
	}
	off += k;
	(*col)++;
	for (int first = 1;; first = 0) {
		struct pv_arg after;
		cp = peek(S, off, &k);
		enum pv_char_class c = k ? pv_prescan_classify(cp, &after) : PV_CHAR_PLAIN;
		if (!k || (cp != ' ' && !(looks_blank(c) && (bullet || first || c == PV_CHAR_TAB))))
			break;
		if (cp != ' ') {
			repair(S, off, k, ' ');
			if (!bullet) {
				struct pv_diag *g = pv_diag_add(S->d, "FMT001", pos_at(S, *col, 1),
					"%s after the list dash: YAML needs an ordinary space after `-`",
					after);
				general_hint(g, c);
				found(S, g, c == PV_CHAR_TAB ? -1 : c == PV_CHAR_INVISIBLE ? HINT_INVISIBLE
											    : HINT_SPACE);
			}
		}
		off += k;
		(*col)++;
	}
	return off;
}

/* A value wholly between curly quotes, from `off` to the end of the line:
 * reported, and repaired to straight quotes when its text allows. */
static void curly_value(struct scan *S, size_t off, uint32_t col, size_t key, size_t keylen)
{
	size_t end = S->le, k;
	while (end > off && (S->s[end - 1] == ' ' || S->s[end - 1] == '\t'))
		end--;
	size_t last = end;
	while (last > off && ((unsigned char)S->s[last - 1] & 0xc0) == 0x80)
		last--;
	if (last > off)
		last--;
	struct pv_arg name;
	uint32_t first = peek(S, off, &k);
	if (last <= off || cls_at(S, last, &(size_t){ 0 }) != PV_CHAR_QUOTE)
		return;
	pv_prescan_classify(first, &name);
	struct pv_diag *g;
	if (keylen) {
		struct pv_buf kb = PV_BUF_INIT;
		pv_buf_add(&kb, S->s + key, keylen);
		g = pv_diag_add(S->d, "FMT001", pos_at(S, col, 1),
				"%s used as a quote around the value of `%s`: YAML quotes are straight (\" or ')",
				name, kb.buf);
		pv_buf_release(&kb);
	} else {
		g = pv_diag_add(S->d, "FMT001", pos_at(S, col, 1),
				"%s used as a quote around a value: YAML quotes are straight (\" or ')",
				name);
	}
	pv_diag_hint(g, "Word turns straight quotes into curly ones: put the value between straight quotes");
	size_t inner = off + k, lastn = end - last;
	int dq = memchr(S->s + inner, '"', last - inner) || memchr(S->s + inner, '\\', last - inner);
	int sq = memchr(S->s + inner, '\'', last - inner) != NULL;
	if (dq && sq) {
		found(S, g, -1);	/* no straight quote holds it as it is */
		return;
	}
	repair(S, off, k, dq ? '\'' : '"');
	repair(S, last, lastn, dq ? '\'' : '"');
	found(S, g, HINT_QUOTE);
}

/* A key's colon followed, or preceded, by a Unicode space. */
static size_t key_spacing(struct scan *S, size_t key, size_t k, uint32_t kcol)
{
	size_t n, m;
	struct pv_arg name;
	uint32_t cp = peek(S, k, &n);
	enum pv_char_class c;
	struct pv_buf kb = PV_BUF_INIT;
	pv_buf_add(&kb, S->s + key, k - key);
	if (cp == ':') {
		c = pv_prescan_classify(peek(S, k + n, &m), &name);
		if (!m || !looks_blank(c) || c == PV_CHAR_TAB) {
			pv_buf_release(&kb);
			return 0;
		}
		repair(S, k + n, m, ' ');
		struct pv_diag *g = pv_diag_add(S->d, "FMT001", pos_at(S, kcol + 1, 1),
			"%s after `%s:`: YAML needs an ordinary space after the colon of a key",
			name, kb.buf);
		general_hint(g, c);
		found(S, g, c == PV_CHAR_INVISIBLE ? HINT_INVISIBLE : HINT_SPACE);
		pv_buf_release(&kb);
		return k + n + m;
	}
	c = pv_prescan_classify(cp, &name);
	if (!n || c != PV_CHAR_SPACE) {
		pv_buf_release(&kb);
		return 0;
	}
	/* "summary : text" with the narrow no-break space French Word puts
	 * before a colon: the key would be "summary" and that space. */
	size_t e = k;
	uint32_t run = 0;
	while (peek(S, e, &m) == cp) {
		e += m;
		run++;
	}
	size_t z;
	uint32_t after = peek(S, e + 1, &z);
	if (S->s[e] != ':' || e >= S->le || (z && after != ' ' && after != '\t')) {
		pv_buf_release(&kb);
		return 0;
	}
	for (size_t i = k; i < e; i += n)
		repair(S, i, n, ' ');
	struct pv_diag *g = pv_diag_add(S->d, "FMT001", pos_at(S, kcol, run),
		"%s between `%s` and its colon: the key is not recognised with it",
		name, kb.buf);
	general_hint(g, c);
	found(S, g, HINT_BEFORE_COLON);
	pv_buf_release(&kb);
	return e + 1;
}

/* Characters from `from` to `to` on the line. */
static uint32_t count_chars(const struct scan *S, size_t from, size_t to)
{
	uint32_t n = 0;
	size_t k;
	while (from < to) {
		peek(S, from, &k);
		from += k;
		n++;
	}
	return n;
}

/* The end of a plain key at `off` ("key: ", "key:" at the end of the
 * line), before a comment; 0 when the line holds none. */
static size_t plain_key_end(const struct scan *S, size_t off)
{
	for (size_t j = off; j < S->le; j++) {
		char c = S->s[j];
		if (c == ':' && (j + 1 == S->le || S->s[j + 1] == ' ' || S->s[j + 1] == '\t'))
			return j;
		if (c == '#' && j > off && (S->s[j - 1] == ' ' || S->s[j - 1] == '\t'))
			return 0;
	}
	return 0;
}

/* What a line starts: a key and its value, or a value alone. */
struct item {
	size_t key, keylen;	/* the key's bytes, when it is plain */
	int has_key;
	long key_col;		/* from 0 */
};

/*
 * Finds the key at `*off` (column *col) and moves past its colon and the
 * spaces after it; reports a Unicode space next to the colon. Returns 0,
 * or 1 when the line ends inside a quoted scalar (the context is set).
 */
static int find_key(struct scan *S, size_t *off, uint32_t *col, struct item *it)
{
	size_t o = *off, k = o, e = 0;
	char c = S->s[o];
	if (c == '"' || c == '\'') {
		size_t q = skip_quoted(S, o + 1, c);
		if (!q) {
			S->ctx = CTX_QUOTED;
			S->quote = c;
			S->parent = (long)*col - 2;	/* less than the scalar's column */
			return 1;
		}
		size_t j = q;
		while (j < S->le && S->s[j] == ' ')
			j++;
		if (j < S->le && S->s[j] == ':' &&
		    (j + 1 == S->le || S->s[j + 1] == ' ' || S->s[j + 1] == '\t'))
			e = j + 1;
	} else if (!strchr("[{|>", c)) {
		while (k < S->le && is_key_char(S->s[k]))
			k++;
		if (k > o)
			e = key_spacing(S, o, k, *col + (uint32_t)(k - o));
		if (e) {
			it->key = o;
			it->keylen = k - o;
		} else if ((k = plain_key_end(S, o))) {
			e = k + 1;
			it->key = o;
			it->keylen = k - o;
		}
	}
	if (!e)
		return 0;
	it->has_key = 1;
	it->key_col = (long)*col - 1;
	*col += count_chars(S, o, e);
	while (e < S->le && (S->s[e] == ' ' || S->s[e] == '\t')) {
		e++;
		(*col)++;
	}
	*off = e;
	return 0;
}

/* What follows a quoted scalar or a flow collection closed on its line:
 * only spaces and a comment may; a Unicode or zero-width space pasted
 * after the value is read as more text, an error. */
static void after_value(struct scan *S, size_t off)
{
	size_t k;
	while (off < S->le && (S->s[off] == ' ' || S->s[off] == '\t'))
		off++;
	struct pv_arg name;
	enum pv_char_class c = pv_prescan_classify(peek(S, off, &k), &name);
	if (!k || (c != PV_CHAR_SPACE && c != PV_CHAR_INVISIBLE))
		return;
	uint32_t col = count_chars(S, S->ls, off) + 1;
	repair(S, off, k, ' ');
	struct pv_diag *g;
	if (c == PV_CHAR_INVISIBLE)
		g = pv_diag_add(S->d, "FMT001", pos_at(S, col, 1),
				"%s after the value: it cannot be seen, but YAML reads it as more text", name);
	else
		g = pv_diag_add(S->d, "FMT001", pos_at(S, col, 1),
				"%s after the value: YAML reads it as more text", name);
	general_hint(g, c);
	found(S, g, c == PV_CHAR_INVISIBLE ? HINT_INVISIBLE : HINT_SPACE);
}

/*
 * `title: Pillar 1: Youth`: a colon and a space inside a plain value, which
 * libyaml refuses ("mapping values are not allowed"), one per run. Found
 * here on every line, in the words of the catalogue's case for it
 * (explain.c), and repaired to ';' so that libyaml reads on. A time
 * (10:30) or an address (https://) has no space after its colon; a quoted
 * value, a block scalar and a flow collection do not come here.
 */
static void colon_in_value(struct scan *S, size_t off)
{
	for (size_t j = off; j < S->le; j++) {
		char c = S->s[j];
		if (c == '#' && (S->s[j - 1] == ' ' || S->s[j - 1] == '\t'))
			return;	/* a comment */
		if (c != ':' || (j + 1 < S->le && S->s[j + 1] != ' ' && S->s[j + 1] != '\t'))
			continue;
		struct pv_yaml_error e = { "mapping values are not allowed in this context", NULL,
					   S->line, count_chars(S, S->ls, j) + 1, 0, 0, 0 };
		struct pv_diag *g = pv_yaml_explain_line(S->d, S->s, S->len, S->ls, &e);
		if (!g)
			return;
		repair(S, j, 1, ';');
		found(S, g, -1);
		return;
	}
}

/* The value at `off`: what it leaves open for the next lines. */
static void value(struct scan *S, size_t off, uint32_t col, const struct item *it, long dash,
		  int bullet)
{
	long parent = it->has_key ? it->key_col : dash >= 0 ? dash : S->last_key;
	S->last_key = parent;
	/* An anchor or a tag before the value. */
	while (off < S->le && (S->s[off] == '&' || S->s[off] == '!')) {
		while (off < S->le && S->s[off] != ' ')
			off++;
		while (off < S->le && S->s[off] == ' ')
			off++;
	}
	size_t k;
	char c = off < S->le ? S->s[off] : '#';
	S->ctx = CTX_NONE;
	if (c == '#')
		return;
	if (c == '|' || c == '>') {
		S->ctx = CTX_BLOCK;
		S->parent = parent;
		S->block_indent = -1;
	} else if (c == '"' || c == '\'' || c == '[' || c == '{') {
		int quoted = c == '"' || c == '\'';
		S->depth = 0;
		size_t e = quoted ? skip_quoted(S, off + 1, c) : skip_flow(S, off);
		if (e) {
			after_value(S, e);
		} else {
			S->ctx = quoted ? CTX_QUOTED : CTX_FLOW;
			S->quote = c;
			S->parent = parent;
		}
	} else {
		/* Between curly quotes, the colon is the quoted text's. */
		if (cls_at(S, off, &k) == PV_CHAR_QUOTE)
			curly_value(S, off, (uint32_t)col, it->key, it->has_key ? it->keylen : 0);
		else if (it->has_key)
			colon_in_value(S, off);
		S->ctx = CTX_PLAIN;
		S->parent = parent;
		S->bullet_opened = bullet && !it->has_key;
	}
}

/* A line that starts a node of its own (no scalar of the lines before it
 * continues on it). */
static void node_line(struct scan *S, struct lead L)
{
	if (L.hazard)
		report_indent(S, L.end, -1);
	size_t off = L.end, k, m;
	if (off == S->le || S->s[off] == '#')
		return;
	if (S->s[off] == '%' || (L.width == 0 && S->le - off >= 3 &&
				 (!memcmp(S->s + off, "---", 3) || !memcmp(S->s + off, "...", 3)))) {
		S->ctx = CTX_NONE;
		return;
	}
	uint32_t col = (uint32_t)L.width + 1;
	long dash = -1;
	int bullet = 0;
	for (;;) {
		uint32_t cp = peek(S, off, &k);
		uint32_t next = peek(S, off + k, &m);
		enum pv_char_class nc = m ? pv_prescan_classify(next, NULL) : PV_CHAR_PLAIN;
		int spaced = next == ' ' || looks_blank(nc);
		if (cp == '-' && (!m || spaced)) {
			dash = (long)col - 1;
			off = list_marker(S, off, &col, 0);
		} else if (k && (!m || spaced) && pv_prescan_classify(cp, NULL) == PV_CHAR_BULLET) {
			dash = (long)col - 1;
			bullet = 1;
			off = list_marker(S, off, &col, 1);
		} else {
			break;
		}
	}
	if (off >= S->le || S->s[off] == '#') {
		S->ctx = CTX_NONE;
		S->last_key = dash >= 0 ? dash : S->last_key;
		return;
	}
	struct item it = { 0, 0, 0, 0 };
	if (find_key(S, &off, &col, &it))
		return;
	value(S, off, col, &it, dash, bullet);
}

/* Whether the text at `off` starts a node: a list dash, or a key and its
 * colon. In a plain scalar that runs over several lines, such a line would
 * be an error: it is read as the node it looks like. */
static int starts_node(const struct scan *S, size_t off)
{
	size_t k, m;
	uint32_t cp = peek(S, off, &k);
	if (cp == '-') {
		uint32_t next = peek(S, off + k, &m);
		return !m || next == ' ' || looks_blank(pv_prescan_classify(next, NULL));
	}
	size_t e = off;
	while (e < S->le && is_key_char(S->s[e]))
		e++;
	if (e == off)
		return 0;
	while (cls_at(S, e, &m) == PV_CHAR_SPACE)
		e += m;
	if (peek(S, e, &m) != ':')
		return 0;
	cp = peek(S, e + 1, &k);
	return !k || cp == ' ' || looks_blank(pv_prescan_classify(cp, NULL));
}

/* Whether the line continues what the lines before it left open; if so it
 * is looked at here (only what breaks YAML even there), else not. */
static int continued(struct scan *S, struct lead L)
{
	size_t k;
	switch (S->ctx) {
	case CTX_BLOCK: {
		/* Its first line sets the indentation of its text. */
		long need = S->block_indent >= 0 ? S->block_indent : S->parent + 1;
		if (L.end == S->le) {
			/* An empty line of the scalar: libyaml refuses a tab
			 * (or reads a Unicode space as text) short of it. */
			if (L.hazard && L.spaces < need)
				report_indent(S, L.end, -1);
			return 1;
		}
		if (L.spaces >= need) {
			if (S->block_indent < 0)
				S->block_indent = L.spaces;
			return 1;	/* its text */
		}
		if (L.hazard && L.width >= need) {
			report_indent(S, L.end, -1);	/* meant as its text */
			if (S->block_indent < 0)
				S->block_indent = L.width;
			return 1;
		}
		return 0;
	}
	case CTX_QUOTED:
	case CTX_FLOW:
		/* A line that starts a node no deeper than the key of the
		 * open scalar: the scalar was not what it seemed (a quote
		 * in the text); it is read as the node it looks like. */
		if (L.end < S->le && L.width <= S->parent && starts_node(S, L.end))
			return 0;
		size_t e = S->ctx == CTX_QUOTED ? skip_quoted(S, S->ls, S->quote) : skip_flow(S, S->ls);
		if (e) {
			S->ctx = CTX_NONE;
			after_value(S, e);
		}
		return 1;
	case CTX_PLAIN:
		if (L.end < S->le && S->s[L.end] == '#')
			return 0;	/* a comment ends the scalar */
		if (L.end == S->le) {
			/* libyaml reads a Unicode space there as the start of
			 * a key, and refuses the tab. */
			if (L.spaces <= S->parent)
				report_indent(S, L.end, -1);
			return 1;
		}
		if (L.end < S->le && (L.width <= S->parent || starts_node(S, L.end)))
			return 0;
		if (S->bullet_opened && L.end < S->le &&
		    pv_prescan_classify(peek(S, L.end, &k), NULL) == PV_CHAR_BULLET)
			return 0;	/* the next item of a pasted list */
		report_indent(S, L.end, S->parent);
		return 1;
	default:
		return 0;
	}
}

static void scan_line(struct scan *S)
{
	struct lead L = leading(S);
	if (!continued(S, L)) {
		S->ctx = CTX_NONE;
		node_line(S, L);
	}
}

/* A file in UTF-16 or UTF-32, by its byte-order mark or, without one, by
 * the NUL bytes that ASCII text has in them: named, with how to save it as
 * UTF-8 (libyaml would read UTF-16 itself, the check of UTF-8 would call
 * it Latin-1). */
static int nul_pattern(const unsigned char *s, size_t len, size_t unit, size_t at)
{
	size_t n = len < 64 ? len : 64;
	n -= n % unit;
	if (n < 2 * unit)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((i % unit == at) != (s[i] != 0))
			return 0;
	return 1;
}

static int other_encoding(const char *src, size_t len, struct pv_diags *d)
{
	const unsigned char *s = (const unsigned char *)src;
	struct pv_arg what;
	const char *iconv;
	if ((len >= 4 && !memcmp(s, "\0\0\xfe\xff", 4)) || nul_pattern(s, len, 4, 3)) {
		what = PV_W("UTF-32 (big-endian)");
		iconv = "UTF-32BE";
	} else if ((len >= 4 && !memcmp(s, "\xff\xfe\0\0", 4)) || nul_pattern(s, len, 4, 0)) {
		what = PV_W("UTF-32 (little-endian)");
		iconv = "UTF-32LE";
	} else if ((len >= 2 && s[0] == 0xfe && s[1] == 0xff) || nul_pattern(s, len, 2, 1)) {
		what = PV_W("UTF-16 (big-endian)");
		iconv = "UTF-16BE";
	} else if ((len >= 2 && s[0] == 0xff && s[1] == 0xfe) || nul_pattern(s, len, 2, 0)) {
		what = PV_W("UTF-16 (little-endian)");
		iconv = "UTF-16LE";
	} else {
		return 0;
	}
	struct pv_diag *g = pv_diag_add(d, "FMT001", ((struct pv_pos){ 1, 1, 1 }),
		"the file is saved as %s, not as UTF-8: pveplan reads plans in UTF-8 only", what);
	pv_diag_hint(g, "save it as UTF-8: in Notepad, File > Save as, Encoding: UTF-8; in VS Code, click the encoding in the status bar, then Save with Encoding, UTF-8; in Word, File > Save as, Plain Text, then Unicode (UTF-8); or run 'iconv -f %s -t UTF-8 plan.pve.yaml > plan-utf8.pve.yaml'", iconv);
	return 1;
}

int pv_prescan_run(struct pv_prescan *o, const char *src, size_t len, struct pv_diags *d)
{
	if (other_encoding(src, len, d))
		return -1;
	struct scan S;
	memset(&S, 0, sizeof(S));
	S.s = src;
	S.len = len;
	S.d = d;
	S.out = o;
	S.fixed = (struct pv_buf)PV_BUF_INIT;
	S.line = 1;
	size_t i = len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3) ? 3 : 0;
	for (;;) {
		size_t le = i;
		while (le < len && !pv_line_break(src, len, le))
			le++;
		S.ls = i;
		S.le = le;
		S.fixed_ls = S.fixed.len + (i - S.copied);
		scan_line(&S);
		finish_line(&S);
		if (le >= len)
			break;
		i = le + pv_line_break(src, len, le);
		S.line++;
	}
	if (S.copied) {
		pv_buf_add(&S.fixed, src + S.copied, len - S.copied);
		o->fixed = pv_buf_detach(&S.fixed, &o->fixed_len);
	}
	pv_buf_release(&S.fixed);
	return S.found;
}

int pv_prescan_near(const struct pv_prescan *o, uint32_t line)
{
	size_t lo = 0, hi = o->nlines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->lines[mid] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* lines[lo] is the first >= line: the line itself, or the one before
	 * it (where libyaml sees the effect of a hazard one line late). */
	return (lo < o->nlines && o->lines[lo] == line) || (lo > 0 && o->lines[lo - 1] + 1 == line);
}

void pv_prescan_release(struct pv_prescan *o)
{
	free(o->fixed);
	free(o->lines);
	o->fixed = NULL;
	o->lines = NULL;
	o->fixed_len = o->nlines = o->lines_alloc = 0;
}
