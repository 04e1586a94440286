/*
 * The comparison as text (a terminal) and as Markdown (a pull-request
 * comment, and the source of the HTML page): one walk, two ways of writing.
 * Plan text and every string from a draft (ids, paths, messages) go through
 * the report's escaping (pv_report_md_inline, pv_report_md_literal) or, in
 * text, pv_buf_add_visible: nothing in a draft changes the structure.
 */
#include "pveplan/compare.h"

#include "pveplan/report.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CELL_IDS_MAX 20		/* ids in one coverage cell, then "N more" */
#define MD_RESERVE 1024		/* room kept for the note of what is left out */

struct w {
	struct pv_buf *o;
	int md;
	const struct pv_diff *d;
	size_t room;		/* bytes the budgeted lists may still take */
	size_t left_items, left_findings;
};

static const char *L(const struct w *w, const char *key)
{
	return pv_lang_report_label(w->d->lang, key);
}

/* A string from a draft that is not Markdown: an id, a path, a message. */
static void lit(struct w *w, struct pv_buf *o, const char *s)
{
	if (w->md)
		pv_report_md_literal(o, s ? s : "");
	else
		pv_buf_add_visible(o, s ? s : "", s ? strlen(s) : 0);
}

/* Plan text, on one line. */
static void ptext(struct w *w, struct pv_buf *o, const char *s, int cell)
{
	if (w->md)
		pv_report_md_inline(o, s ? s : "", cell);
	else
		pv_buf_add_visible(o, s ? s : "", s ? strlen(s) : 0);
}

/* An id, a code, a path: shown as it is (not as a code span, in which
 * the escapes that keep it literal would show). */
static void code(struct w *w, struct pv_buf *o, const char *s)
{
	lit(w, o, s);
}

static void heading(struct w *w, int level, const char *text)
{
	struct pv_buf *o = w->o;
	if (w->md) {
		pv_buf_addf(o, "\n%.*s %s\n\n", level, "####", text);
		return;
	}
	if (level == 1)
		pv_buf_addf(o, "%s\n", text);
	else if (level == 2)
		pv_buf_addf(o, "\n%s\n", text);
	else
		pv_buf_addf(o, "\n  %s\n", text);
}

/* "label: value", punctuated as the language does. */
static void pair(const struct w *w, struct pv_buf *o, const char *label, const char *value)
{
	pv_report_fill(w->d->lang, L(w, "chart.item"), o, "label", label, "value", value, (char *)NULL);
}

static void fmt_num(const struct w *w, double v, struct pv_buf *o)
{
	pv_report_number(w->d->lang, v, fabs(v - round(v)) < 0.005 ? 0 : 2, o);
}

/* ---- the title and summary ---- */

/* "{n} KEY" agreeing with n in the language's plural form (KEY.one,
 * KEY.few ..., as check's summary counts). */
static void count(const struct w *w, struct pv_buf *o, const char *key, size_t n)
{
	char v[24];
	snprintf(v, sizeof(v), "%zu", n);
	pv_report_fill(w->d->lang, pv_lang_count_report_label(w->d->lang, key, n), o, "n", v,
		       (char *)NULL);
}

/* Under --redact, what was left out, said once under the summary. */
static void withheld(struct w *w)
{
	const struct pv_diff *d = w->d;
	struct pv_buf b = PV_BUF_INIT, t = PV_BUF_INIT;
	if (!d->redact)
		return;
	count(w, &b, "diff.count.finding", d->withheld_findings);
	pv_report_fill(d->lang, L(w, "diff.withheld"), &t, "findings", b.buf, (char *)NULL);
	pv_buf_addf(w->o, "\n%s\n", t.buf);
	pv_buf_release(&b);
	pv_buf_release(&t);
}

static void head(struct w *w)
{
	const struct pv_diff *d = w->d;
	struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT, t = PV_BUF_INIT, n[6];
	code(w, &a, d->old_name);
	code(w, &b, d->new_name);
	pv_report_fill(d->lang, L(w, "diff.title"), &t, "old", a.buf, "new", b.buf, (char *)NULL);
	if (w->md)
		pv_buf_addf(w->o, "# %s\n\n", t.buf);
	else
		heading(w, 1, t.buf);
	size_t added = 0, removed = 0, changed = 0;
	for (int k = 0; k < PV_DIFF_NKINDS; k++) {
		added += d->items[k].count[PV_DIFF_ADDED];
		removed += d->items[k].count[PV_DIFF_REMOVED];
		changed += d->items[k].count[PV_DIFF_CHANGED];
	}
	size_t v[6] = { added, removed, changed, d->state_count[PV_FINDING_RESOLVED],
			d->state_count[PV_FINDING_NEW], d->state_count[PV_FINDING_UNCHANGED] };
	static const char *const keys[6] = { "diff.count.added", "diff.count.removed",
					     "diff.count.changed", "diff.count.resolved",
					     "diff.count.new", "diff.count.unchanged" };
	for (int i = 0; i < 6; i++) {
		pv_buf_init(&n[i]);
		count(w, &n[i], keys[i], v[i]);
	}
	pv_buf_reset(&t);
	pv_report_fill(d->lang, L(w, "diff.summary"), &t, "added", n[0].buf, "removed", n[1].buf,
		       "changed", n[2].buf, "resolved", n[3].buf, "new", n[4].buf, "unchanged",
		       n[5].buf, (char *)NULL);
	if (d->state_count[PV_FINDING_WAIVED]) {
		char n[24];
		snprintf(n, sizeof(n), "%zu", d->state_count[PV_FINDING_WAIVED]);
		pv_buf_addch(&t, ' ');
		pv_report_fill(d->lang, L(w, "diff.summary_waived"), &t, "n", n, (char *)NULL);
	}
	pv_buf_addf(w->o, "%s\n", t.buf);
	withheld(w);
	const char *names[2] = { d->old_name, d->new_name };
	int loaded[2] = { d->old_loaded, d->new_loaded };
	for (int s = 0; s < 2; s++) {
		if (loaded[s])
			continue;
		pv_buf_reset(&a);
		pv_buf_reset(&t);
		code(w, &a, names[s]);
		pv_report_fill(d->lang, L(w, "diff.not_loaded"), &t, "name", a.buf, (char *)NULL);
		pv_buf_addf(w->o, "\n%s\n", t.buf);
	}
	for (int i = 0; i < 6; i++)
		pv_buf_release(&n[i]);
	pv_buf_release(&a);
	pv_buf_release(&b);
	pv_buf_release(&t);
}

/* ---- items ---- */

/* Appends `line` to the output while the budget lasts; 0 once it is out. */
static int budgeted(struct w *w, const struct pv_buf *line)
{
	if (line->len > w->room)
		return 0;
	w->room -= line->len;
	pv_buf_add(w->o, line->buf, line->len);
	return 1;
}

static void field_value(struct w *w, struct pv_buf *o, const struct pv_diff_field *f, int new)
{
	const char *raw = new ? f->new_raw : f->old_raw, *shown = new ? f->new_shown : f->old_shown;
	if (!raw)
		pv_buf_adds(o, L(w, "value.not_stated"));
	else if (f->flags & PV_DF_TEXT)
		ptext(w, o, shown ? shown : raw, 0);
	else
		lit(w, o, shown ? shown : raw);
}

/* "added: a, b; removed: c" for a changed list. */
static void list_change(struct w *w, struct pv_buf *o, const struct pv_diff_field *f)
{
	const char *parts[2] = { f->added, f->removed }, *keys[2] = { "diff.added", "diff.removed" };
	for (int i = 0; i < 2; i++) {
		if (!parts[i])
			continue;
		struct pv_buf items = PV_BUF_INIT;
		lit(w, &items, parts[i]);
		pv_buf_adds(o, i && parts[0] ? "; " : "");
		pair(w, o, L(w, keys[i]), items.buf);
		pv_buf_release(&items);
	}
}

static void item_lines(struct w *w, const struct pv_diff_item *it, struct pv_buf *o)
{
	char key[64];
	struct pv_buf head = PV_BUF_INIT, v = PV_BUF_INIT;
	snprintf(key, sizeof(key), "diff.%s", pv_diff_change_names[it->change]);
	pv_buf_addf(&head, w->md ? "**%s** " : "%s ", L(w, key));
	code(w, &head, it->id);
	if (it->title && *it->title)
		ptext(w, &v, it->title, 0);
	if (it->renamed_from) {
		struct pv_buf id = PV_BUF_INIT;
		code(w, &id, it->renamed_from);
		pv_buf_adds(&v, v.len ? " (" : "(");
		pv_report_fill(w->d->lang, L(w, "diff.renamed"), &v, "id", id.buf, (char *)NULL);
		pv_buf_addch(&v, ')');
		pv_buf_release(&id);
	}
	pv_buf_adds(o, w->md ? "- " : "    ");
	if (v.len)
		pair(w, o, head.buf, v.buf);
	else
		pv_buf_add(o, head.buf, head.len);
	pv_buf_addch(o, '\n');
	for (size_t i = 0; i < it->nfields; i++) {
		const struct pv_diff_field *f = &it->fields[i];
		snprintf(key, sizeof(key), "diff.field.%s", f->key);
		pv_buf_reset(&v);
		if (f->added || f->removed) {
			list_change(w, &v, f);
		} else {
			field_value(w, &v, f, 0);
			pv_buf_adds(&v, w->md ? " → " : " -> ");
			field_value(w, &v, f, 1);
		}
		pv_buf_adds(o, w->md ? "  - " : "        ");
		pair(w, o, L(w, key), v.buf);
		pv_buf_addch(o, '\n');
	}
	pv_buf_release(&head);
	pv_buf_release(&v);
}

static void items(struct w *w)
{
	const struct pv_diff *d = w->d;
	struct pv_buf line = PV_BUF_INIT;
	int any = 0;
	heading(w, 2, L(w, "diff.section.items"));
	for (int k = 0; k < PV_DIFF_NKINDS; k++) {
		const struct pv_diff_items *l = &d->items[k];
		if (!l->n)
			continue;
		char key[64];
		snprintf(key, sizeof(key), "diff.kind.%s", pv_diff_kind_names[k]);
		heading(w, 3, L(w, key));
		any = 1;
		for (size_t i = 0; i < l->n; i++) {
			pv_buf_reset(&line);
			item_lines(w, &l->v[i], &line);
			if (w->left_items || !budgeted(w, &line))
				w->left_items++;
		}
	}
	if (!any)
		pv_buf_addf(w->o, "%s%s\n", w->md ? "" : "  ", L(w, d->old_loaded && d->new_loaded
								 ? "diff.no_item_change"
								 : "diff.items_not_compared"));
	pv_buf_release(&line);
}

/* ---- tables ---- */

/* A table row; `head` > 0 writes the delimiter row after it, with the
 * columns after the first right-aligned when `head` is 2 (figures). */
static void row(struct w *w, const char *const *cells, size_t n, int head)
{
	struct pv_buf *o = w->o;
	if (!w->md) {
		struct pv_buf v = PV_BUF_INIT;
		pv_buf_addf(&v, "%s -> %s", cells[1], cells[2]);
		pv_buf_adds(o, "    ");
		pair(w, o, cells[0], v.buf);
		pv_buf_release(&v);
		for (size_t i = 3; i < n; i++)
			if (*cells[i])
				pv_buf_addf(o, "  (%s)", cells[i]);
		pv_buf_addch(o, '\n');
		return;
	}
	pv_buf_adds(o, "|");
	for (size_t i = 0; i < n; i++)
		pv_buf_addf(o, " %s |", cells[i]);
	pv_buf_addch(o, '\n');
	if (head) {
		pv_buf_adds(o, "|");
		for (size_t i = 0; i < n; i++)
			pv_buf_adds(o, i && head == 2 ? " ---: |" : " --- |");
		pv_buf_addch(o, '\n');
	}
}

static void table_head(struct w *w, const char *first, int change, int figures)
{
	if (!w->md)
		return;
	const char *cells[4] = { L(w, first), L(w, "diff.old"), L(w, "diff.new"),
				 L(w, "diff.change") };
	row(w, cells, change ? 4 : 3, figures ? 2 : 1);
}

static void money(struct w *w, struct pv_buf *o, double v, const char *cur)
{
	fmt_num(w, v, o);
	if (cur && *cur) {
		pv_buf_addch(o, ' ');
		lit(w, o, cur);
	}
}

static void totals(struct w *w)
{
	const struct pv_diff *d = w->d;
	if (!d->old_loaded || !d->new_loaded)
		return;
	heading(w, 2, L(w, "diff.section.totals"));
	if (d->currency_differs) {
		struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT, t = PV_BUF_INIT;
		code(w, &a, d->old_currency);
		code(w, &b, d->new_currency);
		pv_report_fill(d->lang, L(w, "diff.currency_differs"), &t, "old", a.buf, "new", b.buf,
			       (char *)NULL);
		pv_buf_addf(w->o, w->md ? "%s\n\n" : "  %s\n", t.buf);
		pv_buf_release(&a);
		pv_buf_release(&b);
		pv_buf_release(&t);
	}
	table_head(w, "diff.figure", 1, 1);
	struct pv_buf c[4];
	for (int i = 0; i < 4; i++)
		pv_buf_init(&c[i]);
	for (int t = 0; t < PV_DT_COUNT; t++) {
		int m = t >= PV_DT_FIRST_MONEY;
		double a = d->totals[0][t], b = d->totals[1][t];
		for (int i = 0; i < 4; i++)
			pv_buf_reset(&c[i]);
		pv_buf_adds(&c[0], L(w, pv_diff_total_labels[t]));
		if (m) {
			money(w, &c[1], a, d->old_currency);
			money(w, &c[2], b, d->new_currency);
		} else {
			fmt_num(w, a, &c[1]);
			fmt_num(w, b, &c[2]);
		}
		/* Amounts in two currencies are not subtracted. */
		if (a != b && !(m && d->currency_differs)) {
			pv_buf_adds(&c[3], b > a ? "+" : "-");
			fmt_num(w, fabs(b - a), &c[3]);
		}
		const char *cells[4] = { c[0].buf, c[1].buf, c[2].buf, c[3].buf };
		row(w, cells, 4, 0);
	}
	for (int i = 0; i < 4; i++)
		pv_buf_release(&c[i]);
}

static void id_list(struct w *w, struct pv_buf *o, const struct pv_pathlist *l)
{
	if (!l->n)
		pv_buf_adds(o, L(w, "value.none"));
	for (size_t i = 0; i < l->n && i < CELL_IDS_MAX; i++) {
		pv_buf_adds(o, i ? ", " : "");
		lit(w, o, l->v[i]);
	}
	if (l->n > CELL_IDS_MAX) {
		char n[24];
		snprintf(n, sizeof(n), "%zu", l->n - CELL_IDS_MAX);
		pv_buf_adds(o, ", ");
		pv_report_fill(w->d->lang, L(w, "diff.more"), o, "n", n, (char *)NULL);
	}
}

static void cover_rows(struct w *w, const char *sub, const char *col, const struct pv_diff_cover *c,
		       int n, const char *prefix, const char *const *names, int only_used)
{
	struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT, label = PV_BUF_INIT;
	heading(w, 3, L(w, sub));
	table_head(w, col, 1, 0);
	for (int i = 1; i <= n; i++) {
		if (only_used && !c[i].old.n && !c[i].new.n)
			continue;
		pv_buf_reset(&a);
		pv_buf_reset(&b);
		pv_buf_reset(&label);
		id_list(w, &a, &c[i].old);
		id_list(w, &b, &c[i].new);
		if (names) {
			pv_buf_adds(&label, pv_report_enum(w->d->lang, prefix, names, i));
		} else {
			char key[32];
			snprintf(key, sizeof(key), "%s.%d", prefix, i);
			pv_buf_adds(&label, L(w, key));
		}
		const char *cells[4] = { label.buf, a.buf, b.buf, c[i].changed ? L(w, "diff.changed") : "" };
		row(w, cells, 4, 0);
	}
	pv_buf_release(&a);
	pv_buf_release(&b);
	pv_buf_release(&label);
}

static void coverage(struct w *w)
{
	const struct pv_diff *d = w->d;
	if (!d->old_loaded || !d->new_loaded)
		return;
	heading(w, 2, L(w, "diff.section.coverage"));
	cover_rows(w, "sub.coverage_areas", "col.area", d->areas, PV_AREA_COUNT, "area", pv_area_names, 0);
	cover_rows(w, "sub.coverage_pillars", "col.pillar", d->pillars, 4, "pillar", NULL, 0);
	cover_rows(w, "diff.sectors", "col.sector", d->sectors, PV_SECTOR_COUNT, "sector",
		   pv_sector_names, 1);
}

/* ---- findings and the matrix ---- */

static void finding_line(struct w *w, const struct pv_diff_finding *f, struct pv_buf *o)
{
	char key[32];
	snprintf(key, sizeof(key), "severity.%s", pv_severity_name(f->sev));
	struct pv_buf head = PV_BUF_INIT, msg = PV_BUF_INIT;
	code(w, &head, f->code);
	pv_buf_addf(&head, " %s", L(w, key));
	if (f->line) {
		char n[16];
		snprintf(n, sizeof(n), "%u", (unsigned)f->line);
		pv_buf_adds(&head, ", ");
		pv_report_fill(w->d->lang, L(w, "diff.line"), &head, "line", n, (char *)NULL);
	}
	lit(w, &msg, f->message);
	pv_buf_adds(o, w->md ? "- " : "    ");
	pair(w, o, head.buf, msg.buf);
	pv_buf_addch(o, '\n');
	pv_buf_release(&head);
	pv_buf_release(&msg);
}

/* Unchanged findings are many and known: their codes, counted, in the
 * order they first come. */
static void unchanged(struct w *w)
{
	const struct pv_diff *d = w->d;
	struct pv_buf o = PV_BUF_INIT;
	struct pv_strmap count = PV_STRMAP_INIT;	/* code -> findings */
	for (size_t i = 0; i < d->nfindings; i++)
		if (d->findings[i].state == PV_FINDING_UNCHANGED) {
			const char *c = d->findings[i].code;
			pv_strmap_put(&count, c, (void *)((uintptr_t)pv_strmap_get(&count, c) + 1));
		}
	for (size_t i = 0; i < d->nfindings; i++) {
		const struct pv_diff_finding *f = &d->findings[i];
		uintptr_t n = f->state == PV_FINDING_UNCHANGED ? (uintptr_t)pv_strmap_get(&count, f->code) : 0;
		if (!n)
			continue;
		pv_buf_adds(&o, o.len ? ", " : "");
		code(w, &o, f->code);
		if (n > 1)
			pv_buf_addf(&o, " × %zu", (size_t)n);
		pv_strmap_put(&count, f->code, NULL);
	}
	if (o.len)
		pv_buf_addf(w->o, "%s%s\n", w->md ? "" : "    ", o.buf);
	pv_buf_release(&o);
	pv_strmap_release(&count);
}

static void findings(struct w *w)
{
	const struct pv_diff *d = w->d;
	static const enum pv_diff_state order[] = { PV_FINDING_NEW, PV_FINDING_RESOLVED,
						    PV_FINDING_WAIVED, PV_FINDING_UNCHANGED };
	struct pv_buf line = PV_BUF_INIT, h = PV_BUF_INIT;
	heading(w, 2, L(w, "diff.section.findings"));
	for (size_t s = 0; s < PV_ARRAY_SIZE(order); s++) {
		char key[40], n[24];
		if (order[s] == PV_FINDING_WAIVED && !d->state_count[PV_FINDING_WAIVED])
			continue;
		snprintf(key, sizeof(key), "diff.findings.%s", pv_diff_state_names[order[s]]);
		snprintf(n, sizeof(n), "%zu", d->state_count[order[s]]);
		pv_buf_reset(&h);
		pv_report_fill(d->lang, L(w, key), &h, "n", n, (char *)NULL);
		heading(w, 3, h.buf);
		if (order[s] == PV_FINDING_UNCHANGED) {
			unchanged(w);
			continue;
		}
		for (size_t i = 0; i < d->nfindings; i++) {
			if (d->findings[i].state != order[s])
				continue;
			pv_buf_reset(&line);
			finding_line(w, &d->findings[i], &line);
			if (w->left_findings || !budgeted(w, &line))
				w->left_findings++;
		}
	}
	pv_buf_release(&line);
	pv_buf_release(&h);
}

static void rule_state(struct w *w, struct pv_buf *o, enum pv_rule_status st, enum pv_severity sev,
		       size_t n)
{
	char key[48], num[24];
	snprintf(key, sizeof(key), "rule_status.%s", pv_rule_status_name(st));
	pv_buf_adds(o, L(w, key));
	if (sev != PV_SEV_OFF) {
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(sev));
		pv_buf_addf(o, " (%s", L(w, key));
		snprintf(num, sizeof(num), "%zu", n);
		if (n) {
			pv_buf_adds(o, ", ");
			pv_report_fill(w->d->lang, pv_lang_count_report_label(w->d->lang, "diff.count.finding", n), o,
				       "n", num, (char *)NULL);
		}
		pv_buf_addch(o, ')');
	}
}

static void matrix(struct w *w)
{
	const struct pv_diff *d = w->d;
	heading(w, 2, L(w, "diff.section.matrix"));
	if (!d->nrules) {
		pv_buf_addf(w->o, "%s%s\n", w->md ? "" : "  ", L(w, "diff.no_rule_change"));
		return;
	}
	table_head(w, "col.rule", 0, 0);
	struct pv_buf r = PV_BUF_INIT, a = PV_BUF_INIT, b = PV_BUF_INIT;
	for (size_t i = 0; i < d->nrules; i++) {
		const struct pv_diff_rule *x = &d->rules[i];
		const char *title = pv_lang_rule_field(pv_lang_has_findings(d->lang) ? d->lang
								: pv_lang_default(), x->code, "title");
		pv_buf_reset(&r);
		pv_buf_reset(&a);
		pv_buf_reset(&b);
		pv_buf_addf(&r, "%s %s", x->code, title ? title : "");
		rule_state(w, &a, x->old_status, x->old_sev, x->old_findings);
		rule_state(w, &b, x->new_status, x->new_sev, x->new_findings);
		const char *cells[3] = { r.buf, a.buf, b.buf };
		row(w, cells, 3, 0);
	}
	pv_buf_release(&r);
	pv_buf_release(&a);
	pv_buf_release(&b);
}

/* ---- the document ---- */

static void left_out(struct w *w, size_t limit)
{
	struct pv_buf a = PV_BUF_INIT, b = PV_BUF_INIT;
	char l[24];
	if (!w->left_items && !w->left_findings)
		return;
	count(w, &a, "diff.count.item", w->left_items);
	count(w, &b, "diff.count.finding", w->left_findings);
	snprintf(l, sizeof(l), "%zu", limit);
	pv_buf_addch(w->o, '\n');
	pv_report_fill(w->d->lang, L(w, "diff.left_out"), w->o, "items", a.buf, "findings", b.buf,
		       "limit", l, (char *)NULL);
	pv_buf_addch(w->o, '\n');
	pv_buf_release(&a);
	pv_buf_release(&b);
}

static void render(const struct pv_diff *d, int md, size_t limit, struct pv_buf *out)
{
	struct pv_buf fixed = PV_BUF_INIT, rules = PV_BUF_INIT, found = PV_BUF_INIT,
		      listed = PV_BUF_INIT;
	struct w w = { &fixed, md, d, (size_t)-1, 0, 0 };
	/* What is never cut first, then the findings within half of what is
	 * left, then the items within the rest; shown in the order of a
	 * review: items, figures, findings, rules. */
	totals(&w);
	coverage(&w);
	w.o = &rules;
	matrix(&w);
	size_t used = fixed.len + rules.len + MD_RESERVE * 2;
	size_t room = !limit ? (size_t)-1 : limit > used ? limit - used : 0;
	w.o = &found;
	w.room = limit ? room / 2 : room;
	findings(&w);
	w.o = &listed;
	w.room = limit ? room - found.len : room;
	items(&w);
	w.o = out;
	head(&w);
	pv_buf_add(out, listed.buf, listed.len);
	pv_buf_add(out, fixed.buf, fixed.len);
	pv_buf_add(out, found.buf, found.len);
	pv_buf_add(out, rules.buf, rules.len);
	left_out(&w, limit);
	pv_buf_release(&fixed);
	pv_buf_release(&rules);
	pv_buf_release(&found);
	pv_buf_release(&listed);
}

void pv_diff_render_text(const struct pv_diff *d, struct pv_buf *out)
{
	render(d, 0, 0, out);
}

void pv_diff_render_markdown(const struct pv_diff *d, size_t limit, struct pv_buf *out)
{
	render(d, 1, limit, out);
}

int pv_diff_render_html(const struct pv_diff *d, const char *template_dir, struct pv_buf *out,
			struct pv_msg *err)
{
	struct pv_buf md = PV_BUF_INIT, title = PV_BUF_INIT;
	render(d, 1, 0, &md);
	pv_report_fill(d->lang, pv_lang_report_label(d->lang, "diff.title"), &title, "old", d->old_name,
		       "new", d->new_name, (char *)NULL);
	int ret = pv_report_html_page(d->lang, title.buf, md.buf, md.len, template_dir, out, err);
	pv_buf_release(&md);
	pv_buf_release(&title);
	return ret;
}
