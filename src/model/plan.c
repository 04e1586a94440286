/* The plan model's life cycle, and loading: tree, schema walk, the checks
 * that span several keys, identifiers. */
#include "pveplan/model.h"

#include "load_private.h"
#include "schema.h"
#include "pveplan/base.h"

#include <stdlib.h>
#include <string.h>

void pv_plan_init(struct pv_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->doc = (struct pv_doc)PV_DOC_INIT;
	p->ids = (struct pv_strmap)PV_STRMAP_INIT;
}

void pv_plan_release(struct pv_plan *p)
{
	if (!p)
		return;
	pv_doc_release(&p->doc);
	pv_strmap_release(&p->ids);
	free(p->defs);
	pv_plan_init(p);
}

const char *pv_text_get(const struct pv_text *t, const char *lang, const char *fallback)
{
	if (!t->n)
		return NULL;
	for (int pass = 0; pass < 2; pass++) {
		const char *want = pass ? fallback : lang;
		if (!want)
			continue;
		for (uint32_t i = 0; i < t->n; i++)
			if (t->items[i].lang && !strcmp(t->items[i].lang, want))
				return t->items[i].s;
	}
	return t->items[0].s;
}

void pv_plan_each_action(const struct pv_plan *p,
			 void (*fn)(const struct pv_action *a, void *ctx), void *ctx)
{
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			for (uint32_t k = 0; k < o->actions.n; k++)
				fn(&o->actions.v[k], ctx);
		}
	}
}

int pv_action_money(const struct pv_plan *p, const struct pv_action *a, struct pv_money *m)
{
	memset(m, 0, sizeof(*m));
	if (a->cost.set)
		m->cost = a->cost.v;
	for (uint32_t i = 0; i < a->funding.n; i++) {
		const struct pv_funding *f = &a->funding.v[i];
		if (!f->amount.set)
			continue;
		if (f->status.v == PV_FUNDING_COMMITTED)
			m->committed += f->amount.v;
		else if (f->status.v == PV_FUNDING_PLEDGED)
			m->pledged += f->amount.v;
	}
	const char *plan_cur = p->plan.currency.s;
	/* A currency refused by FMT004 is unknown: adding the cost could add
	 * dollars to euros. */
	return a->cost.set && !a->currency.invalid &&
	       !(a->currency.s && plan_cur && strcmp(a->currency.s, plan_cur));
}

/* Format 1 is the only format; refusing others early avoids a flood of
 * findings about keys a newer format may have. Returns -1 to stop. */
static int check_format(const struct pv_plan *p, struct pv_diags *d)
{
	const struct pv_node *v = pv_node_get(p->doc.root, "pveplan");
	struct pv_pos top = { 1, 1, 1 };
	if (!v) {
		struct pv_diag *g = pv_diag_add(d, "FMT002", top,
						"missing format version 'pveplan: 1'");
		pv_diag_hint(g, "start the file with the line 'pveplan: 1'");
		return 0;
	}
	if (v->kind == PV_NODE_SCALAR && !strcmp(v->u.str, "1"))
		return 0;
	struct pv_diag *g = pv_diag_add(d, "FMT002", v->pos,
					"unsupported format version '%s'",
					v->kind == PV_NODE_SCALAR ? pv_arg_text(v->u.str) : PV_W("(not a number)"));
	pv_diag_hint(g, "this pveplan reads format 1 ('pveplan: 1'); a newer format needs a newer pveplan");
	return -1;
}

/* Requirements that depend on other keys (plan-format.md: "MUST when"). */
static void check_conditional(const struct pv_plan *p, struct pv_diags *d)
{
	const struct pv_plan_info *pl = &p->plan;
	/* A key given with a bad value already has its finding. */
	const struct pv_node *pn = pv_node_get(p->doc.root, "plan");
	const struct pv_schema *ps = NULL;
	for (size_t i = 0; i < pv_schema_file.nfields; i++)
		if (!strcmp(pv_schema_file.fields[i].key, "plan"))
			ps = pv_schema_file.fields[i].sub;
	if (pl->pos.line && pl->scope.v == PV_SCOPE_NATIONAL && !pv_loader_has_key(pn, ps, "country")) {
		struct pv_diag *g = pv_diag_add(d, "FMT005", pl->pos,
						"a national plan is missing required key 'country'");
		pv_diag_hint(g, "add 'country:' with the ISO 3166-1 alpha-2 code, e.g. 'country: ML'");
	}
	if (pl->pos.line && pl->scope.v == PV_SCOPE_REGIONAL) {
		if (!pv_loader_has_key(pn, ps, "organization"))
			pv_diag_add(d, "FMT005", pl->pos,
				    "a regional plan is missing required key 'organization'");
		if (!pv_loader_has_key(pn, ps, "member_states"))
			pv_diag_add(d, "FMT005", pl->pos,
				    "a regional plan is missing required key 'member_states'");
		if (pl->member_states.pos.line && pl->member_states.n < 2)
			pv_diag_add(d, "FMT004", pl->member_states.pos,
				    "'member_states' must list at least 2 countries");
	}
	if (p->stakeholders.pos.line && !p->stakeholders.n)
		pv_diag_add(d, "FMT004", p->stakeholders.pos,
			    "'stakeholders' must list at least one stakeholder");
	if (p->priorities.pos.line && !p->priorities.n)
		pv_diag_add(d, "FMT004", p->priorities.pos,
			    "'priorities' must list at least one priority");
	for (uint32_t i = 0; i < p->priorities.n; i++)
		if (p->priorities.v[i].areas.pos.line && !p->priorities.v[i].areas.n)
			pv_diag_add(d, "FMT004", p->priorities.v[i].areas.pos,
				    "'areas' must list at least one priority area");
}

int pv_plan_load(struct pv_plan *p, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d)
{
	struct loader L = { .plan = p, .d = d, .arena = &p->doc.arena };
	int ret = -1;

	if (pv_doc_parse(&p->doc, src, len, lim, d) < 0)
		goto cleanup;
	if (!p->doc.root) {
		struct pv_diag *g = pv_diag_add(d, "FMT002", ((struct pv_pos){ 1, 1, 1 }),
						"file holds no plan (it is empty)");
		pv_diag_hint(g, "a plan starts with 'pveplan: 1' followed by 'plan:'");
		goto cleanup;
	}
	if (p->doc.root->kind == PV_NODE_MAP && check_format(p, d) < 0)
		goto cleanup;
	pv_loader_load_file(&L, p->doc.root);
	pv_loader_check_syntax(p->doc.root, src, len, d);
	check_conditional(p, d);
	pv_loader_resolve(&L);
	ret = 0;
cleanup:
	free(L.refs);
	return ret;
}
