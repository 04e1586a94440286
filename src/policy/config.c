/* .pveplan.yaml: per-project rule severities and thresholds. */
#include "pveplan/policy.h"

#include "pveplan/base.h"
#include "pveplan/read.h"
#include "pveplan/yaml.h"
#include "pveplan/model.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void pv_config_init(struct pv_config *c)
{
	static const struct pv_thresholds t = PV_THRESHOLDS_DEFAULT;
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < PV_ARRAY_SIZE(c->severity); i++)
		c->severity[i] = PV_SEV_DEFAULT;
	c->thresholds = t;
}

void pv_config_release(struct pv_config *c)
{
	free(c->path);
	pv_config_init(c);
}

/* The parent of a relative or absolute folder, kept readable ("plans/a" ->
 * "plans" -> "." -> ".."), so the configuration's path reads well in
 * messages. */
static void parent(struct pv_buf *dir)
{
	char *slash = strrchr(dir->buf, '/');
	const char *last = slash ? slash + 1 : dir->buf;
	if (!strcmp(last, "..")) {
		pv_buf_adds(dir, "/..");
	} else if (!strcmp(dir->buf, ".")) {
		pv_buf_reset(dir);
		pv_buf_adds(dir, "..");
	} else if (slash) {
		dir->len = slash == dir->buf ? 1 : (size_t)(slash - dir->buf);
		dir->buf[dir->len] = '\0';
	} else {
		pv_buf_reset(dir);
		pv_buf_adds(dir, ".");
	}
}

int pv_config_find(const char *dir, struct pv_buf *out)
{
	struct pv_buf d = PV_BUF_INIT;
	int found = 0;
	pv_buf_adds(&d, *dir ? dir : ".");
	for (int depth = 0; depth < 256; depth++) {
		struct stat st;
		pv_buf_reset(out);
		if (!strcmp(d.buf, "."))
			pv_buf_adds(out, ".pveplan.yaml");
		else
			pv_buf_addf(out, "%s%s.pveplan.yaml", d.buf, d.len && d.buf[d.len - 1] == '/' ? "" : "/");
		/* Whatever is there is the configuration: a FIFO or a dangling
		 * link is refused when read, never skipped in silence. */
		if (lstat(out->buf, &st) == 0) {
			found = 1;
			break;
		}
		char *real = realpath(d.buf, NULL);
		int root = !real || !strcmp(real, "/");
		free(real);
		if (root)
			break;
		parent(&d);
	}
	pv_buf_release(&d);
	if (!found)
		pv_buf_reset(out);
	return found;
}

static const char *const severity_names[] = { "info", "warning", "error", "off" };

static void load_rules(struct pv_config *c, const struct pv_node *n, struct pv_diags *d)
{
	if (n->kind != PV_NODE_MAP) {
		pv_diag_add(d, "", n->pos, "'rules' must map rule codes to error, warning, info or off");
		return;
	}
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
		const struct pv_rule *r = pv_rule_find(k->u.str);
		if (!r) {
			struct pv_diag *g = pv_diag_add(d, "", k->pos, "unknown rule '%s'", k->u.str);
			const char *s = pv_suggest(k->u.str, pv_rule_codes, pv_rules_nr, 2);
			if (s)
				pv_diag_hint(g, "did you mean '%s'?", s);
			else
				pv_diag_hint(g, "'pveplan rules' lists the rules");
			continue;
		}
		if (r->flags & PV_RULE_FIXED) {
			struct pv_diag *g = pv_diag_add(d, "", k->pos,
				"rule '%s' cannot be configured", k->u.str);
			pv_diag_hint(g, "FMT and REF rules find structural errors: they are always errors");
			continue;
		}
		int sev = 0, found = 0;
		for (int s = 0; v->kind == PV_NODE_SCALAR && s < 4 && !found; s++)
			if (!strcmp(v->u.str, severity_names[s])) {
				sev = s == 3 ? PV_SEV_OFF : s;
				found = 1;
			}
		if (!found) {
			struct pv_diag *g = pv_diag_add(d, "", v->pos,
				"invalid severity for '%s'", k->u.str);
			pv_diag_hint(g, "use error, warning, info or off");
			continue;
		}
		c->severity[r - pv_rules] = sev;
	}
}

/* The thresholds: counts of stakeholders or sectors (unsigned), and shares
 * from 0 to 1 (double). */
#define T(name, share) { #name, share, offsetof(struct pv_thresholds, name) }
static const struct threshold {
	const char *name;
	int share;
	size_t off;
} thresholds[] = {
	T(public_sector, 0), T(society_sectors, 0), T(regional_bodies, 0),
	T(security_share, 1), T(women_share, 1),
};
#undef T

static void set_threshold(struct pv_config *c, const struct threshold *t,
			  const struct pv_node *v, struct pv_diags *d)
{
	double x = 0;
	int ok = v->kind == PV_NODE_SCALAR && !pv_number_parse(v->u.str, &x);
	char *dst = (char *)&c->thresholds + t->off;
	if (t->share) {
		if (ok && x >= 0 && x <= 1)
			*(double *)dst = x;
		else
			pv_diag_add(d, "", v->pos, "threshold '%s' must be a share from 0 to 1",
				    t->name);
	} else if (ok && x >= 0 && x <= 1000 && x == (unsigned)x) {
		*(unsigned *)dst = (unsigned)x;
	} else {
		pv_diag_add(d, "", v->pos, "threshold '%s' must be a whole number from 0 to 1000",
			    t->name);
	}
}

static void load_thresholds(struct pv_config *c, const struct pv_node *n, struct pv_diags *d)
{
	const char *names[PV_ARRAY_SIZE(thresholds)];
	for (size_t j = 0; j < PV_ARRAY_SIZE(thresholds); j++)
		names[j] = thresholds[j].name;
	if (n->kind != PV_NODE_MAP) {
		pv_diag_add(d, "", n->pos, "'thresholds' must be a mapping");
		return;
	}
	for (uint32_t i = 0; i < n->len; i++) {
		const struct pv_node *k = n->u.pairs[i].key, *v = n->u.pairs[i].value;
		size_t j;
		for (j = 0; j < PV_ARRAY_SIZE(names) && strcmp(k->u.str, names[j]); j++)
			;
		if (j == PV_ARRAY_SIZE(names)) {
			struct pv_diag *g = pv_diag_add(d, "", k->pos, "unknown threshold '%s'",
							k->u.str);
			const char *s = pv_suggest(k->u.str, names, PV_ARRAY_SIZE(names), 3);
			if (s)
				pv_diag_hint(g, "did you mean '%s'?", s);
			else
				pv_diag_hint(g, "thresholds: public_sector, society_sectors, "
						"regional_bodies, security_share, women_share");
			continue;
		}
		set_threshold(c, &thresholds[j], v, d);
	}
}

int pv_config_load(struct pv_config *c, const char *path, struct pv_diags *d,
		   struct pv_msg *err)
{
	struct pv_buf src = PV_BUF_INIT;
	struct pv_doc doc = PV_DOC_INIT;
	struct pv_limits lim = PV_LIMITS_DEFAULT;
	size_t before = d->nr;
	int ret = -2;

	lim.max_file_size = PV_INPUT_SMALL_MAX;
	if (pv_input_read_small(path, PV_W("configuration"), &src, err) != PV_READ_OK)
		goto cleanup;
	ret = -1;
	free(c->path);
	c->path = xstrdup(path);
	if (pv_doc_parse(&doc, src.buf, src.len, &lim, d) < 0)
		goto cleanup;
	if (doc.root && doc.root->kind != PV_NODE_MAP) {
		pv_diag_add(d, "", doc.root->pos, "a configuration must be a mapping with 'rules' and 'thresholds'");
		goto cleanup;
	}
	for (uint32_t i = 0; doc.root && i < doc.root->len; i++) {
		const struct pv_node *k = doc.root->u.pairs[i].key, *v = doc.root->u.pairs[i].value;
		if (!strcmp(k->u.str, "rules")) {
			load_rules(c, v, d);
		} else if (!strcmp(k->u.str, "thresholds")) {
			load_thresholds(c, v, d);
		} else {
			static const char *const keys[] = { "rules", "thresholds" };
			struct pv_diag *g = pv_diag_add(d, "", k->pos,
							"unknown key '%s' in the configuration", k->u.str);
			const char *s = pv_suggest(k->u.str, keys, 2, 3);
			if (s)
				pv_diag_hint(g, "did you mean '%s'?", s);
			else
				pv_diag_hint(g, "a configuration has 'rules' and 'thresholds'");
		}
	}
	ret = d->nr > before ? -1 : 0;
cleanup:
	pv_doc_release(&doc);
	pv_buf_release(&src);
	return ret;
}
