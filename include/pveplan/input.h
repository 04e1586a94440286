#ifndef PVEPLAN_INPUT_H
#define PVEPLAN_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"

/* Reading plan files: whole files, stdin as "-", directories. */

enum pv_read_result {
	PV_READ_OK = 0,
	PV_READ_ERROR = -1,	/* cannot open or read: *err says why */
	PV_READ_TOO_LARGE = -2,	/* over `max` bytes */
};

/*
 * Reads all of `path` ("-" for standard input) into `out`, which stays
 * NUL-terminated. Refuses more than `max` bytes without reading them all.
 */
enum pv_read_result pv_input_read(const char *path, uint64_t max, struct pv_buf *out,
				  struct pv_buf *err);

/* The size limit of a configuration or a template. */
#define PV_INPUT_SMALL_MAX (1u << 20)

/*
 * Reads the `what` ("configuration", "template") at `path`, which must be a
 * regular file of at most PV_INPUT_SMALL_MAX bytes: a FIFO, a device or a
 * directory is refused without waiting for a writer. *err names the file
 * and the reason for PV_READ_ERROR and PV_READ_TOO_LARGE alike.
 */
enum pv_read_result pv_input_read_small(const char *path, const char *what, struct pv_buf *out,
					struct pv_buf *err);

struct pv_pathlist {
	char **v;
	size_t n, alloc;
};
#define PV_PATHLIST_INIT { NULL, 0, 0 }
void pv_pathlist_release(struct pv_pathlist *l);
void pv_pathlist_add(struct pv_pathlist *l, const char *path);

/* Is `path` a plan file by name: *.pve.yaml, *.pve.yml or plan.yaml? */
int pv_input_is_plan_name(const char *path);

/*
 * Expands `path`: a directory becomes the plan files below it (sorted;
 * hidden entries skipped; symbolic links to folders below it not followed,
 * and no folder visited twice, so a link to a parent cannot multiply the
 * plans), anything else is added as given. Returns 0, or -1 with *err set
 * when a directory cannot be read.
 */
int pv_input_expand(const char *path, struct pv_pathlist *out, struct pv_buf *err);

#endif
