/* pveplan: parse the global options, find the command, map the exit status. */
#include "cmd/cmd.h"
#include "pveplan/model.h"
#include "pveplan/version.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const struct pv_command_help *help;
} commands[] = {
	{ "init", cmd_init, &init_help },
	{ "check", cmd_check, &check_help },
	{ "build", cmd_build, &build_help },
	{ "diff", cmd_diff, &diff_help },
	{ "rules", cmd_rules, &rules_help },
	{ "explain", cmd_explain, &explain_help },
	{ "schema", cmd_schema, &schema_help },
	{ "completion", cmd_completion, &completion_help },
	{ "help", cmd_help, &help_help },
};

const struct pv_command_help *pv_command_help_of(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].help;
	return NULL;
}

const struct pv_command_help *pv_command_at(size_t i)
{
	return i < sizeof(commands) / sizeof(commands[0]) ? commands[i].help : NULL;
}

void pv_main_help(FILE *f)
{
	fputs(pv_opts_text("usage: pveplan [--version] [--help] COMMAND [ARGS]\n"
			   "\n"
			   "Check and build national and regional plans of action to prevent violent\n"
			   "extremism (PVE), written as YAML (plan format 1).\n"
			   "\n"
			   "commands:\n"), f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, pv_opts_text(commands[i].help->brief));
	fputs(pv_opts_text("\n"
			   "options:\n"
			   "  -h, --help     show this help\n"
			   "  -V, --version  show the version\n"
			   "\n"
			   "See 'pveplan help COMMAND' for the options of a command.\n"
			   "Environment: NO_COLOR turns colour off; TERM=dumb too;\n"
			   "LC_ALL, LC_MESSAGES or LANG (ar, en, es, fr, ru, zh) set the language of this help.\n"), f);
}

static void version(void)
{
	printf("pveplan %s (plan format %d; libyaml %s)\n", PVEPLAN_VERSION,
	       PVEPLAN_FORMAT_VERSION, yaml_get_version_string());
}

static int finish(int ret)
{
	/* A failed write to stdout (full disk, closed pipe) must not pass. */
	int bad = ferror(stdout);
	if (fclose(stdout) != 0 || bad) {
		fprintf(stderr, pv_opts_text("pveplan: error: writing output failed: %s\n"), strerror(errno));
		return PV_EXIT_IO;
	}
	return ret;
}

int main(int argc, char **argv)
{
	pv_opts_init_lang(argc, argv);
	if (argc < 2) {
		pv_main_help(stderr);
		return PV_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		pv_main_help(stdout);
		return finish(PV_EXIT_OK);
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		version();
		return finish(PV_EXIT_OK);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(cmd, commands[i].name))
			return finish(commands[i].fn(argc - 1, argv + 1));
	if (cmd[0] == '-')
		fprintf(stderr, pv_opts_text("pveplan: error: unknown option '%s'\n"), cmd);
	else
		fprintf(stderr, pv_opts_text("pveplan: error: '%s' is not a pveplan command\n"), cmd);
	const char *names[sizeof(commands) / sizeof(commands[0])];
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		names[i] = commands[i].name;
	const char *s = cmd[0] != '-' ? pv_suggest(cmd, names, sizeof(names) / sizeof(names[0]), 2)
				      : NULL;
	if (s)
		fprintf(stderr, pv_opts_text("help: did you mean 'pveplan %s'?\n"), s);
	fputs(pv_opts_text("usage: pveplan [--version] [--help] COMMAND [ARGS]\n"
			   "See 'pveplan --help'.\n"), stderr);
	return PV_EXIT_USAGE;
}
