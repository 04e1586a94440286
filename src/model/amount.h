/* How an amount or a currency that FMT004 refuses was most likely meant
 * (src/model/amount_help.c), private to the model stage and its tests. */
#ifndef PVEPLAN_MODEL_AMOUNT_H
#define PVEPLAN_MODEL_AMOUNT_H

#include "pveplan/base.h"

#include <stddef.h>

/* What groups the thousands of an amount as written. */
enum pv_amount_group {
	PV_GROUP_NONE, PV_GROUP_DOT, PV_GROUP_COMMA, PV_GROUP_SPACE, PV_GROUP_NBSP,
	PV_GROUP_NNBSP, PV_GROUP_THIN, PV_GROUP_APOSTROPHE, PV_GROUP_UNDERSCORE,
};

/*
 * The reading of an amount written as people write amounts rather than as
 * YAML numbers: `1.200.000`, `450000,50`, `$450,000`, `450 000 €`, `1,5
 * million`, `300万`. Every string is pveplan's own (digits and a dot, or
 * an ISO 4217 code), except `written`, a copy of the number as written.
 */
struct pv_amount_reading {
	enum pv_amount_group group;
	int decimal_comma;	/* a comma marks the decimals */
	int ambiguous;		/* one '.' or ',' before three digits: `other` is the
				 * decimal reading, `number` the thousands one */
	int negative;		/* a minus sign before the number */
	int power;		/* the multiplier's power of ten (`k`: 3), or 0 */
	int has_currency;	/* a currency is written before or after it */
	const char *currency;	/* the ISO 4217 code it stands for, or NULL */
	const char *currency_alt;	/* a second code it can stand for, or NULL */
	char number[48];	/* the corrected number, without sign */
	char other[48];
	char written[48];	/* the number as written (when ambiguous) */
};

/*
 * Reads `s` as an amount with mistakes. Returns 1 and fills `r` when `s` is
 * a number once its mistakes are undone and at least one was found (a
 * plain `-5000` is one: `negative`); 0 when `s` does not read as a number
 * at all, or is a plain number already.
 */
int pv_amount_read(const char *s, struct pv_amount_reading *r);

/*
 * The ISO 4217 code or codes that a currency's name or sign stands for
 * (`dollars`, `€`, `FCFA`, `francs CFA`, `dólares`, `US Dollar`): the
 * number of codes (0, 1 or 2), the first in *code, the second in *alt.
 */
int pv_currency_from_name(const char *s, const char **code, const char **alt);

/* The hint of an FMT004 finding on amount `s` of `key`; `money` when it is
 * an amount of money (a currency can be written in it). Returns whether a
 * hint was given. */
int pv_amount_hint(struct pv_diag *g, const char *key, const char *s, int money);

/* The hint of an FMT004 finding on currency `s` of `key`. */
void pv_currency_hint(struct pv_diag *g, const char *key, const char *s);

#endif
