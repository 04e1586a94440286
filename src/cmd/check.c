/* pveplan check: every finding for one or more plans, for people and for CI. */
#include "cmd.h"

#include "pveplan/base.h"
#include "pveplan/report.h"
#include "pveplan/policy.h"
#include "pveplan/read.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	OPT_FORMAT, OPT_OUTPUT, OPT_LANG, OPT_STAGE, OPT_CONFIG, OPT_MATRIX, OPT_STRICT,
	OPT_MAX_WARNINGS, OPT_QUIET, OPT_SHOW_WAIVED, OPT_COLOR, OPT_STDIN_NAME, OPT_BASELINE,
	OPT_HELP,
};

static const struct pv_option check_options[] = {
	[OPT_FORMAT] = { "format", 'f', "FORMAT", "text (default), json, sarif, junit or github" },
	[OPT_OUTPUT] = { "output", 'o', "FILE", "write the report to FILE instead of standard output ('-': standard output)" },
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
	[OPT_BASELINE] = { "baseline", 0, "FILE", "an earlier --format json output: its findings are unchanged and only new ones count for the exit status" },
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
	"  2  usage or configuration error, or -o names one of the inputs\n"
	"  3  an input could not be read, or an output could not be written\n"
	"\n"
	"Rules: 'pveplan rules' lists them, 'pveplan explain CODE' explains one.\n",
	check_options,
	"Check plans: every finding, with position, rule, source and fix",
	pv_limit_options,
};

enum format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_JUNIT, FMT_GITHUB };

struct run {
	struct pv_check_opts o;
	enum format format;
	const char *lang;		/* --lang, or NULL */
	const char *config_path;	/* --config, or NULL */
	const char *stdin_name;
	const char *output;		/* -o, or NULL for standard output */
	const char *color;		/* --color */
	const char *baseline_path;	/* --baseline, or NULL */
	struct pv_baseline baseline;
	long long max_warnings;		/* --max-warnings, or -1 */
	int strict;
	unsigned flags;
	int matrix;
	struct pv_project project;	/* the configuration in force for the current file */
	struct pv_run_report report;
	struct pv_buf text;		/* text output, when it goes to a file */
	int io_error, config_error;
};

int pv_color_wanted(const char *when, const char *output)
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

	pv_plan_init(&plan);
	pv_diags_init(&d, shown);
	if (pv_project_configure(&r->project, r->config_path, path, r->flags & PV_TEXT_COLOR,
				 pv_lang_get(r->lang)) < 0) {
		r->config_error = 1;
		goto cleanup;
	}
	r->o.config = pv_project_config(&r->project);
	int checked = pv_check_file(path, &r->o, &src, &plan, &d, &pol, &err);
	if (checked < 0) {
		fflush(stdout);
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		r->io_error = 1;
		goto cleanup;
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
		if (pv_output_write(r->output, out.buf, out.len, &err) < 0) {
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

/* The index of `arg` in the NULL-terminated `names`, or -1. */
static int lookup(const char *arg, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(arg, names[i]))
			return i;
	return -1;
}

/* One option: -1 to go on, else the exit status (help, usage error). */
static int check_option(int opt, const char *arg, struct run *r)
{
	static const char *const formats[] = { "text", "json", "sarif", "junit", "github", NULL };
	static const char *const colors[] = { "auto", "always", "never", NULL };
	uint64_t v = 0;
	int i;
	switch (opt) {
	case OPT_HELP:
		pv_opts_print_help(stdout, &check_help);
		return PV_EXIT_OK;
	case OPT_FORMAT:
		if ((i = lookup(arg, formats)) < 0)
			return pv_opts_usage_error(&check_help, "--format takes text, json, sarif, junit or github, not '%s'", arg);
		r->format = (enum format)i;
		break;
	case OPT_OUTPUT:
		if (!*arg)
			return pv_opts_usage_error(&check_help, "-o needs a file name ('-' for standard output)");
		r->output = arg;
		break;
	case OPT_LANG:
		if (!pv_lang_has_findings(pv_lang_get(arg)))
			return pv_opts_usage_error(&check_help, "--lang takes en or fr, not '%s'", arg);
		r->lang = arg;
		break;
	case OPT_STAGE:
		if ((i = lookup(arg, pv_status_names)) < 1)
			return pv_opts_usage_error(&check_help, "--stage takes draft, consultation, validated, adopted or under_review, not '%s'", arg);
		r->o.stage = (enum pv_status)i;
		break;
	case OPT_CONFIG:
		r->config_path = arg;
		break;
	case OPT_MATRIX:
		r->matrix = 1;
		break;
	case OPT_STRICT:
		r->strict = 1;
		break;
	case OPT_MAX_WARNINGS:
		if (pv_opts_parse_count(arg, &v) < 0 || v > 1000000000)
			return pv_opts_usage_error(&check_help, "--max-warnings takes a whole number, not '%s'", arg);
		r->max_warnings = (long long)v;
		break;
	case OPT_QUIET:
		r->flags |= PV_TEXT_QUIET;
		break;
	case OPT_SHOW_WAIVED:
		r->flags |= PV_TEXT_WAIVED;
		break;
	case OPT_COLOR:
		if (lookup(arg, colors) < 0)
			return pv_opts_usage_error(&check_help, "--color takes auto, always or never, not '%s'", arg);
		r->color = arg;
		break;
	case OPT_STDIN_NAME:
		r->stdin_name = arg;
		break;
	case OPT_BASELINE:
		r->baseline_path = arg;
		break;
	default:
		if (pv_limits_option(&check_help, opt, arg, &r->o) < 0)
			return PV_EXIT_USAGE;
	}
	return -1;
}

/* -1 to go on checking, else the exit status (help, usage error). */
static int parse_check_opts(int argc, char **argv, struct run *r, struct pv_pathlist *operands)
{
	const char *arg = NULL;
	int optind_out = 1, ret;
	for (int opt; (opt = pv_opts_next(argc, argv, &check_help, &arg, &optind_out)) != -1;) {
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3)
			pv_pathlist_add(operands, arg);
		else if ((ret = check_option(opt, arg, r)) >= 0)
			return ret;
	}
	for (int i = optind_out; i < argc; i++)
		pv_pathlist_add(operands, argv[i]);
	if (!operands->n)
		return pv_opts_usage_error(&check_help, "no plan given (use '-' to read standard input)");
	return -1;
}

static void expand_operands(struct run *r, const struct pv_pathlist *operands,
			    struct pv_pathlist *files)
{
	for (size_t i = 0; i < operands->n; i++) {
		struct pv_buf err = PV_BUF_INIT;
		size_t before = files->n;
		if (pv_input_expand(operands->v[i], files, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			r->io_error = 1;
		} else if (files->n == before) {
			fprintf(stderr, "pveplan: error: no plan files (*.pve.yaml, plan.yaml) under '%s'\n",
				operands->v[i]);
			r->io_error = 1;
		}
		pv_buf_release(&err);
	}
}

/* -o must not name an input (a plan or its configuration, however spelt):
 * the findings would replace what they are about. */
static int refuse_output(const struct run *r, const struct pv_pathlist *files)
{
	struct pv_pathlist inputs = PV_PATHLIST_INIT;
	struct pv_buf cfg = PV_BUF_INIT;
	for (size_t i = 0; r->output && i < files->n; i++) {
		pv_pathlist_add(&inputs, files->v[i]);
		pv_project_locate(r->config_path, files->v[i], &cfg);
		if (cfg.len)
			pv_pathlist_add(&inputs, cfg.buf);
	}
	long k = r->output ? pv_output_find_input(r->output, (const char *const *)inputs.v,
						  inputs.n) : -1;
	if (k >= 0)
		fprintf(stderr, "pveplan: error: the output '%s' is the input '%s' (the same file): "
			"nothing written; choose another file for -o\n", r->output, inputs.v[k]);
	pv_pathlist_release(&inputs);
	pv_buf_release(&cfg);
	return k >= 0 ? -1 : 0;
}

/* Reads --baseline before any plan: a baseline that cannot be used is a
 * usage error, found before the work. */
static int load_baseline(struct run *r)
{
	struct pv_buf src = PV_BUF_INIT, err = PV_BUF_INIT;
	int ret = 0;
	if (!r->baseline_path)
		return 0;
	if (pv_input_read(r->baseline_path, (uint64_t)1 << 30, &src, &err) != PV_READ_OK) {
		fprintf(stderr, "pveplan: error: the baseline cannot be read: %s\n", err.buf);
		ret = -1;
	} else if (pv_baseline_load(&r->baseline, r->baseline_path, src.buf, src.len, &err) < 0) {
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		ret = -1;
	}
	pv_buf_release(&src);
	pv_buf_release(&err);
	return ret;
}

/* The summary, the report, and the exit status. */
static int finish(struct run *r)
{
	if (r->config_error)
		return PV_EXIT_USAGE;
	if (r->baseline_path)
		pv_baseline_apply(&r->baseline, &r->report);
	if (r->format == FMT_TEXT) {
		struct pv_buf sum = PV_BUF_INIT;
		const struct pv_lang *lang = r->report.lang ? r->report.lang : pv_lang_get(r->lang);
		pv_render_summary(r->report.errors, r->report.warnings, r->report.infos,
				  r->report.waived, r->report.n, r->flags, lang, &sum);
		if (r->baseline_path)
			pv_render_baseline_summary(&r->report, r->flags, lang, &sum);
		emit(r, &sum);
		pv_buf_release(&sum);
	}
	if (finish_output(r) < 0)
		r->io_error = 1;
	if (r->io_error)
		return PV_EXIT_IO;
	/* With a baseline, only what is new fails. */
	size_t errors = r->baseline_path ? r->report.news[PV_SEV_ERROR] : r->report.errors;
	size_t warnings = r->baseline_path ? r->report.news[PV_SEV_WARNING] : r->report.warnings;
	if (errors || (r->strict && warnings) ||
	    (r->max_warnings >= 0 && (long long)warnings > r->max_warnings))
		return PV_EXIT_FINDINGS;
	return PV_EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
	struct run r;
	struct pv_pathlist operands = PV_PATHLIST_INIT, files = PV_PATHLIST_INIT;
	int stdin_seen = 0;

	memset(&r, 0, sizeof(r));
	r.o = (struct pv_check_opts)PV_CHECK_OPTS_INIT;
	r.stdin_name = "<stdin>";
	r.color = "auto";
	r.max_warnings = -1;
	pv_project_init(&r.project);
	int ret = parse_check_opts(argc, argv, &r, &operands);
	if (ret >= 0)
		goto cleanup;
	ret = PV_EXIT_USAGE;
	if (load_baseline(&r) < 0)
		goto cleanup;
	expand_operands(&r, &operands, &files);
	if (refuse_output(&r, &files) < 0)
		goto cleanup;
	/* A name for standard output is standard output, as without -o. */
	if (r.output && pv_output_is_stdout(r.output))
		r.output = NULL;
	if (r.format == FMT_TEXT && pv_color_wanted(r.color, r.output))
		r.flags |= PV_TEXT_COLOR;
	r.o.today = pv_policy_today();
	for (size_t i = 0; i < files.n && !r.config_error; i++) {
		int is_stdin = !strcmp(files.v[i], "-");
		if (is_stdin && stdin_seen++) {
			fprintf(stderr, "pveplan: error: standard input ('-') given more than once\n");
			r.io_error = 1;
			continue;
		}
		check_one(&r, files.v[i], is_stdin ? r.stdin_name : files.v[i]);
	}
	ret = finish(&r);
cleanup:
	pv_report_release(&r.report);
	pv_baseline_release(&r.baseline);
	pv_project_release(&r.project);
	pv_buf_release(&r.text);
	pv_pathlist_release(&operands);
	pv_pathlist_release(&files);
	return ret;
}
