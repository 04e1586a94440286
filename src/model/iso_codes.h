#ifndef PVEPLAN_ISO_CODES_H
#define PVEPLAN_ISO_CODES_H

#include <stddef.h>

/* Tables generated at build time from Debian's iso-codes, sorted by code. */
struct pv_iso_entry {
	const char *code;
	const char *name;
};

extern const struct pv_iso_entry pv_iso_countries[];
extern const size_t pv_iso_countries_nr;
extern const struct pv_iso_entry pv_iso_currencies[];
extern const size_t pv_iso_currencies_nr;
extern const char *const pv_iso_languages[];
extern const size_t pv_iso_languages_nr;

#endif
