#include "pveplan/render_text.h"

#include "pveplan/msg.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define RESET "\033[0m"
#define BOLD "\033[1m"
#define BLUE "\033[1;34m"
#define CYAN "\033[1;36m"

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

/* Findings come sorted by line, so a forward-moving cursor finds each
 * source line without rescanning the file. */
struct lines {
	const char *src;
	size_t len;
	uint32_t cur_line;
	const char *cur;
};

/* Finds line `line` (1-based); sets *n to its length without the newline. */
static const char *find_line(struct lines *L, uint32_t line, size_t *n)
{
	const char *p = L->src, *end = L->src + L->len;
	uint32_t i = 1;
	if (L->cur && L->cur_line <= line) {
		p = L->cur;
		i = L->cur_line;
	}
	for (; i < line && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	L->cur = p;
	L->cur_line = line;
	if (p > end || (p == end && line > 1 && p[-1] == '\n'))
		return NULL;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*n = (size_t)((nl ? nl : end) - p);
	if (*n && p[*n - 1] == '\r')
		(*n)--;
	return p;
}

/* Byte offset of character column `col` (1-based) in a line. */
static size_t col_offset(const char *s, size_t n, uint32_t col)
{
	size_t i = 0;
	for (uint32_t c = 1; c < col && i < n; c++) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* Invalid UTF-8 (the finding may be about it) is shown as '?', so the
 * output itself stays valid UTF-8. */
static void add_printable(struct pv_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = u[i] < 0x80 ? 1 : (u[i] & 0xE0) == 0xC0 ? 2 : (u[i] & 0xF0) == 0xE0 ? 3
				     : (u[i] & 0xF8) == 0xF0 ? 4 : 0;
		size_t k = 1;
		while (len && k < len && i + k < n && (u[i + k] & 0xC0) == 0x80)
			k++;
		if (!len || k < len || (len == 2 && u[i] < 0xC2)) {
			pv_buf_addch(out, '?');
			i++;
			continue;
		}
		pv_buf_add(out, s + i, len);
		i += len;
	}
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
	size_t at = col_offset(s, n, g->pos.col), from = 0, to = n;
	if (n > 160) {
		from = at > 60 ? at - 60 : 0;
		while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
			from--;
		to = from + 160 < n ? from + 160 : n;
		while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80)
			to++;
	}
	const char *gut = color ? BLUE : "", *rst = color ? RESET : "";
	pv_buf_addf(out, "%s%*s |%s\n", gut, w, "", rst);
	pv_buf_addf(out, "%s%s |%s %s", gut, num, rst, from ? "..." : "");
	add_printable(out, s + from, to - from);
	pv_buf_addf(out, "%s\n", to < n ? "..." : "");
	pv_buf_addf(out, "%s%*s |%s %s", gut, w, "", rst, from ? "   " : "");
	for (size_t i = from; i < at && i < to; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		pv_buf_addch(out, s[i] == '\t' ? '\t' : ' ');
	}
	size_t span = g->pos.span ? g->pos.span : 1;
	if (color)
		pv_buf_adds(out, sev_color(g->sev));
	pv_buf_addchars(out, '^', span > 200 ? 200 : span);
	pv_buf_addf(out, "%s\n", rst);
}

/* "file: note: 4000 more findings of PVE110 are not shown ..." */
static void omitted(const struct pv_diags *d, unsigned flags, const struct pv_lang *lang,
		    struct pv_buf *out)
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
		pv_buf_addf(out, "%s%s:%s %s%s%s", color ? BOLD : "", d->file, color ? RESET : "",
			    pv_lang_label(lang, "note"), pv_lang_label(lang, "colon"), "");
		pv_template_fill(pv_lang_label(lang, n == 1 ? "omitted.one" : "omitted.many"), pairs,
				 2, lang, out);
		pv_buf_addch(out, '\n');
	}
}

void pv_render_text(const struct pv_diags *d, const char *src, size_t len, unsigned flags,
		    const struct pv_lang *lang, struct pv_buf *out)
{
	int color = !!(flags & PV_TEXT_COLOR);
	struct lines L = { src, len, 0, NULL };
	const char *b = color ? BOLD : "", *rst = color ? RESET : "";
	for (size_t i = 0; i < d->nr; i++) {
		const struct pv_diag *g = &d->v[i];
		if ((flags & PV_TEXT_QUIET) && g->sev != PV_SEV_ERROR)
			continue;
		if (g->waiver >= 0 && !(flags & PV_TEXT_WAIVED))
			continue;
		char key[24];
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		if (g->pos.line)
			pv_buf_addf(out, "%s%s:%u:%u:%s ", b, d->file, g->pos.line, g->pos.col, rst);
		else
			pv_buf_addf(out, "%s%s:%s ", b, d->file, rst);
		pv_buf_addf(out, "%s%s", color ? sev_color(g->sev) : "", pv_lang_label(lang, key));
		if (g->code[0])
			pv_buf_addf(out, "[%s]", g->code);
		pv_buf_addf(out, "%s%s: ", rst, b);
		pv_msg_render(&g->msg, lang, out);
		pv_buf_addf(out, "%s\n", rst);
		if (g->pos.line)
			snippet(g, &L, color, out);
		char num[16];
		int w = snprintf(num, sizeof(num), "%u", g->pos.line);
		const char *gut = color ? BLUE : "";
		if (g->note.kind) {
			pv_buf_addf(out, "%s%*s =%s %s%s%s%s%s:%u:%u: ", gut, w, "", rst, b,
				    pv_lang_label(lang, "note"), rst, pv_lang_label(lang, "colon"), d->file,
				    g->note_pos.line, g->note_pos.col);
			pv_msg_render(&g->note, lang, out);
			pv_buf_addch(out, '\n');
		}
		if (g->hint.kind) {
			pv_buf_addf(out, "%s%*s =%s %s%s%s%s", gut, w, "", rst, color ? CYAN : "",
				    pv_lang_label(lang, "help"), rst, pv_lang_label(lang, "colon"));
			pv_msg_render(&g->hint, lang, out);
			pv_buf_addch(out, '\n');
		}
	}
	omitted(d, flags, lang, out);
}

static void count(struct pv_buf *out, size_t n, const char *what, const struct pv_lang *lang)
{
	char key[32];
	/* French, unlike English, puts zero in the singular. */
	int one = n == 1 || (n == 0 && !strcmp(pv_lang_code(lang), "fr"));
	snprintf(key, sizeof(key), "count.%s.%s", what, one ? "one" : "many");
	const struct pv_arg pairs[] = { pv_arg_text("n"), pv_arg_uint(n) };
	pv_template_fill(pv_lang_label(lang, key), pairs, 1, lang, out);
}

void pv_render_summary(size_t errors, size_t warnings, size_t infos, size_t waived,
		       size_t files, unsigned flags, const struct pv_lang *lang,
		       struct pv_buf *out)
{
	int color = !!(flags & PV_TEXT_COLOR);
	struct pv_buf counts = PV_BUF_INIT, nfiles = PV_BUF_INIT;
	count(&counts, errors, "error", lang);
	pv_buf_adds(&counts, ", ");
	count(&counts, warnings, "warning", lang);
	if (infos) {
		pv_buf_adds(&counts, ", ");
		count(&counts, infos, "info", lang);
	}
	if (waived) {
		pv_buf_adds(&counts, ", ");
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
