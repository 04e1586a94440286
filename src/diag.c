#include "pveplan/diag.h"

#include "pveplan/alloc.h"

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
}

void pv_diags_release(struct pv_diags *d)
{
	for (size_t i = 0; i < d->nr; i++) {
		free(d->v[i].msg);
		free(d->v[i].hint);
		free(d->v[i].note);
	}
	free(d->v);
	free(d->file);
	d->file = NULL;
	d->v = NULL;
	d->nr = d->alloc = 0;
}

static char *vfmt(const char *fmt, va_list ap)
{
	struct pv_buf b = PV_BUF_INIT;
	pv_buf_vaddf(&b, fmt, ap);
	return pv_buf_detach(&b, NULL);
}

struct pv_diag *pv_diag_add(struct pv_diags *d, const char *code,
			    struct pv_pos pos, const char *fmt, ...)
{
	enum pv_severity sev = pv_rule_severity(code);
	if (sev == PV_SEV_OFF)
		return NULL;
	PV_ALLOC_GROW(d->v, d->nr + 1, d->alloc);
	struct pv_diag *g = &d->v[d->nr];
	memset(g, 0, sizeof(*g));
	g->pos = pos;
	if (g->pos.line && !g->pos.span)
		g->pos.span = 1;
	g->sev = sev;
	strncat(g->code, code, sizeof(g->code) - 1);
	va_list ap;
	va_start(ap, fmt);
	g->msg = vfmt(fmt, ap);
	va_end(ap);
	g->seq = d->nr++;
	return g;
}

void pv_diag_hint(struct pv_diag *g, const char *fmt, ...)
{
	if (!g)
		return;
	va_list ap;
	va_start(ap, fmt);
	free(g->hint);
	g->hint = vfmt(fmt, ap);
	va_end(ap);
}

void pv_diag_note(struct pv_diag *g, struct pv_pos pos, const char *fmt, ...)
{
	if (!g)
		return;
	va_list ap;
	va_start(ap, fmt);
	free(g->note);
	g->note = vfmt(fmt, ap);
	g->note_pos = pos;
	va_end(ap);
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

enum pv_severity pv_rule_severity(const char *code)
{
	static const struct {
		const char *code;
		enum pv_severity sev;
	} con[] = {
		{ "CON001", PV_SEV_ERROR },   { "CON002", PV_SEV_ERROR },
		{ "CON003", PV_SEV_WARNING }, { "CON004", PV_SEV_WARNING },
		{ "CON005", PV_SEV_WARNING }, { "CON006", PV_SEV_ERROR },
		{ "CON007", PV_SEV_WARNING },
	};
	if (!strncmp(code, "FMT", 3) || !strncmp(code, "REF", 3))
		return PV_SEV_ERROR;
	for (size_t i = 0; i < PV_ARRAY_SIZE(con); i++)
		if (!strcmp(code, con[i].code))
			return con[i].sev;
	return PV_SEV_OFF;
}
