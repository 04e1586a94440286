#ifndef PVEPLAN_DIAG_H
#define PVEPLAN_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"

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

/* One finding. Strings are owned by the finding. */
struct pv_diag {
	struct pv_pos pos;
	enum pv_severity sev;
	char code[8];
	char *msg;
	char *hint;		/* "did you mean ...", or NULL */
	char *note;		/* a second place, e.g. "first defined here", or NULL */
	struct pv_pos note_pos;
	size_t seq;		/* order of discovery, to keep sorting stable */
};

/* The findings of one file. */
struct pv_diags {
	char *file;		/* the name shown in messages */
	struct pv_diag *v;
	size_t nr, alloc;
};
#define PV_DIAGS_INIT { NULL, NULL, 0, 0 }

void pv_diags_init(struct pv_diags *d, const char *file);
void pv_diags_release(struct pv_diags *d);

/*
 * Records a finding for `code` at `pos` with the code's severity
 * (pv_rule_severity); returns it so that a hint or note can be attached, or
 * NULL when the rule is off.
 */
struct pv_diag *pv_diag_add(struct pv_diags *d, const char *code,
			    struct pv_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void pv_diag_hint(struct pv_diag *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pv_diag_note(struct pv_diag *g, struct pv_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Sorts by line, column, code (then discovery order). */
void pv_diags_sort(struct pv_diags *d);
size_t pv_diags_count(const struct pv_diags *d, enum pv_severity sev);

/* The default severity of a rule code (FMT/REF: error), PV_SEV_OFF if unknown. */
enum pv_severity pv_rule_severity(const char *code);

#endif
