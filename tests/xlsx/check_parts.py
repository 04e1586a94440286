#!/usr/bin/env python3
"""Checks what every reader of capacity-needs.xlsx relies on, part by part.

Each XML part of the zip parses as XML 1.0 (expat refuses the characters
XML 1.0 does not allow: C0 controls but tab, newline and carriage return,
U+FFFE, U+FFFF), and every number the workbook holds, plain or the cached
value of a formula, is finite (no inf or nan).

usage: check_parts.py WORKBOOK [TEXT...]   (each TEXT must be the value of
       some cell, exactly: the visible form of hostile plan text)
"""
import math, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def main():
    path, want = sys.argv[1], sys.argv[2:]
    fails = []
    cells = set()
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for name in names:
            if not re.search(r"\.(xml|rels)$", name):
                continue
            try:
                root = ET.fromstring(z.read(name))
            except ET.ParseError as e:
                fails.append(f"{name}: not well-formed XML: {e}")
                continue
            for c in root.iter(NS + "c"):
                v = c.find(NS + "v")
                if c.get("t") in (None, "n") and v is not None:
                    try:
                        ok = math.isfinite(float(v.text))
                    except ValueError:
                        ok = False
                    if not ok:
                        fails.append(f"{name}: {c.get('r')} holds the number {v.text!r}")
                t = c.find(f"{NS}is/{NS}t")
                if t is not None:
                    cells.add(t.text)
    if not any(n.startswith("xl/worksheets/") for n in names):
        fails.append("no worksheet in the workbook")
    for text in want:
        if text not in cells:
            fails.append(f"no cell holds {text!r}")
    for f in fails:
        print("FAIL:", f)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
