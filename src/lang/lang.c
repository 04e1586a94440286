#include "pveplan/lang.h"

#include "catalogue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The languages are the generated catalogue tables (src/lang/catalogue.h): no
 * parsing, no lazy loading, no mutable state. A struct pv_lang is one
 * entry of pv_catalogue_langs.
 */
struct pv_lang {
	struct pv_catalogue_lang c;
};

/* Findings are given in the languages that have a rule catalogue; reports
 * in the six official languages of the United Nations. */
static const char *const report_codes[] = { "ar", "en", "es", "fr", "ru", "zh", NULL };

const char *const *pv_lang_codes(void)
{
	return pv_catalogue_rule_langs;
}

const char *const *pv_lang_report_codes(void)
{
	return report_codes;
}

const struct pv_lang *pv_lang_get(const char *code)
{
	for (unsigned i = 0; code && i < pv_catalogue_nlangs; i++)
		if (!strcmp(code, pv_catalogue_langs[i].code))
			return (const struct pv_lang *)&pv_catalogue_langs[i];
	return NULL;
}

const struct pv_lang *pv_lang_default(void)
{
	return pv_lang_get("en");
}

const char *pv_lang_code(const struct pv_lang *lang)
{
	return lang ? lang->c.code : "en";
}

int pv_lang_catalogue_version(void)
{
	return pv_lang_default()->c.version;
}

static int cmp_key(const void *key, const void *entry)
{
	return strcmp(key, ((const struct pv_catalogue_entry *)entry)->key);
}

static const char *find(const struct pv_catalogue_table *t, const char *key)
{
	const struct pv_catalogue_entry *e =
		t->n ? bsearch(key, t->v, t->n, sizeof(*t->v), cmp_key) : NULL;
	return e ? e->value : NULL;
}

const char *pv_lang_label(const struct pv_lang *lang, const char *key)
{
	const char *s = lang ? find(&lang->c.labels, key) : NULL;
	if (!s)
		s = find(&pv_lang_default()->c.labels, key);
	return s ? s : key;
}

int pv_lang_has_findings(const struct pv_lang *lang)
{
	return lang && lang->c.has_rules;
}

const char *pv_lang_report_label(const struct pv_lang *lang, const char *key)
{
	const char *s = lang ? find(&lang->c.report, key) : NULL;
	if (!s)
		s = find(&pv_lang_default()->c.report, key);
	return s ? s : key;
}

const char *pv_lang_rule_field(const struct pv_lang *lang, const char *code,
			       const char *field)
{
	char key[96];
	/* Reports in a language without a rule catalogue cite rules in English. */
	if (!lang || !lang->c.has_rules)
		lang = pv_lang_default();
	if ((size_t)snprintf(key, sizeof(key), "%s.%s", code, field) >= sizeof(key))
		return NULL;
	const char *s = find(&lang->c.rules, key);
	/* A text a translation lacks is said in English rather than not at all
	 * (unit.lang requires every one in every language). */
	if ((!s || !*s) && lang != pv_lang_default())
		s = find(&pv_lang_default()->c.rules, key);
	return s && *s ? s : NULL;
}

const char *pv_lang_message(const struct pv_lang *lang, const char *msgid)
{
	const char *s = lang ? find(&lang->c.messages, msgid) : NULL;
	return s ? s : msgid;
}

/* CLDR's cardinal plural rules for whole numbers, in the six languages
 * (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html);
 * a language pveplan has no rule for counts like English. */
const char *pv_lang_plural(const struct pv_lang *lang, unsigned long long n)
{
	const char *c = pv_lang_code(lang);
	unsigned long long n10 = n % 10, n100 = n % 100;
	if (!strcmp(c, "zh"))
		return "other";
	if (!strcmp(c, "fr"))
		return n <= 1 ? "one" : "other";
	if (!strcmp(c, "ru")) {
		if (n10 == 1 && n100 != 11)
			return "one";
		if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14))
			return "few";
		return "many";
	}
	if (!strcmp(c, "ar")) {
		if (n <= 2)
			return n == 0 ? "zero" : n == 1 ? "one" : "two";
		if (n100 >= 3 && n100 <= 10)
			return "few";
		return n100 >= 11 ? "many" : "other";
	}
	return n == 1 ? "one" : "other";
}

const char *const *pv_lang_plural_categories(const struct pv_lang *lang)
{
	static const char *const one_other[] = { "one", "other", NULL };
	static const char *const ru[] = { "one", "few", "many", "other", NULL };
	static const char *const ar[] = { "zero", "one", "two", "few", "many", "other", NULL };
	static const char *const other[] = { "other", NULL };
	const char *c = pv_lang_code(lang);
	return !strcmp(c, "ru") ? ru : !strcmp(c, "ar") ? ar : !strcmp(c, "zh") ? other : one_other;
}

const char *pv_lang_nmessage(const struct pv_lang *lang, const char *singular,
			     const char *plural, unsigned long long n)
{
	char key[1024];
	const char *s = NULL;
	if (lang && strcmp(pv_lang_code(lang), "en")) {
		if ((size_t)snprintf(key, sizeof(key), "%s\x1f%s", singular,
				     pv_lang_plural(lang, n)) < sizeof(key))
			s = find(&lang->c.messages, key);
		if (!s)		/* a language with one form writes it plainly */
			s = find(&lang->c.messages, singular);
	}
	return s ? s : n == 1 ? singular : plural;
}

/* KEY.CATEGORY of `table`, else KEY.other, else the English KEY.one/other. */
static const char *count_key(const struct pv_lang *lang, int report, const char *key,
			     unsigned long long n, char *buf, size_t size)
{
	const struct pv_lang *en = pv_lang_default();
	const char *cats[] = { pv_lang_plural(lang, n), "other" };
	for (int i = 0; lang && i < 2; i++) {
		snprintf(buf, size, "%s.%s", key, cats[i]);
		const char *s = find(report ? &lang->c.report : &lang->c.labels, buf);
		if (s)
			return s;
	}
	snprintf(buf, size, "%s.%s", key, pv_lang_plural(en, n));
	return report ? pv_lang_report_label(en, buf) : pv_lang_label(en, buf);
}

const char *pv_lang_count_label(const struct pv_lang *lang, const char *key, unsigned long long n)
{
	char buf[128];
	return count_key(lang, 0, key, n, buf, sizeof(buf));
}

const char *pv_lang_count_report_label(const struct pv_lang *lang, const char *key,
				       unsigned long long n)
{
	char buf[128];
	return count_key(lang, 1, key, n, buf, sizeof(buf));
}

const char *pv_lang_word(const struct pv_lang *lang, const char *word)
{
	const char *s = lang ? find(&lang->c.words, word) : NULL;
	return s ? s : word;
}

size_t pv_lang_rule_codes(const struct pv_lang *lang, const char *const **codes)
{
	*codes = lang->c.codes;
	return lang->c.ncodes;
}

size_t pv_lang_table(const struct pv_lang *lang, enum pv_lang_table which,
		     const struct pv_lang_entry **entries)
{
	const struct pv_catalogue_table *t = which == PV_LANG_RULES ? &lang->c.rules
					   : which == PV_LANG_LABELS ? &lang->c.labels
					   : which == PV_LANG_MESSAGES ? &lang->c.messages
					   : which == PV_LANG_WORDS ? &lang->c.words
								    : &lang->c.report;
	_Static_assert(sizeof(struct pv_lang_entry) == sizeof(struct pv_catalogue_entry),
		       "pv_lang_entry mirrors pv_catalogue_entry");
	*entries = (const struct pv_lang_entry *)t->v;
	return t->n;
}

static const struct pv_catalogue_table *schema_table(const struct pv_lang *lang)
{
	return &pv_catalogue_schema[(const struct pv_catalogue_lang *)lang - pv_catalogue_langs];
}

const char *pv_lang_schema_text(const struct pv_lang *lang, const char *key)
{
	return lang ? find(schema_table(lang), key) : NULL;
}

size_t pv_lang_schema_table(const struct pv_lang *lang, const struct pv_lang_entry **entries)
{
	const struct pv_catalogue_table *t = schema_table(lang);
	*entries = (const struct pv_lang_entry *)t->v;
	return t->n;
}

static int cmp_code(const void *code, const void *entry)
{
	return strcmp(code, ((const struct pv_catalogue_rule_cites *)entry)->code);
}

size_t pv_lang_rule_citations(const char *code, const struct pv_citation *const **cites)
{
	const struct pv_catalogue_rule_cites *r =
		pv_catalogue_nrule_cites ? bsearch(code, pv_catalogue_rule_cites, pv_catalogue_nrule_cites,
						   sizeof(*pv_catalogue_rule_cites), cmp_code)
					 : NULL;
	*cites = r ? r->v : NULL;
	return r ? r->n : 0;
}

const struct pv_citation *pv_lang_citation(const char *key)
{
	for (size_t i = 0; key && i < pv_catalogue_ncitations; i++)
		if (!strcmp(pv_catalogue_citations[i].key, key))
			return &pv_catalogue_citations[i];
	return NULL;
}

size_t pv_lang_citations(const struct pv_citation **all)
{
	*all = pv_catalogue_citations;
	return pv_catalogue_ncitations;
}

const char *const *pv_lang_scored_documents(void)
{
	return pv_catalogue_documents;
}
