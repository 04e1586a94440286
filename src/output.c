#include "pveplan/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Devices and pipes (-o /dev/stdout) cannot be replaced: write into them. */
static int write_in_place(const char *path, const char *data, size_t len, struct pv_buf *err)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0)
		goto fail;
	for (size_t off = 0; off < len;) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			goto fail;
		}
		off += (size_t)n;
	}
	if (close(fd) < 0)
		goto fail;
	return 0;
fail:
	pv_buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
	return -1;
}

int pv_write_atomic(const char *path, const char *data, size_t len, struct pv_buf *err)
{
	struct pv_buf tmp = PV_BUF_INIT;
	struct stat st;
	char *real = NULL;
	int fd = -1, ret = -1;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return write_in_place(path, data, len, err);
	/* Replace the file a symbolic link points to, not the link. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (real = realpath(path, NULL)))
		path = real;
	const char *slash = strrchr(path, '/');

	if (slash)
		pv_buf_addf(&tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		pv_buf_addf(&tmp, ".%s.XXXXXX", path);
	fd = mkstemp(tmp.buf);
	if (fd < 0) {
		pv_buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
		goto cleanup;
	}
	/* mkstemp makes the file private; give it the usual mode. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) < 0)
		goto fail;
	for (size_t off = 0; off < len;) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) < 0 && errno != EINVAL)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, path) < 0)
		goto fail;
	ret = 0;
	goto cleanup;
fail:
	pv_buf_addf(err, "cannot write '%s': %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
cleanup:
	pv_buf_release(&tmp);
	free(real);
	return ret;
}
