/*
 * The stable identity of each finding: its key path in the plan, by keys and
 * ids (never a line, a column or a list index where an id or a value can say
 * which item), then pv_diag_fingerprint().
 */
#include "pveplan/check.h"

#include <stdlib.h>
#include <string.h>

struct walk {
	struct pv_diag **want;	/* the findings with a position, by position */
	size_t n, next;
	struct pv_buf path;	/* the path of the node being visited */
	struct pv_buf last;	/* the path of the node visited before it */
	struct pv_pos max;	/* the furthest position visited */
};

static int pos_cmp(struct pv_pos a, struct pv_pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

static int cmp_want(const void *a, const void *b)
{
	const struct pv_diag *x = *(struct pv_diag *const *)a, *y = *(struct pv_diag *const *)b;
	int c = pos_cmp(x->pos, y->pos);
	return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* The label of item `i` of a sequence: the value of its `id`, else of a key
 * that tells the items of an id-less list apart (a deviation's rule, a
 * funding's source, a consultation's or a review's date), else the scalar
 * itself (a reference in a list), else its index. */
static void item_label(const struct pv_node *item, uint32_t i, struct pv_buf *out)
{
	static const char *const keys[] = { "id", "rule", "source", "date" };
	pv_buf_addch(out, '[');
	if (item->kind == PV_NODE_SCALAR) {
		pv_buf_adds(out, item->u.str);
		pv_buf_addch(out, ']');
		return;
	}
	for (size_t k = 0; item->kind == PV_NODE_MAP && k < PV_ARRAY_SIZE(keys); k++) {
		const struct pv_node *v = pv_node_get(item, keys[k]);
		if (!v || v->kind != PV_NODE_SCALAR || !*v->u.str)
			continue;
		if (k)
			pv_buf_addf(out, "%s=", keys[k]);
		pv_buf_adds(out, v->u.str);
		pv_buf_addch(out, ']');
		return;
	}
	pv_buf_addf(out, "#%u]", (unsigned)i);
}

/*
 * Visits `n` at the current path. The tree is walked in file order, so each
 * finding gets the path of the first (outermost) node at its position, or,
 * when no node starts there (a character inside a text, a syntax error),
 * of the last node before it. A node behind the furthest position visited
 * is an alias: its place was given at its anchor.
 */
static void visit(struct walk *w, const struct pv_node *n)
{
	if (pos_cmp(n->pos, w->max) < 0)
		return;
	w->max = n->pos;
	while (w->next < w->n && pos_cmp(w->want[w->next]->pos, n->pos) < 0)
		w->want[w->next++]->key_path = xstrdup(w->last.buf);
	while (w->next < w->n && !pos_cmp(w->want[w->next]->pos, n->pos))
		w->want[w->next++]->key_path = xstrdup(w->path.buf);
	pv_buf_reset(&w->last);
	pv_buf_add(&w->last, w->path.buf, w->path.len);
	size_t len = w->path.len;
	for (uint32_t i = 0; n->kind != PV_NODE_SCALAR && i < n->len; i++) {
		if (n->kind == PV_NODE_SEQ) {
			item_label(n->u.items[i], i, &w->path);
			visit(w, n->u.items[i]);
		} else {
			if (len)
				pv_buf_addch(&w->path, '.');
			pv_buf_adds(&w->path, n->u.pairs[i].key->u.str);
			visit(w, n->u.pairs[i].key);
			visit(w, n->u.pairs[i].value);
		}
		w->path.len = len;
		w->path.buf[len] = '\0';
	}
}

static void key_paths(struct pv_diags *d, const struct pv_node *root)
{
	struct walk w = { NULL, 0, 0, PV_BUF_INIT, PV_BUF_INIT, { 0, 0, 0 } };
	w.want = xcalloc(d->nr ? d->nr : 1, sizeof(*w.want));
	for (size_t i = 0; i < d->nr; i++) {
		free(d->v[i].key_path);
		d->v[i].key_path = NULL;
		if (d->v[i].pos.line && root)
			w.want[w.n++] = &d->v[i];
		else
			d->v[i].key_path = xstrdup("");
	}
	qsort(w.want, w.n, sizeof(*w.want), cmp_want);
	if (root)
		visit(&w, root);
	while (w.next < w.n)
		w.want[w.next++]->key_path = xstrdup(w.last.buf);
	free(w.want);
	pv_buf_release(&w.path);
	pv_buf_release(&w.last);
}

void pv_check_fingerprints(struct pv_diags *d, const struct pv_plan *p)
{
	struct pv_strmap seen = PV_STRMAP_INIT;	/* first fingerprint -> occurrences so far */
	const char *plan_id = p ? p->plan.id.s : NULL;
	char (*first)[PV_FINGERPRINT_SIZE] = xcalloc(d->nr ? d->nr : 1, sizeof(*first));
	key_paths(d, p ? p->doc.root : NULL);
	/* d->v is in file order (pv_diags_sort), so occurrences count in it. */
	for (size_t i = 0; i < d->nr; i++) {
		struct pv_diag *g = &d->v[i];
		pv_diag_fingerprint(g, plan_id, 0, first[i]);
		uintptr_t n = (uintptr_t)pv_strmap_get(&seen, first[i]);
		pv_strmap_put(&seen, first[i], (void *)(n + 1));
		if (n)
			pv_diag_fingerprint(g, plan_id, (unsigned)n, g->fingerprint);
		else
			memcpy(g->fingerprint, first[i], PV_FINGERPRINT_SIZE);
	}
	pv_strmap_release(&seen);
	free(first);
}
