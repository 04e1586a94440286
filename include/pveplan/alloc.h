#ifndef PVEPLAN_ALLOC_H
#define PVEPLAN_ALLOC_H

#include <stddef.h>

/*
 * pveplan is an application, not a library: running out of memory is fatal
 * and handled here, in one place, so no caller checks for NULL.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Prints "pveplan: fatal: out of memory" and exits with status 3. */
_Noreturn void pv_die_oom(void);

/* Grow `ptr` (an array of `nr` used items, `alloc` allocated) to hold `need`. */
#define PV_ALLOC_GROW(ptr, need, alloc)                                        \
	do {                                                                   \
		if ((need) > (alloc)) {                                        \
			size_t pv_new_ = (alloc) ? (alloc) * 2 : 8;            \
			if (pv_new_ < (need))                                  \
				pv_new_ = (need);                              \
			(ptr) = xrealloc((ptr), pv_new_ * sizeof(*(ptr)));     \
			(alloc) = pv_new_;                                     \
		}                                                              \
	} while (0)

#define PV_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* An arena: many small allocations freed at once (the parsed document). */
struct pv_arena {
	struct pv_arena_block *head;
	size_t used;		/* bytes used in head */
	size_t total;		/* bytes handed out, for statistics */
};
#define PV_ARENA_INIT { NULL, 0, 0 }

void *pv_arena_alloc(struct pv_arena *a, size_t size);
char *pv_arena_strndup(struct pv_arena *a, const char *s, size_t n);
void pv_arena_release(struct pv_arena *a);

#endif
