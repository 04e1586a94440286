/* pveplan rules: the rule catalogue; pveplan explain CODE: one rule in full. */
#include "cmd.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/check.h"
#include "pveplan/model.h"

#include <string.h>

enum { R_FORMAT, R_LANG, R_HELP };

static const struct pv_option rules_options[] = {
	[R_FORMAT] = { "format", 'f', "FORMAT", "text (default) or json" },
	[R_LANG] = { "lang", 0, "LANG", "language: ar, en (default), es, fr, ru or zh" },
	[R_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help rules_help = {
	"rules", "[options]",
	"List the rule catalogue: code, default severity, rule and source.", NULL,
	rules_options,
	"List the rules: code, severity, title and source",
	NULL,
};

static const struct pv_option explain_options[] = {
	{ "lang", 0, "LANG", "language: ar, en (default), es, fr, ru or zh" },
	{ "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help explain_help = {
	"explain", "[options] CODE",
	"Explain one rule: why it exists, its source, each citation with its status\n"
	"and the few words seen, what triggers it, an example and the fix.", NULL,
	explain_options,
	"Explain one rule: why, source, example and fix",
	NULL,
};

static const char *sev_label(const struct pv_lang *lang, enum pv_severity s)
{
	char key[24];
	snprintf(key, sizeof(key), "severity.%s", pv_severity_name(s));
	return pv_lang_label(lang, key);
}

static const char *waivable(const struct pv_rule *r)
{
	if (r->flags & (PV_RULE_FIXED | PV_RULE_UNWAIVABLE))
		return "no";
	return r->flags & PV_RULE_SCOPED_ONLY ? "scoped" : "yes";
}

/* The next piece of text a line may break after: a run of characters up to
 * a space, or one wide character (Chinese breaks between characters) with
 * the punctuation that must stay with it. Sets *width to its columns. */
static size_t piece(const char *p, size_t *width)
{
	size_t n = 0, len = strlen(p);
	uint32_t cp;
	*width = 0;
	while (n < len && p[n] != ' ' && p[n] != '\n') {
		size_t k = pv_utf8_decode(p + n, len - n, &cp);
		int w = pv_utf8_charwidth(cp);
		if (w == 2 && n && !strchr("\"'(", p[n - 1]) && *width)
			break;
		n += k;
		*width += (size_t)w;
		if (w == 2) {
			/* a wide character ends the piece, with its closing punctuation */
			while (n < len && (k = pv_utf8_decode(p + n, len - n, &cp)) &&
			       (strchr(",.;:)!?", p[n]) || (cp >= 0x3001 && cp <= 0x3002) ||
				(cp >= 0xFF01 && cp <= 0xFF1F && cp != 0xFF08))) {
				*width += (size_t)pv_utf8_charwidth(cp);
				n += k;
			}
			break;
		}
	}
	return n;
}

/* Appends `text` wrapped to `width` columns, the first line indented by
 * `first`, the others by `indent`: columns counted as a terminal shows
 * them, lines broken at spaces and between Chinese characters. */
static void wrap_hanging(struct pv_buf *o, const char *text, size_t first, size_t indent,
			 size_t width)
{
	size_t col = 0, lines = 0;
	const char *p = text;
	while (*p) {
		int space = 0;
		while (*p == ' ' || *p == '\n')
			p++, space = 1;
		if (!*p)
			break;
		size_t chars, len = piece(p, &chars);
		if (col && col + space + chars > width) {
			pv_buf_addch(o, '\n');
			col = 0;
		}
		if (!col) {
			col = lines++ ? indent : first;
			pv_buf_addchars(o, ' ', col);
		} else if (space) {
			pv_buf_addch(o, ' ');
			col++;
		}
		pv_buf_add(o, p, len);
		col += chars;
		p += len;
	}
	pv_buf_addch(o, '\n');
}

/* Appends `text` wrapped to `width` columns, each line indented. */
static void wrap(struct pv_buf *o, const char *text, size_t indent, size_t width)
{
	wrap_hanging(o, text, indent, indent, width);
}

static void block(struct pv_buf *o, const char *text, size_t indent)
{
	const char *p = text;
	while (*p) {
		size_t len = strcspn(p, "\n");
		if (len)
			pv_buf_addchars(o, ' ', indent);
		pv_buf_add(o, p, len);
		pv_buf_addch(o, '\n');
		p += len + (p[len] == '\n');
	}
}

/* Each citation of the register: key, document and locator, status, and
 * the few words seen, in English as recorded, whatever the language. */
static void citations(struct pv_buf *o, const char *code, const struct pv_lang *lang)
{
	const struct pv_citation *const *c;
	size_t n = pv_lang_rule_citations(code, &c);
	const char *colon = pv_lang_label(lang, "colon");
	if (!n)
		return;
	pv_buf_addf(o, "\n%s\n", pv_lang_label(lang, "explain.citations"));
	for (size_t i = 0; i < n; i++) {
		struct pv_buf line = PV_BUF_INIT;
		char key[48];
		snprintf(key, sizeof(key), "citation_status.%s", c[i]->status);
		pv_buf_addf(&line, "%s%s%s%s%s", c[i]->key, colon, c[i]->document,
			    *c[i]->locator ? ", " : "", c[i]->locator);
		wrap_hanging(o, line.buf, 2, 6, 78);
		pv_buf_reset(&line);
		pv_buf_addf(&line, "%s%s%s", pv_lang_label(lang, "explain.status"), colon,
			    pv_lang_label(lang, key));
		wrap_hanging(o, line.buf, 4, 6, 78);
		pv_buf_reset(&line);
		pv_buf_addf(&line, "%s%s%s", pv_lang_label(lang, "explain.seen"), colon, c[i]->seen);
		wrap_hanging(o, line.buf, 4, 6, 78);
		pv_buf_reset(&line);
		pv_buf_addf(&line, "%s%s%s", pv_lang_label(lang, "explain.where"), colon, c[i]->where);
		wrap_hanging(o, line.buf, 4, 6, 78);
		pv_buf_release(&line);
	}
}

static int lang_option(const struct pv_command_help *h, const char *arg,
		       const struct pv_lang **lang)
{
	*lang = pv_lang_get(arg);
	if (!*lang)
		return pv_opts_usage_error(h, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
	return 0;
}

int cmd_rules(int argc, char **argv)
{
	const struct pv_lang *lang = pv_lang_default();
	const char *arg = NULL;
	int json = 0, optind_out = 1;
	for (;;) {
		int opt = pv_opts_next(argc, argv, &rules_help, &arg, &optind_out);
		if (opt == -1)
			break;
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3)
			return pv_opts_usage_error(&rules_help, "unexpected argument '%s'", arg);
		if (opt == R_HELP) {
			pv_opts_print_help(stdout, &rules_help);
			return PV_EXIT_OK;
		}
		if (opt == R_LANG && lang_option(&rules_help, arg, &lang))
			return PV_EXIT_USAGE;
		if (opt == R_FORMAT) {
			if (strcmp(arg, "text") && strcmp(arg, "json"))
				return pv_opts_usage_error(&rules_help, "--format takes text or json, not '%s'", arg);
			json = !strcmp(arg, "json");
		}
	}
	if (optind_out < argc)
		return pv_opts_usage_error(&rules_help, "unexpected argument '%s'", argv[optind_out]);
	struct pv_buf o = PV_BUF_INIT, pretty = PV_BUF_INIT;
	if (json) {
		pv_buf_addf(&o, "{\"catalogue_version\":%d,\"language\":\"%s\",\"rules\":[",
			    pv_lang_catalogue_version(), pv_lang_code(lang));
		for (size_t i = 0; i < pv_rules_nr; i++) {
			const struct pv_rule *r = &pv_rules[i];
			const char *title = pv_lang_rule_field(lang, r->code, "title");
			const char *cit = pv_lang_rule_field(lang, r->code, "citation");
			pv_buf_addf(&o, "%s{\"code\":\"%s\",\"severity\":\"%s\",\"title\":", i ? "," : "",
				    r->code, pv_severity_name(r->severity));
			pv_json_str(&o, title ? title : "");
			pv_buf_adds(&o, ",\"citation\":");
			pv_json_str(&o, cit ? cit : "");
			pv_buf_adds(&o, ",\"citations\":");
			pv_json_citations(&o, r->code, 1);
			pv_buf_addf(&o, ",\"stricter_when_adopted\":%s,\"waivable\":\"%s\"}",
				    r->flags & PV_RULE_STAGE ? "true" : "false", waivable(r));
		}
		pv_buf_adds(&o, "]}");
		pv_json_pretty(o.buf, &pretty);
		pv_buf_addch(&pretty, '\n');
		fwrite(pretty.buf, 1, pretty.len, stdout);
	} else {
		for (size_t i = 0; i < pv_rules_nr; i++) {
			const struct pv_rule *r = &pv_rules[i];
			const char *title = pv_lang_rule_field(lang, r->code, "title");
			const char *cit = pv_lang_rule_field(lang, r->code, "citation");
			const char *sev = sev_label(lang, r->severity);
			size_t w = pv_utf8_width(sev, strlen(sev));
			/* padded by the columns a terminal shows, not by bytes */
			pv_buf_addf(&o, "%s  %s%*s %s\n", r->code, sev, (int)(w < 9 ? 9 - w : 0), "",
				    title ? title : "");
			pv_buf_addf(&o, "%18s%s\n", "", cit ? cit : "");
		}
		fwrite(o.buf, 1, o.len, stdout);
	}
	pv_buf_release(&o);
	pv_buf_release(&pretty);
	return PV_EXIT_OK;
}

int cmd_explain(int argc, char **argv)
{
	const struct pv_lang *lang = pv_lang_default();
	const char *arg = NULL, *code = NULL;
	int optind_out = 1;
	for (;;) {
		int opt = pv_opts_next(argc, argv, &explain_help, &arg, &optind_out);
		if (opt == -1)
			break;
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3) {
			if (code)
				return pv_opts_usage_error(&explain_help, "one rule at a time");
			code = arg;
			continue;
		}
		if (opt == 1) {
			pv_opts_print_help(stdout, &explain_help);
			return PV_EXIT_OK;
		}
		if (opt == 0 && lang_option(&explain_help, arg, &lang))
			return PV_EXIT_USAGE;
	}
	if (optind_out < argc && !code)
		code = argv[optind_out++];
	if (!code || optind_out < argc)
		return pv_opts_usage_error(&explain_help, code ? "one rule at a time" : "which rule? e.g. 'pveplan explain PVE111'");
	char upper[16];
	snprintf(upper, sizeof(upper), "%s", code);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 32);
	const struct pv_rule *r = pv_rule_find(upper);
	if (!r) {
		fprintf(stderr, pv_opts_text("pveplan explain: error: no rule '%s'\n"), code);
		const char *s = pv_suggest(upper, pv_rule_codes, pv_rules_nr, 2);
		if (s)
			fprintf(stderr, pv_opts_text("help: did you mean '%s'?\n"), s);
		fputs(pv_opts_text("See 'pveplan rules' for the list.\n"), stderr);
		return PV_EXIT_USAGE;
	}
	struct pv_buf o = PV_BUF_INIT;
#define FIELD(name) pv_lang_rule_field(lang, r->code, name)
	pv_buf_addf(&o, "%s: %s\n\n", r->code, FIELD("title") ? FIELD("title") : "");
	pv_buf_addf(&o, "%s%s%s\n", pv_lang_label(lang, "explain.severity"),
		    pv_lang_label(lang, "colon"), sev_label(lang, r->severity));
	if (r->flags & PV_RULE_STAGE)
		pv_buf_addf(&o, "%s\n", pv_lang_label(lang, "explain.stage"));
	static const struct {
		const char *label, *field;
		int code;
	} parts[] = {
		{ "explain.rationale", "rationale", 0 }, { "explain.citation", "citation", 0 },
		{ "explain.hint", "hint", 0 },		  { "explain.example", "example", 1 },
		{ "explain.fix", "fix", 1 },
	};
	for (size_t i = 0; i < PV_ARRAY_SIZE(parts); i++) {
		const char *text = FIELD(parts[i].field);
		if (!text)
			continue;
		pv_buf_addf(&o, "\n%s\n", pv_lang_label(lang, parts[i].label));
		if (parts[i].code) {
			block(&o, text, 4);
			continue;
		}
		/* A hint's placeholders stand for the values of a finding. */
		struct pv_buf shown = PV_BUF_INIT;
		pv_template_generic(text, &shown);
		wrap(&o, shown.buf, 2, 78);
		pv_buf_release(&shown);
		if (!strcmp(parts[i].field, "citation"))
			citations(&o, r->code, lang);
	}
#undef FIELD
	fwrite(o.buf, 1, o.len, stdout);
	pv_buf_release(&o);
	return PV_EXIT_OK;
}
