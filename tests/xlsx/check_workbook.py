#!/usr/bin/env python3
"""Reads capacity-needs.xlsx back with real readers.

openpyxl: sheet names, headers, cells, formulas, validation lists, text that
starts with '=' kept as text. LibreOffice (headless, set to recalculate on
load): the totals it computes equal the values pveplan wrote, and an edit to
a cost changes the totals.

usage: check_workbook.py WORKBOOK KIND   (KIND: example, injection, or plain:
       a plan whose needs need not be costed)
"""
import os, shutil, subprocess, sys, tempfile
import openpyxl

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
              and "!$P$2:" in str(budget["C2"].value))
        prov = wb["By provider"]
        check("provider counts are COUNTIF formulas", str(prov["C2"].value).startswith("=COUNTIF("))
        check("a chart on By area and on Budget", len(wb["By area"]._charts) == 1 and len(budget._charts) == 1)
        if kind == "injection":
            texts = [c.value for row in needs.iter_rows() for c in row]
            check("a need starting with '=' stays a string",
                  "=SUM(1,2)+cmd|' /C calc'!A0" in texts
                  and needs.cell(row=2, column=6).data_type == "s")
        # LibreOffice recalculates: the same totals as pveplan's cached values.
        calc = recalc(path, work)
        for sheet, cells in (("Budget", None), ("By provider", None), ("By area", None)):
            mine, theirs = cached[sheet], calc[sheet]
            diff = [(c.coordinate, c.value, theirs[c.coordinate].value)
                    for row in mine.iter_rows() for c in row
                    if isinstance(c.value, (int, float)) and abs(c.value - (theirs[c.coordinate].value or 0)) > 0.01]
            check(f"LibreOffice recalculates {sheet} to pveplan's figures", not diff)
            if diff:
                print(diff[:5])
        # An adviser edits a cost: the totals follow.
        total_row = budget.max_row
        before = calc["Budget"].cell(row=total_row, column=3).value
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
