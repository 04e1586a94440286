#!/usr/bin/env python3
"""Reads capacity-needs.xlsx back with real readers.

openpyxl: sheet names, headers, cells, formulas, validation lists, text that
starts with '=' kept as text. LibreOffice (headless, set to recalculate on
load): the totals it computes equal the values pveplan wrote, and an edit to
a cost changes the totals.

usage: check_workbook.py WORKBOOK KIND   (KIND: example, injection, plain:
       a plan whose needs need not be costed, or overflow: one whose total
       cost overflows)
"""
import datetime, os, shutil, subprocess, sys, tempfile
import openpyxl
from openpyxl.formula import Tokenizer
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

SHEETS = ["Capacity needs", "By provider", "By area", "Actions", "Budget",
          "Indicators", "Findings", "About"]
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
fails = 0
checks = 0


def check(name, ok):
    global fails, checks
    checks += 1
    print(("ok: " if ok else "FAIL: ") + name)
    if not ok:
        fails += 1


def recalc(path, work):
    """LibreOffice opens the workbook, recalculates every formula, saves it."""
    prof = os.path.join(work, "profile")
    os.makedirs(os.path.join(prof, "user"), exist_ok=True)
    with open(os.path.join(prof, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    out = os.path.join(work, "out")
    os.makedirs(out, exist_ok=True)
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
                    "--convert-to", "xlsx", "--outdir", out, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return openpyxl.load_workbook(os.path.join(out, os.path.basename(path)), data_only=True)


def column(ws, col, first=2):
    return [ws.cell(row=r, column=col).value for r in range(first, ws.max_row + 1)]


def refs(formula):
    """The references of a formula, as (sheet or None, range) pairs."""
    out = []
    for t in Tokenizer(formula).items:
        if t.type == "OPERAND" and t.subtype == "RANGE":
            sheet, _, rng = t.value.rpartition("!")
            if sheet.startswith("'"):
                sheet = sheet[1:-1].replace("''", "'")
            out.append((sheet or None, rng.replace("$", "")))
    return out


def col_of(rng):
    """Column letters and first and last row of "I2:I36" (or of "B2")."""
    first, _, last = rng.partition(":")
    c1, r1 = coordinate_from_string(first)
    c2, r2 = coordinate_from_string(last or first)
    return c1 if c1 == c2 else None, r1, r2


def head(ws, letters):
    return ws[letters + "1"].value


def hidden(ws, letters):
    """Whether the column is hidden (openpyxl keeps one entry per run of columns)."""
    i = column_index_from_string(letters)
    return any(d.hidden and d.min <= i <= d.max for d in ws.column_dimensions.values())


def last_row(ws):
    """The last row with an id in column A (the data rows end there)."""
    return max(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value is not None)


def check_references(wb):
    """Every formula names sheets that exist and reads the columns its header
    says: the test a column inserted without moving the formulas fails."""
    formulas = [(ws, c) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.data_type == "f"]
    bad = [(ws.title, c.coordinate) for ws, c in formulas
           for sheet, _ in refs(c.value) if sheet is not None and sheet not in wb.sheetnames]
    check("every sheet a formula names exists", formulas and not bad)
    needs, actions, budget, prov, area = (wb[n] for n in ("Capacity needs", "Actions", "Budget",
                                                           "By provider", "By area"))
    def spans(ws, rng):
        """A whole data column of ws: rows 2 to its last."""
        c, r1, r2 = col_of(rng)
        return c is not None and r1 == 2 and r2 == max(last_row(ws), 1)
    ok = True
    for r in range(2, last_row(budget)):
        for c in "CDE":
            (s1, sums), (s2, crit), (_, key), (s3, counts) = refs(budget[f"{c}{r}"].value)
            ok &= s1 == s2 == s3 == "Actions" and all(spans(actions, x) for x in (sums, crit, counts))
            ok &= head(actions, col_of(sums)[0]) == head(budget, c) and head(actions, col_of(crit)[0]) == "Priority"
            ok &= col_of(key)[:2] == ("A", r) and head(budget, "A") == "Id"
            ok &= hidden(actions, col_of(counts)[0])
            ok &= str(actions[f"{col_of(counts)[0]}2"].value).startswith("=IF(")
    check("Budget sums the Actions column of the same name, by priority, over the actions that count", ok)
    def gap(ws, r, letter):
        cells = refs(ws[f"{letter}{r}"].value)
        return [head(ws, col_of(x)[0]) for _, x in cells] == ["Cost", "Committed", "Pledged"] \
            and all(col_of(x)[1] == r for _, x in cells)
    check("every gap is cost - committed - pledged of its own row",
          all(gap(actions, r, "L") for r in range(2, last_row(actions) + 1))
          and all(gap(budget, r, "F") for r in range(2, last_row(budget))))
    ok = True
    # The keys in the hidden column: all providers asked (By provider lists
    # exactly those), or area keys of the By area sheet.
    for ws, rows, exact in ((prov, range(2, last_row(prov) + 1), True), (area, range(2, 9), False)):
        for r in rows:
            (s1, keys), (_, key) = refs(ws[f"C{r}"].value)
            (s2, keys2), (_, key2), (s3, costs) = refs(ws[f"D{r}"].value)
            kc = col_of(keys)[0]
            ok &= s1 == s2 == s3 == "Capacity needs" and keys == keys2 and key == key2 == f"B{r}"
            ok &= spans(needs, keys) and spans(needs, costs) and head(needs, col_of(costs)[0]) == "Cost"
            ok &= hidden(needs, kc) and head(needs, kc) is None
            found = {k for v in column(needs, column_index_from_string(kc))[:last_row(needs) - 1]
                     for k in (v or "").split(";") if k}
            listed = {ws[f"B{x}"].value for x in rows}
            ok &= found == listed if exact else found <= listed
    check("provider and area totals match the hidden key column of the needs and sum their cost", ok)
    ok = True
    for r in range(10, area.max_row + 1):
        if area[f"C{r}"].data_type != "f":
            continue
        (s1, kinds), (_, key) = refs(area[f"C{r}"].value)
        ok &= s1 == "Capacity needs" and head(needs, col_of(kinds)[0]) == "Kind" and key == f"A{r}"
    check("kind totals match the Kind column of the needs", ok)


def main():
    path, kind = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    try:
        wb = openpyxl.load_workbook(path)               # formulas
        cached = openpyxl.load_workbook(path, data_only=True)   # values pveplan wrote
        check("sheets " + ", ".join(SHEETS), wb.sheetnames == SHEETS)
        needs = wb["Capacity needs"]
        heads = [c.value for c in needs[1]][:13]
        check("needs headers", heads[:6] == ["Id", "Priority areas", "Priority", "Objective", "Action", "Need"]
              and heads[10:13] == ["Cost", "Currency", "Status"])
        check("needs header frozen", needs.freeze_panes == "A2")
        check("needs autofilter", needs.auto_filter.ref is not None and needs.auto_filter.ref.startswith("A1:M"))
        lists = {dv.sqref.ranges[0].coord.split(":")[0][0]: dv.formula1
                 for dv in needs.data_validations.dataValidation}
        def choices(col):
            rng = lists.get(col, "").lstrip("=").replace("$", "")
            return [c.value for row in needs[rng] for c in row] if rng else []
        check("validation lists on kind, priority and status",
              "Training" in choices("G") and choices("J") == ["High", "Medium", "Low"]
              and "Identified" in choices("M"))
        costs = [v for v in column(needs, 11) if v is not None]
        check("costs are numbers", all(isinstance(v, (int, float)) for v in costs) and (costs or kind != "example"))
        actions = wb["Actions"]
        check("start and end are dates", all(hasattr(v, "year") for v in column(actions, 7) + column(actions, 8) if v))
        check("gap is a formula", str(actions["L2"].value).startswith("=I2-J2-K2"))
        budget = wb["Budget"]
        check("budget sums the actions that count (SUMIFS)", str(budget["C2"].value).startswith("=SUMIFS(")
              and "!$Q$2:" in str(budget["C2"].value))
        prov = wb["By provider"]
        check("provider counts are COUNTIF formulas", str(prov["C2"].value).startswith("=COUNTIF("))
        check("a chart on By area and on Budget", len(wb["By area"]._charts) == 1 and len(budget._charts) == 1)
        check_references(wb)
        if kind == "injection":
            texts = [c.value for row in needs.iter_rows() for c in row]
            check("a need starting with '=' stays a string",
                  "=SUM(1,2)+cmd|' /C calc'!A0" in texts
                  and needs.cell(row=2, column=6).data_type == "s")
        # LibreOffice recalculates: the same totals as pveplan's cached values
        # (a figure that overflowed is Excel's #NUM! in both).
        calc = recalc(path, work)
        def same(a, b):
            if isinstance(a, str):
                return not a.startswith("#") or a == b
            return isinstance(b, (int, float)) and abs(a - b) <= 0.01 or a == 0 and b is None
        for sheet in ("Actions", "Budget", "By provider", "By area"):
            mine, theirs = cached[sheet], calc[sheet]
            diff = [(c.coordinate, c.value, theirs[c.coordinate].value)
                    for row in mine.iter_rows() for c in row
                    if c.value is not None and not isinstance(c.value, datetime.datetime)
                    and not same(c.value, theirs[c.coordinate].value)]
            check(f"LibreOffice recalculates {sheet} to pveplan's figures", not diff)
            if diff:
                print(diff[:5])
        total_row = budget.max_row
        before = calc["Budget"].cell(row=total_row, column=3).value
        if kind == "overflow":
            # #NUM! while the loader keeps amounts it refuses (FMT004) under
            # --force; whatever it keeps, cached and recalculated agree.
            total = cached["Budget"].cell(row=total_row, column=3).value
            check("the total cost is #NUM! or a number, cached and recalculated alike",
                  same(total, before) and (total == "#NUM!" or isinstance(total, (int, float))))
        else:
            # An adviser edits a cost: the totals follow.
            edited = os.path.join(work, "edited.xlsx")
            actions["I2"] = (cached["Actions"]["I2"].value or 0) + 1000
            wb.save(edited)
            after = recalc(edited, work)["Budget"].cell(row=total_row, column=3).value
            check("editing a cost changes the total cost", abs((after or 0) - (before or 0) - 1000) < 0.01)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{checks - fails} passed, {fails} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
