/* The schema-driven loader: YAML tree -> typed plan model, FMT findings. */
#include "pveplan/model.h"

#include "amount.h"
#include "load_private.h"
#include "hints.h"
#include "pveplan/base.h"
#include "schema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is_null(const struct pv_node *n)
{
	if (n->kind != PV_NODE_SCALAR)
		return 0;
	if (n->tag == PV_TAG_NULL)
		return 1;
	if (n->style != PV_STYLE_PLAIN || n->tag != PV_TAG_NONE)
		return 0;
	const char *s = n->u.str;
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL");
}

static struct pv_arg kind_word(const struct pv_node *n)
{
	switch (n->kind) {
	case PV_NODE_MAP:
		return PV_W("a mapping");
	case PV_NODE_SEQ:
		return PV_W("a list");
	default: {
		/* Said as the drafter sees it: `baseline: 0` is a number. */
		double v;
		if (is_null(n))
			return PV_W("empty");
		return pv_number_parse(n->u.str, &v) ? PV_W("text") : PV_W("a number");
	}
	}
}

static void *at(void *obj, size_t off)
{
	return (char *)obj + off;
}

static struct pv_diag *bad_value(struct loader *L, const struct pv_node *n, const char *key,
				 struct pv_arg expected)
{
	if (n->kind == PV_NODE_SCALAR && !is_null(n))
		return pv_diag_add(L->d, "FMT004", n->pos, "'%s' must be %s, got '%s'", key,
				   expected, n->u.str);
	return pv_diag_add(L->d, "FMT004", n->pos, "'%s' must be %s, not %s", key, expected,
			   kind_word(n));
}

/* A scalar that is not null, or NULL after a finding. */
static const char *scalar(struct loader *L, const struct pv_node *n, const char *key,
			  struct pv_arg expected)
{
	if (n->kind != PV_NODE_SCALAR || is_null(n)) {
		bad_value(L, n, key, expected);
		return NULL;
	}
	return n->u.str;
}

static int load_text(struct loader *L, const struct pv_node *n, const char *key,
		     struct pv_text *t)
{
	t->pos = n->pos;
	if (n->kind == PV_NODE_SCALAR) {
		const char *s = scalar(L, n, key, PV_W("text"));
		if (!s)
			return -1;
		t->n = 1;
		t->items = pv_arena_alloc(L->arena, sizeof(*t->items));
		t->items[0].lang = NULL;
		t->items[0].s = s;
		return 0;
	}
	if (n->kind != PV_NODE_MAP || !n->len) {
		struct pv_diag *g = bad_value(L, n, key, PV_W("text or a map of language to text"));
		pv_diag_hint(g, "write a string, or for several languages {fr: \"...\", en: \"...\"}");
		return -1;
	}
	t->items = pv_arena_alloc(L->arena, n->len * sizeof(*t->items));
	t->n = 0;
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
		if (!pv_is_language(k->u.str)) {
			struct pv_diag *g = pv_diag_add(L->d, "FMT004", k->pos,
				"'%s' is not a language code in text '%s'", k->u.str, key);
			if (!g->repeats && !pv_hints_text_key(g, k->u.str))
				pv_diag_hint(g, "keys of a multilingual text are language codes such as ar, en, es, fr, ru, zh");
			continue;
		}
		const char *s = scalar(L, v, key, PV_W("text"));
		if (!s)
			continue;
		t->items[t->n].lang = k->u.str;
		t->items[t->n].s = s;
		t->n++;
	}
	if (!t->n) {
		t->pos.line = 0;
		return -1;
	}
	return 0;
}

static int suggest_enum(struct pv_diag *g, const char *got, const char *const *names)
{
	size_t n = 0;
	while (names[n + 1])
		n++;
	const char *s = pv_suggest(got, names + 1, n, 2);
	if (s)
		pv_diag_hint(g, "did you mean '%s'?", s);
	return s != NULL;
}

static int load_enum(struct loader *L, const struct pv_node *n, const char *key,
		     const char *const *names, int in_list, struct pv_enum *e)
{
	if (n->kind == PV_NODE_SCALAR && !is_null(n)) {
		for (int i = 1; names[i]; i++)
			if (!strcmp(n->u.str, names[i])) {
				e->v = i;
				e->pos = n->pos;
				return 0;
			}
	}
	struct pv_diag *g;
	if (n->kind == PV_NODE_SCALAR && !is_null(n))
		g = pv_diag_add(L->d, "FMT004", n->pos, "invalid value '%s' for '%s'", n->u.str, key);
	else
		g = pv_diag_add(L->d, "FMT004", n->pos, "'%s' must be a single value, not %s", key,
				kind_word(n));
	if (g->repeats)
		return -1;	/* its hint is already there */
	if (n->kind == PV_NODE_SCALAR && !is_null(n) &&
	    (pv_hints_enum(g, key, n->u.str, names, in_list) || suggest_enum(g, n->u.str, names)))
		return -1;
	struct pv_buf b = PV_BUF_INIT;
	for (int i = 1; names[i]; i++)
		pv_buf_addf(&b, "%s%s", i > 1 ? ", " : "", names[i]);
	pv_diag_hint(g, "expected one of: %s", b.buf);
	pv_buf_release(&b);
	return -1;
}

/* `money`: 1 for an amount of money, which may be written with its
 * currency, 0 for a share, -1 for a year (whose mistakes are not an
 * amount's). */
/* Whether `s` is a percentage such as `40%` or `40 %`, from 0 to 100;
 * sets `*v` to its number. */
static int percent_share(const char *s, double *v)
{
	char buf[32];
	size_t n = strcspn(s, "%");
	if (n == 0 || n >= sizeof(buf) || strspn(s + n, "% ") != strlen(s + n))
		return 0;
	memcpy(buf, s, n);
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = 0;
	return !pv_number_parse(buf, v) && *v >= 0 && *v <= 100;
}

static int load_number(struct loader *L, const struct pv_node *n, const char *key,
		       struct pv_arg expected, int money, struct pv_num *out)
{
	double v;
	if (n->kind == PV_NODE_SCALAR && !is_null(n) && n->style == PV_STYLE_PLAIN &&
	    n->tag != PV_TAG_STR && !pv_number_parse(n->u.str, &v) && isfinite(v)) {
		out->v = v;
		out->set = 1;
		out->pos = n->pos;
		return 0;
	}
	struct pv_diag *g = bad_value(L, n, key, expected);
	if (g && n->kind == PV_NODE_SCALAR && !is_null(n)) {
		const char *s = n->u.str;
		if (n->style == PV_STYLE_QUOTED && !pv_number_parse(s, &v))
			pv_diag_hint(g, "remove the quotes: a quoted number is text");
		else if (money >= 0 && pv_amount_hint(g, key, s, money))
			;
		else if (money > 0 && !strpbrk(s, "0123456789"))
			pv_diag_hint(g, "write the amount in figures, as a plain number: `%s: 1500000`", key);
		else if (strpbrk(s, ", _'"))
			pv_diag_hint(g, "write the number without thousands separators, e.g. 1500000");
		else if (strpbrk(s, "$\xe2\xc2") || strstr(s, "USD") || strstr(s, "EUR"))
			pv_diag_hint(g, "write a plain number; the currency goes in 'currency'");
		else if (strchr(s, '%') && percent_share(s, &v))
			pv_diag_hint(g, "write a share, not a percentage: `%s: %g`", key, v / 100);
		else if (strchr(s, '%'))
			pv_diag_hint(g, "write a share as a number between 0 and 1, e.g. 0.45");
	}
	return -1;
}

static int load_date(struct loader *L, const struct pv_node *n, const char *key,
		     struct pv_dateval *out)
{
	struct pv_arg why = PV_W("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
	if (n->kind == PV_NODE_SCALAR && !is_null(n) &&
	    !pv_date_parse(n->u.str, &out->d, &why)) {
		out->pos = n->pos;
		return 0;
	}
	if (n->kind == PV_NODE_SCALAR && !is_null(n)) {
		struct pv_diag *g = pv_diag_add(L->d, "FMT004", n->pos,
						"'%s' is not a valid date: '%s' (%s)", key,
						n->u.str, why);
		if (strchr(n->u.str, '/') || strchr(n->u.str, '.'))
			pv_diag_hint(g, "dates are ISO 8601: write 2025-03-14, 2025-03 or 2025");
		return -1;
	}
	bad_value(L, n, key, PV_W("a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
	return -1;
}

static void add_ref(struct loader *L, struct pv_str *ref, unsigned kinds, const char *key)
{
	PV_ALLOC_GROW(L->refs, L->nrefs + 1, L->refs_alloc);
	L->refs[L->nrefs].ref = ref;
	L->refs[L->nrefs].kinds = kinds;
	L->refs[L->nrefs].key = key;
	L->nrefs++;
}

static int load_ident(struct loader *L, const struct pv_node *n, const char *key,
		      struct pv_str *out)
{
	const char *s = scalar(L, n, key, PV_W("an identifier"));
	if (!s)
		return -1;
	if (!pv_is_identifier(s)) {
		struct pv_diag *g = pv_diag_add(L->d, "FMT004", n->pos,
						"'%s' is not a valid identifier: '%s'", key, s);
		pv_diag_hint(g, "an identifier starts with a letter and has up to 64 letters, digits, '.', '_' or '-' (no spaces)");
		if (L->nbad < PV_ARRAY_SIZE(L->bad)) {
			L->bad[L->nbad].diag = (size_t)(g - L->d->v);
			L->bad[L->nbad].key = key;
			L->bad[L->nbad++].s = s;
		}
		return -1;
	}
	out->s = s;
	out->pos = n->pos;
	return 0;
}

static int load_code(struct loader *L, const struct pv_node *n, const char *key,
		     uint8_t type, int in_list, struct pv_str *out)
{
	struct pv_arg expected = type == PV_F_CURRENCY ? PV_W("an ISO 4217 currency code")
			       : type == PV_F_COUNTRY ? PV_W("an ISO 3166-1 alpha-2 country code")
			       : type == PV_F_RULE ? PV_W("a rule code such as PVE110")
						   : PV_W("a language code (BCP 47)");
	const char *s = scalar(L, n, key, expected);
	if (!s)
		return -1;
	int ok;
	switch (type) {
	case PV_F_CURRENCY:
		ok = pv_is_currency(s);
		break;
	case PV_F_COUNTRY:
		ok = pv_is_country(s);
		break;
	case PV_F_RULE:
		ok = strlen(s) == 6 && strspn(s + 3, "0123456789") == 3 &&
		     (!strncmp(s, "FMT", 3) || !strncmp(s, "REF", 3) ||
		      !strncmp(s, "CON", 3) || !strncmp(s, "PVE", 3) || !strncmp(s, "SYN", 3));
		break;
	default:
		ok = pv_is_language(s);
	}
	if (!ok) {
		struct pv_diag *g = pv_diag_add(L->d, "FMT004", n->pos,
						"'%s' must be %s, got '%s'", key, expected, s);
		char up[8] = "", low[8] = "";
		size_t len = strlen(s);
		for (size_t i = 0; i < len && i < 7; i++) {
			up[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
			low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
		}
		if (len < 8 && type == PV_F_LANG && pv_is_language(low))
			pv_diag_hint(g, "language codes are lower case: '%s'", low);
		else if (len < 8 && type == PV_F_COUNTRY && pv_is_country(up))
			pv_diag_hint(g, "country codes are upper case: '%s'", up);
		else if (len < 8 && type == PV_F_CURRENCY && pv_is_currency(up))
			pv_diag_hint(g, "currency codes are upper case: '%s'", up);
		else if (type == PV_F_CURRENCY)
			pv_currency_hint(g, key, s);
		else if (!g->repeats && (type == PV_F_LANG || type == PV_F_COUNTRY))
			pv_hints_code(g, key, s, type == PV_F_LANG, in_list);
		return -1;
	}
	out->s = s;
	out->pos = n->pos;
	return 0;
}

/* Allocates a zeroed array of `n` items of `size` for a list field. */
static void *list_alloc(struct loader *L, size_t n, size_t size)
{
	void *v = pv_arena_alloc(L->arena, (n ? n : 1) * size);
	memset(v, 0, (n ? n : 1) * size);
	return v;
}

struct raw_list {
	void *v;
	uint32_t n;
	struct pv_pos pos;
};

static void load_map(struct loader *L, const struct pv_node *n, const struct pv_schema *s,
		     void *obj, struct pv_pos where);

/* Lists of scalars: each item loaded by `one`, failures skipped. */
static void load_scalar_list(struct loader *L, const struct pv_field *f,
			     const struct pv_node *key, const struct pv_node *n, void *obj)
{
	static const size_t sizes[] = {
		[PV_F_REFS] = sizeof(struct pv_str), [PV_F_STRS] = sizeof(struct pv_str),
		[PV_F_COUNTRIES] = sizeof(struct pv_str), [PV_F_TEXTS] = sizeof(struct pv_text),
		[PV_F_ENUMS] = sizeof(struct pv_enum), [PV_F_PILLARS] = sizeof(struct pv_enum),
	};
	if (n->kind != PV_NODE_SEQ) {
		struct pv_diag *g = bad_value(L, n, f->key, PV_W("a list"));
		if (n->kind == PV_NODE_SCALAR && !is_null(n))
			pv_diag_hint(g, "write a list even for one item: %s: [%s]", f->key, n->u.str);
		return;
	}
	size_t size = sizes[f->type];
	struct raw_list list = { list_alloc(L, n->len, size), 0, key->pos };
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *it = n->u.items[i];
		void *dst = (char *)list.v + list.n * size;
		int r = -1;
		switch (f->type) {
		case PV_F_REFS:
			r = load_ident(L, it, f->key, dst);
			if (!r)
				add_ref(L, dst, f->kinds, f->key);
			break;
		case PV_F_STRS: {
			const char *s = scalar(L, it, f->key, PV_W("a list of strings"));
			if (s) {
				((struct pv_str *)dst)->s = s;
				((struct pv_str *)dst)->pos = it->pos;
				r = 0;
			}
			break;
		}
		case PV_F_COUNTRIES:
			r = load_code(L, it, f->key, PV_F_COUNTRY, 1, dst);
			break;
		case PV_F_TEXTS:
			r = load_text(L, it, f->key, dst);
			break;
		case PV_F_ENUMS:
			r = load_enum(L, it, f->key, f->names, 1, dst);
			break;
		case PV_F_PILLARS: {
			struct pv_num num = { { 0, 0, 0 }, 0, 0, 0 };
			if (it->kind == PV_NODE_SCALAR && !pv_number_parse(it->u.str, &num.v) &&
			    (num.v == 1 || num.v == 2 || num.v == 3 || num.v == 4)) {
				((struct pv_enum *)dst)->v = (int)num.v;
				((struct pv_enum *)dst)->pos = it->pos;
				r = 0;
			} else {
				struct pv_diag *g = bad_value(L, it, f->key, PV_W("a pillar number 1 to 4"));
				if (!g->repeats &&
				    (it->kind != PV_NODE_SCALAR || !pv_hints_pillar(g, f->key, it->u.str)))
					pv_diag_hint(g, "the four pillars of the Global Counter-Terrorism Strategy are numbered 1 to 4");
			}
			break;
		}
		default:
			break;
		}
		if (!r)
			list.n++;
	}
	memcpy(at(obj, f->off), &list, sizeof(list));
}

static void load_seq(struct loader *L, const struct pv_field *f, const struct pv_node *key,
		     const struct pv_node *n, void *obj)
{
	if (n->kind != PV_NODE_SEQ) {
		struct pv_diag *g = bad_value(L, n, f->key, PV_W("a list"));
		if (n->kind == PV_NODE_MAP)
			pv_diag_hint(g, "start each item with '- ' to make a list");
		return;
	}
	/* Items that are not mappings are reported and left out, so that
	 * every item in the model is a mapping (its keys may still be missing). */
	struct raw_list list = { list_alloc(L, n->len, f->sub->size), 0, key->pos };
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *it = n->u.items[i];
		load_map(L, it, f->sub, (char *)list.v + list.n * f->sub->size, it->pos);
		if (it->kind == PV_NODE_MAP)
			list.n++;
	}
	memcpy(at(obj, f->off), &list, sizeof(list));
}

static void load_str(struct loader *L, const struct pv_node *n, const char *key,
		     struct pv_str *dst)
{
	const char *s = scalar(L, n, key, PV_W("a string"));
	if (s) {
		dst->s = s;
		dst->pos = n->pos;
	}
}

/* An amount (0 or more, at most PV_AMOUNT_MAX) or a share (0 to 1). */
static void load_amount(struct loader *L, const struct pv_field *f, const struct pv_node *n,
			struct pv_num *num)
{
	struct pv_arg what = f->type == PV_F_SHARE ? PV_W("a share between 0 and 1")
						 : PV_W("an amount (a plain number, 0 or more)");
	if (load_number(L, n, f->key, what, f->type == PV_F_AMOUNT, num) < 0)
		return;
	if (num->v < 0 || (f->type == PV_F_SHARE && num->v > 1)) {
		struct pv_diag *g = bad_value(L, n, f->key, what);
		if (f->type == PV_F_SHARE && num->v > 1 && num->v <= 100)
			pv_diag_hint(g, "write a share, not a percentage: `%s: %g`", f->key,
				     num->v / 100);
		else if (f->type == PV_F_AMOUNT)
			pv_amount_hint(g, f->key, n->u.str, 1);
		num->set = 0;
	} else if (f->type == PV_F_AMOUNT && num->v > PV_AMOUNT_MAX) {
		struct pv_diag *g = pv_diag_add(L->d, "FMT004", n->pos,
			"'%s' is above the largest amount pveplan accepts, 1e15: got '%s'",
			f->key, n->u.str);
		pv_diag_hint(g, "amounts are in units of the plan's currency; check for extra digits");
		num->set = 0;
	}
}

static void load_year(struct loader *L, const struct pv_node *n, const char *key,
		      struct pv_num *num)
{
	struct pv_arg what = PV_W("a year (YYYY)");
	if (load_number(L, n, key, what, -1, num) < 0)
		return;
	if (num->v != floor(num->v) || num->v < 1000 || num->v > 9999) {
		bad_value(L, n, key, what);
		num->set = 0;
	}
}

/* A baseline or target value: a number, or a short text kept as written. */
static void load_value(struct loader *L, const struct pv_node *n, const char *key,
		       struct pv_str *value)
{
	struct pv_measure *m = (struct pv_measure *)((char *)value - offsetof(struct pv_measure, value));
	const char *s = scalar(L, n, key, PV_W("a number or a short text"));
	double v;
	if (!s)
		return;
	m->value.s = s;
	m->value.pos = n->pos;
	if (n->style == PV_STYLE_PLAIN && !pv_number_parse(s, &v) && isfinite(v)) {
		m->number.v = v;
		m->number.set = 1;
		m->number.pos = n->pos;
	}
}

static void load_bool(struct loader *L, const struct pv_node *n, const char *key,
		      struct pv_bool *b)
{
	int v;
	if (n->kind == PV_NODE_SCALAR && n->style == PV_STYLE_PLAIN && !pv_bool_parse(n->u.str, &v)) {
		b->v = v;
		b->pos = n->pos;
	} else {
		bad_value(L, n, key, PV_W("true or false"));
	}
}

/* Records that field `f` of `obj` was written but not read (see pv_str),
 * so the rules that report it missing stay silent. */
static void mark_invalid(const struct pv_field *f, void *obj)
{
	void *dst = at(obj, f->off);
	switch (f->type) {
	case PV_F_STR:
	case PV_F_ID:
	case PV_F_REF:
	case PV_F_CURRENCY:
	case PV_F_COUNTRY:
	case PV_F_LANG:
	case PV_F_RULE:
	case PV_F_VALUE:
		if (!((struct pv_str *)dst)->s)
			((struct pv_str *)dst)->invalid = 1;
		break;
	case PV_F_AMOUNT:
	case PV_F_SHARE:
	case PV_F_YEAR:
		if (!((struct pv_num *)dst)->set)
			((struct pv_num *)dst)->invalid = 1;
		break;
	case PV_F_ENUM:
		if (!((struct pv_enum *)dst)->v)
			((struct pv_enum *)dst)->invalid = 1;
		break;
	case PV_F_MAP:
		/* Refused whole: none of its fields was read. */
		if (!((struct pv_pos *)dst)->line)
			for (size_t i = 0; i < f->sub->nfields; i++)
				mark_invalid(&f->sub->fields[i], dst);
		break;
	default:
		break;
	}
}

static void load_field(struct loader *L, const struct pv_field *f, const struct pv_node *key,
		       const struct pv_node *n, void *obj)
{
	void *dst = at(obj, f->off);
	switch (f->type) {
	case PV_F_STR:
		load_str(L, n, f->key, dst);
		break;
	case PV_F_ID:
		if (!load_ident(L, n, f->key, dst))
			pv_loader_define(L, dst, f->kinds, obj);
		break;
	case PV_F_REF:
		if (!load_ident(L, n, f->key, dst))
			add_ref(L, dst, f->kinds, f->key);
		break;
	case PV_F_TEXT:
		load_text(L, n, f->key, dst);
		break;
	case PV_F_DATE:
		load_date(L, n, f->key, dst);
		break;
	case PV_F_AMOUNT:
	case PV_F_SHARE:
		load_amount(L, f, n, dst);
		break;
	case PV_F_VERSION:
		/* Checked before the walk (plan.c), as FMT002. */
		*(struct pv_num *)dst = (struct pv_num){ n->pos, 1, 1, 0 };
		break;
	case PV_F_YEAR:
		load_year(L, n, f->key, dst);
		break;
	case PV_F_VALUE:
		load_value(L, n, f->key, dst);
		break;
	case PV_F_BOOL:
		load_bool(L, n, f->key, dst);
		break;
	case PV_F_ENUM:
		load_enum(L, n, f->key, f->names, 0, dst);
		break;
	case PV_F_CURRENCY:
	case PV_F_COUNTRY:
	case PV_F_LANG:
	case PV_F_RULE:
		load_code(L, n, f->key, f->type, 0, dst);
		break;
	case PV_F_REFS:
	case PV_F_STRS:
	case PV_F_COUNTRIES:
	case PV_F_TEXTS:
	case PV_F_ENUMS:
	case PV_F_PILLARS:
		load_scalar_list(L, f, key, n, obj);
		break;
	case PV_F_MAP:
		load_map(L, n, f->sub, dst, key->pos);
		break;
	case PV_F_SEQ:
		load_seq(L, f, key, n, obj);
		break;
	case PV_F_FREE:
		if (n->kind != PV_NODE_MAP)
			bad_value(L, n, f->key, PV_W("a mapping"));
		else
			*(struct pv_pos *)dst = key->pos;
		break;
	}
	mark_invalid(f, obj);	/* the value is not null: unread, it was refused */
}

/* The field of `s` that unknown key `word` most likely misspells, or -1. */
static int meant_field(const struct pv_schema *s, const char *word, const char **names,
		       size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < s->nfields && *n < 64; i++)
		names[(*n)++] = s->fields[i].key;
	const char *best = pv_suggest(word, names, *n, 2);
	for (size_t i = 0; best && i < *n; i++)
		if (names[i] == best)
			return (int)i;
	return -1;
}

int pv_loader_has_key(const struct pv_node *map, const struct pv_schema *s, const char *key)
{
	const char *names[64];
	size_t n;
	if (!map || map->kind != PV_NODE_MAP)
		return 0;
	for (uint32_t i = 0; i < map->len; i++) {
		const char *k = map->u.pairs[i].key->u.str;
		int known = 0;
		for (size_t j = 0; j < s->nfields && !known; j++)
			known = !strcmp(k, s->fields[j].key);
		if (!strcmp(k, key))
			return 1;
		int j = known || !strncmp(k, "x-", 2) ? -1 : meant_field(s, k, names, &n);
		if (j >= 0 && !strcmp(s->fields[j].key, key))
			return 1;
	}
	return 0;
}

/* Reports unknown key `k`; returns the index of the field it suggests, or -1. */
static int unknown_key(struct loader *L, const struct pv_node *k, const struct pv_schema *s)
{
	const char *names[64];
	size_t n;
	struct pv_diag *g = pv_diag_add(L->d, "FMT003", k->pos, "unknown key '%s' in %s",
					k->u.str, s->name);
	int meant = meant_field(s, k->u.str, names, &n);
	if (g->repeats)
		return meant;	/* the hint is the same */
	if (meant >= 0) {
		pv_diag_hint(g, "did you mean '%s'?", names[meant]);
		return meant;
	}
	struct pv_buf b = PV_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		pv_buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
	pv_diag_hint(g, "known keys in %s: %s (extensions start with 'x-')", s->name, b.buf);
	pv_buf_release(&b);
	return -1;
}

static void load_map(struct loader *L, const struct pv_node *n, const struct pv_schema *s,
		     void *obj, struct pv_pos where)
{
	uint64_t seen = 0, misspelt = 0;
	if (n->kind != PV_NODE_MAP) {
		struct pv_diag *g = pv_diag_add(L->d, "FMT004", n->pos, "%s must be a mapping, not %s",
						s->name, kind_word(n));
		double v;
		if (n->kind == PV_NODE_SCALAR && !is_null(n) && !strcmp(s->fields[0].key, "value") &&
		    !pv_number_parse(n->u.str, &v))
			pv_diag_hint(g, "a %s is a value with its year: write `%s: {value: %s, year: ...}`, "
				     "with the year the value is for", s->name, s->name.u.s, n->u.str);
		else if (n->kind == PV_NODE_SCALAR && !is_null(n))
			pv_diag_hint(g, "write it as keys and values, such as '%s: ...'", s->fields[0].key);
		return;
	}
	*(struct pv_pos *)obj = where;
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
		if (!strncmp(k->u.str, "x-", 2))
			continue;
		size_t j;
		for (j = 0; j < s->nfields; j++)
			if (!strcmp(k->u.str, s->fields[j].key))
				break;
		if (j == s->nfields) {
			/* A misspelt key is told by its did-you-mean, not again as
			 * a missing key or a missing value. */
			int meant = unknown_key(L, k, s);
			if (meant >= 0) {
				misspelt |= (uint64_t)1 << meant;
				mark_invalid(&s->fields[meant], obj);
			}
			continue;
		}
		seen |= (uint64_t)1 << j;
		if (is_null(v)) {
			if (s->fields[j].required)
				pv_diag_add(L->d, "FMT005", k->pos,
					    "required key '%s' of %s has no value", k->u.str,
					    s->name);
			continue;
		}
		load_field(L, &s->fields[j], k, v, obj);
	}
	for (size_t j = 0; j < s->nfields; j++) {
		if (!s->fields[j].required || ((seen | misspelt) & ((uint64_t)1 << j)))
			continue;
		pv_diag_add(L->d, "FMT005", where, "%s is missing required key '%s'", s->name,
			    s->fields[j].key);
	}
}

void pv_loader_load_file(struct loader *L, const struct pv_node *root)
{
	struct pv_pos top = { 1, 1, 1 };
	if (root->kind != PV_NODE_MAP) {
		pv_diag_add(L->d, "FMT004", root->pos,
			    "a plan file must be a mapping with 'pveplan:', 'plan:' ... keys, not %s",
			    kind_word(root));
		return;
	}
	load_map(L, root, &pv_schema_file, L->plan, top);
}
