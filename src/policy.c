/* Severities (configuration, stage), accepted deviations, the matrix. */
#include "pveplan/policy.h"

#include "pveplan/alloc.h"
#include "pveplan/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

long long pv_now(void)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	long long t;
	char *end;
	if (e && *e && (t = strtoll(e, &end, 10), !*end) && t >= 0)
		return t;
	return (long long)time(NULL);
}

int32_t pv_policy_today(void)
{
	return (int32_t)(pv_now() / 86400);
}

void pv_format_timestamp(long long t, char out[32])
{
	long long days = t / 86400, secs = t % 86400;
	/* Civil date from days (Howard Hinnant's algorithm). */
	long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long long m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d", (int)((y + (m <= 2)) % 10000),
		 (int)(m % 100), (int)(d % 100), (int)(secs / 3600 % 100), (int)(secs / 60 % 60),
		 (int)(secs % 60));
}

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

static int in_scope(const struct pv_deviation *dev, const char *subject)
{
	if (!dev->scope.n)
		return 1;
	for (uint32_t i = 0; subject && i < dev->scope.n; i++)
		if (!strcmp(dev->scope.v[i].s, subject))
			return 1;
	return 0;
}

static void apply_deviations(const struct pv_policy *pol, const struct pv_plan *p,
			     struct pv_diags *d)
{
	size_t nfindings = d->nr;	/* PVE125 findings added below are not waived */
	for (uint32_t k = 0; k < p->accepted_deviations.n; k++) {
		const struct pv_deviation *dev = &p->accepted_deviations.v[k];
		const char *rule = dev->rule.s;
		if (!rule || !dev->reason.n || !dev->approved_by.s)
			continue;	/* FMT005 already: an unaccountable waiver waives nothing */
		const struct pv_rule *r = pv_rule_find(rule);
		if (!r) {
			pv_diag_rule(d, "PVE125", "variants.unknown_rule", dev->rule.pos, NULL,
				     "rule", rule);
			continue;
		}
		if (r->flags & PV_RULE_FIXED) {
			pv_diag_rule(d, "PVE125", "variants.unwaivable", dev->rule.pos, NULL,
				     "rule", rule);
			continue;
		}
		if ((r->flags & PV_RULE_SCOPED_ONLY) && !dev->scope.n) {
			pv_diag_rule(d, "PVE125", "variants.plan_wide", dev->rule.pos, NULL,
				     "rule", rule);
			continue;
		}
		if (dev->expires.d.prec && pv_date_last_day(&dev->expires.d) < pol->today) {
			char date[16];
			pv_date_format(&dev->expires.d, date);
			pv_diag_rule(d, "PVE125", "variants.expired", dev->expires.pos, NULL,
				     "rule", rule, "date", date);
			continue;
		}
		size_t silenced = 0;
		for (size_t i = 0; i < nfindings; i++) {
			struct pv_diag *g = &d->v[i];
			if (g->waiver < 0 && !strcmp(g->code, rule) && in_scope(dev, g->subject)) {
				g->waiver = (int)k;
				silenced++;
				if (!g->note.kind)
					pv_diag_note(g, dev->pos, "waived by this accepted deviation, approved by %s",
						     dev->approved_by.s);
			}
		}
		if (!silenced)
			pv_diag_rule(d, "PVE125", "variants.unused", dev->rule.pos, NULL, "rule", rule);
	}
}

void pv_policy_apply(const struct pv_policy *pol, const struct pv_plan *p,
		     struct pv_diags *d)
{
	if (p)
		apply_deviations(pol, p, d);
	apply_severities(pol, d);
	pv_diags_sort(d);
}

const char *pv_rule_status_name(enum pv_rule_status s)
{
	static const char *const names[] = { "passed", "failed", "waived", "not_applicable" };
	return names[s];
}

void pv_matrix_build(const struct pv_policy *pol, const struct pv_diags *d, int checked,
		     struct pv_matrix *m)
{
	static const unsigned scored[] = { PV_SRC_A70674, PV_SRC_ARES70291, PV_SRC_RG };
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
	for (size_t s = 0; s < PV_ARRAY_SIZE(scored); s++) {
		struct pv_score *sc = &m->scores[m->nscores++];
		sc->source = scored[s];
		for (size_t i = 0; i < m->n; i++) {
			if (!(m->rows[i].rule->sources & scored[s]) ||
			    (m->rows[i].rule->flags & PV_RULE_REPORT))
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
}
