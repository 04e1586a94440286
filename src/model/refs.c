/* The plan's one identifier namespace: definitions (REF001) and references
 * (REF002, REF003). */
#include "load_private.h"

#include "pveplan/base.h"

#include <stdint.h>
#include <string.h>

/* The kind with its article, as a translatable word. */
static struct pv_arg a_kind(unsigned kind)
{
	switch (kind) {
	case PV_KIND_STAKEHOLDER:
		return PV_W("a stakeholder");
	case PV_KIND_PRIORITY:
		return PV_W("a priority");
	case PV_KIND_OBJECTIVE:
		return PV_W("an objective");
	case PV_KIND_ACTION:
		return PV_W("an action");
	case PV_KIND_INDICATOR:
		return PV_W("an indicator");
	case PV_KIND_NEED:
		return PV_W("a capacity need");
	case PV_KIND_RISK:
		return PV_W("a risk");
	case PV_KIND_DRIVER:
		return PV_W("a driver");
	default:
		return PV_W("an identifier");
	}
}

const struct pv_iddef *pv_plan_find(const struct pv_plan *p, const char *id)
{
	uintptr_t i = (uintptr_t)pv_strmap_get(&p->ids, id);
	return i ? &p->defs[i - 1] : NULL;
}

void pv_loader_define(struct loader *L, const struct pv_str *id, unsigned kind, void *obj)
{
	struct pv_plan *p = L->plan;
	const struct pv_iddef *old = pv_plan_find(p, id->s);
	if (old) {
		struct pv_diag *g = pv_diag_add(L->d, "REF001", id->pos,
						"identifier '%s' is defined twice", id->s);
		pv_diag_note(g, old->pos, "first defined here, as %s", a_kind(old->kind));
		pv_diag_hint(g, "identifiers are unique across the whole file; rename one of them");
		return;
	}
	PV_ALLOC_GROW(p->defs, p->ndefs + 1, p->defs_alloc);
	struct pv_iddef *d = &p->defs[p->ndefs++];
	d->id = id->s;
	d->kind = kind;
	d->pos = id->pos;
	d->obj = obj;
	pv_strmap_put(&p->ids, id->s, (void *)(uintptr_t)p->ndefs);
}

/*
 * The defined id closest to `id`. A plan with a renamed stakeholder repeats
 * the same undefined id many times, so the caller looks for each id once,
 * for the first few hundred distinct ids; and every comparison is charged to
 * `budget` (cells of the edit-distance band), so that many near-identical
 * long ids cannot make a broken plan slow to check: once the budget is
 * spent, no more suggestions are made.
 */
#define MAX_SUGGESTED 256
#define SUGGEST_BUDGET ((size_t)1 << 26)

static const char *closest(const struct pv_plan *p, const char *id, unsigned kinds,
			   size_t *budget)
{
	size_t max = strlen(id) >= 10 ? 3 : 2, bestd = max + 1;
	size_t cost = (strlen(id) + 1) * (2 * max + 1);
	const char *best = NULL;
	/* Prefer an id of the expected kind; fall back to any id. */
	for (int pass = 0; pass < 2 && !best; pass++) {
		for (size_t i = 0; i < p->ndefs && bestd; i++) {
			const struct pv_iddef *d = &p->defs[i];
			if (!pass && !(d->kind & kinds))
				continue;
			if (*budget < cost)
				return best;
			*budget -= cost;
			size_t dist = pv_edit_distance(id, d->id, max);
			if (dist < bestd) {
				bestd = dist;
				best = d->id;
			}
		}
	}
	return best;
}

static const char no_suggestion[] = "";

/* Equal but for ASCII case and runs of spaces, which a writer does not see. */
static int same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' && a[1] == ' ')
			a++;
		while (*b == ' ' && b[1] == ' ')
			b++;
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
		if (!x)
			return 1;
		a++;
		b++;
	}
}

/* A stakeholder's name written where its id belongs (`lead: Ministry of
 * Interior`) is told which id to write instead of the identifier grammar. */
static void hint_names(struct loader *L)
{
	const struct pv_plan *p = L->plan;
	for (size_t i = 0; i < L->nbad; i++) {
		for (size_t j = 0; j < p->stakeholders.n; j++) {
			const struct pv_stakeholder *h = &p->stakeholders.v[j];
			const struct pv_text *t = &h->name;
			uint32_t k = 0;
			while (k < t->n && !same_name(L->bad[i].s, t->items[k].s))
				k++;
			if (k == t->n || !h->id.s)
				continue;
			pv_diag_hint(&L->d->v[L->bad[i].diag],
				     "'%s' is the name of stakeholder '%s': write `%s: %s`",
				     L->bad[i].s, h->id.s, L->bad[i].key, h->id.s);
			break;
		}
	}
}

void pv_loader_resolve(struct loader *L)
{
	struct pv_strmap seen = PV_STRMAP_INIT;
	size_t budget = SUGGEST_BUDGET;
	hint_names(L);
	for (size_t i = 0; i < L->nrefs; i++) {
		const struct ref_use *u = &L->refs[i];
		const struct pv_iddef *d = pv_plan_find(L->plan, u->ref->s);
		if (!d) {
			struct pv_diag *g = pv_diag_add(L->d, "REF002", u->ref->pos,
				"'%s' refers to '%s', which is not defined", u->key, u->ref->s);
			const char *c = pv_strmap_get(&seen, u->ref->s);
			if (!c && seen.nr < MAX_SUGGESTED) {
				c = closest(L->plan, u->ref->s, u->kinds, &budget);
				pv_strmap_put(&seen, u->ref->s, (void *)(c ? c : no_suggestion));
			}
			if (c && *c)
				pv_diag_hint(g, "did you mean '%s'?", c);
			continue;
		}
		if (d->kind & u->kinds)
			continue;
		/* Each reference takes one kind, except accepted deviations'
		 * scopes, which take any and so never get here. */
		struct pv_diag *g = pv_diag_add(L->d, "REF003", u->ref->pos,
			"'%s' must name %s, but '%s' is %s", u->key, a_kind(u->kinds),
			u->ref->s, a_kind(d->kind));
		pv_diag_note(g, d->pos, "'%s' is defined here", d->id);
	}
	pv_strmap_release(&seen);
}
