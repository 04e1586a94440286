#ifndef PVEPLAN_LANG_H
#define PVEPLAN_LANG_H

/*
 * Languages: the catalogue compiled into tables, and messages rendered in a
 * language.
 */

#include <stddef.h>

#include "pveplan/base.h"

/* ---- lang ---- */

/*
 * The languages of findings and outputs, from the catalogue (src/catalogue/,
 * compiled into C tables at build time by tools/catgen.c): rule texts,
 * labels, and the translations of the checker's messages.
 */
struct pv_lang;

/* The language `code` (one of the six of pv_lang_report_codes()), or NULL. */
const struct pv_lang *pv_lang_get(const char *code);
/* English, always available. */
const struct pv_lang *pv_lang_default(void);
const char *pv_lang_code(const struct pv_lang *lang);
/* The codes of the languages findings can be given in, NULL-terminated. */
const char *const *pv_lang_codes(void);
/* The codes of the languages reports can be written in (the six official
 * languages of the United Nations), NULL-terminated. */
const char *const *pv_lang_report_codes(void);
/* Whether findings can be given in `lang` (it has a rule catalogue). */
int pv_lang_has_findings(const struct pv_lang *lang);
/* A label of the reports; falls back to English, then to the key. */
const char *pv_lang_report_label(const struct pv_lang *lang, const char *key);

/* A label; falls back to English, then to the key itself. */
const char *pv_lang_label(const struct pv_lang *lang, const char *key);
/* A field of a rule's entry ("title", "message", "variants.no_ngo" ...), in
 * English when `lang` lacks it, or NULL when English lacks it too. */
const char *pv_lang_rule_field(const struct pv_lang *lang, const char *code,
			       const char *field);
/* The translation of an English message format (a msgid), or the msgid. */
const char *pv_lang_message(const struct pv_lang *lang, const char *msgid);
/* Plurals, by CLDR's categories ("zero" "one" "two" "few" "many" "other").
 * The category of the count `n` in `lang` (NULL: English). */
const char *pv_lang_plural(const struct pv_lang *lang, unsigned long long n);
/* The categories a language's texts are written in, NULL-terminated (en, es,
 * fr: one, other; ru: one, few, many, other; ar: all six; zh: other). */
const char *const *pv_lang_plural_categories(const struct pv_lang *lang);
/* ngettext: the translation of a counted message, `singular` and `plural`
 * being its English formats (a catalogue keys it by `singular`, with one
 * form per category); falls back to the English form for `n`. */
const char *pv_lang_nmessage(const struct pv_lang *lang, const char *singular,
			     const char *plural, unsigned long long n);
/* The label KEY.CATEGORY for the count `n` (KEY.other when the language has
 * no such form; English when it has neither); of the rule catalogue's labels,
 * or of the report labels. */
const char *pv_lang_count_label(const struct pv_lang *lang, const char *key, unsigned long long n);
const char *pv_lang_count_report_label(const struct pv_lang *lang, const char *key,
				       unsigned long long n);
/* Appends the count `n` as the label KEY of the rule catalogue says it in
 * `lang` ("{n} errors", "3 ошибки", "0 erreur"). */
void pv_lang_count(const struct pv_lang *lang, const char *key, unsigned long long n,
		   struct pv_buf *out);
/* The translation of a word used inside messages, or the word. */
const char *pv_lang_word(const struct pv_lang *lang, const char *word);

/* The catalogue version (the `version:` of the English catalogue). */
int pv_lang_catalogue_version(void);

/* For tests and `pveplan rules`: the rule codes of the catalogue in file
 * order. */
size_t pv_lang_rule_codes(const struct pv_lang *lang, const char *const **codes);

/* The tables of a language, sorted by key, for tests and listings. */
enum pv_lang_table { PV_LANG_RULES, PV_LANG_LABELS, PV_LANG_MESSAGES, PV_LANG_WORDS,
		     PV_LANG_REPORT };
struct pv_lang_entry {
	const char *key, *value;	/* rules: "CODE.field", "CODE.variants.NAME" */
};
size_t pv_lang_table(const struct pv_lang *lang, enum pv_lang_table which,
		     const struct pv_lang_entry **entries);

/* A description of the plan format (src/catalogue/schema.LANG.yaml, for
 * `pveplan schema`): "key.SCHEMA.KEY" (SCHEMA: the mapping's name, '_' for
 * spaces), "value.ENUM.NAME", or one of its `texts`; NULL when `lang` has
 * none (no fallback: a test requires every one in every language). */
const char *pv_lang_schema_text(const struct pv_lang *lang, const char *key);
/* Its whole table, sorted by key (empty for a language without the file). */
size_t pv_lang_schema_table(const struct pv_lang *lang, const struct pv_lang_entry **entries);

/* ---- citations: the register of src/catalogue/citations.yaml ---- */

/*
 * One entry of the citation register: what was seen of a source, where,
 * and with what status. Every text is the register's, in English; a
 * document's name in a language is the label "doc.ID" of `counts_under`,
 * a status's "citation_status.STATUS".
 */
struct pv_citation {
	const char *key;		/* "POA-44a" */
	const char *document;		/* as the register names it: "A/70/674" */
	const char *locator;		/* "para. 44 (a)"; "" when none was seen */
	const char *status;		/* "verified" or "substance" */
	const char *seen;		/* the few words seen, exactly as recorded */
	const char *where;		/* where they were seen */
	const char *counts_under;	/* the scored document: "A/70/674" ... */
};

/* The citations of rule `code` into `*cites`, in the order the register
 * gives them; 0 for a rule that cites nothing (FMT, REF, CON, PVE102 ...). */
size_t pv_lang_rule_citations(const char *code, const struct pv_citation *const **cites);
/* The entry `key`, or NULL. */
const struct pv_citation *pv_lang_citation(const char *key);
/* Every entry, in file order. */
size_t pv_lang_citations(const struct pv_citation **all);
/* The ids of the documents scores are given for, in order, NULL-terminated. */
const char *const *pv_lang_scored_documents(void);

/* ---- messages rendered in a language (src/lang/msg_render.c) ---- */

/* Appends the message in `lang` (English when NULL). */
void pv_msg_render(const struct pv_msg *m, const struct pv_lang *lang, struct pv_buf *out);
/* For a terminal: the plan text of the arguments escaped (pv_buf_add_visible:
 * no byte of it can move the cursor, colour or reorder the line) and, in a
 * right-to-left language, each argument in a Unicode isolate; the catalogue's
 * own text as it is. */
void pv_msg_render_terminal(const struct pv_msg *m, const struct pv_lang *lang,
			    struct pv_buf *out);
/* The message rendered in `lang` (NULL: English); the caller frees it. */
char *pv_msg_text(const struct pv_msg *m, const struct pv_lang *lang);
/* `v` with `decimals` decimals, grouped by three, with the language's
 * separators (the report labels number.group and number.decimal). */
void pv_lang_number(const struct pv_lang *lang, double v, int decimals, struct pv_buf *out);
/* A date as the language writes it (date.day, date.month, month.N and
 * month_alone.N of the report labels): a year when month is 0, a month of a
 * year when day is 0. */
void pv_lang_date(const struct pv_lang *lang, int year, int month, int day, struct pv_buf *out);
/* Right-to-left languages (the report label "dir" is "rtl": Arabic): the
 * Unicode isolates (UAX #9) that keep a left-to-right run, a position
 * file:line:col, a rule code, a number with its currency, in its order
 * inside right-to-left text: LRI (U+2066) and PDI (U+2069), and FSI
 * (U+2068) for a text of either direction (plan text, ids). "" in a
 * left-to-right language, so its output has no invisible character. */
const char *pv_lang_lri(const struct pv_lang *lang);
const char *pv_lang_fsi(const struct pv_lang *lang);
const char *pv_lang_pdi(const struct pv_lang *lang);
/* Appends one argument as it renders in `lang`. */
void pv_arg_render(const struct pv_arg *a, const struct pv_lang *lang, struct pv_buf *out);
/* Fills the {name} placeholders of `tmpl` from `npairs` name, value pairs
 * (2 * npairs arguments; the names are TEXT). */
void pv_template_fill(const char *tmpl, const struct pv_arg *pairs, size_t npairs,
		      const struct pv_lang *lang, struct pv_buf *out);

#endif
