/* --format json: the documented, versioned structure of docs/json-output.md. */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/version.h"

#include <stdio.h>
#include <stdlib.h>

static void key(struct pv_buf *o, const char *k)
{
	pv_json_str(o, k);
	pv_buf_addch(o, ':');
}

static void str_field(struct pv_buf *o, const char *k, const char *v)
{
	key(o, k);
	if (v)
		pv_json_str(o, v);
	else
		pv_buf_adds(o, "null");
}

static void msg_field(struct pv_buf *o, const char *k, const struct pv_msg *m,
		      const struct pv_lang *lang)
{
	char *s = m->kind ? pv_msg_text(m, lang) : NULL;
	str_field(o, k, s);
	free(s);
}

static void counts(struct pv_buf *o, size_t e, size_t w, size_t i, size_t waived)
{
	pv_buf_addf(o, "{\"error\":%zu,\"warning\":%zu,\"info\":%zu,\"waived\":%zu}", e, w, i,
		    waived);
}

static const char *state_name(uint8_t state)
{
	return state == PV_BASELINE_UNCHANGED ? "unchanged" : "new";
}

static void finding(struct pv_buf *o, const struct pv_diag *g, const struct pv_lang *lang,
		    const uint8_t *state)
{
	pv_buf_addch(o, '{');
	str_field(o, "code", g->code);
	pv_buf_addch(o, ',');
	str_field(o, "severity", pv_severity_name(g->sev));
	pv_buf_addf(o, ",\"line\":%u,\"column\":%u,\"end_column\":%u,", g->pos.line, g->pos.col,
		    g->pos.col + (g->pos.span ? g->pos.span : 1));
	msg_field(o, "message", &g->msg, lang);
	pv_buf_addch(o, ',');
	msg_field(o, "hint", &g->hint, lang);
	pv_buf_addch(o, ',');
	str_field(o, "title", pv_lang_rule_field(lang, g->code, "title"));
	pv_buf_addch(o, ',');
	str_field(o, "citation", pv_lang_rule_field(lang, g->code, "citation"));
	pv_buf_adds(o, ",\"citations\":");
	pv_json_citations(o, g->code, 0);
	pv_buf_addch(o, ',');
	str_field(o, "subject", g->subject);
	pv_buf_addch(o, ',');
	str_field(o, "key_path", g->key_path ? g->key_path : "");
	pv_buf_addch(o, ',');
	str_field(o, "fingerprint", g->fingerprint);
	pv_buf_adds(o, ",\"note\":");
	if (g->note.kind) {
		pv_buf_addch(o, '{');
		msg_field(o, "message", &g->note, lang);
		pv_buf_addf(o, ",\"line\":%u,\"column\":%u}", g->note_pos.line, g->note_pos.col);
	} else {
		pv_buf_adds(o, "null");
	}
	if (g->waiver >= 0)
		pv_buf_addf(o, ",\"deviation\":%d", g->waiver);
	if (state)
		pv_buf_addf(o, ",\"baseline\":\"%s\"", state_name(*state));
	pv_buf_addch(o, '}');
}

static void deviation(struct pv_buf *o, const struct pv_waiver_info *w)
{
	pv_buf_addch(o, '{');
	str_field(o, "rule", w->rule);
	pv_buf_addch(o, ',');
	str_field(o, "reason", w->reason);
	pv_buf_addch(o, ',');
	str_field(o, "approved_by", w->approved_by);
	pv_buf_addch(o, ',');
	str_field(o, "expires", w->expires);
	pv_buf_adds(o, ",\"scope\":");
	if (w->nscope) {
		pv_buf_addch(o, '[');
		for (size_t i = 0; i < w->nscope; i++) {
			if (i)
				pv_buf_addch(o, ',');
			pv_json_str(o, w->scope[i]);
		}
		pv_buf_addch(o, ']');
	} else {
		pv_buf_adds(o, "null");
	}
	pv_buf_addf(o, ",\"line\":%u,\"column\":%u,\"silenced\":%zu}", w->pos.line, w->pos.col,
		    w->silenced);
}

static void matrix(struct pv_buf *o, const struct pv_matrix *m)
{
	pv_buf_adds(o, ",\"matrix\":[");
	for (size_t i = 0; i < m->n; i++) {
		const struct pv_matrix_row *row = &m->rows[i];
		pv_buf_adds(o, i ? ",{" : "{");
		str_field(o, "rule", row->rule->code);
		pv_buf_addch(o, ',');
		str_field(o, "status", pv_rule_status_name(row->status));
		pv_buf_addch(o, ',');
		str_field(o, "severity", pv_severity_name(row->severity));
		pv_buf_addf(o, ",\"findings\":%zu,\"waived\":%zu}", row->findings, row->waived);
	}
	pv_buf_adds(o, "],\"scores\":[");
	for (size_t i = 0; i < m->nscores; i++) {
		const struct pv_score *sc = &m->scores[i];
		size_t applicable = sc->passed + sc->failed + sc->waived;
		pv_buf_adds(o, i ? ",{" : "{");
		str_field(o, "document", sc->document);
		pv_buf_addf(o, ",\"passed\":%zu,\"failed\":%zu,\"waived\":%zu,\"applicable\":%zu,\"score\":",
			    sc->passed, sc->failed, sc->waived, applicable);
		if (applicable)
			pv_buf_addf(o, "%.3f}", (double)sc->passed / (double)applicable);
		else
			pv_buf_adds(o, "null}");
	}
	pv_buf_addch(o, ']');
}

static void findings(struct pv_buf *o, const struct pv_diags *d, const uint8_t *state,
		     const struct pv_lang *lang)
{
	for (int waived = 0; waived < 2; waived++) {
		pv_buf_adds(o, waived ? ",\"waived\":[" : ",\"findings\":[");
		int first = 1;
		for (size_t i = 0; i < d->nr; i++) {
			if ((d->v[i].waiver >= 0) != waived)
				continue;
			if (!first)
				pv_buf_addch(o, ',');
			first = 0;
			finding(o, &d->v[i], lang, state ? &state[i] : NULL);
		}
		pv_buf_addch(o, ']');
	}
	pv_buf_adds(o, ",\"omitted\":[");
	for (size_t i = 0; i < d->nomitted; i++) {
		const struct pv_omitted *om = &d->omitted[i];
		pv_buf_adds(o, i ? ",{" : "{");
		str_field(o, "rule", om->code);
		pv_buf_addf(o, ",\"error\":%zu,\"warning\":%zu,\"info\":%zu,\"waived\":%zu}",
			    om->n[PV_SEV_ERROR], om->n[PV_SEV_WARNING], om->n[PV_SEV_INFO], om->waived);
	}
	pv_buf_addch(o, ']');
}

static void file(struct pv_buf *o, const struct pv_file_report *f, const struct pv_lang *lang)
{
	pv_buf_addch(o, '{');
	str_field(o, "path", f->path);
	pv_buf_addch(o, ',');
	str_field(o, "plan_id", f->plan_id);
	pv_buf_addf(o, ",\"checked\":%s,", f->checked ? "true" : "false");
	str_field(o, "stage", pv_status_names[f->stage]);
	pv_buf_adds(o, ",\"counts\":");
	counts(o, pv_diags_count(&f->diags, PV_SEV_ERROR), pv_diags_count(&f->diags, PV_SEV_WARNING),
	       pv_diags_count(&f->diags, PV_SEV_INFO), pv_diags_waived(&f->diags));
	findings(o, &f->diags, f->state, lang);
	pv_buf_adds(o, ",\"deviations\":[");
	for (size_t k = 0; k < f->nwaivers; k++) {
		if (k)
			pv_buf_addch(o, ',');
		deviation(o, &f->waivers[k]);
	}
	pv_buf_addch(o, ']');
	matrix(o, &f->matrix);
	pv_buf_addch(o, '}');
}

/* The baseline's counts, and its findings no longer found. */
static void baseline(struct pv_buf *o, const struct pv_run_report *r)
{
	const struct pv_baseline *b = r->baseline;
	pv_buf_adds(o, ",\"baseline\":{");
	str_field(o, "file", b->name);
	pv_buf_addf(o, ",\"new\":{\"error\":%zu,\"warning\":%zu,\"info\":%zu},\"unchanged\":%zu,"
		    "\"absent\":%zu,\"absent_findings\":[", r->news[PV_SEV_ERROR],
		    r->news[PV_SEV_WARNING], r->news[PV_SEV_INFO], r->unchanged, r->absent);
	int first = 1;
	for (size_t i = 0; i < b->n; i++) {
		const struct pv_baseline_item *it = &b->v[i];
		if (it->matched)
			continue;
		pv_buf_adds(o, first ? "{" : ",{");
		first = 0;
		str_field(o, "code", it->code);
		pv_buf_addch(o, ',');
		str_field(o, "severity", pv_severity_name(it->sev));
		pv_buf_addch(o, ',');
		str_field(o, "path", it->path);
		pv_buf_addf(o, ",\"line\":%u,\"column\":%u,", it->pos.line, it->pos.col);
		str_field(o, "message", it->message);
		pv_buf_addch(o, ',');
		str_field(o, "fingerprint", it->fingerprint);
		pv_buf_addch(o, '}');
	}
	pv_buf_adds(o, "]}");
}

void pv_render_json(const struct pv_run_report *r, struct pv_buf *out)
{
	struct pv_buf compact = PV_BUF_INIT, *o = &compact;
	pv_buf_addf(o, "{\"pveplan\":{\"version\":\"%s\",\"json_version\":%d,\"catalogue_version\":%d},",
		    PVEPLAN_VERSION, PV_JSON_VERSION, pv_lang_catalogue_version());
	str_field(o, "language", pv_lang_code(r->lang));
	pv_buf_addf(o, ",\"files_checked\":%zu,\"counts\":", r->n);
	counts(o, r->errors, r->warnings, r->infos, r->waived);
	pv_buf_adds(o, ",\"files\":[");
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			pv_buf_addch(o, ',');
		file(o, &r->files[i], r->lang);
	}
	pv_buf_addch(o, ']');
	if (r->baseline)
		baseline(o, r);
	pv_buf_addch(o, '}');
	pv_json_pretty(compact.buf, out);
	pv_buf_addch(out, '\n');
	pv_buf_release(&compact);
}

/* Indents compact JSON two spaces a level, so outputs diff and read well. */
void pv_json_pretty(const char *in, struct pv_buf *out)
{
	int depth = 0, in_str = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (in_str) {
			pv_buf_addch(out, c);
			if (c == '\\' && p[1])
				pv_buf_addch(out, *++p);
			else if (c == '"')
				in_str = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_str = 1;
			pv_buf_addch(out, c);
			break;
		case '{':
		case '[':
			if ((p[1] == '}' || p[1] == ']')) {
				pv_buf_addch(out, c);
				pv_buf_addch(out, *++p);
				break;
			}
			pv_buf_addch(out, c);
			pv_buf_addch(out, '\n');
			pv_buf_addchars(out, ' ', (size_t)(2 * ++depth));
			break;
		case '}':
		case ']':
			pv_buf_addch(out, '\n');
			pv_buf_addchars(out, ' ', (size_t)(2 * --depth));
			pv_buf_addch(out, c);
			break;
		case ',':
			pv_buf_adds(out, ",\n");
			pv_buf_addchars(out, ' ', (size_t)(2 * depth));
			break;
		case ':':
			pv_buf_adds(out, ": ");
			break;
		default:
			pv_buf_addch(out, c);
		}
	}
}
