#include "pveplan/read.h"

#include "pveplan/base.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads all of `f` into `out`, stopping past `max` bytes. */
static enum pv_read_result read_stream(FILE *f, const char *shown, uint64_t max,
				       struct pv_buf *out, struct pv_msg *err)
{
	struct stat st;

	if (fstat(fileno(f), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			pv_err(err, "cannot read '%s': it is a directory", shown);
			return PV_READ_ERROR;
		}
		if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max)
			return PV_READ_TOO_LARGE;
		if (S_ISREG(st.st_mode))
			pv_buf_grow(out, (size_t)st.st_size);
	}
	for (;;) {
		pv_buf_grow(out, 65536);
		size_t room = out->alloc - out->len - 1;
		size_t n = fread(out->buf + out->len, 1, room, f);
		out->len += n;
		out->buf[out->len] = '\0';
		if (out->len > max)
			return PV_READ_TOO_LARGE;
		if (n < room) {
			if (ferror(f)) {
				pv_err(err, "cannot read '%s': %s", shown, pv_arg_errno(errno));
				return PV_READ_ERROR;
			}
			return PV_READ_OK;
		}
	}
}

enum pv_read_result pv_input_read(const char *path, uint64_t max, struct pv_buf *out,
				  struct pv_msg *err)
{
	int is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");

	pv_buf_reset(out);
	if (!f) {
		pv_err(err, "cannot open '%s': %s", path, pv_arg_errno(errno));
		return PV_READ_ERROR;
	}
	enum pv_read_result ret = read_stream(f, is_stdin ? "<stdin>" : path, max, out, err);
	if (!is_stdin)
		fclose(f);
	return ret;
}

static struct pv_arg kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return PV_W("a directory");
	if (S_ISFIFO(m))
		return PV_W("a named pipe");
	if (S_ISCHR(m) || S_ISBLK(m))
		return PV_W("a device");
	if (S_ISSOCK(m))
		return PV_W("a socket");
	return PV_W("not a file");
}

enum pv_read_result pv_input_read_small(const char *path, struct pv_arg what, struct pv_buf *out,
					struct pv_msg *err)
{
	struct stat st;
	enum pv_read_result ret = PV_READ_ERROR;

	pv_buf_reset(out);
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		pv_err(err, "cannot open '%s': %s", path, pv_arg_errno(errno));
		return PV_READ_ERROR;
	}
	if (fstat(fd, &st) < 0) {
		pv_err(err, "cannot read '%s': %s", path, pv_arg_errno(errno));
		close(fd);
		return PV_READ_ERROR;
	}
	if (!S_ISREG(st.st_mode)) {
		pv_err(err, "the %s '%s' is not a regular file (it is %s)", what, path,
			    kind_of(st.st_mode));
		close(fd);
		return PV_READ_ERROR;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		pv_err(err, "cannot read '%s': %s", path, pv_arg_errno(errno));
		close(fd);
		return PV_READ_ERROR;
	}
	ret = read_stream(f, path, PV_INPUT_SMALL_MAX, out, err);
	fclose(f);
	if (ret == PV_READ_TOO_LARGE)
		pv_err(err, "the %s '%s' is larger than the limit of %u MiB", what, path,
			    PV_INPUT_SMALL_MAX >> 20);
	return ret;
}

void pv_pathlist_add(struct pv_pathlist *l, const char *path)
{
	PV_ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n++] = xstrdup(path);
}

void pv_pathlist_release(struct pv_pathlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

int pv_input_is_plan_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return !strcmp(base, "plan.yaml") || ends_with(base, ".pve.yaml") ||
	       ends_with(base, ".pve.yml");
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folders a walk has entered, by device and inode. */
struct visited {
	struct pv_strmap map;
	struct pv_pathlist keys;	/* owns the map's keys */
};

/* Returns 1 when the folder was already visited, else marks it. */
static int seen_before(struct visited *v, const struct stat *st)
{
	char key[64];
	snprintf(key, sizeof(key), "%llu:%llu", (unsigned long long)st->st_dev,
		 (unsigned long long)st->st_ino);
	if (pv_strmap_get(&v->map, key))
		return 1;
	pv_pathlist_add(&v->keys, key);
	pv_strmap_put(&v->map, v->keys.v[v->keys.n - 1], v);
	return 0;
}

static int walk(const char *dir, struct visited *v, struct pv_pathlist *out, struct pv_msg *err,
		int depth)
{
	DIR *d = opendir(dir);
	struct pv_pathlist names = PV_PATHLIST_INIT;
	struct dirent *e;
	int ret = -1;

	if (!d) {
		pv_err(err, "cannot read directory '%s': %s", dir, pv_arg_errno(errno));
		return -1;
	}
	if (depth > 64) {
		pv_err(err, "directory '%s' is nested too deeply", dir);
		goto cleanup;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			pv_pathlist_add(&names, e->d_name);
	/* Sorted, so that output does not depend on the file system's order. */
	if (names.n)	/* an empty folder has no array, and qsort wants one */
		qsort(names.v, names.n, sizeof(*names.v), cmp_name);
	for (size_t i = 0; i < names.n; i++) {
		struct pv_buf p = PV_BUF_INIT;
		struct stat st;
		if (ends_with(dir, "/"))
			pv_buf_addf(&p, "%s%s", dir, names.v[i]);
		else
			pv_buf_addf(&p, "%s/%s", dir, names.v[i]);
		/* lstat: a link to a folder is not entered (it may lead back
		 * up); a link to a plan file is a plan like any other. */
		int is_dir = lstat(p.buf, &st) == 0 && S_ISDIR(st.st_mode);
		if (is_dir && !seen_before(v, &st) && walk(p.buf, v, out, err, depth + 1) < 0) {
			pv_buf_release(&p);
			goto cleanup;
		}
		if (!is_dir && pv_input_is_plan_name(p.buf) &&
		    !(stat(p.buf, &st) == 0 && S_ISDIR(st.st_mode)))
			pv_pathlist_add(out, p.buf);
		pv_buf_release(&p);
	}
	ret = 0;
cleanup:
	pv_pathlist_release(&names);
	closedir(d);
	return ret;
}

int pv_input_expand(const char *path, struct pv_pathlist *out, struct pv_msg *err)
{
	struct stat st;
	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		struct visited v = { PV_STRMAP_INIT, PV_PATHLIST_INIT };
		seen_before(&v, &st);
		int ret = walk(path, &v, out, err, 0);
		pv_strmap_release(&v.map);
		pv_pathlist_release(&v.keys);
		return ret;
	}
	pv_pathlist_add(out, path);
	return 0;
}
