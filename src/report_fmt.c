/* Numbers, dates, anchors and labels in the report language, without the
 * machine's locales. */
#include "pveplan/build.h"

#include "pveplan/alloc.h"
#include "pveplan/msg.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pv_report_number(const struct pv_lang *lang, double v, int decimals, struct pv_buf *out)
{
	char digits[64];
	snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(v));
	const char *dot = strchr(digits, '.');
	size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	if (v < 0 && strspn(digits, "0.") != strlen(digits))
		pv_buf_addch(out, '-');
	for (size_t i = 0; i < intlen; i++) {
		if (i && (intlen - i) % 3 == 0)
			pv_buf_adds(out, pv_lang_report_label(lang, "number.group"));
		pv_buf_addch(out, digits[i]);
	}
	if (dot) {
		pv_buf_adds(out, pv_lang_report_label(lang, "number.decimal"));
		pv_buf_adds(out, dot + 1);
	}
}

void pv_report_fill(const struct pv_lang *lang, const char *tmpl, struct pv_buf *out, ...)
{
	/* Plan text fills report templates: always text, never markup. */
	struct pv_arg pairs[16];
	size_t n = 0;
	va_list ap;
	va_start(ap, out);
	const char *name;
	while ((name = va_arg(ap, const char *)) && n < 16) {
		pairs[n++] = pv_arg_text(name);
		pairs[n++] = pv_arg_text(va_arg(ap, const char *));
	}
	va_end(ap);
	pv_template_fill(tmpl, pairs, n / 2, lang, out);
}

void pv_report_date(const struct pv_lang *lang, const struct pv_date *d, struct pv_buf *out)
{
	char y[16], day[16], key[24];
	snprintf(y, sizeof(y), "%d", d->year);
	snprintf(day, sizeof(day), "%d", d->day);
	/* Some languages decline a month with a day ("14 марта") but not alone
	 * ("март 2025"). */
	snprintf(key, sizeof(key), d->prec == PV_DATE_DAY ? "month.%d" : "month_alone.%d", d->month);
	const char *month = pv_lang_report_label(lang, key);
	switch (d->prec) {
	case PV_DATE_DAY:
		pv_report_fill(lang, pv_lang_report_label(lang, "date.day"), out, "d", day, "month", month, "y", y,
		     (char *)NULL);
		break;
	case PV_DATE_MONTH:
		pv_report_fill(lang, pv_lang_report_label(lang, "date.month"), out, "month", month, "y", y,
		     (char *)NULL);
		break;
	case PV_DATE_YEAR:
		pv_buf_adds(out, y);
		break;
	default:
		break;
	}
}

void pv_report_slug(const char *s, struct pv_buf *out)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			pv_buf_addch(out, c + 32);
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			 c >= 0x80)
			pv_buf_addch(out, c);
		else if (c == ' ')
			pv_buf_addch(out, '-');
	}
}


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

size_t pv_report_timeline(const struct pv_report_input *in, struct pv_bar **bars)
{
	const struct pv_plan *p = in->plan;
	size_t nactions = 0, nobjectives = 0, n = 0, alloc = 0;
	for (uint32_t i = 0; i < p->priorities.n; i++)
		for (uint32_t j = 0; j < p->priorities.v[i].objectives.n; j++) {
			nobjectives++;
			nactions += p->priorities.v[i].objectives.v[j].actions.n;
		}
	/* A real plan has some dozens of actions; a very large one is shown by
	 * objective, or by priority, so the chart stays readable. */
	int level = nactions <= PV_TIMELINE_MAX ? 2 : nobjectives <= PV_TIMELINE_MAX ? 1 : 0;
	struct pv_bar *v = NULL;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (in->redact && pr->confidential.v == 1)
			continue;
		int open = 0;
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			if (in->redact && o->confidential.v == 1)
				continue;
			if (level == 1)
				open = 0;
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if ((in->redact && a->confidential.v == 1) || !a->start.d.prec || !a->end.d.prec)
					continue;
				if (level == 2 || !open) {
					PV_ALLOC_GROW(v, n + 1, alloc);
					v[n].section = pr->id.s ? pr->id.s : "";
					v[n].label = level == 2 ? a->id.s : level == 1 ? o->id.s : pr->id.s;
					if (!v[n].label)
						v[n].label = "";
					cover(&v[n++], a, 1);
					open = 1;
				} else {
					cover(&v[n - 1], a, 0);
				}
			}
		}
	}
	*bars = v;
	return n;
}

void pv_report_priority_money(const struct pv_report_input *in, const struct pv_priority *pr,
			      struct pv_money *m)
{
	memset(m, 0, sizeof(*m));
	for (uint32_t j = 0; j < pr->objectives.n; j++) {
		const struct pv_objective *o = &pr->objectives.v[j];
		if (in->redact && o->confidential.v == 1)
			continue;
		for (uint32_t k = 0; k < o->actions.n; k++) {
			struct pv_money a;
			if ((in->redact && o->actions.v[k].confidential.v == 1) ||
			    !pv_action_money(in->plan, &o->actions.v[k], &a))
				continue;
			m->cost += a.cost;
			m->committed += a.committed;
			m->pledged += a.pledged;
		}
	}
}

const char *pv_report_text(const struct pv_report_input *in, const struct pv_text *t)
{
	const char *s = pv_text_get(t, pv_lang_code(in->lang), in->fallback);
	return s ? s : "";
}

const char *pv_report_stakeholder(const struct pv_report_input *in, const char *id)
{
	const struct pv_iddef *d = id ? pv_plan_find(in->plan, id) : NULL;
	if (!d || d->kind != PV_KIND_STAKEHOLDER)
		return id ? id : "";
	const struct pv_stakeholder *s = d->obj;
	if (in->redact && s->confidential.v == 1)
		return NULL;
	return pv_report_text(in, &s->name);
}

const char *pv_report_enum(const struct pv_lang *lang, const char *prefix,
			   const char *const *names, int v)
{
	char key[64];
	if (!v)
		return "";
	snprintf(key, sizeof(key), "%s.%s", prefix, names[v]);
	const char *s = pv_lang_report_label(lang, key);
	/* A missing label comes back as the key, which lives on this stack:
	 * show the plan's own word instead. */
	return s == key ? names[v] : s;
}
