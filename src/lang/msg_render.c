/* Messages rendered in a language: each argument by its kind. */
#include "pveplan/base.h"

#include "base/msg_spec.h"
#include "pveplan/lang.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rtl(const struct pv_lang *lang)
{
	return lang && !strcmp(pv_lang_report_label(lang, "dir"), "rtl");
}

const char *pv_lang_lri(const struct pv_lang *lang)
{
	return rtl(lang) ? "\xe2\x81\xa6" : "";
}

const char *pv_lang_fsi(const struct pv_lang *lang)
{
	return rtl(lang) ? "\xe2\x81\xa8" : "";
}

const char *pv_lang_pdi(const struct pv_lang *lang)
{
	return rtl(lang) ? "\xe2\x81\xa9" : "";
}

void pv_lang_number(const struct pv_lang *lang, double v, int decimals, struct pv_buf *out)
{
	char digits[64];
	int n = isfinite(v) ? snprintf(digits, sizeof(digits), "%.*f", decimals, fabs(v)) : -1;
	if (n < 0 || (size_t)n >= sizeof(digits)) {
		pv_buf_adds(out, "?");
		return;
	}
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

void pv_lang_date(const struct pv_lang *lang, int year, int month, int day, struct pv_buf *out)
{
	char y[16], d[16], key[24];
	snprintf(y, sizeof(y), "%d", year);
	/* The first of a month has its own form in French ("1er octobre"). */
	if (day == 1)
		snprintf(d, sizeof(d), "%s", pv_lang_report_label(lang, "day.1"));
	else
		snprintf(d, sizeof(d), "%d", day);
	if (month < 1 || month > 12) {
		pv_buf_adds(out, y);
		return;
	}
	/* Some languages decline a month with a day ("14 марта") but not alone
	 * ("март 2025"). */
	snprintf(key, sizeof(key), day ? "month.%d" : "month_alone.%d", month);
	const struct pv_arg pairs[] = { pv_arg_text("d"), pv_arg_text(d),
					pv_arg_text("month"), pv_arg_text(pv_lang_report_label(lang, key)),
					pv_arg_text("y"), pv_arg_text(y) };
	pv_template_fill(pv_lang_report_label(lang, day ? "date.day" : "date.month"), pairs, 3,
			 lang, out);
}

/* Digits grouped by three with the language's separators (the reports'
 * number.group and number.decimal); cents only when there are some. */
static void add_amount(struct pv_buf *out, double v, const char *currency,
		       const struct pv_lang *lang)
{
	int cents = isfinite(v) && fabs(round(v * 100) - round(v) * 100) >= 0.5;
	pv_lang_number(lang, v, cents ? 2 : 0, out);
	if (currency)
		pv_buf_addf(out, " %s", currency);
}

/* A real as %g writes it, with the language's decimal separator. */
static void add_real(struct pv_buf *out, double v, const struct pv_lang *lang)
{
	char s[32];
	if (!isfinite(v)) {
		pv_buf_adds(out, "?");
		return;
	}
	snprintf(s, sizeof(s), "%g", v);
	char *dot = strchr(s, '.');
	if (!dot || strchr(s, 'e')) {
		pv_buf_adds(out, s);
		return;
	}
	pv_buf_add(out, s, (size_t)(dot - s));
	pv_buf_adds(out, pv_lang_report_label(lang, "number.decimal"));
	pv_buf_adds(out, dot + 1);
}

/* How a finding's arguments are shown: as they are (reports, JSON, SARIF ...),
 * or on a terminal, where plan text is escaped (pv_buf_add_visible) and, in
 * a right-to-left language, isolated. */
enum { AS_IS = 0, ISOLATE = 1, VISIBLE = 2 };

static void render_arg(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out,
		       int how);

static void add_list(struct pv_buf *out, const struct pv_arg *a, const struct pv_lang *lang,
		     int how)
{
	size_t n = a->u.list.n;
	for (size_t i = 0; i < n; i++) {
		if (i && i + 1 == n)
			pv_buf_adds(out, pv_lang_label(lang, "list.and"));
		else if (i)
			pv_buf_adds(out, pv_lang_label(lang, "list.comma"));
		render_arg(&a->u.list.v[i], lang, out, how);
	}
}

static void render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out,
		   int how);

static void render_value(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out,
			 int how)
{
	switch (a->kind) {
	case PV_ARG_TEXT:
		if (how & VISIBLE)
			pv_buf_add_visible(out, a->u.s, strlen(a->u.s));
		else
			pv_buf_adds(out, a->u.s);
		break;
	case PV_ARG_WORD:
		pv_buf_adds(out, pv_lang_word(lang, a->u.s));
		break;
	case PV_ARG_LABEL:
		pv_buf_adds(out, pv_lang_label(lang, a->u.s));
		break;
	case PV_ARG_INT:
		pv_buf_addf(out, "%lld", a->u.i);
		break;
	case PV_ARG_UINT:
		pv_buf_addf(out, "%llu", a->u.u);
		break;
	case PV_ARG_REAL:
		add_real(out, a->u.d, lang);
		break;
	case PV_ARG_DATE:
		pv_lang_date(lang, a->u.date.year, a->u.date.month, a->u.date.day, out);
		break;
	case PV_ARG_AMOUNT:
		add_amount(out, a->u.amount.v, a->u.amount.currency, lang);
		break;
	case PV_ARG_LIST:
		add_list(out, a, lang, how);
		break;
	case PV_ARG_MSG:
		render(a->u.m, lang, out, how);
		break;
	}
}

/* In a right-to-left language, plan text and ids in a first-strong
 * isolate, an amount in a left-to-right one, so that neither reorders the
 * sentence around it (UAX #9). */
static void render_arg(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out,
		       int how)
{
	const char *open = !(how & ISOLATE) ? ""
			 : a->kind == PV_ARG_TEXT ? pv_lang_fsi(lang)
			 : a->kind == PV_ARG_AMOUNT ? pv_lang_lri(lang) : "";
	pv_buf_adds(out, open);
	render_value(a, lang, out, how);
	if (*open)
		pv_buf_adds(out, pv_lang_pdi(lang));
}

void pv_arg_render(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out)
{
	render_value(a, lang, out, AS_IS);
}

/* A number with the width, flags and precision its conversion gives. */
static void add_number(struct pv_buf *out, const struct pv_msg_spec *s, const struct pv_arg *a)
{
	char f[32];
	if (a->kind == PV_ARG_REAL && strchr("fge", s->conv) && isfinite(a->u.d)) {
		pv_msg_plain_spec(s, "", f, sizeof(f));
		pv_buf_addf(out, f, a->u.d);
	} else if (a->kind == PV_ARG_INT && strchr("dic", s->conv)) {
		pv_msg_plain_spec(s, "ll", f, sizeof(f));
		if (s->conv == 'c')
			pv_buf_addch(out, (int)a->u.i);
		else
			pv_buf_addf(out, f, a->u.i);
	} else if ((a->kind == PV_ARG_UINT || a->kind == PV_ARG_INT) && strchr("uxXo", s->conv)) {
		pv_msg_plain_spec(s, "ll", f, sizeof(f));
		pv_buf_addf(out, f, a->kind == PV_ARG_UINT ? a->u.u : (unsigned long long)a->u.i);
	} else {
		/* A translation whose conversion does not fit: the value, plainly. */
		pv_arg_render(a, NULL, out);
	}
}

static void render_printf(const struct pv_msg *m, const struct pv_lang *lang,
			  struct pv_buf *out, int how)
{
	const char *fmt = pv_lang_message(lang, m->key);
	size_t next = 0;
	const char *p = fmt;
	for (const char *q = strchr(p, '%'); q; q = strchr(p, '%')) {
		struct pv_msg_spec s;
		pv_buf_add(out, p, (size_t)(q - p));
		if (pv_msg_parse_spec(q, &s) < 0) {
			pv_buf_addch(out, '%');
			p = q + 1;
			continue;
		}
		if (s.conv == '%') {
			pv_buf_addch(out, '%');
		} else {
			size_t i = s.pos ? (size_t)s.pos - 1 : next++;
			if (i < m->nargs && s.conv == 's')
				render_arg(&m->args[i], lang, out, how);
			else if (i < m->nargs)
				add_number(out, &s, &m->args[i]);
		}
		p = q + s.len;
	}
	pv_buf_adds(out, p);
}

static void fill(const char *tmpl, const struct pv_arg *pairs, size_t npairs,
		 const struct pv_lang *lang, struct pv_buf *out, int how)
{
	const char *p = tmpl;
	for (const char *q = strchr(p, '{'); q; q = strchr(p, '{')) {
		const char *e = strchr(q, '}');
		pv_buf_add(out, p, (size_t)(q - p));
		if (!e) {
			p = q;
			break;
		}
		size_t n = (size_t)(e - q - 1), i;
		for (i = 0; i < npairs; i++) {
			const char *name = pairs[2 * i].u.s;
			if (strlen(name) == n && !strncmp(name, q + 1, n))
				break;
		}
		if (i < npairs)
			render_arg(&pairs[2 * i + 1], lang, out, how);
		else
			pv_buf_add(out, q, n + 2);	/* left visible: a test catches it */
		p = e + 1;
	}
	pv_buf_adds(out, p);
}

void pv_template_fill(const char *tmpl, const struct pv_arg *pairs, size_t npairs,
		      const struct pv_lang *lang, struct pv_buf *out)
{
	fill(tmpl, pairs, npairs, lang, out, AS_IS);
}

void pv_lang_count(const struct pv_lang *lang, const char *key, unsigned long long n,
		   struct pv_buf *out)
{
	const struct pv_arg pairs[] = { pv_arg_text("n"), pv_arg_uint(n) };
	fill(pv_lang_count_label(lang, key, n), pairs, 1, lang, out, AS_IS);
}

static void render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out,
		   int how)
{
	if (m->kind == PV_MSG_PRINTF) {
		render_printf(m, lang, out, how);
	} else if (m->kind == PV_MSG_CATALOGUE) {
		const char *t = pv_lang_rule_field(lang, m->key, m->field);
		fill(t ? t : m->key, m->args, m->nargs, lang, out, how);
	}
}

void pv_msg_render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out)
{
	render(m, lang, out, AS_IS);
}

void pv_msg_render_terminal(const struct pv_msg *m, const struct pv_lang *lang,
			    struct pv_buf *out)
{
	render(m, lang, out, ISOLATE | VISIBLE);
}

char *pv_msg_text(const struct pv_msg *m, const struct pv_lang *lang)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_msg_render(m, lang, &b);
	return pv_buf_detach(&b, NULL);
}
