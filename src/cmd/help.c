/* pveplan help [COMMAND] */
#include "cmd.h"

#include <string.h>

static const struct pv_option help_options[] = { { NULL, 0, NULL, NULL } };

const struct pv_command_help help_help = {
	"help", "[COMMAND]", "Show the help of pveplan, or of one command.", NULL,
	help_options,
	"Show the help of pveplan, or of one command",
	NULL,
};

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		pv_main_help(stdout);
		return PV_EXIT_OK;
	}
	if (argc > 2)
		return pv_opts_usage_error(&help_help, "too many arguments");
	const struct pv_command_help *h = pv_command_help_of(argv[1]);
	if (!h) {
		fprintf(stderr, pv_opts_text("pveplan: '%s' is not a pveplan command. See 'pveplan --help'.\n"),
			argv[1]);
		return PV_EXIT_USAGE;
	}
	pv_opts_print_help(stdout, h);
	return PV_EXIT_OK;
}
