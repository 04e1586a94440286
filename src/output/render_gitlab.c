/*
 * --format gitlab: a GitLab Code Quality report, the subset of the
 * CodeClimate issue format that GitLab reads (tests/cli/gitlab/ has the
 * schema written from GitLab's documentation, and its source).
 */
#include "pveplan/output.h"

#include "pveplan/base.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* GitLab's five severities for pveplan's three: an error fails the plan
 * (critical), a warning is to be fixed (major), an info message is a
 * figure or a remark (info). minor and blocker are not used. */
static const char *severity(enum pv_severity s)
{
	return s == PV_SEV_ERROR ? "critical" : s == PV_SEV_WARNING ? "major" : "info";
}

/* Plan text as a JSON string, with the characters the text output escapes
 * escaped visibly as well: a merge request is read by people. */
static void text(struct pv_buf *o, const char *s)
{
	struct pv_buf v = PV_BUF_INIT;
	pv_buf_add_visible(&v, s, strlen(s));
	pv_json_str(o, v.buf);
	pv_buf_release(&v);
}

/* GitLab wants fingerprints unique in a report; the same plan checked under
 * two names gives the same findings twice: the second one's fingerprint
 * is then made from the first and its file. */
static void fingerprint(struct pv_buf *o, struct pv_strmap *seen, const char *fp,
			const char *path, struct pv_arena *keep)
{
	char hex[PV_FINGERPRINT_SIZE];
	memcpy(hex, fp, PV_FINGERPRINT_SIZE);
	if (pv_strmap_get(seen, hex)) {
		unsigned char d[crypto_hash_sha256_BYTES];
		struct pv_buf k = PV_BUF_INIT;
		pv_buf_addf(&k, "%s%c%s", fp, 0, path);
		crypto_hash_sha256(d, (const unsigned char *)k.buf, k.len);
		pv_buf_release(&k);
		for (size_t i = 0; i < (PV_FINGERPRINT_SIZE - 1) / 2; i++) {
			hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
			hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
		}
	}
	char *key = pv_arena_strndup(keep, hex, PV_FINGERPRINT_SIZE - 1);
	pv_strmap_put(seen, key, key);
	pv_buf_addf(o, "\"%s\"", hex);
}

static void issue(struct pv_buf *o, const struct pv_file_report *f, const struct pv_diag *g,
		  const struct pv_lang *lang, struct pv_strmap *seen, struct pv_arena *keep)
{
	const char *path = f->rel_path ? f->rel_path : f->path;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	char *msg = pv_msg_text(&g->msg, lang);
	pv_buf_adds(o, "{\"type\":\"issue\",\"description\":");
	text(o, msg);
	pv_buf_adds(o, ",\"check_name\":");
	pv_json_str(o, g->code);
	pv_buf_adds(o, ",\"fingerprint\":");
	fingerprint(o, seen, g->fingerprint, path, keep);
	pv_buf_addf(o, ",\"severity\":\"%s\",\"location\":{\"path\":", severity(g->sev));
	text(o, path);
	pv_buf_addf(o, ",\"lines\":{\"begin\":%u}}}", g->pos.line ? g->pos.line : 1);
	free(msg);
}

void pv_render_gitlab(const struct pv_run_report *r, struct pv_buf *out)
{
	struct pv_buf o = PV_BUF_INIT;
	struct pv_strmap seen = PV_STRMAP_INIT;
	struct pv_arena keep = PV_ARENA_INIT;
	int first = 1;
	pv_buf_addch(&o, '[');
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < r->files[i].diags.nr; j++) {
			const struct pv_diag *g = &r->files[i].diags.v[j];
			if (g->waiver >= 0)
				continue;	/* accepted: not a problem to fix */
			if (!first)
				pv_buf_addch(&o, ',');
			first = 0;
			issue(&o, &r->files[i], g, r->lang, &seen, &keep);
		}
	pv_buf_addch(&o, ']');
	pv_json_pretty(o.buf, out);
	pv_buf_addch(out, '\n');
	pv_buf_release(&o);
	pv_strmap_release(&seen);
	pv_arena_release(&keep);
}
