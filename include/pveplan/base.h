#ifndef PVEPLAN_BASE_H
#define PVEPLAN_BASE_H

/*
 * The base of every stage: allocation, the string buffer, the string map,
 * UTF-8 and the escaping of plan text, message arguments, findings, the clock.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ---- alloc ---- */

/*
 * pveplan is an application, not a library: running out of memory is fatal
 * and handled here, in one place, so no caller checks for NULL.
 */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Prints "pveplan: fatal: out of memory" and exits with status 3. */
_Noreturn void pv_die_oom(void);

/* Grow `ptr` (an array of `nr` used items, `alloc` allocated) to hold `need`. */
#define PV_ALLOC_GROW(ptr, need, alloc)                                        \
	do {                                                                   \
		if ((need) > (alloc)) {                                        \
			size_t pv_new_ = (alloc) ? (alloc) * 2 : 8;            \
			if (pv_new_ < (need))                                  \
				pv_new_ = (need);                              \
			(ptr) = xrealloc((ptr), pv_new_ * sizeof(*(ptr)));     \
			(alloc) = pv_new_;                                     \
		}                                                              \
	} while (0)

#define PV_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* An arena: many small allocations freed at once (the parsed document). */
struct pv_arena {
	struct pv_arena_block *head;
	size_t used;		/* bytes used in head */
	size_t total;		/* bytes handed out, for statistics */
};
#define PV_ARENA_INIT { NULL, 0, 0 }

void *pv_arena_alloc(struct pv_arena *a, size_t size);
char *pv_arena_strndup(struct pv_arena *a, const char *s, size_t n);
void pv_arena_release(struct pv_arena *a);

/* ---- buf ---- */

/*
 * The one growable string buffer used for all output.
 * Invariants: `buf` is never NULL and always NUL-terminated; `len` bytes are
 * used, `alloc` allocated (0 while `buf` points at the shared empty string).
 */
struct pv_buf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char pv_buf_empty[];
#define PV_BUF_INIT { pv_buf_empty, 0, 0 }

void pv_buf_init(struct pv_buf *b);
void pv_buf_release(struct pv_buf *b);
/* Hands the string to the caller, who frees it; `b` is reset. */
char *pv_buf_detach(struct pv_buf *b, size_t *len);
void pv_buf_grow(struct pv_buf *b, size_t extra);
void pv_buf_reset(struct pv_buf *b);

void pv_buf_add(struct pv_buf *b, const void *data, size_t len);
void pv_buf_adds(struct pv_buf *b, const char *s);
void pv_buf_addch(struct pv_buf *b, int c);
void pv_buf_addf(struct pv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void pv_buf_vaddf(struct pv_buf *b, const char *fmt, va_list ap);
/* Appends `n` copies of `c`. */
void pv_buf_addchars(struct pv_buf *b, int c, size_t n);

/* ---- strmap ---- */

/*
 * A string-keyed hash map (open addressing, keyed SipHash). Keys are
 * borrowed: they must outlive the map. Used for anchors and the plan's identifier table, where a
 * linear search would make large plans quadratic.
 */
struct pv_strmap {
	struct pv_strmap_slot *slots;
	size_t nr, cap;
	unsigned char key[16];	/* the hash key, drawn when the map first grows */
};
#define PV_STRMAP_INIT { NULL, 0, 0, { 0 } }

void pv_strmap_release(struct pv_strmap *m);
/* Returns the value for `key`, or NULL. */
void *pv_strmap_get(const struct pv_strmap *m, const char *key);
/* Sets `key`; returns the previous value or NULL. */
void *pv_strmap_put(struct pv_strmap *m, const char *key, void *value);

/* The longest probe sequence of any key (1 when none collides), for tests. */
size_t pv_strmap_longest_probe(const struct pv_strmap *m);

/* ---- utf8 ---- */

/*
 * UTF-8 and the characters of plan text that an output must not pass on
 * raw: plan text is data, and no byte of it may change how a terminal, a
 * parser or a reader sees pveplan's own output.
 */

/*
 * Decodes the character at `s` (`len` bytes available, at least 1).
 * Returns the bytes it takes (1 to 4); an invalid sequence takes 1 byte
 * and gives U+FFFD.
 */
size_t pv_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* The columns a terminal gives the character `cp` (utf8proc): 2 for the
 * wide characters of Chinese, 0 for combining marks and format characters
 * (the isolates of right-to-left text), else 1. */
int pv_utf8_charwidth(uint32_t cp);
/* The columns of `len` bytes of text. */
size_t pv_utf8_width(const char *s, size_t len);

/*
 * Whether `cp` must be shown escaped: C0 controls (tab, newline and
 * carriage return included), DEL, C1 controls, the line and paragraph
 * separators, the bidirectional embeddings, overrides and isolates,
 * U+FEFF, and the non-characters U+FFFE and U+FFFF.
 */
int pv_utf8_is_unsafe(uint32_t cp);

/* Appends the escape of one character: \t, \n, \r, \xHH below U+0080, else
 * \u{HHHH} (lower-case hex), as Rust's escape_debug writes them. */
void pv_utf8_add_escape(struct pv_buf *out, uint32_t cp);

/* Appends `len` bytes of plan text with every unsafe character escaped
 * (see above); invalid UTF-8 bytes are escaped as \xHH. */
void pv_buf_add_visible(struct pv_buf *out, const char *s, size_t len);

/*
 * The length of the line break at s[i] (i < len): 2 for CRLF, 1 for LF or
 * a lone CR, 0 when s[i] ends no line. This is an editor's rule, the one
 * rule for every position: NEL, U+2028 and U+2029 end no line (libyaml's
 * own line count treats them as breaks, so its marks' lines are not used).
 */
size_t pv_line_break(const char *s, size_t len, size_t i);

/* ---- msg ---- */

struct pv_lang;

/*
 * Message arguments are typed values, as jq's jv: the kind travels beside
 * the value, never inside it, so no byte of plan text can make an argument
 * render as a translated word, a label, an amount or a list.
 *
 * - TEXT: text shown as it is (plan text, ids, file names);
 * - WORD: a word of the messages file (messages.LANG.yaml, "words"),
 *   made with PV_W("word");
 * - LABEL: a catalogue label (rules.LANG.yaml, "labels"), PV_L("key");
 * - INT, UINT, REAL: numbers, formatted when rendered;
 * - AMOUNT: grouped digits in the language's style, then the currency
 *   (pv_msg_amount());
 * - LIST: items (each any kind) joined with ", " and the language's "and"
 *   (pv_msg_list());
 * - DATE: a year, a month or a day, written as the language writes dates
 *   (pv_msg_date());
 * - MSG: a message inside a message, rendered in the same language (the
 *   reason a lower stage gave, under a higher stage's words: pv_arg_msg()).
 */
enum pv_arg_kind {
	PV_ARG_TEXT, PV_ARG_WORD, PV_ARG_LABEL, PV_ARG_INT, PV_ARG_UINT, PV_ARG_REAL,
	PV_ARG_AMOUNT, PV_ARG_LIST, PV_ARG_DATE, PV_ARG_MSG,
};
struct pv_msg;

struct pv_arg {
	uint8_t kind;		/* enum pv_arg_kind */
	union {
		const char *s;		/* TEXT, WORD, LABEL */
		long long i;
		unsigned long long u;
		double d;
		struct {
			double v;
			const char *currency;	/* NULL: none */
		} amount;
		struct {
			const struct pv_arg *v;
			size_t n;
		} list;
		struct {
			int year, month, day;	/* month and day 0 when not given */
		} date;
		const struct pv_msg *m;
	} u;
};

/* Initialisers, for static tables; PV_W() and PV_L() are the expressions. */
#define PV_W_INIT(word) { .kind = PV_ARG_WORD, .u = { .s = (word) } }
#define PV_L_INIT(key) { .kind = PV_ARG_LABEL, .u = { .s = (key) } }
#define PV_W(word) ((struct pv_arg)PV_W_INIT(word))
#define PV_L(key) ((struct pv_arg)PV_L_INIT(key))

struct pv_arg pv_arg_text(const char *s);	/* NULL gives "" */
struct pv_arg pv_arg_int(long long v);
struct pv_arg pv_arg_uint(unsigned long long v);
struct pv_arg pv_arg_real(double v);
struct pv_arg pv_arg_self(struct pv_arg a);
/* An amount; `currency` (may be NULL) is borrowed until captured. */
struct pv_arg pv_msg_amount(double v, const char *currency);
/* A list of `n` items, borrowed until captured. */
struct pv_arg pv_msg_list(const struct pv_arg *items, size_t n);
/* A date: a year (month 0), a month of a year (day 0) or a day. */
struct pv_arg pv_msg_date(int year, int month, int day);
/* A message, borrowed until captured. */
struct pv_arg pv_arg_msg(const struct pv_msg *m);

/* The argument of C type T, by its type: strings are TEXT. */
#define PV_ARG(x)                                                              \
	_Generic((x),                                                          \
		struct pv_arg: pv_arg_self,                                    \
		char *: pv_arg_text, const char *: pv_arg_text,                \
		_Bool: pv_arg_int, char: pv_arg_int, signed char: pv_arg_int,  \
		short: pv_arg_int, int: pv_arg_int, long: pv_arg_int,          \
		long long: pv_arg_int,                                         \
		unsigned char: pv_arg_uint, unsigned short: pv_arg_uint,       \
		unsigned: pv_arg_uint, unsigned long: pv_arg_uint,             \
		unsigned long long: pv_arg_uint,                               \
		float: pv_arg_real, double: pv_arg_real)(x)

/*
 * PV_MSG_ARGS(first, a, b ...) expands to: first, an array of the typed
 * arguments a, b ..., their count. Up to 12 arguments after `first`.
 */
#define PV_MSG_NARGS(...) PV_MSG_NARGS_(__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, x)
#define PV_MSG_NARGS_(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, n, ...) n
#define PV_MSG_CAT(a, b) PV_MSG_CAT_(a, b)
#define PV_MSG_CAT_(a, b) a##b
#define PV_MSG_ARGS(...) PV_MSG_CAT(PV_MSG_A, PV_MSG_NARGS(__VA_ARGS__))(__VA_ARGS__)
#define PV_MSG_V(...) (const struct pv_arg[]){ __VA_ARGS__ }
#define PV_MSG_A0(f) f, NULL, 0
#define PV_MSG_A1(f, a) f, PV_MSG_V(PV_ARG(a)), 1
#define PV_MSG_A2(f, a, b) f, PV_MSG_V(PV_ARG(a), PV_ARG(b)), 2
#define PV_MSG_A3(f, a, b, c) f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c)), 3
#define PV_MSG_A4(f, a, b, c, d) f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d)), 4
#define PV_MSG_A5(f, a, b, c, d, e)                                            \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e)), 5
#define PV_MSG_A6(f, a, b, c, d, e, g)                                         \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g)), 6
#define PV_MSG_A7(f, a, b, c, d, e, g, h)                                      \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h)), 7
#define PV_MSG_A8(f, a, b, c, d, e, g, h, i)                                   \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h), PV_ARG(i)), 8
#define PV_MSG_A9(f, a, b, c, d, e, g, h, i, j)                                \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h), PV_ARG(i), PV_ARG(j)), 9
#define PV_MSG_A10(f, a, b, c, d, e, g, h, i, j, k)                            \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h), PV_ARG(i), PV_ARG(j), PV_ARG(k)), 10
#define PV_MSG_A11(f, a, b, c, d, e, g, h, i, j, k, l)                         \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h), PV_ARG(i), PV_ARG(j), PV_ARG(k), PV_ARG(l)), 11
#define PV_MSG_A12(f, a, b, c, d, e, g, h, i, j, k, l, m)                      \
	f, PV_MSG_V(PV_ARG(a), PV_ARG(b), PV_ARG(c), PV_ARG(d), PV_ARG(e), PV_ARG(g),   \
		    PV_ARG(h), PV_ARG(i), PV_ARG(j), PV_ARG(k), PV_ARG(l), PV_ARG(m)), 12

/*
 * A message kept in a form that can be rendered in any language later:
 * findings are made before the output language is known (it may be the
 * plan's own), and one run may render them in several formats.
 *
 * - PV_MSG_PRINTF: `key` is an English printf-style format (the msgid, as
 *   in gettext) and `args` its arguments, in order. A translation is a
 *   format with the same conversions (positional "%1$s" allowed). The
 *   conversion only places the argument (and gives a number's width or
 *   precision); the argument's kind decides how it renders.
 * - PV_MSG_CATALOGUE: `key` is a rule code and `field` a field of its
 *   catalogue entry ("message", "hint", "variants.no_ngo"); `args` holds
 *   name/value pairs (the name a TEXT) for its {placeholders}.
 */
enum pv_msg_kind { PV_MSG_NONE, PV_MSG_PRINTF, PV_MSG_CATALOGUE };

struct pv_msg {
	uint8_t kind;
	uint8_t nargs;		/* PRINTF: arguments; CATALOGUE: pairs */
	const char *key;
	const char *field;
	struct pv_arg *args;	/* owned: deep copies */
};

/*
 * Captures a PRINTF message: copies `n` arguments. The number and kinds of
 * the arguments must match the conversions of `fmt` (a bug otherwise, which
 * aborts: every message is exercised by the tests).
 */
void pv_msg_printf(struct pv_msg *m, const char *fmt, const struct pv_arg *args, size_t n);
/* Captures a CATALOGUE message from `2 * npairs` arguments, name, value. */
void pv_msg_catalogue(struct pv_msg *m, const char *code, const char *field,
		      const struct pv_arg *pairs, size_t npairs);
/* `dst` gets deep copies of the arguments of `src`. */
void pv_msg_copy_args(struct pv_msg *dst, const struct pv_msg *src);
void pv_msg_release(struct pv_msg *m);

/*
 * Errors of the lower stages (a file that cannot be read or written, git
 * that cannot run) are messages too, so that a command shows them in its
 * language: pv_err(err, "cannot open '%s': %s", path, pv_arg_errno(errno)).
 * The message replaces what `err` held; `err` starts zeroed and is released
 * with pv_msg_release. Its format is a msgid of messages.LANG.yaml.
 */
#define pv_err(m, ...) pv_err_set((m), PV_MSG_ARGS(__VA_ARGS__))
void pv_err_set(struct pv_msg *m, const char *fmt, const struct pv_arg *args, size_t n);
/* The reason of errno `e` as a word of the messages file ("No such file or
 * directory"), so it is translated; strerror's English for a rare one. */
struct pv_arg pv_arg_errno(int e);

/* The argument at `i` of a PRINTF message, or the value of pair `i` of a
 * CATALOGUE message; NULL past the end. */
const struct pv_arg *pv_msg_arg(const struct pv_msg *m, size_t i);

/* A template shown without a finding's values: "{id}" becomes "<id>". */
void pv_template_generic(const char *tmpl, struct pv_buf *out);

/*
 * The conversions of a printf format, in argument order, as a string of
 * conversion letters with their length modifiers ("s", "u", "zu", "lld");
 * -1 when the format uses something pv_msg does not support. Used by tests
 * to check that a translation takes the same arguments.
 */
int pv_msg_signature(const char *fmt, struct pv_buf *out);

/* ---- diag ---- */

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

/* A fingerprint: 32 lower-case hex digits and the NUL. */
#define PV_FINGERPRINT_SIZE 33

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
	char *key_path;		/* where in the plan, by keys and ids (pv_check_fingerprints), or NULL */
	char fingerprint[PV_FINGERPRINT_SIZE];	/* "" until pv_check_fingerprints() */
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

/*
 * The stable identity of finding `g` (docs/json-output.md, "Fingerprints"):
 * the first 128 bits of a SHA-256, in hex, of its rule code, `plan_id`
 * (may be NULL), g->key_path, g->subject, the message's key (the English
 * format, or the catalogue field) and its identifying arguments: words and
 * labels, and the named texts of a catalogue message but for `ids` and
 * `date`. Never a line or column, a count, an amount or a list, which
 * change when other parts of the plan change. `occurrence` (0 for the
 * first) tells apart findings that are otherwise the same, in file order.
 * SHA-256 rather than SipHash: a fingerprint leaves the process, kept in
 * baselines and compared across runs and machines, so it must be unkeyed
 * and collision-resistant; SipHash is a keyed hash for tables.
 */
void pv_diag_fingerprint(const struct pv_diag *g, const char *plan_id, unsigned occurrence,
			 char out[PV_FINGERPRINT_SIZE]);

/* Records that rule `code` (a string that outlives `d`) does not apply
 * (PVE120 on a national plan ...). */
void pv_diags_not_applicable(struct pv_diags *d, const char *code);
/* Whether rule `code` was recorded as not applicable. */
int pv_diags_is_not_applicable(const struct pv_diags *d, const char *code);

/* Counts of one file's findings not waived, by severity, and of those
 * waived; findings left out by pv_diags_cap() included. */
size_t pv_diags_count(const struct pv_diags *d, enum pv_severity sev);
size_t pv_diags_waived(const struct pv_diags *d);

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

/* ---- clock ---- */

/* Now, in seconds since 1970, from SOURCE_DATE_EPOCH when set, else the
 * clock: outputs that carry a time stay reproducible. */
long long pv_now(void);
/* YYYY-MM-DDTHH:MM:SS (UTC). */
void pv_format_timestamp(long long t, char out[32]);
/* Today, from SOURCE_DATE_EPOCH when set, else the clock. */
int32_t pv_policy_today(void);

#endif
