/* Numbers, dates, anchors and labels in the report language, without the
 * machine's locales. */
#include "pveplan/report.h"

#include "pveplan/base.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pv_report_number(const struct pv_lang *lang, double v, int decimals, struct pv_buf *out)
{
	pv_lang_number(lang, v, decimals, out);
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

/* The findings' dates and the reports' are written by the same code. */
void pv_report_date(const struct pv_lang *lang, const struct pv_date *d, struct pv_buf *out)
{
	if (d->prec == PV_DATE_YEAR)
		pv_lang_date(lang, d->year, 0, 0, out);
	else if (d->prec == PV_DATE_MONTH)
		pv_lang_date(lang, d->year, d->month, 0, out);
	else if (d->prec == PV_DATE_DAY)
		pv_lang_date(lang, d->year, d->month, d->day, out);
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
