/*
 * PVE101-PVE124: alignment with the Reference Guide and the resolutions,
 * one function per rule (the table is src/check/rules.c). The text of every
 * finding is in the catalogue (src/catalogue/); a check only decides where
 * a finding goes and fills the placeholders.
 */
#include "checks.h"

#include "pveplan/base.h"

#include <stdio.h>
#include <string.h>


void pv_check_PVE101(const struct pv_rule_ctx *c)
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
			pv_diag_rule(c->d, "PVE101", "message", pv_rule_where(c, c->p->priorities.pos), NULL,
				     "area", labels[a - 1], "key", pv_area_names[a]);
}

void pv_check_PVE102(const struct pv_rule_ctx *c)
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

void pv_check_PVE103(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	if (!x->drivers.n)
		pv_diag_rule(c->d, "PVE103", "message",
			     pv_rule_where(c, x->drivers.pos.line ? x->drivers.pos : x->pos), NULL);
}

void pv_check_PVE104(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	if (!x->assessment.n && !x->sources.n)
		pv_diag_rule(c->d, "PVE104", "message", pv_rule_where(c, x->pos), NULL);
}

/* Participation findings go at the stakeholders. */
static struct pv_pos at_stakeholders(const struct pv_rule_ctx *c)
{
	return pv_rule_where(c, c->p->stakeholders.pos);
}

void pv_check_PVE105(const struct pv_rule_ctx *c)
{
	if (c->f->public_sector < c->t->public_sector)
		pv_diag_rule(c->d, "PVE105", "message", at_stakeholders(c), NULL, "count",
			     c->f->public_sector, "min", c->t->public_sector);
}

void pv_check_PVE106(const struct pv_rule_ctx *c)
{
	size_t nsoc = 0;
	struct pv_arg names[PV_SECTOR_COUNT];
	char labels[PV_SECTOR_COUNT][40];
	for (int s = 1; s <= PV_SECTOR_COUNT; s++)
		if (c->f->society & (1u << s)) {
			snprintf(labels[nsoc], sizeof(labels[nsoc]), "sector.%s", pv_sector_names[s]);
			names[nsoc] = PV_L(labels[nsoc]);
			nsoc++;
		}
	if (nsoc >= c->t->society_sectors)
		return;
	const struct pv_arg none = PV_L("none");
	pv_diag_rule(c->d, "PVE106", "message", at_stakeholders(c), NULL, "count", nsoc, "sectors",
		     pv_msg_list(nsoc ? names : &none, nsoc ? nsoc : 1),
		     "min", c->t->society_sectors);
}

void pv_check_PVE107(const struct pv_rule_ctx *c)
{
	const struct pv_plan *p = c->p;
	struct pv_pos cpos = pv_rule_where(c, p->consultations.pos);
	if (!p->consultations.n)
		pv_diag_rule(c->d, "PVE107", "message", cpos, NULL);
	else if (!c->f->society_consulted)
		pv_diag_rule(c->d, "PVE107", "variants.no_ngo", cpos, NULL);
	if ((c->stage == PV_STATUS_VALIDATED || c->stage == PV_STATUS_ADOPTED) && !c->f->validation) {
		struct pv_diag *g = pv_diag_rule(c->d, "PVE107", "variants.no_validation",
			pv_rule_where(c, p->plan.status.pos), NULL, "status",
			c->stage == PV_STATUS_ADOPTED ? PV_L("status_word.adopted")
						      : PV_L("status_word.validated"));
		pv_diag_raise(g, PV_SEV_ERROR);
	}
}

void pv_check_PVE108(const struct pv_rule_ctx *c)
{
	if (!c->f->youth_declared && !(c->f->target_bits & (1u << PV_TARGET_YOUTH)))
		pv_diag_rule(c->d, "PVE108", "message", at_stakeholders(c), NULL);
}

void pv_check_PVE109(const struct pv_rule_ctx *c)
{
	if (!c->f->women_declared)
		pv_diag_rule(c->d, "PVE109", "variants.no_women_org", at_stakeholders(c), NULL);
	if (c->f->nactions && !c->f->gender_action)
		pv_diag_rule(c->d, "PVE109", "variants.no_gender_action",
			     pv_rule_where(c, c->p->priorities.pos), NULL);
}

/* PVE111 covers the actions that touch rights most (led by the security
 * sector or the judiciary, or aimed at children or detainees); PVE110 the
 * other actions without safeguards. */
static int pve111_variant(const struct pv_rule_ctx *c, const struct pv_action *a, int fire)
{
	const struct pv_stakeholder *lead = pv_plan_stakeholder(c->p, a->lead.s);
	if (lead && (lead->sector.v == PV_SECTOR_SECURITY || lead->sector.v == PV_SECTOR_JUDICIARY)) {
		if (fire)
			pv_diag_rule(c->d, "PVE111", "variants.led_by", a->id.pos, a->id.s, "id",
				     a->id.s, "sector",
				     lead->sector.v == PV_SECTOR_SECURITY ? PV_L("sector.security")
									  : PV_L("sector.judiciary"),
				     "lead", a->lead.s);
		return 1;
	}
	for (uint32_t i = 0; i < a->target_groups.n; i++) {
		int t = a->target_groups.v[i].v;
		if (t == PV_TARGET_CHILDREN || t == PV_TARGET_DETAINEES) {
			if (fire)
				pv_diag_rule(c->d, "PVE111", "variants.targets", a->id.pos, a->id.s,
					     "id", a->id.s, "group",
					     t == PV_TARGET_CHILDREN ? PV_L("target.children")
								     : PV_L("target.detainees"));
			return 1;
		}
	}
	return 0;
}

static void pve110(const struct pv_action *a, void *arg)
{
	const struct pv_rule_ctx *c = arg;
	if (!a->human_rights.n && a->id.s && !pve111_variant(c, a, 0))
		pv_diag_rule(c->d, "PVE110", "message", a->id.pos, a->id.s, "id", a->id.s);
}

void pv_check_PVE110(const struct pv_rule_ctx *c)
{
	pv_plan_each_action(c->p, pve110, (void *)c);
}

static void pve111(const struct pv_action *a, void *arg)
{
	if (!a->human_rights.n && a->id.s)
		pve111_variant(arg, a, 1);
}

void pv_check_PVE111(const struct pv_rule_ctx *c)
{
	pv_plan_each_action(c->p, pve111, (void *)c);
}

void pv_check_PVE112(const struct pv_rule_ctx *c)
{
	if (!c->p->coordination.body.s)
		pv_diag_rule(c->d, "PVE112", "message", pv_rule_where(c, c->p->coordination.pos), NULL);
}

void pv_check_PVE113(const struct pv_rule_ctx *c)
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
		if (n && ind->id.s)
			pv_diag_rule(c->d, "PVE113", "variants.indicator", ind->id.pos, ind->id.s,
				     "id", ind->id.s, "missing", pv_msg_list(missing, n));
	}
}

void pv_check_PVE114(const struct pv_rule_ctx *c)
{
	const struct pv_monitoring *m = &c->p->monitoring;
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
	if (n)
		pv_diag_rule(c->d, "PVE114", "message", pv_rule_where(c, m->pos), NULL, "missing",
			     pv_msg_list(missing, n));
}

void pv_check_PVE115(const struct pv_rule_ctx *c)
{
	const struct pv_facts *f = c->f;
	if (!f->uncosted)
		return;
	struct pv_buf ids = PV_BUF_INIT;
	size_t shown = f->uncosted < PV_ARRAY_SIZE(f->uncosted_ids) ? f->uncosted
								    : PV_ARRAY_SIZE(f->uncosted_ids);
	for (size_t i = 0; i < shown; i++)
		pv_buf_addf(&ids, "%s%s", i ? ", " : "", f->uncosted_ids[i]);
	if (f->uncosted > shown)
		pv_buf_adds(&ids, ", ...");
	pv_diag_rule(c->d, "PVE115", "message", f->first_uncosted->id.pos, NULL,
		     "count", f->uncosted, "total", f->nactions, "ids", ids.buf);
	pv_buf_release(&ids);
}

void pv_check_PVE116(const struct pv_rule_ctx *c)
{
	const struct pv_money *m = &c->f->money;
	const char *cur = c->p->plan.currency.s;
	if (!c->f->costed) {
		pv_diags_not_applicable(c->d, "PVE116");
		return;
	}
	pv_diag_rule(c->d, "PVE116", "message", pv_rule_where(c, c->p->plan.currency.pos), NULL,
		     "cost", pv_msg_amount(m->cost, cur),
		     "committed", pv_msg_amount(m->committed, cur),
		     "pledged", pv_msg_amount(m->pledged, cur),
		     "gap", pv_msg_amount(m->cost - m->committed - m->pledged, cur));
}

static void need_support(const struct pv_rule_ctx *c, const pv_need_list *needs)
{
	for (uint32_t i = 0; i < needs->n; i++) {
		const struct pv_need *n = &needs->v[i];
		if (n->priority.v == PV_RATING_HIGH && !n->support_from.n && n->id.s)
			pv_diag_rule(c->d, "PVE117", "variants.no_support", n->id.pos, n->id.s,
				     "id", n->id.s);
	}
}

static void action_needs(const struct pv_action *a, void *arg)
{
	need_support(arg, &a->capacity_needs);
}

void pv_check_PVE117(const struct pv_rule_ctx *c)
{
	pv_plan_each_action(c->p, action_needs, (void *)c);
	need_support(c, &c->p->capacity_needs);
	if (!c->f->any_need)
		pv_diag_rule(c->d, "PVE117", "message", pv_rule_where(c, c->p->capacity_needs.pos), NULL);
}

void pv_check_PVE118(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	unsigned local = (1u << PV_LEVEL_SUBNATIONAL) | (1u << PV_LEVEL_LOCAL);
	if (!c->f->nactions)
		pv_diags_not_applicable(c->d, "PVE118");
	else if (!(c->f->level_bits & local) && !(c->f->context_levels & local))
		pv_diag_rule(c->d, "PVE118", "message",
			     pv_rule_where(c, x->levels.pos.line ? x->levels.pos : x->pos), NULL);
}

void pv_check_PVE119(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	if (x->conflict_affected.v != 1)
		pv_diags_not_applicable(c->d, "PVE119");
	else if (!(c->f->target_bits & ((1u << PV_TARGET_FORMER_COMBATANTS) |
					(1u << PV_TARGET_RETURNEES))))
		pv_diag_rule(c->d, "PVE119", "message", x->conflict_affected.pos, NULL);
}

void pv_check_PVE120(const struct pv_rule_ctx *c)
{
	if (c->p->plan.scope.v != PV_SCOPE_REGIONAL)
		pv_diags_not_applicable(c->d, "PVE120");
	else if (c->f->regional_leads < c->t->regional_bodies)
		pv_diag_rule(c->d, "PVE120", "message", at_stakeholders(c), NULL, "count",
			     c->f->regional_leads, "min", c->t->regional_bodies);
}

void pv_check_PVE121(const struct pv_rule_ctx *c)
{
	const struct pv_plan *p = c->p;
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
	if (n)
		pv_diag_rule(c->d, "PVE121", "message",
			     pv_rule_where(c, p->plan.references.pos.line ? p->plan.references.pos
								  : p->plan.pos), NULL,
			     "missing", pv_msg_list(missing, n));
}

void pv_check_PVE122(const struct pv_rule_ctx *c)
{
	if (c->stage != PV_STATUS_ADOPTED)
		pv_diags_not_applicable(c->d, "PVE122");
	else if (!c->p->plan.adopted_by.n)
		pv_diag_rule(c->d, "PVE122", "message", pv_rule_where(c, c->p->plan.status.pos), NULL);
}

void pv_check_PVE123(const struct pv_rule_ctx *c)
{
	const struct pv_plan *p = c->p;
	if (!p->risks.n)
		pv_diag_rule(c->d, "PVE123", "message", pv_rule_where(c, p->risks.pos), NULL);
	for (uint32_t i = 0; i < p->risks.n; i++) {
		const struct pv_risk *r = &p->risks.v[i];
		if (r->impact.v == PV_RATING_HIGH && !r->mitigation.n && r->id.s)
			pv_diag_rule(c->d, "PVE123", "variants.no_mitigation", r->id.pos, r->id.s,
				     "id", r->id.s);
	}
}

void pv_check_PVE124(const struct pv_rule_ctx *c)
{
	if (!(c->f->target_bits & (1u << PV_TARGET_VICTIMS)) && !c->f->victims_stakeholder)
		pv_diag_rule(c->d, "PVE124", "message", pv_rule_where(c, c->p->priorities.pos), NULL);
}
