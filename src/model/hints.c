/* Help for a value written in words where a code or an enumeration value
 * belongs (src/model/hints.h). */
#include "hints.h"

#include "names_fold.h"
#include "pveplan/base.h"
#include "pveplan/model.h"

#include <stdlib.h>
#include <string.h>

/* Longer values are no name pveplan knows: they are not folded at all. */
#define FOLD_MAX 512

/* The languages of the labels, named in the language of the findings. */
static const struct pv_arg lang_label[] = {
	[PV_NAME_AR] = PV_L_INIT("lang_name.ar"), [PV_NAME_EN] = PV_L_INIT("lang_name.en"),
	[PV_NAME_ES] = PV_L_INIT("lang_name.es"), [PV_NAME_FR] = PV_L_INIT("lang_name.fr"),
	[PV_NAME_RU] = PV_L_INIT("lang_name.ru"), [PV_NAME_ZH] = PV_L_INIT("lang_name.zh"),
};

/* The first entry of `t` whose name is `f`, or where it would be. */
static size_t lower_bound(const struct pv_name *t, size_t n, const char *f)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(t[mid].folded, f) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The one value that `got` names in table `t` and that `ok` accepts, with
 * the language of its name: a name in another language than English is
 * preferred, since an English label is often also a close spelling. NULL
 * when `got` names nothing, or two different values.
 */
static const char *lookup(const struct pv_name *t, size_t n, const char *got,
			  int (*ok)(const char *value, const void *ctx), const void *ctx,
			  enum pv_name_lang *lang)
{
	char f[FOLD_MAX];
	if (strlen(got) >= FOLD_MAX || pv_names_fold(got, f, sizeof(f)) <= 0)
		return NULL;
	const char *best = NULL;
	enum pv_name_lang bl = PV_NAME_EN;
	for (size_t i = lower_bound(t, n, f); i < n && !strcmp(t[i].folded, f); i++) {
		if (!ok(t[i].value, ctx))
			continue;
		if (best && strcmp(best, t[i].value))
			return NULL;
		if (!best || (bl == PV_NAME_EN && t[i].lang != PV_NAME_EN)) {
			best = t[i].value;
			bl = (enum pv_name_lang)t[i].lang;
		}
	}
	if (best)
		*lang = bl;
	return best;
}

static int in_names(const char *value, const void *ctx)
{
	const char *const *names = ctx;
	for (size_t i = 1; names[i]; i++)
		if (!strcmp(names[i], value))
			return 1;
	return 0;
}

const char *pv_hints_enum_value(const char *got, const char *const *names,
				enum pv_name_lang *lang)
{
	return lookup(pv_names_enum, pv_names_enum_nr, got, in_names, names, lang);
}

static int is_country(const char *value, const void *ctx)
{
	(void)ctx;
	return pv_is_country(value);
}

static int is_language(const char *value, const void *ctx)
{
	(void)ctx;
	return pv_is_language(value);
}

const char *pv_hints_code_of(const char *got, int language, enum pv_name_lang *lang)
{
	if (language)
		return lookup(pv_names_language, pv_names_language_nr, got, is_language, NULL, lang);
	return lookup(pv_names_country, pv_names_country_nr, got, is_country, NULL, lang);
}

const char *pv_model_code_for_name(enum pv_code_kind kind, const char *text)
{
	enum pv_name_lang lang;
	if (!text || (kind != PV_CODE_COUNTRY && kind != PV_CODE_LANGUAGE))
		return NULL;
	return pv_hints_code_of(text, kind == PV_CODE_LANGUAGE, &lang);
}

/* The hint for `got`, a word for `value` in language `lang`. */
static void hint_word(struct pv_diag *g, const char *key, const char *got, const char *value,
		      enum pv_name_lang lang, int in_list)
{
	if (lang == PV_NAME_EN && in_list)
		pv_diag_hint(g, "'%s' is how the reports write `%s`: write `%s` in the list '%s'",
			     got, value, value, key);
	else if (lang == PV_NAME_EN)
		pv_diag_hint(g, "'%s' is how the reports write `%s`: write `%s: %s`", got, value,
			     key, value);
	else if (in_list)
		pv_diag_hint(g, "'%s' is the %s for `%s`: write `%s` in the list '%s'", got,
			     lang_label[lang], value, value, key);
	else
		pv_diag_hint(g, "'%s' is the %s for `%s`: write `%s: %s`", got, lang_label[lang],
			     value, key, value);
}

int pv_hints_enum(struct pv_diag *g, const char *key, const char *got,
		  const char *const *names, int in_list)
{
	size_t n = 0;
	while (names[n + 1])
		n++;
	/* `Youth` for `youth`: "did you mean" is the shorter help. */
	if (pv_suggest(got, names + 1, n, 0))
		return 0;
	enum pv_name_lang lang;
	const char *v = pv_hints_enum_value(got, names, &lang);
	if (!v || (lang == PV_NAME_EN && pv_suggest(got, names + 1, n, 2)))
		return 0;
	hint_word(g, key, got, v, lang, in_list);
	return 1;
}

int pv_hints_pillar(struct pv_diag *g, const char *key, const char *got)
{
	static const char *const pillars[] = { "", "1", "2", "3", "4", NULL };
	enum pv_name_lang lang;
	const char *v = pv_hints_enum_value(got, pillars, &lang);
	if (!v)
		return 0;
	hint_word(g, key, got, v, lang, 1);
	return 1;
}

/* The language of a tag with a region or a script (`en-GB`, `zh_Hans`),
 * in `primary`; 0 when `got` is no such tag. */
static int language_of_tag(const char *got, char primary[4])
{
	size_t n = strcspn(got, "-_");
	if ((n != 2 && n != 3) || !got[n])
		return 0;
	for (size_t i = 0; i < n; i++)
		primary[i] = (char)(got[i] >= 'A' && got[i] <= 'Z' ? got[i] - 'A' + 'a' : got[i]);
	primary[n] = '\0';
	return pv_is_language(primary);
}

int pv_hints_text_key(struct pv_diag *g, const char *got)
{
	enum pv_name_lang lang;
	char primary[4];
	const char *code = pv_hints_code_of(got, 1, &lang);
	if (!code && language_of_tag(got, primary))
		pv_diag_hint(g, "'%s' adds a region or a script to the language, which pveplan does not take: write the key `%s:`",
			     got, primary);
	else if (code && lang == PV_NAME_CODE)
		pv_diag_hint(g, "'%s' is the three-letter code of a language that has a two-letter one: write the key `%s:`",
			     got, code);
	else if (code)
		pv_diag_hint(g, "'%s' is the name of a language: write the key `%s:`", got, code);
	return code || language_of_tag(got, primary);
}

static void hint_language(struct pv_diag *g, const char *key, const char *got)
{
	enum pv_name_lang lang;
	const char *code = pv_hints_code_of(got, 1, &lang);
	char primary[4];
	if (!code && language_of_tag(got, primary))
		pv_diag_hint(g, "'%s' adds a region or a script to the language, which pveplan does not take: write `%s: %s`",
			     got, key, primary);
	else if (code && lang == PV_NAME_CODE)
		pv_diag_hint(g, "'%s' is the three-letter code of a language that has a two-letter one: write `%s: %s`",
			     got, key, code);
	else if (code)
		pv_diag_hint(g, "'%s' is the name of a language: write `%s: %s`; a language is written as its code, such as ar (Arabic), en (English), es (Spanish), fr (French), ru (Russian) or zh (Chinese)",
			     got, key, code);
	else
		pv_diag_hint(g, "a language is written as its code, such as ar (Arabic), en (English), es (Spanish), fr (French), ru (Russian) or zh (Chinese); any other language as its ISO 639 code, in lower case, of two letters where there is one");
}

static void hint_country(struct pv_diag *g, const char *key, const char *got, int in_list)
{
	enum pv_name_lang lang;
	const char *code = pv_hints_code_of(got, 0, &lang);
	if (code && lang == PV_NAME_CODE && in_list)
		pv_diag_hint(g, "'%s' is the three-letter code of a country: write its two-letter code, `%s`, in the list '%s'",
			     got, code, key);
	else if (code && lang == PV_NAME_CODE)
		pv_diag_hint(g, "'%s' is the three-letter code of a country: write its two-letter code, `%s: %s`",
			     got, key, code);
	else if (code && in_list)
		pv_diag_hint(g, "'%s' is the name of a country: write `%s` in the list '%s'; a country is written as its ISO 3166-1 alpha-2 code, two capital letters, such as ML (Mali), CI (Côte d'Ivoire) or FR (France)",
			     got, code, key);
	else if (code)
		pv_diag_hint(g, "'%s' is the name of a country: write `%s: %s`; a country is written as its ISO 3166-1 alpha-2 code, two capital letters, such as ML (Mali), CI (Côte d'Ivoire) or FR (France)",
			     got, key, code);
	else
		pv_diag_hint(g, "a country is written as its ISO 3166-1 alpha-2 code, two capital letters, such as ML (Mali), CI (Côte d'Ivoire) or FR (France)");
}

void pv_hints_code(struct pv_diag *g, const char *key, const char *got, int language,
		   int in_list)
{
	if (language)
		hint_language(g, key, got);
	else
		hint_country(g, key, got, in_list);
}

static int cmp_l10n(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pv_country_l10n *)elem)->code);
}

const char *pv_country_name_in(const char *code, const char *lang)
{
	static const char *const langs[] = { "ar", "en", "es", "fr", "ru", "zh" };
	const char *en = pv_country_name(code);
	const struct pv_country_l10n *e =
		en && pv_country_l10n_nr ? bsearch(code, pv_country_l10n, pv_country_l10n_nr,
						   sizeof(*pv_country_l10n), cmp_l10n)
					 : NULL;
	for (int l = 0; e && lang && l < 6; l++)
		if (!strcmp(lang, langs[l]) && e->name[l])
			return e->name[l];
	return en;
}
