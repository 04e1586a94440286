/* The HTML report: the Markdown report rendered by cmark-gfm (raw HTML in
 * plan text is never rendered: cmark's safe default), made accessible
 * (heading ids, header scopes), with inline SVG charts, in a page shell from
 * templates/ that --template-dir can replace. One self-contained file. */
#include "pveplan/build.h"

#include "embedded.h"
#include "pveplan/alloc.h"
#include "pveplan/input.h"
#include "pveplan/report.h"
#include "pveplan/version.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *L(const struct pv_report_input *in, const char *key)
{
	return pv_lang_report_label(in->lang, key);
}

static char *markdown_to_html(const char *md, size_t len)
{
	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_syntax_extension *table = cmark_find_syntax_extension("table");
	if (!parser || !table)
		pv_die_oom();
	cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, md, len);
	cmark_node *doc = cmark_parser_finish(parser);
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
	char *copy = xstrdup(html);
	cmark_get_default_mem_allocator()->free(html);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	return copy;
}

/* The text of an element's content: tags dropped, the five entities cmark
 * writes decoded. */
static void inner_text(const char *s, size_t n, struct pv_buf *out)
{
	static const struct {
		const char *ent, *ch;
	} ents[] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
		     { "&#39;", "'" } };
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '<') {
			while (i < n && s[i] != '>')
				i++;
			continue;
		}
		if (s[i] == '&') {
			size_t k;
			for (k = 0; k < PV_ARRAY_SIZE(ents); k++)
				if (!strncmp(s + i, ents[k].ent, strlen(ents[k].ent))) {
					pv_buf_adds(out, ents[k].ch);
					i += strlen(ents[k].ent) - 1;
					break;
				}
			if (k < PV_ARRAY_SIZE(ents))
				continue;
		}
		pv_buf_addch(out, s[i]);
	}
}

/* Gives every heading the id the contents list links to, and every table
 * header cell its scope. */
static void accessible(const char *html, struct pv_buf *out)
{
	struct pv_strmap seen = PV_STRMAP_INIT;
	struct pv_buf keep = PV_BUF_INIT;	/* owns the ids the map points to */
	char **ids = NULL;
	size_t nids = 0, alloc = 0;
	const char *p = html;
	while (*p) {
		if (p[0] == '<' && p[1] == 'h' && p[2] >= '1' && p[2] <= '6' && p[3] == '>') {
			char close[6] = { '<', '/', 'h', p[2], '>', 0 };
			const char *end = strstr(p, close);
			if (end) {
				struct pv_buf text = PV_BUF_INIT, slug = PV_BUF_INIT;
				inner_text(p + 4, (size_t)(end - p - 4), &text);
				pv_report_slug(text.buf, &slug);
				char *id = xstrdup(slug.buf);
				for (int n = 1; pv_strmap_get(&seen, id); n++) {
					free(id);
					pv_buf_reset(&text);
					pv_buf_addf(&text, "%s-%d", slug.buf, n);
					id = xstrdup(text.buf);
				}
				PV_ALLOC_GROW(ids, nids + 1, alloc);
				ids[nids++] = id;
				pv_strmap_put(&seen, id, id);
				pv_buf_addf(out, "<h%c id=\"%s\" dir=\"auto\">", p[2], id);
				p += 4;
				pv_buf_release(&text);
				pv_buf_release(&slug);
				continue;
			}
		}
		/* Plan text may be in another script than the report (French in
		 * an Arabic report): let each block find its own direction. */
		static const char *const blocks[] = { "<p>", "<li>", "<td>", "<td " };
		size_t b;
		for (b = 0; b < PV_ARRAY_SIZE(blocks); b++)
			if (!strncmp(p, blocks[b], strlen(blocks[b])))
				break;
		if (b < PV_ARRAY_SIZE(blocks)) {
			size_t n = strlen(blocks[b]) - 1;
			pv_buf_add(out, p, n);
			pv_buf_adds(out, " dir=\"auto\"");
			p += n;
			continue;
		}
		/* cmark-gfm aligns cells with an obsolete attribute: use a class. */
		if (!strncmp(p, " align=\"right\"", 14)) {
			pv_buf_adds(out, " class=\"num\"");
			p += 14;
			continue;
		}
		if (!strncmp(p, "<th", 3) && (p[3] == '>' || p[3] == ' ')) {
			pv_buf_adds(out, "<th scope=\"col\"");
			p += 3;
			continue;
		}
		pv_buf_addch(out, *p++);
	}
	for (size_t i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	pv_buf_release(&keep);
	pv_strmap_release(&seen);
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

static void text_el(struct pv_buf *o, double x, double y, const char *anchor, const char *s)
{
	pv_buf_addf(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	pv_xml_str(o, s);
	pv_buf_adds(o, "</text>\n");
}

static void chart_areas(const struct pv_report_input *in, struct pv_buf *o)
{
	int count[PV_AREA_COUNT + 1] = { 0 }, max = 1;
	const struct pv_plan *p = in->plan;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		if (in->redact && p->priorities.v[i].confidential.v == 1)
			continue;
		for (uint32_t j = 0; j < p->priorities.v[i].areas.n; j++)
			count[p->priorities.v[i].areas.v[j].v]++;
	}
	for (int a = 1; a <= PV_AREA_COUNT; a++)
		max = count[a] > max ? count[a] : max;
	struct pv_buf desc = PV_BUF_INIT;
	for (int a = 1; a <= PV_AREA_COUNT; a++) {
		char key[40];
		snprintf(key, sizeof(key), "area.%s", pv_area_names[a]);
		pv_buf_addf(&desc, "%s%s: %d", a > 1 ? "; " : "", L(in, key), count[a]);
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

static void chart_budget(const struct pv_report_input *in, struct pv_buf *o)
{
	const struct pv_plan *p = in->plan;
	double max = 1;
	size_t n = 0;
	struct pv_money m;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		if (in->redact && p->priorities.v[i].confidential.v == 1)
			continue;
		pv_report_priority_money(in, &p->priorities.v[i], &m);
		max = m.cost > max ? m.cost : max;
		n++;
	}
	struct pv_buf desc = PV_BUF_INIT;
	for (uint32_t i = 0; i < p->priorities.n; i++) {
		const struct pv_priority *pr = &p->priorities.v[i];
		if (in->redact && pr->confidential.v == 1)
			continue;
		pv_report_priority_money(in, pr, &m);
		pv_buf_addf(&desc, "%s%s: %s ", desc.len ? "; " : "", pr->id.s ? pr->id.s : "",
			    L(in, "glance.total_cost"));
		pv_report_number(in->lang, m.cost, 0, &desc);
		pv_buf_addf(&desc, ", %s ", L(in, "glance.committed"));
		pv_report_number(in->lang, m.committed, 0, &desc);
		pv_buf_addf(&desc, ", %s ", L(in, "glance.pledged"));
		pv_report_number(in->lang, m.pledged, 0, &desc);
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
		if (in->redact && pr->confidential.v == 1)
			continue;
		pv_report_priority_money(in, pr, &m);
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
}

static void chart_gantt(const struct pv_report_input *in, struct pv_buf *o)
{
	const struct pv_plan *p = in->plan;
	const struct pv_period *per = &p->plan.period;
	if (!per->start.d.prec || !per->end.d.prec)
		return;
	int32_t first = pv_date_first_day(&per->start.d), last = pv_date_last_day(&per->end.d);
	if (last <= first)
		return;
	struct pv_bar *bars;
	size_t n = pv_report_timeline(in, &bars);
	const int w = 760, row = 16, left = 110, top = 24;
	int h = (int)n * row + top + 6;
	struct pv_buf desc = PV_BUF_INIT, s = PV_BUF_INIT, e = PV_BUF_INIT;
	pv_report_date(in->lang, &per->start.d, &s);
	pv_report_date(in->lang, &per->end.d, &e);
	pv_buf_addf(&desc, "%s: %s - %s", L(in, "cover.period"), s.buf, e.buf);
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
		pv_xml_str(o, bars[r].label);
		pv_buf_adds(o, "</title></rect>\n");
	}
	free(bars);
	svg_close(o, L(in, "chart.gantt"));
	pv_buf_release(&desc);
	pv_buf_release(&s);
	pv_buf_release(&e);
}

/* Inserts `chart` after the first table that follows the heading `key`. */
static void insert_after_table(struct pv_buf *html, const struct pv_report_input *in,
			       const char *key, const struct pv_buf *chart)
{
	struct pv_buf slug = PV_BUF_INIT, needle = PV_BUF_INIT;
	pv_report_slug(L(in, key), &slug);
	pv_buf_addf(&needle, "id=\"%s\">", slug.buf);
	char *at = strstr(html->buf, needle.buf);
	char *end = at ? strstr(at, "</table>\n") : NULL;
	if (end) {
		size_t off = (size_t)(end - html->buf) + strlen("</table>\n");
		struct pv_buf out = PV_BUF_INIT;
		pv_buf_add(&out, html->buf, off);
		pv_buf_add(&out, chart->buf, chart->len);
		pv_buf_adds(&out, html->buf + off);
		pv_buf_release(html);
		*html = out;
	}
	pv_buf_release(&slug);
	pv_buf_release(&needle);
}

/* Replaces the Mermaid block (for GitHub) with the SVG timeline. */
static void replace_mermaid(struct pv_buf *html, const struct pv_buf *chart)
{
	char *at = strstr(html->buf, "<pre><code class=\"language-mermaid\">");
	char *end = at ? strstr(at, "</code></pre>\n") : NULL;
	if (!end)
		return;
	struct pv_buf out = PV_BUF_INIT;
	pv_buf_add(&out, html->buf, (size_t)(at - html->buf));
	pv_buf_add(&out, chart->buf, chart->len);
	pv_buf_adds(&out, end + strlen("</code></pre>\n"));
	pv_buf_release(html);
	*html = out;
}

static int load_template(const char *dir, const char *name, struct pv_buf *out, struct pv_buf *err)
{
	if (dir) {
		struct pv_buf path = PV_BUF_INIT;
		pv_buf_addf(&path, "%s/%s", dir, name);
		int r = pv_input_read_small(path.buf, "template", out, err);
		pv_buf_release(&path);
		return r == PV_READ_OK ? 0 : -1;
	}
	char key[64];
	snprintf(key, sizeof(key), "templates/%s", name);
	const struct pv_embedded *e = pv_embedded_find(key);
	if (!e) {
		pv_buf_addf(err, "built-in template '%s' missing", name);
		return -1;
	}
	pv_buf_add(out, e->data, e->len);
	return 0;
}

int pv_report_html(const struct pv_report_input *in, const char *md, size_t len,
		   const char *template_dir, struct pv_buf *out, struct pv_buf *err)
{
	struct pv_buf page = PV_BUF_INIT, style = PV_BUF_INIT, body = PV_BUF_INIT, title = PV_BUF_INIT;
	struct pv_buf chart = PV_BUF_INIT;
	int ret = -1;
	if (load_template(template_dir, "page.html", &page, err) < 0 ||
	    load_template(template_dir, "style.css", &style, err) < 0)
		goto cleanup;
	char *html = markdown_to_html(md, len);
	accessible(html, &body);
	free(html);
	chart_areas(in, &chart);
	insert_after_table(&body, in, "sub.coverage_areas", &chart);
	pv_buf_reset(&chart);
	chart_budget(in, &chart);
	insert_after_table(&body, in, "sub.budget_priority", &chart);
	pv_buf_reset(&chart);
	chart_gantt(in, &chart);
	replace_mermaid(&body, &chart);
	const char *t = pv_text_get(&in->plan->plan.title, pv_lang_code(in->lang), in->fallback);
	pv_xml_str(&title, t ? t : "");
	/* Fill the shell: {{lang}} {{dir}} {{version}} {{title}} {{style}} {{body}}. */
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
			pv_buf_adds(out, pv_lang_code(in->lang));
		else if (n == 3 && !strncmp(k, "dir", 3))
			pv_buf_adds(out, L(in, "dir"));
		else if (n == 7 && !strncmp(k, "version", 7))
			pv_buf_adds(out, PVEPLAN_VERSION);
		else if (n == 5 && !strncmp(k, "title", 5))
			pv_buf_add(out, title.buf, title.len);
		else if (n == 5 && !strncmp(k, "style", 5))
			pv_buf_add(out, style.buf, style.len);
		else if (n == 4 && !strncmp(k, "body", 4))
			pv_buf_add(out, body.buf, body.len);
		else
			pv_buf_add(out, q, n + 4);
		p = e + 2;
	}
	pv_buf_adds(out, p);
	ret = 0;
cleanup:
	pv_buf_release(&page);
	pv_buf_release(&style);
	pv_buf_release(&body);
	pv_buf_release(&title);
	pv_buf_release(&chart);
	return ret;
}
