/* What the reports show of a plan (see pveplan/report_view.h): the redaction
 * rule, the walks and lookups, the totals and the findings shown. */
#include "pveplan/report.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the rule ---- */

static int secret(const struct pv_view *v, const struct pv_bool *confidential)
{
	return v->redact && confidential->v == 1;
}

int pv_view_hides_priority(const struct pv_view *v, const struct pv_priority *pr)
{
	return secret(v, &pr->confidential);
}

int pv_view_hides_objective(const struct pv_view *v, const struct pv_priority *pr,
			    const struct pv_objective *o)
{
	return pv_view_hides_priority(v, pr) || secret(v, &o->confidential);
}

int pv_view_hides_action(const struct pv_view *v, const struct pv_priority *pr,
			 const struct pv_objective *o, const struct pv_action *a)
{
	return pv_view_hides_objective(v, pr, o) || secret(v, &a->confidential);
}

/* `a` comes from the walk over the shown actions (or is NULL): the needs
 * of a hidden action, objective or priority are never reached. */
int pv_view_hides_need(const struct pv_view *v, const struct pv_action *a,
		       const struct pv_need *n)
{
	return (a && secret(v, &a->confidential)) || secret(v, &n->confidential);
}

int pv_view_hides_stakeholder(const struct pv_view *v, const struct pv_stakeholder *s)
{
	return secret(v, &s->confidential);
}

int pv_view_hides_consultation(const struct pv_view *v, const struct pv_consultation *c)
{
	return secret(v, &c->confidential);
}

int pv_view_hides_indicator(const struct pv_view *v, const struct pv_indicator *i)
{
	return secret(v, &i->confidential);
}

int pv_view_hides_risk(const struct pv_view *v, const struct pv_risk *r)
{
	return secret(v, &r->confidential);
}

int pv_view_hides_driver(const struct pv_view *v, const struct pv_driver *d)
{
	return secret(v, &d->confidential);
}

int pv_view_hides_id(const struct pv_view *v, const char *id)
{
	return v->redact && id && pv_strmap_get(&v->hidden, id) != NULL;
}

int pv_view_hides_deviation(const struct pv_view *v, const struct pv_deviation *d)
{
	for (uint32_t i = 0; i < d->scope.n; i++)
		if (pv_view_hides_id(v, d->scope.v[i].s))
			return 1;
	return 0;
}

/* ---- what a hidden item is made of ---- */

static void keep_secret(struct pv_view *v, const char *s)
{
	if (s && *s)
		pv_strmap_put(&v->secrets, s, (void *)s);
}

static void keep_text(struct pv_view *v, const struct pv_text *t)
{
	for (uint32_t i = 0; i < t->n; i++)
		keep_secret(v, t->items[i].s);
}

static void keep_id(struct pv_view *v, const struct pv_str *id)
{
	if (id->s)
		pv_strmap_put(&v->hidden, id->s, (void *)id->s);
}

static void hide_need(struct pv_view *v, const struct pv_need *n)
{
	keep_id(v, &n->id);
	keep_text(v, &n->need);
}

static void hide_action(struct pv_view *v, const struct pv_action *a)
{
	keep_id(v, &a->id);
	keep_text(v, &a->title);
	keep_text(v, &a->description);
	keep_text(v, &a->human_rights);
	for (uint32_t i = 0; i < a->capacity_needs.n; i++)
		hide_need(v, &a->capacity_needs.v[i]);
}

static void hide_tree(struct pv_view *v)
{
	const struct pv_plan *p = v->p;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (pv_view_hides_priority(v, pr)) {
			keep_id(v, &pr->id);
			keep_text(v, &pr->title);
		}
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (pv_view_hides_objective(v, pr, o)) {
				keep_id(v, &o->id);
				keep_text(v, &o->title);
				keep_text(v, &o->outcome);
			}
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (pv_view_hides_action(v, pr, o, a)) {
					hide_action(v, a);
					continue;
				}
				for (uint32_t x = 0; x < a->capacity_needs.n; x++)
					if (pv_view_hides_need(v, a, &a->capacity_needs.v[x]))
						hide_need(v, &a->capacity_needs.v[x]);
			}
		}
	}
}

/* Every item that may be confidential, its id into `hidden` and its texts
 * into `secrets`. */
static void hide_items(struct pv_view *v)
{
	const struct pv_plan *p = v->p;
	hide_tree(v);
	for (uint32_t i = 0; i < p->capacity_needs.n; i++)
		if (pv_view_hides_need(v, NULL, &p->capacity_needs.v[i]))
			hide_need(v, &p->capacity_needs.v[i]);
	for (uint32_t i = 0; i < p->stakeholders.n; i++) {
		const struct pv_stakeholder *s = &p->stakeholders.v[i];
		if (pv_view_hides_stakeholder(v, s)) {
			keep_id(v, &s->id);
			keep_text(v, &s->name);
			keep_text(v, &s->role);
		}
	}
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *c = &p->consultations.v[i];
		if (pv_view_hides_consultation(v, c)) {
			keep_text(v, &c->title);
			keep_secret(v, c->location.s);
		}
	}
	for (uint32_t i = 0; i < p->indicators.n; i++) {
		const struct pv_indicator *ind = &p->indicators.v[i];
		if (pv_view_hides_indicator(v, ind)) {
			keep_id(v, &ind->id);
			keep_text(v, &ind->name);
			keep_text(v, &ind->source);
		}
	}
	for (uint32_t i = 0; i < p->risks.n; i++) {
		const struct pv_risk *r = &p->risks.v[i];
		if (pv_view_hides_risk(v, r)) {
			keep_id(v, &r->id);
			keep_text(v, &r->description);
			keep_text(v, &r->mitigation);
		}
	}
	for (uint32_t i = 0; i < p->context.drivers.n; i++) {
		const struct pv_driver *d = &p->context.drivers.v[i];
		if (pv_view_hides_driver(v, d)) {
			keep_id(v, &d->id);
			keep_text(v, &d->description);
		}
	}
}

/* ---- walks and lookups ---- */

int pv_view_next_action(const struct pv_view *v, struct pv_view_action *it)
{
	const struct pv_plan *p = v->p;
	for (; it->i < p->priorities.n; it->i++, it->j = 0, it->k = 0) {
		const struct pv_priority *pr = &p->priorities.v[it->i];
		if (it->one_priority && pr != it->pr)
			return 0;
		if (pv_view_hides_priority(v, pr))
			continue;
		for (; it->j < pr->objectives.n; it->j++, it->k = 0) {
			const struct pv_objective *o = &pr->objectives.v[it->j];
			if (pv_view_hides_objective(v, pr, o))
				continue;
			while (it->k < o->actions.n) {
				const struct pv_action *a = &o->actions.v[it->k++];
				if (pv_view_hides_action(v, pr, o, a))
					continue;
				it->pr = pr;
				it->o = o;
				it->a = a;
				return 1;
			}
		}
	}
	return 0;
}

void pv_view_priority_actions(const struct pv_view *v, uint32_t i, struct pv_view_action *it)
{
	*it = (struct pv_view_action)PV_VIEW_ACTION_INIT;
	if (i < v->p->priorities.n) {
		it->i = i;
		it->pr = &v->p->priorities.v[i];
		it->one_priority = 1;
	} else {
		it->i = v->p->priorities.n;
	}
}

const char *pv_view_text(const struct pv_view *v, const struct pv_text *t)
{
	const char *s = pv_text_get(t, pv_lang_code(v->in->lang), v->in->fallback);
	return s ? s : "";
}

const struct pv_stakeholder *pv_view_stakeholder_def(const struct pv_view *v, const char *id)
{
	const struct pv_iddef *d = id ? pv_plan_find(v->p, id) : NULL;
	if (!d || d->kind != PV_KIND_STAKEHOLDER || pv_view_hides_stakeholder(v, d->obj))
		return NULL;
	return d->obj;
}

const char *pv_view_stakeholder(const struct pv_view *v, const char *id)
{
	if (!id)
		return "";
	if (pv_view_hides_id(v, id))
		return NULL;
	const struct pv_iddef *d = pv_plan_find(v->p, id);
	if (!d || d->kind != PV_KIND_STAKEHOLDER)
		return id;
	if (pv_view_hides_stakeholder(v, d->obj))
		return NULL;
	return pv_view_text(v, &((const struct pv_stakeholder *)d->obj)->name);
}

static void involve(struct pv_strmap *ids, const char *id)
{
	if (id)
		pv_strmap_put(ids, id, (void *)id);
}

void pv_view_involved(const struct pv_view *v, struct pv_strmap *ids)
{
	const struct pv_plan *p = v->p;
	involve(ids, p->coordination.body.s);
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(v, &it)) {
		involve(ids, it.a->lead.s);
		for (uint32_t i = 0; i < it.a->partners.n; i++)
			involve(ids, it.a->partners.v[i].s);
	}
	for (uint32_t i = 0; i < p->consultations.n; i++) {
		const struct pv_consultation *c = &p->consultations.v[i];
		if (pv_view_hides_consultation(v, c))
			continue;
		for (uint32_t j = 0; j < c->participants.n; j++)
			involve(ids, c->participants.v[j].s);
	}
}

int pv_view_any_action_kind(const struct pv_view *v)
{
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(v, &it))
		if (it.a->kind.v)
			return 1;
	return 0;
}

static void add_money(struct pv_money *sum, const struct pv_money *m)
{
	sum->cost += m->cost;
	sum->committed += m->committed;
	sum->pledged += m->pledged;
}

void pv_view_priority_money(const struct pv_view *v, const struct pv_priority *pr,
			    struct pv_money *m)
{
	struct pv_view_action it;
	memset(m, 0, sizeof(*m));
	pv_view_priority_actions(v, (uint32_t)(pr - v->p->priorities.v), &it);
	while (pv_view_next_action(v, &it)) {
		struct pv_money a;
		if (pv_action_money(v->p, it.a, &a))
			add_money(m, &a);
	}
}

static size_t count_needs(const struct pv_view *v, const struct pv_action *a, const pv_need_list *l)
{
	size_t n = 0;
	for (uint32_t i = 0; i < l->n; i++)
		n += !pv_view_hides_need(v, a, &l->v[i]);
	return n;
}

size_t pv_view_count_needs(const struct pv_view *v, const struct pv_priority *pr)
{
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	size_t n = 0;
	if (pr)
		pv_view_priority_actions(v, (uint32_t)(pr - v->p->priorities.v), &it);
	while (pv_view_next_action(v, &it))
		n += count_needs(v, it.a, &it.a->capacity_needs);
	return pr ? n : n + count_needs(v, NULL, &v->p->capacity_needs);
}

void pv_view_totals(const struct pv_view *v, struct pv_view_totals *t)
{
	const struct pv_plan *p = v->p;
	memset(t, 0, sizeof(*t));
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (pv_view_hides_priority(v, pr))
			continue;
		t->priorities++;
		for (uint32_t j = 0; j < pr->objectives.n; j++)
			t->objectives += !pv_view_hides_objective(v, pr, &pr->objectives.v[j]);
	}
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(v, &it)) {
		struct pv_money m;
		t->actions++;
		if (!it.a->cost.set && !it.a->cost.invalid)
			t->uncosted++;
		else if (pv_action_money(p, it.a, &m)) {
			t->costed = 1;
			add_money(&t->money, &m);
		}
	}
	for (uint32_t i = 0; i < p->stakeholders.n; i++)
		t->stakeholders += !pv_view_hides_stakeholder(v, &p->stakeholders.v[i]);
	for (uint32_t i = 0; i < p->indicators.n; i++)
		t->indicators += !pv_view_hides_indicator(v, &p->indicators.v[i]);
	t->needs = pv_view_count_needs(v, NULL);
}

/* ---- the timeline ---- */

static struct pv_date day_first(struct pv_date d)
{
	d.month = d.month ? d.month : 1;
	d.day = d.day ? d.day : 1;
	d.prec = PV_DATE_DAY;
	return d;
}

static struct pv_date day_last(struct pv_date d)
{
	d.month = d.month ? d.month : 12;
	d.day = d.day ? d.day : (int8_t)pv_days_in_month(d.year, d.month);
	d.prec = PV_DATE_DAY;
	return d;
}

/* Extends `b` to cover `a`'s dates. */
static void cover(struct pv_bar *b, const struct pv_action *a, int first)
{
	struct pv_date s = day_first(a->start.d), e = day_last(a->end.d);
	if (first || pv_date_first_day(&s) < pv_date_first_day(&b->start))
		b->start = s;
	if (first || pv_date_first_day(&e) > pv_date_first_day(&b->end))
		b->end = e;
}

size_t pv_view_timeline(const struct pv_view *v, struct pv_bar **bars)
{
	size_t nactions = 0, nobjectives = 0, n = 0, alloc = 0;
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	const struct pv_objective *last = NULL;
	while (pv_view_next_action(v, &it)) {
		nactions++;
		nobjectives += it.o != last;
		last = it.o;
	}
	/* A real plan has some dozens of actions; a very large one is shown by
	 * objective, or by priority, so the chart stays readable. */
	int level = nactions <= PV_TIMELINE_MAX ? 2 : nobjectives <= PV_TIMELINE_MAX ? 1 : 0;
	struct pv_bar *b = NULL;
	const void *group = NULL;	/* the objective or priority of the open bar */
	it = (struct pv_view_action)PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(v, &it)) {
		const struct pv_action *a = it.a;
		if (!a->start.d.prec || !a->end.d.prec)
			continue;
		const void *g = level == 1 ? (const void *)it.o : (const void *)it.pr;
		if (level == 2 || g != group) {
			PV_ALLOC_GROW(b, n + 1, alloc);
			b[n].section = it.pr->id.s ? it.pr->id.s : "";
			b[n].label = level == 2 ? a->id.s : level == 1 ? it.o->id.s : it.pr->id.s;
			if (!b[n].label)
				b[n].label = "";
			cover(&b[n++], a, 1);
			group = g;
		} else {
			cover(&b[n - 1], a, 0);
		}
	}
	*bars = b;
	return n;
}

/* ---- findings ---- */

static int id_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '_' || c == '-';
}

/* Whether `s` holds a hidden id as a word (ids are words of letters, digits,
 * '.', '_' and '-'; a sentence's full stop may follow one), or is, between
 * its control-byte separators, the text of a hidden item. */
static int arg_names_hidden(const struct pv_view *v, const char *s)
{
	struct pv_buf part = PV_BUF_INIT;
	int found = 0;
	for (const char *p = s; *p && !found;) {
		size_t n = 0;
		while (p[n] && (unsigned char)p[n] >= 0x20)
			n++;
		pv_buf_reset(&part);
		pv_buf_add(&part, p, n);
		found = n && pv_strmap_get(&v->secrets, part.buf) != NULL;
		p += n;
		while (*p && (unsigned char)*p < 0x20)
			p++;
	}
	for (const char *p = s; *p && !found;) {
		size_t n = 0;
		while (id_char((unsigned char)p[n]))
			n++;
		pv_buf_reset(&part);
		pv_buf_add(&part, p, n);
		while (part.len && part.buf[part.len - 1] == '.') {
			found |= pv_strmap_get(&v->hidden, part.buf) != NULL;
			part.buf[--part.len] = '\0';
		}
		found |= part.len && pv_strmap_get(&v->hidden, part.buf) != NULL;
		p += n ? n : 1;
	}
	pv_buf_release(&part);
	return found;
}

/* Arguments that carry plan text: TEXT ones (ids, values quoted from the
 * plan), alone or in a list. Words, labels and numbers are pveplan's own. */
static int args_name_hidden(const struct pv_view *v, const struct pv_arg *a, size_t n, size_t step)
{
	for (size_t i = 0; i < n; i += step) {
		if (a[i].kind == PV_ARG_TEXT && a[i].u.s && arg_names_hidden(v, a[i].u.s))
			return 1;
		if (a[i].kind == PV_ARG_LIST && args_name_hidden(v, a[i].u.list.v, a[i].u.list.n, 1))
			return 1;
	}
	return 0;
}

static int msg_names_hidden(const struct pv_view *v, const struct pv_msg *m)
{
	/* A catalogue message holds name, value pairs: the names are ours. */
	if (!m->nargs)
		return 0;
	if (m->kind == PV_MSG_CATALOGUE)
		return args_name_hidden(v, m->args + 1, 2u * m->nargs - 1, 2);
	return args_name_hidden(v, m->args, m->nargs, 1);
}

int pv_view_finding_hidden(const struct pv_view *v, const struct pv_diag *g)
{
	if (!v->redact)
		return 0;
	return pv_view_hides_id(v, g->subject) || msg_names_hidden(v, &g->msg) ||
	       msg_names_hidden(v, &g->hint) || msg_names_hidden(v, &g->note);
}

/* PVE115 over the shown actions; -1 when none of them lacks a cost. */
static long redo_uncosted(struct pv_view *v, const struct pv_diag *g, const struct pv_view_totals *t)
{
	if (!t->uncosted)
		return -1;
	struct pv_buf ids = PV_BUF_INIT;
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	struct pv_pos pos = g->pos;
	size_t shown = 0;
	while (pv_view_next_action(v, &it)) {
		if (it.a->cost.set)
			continue;
		if (!shown)
			pos = it.a->id.pos.line ? it.a->id.pos : it.a->pos;
		if (shown++ < 5)
			pv_buf_addf(&ids, "%s%s", shown > 1 ? ", " : "", it.a->id.s ? it.a->id.s : "?");
	}
	if (shown > 5)
		pv_buf_adds(&ids, ", ...");
	pv_diag_rule(&v->redone, "PVE115", "message", pos, NULL, "count", t->uncosted, "total",
		     t->actions, "ids", ids.buf);
	pv_buf_release(&ids);
	return (long)v->redone.nr - 1;
}

/* PVE116 over the money the report shows; -1 when no shown action counts. */
static long redo_money(struct pv_view *v, const struct pv_diag *g, const struct pv_view_totals *t)
{
	if (!t->costed)
		return -1;
	const char *cur = v->p->plan.currency.s;
	const struct pv_money *m = &t->money;
	pv_diag_rule(&v->redone, "PVE116", "message", g->pos, NULL,
		     "cost", pv_msg_amount(m->cost, cur),
		     "committed", pv_msg_amount(m->committed, cur),
		     "pledged", pv_msg_amount(m->pledged, cur),
		     "gap", pv_msg_amount(m->cost - m->committed - m->pledged, cur));
	return (long)v->redone.nr - 1;
}

static int by_position(const void *a, const void *b)
{
	const struct pv_diag *x = *(const struct pv_diag *const *)a, *y = *(const struct pv_diag *const *)b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	int c = strcmp(x->code, y->code);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * The open findings a report shows. Under --redact, a finding that names a
 * hidden item is left out (and counted), and the figures of PVE115 and
 * PVE116, which add up actions, are those of the actions shown, so they
 * agree with the report's own totals.
 */
static void choose_findings(struct pv_view *v)
{
	const struct pv_diags *d = v->in->diags;
	struct pv_view_totals t;
	long *pick = xcalloc(d->nr + 1, sizeof(*pick));	/* >= 0: in d; < -1: in redone */
	size_t n = 0;
	pv_view_totals(v, &t);
	for (size_t i = 0; i < d->nr; i++) {
		const struct pv_diag *g = &d->v[i];
		if (g->waiver >= 0)
			continue;
		long r = 0;
		int redo = v->redact && (!strcmp(g->code, "PVE115") || !strcmp(g->code, "PVE116"));
		if (redo)
			r = !strcmp(g->code, "PVE115") ? redo_uncosted(v, g, &t) : redo_money(v, g, &t);
		if (r < 0 || (!redo && pv_view_finding_hidden(v, g))) {
			v->findings_hidden++;
			continue;
		}
		if (redo) {
			struct pv_diag *nd = &v->redone.v[r];
			nd->sev = g->sev;
			nd->seq = g->seq;
			nd->waiver = -1;
		}
		pick[n++] = redo ? -2 - r : (long)i;
	}
	v->findings = xcalloc(n + 1, sizeof(*v->findings));
	for (size_t i = 0; i < n; i++)
		v->findings[i] = pick[i] >= 0 ? &d->v[pick[i]] : &v->redone.v[-2 - pick[i]];
	v->nfindings = n;
	qsort(v->findings, n, sizeof(*v->findings), by_position);
	free(pick);
}

void pv_view_init(struct pv_view *v, const struct pv_report_input *in)
{
	memset(v, 0, sizeof(*v));
	v->in = in;
	v->p = in->plan;
	v->redact = in->redact;
	pv_diags_init(&v->redone, in->diags->file);
	if (v->redact)
		hide_items(v);
	choose_findings(v);
}

void pv_view_release(struct pv_view *v)
{
	pv_strmap_release(&v->hidden);
	pv_strmap_release(&v->secrets);
	pv_diags_release(&v->redone);
	free(v->findings);
	memset(v, 0, sizeof(*v));
}
