#ifndef PVEPLAN_DIAG_H
#define PVEPLAN_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/alloc.h"
#include "pveplan/buf.h"
#include "pveplan/msg.h"
#include "pveplan/strmap.h"

/* A place in a plan file: 1-based line and column (in characters), and how
 * many characters to underline (at least 1). line 0 means "no position". */
struct pv_pos {
	uint32_t line, col, span;
};

enum pv_severity {
	PV_SEV_OFF = -1,
	PV_SEV_INFO = 0,
	PV_SEV_WARNING = 1,
	PV_SEV_ERROR = 2,
};

const char *pv_severity_name(enum pv_severity sev);

/* One finding. Everything is owned by the finding. Messages are rendered in
 * the output language when printed (see pveplan/msg.h). */
struct pv_diag {
	struct pv_pos pos;
	enum pv_severity sev;
	char code[8];
	struct pv_msg msg;
	struct pv_msg hint;	/* how to fix, "did you mean ..."; kind NONE when none */
	struct pv_msg note;	/* about a second place, e.g. "first defined here" */
	struct pv_pos note_pos;
	char *subject;		/* the id the finding is about (for scoped waivers), or NULL */
	int waiver;		/* index of the accepted deviation that silences it, or -1 */
	int raised;		/* sev was set by the check (pv_diag_raise) */
	unsigned repeats;	/* times the same finding was made again (an alias) */
	size_t seq;		/* order of discovery, to keep sorting stable */
};

/* Findings of one rule left out by pv_diags_cap(), by severity. */
struct pv_omitted {
	char code[8];
	size_t n[3];		/* not waived, by enum pv_severity: info, warning, error */
	size_t waived;		/* silenced by accepted deviations */
};

/*
 * The findings of one file. A finding identical to one already recorded
 * (same rule, position and message: a node reached again through an alias)
 * is recorded once, so findings grow with the file, not with its aliases.
 */
struct pv_diags {
	char *file;		/* the name shown in messages */
	struct pv_diag *v;
	size_t nr, alloc;
	const char **not_applicable;	/* codes of the rules that do not apply */
	size_t nna, na_alloc;
	struct pv_omitted *omitted;	/* rules with findings left out */
	size_t nomitted, omitted_alloc;
	struct pv_strmap seen;		/* identity of each finding -> index + 1 */
	struct pv_arena keys;
};
#define PV_DIAGS_INIT { NULL, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, PV_STRMAP_INIT, PV_ARENA_INIT }

void pv_diags_init(struct pv_diags *d, const char *file);
void pv_diags_release(struct pv_diags *d);

/*
 * Records a finding for `code` at `pos`, an error until the policy gives it
 * its rule's severity. The message is an English printf-style format (a
 * msgid, see pveplan/msg.h) followed by its arguments, each captured as a
 * typed value by its C type (strings are text; PV_W(), PV_L(),
 * pv_msg_amount() and pv_msg_list() make the other kinds). Returns the
 * finding so that a hint or note can be attached; a finding made again
 * (the same node reached through an alias) returns the first one with its
 * `repeats` counted, so that the caller can skip working out its hint.
 *
 *   pv_diag_add(d, "FMT004", pos, "'%s' must be %s, got '%s'", key, PV_W("a date"), v);
 *
 * These are macros: an argument with commas of its own, such as a compound
 * literal, goes in parentheses: ((struct pv_pos){ 1, 1, 1 }).
 */
#define pv_diag_add(d, code, pos, ...) pv_diag_addv((d), (code), (pos), PV_MSG_ARGS(__VA_ARGS__))
#define pv_diag_hint(g, ...) pv_diag_hintv((g), PV_MSG_ARGS(__VA_ARGS__))
#define pv_diag_note(g, pos, ...) pv_diag_notev((g), (pos), PV_MSG_ARGS(__VA_ARGS__))
/*
 * Records a finding whose message comes from the rule catalogue: `field` is
 * "message" or "variants.NAME"; the hint is the rule's "hint". After
 * `subject` (the id the finding is about, for scoped waivers, or NULL) come
 * name, value pairs for the placeholders:
 *
 *   pv_diag_rule(d, "PVE105", "message", pos, NULL, "count", n, "min", min);
 */
#define pv_diag_rule(d, code, field, pos, ...)                                  \
	pv_diag_rulev((d), (code), (field), (pos), PV_MSG_ARGS(__VA_ARGS__))

struct pv_diag *pv_diag_addv(struct pv_diags *d, const char *code, struct pv_pos pos,
			     const char *fmt, const struct pv_arg *args, size_t n);
void pv_diag_hintv(struct pv_diag *g, const char *fmt, const struct pv_arg *args, size_t n);
void pv_diag_notev(struct pv_diag *g, struct pv_pos pos, const char *fmt,
		   const struct pv_arg *args, size_t n);
/* `n` counts arguments, so it is twice the number of pairs. */
struct pv_diag *pv_diag_rulev(struct pv_diags *d, const char *code, const char *field,
			      struct pv_pos pos, const char *subject,
			      const struct pv_arg *args, size_t n);
/* Makes a finding stricter than its rule's default (PVE107 at validation);
 * the policy keeps it so unless the configuration says otherwise. */
void pv_diag_raise(struct pv_diag *g, enum pv_severity sev);
/* Releases what one finding owns. */
void pv_diag_release(struct pv_diag *g);

/* Records that rule `code` (a string that outlives `d`) does not apply
 * (PVE120 on a national plan ...). */
void pv_diags_not_applicable(struct pv_diags *d, const char *code);
/* Whether rule `code` was recorded as not applicable. */
int pv_diags_is_not_applicable(const struct pv_diags *d, const char *code);

/* Sorts by line, column, code (then discovery order). Findings added after
 * a sort are no longer merged with identical ones. */
void pv_diags_sort(struct pv_diags *d);
/*
 * Keeps the first `max` findings of each rule (0: all), in the current
 * order, and counts the others in d->omitted, so that counts, exit
 * statuses and the matrix stay true.
 */
void pv_diags_cap(struct pv_diags *d, size_t max);
/* Findings of `code` left out by pv_diags_cap() and not waived (all
 * severities); *waived (may be NULL) gets those that were waived. */
size_t pv_diags_omitted(const struct pv_diags *d, const char *code, size_t *waived);


#endif
