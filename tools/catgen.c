/*
 * catgen: compiles the catalogue (src/catalogue/KIND.LANG.yaml) into C tables
 * at build time, so that pveplan parses nothing at start-up and a malformed
 * catalogue fails the build instead of aborting a user's run.
 *
 *   catgen OUT.c [--yaml-cases OUT2.c] FILE...
 *
 * Each FILE is rules.LANG.yaml, messages.LANG.yaml, report.LANG.yaml,
 * schema.LANG.yaml or syntax.LANG.yaml (the SYN rules and the pre-scan's
 * messages: rules, messages and words added to those of the same language,
 * each key defined once across the files; and `yaml_errors`, libyaml's
 * problems in the drafter's words, see load_yaml_errors()). The output defines `pv_catalogue_langs[]` (see
 * src/lang/catalogue.h): per language, sorted key/value tables that the
 * language module searches with bsearch; and `pv_catalogue_schema[]`, the
 * descriptions of the plan format, one table per language, in the same order.
 * A FILE named citations.yaml is the citation register (see that file): its
 * entries, the scored documents and the citation keys of each rule, checked
 * against one another and against the rules of the catalogue. A host tool
 * on libyaml, which the build needs anyway; it does not use pveplan's own
 * YAML tree, whose messages come from these very tables.
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

/* syntax.en.yaml's `yaml_errors`: libyaml's problem, then per way a drafter
 * comes to it, its name, the libyaml context it needs (or ""), and the fix
 * kind that finds it and computes the corrected line; in file order, which
 * is the order they are tried in. */
struct yaml_case {
	char *problem, *name, *context, *fix;
	int has_message;
};
static struct yaml_case *ycases;
static size_t nycases, ycases_alloc;
static size_t nlangs;
static const char *current;

/* The citation register (citations.yaml). */
static const char *const cite_fields[] = { "document", "locator", "status", "seen",
					   "where", "counts_under" };
#define NCITE_FIELDS (sizeof(cite_fields) / sizeof(*cite_fields))
struct cite {
	char *key, *f[NCITE_FIELDS];
};
struct rule_cites {
	char *code;
	size_t *idx, n;
};
static struct {
	int loaded;
	struct cite *v;
	size_t n, alloc;
	char **docs;
	size_t ndocs, docs_alloc;
	struct rule_cites *rules;
	size_t nrules, rules_alloc;
} reg;

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

/* The CLDR plural categories a message's translation may be given in. */
static const char *const plural_cats[] = { "zero", "one", "two", "few", "many", "other" };

/* Messages: msgid -> translation; a plural message (its English singular
 * msgid) maps to its forms by CLDR category, stored as "MSGID\x1fCAT" (see
 * pv_lang_nmessage). */
static void load_messages(yaml_document_t *doc, const yaml_node_t *map, struct table *t)
{
	char key[1024];
	check_map(doc, map, "'messages'");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *v = yaml_document_get_node(doc, p->value);
		const char *ks = (const char *)k->data.scalar.value;
		if (v->type != YAML_MAPPING_NODE) {
			put(t, ks, scalar(v, "'messages'"));
			continue;
		}
		check_map(doc, v, "a plural message");
		for (yaml_node_pair_t *q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top;
		     q++) {
			yaml_node_t *c = yaml_document_get_node(doc, q->key);
			const char *cs = (const char *)c->data.scalar.value;
			size_t i = 0;
			while (i < 6 && strcmp(plural_cats[i], cs))
				i++;
			if (i == 6)
				die(c, "'%s' is not a plural category (zero, one, two, few, many, other)", cs);
			if (snprintf(key, sizeof(key), "%s\x1f%s", ks, cs) >= (int)sizeof(key))
				die(k, "key too long");
			put(t, key, scalar(yaml_document_get_node(doc, q->value), "a plural form"));
		}
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

/* `yaml_errors`: PROBLEM -> { CASE: { message, hint[, fix, context] } }.
 * The texts become the variants "yaml-CASE" and "yaml-CASE-hint" of
 * FMT001, so that a language lacking one fails the tests as any variant
 * does; the fix kinds and contexts are the English file's alone. */
static void load_yaml_errors(yaml_document_t *doc, const yaml_node_t *map, struct lang *l)
{
	char key[160];
	int en = !strcmp(l->code, "en");
	check_map(doc, map, "'yaml_errors'");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *cases = yaml_document_get_node(doc, p->value);
		const char *problem = (const char *)k->data.scalar.value;
		check_map(doc, cases, problem);
		for (yaml_node_pair_t *c = cases->data.mapping.pairs.start;
		     c < cases->data.mapping.pairs.top; c++) {
			yaml_node_t *ck = yaml_document_get_node(doc, c->key);
			yaml_node_t *cv = yaml_document_get_node(doc, c->value);
			const char *name = (const char *)ck->data.scalar.value;
			check_map(doc, cv, name);
			for (yaml_node_pair_t *f = cv->data.mapping.pairs.start;
			     f < cv->data.mapping.pairs.top; f++) {
				const char *fk = (const char *)yaml_document_get_node(doc, f->key)->data.scalar.value;
				if (strcmp(fk, "message") && strcmp(fk, "hint") &&
				    (!en || (strcmp(fk, "fix") && strcmp(fk, "context"))))
					die(cv, "unknown key '%s' in case '%s'%s", fk, name,
					    en ? "" : " (fix and context are the English file's)");
			}
			if (en && !get(doc, cv, "fix"))
				die(cv, "case '%s' has no 'fix'", name);
			if (snprintf(key, sizeof(key), "FMT001.variants.yaml-%s", name) >= (int)sizeof(key))
				die(ck, "case name too long");
			/* A case without a message gives the hint of a finding
			 * of its own (FMT004's unknown tag). */
			int has_message = get(doc, cv, "message") != NULL;
			if (has_message)
				put(&l->rules, key, scalar(get(doc, cv, "message"), "'message'"));
			strcat(key, "-hint");
			put(&l->rules, key, scalar(get(doc, cv, "hint"), "'hint'"));
			if (!en)
				continue;
			const yaml_node_t *ctx = get(doc, cv, "context");
			ycases = grow(ycases, nycases + 1, &ycases_alloc, sizeof(*ycases));
			ycases[nycases].problem = dup(problem);
			ycases[nycases].name = dup(name);
			ycases[nycases].context = dup(ctx ? scalar(ctx, "'context'") : "");
			ycases[nycases].fix = dup(scalar(get(doc, cv, "fix"), "'fix'"));
			ycases[nycases].has_message = has_message;
			nycases++;
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

/* ---- the citation register ---- */

static int find_cite(const char *key)
{
	for (size_t i = 0; i < reg.n; i++)
		if (!strcmp(reg.v[i].key, key))
			return (int)i;
	return -1;
}

static int find_doc(const char *id)
{
	for (size_t i = 0; i < reg.ndocs; i++)
		if (!strcmp(reg.docs[i], id))
			return (int)i;
	return -1;
}

/* `documents`: ID -> { LANG: name }, each name the label "doc.ID". */
static void load_documents(yaml_document_t *doc, const yaml_node_t *map)
{
	char key[128];
	check_map(doc, map, "'documents'");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *names = yaml_document_get_node(doc, p->value);
		const char *id = (const char *)k->data.scalar.value;
		if (!*id || snprintf(key, sizeof(key), "doc.%s", id) >= (int)sizeof(key))
			die(k, "'%s' is not a document id", id);
		reg.docs = grow(reg.docs, reg.ndocs + 1, &reg.docs_alloc, sizeof(*reg.docs));
		reg.docs[reg.ndocs++] = dup(id);
		check_map(doc, names, id);
		if (!get(doc, names, "en"))
			die(names, "document '%s' has no English name", id);
		for (yaml_node_pair_t *n = names->data.mapping.pairs.start;
		     n < names->data.mapping.pairs.top; n++) {
			yaml_node_t *lk = yaml_document_get_node(doc, n->key);
			struct lang *l = lang_for((const char *)lk->data.scalar.value, lk);
			put(&l->labels, key, scalar(yaml_document_get_node(doc, n->value), id));
		}
	}
}

/* `labels`: LANG -> { key: text }, into each language's labels. */
static void load_register_labels(yaml_document_t *doc, const yaml_node_t *map)
{
	check_map(doc, map, "'labels'");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		struct lang *l = lang_for((const char *)k->data.scalar.value, k);
		load_flat(doc, yaml_document_get_node(doc, p->value), "", "'labels'", &l->labels);
	}
}

static int key_chars(const char *s)
{
	return *s >= 'A' && *s <= 'Z' &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-") ==
		       strlen(s);
}

/* One entry of `citations`: every field, no other, a status that may be
 * cited, a document that is scored. */
static void load_cite(yaml_document_t *doc, yaml_node_t *k, yaml_node_t *entry)
{
	const char *key = (const char *)k->data.scalar.value;
	if (!key_chars(key) || strlen(key) > 40)
		die(k, "'%s' is not a citation key (A-Z first, then letters, digits, '.', '-')", key);
	if (find_cite(key) >= 0)
		die(k, "citation '%s' is listed twice", key);
	check_map(doc, entry, key);
	struct cite c = { dup(key), { NULL } };
	for (yaml_node_pair_t *f = entry->data.mapping.pairs.start;
	     f < entry->data.mapping.pairs.top; f++) {
		yaml_node_t *fk = yaml_document_get_node(doc, f->key);
		size_t i = 0;
		while (i < NCITE_FIELDS && strcmp(cite_fields[i], (const char *)fk->data.scalar.value))
			i++;
		if (i == NCITE_FIELDS)
			die(fk, "unknown field '%s' in citation %s", fk->data.scalar.value, key);
		c.f[i] = dup(scalar(yaml_document_get_node(doc, f->value), cite_fields[i]));
		if (!*c.f[i] && strcmp(cite_fields[i], "locator"))
			die(fk, "citation %s has an empty '%s'", key, cite_fields[i]);
	}
	for (size_t i = 0; i < NCITE_FIELDS; i++)
		if (!c.f[i])
			die(entry, "citation %s has no '%s'", key, cite_fields[i]);
	if (strcmp(c.f[2], "verified") && strcmp(c.f[2], "substance"))
		die(entry, "citation %s: status '%s' cannot be cited (verified or substance)", key,
		    c.f[2]);
	if (find_doc(c.f[5]) < 0)
		die(entry, "citation %s counts under '%s', which is not under 'documents'", key,
		    c.f[5]);
	reg.v = grow(reg.v, reg.n + 1, &reg.alloc, sizeof(*reg.v));
	reg.v[reg.n++] = c;
}

/* `unverified`: a list of {what, why}, kept only to be checked. */
static void load_unverified(yaml_document_t *doc, const yaml_node_t *seq)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		die(seq, "'unverified' must be a list");
	for (yaml_node_item_t *i = seq->data.sequence.items.start; i < seq->data.sequence.items.top;
	     i++) {
		yaml_node_t *e = yaml_document_get_node(doc, *i);
		check_map(doc, e, "an unverified entry");
		if (e->data.mapping.pairs.top - e->data.mapping.pairs.start != 2 ||
		    !*scalar(get(doc, e, "what"), "'what'") || !*scalar(get(doc, e, "why"), "'why'"))
			die(e, "an unverified entry has exactly 'what' and 'why', not empty");
	}
}

/* `rules`: PVEnnn -> [KEY, ...], each key in the register, once. */
static void load_rule_cites(yaml_document_t *doc, const yaml_node_t *map)
{
	check_map(doc, map, "'rules'");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		yaml_node_t *seq = yaml_document_get_node(doc, p->value);
		const char *code = (const char *)k->data.scalar.value;
		if (strlen(code) != 6 || strncmp(code, "PVE", 3) || strspn(code + 3, "0123456789") != 3)
			die(k, "'%s': only PVE rules cite sources", code);
		if (!seq || seq->type != YAML_SEQUENCE_NODE)
			die(seq, "the citations of %s must be a list of keys", code);
		struct rule_cites r = { dup(code), NULL, 0 };
		size_t alloc = 0;
		for (yaml_node_item_t *i = seq->data.sequence.items.start;
		     i < seq->data.sequence.items.top; i++) {
			yaml_node_t *kn = yaml_document_get_node(doc, *i);
			int c = find_cite(scalar(kn, "a citation key"));
			if (c < 0)
				die(kn, "%s cites '%s', which is not in the register", code,
				    kn->data.scalar.value);
			for (size_t j = 0; j < r.n; j++)
				if (r.idx[j] == (size_t)c)
					die(kn, "%s cites '%s' twice", code, kn->data.scalar.value);
			r.idx = grow(r.idx, r.n + 1, &alloc, sizeof(*r.idx));
			r.idx[r.n++] = (size_t)c;
		}
		reg.rules = grow(reg.rules, reg.nrules + 1, &reg.rules_alloc, sizeof(*reg.rules));
		reg.rules[reg.nrules++] = r;
	}
}

static void load_register(yaml_document_t *doc, yaml_node_t *root)
{
	static const char *const parts[] = { "register", "documents", "labels", "citations",
					     "unverified", "rules" };
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(doc, p->key);
		size_t i = 0;
		while (i < 6 && strcmp(parts[i], (const char *)k->data.scalar.value))
			i++;
		if (i == 6)
			die(k, "unknown key '%s' in the citation register", k->data.scalar.value);
	}
	for (size_t i = 0; i < 6; i++)
		if (!get(doc, root, parts[i]))
			die(root, "the citation register has no '%s'", parts[i]);
	if (atoi(scalar(get(doc, root, "register"), "'register'")) < 1)
		die(root, "'register' must be a positive number");
	if (reg.loaded)
		die(root, "a second citation register");
	reg.loaded = 1;
	load_documents(doc, get(doc, root, "documents"));
	load_register_labels(doc, get(doc, root, "labels"));
	yaml_node_t *cites = get(doc, root, "citations");
	check_map(doc, cites, "'citations'");
	for (yaml_node_pair_t *p = cites->data.mapping.pairs.start;
	     p < cites->data.mapping.pairs.top; p++)
		load_cite(doc, yaml_document_get_node(doc, p->key),
			  yaml_document_get_node(doc, p->value));
	load_unverified(doc, get(doc, root, "unverified"));
	load_rule_cites(doc, get(doc, root, "rules"));
}

/* Every PVE rule of a rule catalogue has its line in the register (a rule
 * that cites nothing says so with []). */
static void check_register(void)
{
	if (!reg.loaded)
		return;
	for (size_t i = 0; i < nlangs; i++)
		for (size_t c = 0; c < langs[i].ncodes; c++) {
			const char *code = langs[i].codes[c];
			size_t r = 0;
			while (r < reg.nrules && strcmp(reg.rules[r].code, code))
				r++;
			if (!strncmp(code, "PVE", 3) && r == reg.nrules) {
				current = "citations.yaml";
				die(NULL, "rule %s (rules.%s.yaml) has no line under 'rules'", code,
				    langs[i].code);
			}
		}
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
	int is_register = !strcmp(base, "citations.yaml");
	if (!is_register && sscanf(base, "%15[a-z].%7[a-z].yaml", kind, code) != 2)
		die(NULL, "the name must be KIND.LANG.yaml, or citations.yaml");
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
	if (is_register) {
		load_register(&doc, root);
		yaml_document_delete(&doc);
		yaml_parser_delete(&parser);
		fclose(f);
		return;
	}
	struct lang *l = lang_for(code, root);
	static const char *const allowed[][7] = {
		{ "rules", "catalogue", "language", "version", "rules", "labels", NULL },
		{ "messages", "language", "messages", "words", NULL, NULL, NULL },
		{ "help", "help", "language", "messages", NULL, NULL, NULL },
		{ "report", "report", "language", "labels", NULL, NULL, NULL },
		{ "schema", "schema", "language", "texts", "keys", "values", NULL },
		{ "syntax", "syntax", "language", "rules", "messages", "words", "yaml_errors" },
	};
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		int ok = 0;
		for (size_t a = 0; a < sizeof(allowed) / sizeof(*allowed); a++)
			for (size_t j = 1; j < 7 && !strcmp(allowed[a][0], kind); j++)
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
		load_messages(&doc, get(&doc, root, "messages"), &l->messages);
		if (get(&doc, root, "words"))
			load_flat(&doc, get(&doc, root, "words"), "", "'words'", &l->words);
	} else if (!strcmp(kind, "help")) {
		load_messages(&doc, get(&doc, root, "messages"), &l->messages);
	} else if (!strcmp(kind, "report")) {
		load_flat(&doc, get(&doc, root, "labels"), "", "'labels'", &l->report);
	} else if (!strcmp(kind, "syntax")) {
		/* Each part is optional: English has no messages to translate. */
		if (get(&doc, root, "rules"))
			load_rules(&doc, get(&doc, root, "rules"), l);
		if (get(&doc, root, "messages"))
			load_messages(&doc, get(&doc, root, "messages"), &l->messages);
		if (get(&doc, root, "words"))
			load_flat(&doc, get(&doc, root, "words"), "", "'words'", &l->words);
		if (get(&doc, root, "yaml_errors"))
			load_yaml_errors(&doc, get(&doc, root, "yaml_errors"), l);
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

static int cmp_code(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The languages findings can be given in (those with a rule catalogue):
 * English first, then by code. */
static void emit_rule_langs(FILE *out)
{
	const char *v[MAX_LANGS];
	size_t n = 0;
	for (size_t i = 0; i < nlangs; i++)
		if (langs[i].has_rules && strcmp(langs[i].code, "en"))
			v[n++] = langs[i].code;
	qsort(v, n, sizeof(*v), cmp_code);
	fputs("const char *const pv_catalogue_rule_langs[] = { \"en\", ", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "\"%s\", ", v[i]);
	fputs("NULL };\n", out);
}

static int cmp_rule_cites(const void *a, const void *b)
{
	return strcmp(((const struct rule_cites *)a)->code, ((const struct rule_cites *)b)->code);
}

/* The register: its entries, the scored documents in order, and each rule's
 * citations (sorted by code, for bsearch). Empty, not absent, without one. */
static void emit_register(FILE *out)
{
	fputs("\nconst struct pv_citation pv_catalogue_citations[] = {\n", out);
	for (size_t i = 0; i < reg.n; i++) {
		fputs("\t{ ", out);
		literal(out, reg.v[i].key);
		for (size_t f = 0; f < NCITE_FIELDS; f++) {
			fputs(",\n\t  ", out);
			literal(out, reg.v[i].f[f]);
		}
		fputs(" },\n", out);
	}
	if (!reg.n)
		fputs("\t{ NULL, NULL, NULL, NULL, NULL, NULL, NULL },\n", out);
	fprintf(out, "};\nconst size_t pv_catalogue_ncitations = %zu;\n", reg.n);
	fputs("const char *const pv_catalogue_documents[] = {", out);
	for (size_t i = 0; i < reg.ndocs; i++) {
		literal(out, reg.docs[i]);
		fputs(", ", out);
	}
	fputs("NULL };\n", out);
	if (reg.nrules)	/* qsort may not be given NULL, even for no elements */
		qsort(reg.rules, reg.nrules, sizeof(*reg.rules), cmp_rule_cites);
	for (size_t r = 0; r < reg.nrules; r++) {
		if (!reg.rules[r].n)
			continue;
		fprintf(out, "static const struct pv_citation *const cites_%s[] = {", reg.rules[r].code);
		for (size_t i = 0; i < reg.rules[r].n; i++)
			fprintf(out, " &pv_catalogue_citations[%zu],", reg.rules[r].idx[i]);
		fputs(" };\n", out);
	}
	fputs("const struct pv_catalogue_rule_cites pv_catalogue_rule_cites[] = {\n", out);
	for (size_t r = 0; r < reg.nrules; r++) {
		if (reg.rules[r].n)
			fprintf(out, "\t{ \"%s\", cites_%s, %zu },\n", reg.rules[r].code,
				reg.rules[r].code, reg.rules[r].n);
		else
			fprintf(out, "\t{ \"%s\", NULL, 0 },\n", reg.rules[r].code);
	}
	if (!reg.nrules)
		fputs("\t{ NULL, NULL, 0 },\n", out);
	fprintf(out, "};\nconst size_t pv_catalogue_nrule_cites = %zu;\n", reg.nrules);
}

static void emit_ref(FILE *out, const char *lang, const char *name, const struct table *t)
{
	if (t->n)
		fprintf(out, "\t\t{ %s_%s, %zu },\n", lang, name, t->n);
	else
		fputs("\t\t{ NULL, 0 },\n", out);
}

/* The cases of `yaml_errors` for the YAML stage, which links no catalogue:
 * its own C file (OUT2), the texts staying in the language tables. */
static int emit_yaml_cases(const char *path)
{
	FILE *out = fopen(path, "w");
	if (!out)
		return -1;
	fputs("/* Generated by tools/catgen.c from src/catalogue/syntax.en.yaml; do not edit. */\n"
	      "#include \"pveplan/yaml.h\"\n\n"
	      "const struct pv_yaml_case pv_yaml_cases[] = {\n", out);
	for (size_t i = 0; i < nycases; i++) {
		fputs("\t{ ", out);
		literal(out, ycases[i].problem);
		fputs(", ", out);
		literal(out, ycases[i].context);
		fputs(", ", out);
		literal(out, ycases[i].fix);
		if (ycases[i].has_message)
			fprintf(out, ", \"variants.yaml-%s\"", ycases[i].name);
		else
			fputs(", NULL", out);
		fprintf(out, ", \"variants.yaml-%s-hint\" },\n", ycases[i].name);
	}
	if (!nycases)
		fputs("\t{ NULL, NULL, NULL, NULL, NULL },\n", out);
	fprintf(out, "};\nconst size_t pv_yaml_ncases = %zu;\n", nycases);
	return fclose(out);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: catgen OUT.c [--yaml-cases OUT2.c] FILE...\n");
		return 2;
	}
	/* catgen OUT.c [--yaml-cases OUT2.c] FILE... */
	const char *cases_out = NULL;
	int first = 2;
	if (argc > 4 && !strcmp(argv[2], "--yaml-cases")) {
		cases_out = argv[3];
		first = 4;
	}
	for (int i = first; i < argc; i++)
		load_file(argv[i]);
	check_register();
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
	emit_rule_langs(out);
	fputs("\nconst struct pv_catalogue_table pv_catalogue_schema[] = {\n", out);
	for (size_t i = 0; i < nlangs; i++)
		emit_ref(out, langs[i].code, "schema", &langs[i].schema);
	fputs("};\n", out);
	emit_register(out);
	if (fclose(out) != 0 || (cases_out && emit_yaml_cases(cases_out) != 0)) {
		fprintf(stderr, "catgen: cannot write '%s'\n", argv[1]);
		return 1;
	}
	return 0;
}
