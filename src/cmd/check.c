/* pveplan check: every finding for one or more plans, compiler-style. */
#include "cmd.h"

#include "pveplan/alloc.h"
#include "pveplan/check.h"
#include "pveplan/input.h"
#include "pveplan/render_text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	OPT_QUIET, OPT_COLOR, OPT_STDIN_NAME, OPT_MAX_FILE_SIZE, OPT_MAX_DEPTH,
	OPT_MAX_NODES, OPT_MAX_SCALAR, OPT_HELP,
};

static const struct pv_option check_options[] = {
	[OPT_QUIET] = { "quiet", 'q', NULL, "print only errors and the summary" },
	[OPT_COLOR] = { "color", 0, "WHEN", "colour: auto (default: on a terminal, unless NO_COLOR is set), always, never" },
	[OPT_STDIN_NAME] = { "stdin-name", 0, "NAME", "name shown for standard input (default: <stdin>)" },
	[OPT_MAX_FILE_SIZE] = { "max-file-size", 0, "SIZE", "refuse larger files (default: 64M; K, M, G suffixes)" },
	[OPT_MAX_DEPTH] = { "max-depth", 0, "N", "refuse deeper nesting (default: 100)" },
	[OPT_MAX_NODES] = { "max-nodes", 0, "N", "refuse documents with more nodes, aliases expanded (default: 10000000)" },
	[OPT_MAX_SCALAR] = { "max-scalar", 0, "SIZE", "refuse longer strings (default: 1M)" },
	[OPT_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help check_help = {
	"check",
	"[options] PATH...",
	"Check plans and report every finding, with its position, rule code and a hint.\n"
	"PATH is a plan file, a directory (searched for *.pve.yaml and plan.yaml), or '-'\n"
	"for standard input.",
	"exit status:\n"
	"  0  no error-level finding (warnings allowed)\n"
	"  1  error-level findings\n"
	"  2  usage error\n"
	"  3  an input could not be read\n"
	"\n"
	"Rules: FMT (the file), REF (identifiers) and CON (consistency); see docs/rules.md.\n",
	check_options,
};

struct totals {
	size_t errors, warnings, infos, files;
	int io_error;
};

static int want_color(const char *when)
{
	if (!strcmp(when, "always"))
		return 1;
	if (!strcmp(when, "never"))
		return 0;
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return 0;
	if (term && !strcmp(term, "dumb"))
		return 0;
	return isatty(STDOUT_FILENO);
}

static void check_one(const char *path, const char *shown, const struct pv_check_opts *o,
		      unsigned flags, struct totals *t)
{
	struct pv_buf src = PV_BUF_INIT, err = PV_BUF_INIT, out = PV_BUF_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;

	pv_plan_init(&plan);
	pv_diags_init(&d, shown);
	switch (pv_input_read(path, o->limits.max_file_size, &src, &err)) {
	case PV_READ_ERROR:
		fflush(stdout);
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		t->io_error = 1;
		goto cleanup;
	case PV_READ_TOO_LARGE: {
		struct pv_diag *g = pv_diag_add(&d, "FMT007", (struct pv_pos){ 1, 1, 1 },
			"file is larger than the limit of %llu bytes",
			(unsigned long long)o->limits.max_file_size);
		pv_diag_hint(g, "raise the limit with --max-file-size if this plan really is that large");
		pv_buf_reset(&src);
		break;
	}
	case PV_READ_OK:
		pv_check_text(src.buf, src.len, o, &plan, &d);
		break;
	}
	t->files++;
	t->errors += pv_diags_count(&d, PV_SEV_ERROR);
	t->warnings += pv_diags_count(&d, PV_SEV_WARNING);
	t->infos += pv_diags_count(&d, PV_SEV_INFO);
	pv_render_text(&d, src.buf, src.len, flags, &out);
	fwrite(out.buf, 1, out.len, stdout);
cleanup:
	pv_plan_release(&plan);
	pv_diags_release(&d);
	pv_buf_release(&src);
	pv_buf_release(&err);
	pv_buf_release(&out);
}

static int parse_count(const char *s, uint64_t *out)
{
	return pv_opts_parse_size(s, out) < 0 || strpbrk(s, "KkMmGg") ? -1 : 0;
}

int cmd_check(int argc, char **argv)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_pathlist operands = PV_PATHLIST_INIT, files = PV_PATHLIST_INIT;
	struct totals t = { 0, 0, 0, 0, 0 };
	const char *color = "auto", *stdin_name = "<stdin>", *arg = NULL;
	unsigned flags = 0;
	int ret = PV_EXIT_USAGE, optind_out = 1, stdin_seen = 0;

	for (;;) {
		int opt = pv_opts_next(argc, argv, &check_help, &arg, &optind_out);
		uint64_t v = 0;
		if (opt == -1)
			break;
		if (opt == -2)
			goto cleanup;
		if (opt == -3) {
			pv_pathlist_add(&operands, arg);
			continue;
		}
		switch (opt) {
		case OPT_HELP:
			pv_opts_print_help(stdout, &check_help);
			ret = PV_EXIT_OK;
			goto cleanup;
		case OPT_QUIET:
			flags |= PV_TEXT_QUIET;
			break;
		case OPT_COLOR:
			if (strcmp(arg, "auto") && strcmp(arg, "always") && strcmp(arg, "never")) {
				pv_opts_usage_error(&check_help, "--color takes auto, always or never, not '%s'", arg);
				goto cleanup;
			}
			color = arg;
			break;
		case OPT_STDIN_NAME:
			stdin_name = arg;
			break;
		case OPT_MAX_FILE_SIZE:
		case OPT_MAX_SCALAR:
			if (pv_opts_parse_size(arg, &v) < 0 || !v) {
				pv_opts_usage_error(&check_help, "--%s takes a size such as 64M, not '%s'",
						    check_options[opt].name, arg);
				goto cleanup;
			}
			if (opt == OPT_MAX_FILE_SIZE)
				o.limits.max_file_size = v;
			else
				o.limits.max_scalar = v;
			break;
		case OPT_MAX_DEPTH:
		case OPT_MAX_NODES:
			if (parse_count(arg, &v) < 0 || !v || (opt == OPT_MAX_DEPTH && v > 100000)) {
				pv_opts_usage_error(&check_help, "--%s takes a positive whole number, not '%s'",
						    check_options[opt].name, arg);
				goto cleanup;
			}
			if (opt == OPT_MAX_DEPTH)
				o.limits.max_depth = (uint32_t)v;
			else
				o.limits.max_nodes = v;
			break;
		}
	}
	for (int i = optind_out; i < argc; i++)
		pv_pathlist_add(&operands, argv[i]);
	if (!operands.n) {
		pv_opts_usage_error(&check_help, "no plan given (use '-' to read standard input)");
		goto cleanup;
	}
	if (want_color(color))
		flags |= PV_TEXT_COLOR;
	for (size_t i = 0; i < operands.n; i++) {
		struct pv_buf err = PV_BUF_INIT;
		size_t before = files.n;
		if (pv_input_expand(operands.v[i], &files, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			t.io_error = 1;
		} else if (files.n == before) {
			fprintf(stderr, "pveplan: error: no plan files (*.pve.yaml, plan.yaml) under '%s'\n",
				operands.v[i]);
			t.io_error = 1;
		}
		pv_buf_release(&err);
	}
	for (size_t i = 0; i < files.n; i++) {
		int is_stdin = !strcmp(files.v[i], "-");
		if (is_stdin && stdin_seen++) {
			fprintf(stderr, "pveplan: error: standard input ('-') given more than once\n");
			t.io_error = 1;
			continue;
		}
		check_one(files.v[i], is_stdin ? stdin_name : files.v[i], &o, flags, &t);
	}
	struct pv_buf sum = PV_BUF_INIT;
	pv_render_summary(t.errors, t.warnings, t.infos, t.files, flags, &sum);
	fwrite(sum.buf, 1, sum.len, stdout);
	pv_buf_release(&sum);
	ret = t.io_error ? PV_EXIT_IO : t.errors ? PV_EXIT_FINDINGS : PV_EXIT_OK;
cleanup:
	pv_pathlist_release(&operands);
	pv_pathlist_release(&files);
	return ret;
}
