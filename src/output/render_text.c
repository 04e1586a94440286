#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/yaml.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define BLUE "\033[1;34m"
#define CYAN "\033[1;36m"

/* Very long lines are shown as a window of WINDOW bytes starting up to
 * WINDOW_BEFORE bytes before the column; carets stop at CARETS_MAX. */
#define WINDOW 160
#define WINDOW_BEFORE 60
#define CARETS_MAX 200

static const char *sev_color(enum pv_severity s)
{
	switch (s) {
	case PV_SEV_ERROR:
		return "\033[1;31m";
	case PV_SEV_WARNING:
		return "\033[1;33m";
	default:
		return "\033[1;36m";
	}
}

/* Findings come sorted by line and column, so cursors that move forward
 * find each line, and each column in it, in one pass over the file, even
 * for many findings on one very long line. Lines follow pv_line_break, the
 * rule positions are computed with. */
struct lines {
	const char *src;
	size_t len;
	uint32_t line;		/* 0: none yet */
	size_t start, n;	/* that line's bytes, without its break */
	uint32_t col;		/* a column of that line ... */
	size_t col_off;		/* ... and its byte offset */
};

static size_t line_length(const struct lines *L, size_t start)
{
	size_t i = start;
	while (i < L->len && !pv_line_break(L->src, L->len, i))
		i++;
	return i - start;
}

/* Finds line `line` (1-based); sets *n to its length without the break. */
static const char *find_line(struct lines *L, uint32_t line, size_t *n)
{
	if (!L->line || line < L->line) {
		/* A BOM takes no column: the snippet starts after it. */
		L->start = L->len >= 3 && !memcmp(L->src, "\xef\xbb\xbf", 3) ? 3 : 0;
		L->line = 1;
		L->n = line_length(L, L->start);
		L->col = 0;
	}
	while (L->line < line) {
		size_t brk = L->start + L->n;
		if (brk >= L->len)
			return NULL;
		L->start = brk + pv_line_break(L->src, L->len, brk);
		L->line++;
		L->n = line_length(L, L->start);
		L->col = 0;
	}
	if (L->start == L->len && line > 1)
		return NULL;	/* past the last line break */
	*n = L->n;
	return L->src + L->start;
}

/* Byte offset of character column `col` (1-based) in the current line. */
static size_t col_offset(struct lines *L, uint32_t col)
{
	const char *s = L->src + L->start;
	uint32_t c = 1;
	size_t i = 0;
	if (L->col && L->col <= col) {
		c = L->col;
		i = L->col_off;
	}
	for (; c < col && i < L->n; c++) {
		uint32_t cp;
		i += pv_utf8_decode(s + i, L->n - i, &cp);
	}
	L->col = c;
	L->col_off = i;
	return i;
}

/* Appends the character at s[*i] as the snippet shows it: escaped when a
 * terminal must not see it raw (pv_buf_add_visible). Returns the columns it
 * takes on a terminal, East Asian wide characters two. */
static size_t show(struct pv_buf *out, const char *s, size_t n, size_t *i)
{
	uint32_t cp;
	size_t k = pv_utf8_decode(s + *i, n - *i, &cp);
	size_t before = out->len;
	int invalid = cp == 0xFFFD && k == 1 && (unsigned char)s[*i] >= 0x80;
	if (invalid || pv_utf8_is_unsafe(cp)) {
		pv_buf_add_visible(out, s + *i, k);
		*i += k;
		return out->len - before;
	}
	pv_buf_add(out, s + *i, k);
	*i += k;
	int w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w > 0 ? (size_t)w : 0;
}

/* Columns of the carets under `span` characters from s[at]: what the
 * printed characters take up to `to`, one per character after it. */
static size_t caret_width(const char *s, size_t at, size_t to, size_t span,
			  struct pv_buf *scratch)
{
	size_t w = 0, i = at;
	for (size_t c = 0; c < span && w < CARETS_MAX; c++) {
		if (i < to)
			w += show(scratch, s, to, &i);
		else
			w++;
		pv_buf_reset(scratch);
	}
	return w ? w : 1;
}

static void snippet(const struct pv_diag *g, struct lines *L, int color,
		    struct pv_buf *out)
{
	size_t n;
	const char *s = L->src && L->len ? find_line(L, g->pos.line, &n) : NULL;
	char num[16];
	int w = snprintf(num, sizeof(num), "%u", g->pos.line);
	if (!s)
		return;
	/* Keep a window around the column of very long lines. */
	size_t at = col_offset(L, g->pos.col), from = 0, to = n;
	if (n > WINDOW) {
		from = at > WINDOW_BEFORE ? at - WINDOW_BEFORE : 0;
		while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
			from--;
		to = from + WINDOW < n ? from + WINDOW : n;
		while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80)
			to++;
	}
	const char *gut = color ? BLUE : "", *rst = color ? RESET : "";
	struct pv_buf scratch = PV_BUF_INIT;
	size_t indent = 0;
	pv_buf_addf(out, "%s%*s |%s\n", gut, w, "", rst);
	pv_buf_addf(out, "%s%s |%s %s", gut, num, rst, from ? "..." : "");
	for (size_t i = from; i < to;) {
		size_t cols = show(out, s, to, &i);
		if (i <= at)
			indent += cols;
	}
	pv_buf_addf(out, "%s\n", to < n ? "..." : "");
	pv_buf_addf(out, "%s%*s |%s %s", gut, w, "", rst, from ? "   " : "");
	pv_buf_addchars(out, ' ', indent);
	size_t carets = caret_width(s, at, to, g->pos.span ? g->pos.span : 1, &scratch);
	if (color)
		pv_buf_adds(out, sev_color(g->sev));
	pv_buf_addchars(out, '^', carets < CARETS_MAX ? carets : CARETS_MAX);
	pv_buf_addf(out, "%s\n", rst);
	pv_buf_release(&scratch);
}

/* A message with the unsafe characters of its arguments escaped: the
 * templates are pveplan's, the arguments plan text. */
static void add_msg(struct pv_buf *out, const struct pv_msg *m, const struct pv_lang *lang)
{
	pv_msg_render_terminal(m, lang, out);
}

/* "file: note: 4000 more findings of PVE110 are not shown ..." */
static void omitted(const struct pv_diags *d, const char *file, unsigned flags,
		    const struct pv_lang *lang, struct pv_buf *out)
{
	int color = !!(flags & PV_TEXT_COLOR);
	for (size_t i = 0; i < d->nomitted; i++) {
		const struct pv_omitted *o = &d->omitted[i];
		size_t n = (flags & PV_TEXT_QUIET) ? o->n[PV_SEV_ERROR]
			   : o->n[PV_SEV_ERROR] + o->n[PV_SEV_WARNING] + o->n[PV_SEV_INFO];
		if (flags & PV_TEXT_WAIVED)
			n += o->waived;
		if (!n)
			continue;
		const struct pv_arg pairs[] = { pv_arg_text("n"), pv_arg_uint(n),
						pv_arg_text("code"), pv_arg_text(o->code) };
		pv_buf_addf(out, "%s%s:%s %s%s", color ? BOLD : "", file, color ? RESET : "",
			    pv_lang_label(lang, "note"), pv_lang_label(lang, "colon"));
		pv_template_fill(pv_lang_count_label(lang, "omitted", n), pairs,
				 2, lang, out);
		pv_buf_addch(out, '\n');
	}
}

void pv_render_text(const struct pv_diags *d, const char *src, size_t len, unsigned flags,
		    const struct pv_lang *lang, struct pv_buf *out)
{
	int color = !!(flags & PV_TEXT_COLOR);
	struct lines L = { src, len, 0, 0, 0, 0, 0 };
	struct pv_buf file = PV_BUF_INIT;
	const char *b = color ? BOLD : "", *rst = color ? RESET : "";
	pv_buf_add_visible(&file, d->file, strlen(d->file));
	for (size_t i = 0; i < d->nr; i++) {
		const struct pv_diag *g = &d->v[i];
		if ((flags & PV_TEXT_QUIET) && g->sev != PV_SEV_ERROR)
			continue;
		if (g->waiver >= 0 && !(flags & PV_TEXT_WAIVED))
			continue;
		char key[24];
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		const char *lri = pv_lang_lri(lang), *pdi = pv_lang_pdi(lang);
		if (g->pos.line)
			pv_buf_addf(out, "%s%s%s:%u:%u:%s%s ", b, lri, file.buf, g->pos.line, g->pos.col,
				    pdi, rst);
		else
			pv_buf_addf(out, "%s%s%s:%s%s ", b, lri, file.buf, pdi, rst);
		pv_buf_addf(out, "%s%s", color ? sev_color(g->sev) : "", pv_lang_label(lang, key));
		if (g->code[0])
			pv_buf_addf(out, "%s[%s]%s", lri, g->code, pdi);
		pv_buf_addf(out, "%s%s: ", rst, b);
		add_msg(out, &g->msg, lang);
		pv_buf_addf(out, "%s\n", rst);
		if (g->pos.line)
			snippet(g, &L, color, out);
		char num[16];
		int w = snprintf(num, sizeof(num), "%u", g->pos.line);
		const char *gut = color ? BLUE : "";
		if (g->note.kind) {
			pv_buf_addf(out, "%s%*s =%s %s%s%s%s%s%s:%u:%u:%s ", gut, w, "", rst, b,
				    pv_lang_label(lang, "note"), rst, pv_lang_label(lang, "colon"),
				    pv_lang_lri(lang), file.buf, g->note_pos.line, g->note_pos.col,
				    pv_lang_pdi(lang));
			add_msg(out, &g->note, lang);
			pv_buf_addch(out, '\n');
		}
		if (g->hint.kind) {
			pv_buf_addf(out, "%s%*s =%s %s%s%s%s", gut, w, "", rst, color ? CYAN : "",
				    pv_lang_label(lang, "help"), rst, pv_lang_label(lang, "colon"));
			add_msg(out, &g->hint, lang);
			pv_buf_addch(out, '\n');
		}
	}
	omitted(d, file.buf, flags, lang, out);
	pv_buf_release(&file);
}

static void count(struct pv_buf *out, size_t n, const char *what, const struct pv_lang *lang)
{
	char key[32];
	snprintf(key, sizeof(key), "count.%s", what);
	pv_lang_count(lang, key, n, out);
}

void pv_render_summary(size_t errors, size_t warnings, size_t infos, size_t waived,
		       size_t files, unsigned flags, const struct pv_lang *lang,
		       struct pv_buf *out)
{
	int color = !!(flags & PV_TEXT_COLOR);
	struct pv_buf counts = PV_BUF_INIT, nfiles = PV_BUF_INIT;
	count(&counts, errors, "error", lang);
	pv_buf_adds(&counts, pv_lang_label(lang, "list.comma"));
	count(&counts, warnings, "warning", lang);
	if (infos) {
		pv_buf_adds(&counts, pv_lang_label(lang, "list.comma"));
		count(&counts, infos, "info", lang);
	}
	if (waived) {
		pv_buf_adds(&counts, pv_lang_label(lang, "list.comma"));
		count(&counts, waived, "waived", lang);
	}
	count(&nfiles, files, "file", lang);
	const struct pv_arg pairs[] = { pv_arg_text("counts"), pv_arg_text(counts.buf),
					pv_arg_text("files"), pv_arg_text(nfiles.buf) };
	if (color)
		pv_buf_adds(out, errors ? sev_color(PV_SEV_ERROR) : BOLD);
	pv_template_fill(pv_lang_label(lang, "summary"), pairs, 2, lang, out);
	pv_buf_addf(out, "%s\n", color ? RESET : "");
	pv_buf_release(&counts);
	pv_buf_release(&nfiles);
}

void pv_render_baseline_summary(const struct pv_run_report *r, unsigned flags,
				const struct pv_lang *lang, struct pv_buf *out)
{
	struct pv_buf counts = PV_BUF_INIT, file = PV_BUF_INIT;
	size_t news = r->news[PV_SEV_ERROR] + r->news[PV_SEV_WARNING] + r->news[PV_SEV_INFO];
	count(&counts, news, "new", lang);
	pv_buf_adds(&counts, pv_lang_label(lang, "list.comma"));
	count(&counts, r->unchanged, "unchanged", lang);
	pv_buf_adds(&counts, pv_lang_label(lang, "list.comma"));
	count(&counts, r->absent, "absent", lang);
	pv_buf_add_visible(&file, r->baseline->name, strlen(r->baseline->name));
	const struct pv_arg pairs[] = { pv_arg_text("file"), pv_arg_text(file.buf),
					pv_arg_text("counts"), pv_arg_text(counts.buf) };
	int color = !!(flags & PV_TEXT_COLOR);
	if (color)
		pv_buf_adds(out, r->news[PV_SEV_ERROR] ? sev_color(PV_SEV_ERROR) : BOLD);
	pv_template_fill(pv_lang_label(lang, "summary.baseline"), pairs, 2, lang, out);
	pv_buf_addf(out, "%s\n", color ? RESET : "");
	pv_buf_release(&counts);
	pv_buf_release(&file);
}
