#ifndef PVEPLAN_YAML_H
#define PVEPLAN_YAML_H

/*
 * The YAML tree: a pre-scan for pasted characters, then libyaml events to
 * nodes with positions (FMT001, FMT006, FMT007).
 */

#include <stddef.h>
#include <stdint.h>

#include "pveplan/base.h"

/* ---- tree ---- */

/*
 * The YAML document as a tree of nodes with positions, built from libyaml's
 * event stream. Aliases point at the anchored node (the tree is a DAG), so an
 * alias costs nothing to build; its expanded size is counted against
 * pv_limits.max_nodes and max_expanded, so a "billion laughs" file is
 * refused early. Positions are counted as an editor counts them (see
 * pv_line_break): line:col of every node and error, and the snippet shown
 * under a finding, agree with what the drafter sees.
 */
enum pv_node_kind { PV_NODE_SCALAR, PV_NODE_SEQ, PV_NODE_MAP };
enum pv_scalar_style { PV_STYLE_PLAIN, PV_STYLE_QUOTED, PV_STYLE_BLOCK };
enum pv_tag {
	PV_TAG_NONE,		/* no tag: resolved by the schema */
	PV_TAG_NONSPECIFIC,	/* "!": a plain string */
	PV_TAG_STR, PV_TAG_INT, PV_TAG_FLOAT, PV_TAG_BOOL, PV_TAG_NULL,
	PV_TAG_TIMESTAMP, PV_TAG_MAP, PV_TAG_SEQ,
};

struct pv_pair;

/* What the source says around a node that the tree does not keep. */
enum pv_node_flags {
	PV_NODE_COMMENTED = 1 << 0,	/* a plain scalar followed by a comment on its line */
};

struct pv_node {
	uint8_t kind;		/* enum pv_node_kind */
	uint8_t style;		/* enum pv_scalar_style, scalars only */
	uint8_t tag;		/* enum pv_tag */
	uint8_t flags;		/* enum pv_node_flags */
	uint32_t len;		/* scalar bytes, sequence items or mapping pairs */
	struct pv_pos pos;
	union {
		const char *str;	/* NUL-terminated, may hold no NUL */
		struct pv_node **items;
		struct pv_pair *pairs;
	} u;
};

struct pv_pair {
	struct pv_node *key;	/* always a scalar */
	struct pv_node *value;
};

/* Safety limits (FMT007). Each has a command-line flag to raise it. */
struct pv_limits {
	uint64_t max_file_size;	/* bytes */
	uint32_t max_depth;	/* nested collections */
	uint64_t max_nodes;	/* nodes after alias expansion */
	uint64_t max_scalar;	/* bytes in one scalar */
	uint64_t max_expanded;	/* bytes after alias expansion */
};
#define PV_LIMITS_DEFAULT { 64u << 20, 100, 10000000u, 1u << 20, 64u << 20 }

struct pv_doc {
	struct pv_arena arena;
	struct pv_node *root;	/* NULL when the file holds no document */
	uint64_t nodes;		/* after alias expansion */
	uint64_t bytes;		/* scalar bytes after alias expansion */
};
#define PV_DOC_INIT { PV_ARENA_INIT, NULL, 0, 0 }

/*
 * Parses `len` bytes at `src` (which must be NUL-terminated at src[len]).
 * Findings go to `d` (FMT001, FMT004 for tags, FMT006, FMT007).
 * Returns 0 when a tree was built, -1 when the file cannot be read as YAML
 * (a finding says why).
 */
int pv_doc_parse(struct pv_doc *doc, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d);
void pv_doc_release(struct pv_doc *doc);

/* Finds `key` in a mapping node; NULL when absent. */
struct pv_node *pv_node_get(const struct pv_node *map, const char *key);

/* Converts a byte offset in `src` to a position (a leading BOM takes no
 * column). Linear in `offset`: for one error, not for every node. */
struct pv_pos pv_pos_of_offset(const char *src, size_t len, size_t offset);

/* ---- prescan ---- */

/*
 * Characters pasted from a word processor that break YAML, reported before
 * libyaml runs, each at its own line and column and all in one run: tabs
 * and Unicode or zero-width spaces in the indentation, next to a key's
 * colon or a list dash or after a closed quoted or flow value, bullets and
 * dashes used as list markers, curly quotes around a value, a file saved
 * as UTF-16 or UTF-32. Each is an
 * FMT001 error that names the character in plain words and says how to fix
 * it. Linear: each line is looked at once.
 */

/* What a character is to the pre-scan and to SYN002. */
enum pv_char_class {
	PV_CHAR_PLAIN,		/* nothing to say */
	PV_CHAR_SPACE,		/* a space other than U+0020: no-break, thin, ideographic ... */
	PV_CHAR_INVISIBLE,	/* zero-width characters, the soft hyphen */
	PV_CHAR_TAB,
	PV_CHAR_BULLET,		/* bullets and dashes a pasted list starts with */
	PV_CHAR_QUOTE,		/* curly quotation marks */
};

/* The class of `cp`; when not PLAIN, *name (may be NULL) gets its name,
 * a word such as "a no-break space (U+00A0)". */
enum pv_char_class pv_prescan_classify(uint32_t cp, struct pv_arg *name);

struct pv_prescan {
	char *fixed;		/* the text with what was found repaired, or NULL */
	size_t fixed_len;
	uint32_t *lines;	/* the lines with a finding, in order */
	size_t nlines, lines_alloc;
};
#define PV_PRESCAN_INIT { NULL, 0, NULL, 0, 0 }

/*
 * Scans `len` bytes at `src`; findings go to `d`. Returns how many were
 * found, or -1 for a file in UTF-16 or UTF-32 (one finding: nothing else
 * can be read). When something was found and could be repaired, s->fixed
 * holds the text with each such character replaced by one ASCII character
 * (a space, '-', a straight quote), so that lines and columns stay those
 * of `src` and libyaml can look at the rest of the file.
 */
int pv_prescan_run(struct pv_prescan *s, const char *src, size_t len, struct pv_diags *d);
/* Whether a finding is on `line` or on the line before it: where an error
 * of libyaml would be the same problem seen again. */
int pv_prescan_near(const struct pv_prescan *s, uint32_t line);
void pv_prescan_release(struct pv_prescan *s);

/* ---- explain: libyaml's problems in the drafter's words ---- */

/*
 * The cases of src/catalogue/syntax.en.yaml's `yaml_errors` (generated by
 * tools/catgen.c), in file order: libyaml's problem string (or one of
 * pveplan's own for what libyaml accepts but a drafter did not mean), the
 * libyaml context it needs ("" for any), the fix kind that recognises the
 * drafter's mistake on the line and computes the corrected line, and the
 * FMT001 catalogue fields of its message (NULL: the case only gives the
 * hint of a finding made elsewhere) and hint.
 */
struct pv_yaml_case {
	const char *problem, *context, *fix, *message, *hint;
};
extern const struct pv_yaml_case pv_yaml_cases[];
extern const size_t pv_yaml_ncases;

/* An error of libyaml, its marks as lines and columns (1-based, in
 * characters) of the text it read. */
struct pv_yaml_error {
	const char *problem, *context;	/* context may be NULL */
	uint32_t line, col;
	uint32_t context_line, context_col;	/* 0 when there is no context */
	int own;		/* one of pveplan's problems, not libyaml's */
};

/* What a fix kind found: where the drafter sees the mistake, the key of
 * the line, the corrected line, and a second text some kinds give (the
 * quoted form beside the closed bracket, the list item, the indentation). */
struct pv_yaml_fix {
	struct pv_pos pos;
	struct pv_buf key, fixed, other;
	char mark[8];		/* the character the value starts with */
	long have, want;	/* indentations, in spaces */
};
#define PV_YAML_FIX_INIT { { 0, 0, 0 }, PV_BUF_INIT, PV_BUF_INIT, PV_BUF_INIT, "", 0, 0 }

/* Whether fix kind `kind` recognises the error on the lines of `src`; if
 * so, 1 and *out filled (released by the caller either way). -1 for a kind
 * that does not exist. */
int pv_yaml_fix_compute(const char *kind, const char *src, size_t len,
			const struct pv_yaml_error *e, struct pv_yaml_fix *out);
void pv_yaml_fix_release(struct pv_yaml_fix *f);

/*
 * Reports the error in plain words: the first case of its problem (and
 * context) whose fix kind recognises it gives the FMT001 finding, at the
 * place the drafter sees, with the corrected line in its hint and
 * libyaml's own words in its note. NULL when no case fits (the caller
 * reports libyaml's words).
 */
struct pv_diag *pv_yaml_explain(struct pv_diags *d, const char *src, size_t len,
				const struct pv_yaml_error *e);
/* libyaml's problem or context string `s` as a word of the catalogue (so
 * it is said in the output language); as text when libyaml has a new one. */
struct pv_arg pv_yaml_word(const char *s);
/* The same, from the one line that starts at byte `line_start` (line
 * e->line): the pre-scan's way, constant work per line. */
struct pv_diag *pv_yaml_explain_line(struct pv_diags *d, const char *src, size_t len,
				     size_t line_start, const struct pv_yaml_error *e);
/* For a finding of its own (FMT004 for a tag): the hint of the first case
 * without a message that recognises the error; 0 when none does. */
int pv_yaml_explain_hint(struct pv_diag *g, const char *src, size_t len,
			 const struct pv_yaml_error *e);

#endif
