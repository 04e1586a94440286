#include "pveplan/msg.h"

#include "pveplan/alloc.h"
#include "pveplan/lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct spec {
	const char *start;	/* at '%' */
	size_t len;		/* through the conversion letter */
	int pos;		/* n of "%n$", or 0 */
	char conv;		/* d i u x X o c s f g e, or '%' */
	char length[3];		/* "", "h", "hh", "l", "ll", "z" */
};

/* Parses the conversion at `p` (a '%'); returns 0 or -1. */
static int parse_spec(const char *p, struct spec *s)
{
	const char *q = p + 1;
	memset(s, 0, sizeof(*s));
	s->start = p;
	if (*q == '%') {
		s->conv = '%';
		s->len = 2;
		return 0;
	}
	const char *d = q;
	while (*d >= '0' && *d <= '9')
		d++;
	if (*d == '$' && d > q) {
		s->pos = atoi(q);
		q = d + 1;
	}
	while (*q && strchr("-+ #0", *q))
		q++;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q == '.') {
		q++;
		while (*q >= '0' && *q <= '9')
			q++;
	}
	size_t n = 0;
	while (*q && strchr("hlzjt", *q) && n < 2)
		s->length[n++] = *q++;
	if (!*q || !strchr("diuxXocsfge", *q))
		return -1;
	s->conv = *q;
	s->len = (size_t)(q - p) + 1;
	return 0;
}

/* The spec without its "n$" part, for snprintf. */
static void plain_spec(const struct spec *s, char *out, size_t size)
{
	const char *p = s->start + 1;
	if (s->pos)
		p = strchr(p, '$') + 1;
	snprintf(out, size, "%%%.*s", (int)(s->start + s->len - p), p);
}

static char *render_arg(const struct spec *s, va_list *ap)
{
	char f[32], tmp[128];
	plain_spec(s, f, sizeof(f));
	const char *L = s->length;
	switch (s->conv) {
	case 's':
		return xstrdup(va_arg(*ap, const char *));
	case 'f':
	case 'g':
	case 'e':
		snprintf(tmp, sizeof(tmp), f, va_arg(*ap, double));
		break;
	case 'd':
	case 'i':
	case 'c':
		if (!strcmp(L, "ll"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, long long));
		else if (!strcmp(L, "l"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, long));
		else if (!strcmp(L, "z"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, size_t));
		else
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, int));
		break;
	default:
		if (!strcmp(L, "ll"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, unsigned long long));
		else if (!strcmp(L, "l"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, unsigned long));
		else if (!strcmp(L, "z"))
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, size_t));
		else
			snprintf(tmp, sizeof(tmp), f, va_arg(*ap, unsigned));
		break;
	}
	return xstrdup(tmp);
}

void pv_msg_vprintf(struct pv_msg *m, const char *fmt, va_list ap)
{
	va_list cp;
	char *args[32];
	size_t n = 0;
	va_copy(cp, ap);
	memset(m, 0, sizeof(*m));
	m->kind = PV_MSG_PRINTF;
	m->key = fmt;
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		struct spec s;
		if (parse_spec(p, &s) < 0 || s.pos) {
			fprintf(stderr, "pveplan: BUG: unsupported message format '%s'\n", fmt);
			abort();
		}
		if (s.conv != '%' && n < PV_ARRAY_SIZE(args))
			args[n++] = render_arg(&s, &cp);
		p += s.len;
	}
	va_end(cp);
	m->nargs = (uint8_t)n;
	m->args = n ? xmalloc(n * sizeof(*m->args)) : NULL;
	if (n)
		memcpy(m->args, args, n * sizeof(*args));
}

void pv_msg_vcatalogue(struct pv_msg *m, const char *code, const char *field, va_list ap)
{
	char *args[32];
	size_t n = 0;
	const char *name;
	memset(m, 0, sizeof(*m));
	m->kind = PV_MSG_CATALOGUE;
	m->key = code;
	m->field = field;
	while ((name = va_arg(ap, const char *)) && n + 2 <= PV_ARRAY_SIZE(args)) {
		args[n++] = xstrdup(name);
		args[n++] = xstrdup(va_arg(ap, const char *));
	}
	m->nargs = (uint8_t)(n / 2);
	m->args = n ? xmalloc(n * sizeof(*m->args)) : NULL;
	if (n)
		memcpy(m->args, args, n * sizeof(*args));
}

void pv_msg_copy_args(struct pv_msg *dst, const struct pv_msg *src)
{
	size_t n = src->kind == PV_MSG_CATALOGUE ? 2u * src->nargs : src->nargs;
	dst->nargs = src->nargs;
	dst->args = n ? xmalloc(n * sizeof(*dst->args)) : NULL;
	for (size_t i = 0; i < n; i++)
		dst->args[i] = xstrdup(src->args[i]);
}

void pv_msg_release(struct pv_msg *m)
{
	size_t n = m->kind == PV_MSG_CATALOGUE ? 2u * m->nargs : m->nargs;
	for (size_t i = 0; i < n; i++)
		free(m->args[i]);
	free(m->args);
	memset(m, 0, sizeof(*m));
}

char *pv_msg_amount(double v, const char *currency)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_addf(&b, "\004%.2f", v);
	if (currency)
		pv_buf_addf(&b, "\037%s", currency);
	return pv_buf_detach(&b, NULL);
}

char *pv_msg_list(const char *const *items, size_t n)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_addch(&b, '\003');
	for (size_t i = 0; i < n; i++) {
		if (i)
			pv_buf_addch(&b, '\036');
		pv_buf_adds(&b, items[i]);
	}
	return pv_buf_detach(&b, NULL);
}

/* Digits grouped by three: "," and "." in English, a narrow no-break space
 * and "," in French; cents only when there are some. */
static void add_amount(struct pv_buf *out, const char *arg, const struct pv_lang *lang)
{
	int fr = !strcmp(pv_lang_code(lang), "fr");
	const char *sep = fr ? "\xe2\x80\xaf" : ",", *dec = fr ? "," : ".";
	const char *cur = strchr(arg, '\037');
	const char *num = arg, *dot = strchr(arg, '.');
	size_t intlen = (size_t)((dot ? dot : (cur ? cur : arg + strlen(arg))) - num);
	if (*num == '-') {
		pv_buf_addch(out, '-');
		num++;
		intlen--;
	}
	for (size_t i = 0; i < intlen; i++) {
		if (i && (intlen - i) % 3 == 0)
			pv_buf_adds(out, sep);
		pv_buf_addch(out, num[i]);
	}
	if (dot && strncmp(dot, ".00", 3)) {
		pv_buf_adds(out, dec);
		pv_buf_add(out, dot + 1, 2);
	}
	if (cur)
		pv_buf_addf(out, " %s", cur + 1);
}

static void add_arg(struct pv_buf *out, const char *arg, const struct pv_lang *lang)
{
	switch (arg[0]) {
	case '\001':
		pv_buf_adds(out, pv_lang_word(lang, arg + 1));
		break;
	case '\002':
		pv_buf_adds(out, pv_lang_label(lang, arg + 1));
		break;
	case '\004':
		add_amount(out, arg + 1, lang);
		break;
	case '\003': {
		const char *p = arg + 1;
		size_t n = *p ? 1 : 0, i = 0;
		for (const char *q = p; *q; q++)
			n += *q == '\036';
		while (*p) {
			const char *e = strchr(p, '\036');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *item = xstrndup(p, len);
			if (i)
				pv_buf_adds(out, i + 1 == n ? "" : ", ");
			if (i && i + 1 == n)
				pv_buf_addf(out, " %s ", pv_lang_label(lang, "and"));
			add_arg(out, item, lang);
			free(item);
			i++;
			p += len + (e ? 1 : 0);
		}
		break;
	}
	default:
		pv_buf_adds(out, arg);
	}
}

static void render_printf(const struct pv_msg *m, const struct pv_lang *lang,
			  struct pv_buf *out)
{
	const char *fmt = pv_lang_message(lang, m->key);
	size_t next = 0;
	const char *p = fmt;
	for (const char *q = strchr(p, '%'); q; q = strchr(p, '%')) {
		struct spec s;
		pv_buf_add(out, p, (size_t)(q - p));
		if (parse_spec(q, &s) < 0) {
			pv_buf_addch(out, '%');
			p = q + 1;
			continue;
		}
		if (s.conv == '%') {
			pv_buf_addch(out, '%');
		} else {
			size_t i = s.pos ? (size_t)s.pos - 1 : next++;
			if (i < m->nargs)
				add_arg(out, m->args[i], lang);
		}
		p = q + s.len;
	}
	pv_buf_adds(out, p);
}

void pv_template_fill(const char *tmpl, char *const *pairs, size_t npairs,
		      const struct pv_lang *lang, struct pv_buf *out)
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
		for (i = 0; i < npairs; i++)
			if (strlen(pairs[2 * i]) == n && !strncmp(pairs[2 * i], q + 1, n))
				break;
		if (i < npairs)
			add_arg(out, pairs[2 * i + 1], lang);
		else
			pv_buf_add(out, q, n + 2);	/* left visible: a test catches it */
		p = e + 1;
	}
	pv_buf_adds(out, p);
}

void pv_msg_render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out)
{
	if (m->kind == PV_MSG_PRINTF) {
		render_printf(m, lang, out);
	} else if (m->kind == PV_MSG_CATALOGUE) {
		const char *t = pv_lang_rule_field(lang, m->key, m->field);
		pv_template_fill(t ? t : m->key, m->args, m->nargs, lang, out);
	}
}

int pv_msg_signature(const char *fmt, struct pv_buf *out)
{
	struct spec specs[32];
	size_t n = 0, positional = 0;
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		struct spec s;
		if (parse_spec(p, &s) < 0)
			return -1;
		p += s.len;
		if (s.conv == '%')
			continue;
		if (n == PV_ARRAY_SIZE(specs))
			return -1;
		positional += s.pos != 0;
		specs[n++] = s;
	}
	if (positional && positional != n)
		return -1;
	for (size_t want = 1; want <= n; want++) {
		size_t i = want - 1;
		if (positional) {
			for (i = 0; i < n && (size_t)specs[i].pos != want; i++)
				;
			if (i == n)
				return -1;
		}
		pv_buf_addf(out, "%s%s%c", want > 1 ? "," : "", specs[i].length,
			    specs[i].conv == 'i' ? 'd' : specs[i].conv);
	}
	return 0;
}

void pv_template_generic(const char *tmpl, struct pv_buf *out)
{
	for (const char *p = tmpl; *p; p++) {
		const char *e = *p == '{' ? strchr(p, '}') : NULL;
		if (e && strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_") == (size_t)(e - p - 1)) {
			pv_buf_addf(out, "<%.*s>", (int)(e - p - 1), p + 1);
			p = e;
		} else {
			pv_buf_addch(out, *p);
		}
	}
}
