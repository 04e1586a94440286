#include "pveplan/read.h"

#include "pveplan/base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t len)
{
	for (size_t off = 0; off < len;) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

/* What open(O_CREAT, 0666) would give; mkstemp makes files private. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int pv_tmpfile_create(struct pv_tmpfile *t, const char *path, const char *data, size_t len,
		      struct pv_msg *err)
{
	struct pv_buf tmp = PV_BUF_INIT;
	const char *slash = strrchr(path, '/');

	pv_tmpfile_release(t);
	if (slash)
		pv_buf_addf(&tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		pv_buf_addf(&tmp, ".%s.XXXXXX", path);
	int fd = mkstemp(tmp.buf);
	if (fd < 0) {
		pv_err(err, "cannot write '%s': %s", path, pv_arg_errno(errno));
		pv_buf_release(&tmp);
		return -1;
	}
	t->path = xstrdup(path);
	t->tmp = pv_buf_detach(&tmp, NULL);
	if (fchmod(fd, new_file_mode()) < 0 || write_all(fd, data, len) < 0) {
		pv_err(err, "cannot write '%s': %s", path, pv_arg_errno(errno));
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		pv_err(err, "cannot write '%s': %s", path, pv_arg_errno(errno));
		return -1;
	}
	return 0;
}

/* The temporary file on disk before it takes the final name, so a crash
 * cannot leave an empty report under that name. */
static int sync_tmp(const struct pv_tmpfile *t, struct pv_msg *err)
{
	int fd = open(t->tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL)) {
		pv_err(err, "cannot write '%s': %s", t->path, pv_arg_errno(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int pv_tmpfile_commit(struct pv_tmpfile *t, struct pv_msg *err)
{
	if (sync_tmp(t, err) < 0)
		return -1;
	/* rename() replaces a symbolic link at the final name: never followed. */
	if (rename(t->tmp, t->path) < 0) {
		pv_err(err, "cannot write '%s': %s", t->path, pv_arg_errno(errno));
		return -1;
	}
	free(t->tmp);
	t->tmp = NULL;
	return 0;
}

int pv_tmpfile_commit_new(struct pv_tmpfile *t, struct pv_msg *err)
{
	if (sync_tmp(t, err) < 0)
		return -1;
	/* link() fails when the name exists, where rename() would replace it:
	 * a file created meanwhile by someone else is never lost. */
	if (link(t->tmp, t->path) < 0) {
		int e = errno;
		pv_err(err, "cannot write '%s': %s", t->path, pv_arg_errno(e));
		return e == EEXIST ? -2 : -1;
	}
	unlink(t->tmp);
	free(t->tmp);
	t->tmp = NULL;
	return 0;
}

void pv_tmpfile_release(struct pv_tmpfile *t)
{
	if (t->tmp)
		unlink(t->tmp);
	free(t->tmp);
	free(t->path);
	t->tmp = t->path = NULL;
}

/* The file behind `path`, links followed; "-" is the descriptor `fd`. */
static int stat_of(const char *path, int fd, struct stat *st)
{
	return !strcmp(path, "-") ? fstat(fd, st) : stat(path, st);
}

int pv_output_is_stdout(const char *path)
{
	struct stat a, b;
	if (!strcmp(path, "-"))
		return 1;
	return stat(path, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

long pv_output_find_input(const char *out, const char *const *inputs, size_t n)
{
	struct stat o, in;
	/* Only a regular file can be lost: writing into /dev/null or a pipe
	 * that is also read from destroys nothing. */
	if (stat_of(out, STDOUT_FILENO, &o) < 0 || !S_ISREG(o.st_mode))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (stat_of(inputs[i], STDIN_FILENO, &in) == 0 && in.st_dev == o.st_dev &&
		    in.st_ino == o.st_ino)
			return (long)i;
	return -1;
}

/* Pipes and devices cannot be replaced, and replacing /dev/stderr would be
 * worse: write into them. */
static int write_in_place(const char *path, const char *data, size_t len, struct pv_msg *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		goto fail;
	if (write_all(fd, data, len) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		goto fail;
	}
	if (close(fd) < 0)
		goto fail;
	return 0;
fail:
	pv_err(err, "cannot write '%s': %s", path, pv_arg_errno(errno));
	return -1;
}

int pv_output_write(const char *path, const char *data, size_t len, struct pv_msg *err)
{
	struct pv_tmpfile t = PV_TMPFILE_INIT;
	struct stat st;
	int ret = -1;

	if (pv_output_is_stdout(path)) {
		/* In place, at the descriptor's offset: "-o /dev/stdout >> log"
		 * appends to log, as the redirection asks. */
		if (fflush(stdout) != 0 || write_all(STDOUT_FILENO, data, len) < 0) {
			pv_err(err, "cannot write to standard output: %s", pv_arg_errno(errno));
			return -1;
		}
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		return write_in_place(path, data, len, err);
	if (pv_tmpfile_create(&t, path, data, len, err) == 0 && pv_tmpfile_commit(&t, err) == 0)
		ret = 0;
	pv_tmpfile_release(&t);
	return ret;
}
