#ifndef PVEPLAN_SCHEMA_H
#define PVEPLAN_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"

/* The description of format 1 that drives the loader (src/model/load.c)
 * and `pveplan schema` (src/output/render_schema.c). */

/* The largest amount: sums of up to 10^7 of them (the node limit) stay
 * finite, so no total or report ever shows inf or nan, and amounts up to it
 * keep their cents in a double. */
#define PV_AMOUNT_MAX 1e15

/*
 * What the loader's parsers accept, as regular expressions (POSIX extended
 * and ECMA-262 alike) for the JSON Schema; tests/unit/test_schema.c holds
 * each to its parser. An identifier (pv_is_identifier); a date
 * (pv_date_parse: the year from 1000, the days of each month, 29 February
 * in leap years); a rule code (load_code); and the words pv_bool_parse
 * takes besides true and false, which YAML 1.2 reads as strings.
 */
#define PV_PATTERN_ID "^[A-Za-z][A-Za-z0-9._-]{0,63}$"
#define PV_PATTERN_DATE                                                        \
	"^([1-9][0-9]{3}(-(0[1-9]|1[0-2])|-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])" \
	"|-(0[469]|11)-(0[1-9]|[12][0-9]|30)|-02-(0[1-9]|1[0-9]|2[0-8]))?"       \
	"|([1-9][0-9](0[48]|[2468][048]|[13579][26])|(1[26]|[2468][048]|[3579][26])00)-02-29)$"
#define PV_PATTERN_RULE "^(FMT|REF|CON|PVE|SYN)[0-9]{3}$"
#define PV_PATTERN_BOOL_WORDS "^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$"

enum pv_ftype {
	PV_F_STR,	/* any non-null scalar, kept as written */
	PV_F_ID,	/* identifier, registered in the id table */
	PV_F_REF,	/* identifier defined elsewhere (kinds: see `kinds`) */
	PV_F_REFS,	/* list of PV_F_REF */
	PV_F_TEXT,	/* string or {lang: string} */
	PV_F_TEXTS,	/* list of PV_F_TEXT */
	PV_F_DATE,
	PV_F_AMOUNT,	/* number >= 0 */
	PV_F_SHARE,	/* number in [0, 1] */
	PV_F_YEAR,	/* integer year */
	PV_F_VERSION,	/* the format version: a positive integer */
	PV_F_BOOL,
	PV_F_ENUM,
	PV_F_ENUMS,
	PV_F_PILLARS,	/* list of integers 1..4 */
	PV_F_CURRENCY,
	PV_F_COUNTRY,
	PV_F_COUNTRIES,
	PV_F_LANG,
	PV_F_RULE,	/* a rule code such as PVE110 */
	PV_F_STRS,	/* list of PV_F_STR */
	PV_F_VALUE,	/* number or short text (baseline/target value) */
	PV_F_MAP,	/* nested mapping described by `sub` */
	PV_F_SEQ,	/* list of mappings described by `sub` */
	PV_F_FREE,	/* any mapping, not checked (format 1 leaves it open) */
};

struct pv_schema;

struct pv_field {
	const char *key;
	uint8_t type;		/* enum pv_ftype */
	uint8_t required;
	uint16_t kinds;		/* PV_F_ID: kind defined; PV_F_REF(S): kinds accepted */
	size_t off;		/* offset of the value in the object */
	const char *const *names;	/* enum names (index 0 unused) */
	const struct pv_schema *sub;
};

struct pv_schema {
	struct pv_arg name;	/* what one such mapping is called in messages (a word) */
	size_t size;		/* sizeof the object (for PV_F_SEQ items) */
	const struct pv_field *fields;
	size_t nfields;
};

extern const struct pv_schema pv_schema_file;

#endif
