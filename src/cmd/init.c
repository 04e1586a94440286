/* pveplan init: a new plan file from the scaffold of templates/init/. */
#include "cmd.h"

#include "pveplan/model.h"
#include "pveplan/read.h"
#include "report/embedded.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { I_SCOPE, I_LANG, I_COUNTRY, I_ORG, I_MEMBERS, I_TITLE, I_HELP };

static const struct pv_option init_options[] = {
	[I_SCOPE] = { "scope", 0, "SCOPE", "national (default) or regional" },
	[I_LANG] = { "lang", 0, "LANG", "language of the comments and placeholders: ar, en (default), es, fr, ru or zh" },
	[I_COUNTRY] = { "country", 0, "CODE", "national plan: the country, an ISO 3166-1 code such as ML (default: XX, to replace)" },
	[I_ORG] = { "organization", 0, "NAME", "regional plan: the regional organization" },
	[I_MEMBERS] = { "member-states", 0, "LIST", "regional plan: the member states, comma-separated codes such as ML,NE (default: XA,XB, to replace)" },
	[I_TITLE] = { "title", 0, "TEXT", "the title of the plan" },
	[I_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help init_help = {
	"init", "[options] [PATH]",
	"Write a new plan to PATH (default: plan.pve.yaml; '-': standard output):\n"
	"every section of the format, each with a comment saying what it is for and\n"
	"which rules read it, and \"TO COMPLETE: ...\" placeholders. Keys are in\n"
	"English; comments and placeholders in the language of --lang. The new plan\n"
	"has no FMT, REF or CON finding; init then lists the PVE findings it still\n"
	"has (with the default configuration), one a line, as the next steps (in\n"
	"the same language).\n"
	"An existing file is never overwritten.",
	"exit status: 0 written, 2 usage error or PATH exists (nothing written), 3\n"
	"the file could not be written.\n",
	init_options,
	"Write a new plan to complete, from a scaffold",
	NULL,
};

struct init {
	const char *lang, *country, *org, *members, *title, *path;
	int regional;
	const struct pv_embedded *tpl;
};

/* A YAML double-quoted scalar that reads back as exactly `s`: whatever the
 * text holds (': ', ' #', quotes, line breaks), it stays one value. */
static void yaml_quote(struct pv_buf *out, const char *s)
{
	size_t len = strlen(s);
	pv_buf_addch(out, '"');
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = pv_utf8_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\')
			pv_buf_addf(out, "\\%c", (int)cp);
		else if (pv_utf8_is_unsafe(cp))	/* controls, line separators, bidi, BOM */
			pv_buf_addf(out, cp < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
		else
			pv_buf_add(out, s + i, n);
		i += n;
	}
	pv_buf_addch(out, '"');
}

/* Whether `s` is valid UTF-8 (a YAML file must be). */
static int is_utf8(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = pv_utf8_decode(s + i, len - i, &cp);
		if (cp == 0xfffd && strncmp(s + i, "\xef\xbf\xbd", 3))
			return 0;
		i += n;
	}
	return 1;
}

/* The text after "@@KIND KEY " in the template, up to the end of its line,
 * in `out`; the directives carry the words that differ by language. */
static void directive(const struct pv_embedded *tpl, const char *kind, const char *key,
		      struct pv_buf *out)
{
	struct pv_buf head = PV_BUF_INIT;
	pv_buf_addf(&head, "@@%s %s ", kind, key);
	for (const char *p = tpl->data; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, head.buf, head.len))
			continue;
		p += head.len;
		pv_buf_add(out, p, strcspn(p, "\n"));
		break;
	}
	pv_buf_release(&head);
}

/* Appends the value of the placeholder @NAME@ (`n` bytes at `name`). */
static void substitute(const struct init *in, const char *name, size_t n, struct pv_buf *out)
{
	char year[32];
	pv_format_timestamp(pv_now(), year);
	int y = atoi(year);
#define IS(s) (n == strlen(s) && !strncmp(name, s, n))
	if (IS("TITLE") || IS("ORGANIZATION")) {
		const char *v = IS("TITLE") ? in->title : in->org;
		struct pv_buf d = PV_BUF_INIT;
		if (!v)
			directive(in->tpl, "default", IS("TITLE") ? "TITLE" : "ORGANIZATION", &d);
		yaml_quote(out, v ? v : d.buf ? d.buf : "");
		pv_buf_release(&d);
	} else if (IS("COUNTRY")) {
		pv_buf_adds(out, in->country ? in->country : "XX");
	} else if (IS("MEMBER_STATES")) {
		pv_buf_addch(out, '[');
		for (const char *p = in->members ? in->members : "XA,XB"; *p; p++)
			pv_buf_adds(out, *p == ',' ? ", " : (char[]){ *p, 0 });
		pv_buf_addch(out, ']');
	} else if (IS("LANG")) {
		pv_buf_adds(out, in->lang);
	} else if (IS("START") || IS("END") || IS("MID")) {
		/* The five years after this one: a period to correct, but valid. */
		pv_buf_addf(out, "%d", y + (IS("START") ? 1 : IS("END") ? 5 : 3));
	} else {
		pv_buf_addf(out, "@%.*s@", (int)n, name);
	}
#undef IS
}

/* The scaffold for `in`: the template's lines of its scope, placeholders
 * filled in, directives (@@...) left out. */
static void expand(const struct init *in, struct pv_buf *out)
{
	int keep = 1;
	for (const char *p = in->tpl->data; *p;) {
		size_t n = strcspn(p, "\n");
		const char *next = p + n + (p[n] == '\n');
		if (!strncmp(p, "@@", 2)) {
			if (!strncmp(p, "@@national", n) && n == 10)
				keep = !in->regional;
			else if (!strncmp(p, "@@regional", n) && n == 10)
				keep = in->regional;
			else if (!strncmp(p, "@@end", n) && n == 5)
				keep = 1;
			p = next;
			continue;
		}
		for (const char *q = p; keep && q < p + n;) {
			const char *at = memchr(q, '@', (size_t)(p + n - q));
			const char *close = at ? memchr(at + 1, '@', (size_t)(p + n - at - 1)) : NULL;
			if (!close) {
				pv_buf_add(out, q, (size_t)(p + n - q));
				break;
			}
			pv_buf_add(out, q, (size_t)(at - q));
			substitute(in, at + 1, (size_t)(close - at - 1), out);
			q = close + 1;
		}
		if (keep && p[n] == '\n')
			pv_buf_addch(out, '\n');
		p = next;
	}
}

/* Whether `list` is comma-separated country codes, at least two, none twice. */
static int member_states_ok(const char *list)
{
	size_t n = 0;
	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		char code[8];
		if (len != 2)
			return 0;
		memcpy(code, p, 2);
		code[2] = 0;
		if (!pv_is_country(code) || (strstr(list, code) != p))
			return 0;
		n++;
		p += len + (p[len] == ',');
		if (p[-1] == ',' && !*p)
			return 0;
	}
	return n >= 2;
}

/* A language or country written as its name gets the code to write, as the
 * loader's hints give it: refused with the exact fix rather than guessed,
 * so that the command line that works is the one the drafter sees. */
static int lang_error(const char *got)
{
	const char *code = pv_model_code_for_name(PV_CODE_LANGUAGE, got);
	char name[64], lower[3] = { 0 };
	if (strlen(got) == 2) {
		lower[0] = (char)tolower((unsigned char)got[0]);
		lower[1] = (char)tolower((unsigned char)got[1]);
		snprintf(name, sizeof(name), "templates/init/plan.%s.yaml", lower);
		if (strcmp(lower, got) && pv_embedded_find(name))
			return pv_opts_usage_error(&init_help, "--lang takes ar, en, es, fr, ru or zh, in lower case, not '%s': write --lang %s", got, lower);
	}
	snprintf(name, sizeof(name), "templates/init/plan.%s.yaml", code ? code : "");
	if (code && pv_embedded_find(name))
		return pv_opts_usage_error(&init_help, "--lang takes a language code, not its name '%s': write --lang %s", got, code);
	if (code)
		return pv_opts_usage_error(&init_help, "'%s' is the language %s; the scaffold is written in ar, en, es, fr, ru or zh: write one of them with --lang", got, code);
	return pv_opts_usage_error(&init_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", got);
}

static int country_error(const char *got)
{
	char upper[3] = { 0 };
	const char *code = NULL;
	if (strlen(got) == 2) {
		upper[0] = (char)toupper((unsigned char)got[0]);
		upper[1] = (char)toupper((unsigned char)got[1]);
		code = pv_is_country(upper) ? upper : NULL;
	}
	if (!code)
		code = pv_model_code_for_name(PV_CODE_COUNTRY, got);
	if (code)
		return pv_opts_usage_error(&init_help, "--country takes an ISO 3166-1 two-letter code in capitals, not '%s': write --country %s", got, code);
	return pv_opts_usage_error(&init_help, "--country takes an ISO 3166-1 two-letter code in capitals (ML, BD), not '%s'", got);
}

/* Checks the options against one another; 0, or the usage error's status. */
static int validate(struct init *in, const char *scope)
{
	if (scope && strcmp(scope, "national") && strcmp(scope, "regional"))
		return pv_opts_usage_error(&init_help, "--scope takes national or regional, not '%s'", scope);
	in->regional = scope && !strcmp(scope, "regional");
	char name[64];
	snprintf(name, sizeof(name), "templates/init/plan.%s.yaml", in->lang);
	if (strlen(in->lang) > 8 || !(in->tpl = pv_embedded_find(name)))
		return lang_error(in->lang);
	if (in->regional && in->country)
		return pv_opts_usage_error(&init_help, "--country is for a national plan; a regional plan has --member-states");
	if (!in->regional && (in->org || in->members))
		return pv_opts_usage_error(&init_help, "--%s is for a regional plan (--scope regional)",
					   in->org ? "organization" : "member-states");
	if (in->country && !pv_is_country(in->country))
		return country_error(in->country);
	if (in->members && !member_states_ok(in->members))
		return pv_opts_usage_error(&init_help, "--member-states takes two or more different country codes, comma-separated (ML,NE), not '%s'", in->members);
	const char *texts[] = { in->title, in->org };
	for (size_t i = 0; i < 2; i++)
		if (texts[i] && (!*texts[i] || !is_utf8(texts[i])))
			return pv_opts_usage_error(&init_help, "--%s needs a text in UTF-8",
						   i ? "organization" : "title");
	return 0;
}

static int parse(int argc, char **argv, struct init *in)
{
	const char *arg = NULL, *scope = NULL;
	int optind_out = 1;
	for (int opt; (opt = pv_opts_next(argc, argv, &init_help, &arg, &optind_out)) != -1;) {
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3 && in->path)
			return pv_opts_usage_error(&init_help, "one file at a time");
		const char **slot[] = { [I_SCOPE] = &scope, [I_LANG] = &in->lang,
					[I_COUNTRY] = &in->country, [I_ORG] = &in->org,
					[I_MEMBERS] = &in->members, [I_TITLE] = &in->title };
		if (opt == -3) {
			in->path = arg;
		} else if (opt == I_HELP) {
			pv_opts_print_help(stdout, &init_help);
			return PV_EXIT_OK;
		} else {
			*slot[opt] = arg;
		}
	}
	if (!in->path && optind_out < argc)
		in->path = argv[optind_out++];
	if (optind_out < argc)
		return pv_opts_usage_error(&init_help, "one file at a time");
	if (!in->path)
		in->path = "plan.pve.yaml";
	if (!*in->path)
		return pv_opts_usage_error(&init_help, "the file name is empty");
	return validate(in, scope) ? PV_EXIT_USAGE : -1;
}

static int exists_error(const char *path)
{
	fprintf(stderr, pv_opts_text("pveplan: error: '%s' already exists; pveplan init never overwrites a "
		"file: give another name, or move the file away first\n"), path);
	return PV_EXIT_USAGE;
}

/* Writes the scaffold to in->path, never over a file; the exit status. */
static int write_new(const struct init *in, const struct pv_buf *text)
{
	struct pv_tmpfile t = PV_TMPFILE_INIT;
	struct pv_msg err = { 0 };
	struct stat st;
	int ret = PV_EXIT_OK;
	if (lstat(in->path, &st) == 0)
		return exists_error(in->path);
	int r = pv_tmpfile_create(&t, in->path, text->buf, text->len, &err);
	if (r == 0)
		r = pv_tmpfile_commit_new(&t, &err);
	if (r == -2)
		ret = exists_error(in->path);
	else if (r < 0)
		ret = PV_EXIT_IO;
	if (r == -1)
		pv_opts_error(&err);
	pv_tmpfile_release(&t);
	pv_msg_release(&err);
	return ret;
}

/* The findings the new plan still has, one a line, as the next steps. */
static void next_steps(const struct init *in, const struct pv_buf *text, FILE *f)
{
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_buf line = PV_BUF_INIT, word = PV_BUF_INIT;
	const struct pv_lang *lang = pv_lang_get(in->lang);
	if (!pv_lang_has_findings(lang))
		lang = pv_lang_default();
	pv_plan_init(&plan);
	pv_diags_init(&d, in->path);
	pv_check_text(text->buf, text->len, &o, &plan, &d, NULL);
	directive(in->tpl, "say", d.nr ? "next" : "clean", &line);
	fprintf(f, "%s\n", line.buf ? line.buf : "");
	directive(in->tpl, "say", "line", &word);
	for (size_t i = 0; i < d.nr; i++) {
		if (d.v[i].waiver >= 0)
			continue;
		pv_buf_reset(&line);
		pv_msg_render(&d.v[i].msg, lang, &line);
		/* "line #:" in the template, '#' the line number: French puts a
		 * space before the colon, Chinese none after its full-width one. */
		const char *w = word.buf ? word.buf : "line #:", *hash = strchr(w, '#');
		const char *after = hash ? hash + 1 : ":";
		int before = hash ? (int)(hash - w) : (int)strlen(w);
		int ascii_end = !*after || (unsigned char)after[strlen(after) - 1] < 0x80;
		fprintf(f, "  %s, %.*s%u%s%s%s\n", d.v[i].code, before, w, (unsigned)d.v[i].pos.line,
			after, ascii_end ? " " : "", line.buf);
	}
	pv_buf_release(&line);
	pv_buf_release(&word);
	pv_plan_release(&plan);
	pv_diags_release(&d);
}

int cmd_init(int argc, char **argv)
{
	struct init in = { "en", NULL, NULL, NULL, NULL, NULL, 0, NULL };
	int ret = parse(argc, argv, &in);
	if (ret >= 0)
		return ret;
	struct pv_buf text = PV_BUF_INIT;
	expand(&in, &text);
	int to_stdout = !strcmp(in.path, "-");
	if (to_stdout) {
		fwrite(text.buf, 1, text.len, stdout);
		ret = PV_EXIT_OK;
	} else {
		ret = write_new(&in, &text);
	}
	if (ret == PV_EXIT_OK) {
		FILE *f = to_stdout ? stderr : stdout;
		struct pv_buf wrote = PV_BUF_INIT;
		directive(in.tpl, "say", "wrote", &wrote);
		if (!to_stdout) {
			pv_buf_addch(&wrote, ' ');
			pv_buf_add_visible(&wrote, in.path, strlen(in.path));
			fprintf(f, "%s\n", wrote.buf);
		}
		fflush(stdout);
		next_steps(&in, &text, f);
		pv_buf_release(&wrote);
	}
	pv_buf_release(&text);
	return ret;
}
