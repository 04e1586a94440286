#ifndef PVEPLAN_REPORT_XLSX_H
#define PVEPLAN_REPORT_XLSX_H

/* Helpers of the capacity-needs workbook (src/report/report_xlsx.c), private to
 * it; declared here for its unit test (tests/xlsx/test_xlsx.c). */

#include "pveplan/base.h"

/* Appends a sheet name Excel accepts, made from a catalogue label: none of
 * []:*?/\, no ' at either end, at most 31 characters. */
void pv_xlsx_sheet_name(struct pv_buf *out, const char *label);

/* Appends a sheet name as a formula names it: in quotes, each ' doubled. */
void pv_xlsx_quote_sheet(struct pv_buf *out, const char *name);

/* Appends text for the workbook (a cell, a title, a property): every
 * character XML 1.0 refuses, and every other one pv_buf_add_visible shows
 * escaped, is written visibly (\x01, \u{ffff}); a line break stays one,
 * as a cell is a block of text that wraps. Every string the workbook holds
 * goes through here. */
void pv_xlsx_add_text(struct pv_buf *out, const char *s);

/* Appends text as a string inside a formula: "…", each " doubled. */
void pv_xlsx_add_formula_string(struct pv_buf *out, const char *s);

/* Appends text as a literal inside a number format: "…", a " as \". */
void pv_xlsx_add_format_literal(struct pv_buf *out, const char *s);

#endif
