/*
 * check --baseline: the findings of an earlier `--format json` run, by
 * fingerprint, so that only new findings fail a build.
 */
#include "pveplan/output.h"

#include "pveplan/base.h"
#include "pveplan/yaml.h"

#include <stdlib.h>
#include <string.h>

static const char *scalar(const struct pv_node *map, const char *key)
{
	const struct pv_node *v = pv_node_get(map, key);
	return v && v->kind == PV_NODE_SCALAR ? v->u.str : NULL;
}

static int is_fingerprint(const char *s)
{
	return s && strlen(s) == PV_FINGERPRINT_SIZE - 1 &&
	       strspn(s, "0123456789abcdef") == PV_FINGERPRINT_SIZE - 1;
}

static enum pv_severity severity_of(const char *s)
{
	if (s && !strcmp(s, "warning"))
		return PV_SEV_WARNING;
	if (s && !strcmp(s, "info"))
		return PV_SEV_INFO;
	return PV_SEV_ERROR;
}

static unsigned number(const struct pv_node *map, const char *key)
{
	const char *s = scalar(map, key);
	unsigned long v = s ? strtoul(s, NULL, 10) : 0;
	return v > UINT32_MAX ? 0 : (unsigned)v;
}

/* Adds one finding of the baseline; -1 (with *err) when it has no
 * fingerprint. */
static int add_item(struct pv_baseline *b, const char *path, const struct pv_node *g,
		    struct pv_msg *err)
{
	const char *fp = g->kind == PV_NODE_MAP ? scalar(g, "fingerprint") : NULL;
	if (!is_fingerprint(fp)) {
		pv_err(err, "a finding has no fingerprint: the file was written by an "
				 "older pveplan, or edited; write it again with "
				 "'pveplan check --format json -o FILE'");
		return -1;
	}
	PV_ALLOC_GROW(b->v, b->n + 1, b->alloc);
	struct pv_baseline_item *it = &b->v[b->n++];
	memset(it, 0, sizeof(*it));
	memcpy(it->fingerprint, fp, PV_FINGERPRINT_SIZE);
	const char *code = scalar(g, "code"), *msg = scalar(g, "message");
	it->code = xstrdup(code ? code : "");
	it->message = xstrdup(msg ? msg : "");
	it->path = xstrdup(path ? path : "");
	it->sev = severity_of(scalar(g, "severity"));
	it->pos.line = number(g, "line");
	it->pos.col = number(g, "column");
	return 0;
}

/* Checks the shape of the document: pveplan's own JSON, version 1. */
static int read_files(struct pv_baseline *b, const struct pv_node *root, struct pv_msg *err)
{
	const struct pv_node *tool = root && root->kind == PV_NODE_MAP
		? pv_node_get(root, "pveplan") : NULL;
	const struct pv_node *files = tool ? pv_node_get(root, "files") : NULL;
	if (!tool || tool->kind != PV_NODE_MAP || !files || files->kind != PV_NODE_SEQ) {
		pv_err(err, "it is not the output of 'pveplan check --format json' "
				 "(no 'pveplan' and 'files')");
		return -1;
	}
	const char *v = scalar(tool, "json_version");
	if (!v || strcmp(v, "1")) {
		pv_err(err, "its json_version is %s, this pveplan reads 1", v ? v : "missing");
		return -1;
	}
	for (uint32_t i = 0; i < files->len; i++) {
		const struct pv_node *f = files->u.items[i];
		if (f->kind != PV_NODE_MAP) {
			pv_err(err, "an item of 'files' is not an object");
			return -1;
		}
		for (int waived = 0; waived < 2; waived++) {
			const struct pv_node *l = pv_node_get(f, waived ? "waived" : "findings");
			if (!l && waived)
				continue;
			if (!l || l->kind != PV_NODE_SEQ) {
				pv_err(err, "a file has no 'findings' list");
				return -1;
			}
			for (uint32_t k = 0; k < l->len; k++)
				if (add_item(b, scalar(f, "path"), l->u.items[k], err) < 0)
					return -1;
		}
	}
	return 0;
}

int pv_baseline_load(struct pv_baseline *b, const char *name, const char *src, size_t len,
		     struct pv_msg *err)
{
	static const struct pv_limits lim = PV_LIMITS_DEFAULT;
	struct pv_doc doc = PV_DOC_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_msg why = { 0 };
	pv_diags_init(&d, name);
	b->name = xstrdup(name);
	int ret = -1;
	/* JSON is YAML: the tree reads it within the limits of a plan. */
	if (pv_doc_parse(&doc, src, len, &lim, &d) < 0 || !doc.root) {
		if (d.nr)
			pv_err(&why, "it is not valid JSON (line %u: %s)", d.v[0].pos.line,
			       pv_arg_msg(&d.v[0].msg));
		else
			pv_err(&why, "it is not valid JSON");
	} else {
		ret = read_files(b, doc.root, &why);
	}
	/* Indexed once every item is in place (the array moves as it grows).
	 * The same plan checked twice gives the same findings twice: the first
	 * stands for both. */
	for (size_t i = 0; ret == 0 && i < b->n; i++) {
		if (pv_strmap_get(&b->index, b->v[i].fingerprint))
			b->v[i].matched = 1;
		else
			pv_strmap_put(&b->index, b->v[i].fingerprint, &b->v[i]);
	}
	if (ret < 0)
		pv_err(err, "the baseline '%s' cannot be used: %s", name, pv_arg_msg(&why));
	pv_msg_release(&why);
	pv_diags_release(&d);
	pv_doc_release(&doc);
	return ret;
}

void pv_baseline_release(struct pv_baseline *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].code);
		free(b->v[i].message);
		free(b->v[i].path);
	}
	free(b->v);
	free(b->name);
	pv_strmap_release(&b->index);
	memset(b, 0, sizeof(*b));
}

void pv_baseline_apply(struct pv_baseline *b, struct pv_run_report *r)
{
	r->baseline = b;
	r->unchanged = r->absent = 0;
	for (size_t e = 0; e < 3; e++)
		r->news[e] = 0;
	for (size_t i = 0; i < r->n; i++) {
		struct pv_file_report *f = &r->files[i];
		size_t known[3] = { 0, 0, 0 };
		free(f->state);
		f->state = xcalloc(f->diags.nr ? f->diags.nr : 1, 1);
		for (size_t k = 0; k < f->diags.nr; k++) {
			const struct pv_diag *g = &f->diags.v[k];
			struct pv_baseline_item *it = pv_strmap_get(&b->index, g->fingerprint);
			f->state[k] = it ? PV_BASELINE_UNCHANGED : PV_BASELINE_NEW;
			if (!it)
				continue;
			it->matched = 1;
			if (g->waiver < 0 && g->sev >= PV_SEV_INFO && g->sev <= PV_SEV_ERROR)
				known[g->sev]++;
			r->unchanged += g->waiver < 0;
		}
		/* Findings left out by --max-findings have no fingerprint: new. */
		for (int s = PV_SEV_INFO; s <= PV_SEV_ERROR; s++)
			r->news[s] += pv_diags_count(&f->diags, (enum pv_severity)s) - known[s];
	}
	for (size_t i = 0; i < b->n; i++)
		r->absent += !b->v[i].matched;
}
