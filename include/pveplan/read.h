#ifndef PVEPLAN_READ_H
#define PVEPLAN_READ_H

/*
 * Reading inputs (files, standard input, folders) and writing outputs
 * (atomically, never through a link, never over an input).
 */

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"

/* ---- input ---- */

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
				  struct pv_msg *err);

/* The size limit of a configuration or a template. */
#define PV_INPUT_SMALL_MAX (1u << 20)

/*
 * Reads the `what` (PV_W("configuration"), PV_W("template")) at `path`, which must be a
 * regular file of at most PV_INPUT_SMALL_MAX bytes: a FIFO, a device or a
 * directory is refused without waiting for a writer. *err names the file
 * and the reason for PV_READ_ERROR and PV_READ_TOO_LARGE alike.
 */
enum pv_read_result pv_input_read_small(const char *path, struct pv_arg what, struct pv_buf *out,
					struct pv_msg *err);

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
int pv_input_expand(const char *path, struct pv_pathlist *out, struct pv_msg *err);

/* ---- output ---- */

/*
 * Writing outputs. A file is never written where it lies: it is written to a
 * temporary file in the same folder, then renamed over the final name, so
 * readers see the old file or the new one, never half of one, a failed write
 * leaves the old file as it was, and a symbolic link at the final name is
 * replaced, never followed. New files get the mode 0666 & ~umask.
 */

/* A file being written: a temporary file beside its final name. */
struct pv_tmpfile {
	char *path;	/* the final name */
	char *tmp;	/* the temporary file; NULL once renamed or removed */
};
#define PV_TMPFILE_INIT { NULL, NULL }

/*
 * Creates the temporary file for `path` in the folder of `path` and writes
 * `len` bytes of `data` into it (none for a file another writer fills, such
 * as the workbook: it is then at t->tmp). Returns 0, or -1 with `err`.
 */
int pv_tmpfile_create(struct pv_tmpfile *t, const char *path, const char *data, size_t len,
		      struct pv_msg *err);
/* Flushes the temporary file to disk and renames it over t->path. Returns
 * 0, or -1 with `err` (the temporary file is left for pv_tmpfile_release). */
int pv_tmpfile_commit(struct pv_tmpfile *t, struct pv_msg *err);
/* Like pv_tmpfile_commit, but never replaces a file at t->path: returns
 * -2 (and `err`) when one exists, even one created since it was looked for. */
int pv_tmpfile_commit_new(struct pv_tmpfile *t, struct pv_msg *err);
/* Removes the temporary file if it was not renamed; accepts a released or
 * never created `t`. */
void pv_tmpfile_release(struct pv_tmpfile *t);

/*
 * Whether `path` names the process's standard output: "-", or the file,
 * pipe or device open as file descriptor 1 (/dev/stdout, /proc/self/fd/1,
 * or the file behind "> FILE" or ">> FILE").
 */
int pv_output_is_stdout(const char *path);

/*
 * Whether writing to `out` would overwrite one of the `n` files `inputs`
 * ("-" is standard input): the same file (device and inode) once symbolic
 * links are followed, however it is spelt. Returns the index of the first
 * such input, or -1. Call it before anything is written.
 */
long pv_output_find_input(const char *out, const char *const *inputs, size_t n);

/*
 * Writes `len` bytes to the output `path`: to standard output in place when
 * pv_output_is_stdout(path) (so "-o /dev/stdout >> log" appends); into a
 * FIFO or a device in place (/dev/null); else through a pv_tmpfile.
 * Returns 0, or -1 with the cause in `err`.
 */
int pv_output_write(const char *path, const char *data, size_t len, struct pv_msg *err);

#endif
