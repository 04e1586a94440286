#include "pveplan/base.h"


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char pv_buf_empty[1];

void pv_buf_init(struct pv_buf *b)
{
	b->buf = pv_buf_empty;
	b->len = b->alloc = 0;
}

void pv_buf_release(struct pv_buf *b)
{
	if (b->alloc)
		free(b->buf);
	pv_buf_init(b);
}

void pv_buf_reset(struct pv_buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->buf[0] = '\0';
}

char *pv_buf_detach(struct pv_buf *b, size_t *len)
{
	char *s = b->alloc ? b->buf : xstrdup("");
	if (len)
		*len = b->len;
	pv_buf_init(b);
	return s;
}

void pv_buf_grow(struct pv_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->alloc)
		return;
	size_t n = b->alloc ? b->alloc : 64;
	while (n < need)
		n *= 2;
	if (b->alloc) {
		b->buf = xrealloc(b->buf, n);
	} else {
		b->buf = xmalloc(n);
		b->buf[0] = '\0';
	}
	b->alloc = n;
}

void pv_buf_add(struct pv_buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	pv_buf_grow(b, len);
	memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void pv_buf_adds(struct pv_buf *b, const char *s)
{
	pv_buf_add(b, s, strlen(s));
}

void pv_buf_addch(struct pv_buf *b, int c)
{
	pv_buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}

void pv_buf_addchars(struct pv_buf *b, int c, size_t n)
{
	if (!n)
		return;
	pv_buf_grow(b, n);
	memset(b->buf + b->len, c, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void pv_buf_vaddf(struct pv_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(b->buf + b->len, b->alloc ? b->alloc - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= (b->alloc ? b->alloc - b->len : 0)) {
		pv_buf_grow(b, (size_t)n);
		vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void pv_buf_addf(struct pv_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	pv_buf_vaddf(b, fmt, ap);
	va_end(ap);
}
