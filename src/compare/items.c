/* The items of one draft flattened into fields, each as the plan writes it
 * (what is compared) and as the output language shows it (what is read). */
#include "pveplan/compare.h"

#include "pveplan/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct flat {
	struct pv_diff_flat *f;
	const struct pv_plan *p;
	const struct pv_lang *lang;
	const struct pv_view *own, *other;	/* under --redact, else NULL */
};

/* Under --redact, an id an item of either draft hides is no field's value:
 * a shown action's partner can be a confidential stakeholder. */
static int id_hidden(const struct flat *x, const char *id)
{
	return x->own && id && (pv_view_hides_id(x->own, id) || pv_view_hides_id(x->other, id));
}

/* Marks the item just added as hidden by the draft's view. */
static void hide(struct flat *x, int hidden)
{
	x->f->hidden = hidden;
}

static void field(struct flat *x, const char *key, unsigned flags, char *raw, char *shown)
{
	struct pv_diff_flat *f = x->f;
	PV_ALLOC_GROW(f->fields, f->nfields + 1, f->alloc);
	struct pv_diff_field *d = &f->fields[f->nfields++];
	memset(d, 0, sizeof(*d));
	d->key = key;
	d->flags = flags;
	d->old_raw = raw;
	d->old_shown = shown ? shown : raw ? xstrdup(raw) : NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void text(struct flat *x, const char *key, const struct pv_text *t)
{
	/* Compared in every language it is given in: a translation that
	 * changed is a change. */
	struct pv_buf raw = PV_BUF_INIT;
	for (uint32_t i = 0; i < t->n; i++) {
		if (t->items[i].lang)
			pv_buf_addf(&raw, "%s%s: ", i ? "; " : "", t->items[i].lang);
		pv_buf_adds(&raw, t->items[i].s ? t->items[i].s : "");
	}
	const char *shown = pv_text_get(t, pv_lang_code(x->lang), x->p->plan.language.s);
	field(x, key, PV_DF_TEXT, t->n ? pv_buf_detach(&raw, NULL) : NULL, dup_or_null(shown));
	pv_buf_release(&raw);
}

static void str(struct flat *x, const char *key, const struct pv_str *s)
{
	field(x, key, 0, id_hidden(x, s->s) ? NULL : dup_or_null(s->s), NULL);
}

static void strs(struct flat *x, const char *key, const pv_str_list *l)
{
	struct pv_buf b = PV_BUF_INIT;
	for (uint32_t i = 0, n = 0; i < l->n; i++)
		if (!id_hidden(x, l->v[i].s))
			pv_buf_addf(&b, "%s%s", n++ ? ", " : "", l->v[i].s ? l->v[i].s : "");
	field(x, key, PV_DF_LIST, l->pos.line || l->n ? pv_buf_detach(&b, NULL) : NULL, NULL);
	pv_buf_release(&b);
}

static void date(struct flat *x, const char *key, const struct pv_dateval *d)
{
	if (!d->d.prec) {
		field(x, key, 0, NULL, NULL);
		return;
	}
	char raw[16];
	struct pv_buf shown = PV_BUF_INIT;
	pv_date_format(&d->d, raw);
	pv_report_date(x->lang, &d->d, &shown);
	field(x, key, 0, xstrdup(raw), pv_buf_detach(&shown, NULL));
}

static void number(struct flat *x, const char *key, int set, double v, const char *currency)
{
	if (!set) {
		field(x, key, 0, NULL, NULL);
		return;
	}
	struct pv_buf raw = PV_BUF_INIT, shown = PV_BUF_INIT;
	pv_buf_addf(&raw, "%.15g", v);
	pv_report_number(x->lang, v, v == (long long)v ? 0 : 2, &shown);
	if (currency && *currency)
		pv_buf_addf(&shown, " %s", currency);
	field(x, key, PV_DF_NUM, pv_buf_detach(&raw, NULL), pv_buf_detach(&shown, NULL));
}

static void num(struct flat *x, const char *key, const struct pv_num *n)
{
	number(x, key, n->set, n->v, NULL);
}

static void enumv(struct flat *x, const char *key, const char *prefix, const char *const *names,
		  const struct pv_enum *e)
{
	if (!e->v) {
		field(x, key, 0, NULL, NULL);
		return;
	}
	field(x, key, 0, xstrdup(names[e->v]), xstrdup(pv_report_enum(x->lang, prefix, names, e->v)));
}

static void enums(struct flat *x, const char *key, const char *prefix, const char *const *names,
		  const pv_enum_list *l)
{
	struct pv_buf raw = PV_BUF_INIT, shown = PV_BUF_INIT;
	for (uint32_t i = 0; i < l->n; i++) {
		char n[16];
		snprintf(n, sizeof(n), "%d", l->v[i].v);
		pv_buf_adds(&raw, i ? ", " : "");
		pv_buf_adds(&shown, i ? "; " : "");
		pv_buf_adds(&raw, names ? names[l->v[i].v] : n);
		if (names) {
			pv_buf_adds(&shown, pv_report_enum(x->lang, prefix, names, l->v[i].v));
		} else {
			char k[48];
			snprintf(k, sizeof(k), "%s.%d", prefix, l->v[i].v);
			pv_buf_adds(&shown, pv_lang_report_label(x->lang, k));
		}
	}
	int given = l->pos.line || l->n;
	field(x, key, PV_DF_LIST | PV_DF_SEMI, given ? pv_buf_detach(&raw, NULL) : NULL,
	      given ? pv_buf_detach(&shown, NULL) : NULL);
	pv_buf_release(&raw);
	pv_buf_release(&shown);
}

static void boolean(struct flat *x, const char *key, const struct pv_bool *b)
{
	if (b->v < 0) {
		field(x, key, 0, NULL, NULL);
		return;
	}
	field(x, key, 0, xstrdup(b->v ? "true" : "false"),
	      xstrdup(pv_lang_report_label(x->lang, b->v ? "value.yes" : "value.no")));
}

static void measure(struct flat *x, const char *key, const struct pv_measure *m)
{
	if (!m->value.s) {
		field(x, key, 0, NULL, NULL);
		return;
	}
	struct pv_buf raw = PV_BUF_INIT;
	pv_buf_adds(&raw, m->value.s);
	if (m->year.set)
		pv_buf_addf(&raw, " (%.0f)", m->year.v);
	field(x, key, PV_DF_TEXT, pv_buf_detach(&raw, NULL), NULL);
}

static struct pv_diff_flat *item(struct pv_diff_flats *out, const char *id,
				 const struct pv_text *title, struct flat *x)
{
	PV_ALLOC_GROW(out->v, out->n + 1, out->alloc);
	struct pv_diff_flat *f = &out->v[out->n++];
	memset(f, 0, sizeof(*f));
	f->id = xstrdup(id ? id : "");
	x->f = f;
	if (title && title->n) {
		const char *s = pv_text_get(title, pv_lang_code(x->lang), x->p->plan.language.s);
		f->title = dup_or_null(s);
		/* Renames are recognised by the title as written first. */
		f->title_raw = dup_or_null(title->items[0].s);
	}
	return f;
}

#define HIDES(x, call) ((x)->own && (call))

static const char *cur_of(const struct pv_plan *p, const struct pv_action *a)
{
	return a->currency.s ? a->currency.s : p->plan.currency.s;
}

static void funding(struct flat *x, const struct pv_action *a)
{
	struct pv_buf raw = PV_BUF_INIT, shown = PV_BUF_INIT;
	for (uint32_t i = 0; i < a->funding.n; i++) {
		const struct pv_funding *fu = &a->funding.v[i];
		static const char *const labels[] = { "", "col.committed", "col.pledged",
						      "need_status.requested" };
		const char *st = pv_funding_status_names[fu->status.v];
		const char *shown_st = fu->status.v ? pv_lang_report_label(x->lang, labels[fu->status.v]) : "";
		pv_buf_adds(&raw, i ? "; " : "");
		pv_buf_adds(&shown, i ? "; " : "");
		pv_buf_addf(&raw, "%s %s", fu->source.s ? fu->source.s : "", st);
		pv_buf_addf(&shown, "%s %s", fu->source.s ? fu->source.s : "", shown_st);
		if (fu->amount.set) {
			pv_buf_addf(&raw, " %.15g", fu->amount.v);
			pv_buf_addch(&shown, ' ');
			pv_report_number(x->lang, fu->amount.v, 0, &shown);
		}
	}
	int given = a->funding.pos.line || a->funding.n;
	field(x, "funding", 0, given ? pv_buf_detach(&raw, NULL) : NULL,
	      given ? pv_buf_detach(&shown, NULL) : NULL);
	pv_buf_release(&raw);
	pv_buf_release(&shown);
}

static void action(struct pv_diff_flats *out, struct flat *x, const struct pv_priority *pr,
		   const struct pv_objective *o, const struct pv_action *a)
{
	const char *cur = cur_of(x->p, a);
	struct pv_money m;
	item(out, a->id.s, &a->title, x);
	hide(x, HIDES(x, pv_view_hides_action(x->own, pr, o, a)));
	text(x, "title", &a->title);
	text(x, "description", &a->description);
	field(x, "objective", 0, id_hidden(x, o->id.s) ? NULL : dup_or_null(o->id.s), NULL);
	str(x, "lead", &a->lead);
	strs(x, "partners", &a->partners);
	date(x, "start", &a->start);
	date(x, "end", &a->end);
	number(x, "cost", a->cost.set, a->cost.v, cur);
	str(x, "currency", &a->currency);
	pv_action_money(x->p, a, &m);
	funding(x, a);
	int has[4] = { 0 };
	for (uint32_t i = 0; i < a->funding.n; i++)
		has[a->funding.v[i].status.v & 3] = 1;
	number(x, "committed", has[PV_FUNDING_COMMITTED], m.committed, cur);
	number(x, "pledged", has[PV_FUNDING_PLEDGED], m.pledged, cur);
	enums(x, "target_groups", "target", pv_target_names, &a->target_groups);
	enumv(x, "level", "level", pv_level_names, &a->level);
	enumv(x, "kind", "action_kind", pv_action_kind_names, &a->kind);
	boolean(x, "gender_responsive", &a->gender_responsive);
	text(x, "human_rights", &a->human_rights);
	strs(x, "indicators", &a->indicators);
	enumv(x, "status", "action_status", pv_action_status_names, &a->status);
	boolean(x, "confidential", &a->confidential);
}

static void need(struct pv_diff_flats *out, struct flat *x, int holder_hidden,
		 const struct pv_action *a, const struct pv_need *n)
{
	item(out, n->id.s, &n->need, x);
	hide(x, holder_hidden || HIDES(x, pv_view_hides_need(x->own, a, n)));
	text(x, "need", &n->need);
	field(x, "action", 0, a && !id_hidden(x, a->id.s) ? xstrdup(a->id.s ? a->id.s : "") : NULL,
	      NULL);
	enumv(x, "kind", "need", pv_need_kind_names, &n->kind);
	str(x, "beneficiary", &n->beneficiary);
	strs(x, "support_from", &n->support_from);
	enumv(x, "priority", "rating", pv_rating_names, &n->priority);
	number(x, "cost", n->cost.set, n->cost.v, x->p->plan.currency.s);
	enumv(x, "status", "need_status", pv_need_status_names, &n->status);
	strs(x, "actions", &n->actions);
	boolean(x, "confidential", &n->confidential);
}

static void tree(const struct pv_plan *p, enum pv_diff_kind kind, struct pv_diff_flats *out,
		 struct flat *x)
{
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (kind == PV_DIFF_PRIORITY) {
			item(out, pr->id.s, &pr->title, x);
			hide(x, HIDES(x, pv_view_hides_priority(x->own, pr)));
			text(x, "title", &pr->title);
			enums(x, "areas", "area", pv_area_names, &pr->areas);
			enums(x, "gcts_pillars", "pillar", NULL, &pr->gcts_pillars);
			strs(x, "addresses", &pr->addresses);
			boolean(x, "confidential", &pr->confidential);
		}
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (kind == PV_DIFF_OBJECTIVE) {
				item(out, o->id.s, &o->title, x);
				hide(x, HIDES(x, pv_view_hides_objective(x->own, pr, o)));
				text(x, "title", &o->title);
				field(x, "priority", 0, id_hidden(x, pr->id.s) ? NULL : dup_or_null(pr->id.s),
				      NULL);
				text(x, "outcome", &o->outcome);
				strs(x, "indicators", &o->indicators);
				strs(x, "addresses", &o->addresses);
				boolean(x, "confidential", &o->confidential);
			}
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (kind == PV_DIFF_ACTION)
					action(out, x, pr, o, a);
				/* A need is hidden with the action that holds it. */
				int held = HIDES(x, pv_view_hides_action(x->own, pr, o, a));
				for (uint32_t l = 0; kind == PV_DIFF_NEED && l < a->capacity_needs.n; l++)
					need(out, x, held, a, &a->capacity_needs.v[l]);
			}
		}
	}
	for (uint32_t l = 0; kind == PV_DIFF_NEED && l < p->capacity_needs.n; l++)
		need(out, x, 0, NULL, &p->capacity_needs.v[l]);
}

static void others(const struct pv_plan *p, enum pv_diff_kind kind, struct pv_diff_flats *out,
		   struct flat *x)
{
	for (uint32_t i = 0; kind == PV_DIFF_INDICATOR && i < p->indicators.n; i++) {
		const struct pv_indicator *n = &p->indicators.v[i];
		item(out, n->id.s, &n->name, x);
		hide(x, HIDES(x, pv_view_hides_indicator(x->own, n)));
		text(x, "name", &n->name);
		str(x, "unit", &n->unit);
		measure(x, "baseline", &n->baseline);
		measure(x, "target", &n->target);
		text(x, "source", &n->source);
		enumv(x, "frequency", "frequency", pv_ind_freq_names, &n->frequency);
		enums(x, "disaggregation", "disaggregation", pv_disagg_names, &n->disaggregation);
		boolean(x, "counts_people", &n->counts_people);
		str(x, "responsible", &n->responsible);
		boolean(x, "confidential", &n->confidential);
	}
	for (uint32_t i = 0; kind == PV_DIFF_STAKEHOLDER && i < p->stakeholders.n; i++) {
		const struct pv_stakeholder *s = &p->stakeholders.v[i];
		item(out, s->id.s, &s->name, x);
		hide(x, HIDES(x, pv_view_hides_stakeholder(x->own, s)));
		text(x, "name", &s->name);
		enumv(x, "sector", "sector", pv_sector_names, &s->sector);
		text(x, "role", &s->role);
		enumv(x, "level", "level", pv_level_names, &s->level);
		str(x, "country", &s->country);
		boolean(x, "confidential", &s->confidential);
	}
	for (uint32_t i = 0; kind == PV_DIFF_RISK && i < p->risks.n; i++) {
		const struct pv_risk *r = &p->risks.v[i];
		item(out, r->id.s, &r->description, x);
		hide(x, HIDES(x, pv_view_hides_risk(x->own, r)));
		text(x, "description", &r->description);
		enumv(x, "likelihood", "rating", pv_rating_names, &r->likelihood);
		enumv(x, "impact", "rating", pv_rating_names, &r->impact);
		text(x, "mitigation", &r->mitigation);
		str(x, "owner", &r->owner);
		boolean(x, "confidential", &r->confidential);
	}
}

/* Consultations and accepted deviations have no id: they are matched by a
 * key, the date and kind of a consultation, the rule and scope of a
 * deviation, numbered when a draft has two alike. */
static void keyed(const struct pv_plan *p, enum pv_diff_kind kind, struct pv_diff_flats *out,
		  struct flat *x)
{
	uint32_t n = kind == PV_DIFF_CONSULTATION ? p->consultations.n
		     : kind == PV_DIFF_DEVIATION  ? p->accepted_deviations.n : 0;
	struct pv_buf key = PV_BUF_INIT;
	struct pv_pathlist bases = PV_PATHLIST_INIT;
	for (uint32_t i = 0; i < n; i++) {
		pv_buf_reset(&key);
		if (kind == PV_DIFF_CONSULTATION) {
			const struct pv_consultation *c = &p->consultations.v[i];
			char d[16] = "";
			if (c->date.d.prec)
				pv_date_format(&c->date.d, d);
			pv_buf_addf(&key, "%s %s", d, pv_consult_kind_names[c->kind.v]);
		} else {
			const struct pv_deviation *dv = &p->accepted_deviations.v[i];
			pv_buf_adds(&key, dv->rule.s ? dv->rule.s : "");
			for (uint32_t j = 0; j < dv->scope.n; j++)
				pv_buf_addf(&key, "%s%s", j ? ", " : " (", dv->scope.v[j].s ? dv->scope.v[j].s : "");
			if (dv->scope.n)
				pv_buf_addch(&key, ')');
		}
		size_t same = 1;
		for (size_t j = 0; j < bases.n; j++)
			same += !strcmp(bases.v[j], key.buf);
		pv_pathlist_add(&bases, key.buf);
		if (same > 1)
			pv_buf_addf(&key, " #%zu", same);
		if (kind == PV_DIFF_CONSULTATION) {
			const struct pv_consultation *c = &p->consultations.v[i];
			item(out, key.buf, &c->title, x);
			hide(x, HIDES(x, pv_view_hides_consultation(x->own, c)));
			text(x, "title", &c->title);
			date(x, "date", &c->date);
			enumv(x, "kind", "consultation", pv_consult_kind_names, &c->kind);
			strs(x, "participants", &c->participants);
			num(x, "women_share", &c->women_share);
			num(x, "youth_share", &c->youth_share);
			str(x, "location", &c->location);
			boolean(x, "confidential", &c->confidential);
		} else {
			const struct pv_deviation *dv = &p->accepted_deviations.v[i];
			item(out, key.buf, NULL, x);
			/* Its scope may name what only the other draft hides. */
			hide(x, HIDES(x, pv_view_hides_deviation(x->own, dv) ||
					     pv_view_hides_deviation(x->other, dv)));
			str(x, "rule", &dv->rule);
			text(x, "reason", &dv->reason);
			str(x, "approved_by", &dv->approved_by);
			date(x, "expires", &dv->expires);
			strs(x, "scope", &dv->scope);
		}
	}
	pv_buf_release(&key);
	pv_pathlist_release(&bases);
}

/* The plan itself, one item: what its cover says. */
static void plan_info(const struct pv_plan *p, struct pv_diff_flats *out, struct flat *x)
{
	const struct pv_plan_info *i = &p->plan;
	item(out, i->id.s, &i->title, x);
	str(x, "id", &i->id);
	text(x, "title", &i->title);
	enumv(x, "scope", "scope", pv_scope_names, &i->scope);
	str(x, "country", &i->country);
	strs(x, "member_states", &i->member_states);
	str(x, "language", &i->language);
	date(x, "start", &i->period.start);
	date(x, "end", &i->period.end);
	enumv(x, "status", "status", pv_status_names, &i->status);
	str(x, "version", &i->version);
	date(x, "adopted_on", &i->adopted_on);
	str(x, "currency", &i->currency);
	text(x, "summary", &i->summary);
}

void pv_diff_flatten(const struct pv_plan *p, enum pv_diff_kind kind, const struct pv_lang *lang,
		     struct pv_diff_flats *out)
{
	pv_diff_flatten_view(p, kind, lang, NULL, NULL, out);
}

void pv_diff_flatten_view(const struct pv_plan *p, enum pv_diff_kind kind, const struct pv_lang *lang,
			  const struct pv_view *own, const struct pv_view *other,
			  struct pv_diff_flats *out)
{
	struct flat x = { NULL, p, lang, own, other };
	memset(out, 0, sizeof(*out));
	if (kind == PV_DIFF_PLAN)
		plan_info(p, out, &x);
	else if (kind <= PV_DIFF_ACTION || kind == PV_DIFF_NEED)
		tree(p, kind, out, &x);
	else if (kind == PV_DIFF_CONSULTATION || kind == PV_DIFF_DEVIATION)
		keyed(p, kind, out, &x);
	else
		others(p, kind, out, &x);
}

void pv_diff_flats_release(struct pv_diff_flats *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct pv_diff_flat *x = &f->v[i];
		for (size_t j = 0; j < x->nfields; j++) {
			free(x->fields[j].old_raw);
			free(x->fields[j].old_shown);
			free(x->fields[j].new_raw);
			free(x->fields[j].new_shown);
			free(x->fields[j].added);
			free(x->fields[j].removed);
		}
		free(x->fields);
		free(x->id);
		free(x->title);
		free(x->title_raw);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}
