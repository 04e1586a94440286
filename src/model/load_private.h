#ifndef PVEPLAN_LOAD_PRIVATE_H
#define PVEPLAN_LOAD_PRIVATE_H

#include "pveplan/base.h"
#include "pveplan/model.h"
#include "pveplan/yaml.h"

/* State shared by the loader (load.c) and the identifier table (refs.c). */

struct ref_use {
	struct pv_str *ref;
	unsigned kinds;		/* accepted enum pv_kind bits */
	const char *key;	/* the key that holds the reference */
};

struct loader {
	struct pv_plan *plan;
	struct pv_diags *d;
	struct pv_arena *arena;
	struct ref_use *refs;
	size_t nrefs, refs_alloc;
	/* Invalid identifiers (their FMT004 finding's index and text), kept
	 * for pv_loader_resolve to recognise a stakeholder's name; only the
	 * first few, so that a broken plan costs no more than a correct one. */
	struct { size_t diag; const char *s, *key; } bad[64];
	size_t nbad;
};

struct pv_schema;

/* Reads the whole document into L->plan (FMT003-FMT005). */
void pv_loader_load_file(struct loader *L, const struct pv_node *root);
/* Whether mapping `map`, read by schema `s`, gives `key`: under its own
 * name, or misspelt as a key whose FMT003 did-you-mean names it (a
 * requirement is then not reported again as a missing key). */
int pv_loader_has_key(const struct pv_node *map, const struct pv_schema *s, const char *key);
/* Registers an identifier definition (REF001 on a second definition). */
void pv_loader_define(struct loader *L, const struct pv_str *id, unsigned kind, void *obj);
/* Resolves every recorded reference (REF002, REF003). */
void pv_loader_resolve(struct loader *L);

/* SYN001, SYN002: text hazards in the values of the tree `root`, read
 * from the `len` bytes of `src` (src/model/syntax.c). */
void pv_loader_check_syntax(const struct pv_node *root, const char *src, size_t len,
			    struct pv_diags *d);

#endif
