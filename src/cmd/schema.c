/* pveplan schema: the plan format as a JSON Schema, for editors. */
#include "cmd.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/read.h"

#include <stdio.h>
#include <string.h>

enum { S_LANG, S_OUTPUT, S_HELP };

static const struct pv_option schema_options[] = {
	[S_LANG] = { "lang", 0, "LANG", "language of the descriptions: ar, en (default), es, fr, ru or zh" },
	[S_OUTPUT] = { "output", 'o', "FILE", "write the schema to FILE instead of standard output ('-': standard output)" },
	[S_HELP] = { "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help schema_help = {
	"schema", "[options]",
	"Print a JSON Schema (draft-07) of the plan format, generated from the table\n"
	"'pveplan check' reads plans with: every key, type, value and required key,\n"
	"with a description of each. An editor that reads it (VS Code with the YAML\n"
	"extension) completes keys and values and marks mistakes as you type.",
	"set-up: pveplan schema -o pveplan.schema.json, then make this the first\n"
	"line of the plan:\n"
	"  # yaml-language-server: $schema=pveplan.schema.json\n"
	"(docs/editor.md). The editor checks the structure only; 'pveplan check'\n"
	"checks everything.\n",
	schema_options,
	"Print the JSON Schema of the plan format, for editors",
	NULL,
};

/* Every language has its descriptions (tests/i18n/messages.py and
 * unit.schema fail otherwise), so --lang takes what the other commands take. */
static int lang_option(const char *arg, const struct pv_lang **lang)
{
	*lang = pv_lang_get(arg);
	if (*lang)
		return 0;
	return pv_opts_usage_error(&schema_help, "--lang takes ar, en, es, fr, ru or zh, not '%s'", arg);
}

int cmd_schema(int argc, char **argv)
{
	const struct pv_lang *lang = pv_lang_default();
	const char *arg = NULL, *output = NULL;
	int optind_out = 1;
	for (;;) {
		int opt = pv_opts_next(argc, argv, &schema_help, &arg, &optind_out);
		if (opt == -1)
			break;
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == -3)
			return pv_opts_usage_error(&schema_help, "unexpected argument '%s'", arg);
		if (opt == S_HELP) {
			pv_opts_print_help(stdout, &schema_help);
			return PV_EXIT_OK;
		}
		if (opt == S_LANG && lang_option(arg, &lang))
			return PV_EXIT_USAGE;
		if (opt == S_OUTPUT && !*arg)
			return pv_opts_usage_error(&schema_help, "-o needs a file name ('-' for standard output)");
		if (opt == S_OUTPUT)
			output = arg;
	}
	if (optind_out < argc)
		return pv_opts_usage_error(&schema_help, "unexpected argument '%s'", argv[optind_out]);
	struct pv_buf out = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	int ret = PV_EXIT_OK;
	pv_render_schema(lang, &out, NULL);
	if (!output || pv_output_is_stdout(output)) {
		fwrite(out.buf, 1, out.len, stdout);
	} else if (pv_output_write(output, out.buf, out.len, &err) < 0) {
		pv_opts_error(&err);
		ret = PV_EXIT_IO;
	}
	pv_buf_release(&out);
	pv_msg_release(&err);
	return ret;
}
