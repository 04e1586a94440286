/*
 * libFuzzer harness: the capacity-needs workbook of one plan, as 'build
 * --force' writes it (--redact and the report language picked by the
 * input), written to a folder in /dev/shm (or $TMPDIR), then opened in
 * memory. Oracles: the archive is sound (unzip.c), its parts are there,
 * every XML part is well-formed XML 1.0 (libxml2) made of XML 1.0
 * characters, and plan text adds no sheet, row or cell of its own.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "oracle.h"
#include "pveplan/base.h"
#include "pveplan/lang.h"
#include "pveplan/policy.h"
#include "pveplan/report.h"
#include "unzip.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *folder;
static char path[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const files[] = { "capacity-needs.xlsx", NULL };
	(void)argc;
	(void)argv;
	fz_fixed_clock();
	fz_xml_init();
	folder = fz_temp_folder(files);
	snprintf(path, sizeof(path), "%s/capacity-needs.xlsx", folder);
	return 0;
}

struct parts {
	size_t n, xml, content_types, workbook, sheets;
};

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

static void each_part(const char *name, const char *data, size_t len, void *ctx)
{
	struct parts *p = ctx;
	p->n++;
	p->content_types += !strcmp(name, "[Content_Types].xml");
	p->workbook += !strcmp(name, "xl/workbook.xml");
	if (!ends_with(name, ".xml") && !ends_with(name, ".rels") && !ends_with(name, ".vml"))
		return;
	p->xml++;
	size_t sheets = fz_xml_check(name, data, len, "sheet");
	if (!strcmp(name, "xl/workbook.xml"))
		p->sheets = sheets;
}

static void check_workbook(const struct pv_report_input *in)
{
	struct pv_buf book = PV_BUF_INIT;
	struct pv_msg err = { 0 };
	struct parts parts = { 0 };
	if (pv_report_xlsx(in, path, path, folder, &err) < 0) {
		char *why = pv_msg_text(&err, NULL);
		fz_fail("xlsx", why, strlen(why), 0, "the workbook was not written");
	}
	fz_read_file(path, &book);
	fz_unzip("xlsx", (const unsigned char *)book.buf, book.len, each_part, &parts);
	if (parts.content_types != 1 || parts.workbook != 1 || !parts.xml)
		fz_fail("xlsx", NULL, book.len, 0, "a part of every workbook is missing");
	/* The workbook's sheets are pveplan's, whatever the plan holds. */
	static size_t sheets;
	if (!sheets)
		sheets = parts.sheets;
	if (parts.sheets != sheets)
		fz_fail("xlsx", NULL, book.len, 0, "the number of sheets changed with the plan");
	unlink(path);
	pv_msg_release(&err);
	pv_buf_release(&book);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "fr", "ar", "es", "ru", "zh" };
	struct pv_check_opts o = PV_CHECK_OPTS_INIT;
	struct pv_diags d = PV_DIAGS_INIT;
	struct pv_plan plan;
	struct pv_policy pol = { NULL, PV_STATUS_DRAFT, 0, 0 };
	char *src = fz_text(data, size);
	uint32_t h = fz_hash(data, size);

	fz_limits(&o.limits);
	pv_diags_init(&d, FZ_PLAN_NAME);
	if (pv_check_text(src, size, &o, &plan, &d, &pol) == 0) {
		struct pv_matrix matrix;
		pv_matrix_build(&pol, &d, 1, &matrix);
		struct pv_report_input in = {
			&plan, &d, &matrix, pv_lang_get(langs[h % 6]), plan.plan.language.s,
			(int)(h >> 8 & 1), pv_diags_count(&d, PV_SEV_ERROR), pv_now(),
		};
		check_workbook(&in);
	}
	pv_plan_release(&plan);
	pv_diags_release(&d);
	free(src);
	return 0;
}
