#ifndef PVEPLAN_MSG_H
#define PVEPLAN_MSG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "pveplan/buf.h"

struct pv_lang;

/*
 * A message kept in a form that can be rendered in any language later:
 * findings are made before the output language is known (it may be the
 * plan's own), and one run may render them in several formats.
 *
 * - PV_MSG_PRINTF: `key` is an English printf format (the msgid, as in
 *   gettext) and `args` its arguments, each already rendered as text. A
 *   translation is a format with the same conversions (positional "%1$s"
 *   allowed). An argument written with PV_W("word") is itself translated.
 * - PV_MSG_CATALOGUE: `key` is a rule code and `field` a field of its
 *   catalogue entry ("message", "hint", "variants.no_ngo"); `args` holds
 *   name/value pairs for its {placeholders}.
 */
enum pv_msg_kind { PV_MSG_NONE, PV_MSG_PRINTF, PV_MSG_CATALOGUE };

struct pv_msg {
	uint8_t kind;
	uint8_t nargs;		/* PRINTF: arguments; CATALOGUE: pairs */
	const char *key;
	const char *field;
	char **args;
};

/*
 * Arguments that are rendered in the output language:
 * - PV_W("word"): a word of the messages file (messages.LANG.yaml, "words");
 * - PV_L("key"): a catalogue label (rules.LANG.yaml, "labels");
 * - an amount made with pv_msg_amount(): grouped digits in the language's
 *   style, then the currency;
 * - a list made with pv_msg_list(): items (each may be one of the above)
 *   joined with ", " and the language's "and".
 */
#define PV_W(s) "\001" s
#define PV_L(s) "\002" s

/* An amount argument: "\004" number [ "\037" currency ]; the caller frees. */
char *pv_msg_amount(double v, const char *currency);
/* A list argument from `n` items; the caller frees. */
char *pv_msg_list(const char *const *items, size_t n);

void pv_msg_vprintf(struct pv_msg *m, const char *fmt, va_list ap);
/* name, value, name, value ..., NULL. Values are copied; PV_W() allowed. */
void pv_msg_vcatalogue(struct pv_msg *m, const char *code, const char *field, va_list ap);
void pv_msg_copy_args(struct pv_msg *dst, const struct pv_msg *src);
void pv_msg_release(struct pv_msg *m);

/* Appends the message in `lang` (English when NULL). */
void pv_msg_render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out);

/* Fills the {name} placeholders of `tmpl` from name/value `pairs`. */
void pv_template_fill(const char *tmpl, char *const *pairs, size_t npairs,
		      const struct pv_lang *lang, struct pv_buf *out);

/* A template shown without a finding's values: "{id}" becomes "<id>". */
void pv_template_generic(const char *tmpl, struct pv_buf *out);

/*
 * The conversions of a printf format, in argument order, as a string of
 * conversion letters with their length modifiers ("s", "u", "zu", "lld");
 * -1 when the format uses something pv_msg does not support. Used by tests
 * to check that a translation takes the same arguments.
 */
int pv_msg_signature(const char *fmt, struct pv_buf *out);

#endif
