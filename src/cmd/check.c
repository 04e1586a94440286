/* pveplan check: every finding for one or more plans, for people and for CI. */
#include "cmd.h"

#include "pveplan/alloc.h"
#include "pveplan/check.h"
#include "pveplan/input.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/render_text.h"
#include "pveplan/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	OPT_FORMAT, OPT_OUTPUT, OPT_LANG, OPT_STAGE, OPT_CONFIG, OPT_MATRIX, OPT_STRICT,
	OPT_MAX_WARNINGS, OPT_QUIET, OPT_SHOW_WAIVED, OPT_COLOR, OPT_STDIN_NAME,
	OPT_MAX_FILE_SIZE, OPT_MAX_DEPTH, OPT_MAX_NODES, OPT_MAX_SCALAR, OPT_MAX_FINDINGS, OPT_HELP,
};

static const struct pv_option check_options[] = {
	[OPT_FORMAT] = { "format", 'f', "FORMAT", "text (default), json, sarif, junit or github" },
	[OPT_OUTPUT] = { "output", 'o', "FILE", "write the report to FILE (atomically) instead of standard output" },
	[OPT_LANG] = { "lang", 0, "LANG", "language of the findings: en or fr (default: the plan's, else en)" },
	[OPT_STAGE] = { "stage", 0, "STATUS", "check as if plan.status were STATUS (draft, consultation, validated, adopted, under_review)" },
	[OPT_CONFIG] = { "config", 'c', "FILE", "project configuration (default: .pveplan.yaml found upward from each plan)" },
	[OPT_MATRIX] = { "matrix", 'm', NULL, "print the compliance matrix after the findings (text)" },
	[OPT_STRICT] = { "strict", 0, NULL, "exit 1 on warnings too" },
	[OPT_MAX_WARNINGS] = { "max-warnings", 0, "N", "exit 1 when there are more than N warnings" },
	[OPT_QUIET] = { "quiet", 'q', NULL, "print only errors and the summary (text)" },
	[OPT_SHOW_WAIVED] = { "show-waived", 0, NULL, "also print findings silenced by accepted deviations (text)" },
	[OPT_COLOR] = { "color", 0, "WHEN", "colour: auto (default: on a terminal, unless NO_COLOR is set), always, never" },
	[OPT_STDIN_NAME] = { "stdin-name", 0, "NAME", "name shown for standard input (default: <stdin>)" },
	[OPT_MAX_FILE_SIZE] = { "max-file-size", 0, "SIZE", "refuse larger files (default: 64M; K, M, G suffixes)" },
	[OPT_MAX_DEPTH] = { "max-depth", 0, "N", "refuse deeper nesting (default: 100)" },
	[OPT_MAX_NODES] = { "max-nodes", 0, "N", "refuse documents with more nodes, aliases expanded (default: 10000000)" },
	[OPT_MAX_SCALAR] = { "max-scalar", 0, "SIZE", "refuse longer strings (default: 1M)" },
	[OPT_MAX_FINDINGS] = { "max-findings", 0, "N", "show at most N findings of each rule in each file, 0 for all (default: 1000; counts stay true)" },
	[OPT_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help check_help = {
	"check",
	"[options] PATH...",
	"Check plans and report every finding, with its position, rule code, citation\n"
	"and a hint. PATH is a plan file, a directory (searched for *.pve.yaml and\n"
	"plan.yaml), or '-' for standard input.",
	"exit status:\n"
	"  0  no error-level finding (warnings allowed, unless --strict or --max-warnings)\n"
	"  1  error-level findings, or too many warnings\n"
	"  2  usage or configuration error\n"
	"  3  an input could not be read, or an output could not be written\n"
	"\n"
	"Rules: 'pveplan rules' lists them, 'pveplan explain CODE' explains one.\n",
	check_options,
	"Check plans: every finding, with position, rule, source and fix",
};

enum format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_JUNIT, FMT_GITHUB };

struct run {
	struct pv_check_opts o;
	enum format format;
	const char *lang;		/* --lang, or NULL */
	const char *config_path;	/* --config, or NULL */
	const char *stdin_name;
	const char *output;		/* -o, or NULL */
	unsigned flags;
	int matrix;
	struct pv_project project;	/* the configuration in force for the current file */
	struct pv_run_report report;
	struct pv_buf text;		/* text output, when it goes to a file */
	int io_error, config_error;
};

static int want_color(const char *when, const char *output)
{
	if (!strcmp(when, "always"))
		return 1;
	if (!strcmp(when, "never") || output)
		return 0;
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return 0;
	if (term && !strcmp(term, "dumb"))
		return 0;
	return isatty(STDOUT_FILENO);
}

static void emit(struct run *r, struct pv_buf *b)
{
	if (r->output)
		pv_buf_add(&r->text, b->buf, b->len);
	else
		fwrite(b->buf, 1, b->len, stdout);
	pv_buf_reset(b);
}

/* The language findings are given in: --lang, else the plan's, else English. */
static const struct pv_lang *language(const struct run *r, const struct pv_plan *p)
{
	const struct pv_lang *l = pv_lang_get(r->lang);
	if (!l && p)
		l = pv_lang_get(p->plan.language.s);
	return pv_lang_has_findings(l) ? l : pv_lang_default();
}

static void check_one(struct run *r, const char *path, const char *shown)
{
	struct pv_buf src = PV_BUF_INIT, err = PV_BUF_INIT, out = PV_BUF_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_policy pol = { NULL, PV_STATUS_DRAFT, 0, 0 };
	int checked = 0;

	pv_plan_init(&plan);
	pv_diags_init(&d, shown);
	if (pv_project_configure(&r->project, r->config_path, path, r->flags & PV_TEXT_COLOR,
				 pv_lang_get(r->lang)) < 0) {
		r->config_error = 1;
		goto cleanup;
	}
	r->o.config = pv_project_config(&r->project);
	switch (pv_input_read(path, r->o.limits.max_file_size, &src, &err)) {
	case PV_READ_ERROR:
		fflush(stdout);
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		r->io_error = 1;
		goto cleanup;
	case PV_READ_TOO_LARGE: {
		struct pv_diag *g = pv_diag_add(&d, "FMT007", ((struct pv_pos){ 1, 1, 1 }),
			"file is larger than the limit of %llu bytes",
			(unsigned long long)r->o.limits.max_file_size);
		pv_diag_hint(g, "raise the limit with --max-file-size if this plan really is that large");
		pv_buf_reset(&src);
		pol.config = r->o.config;
		pol.stage = r->o.stage ? r->o.stage : PV_STATUS_DRAFT;
		break;
	}
	case PV_READ_OK:
		checked = pv_check_text(src.buf, src.len, &r->o, &plan, &d, &pol) == 0;
		break;
	}
	const struct pv_lang *lang = language(r, checked ? &plan : NULL);
	if (!r->report.n && !r->report.lang)
		r->report.lang = lang;
	if (r->format == FMT_TEXT) {
		pv_render_text(&d, src.buf, src.len, r->flags, lang, &out);
		emit(r, &out);
	}
	struct pv_file_report *f = pv_report_add(&r->report, shown, checked ? &plan : NULL,
						 checked, &pol, &d);
	if (r->format == FMT_TEXT && r->matrix) {
		pv_render_matrix_text(f, lang, r->flags, &out);
		emit(r, &out);
	}
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

static int write_github_summary(const struct pv_buf *summary)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	if (!path || !*path)
		return 0;
	FILE *f = fopen(path, "a");
	if (!f || fwrite(summary->buf, 1, summary->len, f) != summary->len || fclose(f) != 0) {
		fprintf(stderr, "pveplan: error: cannot write the step summary '%s': %s\n", path,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes the machine-readable report, or the text collected for -o. */
static int finish_output(struct run *r)
{
	struct pv_buf out = PV_BUF_INIT, summary = PV_BUF_INIT, err = PV_BUF_INIT;
	int ret = 0;
	if (!r->report.lang)
		r->report.lang = pv_lang_get(r->lang) ? pv_lang_get(r->lang) : pv_lang_default();
	switch (r->format) {
	case FMT_TEXT:
		pv_buf_add(&out, r->text.buf, r->text.len);
		break;
	case FMT_JSON:
		pv_render_json(&r->report, &out);
		break;
	case FMT_SARIF:
		pv_render_sarif(&r->report, &out);
		break;
	case FMT_JUNIT:
		pv_render_junit(&r->report, &out);
		break;
	case FMT_GITHUB:
		pv_render_github(&r->report, &out, &summary);
		if (write_github_summary(&summary) < 0)
			ret = -1;
		break;
	}
	if (r->output) {
		if (pv_write_atomic(r->output, out.buf, out.len, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			ret = -1;
		}
	} else if (r->format != FMT_TEXT) {
		fwrite(out.buf, 1, out.len, stdout);
	}
	pv_buf_release(&out);
	pv_buf_release(&summary);
	pv_buf_release(&err);
	return ret;
}

int cmd_check(int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", "sarif", "junit", "github" };
	struct run r;
	struct pv_pathlist operands = PV_PATHLIST_INIT, files = PV_PATHLIST_INIT;
	const char *color = "auto", *arg = NULL;
	long long max_warnings = -1;
	int ret = PV_EXIT_USAGE, optind_out = 1, stdin_seen = 0, strict = 0;

	memset(&r, 0, sizeof(r));
	r.o = (struct pv_check_opts)PV_CHECK_OPTS_INIT;
	r.stdin_name = "<stdin>";
	pv_project_init(&r.project);
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
		case OPT_FORMAT: {
			size_t i;
			for (i = 0; i < PV_ARRAY_SIZE(formats) && strcmp(arg, formats[i]); i++)
				;
			if (i == PV_ARRAY_SIZE(formats)) {
				pv_opts_usage_error(&check_help, "--format takes text, json, sarif, junit or github, not '%s'", arg);
				goto cleanup;
			}
			r.format = (enum format)i;
			break;
		}
		case OPT_OUTPUT:
			r.output = arg;
			break;
		case OPT_LANG:
			if (!pv_lang_has_findings(pv_lang_get(arg))) {
				pv_opts_usage_error(&check_help, "--lang takes en or fr, not '%s'", arg);
				goto cleanup;
			}
			r.lang = arg;
			break;
		case OPT_STAGE: {
			int s;
			for (s = 1; pv_status_names[s] && strcmp(arg, pv_status_names[s]); s++)
				;
			if (!pv_status_names[s]) {
				pv_opts_usage_error(&check_help, "--stage takes draft, consultation, validated, adopted or under_review, not '%s'", arg);
				goto cleanup;
			}
			r.o.stage = (enum pv_status)s;
			break;
		}
		case OPT_CONFIG:
			r.config_path = arg;
			break;
		case OPT_MATRIX:
			r.matrix = 1;
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		case OPT_MAX_WARNINGS:
			if (parse_count(arg, &v) < 0 || v > 1000000000) {
				pv_opts_usage_error(&check_help, "--max-warnings takes a whole number, not '%s'", arg);
				goto cleanup;
			}
			max_warnings = (long long)v;
			break;
		case OPT_QUIET:
			r.flags |= PV_TEXT_QUIET;
			break;
		case OPT_SHOW_WAIVED:
			r.flags |= PV_TEXT_WAIVED;
			break;
		case OPT_COLOR:
			if (strcmp(arg, "auto") && strcmp(arg, "always") && strcmp(arg, "never")) {
				pv_opts_usage_error(&check_help, "--color takes auto, always or never, not '%s'", arg);
				goto cleanup;
			}
			color = arg;
			break;
		case OPT_STDIN_NAME:
			r.stdin_name = arg;
			break;
		case OPT_MAX_FILE_SIZE:
		case OPT_MAX_SCALAR:
			if (pv_opts_parse_size(arg, &v) < 0 || !v) {
				pv_opts_usage_error(&check_help, "--%s takes a size such as 64M, not '%s'",
						    check_options[opt].name, arg);
				goto cleanup;
			}
			if (opt == OPT_MAX_FILE_SIZE)
				r.o.limits.max_file_size = v;
			else
				r.o.limits.max_scalar = v;
			break;
		case OPT_MAX_FINDINGS:
			if (parse_count(arg, &v) < 0) {
				pv_opts_usage_error(&check_help, "--max-findings takes a whole number, not '%s'", arg);
				goto cleanup;
			}
			r.o.max_findings = (size_t)v;
			break;
		case OPT_MAX_DEPTH:
		case OPT_MAX_NODES:
			if (parse_count(arg, &v) < 0 || !v || (opt == OPT_MAX_DEPTH && v > 100000)) {
				pv_opts_usage_error(&check_help, "--%s takes a positive whole number, not '%s'",
						    check_options[opt].name, arg);
				goto cleanup;
			}
			if (opt == OPT_MAX_DEPTH)
				r.o.limits.max_depth = (uint32_t)v;
			else
				r.o.limits.max_nodes = v;
			break;
		}
	}
	for (int i = optind_out; i < argc; i++)
		pv_pathlist_add(&operands, argv[i]);
	if (!operands.n) {
		pv_opts_usage_error(&check_help, "no plan given (use '-' to read standard input)");
		goto cleanup;
	}
	if (r.format == FMT_TEXT && want_color(color, r.output))
		r.flags |= PV_TEXT_COLOR;
	r.o.today = pv_policy_today();
	for (size_t i = 0; i < operands.n; i++) {
		struct pv_buf err = PV_BUF_INIT;
		size_t before = files.n;
		if (pv_input_expand(operands.v[i], &files, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			r.io_error = 1;
		} else if (files.n == before) {
			fprintf(stderr, "pveplan: error: no plan files (*.pve.yaml, plan.yaml) under '%s'\n",
				operands.v[i]);
			r.io_error = 1;
		}
		pv_buf_release(&err);
	}
	for (size_t i = 0; i < files.n && !r.config_error; i++) {
		int is_stdin = !strcmp(files.v[i], "-");
		if (is_stdin && stdin_seen++) {
			fprintf(stderr, "pveplan: error: standard input ('-') given more than once\n");
			r.io_error = 1;
			continue;
		}
		check_one(&r, files.v[i], is_stdin ? r.stdin_name : files.v[i]);
	}
	if (r.config_error) {
		ret = PV_EXIT_USAGE;
		goto cleanup;
	}
	if (r.format == FMT_TEXT) {
		struct pv_buf sum = PV_BUF_INIT;
		const struct pv_lang *lang = r.report.lang ? r.report.lang : pv_lang_get(r.lang);
		pv_render_summary(r.report.errors, r.report.warnings, r.report.infos, r.report.waived,
				  r.report.n, r.flags, lang, &sum);
		emit(&r, &sum);
		pv_buf_release(&sum);
	}
	if (finish_output(&r) < 0)
		r.io_error = 1;
	if (r.io_error)
		ret = PV_EXIT_IO;
	else if (r.report.errors || (strict && r.report.warnings) ||
		 (max_warnings >= 0 && (long long)r.report.warnings > max_warnings))
		ret = PV_EXIT_FINDINGS;
	else
		ret = PV_EXIT_OK;
cleanup:
	pv_report_release(&r.report);
	pv_project_release(&r.project);
	pv_buf_release(&r.text);
	pv_pathlist_release(&operands);
	pv_pathlist_release(&files);
	return ret;
}
