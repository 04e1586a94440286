#include "pveplan/diag.h"

#include "pveplan/alloc.h"
#include "pveplan/rules.h"

#include <stdarg.h>
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
	d->file = xstrdup(file);
	d->v = NULL;
	d->nr = d->alloc = 0;
	d->not_applicable = 0;
}

void pv_diags_release(struct pv_diags *d)
{
	for (size_t i = 0; i < d->nr; i++) {
		pv_msg_release(&d->v[i].msg);
		pv_msg_release(&d->v[i].hint);
		pv_msg_release(&d->v[i].note);
		free(d->v[i].subject);
	}
	free(d->v);
	free(d->file);
	d->file = NULL;
	d->v = NULL;
	d->nr = d->alloc = 0;
}

char *pv_msg_text(const struct pv_msg *m, const struct pv_lang *lang)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_msg_render(m, lang, &b);
	return pv_buf_detach(&b, NULL);
}

static struct pv_diag *new_diag(struct pv_diags *d, const char *code, struct pv_pos pos)
{
	const struct pv_rule *r = pv_rule_find(code);
	PV_ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	struct pv_diag *g = &d->v[d->nr];
	memset(g, 0, sizeof(*g));
	g->pos = pos;
	if (g->pos.line && !g->pos.span)
		g->pos.span = 1;
	g->sev = r ? r->severity : PV_SEV_ERROR;
	g->waiver = -1;
	strncat(g->code, code, sizeof(g->code) - 1);
	g->seq = d->nr++;
	return g;
}

struct pv_diag *pv_diag_add(struct pv_diags *d, const char *code,
			    struct pv_pos pos, const char *fmt, ...)
{
	struct pv_diag *g = new_diag(d, code, pos);
	va_list ap;
	va_start(ap, fmt);
	pv_msg_vprintf(&g->msg, fmt, ap);
	va_end(ap);
	return g;
}

struct pv_diag *pv_diag_rule(struct pv_diags *d, const char *code, const char *field,
			     struct pv_pos pos, const char *subject, ...)
{
	struct pv_diag *g = new_diag(d, code, pos);
	va_list ap;
	va_start(ap, subject);
	pv_msg_vcatalogue(&g->msg, code, field, ap);
	va_end(ap);
	g->hint.kind = PV_MSG_CATALOGUE;
	g->hint.key = g->msg.key;
	g->hint.field = "hint";
	pv_msg_copy_args(&g->hint, &g->msg);
	g->subject = subject ? xstrdup(subject) : NULL;
	return g;
}

void pv_diag_hint(struct pv_diag *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	pv_msg_release(&g->hint);
	pv_msg_vprintf(&g->hint, fmt, ap);
	va_end(ap);
}

void pv_diag_note(struct pv_diag *g, struct pv_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	pv_msg_release(&g->note);
	pv_msg_vprintf(&g->note, fmt, ap);
	g->note_pos = pos;
	va_end(ap);
}

void pv_diags_not_applicable(struct pv_diags *d, const char *code)
{
	const struct pv_rule *r = pv_rule_find(code);
	if (r)
		d->not_applicable |= (uint64_t)1 << (r - pv_rules);
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
	if (d->nr > 1)
		qsort(d->v, d->nr, sizeof(*d->v), cmp_diag);
}

size_t pv_diags_count(const struct pv_diags *d, enum pv_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nr; i++)
		n += d->v[i].sev == sev;
	return n;
}

