/* Severities (configuration, stage), accepted deviations, the matrix. */
#include "pveplan/policy.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>




static int strict_stage(enum pv_status s)
{
	return s == PV_STATUS_VALIDATED || s == PV_STATUS_ADOPTED || s == PV_STATUS_UNDER_REVIEW;
}

enum pv_severity pv_policy_severity(const struct pv_policy *pol, const struct pv_rule *r)
{
	int configured = pol->config ? pol->config->severity[r - pv_rules] : PV_SEV_DEFAULT;
	if (configured != PV_SEV_DEFAULT)
		return (enum pv_severity)configured;
	if ((r->flags & PV_RULE_STAGE) && r->severity == PV_SEV_WARNING && strict_stage(pol->stage))
		return PV_SEV_ERROR;
	return r->severity;
}

static void apply_severities(const struct pv_policy *pol, struct pv_diags *d)
{
	size_t out = 0;
	for (size_t i = 0; i < d->nr; i++) {
		struct pv_diag *g = &d->v[i];
		const struct pv_rule *r = pv_rule_find(g->code);
		if (r && !(r->flags & PV_RULE_FIXED)) {
			int configured = pol->config ? pol->config->severity[r - pv_rules]
						     : PV_SEV_DEFAULT;
			enum pv_severity rule = pv_policy_severity(pol, r);
			/* A finding made stricter by its check (PVE107 at validation)
			 * keeps that unless the project says otherwise. */
			if (configured != PV_SEV_DEFAULT)
				g->sev = (enum pv_severity)configured;
			else if (!g->raised || g->sev < rule)
				g->sev = rule;
		}
		if (g->sev == PV_SEV_OFF) {
			pv_diag_release(g);
			continue;
		}
		d->v[out++] = *g;
	}
	d->nr = out;
}

/*
 * The findings an accepted deviation may silence, found through an index
 * rather than by scanning: by rule ("PVE110") and by rule and subject
 * ("PVE110\x1fA2"). Each list is consumed when a deviation has gone
 * through it, so however many deviations and however long their scopes,
 * every finding is looked at at most twice.
 */
struct waivable {
	struct pv_strmap lists;		/* key -> index + 1 into `v` */
	struct waivable_list {
		size_t *v;
		size_t n, alloc;
	} *v;
	size_t n, alloc;
	struct pv_arena keys;
};

static char *list_key(struct waivable *w, const char *rule, const char *subject)
{
	size_t r = strlen(rule), n = subject ? strlen(subject) : 0;
	char *k = pv_arena_alloc(&w->keys, r + n + 2);
	memcpy(k, rule, r);
	k[r] = subject ? '\x1f' : '\0';
	if (subject)
		memcpy(k + r + 1, subject, n + 1);
	return k;
}

static struct waivable_list *get_list(struct waivable *w, const char *rule,
				      const char *subject, int make)
{
	struct pv_buf key = PV_BUF_INIT;
	pv_buf_adds(&key, rule);
	if (subject) {
		pv_buf_addch(&key, '\x1f');
		pv_buf_adds(&key, subject);
	}
	uintptr_t i = (uintptr_t)pv_strmap_get(&w->lists, key.buf);
	pv_buf_release(&key);
	if (!i && make) {
		PV_ALLOC_GROW(w->v, w->n + 1, w->alloc);
		memset(&w->v[w->n], 0, sizeof(w->v[w->n]));
		i = ++w->n;
		pv_strmap_put(&w->lists, list_key(w, rule, subject), (void *)i);
	}
	return i ? &w->v[i - 1] : NULL;
}

static void list_add(struct waivable_list *l, size_t finding)
{
	PV_ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = finding;
}

static void waivable_init(struct waivable *w, const struct pv_diags *d)
{
	struct pv_strmap empty = PV_STRMAP_INIT;
	struct pv_arena arena = PV_ARENA_INIT;
	w->lists = empty;
	w->v = NULL;
	w->n = w->alloc = 0;
	w->keys = arena;
	for (size_t i = 0; i < d->nr; i++) {
		list_add(get_list(w, d->v[i].code, NULL, 1), i);
		if (d->v[i].subject)
			list_add(get_list(w, d->v[i].code, d->v[i].subject, 1), i);
	}
}

static void waivable_release(struct waivable *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i].v);
	free(w->v);
	pv_strmap_release(&w->lists);
	pv_arena_release(&w->keys);
}

/* Silences the findings of list `l` not yet silenced; empties it. */
static size_t waive_list(struct waivable_list *l, const struct pv_deviation *dev, int k,
			 struct pv_diags *d)
{
	size_t silenced = 0;
	for (size_t i = 0; l && i < l->n; i++) {
		struct pv_diag *g = &d->v[l->v[i]];
		if (g->waiver >= 0)
			continue;
		g->waiver = k;
		silenced++;
		if (!g->note.kind)
			pv_diag_note(g, dev->pos, "waived by this accepted deviation, approved by %s",
				     dev->approved_by.s);
	}
	if (l)
		l->n = 0;
	return silenced;
}

/* PVE125 for a deviation that cannot waive anything; 0 when it can. */
static int refuse_deviation(const struct pv_policy *pol, const struct pv_deviation *dev,
			    struct pv_diags *d)
{
	const char *rule = dev->rule.s;
	const struct pv_rule *r = pv_rule_find(rule);
	if (!r) {
		pv_diag_rule(d, "PVE125", "variants.unknown_rule", dev->rule.pos, NULL, "rule", rule);
	} else if (r->flags & PV_RULE_FIXED) {
		pv_diag_rule(d, "PVE125", "variants.unwaivable", dev->rule.pos, NULL, "rule", rule);
	} else if (r->flags & PV_RULE_UNWAIVABLE) {
		struct pv_diag *g = pv_diag_add(d, "PVE125", dev->rule.pos,
			"%s cannot be waived: a text hazard is fixed in the text, not accepted", rule);
		pv_diag_hint(g, "correct the text the finding points at, or, if the project accepts such texts, set the rule's severity in .pveplan.yaml (rules: {%s: off})", rule);
	} else if ((r->flags & PV_RULE_SCOPED_ONLY) && !dev->scope.n) {
		pv_diag_rule(d, "PVE125", "variants.plan_wide", dev->rule.pos, NULL, "rule", rule);
	} else if (dev->expires.d.prec && pv_date_last_day(&dev->expires.d) < pol->today) {
		pv_diag_rule(d, "PVE125", "variants.expired", dev->expires.pos, NULL, "rule", rule,
			     "date", pv_date_arg(&dev->expires.d));
	} else {
		return 0;
	}
	return 1;
}

static void apply_deviations(const struct pv_policy *pol, const struct pv_plan *p,
			     struct pv_diags *d)
{
	/* Built before PVE125 is added below: those findings are not waived. */
	struct waivable w;
	waivable_init(&w, d);
	for (uint32_t k = 0; k < p->accepted_deviations.n; k++) {
		const struct pv_deviation *dev = &p->accepted_deviations.v[k];
		const char *rule = dev->rule.s;
		if (!rule || !dev->reason.n || !dev->approved_by.s)
			continue;	/* FMT005 already: an unaccountable waiver waives nothing */
		if (refuse_deviation(pol, dev, d))
			continue;
		size_t silenced = 0;
		if (!dev->scope.n)
			silenced = waive_list(get_list(&w, rule, NULL, 0), dev, (int)k, d);
		for (uint32_t i = 0; i < dev->scope.n; i++)
			silenced += waive_list(get_list(&w, rule, dev->scope.v[i].s, 0), dev, (int)k, d);
		if (!silenced)
			pv_diag_rule(d, "PVE125", "variants.unused", dev->rule.pos, NULL, "rule", rule);
	}
	waivable_release(&w);
}

void pv_policy_apply(const struct pv_policy *pol, const struct pv_plan *p,
		     struct pv_diags *d)
{
	if (p)
		apply_deviations(pol, p, d);
	apply_severities(pol, d);
	pv_diags_sort(d);
	pv_diags_cap(d, pol->max_findings);
}

const char *pv_rule_status_name(enum pv_rule_status s)
{
	static const char *const names[] = { "passed", "failed", "waived", "not_applicable" };
	return names[s];
}

/* Whether a citation of rule `code` of status verified or substance
 * counts under `doc`. */
static int cites_document(const char *code, const char *doc)
{
	const struct pv_citation *const *c;
	size_t n = pv_lang_rule_citations(code, &c);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i]->counts_under, doc) &&
		    (!strcmp(c[i]->status, "verified") || !strcmp(c[i]->status, "substance")))
			return 1;
	return 0;
}

static void score(const struct pv_matrix *m, struct pv_score *sc)
{
	for (size_t i = 0; i < m->n; i++) {
		if ((m->rows[i].rule->flags & PV_RULE_REPORT) ||
		    !cites_document(m->rows[i].rule->code, sc->document))
			continue;
		switch (m->rows[i].status) {
		case PV_RS_PASSED:
			sc->passed++;
			break;
		case PV_RS_FAILED:
			sc->failed++;
			break;
		case PV_RS_WAIVED:
			sc->waived++;
			break;
		default:
			break;
		}
	}
}

void pv_matrix_build(const struct pv_policy *pol, const struct pv_diags *d, int checked,
		     struct pv_matrix *m)
{
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < pv_rules_nr && i < PV_ARRAY_SIZE(m->rows); i++) {
		struct pv_matrix_row *row = &m->rows[m->n++];
		row->rule = &pv_rules[i];
		row->severity = pv_policy_severity(pol, row->rule);
		for (size_t j = 0; j < d->nr; j++) {
			if (strcmp(d->v[j].code, row->rule->code))
				continue;
			if (d->v[j].waiver >= 0)
				row->waived++;
			else
				row->findings++;
		}
		size_t waived;
		row->findings += pv_diags_omitted(d, row->rule->code, &waived);
		row->waived += waived;
		int fmt = !strncmp(row->rule->code, "FMT", 3);
		if (row->findings && (row->rule->flags & PV_RULE_REPORT))
			row->status = PV_RS_PASSED;
		else if (row->findings)
			row->status = PV_RS_FAILED;
		else if (row->waived)
			row->status = PV_RS_WAIVED;
		else if ((!checked && !fmt) || row->severity == PV_SEV_OFF ||
			 pv_diags_is_not_applicable(d, row->rule->code))
			row->status = PV_RS_NA;
		else
			row->status = PV_RS_PASSED;
	}
	for (const char *const *doc = pv_lang_scored_documents();
	     *doc && m->nscores < PV_ARRAY_SIZE(m->scores); doc++) {
		struct pv_score *sc = &m->scores[m->nscores++];
		sc->document = *doc;
		score(m, sc);
	}
}
