#ifndef PVEPLAN_CMD_H
#define PVEPLAN_CMD_H

#include "opts.h"
#include "pveplan/base.h"
#include "pveplan/policy.h"
#include "pveplan/lang.h"
#include "pveplan/yaml.h"

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

int cmd_diff(int argc, char **argv);
extern const struct pv_command_help diff_help;

int cmd_rules(int argc, char **argv);
extern const struct pv_command_help rules_help;

int cmd_explain(int argc, char **argv);
extern const struct pv_command_help explain_help;

int cmd_schema(int argc, char **argv);
extern const struct pv_command_help schema_help;

int cmd_init(int argc, char **argv);
extern const struct pv_command_help init_help;

int cmd_completion(int argc, char **argv);
extern const struct pv_command_help completion_help;

int cmd_help(int argc, char **argv);
extern const struct pv_command_help help_help;

/* The project configuration in force for a plan (src/cmd/project.c). */
struct pv_project {
	struct pv_config config;
	char *path;		/* the file read, or NULL when there is none */
};
void pv_project_init(struct pv_project *pr);
void pv_project_release(struct pv_project *pr);
/*
 * Makes `pr` the configuration for the plan at `plan_path`: `explicit_path`
 * (--config) when given, else .pveplan.yaml found upward; a file already
 * loaded is kept. Problems are printed to stderr like a plan's findings;
 * returns -1 then, else 0.
 */
int pv_project_configure(struct pv_project *pr, const char *explicit_path, const char *plan_path,
			 unsigned flags, const struct pv_lang *lang);
/* The configuration to check with, or NULL for the defaults. */
const struct pv_config *pv_project_config(const struct pv_project *pr);

/* The limit options of check and build (src/cmd/limits.c): the table for
 * pv_command_help.limits, and the parser of the option `opt`
 * (PV_OPT_LIMIT + i) into `o`; -1 after a usage error. */
extern const struct pv_option pv_limit_options[];
int pv_limits_option(const struct pv_command_help *h, int opt, const char *arg,
		     struct pv_check_opts *o);

/*
 * The configuration file that pv_project_configure would read for the plan
 * at `plan_path`, in `out` (empty when there is none).
 */
void pv_project_locate(const char *explicit_path, const char *plan_path, struct pv_buf *out);

/* Whether text on standard output is in colour: --color WHEN (auto, always,
 * never) for output to `output` (NULL: standard output), as check decides it
 * (src/cmd/check.c); build uses it too, so both colour findings alike. */
int pv_color_wanted(const char *when, const char *output);

/* The general help (pveplan --help). */
void pv_main_help(FILE *f);
/* The help of command `name`, or NULL. */
const struct pv_command_help *pv_command_help_of(const char *name);
/* The help of the i-th command of the table, or NULL past its end. */
const struct pv_command_help *pv_command_at(size_t i);

#endif
