/*
 * PVE101-PVE135 but those about who takes part (src/check/participation.c):
 * alignment with the Plan of Action, the resolutions and recognised good
 * practice, one function per rule (the table is src/check/rules.c). The text of every
 * finding is in the catalogue (src/catalogue/); a check only decides where
 * a finding goes and fills the placeholders.
 */
#include "checks.h"

#include "pveplan/base.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/*
 * PVE111 covers the actions that touch rights most: led by the security
 * sector or the judiciary, aimed at children, detainees, returnees or
 * former combatants, or of a sensitive kind (early warning, referral ...);
 * PVE110 the other actions without safeguards. One finding per action: it
 * names the lead, else the target group, else the kind.
 */
static int sensitive_group(int t)
{
	return t == PV_TARGET_CHILDREN || t == PV_TARGET_DETAINEES || t == PV_TARGET_RETURNEES ||
	       t == PV_TARGET_FORMER_COMBATANTS;
}

static int pve111_variant(const struct pv_rule_ctx *c, const struct pv_action *a, int fire)
{
	const struct pv_stakeholder *lead = pv_plan_stakeholder(c->p, a->lead.s);
	char label[48];
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
		if (!sensitive_group(t))
			continue;
		snprintf(label, sizeof(label), "target.%s", pv_target_names[t]);
		if (fire)
			pv_diag_rule(c->d, "PVE111", "variants.targets", a->id.pos, a->id.s, "id",
				     a->id.s, "group", PV_L(label));
		return 1;
	}
	if (!pv_action_kind_sensitive(a->kind.v))
		return 0;
	if (fire)
		pv_diag_rule(c->d, "PVE111", "variants.kind", a->id.pos, a->id.s, "id", a->id.s,
			     "kind", pv_action_kind_names[a->kind.v]);
	return 1;
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
	/* A body refused by FMT004 is given, only wrongly. */
	if (!c->p->coordination.body.s && !c->p->coordination.body.invalid)
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
		/* As PVE112: a measure refused by FMT004 is given. */
		if (!ind->baseline.value.s && !ind->baseline.value.invalid)
			missing[n++] = PV_L("missing.baseline");
		if (!ind->target.value.s && !ind->target.value.invalid)
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

/* Catalogue 2: only the actions count; 'context.levels' describes the
 * country, it does not act. A level refused by FMT004 may be the local one. */
void pv_check_PVE118(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	unsigned local = (1u << PV_LEVEL_SUBNATIONAL) | (1u << PV_LEVEL_LOCAL);
	if (!c->f->nactions)
		pv_diags_not_applicable(c->d, "PVE118");
	else if (!(c->f->level_bits & local) && !c->f->level_refused)
		pv_diag_rule(c->d, "PVE118", "message",
			     pv_rule_where(c, x->levels.pos.line ? x->levels.pos : x->pos), NULL);
}

void pv_check_PVE119(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	unsigned groups = (1u << PV_TARGET_FORMER_COMBATANTS) | (1u << PV_TARGET_RETURNEES);
	if (x->conflict_affected.v != 1)
		pv_diags_not_applicable(c->d, "PVE119");
	else if (!(c->f->target_bits & groups) &&
		 !(c->f->kind_bits & (1u << PV_ACTKIND_REHABILITATION)))
		pv_diag_rule(c->d, "PVE119", "message", x->conflict_affected.pos, NULL);
}

/* Whether `sym` appears in `s` as a whole symbol: "A/RES/70/291" is not
 * found in "A/RES/70/2910". */
static int has_symbol(const char *s, const char *sym)
{
	size_t n = strlen(sym);
	for (const char *at = strstr(s, sym); at; at = strstr(at + 1, sym)) {
		int before = at > s && (isalnum((unsigned char)at[-1]) || at[-1] == '/');
		int after = isalnum((unsigned char)at[n]) || at[n] == '/';
		if (!before && !after)
			return 1;
	}
	return 0;
}

static int cites_any(const struct pv_plan *p, const char *const *syms, size_t n)
{
	for (uint32_t j = 0; j < p->plan.references.n; j++)
		for (size_t i = 0; i < n; i++)
			if (p->plan.references.v[j].s && has_symbol(p->plan.references.v[j].s, syms[i]))
				return 1;
	return 0;
}

/* A later review of the Strategy stands in for A/RES/70/291, never for
 * the Plan of Action itself. */
void pv_check_PVE121(const struct pv_rule_ctx *c)
{
	static const char *const reviews[] = { "A/RES/70/291", "A/RES/72/284", "A/RES/75/291",
					       "A/RES/77/298" };
	static const char *const poa[] = { "A/70/674" };
	const struct pv_plan *p = c->p;
	int review = cites_any(p, reviews, PV_ARRAY_SIZE(reviews));
	int plan = cites_any(p, poa, 1);
	struct pv_pos at = pv_rule_where(c, p->plan.references.pos.line ? p->plan.references.pos
								     : p->plan.pos);
	if (!review && !plan)
		pv_diag_rule(c->d, "PVE121", "message", at, NULL);
	else if (!review)
		pv_diag_rule(c->d, "PVE121", "variants.no_review", at, NULL);
	else if (!plan)
		pv_diag_rule(c->d, "PVE121", "variants.no_plan_of_action", at, NULL);
}

void pv_check_PVE122(const struct pv_rule_ctx *c)
{
	if (c->stage != PV_STATUS_ADOPTED && c->stage != PV_STATUS_UNDER_REVIEW)
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

/* ---- catalogue 2 ---- */

/* The index of the driver `id` names in context.drivers, or -1. */
static long driver_index(const struct pv_plan *p, const char *id)
{
	const struct pv_iddef *def = id ? pv_plan_find(p, id) : NULL;
	const struct pv_driver *dr = def && def->kind == PV_KIND_DRIVER ? def->obj : NULL;
	if (!dr || dr < p->context.drivers.v || dr >= p->context.drivers.v + p->context.drivers.n)
		return -1;
	return (long)(dr - p->context.drivers.v);
}

/* Marks the drivers `refs` names; returns how many it names. */
static size_t trace(const struct pv_plan *p, const pv_str_list *refs, unsigned char *addressed)
{
	size_t n = 0;
	for (uint32_t i = 0; i < refs->n; i++) {
		long d = driver_index(p, refs->v[i].s);
		if (d >= 0) {
			addressed[d] = 1;
			n++;
		}
	}
	return n;
}

/* Drivers and priorities that 'addresses' does not link. A plan written
 * before 'addresses' existed gets one finding, not one per item. */
void pv_check_PVE126(const struct pv_rule_ctx *c)
{
	const struct pv_plan *p = c->p;
	size_t ndrivers = p->context.drivers.n, any = 0;
	if (!ndrivers) {
		pv_diags_not_applicable(c->d, "PVE126");
		return;
	}
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		any |= p->priorities.v[i].addresses.n;
		for (uint32_t j = 0; j < p->priorities.v[i].objectives.n; j++)
			any |= p->priorities.v[i].objectives.v[j].addresses.n;
	}
	if (!any) {
		pv_diag_rule(c->d, "PVE126", "message",
			     pv_rule_where(c, p->context.drivers.pos), NULL, "count", ndrivers);
		return;
	}
	unsigned char *addressed = xcalloc(ndrivers, 1);
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		size_t n = trace(p, &pr->addresses, addressed);
		for (uint32_t j = 0; j < pr->objectives.n; j++)
			n += trace(p, &pr->objectives.v[j].addresses, addressed);
		if (!n && pr->id.s)
			pv_diag_rule(c->d, "PVE126", "variants.priority", pr->id.pos, pr->id.s,
				     "id", pr->id.s);
	}
	for (size_t i = 0; i < ndrivers; i++) {
		const struct pv_driver *dr = &p->context.drivers.v[i];
		if (!addressed[i] && dr->id.s)
			pv_diag_rule(c->d, "PVE126", "variants.driver", dr->id.pos, dr->id.s,
				     "id", dr->id.s);
	}
	free(addressed);
}

/* A share as a percentage, to one decimal place. */
static double percent(double share)
{
	return round(share * 1000) / 10;
}

/* Shares over all actions (one whose lead names no stakeholder is not
 * security-led) and over the cost that counts in the plan's totals, as
 * PVE116 adds it up. Courts and prosecutors are the rule of law, not the
 * security sector: the judiciary is not counted. */
void pv_check_PVE127(const struct pv_rule_ctx *c)
{
	const struct pv_facts *f = c->f;
	double max = c->t->security_share;
	if (!f->nactions) {
		pv_diags_not_applicable(c->d, "PVE127");
		return;
	}
	double by_count = (double)f->security_led / (double)f->nactions;
	int has_cost = f->costed && f->money.cost > 0;
	double by_cost = has_cost ? f->security_cost / f->money.cost : 0;
	if (by_count <= max && by_cost <= max)
		return;
	struct pv_pos at = pv_rule_where(c, c->p->priorities.pos);
	if (has_cost)
		pv_diag_rule(c->d, "PVE127", "message", at, NULL, "actions", percent(by_count),
			     "cost", percent(by_cost), "max", percent(max));
	else
		pv_diag_rule(c->d, "PVE127", "variants.no_cost", at, NULL, "actions",
			     percent(by_count), "max", percent(max));
}

static int disaggregated_by_sex(const struct pv_indicator *ind)
{
	for (uint32_t i = 0; i < ind->disaggregation.n; i++)
		if (ind->disaggregation.v[i].v == PV_DISAGG_SEX)
			return 1;
	return 0;
}

void pv_check_PVE128(const struct pv_rule_ctx *c)
{
	int any = 0;
	for (uint32_t i = 0; i < c->p->indicators.n; i++) {
		const struct pv_indicator *ind = &c->p->indicators.v[i];
		if (ind->counts_people.v != 1)
			continue;
		any = 1;
		if (!disaggregated_by_sex(ind) && ind->id.s)
			pv_diag_rule(c->d, "PVE128", "message", ind->id.pos, ind->id.s, "id",
				     ind->id.s);
	}
	if (!any)
		pv_diags_not_applicable(c->d, "PVE128");
}

/* Workshops and validations are where the plan is made; other kinds of
 * consultation (a survey, a hearing) are not judged. Consultations have no
 * id: their findings are waivable only plan-wide. */
static void pve129(const struct pv_rule_ctx *c, const struct pv_consultation *k)
{
	struct pv_arg missing[2];
	size_t n = 0;
	const char *kind = pv_consult_kind_names[k->kind.v];
	struct pv_arg date = pv_date_arg(&k->date.d);
	/* A share refused by FMT004 was recorded, only wrongly written. */
	if (!k->women_share.set && !k->women_share.invalid)
		missing[n++] = pv_arg_text("'women_share'");
	if (!k->youth_share.set && !k->youth_share.invalid)
		missing[n++] = pv_arg_text("'youth_share'");
	if (n)
		pv_diag_rule(c->d, "PVE129", "message", pv_rule_where(c, k->pos), NULL, "kind", kind,
			     "date", date, "missing", pv_msg_list(missing, n));
	if (k->women_share.set && k->women_share.v < c->t->women_share)
		pv_diag_rule(c->d, "PVE129", "variants.low_women", k->women_share.pos, NULL,
			     "kind", kind, "date", date, "share", percent(k->women_share.v),
			     "min", percent(c->t->women_share));
}

void pv_check_PVE129(const struct pv_rule_ctx *c)
{
	for (uint32_t i = 0; i < c->p->consultations.n; i++) {
		const struct pv_consultation *k = &c->p->consultations.v[i];
		if (k->kind.v == PV_CONSULT_WORKSHOP || k->kind.v == PV_CONSULT_VALIDATION)
			pve129(c, k);
	}
}

/* An empty list states that the plan relates to no other strategy. */
void pv_check_PVE131(const struct pv_rule_ctx *c)
{
	const struct pv_context *x = &c->p->context;
	if (!x->related_strategies.pos.line)
		pv_diag_rule(c->d, "PVE131", "message", pv_rule_where(c, x->pos), NULL);
}

/* The model keeps only where 'communication' is (it is free-form): whether
 * the mapping is empty is read from the document. */
static int communication_empty(const struct pv_plan *p)
{
	const struct pv_node *root = p->doc.root, *found = NULL;
	if (!p->communication.line)
		return 1;
	for (uint32_t i = 0; root && root->kind == PV_NODE_MAP && i < root->len; i++)
		if (!strcmp(root->u.pairs[i].key->u.str, "communication"))
			found = root->u.pairs[i].value;
	return found && found->kind == PV_NODE_MAP && found->len == 0;
}

void pv_check_PVE134(const struct pv_rule_ctx *c)
{
	if (communication_empty(c->p))
		pv_diag_rule(c->d, "PVE134", "message", c->top, NULL);
}
