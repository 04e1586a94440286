#!/usr/bin/env python3
"""Prints every non-empty cell of a workbook as SHEET!CELL<TAB>VALUE (formulas
as written, then the cached value), for golden comparison of content."""
import sys
import openpyxl

formulas = openpyxl.load_workbook(sys.argv[1])
values = openpyxl.load_workbook(sys.argv[1], data_only=True)
for ws in formulas.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = values[ws.title][c.coordinate].value
            shown = c.value if not isinstance(c.value, str) or not c.value.startswith("=") or c.data_type == "s" \
                else f"{c.value} -> {v}"
            print(f"{ws.title}!{c.coordinate}\t{shown}")
