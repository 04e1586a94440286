#include "pveplan/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void pv_die_oom(void)
{
	fputs("pveplan: fatal: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		pv_die_oom();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		pv_die_oom();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		pv_die_oom();
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

struct pv_arena_block {
	struct pv_arena_block *next;
	size_t size;
	max_align_t data[];
};

#define ARENA_BLOCK (256 * 1024)

static void *arena_alloc(struct pv_arena *a, size_t size, size_t align)
{
	if (a->head)
		a->used = (a->used + align - 1) / align * align;
	if (!a->head || a->used + size > a->head->size) {
		size_t bsize = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		struct pv_arena_block *b = xmalloc(sizeof(*b) + bsize);
		b->size = bsize;
		if (a->head && bsize != ARENA_BLOCK) {
			/* A big one-off: keep filling the current block. */
			b->next = a->head->next;
			a->head->next = b;
			a->total += size;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->used = 0;
	}
	void *p = (char *)a->head->data + a->used;
	a->used += size;
	a->total += size;
	return p;
}

void *pv_arena_alloc(struct pv_arena *a, size_t size)
{
	return arena_alloc(a, size, _Alignof(max_align_t));
}

char *pv_arena_strndup(struct pv_arena *a, const char *s, size_t n)
{
	/* Strings need no alignment: packing them keeps the document small. */
	char *p = arena_alloc(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void pv_arena_release(struct pv_arena *a)
{
	struct pv_arena_block *b = a->head;
	while (b) {
		struct pv_arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = a->total = 0;
}
