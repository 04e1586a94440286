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
