#ifndef PVEPLAN_BUF_H
#define PVEPLAN_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * The one growable string buffer used for all output.
 * Invariants: `buf` is never NULL and always NUL-terminated; `len` bytes are
 * used, `alloc` allocated (0 while `buf` points at the shared empty string).
 */
struct pv_buf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char pv_buf_empty[];
#define PV_BUF_INIT { pv_buf_empty, 0, 0 }

void pv_buf_init(struct pv_buf *b);
void pv_buf_release(struct pv_buf *b);
/* Hands the string to the caller, who frees it; `b` is reset. */
char *pv_buf_detach(struct pv_buf *b, size_t *len);
void pv_buf_grow(struct pv_buf *b, size_t extra);
void pv_buf_reset(struct pv_buf *b);

void pv_buf_add(struct pv_buf *b, const void *data, size_t len);
void pv_buf_adds(struct pv_buf *b, const char *s);
void pv_buf_addch(struct pv_buf *b, int c);
void pv_buf_addf(struct pv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pv_buf_vaddf(struct pv_buf *b, const char *fmt, va_list ap);
/* Appends `n` copies of `c`. */
void pv_buf_addchars(struct pv_buf *b, int c, size_t n);

#endif
