/* The Markdown report: CommonMark with GFM tables and a Mermaid timeline,
 * readable on GitHub and GitLab, and the source of the HTML report. What it
 * shows comes from the report view (pveplan/report_view.h); every plan text
 * in it is written by src/report/report_text.c, so none can change its structure. */
#include "pveplan/report.h"

#include "report_md.h"
#include "pveplan/base.h"
#include "pveplan/check.h"
#include "pveplan/version.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sections ---- */

static void cover_rows(struct md *m)
{
	const struct pv_plan_info *pl = &m->p->plan;
	struct pv_buf b = PV_BUF_INIT, s = PV_BUF_INIT, e = PV_BUF_INIT;
	row_start(m), col(m, L(m, "cover.scope")),
		col(m, L(m, pl->scope.v == PV_SCOPE_REGIONAL ? "scope.regional" : "scope.national")), row_end(m);
	if (pl->country.s) {
		country_name(&b, pl->country.s, m->lang);
		row_start(m), col(m, L(m, "cover.country")), col_md(m, b.buf), row_end(m);
	}
	if (pl->organization.s)
		row_start(m), col(m, L(m, "cover.organization")), col_str(m, pl->organization.s), row_end(m);
	if (pl->member_states.n) {
		pv_buf_reset(&b);
		for (uint32_t i = 0; i < pl->member_states.n; i++) {
			if (i)
				pv_buf_adds(&b, ", ");
			pv_report_md_literal(&b, pl->member_states.v[i].s);
		}
		row_start(m), col(m, L(m, "cover.member_states")), col_md(m, b.buf), row_end(m);
	}
	pv_buf_reset(&b);
	pv_report_date(m->lang, &pl->period.start.d, &s);
	pv_report_date(m->lang, &pl->period.end.d, &e);
	pv_report_fill(m->lang, L(m, "cover.period_value"), &b, "start", s.buf, "end", e.buf, (char *)NULL);
	row_start(m), col(m, L(m, "cover.period")), col(m, b.buf), row_end(m);
	row_start(m), col(m, L(m, "cover.status")),
		col(m, enum_label(m, "status", pv_status_names, pl->status.v)), row_end(m);
	if (pl->version.s)
		row_start(m), col(m, L(m, "cover.version")), col_str(m, pl->version.s), row_end(m);
	if (pl->adopted_on.d.prec) {
		pv_buf_reset(&b);
		pv_report_date(m->lang, &pl->adopted_on.d, &b);
		row_start(m), col(m, L(m, "cover.adopted_on")), col(m, b.buf), row_end(m);
	}
	if (pl->adopted_by.n)
		row_start(m), col(m, L(m, "cover.adopted_by")), col_text(m, T(m, &pl->adopted_by)), row_end(m);
	pv_buf_release(&b);
	pv_buf_release(&s);
	pv_buf_release(&e);
}

static void cover(struct md *m)
{
	const struct pv_plan_info *pl = &m->p->plan;
	pv_buf_adds(m->o, "# ");
	pv_report_md_inline(m->o, T(m, &pl->title), 0);
	pv_buf_addf(m->o, "\n\n**%s**\n\n",
		    L(m, pl->scope.v == PV_SCOPE_REGIONAL ? "cover.kind.regional" : "cover.kind.national"));
	if (m->in->errors) {
		char n[24];
		snprintf(n, sizeof(n), "%zu", m->in->errors);
		pv_buf_adds(m->o, "> **");
		pv_report_fill(m->lang, pv_lang_count_report_label(m->lang, "banner.not_valid", m->in->errors),
			       m->o, "n", n, (char *)NULL);
		pv_buf_adds(m->o, "**\n\n");
	}
	static const char *const head[] = { "col.item", "col.value" };
	table_head(m, head, 2, NULL);
	cover_rows(m);
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
	if (m->p->plan.summary.n)
		pv_report_md_blocks(m->o, T(m, &m->p->plan.summary));
	else
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
}

static void glance(struct md *m)
{
	struct pv_view_totals t;
	pv_view_totals(m->v, &t);
	heading(m, 2, L(m, "section.glance"));
	static const char *const head[] = { "col.item", "col.value" };
	table_head(m, head, 2, " r");
	const struct pv_money *mo = &t.money;
	struct {
		const char *key;
		double v;
		int money;
	} rows[] = {
		{ "glance.priorities", (double)t.priorities, 0 },
		{ "glance.objectives", (double)t.objectives, 0 },
		{ "glance.actions", (double)t.actions, 0 },
		{ "glance.stakeholders", (double)t.stakeholders, 0 },
		{ "glance.indicators", (double)t.indicators, 0 },
		{ "glance.needs", (double)t.needs, 0 },
		{ "glance.total_cost", mo->cost, 1 },
		{ "glance.committed", mo->committed, 1 },
		{ "glance.pledged", mo->pledged, 1 },
		{ "glance.gap", mo->cost - mo->committed - mo->pledged, 1 },
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

/* The ids of the shown priorities whose list `which` holds `value`. */
static void covered_by(struct md *m, int pillars, int value)
{
	struct pv_buf ids = PV_BUF_INIT;
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		const pv_enum_list *l = pillars ? &pr->gcts_pillars : &pr->areas;
		if (pv_view_hides_priority(m->v, pr))
			continue;
		for (uint32_t j = 0; j < l->n; j++)
			if (l->v[j].v == value) {
				if (ids.len)
					pv_buf_adds(&ids, ", ");
				pv_report_md_literal(&ids, pr->id.s ? pr->id.s : "?");
				break;
			}
	}
	if (ids.len)
		col_md(m, ids.buf);
	else
		col(m, L(m, "value.none"));
	pv_buf_release(&ids);
}

static void matrix(struct md *m)
{
	char key[48];
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
		row_end(m);
		pv_buf_release(&rule);
	}
	pv_buf_addch(m->o, '\n');
	for (size_t i = 0; i < m->in->matrix->nscores; i++) {
		const struct pv_score *sc = &m->in->matrix->scores[i];
		char passed[24], applicable[24];
		snprintf(passed, sizeof(passed), "%zu", sc->passed);
		snprintf(applicable, sizeof(applicable), "%zu", sc->passed + sc->failed + sc->waived);
		char doc[64];
		snprintf(doc, sizeof(doc), "doc.%s", sc->document);
		/* Named in English where the language has no rule catalogue. */
		pv_buf_addf(m->o, "- **%s**: ", pv_lang_label(m->lang, doc));
		if (sc->passed + sc->failed + sc->waived)
			pv_report_fill(m->lang, L(m, "value.score"), m->o, "passed", passed, "applicable",
				       applicable, (char *)NULL);
		else
			pv_buf_adds(m->o, L(m, "value.not_scored"));
		pv_buf_addch(m->o, '\n');
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
		row_start(m);
		col(m, enum_label(m, "area", pv_area_names, a));
		covered_by(m, 0, a);
		row_end(m);
	}
	heading(m, 3, L(m, "sub.coverage_pillars"));
	static const char *const h2[] = { "col.pillar", "col.covered_by" };
	table_head(m, h2, 2, NULL);
	for (int pil = 1; pil <= 4; pil++) {
		snprintf(key, sizeof(key), "pillar.%d", pil);
		row_start(m);
		col(m, L(m, key));
		covered_by(m, 1, pil);
		row_end(m);
	}
	matrix(m);
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

static void money_cell(struct md *m, int set, double v, const char *currency)
{
	pv_buf_addch(m->o, ' ');
	if (set) {
		amount(m, v);
		if (currency && *currency) {
			pv_buf_addch(m->o, ' ');
			pv_report_md_literal(m->o, currency);
		}
	}
	pv_buf_adds(m->o, " |");
}

static void action_row(struct md *m, const struct pv_action *a, int kinds)
{
	const char *cur = a->currency.s ? a->currency.s : m->cur;
	struct pv_buf partners = PV_BUF_INIT;
	stakeholder_list(m, &a->partners, &partners);
	double funded = 0;
	int any = 0;
	for (uint32_t x = 0; x < a->funding.n; x++)
		if (a->funding.v[x].amount.set && a->funding.v[x].status.v != PV_FUNDING_REQUESTED)
			funded += a->funding.v[x].amount.v, any = 1;
	row_start(m);
	col_str(m, a->id.s);
	col_text(m, T(m, &a->title));
	if (kinds)
		col(m, enum_label(m, "action_kind", pv_action_kind_names, a->kind.v));
	col_who(m, a->lead.s);
	col_md(m, partners.buf);
	timeline_cell(m, a);
	money_cell(m, a->cost.set, a->cost.v, cur);
	money_cell(m, any, funded, cur);
	row_end(m);
	pv_buf_release(&partners);
}

static void objective_heading(struct md *m, const struct pv_objective *o)
{
	struct pv_buf tmpl = PV_BUF_INIT, id = PV_BUF_INIT, title = PV_BUF_INIT, h = PV_BUF_INIT;
	words(&tmpl, L(m, "sub.objective"));
	pv_report_md_literal(&id, o->id.s ? o->id.s : "");
	pv_report_md_inline(&title, T(m, &o->title), 0);
	pv_report_fill(m->lang, tmpl.buf, &h, "id", id.buf, "title", title.buf, (char *)NULL);
	heading_md(m, 4, h.buf);
	pv_buf_release(&tmpl);
	pv_buf_release(&id);
	pv_buf_release(&title);
	pv_buf_release(&h);
}

static void priorities(struct md *m)
{
	heading(m, 2, L(m, "section.priorities"));
	/* The kind of action has a column when the plan states some. */
	int kinds = pv_view_any_action_kind(m->v);
	const char *head[8];
	size_t nhead = 0;
	head[nhead++] = "col.id", head[nhead++] = "col.action";
	if (kinds)
		head[nhead++] = "col.kind";
	head[nhead++] = "col.lead", head[nhead++] = "col.partners", head[nhead++] = "col.timeline";
	head[nhead++] = "col.cost", head[nhead++] = "col.funding";
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		if (pv_view_hides_priority(m->v, pr))
			continue;
		struct pv_buf h = PV_BUF_INIT;
		priority_name(m, pr, &h);
		heading_md(m, 3, h.buf);
		pv_buf_release(&h);
		for (uint32_t j = 0; j < pr->areas.n; j++)
			pv_buf_addf(m->o, "%s%s", j ? ", " : "_",
				    enum_label(m, "area", pv_area_names, pr->areas.v[j].v));
		if (pr->areas.n)
			pv_buf_adds(m->o, "_\n");
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (pv_view_hides_objective(m->v, pr, o))
				continue;
			objective_heading(m, o);
			if (o->outcome.n) {
				pv_buf_addf(m->o, "**%s:** ", L(m, "sub.outcome"));
				pv_report_md_inline(m->o, T(m, &o->outcome), 0);
				pv_buf_adds(m->o, "\n\n");
			}
			table_head(m, head, nhead, kinds ? "      rr" : "     rr");
			for (uint32_t k = 0; k < o->actions.n; k++)
				if (!pv_view_hides_action(m->v, pr, o, &o->actions.v[k]))
					action_row(m, &o->actions.v[k], kinds);
		}
	}
}

/* Mermaid task names end at ':' or '#', and a line at a line break: keep
 * them plain. The lines are indented, so none can close the fence. */
static void mermaid_name(struct pv_buf *o, const char *s)
{
	struct pv_buf vis = PV_BUF_INIT;
	pv_buf_add_visible(&vis, s, strlen(s));
	for (size_t i = 0; i < vis.len; i++)
		pv_buf_addch(o, strchr(":#;`", vis.buf[i]) ? ' ' : vis.buf[i]);
	pv_buf_release(&vis);
}

static void timeline(struct md *m)
{
	heading(m, 2, L(m, "section.timeline"));
	pv_buf_adds(m->o, "```mermaid\ngantt\n    dateFormat YYYY-MM-DD\n");
	struct pv_bar *bars;
	size_t n = pv_view_timeline(m->v, &bars);
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

static void money_cells(struct md *m, const struct pv_money *mo)
{
	money_cell(m, 1, mo->cost, m->cur);
	money_cell(m, 1, mo->committed, m->cur);
	money_cell(m, 1, mo->pledged, m->cur);
	money_cell(m, 1, mo->cost - mo->committed - mo->pledged, m->cur);
}

static void budget(struct md *m)
{
	heading(m, 2, L(m, "section.budget"));
	heading(m, 3, L(m, "sub.budget_priority"));
	static const char *const head[] = { "col.priority", "col.cost", "col.committed", "col.pledged",
					    "col.gap", "col.share" };
	table_head(m, head, 6, " rrrrr");
	struct pv_view_totals all;
	struct pv_money area[PV_AREA_COUNT + 1];
	memset(area, 0, sizeof(area));
	pv_view_totals(m->v, &all);
	for (uint32_t i = 0; i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		if (pv_view_hides_priority(m->v, pr))
			continue;
		struct pv_money t;
		pv_view_priority_money(m->v, pr, &t);
		struct pv_buf name = PV_BUF_INIT;
		priority_name(m, pr, &name);
		row_start(m);
		col_md(m, name.buf);
		money_cells(m, &t);
		pv_buf_addch(m->o, ' ');
		pv_report_number(m->lang, all.money.cost > 0 ? 100.0 * t.cost / all.money.cost : 0, 1, m->o);
		pv_buf_adds(m->o, " % |\n");
		pv_buf_release(&name);
		/* A priority's cost is shared equally between its areas. */
		for (uint32_t j = 0; j < pr->areas.n; j++) {
			struct pv_money *a = &area[pr->areas.v[j].v];
			a->cost += t.cost / pr->areas.n;
			a->committed += t.committed / pr->areas.n;
			a->pledged += t.pledged / pr->areas.n;
		}
	}
	heading(m, 3, L(m, "sub.budget_area"));
	static const char *const head2[] = { "col.area", "col.cost", "col.committed", "col.pledged",
					     "col.gap" };
	table_head(m, head2, 5, " rrrr");
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		struct pv_money r = { round(area[a].cost), round(area[a].committed), round(area[a].pledged) };
		row_start(m);
		col(m, enum_label(m, "area", pv_area_names, a));
		money_cell(m, 1, r.cost, m->cur);
		money_cell(m, 1, r.committed, m->cur);
		money_cell(m, 1, r.pledged, m->cur);
		money_cell(m, 1, round(area[a].cost - area[a].committed - area[a].pledged), m->cur);
		row_end(m);
	}
}

static void need_rows(struct md *m, const struct pv_action *a, const pv_need_list *needs)
{
	for (uint32_t i = 0; i < needs->n; i++) {
		const struct pv_need *n = &needs->v[i];
		if (pv_view_hides_need(m->v, a, n))
			continue;
		struct pv_buf from = PV_BUF_INIT;
		stakeholder_list(m, &n->support_from, &from);
		row_start(m);
		col_str(m, n->id.s);
		col_text(m, T(m, &n->need));
		col(m, enum_label(m, "need", pv_need_kind_names, n->kind.v));
		col(m, enum_label(m, "rating", pv_rating_names, n->priority.v));
		col_md(m, from.buf);
		money_cell(m, n->cost.set, n->cost.v, m->cur);
		row_end(m);
		pv_buf_release(&from);
	}
}

static void capacity(struct md *m)
{
	heading(m, 2, L(m, "section.capacity"));
	static const char *const head[] = { "col.id", "col.need", "col.kind", "col.priority",
					    "col.support_from", "col.cost" };
	table_head(m, head, 6, "     r");
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(m->v, &it))
		need_rows(m, it.a, &it.a->capacity_needs);
	need_rows(m, NULL, &m->p->capacity_needs);
}

static void measure(struct md *m, const struct pv_measure *x)
{
	struct pv_buf b = PV_BUF_INIT;
	if (x->value.s) {
		if (x->number.set)
			pv_report_number(m->lang, x->number.v, x->number.v == floor(x->number.v) ? 0 : 2, &b);
		else
			pv_report_md_literal(&b, x->value.s);
		if (x->year.set)
			pv_buf_addf(&b, " (%.0f)", x->year.v);
	}
	col_md(m, b.buf);
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
		if (pv_view_hides_indicator(m->v, ind))
			continue;
		row_start(m);
		col_str(m, ind->id.s);
		col_text(m, T(m, &ind->name));
		col_str(m, ind->unit.s);
		measure(m, &ind->baseline);
		measure(m, &ind->target);
		col_text(m, T(m, &ind->source));
		col(m, enum_label(m, "frequency", pv_ind_freq_names, ind->frequency.v));
		col_who(m, ind->responsible.s);
		row_end(m);
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
		if (pv_view_hides_risk(m->v, r))
			continue;
		row_start(m);
		col_str(m, r->id.s);
		col_text(m, T(m, &r->description));
		col(m, enum_label(m, "rating", pv_rating_names, r->likelihood.v));
		col(m, enum_label(m, "rating", pv_rating_names, r->impact.v));
		col_text(m, T(m, &r->mitigation));
		col_who(m, r->owner.s);
		row_end(m);
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
		if (pv_view_hides_consultation(m->v, c))
			continue;
		struct pv_buf d = PV_BUF_INIT, people = PV_BUF_INIT;
		pv_report_date(m->lang, &c->date.d, &d);
		stakeholder_list(m, &c->participants, &people);
		row_start(m);
		col(m, d.buf);
		col(m, enum_label(m, "consultation", pv_consult_kind_names, c->kind.v));
		col_text(m, T(m, &c->title));
		col_md(m, people.buf);
		share_cell(m, &c->women_share);
		share_cell(m, &c->youth_share);
		row_end(m);
		pv_buf_release(&d);
		pv_buf_release(&people);
	}
}

/* "_label_" with {n} filled, when n > 0. */
static void left_out(struct md *m, const char *key, size_t n)
{
	char count[24];
	if (!n)
		return;
	snprintf(count, sizeof(count), "%zu", n);
	pv_buf_adds(m->o, "\n_");
	pv_report_fill(m->lang, L(m, key), m->o, "n", count, (char *)NULL);
	pv_buf_adds(m->o, "_\n");
}

static void deviation_row(struct md *m, const struct pv_deviation *d)
{
	struct pv_buf exp = PV_BUF_INIT, scope = PV_BUF_INIT;
	if (d->expires.d.prec)
		pv_report_date(m->lang, &d->expires.d, &exp);
	for (uint32_t j = 0; j < d->scope.n; j++) {
		if (j)
			pv_buf_adds(&scope, ", ");
		pv_report_md_literal(&scope, d->scope.v[j].s);
	}
	row_start(m);
	col_str(m, d->rule.s);
	col_text(m, T(m, &d->reason));
	col_str(m, d->approved_by.s);
	col(m, d->expires.d.prec ? exp.buf : L(m, "value.no_expiry"));
	if (d->scope.n)
		col_md(m, scope.buf);
	else
		col(m, L(m, "value.whole_plan"));
	row_end(m);
	pv_buf_release(&exp);
	pv_buf_release(&scope);
}

static void deviations(struct md *m)
{
	static const char *const head[] = { "col.rule", "col.reason", "col.approved_by",
					    "col.expires", "col.scope" };
	size_t shown = 0, hidden = 0;
	heading(m, 2, L(m, "section.deviations"));
	for (uint32_t i = 0; i < m->p->accepted_deviations.n; i++) {
		const struct pv_deviation *d = &m->p->accepted_deviations.v[i];
		if (pv_view_hides_deviation(m->v, d)) {
			hidden++;
			continue;
		}
		if (!shown++)
			table_head(m, head, 5, NULL);
		deviation_row(m, d);
	}
	if (!shown)
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.none"));
	left_out(m, "value.hidden_deviations", hidden);
}

static void findings(struct md *m)
{
	char key[32];
	heading(m, 2, L(m, "section.findings"));
	const struct pv_lang *flang = pv_lang_has_findings(m->lang) ? m->lang : pv_lang_default();
	static const char *const head[] = { "col.code", "col.severity", "col.position", "col.message" };
	for (size_t i = 0; i < m->v->nfindings; i++) {
		const struct pv_diag *g = m->v->findings[i];
		if (!i)
			table_head(m, head, 4, "  r ");
		char *msg = pv_msg_text(&g->msg, flang);
		char line[16];
		snprintf(line, sizeof(line), "%u", g->pos.line);
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		row_start(m);
		col_str(m, g->code);
		col(m, L(m, key));
		col(m, line);
		col_str(m, msg);
		row_end(m);
		free(msg);
	}
	if (!m->v->nfindings)
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.no_findings"));
	left_out(m, "value.hidden_findings", m->v->findings_hidden);
}

void pv_report_markdown(const struct pv_report_input *in, struct pv_buf *out)
{
	struct pv_view v;
	pv_view_init(&v, in);
	struct md m = { in, &v, in->plan, in->lang, out,
			in->plan->plan.currency.s ? in->plan->plan.currency.s : "" };
	cover(&m);
	toc(&m);
	summary(&m);
	glance(&m);
	alignment(&m);
	pv_md_participation(&m);
	pv_md_context(&m);
	priorities(&m);
	timeline(&m);
	budget(&m);
	capacity(&m);
	monitoring(&m);
	risks(&m);
	consultations(&m);
	deviations(&m);
	findings(&m);
	pv_view_release(&v);
}
