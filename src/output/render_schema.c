/*
 * The plan format as a JSON Schema (draft-07) for editors: generated from
 * the loader's own table (src/model/schema.c) and the descriptions of the
 * catalogue (src/catalogue/schema.LANG.yaml), so that it says what `pveplan
 * check` accepts, in the order of the table, and nothing else.
 *
 * What the loader does, the schema says: a key whose value is empty (null)
 * counts as absent, so an optional key also takes null; keys starting with
 * "x-" are extensions; scalars are read by what the key expects, so a text
 * or a string also takes what YAML reads as a number or a boolean.
 */
#include "pveplan/output.h"

#include "model/schema.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/model.h"
#include "pveplan/version.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct gen {
	const struct pv_lang *lang;
	struct pv_buf *o;
	struct pv_buf *missing;	/* the descriptions `lang` lacks, or NULL */
	size_t nmissing;
};

/* JSON types, in the order a "type" list gives them. */
enum { T_STRING = 1, T_NUMBER = 2, T_INTEGER = 4, T_BOOLEAN = 8, T_OBJECT = 16, T_ARRAY = 32,
       T_NULL = 64 };
#define T_SCALAR (T_STRING | T_NUMBER | T_BOOLEAN)

/* The name of each enumeration's table, for the catalogue's "value.NAME.*". */
#define ENUM_ROW(LIST, name) { pv_##name##_names, #name },
static const struct {
	const char *const *names;
	const char *name;
} enums[] = {
	PV_ENUM_LISTS(ENUM_ROW)
	{ pv_context_level_names, "level" },
};

/*
 * Lists that must not be empty, and the plan's keys required by its scope:
 * the loader checks these beside the table (check_conditional in
 * src/model/plan.c), so they are written again here; tests/cli/schema.sh
 * holds the two to the same findings.
 */
static const struct {
	const char *schema, *key;
	unsigned min;
} min_items[] = {
	{ "plan file", "stakeholders", 1 },
	{ "plan file", "priorities", 1 },
	{ "priority", "areas", 1 },
};

/* The type notes of the catalogue ("type.NAME"), by enum pv_ftype. */
static const char *const type_names[] = {
	[PV_F_STR] = "str",	    [PV_F_ID] = "id",		[PV_F_REF] = "ref",
	[PV_F_REFS] = "refs",	    [PV_F_TEXT] = "text",	[PV_F_TEXTS] = "texts",
	[PV_F_DATE] = "date",	    [PV_F_AMOUNT] = "amount",	[PV_F_SHARE] = "share",
	[PV_F_YEAR] = "year",	    [PV_F_VERSION] = "version", [PV_F_BOOL] = "bool",
	[PV_F_ENUM] = "enum",	    [PV_F_ENUMS] = "enums",	[PV_F_PILLARS] = "pillars",
	[PV_F_CURRENCY] = "currency", [PV_F_COUNTRY] = "country", [PV_F_COUNTRIES] = "countries",
	[PV_F_LANG] = "lang",	    [PV_F_RULE] = "rule",	[PV_F_STRS] = "strs",
	[PV_F_VALUE] = "value",	    [PV_F_MAP] = "map",		[PV_F_SEQ] = "seq",
	[PV_F_FREE] = "free",
};

/* A description that every language must have; English, and counted, when
 * the output language lacks it. */
static const char *text(struct gen *g, const char *key)
{
	const char *s = pv_lang_schema_text(g->lang, key);
	if (s)
		return s;
	g->nmissing++;
	if (g->missing)
		pv_buf_addf(g->missing, "%s\n", key);
	s = pv_lang_schema_text(pv_lang_default(), key);
	return s ? s : "";
}

/* A text that may be left out (a type note): NULL when no language has it. */
static const char *note(struct gen *g, const char *key)
{
	const char *s = pv_lang_schema_text(g->lang, key);
	return s ? s : pv_lang_schema_text(pv_lang_default(), key);
}

static void add_str(struct gen *g, const char *s)
{
	pv_json_str(g->o, s);
}

/* "type":... for the types in `t`. */
static void add_type(struct gen *g, unsigned t)
{
	static const char *const names[] = { "string", "number", "integer", "boolean",
					     "object", "array", "null" };
	unsigned n = 0;
	for (unsigned i = 0; i < PV_ARRAY_SIZE(names); i++)
		n += (t >> i) & 1;
	/* The first member of an item's schema, else after a description. */
	if (g->o->buf[g->o->len - 1] != '{')
		pv_buf_addch(g->o, ',');
	pv_buf_adds(g->o, n > 1 ? "\"type\":[" : "\"type\":");
	for (unsigned i = 0, k = 0; i < PV_ARRAY_SIZE(names); i++)
		if ((t >> i) & 1)
			pv_buf_addf(g->o, "%s\"%s\"", k++ ? "," : "", names[i]);
	if (n > 1)
		pv_buf_addch(g->o, ']');
}

/* The segment of the catalogue's keys for a mapping: its name, '_' for ' '. */
static void schema_key(const struct pv_schema *s, char *out, size_t size)
{
	snprintf(out, size, "%s", s->name.u.s);
	for (char *p = out; *p; p++)
		if (*p == ' ')
			*p = '_';
}

static const char *enum_name(const char *const *names)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(enums); i++)
		if (enums[i].names == names)
			return enums[i].name;
	return "?";
}

/* ,"enum":[...],"enumDescriptions":[...]: what yaml-language-server shows
 * beside each value as it completes, and on hover. */
static void add_enum(struct gen *g, const char *const *names, int nullable)
{
	char key[128];
	const char *en = enum_name(names);
	pv_buf_adds(g->o, ",\"enum\":[");
	for (size_t i = 1; names[i]; i++) {
		pv_buf_adds(g->o, i > 1 ? "," : "");
		add_str(g, names[i]);
	}
	pv_buf_adds(g->o, nullable ? ",null],\"enumDescriptions\":[" : "],\"enumDescriptions\":[");
	for (size_t i = 1; names[i]; i++) {
		snprintf(key, sizeof(key), "value.%s.%s", en, names[i]);
		pv_buf_adds(g->o, i > 1 ? "," : "");
		add_str(g, text(g, key));
	}
	if (nullable) {
		pv_buf_addch(g->o, ',');
		add_str(g, text(g, "empty"));
	}
	pv_buf_addch(g->o, ']');
}

static void add_pillars(struct gen *g)
{
	char key[16];
	pv_buf_adds(g->o, ",\"items\":{\"enum\":[1,2,3,4],\"enumDescriptions\":[");
	for (int i = 1; i <= 4; i++) {
		snprintf(key, sizeof(key), "pillar.%d", i);
		pv_buf_adds(g->o, i > 1 ? "," : "");
		add_str(g, pv_lang_report_label(g->lang, key));
	}
	pv_buf_adds(g->o, "]}");
}

/* A string or a map of language code to string (pv_text). */
static void add_text(struct gen *g, unsigned extra)
{
	add_type(g, T_SCALAR | T_OBJECT | extra);
	pv_buf_adds(g->o, ",\"minProperties\":1,\"propertyNames\":{\"$ref\":\"#/definitions/language\"}"
			  ",\"additionalProperties\":{");
	add_type(g, T_SCALAR);
	pv_buf_addch(g->o, '}');
}

/* A code from one of the ISO lists of "definitions". */
static void add_code(struct gen *g, const char *def, unsigned extra)
{
	if (!(extra & T_NULL))
		add_type(g, T_STRING);
	pv_buf_addf(g->o, ",\"allOf\":[{\"$ref\":\"#/definitions/%s\"}]", def);
}

/* A pattern, with the message an editor shows when a value misses it in
 * place of the regular expression (patternErrorMessage: yaml-language-server
 * and VS Code read it, validators ignore it). */
static void add_pattern(struct gen *g, const char *pattern, const char *message)
{
	pv_buf_adds(g->o, ",\"pattern\":");
	add_str(g, pattern);
	pv_buf_adds(g->o, ",\"patternErrorMessage\":");
	add_str(g, text(g, message));
}

static void add_object(struct gen *g, const struct pv_schema *s, unsigned extra);

/* The schema of the items of a list field; each starts with its type. */
static void add_item(struct gen *g, const struct pv_field *f)
{
	pv_buf_adds(g->o, ",\"items\":{");
	switch (f->type) {
	case PV_F_REFS:
		add_type(g, T_STRING);
		add_pattern(g, PV_PATTERN_ID, "pattern.id");
		break;
	case PV_F_TEXTS:
		add_text(g, 0);
		break;
	case PV_F_ENUMS:
		add_type(g, T_STRING);
		add_enum(g, f->names, 0);
		break;
	case PV_F_COUNTRIES:
		add_code(g, "country", 0);
		break;
	case PV_F_STRS:
		add_type(g, T_SCALAR);
		break;
	default:	/* PV_F_SEQ */
		add_object(g, f->sub, 0);
	}
	pv_buf_addch(g->o, '}');
}

static unsigned min_items_of(const struct pv_schema *s, const struct pv_field *f)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(min_items); i++)
		if (!strcmp(min_items[i].schema, s->name.u.s) && !strcmp(min_items[i].key, f->key))
			return min_items[i].min;
	return 0;
}

/* What a field's value may be, as the members after its description. */
static void add_value(struct gen *g, const struct pv_schema *s, const struct pv_field *f)
{
	unsigned extra = f->required ? 0 : T_NULL;
	switch (f->type) {
	case PV_F_STR:
	case PV_F_VALUE:
		add_type(g, T_SCALAR | extra);
		break;
	case PV_F_ID:
	case PV_F_REF:
		add_type(g, T_STRING | extra);
		add_pattern(g, PV_PATTERN_ID, "pattern.id");
		break;
	case PV_F_RULE:
		add_type(g, T_STRING | extra);
		add_pattern(g, PV_PATTERN_RULE, "pattern.rule");
		break;
	case PV_F_TEXT:
		add_text(g, extra);
		break;
	case PV_F_DATE:
		/* YAML reads 2025 as a number, 2025-03 as a string. */
		add_type(g, T_STRING | T_INTEGER | extra);
		add_pattern(g, PV_PATTERN_DATE, "pattern.date");
		pv_buf_adds(g->o, ",\"minimum\":1000,\"maximum\":9999");
		break;
	case PV_F_AMOUNT:
		add_type(g, T_NUMBER | extra);
		pv_buf_addf(g->o, ",\"minimum\":0,\"maximum\":%.0f", PV_AMOUNT_MAX);
		break;
	case PV_F_SHARE:
		add_type(g, T_NUMBER | extra);
		pv_buf_adds(g->o, ",\"minimum\":0,\"maximum\":1");
		break;
	case PV_F_YEAR:
		add_type(g, T_INTEGER | extra);
		pv_buf_adds(g->o, ",\"minimum\":1000,\"maximum\":9999");
		break;
	case PV_F_VERSION:
		pv_buf_addf(g->o, ",\"enum\":[%d]", PVEPLAN_FORMAT_VERSION);
		break;
	case PV_F_BOOL:
		add_type(g, T_BOOLEAN | T_STRING | extra);
		add_pattern(g, PV_PATTERN_BOOL_WORDS, "pattern.bool");
		break;
	case PV_F_ENUM:
		add_enum(g, f->names, !f->required);
		break;
	case PV_F_CURRENCY:
	case PV_F_COUNTRY:
	case PV_F_LANG:
		add_code(g, f->type == PV_F_CURRENCY ? "currency"
			    : f->type == PV_F_COUNTRY ? "country" : "language", extra);
		break;
	case PV_F_PILLARS:
		add_type(g, T_ARRAY | extra);
		add_pillars(g);
		break;
	case PV_F_MAP:
		add_object(g, f->sub, extra);
		break;
	case PV_F_FREE:
		add_type(g, T_OBJECT | extra);
		break;
	default:	/* the other lists */
		add_type(g, T_ARRAY | extra);
		if (min_items_of(s, f))
			pv_buf_addf(g->o, ",\"minItems\":%u", min_items_of(s, f));
		add_item(g, f);
	}
}

/* A field's description: the catalogue's, its type's note, "Required.". */
static void add_description(struct gen *g, const struct pv_schema *s, const struct pv_field *f)
{
	char seg[64], key[160];
	struct pv_buf d = PV_BUF_INIT;
	schema_key(s, seg, sizeof(seg));
	snprintf(key, sizeof(key), "key.%s.%s", seg, f->key);
	pv_buf_adds(&d, text(g, key));
	snprintf(key, sizeof(key), "type.%s", type_names[f->type]);
	const char *n = note(g, key);
	if (n && *n)
		pv_buf_addf(&d, " %s", n);
	if (f->required || f->type == PV_F_VERSION)
		pv_buf_addf(&d, " %s", text(g, "required"));
	pv_buf_adds(g->o, "\"description\":");
	add_str(g, d.buf);
	pv_buf_release(&d);
}

/* The plan's keys that its scope requires (check_conditional). */
static void add_scope_rules(struct gen *g)
{
	pv_buf_addf(g->o, ",\"allOf\":[{\"if\":{\"properties\":{\"scope\":{\"const\":\"%s\"}},"
			  "\"required\":[\"scope\"]},\"then\":{\"required\":[\"country\"]}},",
		    pv_scope_names[PV_SCOPE_NATIONAL]);
	pv_buf_addf(g->o, "{\"if\":{\"properties\":{\"scope\":{\"const\":\"%s\"}},"
			  "\"required\":[\"scope\"]},\"then\":{\"required\":[\"organization\","
			  "\"member_states\"],\"properties\":{\"member_states\":{\"minItems\":2}}}}]",
		    pv_scope_names[PV_SCOPE_REGIONAL]);
}

/* A mapping: its keys in the table's order, extensions, required keys. */
static void add_object(struct gen *g, const struct pv_schema *s, unsigned extra)
{
	int scoped = 0;
	add_type(g, T_OBJECT | extra);
	pv_buf_adds(g->o, ",\"properties\":{");
	for (size_t i = 0; i < s->nfields; i++) {
		const struct pv_field *f = &s->fields[i];
		pv_buf_adds(g->o, i ? "," : "");
		add_str(g, f->key);
		pv_buf_adds(g->o, ":{");
		add_description(g, s, f);
		add_value(g, s, f);
		pv_buf_addch(g->o, '}');
		scoped |= f->type == PV_F_ENUM && f->names == pv_scope_names;
	}
	pv_buf_adds(g->o, "},\"required\":[");
	for (size_t i = 0, k = 0; i < s->nfields; i++)
		if (s->fields[i].required || s->fields[i].type == PV_F_VERSION) {
			pv_buf_adds(g->o, k++ ? "," : "");
			add_str(g, s->fields[i].key);
		}
	pv_buf_adds(g->o, "],\"patternProperties\":{\"^x-\":{}},\"additionalProperties\":false");
	if (scoped)
		add_scope_rules(g);
}

struct code_list {
	struct pv_buf *o;
	int n;
};

static void add_one_code(const char *code, void *ctx)
{
	struct code_list *l = ctx;
	pv_buf_adds(l->o, l->n++ ? "," : "");
	pv_json_str(l->o, code);
}

/* The ISO lists, each with null: an optional key takes it, and the others
 * say "type": "string" beside. */
static void add_definitions(struct gen *g)
{
	static const struct {
		const char *name;
		enum pv_code_kind kind;
	} defs[] = {
		{ "country", PV_CODE_COUNTRY },
		{ "currency", PV_CODE_CURRENCY },
		{ "language", PV_CODE_LANGUAGE },
	};
	pv_buf_adds(g->o, ",\"definitions\":{");
	for (size_t i = 0; i < PV_ARRAY_SIZE(defs); i++) {
		struct code_list l = { g->o, 0 };
		pv_buf_addf(g->o, "%s\"%s\":{\"enum\":[", i ? "," : "", defs[i].name);
		pv_codes_each(defs[i].kind, add_one_code, &l);
		pv_buf_adds(g->o, ",null]}");
	}
	pv_buf_addch(g->o, '}');
}

size_t pv_render_schema(const struct pv_lang *lang, struct pv_buf *out, struct pv_buf *missing)
{
	struct pv_buf compact = PV_BUF_INIT;
	struct gen g = { lang ? lang : pv_lang_default(), &compact, missing, 0 };
	char comment[64];
	snprintf(comment, sizeof(comment), "pveplan schema %s, plan format %d", PVEPLAN_VERSION,
		 PVEPLAN_FORMAT_VERSION);
	pv_buf_adds(&compact, "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"$comment\":");
	add_str(&g, comment);
	pv_buf_adds(&compact, ",\"title\":");
	add_str(&g, text(&g, "title"));
	pv_buf_adds(&compact, ",\"description\":");
	add_str(&g, text(&g, "description"));
	add_object(&g, &pv_schema_file, 0);
	add_definitions(&g);
	pv_buf_addch(&compact, '}');
	pv_json_pretty(compact.buf, out);
	pv_buf_addch(out, '\n');
	pv_buf_release(&compact);
	return g.nmissing;
}
