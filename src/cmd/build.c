/* pveplan build: a checked plan rendered as reports a ministry can circulate
 * (the work is pv_build's, src/report/build.c). */
#include "cmd.h"

#include "pveplan/report.h"
#include "pveplan/output.h"

#include <string.h>

_Static_assert((int)PV_BUILD_OK == (int)PV_EXIT_OK &&
		       (int)PV_BUILD_FINDINGS == (int)PV_EXIT_FINDINGS &&
		       (int)PV_BUILD_REFUSED == (int)PV_EXIT_USAGE && (int)PV_BUILD_IO == (int)PV_EXIT_IO,
	       "pv_build's statuses are the exit statuses of build");

enum { B_OUTPUT, B_FORMAT, B_LANG, B_FORCE, B_REDACT, B_TEMPLATES, B_CONFIG, B_QUIET, B_HELP };

static const struct pv_option build_options[] = {
	[B_OUTPUT] = { "output", 'o', "DIR", "folder for the reports (default: the plan's id, in the current folder)" },
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
	"build", "[options] PLAN",
	"Check a plan, then write its reports into a folder: report.md, report.html\n"
	"and capacity-needs.xlsx. The findings are printed as check prints them,\n"
	"with the summary line, then 'wrote FILE' for each report. With error-level\n"
	"findings nothing is written and the status is 1; --force writes the reports\n"
	"anyway, and the status is still 1. All reports are rendered to temporary files\n"
	"in the folder, then renamed into place together, so a failed build leaves\n"
	"the previous reports as they were; a build into a folder another build is\n"
	"writing to waits for it. A report that would overwrite an input (the plan,\n"
	"the configuration, a template) is refused; a symbolic link at a report's\n"
	"name is replaced, never followed.",
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
	if (!o->plan_path || optind_out < argc)
		return pv_opts_usage_error(&build_help, o->plan_path ? "one plan at a time" : "which plan?");
	return -1;
}

/* The findings and the summary line, on standard output as check prints
 * them (--quiet: the summary line only), once the plan was checked. */
static void show_findings(const struct pv_build_result *r, unsigned flags)
{
	struct pv_buf text = PV_BUF_INIT;
	const struct pv_lang *fl = pv_lang_has_findings(r->lang) ? r->lang : pv_lang_default();
	if (!(flags & PV_TEXT_QUIET))
		pv_render_text(&r->diags, r->src.buf, r->src.len, flags, fl, &text);
	pv_render_summary(r->errors, pv_diags_count(&r->diags, PV_SEV_WARNING),
			  pv_diags_count(&r->diags, PV_SEV_INFO), pv_diags_waived(&r->diags), 1,
			  flags, fl, &text);
	fwrite(text.buf, 1, text.len, stdout);
	pv_buf_release(&text);
}

static void show(int status, const struct pv_build_result *r, unsigned flags, int redact)
{
	/* The findings quote the plan (snippets, ids, amounts) and count
	 * confidential items: under --redact none of that may reach an output,
	 * the terminal included, so they are left to check. */
	if (r->lang && redact)
		puts("findings not shown under --redact: 'pveplan check' shows them");
	else if (r->lang)
		show_findings(r, flags);
	if (!(flags & PV_TEXT_QUIET))
		for (size_t i = 0; i < r->written.n; i++)
			printf("wrote %s\n", r->written.v[i]);
	fflush(stdout);
	if (status == PV_BUILD_FINDINGS)
		fprintf(stderr, "pveplan: error: '%s' has %zu error%s: no report written%s\n",
			r->diags.file, r->errors, r->errors == 1 ? "" : "s",
			r->loaded ? " (--force writes them anyway)" : "");
	else if (status != PV_BUILD_OK)
		fprintf(stderr, "pveplan: error: %s\n", r->err.buf);
}

int cmd_build(int argc, char **argv)
{
	struct pv_build_opts o = PV_BUILD_OPTS_INIT;
	struct pv_build_result r;
	struct pv_project project;
	const char *cfg = NULL;
	unsigned flags = 0;

	int ret = parse_build_opts(argc, argv, &o, &cfg, &flags);
	if (ret >= 0)
		return ret;
	pv_project_init(&project);
	pv_build_result_init(&r);
	ret = PV_EXIT_USAGE;
	if (pv_project_configure(&project, cfg, o.plan_path, 0, NULL) < 0)
		goto cleanup;
	o.check.config = pv_project_config(&project);
	o.config_path = project.path;
	o.check.today = pv_policy_today();
	o.notices = stderr;
	if (pv_color_wanted("auto", NULL))
		flags |= PV_TEXT_COLOR;
	ret = pv_build(&o, &r);
	show(ret, &r, flags, o.redact);
	/* Written under --force or not, a plan with errors is not valid. */
	if (ret == PV_BUILD_OK && r.errors)
		ret = PV_EXIT_FINDINGS;
cleanup:
	pv_build_result_release(&r);
	pv_project_release(&project);
	return ret;
}
