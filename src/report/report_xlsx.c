/* The capacity-needs workbook (XLSX), with libxlsxwriter: numbers as
 * numbers, dates as dates, totals as formulas that carry their value, plan
 * text always as text. Written in constant-memory mode, row by row.
 *
 * Every column has a name (an enum per sheet, in report_xlsx_layout.h), and
 * every formula and cross-sheet reference is built from those names, never
 * from a letter: inserting a column moves the formulas with it. */
#include "pveplan/report.h"
#include "report_xlsx.h"

#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/output.h"
#include "pveplan/check.h"
#include "pveplan/version.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report_xlsx_layout.h"

/* libxlsxwriter before 1.1.6 leaks a copy of the formula of every
 * list-formula data validation: worksheet_data_validation_range copies it
 * twice and overwrites the first copy (src/worksheet.c:10848 and :10861 in
 * 1.1.4; fixed upstream by commit 5c5b3046). Under LeakSanitizer, what that
 * one call allocates is not reported; nothing else is exempt. A suppression
 * file could not name the call: without frame pointers in the library, the
 * leak's stack ends at lxw_strdup, short of any caller. */
#if LXW_VERSION_ID < 116
#if defined(__SANITIZE_ADDRESS__)
#define PV_LSAN_EXEMPT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PV_LSAN_EXEMPT 1
#endif
#endif
#endif
#ifdef PV_LSAN_EXEMPT
#include <sanitizer/lsan_interface.h>
#define leak_exempt_begin() __lsan_disable()
#define leak_exempt_end() __lsan_enable()
#else
#define leak_exempt_begin() ((void)0)
#define leak_exempt_end() ((void)0)
#endif

struct wb {
	const struct pv_report_input *in;
	const struct pv_plan *p;
	struct pv_view view;	/* what the workbook shows (--redact) */
	lxw_workbook *book;
	lxw_format *head, *wrap, *money, *date, *num, *pct;
	lxw_error err;
	int err_line;	/* for a bug report */
	const char *cur;
	struct pv_buf scratch;
	struct pv_buf text;	/* the escaped form of one string (safe()) */
	struct pv_buf names[SHEET_COUNT];	/* each sheet's name, as created */
	struct pv_buf refs[SHEET_COUNT];	/* and quoted for a formula */
};

static const char *L(const struct wb *w, const char *key)
{
	return pv_lang_report_label(w->in->lang, key);
}

static const char *T(const struct wb *w, const struct pv_text *t)
{
	return pv_view_text(&w->view, t);
}

#define keep(w, e) keep_at((w), (e), __LINE__)
static void keep_at(struct wb *w, lxw_error e, int line)
{
	if (e && !w->err) {
		w->err = e;
		w->err_line = line;
	}
}

/* Cell references for formulas, from (row, column) numbers counted from 0
 * as libxlsxwriter counts them; small enough to pass by value. */
struct ref {
	char s[LXW_MAX_CELL_RANGE_LENGTH];
};

/* "B2" */
static struct ref cell(lxw_row_t row, lxw_col_t col)
{
	struct ref r;
	lxw_rowcol_to_cell(r.s, row, col);
	return r;
}

/* "C$5": the row stays when the formula is copied down. */
static struct ref cell_fixed_row(lxw_row_t row, lxw_col_t col)
{
	struct ref r;
	lxw_rowcol_to_cell_abs(r.s, row, col, 1, 0);
	return r;
}

/* Rows first to last of one column, "C2:C5", or "$C$2:$C$5" when `fixed`.
 * Always a range, even of one cell, as the formulas have always been. */
static struct ref rows_of(lxw_col_t col, lxw_row_t first, lxw_row_t last, int fixed)
{
	struct ref r;
	char a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell_abs(a, first, col, (uint8_t)fixed, (uint8_t)fixed);
	lxw_rowcol_to_cell_abs(b, last, col, (uint8_t)fixed, (uint8_t)fixed);
	snprintf(r.s, sizeof(r.s), "%s:%s", a, b);
	return r;
}

/* The data rows (below the header) of a column holding `n` rows, fixed. */
static struct ref data_rows(lxw_col_t col, size_t n)
{
	return rows_of(col, 1, (lxw_row_t)n, 1);
}

void pv_xlsx_quote_sheet(struct pv_buf *out, const char *name)
{
	pv_buf_addch(out, '\'');
	for (const char *p = name; *p; p++) {
		if (*p == '\'')
			pv_buf_addch(out, '\'');
		pv_buf_addch(out, *p);
	}
	pv_buf_addch(out, '\'');
}

void pv_xlsx_add_text(struct pv_buf *out, const char *s)
{
	for (const char *nl; (nl = strchr(s, '\n')); s = nl + 1) {
		pv_buf_add_visible(out, s, (size_t)(nl - s));
		pv_buf_addch(out, '\n');
	}
	pv_buf_add_visible(out, s, strlen(s));
}

/* Appends the text of `s`, each `quote` character replaced by `as`. */
static void add_quoted(struct pv_buf *out, const char *s, const char *as)
{
	struct pv_buf t = PV_BUF_INIT;
	pv_xlsx_add_text(&t, s);
	pv_buf_addch(out, '"');
	for (const char *p = t.buf; *p; p++)
		if (*p == '"')
			pv_buf_adds(out, as);
		else
			pv_buf_addch(out, *p);
	pv_buf_addch(out, '"');
	pv_buf_release(&t);
}

void pv_xlsx_add_formula_string(struct pv_buf *out, const char *s)
{
	add_quoted(out, s, "\"\"");
}

void pv_xlsx_add_format_literal(struct pv_buf *out, const char *s)
{
	/* Inside quotes a number format takes every character as it is but the
	 * closing quote: close, an escaped quote, open again. */
	add_quoted(out, s, "\"\\\"\"");
}

void pv_xlsx_sheet_name(struct pv_buf *out, const char *label)
{
	size_t start = out->len, chars = 0;
	for (const char *p = label; *p; p++) {
		if (strchr("[]:*?/\\", *p) || (*p == '\'' && out->len == start))
			continue;
		if (((unsigned char)*p & 0xC0) != 0x80 && ++chars > 31)
			break;
		pv_buf_addch(out, *p);
	}
	while (out->len > start && out->buf[out->len - 1] == '\'')
		out->buf[--out->len] = '\0';
}

/* The sheet `id`, under its name; should Excel's rules refuse it (two
 * translations alike), under libxlsxwriter's default name, which the
 * formulas then use. */
static lxw_worksheet *sheet(struct wb *w, enum sheet_id id)
{
	lxw_worksheet *ws = NULL;
	if (w->names[id].len)
		ws = workbook_add_worksheet(w->book, w->names[id].buf);
	if (!ws) {
		ws = workbook_add_worksheet(w->book, NULL);
		pv_buf_reset(&w->names[id]);
		pv_buf_adds(&w->names[id], ws->name);
		pv_buf_reset(&w->refs[id]);
		pv_xlsx_quote_sheet(&w->refs[id], ws->name);
	}
	return ws;
}

/* `s` as the workbook may hold it (pv_xlsx_add_text), valid until the next
 * call; libxlsxwriter copies what it is given. */
static const char *safe(struct wb *w, const char *s)
{
	pv_buf_reset(&w->text);
	pv_xlsx_add_text(&w->text, s);
	return w->text.buf;
}

static void str(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		lxw_format *f)
{
	/* Always a string cell: plan text starting with '=' stays text. */
	if (s && *s)
		keep(w, worksheet_write_string(ws, r, c, safe(w, s), f ? f : w->wrap));
}

/* What a cell shows for a figure that is not a finite number, a sum that
 * overflowed (only amounts FMT004 refuses can make one, under --force):
 * Excel's own notation. A workbook holds no inf and no nan. */
#define NOT_A_NUMBER "#NUM!"

static void number(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		   lxw_format *f)
{
	if (isfinite(v))
		keep(w, worksheet_write_number(ws, r, c, v, f));
	else	/* an error, as formulas over it then give one too */
		keep(w, worksheet_write_formula_str(ws, r, c, "=" NOT_A_NUMBER, f, NOT_A_NUMBER));
}

/* The scratch buffer, emptied for a new formula. */
static struct pv_buf *new_formula(struct wb *w)
{
	pv_buf_reset(&w->scratch);
	return &w->scratch;
}

static void formula(struct wb *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *fml,
		    double value, lxw_format *f)
{
	if (isfinite(value))
		keep(w, worksheet_write_formula_num(ws, r, c, fml, f, value));
	else	/* the value a recalculation gives too */
		keep(w, worksheet_write_formula_str(ws, r, c, fml, f, NOT_A_NUMBER));
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

static void labels(struct wb *w, lxw_worksheet *ws, lxw_row_t row, const struct column *cols,
		   size_t n)
{
	for (size_t i = 0; i < n; i++)
		str(w, ws, row, (lxw_col_t)i, L(w, cols[i].label), w->head);
}

/* The header row of a sheet, frozen, and the widths of its columns. */
static void header(struct wb *w, lxw_worksheet *ws, const struct column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		str(w, ws, 0, (lxw_col_t)i, L(w, cols[i].label), w->head);
		keep(w, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, NULL));
	}
	worksheet_freeze_panes(ws, 1, 0);
}

/* Columns first to last hidden (helper columns the formulas read). */
static void hide_columns(struct wb *w, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
			 double width)
{
	keep(w, worksheet_set_column_opt(ws, first, last, width, NULL,
					 &(lxw_row_col_options){ .hidden = 1 }));
}

static const char *stakeholder_name(const struct wb *w, const char *id)
{
	return pv_view_stakeholder(&w->view, id);
}

static char *names(const struct wb *w, const pv_str_list *l, const char *sep, int ids)
{
	struct pv_buf b = PV_BUF_INIT;
	if (ids)
		pv_buf_adds(&b, sep);
	for (uint32_t i = 0; i < l->n; i++) {
		const char *n = ids ? l->v[i].s : stakeholder_name(w, l->v[i].s);
		if (!n || (ids && pv_view_hides_id(&w->view, n)))
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

/* Every need the workbook shows, in plan order: those under actions, then
 * the cross-cutting. */
static size_t collect_needs(const struct wb *w, struct need_row **out)
{
	size_t n = 0, alloc = 0;
	struct need_row *v = NULL;
	struct pv_view_action it = PV_VIEW_ACTION_INIT;
	while (pv_view_next_action(&w->view, &it))
		for (uint32_t x = 0; x < it.a->capacity_needs.n; x++) {
			if (pv_view_hides_need(&w->view, it.a, &it.a->capacity_needs.v[x]))
				continue;
			PV_ALLOC_GROW(v, n + 1, alloc);
			v[n++] = (struct need_row){ &it.a->capacity_needs.v[x], it.pr, it.o, it.a };
		}
	for (uint32_t x = 0; x < w->p->capacity_needs.n; x++) {
		if (pv_view_hides_need(&w->view, NULL, &w->p->capacity_needs.v[x]))
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

static lxw_row_t list_length(const struct choice_list *l)
{
	lxw_row_t n = 0;
	while (l->names[n + 1])
		n++;
	return n;
}

static void list_cells(struct wb *w, lxw_worksheet *ws, lxw_row_t row)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(choice_lists); i++) {
		const struct choice_list *l = &choice_lists[i];
		if (row >= 1 && row <= list_length(l))
			str(w, ws, row, l->choices, enum_label(w, l->prefix, l->names, (int)row), NULL);
	}
}

static void validate_lists(struct wb *w, lxw_worksheet *ws, lxw_row_t last)
{
	for (size_t i = 0; i < PV_ARRAY_SIZE(choice_lists); i++) {
		const struct choice_list *l = &choice_lists[i];
		struct pv_buf *f = new_formula(w);
		pv_buf_addf(f, "=%s", data_rows(l->choices, list_length(l)).s);
		lxw_data_validation dv;
		memset(&dv, 0, sizeof(dv));
		dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		dv.value_formula = f->buf;	/* copied */
		leak_exempt_begin();
		keep(w, worksheet_data_validation_range(ws, 1, l->target, last, l->target, &dv));
		leak_exempt_end();
	}
}

/* High priority stands out, and keeps doing so after an adviser's edit. */
static void highlight_high(struct wb *w, lxw_worksheet *ws, lxw_row_t last)
{
	lxw_format *red = workbook_add_format(w->book);
	format_set_bg_color(red, 0xF8D7DA);
	format_set_font_color(red, 0x842029);
	lxw_conditional_format cf;
	memset(&cf, 0, sizeof(cf));
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	pv_xlsx_add_formula_string(new_formula(w), L(w, "rating.high"));
	cf.value_string = w->scratch.buf;
	cf.format = red;
	keep(w, worksheet_conditional_format_range(ws, 1, NEED_RATING, last, NEED_RATING, &cf));
}

/* Room for the rows an adviser adds below the needs. */
#define ROWS_TO_ADD 200

static void need_cells(struct wb *w, lxw_worksheet *ws, lxw_row_t row, const struct need_row *r)
{
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
			if (!pv_view_hides_id(&w->view, r->n->actions.v[j].s))
				pv_buf_addf(&action, "%s%s", action.len ? ", " : "", r->n->actions.v[j].s);
	char *from = names(w, &r->n->support_from, ", ", 0);
	char *from_ids = names(w, &r->n->support_from, ";", 1);
	const char *ben = r->n->beneficiary.s ? stakeholder_name(w, r->n->beneficiary.s) : "";
	str(w, ws, row, NEED_ID, r->n->id.s, NULL);
	str(w, ws, row, NEED_AREAS, areas.buf, NULL);
	str(w, ws, row, NEED_PRIORITY, r->pr ? r->pr->id.s : "", NULL);
	str(w, ws, row, NEED_OBJECTIVE, r->o ? r->o->id.s : "", NULL);
	str(w, ws, row, NEED_ACTION, action.buf, NULL);
	str(w, ws, row, NEED_TEXT, T(w, &r->n->need), NULL);
	str(w, ws, row, NEED_KIND, enum_label(w, "need", pv_need_kind_names, r->n->kind.v), NULL);
	str(w, ws, row, NEED_BENEFICIARY, ben ? ben : "", NULL);
	str(w, ws, row, NEED_SUPPORT_FROM, from, NULL);
	str(w, ws, row, NEED_RATING, enum_label(w, "rating", pv_rating_names, r->n->priority.v), NULL);
	if (r->n->cost.set)
		number(w, ws, row, NEED_COST, r->n->cost.v, w->money);
	str(w, ws, row, NEED_CURRENCY, w->cur, NULL);
	str(w, ws, row, NEED_STATUS, enum_label(w, "need_status", pv_need_status_names,
						r->n->status.v ? r->n->status.v : PV_NEED_IDENTIFIED), NULL);
	str(w, ws, row, NEED_PROVIDER_KEYS, from_ids, NULL);
	str(w, ws, row, NEED_AREA_KEYS, akeys.buf, NULL);
	free(from);
	free(from_ids);
	pv_buf_release(&areas);
	pv_buf_release(&akeys);
	pv_buf_release(&action);
}

static void needs_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	lxw_worksheet *ws = sheet(w, SHEET_NEEDS);
	header(w, ws, need_cols, NEED_SHOWN);
	hide_columns(w, ws, NEED_SHOWN, NEED_COLS - 1, NEED_HIDDEN_WIDTH);
	/* Ranges first: in constant-memory mode nothing may point above the
	 * row being written. */
	lxw_row_t last = n ? (lxw_row_t)n : 1;
	keep(w, worksheet_autofilter(ws, 0, 0, last, NEED_SHOWN - 1));
	validate_lists(w, ws, last + ROWS_TO_ADD);
	highlight_high(w, ws, last + ROWS_TO_ADD);
	lxw_row_t longest = 0;
	for (size_t i = 0; i < PV_ARRAY_SIZE(choice_lists); i++)
		if (list_length(&choice_lists[i]) > longest)
			longest = list_length(&choice_lists[i]);
	for (size_t i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)i + 1;
		need_cells(w, ws, row, &rows[i]);
		list_cells(w, ws, row);
	}
	/* Rows of the lists below the last need (constant memory: in order). */
	for (lxw_row_t row = (lxw_row_t)n + 1; row <= longest; row++)
		list_cells(w, ws, row);
}

/* A provider asked for support, with the number and cost of the needs
 * that ask it. */
struct provider {
	const char *id;
	size_t count;
	double cost;
	size_t last;	/* the need counted last, + 1: one that lists it twice counts once */
};

/* The providers in plan order, each once, from one pass over the needs.
 * A need counts once per provider, as the COUNTIF that recalculates it. */
static size_t providers(const struct wb *w, const struct need_row *rows, size_t n,
			struct provider **out)
{
	struct pv_strmap row_of = PV_STRMAP_INIT;	/* id -> its index + 1 */
	struct provider *v = NULL;
	size_t m = 0, alloc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct pv_need *need = rows[i].n;
		for (uint32_t j = 0; j < need->support_from.n; j++) {
			const char *id = need->support_from.v[j].s;
			if (!stakeholder_name(w, id))
				continue;	/* hidden */
			uintptr_t k = (uintptr_t)pv_strmap_get(&row_of, id);
			if (!k) {
				PV_ALLOC_GROW(v, m + 1, alloc);
				v[m++] = (struct provider){ id, 0, 0, 0 };
				k = m;
				pv_strmap_put(&row_of, id, (void *)k);
			}
			if (v[k - 1].last == i + 1)
				continue;
			v[k - 1].last = i + 1;
			v[k - 1].count++;
			v[k - 1].cost += need->cost.set ? need->cost.v : 0;
		}
	}
	pv_strmap_release(&row_of);
	*out = v;
	return m;
}

/* Count and cost of the needs whose hidden key column (";a;b;") holds the
 * key in cell `key`: COUNTIF and SUMIF over the needs sheet. */
static void key_totals(struct wb *w, lxw_worksheet *ws, lxw_row_t row, enum need_col keys,
		       lxw_col_t key, lxw_col_t count_col, lxw_col_t cost_col, size_t n,
		       size_t count, double cost)
{
	const char *needs = w->refs[SHEET_NEEDS].buf;
	struct pv_buf *f = new_formula(w);
	pv_buf_addf(f, "=COUNTIF(%s!%s,\"*;\"&%s&\";*\")", needs, data_rows(keys, n).s,
		    cell(row, key).s);
	formula(w, ws, row, count_col, f->buf, (double)count, w->num);
	f = new_formula(w);
	pv_buf_addf(f, "=SUMIF(%s!%s,\"*;\"&%s&\";*\",%s!%s)", needs, data_rows(keys, n).s,
		    cell(row, key).s, needs, data_rows(NEED_COST, n).s);
	formula(w, ws, row, cost_col, f->buf, cost, w->money);
}

static void providers_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	lxw_worksheet *ws = sheet(w, SHEET_PROVIDERS);
	header(w, ws, provider_cols, PROV_COLS);
	struct provider *v;
	size_t m = providers(w, rows, n, &v);
	for (size_t i = 0; i < m; i++) {
		lxw_row_t row = (lxw_row_t)i + 1;
		const char *name = stakeholder_name(w, v[i].id);
		str(w, ws, row, PROV_NAME, name ? name : v[i].id, NULL);
		str(w, ws, row, PROV_ID, v[i].id, NULL);
		key_totals(w, ws, row, NEED_PROVIDER_KEYS, PROV_ID, PROV_COUNT, PROV_COST, n,
			   v[i].count, v[i].cost);
	}
	free(v);
}

/* Whether a priority covers the area (listed once or more: its needs count
 * once, as the COUNTIF that recalculates the total). */
static int in_areas(const struct pv_priority *pr, int area)
{
	for (uint32_t j = 0; j < pr->areas.n; j++)
		if (pr->areas.v[j].v == area)
			return 1;
	return 0;
}

/* The first row of the per-kind table, below the areas and a blank row. */
#define KIND_HEADER_ROW (PV_AREA_COUNT + 2)

static void areas_sheet(struct wb *w, const struct need_row *rows, size_t n)
{
	lxw_worksheet *ws = sheet(w, SHEET_AREAS);
	header(w, ws, area_cols, AREA_COLS);
	const char *needs = w->refs[SHEET_NEEDS].buf;
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		lxw_row_t row = (lxw_row_t)a;
		size_t count = 0;
		double cost = 0;
		for (size_t k = 0; k < n; k++)
			if (rows[k].pr && in_areas(rows[k].pr, a)) {
				count++;
				cost += rows[k].n->cost.set ? rows[k].n->cost.v : 0;
			}
		str(w, ws, row, AREA_NAME, enum_label(w, "area", pv_area_names, a), NULL);
		str(w, ws, row, AREA_ID, pv_area_names[a], NULL);
		key_totals(w, ws, row, NEED_AREA_KEYS, AREA_ID, AREA_COUNT, AREA_COST, n, count, cost);
	}
	/* Then per kind of need. */
	lxw_row_t base = KIND_HEADER_ROW;
	str(w, ws, base, AREA_NAME, L(w, "col.kind"), w->head);
	str(w, ws, base, AREA_COUNT, L(w, "col.needs_count"), w->head);
	str(w, ws, base, AREA_COST, L(w, "col.cost"), w->head);
	for (int k = 1; pv_need_kind_names[k]; k++) {
		lxw_row_t row = base + (lxw_row_t)k;
		size_t count = 0;
		double cost = 0;
		for (size_t x = 0; x < n; x++)
			if (rows[x].n->kind.v == k) {
				count++;
				cost += rows[x].n->cost.set ? rows[x].n->cost.v : 0;
			}
		str(w, ws, row, AREA_NAME, enum_label(w, "need", pv_need_kind_names, k), NULL);
		struct pv_buf *f = new_formula(w);
		pv_buf_addf(f, "=COUNTIF(%s!%s,%s)", needs, data_rows(NEED_KIND, n).s,
			    cell(row, AREA_NAME).s);
		formula(w, ws, row, AREA_COUNT, f->buf, (double)count, w->num);
		f = new_formula(w);
		pv_buf_addf(f, "=SUMIF(%s!%s,%s,%s!%s)", needs, data_rows(NEED_KIND, n).s,
			    cell(row, AREA_NAME).s, needs, data_rows(NEED_COST, n).s);
		formula(w, ws, row, AREA_COST, f->buf, cost, w->money);
	}
	lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_BAR);
	const char *name = w->names[SHEET_AREAS].buf;
	lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
	chart_series_set_categories(s, name, 1, AREA_NAME, PV_AREA_COUNT, AREA_NAME);
	chart_series_set_values(s, name, 1, AREA_COST, PV_AREA_COUNT, AREA_COST);
	chart_title_set_name(chart, safe(w, L(w, "sub.budget_area")));
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	keep(w, worksheet_insert_chart(ws, 1, AREA_COLS + 1, chart));
}

static void action_cells(struct wb *w, lxw_worksheet *ws, lxw_row_t row,
			 const struct pv_priority *pr, const struct pv_objective *o,
			 const struct pv_action *a)
{
	struct pv_money m;
	int counted = pv_action_money(w->p, a, &m);
	const char *cur = a->currency.s ? a->currency.s : w->cur;
	char *partners = names(w, &a->partners, ", ", 0);
	const char *lead = stakeholder_name(w, a->lead.s);
	str(w, ws, row, ACT_ID, a->id.s, NULL);
	str(w, ws, row, ACT_PRIORITY, pr->id.s, NULL);
	str(w, ws, row, ACT_OBJECTIVE, o->id.s, NULL);
	str(w, ws, row, ACT_TITLE, T(w, &a->title), NULL);
	str(w, ws, row, ACT_LEAD, lead ? lead : "", NULL);
	str(w, ws, row, ACT_PARTNERS, partners, NULL);
	date_cell(w, ws, row, ACT_START, &a->start.d, 0);
	date_cell(w, ws, row, ACT_END, &a->end.d, 1);
	if (a->cost.set)
		number(w, ws, row, ACT_COST, m.cost, w->money);
	number(w, ws, row, ACT_COMMITTED, m.committed, w->money);
	number(w, ws, row, ACT_PLEDGED, m.pledged, w->money);
	struct pv_buf *f = new_formula(w);
	pv_buf_addf(f, "=%s-%s-%s", cell(row, ACT_COST).s, cell(row, ACT_COMMITTED).s,
		    cell(row, ACT_PLEDGED).s);
	formula(w, ws, row, ACT_GAP, f->buf, m.cost - m.committed - m.pledged, w->money);
	str(w, ws, row, ACT_STATUS, enum_label(w, "action_status", pv_action_status_names, a->status.v),
	    NULL);
	str(w, ws, row, ACT_KIND, enum_label(w, "action_kind", pv_action_kind_names, a->kind.v), NULL);
	str(w, ws, row, ACT_HUMAN_RIGHTS, L(w, a->human_rights.n ? "value.yes" : "value.no"), NULL);
	str(w, ws, row, ACT_CURRENCY, cur, NULL);
	/* 1 when the row counts in the plan's totals (a cost, in the plan's
	 * currency), as pv_action_money decides; a formula, so an adviser's
	 * edit of the cost or the currency counts too. */
	struct ref cost = cell(row, ACT_COST), currency = cell(row, ACT_CURRENCY);
	f = new_formula(w);
	if (*w->cur) {
		pv_buf_addf(f, "=IF(AND(ISNUMBER(%s),OR(%s=\"\",%s=", cost.s, currency.s, currency.s);
		pv_xlsx_add_formula_string(f, w->cur);
		pv_buf_adds(f, ")),1,0)");
	} else {
		pv_buf_addf(f, "=IF(ISNUMBER(%s),1,0)", cost.s);
	}
	formula(w, ws, row, ACT_COUNTS, f->buf, counted, NULL);
	free(partners);
}

static size_t actions_sheet(struct wb *w)
{
	lxw_worksheet *ws = sheet(w, SHEET_ACTIONS);
	header(w, ws, action_cols, ACT_SHOWN);
	hide_columns(w, ws, ACT_COUNTS, ACT_COUNTS, ACT_COUNTS_WIDTH);
	lxw_row_t row = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		const struct pv_priority *pr = &w->p->priorities.v[i];
		for (uint32_t j = 0; j < pr->objectives.n; j++) {
			const struct pv_objective *o = &pr->objectives.v[j];
			for (uint32_t k = 0; k < o->actions.n; k++) {
				const struct pv_action *a = &o->actions.v[k];
				if (!pv_view_hides_action(&w->view, pr, o, a))
					action_cells(w, ws, ++row, pr, o, a);
			}
		}
	}
	keep(w, worksheet_autofilter(ws, 0, 0, row ? row : 1, ACT_SHOWN - 1));
	return row;
}

/* One priority's row: its sums over the actions that count, gap and share. */
static void budget_row(struct wb *w, lxw_worksheet *ws, lxw_row_t row, lxw_row_t total_row,
		       size_t nactions, const struct pv_priority *pr, const struct pv_money *m,
		       double total_cost)
{
	const char *actions = w->refs[SHEET_ACTIONS].buf;
	str(w, ws, row, BUD_ID, pr->id.s, NULL);
	str(w, ws, row, BUD_TITLE, T(w, &pr->title), NULL);
	const double vals[] = { m->cost, m->committed, m->pledged };
	for (size_t c = 0; c < PV_ARRAY_SIZE(budget_sums); c++) {
		struct pv_buf *f = new_formula(w);
		pv_buf_addf(f, "=SUMIFS(%s!%s,%s!%s,%s,%s!%s,1)", actions,
			    data_rows(budget_sums[c].from, nactions).s, actions,
			    data_rows(ACT_PRIORITY, nactions).s, cell(row, BUD_ID).s, actions,
			    data_rows(ACT_COUNTS, nactions).s);
		formula(w, ws, row, budget_sums[c].to, f->buf, vals[c], w->money);
	}
	struct pv_buf *f = new_formula(w);
	pv_buf_addf(f, "=%s-%s-%s", cell(row, BUD_COST).s, cell(row, BUD_COMMITTED).s,
		    cell(row, BUD_PLEDGED).s);
	formula(w, ws, row, BUD_GAP, f->buf, m->cost - m->committed - m->pledged, w->money);
	struct ref total = cell_fixed_row(total_row, BUD_COST);
	f = new_formula(w);
	pv_buf_addf(f, "=IF(%s=0,0,%s/%s)", total.s, cell(row, BUD_COST).s, total.s);
	double share = !isfinite(total_cost) ? NAN : total_cost > 0 ? m->cost / total_cost : 0;
	formula(w, ws, row, BUD_SHARE, f->buf, share, w->pct);
}

static void budget_chart(struct wb *w, lxw_worksheet *ws, lxw_row_t np, lxw_row_t total_row)
{
	lxw_chart *chart = workbook_add_chart(w->book, LXW_CHART_BAR_STACKED);
	const char *name = w->names[SHEET_BUDGET].buf;
	for (size_t c = 0; c < PV_ARRAY_SIZE(budget_series); c++) {
		lxw_col_t col = budget_series[c].col;
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(s, name, 1, BUD_ID, np, BUD_ID);
		chart_series_set_values(s, name, 1, col, np, col);
		chart_series_set_name(s, safe(w, L(w, budget_series[c].legend)));
	}
	chart_title_set_name(chart, safe(w, L(w, "chart.budget")));
	keep(w, worksheet_insert_chart(ws, total_row + 2, BUD_TITLE, chart));
}

static void budget_sheet(struct wb *w, size_t nactions)
{
	lxw_worksheet *ws = sheet(w, SHEET_BUDGET);
	header(w, ws, budget_cols, BUD_COLS);
	struct pv_money *sums = xcalloc(w->p->priorities.n + 1, sizeof(*sums)), total = { 0, 0, 0 };
	size_t np = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		if (pv_view_hides_priority(&w->view, &w->p->priorities.v[i]))
			continue;
		pv_view_priority_money(&w->view, &w->p->priorities.v[i], &sums[i]);
		total.cost += sums[i].cost;
		total.committed += sums[i].committed;
		total.pledged += sums[i].pledged;
		np++;
	}
	lxw_row_t trow = (lxw_row_t)np + 1, row = 0;
	for (uint32_t i = 0; i < w->p->priorities.n; i++) {
		const struct pv_priority *pr = &w->p->priorities.v[i];
		if (!pv_view_hides_priority(&w->view, pr))
			budget_row(w, ws, ++row, trow, nactions, pr, &sums[i], total.cost);
	}
	str(w, ws, trow, BUD_TITLE, L(w, "col.total"), w->head);
	const struct {
		enum budget_col col;
		double v;
	} totals[] = {
		{ BUD_COST, total.cost }, { BUD_COMMITTED, total.committed },
		{ BUD_PLEDGED, total.pledged },
		{ BUD_GAP, total.cost - total.committed - total.pledged },
	};
	for (size_t c = 0; c < PV_ARRAY_SIZE(totals); c++) {
		struct pv_buf *f = new_formula(w);
		pv_buf_addf(f, "=SUM(%s)", rows_of(totals[c].col, 1, (lxw_row_t)np, 0).s);
		formula(w, ws, trow, totals[c].col, f->buf, totals[c].v, w->money);
	}
	free(sums);
	budget_chart(w, ws, (lxw_row_t)np, trow);
}

static void indicators_sheet(struct wb *w)
{
	lxw_worksheet *ws = sheet(w, SHEET_INDICATORS);
	header(w, ws, indicator_cols, IND_COLS);
	lxw_row_t row = 0;
	for (uint32_t i = 0; i < w->p->indicators.n; i++) {
		const struct pv_indicator *ind = &w->p->indicators.v[i];
		if (pv_view_hides_indicator(&w->view, ind))
			continue;
		row++;
		str(w, ws, row, IND_ID, ind->id.s, NULL);
		str(w, ws, row, IND_NAME, T(w, &ind->name), NULL);
		str(w, ws, row, IND_UNIT, ind->unit.s, NULL);
		const struct {
			const struct pv_measure *m;
			enum indicator_col value, year;
		} ms[] = {
			{ &ind->baseline, IND_BASELINE, IND_BASELINE_YEAR },
			{ &ind->target, IND_TARGET, IND_TARGET_YEAR },
		};
		for (size_t k = 0; k < PV_ARRAY_SIZE(ms); k++) {
			if (ms[k].m->number.set)
				number(w, ws, row, ms[k].value, ms[k].m->number.v, w->num);
			else
				str(w, ws, row, ms[k].value, ms[k].m->value.s, NULL);
			if (ms[k].m->year.set)
				number(w, ws, row, ms[k].year, ms[k].m->year.v, NULL);
		}
		str(w, ws, row, IND_SOURCE, T(w, &ind->source), NULL);
		str(w, ws, row, IND_FREQUENCY, enum_label(w, "frequency", pv_ind_freq_names,
							  ind->frequency.v), NULL);
		const char *r = ind->responsible.s ? stakeholder_name(w, ind->responsible.s) : "";
		str(w, ws, row, IND_RESPONSIBLE, r ? r : "", NULL);
	}
}

/* "label" with {n} filled, in the last column of a row, when n > 0. */
static void left_out(struct wb *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		     const char *key, size_t n)
{
	char count[24];
	if (!n)
		return;
	snprintf(count, sizeof(count), "%zu", n);
	struct pv_buf *b = new_formula(w);
	pv_report_fill(w->in->lang, L(w, key), b, "n", count, (char *)NULL);
	str(w, ws, row, col, b->buf, NULL);
}

/* The open findings the reports show (the view leaves out, under
 * --redact, those about a confidential item, and says how many). */
static void findings_sheet(struct wb *w)
{
	lxw_worksheet *ws = sheet(w, SHEET_FINDINGS);
	header(w, ws, finding_cols, FIND_COLS);
	const struct pv_lang *fl = pv_lang_has_findings(w->in->lang) ? w->in->lang : pv_lang_default();
	lxw_row_t row = 0;
	for (size_t i = 0; i < w->view.nfindings; i++) {
		const struct pv_diag *g = w->view.findings[i];
		char key[32], *msg = pv_msg_text(&g->msg, fl);
		snprintf(key, sizeof(key), "severity.%s", pv_severity_name(g->sev));
		row++;
		str(w, ws, row, FIND_CODE, g->code, NULL);
		str(w, ws, row, FIND_SEVERITY, L(w, key), NULL);
		number(w, ws, row, FIND_LINE, g->pos.line, NULL);
		str(w, ws, row, FIND_MESSAGE, msg, NULL);
		free(msg);
	}
	left_out(w, ws, row + 1, FIND_MESSAGE, "value.hidden_findings", w->view.findings_hidden);
}

static void deviation_rows(struct wb *w, lxw_worksheet *ws, lxw_row_t row)
{
	size_t hidden = 0;
	labels(w, ws, row, deviation_cols, DEV_COLS);
	for (uint32_t i = 0; i < w->p->accepted_deviations.n; i++) {
		const struct pv_deviation *d = &w->p->accepted_deviations.v[i];
		if (pv_view_hides_deviation(&w->view, d)) {
			hidden++;
			continue;
		}
		char exp[16] = "";
		pv_date_format(&d->expires.d, exp);
		struct pv_buf scope = PV_BUF_INIT;
		for (uint32_t j = 0; j < d->scope.n; j++)
			pv_buf_addf(&scope, "%s%s", j ? ", " : "", d->scope.v[j].s);
		row++;
		str(w, ws, row, DEV_RULE, d->rule.s, NULL);
		str(w, ws, row, DEV_REASON, T(w, &d->reason), NULL);
		str(w, ws, row, DEV_APPROVED_BY, d->approved_by.s, NULL);
		str(w, ws, row, DEV_EXPIRES, *exp ? exp : L(w, "value.no_expiry"), NULL);
		str(w, ws, row, DEV_SCOPE, d->scope.n ? scope.buf : L(w, "value.whole_plan"), NULL);
		pv_buf_release(&scope);
	}
	left_out(w, ws, row + 1, DEV_RULE, "value.hidden_deviations", hidden);
}

static void about_sheet(struct wb *w)
{
	lxw_worksheet *ws = sheet(w, SHEET_ABOUT);
	header(w, ws, about_cols, ABOUT_COLS);
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
		str(w, ws, row, ABOUT_ITEM, L(w, rows[i].key), NULL);
		str(w, ws, row, ABOUT_VALUE, rows[i].value, NULL);
	}
	/* The deviations after a blank row. */
	deviation_rows(w, ws, row + 2);
}

static void formats(struct wb *w)
{
	w->head = workbook_add_format(w->book);
	format_set_bold(w->head);
	format_set_bg_color(w->head, 0xEEF2F6);
	format_set_text_wrap(w->head);
	w->wrap = workbook_add_format(w->book);
	format_set_text_wrap(w->wrap);
	format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
	w->money = workbook_add_format(w->book);
	struct pv_buf *f = new_formula(w);
	pv_buf_adds(f, "#,##0");
	if (*w->cur) {
		pv_buf_addch(f, ' ');
		pv_xlsx_add_format_literal(f, w->cur);
	}
	format_set_num_format(w->money, f->buf);
	w->date = workbook_add_format(w->book);
	format_set_num_format(w->date, "yyyy-mm-dd");
	w->num = workbook_add_format(w->book);
	format_set_num_format(w->num, "#,##0.##");
	w->pct = workbook_add_format(w->book);
	format_set_num_format(w->pct, "0.0%");
}

static void release(struct wb *w)
{
	pv_view_release(&w->view);
	pv_buf_release(&w->scratch);
	pv_buf_release(&w->text);
	for (int i = 0; i < SHEET_COUNT; i++) {
		pv_buf_release(&w->names[i]);
		pv_buf_release(&w->refs[i]);
	}
}

int pv_report_xlsx(const struct pv_report_input *in, const char *path, const char *shown,
		   const char *tmpdir,
		   struct pv_msg *err)
{
	struct wb w = { .in = in, .p = in->plan, .scratch = PV_BUF_INIT, .text = PV_BUF_INIT };
	w.cur = in->plan->plan.currency.s ? in->plan->plan.currency.s : "";
	pv_view_init(&w.view, in);
	for (int i = 0; i < SHEET_COUNT; i++) {
		pv_buf_init(&w.names[i]);
		pv_buf_init(&w.refs[i]);
		pv_xlsx_sheet_name(&w.names[i], L(&w, sheet_keys[i]));
		pv_xlsx_quote_sheet(&w.refs[i], w.names[i].buf);
	}
	/* Constant memory keeps large plans small; it writes strings inline and
	 * needs rows in order, which every sheet here follows. */
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir };
	w.book = workbook_new_opt(path, &opts);
	if (!w.book) {
		pv_err(err, "cannot create the workbook '%s'", shown);
		release(&w);
		return -1;
	}
	lxw_doc_properties props;
	memset(&props, 0, sizeof(props));
	props.title = (char *)safe(&w, T(&w, &in->plan->plan.title));
	props.author = (char *)"pveplan";
	props.created = (time_t)in->now;	/* reproducible: SOURCE_DATE_EPOCH */
	keep(&w, workbook_set_properties(w.book, &props));
	formats(&w);
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
	release(&w);
	if (w.err) {
		pv_err(err, "cannot write the workbook '%s': %s (report_xlsx.c:%d)", shown,
			    pv_arg_text(lxw_strerror(w.err)), w.err_line);
		return -1;
	}
	return 0;
}
