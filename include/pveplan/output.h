#ifndef PVEPLAN_OUTPUT_H
#define PVEPLAN_OUTPUT_H

#include <stddef.h>

#include "pveplan/buf.h"

/*
 * Writes `len` bytes to `path` through a temporary file in the same folder,
 * renamed into place once complete: readers see the old file or the new
 * one, never half of one, and a failed write leaves the old file as it was.
 * Returns 0, or -1 with the reason in `err`.
 */
int pv_write_atomic(const char *path, const char *data, size_t len, struct pv_buf *err);

#endif
