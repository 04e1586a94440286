#include "pveplan/base.h"


#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pv_severity_name(enum pv_severity sev)
{
	switch (sev) {
	case PV_SEV_ERROR:
		return "error";
	case PV_SEV_WARNING:
		return "warning";
	case PV_SEV_INFO:
		return "info";
	default:
		return "off";
	}
}

void pv_diags_init(struct pv_diags *d, const char *file)
{
	struct pv_diags empty = PV_DIAGS_INIT;
	*d = empty;
	d->file = xstrdup(file);
}

void pv_diag_release(struct pv_diag *g)
{
	pv_msg_release(&g->msg);
	pv_msg_release(&g->hint);
	pv_msg_release(&g->note);
	free(g->subject);
	g->subject = NULL;
	free(g->key_path);
	g->key_path = NULL;
}

void pv_diags_release(struct pv_diags *d)
{
	struct pv_diags empty = PV_DIAGS_INIT;
	for (size_t i = 0; i < d->nr; i++)
		pv_diag_release(&d->v[i]);
	free(d->v);
	free(d->file);
	free(d->not_applicable);
	free(d->omitted);
	pv_strmap_release(&d->seen);
	pv_arena_release(&d->keys);
	*d = empty;
}

/* The identity of a finding: every byte of its rule, position and message,
 * each argument with its kind. Written without printf: a node reached
 * through many aliases asks for it millions of times. */
static void key_num(struct pv_buf *k, unsigned long long v)
{
	char digits[24];
	size_t n = 0;
	do
		digits[sizeof(digits) - ++n] = (char)('0' + v % 10);
	while ((v /= 10) && n < sizeof(digits));
	pv_buf_add(k, digits + sizeof(digits) - n, n);
	pv_buf_addch(k, ':');
}

static void key_str(struct pv_buf *k, const char *s)
{
	size_t n = strlen(s);
	key_num(k, n);
	pv_buf_add(k, s, n);
}

static void key_arg(struct pv_buf *k, const struct pv_arg *a)
{
	double d;
	pv_buf_addch(k, (char)('A' + a->kind));
	switch (a->kind) {
	case PV_ARG_TEXT:
	case PV_ARG_WORD:
	case PV_ARG_LABEL:
		key_str(k, a->u.s);
		break;
	case PV_ARG_INT:
		pv_buf_addch(k, a->u.i < 0 ? '-' : '+');
		key_num(k, a->u.i < 0 ? 0ULL - (unsigned long long)a->u.i : (unsigned long long)a->u.i);
		break;
	case PV_ARG_UINT:
		key_num(k, a->u.u);
		break;
	case PV_ARG_REAL:
	case PV_ARG_AMOUNT:
		d = a->kind == PV_ARG_REAL ? a->u.d : a->u.amount.v;
		pv_buf_addf(k, "%a:", d);
		if (a->kind == PV_ARG_AMOUNT)
			key_str(k, a->u.amount.currency ? a->u.amount.currency : "");
		break;
	case PV_ARG_DATE:
		key_num(k, (unsigned long long)a->u.date.year * 10000u + (unsigned)a->u.date.month * 100u +
				   (unsigned)a->u.date.day);
		break;
	case PV_ARG_LIST:
		key_num(k, a->u.list.n);
		for (size_t i = 0; i < a->u.list.n; i++)
			key_arg(k, &a->u.list.v[i]);
		break;
	case PV_ARG_MSG:	/* errors, not findings, nest messages */
		key_str(k, a->u.m->key ? a->u.m->key : "");
		break;
	}
}

/* Whether an argument of a message identifies the finding: a word or a
 * label names the kind of problem; a catalogue message's texts are named,
 * and `ids` (the other items that have the problem) and `date` (a value
 * the drafter corrects) are not the problem's identity. A printf message's
 * texts are the values and keys at its place, which the key path already
 * gives. Numbers, amounts and lists are counts and values. */
static int identifying(const struct pv_msg *m, size_t i)
{
	const struct pv_arg *a = pv_msg_arg(m, i);
	if (a->kind == PV_ARG_WORD || a->kind == PV_ARG_LABEL)
		return 1;
	if (a->kind != PV_ARG_TEXT || m->kind != PV_MSG_CATALOGUE)
		return 0;
	const char *name = m->args[2 * i].u.s;
	return strcmp(name, "ids") && strcmp(name, "date");
}

void pv_diag_fingerprint(const struct pv_diag *g, const char *plan_id, unsigned occurrence,
			 char out[PV_FINGERPRINT_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[crypto_hash_sha256_BYTES];
	struct pv_buf k = PV_BUF_INIT;
	const struct pv_msg *m = &g->msg;
	size_t nargs = m->kind == PV_MSG_NONE ? 0 : m->nargs;

	key_str(&k, "pveplan/v1");
	key_str(&k, g->code);
	key_str(&k, plan_id ? plan_id : "");
	key_str(&k, g->key_path ? g->key_path : "");
	key_str(&k, g->subject ? g->subject : "");
	key_str(&k, m->key ? m->key : "");
	key_str(&k, m->field ? m->field : "");
	for (size_t i = 0; i < nargs; i++) {
		if (!identifying(m, i))
			continue;
		if (m->kind == PV_MSG_CATALOGUE)
			key_str(&k, m->args[2 * i].u.s);
		else
			key_num(&k, i);
		key_arg(&k, pv_msg_arg(m, i));
	}
	key_num(&k, occurrence);
	if (sodium_init() < 0)
		abort();	/* cannot happen for a hash: it needs no randomness */
	crypto_hash_sha256(digest, (const unsigned char *)k.buf, k.len);
	pv_buf_release(&k);
	for (size_t i = 0; i < (PV_FINGERPRINT_SIZE - 1) / 2; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[PV_FINGERPRINT_SIZE - 1] = '\0';
}

/* An identical finding already recorded, or NULL (and `key` is kept). */
static struct pv_diag *seen(struct pv_diags *d, const char *code, struct pv_pos pos,
			    const char *subject, const char *fmt, const char *field,
			    const struct pv_arg *args, size_t n, const char **key)
{
	struct pv_buf k = PV_BUF_INIT;
	pv_buf_grow(&k, 64);
	key_str(&k, code);
	key_num(&k, pos.line);
	key_num(&k, pos.col);
	key_num(&k, pos.span);
	key_str(&k, fmt);
	key_str(&k, field ? field : "");
	key_str(&k, subject ? subject : "");
	for (size_t i = 0; i < n; i++)
		key_arg(&k, &args[i]);
	uintptr_t i = (uintptr_t)pv_strmap_get(&d->seen, k.buf);
	*key = i ? NULL : pv_arena_strndup(&d->keys, k.buf, k.len);
	pv_buf_release(&k);
	if (!i)
		return NULL;
	d->v[i - 1].repeats++;
	return &d->v[i - 1];
}

static struct pv_diag *new_diag(struct pv_diags *d, const char *code, struct pv_pos pos,
				const char *key)
{
	PV_ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	struct pv_diag *g = &d->v[d->nr];
	memset(g, 0, sizeof(*g));
	g->pos = pos;
	if (g->pos.line && !g->pos.span)
		g->pos.span = 1;
	g->sev = PV_SEV_ERROR;
	g->waiver = -1;
	strncat(g->code, code, sizeof(g->code) - 1);
	g->seq = d->nr++;
	if (key)
		pv_strmap_put(&d->seen, key, (void *)(uintptr_t)d->nr);
	return g;
}

struct pv_diag *pv_diag_addv(struct pv_diags *d, const char *code, struct pv_pos pos,
			     const char *fmt, const struct pv_arg *args, size_t n)
{
	const char *key = NULL;
	struct pv_diag *g = seen(d, code, pos, NULL, fmt, NULL, args, n, &key);
	if (g)
		return g;
	g = new_diag(d, code, pos, key);
	pv_msg_printf(&g->msg, fmt, args, n);
	return g;
}

struct pv_diag *pv_diag_rulev(struct pv_diags *d, const char *code, const char *field,
			      struct pv_pos pos, const char *subject,
			      const struct pv_arg *args, size_t n)
{
	const char *key = NULL;
	struct pv_diag *g = seen(d, code, pos, subject, code, field, args, n, &key);
	if (g)
		return g;
	g = new_diag(d, code, pos, key);
	pv_msg_catalogue(&g->msg, code, field, args, n / 2);
	g->hint.kind = PV_MSG_CATALOGUE;
	g->hint.key = g->msg.key;
	g->hint.field = "hint";
	pv_msg_copy_args(&g->hint, &g->msg);
	g->subject = subject ? xstrdup(subject) : NULL;
	return g;
}

void pv_diag_hintv(struct pv_diag *g, const char *fmt, const struct pv_arg *args, size_t n)
{
	pv_msg_release(&g->hint);
	pv_msg_printf(&g->hint, fmt, args, n);
}

void pv_diag_notev(struct pv_diag *g, struct pv_pos pos, const char *fmt,
		   const struct pv_arg *args, size_t n)
{
	pv_msg_release(&g->note);
	pv_msg_printf(&g->note, fmt, args, n);
	g->note_pos = pos;
}

void pv_diag_raise(struct pv_diag *g, enum pv_severity sev)
{
	g->sev = sev;
	g->raised = 1;
}

void pv_diags_not_applicable(struct pv_diags *d, const char *code)
{
	if (pv_diags_is_not_applicable(d, code))
		return;
	PV_ALLOC_GROW(d->not_applicable, d->nna + 1, d->na_alloc);
	d->not_applicable[d->nna++] = code;
}

int pv_diags_is_not_applicable(const struct pv_diags *d, const char *code)
{
	for (size_t i = 0; i < d->nna; i++)
		if (!strcmp(d->not_applicable[i], code))
			return 1;
	return 0;
}

static int cmp_diag(const void *a, const void *b)
{
	const struct pv_diag *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	int c = strcmp(x->code, y->code);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void pv_diags_sort(struct pv_diags *d)
{
	/* The identities point at positions that sorting changes. */
	pv_strmap_release(&d->seen);
	if (d->nr > 1)
		qsort(d->v, d->nr, sizeof(*d->v), cmp_diag);
}

static struct pv_omitted *omitted(struct pv_diags *d, const char *code)
{
	for (size_t i = 0; i < d->nomitted; i++)
		if (!strcmp(d->omitted[i].code, code))
			return &d->omitted[i];
	PV_ALLOC_GROW(d->omitted, d->nomitted + 1, d->omitted_alloc);
	struct pv_omitted *o = &d->omitted[d->nomitted++];
	memset(o, 0, sizeof(*o));
	snprintf(o->code, sizeof(o->code), "%.7s", code);
	return o;
}

void pv_diags_cap(struct pv_diags *d, size_t max)
{
	struct pv_strmap kept = PV_STRMAP_INIT;	/* code -> findings kept so far */
	size_t out = 0;
	if (!max)
		return;
	for (size_t i = 0; i < d->nr; i++) {
		struct pv_diag *g = &d->v[i];
		uintptr_t n = (uintptr_t)pv_strmap_get(&kept, g->code);
		if (n < max) {
			d->v[out] = *g;
			/* The key is the code of the finding kept, which stays put. */
			pv_strmap_put(&kept, d->v[out].code, (void *)(n + 1));
			out++;
			continue;
		}
		struct pv_omitted *o = omitted(d, g->code);
		if (g->waiver >= 0)
			o->waived++;
		else
			o->n[g->sev >= PV_SEV_INFO && g->sev <= PV_SEV_ERROR ? g->sev : PV_SEV_ERROR]++;
		pv_diag_release(g);
	}
	d->nr = out;
	pv_strmap_release(&kept);
}

size_t pv_diags_omitted(const struct pv_diags *d, const char *code, size_t *waived)
{
	for (size_t i = 0; i < d->nomitted; i++)
		if (!strcmp(d->omitted[i].code, code)) {
			if (waived)
				*waived = d->omitted[i].waived;
			return d->omitted[i].n[0] + d->omitted[i].n[1] + d->omitted[i].n[2];
		}
	if (waived)
		*waived = 0;
	return 0;
}

size_t pv_diags_count(const struct pv_diags *d, enum pv_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nr; i++)
		n += d->v[i].sev == sev && d->v[i].waiver < 0;
	for (size_t i = 0; i < d->nomitted && sev >= PV_SEV_INFO && sev <= PV_SEV_ERROR; i++)
		n += d->omitted[i].n[sev];
	return n;
}

size_t pv_diags_waived(const struct pv_diags *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nr; i++)
		n += d->v[i].waiver >= 0;
	for (size_t i = 0; i < d->nomitted; i++)
		n += d->omitted[i].waived;
	return n;
}
