/* The facts several rules share, computed in one walk over the plan. */
#include "checks.h"

#include "pveplan/base.h"

#include <stdlib.h>
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

int pv_facts_sector_of(const struct pv_plan *p, const char *id)
{
	const struct pv_stakeholder *s = pv_plan_stakeholder(p, id);
	return s ? s->sector.v : 0;
}

/* The index of the stakeholder `id` names in p->stakeholders, or -1. */
static long stakeholder_index(const struct pv_plan *p, const char *id)
{
	const struct pv_stakeholder *s = pv_plan_stakeholder(p, id);
	if (!s || s < p->stakeholders.v || s >= p->stakeholders.v + p->stakeholders.n)
		return -1;
	return (long)(s - p->stakeholders.v);
}

static void mark(const struct pv_plan *p, struct pv_facts *f, const char *id, unsigned role)
{
	long i = stakeholder_index(p, id);
	if (i >= 0)
		f->roles[i] |= (unsigned char)role;
}

struct walk {
	const struct pv_plan *p;
	struct pv_facts *f;
};

static void action_money(struct walk *w, const struct pv_action *a, int security)
{
	struct pv_facts *f = w->f;
	if (!a->cost.set && a->cost.invalid)
		return;		/* not uncosted: its cost is refused (FMT004) */
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
	if (security)
		f->security_cost += m.cost;
}

/* Whether the sector of the lead of `a` is unknown because a value was
 * refused: the lead itself (misspelt key or refused value), or its sector. */
static int lead_unknown(const struct pv_plan *p, const struct pv_action *a)
{
	const struct pv_stakeholder *s = a->lead.s ? pv_plan_stakeholder(p, a->lead.s) : NULL;
	if (!a->lead.s)
		return a->lead.invalid;
	return s && !s->sector.v && s->sector.invalid;
}

static void action(const struct pv_action *a, void *arg)
{
	struct walk *w = arg;
	struct pv_facts *f = w->f;
	int lead = pv_facts_sector_of(w->p, a->lead.s);
	f->nactions++;
	for (uint32_t i = 0; i < a->target_groups.n; i++)
		f->target_bits |= 1u << a->target_groups.v[i].v;
	if (a->level.v)
		f->level_bits |= 1u << a->level.v;
	f->level_refused |= a->level.invalid;
	if (lead_unknown(w->p, a))
		f->lead_unknown = 1;
	if (!a->lead.s && a->lead.invalid)
		f->sector_unknown++;	/* someone leads it, of a sector unknown */
	if (a->kind.v)
		f->kind_bits |= 1u << a->kind.v;
	if (a->gender_responsive.v == 1)
		f->gender_action = 1;
	if (a->capacity_needs.n)
		f->any_need = 1;
	if (lead == PV_SECTOR_SECURITY)
		f->security_led++;
	if (pv_sector_group(lead) == PV_SECTOR_GROUP_SOCIETY)
		f->society_lead = 1;
	if (pv_sector_group(lead) == PV_SECTOR_GROUP_PUBLIC && lead != PV_SECTOR_SECURITY &&
	    lead != PV_SECTOR_JUDICIARY)
		f->civil_public_lead = 1;
	if (a->lead.s)
		mark(w->p, f, a->lead.s, PV_ROLE_LEAD);
	for (uint32_t i = 0; i < a->partners.n; i++)
		mark(w->p, f, a->partners.v[i].s, PV_ROLE_PARTNER);
	action_money(w, a, lead == PV_SECTOR_SECURITY);
}

static void consultations(const struct pv_plan *p, struct pv_facts *f)
{
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *k = &p->consultations.v[i];
		for (uint32_t j = 0; j < k->participants.n; j++) {
			int sector = pv_facts_sector_of(p, k->participants.v[j].s);
			mark(p, f, k->participants.v[j].s, PV_ROLE_CONSULTED);
			if (pv_sector_group(sector) == PV_SECTOR_GROUP_SOCIETY)
				f->society_consulted = 1;
		}
		if (k->kind.v == PV_CONSULT_VALIDATION)
			f->validation = 1;
	}
}

/* Counts what the involved stakeholders are, once each. */
static void involvement(const struct pv_plan *p, struct pv_facts *f)
{
	for (uint32_t i = 0; i < p->stakeholders.n; i++) {
		const struct pv_stakeholder *s = &p->stakeholders.v[i];
		int sector = s->sector.v;
		if (s->country.s)
			f->any_country = 1;
		if (sector == PV_SECTOR_VICTIMS && (f->roles[i] & (PV_ROLE_LEAD | PV_ROLE_PARTNER)))
			f->victims_stakeholder = 1;
		if (!(f->roles[i] & PV_ROLE_INVOLVED))
			continue;
		if (!sector && s->sector.invalid)
			f->sector_unknown++;
		if (pv_sector_group(sector) == PV_SECTOR_GROUP_PUBLIC)
			f->public_sector++;
		if (pv_sector_group(sector) == PV_SECTOR_GROUP_SOCIETY)
			f->society |= 1u << sector;
		if (sector == PV_SECTOR_REGIONAL_BODY)
			f->regional_bodies++;
		f->youth_involved |= sector == PV_SECTOR_YOUTH;
		f->women_involved |= sector == PV_SECTOR_WOMEN;
		f->oversight_involved |= sector == PV_SECTOR_OVERSIGHT;
		f->parliament_involved |= sector == PV_SECTOR_PARLIAMENT;
	}
	/* PVE130 counts the body that monitors the plan as well. */
	if (pv_facts_sector_of(p, p->monitoring.responsible.s) == PV_SECTOR_OVERSIGHT)
		f->oversight_involved = 1;
}

void pv_facts_compute(const struct pv_plan *p, struct pv_facts *f)
{
	struct walk w = { p, f };
	memset(f, 0, sizeof(*f));
	f->roles = xcalloc(p->stakeholders.n ? p->stakeholders.n : 1, 1);
	pv_plan_each_action(p, action, &w);
	if (p->capacity_needs.n)
		f->any_need = 1;
	consultations(p, f);
	if (p->coordination.body.s)
		mark(p, f, p->coordination.body.s, PV_ROLE_COORDINATION);
	involvement(p, f);
	for (uint32_t i = 0; i < p->context.levels.n; i++)
		f->context_levels |= 1u << p->context.levels.v[i].v;
}

void pv_facts_release(struct pv_facts *f)
{
	free(f->roles);
	f->roles = NULL;
}

int pv_facts_involved(const struct pv_plan *p, const struct pv_facts *f,
		      const struct pv_stakeholder *s)
{
	if (s < p->stakeholders.v || s >= p->stakeholders.v + p->stakeholders.n)
		return 0;
	return (f->roles[s - p->stakeholders.v] & PV_ROLE_INVOLVED) != 0;
}
