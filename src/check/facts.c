/* The facts several rules share, computed in one walk over the plan. */
#include "checks.h"

#include "pveplan/base.h"

#include <string.h>

const struct pv_stakeholder *pv_plan_stakeholder(const struct pv_plan *p, const char *id)
{
	const struct pv_iddef *def = id ? pv_plan_find(p, id) : NULL;
	return def && def->kind == PV_KIND_STAKEHOLDER ? def->obj : NULL;
}

struct pv_pos pv_rule_where(const struct pv_rule_ctx *c, struct pv_pos pos)
{
	return pos.line ? pos : c->top;
}

struct walk {
	const struct pv_plan *p;
	struct pv_facts *f;
	struct pv_strmap public_ids, regional_leads;	/* distinct stakeholders */
};

static int sector_of(const struct pv_plan *p, const char *id)
{
	const struct pv_stakeholder *s = pv_plan_stakeholder(p, id);
	return s ? s->sector.v : 0;
}

/* A stakeholder leading or partnering in an action. */
static void involve(struct walk *w, const char *id, int lead)
{
	int sector = sector_of(w->p, id);
	if (pv_sector_group(sector) == PV_SECTOR_GROUP_PUBLIC)
		pv_strmap_put(&w->public_ids, id, (void *)id);
	if (pv_sector_group(sector) == PV_SECTOR_GROUP_SOCIETY)
		w->f->society |= 1u << sector;
	if (sector == PV_SECTOR_VICTIMS)
		w->f->victims_stakeholder = 1;
	if (lead && sector == PV_SECTOR_REGIONAL_BODY)
		pv_strmap_put(&w->regional_leads, id, (void *)id);
}

static void action(const struct pv_action *a, void *arg)
{
	struct walk *w = arg;
	struct pv_facts *f = w->f;
	f->nactions++;
	for (uint32_t i = 0; i < a->target_groups.n; i++)
		f->target_bits |= 1u << a->target_groups.v[i].v;
	if (a->level.v)
		f->level_bits |= 1u << a->level.v;
	if (a->gender_responsive.v == 1)
		f->gender_action = 1;
	if (a->capacity_needs.n)
		f->any_need = 1;
	if (a->lead.s)
		involve(w, a->lead.s, 1);
	for (uint32_t i = 0; i < a->partners.n; i++)
		involve(w, a->partners.v[i].s, 0);
	if (!a->cost.set) {
		if (f->uncosted < PV_ARRAY_SIZE(f->uncosted_ids))
			f->uncosted_ids[f->uncosted] = a->id.s ? a->id.s : "?";
		if (!f->uncosted++)
			f->first_uncosted = a;
		return;
	}
	struct pv_money m;
	if (!pv_action_money(w->p, a, &m))
		return;
	f->costed = 1;
	f->money.cost += m.cost;
	f->money.committed += m.committed;
	f->money.pledged += m.pledged;
}

void pv_facts_compute(const struct pv_plan *p, struct pv_facts *f)
{
	struct walk w = { p, f, PV_STRMAP_INIT, PV_STRMAP_INIT };
	memset(f, 0, sizeof(*f));
	pv_plan_each_action(p, action, &w);
	f->public_sector = w.public_ids.nr;
	f->regional_leads = w.regional_leads.nr;
	pv_strmap_release(&w.public_ids);
	pv_strmap_release(&w.regional_leads);
	if (p->capacity_needs.n)
		f->any_need = 1;
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *k = &p->consultations.v[i];
		for (uint32_t j = 0; j < k->participants.n; j++) {
			int sector = sector_of(p, k->participants.v[j].s);
			if (pv_sector_group(sector) == PV_SECTOR_GROUP_SOCIETY) {
				f->society |= 1u << sector;
				f->society_consulted = 1;
			}
		}
		if (k->kind.v == PV_CONSULT_VALIDATION)
			f->validation = 1;
	}
	for (uint32_t i = 0; i < p->stakeholders.n; i++) {
		f->youth_declared |= p->stakeholders.v[i].sector.v == PV_SECTOR_YOUTH;
		f->women_declared |= p->stakeholders.v[i].sector.v == PV_SECTOR_WOMEN;
	}
	for (uint32_t i = 0; i < p->context.levels.n; i++)
		f->context_levels |= 1u << p->context.levels.v[i].v;
}
