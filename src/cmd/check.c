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
#include <sys/stat.h>
#include <unistd.h>

enum {
	OPT_FORMAT, OPT_OUTPUT, OPT_LANG, OPT_STAGE, OPT_CONFIG, OPT_MATRIX, OPT_STRICT,
	OPT_MAX_WARNINGS, OPT_QUIET, OPT_SHOW_WAIVED, OPT_COLOR, OPT_STDIN_NAME, OPT_BASELINE,
	OPT_ROOT, OPT_HELP,
};

static const struct pv_option check_options[] = {
	[OPT_FORMAT] = { "format", 'f', "FORMAT", "text (default), json, sarif, junit, github or gitlab; repeat it for several outputs" },
	[OPT_OUTPUT] = { "output", 'o', "FILE", "write the report to FILE instead of standard output ('-': standard output); FORMAT=FILE for one of several formats" },
	[OPT_LANG] = { "lang", 0, "LANG", "language of the findings: ar, en, es, fr, ru or zh (default: the plan's, else en)" },
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
	[OPT_ROOT] = { "root", 0, "DIR", "SARIF and GitLab paths are relative to DIR (default: the plan's git top-level, else the current folder)" },
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

enum format { FMT_TEXT, FMT_JSON, FMT_SARIF, FMT_JUNIT, FMT_GITHUB, FMT_GITLAB, FMT_N };

static const char *const format_names[] = {
	"text", "json", "sarif", "junit", "github", "gitlab", NULL,
};

struct run {
	struct pv_check_opts o;
	unsigned formats;		/* bit (1 << enum format) for each format wanted */
	const char *to[FMT_N];		/* each format's file; NULL: standard output */
	const char *plain_output;	/* -o FILE, without FORMAT= */
	unsigned paired;		/* the formats given a file by -o FORMAT=FILE */
	int formats_given;		/* -f was given */
	const char *lang;		/* --lang, or NULL */
	const char *config_path;	/* --config, or NULL */
	const char *stdin_name;
	const char *output;		/* the text's file, or NULL for standard output */
	const char *color;		/* --color */
	const char *baseline_path;	/* --baseline, or NULL */
	const char *root;		/* --root, or NULL */
	struct pv_baseline baseline;
	long long max_warnings;		/* --max-warnings, or -1 */
	int strict;
	unsigned flags;
	int matrix;
	struct pv_project project;	/* the configuration in force for the current file */
	struct pv_run_report report;
	struct pv_buf text;		/* text output, when it goes to a file */
	int io_error, config_error;
	size_t unreadable;	/* inputs that could not be read */
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
	return l ? l : pv_lang_default();
}

/* `path` relative to `root` ('/'-separated), or NULL when it is not under
 * it; standard input (path NULL) is its name. */
static char *relative_path(const char *root, const char *path, const char *shown)
{
	if (!path)
		return xstrdup(shown);
	char *abs = root ? realpath(path, NULL) : NULL;
	size_t n = root ? strlen(root) : 0;
	char *rel = NULL;
	if (abs && n == 1 && abs[0] == '/')
		rel = xstrdup(abs + 1);
	else if (abs && !strncmp(abs, root, n) && abs[n] == '/')
		rel = xstrdup(abs + n + 1);
	free(abs);
	return rel;
}

/* The folder holding .git at or above `path`'s folder, or NULL. */
static char *git_top(const char *path)
{
	struct stat st;
	struct pv_buf probe = PV_BUF_INIT;
	char *dir = realpath(path, NULL);
	if (dir && stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
		*strrchr(dir, '/') = '\0';	/* a realpath has a '/' */
	while (dir && *dir) {
		pv_buf_reset(&probe);
		pv_buf_addf(&probe, "%s/.git", dir);
		if (lstat(probe.buf, &st) == 0)
			break;
		*strrchr(dir, '/') = '\0';
	}
	pv_buf_release(&probe);
	if (dir && !*dir) {
		free(dir);
		dir = NULL;
	}
	return dir;
}

/* The root: --root, else the git top-level of the first plan, else the
 * current folder. -1 when --root names no folder. */
static int find_root(struct run *r, const struct pv_pathlist *files)
{
	struct stat st;
	if (r->root) {
		r->report.root = realpath(r->root, NULL);
		if (!r->report.root || stat(r->report.root, &st) < 0 || !S_ISDIR(st.st_mode)) {
			fprintf(stderr, pv_opts_text("pveplan: error: --root '%s' is not a folder\n"), r->root);
			return -1;
		}
		return 0;
	}
	for (size_t i = 0; i < files->n && !r->report.root; i++)
		if (strcmp(files->v[i], "-"))
			r->report.root = git_top(files->v[i]);
	if (!r->report.root)
		r->report.root = realpath(".", NULL);
	return 0;
}

static void check_one(struct run *r, const char *path, const char *shown)
{
	struct pv_buf src = PV_BUF_INIT, out = PV_BUF_INIT;
	struct pv_msg err = { 0 };
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
		pv_opts_error(&err);
		if (access(path, F_OK) < 0 && errno == ENOENT)
			pv_opts_missing_hint(path);
		r->io_error = 1;
		r->unreadable++;
		goto cleanup;
	}
	const struct pv_lang *lang = language(r, checked ? &plan : NULL);
	/* The summary and the single-document formats speak the plans'
	 * language when they share one, else --lang's or English, never
	 * the first plan's. */
	if (!r->report.n)
		r->report.lang = lang;
	else if (r->report.lang != lang)
		r->report.lang = NULL;
	if (r->formats & (1u << FMT_TEXT)) {
		pv_render_text(&d, src.buf, src.len, r->flags, lang, &out);
		emit(r, &out);
	}
	struct pv_file_report *f = pv_report_add(&r->report, shown, checked ? &plan : NULL,
						 checked, &pol, &d);
	f->rel_path = relative_path(r->report.root, strcmp(path, "-") ? path : NULL, shown);
	if ((r->formats & (1u << FMT_TEXT)) && r->matrix) {
		pv_render_matrix_text(f, lang, r->flags, &out);
		emit(r, &out);
	}
cleanup:
	pv_plan_release(&plan);
	pv_diags_release(&d);
	pv_buf_release(&src);
	pv_msg_release(&err);
	pv_buf_release(&out);
}

static int write_github_summary(const struct pv_buf *summary)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	if (!path || !*path)
		return 0;
	FILE *f = fopen(path, "a");
	if (!f || fwrite(summary->buf, 1, summary->len, f) != summary->len || fclose(f) != 0) {
		fprintf(stderr, pv_opts_text("pveplan: error: cannot write the step summary '%s': %s\n"), path,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* Renders one format (the text was rendered as each file was checked). */
static int render(struct run *r, enum format fmt, struct pv_buf *out)
{
	struct pv_buf summary = PV_BUF_INIT;
	int ret = 0;
	switch (fmt) {
	case FMT_TEXT:
		pv_buf_add(out, r->text.buf, r->text.len);
		break;
	case FMT_JSON:
		pv_render_json(&r->report, out);
		break;
	case FMT_SARIF:
		pv_render_sarif(&r->report, out);
		break;
	case FMT_JUNIT:
		pv_render_junit(&r->report, out);
		break;
	case FMT_GITHUB:
		pv_render_github(&r->report, out, &summary);
		ret = write_github_summary(&summary);
		break;
	case FMT_GITLAB:
		pv_render_gitlab(&r->report, out);
		break;
	case FMT_N:
		break;
	}
	pv_buf_release(&summary);
	return ret;
}

/* Writes every report but the text printed as it went. */
static int finish_output(struct run *r)
{
	struct pv_buf out = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	int ret = 0;
	if (!r->report.lang)
		r->report.lang = pv_lang_get(r->lang) ? pv_lang_get(r->lang) : pv_lang_default();
	for (int fmt = 0; fmt < FMT_N; fmt++) {
		if (!(r->formats & (1u << fmt)) || (fmt == FMT_TEXT && !r->to[fmt]))
			continue;
		pv_buf_reset(&out);
		if (render(r, (enum format)fmt, &out) < 0)
			ret = -1;
		if (!r->to[fmt]) {
			fwrite(out.buf, 1, out.len, stdout);
		} else if (pv_output_write(r->to[fmt], out.buf, out.len, &err) < 0) {
			pv_opts_error(&err);
			ret = -1;
		}
	}
	pv_buf_release(&out);
	pv_msg_release(&err);
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

/* -o FILE, or -o FORMAT=FILE (as Spectral has it) for one of several
 * formats, which it adds. -1 to go on, else the exit status. */
static int output_option(const char *arg, struct run *r)
{
	const char *eq = strchr(arg, '=');
	for (int i = 0; eq && format_names[i]; i++) {
		if (strlen(format_names[i]) != (size_t)(eq - arg) ||
		    strncmp(arg, format_names[i], (size_t)(eq - arg)))
			continue;
		if (!eq[1])
			return pv_opts_usage_error(&check_help, "-o %s= needs a file name", format_names[i]);
		if (r->to[i])
			return pv_opts_usage_error(&check_help, "-o %s= is given twice", format_names[i]);
		r->to[i] = eq + 1;
		r->formats |= 1u << i;
		r->paired |= 1u << i;
		return -1;
	}
	if (!*arg)
		return pv_opts_usage_error(&check_help, "-o needs a file name ('-' for standard output)");
	if (r->plain_output)
		return pv_opts_usage_error(&check_help, "-o is given twice: for several formats, write -o FORMAT=FILE");
	r->plain_output = arg;
	return -1;
}

/*
 * Where each format goes, once every option is read: text when no format is
 * named with -f (beside the formats of -o FORMAT=FILE); a plain -o names
 * the file of the one format without one; at most one format on standard
 * output. -1 to go on, else the exit status.
 */
static int resolve_outputs(struct run *r)
{
	if (!r->formats_given)
		r->formats |= 1u << FMT_TEXT;
	unsigned unpaired = r->formats & ~r->paired;
	if (r->plain_output) {
		if (!unpaired || (unpaired & (unpaired - 1)))
			return pv_opts_usage_error(&check_help, "-o FILE is for one format: with several, write -o FORMAT=FILE for each");
		for (int i = 0; i < FMT_N; i++)
			if (unpaired & (1u << i))
				r->to[i] = r->plain_output;
	}
	size_t on_stdout = 0;
	for (int i = 0; i < FMT_N; i++)
		on_stdout += (r->formats & (1u << i)) &&
			     (!r->to[i] || pv_output_is_stdout(r->to[i]));
	if (on_stdout > 1)
		return pv_opts_usage_error(&check_help, "several formats would go to standard output: give each but one a file with -o FORMAT=FILE");
	return -1;
}

/* A name for standard output is standard output, as without -o; called
 * once refuse_output() has seen the names. */
static void stdout_names(struct run *r)
{
	for (int i = 0; i < FMT_N; i++)
		if (r->to[i] && pv_output_is_stdout(r->to[i]))
			r->to[i] = NULL;
	r->output = r->to[FMT_TEXT];
}

/* One option: -1 to go on, else the exit status (help, usage error). */
static int check_option(int opt, const char *arg, struct run *r)
{
	static const char *const colors[] = { "auto", "always", "never", NULL };
	uint64_t v = 0;
	int i;
	switch (opt) {
	case OPT_HELP:
		pv_opts_print_help(stdout, &check_help);
		return PV_EXIT_OK;
	case OPT_FORMAT:
		if ((i = lookup(arg, format_names)) < 0)
			return pv_opts_usage_error(&check_help, "--format takes text, json, sarif, junit, github or gitlab, not '%s'", arg);
		r->formats |= 1u << i;
		r->formats_given = 1;
		break;
	case OPT_OUTPUT:
		return output_option(arg, r);
	case OPT_LANG:
		if (!pv_lang_get(arg))
			return pv_opts_usage_error(&check_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
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
	case OPT_ROOT:
		r->root = arg;
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
		return pv_opts_no_plan(&check_help);
	return -1;
}

static void expand_operands(struct run *r, const struct pv_pathlist *operands,
			    struct pv_pathlist *files)
{
	for (size_t i = 0; i < operands->n; i++) {
		struct pv_msg err = { 0 };
		size_t before = files->n;
		if (pv_input_expand(operands->v[i], files, &err) < 0) {
			pv_opts_error(&err);
			r->io_error = 1;
		} else if (files->n == before) {
			fprintf(stderr, pv_opts_text("pveplan: error: no plan files (*.pve.yaml, plan.yaml) under '%s'\n"),
				operands->v[i]);
			r->io_error = 1;
		}
		pv_msg_release(&err);
	}
}

/* -o must not name an input (a plan or its configuration, however spelt):
 * the findings would replace what they are about. */
static int refuse_output(const struct run *r, const struct pv_pathlist *files)
{
	struct pv_pathlist inputs = PV_PATHLIST_INIT;
	struct pv_buf cfg = PV_BUF_INIT;
	int any = 0, refused = 0;
	for (int fmt = 0; fmt < FMT_N; fmt++)
		any |= r->to[fmt] != NULL;
	for (size_t i = 0; any && i < files->n; i++) {
		pv_pathlist_add(&inputs, files->v[i]);
		pv_project_locate(r->config_path, files->v[i], &cfg);
		if (cfg.len)
			pv_pathlist_add(&inputs, cfg.buf);
	}
	for (int fmt = 0; fmt < FMT_N && !refused; fmt++) {
		long k = r->to[fmt] ? pv_output_find_input(r->to[fmt], (const char *const *)inputs.v,
							    inputs.n) : -1;
		if (k < 0)
			continue;
		fprintf(stderr, pv_opts_text("pveplan: error: the output '%s' is the input '%s' (the same file): "
			"nothing written; choose another file for -o\n"), r->to[fmt], inputs.v[k]);
		refused = 1;
	}
	pv_pathlist_release(&inputs);
	pv_buf_release(&cfg);
	return refused ? -1 : 0;
}

/* Reads --baseline before any plan: a baseline that cannot be used is a
 * usage error, found before the work. */
static int load_baseline(struct run *r)
{
	struct pv_buf src = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	int ret = 0;
	if (!r->baseline_path)
		return 0;
	const uint64_t max = (uint64_t)1 << 30;
	enum pv_read_result rr = pv_input_read(r->baseline_path, max, &src, &err);
	if (rr == PV_READ_TOO_LARGE)
		pv_err(&err, "'%s' is larger than the limit of %u MiB", r->baseline_path,
		       (unsigned)(max >> 20));
	if (rr != PV_READ_OK) {
		char *why = pv_opts_reason(&err);
		fprintf(stderr, pv_opts_text("pveplan: error: the baseline cannot be read: %s\n"), why);
		free(why);
		ret = -1;
	} else if (pv_baseline_load(&r->baseline, r->baseline_path, src.buf, src.len, &err) < 0) {
		pv_opts_error(&err);
		ret = -1;
	}
	pv_buf_release(&src);
	pv_msg_release(&err);
	return ret;
}

/* The summary line. When no plan could be read, no "0 errors in 0 files",
 * which reads like a pass; when some could not, their number is in the
 * line, as ripgrep and ruff count what they could not read. */
static void render_summary(const struct run *r, const struct pv_lang *lang, struct pv_buf *out)
{
	struct pv_buf n = PV_BUF_INIT;
	if (r->unreadable) {
		pv_lang_count(lang, "count.unreadable", r->unreadable, &n);
	}
	if (!r->report.n && r->io_error) {
		pv_buf_adds(out, pv_lang_label(lang, "summary.none"));
		if (n.len)
			pv_buf_addf(out, "%s%s", pv_lang_label(lang, "colon"), n.buf);
		pv_buf_addch(out, '\n');
	} else {
		pv_render_summary(r->report.errors, r->report.warnings, r->report.infos,
				  r->report.waived, r->report.n, r->flags, lang, out);
		if (n.len && out->len && out->buf[out->len - 1] == '\n') {
			out->buf[--out->len] = '\0';
			pv_buf_addf(out, "%s%s\n", pv_lang_label(lang, "summary.also"), n.buf);
		}
	}
	pv_buf_release(&n);
}

/* The summary, the report, and the exit status. */
static int finish(struct run *r)
{
	if (r->config_error)
		return PV_EXIT_USAGE;
	if (r->baseline_path)
		pv_baseline_apply(&r->baseline, &r->report);
	if (r->formats & (1u << FMT_TEXT)) {
		struct pv_buf sum = PV_BUF_INIT;
		const struct pv_lang *lang = r->report.lang ? r->report.lang : pv_lang_get(r->lang);
		render_summary(r, lang, &sum);
		if (r->baseline_path)
			pv_render_baseline_summary(&r->report, r->flags, lang, &sum);
		emit(r, &sum);
		pv_buf_release(&sum);
	}
	r->report.failed = r->io_error;
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
	if (ret < 0)
		ret = resolve_outputs(&r);
	if (ret >= 0)
		goto cleanup;
	ret = PV_EXIT_USAGE;
	if (load_baseline(&r) < 0)
		goto cleanup;
	expand_operands(&r, &operands, &files);
	if (refuse_output(&r, &files) < 0 || find_root(&r, &files) < 0)
		goto cleanup;
	stdout_names(&r);
	if ((r.formats & (1u << FMT_TEXT)) && pv_color_wanted(r.color, r.output))
		r.flags |= PV_TEXT_COLOR;
	r.o.today = pv_policy_today();
	for (size_t i = 0; i < files.n && !r.config_error; i++) {
		int is_stdin = !strcmp(files.v[i], "-");
		if (is_stdin && stdin_seen++) {
			fputs(pv_opts_text("pveplan: error: standard input ('-') given more than once\n"), stderr);
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
