/* The Markdown report: CommonMark with GFM tables and a Mermaid timeline,
 * readable on GitHub and GitLab, and the source of the HTML report. */
#include "pveplan/build.h"

#include "pveplan/alloc.h"
#include "pveplan/msg.h"
#include "pveplan/rules.h"
#include "pveplan/version.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct md {
	const struct pv_report_input *in;
	const struct pv_plan *p;
	const struct pv_lang *lang;
	struct pv_buf *o;
	const char *cur;	/* plan currency or "" */
};

static const char *L(const struct md *m, const char *key)
{
	return pv_lang_report_label(m->lang, key);
}

static const char *T(const struct md *m, const struct pv_text *t)
{
	return pv_report_text(m->in, t);
}

/* Plan text inside a paragraph: its Markdown is kept, but raw HTML is shown
 * as text (entities), never passed through. */
static void text(struct pv_buf *o, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			pv_buf_adds(o, "&lt;");
		else if (*s == '>')
			pv_buf_adds(o, "&gt;");
		else if (*s == '&')
			pv_buf_adds(o, "&amp;");
		else
			pv_buf_addch(o, *s);
	}
}

/* Plan text in a table cell or a heading: one line, no '|' that would end
 * the cell, no leading marker that would make it a heading or a list. */
static void cell(struct pv_buf *o, const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
		s++;
	if (*s == '#' || *s == '>' || *s == '-' || *s == '+' || *s == '=')
		pv_buf_addch(o, '\\');
	int space = 0;
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			space = 1;
			continue;
		}
		if (space) {
			pv_buf_addch(o, ' ');
			space = 0;
		}
		if (*s == '|')
			pv_buf_adds(o, "\\|");
		else if (*s == '\\')
			pv_buf_adds(o, "\\\\");
		else if (*s == '<')
			pv_buf_adds(o, "&lt;");
		else if (*s == '>')
			pv_buf_adds(o, "&gt;");
		else if (*s == '&')
			pv_buf_adds(o, "&amp;");
		else
			pv_buf_addch(o, *s);
	}
}

static void amount(struct md *m, double v)
{
	pv_report_number(m->lang, v, v == floor(v) ? 0 : 2, m->o);
}

static void heading(struct md *m, int level, const char *title)
{
	pv_buf_addf(m->o, "\n%.*s ", level, "######");
	cell(m->o, title);
	pv_buf_adds(m->o, "\n\n");
}

static void row_start(struct md *m)
{
	pv_buf_adds(m->o, "|");
}

static void col(struct md *m, const char *s)
{
	pv_buf_addch(m->o, ' ');
	cell(m->o, s ? s : "");
	pv_buf_adds(m->o, " |");
}

static void table_head(struct md *m, const char *const *keys, size_t n, const char *align)
{
	row_start(m);
	for (size_t i = 0; i < n; i++)
		col(m, L(m, keys[i]));
	pv_buf_adds(m->o, "\n|");
	for (size_t i = 0; i < n; i++)
		pv_buf_adds(m->o, align && align[i] == 'r' ? "---:|" : "---|");
	pv_buf_addch(m->o, '\n');
}

static int hidden(const struct md *m, const struct pv_bool *confidential)
{
	return m->in->redact && confidential->v == 1;
}

static const char *stakeholder_name(const struct md *m, const char *id)
{
	return pv_report_stakeholder(m->in, id);
}

static void stakeholder_list(struct md *m, const pv_str_list *l, struct pv_buf *out)
{
	int first = 1;
	for (uint32_t i = 0; i < l->n; i++) {
		const char *name = stakeholder_name(m, l->v[i].s);
		if (!name)
			continue;
		if (!first)
			pv_buf_adds(out, ", ");
		pv_buf_adds(out, name);
		first = 0;
	}
}

static const char *enum_label(struct md *m, const char *prefix, const char *const *names, int v)
{
	return pv_report_enum(m->lang, prefix, names, v);
}

/* ---- sections ---- */

struct totals {
	double cost, committed, pledged;
	size_t actions, objectives, needs;
};

/* Counts and money of a priority, as the report shows them. */
static void priority_totals(struct md *m, const struct pv_priority *pr, struct totals *t)
{
	struct pv_money money;
	memset(t, 0, sizeof(*t));
	for (uint32_t j = 0; j < pr->objectives.n; j++) {
		const struct pv_objective *o = &pr->objectives.v[j];
		if (hidden(m, &o->confidential))
			continue;
		t->objectives++;
		for (uint32_t k = 0; k < o->actions.n; k++)
			if (!hidden(m, &o->actions.v[k].confidential)) {
				t->actions++;
				t->needs += o->actions.v[k].capacity_needs.n;
			}
	}
	pv_report_priority_money(m->in, pr, &money);
	t->cost = money.cost;
	t->committed = money.committed;
	t->pledged = money.pledged;
}

static void cover(struct md *m)
{
	const struct pv_plan_info *pl = &m->p->plan;
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_adds(m->o, "# ");
	cell(m->o, T(m, &pl->title));
	pv_buf_addf(m->o, "\n\n**%s**\n\n",
		    L(m, pl->scope.v == PV_SCOPE_REGIONAL ? "cover.kind.regional" : "cover.kind.national"));
	if (m->in->errors) {
		char n[24];
		snprintf(n, sizeof(n), "%zu", m->in->errors);
		pv_buf_adds(m->o, "> **");
		pv_report_fill(m->lang, L(m, "banner.not_valid"), m->o, "n", n, (char *)NULL);
		pv_buf_adds(m->o, "**\n\n");
	}
	static const char *const head[] = { "col.item", "col.value" };
	table_head(m, head, 2, NULL);
	row_start(m);
	col(m, L(m, "cover.scope"));
	col(m, L(m, pl->scope.v == PV_SCOPE_REGIONAL ? "scope.regional" : "scope.national"));
	pv_buf_addch(m->o, '\n');
	if (pl->country.s) {
		const char *name = pv_country_name(pl->country.s);
		pv_buf_reset(&b);
		pv_buf_addf(&b, "%s%s%s%s", name ? name : "", name ? " (" : "", pl->country.s, name ? ")" : "");
		row_start(m), col(m, L(m, "cover.country")), col(m, b.buf), pv_buf_addch(m->o, '\n');
	}
	if (pl->organization.s)
		row_start(m), col(m, L(m, "cover.organization")), col(m, pl->organization.s),
			pv_buf_addch(m->o, '\n');
	if (pl->member_states.n) {
		pv_buf_reset(&b);
		for (uint32_t i = 0; i < pl->member_states.n; i++)
			pv_buf_addf(&b, "%s%s", i ? ", " : "", pl->member_states.v[i].s);
		row_start(m), col(m, L(m, "cover.member_states")), col(m, b.buf), pv_buf_addch(m->o, '\n');
	}
	pv_buf_reset(&b);
	struct pv_buf s = PV_BUF_INIT, e = PV_BUF_INIT;
	pv_report_date(m->lang, &pl->period.start.d, &s);
	pv_report_date(m->lang, &pl->period.end.d, &e);
	pv_report_fill(m->lang, L(m, "cover.period_value"), &b, "start", s.buf, "end", e.buf, (char *)NULL);
	row_start(m), col(m, L(m, "cover.period")), col(m, b.buf), pv_buf_addch(m->o, '\n');
	row_start(m), col(m, L(m, "cover.status")),
		col(m, enum_label(m, "status", pv_status_names, pl->status.v)),
		pv_buf_addch(m->o, '\n');
	if (pl->version.s)
		row_start(m), col(m, L(m, "cover.version")), col(m, pl->version.s), pv_buf_addch(m->o, '\n');
	if (pl->adopted_on.d.prec) {
		pv_buf_reset(&b);
		pv_report_date(m->lang, &pl->adopted_on.d, &b);
		row_start(m), col(m, L(m, "cover.adopted_on")), col(m, b.buf), pv_buf_addch(m->o, '\n');
	}
	if (pl->adopted_by.n)
		row_start(m), col(m, L(m, "cover.adopted_by")), col(m, T(m, &pl->adopted_by)),
			pv_buf_addch(m->o, '\n');
	pv_buf_reset(&b);
	char stamp[32];
	pv_format_timestamp(m->in->now, stamp);
	struct pv_date today;
	struct pv_arg why;
	char day[16];
	snprintf(day, sizeof(day), "%.10s", stamp);
	pv_date_parse(day, &today, &why);
	struct pv_buf when = PV_BUF_INIT;
	pv_report_date(m->lang, &today, &when);
	pv_buf_adds(m->o, "\n_");
	pv_report_fill(m->lang, L(m, "cover.generated"), m->o, "version", PVEPLAN_VERSION, "date", when.buf,
	     (char *)NULL);
	pv_buf_adds(m->o, "_\n");
	if (m->in->redact)
		pv_buf_addf(m->o, "\n_%s_\n", L(m, "cover.redacted"));
	pv_buf_release(&b);
	pv_buf_release(&s);
	pv_buf_release(&e);
	pv_buf_release(&when);
}

static const char *const sections[] = {
	"section.summary", "section.glance", "section.alignment", "section.participation",
	"section.context", "section.priorities", "section.timeline", "section.budget",
	"section.capacity", "section.monitoring", "section.risks", "section.consultations",
	"section.deviations", "section.findings",
};

static void toc(struct md *m)
{
	pv_buf_addf(m->o, "\n## %s\n\n", L(m, "toc"));
	for (size_t i = 0; i < PV_ARRAY_SIZE(sections); i++) {
		struct pv_buf slug = PV_BUF_INIT;
		pv_report_slug(L(m, sections[i]), &slug);
		pv_buf_addf(m->o, "%zu. [%s](#%s)\n", i + 1, L(m, sections[i]), slug.buf);
		pv_buf_release(&slug);
	}
}

static void summary(struct md *m)
{
	heading(m, 2, L(m, "section.summary"));
	if (m->p->plan.summary.n) {
		text(m->o, T(m, &m->p->plan.summary));
		pv_buf_addch(m->o, '\n');
	} else {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	}
}

static void glance(struct md *m)
{
	struct totals all, t;
	memset(&all, 0, sizeof(all));
	size_t priorities = 0;
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		if (hidden(m, &m->p->priorities.v[i].confidential))
			continue;
		priorities++;
		priority_totals(m, &m->p->priorities.v[i], &t);
		all.cost += t.cost, all.committed += t.committed, all.pledged += t.pledged;
		all.actions += t.actions, all.objectives += t.objectives, all.needs += t.needs;
	}
	all.needs += m->p->capacity_needs.n;
	heading(m, 2, L(m, "section.glance"));
	static const char *const head[] = { "col.item", "col.value" };
	table_head(m, head, 2, " r");
	struct {
		const char *key;
		double v;
		int money;
	} rows[] = {
		{ "glance.priorities", (double)priorities, 0 },
		{ "glance.objectives", (double)all.objectives, 0 },
		{ "glance.actions", (double)all.actions, 0 },
		{ "glance.stakeholders", (double)m->p->stakeholders.n, 0 },
		{ "glance.indicators", (double)m->p->indicators.n, 0 },
		{ "glance.needs", (double)all.needs, 0 },
		{ "glance.total_cost", all.cost, 1 },
		{ "glance.committed", all.committed, 1 },
		{ "glance.pledged", all.pledged, 1 },
		{ "glance.gap", all.cost - all.committed - all.pledged, 1 },
	};
	for (size_t i = 0; i < PV_ARRAY_SIZE(rows); i++) {
		row_start(m);
		col(m, L(m, rows[i].key));
		pv_buf_addch(m->o, ' ');
		amount(m, rows[i].v);
		if (rows[i].money && *m->cur)
			pv_buf_addf(m->o, " %s", m->cur);
		pv_buf_adds(m->o, " |\n");
	}
}

static void alignment(struct md *m)
{
	char key[48];
	heading(m, 2, L(m, "section.alignment"));
	heading(m, 3, L(m, "sub.coverage_areas"));
	static const char *const h1[] = { "col.area", "col.covered_by" };
	table_head(m, h1, 2, NULL);
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		struct pv_buf ids = PV_BUF_INIT;
		for (uint32_t i = 0; i < m->p->priorities.n; i++) {
			const struct pv_priority *pr = &m->p->priorities.v[i];
			for (uint32_t j = 0; j < pr->areas.n && !hidden(m, &pr->confidential); j++)
				if (pr->areas.v[j].v == a)
					pv_buf_addf(&ids, "%s%s", ids.len ? ", " : "", pr->id.s ? pr->id.s : "?");
		}
		row_start(m);
		col(m, enum_label(m, "area", pv_area_names, a));
		col(m, ids.len ? ids.buf : L(m, "value.none"));
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&ids);
	}
	heading(m, 3, L(m, "sub.coverage_pillars"));
	static const char *const h2[] = { "col.pillar", "col.covered_by" };
	table_head(m, h2, 2, NULL);
	for (int pil = 1; pil <= 4; pil++) {
		struct pv_buf ids = PV_BUF_INIT;
		for (uint32_t i = 0; i < m->p->priorities.n; i++) {
			const struct pv_priority *pr = &m->p->priorities.v[i];
			for (uint32_t j = 0; j < pr->gcts_pillars.n && !hidden(m, &pr->confidential); j++)
				if (pr->gcts_pillars.v[j].v == pil)
					pv_buf_addf(&ids, "%s%s", ids.len ? ", " : "", pr->id.s ? pr->id.s : "?");
		}
		snprintf(key, sizeof(key), "pillar.%d", pil);
		row_start(m);
		col(m, L(m, key));
		col(m, ids.len ? ids.buf : L(m, "value.none"));
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&ids);
	}
	heading(m, 3, L(m, "sub.matrix"));
	static const char *const h3[] = { "col.rule", "col.status", "col.severity", "col.source" };
	table_head(m, h3, 4, NULL);
	for (size_t i = 0; i < m->in->matrix->n; i++) {
		const struct pv_matrix_row *r = &m->in->matrix->rows[i];
		if (strncmp(r->rule->code, "PVE", 3))
			continue;
		struct pv_buf rule = PV_BUF_INIT;
		const char *title = pv_lang_rule_field(m->lang, r->rule->code, "title");
		pv_buf_addf(&rule, "%s %s", r->rule->code, title ? title : "");
		row_start(m);
		col(m, rule.buf);
		snprintf(key, sizeof(key), "rule_status.%s", pv_rule_status_name(r->status));
		col(m, L(m, key));
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(r->severity));
		col(m, r->severity == PV_SEV_OFF ? "-" : L(m, key));
		col(m, pv_lang_rule_field(m->lang, r->rule->code, "citation"));
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&rule);
	}
	pv_buf_addch(m->o, '\n');
	for (size_t i = 0; i < m->in->matrix->nscores; i++) {
		const struct pv_score *sc = &m->in->matrix->scores[i];
		char passed[24], applicable[24];
		snprintf(passed, sizeof(passed), "%zu", sc->passed);
		snprintf(applicable, sizeof(applicable), "%zu", sc->passed + sc->failed + sc->waived);
		pv_buf_addf(m->o, "- **%s**: ", pv_source_name(sc->source));
		pv_report_fill(m->lang, L(m, "value.score"), m->o, "passed", passed, "applicable", applicable,
		     (char *)NULL);
		pv_buf_addch(m->o, '\n');
	}
}

struct sector_use {
	size_t stakeholders, leads, partners, consulted;
};

static void count_action_use(const struct md *m, const struct pv_action *a, struct sector_use *u)
{
	const struct pv_iddef *d = a->lead.s ? pv_plan_find(m->p, a->lead.s) : NULL;
	if (d && d->kind == PV_KIND_STAKEHOLDER)
		u[((const struct pv_stakeholder *)d->obj)->sector.v].leads++;
	for (uint32_t i = 0; i < a->partners.n; i++) {
		d = pv_plan_find(m->p, a->partners.v[i].s);
		if (d && d->kind == PV_KIND_STAKEHOLDER)
			u[((const struct pv_stakeholder *)d->obj)->sector.v].partners++;
	}
}

static void participation(struct md *m)
{
	struct sector_use use[32];
	memset(use, 0, sizeof(use));
	for (uint32_t i = 0; i < m->p->stakeholders.n; i++)
		use[m->p->stakeholders.v[i].sector.v].stakeholders++;
	for (uint32_t i = 0; i < m->p->priorities.n; i++)
		for (uint32_t j = 0; j < m->p->priorities.v[i].objectives.n; j++) {
			const struct pv_objective *o = &m->p->priorities.v[i].objectives.v[j];
			for (uint32_t k = 0; k < o->actions.n; k++)
				if (!hidden(m, &o->actions.v[k].confidential))
					count_action_use(m, &o->actions.v[k], use);
		}
	for (uint32_t i = 0; i < m->p->consultations.n; i++)
		for (uint32_t j = 0; j < m->p->consultations.v[i].participants.n; j++) {
			const struct pv_iddef *d = pv_plan_find(m->p, m->p->consultations.v[i].participants.v[j].s);
			if (d && d->kind == PV_KIND_STAKEHOLDER)
				use[((const struct pv_stakeholder *)d->obj)->sector.v].consulted++;
		}
	heading(m, 2, L(m, "section.participation"));
	static const int groups[3][10] = {
		{ PV_SECTOR_GOVERNMENT, PV_SECTOR_PARLIAMENT, PV_SECTOR_JUDICIARY, PV_SECTOR_SECURITY,
		  PV_SECTOR_LOCAL_GOVERNMENT, 0 },
		{ PV_SECTOR_CIVIL_SOCIETY, PV_SECTOR_YOUTH, PV_SECTOR_WOMEN, PV_SECTOR_RELIGIOUS,
		  PV_SECTOR_TRADITIONAL, PV_SECTOR_ACADEMIA, PV_SECTOR_MEDIA, PV_SECTOR_PRIVATE_SECTOR,
		  PV_SECTOR_VICTIMS, 0 },
		{ PV_SECTOR_UN_ENTITY, PV_SECTOR_REGIONAL_BODY, PV_SECTOR_INTERNATIONAL_ORG,
		  PV_SECTOR_DONOR, 0 },
	};
	static const char *const gnames[] = { "sector_group.public", "sector_group.society",
					      "sector_group.partners" };
	static const char *const head[] = { "col.sector", "col.stakeholders", "col.leads",
					    "col.partners_count", "col.consulted" };
	for (int g = 0; g < 3; g++) {
		heading(m, 3, L(m, gnames[g]));
		table_head(m, head, 5, " rrrr");
		for (int i = 0; groups[g][i]; i++) {
			const struct sector_use *u = &use[groups[g][i]];
			row_start(m);
			col(m, enum_label(m, "sector", pv_sector_names, groups[g][i]));
			pv_buf_addf(m->o, " %zu | %zu | %zu | %zu |\n", u->stakeholders, u->leads, u->partners,
				    u->consulted);
		}
	}
}

static void context(struct md *m)
{
	const struct pv_context *c = &m->p->context;
	heading(m, 2, L(m, "section.context"));
	heading(m, 3, L(m, "sub.evidence"));
	if (c->assessment.n) {
		text(m->o, T(m, &c->assessment));
		pv_buf_addch(m->o, '\n');
	}
	for (uint32_t i = 0; i < c->sources.n; i++) {
		pv_buf_adds(m->o, "\n- ");
		cell(m->o, T(m, &c->sources.v[i]));
	}
	if (c->sources.n)
		pv_buf_addch(m->o, '\n');
	if (!c->assessment.n && !c->sources.n)
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	heading(m, 3, L(m, "sub.drivers"));
	if (c->drivers.n) {
		static const char *const head[] = { "col.id", "col.kind", "col.description" };
		table_head(m, head, 3, NULL);
		for (uint32_t i = 0; i < c->drivers.n; i++) {
			const struct pv_driver *d = &c->drivers.v[i];
			if (hidden(m, &d->confidential))
				continue;
			row_start(m);
			col(m, d->id.s);
			col(m, enum_label(m, "driver", pv_driver_kind_names, d->kind.v));
			col(m, T(m, &d->description));
			pv_buf_addch(m->o, '\n');
		}
	} else {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	}
	heading(m, 3, L(m, "sub.coordination"));
	const struct pv_coordination *co = &m->p->coordination;
	const char *body = co->body.s ? stakeholder_name(m, co->body.s) : NULL;
	if (body) {
		pv_buf_adds(m->o, "**");
		cell(m->o, body);
		pv_buf_adds(m->o, "**");
		if (co->mandate.n) {
			pv_buf_adds(m->o, ": ");
			text(m->o, T(m, &co->mandate));
		}
		pv_buf_addch(m->o, '\n');
	} else {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	}
}

static void timeline_cell(struct md *m, const struct pv_action *a)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_report_date(m->lang, &a->start.d, &b);
	pv_buf_adds(&b, " - ");
	pv_report_date(m->lang, &a->end.d, &b);
	col(m, b.buf);
	pv_buf_release(&b);
}

static void money_cell(struct md *m, const struct pv_num *n, const char *currency)
{
	pv_buf_addch(m->o, ' ');
	if (n->set) {
		amount(m, n->v);
		if (currency && *currency)
			pv_buf_addf(m->o, " %s", currency);
	}
	pv_buf_adds(m->o, " |");
}

static void priorities(struct md *m)
{
	heading(m, 2, L(m, "section.priorities"));
	static const char *const head[] = { "col.id", "col.action", "col.lead", "col.partners",
					    "col.timeline", "col.cost", "col.funding" };
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		if (hidden(m, &pr->confidential))
			continue;
		struct pv_buf h = PV_BUF_INIT;
		pv_buf_addf(&h, "%s. %s", pr->id.s ? pr->id.s : "", T(m, &pr->title));
		heading(m, 3, h.buf);
		pv_buf_release(&h);
		for (uint32_t j = 0; j < pr->areas.n; j++)
			pv_buf_addf(m->o, "%s%s", j ? ", " : "_",
				    enum_label(m, "area", pv_area_names, pr->areas.v[j].v));
		if (pr->areas.n)
			pv_buf_adds(m->o, "_\n");
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (hidden(m, &o->confidential))
				continue;
			struct pv_buf t = PV_BUF_INIT;
			pv_report_fill(m->lang, L(m, "sub.objective"), &t, "id", o->id.s ? o->id.s : "", "title",
			     T(m, &o->title), (char *)NULL);
			heading(m, 4, t.buf);
			pv_buf_release(&t);
			if (o->outcome.n) {
				pv_buf_addf(m->o, "**%s:** ", L(m, "sub.outcome"));
				text(m->o, T(m, &o->outcome));
				pv_buf_adds(m->o, "\n\n");
			}
			table_head(m, head, 7, "     rr");
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (hidden(m, &a->confidential))
					continue;
				const char *cur = a->currency.s ? a->currency.s : m->cur;
				struct pv_buf partners = PV_BUF_INIT;
				stakeholder_list(m, &a->partners, &partners);
				double funded = 0;
				struct pv_num f = { { 0, 0, 0 }, 0, 0 };
				for (uint32_t x = 0; x < a->funding.n; x++)
					if (a->funding.v[x].amount.set && a->funding.v[x].status.v != PV_FUNDING_REQUESTED)
						funded += a->funding.v[x].amount.v, f.set = 1;
				f.v = funded;
				row_start(m);
				col(m, a->id.s);
				col(m, T(m, &a->title));
				const char *lead = stakeholder_name(m, a->lead.s);
				col(m, lead ? lead : "");
				col(m, partners.buf);
				timeline_cell(m, a);
				money_cell(m, &a->cost, cur);
				money_cell(m, &f, cur);
				pv_buf_addch(m->o, '\n');
				pv_buf_release(&partners);
			}
		}
	}
}

/* Mermaid task names end at ':' or '#'; keep them plain. */
static void mermaid_name(struct pv_buf *o, const char *s)
{
	for (; *s; s++)
		pv_buf_addch(o, strchr(":#;\n\r", *s) ? ' ' : *s);
}

static void timeline(struct md *m)
{
	heading(m, 2, L(m, "section.timeline"));
	pv_buf_adds(m->o, "```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n");
	struct pv_bar *bars;
	size_t n = pv_report_timeline(m->in, &bars);
	const char *section = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!section || strcmp(section, bars[i].section)) {
			section = bars[i].section;
			pv_buf_adds(m->o, "    section ");
			mermaid_name(m->o, section);
			pv_buf_addch(m->o, '\n');
		}
		const struct pv_date *s = &bars[i].start, *e = &bars[i].end;
		pv_buf_adds(m->o, "    ");
		mermaid_name(m->o, bars[i].label);
		pv_buf_addf(m->o, " :t%zu, %04d-%02d-%02d, %04d-%02d-%02d\n", i + 1, s->year, s->month,
			    s->day, e->year, e->month, e->day);
	}
	free(bars);
	pv_buf_adds(m->o, "```\n");
}

static void budget(struct md *m)
{
	heading(m, 2, L(m, "section.budget"));
	heading(m, 3, L(m, "sub.budget_priority"));
	static const char *const head[] = { "col.priority", "col.cost", "col.committed", "col.pledged",
					    "col.gap", "col.share" };
	table_head(m, head, 6, " rrrrr");
	struct totals t, all;
	double area_cost[PV_AREA_COUNT + 1] = { 0 }, area_com[PV_AREA_COUNT + 1] = { 0 };
	double area_ple[PV_AREA_COUNT + 1] = { 0 };
	memset(&all, 0, sizeof(all));
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		if (!hidden(m, &m->p->priorities.v[i].confidential)) {
			priority_totals(m, &m->p->priorities.v[i], &t);
			all.cost += t.cost;
		}
	}
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		if (hidden(m, &pr->confidential))
			continue;
		priority_totals(m, pr, &t);
		struct pv_num c = { { 0, 0, 0 }, t.cost, 1 }, co = { { 0, 0, 0 }, t.committed, 1 };
		struct pv_num pl = { { 0, 0, 0 }, t.pledged, 1 };
		struct pv_num gap = { { 0, 0, 0 }, t.cost - t.committed - t.pledged, 1 };
		struct pv_buf name = PV_BUF_INIT;
		pv_buf_addf(&name, "%s. %s", pr->id.s ? pr->id.s : "", T(m, &pr->title));
		row_start(m);
		col(m, name.buf);
		money_cell(m, &c, m->cur);
		money_cell(m, &co, m->cur);
		money_cell(m, &pl, m->cur);
		money_cell(m, &gap, m->cur);
		pv_buf_addch(m->o, ' ');
		pv_report_number(m->lang, all.cost > 0 ? 100.0 * t.cost / all.cost : 0, 1, m->o);
		pv_buf_adds(m->o, " % |\n");
		pv_buf_release(&name);
		/* A priority's cost is shared equally between its areas. */
		for (uint32_t j = 0; j < pr->areas.n; j++) {
			area_cost[pr->areas.v[j].v] += t.cost / pr->areas.n;
			area_com[pr->areas.v[j].v] += t.committed / pr->areas.n;
			area_ple[pr->areas.v[j].v] += t.pledged / pr->areas.n;
		}
	}
	heading(m, 3, L(m, "sub.budget_area"));
	static const char *const head2[] = { "col.area", "col.cost", "col.committed", "col.pledged",
					     "col.gap" };
	table_head(m, head2, 5, " rrrr");
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		struct pv_num c = { { 0, 0, 0 }, round(area_cost[a]), 1 };
		struct pv_num co = { { 0, 0, 0 }, round(area_com[a]), 1 };
		struct pv_num pl = { { 0, 0, 0 }, round(area_ple[a]), 1 };
		struct pv_num gap = { { 0, 0, 0 }, round(area_cost[a] - area_com[a] - area_ple[a]), 1 };
		row_start(m);
		col(m, enum_label(m, "area", pv_area_names, a));
		money_cell(m, &c, m->cur);
		money_cell(m, &co, m->cur);
		money_cell(m, &pl, m->cur);
		money_cell(m, &gap, m->cur);
		pv_buf_addch(m->o, '\n');
	}
}

static void need_rows(struct md *m, const pv_need_list *needs)
{
	for (uint32_t i = 0; i < needs->n; i++) {
		const struct pv_need *n = &needs->v[i];
		if (hidden(m, &n->confidential))
			continue;
		struct pv_buf from = PV_BUF_INIT;
		stakeholder_list(m, &n->support_from, &from);
		row_start(m);
		col(m, n->id.s);
		col(m, T(m, &n->need));
		col(m, enum_label(m, "need", pv_need_kind_names, n->kind.v));
		col(m, enum_label(m, "rating", pv_rating_names, n->priority.v));
		col(m, from.buf);
		money_cell(m, &n->cost, m->cur);
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&from);
	}
}

static void capacity(struct md *m)
{
	heading(m, 2, L(m, "section.capacity"));
	static const char *const head[] = { "col.id", "col.need", "col.kind", "col.priority",
					    "col.support_from", "col.cost" };
	table_head(m, head, 6, "     r");
	for (uint32_t i = 0; i < m->p->priorities.n; i++)
		for (uint32_t j = 0; j < m->p->priorities.v[i].objectives.n; j++)
			for (uint32_t k = 0; k < m->p->priorities.v[i].objectives.v[j].actions.n; k++) {
				const struct pv_action *a = &m->p->priorities.v[i].objectives.v[j].actions.v[k];
				if (!hidden(m, &a->confidential))
					need_rows(m, &a->capacity_needs);
			}
	need_rows(m, &m->p->capacity_needs);
}

static void measure(struct md *m, const struct pv_measure *x)
{
	struct pv_buf b = PV_BUF_INIT;
	if (x->value.s) {
		if (x->number.set)
			pv_report_number(m->lang, x->number.v, x->number.v == floor(x->number.v) ? 0 : 2, &b);
		else
			pv_buf_adds(&b, x->value.s);
		if (x->year.set)
			pv_buf_addf(&b, " (%.0f)", x->year.v);
	}
	col(m, b.buf);
	pv_buf_release(&b);
}

static void monitoring(struct md *m)
{
	heading(m, 2, L(m, "section.monitoring"));
	static const char *const head[] = { "col.id", "col.indicator", "col.unit", "col.baseline",
					    "col.target", "col.source", "col.frequency", "col.responsible" };
	table_head(m, head, 8, NULL);
	for (uint32_t i = 0; i < m->p->indicators.n; i++) {
		const struct pv_indicator *ind = &m->p->indicators.v[i];
		if (hidden(m, &ind->confidential))
			continue;
		row_start(m);
		col(m, ind->id.s);
		col(m, T(m, &ind->name));
		col(m, ind->unit.s);
		measure(m, &ind->baseline);
		measure(m, &ind->target);
		col(m, T(m, &ind->source));
		col(m, enum_label(m, "frequency", pv_ind_freq_names, ind->frequency.v));
		const char *r = ind->responsible.s ? stakeholder_name(m, ind->responsible.s) : "";
		col(m, r ? r : "");
		pv_buf_addch(m->o, '\n');
	}
}

static void risks(struct md *m)
{
	heading(m, 2, L(m, "section.risks"));
	static const char *const head[] = { "col.id", "col.risk", "col.likelihood", "col.impact",
					    "col.mitigation", "col.owner" };
	table_head(m, head, 6, NULL);
	for (uint32_t i = 0; i < m->p->risks.n; i++) {
		const struct pv_risk *r = &m->p->risks.v[i];
		if (hidden(m, &r->confidential))
			continue;
		row_start(m);
		col(m, r->id.s);
		col(m, T(m, &r->description));
		col(m, enum_label(m, "rating", pv_rating_names, r->likelihood.v));
		col(m, enum_label(m, "rating", pv_rating_names, r->impact.v));
		col(m, T(m, &r->mitigation));
		const char *o = r->owner.s ? stakeholder_name(m, r->owner.s) : "";
		col(m, o ? o : "");
		pv_buf_addch(m->o, '\n');
	}
}

static void share_cell(struct md *m, const struct pv_num *n)
{
	pv_buf_addch(m->o, ' ');
	if (n->set) {
		pv_report_number(m->lang, 100 * n->v, 0, m->o);
		pv_buf_adds(m->o, " %");
	}
	pv_buf_adds(m->o, " |");
}

static void consultations(struct md *m)
{
	heading(m, 2, L(m, "section.consultations"));
	static const char *const head[] = { "col.date", "col.kind", "col.title", "col.participants",
					    "col.women_share", "col.youth_share" };
	table_head(m, head, 6, "    rr");
	for (uint32_t i = 0; i < m->p->consultations.n; i++) {
		const struct pv_consultation *c = &m->p->consultations.v[i];
		if (hidden(m, &c->confidential))
			continue;
		struct pv_buf d = PV_BUF_INIT, who = PV_BUF_INIT;
		pv_report_date(m->lang, &c->date.d, &d);
		stakeholder_list(m, &c->participants, &who);
		row_start(m);
		col(m, d.buf);
		col(m, enum_label(m, "consultation", pv_consult_kind_names, c->kind.v));
		col(m, T(m, &c->title));
		col(m, who.buf);
		share_cell(m, &c->women_share);
		share_cell(m, &c->youth_share);
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&d);
		pv_buf_release(&who);
	}
}

static void deviations(struct md *m)
{
	heading(m, 2, L(m, "section.deviations"));
	if (!m->p->accepted_deviations.n) {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.none"));
		return;
	}
	static const char *const head[] = { "col.rule", "col.reason", "col.approved_by",
					    "col.expires", "col.scope" };
	table_head(m, head, 5, NULL);
	for (uint32_t i = 0; i < m->p->accepted_deviations.n; i++) {
		const struct pv_deviation *d = &m->p->accepted_deviations.v[i];
		struct pv_buf exp = PV_BUF_INIT, scope = PV_BUF_INIT;
		if (d->expires.d.prec)
			pv_report_date(m->lang, &d->expires.d, &exp);
		for (uint32_t j = 0; j < d->scope.n; j++)
			pv_buf_addf(&scope, "%s%s", j ? ", " : "", d->scope.v[j].s);
		row_start(m);
		col(m, d->rule.s);
		col(m, T(m, &d->reason));
		col(m, d->approved_by.s);
		col(m, d->expires.d.prec ? exp.buf : L(m, "value.no_expiry"));
		col(m, d->scope.n ? scope.buf : L(m, "value.whole_plan"));
		pv_buf_addch(m->o, '\n');
		pv_buf_release(&exp);
		pv_buf_release(&scope);
	}
}

static void findings(struct md *m)
{
	char key[32];
	heading(m, 2, L(m, "section.findings"));
	const struct pv_lang *flang = pv_lang_has_findings(m->lang) ? m->lang : pv_lang_default();
	size_t shown = 0;
	static const char *const head[] = { "col.code", "col.severity", "col.position", "col.message" };
	for (size_t i = 0; i < m->in->diags->nr; i++) {
		const struct pv_diag *g = &m->in->diags->v[i];
		if (g->waiver >= 0)
			continue;
		if (!shown++)
			table_head(m, head, 4, "  r ");
		char *msg = pv_msg_text(&g->msg, flang);
		char line[16];
		snprintf(line, sizeof(line), "%u", g->pos.line);
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		row_start(m);
		col(m, g->code);
		col(m, L(m, key));
		col(m, line);
		col(m, msg);
		pv_buf_addch(m->o, '\n');
		free(msg);
	}
	if (!shown)
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.no_findings"));
}

void pv_report_markdown(const struct pv_report_input *in, struct pv_buf *out)
{
	struct md m = { in, in->plan, in->lang, out,
			in->plan->plan.currency.s ? in->plan->plan.currency.s : "" };
	cover(&m);
	toc(&m);
	summary(&m);
	glance(&m);
	alignment(&m);
	participation(&m);
	context(&m);
	priorities(&m);
	timeline(&m);
	budget(&m);
	capacity(&m);
	monitoring(&m);
	risks(&m);
	consultations(&m);
	deviations(&m);
	findings(&m);
}
