#include "pveplan/lang.h"

#include "embedded.h"
#include "pveplan/alloc.h"
#include "pveplan/strmap.h"
#include "pveplan/tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct table {
	struct pv_strmap map;
	const char **keys, **values;
	size_t n, alloc;
};

struct pv_lang {
	const char *code;
	int loaded;
	struct pv_doc rules_doc, msgs_doc;
	struct pv_strmap rules;	/* code -> struct pv_node (mapping) */
	const char **codes;
	size_t ncodes, codes_alloc;
	struct table labels, messages, words;
	struct pv_doc report_doc;
	struct table report;	/* labels of the reports */
	int version;
	int has_rules;
};

/* Findings are given in English and French; reports in the six official
 * languages of the United Nations. */
static struct pv_lang langs[] = { { .code = "en" }, { .code = "fr" }, { .code = "ar" },
				  { .code = "es" }, { .code = "ru" }, { .code = "zh" } };
static const char *const lang_codes[] = { "en", "fr", NULL };
static const char *const report_codes[] = { "ar", "en", "es", "fr", "ru", "zh", NULL };

const char *const *pv_lang_codes(void)
{
	return lang_codes;
}

const char *const *pv_lang_report_codes(void)
{
	return report_codes;
}

const struct pv_embedded *pv_embedded_find(const char *name)
{
	for (const struct pv_embedded *e = pv_embedded_files; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}

static _Noreturn void bad_data(const char *file, const char *what)
{
	fprintf(stderr, "pveplan: BUG: built-in file '%s': %s\n", file, what);
	abort();
}

static void table_put(struct table *t, const char *k, const char *v)
{
	PV_ALLOC_GROW(t->keys, t->n + 1, t->alloc);
	t->values = xrealloc(t->values, t->alloc * sizeof(*t->values));
	t->keys[t->n] = k;
	t->values[t->n] = v;
	t->n++;
	pv_strmap_put(&t->map, k, (void *)v);
}

static const struct pv_node *parse(struct pv_doc *doc, const char *name)
{
	const struct pv_embedded *e = pv_embedded_find(name);
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	struct pv_diags d;
	if (!e)
		return NULL;
	pv_diags_init(&d, name);
	if (pv_doc_parse(doc, e->data, e->len, &lim, &d) < 0 || d.nr || !doc->root ||
	    doc->root->kind != PV_NODE_MAP)
		bad_data(name, "not a valid YAML mapping");
	pv_diags_release(&d);
	return doc->root;
}

static void load_pairs(struct table *t, const struct pv_node *map, const char *file)
{
	if (!map)
		return;
	if (map->kind != PV_NODE_MAP)
		bad_data(file, "a table is not a mapping");
	for (uint32_t i = 0; i < map->len; i++) {
		const struct pv_node *v = map->u.pairs[i].value;
		if (v->kind != PV_NODE_SCALAR)
			bad_data(file, "a value is not a string");
		table_put(t, map->u.pairs[i].key->u.str, v->u.str);
	}
}

static void load(struct pv_lang *l)
{
	char name[64];
	if (l->loaded)
		return;
	l->loaded = 1;
	snprintf(name, sizeof(name), "src/catalogue/rules.%s.yaml", l->code);
	const struct pv_node *root = parse(&l->rules_doc, name);
	const struct pv_node *rules = root ? pv_node_get(root, "rules") : NULL;
	if (root && (!rules || rules->kind != PV_NODE_MAP))
		bad_data(name, "no 'rules' mapping");
	l->has_rules = rules != NULL;
	for (uint32_t i = 0; rules && i < rules->len; i++) {
		const char *code = rules->u.pairs[i].key->u.str;
		if (rules->u.pairs[i].value->kind != PV_NODE_MAP)
			bad_data(name, "a rule entry is not a mapping");
		pv_strmap_put(&l->rules, code, rules->u.pairs[i].value);
		PV_ALLOC_GROW(l->codes, l->ncodes + 1, l->codes_alloc);
		l->codes[l->ncodes++] = code;
	}
	if (root) {
		const struct pv_node *v = pv_node_get(root, "version");
		l->version = v && v->kind == PV_NODE_SCALAR ? atoi(v->u.str) : 0;
		load_pairs(&l->labels, pv_node_get(root, "labels"), name);
	}

	snprintf(name, sizeof(name), "src/catalogue/messages.%s.yaml", l->code);
	root = parse(&l->msgs_doc, name);
	if (root) {
		load_pairs(&l->messages, pv_node_get(root, "messages"), name);
		load_pairs(&l->words, pv_node_get(root, "words"), name);
	}
	snprintf(name, sizeof(name), "src/catalogue/report.%s.yaml", l->code);
	root = parse(&l->report_doc, name);
	if (root)
		load_pairs(&l->report, pv_node_get(root, "labels"), name);
}

const struct pv_lang *pv_lang_get(const char *code)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(langs); i++)
		if (code && !strcmp(code, langs[i].code)) {
			load(&langs[i]);
			return &langs[i];
		}
	return NULL;
}

const struct pv_lang *pv_lang_default(void)
{
	return pv_lang_get("en");
}

const char *pv_lang_code(const struct pv_lang *lang)
{
	return lang ? lang->code : "en";
}

int pv_lang_catalogue_version(void)
{
	return pv_lang_default()->version;
}

const char *pv_lang_label(const struct pv_lang *lang, const char *key)
{
	const char *s = lang ? pv_strmap_get(&lang->labels.map, key) : NULL;
	if (!s && lang != pv_lang_default())
		s = pv_strmap_get(&pv_lang_default()->labels.map, key);
	return s ? s : key;
}

int pv_lang_has_findings(const struct pv_lang *lang)
{
	return lang && lang->has_rules;
}

const char *pv_lang_report_label(const struct pv_lang *lang, const char *key)
{
	const char *s = lang ? pv_strmap_get(&lang->report.map, key) : NULL;
	if (!s && lang != pv_lang_default())
		s = pv_strmap_get(&pv_lang_default()->report.map, key);
	return s ? s : key;
}

size_t pv_lang_report_labels(const struct pv_lang *lang, const char *const **keys)
{
	*keys = lang->report.keys;
	return lang->report.n;
}

const char *pv_lang_rule_field(const struct pv_lang *lang, const char *code,
			       const char *field)
{
	/* Reports in a language without a rule catalogue cite rules in English. */
	if (!lang || !lang->has_rules)
		lang = pv_lang_default();
	const struct pv_node *r = pv_strmap_get(&lang->rules, code);
	const char *dot = strchr(field, '.');
	if (r && dot) {
		char head[32];
		snprintf(head, sizeof(head), "%.*s", (int)(dot - field), field);
		r = pv_node_get(r, head);
		field = dot + 1;
	}
	const struct pv_node *v = r ? pv_node_get(r, field) : NULL;
	return v && v->kind == PV_NODE_SCALAR && v->len ? v->u.str : NULL;
}

const char *pv_lang_message(const struct pv_lang *lang, const char *msgid)
{
	const char *s = lang ? pv_strmap_get(&lang->messages.map, msgid) : NULL;
	return s ? s : msgid;
}

const char *pv_lang_word(const struct pv_lang *lang, const char *word)
{
	const char *s = lang ? pv_strmap_get(&lang->words.map, word) : NULL;
	return s ? s : word;
}

size_t pv_lang_rule_codes(const struct pv_lang *lang, const char *const **codes)
{
	*codes = lang->codes;
	return lang->ncodes;
}

size_t pv_lang_messages(const struct pv_lang *lang, const char *const **msgids,
			const char *const **translations)
{
	*msgids = lang->messages.keys;
	*translations = lang->messages.values;
	return lang->messages.n;
}

size_t pv_lang_words(const struct pv_lang *lang, const char *const **words,
		     const char *const **translations)
{
	*words = lang->words.keys;
	*translations = lang->words.values;
	return lang->words.n;
}

size_t pv_lang_labels(const struct pv_lang *lang, const char *const **keys)
{
	*keys = lang->labels.keys;
	return lang->labels.n;
}
