/* pveplan build: a checked plan rendered as reports a ministry can circulate
 * (the work is pv_build's, src/report/build.c). */
#include "cmd.h"

#include "pveplan/report.h"
#include "pveplan/output.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

_Static_assert((int)PV_BUILD_OK == (int)PV_EXIT_OK &&
		       (int)PV_BUILD_FINDINGS == (int)PV_EXIT_FINDINGS &&
		       (int)PV_BUILD_REFUSED == (int)PV_EXIT_USAGE && (int)PV_BUILD_IO == (int)PV_EXIT_IO,
	       "pv_build's statuses are the exit statuses of build");

enum { B_OUTPUT, B_FORMAT, B_LANG, B_FORCE, B_REDACT, B_TEMPLATES, B_CONFIG, B_QUIET, B_HELP };

static const struct pv_option build_options[] = {
	[B_OUTPUT] = { "output", 'o', "DIR", "folder for the reports (default: the plan's id, in the current folder; for a folder of plans: reports)" },
	[B_FORMAT] = { "format", 'f', "LIST", "reports to write, comma-separated: md, html, xlsx (default: all)" },
	[B_LANG] = { "lang", 0, "LANG", "report language: ar, en, es, fr, ru or zh (default: the plan's)" },
	[B_FORCE] = { "force", 0, NULL, "write the reports even when the plan has errors, with a 'not valid' banner" },
	[B_REDACT] = { "redact", 0, NULL, "leave out everything marked 'confidential: true' (the findings are not printed)" },
	[B_TEMPLATES] = { "template-dir", 0, "DIR", "page.html and style.css for the HTML report (default: built in)" },
	[B_CONFIG] = { "config", 'c', "FILE", "project configuration (default: .pveplan.yaml found upward)" },
	[B_QUIET] = { "quiet", 'q', NULL, "print only the summary line of the findings, not the findings" },
	[B_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help build_help = {
	"build", "[options] PLAN|DIR",
	"Check a plan, then write its reports into a folder: report.md, report.html\n"
	"and capacity-needs.xlsx. The findings are printed as check prints them,\n"
	"with the summary line, then 'wrote FILE' for each report. With error-level\n"
	"findings nothing is written and the status is 1; --force writes the reports\n"
	"anyway, and the status is still 1. All reports are rendered to temporary files\n"
	"in the folder, then renamed into place together, so a failed build leaves\n"
	"the previous reports as they were; a build into a folder another build is\n"
	"writing to waits for it. A report that would overwrite an input (the plan,\n"
	"the configuration, a template) is refused; a symbolic link at a report's\n"
	"name is replaced, never followed.\n"
	"\n"
	"Given a folder DIR, build builds every plan that check finds under it\n"
	"(*.pve.yaml, *.pve.yml, plan.yaml), each into its own folder under -o\n"
	"(default: reports): the plan's path below DIR without its .pve.yaml,\n"
	".pve.yml or .yaml ending, so DIR/ml/national.pve.yaml goes to\n"
	"reports/ml/national and DIR/ml/plan.yaml to reports/ml/plan; a plan whose\n"
	"folder another plan has taken is not built (status 2). After each plan's\n"
	"findings and reports comes a line saying whether it was built, and at the\n"
	"end the total; with --quiet, only those lines. The status is the worst of\n"
	"the plans'.",
	"exit status: 0 written, 1 the plan has errors (nothing written; written\n"
	"with --force), 2 usage or configuration error, or a report would overwrite\n"
	"an input, 3 the plan or a template could not be read, or a report not\n"
	"written.\n",
	build_options,
	"Write the reports of a checked plan (Markdown, HTML, XLSX)",
	pv_limit_options,
};

static int parse_formats(const char *arg, unsigned *formats)
{
	static const char *const names[] = { "md", "html", "xlsx" };
	const char *p = arg;
	*formats = 0;
	while (*p) {
		size_t n = strcspn(p, ","), i;
		for (i = 0; i < 3 && (strlen(names[i]) != n || strncmp(p, names[i], n)); i++)
			;
		if (i == 3)
			return -1;
		*formats |= 1u << i;
		p += n + (p[n] == ',');
	}
	return *formats ? 0 : -1;
}

/* One option: -1 to go on, else the exit status (help, usage error). */
static int build_option(int opt, const char *arg, struct pv_build_opts *o, const char **cfg,
			unsigned *flags)
{
	switch (opt) {
	case B_HELP:
		pv_opts_print_help(stdout, &build_help);
		return PV_EXIT_OK;
	case B_OUTPUT:
		if (!*arg)
			return pv_opts_usage_error(&build_help, "-o needs the name of a folder");
		o->outdir = arg;
		break;
	case B_FORMAT:
		if (parse_formats(arg, &o->formats) < 0)
			return pv_opts_usage_error(&build_help, "--format takes a list of md, html and xlsx, not '%s'", arg);
		break;
	case B_LANG:
		if (!(o->lang = pv_lang_get(arg)))
			return pv_opts_usage_error(&build_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
		break;
	case B_FORCE:
		o->force = 1;
		break;
	case B_QUIET:
		*flags |= PV_TEXT_QUIET;
		break;
	case B_REDACT:
		o->redact = 1;
		break;
	case B_TEMPLATES:
		if (!*arg)
			return pv_opts_usage_error(&build_help, "--template-dir needs the name of a folder");
		o->template_dir = arg;
		break;
	case B_CONFIG:
		*cfg = arg;
		break;
	default:
		if (pv_limits_option(&build_help, opt, arg, &o->check) < 0)
			return PV_EXIT_USAGE;
	}
	return -1;
}

/* -1 to go on building, else the exit status (help, usage error). */
static int parse_build_opts(int argc, char **argv, struct pv_build_opts *o, const char **cfg,
			    unsigned *flags)
{
	const char *arg = NULL;
	int optind_out = 1, ret;
	for (int opt; (opt = pv_opts_next(argc, argv, &build_help, &arg, &optind_out)) != -1;) {
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3 && o->plan_path)
			return pv_opts_usage_error(&build_help, "one plan at a time");
		if (opt == -3)
			o->plan_path = arg;
		else if ((ret = build_option(opt, arg, o, cfg, flags)) >= 0)
			return ret;
	}
	if (!o->plan_path && optind_out < argc)
		o->plan_path = argv[optind_out++];
	if (!o->plan_path)
		return pv_opts_no_plan(&build_help);
	if (optind_out < argc)
		return pv_opts_usage_error(&build_help, "one plan (or one folder of plans) at a time");
	return -1;
}

/* The findings and the summary line, on standard output as check prints
 * them (--quiet: the summary line only), once the plan was checked. */
static void show_findings(const struct pv_build_result *r, unsigned flags)
{
	struct pv_buf text = PV_BUF_INIT;
	const struct pv_lang *fl = r->lang ? r->lang : pv_lang_default();
	if (!(flags & PV_TEXT_QUIET))
		pv_render_text(&r->diags, r->src.buf, r->src.len, flags, fl, &text);
	pv_render_summary(r->errors, pv_diags_count(&r->diags, PV_SEV_WARNING),
			  pv_diags_count(&r->diags, PV_SEV_INFO), pv_diags_waived(&r->diags), 1,
			  flags, fl, &text);
	fwrite(text.buf, 1, text.len, stdout);
	pv_buf_release(&text);
}

/* The language of what build says: the findings' (--lang, else the plan's). */
static const struct pv_lang *says(const struct pv_build_result *r)
{
	return r->lang ? r->lang : pv_lang_default();
}

static void show_written(const struct pv_build_result *r, unsigned flags)
{
	const struct pv_lang *l = says(r);
	for (size_t i = 0; !(flags & PV_TEXT_QUIET) && i < r->written.n; i++) {
		printf(pv_lang_message(l, "wrote %s"), r->written.v[i]);
		putchar('\n');
	}
	/* --force wrote them although the plan has errors: say what the
	 * reader of the reports will see. */
	if (r->written.n && r->errors) {
		const char *fmt = pv_lang_nmessage(l, "the reports carry a 'not valid' banner: the plan has %zu error",
						   "the reports carry a 'not valid' banner: the plan has %zu errors",
						   r->errors);
		printf(fmt, r->errors);
		putchar('\n');
	}
}

/* The findings quote the plan (snippets, ids, amounts) and count
 * confidential items: under --redact none of that may reach an output, the
 * terminal included, so they are left to check. */
static void show_checked(const struct pv_build_result *r, unsigned flags, int redact)
{
	if (r->lang && redact) {
		fputs(pv_lang_message(says(r), "findings not shown under --redact: 'pveplan check' shows them"),
		      stdout);
		putchar('\n');
	} else if (r->lang) {
		show_findings(r, flags);
	}
}

static void show(int status, const struct pv_build_result *r, unsigned flags, int redact)
{
	const struct pv_lang *l = says(r);
	show_checked(r, flags, redact);
	show_written(r, flags);
	fflush(stdout);
	if (status == PV_BUILD_FINDINGS) {
		fputs(pv_opts_text("pveplan: "), stderr);
		const char *fmt = pv_lang_nmessage(l, "error: '%s' has %zu error: no report written",
						   "error: '%s' has %zu errors: no report written", r->errors);
		fprintf(stderr, fmt, r->diags.file, r->errors);
		fputs(r->loaded ? pv_lang_message(l, " (--force writes them anyway)") : "", stderr);
		fputc('\n', stderr);
	} else if (status != PV_BUILD_OK) {
		pv_opts_error(&r->err);
	}
}

/* Checks and builds one plan with the configuration found for it: a
 * pv_build status, or -1 when the configuration is wrong (said on stderr). */
static int build_plan(struct pv_build_opts *o, struct pv_project *project, const char *cfg,
		      struct pv_build_result *r)
{
	if (pv_project_configure(project, cfg, o->plan_path, 0, NULL) < 0)
		return -1;
	o->check.config = pv_project_config(project);
	o->config_path = project->path;
	return pv_build(o, r);
}

/* The exit status of a build: written under --force or not, a plan with
 * errors is not valid. */
static int exit_of(int status, const struct pv_build_result *r)
{
	if (status < 0)
		return PV_EXIT_USAGE;
	return status == PV_BUILD_OK && r->errors ? PV_EXIT_FINDINGS : status;
}

/* The folder of a plan found under DIR: `root`/ its path below DIR without
 * the .pve.yaml, .pve.yml or .yaml ending (docs/pveplan-build.md). */
static void plan_folder(const char *root, const char *dir, const char *path, struct pv_buf *out)
{
	size_t n = strlen(dir);
	const char *rel = path + n + (n && dir[n - 1] != '/');
	size_t len = strlen(rel);
	static const char *const endings[] = { ".pve.yaml", ".pve.yml", ".yaml" };
	for (size_t i = 0; i < 3; i++) {
		size_t e = strlen(endings[i]);
		if (len > e && !strcmp(rel + len - e, endings[i])) {
			len -= e;
			break;
		}
	}
	pv_buf_reset(out);
	pv_buf_addf(out, "%s%s%.*s", root, *root && root[strlen(root) - 1] != '/' ? "/" : "",
		    (int)len, rel);
}

/* The summary line of one plan of build DIR, on standard output. */
static void dir_summary(int status, const struct pv_build_result *r, const char *path,
			const char *folder, int redact)
{
	struct pv_buf counts = PV_BUF_INIT;
	const struct pv_lang *l = pv_opts_lang();
	size_t w = pv_diags_count(&r->diags, PV_SEV_WARNING);
	/* Under --redact the counts would count confidential items too. */
	if (!redact) {
		struct pv_buf both = PV_BUF_INIT;
		pv_lang_count(l, "count.error", r->errors, &both);
		pv_buf_adds(&both, pv_lang_label(l, "list.comma"));
		pv_lang_count(l, "count.warning", w, &both);
		pv_buf_addf(&counts, pv_opts_text(" (%s)"), both.buf);
		pv_buf_release(&both);
	}
	if (status == PV_BUILD_OK)
		printf(pv_opts_text("%s: built into %s%s%s\n"), path, folder, counts.buf ? counts.buf : "",
		       r->errors ? pv_opts_text(", with --force") : "");
	else if (status == PV_BUILD_FINDINGS)
		printf(pv_opts_text("%s: not built%s\n"), path, counts.buf ? counts.buf : "");
	else {
		char *why = status < 0 ? NULL : pv_opts_reason(&r->err);
		printf(pv_opts_text("%s: not built: %s\n"), path,
		       why ? why : pv_opts_text("configuration error"));
		free(why);
	}
	pv_buf_release(&counts);
}

/* One plan of build DIR: `ret` is its status. */
static int build_dir_plan(struct pv_build_opts *o, struct pv_project *project, const char *cfg,
			  unsigned flags, struct pv_strmap *folders, size_t *built)
{
	struct pv_build_result r;
	int st;
	pv_build_result_init(&r);
	const char *other = pv_strmap_get(folders, o->outdir);
	if (other) {
		pv_err(&r.err, "its reports would go to '%s', with those of '%s'", o->outdir, other);
		st = PV_BUILD_REFUSED;
	} else {
		st = build_plan(o, project, cfg, &r);
		if (!(flags & PV_TEXT_QUIET) || o->redact)
			show_checked(&r, flags, o->redact);
		show_written(&r, flags);
	}
	dir_summary(st, &r, o->plan_path, o->outdir, o->redact);
	*built += st == PV_BUILD_OK;
	int ret = exit_of(st, &r);
	pv_build_result_release(&r);
	return ret;
}

/* build DIR: every plan `check DIR` would check, each into its own folder
 * under -o (default: reports), and a summary line each; the worst status. */
static int build_dir(struct pv_build_opts *o, struct pv_project *project, const char *cfg,
		     unsigned flags)
{
	struct pv_pathlist plans = PV_PATHLIST_INIT, keys = PV_PATHLIST_INIT;
	struct pv_strmap folders = PV_STRMAP_INIT;
	struct pv_buf folder = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	const char *dir = o->plan_path, *root = o->outdir ? o->outdir : "reports";
	int worst = PV_EXIT_OK;
	size_t built = 0;

	if (pv_input_expand(dir, &plans, &err) < 0) {
		pv_opts_error(&err);
		worst = PV_EXIT_IO;
	} else if (!plans.n) {
		fprintf(stderr, pv_opts_text("pveplan: error: no plan files (*.pve.yaml, plan.yaml) under '%s'\n"), dir);
		worst = PV_EXIT_IO;
	}
	for (size_t i = 0; i < plans.n; i++) {
		plan_folder(root, dir, plans.v[i], &folder);
		o->plan_path = plans.v[i];
		o->outdir = folder.buf;
		int ret = build_dir_plan(o, project, cfg, flags, &folders, &built);
		pv_pathlist_add(&keys, folder.buf);
		pv_strmap_put(&folders, keys.v[keys.n - 1], plans.v[i]);
		worst = ret > worst ? ret : worst;
		fflush(stdout);
	}
	if (plans.n)
		printf(pv_opts_ntext("%zu of %zu plan built into %s\n", "%zu of %zu plans built into %s\n",
				     plans.n), built, plans.n, root);
	pv_strmap_release(&folders);
	pv_pathlist_release(&keys);
	pv_pathlist_release(&plans);
	pv_buf_release(&folder);
	pv_msg_release(&err);
	return worst;
}

static int is_dir(const char *path)
{
	struct stat st;
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cmd_build(int argc, char **argv)
{
	struct pv_build_opts o = PV_BUILD_OPTS_INIT;
	struct pv_project project;
	const char *cfg = NULL;
	unsigned flags = 0;

	int ret = parse_build_opts(argc, argv, &o, &cfg, &flags);
	if (ret >= 0)
		return ret;
	o.check.today = pv_policy_today();
	o.notices = stderr;
	if (pv_color_wanted("auto", NULL))
		flags |= PV_TEXT_COLOR;
	pv_project_init(&project);
	if (is_dir(o.plan_path)) {
		ret = build_dir(&o, &project, cfg, flags);
	} else {
		struct pv_build_result r;
		pv_build_result_init(&r);
		int st = build_plan(&o, &project, cfg, &r);
		if (st >= 0)
			show(st, &r, flags, o.redact);
		ret = exit_of(st, &r);
		pv_build_result_release(&r);
	}
	pv_project_release(&project);
	return ret;
}
