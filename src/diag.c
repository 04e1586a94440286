#include "pveplan/diag.h"

#include "pveplan/alloc.h"

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
}

void pv_diags_release(struct pv_diags *d)
{
	struct pv_diags empty = PV_DIAGS_INIT;
	for (size_t i = 0; i < d->nr; i++)
		pv_diag_release(&d->v[i]);
	free(d->v);
	free(d->file);
	free(d->not_applicable);
	*d = empty;
}

static struct pv_diag *new_diag(struct pv_diags *d, const char *code, struct pv_pos pos)
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
	return g;
}

struct pv_diag *pv_diag_addv(struct pv_diags *d, const char *code, struct pv_pos pos,
			     const char *fmt, const struct pv_arg *args, size_t n)
{
	struct pv_diag *g = new_diag(d, code, pos);
	pv_msg_printf(&g->msg, fmt, args, n);
	return g;
}

struct pv_diag *pv_diag_rulev(struct pv_diags *d, const char *code, const char *field,
			      struct pv_pos pos, const char *subject,
			      const struct pv_arg *args, size_t n)
{
	struct pv_diag *g = new_diag(d, code, pos);
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
	if (d->nr > 1)
		qsort(d->v, d->nr, sizeof(*d->v), cmp_diag);
}
