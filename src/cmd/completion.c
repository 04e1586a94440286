/* pveplan completion bash|zsh: shell completion written from the command
 * table and the option tables themselves, so a new command or option
 * completes without anyone editing a script (the build installs the
 * output; docs/install.md). */
#include "cmd.h"

#include "pveplan/check.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"

#include <string.h>

static const struct pv_option completion_options[] = {
	{ "help", 'h', NULL, "show this help" },
	{ NULL, 0, NULL, NULL },
};

const struct pv_command_help completion_help = {
	"completion", "SHELL",
	"Print the completion script of pveplan for SHELL, bash or zsh: commands,\n"
	"options, languages, plan statuses, rule codes after 'explain', files and\n"
	"folders where an option takes one. The package installs both; to use it\n"
	"from a build: source <(pveplan completion bash), or for zsh write it as\n"
	"_pveplan into a folder of $fpath.",
	NULL,
	completion_options,
	"Print the bash or zsh completion script",
	NULL,
};

/* What an option's argument, or an operand, completes to. */
enum value_kind { V_NONE, V_FILE, V_DIR, V_WORDS, V_COMMANDS, V_RULES };

struct values {
	enum value_kind kind;
	struct pv_buf words;	/* V_WORDS: separated by spaces */
};

static void add_words(struct pv_buf *b, const char *const *v)
{
	for (; *v; v++)
		pv_buf_addf(b, "%s%s", b->len ? " " : "", *v);
}

/* An option's argument, by its name in the table (FILE, DIR, LANG ...). */
static void option_values(const struct pv_option *o, struct values *v)
{
	static const char *const statuses[] = {
#define X(prefix, name, yaml) yaml,
		PV_STATUS_LIST(X)
#undef X
		NULL };
	static const char *const scopes[] = {
#define X(prefix, name, yaml) yaml,
		PV_SCOPE_LIST(X)
#undef X
		NULL };
	const char *a = o->arg;
	pv_buf_reset(&v->words);
	v->kind = V_NONE;
	if (!strcmp(a, "FILE") || !strcmp(a, "PATH"))
		v->kind = V_FILE;
	else if (!strcmp(a, "DIR"))
		v->kind = V_DIR;
	else if (!strcmp(a, "LANG"))
		add_words(&v->words, pv_lang_report_codes());	/* every command takes the six */
	else if (!strcmp(a, "STATUS"))
		add_words(&v->words, statuses);
	else if (!strcmp(a, "SCOPE"))
		add_words(&v->words, scopes);
	if (v->words.len)
		v->kind = V_WORDS;
}

/* The operands, from the synopsis: "PATH...", "PLAN", "OLD NEW" (files),
 * "CODE" (rule codes), "COMMAND" (commands). */
static enum value_kind operand_kind(const struct pv_command_help *h)
{
	if (strstr(h->synopsis, "COMMAND") || strstr(h->synopsis, "SHELL"))
		return V_COMMANDS;
	if (strstr(h->synopsis, "CODE"))
		return V_RULES;
	if (strstr(h->synopsis, "PATH") || strstr(h->synopsis, "PLAN") ||
	    strstr(h->synopsis, "FILE") || strstr(h->synopsis, "DIR") ||
	    strstr(h->synopsis, "OLD"))
		return V_FILE;
	return V_NONE;
}

static void command_names(struct pv_buf *b)
{
	const struct pv_command_help *h;
	for (size_t i = 0; (h = pv_command_at(i)); i++)
		pv_buf_addf(b, "%s%s", i ? " " : "", h->name);
}

static void rule_codes(struct pv_buf *b)
{
	for (size_t i = 0; i < pv_rules_nr; i++)
		pv_buf_addf(b, "%s%s", i ? " " : "", pv_rule_codes[i]);
}

/* The words a value of kind `k` completes to, for both shells; empty for
 * files, folders and free values. */
static void value_words(struct pv_buf *w, enum value_kind k, const char *words,
			const struct pv_command_help *h)
{
	if (k == V_COMMANDS && !strcmp(h->name, "completion"))
		pv_buf_adds(w, "bash zsh");
	else if (k == V_COMMANDS)
		command_names(w);
	else if (k == V_RULES)
		rule_codes(w);
	else if (k == V_WORDS)
		pv_buf_adds(w, words);
}

/* ---- bash ---- */

static void bash_reply(struct pv_buf *o, enum value_kind k, const char *words,
		       const struct pv_command_help *h)
{
	struct pv_buf w = PV_BUF_INIT;
	value_words(&w, k, words, h);
	if (w.len)
		pv_buf_addf(o, "COMPREPLY=($(compgen -W '%s' -- \"$cur\"))", w.buf);
	else if (k == V_FILE)
		pv_buf_adds(o, "COMPREPLY=($(compgen -f -- \"$cur\"))");
	else if (k == V_DIR)
		pv_buf_adds(o, "COMPREPLY=($(compgen -d -- \"$cur\"))");
	else
		pv_buf_adds(o, ":");
	pv_buf_release(&w);
}

static void bash_options(struct pv_buf *o, const struct pv_option *opt, struct pv_buf *names,
			 struct values *v)
{
	for (; opt && opt->name; opt++) {
		pv_buf_addf(names, " --%s", opt->name);
		if (opt->short_name)
			pv_buf_addf(names, " -%c", opt->short_name);
		if (!opt->arg)
			continue;
		option_values(opt, v);
		pv_buf_adds(o, "\t\t");
		if (opt->short_name)
			pv_buf_addf(o, "-%c|", opt->short_name);
		pv_buf_addf(o, "--%s) ", opt->name);
		bash_reply(o, v->kind, v->words.buf, NULL);
		pv_buf_adds(o, "; return 0;;\n");
	}
}

static void bash_command(struct pv_buf *o, const struct pv_command_help *h, struct values *v)
{
	struct pv_buf names = PV_BUF_INIT;
	pv_buf_addf(o, "\t%s)\n\t\tcase $prev in\n", h->name);
	bash_options(o, h->options, &names, v);
	bash_options(o, h->limits, &names, v);
	pv_buf_addf(o, "\t\tesac\n\t\tcase $cur in -*) COMPREPLY=($(compgen -W '%s' -- \"$cur\")); "
		    "return 0;; esac\n\t\t", names.len ? names.buf + 1 : "");
	bash_reply(o, operand_kind(h), NULL, h);
	pv_buf_adds(o, ";;\n");
	pv_buf_release(&names);
}

static void write_bash(struct pv_buf *o)
{
	struct values v = { V_NONE, PV_BUF_INIT };
	struct pv_buf cmds = PV_BUF_INIT;
	command_names(&cmds);
	pv_buf_adds(o, "# bash completion for pveplan, written by 'pveplan completion bash'\n"
		    "# from pveplan's own command and option tables.\n"
		    "_pveplan() {\n"
		    "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i\n"
		    "\t[ \"$COMP_CWORD\" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
		    "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
		    "\t\tcase ${COMP_WORDS[i]} in -*) ;; *) cmd=${COMP_WORDS[i]}; break;; esac\n"
		    "\tdone\n"
		    "\tCOMPREPLY=()\n"
		    "\tif [ -z \"$cmd\" ]; then\n");
	pv_buf_addf(o, "\t\tcase $cur in -*) COMPREPLY=($(compgen -W '--help -h --version -V' -- "
		    "\"$cur\"));;\n\t\t*) COMPREPLY=($(compgen -W '%s' -- \"$cur\"));; esac\n"
		    "\t\treturn 0\n\tfi\n\tcase $cmd in\n", cmds.buf);
	const struct pv_command_help *h;
	for (size_t i = 0; (h = pv_command_at(i)); i++)
		bash_command(o, h, &v);
	pv_buf_adds(o, "\tesac\n\treturn 0\n}\ncomplete -o filenames -F _pveplan pveplan\n");
	pv_buf_release(&cmds);
	pv_buf_release(&v.words);
}

/* ---- zsh ---- */

/* `s` inside a single-quoted _arguments description: [ ] : \ escaped for
 * _arguments, ' closed and reopened for the shell. */
static void zsh_text(struct pv_buf *o, const char *s)
{
	for (; *s && *s != '\n'; s++) {
		if (*s == '\'')
			pv_buf_adds(o, "'\\''");
		else {
			if (strchr("[]:\\", *s))
				pv_buf_addch(o, '\\');
			pv_buf_addch(o, *s);
		}
	}
}

static void zsh_action(struct pv_buf *o, enum value_kind k, const char *words,
		       const struct pv_command_help *h)
{
	struct pv_buf w = PV_BUF_INIT;
	value_words(&w, k, words, h);
	if (w.len)
		pv_buf_addf(o, "(%s)", w.buf);
	else if (k == V_FILE)
		pv_buf_adds(o, "_files");
	else if (k == V_DIR)
		pv_buf_adds(o, "_files -/");
	pv_buf_release(&w);
}

static void zsh_options(struct pv_buf *o, const struct pv_option *opt, struct values *v)
{
	for (; opt && opt->name; opt++) {
		const char *eq = opt->arg ? "=" : "", *plus = opt->arg ? "+" : "";
		pv_buf_adds(o, " \\\n\t\t\t");
		if (opt->short_name)
			pv_buf_addf(o, "'(-%c --%s)'{-%c%s,--%s%s}'[", opt->short_name, opt->name,
				    opt->short_name, plus, opt->name, eq);
		else
			pv_buf_addf(o, "'--%s%s[", opt->name, eq);
		zsh_text(o, opt->help);
		pv_buf_adds(o, "]");
		if (opt->arg) {
			option_values(opt, v);
			pv_buf_addf(o, ":%s:", opt->arg);
			zsh_action(o, v->kind, v->words.buf, NULL);
		}
		pv_buf_adds(o, "'");
	}
}

static void zsh_command(struct pv_buf *o, const struct pv_command_help *h, struct values *v)
{
	enum value_kind k = operand_kind(h);
	pv_buf_addf(o, "\t%s)\n\t\t_arguments -s -S", h->name);
	zsh_options(o, h->options, v);
	zsh_options(o, h->limits, v);
	if (k != V_NONE) {
		pv_buf_adds(o, " \\\n\t\t\t'*:operand:");
		zsh_action(o, k, NULL, h);
		pv_buf_adds(o, "'");
	}
	pv_buf_adds(o, " ;;\n");
}

static void write_zsh(struct pv_buf *o)
{
	struct values v = { V_NONE, PV_BUF_INIT };
	const struct pv_command_help *h;
	pv_buf_adds(o, "#compdef pveplan\n"
		    "# zsh completion for pveplan, written by 'pveplan completion zsh'\n"
		    "# from pveplan's own command and option tables.\n"
		    "_pveplan() {\n"
		    "\tlocal -a commands\n"
		    "\tcommands=(");
	for (size_t i = 0; (h = pv_command_at(i)); i++) {
		pv_buf_addf(o, "%s'%s:", i ? " " : "", h->name);
		zsh_text(o, h->brief);
		pv_buf_adds(o, "'");
	}
	pv_buf_adds(o, ")\n"
		    "\tif (( CURRENT == 2 )); then\n"
		    "\t\t_describe -t commands 'pveplan command' commands\n"
		    "\t\treturn\n"
		    "\tfi\n"
		    "\tlocal cmd=$words[2]\n"
		    "\tshift words\n"
		    "\t(( CURRENT-- ))\n"
		    "\tcase $cmd in\n");
	for (size_t i = 0; (h = pv_command_at(i)); i++)
		zsh_command(o, h, &v);
	pv_buf_adds(o, "\tesac\n}\n_pveplan \"$@\"\n");
	pv_buf_release(&v.words);
}

int cmd_completion(int argc, char **argv)
{
	const char *arg = NULL, *shell = NULL;
	int optind_out = 1;
	for (int opt; (opt = pv_opts_next(argc, argv, &completion_help, &arg, &optind_out)) != -1;) {
		if (opt == -2)
			return PV_EXIT_USAGE;
		if (opt == 0) {
			pv_opts_print_help(stdout, &completion_help);
			return PV_EXIT_OK;
		}
		if (shell)
			return pv_opts_usage_error(&completion_help, "one shell at a time");
		shell = arg;
	}
	if (!shell && optind_out < argc)
		shell = argv[optind_out++];
	if (!shell || optind_out < argc)
		return pv_opts_usage_error(&completion_help, shell ? "one shell at a time"
								   : "which shell: bash or zsh?");
	struct pv_buf o = PV_BUF_INIT;
	if (!strcmp(shell, "bash"))
		write_bash(&o);
	else if (!strcmp(shell, "zsh"))
		write_zsh(&o);
	else
		return pv_opts_usage_error(&completion_help, "SHELL is bash or zsh, not '%s'", shell);
	fwrite(o.buf, 1, o.len, stdout);
	pv_buf_release(&o);
	return PV_EXIT_OK;
}
