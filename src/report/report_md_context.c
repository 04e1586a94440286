/* The participation and context sections of the Markdown report: who takes
 * part, by sector and, in a regional plan, by member state; the evidence, the
 * drivers and what addresses them, the related strategies, the coordination. */
#include "report_md.h"

#include "pveplan/base.h"

#include <stdio.h>
#include <string.h>

struct sector_use {
	size_t stakeholders, leads, partners, consulted;
};

static int sector(const struct md *m, const char *id)
{
	const struct pv_stakeholder *s = pv_view_stakeholder_def(m->v, id);
	return s ? s->sector.v : 0;
}

/* Stakeholders, leads, partners and consultation participants by sector,
 * over what the report shows. */
static void count_use(const struct md *m, struct sector_use *use)
{
	const struct pv_plan *p = m->p;
	for (uint32_t i = 0; i < p->stakeholders.n; i++)
		if (!pv_view_hides_stakeholder(m->v, &p->stakeholders.v[i]))
			use[p->stakeholders.v[i].sector.v].stakeholders++;
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(m->v, &it)) {
		const struct pv_action *a = it.a;
		use[sector(m, a->lead.s)].leads++;
		for (uint32_t i = 0; i < a->partners.n; i++)
			use[sector(m, a->partners.v[i].s)].partners++;
	}
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *c = &p->consultations.v[i];
		if (pv_view_hides_consultation(m->v, c))
			continue;
		for (uint32_t j = 0; j < c->participants.n; j++)
			use[sector(m, c->participants.v[j].s)].consulted++;
	}
}

/* A regional plan: each member state and the involved stakeholders that
 * belong to it (their `country`). */
static void member_states(struct md *m)
{
	const struct pv_plan *p = m->p;
	heading(m, 3, L(m, "sub.member_states"));
	static const char *const head[] = { "col.member_state", "col.involved" };
	table_head(m, head, 2, NULL);
	struct pv_buf b = PV_BUF_INIT;
	struct pv_strmap involved = PV_STRMAP_INIT;
	pv_view_involved(m->v, &involved);
	for (uint32_t i = 0; i < p->plan.member_states.n; i++) {
		const char *code = p->plan.member_states.v[i].s;
		row_start(m);
		pv_buf_reset(&b);
		country_name(&b, code, m->lang);
		col_md(m, b.buf);
		pv_buf_reset(&b);
		for (uint32_t j = 0; j < p->stakeholders.n; j++) {
			const struct pv_stakeholder *st = &p->stakeholders.v[j];
			if (!st->country.s || strcmp(st->country.s, code) || !st->id.s ||
			    !pv_strmap_get(&involved, st->id.s))
				continue;
			size_t at = b.len;
			if (b.len)
				pv_buf_adds(&b, ", ");
			if (!who(m, st->id.s, &b) && b.len > at)	/* hidden by --redact */
				b.buf[b.len = at] = '\0';
		}
		if (b.len)
			col_md(m, b.buf);
		else
			col(m, L(m, "value.none"));
		row_end(m);
	}
	pv_strmap_release(&involved);
	pv_buf_release(&b);
}

void pv_md_participation(struct md *m)
{
	struct sector_use use[PV_SECTOR_COUNT + 1];
	memset(use, 0, sizeof(use));
	count_use(m, use);
	heading(m, 2, L(m, "section.participation"));
	static const char *const head[] = { "col.sector", "col.stakeholders", "col.leads",
					    "col.partners_count", "col.consulted" };
	/* The groups and their sectors in the order of the one sector list
	 * (include/pveplan/enums.def). */
	for (int g = 1; g <= PV_SECTOR_GROUP_COUNT; g++) {
		char key[48];
		snprintf(key, sizeof(key), "sector_group.%s", pv_sector_group_names[g]);
		heading(m, 3, L(m, key));
		table_head(m, head, 5, " rrrr");
		for (int sector = 1; sector <= PV_SECTOR_COUNT; sector++) {
			if (pv_sector_group(sector) != g)
				continue;
			const struct sector_use *u = &use[sector];
			row_start(m);
			col(m, enum_label(m, "sector", pv_sector_names, sector));
			pv_buf_addf(m->o, " %zu | %zu | %zu | %zu |\n", u->stakeholders, u->leads, u->partners,
				    u->consulted);
		}
	}
	if (m->p->plan.scope.v == PV_SCOPE_REGIONAL && m->p->plan.member_states.n)
		member_states(m);
}

static void id_list_add(struct pv_buf *ids, const char *id)
{
	if (ids->len)
		pv_buf_adds(ids, ", ");
	pv_report_md_literal(ids, id ? id : "?");
}

static int addresses(const pv_str_list *l, const char *id)
{
	for (uint32_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].s, id))
			return 1;
	return 0;
}

/* The cell of the shown priorities and objectives that address driver `id`. */
static void addressed_by(struct md *m, const char *id)
{
	struct pv_buf ids = PV_BUF_INIT;
	for (uint32_t i = 0; id && i < m->p->priorities.n; i++) {
		const struct pv_priority *pr = &m->p->priorities.v[i];
		if (pv_view_hides_priority(m->v, pr))
			continue;
		if (addresses(&pr->addresses, id))
			id_list_add(&ids, pr->id.s);
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (!pv_view_hides_objective(m->v, pr, o) && addresses(&o->addresses, id))
				id_list_add(&ids, o->id.s);
		}
	}
	if (ids.len)
		col_md(m, ids.buf);
	else
		col(m, L(m, "value.none"));
	pv_buf_release(&ids);
}

static void drivers(struct md *m)
{
	const struct pv_context *c = &m->p->context;
	heading(m, 3, L(m, "sub.drivers"));
	if (!c->drivers.n) {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
		return;
	}
	static const char *const head[] = { "col.id", "col.kind", "col.description",
					    "col.addressed_by" };
	table_head(m, head, 4, NULL);
	for (uint32_t i = 0; i < c->drivers.n; i++) {
		const struct pv_driver *d = &c->drivers.v[i];
		if (pv_view_hides_driver(m->v, d))
			continue;
		row_start(m);
		col_str(m, d->id.s);
		col(m, enum_label(m, "driver", pv_driver_kind_names, d->kind.v));
		col_text(m, T(m, &d->description));
		addressed_by(m, d->id.s);
		row_end(m);
	}
}

static void related_strategies(struct md *m)
{
	const struct pv_context *c = &m->p->context;
	heading(m, 3, L(m, "sub.related_strategies"));
	/* An empty list states that there is none; no list states nothing. */
	if (!c->related_strategies.n) {
		pv_buf_addf(m->o, "_%s_\n", L(m, c->related_strategies.pos.line ? "value.no_related"
									  : "value.not_stated"));
		return;
	}
	static const char *const head[] = { "col.strategy", "col.kind", "col.relation" };
	table_head(m, head, 3, NULL);
	for (uint32_t i = 0; i < c->related_strategies.n; i++) {
		const struct pv_strategy *r = &c->related_strategies.v[i];
		row_start(m);
		col_text(m, T(m, &r->title));
		col(m, enum_label(m, "strategy", pv_strategy_kind_names, r->kind.v));
		col_text(m, T(m, &r->relation));
		row_end(m);
	}
}

void pv_md_context(struct md *m)
{
	const struct pv_context *c = &m->p->context;
	heading(m, 2, L(m, "section.context"));
	heading(m, 3, L(m, "sub.evidence"));
	if (c->assessment.n)
		pv_report_md_blocks(m->o, T(m, &c->assessment));
	for (uint32_t i = 0; i < c->sources.n; i++) {
		pv_buf_adds(m->o, "\n- ");
		pv_report_md_inline(m->o, T(m, &c->sources.v[i]), 0);
	}
	if (c->sources.n)
		pv_buf_addch(m->o, '\n');
	if (!c->assessment.n && !c->sources.n)
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	drivers(m);
	related_strategies(m);
	heading(m, 3, L(m, "sub.coordination"));
	const struct pv_coordination *co = &m->p->coordination;
	struct pv_buf body = PV_BUF_INIT;
	if (co->body.s && who(m, co->body.s, &body)) {
		pv_buf_addf(m->o, "**%s**", body.buf);
		if (co->mandate.n) {
			pv_buf_adds(m->o, ": ");
			pv_report_md_inline(m->o, T(m, &co->mandate), 0);
		}
		pv_buf_addch(m->o, '\n');
	} else {
		pv_buf_addf(m->o, "_%s_\n", L(m, "value.not_stated"));
	}
	pv_buf_release(&body);
}
