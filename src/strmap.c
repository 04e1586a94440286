#include "pveplan/strmap.h"

#include "pveplan/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct pv_strmap_slot {
	const char *key;
	void *value;
	uint32_t hash;
};

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void pv_strmap_release(struct pv_strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->nr = m->cap = 0;
}

static struct pv_strmap_slot *find(const struct pv_strmap *m, const char *key,
				   uint32_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct pv_strmap_slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && !strcmp(s->key, key)))
			return s;
	}
}

void *pv_strmap_get(const struct pv_strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct pv_strmap_slot *s = find(m, key, hash_str(key));
	return s->key ? s->value : NULL;
}

static void rehash(struct pv_strmap *m, size_t cap)
{
	struct pv_strmap old = *m;
	m->slots = xcalloc(cap, sizeof(*m->slots));
	m->cap = cap;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
	free(old.slots);
}

void *pv_strmap_put(struct pv_strmap *m, const char *key, void *value)
{
	if ((m->nr + 1) * 4 > m->cap * 3)
		rehash(m, m->cap ? m->cap * 2 : 16);
	uint32_t h = hash_str(key);
	struct pv_strmap_slot *s = find(m, key, h);
	void *prev = s->key ? s->value : NULL;
	if (!s->key) {
		s->key = key;
		s->hash = h;
		m->nr++;
	}
	s->value = value;
	return prev;
}
