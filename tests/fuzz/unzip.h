#ifndef PVEPLAN_FUZZ_UNZIP_H
#define PVEPLAN_FUZZ_UNZIP_H

/*
 * The parts of a ZIP archive (the workbook), read in memory through its
 * central directory: stored or deflated entries, each inflated with zlib
 * and its CRC-32 checked. A malformed archive fails the oracle (the
 * workbook is pveplan's output, through libxlsxwriter).
 */

#include <stddef.h>

typedef void fz_zip_part_fn(const char *name, const char *data, size_t len, void *ctx);

/* Calls `each` on every part, in the archive's order; returns the number of parts. */
size_t fz_unzip(const char *what, const unsigned char *zip, size_t len, fz_zip_part_fn *each,
		void *ctx);

#endif
