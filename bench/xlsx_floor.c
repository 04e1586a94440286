/* The floor for the workbook: libxlsxwriter alone, in constant-memory mode,
 * writing ROWS x COLS cells (a string every other cell, else a number), the
 * least any libxlsxwriter-based tool must do for that many cells.
 * usage: xlsx_floor OUT.xlsx ROWS COLS */
#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: xlsx_floor OUT.xlsx ROWS COLS\n");
		return 2;
	}
	long rows = atol(argv[2]), cols = atol(argv[3]);
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
	lxw_workbook *wb = workbook_new_opt(argv[1], &opts);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	char text[64];
	for (long r = 0; r < rows; r++)
		for (long c = 0; c < cols; c++) {
			if (c % 2) {
				worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, (double)(r * cols + c), NULL);
			} else {
				snprintf(text, sizeof(text), "cell text %ld %ld", r, c);
				worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, text, NULL);
			}
		}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
