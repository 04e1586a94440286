/*
 * catgen: compiles the catalogue (src/catalogue/KIND.LANG.yaml) into C tables
 * at build time, so that pveplan parses nothing at start-up and a malformed
 * catalogue fails the build instead of aborting a user's run.
 *
 *   catgen OUT.c FILE...
 *
 * Each FILE is rules.LANG.yaml, messages.LANG.yaml, report.LANG.yaml,
 * schema.LANG.yaml or syntax.LANG.yaml (the SYN rules and the pre-scan's
 * messages: rules, messages and words added to those of the same language,
 * each key defined once across the files). The output defines `pv_catalogue_langs[]` (see
 * src/lang/catalogue.h): per language, sorted key/value tables that the
 * language module searches with bsearch; and `pv_catalogue_schema[]`, the
 * descriptions of the plan format, one table per language, in the same order. A host tool on libyaml, which the build needs anyway; it does not
 * use pveplan's own YAML tree, whose messages come from these very tables.
 */
#include <yaml.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LANGS 16

struct pair {
	char *key, *value;
};

struct table {
	struct pair *v;
	size_t n, alloc;
};

struct lang {
	char code[8];
	int has_rules, version;
	struct table rules, labels, messages, words, report;
	struct table schema;	/* "text", "key.SCHEMA.KEY", "value.ENUM.NAME" */
	char **codes;		/* rule codes in file order */
	size_t ncodes, codes_alloc;
};

static struct lang langs[MAX_LANGS];
static size_t nlangs;
static const char *current;

static void die(const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s:", current);
	if (n)
		fprintf(stderr, "%lu:%lu:", (unsigned long)n->start_mark.line + 1,
			(unsigned long)n->start_mark.column + 1);
	fprintf(stderr, " error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *grow(void *p, size_t need, size_t *alloc, size_t size)
{
	if (need <= *alloc)
		return p;
	*alloc = *alloc ? *alloc * 2 : 64;
	if (*alloc < need)
		*alloc = need;
	p = realloc(p, *alloc * size);
	if (!p) {
		fprintf(stderr, "catgen: out of memory\n");
		exit(1);
	}
	return p;
}

static char *dup(const char *s)
{
	char *d = strdup(s);
	if (!d) {
		fprintf(stderr, "catgen: out of memory\n");
		exit(1);
	}
	return d;
}

static void put(struct table *t, const char *key, const char *value)
{
	t->v = grow(t->v, t->n + 1, &t->alloc, sizeof(*t->v));
	t->v[t->n].key = dup(key);
	t->v[t->n].value = dup(value);
	t->n++;
}

static const char *scalar(const yaml_node_t *n, const char *what)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		die(n, "%s must be a string", what);
	return (const char *)n->data.scalar.value;
}

static yaml_node_t *get(yaml_document_t *doc, const yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

/* Every key of a mapping is a string, and appears once. */
static void check_map(yaml_document_t *doc, const yaml_node_t *map, const char *what)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		die(map, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		const char *ks = scalar(k, "a key");
		for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = yaml_document_get_node(doc, q->key);
			if (!strcmp((const char *)k2->data.scalar.value, ks))
				die(k, "duplicate key '%s' in %s", ks, what);
		}
	}
}

/* A flat mapping of strings into `t`, keys prefixed with `prefix`. */
static void load_flat(yaml_document_t *doc, const yaml_node_t *map, const char *prefix,
		      const char *what, struct table *t)
{
	char key[512];
	check_map(doc, map, what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		if (snprintf(key, sizeof(key), "%s%s", prefix, (const char *)k->data.scalar.value) >=
		    (int)sizeof(key))
			die(k, "key too long");
		put(t, key, scalar(v, what));
	}
}

/* A mapping of flat mappings: "PREFIX.OUTER.INNER" for each inner key. */
static void load_nested(yaml_document_t *doc, const yaml_node_t *map, const char *prefix,
			const char *what, struct table *t)
{
	char inner[256];
	check_map(doc, map, what);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (snprintf(inner, sizeof(inner), "%s%s.", prefix, (const char *)k->data.scalar.value) >=
		    (int)sizeof(inner))
			die(k, "key too long");
		load_flat(doc, yaml_document_get_node(doc, p->value), inner, what, t);
	}
}

static const char *const rule_fields[] = { "title", "message", "rationale", "citation",
					   "hint", "example", "fix" };

static void load_rules(yaml_document_t *doc, const yaml_node_t *rules, struct lang *l)
{
	char prefix[64];
	check_map(doc, rules, "'rules'");
	for (yaml_node_pair_t *p = rules->data.mapping.pairs.start;
	     p < rules->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *entry = yaml_document_get_node(doc, p->value);
		const char *code = (const char *)k->data.scalar.value;
		if (strlen(code) != 6 || strchr(code, '.'))
			die(k, "'%s' is not a rule code", code);
		check_map(doc, entry, code);
		for (size_t i = 0; i < sizeof(rule_fields) / sizeof(*rule_fields); i++)
			if (!get(doc, entry, rule_fields[i]))
				die(entry, "rule %s has no '%s'", code, rule_fields[i]);
		l->codes = grow(l->codes, l->ncodes + 1, &l->codes_alloc, sizeof(*l->codes));
		l->codes[l->ncodes++] = dup(code);
		for (yaml_node_pair_t *f = entry->data.mapping.pairs.start;
		     f < entry->data.mapping.pairs.top; f++) {
			yaml_node_t *fk = yaml_document_get_node(doc, f->key);
			yaml_node_t *fv = yaml_document_get_node(doc, f->value);
			const char *field = (const char *)fk->data.scalar.value;
			snprintf(prefix, sizeof(prefix), "%s.%s", code, field);
			if (!strcmp(field, "variants")) {
				strcat(prefix, ".");
				load_flat(doc, fv, prefix, "'variants'", &l->rules);
			} else {
				put(&l->rules, prefix, scalar(fv, field));
			}
		}
	}
}

static struct lang *lang_for(const char *code, const yaml_node_t *where)
{
	for (size_t i = 0; i < nlangs; i++)
		if (!strcmp(langs[i].code, code))
			return &langs[i];
	if (nlangs == MAX_LANGS || strlen(code) >= sizeof(langs[0].code))
		die(where, "too many languages, or a bad language code '%s'", code);
	strcpy(langs[nlangs].code, code);
	return &langs[nlangs++];
}

static void load_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t parser;
	yaml_document_t doc;
	const char *base = strrchr(path, '/');
	char kind[16] = "", code[8] = "";
	current = path;
	base = base ? base + 1 : path;
	if (sscanf(base, "%15[a-z].%7[a-z].yaml", kind, code) != 2)
		die(NULL, "the name must be KIND.LANG.yaml");
	if (!f)
		die(NULL, "cannot open: %s", strerror(errno));
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		fprintf(stderr, "%s:%lu:%lu: error: %s\n", path,
			(unsigned long)parser.problem_mark.line + 1,
			(unsigned long)parser.problem_mark.column + 1,
			parser.problem ? parser.problem : "not valid YAML");
		exit(1);
	}
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	check_map(&doc, root, "the file");
	struct lang *l = lang_for(code, root);
	static const char *const allowed[][6] = {
		{ "rules", "catalogue", "language", "version", "rules", "labels" },
		{ "messages", "language", "messages", "words", NULL, NULL },
		{ "report", "report", "language", "labels", NULL, NULL },
		{ "schema", "schema", "language", "texts", "keys", "values" },
		{ "syntax", "syntax", "language", "rules", "messages", "words" },
	};
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		int ok = 0;
		for (size_t a = 0; a < sizeof(allowed) / sizeof(*allowed); a++)
			for (size_t j = 1; j < 6 && !strcmp(allowed[a][0], kind); j++)
				ok |= allowed[a][j] && !strcmp(allowed[a][j],
							       (const char *)k->data.scalar.value);
		if (!ok)
			die(k, "unknown key '%s' in a %s catalogue", k->data.scalar.value, kind);
	}
	const yaml_node_t *lang = get(&doc, root, "language");
	if (!lang || strcmp(scalar(lang, "'language'"), code))
		die(root, "'language' must be '%s', as the file name says", code);
	if (!strcmp(kind, "rules")) {
		l->has_rules = 1;
		l->version = atoi(scalar(get(&doc, root, "version"), "'version'"));
		if (l->version < 1)
			die(root, "'version' must be a positive number");
		load_rules(&doc, get(&doc, root, "rules"), l);
		load_flat(&doc, get(&doc, root, "labels"), "", "'labels'", &l->labels);
	} else if (!strcmp(kind, "messages")) {
		load_flat(&doc, get(&doc, root, "messages"), "", "'messages'", &l->messages);
		load_flat(&doc, get(&doc, root, "words"), "", "'words'", &l->words);
	} else if (!strcmp(kind, "report")) {
		load_flat(&doc, get(&doc, root, "labels"), "", "'labels'", &l->report);
	} else if (!strcmp(kind, "syntax")) {
		/* Each part is optional: English has no messages to translate. */
		if (get(&doc, root, "rules"))
			load_rules(&doc, get(&doc, root, "rules"), l);
		if (get(&doc, root, "messages"))
			load_flat(&doc, get(&doc, root, "messages"), "", "'messages'", &l->messages);
		if (get(&doc, root, "words"))
			load_flat(&doc, get(&doc, root, "words"), "", "'words'", &l->words);
	} else if (!strcmp(kind, "schema")) {
		load_flat(&doc, get(&doc, root, "texts"), "", "'texts'", &l->schema);
		load_nested(&doc, get(&doc, root, "keys"), "key.", "'keys'", &l->schema);
		load_nested(&doc, get(&doc, root, "values"), "value.", "'values'", &l->schema);
	} else {
		die(NULL, "unknown catalogue kind '%s'", kind);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
}

static int cmp_pair(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->key, ((const struct pair *)b)->key);
}

/* A C string literal; bytes outside printable ASCII as octal escapes. */
static void literal(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p >= 0x7f || *p == '?')
			fprintf(out, "\\%03o", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void emit_table(FILE *out, const char *lang, const char *name, struct table *t)
{
	if (!t->n)
		return;
	qsort(t->v, t->n, sizeof(*t->v), cmp_pair);
	for (size_t i = 1; i < t->n; i++)
		if (!strcmp(t->v[i].key, t->v[i - 1].key)) {
			current = lang;
			die(NULL, "key '%s' is defined twice in the %s table", t->v[i].key, name);
		}
	fprintf(out, "static const struct pv_catalogue_entry %s_%s[] = {\n", lang, name);
	for (size_t i = 0; i < t->n; i++) {
		fputs("\t{ ", out);
		literal(out, t->v[i].key);
		fputs(", ", out);
		literal(out, t->v[i].value);
		fputs(" },\n", out);
	}
	fputs("};\n", out);
}

static void emit_ref(FILE *out, const char *lang, const char *name, const struct table *t)
{
	if (t->n)
		fprintf(out, "\t\t{ %s_%s, %zu },\n", lang, name, t->n);
	else
		fputs("\t\t{ NULL, 0 },\n", out);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: catgen OUT.c FILE...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++)
		load_file(argv[i]);
	FILE *out = fopen(argv[1], "w");
	if (!out) {
		fprintf(stderr, "catgen: cannot write '%s'\n", argv[1]);
		return 1;
	}
	fputs("/* Generated by tools/catgen.c from src/catalogue/; do not edit. */\n"
	      "#include \"catalogue.h\"\n\n", out);
	for (size_t i = 0; i < nlangs; i++) {
		struct lang *l = &langs[i];
		emit_table(out, l->code, "rules", &l->rules);
		emit_table(out, l->code, "labels", &l->labels);
		emit_table(out, l->code, "messages", &l->messages);
		emit_table(out, l->code, "words", &l->words);
		emit_table(out, l->code, "report", &l->report);
		emit_table(out, l->code, "schema", &l->schema);
		if (l->ncodes) {
			fprintf(out, "static const char *const %s_codes[] = {\n", l->code);
			for (size_t c = 0; c < l->ncodes; c++) {
				fputc('\t', out);
				literal(out, l->codes[c]);
				fputs(",\n", out);
			}
			fputs("};\n", out);
		}
	}
	fputs("\nconst struct pv_catalogue_lang pv_catalogue_langs[] = {\n", out);
	for (size_t i = 0; i < nlangs; i++) {
		const struct lang *l = &langs[i];
		fprintf(out, "\t{ \"%s\", %d, %d,\n", l->code, l->has_rules, l->version);
		emit_ref(out, l->code, "rules", &l->rules);
		emit_ref(out, l->code, "labels", &l->labels);
		emit_ref(out, l->code, "messages", &l->messages);
		emit_ref(out, l->code, "words", &l->words);
		emit_ref(out, l->code, "report", &l->report);
		if (l->ncodes)
			fprintf(out, "\t\t%s_codes, %zu },\n", l->code, l->ncodes);
		else
			fputs("\t\tNULL, 0 },\n", out);
	}
	fprintf(out, "};\nconst unsigned pv_catalogue_nlangs = %zu;\n", nlangs);
	fputs("\nconst struct pv_catalogue_table pv_catalogue_schema[] = {\n", out);
	for (size_t i = 0; i < nlangs; i++)
		emit_ref(out, langs[i].code, "schema", &langs[i].schema);
	fputs("};\n", out);
	if (fclose(out) != 0) {
		fprintf(stderr, "catgen: cannot write '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
