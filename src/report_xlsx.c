/* The capacity-needs workbook (XLSX), with libxlsxwriter: numbers as
 * numbers, dates as dates, totals as formulas that carry their value, plan
 * text always as text. Written in constant-memory mode, row by row. */
#include "pveplan/build.h"

#include "pveplan/alloc.h"
#include "pveplan/lang.h"
#include "pveplan/msg.h"
#include "pveplan/report.h"
#include "pveplan/rules.h"
#include "pveplan/version.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct wb {
	const struct pv_report_input *in;
	const struct pv_plan *p;
	lxw_workbook *book;
	lxw_format *head, *wrap, *money, *date, *num, *pct;
	lxw_error err;
	int err_line;	/* for a bug report */
	const char *cur;
	struct pv_buf scratch;
};

static const char *L(const struct wb *w, const char *key)
{
	return pv_lang_report_label(w->in->lang, key);
}

static const char *T(const struct wb *w, const struct pv_text *t)
{
	return pv_report_text(w->in, t);
}

#define keep(w, e) keep_at((w), (e), __LINE__)
static void keep_at(struct wb *w, lxw_error e, int line)
{
	if (e && !w->err) {
		w->err = e;
		w->err_line = line;
	}
}

static void str(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		lxw_format *f)
{
	/* Always a string cell: plan text starting with '=' stays text. */
	if (s && *s)
		keep(w, worksheet_write_string(ws, r, c, s, f ? f : w->wrap));
}

static void number(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		   lxw_format *f)
{
	keep(w, worksheet_write_number(ws, r, c, v, f));
}

static void formula(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *fml,
		    double value, lxw_format *f)
{
	keep(w, worksheet_write_formula_num(ws, r, c, fml, f, value));
}

static void date_cell(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
		      const struct pv_date *d, int end)
{
	if (!d->prec)
		return;
	lxw_datetime dt = { d->year, d->month ? d->month : (end ? 12 : 1), 1, 0, 0, 0 };
	dt.day = d->day ? d->day : (end ? pv_days_in_month(dt.year, dt.month) : 1);
	keep(w, worksheet_write_datetime(ws, r, c, &dt, w->date));
}

/* A sheet name within Excel's rules: at most 31 characters, none of []:*?/\ */
static lxw_worksheet *sheet(struct wb *w, const char *key)
{
	struct pv_buf name = PV_BUF_INIT;
	size_t chars = 0;
	for (const char *p = L(w, key); *p; p++) {
		if (strchr("[]:*?/\\", *p))
			continue;
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > 31)
			break;
		pv_buf_addch(&name, *p);
	}
	lxw_worksheet *ws = workbook_add_worksheet(w->book, name.buf);
	pv_buf_release(&name);
	return ws;
}

static void header(struct wb *w, lxw_worksheet *ws, const char *const *keys, size_t n,
		   const double *widths)
{
	for (size_t i = 0; i < n; i++) {
		str(w, ws, 0, (lxw_col_t)i, L(w, keys[i]), w->head);
		keep(w, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL));
	}
	worksheet_freeze_panes(ws, 1, 0);
}

static const char *stakeholder_name(const struct wb *w, const char *id)
{
	return pv_report_stakeholder(w->in, id);
}

static char *names(const struct wb *w, const pv_str_list *l, const char *sep, int ids)
{
	struct pv_buf b = PV_BUF_INIT;
	if (ids)
		pv_buf_adds(&b, sep);
	for (uint32_t i = 0; i < l->n; i++) {
		const char *n = ids ? l->v[i].s : stakeholder_name(w, l->v[i].s);
		if (!n)
			continue;
		if (b.len && !ids)
			pv_buf_adds(&b, sep);
		pv_buf_adds(&b, n);
		if (ids)
			pv_buf_adds(&b, sep);
	}
	return pv_buf_detach(&b, NULL);
}

struct need_row {
	const struct pv_need *n;
	const struct pv_priority *pr;
	const struct pv_objective *o;
	const struct pv_action *a;
};

static int hidden(const struct wb *w, const struct pv_bool *b)
{
	return w->in->redact && b->v == 1;
}

/* Every need, in plan order: those under actions, then the cross-cutting. */
static size_t collect_needs(const struct wb *w, struct need_row **out)
{
	size_t n = 0, alloc = 0;
	struct need_row *v = NULL;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		const struct pv_priority *pr = &w->p->priorities.v[i];
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (hidden(w, &a->confidential))
					continue;
				for (uint32_t x = 0; x < a->capacity_needs.n; x++) {
					if (hidden(w, &a->capacity_needs.v[x].confidential))
						continue;
					PV_ALLOC_GROW(v, n + 1, alloc);
					v[n++] = (struct need_row){ &a->capacity_needs.v[x], pr, o, a };
				}
			}
		}
	}
	for (uint32_t x = 0; x < w->p->capacity_needs.n; x++) {
		if (hidden(w, &w->p->capacity_needs.v[x].confidential))
			continue;
		PV_ALLOC_GROW(v, n + 1, alloc);
		v[n++] = (struct need_row){ &w->p->capacity_needs.v[x], NULL, NULL, NULL };
	}
	*out = v;
	return n;
}

static const char *enum_label(struct wb *w, const char *prefix, const char *const *names, int v)
{
	return pv_report_enum(w->in->lang, prefix, names, v);
}

/* The choices of the drop-down lists live in hidden columns of the needs
 * sheet (P, Q, R) rather than in the validation itself: Excel limits an
 * inline list to 255 characters, and libxlsxwriter 1.1 overflows on inline
 * lists in non-Latin scripts. */
static const char *const *list_names[] = { pv_need_kind_names, pv_rating_names,
					   pv_need_status_names };
static const char *const list_prefix[] = { "need", "rating", "need_status" };
static const lxw_col_t list_target[] = { 6, 9, 12 };

static lxw_row_t list_length(int l)
{
	lxw_row_t n = 0;
	while (list_names[l][n + 1])
		n++;
	return n;
}

static void list_cells(struct wb *w, lxw_worksheet *ws, lxw_row_t row)
{
	for (int l = 0; l < 3; l++)
		if (row >= 1 && row <= list_length(l))
			str(w, ws, row, (lxw_col_t)(15 + l),
			    enum_label(w, list_prefix[l], list_names[l], (int)row), NULL);
}

static void validate_lists(struct wb *w, lxw_worksheet *ws, lxw_row_t last)
{
	static char formulas[3][32];
	for (int l = 0; l < 3; l++) {
		int n = 0;
		while (list_names[l][n + 1])
			n++;
		snprintf(formulas[l], sizeof(formulas[l]), "=$%c$2:$%c$%d", 'P' + l, 'P' + l, n + 1);
		lxw_data_validation dv;
		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = formulas[l];
		keep(w, worksheet_data_validation_range(ws, 1, list_target[l], last, list_target[l], &dv));
	}
}

#define NEED_COLS 15	/* 13 shown, then the hidden match columns */

static void needs_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	static const char *const head[] = { "col.id", "col.areas", "col.priority", "col.objective",
		"col.action", "col.need", "col.kind", "col.beneficiary", "col.support_from",
		"col.priority", "col.cost", "col.currency", "col.status" };
	static const double widths[] = { 10, 28, 10, 10, 36, 44, 18, 26, 30, 10, 14, 9, 14 };
	lxw_worksheet *ws = sheet(w, "sheet.needs");
	header(w, ws, head, 13, widths);
	str(w, ws, 0, 9, L(w, "col.priority"), w->head);
	keep(w, worksheet_set_column_opt(ws, 13, 17, 12, NULL,
					 &(lxw_row_col_options){ .hidden = 1 }));
	/* Ranges first: in constant-memory mode nothing may point above the
	 * row being written. */
	lxw_row_t last = n ? (lxw_row_t)n : 1;
	keep(w, worksheet_autofilter(ws, 0, 0, last, 12));
	/* Room for the rows an adviser adds below. */
	validate_lists(w, ws, last + 200);
	/* High priority stands out, and keeps doing so after an adviser's edit. */
	lxw_format *red = workbook_add_format(w->book);
	format_set_bg_color(red, 0xF8D7DA);
	format_set_font_color(red, 0x842029);
	lxw_conditional_format cf;
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	pv_buf_reset(&w->scratch);
	pv_buf_addf(&w->scratch, "\"%s\"", L(w, "rating.high"));
	cf.value_string = w->scratch.buf;
	cf.format = red;
	keep(w, worksheet_conditional_format_range(ws, 1, 9, last + 200, 9, &cf));
	for (size_t i = 0; i < n; i++) {
		const struct need_row *r = &rows[i];
		lxw_row_t row = (lxw_row_t)i + 1;
		struct pv_buf areas = PV_BUF_INIT, akeys = PV_BUF_INIT, action = PV_BUF_INIT;
		if (r->pr) {
			pv_buf_addch(&akeys, ';');
			for (uint32_t j = 0; j < r->pr->areas.n; j++) {
				int a = r->pr->areas.v[j].v;
				pv_buf_addf(&areas, "%s%s", j ? "; " : "", enum_label(w, "area", pv_area_names, a));
				pv_buf_addf(&akeys, "%s;", pv_area_names[a]);
			}
		}
		if (r->a)
			pv_buf_addf(&action, "%s %s", r->a->id.s ? r->a->id.s : "", T(w, &r->a->title));
		else if (r->n->actions.n)
			for (uint32_t j = 0; j < r->n->actions.n; j++)
				pv_buf_addf(&action, "%s%s", j ? ", " : "", r->n->actions.v[j].s);
		char *from = names(w, &r->n->support_from, ", ", 0);
		char *from_ids = names(w, &r->n->support_from, ";", 1);
		const char *ben = r->n->beneficiary.s ? stakeholder_name(w, r->n->beneficiary.s) : "";
		str(w, ws, row, 0, r->n->id.s, NULL);
		str(w, ws, row, 1, areas.buf, NULL);
		str(w, ws, row, 2, r->pr ? r->pr->id.s : "", NULL);
		str(w, ws, row, 3, r->o ? r->o->id.s : "", NULL);
		str(w, ws, row, 4, action.buf, NULL);
		str(w, ws, row, 5, T(w, &r->n->need), NULL);
		str(w, ws, row, 6, enum_label(w, "need", pv_need_kind_names, r->n->kind.v), NULL);
		str(w, ws, row, 7, ben ? ben : "", NULL);
		str(w, ws, row, 8, from, NULL);
		str(w, ws, row, 9, enum_label(w, "rating", pv_rating_names, r->n->priority.v), NULL);
		if (r->n->cost.set)
			number(w, ws, row, 10, r->n->cost.v, w->money);
		str(w, ws, row, 11, w->cur, NULL);
		str(w, ws, row, 12, enum_label(w, "need_status", pv_need_status_names,
					      r->n->status.v ? r->n->status.v : PV_NEED_IDENTIFIED), NULL);
		str(w, ws, row, 13, from_ids, NULL);
		str(w, ws, row, 14, akeys.buf, NULL);
		list_cells(w, ws, row);
		free(from);
		free(from_ids);
		pv_buf_release(&areas);
		pv_buf_release(&akeys);
		pv_buf_release(&action);
	}
	/* Rows of the lists below the last need (constant memory: in order). */
	for (lxw_row_t row = (lxw_row_t)n + 1; row <= 10; row++)
		list_cells(w, ws, row);
}

/* Provider ids in plan order, each once. */
static size_t providers(const struct need_row *rows, size_t n, const char ***out)
{
	struct pv_strmap seen = PV_STRMAP_INIT;
	const char **v = NULL;
	size_t m = 0, alloc = 0;
	for (size_t i = 0; i < n; i++)
		for (uint32_t j = 0; j < rows[i].n->support_from.n; j++) {
			const char *id = rows[i].n->support_from.v[j].s;
			if (pv_strmap_get(&seen, id))
				continue;
			pv_strmap_put(&seen, id, (void *)id);
			PV_ALLOC_GROW(v, m + 1, alloc);
			v[m++] = id;
		}
	pv_strmap_release(&seen);
	*out = v;
	return m;
}

static void providers_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	static const char *const head[] = { "col.provider", "col.id", "col.needs_count", "col.cost" };
	static const double widths[] = { 40, 14, 16, 18 };
	lxw_worksheet *ws = sheet(w, "sheet.providers");
	header(w, ws, head, 4, widths);
	const char **ids;
	size_t m = providers(rows, n, &ids);
	char needs_sheet_name[80];
	snprintf(needs_sheet_name, sizeof(needs_sheet_name), "'%s'", L(w, "sheet.needs"));
	for (size_t i = 0; i < m; i++) {
		lxw_row_t row = (lxw_row_t)i + 1;
		size_t count = 0;
		double cost = 0;
		for (size_t k = 0; k < n; k++)
			for (uint32_t j = 0; j < rows[k].n->support_from.n; j++)
				if (!strcmp(rows[k].n->support_from.v[j].s, ids[i])) {
					count++;
					cost += rows[k].n->cost.set ? rows[k].n->cost.v : 0;
				}
		const char *name = stakeholder_name(w, ids[i]);
		str(w, ws, row, 0, name ? name : ids[i], NULL);
		str(w, ws, row, 1, ids[i], NULL);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=COUNTIF(%s!$N$2:$N$%zu,\"*;\"&B%u&\";*\")", needs_sheet_name,
			    n + 1, (unsigned)row + 1);
		formula(w, ws, row, 2, w->scratch.buf, (double)count, w->num);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=SUMIF(%s!$N$2:$N$%zu,\"*;\"&B%u&\";*\",%s!$K$2:$K$%zu)",
			    needs_sheet_name, n + 1, (unsigned)row + 1, needs_sheet_name, n + 1);
		formula(w, ws, row, 3, w->scratch.buf, cost, w->money);
	}
	free(ids);
}

static void areas_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	static const char *const head[] = { "col.area", "col.id", "col.needs_count", "col.cost" };
	static const double widths[] = { 58, 16, 16, 18 };
	lxw_worksheet *ws = sheet(w, "sheet.areas");
	header(w, ws, head, 4, widths);
	char ns[80];
	snprintf(ns, sizeof(ns), "'%s'", L(w, "sheet.needs"));
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		lxw_row_t row = (lxw_row_t)a;
		size_t count = 0;
		double cost = 0;
		for (size_t k = 0; k < n; k++)
			for (uint32_t j = 0; rows[k].pr && j < rows[k].pr->areas.n; j++)
				if (rows[k].pr->areas.v[j].v == a) {
					count++;
					cost += rows[k].n->cost.set ? rows[k].n->cost.v : 0;
				}
		str(w, ws, row, 0, enum_label(w, "area", pv_area_names, a), NULL);
		str(w, ws, row, 1, pv_area_names[a], NULL);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=COUNTIF(%s!$O$2:$O$%zu,\"*;\"&B%u&\";*\")", ns, n + 1,
			    (unsigned)row + 1);
		formula(w, ws, row, 2, w->scratch.buf, (double)count, w->num);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=SUMIF(%s!$O$2:$O$%zu,\"*;\"&B%u&\";*\",%s!$K$2:$K$%zu)", ns,
			    n + 1, (unsigned)row + 1, ns, n + 1);
		formula(w, ws, row, 3, w->scratch.buf, cost, w->money);
	}
	/* Then per kind of need. */
	lxw_row_t base = PV_AREA_COUNT + 2;
	str(w, ws, base, 0, L(w, "col.kind"), w->head);
	str(w, ws, base, 2, L(w, "col.needs_count"), w->head);
	str(w, ws, base, 3, L(w, "col.cost"), w->head);
	for (int k = 1; pv_need_kind_names[k]; k++) {
		lxw_row_t row = base + (lxw_row_t)k;
		size_t count = 0;
		double cost = 0;
		for (size_t x = 0; x < n; x++)
			if (rows[x].n->kind.v == k) {
				count++;
				cost += rows[x].n->cost.set ? rows[x].n->cost.v : 0;
			}
		str(w, ws, row, 0, enum_label(w, "need", pv_need_kind_names, k), NULL);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=COUNTIF(%s!$G$2:$G$%zu,A%u)", ns, n + 1, (unsigned)row + 1);
		formula(w, ws, row, 2, w->scratch.buf, (double)count, w->num);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=SUMIF(%s!$G$2:$G$%zu,A%u,%s!$K$2:$K$%zu)", ns, n + 1,
			    (unsigned)row + 1, ns, n + 1);
		formula(w, ws, row, 3, w->scratch.buf, cost, w->money);
	}
	lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_BAR);
	char sname[80];
	snprintf(sname, sizeof(sname), "%s", L(w, "sheet.areas"));
	lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(s, sname, 1, 0, PV_AREA_COUNT, 0);
	chart_series_set_values(s, sname, 1, 3, PV_AREA_COUNT, 3);
	chart_title_set_name(chart, L(w, "sub.budget_area"));
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	keep(w, worksheet_insert_chart(ws, 1, 5, chart));
}

/* What --redact leaves out: the action, its objective or its priority. */
static int hidden_action(const struct wb *w, const struct pv_priority *pr,
			 const struct pv_objective *o, const struct pv_action *a)
{
	return hidden(w, &pr->confidential) || hidden(w, &o->confidential) ||
	       hidden(w, &a->confidential);
}

static size_t actions_sheet(struct wb *w)
{
	static const char *const head[] = { "col.id", "col.priority", "col.objective", "col.title",
		"col.lead", "col.partners", "col.start", "col.end", "col.cost", "col.committed",
		"col.pledged", "col.gap", "col.status", "col.human_rights", "col.currency" };
	static const double widths[] = { 12, 10, 10, 44, 28, 36, 12, 12, 14, 14, 14, 14, 12, 14, 9 };
	lxw_worksheet *ws = sheet(w, "sheet.actions");
	header(w, ws, head, 15, widths);
	/* Hidden column P: 1 when the row counts in the plan's totals (a cost,
	 * in the plan's currency), as pv_action_money decides; a formula, so an
	 * adviser's edit of the cost or the currency counts too. */
	keep(w, worksheet_set_column_opt(ws, 15, 15, 8, NULL, &(lxw_row_col_options){ .hidden = 1 }));
	lxw_row_t row = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		const struct pv_priority *pr = &w->p->priorities.v[i];
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (hidden_action(w, pr, o, a))
					continue;
				struct pv_money m;
				int counted = pv_action_money(w->p, a, &m);
				const char *cur = a->currency.s ? a->currency.s : w->cur;
				row++;
				char *partners = names(w, &a->partners, ", ", 0);
				const char *lead = stakeholder_name(w, a->lead.s);
				str(w, ws, row, 0, a->id.s, NULL);
				str(w, ws, row, 1, pr->id.s, NULL);
				str(w, ws, row, 2, o->id.s, NULL);
				str(w, ws, row, 3, T(w, &a->title), NULL);
				str(w, ws, row, 4, lead ? lead : "", NULL);
				str(w, ws, row, 5, partners, NULL);
				date_cell(w, ws, row, 6, &a->start.d, 0);
				date_cell(w, ws, row, 7, &a->end.d, 1);
				if (a->cost.set)
					number(w, ws, row, 8, m.cost, w->money);
				number(w, ws, row, 9, m.committed, w->money);
				number(w, ws, row, 10, m.pledged, w->money);
				pv_buf_reset(&w->scratch);
				pv_buf_addf(&w->scratch, "=I%u-J%u-K%u", row + 1, row + 1, row + 1);
				formula(w, ws, row, 11, w->scratch.buf, m.cost - m.committed - m.pledged, w->money);
				str(w, ws, row, 12, enum_label(w, "action_status", pv_action_status_names, a->status.v), NULL);
				str(w, ws, row, 13, L(w, a->human_rights.n ? "value.yes" : "value.no"), NULL);
				str(w, ws, row, 14, cur, NULL);
				pv_buf_reset(&w->scratch);
				if (*w->cur)
					pv_buf_addf(&w->scratch, "=IF(AND(ISNUMBER(I%u),OR(O%u=\"\",O%u=\"%s\")),1,0)",
						    row + 1, row + 1, row + 1, w->cur);
				else
					pv_buf_addf(&w->scratch, "=IF(ISNUMBER(I%u),1,0)", row + 1);
				formula(w, ws, row, 15, w->scratch.buf, counted, NULL);
				free(partners);
			}
		}
	}
	keep(w, worksheet_autofilter(ws, 0, 0, row ? row : 1, 14));
	return row;
}

static void budget_sheet(struct wb *w, size_t nactions)
{
	static const char *const head[] = { "col.id", "col.priority", "col.cost", "col.committed",
					    "col.pledged", "col.gap", "col.share" };
	static const double widths[] = { 10, 50, 16, 16, 16, 16, 10 };
	lxw_worksheet *ws = sheet(w, "sheet.budget");
	header(w, ws, head, 7, widths);
	char as[80];
	snprintf(as, sizeof(as), "'%s'", L(w, "sheet.actions"));
	const struct pv_report_input *in = w->in;
	struct pv_money *sums = xcalloc(w->p->priorities.n + 1, sizeof(*sums)), total = { 0, 0, 0 };
	size_t np = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		if (hidden(w, &w->p->priorities.v[i].confidential))
			continue;
		pv_report_priority_money(in, &w->p->priorities.v[i], &sums[i]);
		total.cost += sums[i].cost;
		total.committed += sums[i].committed;
		total.pledged += sums[i].pledged;
		np++;
	}
	unsigned total_row = (unsigned)np + 2;
	lxw_row_t row = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		const struct pv_priority *pr = &w->p->priorities.v[i];
		if (hidden(w, &pr->confidential))
			continue;
		unsigned r1 = ++row + 1;
		str(w, ws, row, 0, pr->id.s, NULL);
		str(w, ws, row, 1, T(w, &pr->title), NULL);
		static const char cols[] = { 'I', 'J', 'K' };
		const double vals[] = { sums[i].cost, sums[i].committed, sums[i].pledged };
		for (int c = 0; c < 3; c++) {
			pv_buf_reset(&w->scratch);
			pv_buf_addf(&w->scratch, "=SUMIFS(%s!$%c$2:$%c$%zu,%s!$B$2:$B$%zu,A%u,%s!$P$2:$P$%zu,1)",
				    as, cols[c], cols[c], nactions + 1, as, nactions + 1, r1, as, nactions + 1);
			formula(w, ws, row, (lxw_col_t)(2 + c), w->scratch.buf, vals[c], w->money);
		}
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=C%u-D%u-E%u", r1, r1, r1);
		formula(w, ws, row, 5, w->scratch.buf, vals[0] - vals[1] - vals[2], w->money);
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=IF(C$%u=0,0,C%u/C$%u)", total_row, r1, total_row);
		formula(w, ws, row, 6, w->scratch.buf, total.cost > 0 ? vals[0] / total.cost : 0, w->pct);
	}
	lxw_row_t trow = (lxw_row_t)np + 1;
	str(w, ws, trow, 1, L(w, "col.total"), w->head);
	const double tv[] = { total.cost, total.committed, total.pledged,
			      total.cost - total.committed - total.pledged };
	const char letters[] = "CDEF";
	for (int c = 0; c < 4; c++) {
		pv_buf_reset(&w->scratch);
		pv_buf_addf(&w->scratch, "=SUM(%c2:%c%zu)", letters[c], letters[c], np + 1);
		formula(w, ws, trow, (lxw_col_t)(2 + c), w->scratch.buf, tv[c], w->money);
	}
	free(sums);
	lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_BAR_STACKED);
	const char *sname = L(w, "sheet.budget");
	static const char *const leg[] = { "chart.legend.committed", "chart.legend.pledged",
					   "chart.legend.gap" };
	for (int c = 0; c < 3; c++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(s, sname, 1, 0, (lxw_row_t)np, 0);
		chart_series_set_values(s, sname, 1, (lxw_col_t)(3 + c), (lxw_row_t)np, (lxw_col_t)(3 + c));
		chart_series_set_name(s, L(w, leg[c]));
	}
	chart_title_set_name(chart, L(w, "chart.budget"));
	keep(w, worksheet_insert_chart(ws, trow + 2, 1, chart));
}

static void indicators_sheet(struct wb *w)
{
	static const char *const head[] = { "col.id", "col.indicator", "col.unit", "col.baseline",
		"col.date", "col.target", "col.date", "col.source", "col.frequency", "col.responsible" };
	static const double widths[] = { 10, 44, 14, 12, 8, 12, 8, 30, 14, 28 };
	lxw_worksheet *ws = sheet(w, "sheet.indicators");
	header(w, ws, head, 10, widths);
	lxw_row_t row = 0;
	for (uint32_t i = 0; i < w->p->indicators.n; i++) {
		const struct pv_indicator *ind = &w->p->indicators.v[i];
		if (hidden(w, &ind->confidential))
			continue;
		row++;
		str(w, ws, row, 0, ind->id.s, NULL);
		str(w, ws, row, 1, T(w, &ind->name), NULL);
		str(w, ws, row, 2, ind->unit.s, NULL);
		const struct pv_measure *ms[] = { &ind->baseline, &ind->target };
		for (int k = 0; k < 2; k++) {
			if (ms[k]->number.set)
				number(w, ws, row, (lxw_col_t)(3 + 2 * k), ms[k]->number.v, w->num);
			else
				str(w, ws, row, (lxw_col_t)(3 + 2 * k), ms[k]->value.s, NULL);
			if (ms[k]->year.set)
				number(w, ws, row, (lxw_col_t)(4 + 2 * k), ms[k]->year.v, NULL);
		}
		str(w, ws, row, 7, T(w, &ind->source), NULL);
		str(w, ws, row, 8, enum_label(w, "frequency", pv_ind_freq_names, ind->frequency.v), NULL);
		const char *r = ind->responsible.s ? stakeholder_name(w, ind->responsible.s) : "";
		str(w, ws, row, 9, r ? r : "", NULL);
	}
}

static void findings_sheet(struct wb *w)
{
	static const char *const head[] = { "col.code", "col.severity", "col.position", "col.message" };
	static const double widths[] = { 10, 12, 8, 90 };
	lxw_worksheet *ws = sheet(w, "sheet.findings");
	header(w, ws, head, 4, widths);
	const struct pv_lang *fl = pv_lang_has_findings(w->in->lang) ? w->in->lang : pv_lang_default();
	lxw_row_t row = 0;
	for (size_t i = 0; i < w->in->diags->nr; i++) {
		const struct pv_diag *g = &w->in->diags->v[i];
		if (g->waiver >= 0)
			continue;
		char key[32], *msg = pv_msg_text(&g->msg, fl);
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		row++;
		str(w, ws, row, 0, g->code, NULL);
		str(w, ws, row, 1, L(w, key), NULL);
		number(w, ws, row, 2, g->pos.line, NULL);
		str(w, ws, row, 3, msg, NULL);
		free(msg);
	}
}

static void about_sheet(struct wb *w)
{
	static const double widths[] = { 30, 70 };
	lxw_worksheet *ws = sheet(w, "sheet.about");
	static const char *const head[] = { "col.item", "col.value" };
	header(w, ws, head, 2, widths);
	const struct pv_plan_info *pl = &w->p->plan;
	char stamp[32], cat[16];
	pv_format_timestamp(w->in->now, stamp);
	snprintf(cat, sizeof(cat), "%d", pv_lang_catalogue_version());
	struct {
		const char *key, *value;
	} rows[] = {
		{ "about.plan", T(w, &pl->title) },
		{ "col.id", pl->id.s },
		{ "cover.status", enum_label(w, "status", pv_status_names, pl->status.v) },
		{ "cover.version", pl->version.s },
		{ "col.currency", w->cur },
		{ "about.pveplan", PVEPLAN_VERSION },
		{ "about.catalogue", cat },
		{ "about.generated", stamp },
	};
	lxw_row_t row = 0;
	for (size_t i = 0; i < PV_ARRAY_SIZE(rows); i++) {
		row++;
		str(w, ws, row, 0, L(w, rows[i].key), NULL);
		str(w, ws, row, 1, rows[i].value, NULL);
	}
	row += 2;
	static const char *const dh[] = { "col.rule", "col.reason", "col.approved_by", "col.expires",
					  "col.scope" };
	for (int c = 0; c < 5; c++)
		str(w, ws, row, (lxw_col_t)c, L(w, dh[c]), w->head);
	for (uint32_t i = 0; i < w->p->accepted_deviations.n; i++) {
		const struct pv_deviation *d = &w->p->accepted_deviations.v[i];
		char exp[16] = "";
		pv_date_format(&d->expires.d, exp);
		struct pv_buf scope = PV_BUF_INIT;
		for (uint32_t j = 0; j < d->scope.n; j++)
			pv_buf_addf(&scope, "%s%s", j ? ", " : "", d->scope.v[j].s);
		row++;
		str(w, ws, row, 0, d->rule.s, NULL);
		str(w, ws, row, 1, T(w, &d->reason), NULL);
		str(w, ws, row, 2, d->approved_by.s, NULL);
		str(w, ws, row, 3, *exp ? exp : L(w, "value.no_expiry"), NULL);
		str(w, ws, row, 4, d->scope.n ? scope.buf : L(w, "value.whole_plan"), NULL);
		pv_buf_release(&scope);
	}
}

int pv_report_xlsx(const struct pv_report_input *in, const char *path, const char *tmpdir,
		   struct pv_buf *err)
{
	struct wb w;
	memset(&w, 0, sizeof(w));
	/* Not left zeroed: a pv_buf's buf is never NULL, and appending to a NULL
	 * buf computes NULL + 0, undefined behaviour (clang's UBSan reports it). */
	pv_buf_init(&w.scratch);
	w.in = in;
	w.p = in->plan;
	w.cur = in->plan->plan.currency.s ? in->plan->plan.currency.s : "";
	/* Constant memory keeps large plans small; it writes strings inline and
	 * needs rows in order, which every sheet here follows. */
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir };
	w.book = workbook_new_opt(path, &opts);
	if (!w.book) {
		pv_buf_addf(err, "cannot create the workbook '%s'", path);
		return -1;
	}
	lxw_doc_properties props;
	memset(&props, 0, sizeof(props));
	props.title = (char *)T(&w, &in->plan->plan.title);
	props.author = (char *)"pveplan";
	props.created = (time_t)in->now;	/* reproducible: SOURCE_DATE_EPOCH */
	keep(&w, workbook_set_properties(w.book, &props));
	w.head = workbook_add_format(w.book);
	format_set_bold(w.head);
	format_set_bg_color(w.head, 0xEEF2F6);
	format_set_text_wrap(w.head);
	w.wrap = workbook_add_format(w.book);
	format_set_text_wrap(w.wrap);
	format_set_align(w.wrap, LXW_ALIGN_VERTICAL_TOP);
	w.money = workbook_add_format(w.book);
	pv_buf_addf(&w.scratch, "#,##0%s%s%s", *w.cur ? " \"" : "", w.cur, *w.cur ? "\"" : "");
	format_set_num_format(w.money, w.scratch.buf);
	w.date = workbook_add_format(w.book);
	format_set_num_format(w.date, "yyyy-mm-dd");
	w.num = workbook_add_format(w.book);
	format_set_num_format(w.num, "#,##0.##");
	w.pct = workbook_add_format(w.book);
	format_set_num_format(w.pct, "0.0%");
	struct need_row *rows;
	size_t n = collect_needs(&w, &rows);
	needs_sheet(&w, rows, n);
	providers_sheet(&w, rows, n);
	areas_sheet(&w, rows, n);
	size_t nactions = actions_sheet(&w);
	budget_sheet(&w, nactions);
	indicators_sheet(&w);
	findings_sheet(&w);
	about_sheet(&w);
	free(rows);
	lxw_error e = workbook_close(w.book);	/* frees the workbook, even on failure */
	keep(&w, e);
	pv_buf_release(&w.scratch);
	if (w.err) {
		pv_buf_addf(err, "cannot write the workbook '%s': %s (report_xlsx.c:%d)", path,
			    lxw_strerror(w.err), w.err_line);
		return -1;
	}
	return 0;
}
