#include "pveplan/base.h"


#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pv_strmap_slot {
	const char *key;
	void *value;
	uint32_t hash;
};

/*
 * Keys come from plan files, so the hash is keyed: SipHash-2-4 (libsodium's
 * crypto_shorthash) with a random key per map, as Python and Rust do. An
 * unkeyed hash let a plan of ids crafted to collide make every lookup
 * linear and the check quadratic. Nothing iterates a map, so the key
 * cannot change any output.
 */
static uint32_t hash_str(const struct pv_strmap *m, const char *s)
{
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, (const unsigned char *)s, strlen(s), m->key);
	return (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 |
	       (uint32_t)h[3] << 24;
}

static void new_key(struct pv_strmap *m)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "pveplan: fatal: no source of random numbers\n");
		exit(3);
	}
	crypto_shorthash_keygen(m->key);
}

void pv_strmap_release(struct pv_strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->nr = m->cap = 0;
	sodium_memzero(m->key, sizeof(m->key));
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
	struct pv_strmap_slot *s = find(m, key, hash_str(m, key));
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
	if (!m->cap)
		new_key(m);
	if ((m->nr + 1) * 4 > m->cap * 3)
		rehash(m, m->cap ? m->cap * 2 : 16);
	uint32_t h = hash_str(m, key);
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

size_t pv_strmap_longest_probe(const struct pv_strmap *m)
{
	size_t longest = 0, mask = m->cap - 1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		size_t home = m->slots[i].hash & mask, len = ((i - home) & mask) + 1;
		if (len > longest)
			longest = len;
	}
	return longest;
}
