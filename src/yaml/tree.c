#include "pveplan/yaml.h"

#include "pveplan/base.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct anchor {
	struct pv_node *node;
	uint64_t count;		/* nodes after expansion */
	uint64_t bytes;		/* scalar bytes after expansion */
	int used;		/* an alias refers to it */
};

struct frame {
	struct pv_node *node;
	size_t start;		/* first item in builder.tmp */
	uint64_t count, bytes;
	char *anchor;
};

/* A place in the source, in both of the units that meet here: libyaml's
 * mark.index counts characters (a CRLF counts two) from the start of its
 * input, which begins after any BOM; we count lines our own way. */
struct spot {
	size_t off;		/* byte offset in builder.src */
	uint64_t chr;		/* character index, as mark.index */
	uint32_t line;
	uint64_t line_chr;	/* character index of the line's first character */
};

/* Events arrive in document order, so a cursor that moves forward finds
 * every position in one pass over the file; checkpoints let it go back
 * (an error's context) without starting again from the top. */
#define CHECKPOINT_EVERY 4096	/* characters */

struct builder {
	struct pv_doc *doc;
	const char *src;
	size_t len;
	size_t base;		/* bytes before libyaml's input: the BOM */
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
	struct spot at;
	struct spot *marks;
	size_t marks_nr, marks_alloc;
};


/* Bytes taken by the line break or character at s[i]; *brk says which. */
static size_t step(const char *s, size_t len, size_t i, int *brk)
{
	uint32_t cp;
	size_t k = pv_line_break(s, len, i);
	*brk = k != 0;
	return k ? k : pv_utf8_decode(s + i, len - i, &cp);
}

static size_t bom_len(const char *s, size_t len)
{
	return len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3) ? 3 : 0;
}

struct pv_pos pv_pos_of_offset(const char *src, size_t len, size_t offset)
{
	struct pv_pos p = { 1, 1, 1 };
	if (offset > len)
		offset = len;
	for (size_t i = bom_len(src, len); i < offset;) {
		int brk;
		i += step(src, len, i, &brk);
		if (brk) {
			p.line++;
			p.col = 1;
		} else {
			p.col++;
		}
	}
	return p;
}

static void seek(struct builder *b, uint64_t chr)
{
	struct spot *at = &b->at;
	if (chr < at->chr) {
		size_t lo = 0, hi = b->marks_nr;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (b->marks[mid].chr <= chr)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo)
			*at = b->marks[lo - 1];
		else
			*at = (struct spot){ b->base, 0, 1, 0 };
	}
	while (at->chr < chr && at->off < b->len) {
		int brk;
		size_t n = step(b->src, b->len, at->off, &brk);
		uint64_t c = brk ? n : 1;
		if (at->chr + c > chr)
			break;	/* a mark between the CR and LF of a CRLF */
		at->off += n;
		at->chr += c;
		if (brk) {
			at->line++;
			at->line_chr = at->chr;
		}
		if (at->chr >= (uint64_t)(b->marks_nr + 1) * CHECKPOINT_EVERY) {
			PV_ALLOC_GROW(b->marks, b->marks_nr + 1, b->marks_alloc);
			b->marks[b->marks_nr++] = *at;
		}
	}
}

/* The position of the text from `start` to `end`: line and column as an
 * editor shows them, the span when the text ends on the same line. */
static struct pv_pos pos_of(struct builder *b, yaml_mark_t start, yaml_mark_t end)
{
	seek(b, start.index);
	struct pv_pos p = { b->at.line, (uint32_t)(start.index - b->at.line_chr + 1), 1 };
	if (end.index <= start.index || b->at.chr != start.index)
		return p;
	size_t off = b->at.off;
	uint64_t chr = start.index;
	while (chr < end.index && off < b->len) {
		int brk;
		size_t n = step(b->src, b->len, off, &brk);
		if (brk)
			return p;
		off += n;
		chr++;
	}
	p.span = (uint32_t)(chr - start.index);
	return p;
}

/* Plans must be UTF-8 text; libyaml would also accept UTF-16 and reports
 * encoding problems by byte offset only, so check first and say where. */
static int check_encoding(struct builder *b)
{
	const unsigned char *s = (const unsigned char *)b->src;
	size_t n = b->len;
	for (size_t i = b->base; i < n;) {
		uint32_t cp;
		if (s[i] == 0) {
			struct pv_diag *g = pv_diag_add(b->d, "FMT001",
				pv_pos_of_offset(b->src, n, i),
				"file contains a NUL byte: a plan must be UTF-8 text");
			pv_diag_hint(g, "is this a binary file, or saved as UTF-16? Save it as UTF-8");
			return -1;
		}
		size_t k = pv_utf8_decode(b->src + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1 && s[i] >= 0x80) {
			struct pv_diag *g = pv_diag_add(b->d, "FMT001",
				pv_pos_of_offset(b->src, n, i),
				"invalid UTF-8 byte 0x%02X: a plan must be UTF-8 text", s[i]);
			pv_diag_hint(g, "the file may be in Latin-1 or Windows-1252; convert it, e.g. 'iconv -f latin1 -t utf-8'");
			return -1;
		}
		i += k;
	}
	return 0;
}

/* Asks explain.c for one of pveplan's own problems in the drafter's words
 * (what libyaml reads, but not as the drafter meant it). */
static struct pv_diag *explain_own(struct builder *b, const char *problem, struct pv_pos pos)
{
	struct pv_yaml_error e = { problem, NULL, pos.line, pos.col, 0, 0, 1 };
	return pv_yaml_explain(b->d, b->src, b->len, &e);
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
	/* `title: !Pillar 1` may be text that starts with '!': shown quoted. */
	struct pv_yaml_error e = { "unknown tag", NULL, pos.line, pos.col, 0, 0, 1 };
	if (t[0] == '!' && t[1] != '!' && !collection)
		pv_yaml_explain_hint(g, b->src, b->len, &e);
	return PV_TAG_NONE;
}

/* Counts `nodes` and `bytes` of scalar text against the limits: an alias
 * counts what it would expand to, without expanding it. */
static int count_expansion(struct builder *b, uint64_t nodes, uint64_t bytes,
			   struct pv_pos pos)
{
	struct pv_doc *doc = b->doc;
	if (doc->nodes + nodes > b->lim->max_nodes || doc->nodes + nodes < nodes) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"document expands to more than %llu nodes (aliases included)",
			(unsigned long long)b->lim->max_nodes);
		pv_diag_hint(g, "a file that grows through nested aliases is refused; if the plan really is this large, raise the limit with --max-nodes");
		return -1;
	}
	if (doc->bytes + bytes > b->lim->max_expanded || doc->bytes + bytes < bytes) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"document expands to more than %llu bytes of text (aliases included)",
			(unsigned long long)b->lim->max_expanded);
		pv_diag_hint(g, "a file whose text grows through aliases is refused; if the plan really is this large, raise the limit with --max-expanded-size");
		return -1;
	}
	doc->nodes += nodes;
	doc->bytes += bytes;
	return 0;
}

static void add_child(struct builder *b, struct pv_node *node, uint64_t count,
		      uint64_t bytes)
{
	if (!b->depth) {
		b->doc->root = node;
		return;
	}
	b->stack[b->depth - 1].count += count;
	b->stack[b->depth - 1].bytes += bytes;
	PV_ALLOC_GROW(b->tmp, b->tmp_nr + 1, b->tmp_alloc);
	b->tmp[b->tmp_nr++] = node;
}

static void register_anchor(struct builder *b, const yaml_char_t *name,
			    struct pv_node *node, uint64_t count, uint64_t bytes)
{
	struct anchor *a = xmalloc(sizeof(*a));
	a->node = node;
	a->count = count;
	a->bytes = bytes;
	a->used = 0;
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

/* The keys of pairs, sorted so that equal keys are adjacent, the first
 * occurrence first: O(n log n) where comparing every pair would be
 * quadratic (a big map merged into many others). */
struct keyref {
	const char *key;
	size_t idx;
};

static int cmp_keyref(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static struct keyref *sorted_keys(const struct pv_pair *p, size_t n)
{
	struct keyref *r = xmalloc((n ? n : 1) * sizeof(*r));
	for (size_t i = 0; i < n; i++) {
		r[i].key = p[i].key->u.str;
		r[i].idx = i;
	}
	qsort(r, n, sizeof(*r), cmp_keyref);
	return r;
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
	struct keyref *r = sorted_keys(p, n);
	size_t first = 0;
	for (size_t i = 1; i < n; i++) {
		if (strcmp(r[first].key, r[i].key))
			first = i;
		else
			report_dup(b, &p[r[first].idx], &p[r[i].idx]);
	}
	free(r);
}

/* Of the pairs p[own..n) merged in, keeps those whose key no earlier pair
 * has (YAML merge keys: an explicit key wins over a merged one, an earlier
 * source over a later one), in order; returns the new count. */
static size_t drop_overridden(struct pv_pair *p, size_t own, size_t n)
{
	struct keyref *r = sorted_keys(p, n);
	unsigned char *drop = xcalloc(n, 1);
	for (size_t i = 1; i < n; i++)
		if (r[i].idx >= own && !strcmp(r[i].key, r[i - 1].key))
			drop[r[i].idx] = 1;
	size_t nr = own;
	for (size_t i = own; i < n; i++)
		if (!drop[i])
			p[nr++] = p[i];
	free(drop);
	free(r);
	return nr;
}

static void add_pairs(struct pv_pair **out, size_t *nr, size_t *alloc,
		      const struct pv_node *src)
{
	PV_ALLOC_GROW(*out, *nr + src->len, *alloc);
	memcpy(*out + *nr, src->u.pairs, src->len * sizeof(**out));
	*nr += src->len;
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
	size_t own = nr;
	for (size_t i = 0; merges && i < n; i++) {
		struct pv_node *k = items[2 * i], *v = items[2 * i + 1];
		if (k->kind != PV_NODE_SCALAR || !is_merge_key(k))
			continue;
		if (v->kind == PV_NODE_MAP) {
			add_pairs(&pairs, &nr, &alloc, v);
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
			add_pairs(&pairs, &nr, &alloc, v->u.items[j]);
	}
	if (nr > own)
		nr = drop_overridden(pairs, own, nr);
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

/* Whether a comment follows on the line where a plain scalar ends: it may
 * have cut the text short (SYN001). */
static int comment_follows(struct builder *b, yaml_mark_t end)
{
	seek(b, end.index);
	size_t off = b->at.off;
	while (off < b->len && (b->src[off] == ' ' || b->src[off] == '\t'))
		off++;
	return off < b->len && off > b->at.off && b->src[off] == '#';
}

static int on_scalar(struct builder *b, yaml_event_t *ev)
{
	struct pv_pos pos = pos_of(b, ev->start_mark, ev->end_mark);
	size_t len = ev->data.scalar.length;
	if (len > b->lim->max_scalar) {
		struct pv_diag *g = pv_diag_add(b->d, "FMT007", pos,
			"string of %zu bytes is longer than the limit of %llu bytes",
			len, (unsigned long long)b->lim->max_scalar);
		pv_diag_hint(g, "raise the limit with --max-scalar if this text is intended");
		return -1;
	}
	if (count_expansion(b, 1, len, pos) < 0)
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
	if (n->style == PV_STYLE_PLAIN && comment_follows(b, ev->end_mark))
		n->flags |= PV_NODE_COMMENTED;
	const char *v = (const char *)ev->data.scalar.value;
	if (memchr(v, '\0', len)) {
		pv_diag_add(b->d, "FMT004", pos, "string contains a NUL character");
		len = strlen(v);
	}
	n->len = (uint32_t)len;
	n->u.str = pv_arena_strndup(&b->doc->arena, v, len);
	if (ev->data.scalar.anchor)
		register_anchor(b, ev->data.scalar.anchor, n, 1, len);
	add_child(b, n, 1, len);
	return 0;
}

static int on_start(struct builder *b, yaml_event_t *ev, enum pv_node_kind kind)
{
	struct pv_pos pos = pos_of(b, ev->start_mark, ev->start_mark);
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
	if (count_expansion(b, 1, 0, pos) < 0)
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
	f->bytes = 0;
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
		register_anchor(b, (const yaml_char_t *)f.anchor, n, f.count, f.bytes);
		free(f.anchor);
	}
	add_child(b, n, f.count, f.bytes);
}

static int on_alias(struct builder *b, yaml_event_t *ev)
{
	struct pv_pos pos = pos_of(b, ev->start_mark, ev->end_mark);
	const char *name = (const char *)ev->data.alias.anchor;
	struct anchor *a = pv_strmap_get(&b->anchors, name);
	if (!a) {
		if (explain_own(b, "alias refers to no anchor", pos))
			return -1;
		struct pv_diag *g = pv_diag_add(b->d, "FMT001", pos,
			"alias '*%s' refers to no anchor defined before it", name);
		pv_diag_hint(g, "define '&%s' on an earlier node (an alias cannot refer to its own enclosing node)", name);
		return -1;
	}
	if (count_expansion(b, a->count, a->bytes, pos) < 0)
		return -1;
	a->used = 1;
	add_child(b, a->node, a->count, a->bytes);
	return 0;
}

static void syntax_error(struct builder *b, yaml_parser_t *p)
{
	struct pv_pos pos;
	size_t off;
	if (p->error == YAML_READER_ERROR) {
		off = b->base + p->problem_offset;
		pos = pv_pos_of_offset(b->src, b->len, off);
	} else {
		pos = pos_of(b, p->problem_mark, p->problem_mark);
		off = b->at.off;
	}
	if (p->error != YAML_READER_ERROR && p->problem) {
		struct pv_yaml_error e = { p->problem, p->context, pos.line, pos.col, 0, 0, 0 };
		if (p->context) {
			struct pv_pos c = pos_of(b, p->context_mark, p->context_mark);
			e.context_line = c.line;
			e.context_col = c.col;
		}
		if (pv_yaml_explain(b->d, b->src, b->len, &e))
			return;
	}
	/* The end of the file, or the start of a line after the one libyaml
	 * was reading, is not where the drafter went wrong: what libyaml was
	 * reading is. */
	struct pv_pos ctx = p->context && p->error != YAML_READER_ERROR
				    ? pos_of(b, p->context_mark, p->context_mark) : pos;
	if (p->context && p->error != YAML_READER_ERROR && ctx.line < pos.line &&
	    (pos.col == 1 || (p->problem && !strcmp(p->problem, "found unexpected end of stream")))) {
		struct pv_pos end = pos;
		pos = ctx;
		ctx = end;
	}
	struct pv_diag *g = pv_diag_add(b->d, "FMT001", pos, "YAML syntax: %s",
					pv_yaml_word(p->problem));
	if (off < b->len && b->src[off] == '\t')
		pv_diag_hint(g, "YAML does not allow tabs for indentation: use spaces");
	else if (p->problem && strstr(p->problem, "mapping values are not allowed"))
		pv_diag_hint(g, "a value containing ': ' must be quoted, or a key is indented wrongly");
	if (p->context && p->error != YAML_READER_ERROR)
		pv_diag_note(g, ctx, "%s", pv_yaml_word(p->context));
}

/* `title: &Pillar 1`: an anchor on a text that no alias uses is, far more
 * likely, text that starts with '&' (YAML reads "Pillar" as the anchor's
 * name and drops it from the text). Reported where the value starts. */
static int unused_anchors(struct builder *b)
{
	int found = 0;
	for (size_t i = 0; i < b->anchor_nr; i++) {
		const struct anchor *a = b->anchor_list[i];
		if (!a->used && a->node->kind == PV_NODE_SCALAR &&
		    a->node->style == PV_STYLE_PLAIN &&
		    explain_own(b, "anchor that no alias uses", a->node->pos))
			found = 1;
	}
	return found;
}

/* Builds the tree from one event; 1 at the end of the stream, -1 when the
 * file cannot be read further. */
static int on_event(struct builder *b, yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			if (explain_own(b, "more than one document",
					pos_of(b, ev->start_mark, ev->end_mark)))
				return -1;
			struct pv_diag *g = pv_diag_add(b->d, "FMT001",
				pos_of(b, ev->start_mark, ev->end_mark),
				"file holds more than one YAML document");
			pv_diag_hint(g, "a plan is one document: remove the '---' line, or split the file");
			return -1;
		}
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, PV_NODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, PV_NODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		return 0;
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	case YAML_STREAM_END_EVENT:
		return unused_anchors(b) ? -1 : 1;
	default:
		return 0;
	}
}

static void builder_release(struct builder *b)
{
	for (size_t i = 0; i < b->depth; i++)
		free(b->stack[i].anchor);
	for (size_t i = 0; i < b->anchor_nr; i++)
		free(b->anchor_list[i]);
	free(b->anchor_list);
	free(b->stack);
	free(b->tmp);
	free(b->marks);
	pv_strmap_release(&b->anchors);
}

/* The line of libyaml's error, as syntax_error() places it. */
static uint32_t problem_line(struct builder *b, yaml_parser_t *p)
{
	if (p->error == YAML_READER_ERROR)
		return pv_pos_of_offset(b->src, b->len, b->base + p->problem_offset).line;
	return pos_of(b, p->problem_mark, p->problem_mark).line;
}

int pv_doc_parse(struct pv_doc *doc, const char *src, size_t len,
		 const struct pv_limits *lim, struct pv_diags *d)
{
	struct builder b;
	struct pv_prescan scan = PV_PRESCAN_INIT;
	yaml_parser_t parser;
	yaml_event_t ev;
	int r = 0;

	doc->root = NULL;
	doc->nodes = 0;
	doc->bytes = 0;
	/* Pasted characters first, all of them; libyaml then reads the text
	 * with them repaired, for the other errors of the file. */
	int hazards = pv_prescan_run(&scan, src, len, d);
	if (hazards < 0)
		return -1;
	if (scan.fixed) {
		src = scan.fixed;
		len = scan.fixed_len;
	}
	memset(&b, 0, sizeof(b));
	b.doc = doc;
	b.src = src;
	b.len = len;
	b.base = bom_len(src, len);
	b.at = (struct spot){ b.base, 0, 1, 0 };
	b.lim = lim;
	b.d = d;
	if (!yaml_parser_initialize(&parser)) {
		pv_diag_add(d, "FMT001", ((struct pv_pos){ 1, 1, 1 }), "cannot start the YAML parser");
		pv_prescan_release(&scan);
		return -1;
	}
	if (check_encoding(&b) < 0)
		r = -1;
	/* libyaml, told the encoding, would read the BOM as a character of the
	 * first line and push its first key one column right. */
	yaml_parser_set_input_string(&parser, (const unsigned char *)src + b.base,
				     len - b.base);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (r == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			if (parser.error == YAML_MEMORY_ERROR)
				pv_die_oom();
			/* An error where the pre-scan found something is that
			 * finding again, in libyaml's words: not shown twice. */
			if (!hazards || !pv_prescan_near(&scan, problem_line(&b, &parser)))
				syntax_error(&b, &parser);
			r = -1;
			break;
		}
		r = on_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	builder_release(&b);
	yaml_parser_delete(&parser);
	pv_prescan_release(&scan);
	/* The tree of a repaired text is not the file's: the findings of
	 * the pre-scan are what this run reports of the plan. */
	if (r < 0 || hazards)
		doc->root = NULL;
	return r < 0 || hazards ? -1 : 0;
}

void pv_doc_release(struct pv_doc *doc)
{
	pv_arena_release(&doc->arena);
	doc->root = NULL;
	doc->nodes = 0;
	doc->bytes = 0;
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
