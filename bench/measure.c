/*
 * measure: run a command, report its wall time and peak memory.
 *
 *   measure CMD [ARGS...]
 *
 * Runs CMD with its stdout and stderr sent to /dev/null, waits for it with
 * wait4() and prints one line:
 *
 *   wall_s=<seconds, 3 decimals> maxrss_kb=<ru_maxrss of the child> exit=<status>
 *
 * maxrss_kb is in KiB on every system (macOS reports bytes; converted).
 * `exit` is the child's exit status, 128+N when it was killed by signal N,
 * and 127 when CMD could not be executed. measure itself exits 0 once it has
 * printed the line, 2 on a usage error and 3 when it cannot fork or wait.
 * This replaces GNU time, which is not installed everywhere.
 */
#define _DEFAULT_SOURCE	/* wait4() and clock_gettime() on glibc */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int status, code;
	double wall;

	if (argc < 2) {
		fprintf(stderr, "usage: measure CMD [ARGS...]\n");
		return 2;
	}
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "measure: fork: %s\n", strerror(errno));
		return 3;
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			if (fd > STDERR_FILENO)
				close(fd);
		}
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	memset(&ru, 0, sizeof(ru));
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "measure: wait4: %s\n", strerror(errno));
			return 3;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (WIFEXITED(status))
		code = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		code = 128 + WTERMSIG(status);
	else
		code = 255;
#if defined(__APPLE__)
	ru.ru_maxrss /= 1024;	/* bytes there, kilobytes on Linux and the BSDs */
#endif
	printf("wall_s=%.3f maxrss_kb=%ld exit=%d\n", wall, (long)ru.ru_maxrss, code);
	return fflush(stdout) == 0 ? 0 : 3;
}
