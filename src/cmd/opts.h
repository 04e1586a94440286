#ifndef PVEPLAN_CMD_OPTS_H
#define PVEPLAN_CMD_OPTS_H

#include <stdint.h>
#include <stdio.h>

/*
 * One table per command drives both getopt_long and the --help text, so the
 * help cannot drift from the options.
 */
struct pv_option {
	const char *name;	/* long name, without "--" */
	int short_name;		/* 0 when none */
	const char *arg;	/* argument name, or NULL for a flag */
	const char *help;
};

struct pv_command_help {
	const char *name;	/* "check" */
	const char *synopsis;	/* "[options] PATH..." */
	const char *summary;	/* one line */
	const char *body;	/* paragraphs after the options, or NULL */
	const struct pv_option *options;	/* terminated by a NULL name */
	const char *brief;	/* a few words for the list of commands */
	const struct pv_option *limits;	/* pv_limit_options, or NULL */
};

/* pv_opts_next returns PV_OPT_LIMIT + i for the option h->limits[i]. */
#define PV_OPT_LIMIT 1000

struct pv_lang;
/* The language of pveplan's own words (--help, usage errors): the command
 * line's --lang, else the locale's (LC_ALL, LC_MESSAGES, LANG), else English.
 * main sets it once from the whole command line. */
void pv_opts_init_lang(int argc, char **argv);
const struct pv_lang *pv_opts_lang(void);
/* A text of the help or a usage error (an English msgid of help.LANG.yaml)
 * in that language. */
const char *pv_opts_text(const char *msgid);
/* The same for a counted text (pv_lang_nmessage). */
const char *pv_opts_ntext(const char *singular, const char *plural, unsigned long long n);
/* An error of a lower stage (pv_err) in that language: a string to free, or
 * "pveplan: error: REASON" on stderr, standard output flushed first. */
struct pv_msg;
char *pv_opts_reason(const struct pv_msg *err);
void pv_opts_error(const struct pv_msg *err);

void pv_opts_print_help(FILE *f, const struct pv_command_help *h);
/* Short usage on stderr: synopsis and where to find more; returns 2. */
int pv_opts_usage_error(const struct pv_command_help *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Parses the next option of argv (getopt_long). Returns the index in
 * h->options (PV_OPT_LIMIT + the index in h->limits), -3 for an operand
 * (in *arg), -1 at the end of the options (*optind_out is set to the first
 * operand left), or -2 after printing a usage error.
 */
int pv_opts_next(int argc, char **argv, const struct pv_command_help *h, const char **arg,
		 int *optind_out);

struct pv_pathlist;
/* The plan files of folder `dir` (names ending .pve.yaml, .pve.yml, .yaml or
 * .yml, not hidden, not recursing), sorted, appended to `out`. */
void pv_opts_plans_in(const char *dir, int any_yaml, struct pv_pathlist *out);
/* For a plan `path` that does not exist: "did you mean" the plan file of its
 * folder with the same name and another ending, or within 3 edits. */
void pv_opts_missing_hint(const char *path);
/* The one usage error of every command that takes a plan and got none, with
 * the plan files of the current folder as the command lines to run; 2. */
int pv_opts_no_plan(const struct pv_command_help *h);

/* Parses a size such as 64M, 512K or 1000 into bytes; -1 when invalid. */
int pv_opts_parse_size(const char *s, uint64_t *out);
/* Parses a whole number without a suffix; -1 when invalid. */
int pv_opts_parse_count(const char *s, uint64_t *out);

#endif
