/*
 * namegen: writes the name tables of src/model/hints.h at build time.
 *
 *   namegen OUT.c ISO_JSON_DIR LOCALE_DIR ALIASES CATALOGUE.yaml...
 *
 * - enumeration values by their labels: the report catalogues'
 *   (report.LANG.yaml) and the rule catalogues' (rules.LANG.yaml) labels of
 *   enumeration values, "sector.youth: Jeunes" giving jeunes -> youth (fr);
 * - countries by name: iso_3166-1.json's names (English) and their
 *   translations in LOCALE_DIR/LANG/LC_MESSAGES/iso_3166-1.mo for the five
 *   other UN languages, the alpha-3 codes, and the few English names that
 *   iso-codes does not carry (ALIASES: "CODE name" lines);
 * - languages by name: iso_639-2.json's names and their translations, the
 *   names in iso_639-3.json of languages that have a two-letter code, and
 *   the three-letter codes of those languages.
 *
 * Every name is folded with the loader's own pv_names_fold, so nothing is
 * parsed or folded at start-up. A malformed input fails the build.
 */
#include "names_fold.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum { AR, EN, ES, FR, RU, ZH, CODE };
static const char *const lang_names[] = { "ar", "en", "es", "fr", "ru", "zh" };
static const char *const lang_enum[] = { "PV_NAME_AR", "PV_NAME_EN", "PV_NAME_ES", "PV_NAME_FR",
					 "PV_NAME_RU", "PV_NAME_ZH", "PV_NAME_CODE" };

struct entry {
	char *folded, *value;
	int lang;
	int derived;	/* a shortened name ("Iran" of "Iran, Islamic Republic of") */
};

struct table {
	struct entry *v;
	size_t n, alloc;
};

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("namegen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xrealloc(NULL, n), s, n);
}

static void add_one(struct table *t, const char *name, const char *value, int lang, int derived)
{
	char f[1024];
	if (pv_names_fold(name, f, sizeof(f)) <= 0)
		return;
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? 2 * t->alloc : 1024;
		t->v = xrealloc(t->v, t->alloc * sizeof(*t->v));
	}
	t->v[t->n++] = (struct entry){ xstrdup(f), xstrdup(value), lang, derived };
}

/* A name, and the name without what follows its first ", " or " (" (the
 * qualifier of "Bolivia, Plurinational State of", the gloss of "Structural
 * (conditions conducive)"), which a writer leaves out. */
static void add_name(struct table *t, const char *name, const char *value, int lang)
{
	add_one(t, name, value, lang, 0);
	size_t cut = strcspn(name, ",(");
	if (name[cut] && cut > 0) {
		char *s = xstrdup(name);
		while (cut > 0 && s[cut - 1] == ' ')
			cut--;
		s[cut] = '\0';
		if (*s)
			add_one(t, s, value, lang, 1);
		free(s);
	}
}

/* Each of the names of a list "Spanish; Castilian". */
static void add_names(struct table *t, const char *names, const char *value, int lang)
{
	char *s = xstrdup(names), *save = NULL;
	for (char *p = strtok_r(s, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
		while (*p == ' ')
			p++;
		add_name(t, p, value, lang);
	}
	free(s);
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, alloc = 0, r;
	do {
		if (alloc - n < 65536)
			buf = xrealloc(buf, alloc = alloc * 2 + 65536);
		r = fread(buf + n, 1, alloc - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* ---- catalogue labels ---- */

/* The prefixes of the labels that name enumeration values: report.LANG.yaml
 * and rules.LANG.yaml name them after the enumeration, or a short form of
 * it (driver, consultation, frequency, need, strategy); `pillar.N` are the
 * titles of the GCTS pillars, whose values are 1 to 4. A new enumeration's
 * labels are taken once its prefix is listed here. */
static const char *const report_prefixes[] = {
	"scope", "status", "sector", "area", "driver", "consultation", "frequency", "need",
	"need_status", "rating", "action_status", "strategy", "action_kind", "pillar", "target",
	"level", "funding_status", "disagg", "evaluation", NULL,
};
/* The rule catalogues' labels of values (their `status.*` are the rules'). */
static const char *const rules_prefixes[] = {
	"sector", "area", "area_short", "target", "status_word", "pillar", NULL,
};

static int is_enum_label(const char *const *prefixes, const char *key, const char **value)
{
	const char *dot = strchr(key, '.');
	if (!dot || !dot[1])
		return 0;
	for (size_t i = 0; prefixes[i]; i++)
		if (strlen(prefixes[i]) == (size_t)(dot - key) &&
		    !strncmp(key, prefixes[i], (size_t)(dot - key))) {
			*value = dot + 1;
			return 1;
		}
	return 0;
}

static void add_label(struct table *t, const char *value, const char *label, int lang)
{
	add_name(t, label, value, lang);
	/* A pillar's title is numbered "II. ..." in the reports. */
	size_t r = strspn(label, "IVX");
	if (r && label[r] == '.' && label[r + 1] == ' ')
		add_name(t, label + r + 2, value, lang);
}

static const yaml_node_t *map_get(yaml_document_t *doc, const yaml_node_t *map, const char *key)
{
	if (map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

static void read_catalogue(struct table *t, const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int lang = -1;
	for (int i = AR; i <= ZH; i++) {
		char s[32];
		snprintf(s, sizeof(s), ".%s.yaml", lang_names[i]);
		if (strlen(base) > strlen(s) && !strcmp(base + strlen(base) - strlen(s), s))
			lang = i;
	}
	if (lang < 0)
		die("%s: not a catalogue of one of the six languages", path);
	const char *const *prefixes = !strncmp(base, "rules.", 6) ? rules_prefixes : report_prefixes;
	FILE *f = fopen(path, "rb");
	if (!f)
		die("%s: cannot open", path);
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc))
		die("%s:%zu: %s", path, parser.problem_mark.line + 1, parser.problem);
	const yaml_node_t *root = yaml_document_get_root_node(&doc);
	const yaml_node_t *labels = root ? map_get(&doc, root, "labels") : NULL;
	if (!labels || labels->type != YAML_MAPPING_NODE)
		die("%s: no 'labels' mapping", path);
	for (yaml_node_pair_t *p = labels->data.mapping.pairs.start; p < labels->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(&doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(&doc, p->value);
		const char *value;
		if (k->type == YAML_SCALAR_NODE && v->type == YAML_SCALAR_NODE &&
		    is_enum_label(prefixes, (const char *)k->data.scalar.value, &value))
			add_label(t, value, (const char *)v->data.scalar.value, lang);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
}

/* ---- iso-codes JSON: an array of flat objects of strings ---- */

#define MAX_FIELDS 16
struct record {
	char *key[MAX_FIELDS], *val[MAX_FIELDS];
	size_t n;
};

static const char *rec_get(const struct record *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->key[i], key))
			return r->val[i];
	return NULL;
}

static void put_utf8(char **o, unsigned long c)
{
	unsigned char *p = (unsigned char *)*o;
	if (c < 0x80) {
		*p++ = (unsigned char)c;
	} else if (c < 0x800) {
		*p++ = (unsigned char)(0xC0 | (c >> 6));
		*p++ = (unsigned char)(0x80 | (c & 0x3F));
	} else {
		*p++ = (unsigned char)(0xE0 | (c >> 12));
		*p++ = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		*p++ = (unsigned char)(0x80 | (c & 0x3F));
	}
	*o = (char *)p;
}

/* The JSON string at *p (after its opening quote), decoded; *p is left
 * after its closing quote. Surrogate pairs are not needed by iso-codes. */
static char *json_string(const char **p, const char *path)
{
	const char *s = *p;
	char *out = xrealloc(NULL, strlen(s) + 1), *o = out;
	for (; *s && *s != '"'; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		s++;
		switch (*s) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			char hex[5] = { 0 };
			for (int i = 0; i < 4; i++)
				if (!(hex[i] = s[1 + i]))
					die("%s: truncated \\u escape", path);
			put_utf8(&o, strtoul(hex, NULL, 16));
			s += 4;
			break;
		}
		case '\0':
			die("%s: truncated string", path);
			break;
		default: *o++ = *s;
		}
	}
	if (*s != '"')
		die("%s: unterminated string", path);
	*o = '\0';
	*p = s + 1;
	return out;
}

static void read_json(const char *path, void (*fn)(const struct record *, void *), void *ctx)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text)
		die("%s: cannot read (install Debian's iso-codes)", path);
	struct record r = { .n = 0 };
	int depth = 0, nrec = 0;
	char *pending = NULL;	/* a key waiting for its value */
	for (const char *p = text; *p;) {
		char c = *p;
		if (c == '"') {
			p++;
			char *s = json_string(&p, path);
			if (depth == 3 && !pending) {
				while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
					p++;
				if (*p == ':') {
					pending = s;
					p++;
					continue;
				}
			}
			if (depth == 3 && pending && r.n < MAX_FIELDS) {
				r.key[r.n] = pending;
				r.val[r.n++] = s;
			} else {
				free(pending);
				free(s);
			}
			pending = NULL;
			continue;
		}
		if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']') {
			if (depth == 3 && c == '}') {
				fn(&r, ctx);
				nrec++;
				for (size_t i = 0; i < r.n; i++)
					free(r.key[i]), free(r.val[i]);
				r.n = 0;
			}
			depth--;
		}
		p++;
	}
	free(text);
	if (!nrec)
		die("%s: no entries", path);
}

/* ---- gettext .mo files ---- */

struct mo {
	char *data;
	size_t len, n;
	uint32_t orig, trans;
	int swap;
};

static uint32_t mo_u32(const struct mo *m, size_t off)
{
	if (off + 4 > m->len)
		die("a .mo file is truncated");
	const unsigned char *p = (const unsigned char *)m->data + off;
	return m->swap ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
		       : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static int mo_open(struct mo *m, const char *dir, const char *locale, const char *domain)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s/LC_MESSAGES/%s.mo", dir, locale, domain);
	memset(m, 0, sizeof(*m));
	if (!(m->data = read_file(path, &m->len)))
		return -1;
	if (m->len < 20)
		die("%s: not a .mo file", path);
	m->swap = 0;
	if (mo_u32(m, 0) != 0x950412deu) {
		m->swap = 1;
		if (mo_u32(m, 0) != 0x950412deu)
			die("%s: not a .mo file", path);
	}
	m->n = mo_u32(m, 8);
	m->orig = mo_u32(m, 12);
	m->trans = mo_u32(m, 16);
	return 0;
}

static const char *mo_string(const struct mo *m, uint32_t table, size_t i)
{
	uint32_t len = mo_u32(m, table + 8 * i), off = mo_u32(m, table + 8 * i + 4);
	if ((size_t)off + len >= m->len || m->data[off + len] != '\0')
		die("a .mo file has a string out of bounds");
	return m->data + off;
}

/* The translation of `msgid`, or NULL. */
static const char *mo_get(const struct mo *m, const char *msgid)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(mo_string(m, m->orig, i), msgid)) {
			const char *s = mo_string(m, m->trans, i);
			return *s ? s : NULL;
		}
	return NULL;
}

/* The locales whose translations are read, and their language. */
static const struct { const char *locale; int lang; } locales[] = {
	{ "ar", AR }, { "es", ES }, { "fr", FR }, { "ru", RU }, { "zh_CN", ZH }, { "zh_TW", ZH },
};
#define NLOCALES (sizeof(locales) / sizeof(locales[0]))

/* A country's short name in each of the five other languages (iso-codes'
 * translation of its English `name`; NULL when it has none), for the
 * reports. */
struct display {
	char code[3];
	char *name[6];
};
struct displays {
	struct display *v;
	size_t n, alloc;
};

struct iso {
	struct table *t;
	struct displays *display;	/* countries only */
	struct mo mo[NLOCALES];
	int have[NLOCALES];
	int two_letter_only;	/* iso_639-3: only the languages with a two-letter code */
};

/* A missing translation leaves its names out, and says so: an image that
 * strips /usr/share/locale builds a pveplan that knows only English names. */
static void open_locales(struct iso *x, const char *dir, const char *domain)
{
	for (size_t i = 0; i < NLOCALES; i++) {
		x->have[i] = !mo_open(&x->mo[i], dir, locales[i].locale, domain);
		if (!x->have[i])
			fprintf(stderr, "namegen: warning: no %s/%s/LC_MESSAGES/%s.mo: the names in that language are left out (install iso-codes with its translations)\n",
				dir, locales[i].locale, domain);
	}
}

static void close_locales(struct iso *x)
{
	for (size_t i = 0; i < NLOCALES; i++)
		if (x->have[i])
			free(x->mo[i].data);
}

/* A name in English and in each locale's translation. */
static void add_translated(struct iso *x, const char *name, const char *value)
{
	if (!name)
		return;
	add_names(x->t, name, value, EN);
	for (size_t i = 0; i < NLOCALES; i++) {
		const char *tr = x->have[i] ? mo_get(&x->mo[i], name) : NULL;
		if (tr)
			add_names(x->t, tr, value, locales[i].lang);
	}
}

static void on_country(const struct record *r, void *ctx)
{
	struct iso *x = ctx;
	const char *a2 = rec_get(r, "alpha_2"), *a3 = rec_get(r, "alpha_3");
	if (!a2)
		return;
	if (a3)
		add_one(x->t, a3, a2, CODE, 0);
	add_translated(x, rec_get(r, "name"), a2);
	if (x->display && rec_get(r, "name") && strlen(a2) == 2) {
		struct displays *d = x->display;
		if (d->n == d->alloc) {
			d->alloc = d->alloc ? 2 * d->alloc : 256;
			if (!(d->v = realloc(d->v, d->alloc * sizeof(*d->v))))
				die("out of memory");
		}
		struct display *e = &d->v[d->n++];
		memset(e, 0, sizeof(*e));
		memcpy(e->code, a2, 3);
		/* zh_CN before zh_TW: the UN writes simplified Chinese. */
		for (size_t i = NLOCALES; i-- > 0;) {
			const char *tr = x->have[i] ? mo_get(&x->mo[i], rec_get(r, "name")) : NULL;
			if (tr) {
				free(e->name[locales[i].lang]);
				if (!(e->name[locales[i].lang] = strdup(tr)))
					die("out of memory");
			}
		}
	}
	add_translated(x, rec_get(r, "official_name"), a2);
	add_translated(x, rec_get(r, "common_name"), a2);
}

static void on_language(const struct record *r, void *ctx)
{
	struct iso *x = ctx;
	const char *a2 = rec_get(r, "alpha_2"), *a3 = rec_get(r, "alpha_3");
	const char *b = rec_get(r, "bibliographic");
	/* Not the range "qaa-qtz" reserved for local use. */
	if (!a3 || strlen(a3) != 3 || strspn(a3, "abcdefghijklmnopqrstuvwxyz") != 3 ||
	    (x->two_letter_only && !a2))
		return;
	if (a2) {
		add_one(x->t, a3, a2, CODE, 0);
		if (b)
			add_one(x->t, b, a2, CODE, 0);
	}
	add_translated(x, rec_get(r, "name"), a2 ? a2 : a3);
}

static void read_aliases(struct table *t, const char *path, const struct table *countries)
{
	size_t len;
	char *text = read_file(path, &len), *save = NULL;
	if (!text)
		die("%s: cannot read", path);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (*line == '#' || !*line)
			continue;
		if (strlen(line) < 4 || line[2] != ' ')
			die("%s: a line is \"CODE name\": %s", path, line);
		line[2] = '\0';
		int known = 0;
		for (size_t i = 0; i < countries->n && !known; i++)
			known = !strcmp(countries->v[i].value, line);
		if (!known)
			die("%s: '%s' is no ISO 3166-1 code", path, line);
		add_one(t, line + 3, line, EN, 0);
	}
	free(text);
}

/* ---- output ---- */

static int cmp_entry(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->folded, y->folded);
	if (!c)
		c = strcmp(x->value, y->value);
	if (!c)
		c = x->lang - y->lang;
	if (!c)
		c = x->derived - y->derived;
	return c;
}

/* Sorts, drops repeats, and drops a shortened name that is also the full
 * name of something else ("Congo" of "Congo, The Democratic Republic of
 * the" is not the Congo). */
static void finish(struct table *t)
{
	qsort(t->v, t->n, sizeof(*t->v), cmp_entry);
	char *drop = calloc(t->n ? t->n : 1, 1);
	if (!drop)
		die("out of memory");
	for (size_t i = 0, end; i < t->n; i = end) {
		for (end = i; end < t->n && !strcmp(t->v[end].folded, t->v[i].folded); end++)
			;
		for (size_t a = i; a < end; a++) {
			struct entry *e = &t->v[a];
			if (a > i && !strcmp(t->v[a - 1].value, e->value) && t->v[a - 1].lang == e->lang)
				drop[a] = 1;
			for (size_t b = i; e->derived && b < end; b++)
				if (!t->v[b].derived && strcmp(t->v[b].value, e->value))
					drop[a] = 1;
		}
	}
	size_t o = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!drop[i]) {
			t->v[o++] = t->v[i];
			continue;
		}
		free(t->v[i].folded);
		free(t->v[i].value);
	}
	t->n = o;
	free(drop);
}

static void release(struct table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].folded);
		free(t->v[i].value);
	}
	free(t->v);
}

static void c_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '?')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\%03o", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void emit(FILE *f, const char *var, struct table *t)
{
	finish(t);
	fprintf(f, "const struct pv_name %s[] = {\n", var);
	for (size_t i = 0; i < t->n; i++) {
		fputs("\t{ ", f);
		c_string(f, t->v[i].folded);
		fputs(", ", f);
		c_string(f, t->v[i].value);
		fprintf(f, ", %s },\n", lang_enum[t->v[i].lang]);
	}
	fprintf(f, "};\nconst size_t %s_nr = %zu;\n\n", var, t->n);
}

static int cmp_display(const void *a, const void *b)
{
	return strcmp(((const struct display *)a)->code, ((const struct display *)b)->code);
}

static void emit_display(FILE *f, struct displays *d)
{
	qsort(d->v, d->n, sizeof(*d->v), cmp_display);
	fputs("const struct pv_country_l10n pv_country_l10n[] = {\n", f);
	for (size_t i = 0; i < d->n; i++) {
		fprintf(f, "\t{ \"%s\", {", d->v[i].code);
		for (int l = 0; l < 6; l++) {
			fputs(l ? ", " : " ", f);
			if (d->v[i].name[l])
				c_string(f, d->v[i].name[l]);
			else
				fputs("NULL", f);
			free(d->v[i].name[l]);
		}
		fputs(" } },\n", f);
	}
	fprintf(f, "};\nconst size_t pv_country_l10n_nr = %zu;\n\n", d->n);
	free(d->v);
}

int main(int argc, char **argv)
{
	if (argc < 6)
		die("usage: namegen OUT.c ISO_JSON_DIR LOCALE_DIR ALIASES CATALOGUE.yaml...");
	struct table enums = { 0 }, countries = { 0 }, languages = { 0 };
	char path[4096];
	for (int i = 5; i < argc; i++)
		read_catalogue(&enums, argv[i]);

	struct displays display = { 0 };
	struct iso x = { .t = &countries, .display = &display };
	open_locales(&x, argv[3], "iso_3166-1");
	snprintf(path, sizeof(path), "%s/iso_3166-1.json", argv[2]);
	read_json(path, on_country, &x);
	close_locales(&x);
	read_aliases(&countries, argv[4], &countries);

	x = (struct iso){ .t = &languages };
	open_locales(&x, argv[3], "iso_639-2");
	snprintf(path, sizeof(path), "%s/iso_639-2.json", argv[2]);
	read_json(path, on_language, &x);
	close_locales(&x);
	x = (struct iso){ .t = &languages, .two_letter_only = 1 };
	open_locales(&x, argv[3], "iso_639-3");
	snprintf(path, sizeof(path), "%s/iso_639-3.json", argv[2]);
	read_json(path, on_language, &x);
	close_locales(&x);

	snprintf(path, sizeof(path), "%s.tmp", argv[1]);
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: cannot write", path);
	fputs("/* Generated by tools/namegen.c from the catalogue and Debian iso-codes; do not edit. */\n"
	      "#include \"hints.h\"\n\n", f);
	emit(f, "pv_names_enum", &enums);
	emit(f, "pv_names_country", &countries);
	emit(f, "pv_names_language", &languages);
	emit_display(f, &display);
	if (fclose(f) || rename(path, argv[1]))
		die("%s: cannot write", argv[1]);
	release(&enums);
	release(&countries);
	release(&languages);
	return 0;
}
