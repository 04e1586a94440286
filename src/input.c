#include "pveplan/input.h"

#include "pveplan/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum pv_read_result pv_input_read(const char *path, uint64_t max, struct pv_buf *out,
				  struct pv_buf *err)
{
	int is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	enum pv_read_result ret = PV_READ_ERROR;
	struct stat st;

	pv_buf_reset(out);
	if (!f) {
		pv_buf_addf(err, "cannot open '%s': %s", path, strerror(errno));
		return PV_READ_ERROR;
	}
	if (fstat(fileno(f), &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			pv_buf_addf(err, "cannot read '%s': it is a directory", path);
			goto cleanup;
		}
		if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
			ret = PV_READ_TOO_LARGE;
			goto cleanup;
		}
		if (S_ISREG(st.st_mode))
			pv_buf_grow(out, (size_t)st.st_size);
	}
	for (;;) {
		pv_buf_grow(out, 65536);
		size_t room = out->alloc - out->len - 1;
		size_t n = fread(out->buf + out->len, 1, room, f);
		out->len += n;
		out->buf[out->len] = '\0';
		if (out->len > max) {
			ret = PV_READ_TOO_LARGE;
			goto cleanup;
		}
		if (n < room) {
			if (ferror(f)) {
				pv_buf_addf(err, "cannot read '%s': %s",
					    is_stdin ? "<stdin>" : path, strerror(errno));
				goto cleanup;
			}
			break;
		}
	}
	ret = PV_READ_OK;
cleanup:
	if (!is_stdin)
		fclose(f);
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

static int walk(const char *dir, struct pv_pathlist *out, struct pv_buf *err, int depth)
{
	DIR *d = opendir(dir);
	struct pv_pathlist names = PV_PATHLIST_INIT;
	struct dirent *e;
	int ret = -1;

	if (!d) {
		pv_buf_addf(err, "cannot read directory '%s': %s", dir, strerror(errno));
		return -1;
	}
	if (depth > 64) {
		pv_buf_addf(err, "directory '%s' is nested too deeply", dir);
		goto cleanup;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			pv_pathlist_add(&names, e->d_name);
	/* Sorted, so that output does not depend on the file system's order. */
	qsort(names.v, names.n, sizeof(*names.v), cmp_name);
	for (size_t i = 0; i < names.n; i++) {
		struct pv_buf p = PV_BUF_INIT;
		struct stat st;
		if (ends_with(dir, "/"))
			pv_buf_addf(&p, "%s%s", dir, names.v[i]);
		else
			pv_buf_addf(&p, "%s/%s", dir, names.v[i]);
		if (stat(p.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (walk(p.buf, out, err, depth + 1) < 0) {
				pv_buf_release(&p);
				goto cleanup;
			}
		} else if (pv_input_is_plan_name(p.buf)) {
			pv_pathlist_add(out, p.buf);
		}
		pv_buf_release(&p);
	}
	ret = 0;
cleanup:
	pv_pathlist_release(&names);
	closedir(d);
	return ret;
}

int pv_input_expand(const char *path, struct pv_pathlist *out, struct pv_buf *err)
{
	struct stat st;
	if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return walk(path, out, err, 0);
	pv_pathlist_add(out, path);
	return 0;
}
