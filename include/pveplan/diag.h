#ifndef PVEPLAN_DIAG_H
#define PVEPLAN_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"
#include "pveplan/msg.h"

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
	size_t seq;		/* order of discovery, to keep sorting stable */
};

/* The findings of one file. */
struct pv_diags {
	char *file;		/* the name shown in messages */
	struct pv_diag *v;
	size_t nr, alloc;
	uint64_t not_applicable;	/* bit i: pv_rules[i] does not apply to this plan */
};
#define PV_DIAGS_INIT { NULL, NULL, 0, 0, 0 }

void pv_diags_init(struct pv_diags *d, const char *file);
void pv_diags_release(struct pv_diags *d);

/*
 * Records a finding for `code` at `pos` with the rule's default severity;
 * the message is an English printf format (a msgid, see pveplan/msg.h).
 * Returns it so that a hint or note can be attached.
 */
struct pv_diag *pv_diag_add(struct pv_diags *d, const char *code,
			    struct pv_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void pv_diag_hint(struct pv_diag *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pv_diag_note(struct pv_diag *g, struct pv_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Records a finding whose message comes from the rule catalogue: `field` is
 * "message" or "variants.NAME"; the hint is the rule's "hint". The variadic
 * part is name, value pairs for the placeholders, ended by NULL. `subject`
 * (may be NULL) is the id the finding is about.
 */
struct pv_diag *pv_diag_rule(struct pv_diags *d, const char *code, const char *field,
			     struct pv_pos pos, const char *subject, ...)
	__attribute__((sentinel));

/* The message `m` rendered in `lang` (NULL: English); the caller frees it. */
char *pv_msg_text(const struct pv_msg *m, const struct pv_lang *lang);

/* Records that rule `code` does not apply (PVE120 on a national plan ...). */
void pv_diags_not_applicable(struct pv_diags *d, const char *code);

/* Sorts by line, column, code (then discovery order). */
void pv_diags_sort(struct pv_diags *d);
size_t pv_diags_count(const struct pv_diags *d, enum pv_severity sev);


#endif
