/*
 * The rules about who takes part in the plan: PVE105-PVE109, PVE120,
 * PVE124, PVE130, PVE132, PVE133 and PVE135. "Involved" (catalogue 2)
 * means: leads an action, is a partner of one, takes part in a
 * consultation, or is the coordination body (src/check/facts.c); being
 * listed under 'stakeholders' is not involvement. A sector or lead refused
 * by FMT003/FMT004 is unknown: a rule that it could answer stays silent
 * (docs/rules.md, "Cascades").
 */
#include "checks.h"

#include "pveplan/base.h"

#include <stdio.h>
#include <string.h>

/* Participation findings go at the stakeholders. */
static struct pv_pos at_stakeholders(const struct pv_rule_ctx *c)
{
	return pv_rule_where(c, c->p->stakeholders.pos);
}

/* Both variants are reported when both hold: a plan can count enough
 * ministries and still leave every action to the security sector. */
void pv_check_PVE105(const struct pv_rule_ctx *c)
{
	if (c->f->public_sector + c->f->sector_unknown < c->t->public_sector)
		pv_diag_rule(c->d, "PVE105", "message", at_stakeholders(c), NULL, "count",
			     c->f->public_sector, "min", c->t->public_sector);
	if (!c->f->civil_public_lead && !c->f->lead_unknown)
		pv_diag_rule(c->d, "PVE105", "variants.security_only", at_stakeholders(c), NULL,
			     "min", c->t->public_sector);
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
	if (nsoc + c->f->sector_unknown >= c->t->society_sectors)
		return;
	const struct pv_arg none = PV_L("none");
	pv_diag_rule(c->d, "PVE106", "message", at_stakeholders(c), NULL, "count", nsoc, "sectors",
		     pv_msg_list(nsoc ? names : &none, nsoc ? nsoc : 1),
		     "min", c->t->society_sectors);
}

/* The label of a strict stage, for PVE107's validation variant. */
static struct pv_arg stage_word(enum pv_status s)
{
	if (s == PV_STATUS_ADOPTED)
		return PV_L("status_word.adopted");
	if (s == PV_STATUS_UNDER_REVIEW)
		return PV_L("status_word.under_review");
	return PV_L("status_word.validated");
}

void pv_check_PVE107(const struct pv_rule_ctx *c)
{
	const struct pv_plan *p = c->p;
	struct pv_pos cpos = pv_rule_where(c, p->consultations.pos);
	int strict = c->stage == PV_STATUS_VALIDATED || c->stage == PV_STATUS_ADOPTED ||
		     c->stage == PV_STATUS_UNDER_REVIEW;
	if (!p->consultations.n)
		pv_diag_rule(c->d, "PVE107", "message", cpos, NULL);
	else if (!c->f->society_consulted)
		pv_diag_rule(c->d, "PVE107", "variants.no_ngo", cpos, NULL);
	if (strict && !c->f->validation) {
		struct pv_diag *g = pv_diag_rule(c->d, "PVE107", "variants.no_validation",
			pv_rule_where(c, p->plan.status.pos), NULL, "status", stage_word(c->stage));
		pv_diag_raise(g, PV_SEV_ERROR);
	}
}

void pv_check_PVE108(const struct pv_rule_ctx *c)
{
	if (!c->f->youth_involved && !c->f->sector_unknown && !(c->f->target_bits & (1u << PV_TARGET_YOUTH)))
		pv_diag_rule(c->d, "PVE108", "message", at_stakeholders(c), NULL);
}

void pv_check_PVE109(const struct pv_rule_ctx *c)
{
	if (!c->f->women_involved && !c->f->sector_unknown)
		pv_diag_rule(c->d, "PVE109", "variants.no_women_org", at_stakeholders(c), NULL);
	if (c->f->nactions && !c->f->gender_action)
		pv_diag_rule(c->d, "PVE109", "variants.no_gender_action",
			     pv_rule_where(c, c->p->priorities.pos), NULL);
}

void pv_check_PVE120(const struct pv_rule_ctx *c)
{
	if (c->p->plan.scope.v != PV_SCOPE_REGIONAL)
		pv_diags_not_applicable(c->d, "PVE120");
	else if (c->f->regional_bodies < c->t->regional_bodies)
		pv_diag_rule(c->d, "PVE120", "message", at_stakeholders(c), NULL, "count",
			     c->f->regional_bodies, "min", c->t->regional_bodies);
}

void pv_check_PVE124(const struct pv_rule_ctx *c)
{
	if (!(c->f->target_bits & (1u << PV_TARGET_VICTIMS)) && !c->f->victims_stakeholder)
		pv_diag_rule(c->d, "PVE124", "message", pv_rule_where(c, c->p->priorities.pos), NULL);
}

void pv_check_PVE130(const struct pv_rule_ctx *c)
{
	if (!c->f->oversight_involved && !c->f->sector_unknown)
		pv_diag_rule(c->d, "PVE130", "message", at_stakeholders(c), NULL);
}

void pv_check_PVE132(const struct pv_rule_ctx *c)
{
	if (c->p->plan.scope.v == PV_SCOPE_REGIONAL)
		pv_diags_not_applicable(c->d, "PVE132");
	else if (!c->f->parliament_involved && !c->f->sector_unknown)
		pv_diag_rule(c->d, "PVE132", "message", at_stakeholders(c), NULL);
}

/* Whether an involved stakeholder belongs to member state `code`. */
static int state_involved(const struct pv_rule_ctx *c, const char *code)
{
	for (uint32_t i = 0; i < c->p->stakeholders.n; i++) {
		const struct pv_stakeholder *s = &c->p->stakeholders.v[i];
		if (s->country.s && !strcmp(s->country.s, code) && pv_facts_involved(c->p, c->f, s))
			return 1;
	}
	return 0;
}

/* When no stakeholder gives a country, one finding says so, rather than
 * one per member state that would all say the same. */
void pv_check_PVE133(const struct pv_rule_ctx *c)
{
	const pv_str_list *states = &c->p->plan.member_states;
	if (c->p->plan.scope.v != PV_SCOPE_REGIONAL) {
		pv_diags_not_applicable(c->d, "PVE133");
		return;
	}
	if (!states->n)
		return;
	if (!c->f->any_country) {
		pv_diag_rule(c->d, "PVE133", "message", pv_rule_where(c, states->pos), NULL,
			     "count", (size_t)states->n);
		return;
	}
	for (uint32_t i = 0; i < states->n; i++) {
		const struct pv_str *st = &states->v[i];
		if (st->s && !state_involved(c, st->s))
			pv_diag_rule(c->d, "PVE133", "variants.state", pv_rule_where(c, st->pos), NULL,
				     "country", st->s);
	}
}

void pv_check_PVE135(const struct pv_rule_ctx *c)
{
	if (!c->f->nactions)
		pv_diags_not_applicable(c->d, "PVE135");
	else if (!c->f->society_lead && !c->f->lead_unknown)
		pv_diag_rule(c->d, "PVE135", "message", pv_rule_where(c, c->p->priorities.pos), NULL);
}
