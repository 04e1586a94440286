#include "opts.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"
#include "pveplan/read.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* The language of pveplan's own words (help, usage errors): --lang of the
 * command line, else the locale's (LC_ALL, LC_MESSAGES, LANG, as gettext
 * looks), else English. Set once by main before any command runs. */
static const struct pv_lang *ui_lang;

static const struct pv_lang *locale_lang(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		char code[3] = { v[0], v[0] ? v[1] : 0, 0 };
		/* "es_MX.UTF-8", "ar", but not "C" or "POSIX" */
		if (strlen(v) >= 2 && (v[2] == 0 || v[2] == '_' || v[2] == '.' || v[2] == '@'))
			return pv_lang_get(code);
		return NULL;
	}
	return NULL;
}

void pv_opts_init_lang(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		const char *v = !strcmp(argv[i], "--lang") && i + 1 < argc ? argv[i + 1]
			      : !strncmp(argv[i], "--lang=", 7) ? argv[i] + 7 : NULL;
		if (v && pv_lang_get(v)) {
			ui_lang = pv_lang_get(v);
			return;
		}
	}
	ui_lang = locale_lang();
}

const struct pv_lang *pv_opts_lang(void)
{
	return ui_lang;
}

const char *pv_opts_text(const char *msgid)
{
	return pv_lang_message(ui_lang, msgid);
}

const char *pv_opts_ntext(const char *singular, const char *plural, unsigned long long n)
{
	return pv_lang_nmessage(ui_lang, singular, plural, n);
}

char *pv_opts_reason(const struct pv_msg *err)
{
	return pv_msg_text(err, ui_lang);
}

void pv_opts_error(const struct pv_msg *err)
{
	char *why = pv_opts_reason(err);
	fflush(stdout);
	fprintf(stderr, pv_opts_text("pveplan: error: %s\n"), why);
	free(why);
}

static void print_options(FILE *f, const struct pv_option *o)
{
	for (; o->name; o++) {
		struct pv_buf b = PV_BUF_INIT;
		if (o->short_name)
			pv_buf_addf(&b, "-%c, ", o->short_name);
		else
			pv_buf_adds(&b, "    ");
		pv_buf_addf(&b, "--%s", o->name);
		if (o->arg)
			pv_buf_addf(&b, " %s", o->arg);
		if (b.len < 24)
			fprintf(f, "  %-24s %s\n", b.buf, pv_opts_text(o->help));
		else
			fprintf(f, "  %s\n  %-24s %s\n", b.buf, "", pv_opts_text(o->help));
		pv_buf_release(&b);
	}
}

void pv_opts_print_help(FILE *f, const struct pv_command_help *h)
{
	fprintf(f, pv_opts_text("usage: pveplan %s %s\n"), h->name, h->synopsis);
	fprintf(f, "\n%s\n", pv_opts_text(h->summary));
	if (h->options && h->options[0].name) {
		fprintf(f, "\n%s\n", pv_opts_text("options:"));
		print_options(f, h->options);
	}
	if (h->limits) {
		fprintf(f, "\n%s\n",
			pv_opts_text("limits (a plan beyond one gets an FMT007 error; sizes take K, M or G):"));
		print_options(f, h->limits);
	}
	if (h->body)
		fprintf(f, "\n%s", pv_opts_text(h->body));
}

int pv_opts_usage_error(const struct pv_command_help *h, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, pv_opts_text("pveplan %s: error: "), h->name);
	va_start(ap, fmt);
	vfprintf(stderr, pv_opts_text(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, pv_opts_text("usage: pveplan %s %s\n"), h->name, h->synopsis);
	fprintf(stderr, pv_opts_text("See 'pveplan help %s'.\n"), h->name);
	return 2;
}

int pv_opts_next(int argc, char **argv, const struct pv_command_help *h, const char **arg,
		 int *optind_out)
{
	size_t n = 0, nl = 0;
	while (h->options[n].name)
		n++;
	while (h->limits && h->limits[nl].name)
		nl++;
	struct option *lo = xcalloc(n + nl + 1, sizeof(*lo));
	struct pv_buf shorts = PV_BUF_INIT;
	pv_buf_adds(&shorts, "+:");	/* stop at "--"; report missing arguments */
	for (size_t i = 0; i < nl; i++) {
		lo[n + i].name = h->limits[i].name;
		lo[n + i].has_arg = h->limits[i].arg ? required_argument : no_argument;
		lo[n + i].val = 256 + PV_OPT_LIMIT + (int)i;
	}
	for (size_t i = 0; i < n; i++) {
		lo[i].name = h->options[i].name;
		lo[i].has_arg = h->options[i].arg ? required_argument : no_argument;
		lo[i].val = 256 + (int)i;
		if (h->options[i].short_name) {
			pv_buf_addch(&shorts, h->options[i].short_name);
			if (h->options[i].arg)
				pv_buf_addch(&shorts, ':');
		}
	}
	/* Operands may come before options ("check a.yaml --quiet"): permute. */
	shorts.buf[0] = '-';
	opterr = 0;
	int ret;
	for (;;) {
		int c = getopt_long(argc, argv, shorts.buf, lo, NULL);
		if (c == -1) {
			ret = -1;
			break;
		}
		if (c == 1) {
			/* An operand, returned in order with '-' mode: collect it. */
			ret = -3;
			*arg = optarg;
			break;
		}
		if (c == '?' || c == ':') {
			const char *bad = argv[optind - 1];
			if (c == ':')
				pv_opts_usage_error(h, "option '%s' needs a value", bad);
			else if (optopt)
				pv_opts_usage_error(h, "unknown option '-%c'", optopt);
			else
				pv_opts_usage_error(h, "unknown option '%s'", bad);
			ret = -2;
			break;
		}
		if (c >= 256) {
			ret = c - 256;
			*arg = optarg;
			break;
		}
		for (size_t i = 0; i < n; i++)
			if (h->options[i].short_name == c) {
				ret = (int)i;
				*arg = optarg;
				goto out;
			}
	}
out:
	*optind_out = optind;
	free(lo);
	pv_buf_release(&shorts);
	return ret;
}

int pv_opts_parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *s == '-')
		return -1;
	uint64_t mul = 1;
	if (*end == 'K' || *end == 'k')
		mul = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		mul = 1024 * 1024, end++;
	else if (*end == 'G' || *end == 'g')
		mul = 1024ull * 1024 * 1024, end++;
	if (*end || (mul > 1 && v > UINT64_MAX / mul))
		return -1;
	*out = v * mul;
	return 0;
}

int pv_opts_parse_count(const char *s, uint64_t *out)
{
	return pv_opts_parse_size(s, out) < 0 || strpbrk(s, "KkMmGg") ? -1 : 0;
}

/* A YAML file's name without its ending (0 when it is not one): wider
 * than what `check` discovers in a folder, so that a mistyped ending
 * (plan.yaml for plan.pve.yaml) still finds the file meant. */
static size_t plan_stem(const char *name)
{
	static const char *const ends[] = { ".pve.yaml", ".pve.yml", ".yaml", ".yml" };
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t e = strlen(ends[i]);
		if (n > e && !strcmp(name + n - e, ends[i]))
			return n - e;
	}
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void pv_opts_plans_in(const char *dir, int any_yaml, struct pv_pathlist *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t first = out->n;
	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' &&
		    (any_yaml ? plan_stem(e->d_name) != 0 : pv_input_is_plan_name(e->d_name)))
			pv_pathlist_add(out, e->d_name);
	if (d)
		closedir(d);
	if (out->n > first)	/* qsort of an empty list may be given NULL */
		qsort(out->v + first, out->n - first, sizeof(*out->v), cmp_names);
}

void pv_opts_missing_hint(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	struct pv_buf dir = PV_BUF_INIT;
	struct pv_pathlist here = PV_PATHLIST_INIT;
	if (slash)
		pv_buf_add(&dir, path, (size_t)(slash - path) + 1);
	else
		pv_buf_adds(&dir, ".");
	pv_opts_plans_in(dir.buf, 1, &here);
	size_t stem = plan_stem(base), best = SIZE_MAX;
	const char *pick = NULL;
	for (size_t i = 0; i < here.n; i++) {
		/* plan.yaml for plan.pve.yaml: the same name, another ending. */
		size_t s = plan_stem(here.v[i]), max = (stem ? stem : strlen(base)) / 3;
		char *a = xstrndup(base, stem ? stem : strlen(base)), *b = xstrndup(here.v[i], s);
		size_t d = !strcmp(a, b) ? 0 : pv_edit_distance(a, b, max ? max : 1);
		free(a);
		free(b);
		if (d <= (max ? max : 1) && d < best && strcmp(here.v[i], base))
			best = d, pick = here.v[i];
	}
	if (pick) {
		struct pv_buf shown = PV_BUF_INIT;
		pv_buf_add(&shown, path, (size_t)(base - path));
		pv_buf_adds(&shown, pick);
		struct pv_buf vis = PV_BUF_INIT;
		pv_buf_add_visible(&vis, shown.buf, shown.len);
		fprintf(stderr, pv_opts_text("help: did you mean '%s'?\n"), vis.buf);
		pv_buf_release(&vis);
		pv_buf_release(&shown);
	}
	pv_pathlist_release(&here);
	pv_buf_release(&dir);
}

int pv_opts_no_plan(const struct pv_command_help *h)
{
	struct pv_pathlist here = PV_PATHLIST_INIT;
	struct pv_buf vis = PV_BUF_INIT;
	fprintf(stderr, pv_opts_text("pveplan %s: error: no plan given: name a plan file, or '-' to read "
		"standard input\n"), h->name);
	pv_opts_plans_in(".", 0, &here);
	if (here.n == 1) {
		pv_buf_add_visible(&vis, here.v[0], strlen(here.v[0]));
		fprintf(stderr, pv_opts_text("help: this folder has one plan file: pveplan %s %s\n"), h->name,
			vis.buf);
	} else if (here.n) {
		fputs(pv_opts_text("help: plan files in this folder: "), stderr);
		for (size_t i = 0; i < here.n && i < 4; i++) {
			pv_buf_reset(&vis);
			pv_buf_add_visible(&vis, here.v[i], strlen(here.v[i]));
			fprintf(stderr, "%s%s", i ? pv_lang_label(pv_opts_lang(), "list.comma") : "", vis.buf);
		}
		if (here.n > 4)
			fprintf(stderr, pv_opts_text(" (and %zu more)"), here.n - 4);
		pv_buf_reset(&vis);
		pv_buf_add_visible(&vis, here.v[0], strlen(here.v[0]));
		fprintf(stderr, pv_opts_text("; name one, as in: pveplan %s %s\n"), h->name, vis.buf);
	}
	fprintf(stderr, pv_opts_text("usage: pveplan %s %s\nSee 'pveplan help %s'.\n"), h->name, h->synopsis,
		h->name);
	pv_pathlist_release(&here);
	pv_buf_release(&vis);
	return 2;
}
