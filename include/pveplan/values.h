#ifndef PVEPLAN_VALUES_H
#define PVEPLAN_VALUES_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/msg.h"

/* Value syntax of plan format 1: identifiers, dates, numbers, codes. */

/* ^[A-Za-z][A-Za-z0-9._-]{0,63}$ */
int pv_is_identifier(const char *s);

enum pv_date_prec { PV_DATE_NONE = 0, PV_DATE_YEAR, PV_DATE_MONTH, PV_DATE_DAY };

struct pv_date {
	int16_t year;
	int8_t month, day;	/* 0 when not given */
	uint8_t prec;		/* enum pv_date_prec; PV_DATE_NONE = absent */
};

/*
 * Parses YYYY, YYYY-MM or YYYY-MM-DD (years 1000-9999). Returns 0, or -1 and
 * sets *why to a static reason (a translatable PV_W() word).
 */
int pv_date_parse(const char *s, struct pv_date *out, struct pv_arg *why);
/* Days since 1970-01-01 of the first / last day the date covers. */
int32_t pv_date_first_day(const struct pv_date *d);
int32_t pv_date_last_day(const struct pv_date *d);
/* Writes the date as it was given ("2025", "2025-03", "2025-03-14"). */
void pv_date_format(const struct pv_date *d, char out[16]);
int pv_days_in_month(int year, int month);

/*
 * Parses a YAML 1.1 decimal number: [-+]digits[.digits][e[-+]digits].
 * No thousands separators, no underscores, no hex/octal, no .inf/.nan.
 * Returns 0 or -1.
 */
int pv_number_parse(const char *s, double *out);
/* YAML 1.1 booleans (true/false/yes/no/on/off and their capitalised forms). */
int pv_bool_parse(const char *s, int *out);

/* ISO 3166-1 alpha-2, including the user-assigned AA, QM-QZ, XA-XZ, ZZ
 * (used for fictional and test plans). */
int pv_is_country(const char *code);
/* English short name of an ISO 3166-1 country, or NULL. */
const char *pv_country_name(const char *code);
/* ISO 4217 alphabetic code. */
int pv_is_currency(const char *code);
/* BCP 47 primary language subtag: ISO 639-1, or ISO 639-2/3 where no
 * two-letter code exists. Case-sensitive: lower case. */
int pv_is_language(const char *tag);

/* Optimal-string-alignment edit distance, or max + 1 once it exceeds max. */
size_t pv_edit_distance(const char *a, const char *b, size_t max);
/* The candidate closest to `word` within `max` edits, or NULL. Ties go to the
 * earlier candidate. */
const char *pv_suggest(const char *word, const char *const *cands, size_t n,
		       size_t max);

#endif
