/* Messages captured as typed values (the rendering is in msg_render.c). */
#include "pveplan/base.h"

#include "msg_spec.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pv_msg_parse_spec(const char *p, struct pv_msg_spec *s)
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

void pv_msg_plain_spec(const struct pv_msg_spec *s, const char *length, char *out, size_t size)
{
	const char *p = s->start + 1, *end = s->start + s->len - 1 - strlen(s->length);
	if (s->pos)
		p = strchr(p, '$') + 1;
	snprintf(out, size, "%%%.*s%s%c", (int)(end - p), p, length, s->conv);
}

struct pv_arg pv_arg_text(const char *s)
{
	return (struct pv_arg){ .kind = PV_ARG_TEXT, .u = { .s = s ? s : "" } };
}

struct pv_arg pv_arg_int(long long v)
{
	return (struct pv_arg){ .kind = PV_ARG_INT, .u = { .i = v } };
}

struct pv_arg pv_arg_uint(unsigned long long v)
{
	return (struct pv_arg){ .kind = PV_ARG_UINT, .u = { .u = v } };
}

struct pv_arg pv_arg_real(double v)
{
	return (struct pv_arg){ .kind = PV_ARG_REAL, .u = { .d = v } };
}

struct pv_arg pv_arg_self(struct pv_arg a)
{
	return a;
}

struct pv_arg pv_msg_amount(double v, const char *currency)
{
	struct pv_arg a = { .kind = PV_ARG_AMOUNT };
	a.u.amount.v = v;
	a.u.amount.currency = currency;
	return a;
}

struct pv_arg pv_msg_date(int year, int month, int day)
{
	struct pv_arg a = { .kind = PV_ARG_DATE };
	a.u.date.year = year;
	a.u.date.month = month;
	a.u.date.day = month ? day : 0;
	return a;
}

struct pv_arg pv_msg_list(const struct pv_arg *items, size_t n)
{
	struct pv_arg a = { .kind = PV_ARG_LIST };
	a.u.list.v = items;
	a.u.list.n = n;
	return a;
}

struct pv_arg pv_arg_msg(const struct pv_msg *m)
{
	struct pv_arg a = { .kind = PV_ARG_MSG };
	a.u.m = m;
	return a;
}

static void copy_arg(struct pv_arg *dst, const struct pv_arg *src)
{
	*dst = *src;
	switch (src->kind) {
	case PV_ARG_TEXT:
	case PV_ARG_WORD:
	case PV_ARG_LABEL:
		dst->u.s = xstrdup(src->u.s ? src->u.s : "");
		break;
	case PV_ARG_AMOUNT:
		dst->u.amount.currency = src->u.amount.currency ? xstrdup(src->u.amount.currency)
								: NULL;
		break;
	case PV_ARG_LIST: {
		struct pv_arg *v = src->u.list.n ? xcalloc(src->u.list.n, sizeof(*v)) : NULL;
		for (size_t i = 0; i < src->u.list.n; i++)
			copy_arg(&v[i], &src->u.list.v[i]);
		dst->u.list.v = v;
		break;
	}
	case PV_ARG_MSG: {
		struct pv_msg *m = xcalloc(1, sizeof(*m));
		*m = *src->u.m;
		pv_msg_copy_args(m, src->u.m);
		dst->u.m = m;
		break;
	}
	default:
		break;
	}
}

static void release_arg(struct pv_arg *a)
{
	switch (a->kind) {
	case PV_ARG_TEXT:
	case PV_ARG_WORD:
	case PV_ARG_LABEL:
		free((char *)a->u.s);
		break;
	case PV_ARG_AMOUNT:
		free((char *)a->u.amount.currency);
		break;
	case PV_ARG_LIST:
		for (size_t i = 0; i < a->u.list.n; i++)
			release_arg((struct pv_arg *)&a->u.list.v[i]);
		free((struct pv_arg *)a->u.list.v);
		break;
	case PV_ARG_MSG:
		pv_msg_release((struct pv_msg *)a->u.m);
		free((struct pv_msg *)a->u.m);
		break;
	default:
		break;
	}
}

static struct pv_arg *copy_args(const struct pv_arg *args, size_t n)
{
	struct pv_arg *v = n ? xcalloc(n, sizeof(*v)) : NULL;
	for (size_t i = 0; i < n; i++)
		copy_arg(&v[i], &args[i]);
	return v;
}

/* Which kinds a conversion takes: %s anything but a bare number, %d and
 * %u integers, %f %g %e reals. */
static int fits(char conv, const struct pv_arg *a)
{
	switch (conv) {
	case 's':
		return a->kind != PV_ARG_INT && a->kind != PV_ARG_UINT && a->kind != PV_ARG_REAL;
	case 'f':
	case 'g':
	case 'e':
		return a->kind == PV_ARG_REAL;
	default:
		return a->kind == PV_ARG_INT || a->kind == PV_ARG_UINT;
	}
}

static _Noreturn void bad_format(const char *fmt, const char *why)
{
	fprintf(stderr, "pveplan: BUG: message format '%s': %s\n", fmt, why);
	abort();
}

void pv_msg_printf(struct pv_msg *m, const char *fmt, const struct pv_arg *args, size_t n)
{
	size_t want = 0;
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		struct pv_msg_spec s;
		if (pv_msg_parse_spec(p, &s) < 0 || s.pos)
			bad_format(fmt, "unsupported conversion");
		if (s.conv != '%') {
			if (want >= n || !fits(s.conv, &args[want]))
				bad_format(fmt, "an argument is missing or of the wrong kind");
			want++;
		}
		p += s.len;
	}
	if (want != n || n > UINT8_MAX)
		bad_format(fmt, "too many arguments");
	memset(m, 0, sizeof(*m));
	m->kind = PV_MSG_PRINTF;
	m->key = fmt;
	m->nargs = (uint8_t)n;
	m->args = copy_args(args, n);
}

void pv_msg_catalogue(struct pv_msg *m, const char *code, const char *field,
		      const struct pv_arg *pairs, size_t npairs)
{
	for (size_t i = 0; i < npairs; i++)
		if (pairs[2 * i].kind != PV_ARG_TEXT)
			bad_format(field, "a placeholder name is not a string");
	memset(m, 0, sizeof(*m));
	m->kind = PV_MSG_CATALOGUE;
	m->key = code;
	m->field = field;
	m->nargs = (uint8_t)npairs;
	m->args = copy_args(pairs, 2 * npairs);
}

void pv_msg_copy_args(struct pv_msg *dst, const struct pv_msg *src)
{
	size_t n = src->kind == PV_MSG_CATALOGUE ? 2u * src->nargs : src->nargs;
	dst->nargs = src->nargs;
	dst->args = copy_args(src->args, n);
}

void pv_msg_release(struct pv_msg *m)
{
	size_t n = m->kind == PV_MSG_CATALOGUE ? 2u * m->nargs : m->nargs;
	for (size_t i = 0; i < n; i++)
		release_arg(&m->args[i]);
	free(m->args);
	memset(m, 0, sizeof(*m));
}

void pv_err_set(struct pv_msg *m, const char *fmt, const struct pv_arg *args, size_t n)
{
	pv_msg_release(m);
	pv_msg_printf(m, fmt, args, n);
}

/* The reasons a drafter meets (glibc's wording), as words to translate. */
static const struct {
	int e;
	struct pv_arg w;
} errno_words[] = {
	{ ENOENT, PV_W_INIT("No such file or directory") },
	{ EACCES, PV_W_INIT("Permission denied") },
	{ EPERM, PV_W_INIT("Operation not permitted") },
	{ EISDIR, PV_W_INIT("Is a directory") },
	{ ENOTDIR, PV_W_INIT("Not a directory") },
	{ ENOSPC, PV_W_INIT("No space left on device") },
	{ EROFS, PV_W_INIT("Read-only file system") },
	{ EEXIST, PV_W_INIT("File exists") },
	{ ELOOP, PV_W_INIT("Too many levels of symbolic links") },
	{ ENAMETOOLONG, PV_W_INIT("File name too long") },
	{ EIO, PV_W_INIT("Input/output error") },
	{ ENOMEM, PV_W_INIT("Cannot allocate memory") },
	{ EMFILE, PV_W_INIT("Too many open files") },
	{ EFBIG, PV_W_INIT("File too large") },
	{ EDQUOT, PV_W_INIT("Disk quota exceeded") },
	{ EBUSY, PV_W_INIT("Device or resource busy") },
	{ ETXTBSY, PV_W_INIT("Text file busy") },
	{ EXDEV, PV_W_INIT("Invalid cross-device link") },
};

struct pv_arg pv_arg_errno(int e)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(errno_words); i++)
		if (errno_words[i].e == e)
			return errno_words[i].w;
	return pv_arg_text(strerror(e));
}

const struct pv_arg *pv_msg_arg(const struct pv_msg *m, size_t i)
{
	if (i >= m->nargs)
		return NULL;
	return m->kind == PV_MSG_CATALOGUE ? &m->args[2 * i + 1] : &m->args[i];
}

int pv_msg_signature(const char *fmt, struct pv_buf *out)
{
	struct pv_msg_spec specs[32];
	size_t n = 0, positional = 0;
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		struct pv_msg_spec s;
		if (pv_msg_parse_spec(p, &s) < 0)
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
