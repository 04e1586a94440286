#ifndef PVEPLAN_REPORT_XLSX_H
#define PVEPLAN_REPORT_XLSX_H

/* Helpers of the capacity-needs workbook (src/report_xlsx.c), private to
 * it; declared here for its unit test (tests/xlsx/test_xlsx.c). */

#include "pveplan/buf.h"

/* Appends a sheet name Excel accepts, made from a catalogue label: none of
 * []:*?/\, no ' at either end, at most 31 characters. */
void pv_xlsx_sheet_name(struct pv_buf *out, const char *label);

/* Appends a sheet name as a formula names it: in quotes, each ' doubled. */
void pv_xlsx_quote_sheet(struct pv_buf *out, const char *name);

#endif
