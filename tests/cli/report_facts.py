#!/usr/bin/env python3
"""Facts of the reports of `pveplan build`, checked independently of the
golden files (tests/cli/build.sh runs this).

  report_facts.py structure SRC LANG DIR
      DIR/report.md and DIR/report.html have every section of the report, in
      order, and the contents list links to them; the HTML has its three
      charts, each in its place, drawing the figures of the tables beside
      it; no character that no output may carry raw; nothing the page would
      load from elsewhere.
  report_facts.py isolation DIR
      The reports of tests/golden/build/isolation.pve.yaml: no plan text
      reached their structure (see that plan).
  report_facts.py redact SRC LANG PLAN REDACTED PLAIN
      Every string and amount of every confidential item of PLAN (and of the
      accepted deviations about them) is absent from every output in the
      REDACTED folder (the workbook's XML parts included) and the redacted
      figures agree with each other and with the plan; PLAIN, built without
      --redact, shows the items (so the search can find them).

  report_facts.py additions SRC LANG PLAN DIR
      The format additions of catalogue 2 in the reports of PLAN, worked out
      from the plan itself: each driver's row names the priorities and
      objectives whose `addresses` list it; the related strategies (or that
      there are none, or that nothing is stated); a regional plan's member
      states, each with the involved stakeholders whose `country` it is (no
      such table in a national plan); the sector `oversight` counted under
      its own label; the kind of each action in its row when the plan states
      kinds (no column otherwise); in report.md and report.html alike.

Exit status 0 when every fact holds; each failure is printed.
"""
import html
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote

import yaml

SECTIONS = ["summary", "glance", "alignment", "participation", "context", "priorities",
            "timeline", "budget", "capacity", "monitoring", "risks", "consultations",
            "deviations", "findings"]
CHARTS = {  # chart id: (heading key it follows, heading key it precedes)
    "chart-areas": ("sub.coverage_areas", "sub.coverage_pillars"),
    "chart-budget": ("sub.budget_priority", "sub.budget_area"),
    "chart-gantt": ("section.timeline", "section.budget"),
}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def labels(src, lang):
    path = Path(src) / "src" / "catalogue" / f"report.{lang}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["labels"]


def slug(text):
    """pv_report_slug: the anchor GitHub gives a heading."""
    out = bytearray()
    for c in text.encode("utf-8"):
        if 65 <= c <= 90:
            out.append(c + 32)
        elif 97 <= c <= 122 or 48 <= c <= 57 or c in b"-_" or c >= 0x80:
            out.append(c)
        elif c == 32:
            out.append(ord("-"))
    return out.decode("utf-8")


def unsafe(cp):
    """pv_utf8_is_unsafe, tab and newline allowed (the page's own layout)."""
    if cp in (9, 10):
        return False
    return (cp < 0x20 or 0x7F <= cp <= 0x9F or cp in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
            or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069)


def no_unsafe(name, text):
    bad = sorted({hex(ord(c)) for c in text if unsafe(ord(c))})
    if bad:
        fail(f"{name}: characters that must be escaped appear raw: {', '.join(bad)}")


def number(cell):
    """An amount as the report writes it, in any language (integers)."""
    digits = re.sub(r"[^0-9]", "", cell)
    return int(digits) if digits else 0


def md_table_after(md, heading):
    """The rows (lists of cells) of the first table after the heading line."""
    lines = md.split("\n")
    try:
        i = lines.index(heading)
    except ValueError:
        return None
    rows = []
    for line in lines[i + 1:]:
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header


def structure(src, lang, folder):
    L = labels(src, lang)
    d = Path(folder)
    md = (d / "report.md").read_text(encoding="utf-8")
    page = (d / "report.html").read_text(encoding="utf-8")
    name = f"{d.name} ({lang})"
    no_unsafe(f"{name} report.md", md)
    no_unsafe(f"{name} report.html", page)
    # Every section, in order, in both; each once.
    keys = ["toc"] + [f"section.{s}" for s in SECTIONS]
    md_heads = [line[3:] for line in md.split("\n") if line.startswith("## ")]
    if md_heads != [L[k] for k in keys]:
        fail(f"{name}: report.md's sections are {md_heads}, not {[L[k] for k in keys]}")
    h2 = re.findall(r'<h2 id="([^"]*)" dir="auto">(.*?)</h2>', page)
    want = [(slug(L[k]), html.escape(L[k], quote=False)) for k in keys]
    if h2 != want:
        fail(f"{name}: report.html's sections are {h2}, not {want}")
    ids = re.findall(r'\sid="([^"]*)"', page)
    if len(ids) != len(set(ids)):
        fail(f"{name}: ids are not unique: {sorted(i for i in set(ids) if ids.count(i) > 1)}")
    # A browser percent-decodes a fragment before it looks for the id.
    targets = [unquote(t) for t in re.findall(r'href="#([^"]*)"', page)]
    for target in targets:
        if target not in ids:
            fail(f"{name}: the link to #{target} leads nowhere")
    for s in SECTIONS:
        if slug(L["section." + s]) not in targets:
            fail(f"{name}: the contents list does not link to {L['section.' + s]}")
    # Nothing is loaded from elsewhere: no resource attribute, element or import.
    for pat in (r"<[^>]*\s(src|srcset|poster|data|background)\s*=", r"<(img|script|iframe|object|embed|link|video|audio|source)\b",
                r"@import", r"url\("):
        if re.search(pat, page, re.I):
            fail(f"{name}: report.html would load something ({pat})")
    if "language-mermaid" in page:
        fail(f"{name}: the Mermaid block is left in report.html")
    charts(name, L, md, page)


def heading_pos(page, text):
    m = re.search(r"<h[1-6] id=\"[^\"]*\" dir=\"auto\">" + re.escape(html.escape(text, quote=False)) + "</h", page)
    return m.start() if m else -1


def charts(name, L, md, page):
    for chart, (after, before) in CHARTS.items():
        svgs = [m.start() for m in re.finditer(f'aria-labelledby="{chart}-t {chart}-d"', page)]
        if len(svgs) != 1:
            fail(f"{name}: {len(svgs)} {chart} charts in report.html, not 1")
            continue
        a, b = heading_pos(page, L[after]), heading_pos(page, L[before])
        if not a < svgs[0] < b:
            fail(f"{name}: {chart} is not between '{L[after]}' and '{L[before]}'")
    svg = {c: page[page.find(f'aria-labelledby="{c}-t'):] for c in CHARTS}
    svg = {c: s[:s.find("</svg>")] for c, s in svg.items()}
    # Areas: the number after each area's label is the number of priorities
    # the coverage table lists for it.
    rows = md_table_after(md, "### " + L["sub.coverage_areas"]) or []
    texts = [html.unescape(t) for t in re.findall(r"<text [^>]*>([^<]*)</text>", svg["chart-areas"])]
    drawn = dict(zip(texts[0::2], texts[1::2]))
    for area, covered in rows:
        n = 0 if covered == L["value.none"] else len(covered.split(", "))
        if drawn.get(area) != str(n):
            fail(f"{name}: the areas chart draws {drawn.get(area)} for '{area}', the table lists {n}")
    # Budget: committed, pledged and gap bars as wide as their amounts.
    rows = md_table_after(md, "### " + L["sub.budget_priority"]) or []
    bars = re.findall(r'<rect class="bar-(committed|pledged|gap)" x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)" height="20"', svg["chart-budget"])
    costs = [number(r[1]) for r in rows]
    scale = (760 - 120 - 20) / max(costs + [1])
    if len(bars) != 3 * len(rows):
        fail(f"{name}: the budget chart has {len(bars)} bars for {len(rows)} priorities")
    for i, r in enumerate(rows):
        cost, com, ple = number(r[1]), number(r[2]), number(r[3])
        for (kind, width), v in zip(bars[3 * i:3 * i + 3], (com, ple, cost - com - ple)):
            if abs(float(width) - max(v, 0) * scale) > 0.06:
                fail(f"{name}: the {kind} bar of '{r[0]}' is {width} wide, its amount {v} makes {v * scale:.1f}")
    # Timeline: one bar per task of the Mermaid timeline.
    tasks = len(re.findall(r"^    .* :t[0-9]+, ", md, re.M))
    drawn = len(re.findall(r'<rect class="bar" [^>]*height="11">', svg["chart-gantt"]))
    if tasks != drawn:
        fail(f"{name}: the SVG timeline has {drawn} bars, the Mermaid one {tasks}")


# ---- plan text isolation ----

def isolation(folder):
    d = Path(folder)
    md = (d / "report.md").read_text(encoding="utf-8")
    page = (d / "report.html").read_text(encoding="utf-8")
    must = {
        "a code span shows its text once escaped": "<code>a&lt;b</code>",
        "the unclosed fence of the summary closes with it": "<pre><code>open fence never closed\n</code></pre>\n<h2 ",
        "a heading of a text is a strong paragraph": '<p dir="auto"><strong>Heading in text</strong></p>',
        "a link definition serves its own text": '<a href="https://evil.example/ref">a link</a>',
        "a link definition does not reach another text": '<td dir="auto">[ref] should stay text',
        "an image is a link": '<a href="https://evil.example/x.png">https://evil.example/x.png</a>',
        "an image in a table cell is a link": '<a href="http://evil.example/z.png">img</a> in a title',
        "raw HTML is text": "&lt;div&gt;raw html block&lt;/div&gt;",
        "control characters are shown escaped": "Esc \\x1b[31mred\\x1b[0m bell \\x07 bidi \\u{202e}",
        "an entity of a control character too": "end \\x1b \\x1b",
        "a pipe in a code span stays in its cell": "<code>c|d</code>",
        "a fence in a cell is a code span": '<td dir="auto"><code>fence in a cell</code></td>',
        "a list in a text on one line keeps its markers": "- a list - in a mandate",
    }
    for what, text in must.items():
        if text not in page:
            fail(f"isolation: {what}: report.html lacks {text!r}")
    for what, pat in {
        "a heading of a text is no heading": r"<h[1-6][^>]*>[^<]*Heading in",
        "no script link": r'href="[^"]*script:',
        "no code span escaped twice": r"&amp;lt;b</code>",
        "no element from a text": r"<(div|b|img)[ >]",
    }.items():
        if re.search(pat, page):
            fail(f"isolation: {what}: report.html matches {pat}")
    heads = [line for line in md.split("\n") if line.startswith("#")]
    if any(line.startswith("# ") for line in heads[1:]) or "Heading in" in "".join(heads):
        fail(f"isolation: report.md has a heading from plan text: {heads}")
    if not re.search(r'<h1 id="by-priority-1" dir="auto">By priority</h1>', page) or \
            '<h3 id="by-priority" dir="auto">' not in page:
        fail("isolation: the plan title took the id of the report's own 'By priority' heading")


# ---- redaction ----

OWN = {  # the strings of an item of each kind that may be confidential
    "stakeholder": ("id", "name", "role"),
    "consultation": ("title", "location"),
    "priority": ("id", "title"),
    "objective": ("id", "title", "outcome"),
    "action": ("id", "title", "description", "human_rights"),
    "need": ("id", "need"),
    "indicator": ("id", "name", "source"),
    "risk": ("id", "description", "mitigation"),
    "driver": ("id", "description"),
}


def texts(value):
    if isinstance(value, dict):  # a multilingual text
        return [str(v) for v in value.values()]
    return [] if value is None else [str(value)]


def item_secrets(kind, item):
    strings = [s for key in OWN[kind] for s in texts(item.get(key))]
    amounts = [item["cost"]] if "cost" in item else []
    if kind == "action":
        amounts += [f["amount"] for f in item.get("funding", [])]
        for n in item.get("capacity_needs", []):
            s, a = item_secrets("need", n)
            strings, amounts = strings + s, amounts + a
    if kind == "objective":
        for a in item.get("actions", []):
            s, m = item_secrets("action", a)
            strings, amounts = strings + s, amounts + m
    if kind == "priority":
        for o in item.get("objectives", []):
            s, m = item_secrets("objective", o)
            strings, amounts = strings + s, amounts + m
    if kind == "indicator":
        amounts += [item[k]["value"] for k in ("baseline", "target") if k in item]
    return strings, amounts


def confidential_items(plan):
    """(kind, item) of every item marked confidential, at any depth."""
    out = []
    for kind, key in (("stakeholder", "stakeholders"), ("consultation", "consultations"),
                      ("indicator", "indicators"), ("risk", "risks"), ("need", "capacity_needs")):
        out += [(kind, i) for i in plan.get(key, []) if i.get("confidential")]
    out += [("driver", d) for d in plan.get("context", {}).get("drivers", []) if d.get("confidential")]
    for p in plan.get("priorities", []):
        if p.get("confidential"):
            out.append(("priority", p))
            continue
        for o in p.get("objectives", []):
            if o.get("confidential"):
                out.append(("objective", o))
                continue
            for a in o.get("actions", []):
                if a.get("confidential"):
                    out.append(("action", a))
                    continue
                out += [("need", n) for n in a.get("capacity_needs", []) if n.get("confidential")]
    return out


def amount_forms(v, group_seps):
    n = int(v)
    forms = {str(n), f"{n}.0"}
    for sep in group_seps:
        forms.add(f"{n:,}".replace(",", sep))
    return forms


def outputs(folder):
    """Every output as text: the reports, and each XML part of the workbook."""
    d = Path(folder)
    for f in ("report.md", "report.html"):
        if (d / f).exists():
            yield f, (d / f).read_text(encoding="utf-8")
    if (d / "capacity-needs.xlsx").exists():
        with zipfile.ZipFile(d / "capacity-needs.xlsx") as z:
            for part in z.namelist():
                yield f"capacity-needs.xlsx:{part}", z.read(part).decode("utf-8", "replace")


def visible_actions(plan):
    for p in plan.get("priorities", []):
        if p.get("confidential"):
            continue
        for o in p.get("objectives", []):
            if o.get("confidential"):
                continue
            for a in o.get("actions", []):
                if not a.get("confidential"):
                    yield p, o, a


def redact(src, lang, plan_path, red, plain):
    plan = yaml.safe_load(Path(plan_path).read_text(encoding="utf-8"))
    seps = {labels(src, l)["number.group"] for l in ("ar", "en", "es", "fr", "ru", "zh")}
    items = confidential_items(plan)
    kinds = {k for k, _ in items}
    if kinds != set(OWN):
        fail(f"the plan has confidential items of kinds {sorted(kinds)}, not of every kind {sorted(OWN)}")
    deviations = [d for d in plan.get("accepted_deviations", [])
                  if set(d.get("scope", [])) & {s for k, i in items for s in item_secrets(k, i)[0]}]
    if not deviations:
        fail("the plan has no accepted deviation about a confidential item")
    secrets = set()
    for kind, item in items:
        strings, amounts = item_secrets(kind, item)
        plain_text = "".join(t for _, t in outputs(plain))
        if not any(s in plain_text for s in strings):
            fail(f"the build without --redact shows nothing of {kind} {item.get('id', item.get('title'))}: the search proves nothing")
        secrets |= set(strings)
        for a in amounts:
            secrets |= amount_forms(a, seps)
    for d in deviations:
        secrets |= set(texts(d.get("reason")))
    for s in secrets:
        if not re.fullmatch(r"[A-Za-z0-9 .,\u00a0\u202f\u066c'-]+", s):
            fail(f"secret {s!r} has characters an output escapes: the search could miss it")
    for name, text in outputs(red):
        for s in sorted(secrets):
            if s in text:
                fail(f"--redact: {name} holds {s!r}")
    if lang == "en":
        totals(src, plan, red)


def totals(src, plan, red):
    md = (Path(red) / "report.md").read_text(encoding="utf-8")
    glance = {r[0]: r[1] for r in md_table_after(md, "## The plan at a glance") or []}
    cur = plan["plan"].get("currency")
    acts = list(visible_actions(plan))
    cost = sum(a["cost"] for _, _, a in acts if "cost" in a and a.get("currency", cur) == cur)
    counted = [a for _, _, a in acts if "cost" in a and a.get("currency", cur) == cur]
    com = sum(f["amount"] for a in counted for f in a.get("funding", []) if f["status"] == "committed")
    ple = sum(f["amount"] for a in counted for f in a.get("funding", []) if f["status"] == "pledged")
    want = {
        "Priorities": sum(1 for p in plan["priorities"] if not p.get("confidential")),
        "Objectives": sum(1 for p in plan["priorities"] if not p.get("confidential")
                          for o in p["objectives"] if not o.get("confidential")),
        "Actions": len(acts),
        "Capacity-building needs": sum(1 for _, _, a in acts for n in a.get("capacity_needs", [])
                                       if not n.get("confidential"))
        + sum(1 for n in plan.get("capacity_needs", []) if not n.get("confidential")),
        "Stakeholders": sum(1 for s in plan["stakeholders"] if not s.get("confidential")),
        "Indicators": sum(1 for i in plan["indicators"] if not i.get("confidential")),
        "Total cost": cost, "Committed": com, "Pledged": ple, "Funding gap": cost - com - ple,
    }
    for key, v in want.items():
        if number(glance.get(key, "")) != v:
            fail(f"--redact: the glance table says {key} {glance.get(key)}, the plan's shown items make {v}")
    findings = {r[0]: r[3] for r in md_table_after(md, "## Open findings") or []}
    m = re.fullmatch(r"total cost (\S+) USD: committed (\S+) USD, pledged (\S+) USD, funding gap (\S+) USD",
                     findings.get("PVE116", ""))
    if not m:
        fail(f"--redact: no PVE116 finding to compare with: {findings.get('PVE116')}")
    elif [number(x) for x in m.groups()] != [cost, com, ple, cost - com - ple]:
        fail(f"--redact: PVE116 says {m.groups()}, the glance table {cost, com, ple}")
    m = re.fullmatch(r"actions without a cost estimate: (\d+) of (\d+) \((.*)\)", findings.get("PVE115", ""))
    uncosted = [a["id"] for _, _, a in acts if "cost" not in a]
    if uncosted and (not m or int(m.group(1)) != len(uncosted) or int(m.group(2)) != len(acts)):
        fail(f"--redact: PVE115 says {findings.get('PVE115')}, the shown actions make {len(uncosted)} of {len(acts)}")
    if not re.search(r"^_Findings about confidential items, not shown: [1-9][0-9]*\._$", md, re.M):
        fail("--redact: the report does not say that findings about confidential items are left out")
    workbook_totals(src, red, cost, com, ple, findings.get("PVE116"))
    part = []
    for group in ("### Whole of government", "### Whole of society", "### International and regional partners"):
        part += md_table_after(md, group) or []
    if sum(number(r[1]) for r in part) != want["Stakeholders"]:
        fail("--redact: the participation tables count other stakeholders than the glance table")


def workbook_totals(src, red, cost, com, ple, pve116):
    """The workbook's Budget total and its PVE116 finding: the report's."""
    path = Path(red) / "capacity-needs.xlsx"
    if not path.exists():
        return
    import openpyxl
    L = labels(src, "en")
    book = openpyxl.load_workbook(path, data_only=True)  # the values cached with each formula
    budget = book[L["sheet.budget"]]
    rows = [[c.value for c in r] for r in budget.iter_rows()]
    total = next((r for r in rows if L["col.total"] in r), None)
    if not total or [int(v) for v in total[2:5]] != [cost, com, ple]:
        fail(f"--redact: the workbook's Budget total is {total}, the report's {cost, com, ple}")
    messages = [r[3] for r in book[L["sheet.findings"]].iter_rows(values_only=True) if r[0] == "PVE116"]
    if messages != [pve116]:
        fail(f"--redact: the workbook's PVE116 says {messages}, the report's {pve116!r}")
    hidden = [r for r in book[L["sheet.findings"]].iter_rows(values_only=True)
              if r[3] and str(r[3]).startswith("Findings about confidential items, not shown")]
    if len(hidden) != 1:
        fail("--redact: the workbook does not say that findings about confidential items are left out")


def plain(cell):
    """A Markdown cell as text: the escapes of pv_report_md_* taken away."""
    return re.sub(r"\\(.)", r"\1", cell).strip()


def text_of(value, lang, fallback):
    if isinstance(value, dict):
        return value.get(lang) or value.get(fallback) or next(iter(value.values()))
    return value


def plan_actions(plan):
    for pr in plan.get("priorities") or []:
        for o in pr.get("objectives") or []:
            for a in o.get("actions") or []:
                yield pr, o, a


def involved(plan):
    """The ids the rules count as involved (rules.md, catalogue 2)."""
    ids = set()
    body = (plan.get("coordination") or {}).get("body")
    if body:
        ids.add(body)
    for _, _, a in plan_actions(plan):
        ids.add(a.get("lead"))
        ids.update(a.get("partners") or [])
    for c in plan.get("consultations") or []:
        ids.update(c.get("participants") or [])
    return ids


def additions(src, lang, plan_path, folder):
    L = labels(src, lang)
    plan = yaml.safe_load(Path(plan_path).read_text(encoding="utf-8"))
    fallback = plan["plan"]["language"]
    d = Path(folder)
    md = (d / "report.md").read_text(encoding="utf-8")
    page = html.unescape((d / "report.html").read_text(encoding="utf-8"))
    name = f"{d.name} ({lang})"
    # Drivers, and what addresses each.
    rows = md_table_after(md, "### " + L["sub.drivers"]) or []
    drivers = (plan.get("context") or {}).get("drivers") or []
    if [r[0] for r in rows] != [plain(x["id"]) for x in drivers]:
        fail(f"{name}: the drivers table lists {[r[0] for r in rows]}")
    for row, drv in zip(rows, drivers):
        want = []
        for pr in plan["priorities"]:
            if drv["id"] in (pr.get("addresses") or []):
                want.append(pr["id"])
            want += [o["id"] for o in pr.get("objectives") or [] if drv["id"] in (o.get("addresses") or [])]
        got = plain(row[-1])
        if got != (", ".join(want) if want else L["value.none"]):
            fail(f"{name}: driver {drv['id']} is addressed by {want}, the report says {got!r}")
        if got not in page:
            fail(f"{name}: report.html lacks the drivers' cell {got!r}")
    # Related strategies: a table, or that there are none, or not stated.
    head = "### " + L["sub.related_strategies"]
    context = plan.get("context") or {}
    related = context.get("related_strategies")
    if head not in md.split("\n") or L["sub.related_strategies"] not in page:
        fail(f"{name}: no related strategies heading")
    after = md.split(head + "\n\n", 1)[-1]
    if not related:
        want = L["value.no_related"] if related == [] and "related_strategies" in context else L["value.not_stated"]
        if not after.startswith(f"_{want}_"):
            fail(f"{name}: related strategies should say {want!r}")
    else:
        rows = md_table_after(md, head) or []
        want = [[text_of(r["title"], lang, fallback), L["strategy." + r["kind"]],
                 text_of(r.get("relation", ""), lang, fallback)] for r in related]
        if [[plain(c) for c in row] for row in rows] != want:
            fail(f"{name}: related strategies are {rows}, not {want}")
    # Member states of a regional plan, with their involved stakeholders.
    head = "### " + L["sub.member_states"]
    if plan["plan"]["scope"] != "regional":
        if head in md.split("\n"):
            fail(f"{name}: a national plan has a member states table")
    else:
        rows = md_table_after(md, head) or []
        inv = involved(plan)
        states = plan["plan"]["member_states"]
        if len(rows) != len(states):
            fail(f"{name}: {len(rows)} member state rows for {len(states)} states")
        for row, state in zip(rows, states):
            names = [text_of(s["name"], lang, fallback) for s in plan["stakeholders"]
                     if s.get("country") == state and s["id"] in inv]
            if f"({state})" not in row[0] and row[0] != state:
                fail(f"{name}: member state row {row[0]!r} is not {state}")
            if plain(row[1]) != (", ".join(names) if names else L["value.none"]):
                fail(f"{name}: {state}'s involved stakeholders are {names}, the report says {row[1]!r}")
    # The sector oversight, under its own label, counted.
    oversight = sum(1 for s in plan["stakeholders"] if s.get("sector") == "oversight")
    rows = md_table_after(md, "### " + L["sector_group.independent"]) or []
    if [r[:2] for r in rows] != [[L["sector.oversight"], str(oversight)]]:
        fail(f"{name}: the oversight row is {rows}, not {L['sector.oversight']} {oversight}")
    # The kind of each action, when the plan states kinds.
    kinds = {a["id"]: a.get("kind") for _, _, a in plan_actions(plan)}
    lines = [line for line in md.split("\n") if line.startswith("| " + L["col.id"] + " | " + L["col.action"] + " |")]
    has_col = any(line.split(" | ")[2] == L["col.kind"] for line in lines)
    if has_col != any(kinds.values()):
        fail(f"{name}: the actions tables {'have' if has_col else 'lack'} a kind column")
    if has_col:
        for line in md.split("\n"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if cells and plain(cells[0]) in kinds and len(cells) == 8:
                k = kinds[plain(cells[0])]
                if cells[2] != (L["action_kind." + k] if k else ""):
                    fail(f"{name}: action {cells[0]}'s kind is {k}, the report says {cells[2]!r}")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "structure":
        structure(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "isolation":
        isolation(sys.argv[2])
    elif len(sys.argv) == 6 and sys.argv[1] == "additions":
        additions(*sys.argv[2:])
    elif len(sys.argv) == 7 and sys.argv[1] == "redact":
        redact(*sys.argv[2:])
    else:
        sys.exit(__doc__)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
