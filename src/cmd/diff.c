/* pveplan diff OLD NEW: two drafts of a plan compared as an adviser's
 * review would (the work is the compare stage's, src/compare/). */
#include "cmd.h"

#include "pveplan/compare.h"

#include <stdlib.h>
#include <string.h>

enum { D_FORMAT, D_LANG, D_REDACT, D_FAIL_ON_NEW, D_CONFIG, D_TEMPLATES, D_HELP };

static const struct pv_option diff_options[] = {
	[D_FORMAT] = { "format", 'f', "FORMAT", "text (default), md (a pull-request comment), html (one self-contained page) or json" },
	[D_LANG] = { "lang", 0, "LANG", "language of the comparison: ar, en, es, fr, ru or zh (default: the new draft's, else en)" },
	[D_REDACT] = { "redact", 0, NULL, "leave out what 'build --redact' hides: every item confidential in either draft, the findings about them, their ids in other items' fields; totals are the redacted reports'" },
	[D_FAIL_ON_NEW] = { "fail-on-new", 0, NULL, "exit with status 1 when the new draft has an error-level finding the old one had not" },
	[D_CONFIG] = { "config", 'c', "FILE", "project configuration for both drafts (default: .pveplan.yaml found upward from NEW)" },
	[D_TEMPLATES] = { "template-dir", 0, "DIR", "page.html and style.css for the HTML page (default: built in)" },
	[D_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help diff_help = {
	"diff", "[options] OLD NEW",
	"Compare two drafts of a plan: the plan itself, its priorities, objectives,\n"
	"actions, indicators, capacity needs, stakeholders, risks, consultations and\n"
	"accepted deviations added, removed and changed (matched by id, each changed\n"
	"field old -> new, with a hint where an id was probably renamed), the totals, the\n"
	"coverage of the seven areas, the four pillars and the sectors involved, the\n"
	"findings resolved, new and unchanged, and the rules of the compliance matrix\n"
	"whose state changed. Each draft is checked as 'pveplan check' checks it.\n"
	"OLD and NEW are files, '-' (standard input, for one of them), or REV:PATH, a\n"
	"file in a git revision, read with 'git show REV:PATH' (git runs without a\n"
	"shell; PATH is relative to the top of the repository, or './PATH' to the\n"
	"current folder). An existing file is a file even with a ':' in its name.\n"
	"The Markdown fits a pull-request comment (65,536 characters): when it\n"
	"would not, the items and findings that do not fit are left out, and it says\n"
	"how many.\n"
	"With --redact, nothing of an item marked 'confidential: true' in either\n"
	"draft is shown: not the item (an item that became confidential is not shown\n"
	"as removed), its id in another item's fields, a finding about it, or its\n"
	"amounts (an item confidential in one draft is so in both, and the totals\n"
	"and counts are computed as 'build --redact' computes them, over the items\n"
	"shown); the comparison says how many findings it leaves out.",
	"exit status: 0 compared, 1 --fail-on-new and the new draft has a new\n"
	"error-level finding, 2 usage or configuration error, 3 a draft could not be\n"
	"read.\n",
	diff_options,
	"Compare two drafts of a plan (text, Markdown, HTML, JSON)",
	NULL,
};

enum format { F_TEXT, F_MD, F_HTML, F_JSON };

struct diff_opts {
	enum format format;
	const struct pv_lang *lang;
	int fail_on_new, redact;
	const char *config, *template_dir;
	const char *paths[2];
};

static int diff_option(int opt, const char *arg, struct diff_opts *o)
{
	static const char *const formats[] = { "text", "md", "html", "json" };
	switch (opt) {
	case D_HELP:
		pv_opts_print_help(stdout, &diff_help);
		return PV_EXIT_OK;
	case D_FORMAT:
		for (size_t i = 0; i <= PV_ARRAY_SIZE(formats); i++)
			if (i == PV_ARRAY_SIZE(formats))
				return pv_opts_usage_error(&diff_help, "--format takes text, md, html or json, not '%s'", arg);
			else if (!strcmp(arg, formats[i])) {
				o->format = (enum format)i;
				break;
			}
		break;
	case D_LANG:
		if (!pv_lang_get(arg))
			return pv_opts_usage_error(&diff_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
		o->lang = pv_lang_get(arg);
		break;
	case D_REDACT:
		o->redact = 1;
		break;
	case D_FAIL_ON_NEW:
		o->fail_on_new = 1;
		break;
	case D_CONFIG:
		o->config = arg;
		break;
	case D_TEMPLATES:
		if (!*arg)
			return pv_opts_usage_error(&diff_help, "--template-dir needs the name of a folder");
		o->template_dir = arg;
		break;
	}
	return -1;
}

/* -1 to go on, else the exit status (help, usage error). */
static int parse(int argc, char **argv, struct diff_opts *o)
{
	const char *arg = NULL;
	int optind_out = 1, n = 0, ret;
	for (int opt; (opt = pv_opts_next(argc, argv, &diff_help, &arg, &optind_out)) != -1;) {
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3 && n == 2)
			return pv_opts_usage_error(&diff_help, "two drafts: OLD and NEW");
		if (opt == -3)
			o->paths[n++] = arg;
		else if ((ret = diff_option(opt, arg, o)) >= 0)
			return ret;
	}
	while (optind_out < argc && n < 2)
		o->paths[n++] = argv[optind_out++];
	if (n != 2 || optind_out < argc)
		return pv_opts_usage_error(&diff_help, "two drafts: OLD and NEW");
	if (!strcmp(o->paths[0], "-") && !strcmp(o->paths[1], "-"))
		return pv_opts_usage_error(&diff_help, "standard input ('-') can be one draft, not both");
	return -1;
}

/* The new draft's language when the comparison has its labels. */
static const struct pv_lang *language(const struct diff_opts *o, const struct pv_diff_side *new)
{
	const char *l = new->plan.plan.language.s;
	if (o->lang)
		return o->lang;
	return pv_lang_get(l) ? pv_lang_get(l) : pv_lang_default();
}

static int render(const struct diff_opts *o, const struct pv_diff *d)
{
	struct pv_buf out = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	int ret = PV_EXIT_OK;
	if (o->format == F_TEXT)
		pv_diff_render_text(d, &out);
	else if (o->format == F_MD)
		pv_diff_render_markdown(d, PV_DIFF_MD_LIMIT, &out);
	else if (o->format == F_JSON)
		pv_diff_render_json(d, &out);
	else if (pv_diff_render_html(d, o->template_dir, &out, &err) < 0) {
		pv_opts_error(&err);
		ret = PV_EXIT_IO;
	}
	fwrite(out.buf, 1, out.len, stdout);
	pv_buf_release(&out);
	pv_msg_release(&err);
	return ret;
}

int cmd_diff(int argc, char **argv)
{
	struct diff_opts o = { F_TEXT, NULL, 0, 0, NULL, NULL, { NULL, NULL } };
	struct pv_check_opts co = PV_CHECK_OPTS_INIT;
	struct pv_diff_side sides[2];
	struct pv_project project;
	struct pv_msg err = { 0 };
	struct pv_diff d;
	int ret = parse(argc, argv, &o), loaded = 0;
	if (ret >= 0)
		return ret;
	pv_project_init(&project);
	ret = PV_EXIT_USAGE;
	/* One configuration for both drafts, so a finding's severity changes
	 * with the plan, not with where each draft was read from. */
	char *rev = NULL, *path = NULL;
	const char *near = pv_diff_is_revision(o.paths[1], &rev, &path) ? "." : o.paths[1];
	free(rev);
	free(path);
	if (pv_project_configure(&project, o.config, near, 0, NULL) < 0)
		goto cleanup;
	co.config = pv_project_config(&project);
	co.today = pv_policy_today();
	ret = PV_EXIT_IO;
	for (; loaded < 2; loaded++)
		if (pv_diff_side_load(&sides[loaded], o.paths[loaded], &co, &err) < 0) {
			pv_opts_error(&err);
			pv_diff_side_release(&sides[loaded]);
			goto cleanup;
		}
	if (o.redact)
		pv_diff_redact_both(&sides[0], &sides[1]);
	pv_diff_compute(&d, &sides[0], &sides[1], language(&o, &sides[1]), o.redact);
	ret = render(&o, &d);
	if (ret == PV_EXIT_OK && o.fail_on_new && d.new_errors)
		ret = PV_EXIT_FINDINGS;
	pv_diff_release(&d);
cleanup:
	while (loaded > 0)
		pv_diff_side_release(&sides[--loaded]);
	pv_project_release(&project);
	pv_msg_release(&err);
	return ret;
}
