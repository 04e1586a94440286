/* pveplan build: a checked plan rendered as reports a ministry can circulate. */
#include "cmd.h"

#include "pveplan/alloc.h"
#include "pveplan/build.h"
#include "pveplan/check.h"
#include "pveplan/input.h"
#include "pveplan/output.h"
#include "pveplan/render_text.h"
#include "pveplan/report.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { B_OUTPUT, B_FORMAT, B_LANG, B_FORCE, B_REDACT, B_TEMPLATES, B_CONFIG, B_HELP };

static const struct pv_option build_options[] = {
	[B_OUTPUT] = { "output", 'o', "DIR", "folder for the reports (default: the plan's id, in the current folder)" },
	[B_FORMAT] = { "format", 'f', "LIST", "reports to write, comma-separated: md, html, xlsx (default: all)" },
	[B_LANG] = { "lang", 0, "LANG", "report language: ar, en, es, fr, ru or zh (default: the plan's)" },
	[B_FORCE] = { "force", 0, NULL, "write the reports even when the plan has errors, with a 'not valid' banner" },
	[B_REDACT] = { "redact", 0, NULL, "leave out everything marked 'confidential: true'" },
	[B_TEMPLATES] = { "template-dir", 0, "DIR", "page.html and style.css for the HTML report (default: built in)" },
	[B_CONFIG] = { "config", 'c', "FILE", "project configuration (default: .pveplan.yaml found upward)" },
	[B_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help build_help = {
	"build", "[options] PLAN",
	"Check a plan, then write its reports. With error-level findings nothing is\n"
	"written and the status is 1, unless --force. Each report is written to a\n"
	"temporary file and renamed, so a failed build never leaves half a report.",
	"exit status: 0 written, 1 the plan has errors, 2 usage or configuration\n"
	"error, 3 the plan could not be read or a report not written.\n",
	build_options,
	"Write the reports of a checked plan (Markdown, HTML, XLSX)",
};

static int make_dir(const char *dir, struct pv_buf *err)
{
	struct pv_buf p = PV_BUF_INIT;
	int ret = 0;
	pv_buf_adds(&p, dir);
	for (char *s = p.buf + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p.buf, 0777) < 0 && errno != EEXIST) {
			pv_buf_addf(err, "cannot create '%s': %s", p.buf, strerror(errno));
			ret = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	pv_buf_release(&p);
	return ret;
}

int cmd_build(int argc, char **argv)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_project project;
	struct pv_buf src = PV_BUF_INIT, err = PV_BUF_INIT, md = PV_BUF_INIT, path = PV_BUF_INIT;
	struct pv_buf text = PV_BUF_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_policy pol;
	const char *arg = NULL, *plan_path = NULL, *outdir = NULL, *lang_code = NULL, *cfg = NULL;
	const char *templates = NULL;
	int want_md = 1, want_html = 1, want_xlsx = 1;
	struct pv_buf html = PV_BUF_INIT;
	int force = 0, redact = 0, optind_out = 1, ret = PV_EXIT_USAGE;

	pv_project_init(&project);
	pv_plan_init(&plan);
	for (;;) {
		int opt = pv_opts_next(argc, argv, &build_help, &arg, &optind_out);
		if (opt == -1)
			break;
		if (opt == -2)
			goto cleanup;
		if (opt == -3) {
			if (plan_path) {
				pv_opts_usage_error(&build_help, "one plan at a time");
				goto cleanup;
			}
			plan_path = arg;
			continue;
		}
		switch (opt) {
		case B_HELP:
			pv_opts_print_help(stdout, &build_help);
			ret = PV_EXIT_OK;
			goto cleanup;
		case B_OUTPUT:
			outdir = arg;
			break;
		case B_FORMAT: {
			want_md = want_html = want_xlsx = 0;
			struct pv_buf list = PV_BUF_INIT;
			pv_buf_adds(&list, arg);
			int bad = 0;
			for (char *f = list.buf, *next; f && *f; f = next) {
				next = strchr(f, ',');
				if (next)
					*next++ = '\0';
				if (!strcmp(f, "md"))
					want_md = 1;
				else if (!strcmp(f, "html"))
					want_html = 1;
				else if (!strcmp(f, "xlsx"))
					want_xlsx = 1;
				else
					bad = 1;
			}
			pv_buf_release(&list);
			if (bad || (!want_md && !want_html && !want_xlsx)) {
				pv_opts_usage_error(&build_help, "--format takes a list of md, html and xlsx, not '%s'", arg);
				goto cleanup;
			}
			break;
		}
		case B_LANG:
			if (!pv_lang_get(arg)) {
				pv_opts_usage_error(&build_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
				goto cleanup;
			}
			lang_code = arg;
			break;
		case B_FORCE:
			force = 1;
			break;
		case B_REDACT:
			redact = 1;
			break;
		case B_CONFIG:
			cfg = arg;
			break;
		case B_TEMPLATES:
			templates = arg;
			break;
		}
	}
	if (!plan_path && optind_out < argc)
		plan_path = argv[optind_out++];
	if (!plan_path || optind_out < argc) {
		pv_opts_usage_error(&build_help, plan_path ? "one plan at a time" : "which plan?");
		goto cleanup;
	}
	if (pv_project_configure(&project, cfg, plan_path, 0, NULL) < 0)
		goto cleanup;
	o.config = pv_project_config(&project);
	pv_diags_init(&d, !strcmp(plan_path, "-") ? "<stdin>" : plan_path);
	if (pv_input_read(plan_path, o.limits.max_file_size, &src, &err) != PV_READ_OK) {
		fprintf(stderr, "pveplan: error: %s\n", err.len ? err.buf : "the plan is too large");
		ret = PV_EXIT_IO;
		goto cleanup;
	}
	o.today = pv_policy_today();
	int loaded = pv_check_text(src.buf, src.len, &o, &plan, &d, &pol) == 0;
	size_t errors = pv_report_count(&d, PV_SEV_ERROR);
	const struct pv_lang *lang = pv_lang_get(lang_code ? lang_code : plan.plan.language.s);
	if (!lang)
		lang = pv_lang_default();
	if (!loaded || (errors && !force)) {
		const struct pv_lang *fl = pv_lang_has_findings(lang) ? lang : pv_lang_default();
		pv_render_text(&d, src.buf, src.len, PV_TEXT_QUIET, fl, &text);
		fwrite(text.buf, 1, text.len, stderr);
		fprintf(stderr, "pveplan: error: '%s' has %zu error%s: no report written%s\n", d.file,
			errors, errors == 1 ? "" : "s", loaded ? " (--force writes them anyway)" : "");
		ret = PV_EXIT_FINDINGS;
		goto cleanup;
	}
	struct pv_matrix matrix;
	pv_matrix_build(&pol, &d, 1, &matrix);
	struct pv_report_input in = { &plan, &d, &matrix, lang, plan.plan.language.s, redact,
				      errors, pv_now() };
	pv_report_markdown(&in, &md);
	if (!outdir)
		outdir = plan.plan.id.s ? plan.plan.id.s : "report";
	if (make_dir(outdir, &err) < 0) {
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		ret = PV_EXIT_IO;
		goto cleanup;
	}
	/* Render everything first: a template problem must not leave one report
	 * new and the other old. */
	if (want_html && pv_report_html(&in, md.buf, md.len, templates, &html, &err) < 0) {
		fprintf(stderr, "pveplan: error: %s\n", err.buf);
		ret = PV_EXIT_IO;
		goto cleanup;
	}
	static const char *const names[] = { "report.md", "report.html" };
	const struct pv_buf *bodies[] = { &md, &html };
	const int wanted[] = { want_md, want_html };
	for (int i = 0; i < 2; i++) {
		if (!wanted[i])
			continue;
		struct pv_tmpfile t = PV_TMPFILE_INIT;
		pv_buf_reset(&path);
		pv_buf_addf(&path, "%s/%s", outdir, names[i]);
		if (pv_tmpfile_create(&t, path.buf, bodies[i]->buf, bodies[i]->len, &err) < 0 ||
		    pv_tmpfile_commit(&t, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			pv_tmpfile_release(&t);
			ret = PV_EXIT_IO;
			goto cleanup;
		}
		pv_tmpfile_release(&t);
		printf("wrote %s\n", path.buf);
	}
	if (want_xlsx) {
		/* libxlsxwriter writes to a path: the temporary file's, which
		 * has the mode of the other reports. */
		struct pv_tmpfile t = PV_TMPFILE_INIT;
		pv_buf_reset(&path);
		pv_buf_addf(&path, "%s/capacity-needs.xlsx", outdir);
		if (pv_tmpfile_create(&t, path.buf, NULL, 0, &err) < 0 ||
		    pv_report_xlsx(&in, t.tmp, outdir, &err) < 0 || pv_tmpfile_commit(&t, &err) < 0) {
			fprintf(stderr, "pveplan: error: %s\n", err.buf);
			pv_tmpfile_release(&t);
			ret = PV_EXIT_IO;
			goto cleanup;
		}
		pv_tmpfile_release(&t);
		printf("wrote %s\n", path.buf);
	}
	ret = PV_EXIT_OK;
cleanup:
	pv_plan_release(&plan);
	pv_diags_release(&d);
	pv_project_release(&project);
	pv_buf_release(&src);
	pv_buf_release(&err);
	pv_buf_release(&md);
	pv_buf_release(&html);
	pv_buf_release(&path);
	pv_buf_release(&text);
	return ret;
}
