/* PVE101-PVE124: alignment with the Reference Guide and the resolutions.
 * The text of every finding is in the catalogue (src/catalogue/); a check
 * only decides where a finding goes and fills the placeholders. */
#include "pveplan/pve.h"

#include "pveplan/alloc.h"
#include "pveplan/msg.h"
#include "pveplan/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ctx {
	const struct pv_plan *p;
	struct pv_diags *d;
	const struct pv_thresholds *t;
	enum pv_status stage;
	struct pv_pos top;	/* where plan-wide findings go */
	/* gathered in one walk over the actions */
	size_t nactions, uncosted;
	const struct pv_action *first_uncosted;
	const char *uncosted_ids[5];
	unsigned target_bits, level_bits;
	int gender_action;
	double cost, committed, pledged;
	int costed;
};

static struct pv_pos or_top(const struct ctx *c, struct pv_pos pos)
{
	return pos.line ? pos : c->top;
}

static const struct pv_stakeholder *stakeholder(const struct pv_plan *p, const char *id)
{
	const struct pv_iddef *def = id ? pv_plan_find(p, id) : NULL;
	return def && def->kind == PV_KIND_STAKEHOLDER ? def->obj : NULL;
}

static int sector_of(const struct pv_plan *p, const char *id)
{
	const struct pv_stakeholder *s = stakeholder(p, id);
	return s ? s->sector.v : 0;
}

static int is_public(int sector)
{
	return sector == PV_SECTOR_GOVERNMENT || sector == PV_SECTOR_LOCAL_GOVERNMENT ||
	       sector == PV_SECTOR_SECURITY || sector == PV_SECTOR_JUDICIARY ||
	       sector == PV_SECTOR_PARLIAMENT;
}

static int is_society(int sector)
{
	return sector == PV_SECTOR_CIVIL_SOCIETY || sector == PV_SECTOR_YOUTH ||
	       sector == PV_SECTOR_WOMEN || sector == PV_SECTOR_RELIGIOUS ||
	       sector == PV_SECTOR_TRADITIONAL || sector == PV_SECTOR_ACADEMIA ||
	       sector == PV_SECTOR_MEDIA || sector == PV_SECTOR_PRIVATE_SECTOR ||
	       sector == PV_SECTOR_VICTIMS;
}

static void gather_action(const struct pv_action *a, void *arg)
{
	struct ctx *c = arg;
	c->nactions++;
	for (uint32_t i = 0; i < a->target_groups.n; i++)
		c->target_bits |= 1u << a->target_groups.v[i].v;
	if (a->level.v)
		c->level_bits |= 1u << a->level.v;
	if (a->gender_responsive.v == 1)
		c->gender_action = 1;
	if (!a->cost.set) {
		if (c->uncosted < PV_ARRAY_SIZE(c->uncosted_ids))
			c->uncosted_ids[c->uncosted] = a->id.s ? a->id.s : "?";
		if (!c->uncosted++)
			c->first_uncosted = a;
		return;
	}
	struct pv_money m;
	if (!pv_action_money(c->p, a, &m))
		return;
	c->costed = 1;
	c->cost += m.cost;
	c->committed += m.committed;
	c->pledged += m.pledged;
}

/* PVE101 */
static void areas(struct ctx *c)
{
	static const struct pv_arg labels[PV_AREA_COUNT] = { PV_L_INIT("area.dialogue"),
		PV_L_INIT("area.governance"), PV_L_INIT("area.communities"), PV_L_INIT("area.youth"),
		PV_L_INIT("area.gender"), PV_L_INIT("area.education"),
		PV_L_INIT("area.communications") };
	unsigned covered = 0;
	for (uint32_t i = 0; i < c->p->priorities.n; i++)
		for (uint32_t j = 0; j < c->p->priorities.v[i].areas.n; j++)
			covered |= 1u << c->p->priorities.v[i].areas.v[j].v;
	for (int a = 1; a <= PV_AREA_COUNT; a++)
		if (!(covered & (1u << a)))
			pv_diag_rule(c->d, "PVE101", "message", or_top(c, c->p->priorities.pos), NULL,
				     "area", labels[a - 1], "key", pv_area_names[a]);
}

/* PVE102 */
static void empty_parts(struct ctx *c)
{
	for (uint32_t i = 0; i < c->p->priorities.n; i++) {
		const struct pv_priority *pr = &c->p->priorities.v[i];
		if (!pr->objectives.n && pr->id.s)
			pv_diag_rule(c->d, "PVE102", "message", pr->id.pos, pr->id.s,
				     "kind", PV_L("kind.priority"), "id", pr->id.s);
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (!o->actions.n && o->id.s)
				pv_diag_rule(c->d, "PVE102", "message", o->id.pos, o->id.s,
					     "kind", PV_L("kind.objective"), "id", o->id.s);
		}
	}
}

/* PVE103, PVE104, PVE112 */
static void context(struct ctx *c)
{
	const struct pv_context *x = &c->p->context;
	if (!x->drivers.n)
		pv_diag_rule(c->d, "PVE103", "message",
			     or_top(c, x->drivers.pos.line ? x->drivers.pos : x->pos), NULL);
	if (!x->assessment.n && !x->sources.n)
		pv_diag_rule(c->d, "PVE104", "message", or_top(c, x->pos), NULL);
	if (!c->p->coordination.body.s)
		pv_diag_rule(c->d, "PVE112", "message", or_top(c, c->p->coordination.pos), NULL);
}

struct involvement {
	const struct pv_plan *p;
	struct pv_strmap public_ids;	/* public-sector stakeholders in actions */
	unsigned society;		/* bits of non-governmental sectors */
	struct pv_strmap regional_leads;
	int victims_stakeholder;
};

static void involve(struct involvement *v, const char *id, int lead)
{
	int sector = sector_of(v->p, id);
	if (is_public(sector))
		pv_strmap_put(&v->public_ids, id, (void *)id);
	if (is_society(sector))
		v->society |= 1u << sector;
	if (sector == PV_SECTOR_VICTIMS)
		v->victims_stakeholder = 1;
	if (lead && sector == PV_SECTOR_REGIONAL_BODY)
		pv_strmap_put(&v->regional_leads, id, (void *)id);
}

static void involve_action(const struct pv_action *a, void *arg)
{
	struct involvement *v = arg;
	if (a->lead.s)
		involve(v, a->lead.s, 1);
	for (uint32_t i = 0; i < a->partners.n; i++)
		involve(v, a->partners.v[i].s, 0);
}

/* PVE105, PVE106, PVE107, PVE108, PVE109, PVE120, PVE124 */
static void participation(struct ctx *c)
{
	const struct pv_plan *p = c->p;
	struct involvement v;
	memset(&v, 0, sizeof(v));
	v.p = p;
	pv_plan_each_action(p, involve_action, &v);
	int ngo_consulted = 0, validation = 0;
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *k = &p->consultations.v[i];
		for (uint32_t j = 0; j < k->participants.n; j++) {
			int sector = sector_of(p, k->participants.v[j].s);
			if (is_society(sector)) {
				v.society |= 1u << sector;
				ngo_consulted = 1;
			}
		}
		if (k->kind.v == PV_CONSULT_VALIDATION)
			validation = 1;
	}
	struct pv_pos where = or_top(c, p->stakeholders.pos);
	if (v.public_ids.nr < c->t->public_sector) {
		pv_diag_rule(c->d, "PVE105", "message", where, NULL, "count", v.public_ids.nr,
			     "min", c->t->public_sector);
	}
	size_t nsoc = 0;
	struct pv_arg names[32];
	char labels[32][40];
	for (int s = 1; pv_sector_names[s] && nsoc < PV_ARRAY_SIZE(names); s++)
		if (v.society & (1u << s)) {
			snprintf(labels[nsoc], sizeof(labels[nsoc]), "sector.%s", pv_sector_names[s]);
			names[nsoc] = PV_L(labels[nsoc]);
			nsoc++;
		}
	if (nsoc < c->t->society_sectors) {
		const struct pv_arg none = PV_L("none");
		pv_diag_rule(c->d, "PVE106", "message", where, NULL, "count", nsoc, "sectors",
			     pv_msg_list(nsoc ? names : &none, nsoc ? nsoc : 1),
			     "min", c->t->society_sectors);
	}
	struct pv_pos cpos = or_top(c, p->consultations.pos);
	if (!p->consultations.n)
		pv_diag_rule(c->d, "PVE107", "message", cpos, NULL);
	else if (!ngo_consulted)
		pv_diag_rule(c->d, "PVE107", "variants.no_ngo", cpos, NULL);
	if ((c->stage == PV_STATUS_VALIDATED || c->stage == PV_STATUS_ADOPTED) && !validation) {
		struct pv_diag *g = pv_diag_rule(c->d, "PVE107", "variants.no_validation",
			or_top(c, p->plan.status.pos), NULL, "status",
			c->stage == PV_STATUS_ADOPTED ? PV_L("status_word.adopted")
						      : PV_L("status_word.validated"));
		pv_diag_raise(g, PV_SEV_ERROR);
	}
	int youth_sh = 0, women_sh = 0;
	for (uint32_t i = 0; i < p->stakeholders.n; i++) {
		youth_sh |= p->stakeholders.v[i].sector.v == PV_SECTOR_YOUTH;
		women_sh |= p->stakeholders.v[i].sector.v == PV_SECTOR_WOMEN;
	}
	if (!youth_sh && !(c->target_bits & (1u << PV_TARGET_YOUTH)))
		pv_diag_rule(c->d, "PVE108", "message", where, NULL);
	if (!women_sh)
		pv_diag_rule(c->d, "PVE109", "variants.no_women_org", where, NULL);
	if (c->nactions && !c->gender_action)
		pv_diag_rule(c->d, "PVE109", "variants.no_gender_action",
			     or_top(c, p->priorities.pos), NULL);
	if (p->plan.scope.v == PV_SCOPE_REGIONAL) {
		if (v.regional_leads.nr < c->t->regional_bodies) {
			pv_diag_rule(c->d, "PVE120", "message", where, NULL, "count",
				     v.regional_leads.nr, "min", c->t->regional_bodies);
		}
	} else {
		pv_diags_not_applicable(c->d, "PVE120");
	}
	if (!(c->target_bits & (1u << PV_TARGET_VICTIMS)) && !v.victims_stakeholder)
		pv_diag_rule(c->d, "PVE124", "message", or_top(c, p->priorities.pos), NULL);
	pv_strmap_release(&v.public_ids);
	pv_strmap_release(&v.regional_leads);
}

/* PVE110, PVE111 */
static void safeguards(const struct pv_action *a, void *arg)
{
	struct ctx *c = arg;
	if (a->human_rights.n || !a->id.s)
		return;
	const struct pv_stakeholder *lead = stakeholder(c->p, a->lead.s);
	if (lead && (lead->sector.v == PV_SECTOR_SECURITY || lead->sector.v == PV_SECTOR_JUDICIARY)) {
		pv_diag_rule(c->d, "PVE111", "variants.led_by", a->id.pos, a->id.s, "id", a->id.s,
			     "sector", lead->sector.v == PV_SECTOR_SECURITY ? PV_L("sector.security")
									    : PV_L("sector.judiciary"),
			     "lead", a->lead.s);
		return;
	}
	for (uint32_t i = 0; i < a->target_groups.n; i++) {
		int t = a->target_groups.v[i].v;
		if (t == PV_TARGET_CHILDREN || t == PV_TARGET_DETAINEES) {
			pv_diag_rule(c->d, "PVE111", "variants.targets", a->id.pos, a->id.s,
				     "id", a->id.s, "group",
				     t == PV_TARGET_CHILDREN ? PV_L("target.children")
							     : PV_L("target.detainees"));
			return;
		}
	}
	pv_diag_rule(c->d, "PVE110", "message", a->id.pos, a->id.s, "id", a->id.s);
}

/* PVE113, PVE114 */
static void monitoring(struct ctx *c)
{
	const struct pv_plan *p = c->p;
	for (uint32_t i = 0; i < p->priorities.n; i++)
		for (uint32_t j = 0; j < p->priorities.v[i].objectives.n; j++) {
			const struct pv_objective *o = &p->priorities.v[i].objectives.v[j];
			if (!o->indicators.n && o->id.s)
				pv_diag_rule(c->d, "PVE113", "variants.objective", o->id.pos, o->id.s,
					     "id", o->id.s);
		}
	for (uint32_t i = 0; i < p->indicators.n; i++) {
		const struct pv_indicator *ind = &p->indicators.v[i];
		struct pv_arg missing[3];
		size_t n = 0;
		if (!ind->baseline.value.s)
			missing[n++] = PV_L("missing.baseline");
		if (!ind->target.value.s)
			missing[n++] = PV_L("missing.target");
		if (!ind->source.n)
			missing[n++] = PV_L("missing.source");
		if (n && ind->id.s) {
			pv_diag_rule(c->d, "PVE113", "variants.indicator", ind->id.pos, ind->id.s,
				     "id", ind->id.s, "missing", pv_msg_list(missing, n));
		}
	}
	const struct pv_monitoring *m = &p->monitoring;
	struct pv_arg missing[3];
	size_t n = 0;
	int review = 0;
	for (uint32_t i = 0; i < m->reviews.n; i++)
		review |= m->reviews.v[i].kind.v == PV_REVIEW_MIDTERM ||
			  m->reviews.v[i].kind.v == PV_REVIEW_FINAL;
	if (!m->responsible.s)
		missing[n++] = PV_L("missing.responsible");
	if (!m->reporting.v)
		missing[n++] = PV_L("missing.reporting");
	if (!review)
		missing[n++] = PV_L("missing.review");
	if (n) {
		pv_diag_rule(c->d, "PVE114", "message", or_top(c, m->pos), NULL, "missing",
			     pv_msg_list(missing, n));
	}
}

/* PVE115, PVE116 */
static void costs(struct ctx *c)
{
	if (c->uncosted) {
		struct pv_buf ids = PV_BUF_INIT;
		size_t shown = c->uncosted < PV_ARRAY_SIZE(c->uncosted_ids)
				       ? c->uncosted : PV_ARRAY_SIZE(c->uncosted_ids);
		for (size_t i = 0; i < shown; i++)
			pv_buf_addf(&ids, "%s%s", i ? ", " : "", c->uncosted_ids[i]);
		if (c->uncosted > shown)
			pv_buf_adds(&ids, ", ...");
		pv_diag_rule(c->d, "PVE115", "message", c->first_uncosted->id.pos, NULL,
			     "count", c->uncosted, "total", c->nactions, "ids", ids.buf);
		pv_buf_release(&ids);
	}
	if (!c->costed) {
		pv_diags_not_applicable(c->d, "PVE116");
		return;
	}
	const char *cur = c->p->plan.currency.s;
	pv_diag_rule(c->d, "PVE116", "message", or_top(c, c->p->plan.currency.pos), NULL,
		     "cost", pv_msg_amount(c->cost, cur),
		     "committed", pv_msg_amount(c->committed, cur),
		     "pledged", pv_msg_amount(c->pledged, cur),
		     "gap", pv_msg_amount(c->cost - c->committed - c->pledged, cur));
}

static void need_support(struct ctx *c, const pv_need_list *needs, int *any)
{
	for (uint32_t i = 0; i < needs->n; i++) {
		const struct pv_need *n = &needs->v[i];
		*any = 1;
		if (n->priority.v == PV_RATING_HIGH && !n->support_from.n && n->id.s)
			pv_diag_rule(c->d, "PVE117", "variants.no_support", n->id.pos, n->id.s,
				     "id", n->id.s);
	}
}

struct needs_walk {
	struct ctx *c;
	int any;
};

static void action_needs(const struct pv_action *a, void *arg)
{
	struct needs_walk *w = arg;
	need_support(w->c, &a->capacity_needs, &w->any);
}

/* PVE117, PVE118, PVE119, PVE121, PVE122, PVE123 */
static void plan_wide(struct ctx *c)
{
	const struct pv_plan *p = c->p;
	struct needs_walk w = { c, 0 };
	pv_plan_each_action(p, action_needs, &w);
	need_support(c, &p->capacity_needs, &w.any);
	if (!w.any)
		pv_diag_rule(c->d, "PVE117", "message", or_top(c, p->capacity_needs.pos), NULL);

	unsigned ctx_levels = 0;
	for (uint32_t i = 0; i < p->context.levels.n; i++)
		ctx_levels |= 1u << p->context.levels.v[i].v;
	unsigned local = (1u << PV_LEVEL_SUBNATIONAL) | (1u << PV_LEVEL_LOCAL);
	if (!c->nactions)
		pv_diags_not_applicable(c->d, "PVE118");
	else if (!(c->level_bits & local) && !(ctx_levels & local))
		pv_diag_rule(c->d, "PVE118", "message",
			     or_top(c, p->context.levels.pos.line ? p->context.levels.pos
								  : p->context.pos), NULL);

	if (p->context.conflict_affected.v != 1)
		pv_diags_not_applicable(c->d, "PVE119");
	else if (!(c->target_bits & ((1u << PV_TARGET_FORMER_COMBATANTS) |
				      (1u << PV_TARGET_RETURNEES))))
		pv_diag_rule(c->d, "PVE119", "message", p->context.conflict_affected.pos, NULL);

	static const char *const symbols[] = { "A/RES/70/291", "A/70/674" };
	struct pv_arg missing[2];
	size_t n = 0;
	for (size_t i = 0; i < PV_ARRAY_SIZE(symbols); i++) {
		int found = 0;
		for (uint32_t j = 0; j < p->plan.references.n && !found; j++)
			found = strstr(p->plan.references.v[j].s, symbols[i]) != NULL;
		if (!found)
			missing[n++] = pv_arg_text(symbols[i]);
	}
	if (n) {
		pv_diag_rule(c->d, "PVE121", "message",
			     or_top(c, p->plan.references.pos.line ? p->plan.references.pos
								   : p->plan.pos), NULL,
			     "missing", pv_msg_list(missing, n));
	}

	if (c->stage != PV_STATUS_ADOPTED)
		pv_diags_not_applicable(c->d, "PVE122");
	else if (!p->plan.adopted_by.n)
		pv_diag_rule(c->d, "PVE122", "message", or_top(c, p->plan.status.pos), NULL);

	if (!p->risks.n)
		pv_diag_rule(c->d, "PVE123", "message", or_top(c, p->risks.pos), NULL);
	for (uint32_t i = 0; i < p->risks.n; i++) {
		const struct pv_risk *r = &p->risks.v[i];
		if (r->impact.v == PV_RATING_HIGH && !r->mitigation.n && r->id.s)
			pv_diag_rule(c->d, "PVE123", "variants.no_mitigation", r->id.pos, r->id.s,
				     "id", r->id.s);
	}
}

void pv_check_pve(const struct pv_plan *p, enum pv_status stage,
		  const struct pv_thresholds *t, struct pv_diags *d)
{
	struct ctx c;
	memset(&c, 0, sizeof(c));
	c.p = p;
	c.d = d;
	c.t = t;
	c.stage = stage;
	c.top = p->plan.pos.line ? p->plan.pos : (struct pv_pos){ 1, 1, 1 };
	pv_plan_each_action(p, gather_action, &c);
	areas(&c);
	empty_parts(&c);
	context(&c);
	participation(&c);
	pv_plan_each_action(p, safeguards, &c);
	monitoring(&c);
	costs(&c);
	plan_wide(&c);
}
