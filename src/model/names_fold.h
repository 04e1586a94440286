#ifndef PVEPLAN_NAMES_FOLD_H
#define PVEPLAN_NAMES_FOLD_H

#include <stddef.h>

/*
 * The form in which a name is compared with the names pveplan knows
 * (src/model/hints.c): NFKC, case folded, accents and other combining marks
 * dropped, look-alike spaces, dashes and apostrophes made ASCII, default
 * ignorable characters (soft hyphens, zero-width spaces) removed, runs of
 * spaces made one, and no space at either end. "Côte d’Ivoire " and
 * "cote d'ivoire" fold alike; so do "Jóvenes" and "JOVENES".
 *
 * This file is compiled into the generator of the name tables
 * (tools/namegen.c) as well as into the loader, so that the tables are
 * folded at build time exactly as a plan's value is at run time.
 *
 * Writes the folded form of `s` to `out` (`cap` bytes, NUL-terminated) and
 * returns its length, or -1 when `s` is not UTF-8 or the result does not fit.
 */
long pv_names_fold(const char *s, char *out, size_t cap);

#endif
