#ifndef PVEPLAN_MSG_H
#define PVEPLAN_MSG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"

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
 *   (pv_msg_list()).
 */
enum pv_arg_kind {
	PV_ARG_TEXT, PV_ARG_WORD, PV_ARG_LABEL, PV_ARG_INT, PV_ARG_UINT, PV_ARG_REAL,
	PV_ARG_AMOUNT, PV_ARG_LIST,
};

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

/* Rendering (src/msg_render.c), in the output language. */

/* Appends the message in `lang` (English when NULL). */
void pv_msg_render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out);
/* The message rendered in `lang` (NULL: English); the caller frees it. */
char *pv_msg_text(const struct pv_msg *m, const struct pv_lang *lang);
/* Appends one argument as it renders in `lang`. */
void pv_arg_render(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out);
/* Fills the {name} placeholders of `tmpl` from `npairs` name, value pairs
 * (2 * npairs arguments; the names are TEXT). */
void pv_template_fill(const char *tmpl, const struct pv_arg *pairs, size_t npairs,
		      const struct pv_lang *lang, struct pv_buf *out);

#endif
