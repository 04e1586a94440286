/* One draft of a diff: read from a file, standard input or a git revision,
 * then checked as `pveplan check` checks it. */
#include "pveplan/compare.h"

#include "pveplan/policy.h"
#include "pveplan/read.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int pv_diff_is_revision(const char *spec, char **rev, char **path)
{
	struct stat st;
	const char *colon = strchr(spec, ':');
	/* A file of that name wins: "a:b.pve.yaml" stays a file. */
	if (!colon || colon == spec || !colon[1] || !strcmp(spec, "-") || stat(spec, &st) == 0)
		return 0;
	*rev = xstrndup(spec, (size_t)(colon - spec));
	*path = xstrdup(colon + 1);
	return 1;
}

/* Reads all of `fd` into `out`, up to `max` bytes; -2 past them. */
static int read_all(int fd, uint64_t max, struct pv_buf *out)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (out->len + (uint64_t)n > max)
			return -2;
		pv_buf_add(out, chunk, (size_t)n);
	}
}

static int spawn_git(const char *object, int out_fd, int err_fd, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	char *argv[] = { (char *)"git", (char *)"--no-pager", (char *)"show", (char *)"--no-textconv",
			 (char *)object, NULL };
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
	posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
	int rc = posix_spawnp(pid, "git", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

int pv_diff_git_show(const char *rev, const char *path, uint64_t max, struct pv_buf *out,
		     struct pv_msg *err)
{
	if (rev[0] == '-') {
		pv_err(err, "'%s' is not a revision: a revision cannot start with '-'", rev);
		return -1;
	}
	struct pv_buf object = PV_BUF_INIT, msg = PV_BUF_INIT;
	int out_pipe[2], err_pipe[2], ret = -1, status = 0;
	pid_t pid;
	pv_buf_addf(&object, "%s:%s", rev, path);
	if (pipe(out_pipe) < 0)
		goto fail_errno;
	/* git's messages go to a file: reading two pipes in turn could block
	 * on the one git is not writing to. */
	FILE *errf = tmpfile();
	if (!errf) {
		close(out_pipe[0]);
		close(out_pipe[1]);
		goto fail_errno;
	}
	err_pipe[1] = fileno(errf);
	int rc = spawn_git(object.buf, out_pipe[1], err_pipe[1], &pid);
	close(out_pipe[1]);
	if (rc) {
		close(out_pipe[0]);
		fclose(errf);
		pv_err(err, "cannot run git to read '%s': %s", object.buf, pv_arg_errno(rc));
		goto done;
	}
	int r = read_all(out_pipe[0], max, out);
	if (r == -2)
		kill(pid, SIGTERM);
	close(out_pipe[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rewind(errf);
	char line[512];
	while (msg.len < 4096 && fgets(line, sizeof(line), errf))
		pv_buf_adds(&msg, line);
	fclose(errf);
	while (msg.len && (msg.buf[msg.len - 1] == '\n' || msg.buf[msg.len - 1] == '\r'))
		msg.buf[--msg.len] = '\0';
	if (r == -2) {
		ret = -2;
		pv_err(err, "'%s' is larger than the limit of %llu bytes", object.buf,
			    (unsigned long long)max);
	} else if (r < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		struct pv_buf vis = PV_BUF_INIT;
		pv_buf_add_visible(&vis, msg.buf, msg.len);
		/* git's own words stay git's (in git's language). */
		if (vis.len)
			pv_err(err, "git cannot show '%s': %s", object.buf, vis.buf);
		else
			pv_err(err, "git cannot show '%s'", object.buf);
		pv_buf_release(&vis);
	} else {
		ret = 0;
	}
	goto done;
fail_errno:
	pv_err(err, "cannot run git: %s", pv_arg_errno(errno));
done:
	pv_buf_release(&object);
	pv_buf_release(&msg);
	return ret;
}

int pv_diff_side_load(struct pv_diff_side *s, const char *spec, const struct pv_check_opts *o,
		      struct pv_msg *err)
{
	char *rev = NULL, *path = NULL;
	memset(s, 0, sizeof(*s));
	pv_buf_init(&s->src);
	pv_plan_init(&s->plan);
	s->name = xstrdup(spec);
	pv_diags_init(&s->diags, spec);
	int r;
	if (pv_diff_is_revision(spec, &rev, &path))
		r = pv_diff_git_show(rev, path, o->limits.max_file_size, &s->src, err);
	else
		r = pv_input_read(spec, o->limits.max_file_size, &s->src, err);
	free(rev);
	free(path);
	if (r == PV_READ_ERROR)
		return -1;
	if (r == PV_READ_TOO_LARGE) {
		/* As check has it: FMT007, a finding, not an error. */
		pv_buf_reset(&s->src);
		pv_msg_release(err);
	}
	pv_plan_release(&s->plan);
	/* A length over the limit makes pv_check_text report FMT007 without
	 * reading the text. */
	size_t len = r == PV_READ_TOO_LARGE ? SIZE_MAX : s->src.len;
	s->loaded = pv_check_text(s->src.buf, len, o, &s->plan, &s->diags, &s->pol) == 0;
	pv_matrix_build(&s->pol, &s->diags, s->loaded, &s->matrix);
	return 0;
}

void pv_diff_side_release(struct pv_diff_side *s)
{
	pv_plan_release(&s->plan);
	pv_diags_release(&s->diags);
	pv_buf_release(&s->src);
	free(s->name);
	memset(s, 0, sizeof(*s));
}
