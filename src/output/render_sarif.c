/* --format sarif: SARIF 2.1.0, with the full rule list. */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/check.h"
#include "pveplan/lang.h"
#include "pveplan/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *level(enum pv_severity s)
{
	switch (s) {
	case PV_SEV_ERROR:
		return "error";
	case PV_SEV_WARNING:
		return "warning";
	case PV_SEV_INFO:
		return "note";
	default:
		return "none";
	}
}

static void text_obj(struct pv_buf *o, const char *name, const char *text)
{
	pv_buf_addf(o, "\"%s\":{\"text\":", name);
	pv_json_str(o, text ? text : "");
	pv_buf_addch(o, '}');
}

/* A relative path as a URI reference: unreserved characters and '/' kept,
 * the rest percent-encoded. */
static void uri(struct pv_buf *o, const char *path)
{
	struct pv_buf u = PV_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			pv_buf_addch(&u, *p);
		else
			pv_buf_addf(&u, "%%%02X", *p);
	}
	pv_json_str(o, u.buf);
	pv_buf_release(&u);
}

static void rules(struct pv_buf *o, const struct pv_lang *lang)
{
	for (size_t i = 0; i < pv_rules_nr; i++) {
		const struct pv_rule *r = &pv_rules[i];
		const char *title = pv_lang_rule_field(lang, r->code, "title");
		const char *rationale = pv_lang_rule_field(lang, r->code, "rationale");
		const char *hint = pv_lang_rule_field(lang, r->code, "hint");
		const char *citation = pv_lang_rule_field(lang, r->code, "citation");
		struct pv_buf help = PV_BUF_INIT, md = PV_BUF_INIT, generic = PV_BUF_INIT;
		pv_template_generic(hint ? hint : "", &generic);
		pv_buf_addf(&help, "%s\n%s: %s", generic.buf,
			    pv_lang_label(lang, "explain.citation"), citation ? citation : "");
		pv_text_citations(&help, r->code, lang, "\n- ");
		pv_buf_addf(&md, "%s\n\n**%s:** %s", generic.buf,
			    pv_lang_label(lang, "explain.citation"), citation ? citation : "");
		pv_text_citations(&md, r->code, lang, "\n- ");
		pv_buf_release(&generic);
		pv_buf_adds(o, i ? ",{" : "{");
		pv_buf_addf(o, "\"id\":\"%s\",", r->code);
		text_obj(o, "shortDescription", title);
		pv_buf_addch(o, ',');
		text_obj(o, "fullDescription", rationale);
		pv_buf_adds(o, ",\"help\":{\"text\":");
		pv_json_str(o, help.buf);
		pv_buf_adds(o, ",\"markdown\":");
		pv_json_str(o, md.buf);
		pv_buf_addf(o, "},\"defaultConfiguration\":{\"level\":\"%s\"},", level(r->severity));
		pv_buf_adds(o, "\"properties\":{\"citation\":");
		pv_json_str(o, citation ? citation : "");
		pv_buf_adds(o, ",\"citations\":");
		pv_json_citations(o, r->code, 1);
		pv_buf_addf(o, ",\"tags\":[\"%.3s\"]}}", r->code);
		pv_buf_release(&help);
		pv_buf_release(&md);
	}
}

static void result(struct pv_buf *o, const struct pv_file_report *f, size_t k,
		   const struct pv_lang *lang, int first)
{
	const struct pv_diag *g = &f->diags.v[k];
	const struct pv_rule *r = pv_rule_find(g->code);
	char *msg = pv_msg_text(&g->msg, lang);
	pv_buf_adds(o, first ? "{" : ",{");
	pv_buf_addf(o, "\"ruleId\":\"%s\",", g->code);
	if (r)
		pv_buf_addf(o, "\"ruleIndex\":%zu,", (size_t)(r - pv_rules));
	pv_buf_addf(o, "\"level\":\"%s\",", level(g->sev));
	text_obj(o, "message", msg);
	pv_buf_adds(o, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	uri(o, f->path);
	pv_buf_adds(o, "}");
	if (g->pos.line)
		pv_buf_addf(o, ",\"region\":{\"startLine\":%u,\"startColumn\":%u,\"endColumn\":%u}",
			    g->pos.line, g->pos.col, g->pos.col + (g->pos.span ? g->pos.span : 1));
	pv_buf_adds(o, "}}]");
	/* The finding's identity for code scanning, which otherwise hashes the
	 * text of the line: many findings sit on one anchor line. */
	if (f->state)
		pv_buf_addf(o, ",\"baselineState\":\"%s\"",
			    f->state[k] == PV_BASELINE_UNCHANGED ? "unchanged" : "new");
	pv_buf_adds(o, ",\"partialFingerprints\":{\"pveplan/v1\":");
	pv_json_str(o, g->fingerprint);
	pv_buf_adds(o, "},\"properties\":{\"keyPath\":");
	pv_json_str(o, g->key_path ? g->key_path : "");
	if (g->subject)
		pv_buf_adds(o, ",\"subject\":"), pv_json_str(o, g->subject);
	pv_buf_addch(o, '}');
	if (g->waiver >= 0 && (size_t)g->waiver < f->nwaivers) {
		const struct pv_waiver_info *w = &f->waivers[g->waiver];
		pv_buf_adds(o, ",\"suppressions\":[{\"kind\":\"inSource\",\"status\":\"accepted\",\"justification\":");
		pv_json_str(o, w->reason ? w->reason : "");
		pv_buf_adds(o, ",\"properties\":{\"approvedBy\":");
		pv_json_str(o, w->approved_by ? w->approved_by : "");
		if (w->expires) {
			pv_buf_adds(o, ",\"expires\":");
			pv_json_str(o, w->expires);
		}
		pv_buf_adds(o, "}}]");
	}
	pv_buf_addch(o, '}');
	free(msg);
}

/* A finding of the baseline no longer found: SARIF's "absent" result, as
 * the baseline recorded it. */
static void absent(struct pv_buf *o, const struct pv_baseline_item *it, int first)
{
	const struct pv_rule *r = pv_rule_find(it->code);
	pv_buf_adds(o, first ? "{" : ",{");
	pv_buf_adds(o, "\"ruleId\":");
	pv_json_str(o, it->code);
	if (r)
		pv_buf_addf(o, ",\"ruleIndex\":%zu", (size_t)(r - pv_rules));
	pv_buf_addf(o, ",\"level\":\"%s\",", level(it->sev));
	text_obj(o, "message", it->message);
	pv_buf_adds(o, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	uri(o, it->path);
	pv_buf_adds(o, "}");
	if (it->pos.line && it->pos.col)
		pv_buf_addf(o, ",\"region\":{\"startLine\":%u,\"startColumn\":%u}", it->pos.line,
			    it->pos.col);
	pv_buf_adds(o, "}}],\"baselineState\":\"absent\",\"partialFingerprints\":{\"pveplan/v1\":");
	pv_json_str(o, it->fingerprint);
	pv_buf_adds(o, "}}");
}

void pv_render_sarif(const struct pv_run_report *r, struct pv_buf *out)
{
	struct pv_buf o = PV_BUF_INIT;
	pv_buf_adds(&o, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
			"\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"pveplan\",");
	pv_buf_addf(&o, "\"version\":\"%s\",\"semanticVersion\":\"%s\",\"language\":\"%s\",\"rules\":[",
		    PVEPLAN_VERSION, PVEPLAN_VERSION, pv_lang_code(r->lang));
	rules(&o, r->lang);
	/* The catalogue's version says which rules produced the results, as in
	 * the JSON output; SARIF keeps it in the driver's property bag. */
	pv_buf_addf(&o, "],\"properties\":{\"catalogue_version\":%d}}},", pv_lang_catalogue_version());
	pv_buf_adds(&o, "\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	int first = 1;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->files[i].diags.nr; j++) {
			result(&o, &r->files[i], j, r->lang, first);
			first = 0;
		}
	for (size_t i = 0; r->baseline && i < r->baseline->n; i++)
		if (!r->baseline->v[i].matched) {
			absent(&o, &r->baseline->v[i], first);
			first = 0;
		}
	pv_buf_adds(&o, "]}]}");
	pv_json_pretty(o.buf, out);
	pv_buf_addch(out, '\n');
	pv_buf_release(&o);
}
