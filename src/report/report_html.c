/* The HTML report: the Markdown report parsed by cmark-gfm once, its tree
 * completed (heading ids, the charts as inline SVG blocks after their tables,
 * the SVG timeline in place of the Mermaid block) and rendered by walking the
 * nodes, which gives the blocks their dir, scope and class attributes. Raw
 * HTML is never rendered (cmark's safe default), and plan text cannot add
 * structure (src/report/report_text.c). The page shell comes from templates/, which
 * --template-dir can replace. One self-contained file. */
#include "pveplan/report.h"

#include "embedded.h"
#include "pveplan/base.h"
#include "pveplan/read.h"
#include "pveplan/output.h"
#include "pveplan/version.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *L(const struct pv_report_input *in, const char *key)
{
	return pv_lang_report_label(in->lang, key);
}

/* ---- charts (inline SVG, each with a title and a text alternative) ---- */

static void svg_open(struct pv_buf *o, int w, int h, const char *id, const char *title,
		     const char *desc)
{
	pv_buf_addf(o, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		       "width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n"
		       "<title id=\"%s-t\">", w, h, w, h, id, id, id);
	pv_xml_str(o, title);
	pv_buf_addf(o, "</title>\n<desc id=\"%s-d\">", id);
	pv_xml_str(o, desc);
	pv_buf_adds(o, "</desc>\n");
}

static void svg_close(struct pv_buf *o, const char *caption)
{
	pv_buf_adds(o, "</svg>\n<figcaption>");
	pv_xml_str(o, caption);
	pv_buf_adds(o, "</figcaption>\n</figure>\n");
}

/* "label: value" in the report language, for a chart's text alternative. */
static void item(const struct pv_report_input *in, struct pv_buf *o, const char *label,
		 const char *value)
{
	pv_report_fill(in->lang, L(in, "chart.item"), o, "label", label, "value", value, (char *)NULL);
}

/* Text in the page: unsafe characters shown escaped, then XML-escaped. */
static void page_text(struct pv_buf *o, const char *s)
{
	struct pv_buf vis = PV_BUF_INIT;
	pv_buf_add_visible(&vis, s, strlen(s));
	pv_xml_str(o, vis.buf);
	pv_buf_release(&vis);
}

static void text_el(struct pv_buf *o, double x, double y, const char *anchor, const char *s)
{
	pv_buf_addf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	page_text(o, s);
	pv_buf_adds(o, "</text>\n");
}

static void chart_areas(const struct pv_view *v, struct pv_buf *o)
{
	const struct pv_report_input *in = v->in;
	int count[PV_AREA_COUNT + 1] = { 0 }, max = 1;
	const struct pv_plan *p = in->plan;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		if (pv_view_hides_priority(v, &p->priorities.v[i]))
			continue;
		for (uint32_t j = 0; j < p->priorities.v[i].areas.n; j++)
			count[p->priorities.v[i].areas.v[j].v]++;
	}
	for (int a = 1; a <= PV_AREA_COUNT; a++)
		max = count[a] > max ? count[a] : max;
	struct pv_buf desc = PV_BUF_INIT;
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		char key[40], n[16];
		snprintf(key, sizeof(key), "area.%s", pv_area_names[a]);
		snprintf(n, sizeof(n), "%d", count[a]);
		pv_buf_adds(&desc, a > 1 ? "; " : "");
		item(in, &desc, L(in, key), n);
	}
	const int w = 760, row = 30, left = 420, h = row * PV_AREA_COUNT + 10;
	svg_open(o, w, h, "chart-areas", L(in, "chart.areas"), desc.buf);
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		char key[40], n[16];
		snprintf(key, sizeof(key), "area.%s", pv_area_names[a]);
		double y = (a - 1) * row + 5, bw = (w - left - 40) * (double)count[a] / max;
		text_el(o, left - 8, y + 17, "end", L(in, key));
		pv_buf_addf(o, "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"20\"/>\n",
			    left, y, bw);
		snprintf(n, sizeof(n), "%d", count[a]);
		text_el(o, left + bw + 6, y + 15, "start", n);
	}
	svg_close(o, L(in, "chart.areas"));
	pv_buf_release(&desc);
}

static void chart_budget(const struct pv_view *v, struct pv_buf *o)
{
	const struct pv_report_input *in = v->in;
	const struct pv_plan *p = in->plan;
	double max = 1;
	size_t n = 0;
	struct pv_money m;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		if (pv_view_hides_priority(v, &p->priorities.v[i]))
			continue;
		pv_view_priority_money(v, &p->priorities.v[i], &m);
		max = m.cost > max ? m.cost : max;
		n++;
	}
	struct pv_buf desc = PV_BUF_INIT, id = PV_BUF_INIT, figures = PV_BUF_INIT;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (pv_view_hides_priority(v, pr))
			continue;
		pv_view_priority_money(v, pr, &m);
		pv_buf_reset(&id);
		pv_buf_reset(&figures);
		pv_buf_add_visible(&id, pr->id.s ? pr->id.s : "", pr->id.s ? strlen(pr->id.s) : 0);
		pv_buf_addf(&figures, "%s ", L(in, "glance.total_cost"));
		pv_report_number(in->lang, m.cost, 0, &figures);
		pv_buf_addf(&figures, ", %s ", L(in, "glance.committed"));
		pv_report_number(in->lang, m.committed, 0, &figures);
		pv_buf_addf(&figures, ", %s ", L(in, "glance.pledged"));
		pv_report_number(in->lang, m.pledged, 0, &figures);
		pv_buf_adds(&desc, desc.len ? "; " : "");
		item(in, &desc, id.buf, figures.buf);
	}
	const int w = 760, row = 30, left = 120, top = 30;
	int h = (int)n * row + top + 10;
	svg_open(o, w, h, "chart-budget", L(in, "chart.budget"), desc.buf);
	static const char *const cls[] = { "bar-committed", "bar-pledged", "bar-gap" };
	static const char *const leg[] = { "chart.legend.committed", "chart.legend.pledged",
					   "chart.legend.gap" };
	for (int k = 0; k < 3; k++) {
		pv_buf_addf(o, "<rect class=\"%s\" x=\"%d\" y=\"6\" width=\"14\" height=\"14\"/>\n", cls[k],
			    left + k * 150);
		text_el(o, left + k * 150 + 20, 18, "start", L(in, leg[k]));
	}
	size_t r = 0;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (pv_view_hides_priority(v, pr))
			continue;
		pv_view_priority_money(v, pr, &m);
		double y = top + (double)r++ * row, scale = (w - left - 20) / max;
		double parts[3] = { m.committed, m.pledged, m.cost - m.committed - m.pledged };
		double x = left;
		text_el(o, left - 8, y + 17, "end", pr->id.s ? pr->id.s : "");
		for (int k = 0; k < 3; k++) {
			double bw = parts[k] > 0 ? parts[k] * scale : 0;
			pv_buf_addf(o, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"20\"/>\n",
				    cls[k], x, y, bw);
			x += bw;
		}
	}
	svg_close(o, L(in, "chart.budget"));
	pv_buf_release(&desc);
	pv_buf_release(&id);
	pv_buf_release(&figures);
}

static void chart_gantt(const struct pv_view *v, struct pv_buf *o)
{
	const struct pv_report_input *in = v->in;
	const struct pv_plan *p = in->plan;
	const struct pv_period *per = &p->plan.period;
	if (!per->start.d.prec || !per->end.d.prec)
		return;
	int32_t first = pv_date_first_day(&per->start.d), last = pv_date_last_day(&per->end.d);
	if (last <= first)
		return;
	struct pv_bar *bars;
	size_t n = pv_view_timeline(v, &bars);
	const int w = 760, row = 16, left = 110, top = 24;
	int h = (int)n * row + top + 6;
	struct pv_buf desc = PV_BUF_INIT, s = PV_BUF_INIT, e = PV_BUF_INIT, span = PV_BUF_INIT;
	pv_report_date(in->lang, &per->start.d, &s);
	pv_report_date(in->lang, &per->end.d, &e);
	pv_report_fill(in->lang, L(in, "cover.period_value"), &span, "start", s.buf, "end", e.buf,
		       (char *)NULL);
	item(in, &desc, L(in, "cover.period"), span.buf);
	svg_open(o, w, h, "chart-gantt", L(in, "chart.gantt"), desc.buf);
	double scale = (double)(w - left - 10) / (last - first);
	for (int y = per->start.d.year; y <= per->end.d.year + 1; y++) {
		struct pv_date jan = { (int16_t)y, 1, 1, PV_DATE_DAY };
		int32_t d = pv_date_first_day(&jan);
		if (d < first || d > last + 1)
			continue;
		double x = left + (d - first) * scale;
		char label[16];
		snprintf(label, sizeof(label), "%d", y);
		pv_buf_addf(o, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", x, top - 4,
			    x, h);
		if (d <= last - 60)	/* no label for the line that closes the period */
			text_el(o, x + 3, 14, "start", label);
	}
	for (size_t r = 0; r < n; r++) {
		int32_t s0 = pv_date_first_day(&bars[r].start), e0 = pv_date_last_day(&bars[r].end);
		s0 = s0 < first ? first : s0;
		e0 = e0 > last ? last : e0;
		double y = top + (double)r * row;
		text_el(o, left - 6, y + 11, "end", bars[r].label);
		pv_buf_addf(o, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"11\">"
			       "<title>", left + (s0 - first) * scale, y + 1,
			    e0 >= s0 ? (e0 - s0 + 1) * scale : 1);
		page_text(o, bars[r].label);
		pv_buf_adds(o, "</title></rect>\n");
	}
	free(bars);
	svg_close(o, L(in, "chart.gantt"));
	pv_buf_release(&desc);
	pv_buf_release(&s);
	pv_buf_release(&e);
	pv_buf_release(&span);
}

/* ---- the tree ---- */

static int is_type(cmark_node *n, const char *name)
{
	return !strcmp(cmark_node_get_type_string(n), name);
}

/* The text of a node, as a reader sees it. */
static void node_text(cmark_node *n, struct pv_buf *out)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			pv_buf_adds(out, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			pv_buf_addch(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static cmark_node *custom_block(const struct pv_buf *html)
{
	cmark_node *n = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	if (!n || !cmark_node_set_on_enter(n, html->buf))
		pv_die_oom();
	return n;
}

enum { CHART_AREAS, CHART_BUDGET, CHART_GANTT, NCHARTS };

/*
 * Puts the charts in the tree: the areas and the budget after the first
 * table under their subsection, the timeline in place of the Mermaid block
 * of its section. The report's own headings are the only ones at these
 * levels (plan text has none), so they are found by their labels.
 */
static int place_charts(cmark_node *doc, const struct pv_view *v, struct pv_msg *err)
{
	static const char *const where[NCHARTS][2] = {
		{ "section.alignment", "sub.coverage_areas" },
		{ "section.budget", "sub.budget_priority" },
		{ "section.timeline", NULL },
	};
	struct pv_buf section = PV_BUF_INIT, sub = PV_BUF_INIT, chart = PV_BUF_INIT;
	int placed[NCHARTS] = { 0 };
	for (cmark_node *n = cmark_node_first_child(doc), *next; n; n = next) {
		next = cmark_node_next(n);
		int level = cmark_node_get_type(n) == CMARK_NODE_HEADING ? cmark_node_get_heading_level(n) : 0;
		if (level == 2 || level == 3) {
			pv_buf_reset(&sub);
			if (level == 2) {
				pv_buf_reset(&section);
				node_text(n, &section);
			} else {
				node_text(n, &sub);
			}
			continue;
		}
		int mermaid = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
			      !strcmp(cmark_node_get_fence_info(n), "mermaid");
		for (int c = 0; c < NCHARTS; c++) {
			if (placed[c] || strcmp(section.buf, L(v->in, where[c][0])) ||
			    (where[c][1] ? !is_type(n, "table") || strcmp(sub.buf, L(v->in, where[c][1]))
					 : !mermaid))
				continue;
			pv_buf_reset(&chart);
			if (c == CHART_AREAS)
				chart_areas(v, &chart);
			else if (c == CHART_BUDGET)
				chart_budget(v, &chart);
			else
				chart_gantt(v, &chart);
			placed[c] = 1;
			if (c == CHART_GANTT) {
				/* Without a period there is no timeline to draw. */
				if (chart.len)
					cmark_node_replace(n, custom_block(&chart));
				else
					cmark_node_unlink(n);
				cmark_node_free(n);
			} else {
				cmark_node_insert_after(n, custom_block(&chart));
			}
		}
	}
	pv_buf_release(&section);
	pv_buf_release(&sub);
	pv_buf_release(&chart);
	for (int c = 0; c < NCHARTS; c++)
		if (!placed[c]) {
			pv_err(err, "internal error: no place for the chart after '%s' in the HTML report",
				    L(v->in, where[c][1] ? where[c][1] : where[c][0]));
			return -1;
		}
	return 0;
}

/*
 * Heading ids, from each heading's text as GitHub makes them, unique in the
 * page with a counter per slug (so many equal headings stay linear). The
 * report's own headings (the sections, which the contents list links to,
 * and their subsections) take theirs first: a plan title, a priority or an
 * objective named like one cannot take its id. The priorities section is the
 * one whose subsections are plan text.
 */
struct ids {
	struct pv_strmap taken;	/* id -> itself */
	struct pv_strmap next;	/* slug -> the next suffix to try */
	char **v;
	size_t n, alloc;
};

static const char *unique_id(struct ids *ids, const char *slug)
{
	struct pv_buf b = PV_BUF_INIT;
	uintptr_t k = (uintptr_t)pv_strmap_get(&ids->next, slug);
	pv_buf_adds(&b, *slug ? slug : "section");
	for (k = k ? k : 1; pv_strmap_get(&ids->taken, b.buf); k++) {
		pv_buf_reset(&b);
		pv_buf_addf(&b, "%s-%lu", *slug ? slug : "section", (unsigned long)k);
	}
	PV_ALLOC_GROW(ids->v, ids->n + 2, ids->alloc);
	char *id = pv_buf_detach(&b, NULL), *key = xstrdup(slug);
	ids->v[ids->n++] = id;
	ids->v[ids->n++] = key;
	pv_strmap_put(&ids->taken, id, id);
	pv_strmap_put(&ids->next, key, (void *)k);
	return id;
}

static void name_headings(cmark_node *doc, const char *priorities, struct ids *ids)
{
	struct pv_buf text = PV_BUF_INIT, slug = PV_BUF_INIT;
	for (int pass = 0; pass < 2; pass++) {
		int plan_text = 0;	/* under the priorities section */
		for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
			if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
				continue;
			int level = cmark_node_get_heading_level(n);
			pv_buf_reset(&text);
			node_text(n, &text);
			if (level == 2)
				plan_text = priorities && !strcmp(text.buf, priorities);
			int ours = level == 2 || (level == 3 && !plan_text);
			if (ours != (pass == 0))
				continue;
			pv_buf_reset(&slug);
			pv_report_slug(text.buf, &slug);
			cmark_node_set_user_data(n, (void *)unique_id(ids, slug.buf));
		}
	}
	pv_buf_release(&text);
	pv_buf_release(&slug);
}

static void ids_release(struct ids *ids)
{
	for (size_t i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
	pv_strmap_release(&ids->taken);
	pv_strmap_release(&ids->next);
}

/* ---- rendering ---- */

struct html {
	struct pv_buf *o;
	cmark_llist *exts;
};

static void cr(struct pv_buf *o)
{
	if (o->len && o->buf[o->len - 1] != '\n')
		pv_buf_addch(o, '\n');
}

/* cmark renders a node and what it holds: inlines, and leaf blocks. */
static void cmark_html(struct html *h, cmark_node *n)
{
	char *s = cmark_render_html(n, CMARK_OPT_DEFAULT, h->exts);
	pv_buf_adds(h->o, s);
	cmark_get_default_mem_allocator()->free(s);
}

static void inlines(struct html *h, cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		cmark_html(h, c);
}

/* Header cells get their scope; a number column its class (cmark-gfm would
 * write the obsolete align attribute); body cells their own direction, as
 * plan text may be in another script than the report. */
static void table(struct html *h, cmark_node *t)
{
	const uint8_t *align = cmark_gfm_extensions_get_table_alignments(t);
	int body = 0;
	cr(h->o);
	pv_buf_adds(h->o, "<table>\n");
	for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
		int head = cmark_gfm_extensions_get_table_row_is_header(row);
		if (head)
			pv_buf_adds(h->o, "<thead>\n");
		else if (!body++)
			pv_buf_adds(h->o, "<tbody>\n");
		pv_buf_adds(h->o, "<tr>\n");
		size_t i = 0;
		for (cmark_node *c = cmark_node_first_child(row); c; c = cmark_node_next(c), i++) {
			const char *num = align && align[i] == 'r' ? " class=\"num\"" : "";
			pv_buf_addf(h->o, head ? "<th scope=\"col\"%s>" : "<td dir=\"auto\"%s>", num);
			inlines(h, c);
			pv_buf_adds(h->o, head ? "</th>\n" : "</td>\n");
		}
		pv_buf_adds(h->o, head ? "</tr>\n</thead>\n" : "</tr>\n");
	}
	if (body)
		pv_buf_adds(h->o, "</tbody>\n");
	pv_buf_adds(h->o, "</table>\n");
}

static int tight_paragraph(cmark_node *p)
{
	cmark_node *item = cmark_node_parent(p), *list = item ? cmark_node_parent(item) : NULL;
	return list && cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
}

/* Opens or closes the block `n`; returns 1 when its contents are written. */
static int block(struct html *h, cmark_node *n, int enter)
{
	struct pv_buf *o = h->o;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING: {
		int level = cmark_node_get_heading_level(n);
		cr(o);
		pv_buf_addf(o, "<h%d id=\"%s\" dir=\"auto\">", level, (const char *)cmark_node_get_user_data(n));
		inlines(h, n);
		pv_buf_addf(o, "</h%d>\n", level);
		return 1;
	}
	case CMARK_NODE_PARAGRAPH:
		if (tight_paragraph(n)) {
			inlines(h, n);
		} else {
			cr(o);
			pv_buf_adds(o, "<p dir=\"auto\">");
			inlines(h, n);
			pv_buf_adds(o, "</p>\n");
		}
		return 1;
	case CMARK_NODE_LIST: {
		int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		int start = cmark_node_get_list_start(n);
		if (!enter)
			pv_buf_adds(o, ordered ? "</ol>\n" : "</ul>\n");
		else if (cr(o), !ordered)
			pv_buf_adds(o, "<ul>\n");
		else if (start == 1)
			pv_buf_adds(o, "<ol>\n");
		else
			pv_buf_addf(o, "<ol start=\"%d\">\n", start);
		return 0;
	}
	case CMARK_NODE_ITEM:
		if (enter)
			cr(o);
		pv_buf_adds(o, enter ? "<li dir=\"auto\">" : "</li>\n");
		return 0;
	case CMARK_NODE_BLOCK_QUOTE:
		cr(o);
		pv_buf_adds(o, enter ? "<blockquote>\n" : "</blockquote>\n");
		return 0;
	case CMARK_NODE_CUSTOM_BLOCK:
		cr(o);
		pv_buf_adds(o, enter ? cmark_node_get_on_enter(n) : cmark_node_get_on_exit(n));
		cr(o);
		return 0;
	case CMARK_NODE_DOCUMENT:
		return 0;
	default:
		if (is_type(n, "table")) {
			table(h, n);
			return 1;
		}
		/* A code block, a rule; raw HTML is omitted in cmark's safe mode. */
		cr(o);
		cmark_html(h, n);
		return 1;
	}
}

static void render(cmark_node *doc, cmark_llist *exts, struct pv_buf *out)
{
	struct html h = { out, exts };
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		/* Past the node's exit whenever block() wrote it whole, children or
		 * not: an empty heading has an exit event of its own, and would be
		 * written a second time on it (fuzzing, tests/fuzz/crashes KI1). */
		if (block(&h, n, ev == CMARK_EVENT_ENTER) && ev == CMARK_EVENT_ENTER)
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
}

/* The body of the page from a Markdown document; `v` (NULL for a page
 * other than the report) places the report's charts. */
static int body_html(const struct pv_view *v, const char *md, size_t len, struct pv_buf *out,
		     struct pv_msg *err)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_syntax_extension *table = cmark_find_syntax_extension("table");
	if (!parser || !table)
		pv_die_oom();
	cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, md, len);
	cmark_node *doc = cmark_parser_finish(parser);
	struct ids ids;
	memset(&ids, 0, sizeof(ids));
	int ret = v ? place_charts(doc, v, err) : 0;
	if (!ret) {
		name_headings(doc, v ? L(v->in, "section.priorities") : NULL, &ids);
		render(doc, cmark_parser_get_syntax_extensions(parser), out);
	}
	ids_release(&ids);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	return ret;
}

static int load_template(const char *dir, const char *name, struct pv_buf *out, struct pv_msg *err)
{
	if (dir) {
		struct pv_buf path = PV_BUF_INIT;
		pv_buf_addf(&path, "%s/%s", dir, name);
		int r = pv_input_read_small(path.buf, PV_W("template"), out, err);
		pv_buf_release(&path);
		return r == PV_READ_OK ? 0 : -1;
	}
	char key[64];
	snprintf(key, sizeof(key), "templates/%s", name);
	const struct pv_embedded *e = pv_embedded_find(key);
	if (!e) {
		pv_err(err, "built-in template '%s' missing", name);
		return -1;
	}
	pv_buf_add(out, e->data, e->len);
	return 0;
}

/* The page shell filled: {{lang}} {{dir}} {{version}} {{title}} {{style}}
 * {{body}}; `title` is plain text. */
static int fill_page(const struct pv_lang *lang, const char *title_text, const struct pv_buf *body,
		     const char *template_dir, struct pv_buf *out, struct pv_msg *err)
{
	struct pv_buf page = PV_BUF_INIT, style = PV_BUF_INIT, title = PV_BUF_INIT;
	int ret = -1;
	if (load_template(template_dir, "page.html", &page, err) < 0 ||
	    load_template(template_dir, "style.css", &style, err) < 0)
		goto cleanup;
	page_text(&title, title_text ? title_text : "");
	const char *p = page.buf;
	for (const char *q = strstr(p, "{{"); q; q = strstr(p, "{{")) {
		const char *e = strstr(q, "}}");
		pv_buf_add(out, p, (size_t)(q - p));
		if (!e) {
			p = q;
			break;
		}
		size_t n = (size_t)(e - q - 2);
		const char *k = q + 2;
		if (n == 4 && !strncmp(k, "lang", 4))
			pv_buf_adds(out, pv_lang_code(lang));
		else if (n == 3 && !strncmp(k, "dir", 3))
			pv_buf_adds(out, pv_lang_report_label(lang, "dir"));
		else if (n == 7 && !strncmp(k, "version", 7))
			pv_buf_adds(out, PVEPLAN_VERSION);
		else if (n == 5 && !strncmp(k, "title", 5))
			pv_buf_add(out, title.buf, title.len);
		else if (n == 5 && !strncmp(k, "style", 5))
			pv_buf_add(out, style.buf, style.len);
		else if (n == 4 && !strncmp(k, "body", 4))
			pv_buf_add(out, body->buf, body->len);
		else
			pv_buf_add(out, q, n + 4);
		p = e + 2;
	}
	pv_buf_adds(out, p);
	ret = 0;
cleanup:
	pv_buf_release(&page);
	pv_buf_release(&style);
	pv_buf_release(&title);
	return ret;
}

int pv_report_html(const struct pv_report_input *in, const char *md, size_t len,
		   const char *template_dir, struct pv_buf *out, struct pv_msg *err)
{
	struct pv_buf body = PV_BUF_INIT;
	struct pv_view v;
	int ret = -1;
	pv_view_init(&v, in);
	if (body_html(&v, md, len, &body, err) == 0)
		ret = fill_page(in->lang, pv_view_text(&v, &in->plan->plan.title), &body, template_dir,
				out, err);
	pv_view_release(&v);
	pv_buf_release(&body);
	return ret;
}

int pv_report_html_page(const struct pv_lang *lang, const char *title, const char *md, size_t len,
			const char *template_dir, struct pv_buf *out, struct pv_msg *err)
{
	struct pv_buf body = PV_BUF_INIT;
	int ret = body_html(NULL, md, len, &body, err);
	if (ret == 0)
		ret = fill_page(lang, title, &body, template_dir, out, err);
	pv_buf_release(&body);
	return ret;
}
