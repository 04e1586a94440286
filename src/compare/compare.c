/* Two checked drafts compared: items by id, the report's totals and
 * coverage, findings by fingerprint, the compliance matrix by rule. */
#include "pveplan/compare.h"

#include "pveplan/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define KIND_NAME(N, s) s,
const char *const pv_diff_kind_names[] = { PV_DIFF_KINDS(KIND_NAME) NULL };
const char *const pv_diff_change_names[] = { "added", "removed", "changed", NULL };
const char *const pv_diff_state_names[] = { "resolved", "new", "unchanged", "waived", NULL };
const char *const pv_diff_total_names[] = {
	"priorities", "objectives", "actions", "uncosted_actions", "stakeholders", "indicators",
	"capacity_needs", "cost", "committed", "pledged", "gap", NULL,
};
const char *const pv_diff_total_labels[] = {
	"glance.priorities", "glance.objectives", "glance.actions", "diff.uncosted",
	"glance.stakeholders", "glance.indicators", "glance.needs", "glance.total_cost",
	"glance.committed", "glance.pledged", "glance.gap", NULL,
};

/* ---- items ---- */

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static struct pv_diff_item *add_item(struct pv_diff_items *out, enum pv_diff_change c,
				     struct pv_diff_flat *f)
{
	PV_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	struct pv_diff_item *it = &out->v[out->n++];
	memset(it, 0, sizeof(*it));
	it->change = c;
	it->id = f->id;
	it->title = f->title;
	f->id = f->title = NULL;
	out->count[c]++;
	return it;
}

/* Splits `s` at `sep` into `out`. */
static void split(const char *s, const char *sep, struct pv_pathlist *out)
{
	size_t n = strlen(sep);
	while (s && *s) {
		const char *e = strstr(s, sep);
		char *part = xstrndup(s, e ? (size_t)(e - s) : strlen(s));
		PV_ALLOC_GROW(out->v, out->n + 1, out->alloc);
		out->v[out->n++] = part;
		s = e ? e + n : NULL;
	}
}

/* The shown items of list `a` whose raw item is not in list `b`. */
static char *missing(const struct pv_pathlist *araw, const struct pv_pathlist *ashown,
		     const struct pv_pathlist *braw, const char *sep)
{
	struct pv_strmap in_b = PV_STRMAP_INIT;
	struct pv_buf out = PV_BUF_INIT;
	for (size_t i = 0; i < braw->n; i++)
		pv_strmap_put(&in_b, braw->v[i], (void *)1);
	for (size_t i = 0; i < araw->n; i++)
		if (!pv_strmap_get(&in_b, araw->v[i])) {
			pv_buf_adds(&out, out.len ? sep : "");
			pv_buf_adds(&out, i < ashown->n ? ashown->v[i] : araw->v[i]);
		}
	pv_strmap_release(&in_b);
	return out.len ? pv_buf_detach(&out, NULL) : (pv_buf_release(&out), NULL);
}

/* A changed list, as what it gained and lost: shorter to read than two
 * whole lists, when each item is in the other list or not. */
static void list_delta(struct pv_diff_field *f)
{
	const char *sep = f->flags & PV_DF_SEMI ? "; " : ", ";
	struct pv_pathlist ar = PV_PATHLIST_INIT, as = PV_PATHLIST_INIT, br = PV_PATHLIST_INIT,
			   bs = PV_PATHLIST_INIT;
	split(f->old_raw, ", ", &ar);
	split(f->old_shown, sep, &as);
	split(f->new_raw, ", ", &br);
	split(f->new_shown, sep, &bs);
	/* Only when raw and shown items pair up (a label holding the separator
	 * would shift them): else the two lists are shown whole. */
	if (ar.n == as.n && br.n == bs.n) {
		f->added = missing(&br, &bs, &ar, sep);
		f->removed = missing(&ar, &as, &br, sep);
	}
	pv_pathlist_release(&ar);
	pv_pathlist_release(&as);
	pv_pathlist_release(&br);
	pv_pathlist_release(&bs);
}

/* The fields of `n` whose raw value differs from those of `o` (both
 * flattened by the same code, so the fields come in the same order). */
static void changed_fields(struct pv_diff_flat *o, struct pv_diff_flat *n, struct pv_diff_items *out)
{
	struct pv_diff_item *it = NULL;
	for (size_t i = 0; i < n->nfields && i < o->nfields; i++) {
		struct pv_diff_field *a = &o->fields[i], *b = &n->fields[i];
		if (same(a->old_raw, b->old_raw))
			continue;
		if (!it)
			it = add_item(out, PV_DIFF_CHANGED, n);
		PV_ALLOC_GROW(it->fields, it->nfields + 1, it->alloc);
		struct pv_diff_field *f = &it->fields[it->nfields++];
		*f = *a;
		f->new_raw = b->old_raw;
		f->new_shown = b->old_shown;
		if (f->flags & PV_DF_LIST)
			list_delta(f);
		memset(a, 0, sizeof(*a));
		a->key = f->key;
		b->old_raw = b->old_shown = NULL;
	}
}

/* The rename hint: the removed item whose title (as written) is that of
 * the added one, when exactly one is. `titles` are the items' titles. */
static void hint_renames(struct pv_diff_items *out, const char **titles)
{
	struct pv_strmap removed = PV_STRMAP_INIT;	/* title -> index + 1, or SIZE_MAX when two */
	for (size_t j = 0; j < out->n; j++) {
		const char *t = titles[j];
		if (out->v[j].change != PV_DIFF_REMOVED || !t || !*t)
			continue;
		pv_strmap_put(&removed, t, pv_strmap_get(&removed, t) ? (void *)SIZE_MAX
								       : (void *)(uintptr_t)(j + 1));
	}
	for (size_t i = 0; i < out->n; i++) {
		uintptr_t k = titles[i] ? (uintptr_t)pv_strmap_get(&removed, titles[i]) : 0;
		if (out->v[i].change == PV_DIFF_ADDED && k && k != SIZE_MAX)
			out->v[i].renamed_from = xstrdup(out->v[k - 1].id);
	}
	pv_strmap_release(&removed);
}

void pv_diff_match(struct pv_diff_flats *old, struct pv_diff_flats *new, struct pv_diff_items *out)
{
	const char **titles = xcalloc(old->n + new->n + 1, sizeof(*titles));
	struct pv_strmap ids = PV_STRMAP_INIT;	/* old id -> index + 1 */
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < old->n; i++)
		if (!pv_strmap_get(&ids, old->v[i].id))
			pv_strmap_put(&ids, old->v[i].id, (void *)(uintptr_t)(i + 1));
	/* Added and changed in the new draft's order, then what was removed. */
	char *matched = xcalloc(old->n + 1, 1);
	for (size_t i = 0; i < new->n; i++) {
		struct pv_diff_flat *n = &new->v[i];
		uintptr_t k = (uintptr_t)pv_strmap_get(&ids, n->id);
		if (!k || matched[k - 1]) {
			titles[out->n] = n->title_raw;
			add_item(out, PV_DIFF_ADDED, n);
		} else {
			matched[k - 1] = 1;
			changed_fields(&old->v[k - 1], n, out);
		}
	}
	for (size_t i = 0; i < old->n; i++)
		if (!matched[i]) {
			titles[out->n] = old->v[i].title_raw;
			add_item(out, PV_DIFF_REMOVED, &old->v[i]);
		}
	hint_renames(out, titles);
	pv_strmap_release(&ids);
	free(matched);
	free(titles);
}

/* ---- totals and coverage: the report's view of each draft ---- */

struct view {
	struct pv_report_input in;
	struct pv_view v;
};

static void view_open(struct view *w, const struct pv_diff_side *s, const struct pv_lang *lang)
{
	memset(w, 0, sizeof(*w));
	w->in.plan = &s->plan;
	w->in.diags = &s->diags;
	w->in.matrix = &s->matrix;
	w->in.lang = lang;
	w->in.fallback = s->plan.plan.language.s;
	pv_view_init(&w->v, &w->in);
}

static void totals(struct pv_diff *d, int side, const struct pv_view *v)
{
	struct pv_view_totals t;
	pv_view_totals(v, &t);
	double *x = d->totals[side];
	x[PV_DT_PRIORITIES] = (double)t.priorities;
	x[PV_DT_OBJECTIVES] = (double)t.objectives;
	x[PV_DT_ACTIONS] = (double)t.actions;
	x[PV_DT_UNCOSTED] = (double)t.uncosted;
	x[PV_DT_STAKEHOLDERS] = (double)t.stakeholders;
	x[PV_DT_INDICATORS] = (double)t.indicators;
	x[PV_DT_NEEDS] = (double)t.needs;
	x[PV_DT_COST] = t.money.cost;
	x[PV_DT_COMMITTED] = t.money.committed;
	x[PV_DT_PLEDGED] = t.money.pledged;
	x[PV_DT_GAP] = t.money.cost - t.money.committed - t.money.pledged;
	d->costed[side] = t.costed;
}

static void cover_add(struct pv_diff_cover *c, int side, const char *id)
{
	pv_pathlist_add(side ? &c->new : &c->old, id ? id : "?");
}

static void coverage(struct pv_diff *d, int side, const struct pv_view *v)
{
	const struct pv_plan *p = v->p;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		for (int a = 1; a <= PV_AREA_COUNT; a++)
			for (uint32_t j = 0; j < pr->areas.n; j++)
				if (pr->areas.v[j].v == a) {
					cover_add(&d->areas[a], side, pr->id.s);
					break;
				}
		for (int g = 1; g <= 4; g++)
			for (uint32_t j = 0; j < pr->gcts_pillars.n; j++)
				if (pr->gcts_pillars.v[j].v == g) {
					cover_add(&d->pillars[g], side, pr->id.s);
					break;
				}
	}
	/* Sectors involved as the rules count involvement (pv_view_involved). */
	struct pv_strmap ids = PV_STRMAP_INIT;
	pv_view_involved(v, &ids);
	for (uint32_t i = 0; i < p->stakeholders.n; i++) {
		const struct pv_stakeholder *s = &p->stakeholders.v[i];
		if (s->id.s && s->sector.v && pv_strmap_get(&ids, s->id.s))
			cover_add(&d->sectors[s->sector.v], side, s->id.s);
	}
	pv_strmap_release(&ids);
}

static int lists_differ(const struct pv_pathlist *a, const struct pv_pathlist *b)
{
	if (a->n != b->n)
		return 1;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 1;
	return 0;
}

static void mark_changed(struct pv_diff_cover *c, size_t n)
{
	for (size_t i = 1; i <= n; i++)
		c[i].changed = lists_differ(&c[i].old, &c[i].new);
}

/* ---- findings ---- */

static void add_finding(struct pv_diff *d, enum pv_diff_state st, const struct pv_diag *g,
			char *fp)
{
	PV_ALLOC_GROW(d->findings, d->nfindings + 1, d->falloc);
	struct pv_diff_finding *f = &d->findings[d->nfindings++];
	memset(f, 0, sizeof(*f));
	f->state = st;
	memcpy(f->code, g->code, sizeof(f->code));
	f->sev = g->sev;
	f->line = g->pos.line;
	f->message = pv_msg_text(&g->msg, pv_lang_has_findings(d->lang) ? d->lang : NULL);
	f->fingerprint = fp;
	d->state_count[st]++;
	if (st == PV_FINDING_NEW && g->sev == PV_SEV_ERROR)
		d->new_errors++;
}

/* Findings matched by their fingerprints (pv_diag_fingerprint, given by
 * pv_check_text: rule, plan id, key path, subject, identifying arguments,
 * occurrence; never a line). Each fingerprint of the old draft is counted,
 * so that a fingerprint met twice in it and once in the new draft makes
 * one unchanged and one resolved; one that an accepted deviation silences
 * in the new draft is waived, not resolved. Shown new first, then resolved
 * and waived, then unchanged, each in file order. */
static void findings(struct pv_diff *d, const struct pv_diags *old, const struct pv_diags *new)
{
	struct pv_strmap left = PV_STRMAP_INIT;	/* fingerprint -> index + 1 of its count */
	char **ofp = xcalloc(old->nr + 1, sizeof(*ofp));
	size_t *count = xcalloc(old->nr + 1, sizeof(*count));
	for (size_t i = 0; i < old->nr; i++) {
		if (old->v[i].waiver >= 0)
			continue;
		ofp[i] = xstrdup(old->v[i].fingerprint);
		uintptr_t k = (uintptr_t)pv_strmap_get(&left, ofp[i]);
		if (!k)
			pv_strmap_put(&left, ofp[i], (void *)(uintptr_t)(k = i + 1));
		count[k - 1]++;
	}
	enum pv_diff_state *state = xcalloc(new->nr + 1, sizeof(*state));
	char **nfp = xcalloc(new->nr + 1, sizeof(*nfp));
	struct pv_strmap waived = PV_STRMAP_INIT;	/* fingerprints silenced in the new draft */
	for (size_t i = 0; i < new->nr; i++) {
		if (new->v[i].waiver >= 0) {
			pv_strmap_put(&waived, new->v[i].fingerprint, (void *)1);
			continue;
		}
		nfp[i] = xstrdup(new->v[i].fingerprint);
		uintptr_t k = (uintptr_t)pv_strmap_get(&left, nfp[i]);
		state[i] = k && count[k - 1] ? PV_FINDING_UNCHANGED : PV_FINDING_NEW;
		if (state[i] == PV_FINDING_UNCHANGED)
			count[k - 1]--;
	}
	for (size_t i = 0; i < new->nr; i++)
		if (nfp[i] && state[i] == PV_FINDING_NEW)
			add_finding(d, PV_FINDING_NEW, &new->v[i], xstrdup(nfp[i]));
	for (size_t i = 0; i < old->nr; i++) {
		uintptr_t k = ofp[i] ? (uintptr_t)pv_strmap_get(&left, ofp[i]) : 0;
		if (k && count[k - 1]) {
			count[k - 1]--;
			add_finding(d, pv_strmap_get(&waived, ofp[i]) ? PV_FINDING_WAIVED : PV_FINDING_RESOLVED,
				    &old->v[i], xstrdup(ofp[i]));
		}
	}
	for (size_t i = 0; i < new->nr; i++)
		if (nfp[i] && state[i] == PV_FINDING_UNCHANGED)
			add_finding(d, PV_FINDING_UNCHANGED, &new->v[i], xstrdup(nfp[i]));
	pv_strmap_release(&left);
	pv_strmap_release(&waived);
	for (size_t i = 0; i < old->nr; i++)
		free(ofp[i]);
	for (size_t i = 0; i < new->nr; i++)
		free(nfp[i]);
	free(ofp);
	free(nfp);
	free(state);
	free(count);
}

static void matrix(struct pv_diff *d, const struct pv_matrix *o, const struct pv_matrix *n)
{
	d->rules = xcalloc(n->n + 1, sizeof(*d->rules));
	for (size_t i = 0; i < n->n; i++) {
		const struct pv_matrix_row *b = &n->rows[i], *a = NULL;
		for (size_t j = 0; j < o->n && !a; j++)
			if (o->rows[j].rule == b->rule)
				a = &o->rows[j];
		if (!a || (a->status == b->status && a->severity == b->severity &&
			   a->findings == b->findings))
			continue;
		struct pv_diff_rule *r = &d->rules[d->nrules++];
		r->code = b->rule->code;
		r->old_status = a->status;
		r->new_status = b->status;
		r->old_sev = a->severity;
		r->new_sev = b->severity;
		r->old_findings = a->findings;
		r->new_findings = b->findings;
	}
}

void pv_diff_compute(struct pv_diff *d, const struct pv_diff_side *old,
		     const struct pv_diff_side *new, const struct pv_lang *lang)
{
	memset(d, 0, sizeof(*d));
	d->lang = lang;
	d->old_name = xstrdup(old->name);
	d->new_name = xstrdup(new->name);
	d->old_loaded = old->loaded;
	d->new_loaded = new->loaded;
	const struct pv_diff_side *sides[2] = { old, new };
	char **ids[2] = { &d->old_id, &d->new_id }, **curs[2] = { &d->old_currency, &d->new_currency };
	for (int s = 0; s < 2; s++) {
		const struct pv_plan *p = &sides[s]->plan;
		*ids[s] = p->plan.id.s ? xstrdup(p->plan.id.s) : NULL;
		*curs[s] = p->plan.currency.s ? xstrdup(p->plan.currency.s) : NULL;
		if (!sides[s]->loaded)
			continue;
		struct view w;
		view_open(&w, sides[s], lang);
		totals(d, s, &w.v);
		coverage(d, s, &w.v);
		pv_view_release(&w.v);
	}
	d->currency_differs = d->old_currency && d->new_currency &&
			      strcmp(d->old_currency, d->new_currency);
	mark_changed(d->areas, PV_AREA_COUNT);
	mark_changed(d->pillars, 4);
	mark_changed(d->sectors, PV_SECTOR_COUNT);
	for (int k = 0; k < PV_DIFF_NKINDS && old->loaded && new->loaded; k++) {
		struct pv_diff_flats a, b;
		pv_diff_flatten(&old->plan, (enum pv_diff_kind)k, lang, &a);
		pv_diff_flatten(&new->plan, (enum pv_diff_kind)k, lang, &b);
		/* The plan is one item whatever its id: a new id is a changed field. */
		if (k == PV_DIFF_PLAN) {
			free(a.v[0].id);
			a.v[0].id = xstrdup(b.v[0].id);
		}
		pv_diff_match(&a, &b, &d->items[k]);
		pv_diff_flats_release(&a);
		pv_diff_flats_release(&b);
	}
	findings(d, &old->diags, &new->diags);
	matrix(d, &old->matrix, &new->matrix);
}

static void items_release(struct pv_diff_items *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct pv_diff_item *it = &l->v[i];
		for (size_t j = 0; j < it->nfields; j++) {
			free(it->fields[j].old_raw);
			free(it->fields[j].new_raw);
			free(it->fields[j].old_shown);
			free(it->fields[j].new_shown);
			free(it->fields[j].added);
			free(it->fields[j].removed);
		}
		free(it->fields);
		free(it->id);
		free(it->title);
		free(it->renamed_from);
	}
	free(l->v);
}

static void cover_release(struct pv_diff_cover *c, size_t n)
{
	for (size_t i = 0; i <= n; i++) {
		pv_pathlist_release(&c[i].old);
		pv_pathlist_release(&c[i].new);
	}
}

void pv_diff_release(struct pv_diff *d)
{
	for (int k = 0; k < PV_DIFF_NKINDS; k++)
		items_release(&d->items[k]);
	cover_release(d->areas, PV_AREA_COUNT);
	cover_release(d->pillars, 4);
	cover_release(d->sectors, PV_SECTOR_COUNT);
	for (size_t i = 0; i < d->nfindings; i++) {
		free(d->findings[i].message);
		free(d->findings[i].fingerprint);
	}
	free(d->findings);
	free(d->rules);
	free(d->old_name);
	free(d->new_name);
	free(d->old_id);
	free(d->new_id);
	free(d->old_currency);
	free(d->new_currency);
	memset(d, 0, sizeof(*d));
}
