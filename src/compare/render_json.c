/* The comparison as JSON, for scripts and CI: values as the plans write
 * them, findings with their fingerprints. Documented in docs/pveplan-diff.md. */
#include "pveplan/compare.h"

#include "pveplan/output.h"

#include <stdio.h>
#include <string.h>

#define PV_DIFF_JSON_VERSION 1

static void str_or_null(struct pv_buf *o, const char *s)
{
	if (s)
		pv_json_str(o, s);
	else
		pv_buf_adds(o, "null");
}

static void value(struct pv_buf *o, const char *raw, unsigned flags)
{
	if (raw && (flags & PV_DF_NUM))
		pv_buf_adds(o, raw);
	else
		str_or_null(o, raw);
}

static void side(struct pv_buf *o, const char *name, const char *id, const char *cur, int loaded)
{
	pv_buf_adds(o, "{\"path\":");
	pv_json_str(o, name);
	pv_buf_adds(o, ",\"plan_id\":");
	str_or_null(o, id);
	pv_buf_adds(o, ",\"currency\":");
	str_or_null(o, cur);
	pv_buf_addf(o, ",\"loaded\":%s}", loaded ? "true" : "false");
}

static void item(struct pv_buf *o, const struct pv_diff_item *it)
{
	pv_buf_addf(o, "{\"change\":\"%s\",\"id\":", pv_diff_change_names[it->change]);
	pv_json_str(o, it->id);
	pv_buf_adds(o, ",\"title\":");
	str_or_null(o, it->title);
	if (it->renamed_from) {
		pv_buf_adds(o, ",\"renamed_from\":");
		pv_json_str(o, it->renamed_from);
	}
	if (it->change == PV_DIFF_CHANGED) {
		pv_buf_adds(o, ",\"fields\":[");
		for (size_t i = 0; i < it->nfields; i++) {
			const struct pv_diff_field *f = &it->fields[i];
			pv_buf_adds(o, i ? ",{\"field\":" : "{\"field\":");
			pv_json_str(o, f->key);
			pv_buf_adds(o, ",\"old\":");
			value(o, f->old_raw, f->flags);
			pv_buf_adds(o, ",\"new\":");
			value(o, f->new_raw, f->flags);
			pv_buf_adds(o, "}");
		}
		pv_buf_adds(o, "]");
	}
	pv_buf_adds(o, "}");
}

static void items(struct pv_buf *o, const struct pv_diff *d)
{
	pv_buf_adds(o, ",\"items\":{");
	for (int k = 0; k < PV_DIFF_NKINDS; k++) {
		const struct pv_diff_items *l = &d->items[k];
		pv_buf_addf(o, "%s\"%s\":[", k ? "," : "", pv_diff_kind_names[k]);
		for (size_t i = 0; i < l->n; i++) {
			if (i)
				pv_buf_addch(o, ',');
			item(o, &l->v[i]);
		}
		pv_buf_adds(o, "]");
	}
	pv_buf_adds(o, "}");
}

static void totals(struct pv_buf *o, const struct pv_diff *d)
{
	pv_buf_adds(o, ",\"totals\":");
	if (!d->old_loaded || !d->new_loaded) {
		pv_buf_adds(o, "null");
		return;
	}
	pv_buf_adds(o, "{");
	for (int t = 0; t < PV_DT_COUNT; t++)
		pv_buf_addf(o, "%s\"%s\":{\"old\":%.15g,\"new\":%.15g}", t ? "," : "",
			    pv_diff_total_names[t], d->totals[0][t], d->totals[1][t]);
	pv_buf_adds(o, "}");
}

static void ids(struct pv_buf *o, const struct pv_pathlist *l)
{
	pv_buf_addch(o, '[');
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			pv_buf_addch(o, ',');
		pv_json_str(o, l->v[i]);
	}
	pv_buf_addch(o, ']');
}

static void cover(struct pv_buf *o, const char *name, const struct pv_diff_cover *c, int n,
		  const char *const *names, int only_used)
{
	pv_buf_addf(o, "\"%s\":[", name);
	int first = 1;
	for (int i = 1; i <= n; i++) {
		if (only_used && !c[i].old.n && !c[i].new.n)
			continue;
		pv_buf_adds(o, first ? "{\"name\":" : ",{\"name\":");
		first = 0;
		if (names)
			pv_json_str(o, names[i]);
		else
			pv_buf_addf(o, "%d", i);
		pv_buf_adds(o, ",\"old\":");
		ids(o, &c[i].old);
		pv_buf_adds(o, ",\"new\":");
		ids(o, &c[i].new);
		pv_buf_addf(o, ",\"changed\":%s}", c[i].changed ? "true" : "false");
	}
	pv_buf_adds(o, "]");
}

static void findings(struct pv_buf *o, const struct pv_diff *d)
{
	pv_buf_addf(o, ",\"findings\":{\"resolved\":%zu,\"new\":%zu,\"unchanged\":%zu,"
		       "\"waived\":%zu,\"new_errors\":%zu,\"list\":[",
		    d->state_count[PV_FINDING_RESOLVED], d->state_count[PV_FINDING_NEW],
		    d->state_count[PV_FINDING_UNCHANGED], d->state_count[PV_FINDING_WAIVED],
		    d->new_errors);
	for (size_t i = 0; i < d->nfindings; i++) {
		const struct pv_diff_finding *f = &d->findings[i];
		pv_buf_addf(o, "%s{\"state\":\"%s\",\"code\":\"%s\",\"severity\":\"%s\",\"line\":%u,"
			       "\"message\":", i ? "," : "", pv_diff_state_names[f->state], f->code,
			    pv_severity_name(f->sev), (unsigned)f->line);
		pv_json_str(o, f->message);
		pv_buf_adds(o, ",\"fingerprint\":");
		pv_json_str(o, f->fingerprint);
		pv_buf_adds(o, "}");
	}
	pv_buf_adds(o, "]}");
}

static void rule_side(struct pv_buf *o, enum pv_rule_status st, enum pv_severity sev, size_t n)
{
	pv_buf_addf(o, "{\"status\":\"%s\",\"severity\":\"%s\",\"findings\":%zu}",
		    pv_rule_status_name(st), sev == PV_SEV_OFF ? "off" : pv_severity_name(sev), n);
}

static void matrix(struct pv_buf *o, const struct pv_diff *d)
{
	pv_buf_adds(o, ",\"matrix\":[");
	for (size_t i = 0; i < d->nrules; i++) {
		const struct pv_diff_rule *r = &d->rules[i];
		pv_buf_addf(o, "%s{\"rule\":\"%s\",\"old\":", i ? "," : "", r->code);
		rule_side(o, r->old_status, r->old_sev, r->old_findings);
		pv_buf_adds(o, ",\"new\":");
		rule_side(o, r->new_status, r->new_sev, r->new_findings);
		pv_buf_adds(o, "}");
	}
	pv_buf_adds(o, "]");
}

void pv_diff_render_json(const struct pv_diff *d, struct pv_buf *out)
{
	struct pv_buf o = PV_BUF_INIT;
	pv_buf_addf(&o, "{\"version\":%d,\"old\":", PV_DIFF_JSON_VERSION);
	side(&o, d->old_name, d->old_id, d->old_currency, d->old_loaded);
	pv_buf_adds(&o, ",\"new\":");
	side(&o, d->new_name, d->new_id, d->new_currency, d->new_loaded);
	pv_buf_addf(&o, ",\"currency_differs\":%s", d->currency_differs ? "true" : "false");
	items(&o, d);
	totals(&o, d);
	pv_buf_adds(&o, ",\"coverage\":");
	if (d->old_loaded && d->new_loaded) {
		pv_buf_adds(&o, "{");
		cover(&o, "areas", d->areas, PV_AREA_COUNT, pv_area_names, 0);
		pv_buf_adds(&o, ",");
		cover(&o, "gcts_pillars", d->pillars, 4, NULL, 0);
		pv_buf_adds(&o, ",");
		cover(&o, "sectors", d->sectors, PV_SECTOR_COUNT, pv_sector_names, 1);
		pv_buf_adds(&o, "}");
	} else {
		pv_buf_adds(&o, "null");
	}
	findings(&o, d);
	matrix(&o, d);
	/* Only under --redact: the key itself says the comparison is redacted. */
	if (d->redact)
		pv_buf_addf(&o, ",\"redacted\":{\"findings\":%zu}", d->withheld_findings);
	pv_buf_adds(&o, "}");
	pv_json_pretty(o.buf, out);
	pv_buf_addch(out, '\n');
	pv_buf_release(&o);
}
