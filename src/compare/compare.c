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

static void view_open(struct view *w, const struct pv_diff_side *s, const struct pv_lang *lang,
		      int redact)
{
	memset(w, 0, sizeof(*w));
	w->in.plan = &s->plan;
	w->in.diags = &s->diags;
	w->in.matrix = &s->matrix;
	w->in.lang = lang;
	w->in.fallback = s->plan.plan.language.s;
	w->in.redact = redact;
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

/* Under --redact, ids hidden by either draft's view are no row's. */
static int cover_hides(const struct pv_view *v, const struct pv_view *other, const char *id)
{
	return pv_view_hides_id(v, id) || (other && pv_view_hides_id(other, id));
}

static void coverage(struct pv_diff *d, int side, const struct pv_view *v,
		     const struct pv_view *other)
{
	const struct pv_plan *p = v->p;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (pv_view_hides_priority(v, pr) || cover_hides(v, other, pr->id.s))
			continue;
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
		if (s->id.s && s->sector.v && pv_strmap_get(&ids, s->id.s) &&
		    !cover_hides(v, other, s->id.s))
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

/*
 * What is shown of finding `g` of draft `side`: itself; under --redact
 * (views set), what that draft's redacted report shows of it (PVE115 and
 * PVE116 recomputed over the items shown, pv_view), or NULL when that
 * report leaves it out, it names an item the other draft hides, or the
 * draft could not be read as a plan.
 */
static const struct pv_diag *shown_as(const struct pv_diff *d, const struct pv_view *const *views,
				      int side, const struct pv_diag *g)
{
	if (!views[0])
		return g;
	/* A draft that is no plan has no items to tell the confidential by:
	 * its findings (which may quote its text) are all withheld. */
	if (!(side ? d->new_loaded : d->old_loaded))
		return NULL;
	const struct pv_view *v = views[side];
	const struct pv_diag *f = NULL;
	for (size_t i = 0; i < v->nfindings && !f; i++) {
		const struct pv_diag *x = v->findings[i];
		int redone = x >= v->redone.v && x < v->redone.v + v->redone.nr;
		if (x == g || (redone && x->seq == g->seq && !strcmp(x->code, g->code)))
			f = x;
	}
	return f && !pv_view_finding_hidden(views[!side], f) ? f : NULL;
}

static void add_finding(struct pv_diff *d, enum pv_diff_state st, const struct pv_diag *orig,
			const struct pv_diag *g, char *fp)
{
	/* --fail-on-new counts what it does not show too: the exit status says
	 * no more than "some new error". */
	if (st == PV_FINDING_NEW && orig->sev == PV_SEV_ERROR)
		d->new_errors++;
	if (!g) {
		free(fp);
		d->withheld_findings++;
		return;
	}
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
}

/* Findings matched by their fingerprints (pv_diag_fingerprint, given by
 * pv_check_text: rule, plan id, key path, subject, identifying arguments,
 * occurrence; never a line). Each fingerprint of the old draft is counted,
 * so that a fingerprint met twice in it and once in the new draft makes
 * one unchanged and one resolved; one that an accepted deviation silences
 * in the new draft is waived, not resolved. Shown new first, then resolved
 * and waived, then unchanged, each in file order. */
static void findings(struct pv_diff *d, const struct pv_diags *old, const struct pv_diags *new,
		     const struct pv_view *const *views)
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
			add_finding(d, PV_FINDING_NEW, &new->v[i], shown_as(d, views, 1, &new->v[i]),
				    xstrdup(nfp[i]));
	for (size_t i = 0; i < old->nr; i++) {
		uintptr_t k = ofp[i] ? (uintptr_t)pv_strmap_get(&left, ofp[i]) : 0;
		if (k && count[k - 1]) {
			count[k - 1]--;
			add_finding(d, pv_strmap_get(&waived, ofp[i]) ? PV_FINDING_WAIVED : PV_FINDING_RESOLVED,
				    &old->v[i], shown_as(d, views, 0, &old->v[i]), xstrdup(ofp[i]));
		}
	}
	for (size_t i = 0; i < new->nr; i++)
		if (nfp[i] && state[i] == PV_FINDING_UNCHANGED)
			add_finding(d, PV_FINDING_UNCHANGED, &new->v[i], shown_as(d, views, 1, &new->v[i]),
				    xstrdup(nfp[i]));
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

/* ---- --redact: confidential in either draft, confidential in both ---- */

/* Marks confidential in plan `p` what view `v` of the other draft hides:
 * by id; a consultation by its date and kind (what it is matched by). */
static void mark_hidden(struct pv_plan *p, const struct pv_view *v, const struct pv_plan *vp)
{
#define MARK(x) do { if (pv_view_hides_id(v, (x)->id.s)) (x)->confidential.v = 1; } while (0)
	for (uint32_t i = 0; i < p->context.drivers.n; i++)
		MARK(&p->context.drivers.v[i]);
	for (uint32_t i = 0; i < p->stakeholders.n; i++)
		MARK(&p->stakeholders.v[i]);
	for (uint32_t i = 0; i < p->indicators.n; i++)
		MARK(&p->indicators.v[i]);
	for (uint32_t i = 0; i < p->risks.n; i++)
		MARK(&p->risks.v[i]);
	for (uint32_t i = 0; i < p->capacity_needs.n; i++)
		MARK(&p->capacity_needs.v[i]);
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		struct pv_priority *pr = &p->priorities.v[i];
		MARK(pr);
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			struct pv_objective *o = &pr->objectives.v[j];
			MARK(o);
			for (uint32_t k = 0; k < o->actions.n; k++) {
				struct pv_action *a = &o->actions.v[k];
				MARK(a);
				for (uint32_t l = 0; l < a->capacity_needs.n; l++)
					MARK(&a->capacity_needs.v[l]);
			}
		}
	}
#undef MARK
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		struct pv_consultation *c = &p->consultations.v[i];
		for (uint32_t j = 0; j < vp->consultations.n; j++) {
			const struct pv_consultation *h = &vp->consultations.v[j];
			char x[16] = "", y[16] = "";
			if (h->date.d.prec)
				pv_date_format(&h->date.d, x);
			if (c->date.d.prec)
				pv_date_format(&c->date.d, y);
			if (pv_view_hides_consultation(v, h) && h->kind.v == c->kind.v && !strcmp(x, y))
				c->confidential.v = 1;
		}
	}
}

void pv_diff_redact_both(struct pv_diff_side *old, struct pv_diff_side *new)
{
	struct pv_diff_side *sides[2] = { old, new };
	struct view w[2];
	for (int s = 0; s < 2; s++)
		view_open(&w[s], sides[s], pv_lang_default(), 1);
	/* Both from the views of the drafts as written, then both marked. */
	for (int s = 0; s < 2; s++)
		if (sides[s]->loaded && sides[!s]->loaded)
			mark_hidden(&sides[s]->plan, &w[!s].v, &sides[!s]->plan);
	for (int s = 0; s < 2; s++)
		pv_view_release(&w[s].v);
}

/* Under --redact, drops from both drafts' items of one kind those either
 * draft hides, matched by id (or key): an item that became confidential
 * is not shown as removed. */
static void drop_hidden(struct pv_diff_flats *a, struct pv_diff_flats *b)
{
	struct pv_strmap hidden = PV_STRMAP_INIT;
	struct pv_diff_flats *sides[2] = { a, b };
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < sides[s]->n; i++)
			if (sides[s]->v[i].hidden)
				pv_strmap_put(&hidden, sides[s]->v[i].id, (void *)1);
	/* The map's keys are the items' ids: what is dropped is freed last. */
	struct pv_diff_flats gone = { NULL, 0, 0 };
	for (int s = 0; s < 2; s++) {
		struct pv_diff_flats *f = sides[s], keep = { NULL, 0, 0 };
		for (size_t i = 0; i < f->n; i++) {
			struct pv_diff_flats *to = pv_strmap_get(&hidden, f->v[i].id) ? &gone : &keep;
			PV_ALLOC_GROW(to->v, to->n + 1, to->alloc);
			to->v[to->n++] = f->v[i];
		}
		free(f->v);
		*f = keep;
	}
	pv_strmap_release(&hidden);
	pv_diff_flats_release(&gone);
}

static void compare_items(struct pv_diff *d, const struct pv_diff_side *old,
			  const struct pv_diff_side *new, const struct pv_view *const *views)
{
	for (int k = 0; k < PV_DIFF_NKINDS; k++) {
		struct pv_diff_flats a, b;
		if (views[0]) {
			pv_diff_flatten_view(&old->plan, (enum pv_diff_kind)k, d->lang, views[0], views[1], &a);
			pv_diff_flatten_view(&new->plan, (enum pv_diff_kind)k, d->lang, views[1], views[0], &b);
			drop_hidden(&a, &b);
		} else {
			pv_diff_flatten(&old->plan, (enum pv_diff_kind)k, d->lang, &a);
			pv_diff_flatten(&new->plan, (enum pv_diff_kind)k, d->lang, &b);
		}
		/* The plan is one item whatever its id: a new id is a changed field. */
		if (k == PV_DIFF_PLAN) {
			free(a.v[0].id);
			a.v[0].id = xstrdup(b.v[0].id);
		}
		pv_diff_match(&a, &b, &d->items[k]);
		pv_diff_flats_release(&a);
		pv_diff_flats_release(&b);
	}
}

void pv_diff_compute(struct pv_diff *d, const struct pv_diff_side *old,
		     const struct pv_diff_side *new, const struct pv_lang *lang, int redact)
{
	memset(d, 0, sizeof(*d));
	d->lang = lang;
	d->redact = redact;
	d->old_name = xstrdup(old->name);
	d->new_name = xstrdup(new->name);
	d->old_loaded = old->loaded;
	d->new_loaded = new->loaded;
	const struct pv_diff_side *sides[2] = { old, new };
	char **ids[2] = { &d->old_id, &d->new_id }, **curs[2] = { &d->old_currency, &d->new_currency };
	/* Both views stay open: under --redact each filters the other draft. */
	struct view w[2];
	for (int s = 0; s < 2; s++)
		view_open(&w[s], sides[s], lang, redact);
	const struct pv_view *views[2] = { redact ? &w[0].v : NULL, redact ? &w[1].v : NULL };
	for (int s = 0; s < 2; s++) {
		const struct pv_plan *p = &sides[s]->plan;
		*ids[s] = p->plan.id.s ? xstrdup(p->plan.id.s) : NULL;
		*curs[s] = p->plan.currency.s ? xstrdup(p->plan.currency.s) : NULL;
		if (!sides[s]->loaded)
			continue;
		totals(d, s, &w[s].v);
		coverage(d, s, &w[s].v, views[!s]);
	}
	d->currency_differs = d->old_currency && d->new_currency &&
			      strcmp(d->old_currency, d->new_currency);
	mark_changed(d->areas, PV_AREA_COUNT);
	mark_changed(d->pillars, 4);
	mark_changed(d->sectors, PV_SECTOR_COUNT);
	if (old->loaded && new->loaded)
		compare_items(d, old, new, views);
	findings(d, &old->diags, &new->diags, views);
	matrix(d, &old->matrix, &new->matrix);
	for (int s = 0; s < 2; s++)
		pv_view_release(&w[s].v);
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
