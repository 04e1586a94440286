#ifndef PVEPLAN_CATALOGUE_H
#define PVEPLAN_CATALOGUE_H

#include <stddef.h>

#include "pveplan/lang.h"

/*
 * The catalogue compiled into C tables at build time (tools/catgen.c from
 * the files of src/catalogue/). Each table is sorted by key (strcmp), for bsearch.
 */
struct pv_catalogue_entry {
	const char *key, *value;
};

struct pv_catalogue_table {
	const struct pv_catalogue_entry *v;
	size_t n;
};

struct pv_catalogue_lang {
	const char *code;
	int has_rules;		/* it has a rule catalogue (rules.LANG.yaml) */
	int version;		/* the rule catalogue's version */
	/* "CODE.field" and "CODE.variants.NAME"; labels; msgid -> format;
	 * words; report labels */
	struct pv_catalogue_table rules, labels, messages, words, report;
	const char *const *codes;	/* rule codes in file order */
	size_t ncodes;
};

extern const struct pv_catalogue_lang pv_catalogue_langs[];
extern const unsigned pv_catalogue_nlangs;
/* The codes of the languages with a rule catalogue, English first, then by
 * code; NULL-terminated. */
extern const char *const pv_catalogue_rule_langs[];
/* The descriptions of the plan format (schema.LANG.yaml, for `pveplan
 * schema`): one table per entry of pv_catalogue_langs, in the same order,
 * empty for a language without the file. */
extern const struct pv_catalogue_table pv_catalogue_schema[];

/* The citation register (src/catalogue/citations.yaml): its entries in
 * file order, the scored documents in order (NULL-terminated), and the
 * citations of each PVE rule, sorted by code. */
struct pv_catalogue_rule_cites {
	const char *code;
	const struct pv_citation *const *v;
	size_t n;
};
extern const struct pv_citation pv_catalogue_citations[];
extern const size_t pv_catalogue_ncitations;
extern const char *const pv_catalogue_documents[];
extern const struct pv_catalogue_rule_cites pv_catalogue_rule_cites[];
extern const size_t pv_catalogue_nrule_cites;

#endif
