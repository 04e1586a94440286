/* The run's results kept for the machine-readable outputs; shared escaping. */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>



static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct pv_file_report *pv_report_add(struct pv_run_report *r, const char *path,
				     const struct pv_plan *p, int checked,
				     const struct pv_policy *pol, struct pv_diags *d)
{
	PV_ALLOC_GROW(r->files, r->n + 1, r->alloc);
	struct pv_file_report *f = &r->files[r->n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->checked = checked;
	f->stage = pol->stage;
	f->diags = *d;
	memset(d, 0, sizeof(*d));
	pv_matrix_build(pol, &f->diags, checked, &f->matrix);
	r->errors += pv_diags_count(&f->diags, PV_SEV_ERROR);
	r->warnings += pv_diags_count(&f->diags, PV_SEV_WARNING);
	r->infos += pv_diags_count(&f->diags, PV_SEV_INFO);
	r->waived += pv_diags_waived(&f->diags);
	if (!p)
		return f;
	f->plan_id = dup_or_null(p->plan.id.s);
	const char *plang = p->plan.language.s;
	f->nwaivers = p->accepted_deviations.n;
	f->waivers = f->nwaivers ? xcalloc(f->nwaivers, sizeof(*f->waivers)) : NULL;
	for (size_t k = 0; k < f->nwaivers; k++) {
		const struct pv_deviation *dev = &p->accepted_deviations.v[k];
		struct pv_waiver_info *w = &f->waivers[k];
		w->rule = dup_or_null(dev->rule.s);
		w->reason = dup_or_null(pv_text_get(&dev->reason, pv_lang_code(r->lang), plang));
		w->approved_by = dup_or_null(dev->approved_by.s);
		if (dev->expires.d.prec) {
			char date[16];
			pv_date_format(&dev->expires.d, date);
			w->expires = xstrdup(date);
		}
		w->nscope = dev->scope.n;
		w->scope = w->nscope ? xcalloc(w->nscope, sizeof(*w->scope)) : NULL;
		for (size_t i = 0; i < w->nscope; i++)
			w->scope[i] = xstrdup(dev->scope.v[i].s);
		w->pos = dev->pos;
	}
	for (size_t i = 0; i < f->diags.nr; i++)
		if (f->diags.v[i].waiver >= 0 && (size_t)f->diags.v[i].waiver < f->nwaivers)
			f->waivers[f->diags.v[i].waiver].silenced++;
	return f;
}

void pv_report_release(struct pv_run_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct pv_file_report *f = &r->files[i];
		for (size_t k = 0; k < f->nwaivers; k++) {
			struct pv_waiver_info *w = &f->waivers[k];
			free(w->rule);
			free(w->reason);
			free(w->approved_by);
			free(w->expires);
			for (size_t j = 0; j < w->nscope; j++)
				free(w->scope[j]);
			free(w->scope);
		}
		free(f->waivers);
		free(f->state);
		free(f->rel_path);
		free(f->path);
		free(f->plan_id);
		pv_diags_release(&f->diags);
	}
	free(r->files);
	free(r->root);
	r->root = NULL;
	r->files = NULL;
	r->n = r->alloc = 0;
}

/* Plan text is valid UTF-8 (the tree refuses anything else), but a path
 * need not be: an invalid byte is written visibly, as \xHH, so that JSON and
 * XML stay UTF-8. Returns the bytes taken at s (1 for an invalid byte). */
static size_t next_char(const char *s, uint32_t *cp, int *invalid)
{
	size_t avail = 1;
	while (avail < 4 && s[avail])
		avail++;
	size_t n = pv_utf8_decode(s, avail, cp);
	*invalid = *cp == 0xFFFD && n == 1 && (unsigned char)*s >= 0x80;
	return n;
}

void pv_json_str(struct pv_buf *out, const char *s)
{
	pv_buf_addch(out, '"');
	for (const char *p = s; *p;) {
		uint32_t cp;
		int invalid;
		size_t n = next_char(p, &cp, &invalid);
		if (invalid) {
			pv_buf_addf(out, "\\\\x%02x", (unsigned char)*p);
		} else if (cp == '"' || cp == '\\') {
			pv_buf_addch(out, '\\');
			pv_buf_addch(out, (char)cp);
		} else if (cp == '\n') {
			pv_buf_adds(out, "\\n");
		} else if (cp == '\r') {
			pv_buf_adds(out, "\\r");
		} else if (cp == '\t') {
			pv_buf_adds(out, "\\t");
		} else if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
			/* U+2028/2029 are valid JSON but end a line in JavaScript
			 * before ES2019 and in many line-oriented tools. */
			pv_buf_addf(out, "\\u%04x", (unsigned)cp);
		} else {
			pv_buf_add(out, p, n);
		}
		p += n;
	}
	pv_buf_addch(out, '"');
}

/* XML 1.0 allows tab, LF, CR and the characters from U+0020 on, less the
 * surrogates (never valid UTF-8) and U+FFFE, U+FFFF. */
static int xml_allowed(uint32_t cp)
{
	return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
}

void pv_xml_str(struct pv_buf *out, const char *s)
{
	for (const char *p = s; *p;) {
		uint32_t cp;
		int invalid;
		size_t n = next_char(p, &cp, &invalid);
		if (invalid)
			pv_buf_addf(out, "\\x%02x", (unsigned char)*p);
		else if (!xml_allowed(cp))
			pv_utf8_add_escape(out, cp);	/* shown, as \x01 or \u{fffe} */
		else if (cp == '<')
			pv_buf_adds(out, "&lt;");
		else if (cp == '>')
			pv_buf_adds(out, "&gt;");
		else if (cp == '&')
			pv_buf_adds(out, "&amp;");
		else if (cp == '"')
			pv_buf_adds(out, "&quot;");
		else if (cp == '\n')
			pv_buf_adds(out, "&#10;");
		else if (cp == '\r')
			pv_buf_adds(out, "&#13;");
		else if (cp == '\t')
			pv_buf_adds(out, "&#9;");
		else
			pv_buf_add(out, p, n);
		p += n;
	}
}

static const char *status_label(enum pv_rule_status s)
{
	static const char *const keys[] = { "status.passed", "status.failed", "status.waived",
					    "status.not_applicable" };
	return keys[s];
}

/* Appends `s` padded with spaces to `width` characters (not bytes). */
static void pad(struct pv_buf *out, const char *s, size_t width)
{
	size_t chars = 0;
	for (const char *p = s; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	pv_buf_adds(out, s);
	pv_buf_addchars(out, ' ', chars < width ? width - chars : 1);
}

void pv_render_matrix_text(const struct pv_file_report *f, const struct pv_lang *lang,
			   unsigned flags, struct pv_buf *out)
{
	const char *b = flags & PV_TEXT_COLOR ? "\033[1m" : "", *rst = flags & PV_TEXT_COLOR ? "\033[0m" : "";
	pv_buf_addf(out, "%s%s%s%s%s\n", b, pv_lang_label(lang, "matrix.title"),
		    pv_lang_label(lang, "colon"), f->path, rst);
	for (size_t i = 0; i < f->matrix.n; i++) {
		const struct pv_matrix_row *row = &f->matrix.rows[i];
		char sev[24];
		snprintf(sev, sizeof(sev), "severity.%s", pv_severity_name(row->severity));
		const char *title = pv_lang_rule_field(lang, row->rule->code, "title");
		pv_buf_addf(out, "  %s  ", row->rule->code);
		pad(out, pv_lang_label(lang, status_label(row->status)), 16);
		pad(out, row->severity == PV_SEV_OFF ? "off" : pv_lang_label(lang, sev), 14);
		pv_buf_addf(out, "%s\n", title ? title : "");
	}
	pv_buf_addf(out, "%s%s%s\n", b, pv_lang_label(lang, "matrix.scores"), rst);
	for (size_t i = 0; i < f->matrix.nscores; i++) {
		const struct pv_score *sc = &f->matrix.scores[i];
		char key[64];
		snprintf(key, sizeof(key), "doc.%s", sc->document);
		size_t applicable = sc->passed + sc->failed + sc->waived;
		const struct pv_arg pairs[] = {
			pv_arg_text("passed"), pv_arg_uint(sc->passed), pv_arg_text("applicable"),
			pv_arg_uint(applicable) };
		pv_buf_addf(out, "  %s%s", pv_lang_label(lang, key), pv_lang_label(lang, "colon"));
		if (!applicable) {
			pv_buf_addf(out, "%s\n", pv_lang_label(lang, "matrix.not_scored"));
			continue;
		}
		pv_template_fill(pv_lang_label(lang, "matrix.score"), pairs, 2, lang, out);
		if (sc->waived) {
			pv_buf_adds(out, " (");
			pv_lang_count(lang, "count.waived", sc->waived, out);
			pv_buf_adds(out, ")");
		}
		pv_buf_addch(out, '\n');
	}
}

void pv_json_citations(struct pv_buf *out, const char *code, int with_document)
{
	const struct pv_citation *const *c;
	size_t n = pv_lang_rule_citations(code, &c);
	pv_buf_addch(out, '[');
	for (size_t i = 0; i < n; i++) {
		pv_buf_adds(out, i ? ",{\"key\":" : "{\"key\":");
		pv_json_str(out, c[i]->key);
		if (with_document) {
			pv_buf_adds(out, ",\"document\":");
			pv_json_str(out, c[i]->counts_under);
		}
		pv_buf_adds(out, ",\"status\":");
		pv_json_str(out, c[i]->status);
		pv_buf_addch(out, '}');
	}
	pv_buf_addch(out, ']');
}

void pv_text_citations(struct pv_buf *out, const char *code, const struct pv_lang *lang,
		       const char *sep)
{
	const struct pv_citation *const *c;
	size_t n = pv_lang_rule_citations(code, &c);
	for (size_t i = 0; i < n; i++) {
		char key[48];
		snprintf(key, sizeof(key), "citation_status.%s", c[i]->status);
		pv_buf_addf(out, "%s%s%s%s%s%s; %s", sep, c[i]->key, pv_lang_label(lang, "colon"),
			    c[i]->document, *c[i]->locator ? ", " : "", c[i]->locator,
			    pv_lang_label(lang, key));
	}
}
