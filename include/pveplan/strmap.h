#ifndef PVEPLAN_STRMAP_H
#define PVEPLAN_STRMAP_H

#include <stddef.h>

/*
 * A string-keyed hash map (open addressing, keyed SipHash). Keys are
 * borrowed: they must outlive the map. Used for anchors and the plan's identifier table, where a
 * linear search would make large plans quadratic.
 */
struct pv_strmap {
	struct pv_strmap_slot *slots;
	size_t nr, cap;
	unsigned char key[16];	/* the hash key, drawn when the map first grows */
};
#define PV_STRMAP_INIT { NULL, 0, 0, { 0 } }

void pv_strmap_release(struct pv_strmap *m);
/* Returns the value for `key`, or NULL. */
void *pv_strmap_get(const struct pv_strmap *m, const char *key);
/* Sets `key`; returns the previous value or NULL. */
void *pv_strmap_put(struct pv_strmap *m, const char *key, void *value);

/* The longest probe sequence of any key (1 when none collides), for tests. */
size_t pv_strmap_longest_probe(const struct pv_strmap *m);

#endif
