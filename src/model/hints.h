#ifndef PVEPLAN_HINTS_H
#define PVEPLAN_HINTS_H

#include <stddef.h>

#include "pveplan/base.h"

/*
 * Help for a value written in words where pveplan expects a code or an
 * enumeration value: `sector: jeunesse`, `language: español`,
 * `country: Côte d'Ivoire`, `country: MLI`. The names come from tables
 * generated at build time (tools/namegen.c): the labels of enumeration
 * values in the six report catalogues (src/catalogue/report.LANG.yaml, and
 * the rule catalogues' labels), and the names of countries and languages in
 * Debian's iso-codes with their translations. Every name is stored folded
 * (src/model/names_fold.h).
 */

/* The language of a name; PV_NAME_CODE marks an ISO three-letter code. */
enum pv_name_lang {
	PV_NAME_AR, PV_NAME_EN, PV_NAME_ES, PV_NAME_FR, PV_NAME_RU, PV_NAME_ZH, PV_NAME_CODE,
};

struct pv_name {
	const char *folded;	/* the name, folded */
	const char *value;	/* the enumeration value or the code it stands for */
	unsigned char lang;	/* enum pv_name_lang */
};

/* Generated, each sorted by `folded` (strcmp), then `value`, then `lang`. */
extern const struct pv_name pv_names_enum[];
extern const size_t pv_names_enum_nr;
extern const struct pv_name pv_names_country[];
extern const size_t pv_names_country_nr;
extern const struct pv_name pv_names_language[];
extern const size_t pv_names_language_nr;

/* Countries' short names in the languages of enum pv_name_lang (English's
 * slot unused: pv_country_name), sorted by code; NULL where iso-codes has
 * no translation. */
struct pv_country_l10n {
	const char *code;
	const char *name[6];
};
extern const struct pv_country_l10n pv_country_l10n[];
extern const size_t pv_country_l10n_nr;

/*
 * The value of `names` (pv_<enum>_names: "" at index 0, NULL-terminated)
 * that `got` is a label of, setting *lang to the label's language; NULL
 * when `got` is no label of any of them, or of two different ones.
 */
const char *pv_hints_enum_value(const char *got, const char *const *names,
				enum pv_name_lang *lang);
/* The code of the country or language (`language` non-zero) that `got`
 * names, or is the ISO three-letter code of; NULL when none does. */
const char *pv_hints_code_of(const char *got, int language, enum pv_name_lang *lang);

/*
 * Adds to finding `g` (an invalid value `got` of enumeration key `key`,
 * `in_list` when it is an item of a list) the hint that `got` is another
 * language's word for one of `names`. Returns 1 when it did; 0 leaves the
 * hint to the caller (no label matches, or `got` is an English label and a
 * close spelling of a value exists, which "did you mean" says better).
 */
int pv_hints_enum(struct pv_diag *g, const char *key, const char *got,
		  const char *const *names, int in_list);
/* The same for a GCTS pillar written as its title. */
int pv_hints_pillar(struct pv_diag *g, const char *key, const char *got);
/* For a key of a multilingual text that is no language code: the code a
 * language's name, three-letter code or tag with a region stands for.
 * Returns 1 when it added a hint. */
int pv_hints_text_key(struct pv_diag *g, const char *got);
/* For an invalid country (`language` zero) or language code: the code a
 * name or three-letter code stands for, else what such a code looks like,
 * with examples. Always adds a hint. */
void pv_hints_code(struct pv_diag *g, const char *key, const char *got, int language,
		   int in_list);

#endif
