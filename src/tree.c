#include "pveplan/tree.h"

#include "pveplan/strmap.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct anchor {
	struct pv_node *node;
	uint64_t count;		/* nodes after expansion */
};

struct frame {
	struct pv_node *node;
	size_t start;		/* first item in builder.tmp */
	uint64_t count;
	char *anchor;
};

struct builder {
	struct pv_doc *doc;
	const char *src;
	size_t len;
	const struct pv_limits *lim;
	struct pv_diags *d;
	struct frame *stack;
	size_t depth, stack_alloc;
	struct pv_node **tmp;
	size_t tmp_nr, tmp_alloc;
	struct pv_strmap anchors;
	struct anchor **anchor_list;	/* to free them */
	size_t anchor_nr, anchor_alloc;
	int documents;
};

struct pv_pos pv_pos_of_offset(const char *src, size_t len, size_t offset)
{
	struct pv_pos p = { 1, 1, 1 };
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '\n') {
			p.line++;
			p.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			p.col++;
		}
	}
	return p;
}

static struct pv_pos pos_of(yaml_mark_t start, yaml_mark_t end)
{
	struct pv_pos p;
	p.line = (uint32_t)start.line + 1;
	p.col = (uint32_t)start.column + 1;
	p.span = 1;
	if (end.line == start.line && end.column > start.column)
		p.span = (uint32_t)(end.column - start.column);
	return p;
}

/* Plans must be UTF-8 text; libyaml would also accept UTF-16 and reports
 * encoding problems by byte offset only, so check first and say where. */
static int check_encoding(struct builder *b)
{
	const unsigned char *s = (const unsigned char *)b->src;
	size_t n = b->len, i = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	while (i < n) {
		unsigned char c = s[i];
		size_t need;
		uint32_t cp;
		if (c == 0) {
			struct pv_diag *g = pv_diag_add(b->d, "FMT001",
				pv_pos_of_offset(b->src, n, i),
				"file contains a NUL byte: a plan must be UTF-8 text");
			pv_diag_hint(g, "is this a binary file, or saved as UTF-16? Save it as UTF-8");
			return -1;
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xE0) == 0xC0) {
			need = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			need = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			need = 3;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) ||
		    (need == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += need + 1;
		continue;
bad:;
		struct pv_diag *g = pv_diag_add(b->d, "FMT001",
			pv_pos_of_offset(b->src, n, i),
			"invalid UTF-8 byte 0x%02X: a plan must be UTF-8 text", c);
		pv_diag_hint(g, "the file may be in Latin-1 or Windows-1252; convert it, e.g. 'iconv -f latin1 -t utf-8'");
		return -1;
	}
	return 0;
}

static enum pv_tag parse_tag(struct builder *b, const yaml_char_t *tag,
			     struct pv_pos pos, int collection)
{
	static const struct {
		const char *name;
		enum pv_tag tag;
	} known[] = {
		{ "str", PV_TAG_STR },	     { "int", PV_TAG_INT },
		{ "float", PV_TAG_FLOAT },   { "bool", PV_TAG_BOOL },
		{ "null", PV_TAG_NULL },     { "timestamp", PV_TAG_TIMESTAMP },
		{ "map", PV_TAG_MAP },	     { "seq", PV_TAG_SEQ },
	};
	const char *t = (const char *)tag;
	if (!t)
		return PV_TAG_NONE;
	if (!strcmp(t, "!"))
		return PV_TAG_NONSPECIFIC;
	const char *prefix = "tag:yaml.org,2002:";
	if (!strncmp(t, prefix, strlen(prefix))) {
		for (size_t i = 0; i < PV_ARRAY_SIZE(known); i++) {
			if (strcmp(t + strlen(prefix), known[i].name))
				continue;
			int is_coll = known[i].tag == PV_TAG_MAP || known[i].tag == PV_TAG_SEQ;
			if (is_coll != collection)
				break;
			return known[i].tag;
		}
	}
	struct pv_diag *g = pv_diag_add(b->d, "FMT004", pos,
					"unknown or misplaced YAML tag '%s'", t);
	pv_diag_hint(g, "plans use plain YAML: remove the tag (only !!str, !!int, !!float, !!bool, !!null on scalars and !!map, !!seq on collections are understood)");
	return PV_TAG_NONE;
}

static int count_node(struct builder *b, uint64_t n, struct pv_pos pos)
{
	if (b->doc->nodes + n > b->lim->max_nodes || b->doc->nodes + n < n) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"document expands to more than %llu nodes (aliases included)",
			(unsigned long long)b->lim->max_nodes);
		pv_diag_hint(g, "a file that grows through nested aliases is refused; if the plan really is this large, raise the limit with --max-nodes");
		return -1;
	}
	b->doc->nodes += n;
	return 0;
}

static void add_child(struct builder *b, struct pv_node *node, uint64_t count)
{
	if (!b->depth) {
		b->doc->root = node;
		return;
	}
	b->stack[b->depth - 1].count += count;
	PV_ALLOC_GROW(b->tmp, b->tmp_nr + 1, b->tmp_alloc);
	b->tmp[b->tmp_nr++] = node;
}

static void register_anchor(struct builder *b, const yaml_char_t *name,
			    struct pv_node *node, uint64_t count)
{
	struct anchor *a = xmalloc(sizeof(*a));
	a->node = node;
	a->count = count;
	PV_ALLOC_GROW(b->anchor_list, b->anchor_nr + 1, b->anchor_alloc);
	b->anchor_list[b->anchor_nr++] = a;
	char *key = pv_arena_strndup(&b->doc->arena, (const char *)name,
				     strlen((const char *)name));
	pv_strmap_put(&b->anchors, key, a);
}

static int is_merge_key(const struct pv_node *k)
{
	return k->style == PV_STYLE_PLAIN && k->tag == PV_TAG_NONE &&
	       !strcmp(k->u.str, "<<");
}

static const struct pv_pair *sort_pairs;
static int cmp_pair_idx(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_pairs[x].key->u.str, sort_pairs[y].key->u.str);
	if (c)
		return c;
	return x < y ? -1 : x > y;
}

static void report_dup(struct builder *b, const struct pv_pair *first,
		       const struct pv_pair *again)
{
	struct pv_diag *g = pv_diag_add(b->d, "FMT006", again->key->pos,
					"duplicate key '%s' in this mapping",
					again->key->u.str);
	pv_diag_note(g, first->key->pos, "first defined here");
	pv_diag_hint(g, "YAML keeps only one of the two values; remove or rename one of them");
}

static void check_duplicates(struct builder *b, const struct pv_pair *p, size_t n)
{
	if (n <= 32) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (!strcmp(p[i].key->u.str, p[j].key->u.str)) {
					report_dup(b, &p[j], &p[i]);
					break;
				}
		return;
	}
	size_t *idx = xmalloc(n * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_pairs = p;
	qsort(idx, n, sizeof(*idx), cmp_pair_idx);
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (strcmp(p[idx[first]].key->u.str, p[idx[i]].key->u.str))
			first = i;
		else
			report_dup(b, &p[idx[first]], &p[idx[i]]);
	}
	free(idx);
}

static int has_key(const struct pv_pair *p, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(p[i].key->u.str, key))
			return 1;
	return 0;
}

static void add_merge_source(struct builder *b, struct pv_pair **out, size_t *nr,
			     size_t *alloc, const struct pv_node *src)
{
	for (uint32_t i = 0; i < src->len; i++) {
		const struct pv_pair *sp = &src->u.pairs[i];
		if (has_key(*out, *nr, sp->key->u.str))
			continue;
		PV_ALLOC_GROW(*out, *nr + 1, *alloc);
		(*out)[(*nr)++] = *sp;
	}
	(void)b;
}

/* Turns the key/value items of a finished mapping into pairs, applying YAML
 * 1.1 merge keys ("<<: *defaults") and reporting duplicate keys. */
static void finish_map(struct builder *b, struct pv_node *map, struct pv_node **items,
		       size_t nitems)
{
	size_t n = nitems / 2, nr = 0, alloc = 0, merges = 0;
	struct pv_pair *pairs = NULL;
	for (size_t i = 0; i < n; i++) {
		struct pv_node *k = items[2 * i], *v = items[2 * i + 1];
		if (k->kind != PV_NODE_SCALAR) {
			if (k->kind == PV_NODE_MAP)
				pv_diag_add(b->d, "FMT004", k->pos,
					    "a mapping key must be a plain string, not a mapping");
			else
				pv_diag_add(b->d, "FMT004", k->pos,
					    "a mapping key must be a plain string, not a list");
			continue;
		}
		if (is_merge_key(k)) {
			merges++;
			continue;
		}
		PV_ALLOC_GROW(pairs, nr + 1, alloc);
		pairs[nr].key = k;
		pairs[nr].value = v;
		nr++;
	}
	check_duplicates(b, pairs, nr);
	for (size_t i = 0; merges && i < n; i++) {
		struct pv_node *k = items[2 * i], *v = items[2 * i + 1];
		if (k->kind != PV_NODE_SCALAR || !is_merge_key(k))
			continue;
		if (v->kind == PV_NODE_MAP) {
			add_merge_source(b, &pairs, &nr, &alloc, v);
			continue;
		}
		int ok = v->kind == PV_NODE_SEQ;
		for (uint32_t j = 0; ok && j < v->len; j++)
			ok = v->u.items[j]->kind == PV_NODE_MAP;
		if (!ok) {
			pv_diag_add(b->d, "FMT004", v->pos,
				    "a merge key '<<' takes a mapping or a list of mappings");
			continue;
		}
		for (uint32_t j = 0; j < v->len; j++)
			add_merge_source(b, &pairs, &nr, &alloc, v->u.items[j]);
	}
	map->len = (uint32_t)nr;
	map->u.pairs = pv_arena_alloc(&b->doc->arena, (nr ? nr : 1) * sizeof(*pairs));
	if (nr)
		memcpy(map->u.pairs, pairs, nr * sizeof(*pairs));
	free(pairs);
}

static struct pv_node *new_node(struct builder *b, enum pv_node_kind kind,
				struct pv_pos pos)
{
	struct pv_node *n = pv_arena_alloc(&b->doc->arena, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->pos = pos;
	return n;
}

static int on_scalar(struct builder *b, yaml_event_t *ev)
{
	struct pv_pos pos = pos_of(ev->start_mark, ev->end_mark);
	size_t len = ev->data.scalar.length;
	if (len > b->lim->max_scalar) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"string of %zu bytes is longer than the limit of %llu bytes",
			len, (unsigned long long)b->lim->max_scalar);
		pv_diag_hint(g, "raise the limit with --max-scalar if this text is intended");
		return -1;
	}
	if (count_node(b, 1, pos) < 0)
		return -1;
	struct pv_node *n = new_node(b, PV_NODE_SCALAR, pos);
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		n->style = PV_STYLE_QUOTED;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		n->style = PV_STYLE_BLOCK;
		break;
	default:
		n->style = PV_STYLE_PLAIN;
	}
	n->tag = (uint8_t)parse_tag(b, ev->data.scalar.tag, pos, 0);
	const char *v = (const char *)ev->data.scalar.value;
	if (memchr(v, '\0', len)) {
		pv_diag_add(b->d, "FMT004", pos, "string contains a NUL character");
		len = strlen(v);
	}
	n->len = (uint32_t)len;
	n->u.str = pv_arena_strndup(&b->doc->arena, v, len);
	if (ev->data.scalar.anchor)
		register_anchor(b, ev->data.scalar.anchor, n, 1);
	add_child(b, n, 1);
	return 0;
}

static int on_start(struct builder *b, yaml_event_t *ev, enum pv_node_kind kind)
{
	struct pv_pos pos = pos_of(ev->start_mark, ev->start_mark);
	const yaml_char_t *tag = kind == PV_NODE_MAP ? ev->data.mapping_start.tag
						      : ev->data.sequence_start.tag;
	const yaml_char_t *anchor = kind == PV_NODE_MAP ? ev->data.mapping_start.anchor
							 : ev->data.sequence_start.anchor;
	if (b->depth >= b->lim->max_depth) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"nesting deeper than %u levels", b->lim->max_depth);
		pv_diag_hint(g, "a plan nests about ten levels; raise the limit with --max-depth if this is intended");
		return -1;
	}
	if (count_node(b, 1, pos) < 0)
		return -1;
	struct pv_node *n = new_node(b, kind, pos);
	enum pv_tag t = parse_tag(b, tag, pos, 1);
	if ((t == PV_TAG_MAP && kind != PV_NODE_MAP) || (t == PV_TAG_SEQ && kind != PV_NODE_SEQ))
		pv_diag_add(b->d, "FMT004", pos, "tag does not match the collection");
	n->tag = (uint8_t)t;
	PV_ALLOC_GROW(b->stack, b->depth + 1, b->stack_alloc);
	struct frame *f = &b->stack[b->depth++];
	f->node = n;
	f->start = b->tmp_nr;
	f->count = 1;
	f->anchor = anchor ? xstrdup((const char *)anchor) : NULL;
	return 0;
}

static void on_end(struct builder *b)
{
	struct frame f = b->stack[--b->depth];
	struct pv_node *n = f.node;
	size_t nitems = b->tmp_nr - f.start;
	struct pv_node **items = b->tmp ? b->tmp + f.start : NULL;
	if (n->kind == PV_NODE_MAP) {
		finish_map(b, n, items, nitems);
	} else {
		n->len = (uint32_t)nitems;
		n->u.items = pv_arena_alloc(&b->doc->arena,
					    (nitems ? nitems : 1) * sizeof(*items));
		if (nitems)
			memcpy(n->u.items, items, nitems * sizeof(*items));
	}
	b->tmp_nr = f.start;
	if (f.anchor) {
		register_anchor(b, (const yaml_char_t *)f.anchor, n, f.count);
		free(f.anchor);
	}
	add_child(b, n, f.count);
}

static int on_alias(struct builder *b, yaml_event_t *ev)
{
	struct pv_pos pos = pos_of(ev->start_mark, ev->end_mark);
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *a = pv_strmap_get(&b->anchors, name);
	if (!a) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT001", pos,
			"alias '*%s' refers to no anchor defined before it", name);
		pv_diag_hint(g, "define '&%s' on an earlier node (an alias cannot refer to its own enclosing node)", name);
		return -1;
	}
	if (count_node(b, a->count, pos) < 0)
		return -1;
	add_child(b, a->node, a->count);
	return 0;
}

static void syntax_error(struct builder *b, yaml_parser_t *p)
{
	struct pv_pos pos;
	if (p->error == YAML_READER_ERROR) {
		pos = pv_pos_of_offset(b->src, b->len, p->problem_offset);
	} else {
		pos.line = (uint32_t)p->problem_mark.line + 1;
		pos.col = (uint32_t)p->problem_mark.column + 1;
		pos.span = 1;
	}
	struct pv_diag *g = pv_diag_add(b->d, "FMT001", pos, "YAML syntax: %s",
					p->problem ? p->problem : "unknown error");
	if (p->context && p->error != YAML_READER_ERROR) {
		struct pv_pos cpos = { (uint32_t)p->context_mark.line + 1,
				       (uint32_t)p->context_mark.column + 1, 1 };
		pv_diag_note(g, cpos, "%s", p->context);
	}
	size_t off = p->error == YAML_READER_ERROR ? p->problem_offset : p->problem_mark.index;
	if (off < b->len && b->src[off] == '\t')
		pv_diag_hint(g, "YAML does not allow tabs for indentation: use spaces");
	else if (p->problem && strstr(p->problem, "mapping values are not allowed"))
		pv_diag_hint(g, "a value containing ': ' must be quoted, or a key is indented wrongly");
}

int pv_doc_parse(struct pv_doc *doc, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	int ret = -1, done = 0;

	memset(&b, 0, sizeof(b));
	b.doc = doc;
	b.src = src;
	b.len = len;
	b.lim = lim;
	b.d = d;
	doc->root = NULL;
	doc->nodes = 0;
	if (!yaml_parser_initialize(&parser)) {
		pv_diag_add(d, "FMT001", ((struct pv_pos){ 1, 1, 1 }), "cannot start the YAML parser");
		return -1;
	}
	if (check_encoding(&b) < 0)
		goto cleanup;
	yaml_parser_set_input_string(&parser, (const unsigned char *)src, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done) {
		int r = 0;
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_MEMORY_ERROR)
				pv_die_oom();
			syntax_error(&b, &parser);
			goto cleanup;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++b.documents > 1) {
				struct pv_diag *g = pv_diag_add(d, "FMT001",
					pos_of(ev.start_mark, ev.end_mark),
					"file holds more than one YAML document");
				pv_diag_hint(g, "a plan is one document: remove the '---' line, or split the file");
				r = -1;
			}
			break;
		case YAML_SCALAR_EVENT:
			r = on_scalar(&b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			r = on_start(&b, &ev, PV_NODE_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			r = on_start(&b, &ev, PV_NODE_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(&b);
			break;
		case YAML_ALIAS_EVENT:
			r = on_alias(&b, &ev);
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (r < 0)
			goto cleanup;
	}
	ret = 0;
cleanup:
	for (size_t i = 0; i < b.depth; i++)
		free(b.stack[i].anchor);
	for (size_t i = 0; i < b.anchor_nr; i++)
		free(b.anchor_list[i]);
	free(b.anchor_list);
	free(b.stack);
	free(b.tmp);
	pv_strmap_release(&b.anchors);
	yaml_parser_delete(&parser);
	if (ret < 0)
		doc->root = NULL;
	return ret;
}

void pv_doc_release(struct pv_doc *doc)
{
	pv_arena_release(&doc->arena);
	doc->root = NULL;
	doc->nodes = 0;
}

struct pv_node *pv_node_get(const struct pv_node *map, const char *key)
{
	if (!map || map->kind != PV_NODE_MAP)
		return NULL;
	for (uint32_t i = 0; i < map->len; i++)
		if (!strcmp(map->u.pairs[i].key->u.str, key))
			return map->u.pairs[i].value;
	return NULL;
}
