#ifndef PVEPLAN_CMD_H
#define PVEPLAN_CMD_H

#include "opts.h"

/*
 * The subcommands. To add one:
 *  1. write src/cmd/<name>.c defining cmd_<name>() and <name>_help;
 *  2. declare both here;
 *  3. add a row to the table in src/main.c;
 *  4. document it in docs/pveplan-<name>.md;
 *  5. add golden tests under tests/golden/.
 */

/* Exit statuses, documented in docs/exit-status.md and --help. */
enum pv_exit {
	PV_EXIT_OK = 0,		/* no error-level finding */
	PV_EXIT_FINDINGS = 1,	/* error-level findings */
	PV_EXIT_USAGE = 2,	/* usage or configuration error */
	PV_EXIT_IO = 3,		/* input unreadable, output not written */
};

int cmd_check(int argc, char **argv);
extern const struct pv_command_help check_help;

int cmd_build(int argc, char **argv);
extern const struct pv_command_help build_help;

int cmd_rules(int argc, char **argv);
extern const struct pv_command_help rules_help;

int cmd_explain(int argc, char **argv);
extern const struct pv_command_help explain_help;

int cmd_help(int argc, char **argv);
extern const struct pv_command_help help_help;

/* The general help (pveplan --help). */
void pv_main_help(FILE *f);
/* The help of command `name`, or NULL. */
const struct pv_command_help *pv_command_help_of(const char *name);

#endif
