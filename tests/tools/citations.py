#!/usr/bin/env python3
"""Every paragraph, section and quotation a catalogue text gives of a source is
in the citation register (src/catalogue/citations.yaml), which copies what
/work/shared/spec/citations.md says was seen.

usage: citations.py SRC_DIR     checks the catalogue and docs/ of SRC_DIR
       citations.py --self-test checks that the checks catch what they must

Read: the `rationale` and `citation` of every rule in every rules.LANG.yaml
(whatever rules there are), the labels of report.LANG.yaml, the texts of
schema.LANG.yaml, and docs/*.md. Refused:
- a paragraph ("para.", "paragraph", "paragraphe", "§") whose number no
  register locator gives; any operative paragraph ("op. 40", "operative
  paragraph", "du dispositif"), none having been seen;
- a section ("section IV.B", a bare "IV.B", "section 4.2.6") no register
  locator gives; a GCTF good practice or an IDDRS module not in the register;
- in rationales and citations, a quotation ("...", « ... », “...”) that is
  not part of the words the register records as seen (or of a document's
  title); elsewhere, the same for a quotation on a line that names a source;
- the register's unverified items: a citation naming one of its quoted
  phrases (in docs/, one given in parentheses, as "RG (action matrix)"), a Reference Guide citation other than its section 1, a sentence
  giving A/RES/70/291 on capacity needs or victims, a sentence having the
  IDDRS "integrate" DDR with prevention, a percentage attributed to the Plan
  of Action;
- a threshold (0.5, 0.3) in a rationale without saying it is a default.
In docs/, a paragraph, list item or table row that says a citation was
withdrawn or not seen may name it. When ../shared/spec is there, the
register is also compared with citations.md and with rules.md's citations.
"""
import glob
import os
import re
import sys

import yaml

SOURCES = re.compile(
    r"A/70/674|A/RES/|Plan of Action|Plan d'action|Strategy|Stratégie|IDDRS|DDR Standards|"
    r"Normes intégrées|Normas Integradas|GCTF|Hedayah|UNDP|PNUD|ICAN|UNOCT|BLT|Reference Guide|"
    r"Guide de référence|Guía de referencia|resolution 2250|résolution 2250|resolución 2250|SCR 2250", re.I)
QUOTE = re.compile(r'"([^"]+)"|«\s*([^»]+?)\s*»|“([^”]+)”')
PARA = re.compile(r"(?<![\w.])(?:paragraphe?s?|paras?\.?|párrafos?|párrs?\.?|§|الفقرة|الفقرتان|الفقرتين|пункт(?:ы|а|ах)?|第(?=\s*\d+\s*(?:[\(（][a-z][\)）])?\s*段))\s*(\d+)", re.I)
OPERATIVE = re.compile(r"\boperative\s+paragraph|\bop\.\s*\d+|\bdu\s+dispositif\b", re.I)
SECTION = re.compile(r"(?:\bsections?|\bsecci(?:ón|ones)|الفرع|الفرعان|الفرعين|\bраздел(?:ы|а|ах)?)\s+([IVX]+(?:\.[A-Z])?|\d+(?:\.\d+)*)(?:\s+(?:and|et|y|و|и)\s*(\d+(?:\.\d+)*))?")
ROMAN = re.compile(r"(?<![\w.])([IVX]+\.[A-Z])(?![\w])")
PRACTICE = re.compile(r"\b(?:good\s+practices?|bonnes?\s+pratiques?|buenas?\s+prácticas?)\s+(\d+)", re.I)
MODULE = re.compile(r"\bIDDRS\s+(\d+\.\d+)")
THRESHOLD = re.compile(r"\b0[.,][35]\b")


def norm(s):
    s = s.replace("“", '"').replace("”", '"').replace("’", "'")
    return " ".join(s.split()).strip(" '\".,;:")


class Register:
    def __init__(self, path):
        reg = yaml.safe_load(open(path, encoding="utf-8"))
        self.quotes = []
        self.paras, self.sections, self.practices, self.modules = set(), set(), set(), set()
        for key, c in reg["citations"].items():
            for field in ("seen", "document", "locator"):
                for q in QUOTE.finditer(c[field]):
                    self.quotes.append(norm(next(g for g in q.groups() if g)))
            loc = c["document"] + ", " + c["locator"]
            self.paras |= {m.group(1) for m in PARA.finditer(loc)}
            for m in SECTION.finditer(loc):
                self.sections |= {g for g in m.groups() if g}
            self.sections |= {m.group(1) for m in ROMAN.finditer(loc)}
            self.practices |= {m.group(1) for m in re.finditer(r"good practice (\d+)", loc)}
            self.modules |= {m.group(1) for m in re.finditer(r"(?:IDDRS|Standards) (\d+\.\d+)", loc)}
        self.withdrawn = []
        for u in reg["unverified"]:
            self.withdrawn += [norm(q.group(1)) for q in re.finditer(r'"([^"]+)"', u["what"])]

    def quoted(self, q):
        q = norm(q)
        return any(q in seen for seen in self.quotes)


def sentences(text):
    return re.split(r"(?<=[.;؛])\s+(?=[A-Z«(\"ÉÀ\u0621-\u064A])", " ".join(text.split()))


def check_locators(reg, where, text, fails):
    for m in OPERATIVE.finditer(text):
        fails.append(f"{where}: an operative paragraph ('{m.group(0)}'): none was seen")
    for m in PARA.finditer(text):
        if m.group(1) not in reg.paras:
            fails.append(f"{where}: paragraph {m.group(1)} is not in the register")
    for m in SECTION.finditer(text):
        for s in (g for g in m.groups() if g):
            if s not in reg.sections:
                fails.append(f"{where}: section {s} is not in the register")
    for m in ROMAN.finditer(text):
        if m.group(1) not in reg.sections:
            fails.append(f"{where}: section {m.group(1)} is not in the register")
    for m in PRACTICE.finditer(text):
        if m.group(1) not in reg.practices:
            fails.append(f"{where}: good practice {m.group(1)} is not in the register")
    for m in MODULE.finditer(text):
        if m.group(1) not in reg.modules:
            fails.append(f"{where}: IDDRS {m.group(1)} is not in the register")


def check_quotes(reg, where, text, fails, attributed_only):
    for line in text.split("\n") if attributed_only else [text]:
        if attributed_only and not SOURCES.search(line):
            continue
        for m in QUOTE.finditer(line):
            q = next(g for g in m.groups() if g)
            if attributed_only and (len(q.split()) < 3 or "{" in q or "`" in q):
                continue  # a word or a code, not a source's words
            if not reg.quoted(q):
                fails.append(f"{where}: the quotation \"{norm(q)[:70]}\" is not in the register")


IDDRS_NAMES = re.compile(r"Integrated DDR Standards|Integrated Disarmament, Demobilization and "
                         r"Reintegration Standards|Normes intégrées( de (DDR|désarmement))?|"
                         r"Normas Integradas( de (DDR|Desarme))?", re.I)


def check_sentences(where, text, fails, rationale):
    for s in sentences(text):
        if re.search(r"70/291", s) and re.search(r"capacit|victim", s, re.I):
            fails.append(f"{where}: A/RES/70/291 given on capacity needs or victims, never seen: '{s[:80]}'")
        if re.search(r"IDDRS|DDR Standards|Normes intégrées|Normas Integradas", s):
            rest = IDDRS_NAMES.sub("", s)
            if re.search(r"\bintegrat|\bintégr|\bintegra|together with the prevention", rest, re.I):
                fails.append(f"{where}: the IDDRS do not integrate DDR with PVE: '{s[:80]}'")
        if re.search(r"A/70/674|Plan of Action|Plan d'action|Plan de Acción", s) and re.search(r"\d\s*(%|per ?cent|pour ?cent)", s):
            fails.append(f"{where}: a percentage attributed to the Plan of Action: '{s[:80]}'")
        if rationale and THRESHOLD.search(s) and not re.search(r"default|défaut|predeterminad|por defecto|افتراضي|по умолчанию|默认", s, re.I):
            fails.append(f"{where}: a threshold not given as pveplan's default: '{s[:80]}'")


def check_citation(reg, where, text, fails):
    for w in reg.withdrawn:
        if w.lower() in text.lower():
            fails.append(f"{where}: cites '{w}', which the register lists as not seen")
    if (re.search(r"Reference Guide|Guide de référence|Guía de referencia", text)
            and not re.search(r"(?:section|sección|الفرع|раздел) 1\b", text)):
        fails.append(f"{where}: the Reference Guide is cited only for its section 1 (the USG's message)")


def check_catalogue(src, reg, fails):
    cat = os.path.join(src, "src", "catalogue")
    nrules = 0
    for path in sorted(glob.glob(os.path.join(cat, "rules.*.yaml"))):
        name = os.path.basename(path)
        for code, e in yaml.safe_load(open(path, encoding="utf-8"))["rules"].items():
            nrules += 1
            for field in ("rationale", "citation"):
                where = f"{name} {code}.{field}"
                check_locators(reg, where, e[field], fails)
                check_quotes(reg, where, e[field], fails, attributed_only=False)
                check_sentences(where, e[field], fails, field == "rationale")
            check_citation(reg, f"{name} {code}.citation", e["citation"], fails)
    for kind in ("report", "schema"):
        for path in sorted(glob.glob(os.path.join(cat, f"{kind}.*.yaml"))):
            name = os.path.basename(path)
            for key, value in flatten(yaml.safe_load(open(path, encoding="utf-8"))):
                check_locators(reg, f"{name} {key}", value, fails)
                check_quotes(reg, f"{name} {key}", value, fails, attributed_only=True)
                check_sentences(f"{name} {key}", value, fails, False)
    return nrules


def flatten(node, prefix=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from flatten(v, f"{prefix}{k}.")
    elif isinstance(node, str):
        yield prefix.rstrip("."), node


def blocks(path):
    """The paragraphs, list items and table rows of a Markdown file, with
    the line each starts at."""
    block, start = [], 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip() or re.match(r"\s*([-*] |\d+\. |\||#|```)", line):
            if block:
                yield start, "".join(block)
            block, start = [], n
        if line.strip():
            block.append(line)
            start = start or n
    if block:
        yield start, "".join(block)


def check_docs(src, reg, fails):
    for path in sorted(glob.glob(os.path.join(src, "docs", "*.md"))):
        name = "docs/" + os.path.basename(path)
        for n, text in blocks(path):
            if re.search(r"withdrawn|not seen|never seen|unverified", text, re.I):
                continue
            check_locators(reg, f"{name}:{n}", text, fails)
            check_quotes(reg, f"{name}:{n}", text, fails, attributed_only=True)
            check_sentences(f"{name}:{n}", text, fails, False)
            for w in reg.withdrawn:
                if re.search(r"\(\s*" + re.escape(w) + r"\s*\)", text, re.I):
                    fails.append(f"{name}:{n}: cites '({w})', which the register lists as not seen")


def spec_rows(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("| `"):
            yield [c.strip() for c in line.strip().strip("|").split(" | ")]


def check_spec(src, fails):
    """The register is a copy of ../shared/spec/citations.md and of the
    citations column of ../shared/spec/rules.md, when they are there."""
    spec = os.path.join(src, "..", "shared", "spec")
    if not os.path.isfile(os.path.join(spec, "citations.md")):
        print("note: ../shared/spec not found: the register is not compared with citations.md")
        return
    reg = yaml.safe_load(open(os.path.join(src, "src", "catalogue", "citations.yaml"), encoding="utf-8"))
    cites, keys = reg["citations"], set()
    for key, doc, status, seen, _ in spec_rows(os.path.join(spec, "citations.md")):
        key = key.strip("`")
        if key == "POA-AREA-<key>":
            family = ["POA-AREA-" + a for a in re.findall(r"`([a-z]+)`", doc)]
        elif key.startswith("GCTF-GP1"):
            family = [f"GCTF-GP{i}" for i in range(1, 6)]
            parts = re.split(r"; (?=\d )", seen)
            for i, part in enumerate(parts, 1):
                if cites.get(f"GCTF-GP{i}", {}).get("seen") != part[2:]:
                    fails.append(f"register: GCTF-GP{i}: 'seen' is not citations.md's '{part[2:]}'")
        else:
            family = [key]
            c = cites.get(key)
            if c and (c["seen"] != seen or
                      ", ".join(x for x in (c["document"], c["locator"]) if x) != doc):
                fails.append(f"register: {key}: 'document', 'locator' or 'seen' differ from citations.md")
        for k in family:
            keys.add(k)
            if k not in cites:
                fails.append(f"register: {k} of citations.md is missing")
            elif cites[k]["status"] != status:
                fails.append(f"register: {k}: status {cites[k]['status']}, citations.md says {status}")
    for k in set(cites) - keys:
        fails.append(f"register: {k} is not in citations.md")
    text = open(os.path.join(spec, "citations.md"), encoding="utf-8").read()
    unverified = text.split("## Unverified")[1].split("\n\n")[1]
    rows = [[c.strip() for c in l.strip().strip("|").split(" | ")] for l in unverified.splitlines()[2:]]
    if [[u["what"], u["why"]] for u in reg["unverified"]] != rows:
        fails.append("register: 'unverified' is not citations.md's list")
    rules = {}
    for line in open(os.path.join(spec, "rules.md"), encoding="utf-8"):
        m = re.match(r"\| (PVE\d{3}) \|.*\| ([^|]*) \|$", line)
        if m:
            cell = m.group(2)
            rules[m.group(1)] = [] if cell.startswith("(") else [k.strip().split(" ")[0] for k in cell.split(";")]
    if rules != reg["rules"]:
        diff = sorted(c for c in set(rules) | set(reg["rules"]) if rules.get(c) != reg["rules"].get(c))
        fails.append(f"register: the citations of {', '.join(diff)} differ from rules.md's table")


SELF_TEST = [
    ("citation", "A/70/674, section IV.B (Mobilizing resources)", "section IV.B"),
    ("citation", "A/70/674, section IV.A (Mobilizing resources)", "Mobilizing resources"),
    ("citation", "A/70/674, paragraph 45", "paragraph 45"),
    ("citation", "A/RES/70/291, operative paragraph 40", "operative paragraph"),
    ("citation", "A/RES/70/291, paragraphe 40 du dispositif", "operative paragraph"),
    ("citation", "A/RES/70/291 op. 40", "operative paragraph"),
    ("citation", "A/70/674 IV.B; paras. 49-56", "section IV.B"),
    ("citation", "UNOCT Reference Guide (monitoring and evaluation)", "section 1"),
    ("citation", "GCTF, good practice 7", "good practice 7"),
    ("citation", "IDDRS 4.30, section 9.4", "IDDRS 4.30"),
    ("rationale", 'The Plan of Action asks for "a gender perspective across prevention efforts".',
     "not in the register"),
    ("rationale", "Le Plan d'action demande « une perspective de genre ».", "not in the register"),
    ("rationale", "A/RES/70/291 asks States to identify their capacity-building needs.", "capacity"),
    ("rationale", "The revised IDDRS integrate DDR with the prevention of violent extremism.",
     "integrate"),
    ("rationale", "The Plan of Action asks that 15% of funding go to gender.", "percentage"),
    ("rationale", "The share of women must reach 0.3 in every workshop.", "threshold"),
]
GOOD = [
    ("citation", "A/70/674, paragraph 44 (a); GCTF, Guidelines and Good Practices for "
                 "Developing National CVE Strategies, good practice 4"),
    ("citation", "IDDRS 2.10, section 4 and 8.1; IDDRS 2.11, section 4.2.6"),
    ("citation", "UNOCT Reference Guide, Developing National and Regional Action Plans to "
                 "Prevent Violent Extremism (1st ed.), section 1 (Message of the Under-Secretary-General)"),
    ("rationale", 'UNDP\'s toolkit says that interventions should "do no harm"; the GCTF prioritise '
                  'by "identified drivers … as well as available resources".'),
    ("rationale", "Le Plan d'action demande des plans élaborés selon une démarche pluridisciplinaire "
                  "(« developed in a multidisciplinary manner », paragraphe 44 a))."),
    ("rationale", "The threshold (by default 0.5) is pveplan's default, not a figure from the sources."),
]


def check_text(reg, field, text):
    fails = []
    check_locators(reg, field, text, fails)
    check_quotes(reg, field, text, fails, attributed_only=False)
    check_sentences(field, text, fails, field == "rationale")
    if field == "citation":
        check_citation(reg, field, text, fails)
    return fails


def self_test(reg):
    bad = 0
    for field, text, expect in SELF_TEST:
        fails = check_text(reg, field, text)
        if not any(expect.lower() in f.lower() for f in fails):
            print(f"FAIL: self-test: '{text}' is not refused for '{expect}' ({fails})")
            bad += 1
    for field, text in GOOD:
        for f in check_text(reg, field, text):
            print(f"FAIL: self-test: a good text is refused: {f}")
            bad += 1
    print(f"{'ok' if not bad else 'FAIL'}: self-test, {len(SELF_TEST)} bad and {len(GOOD)} good texts")
    return bad


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.normpath(os.path.join(here, "..", "..")) if sys.argv[1:] == ["--self-test"] else sys.argv[1]
    reg = Register(os.path.join(src, "src", "catalogue", "citations.yaml"))
    if sys.argv[1:] == ["--self-test"]:
        return 1 if self_test(reg) else 0
    fails = []
    nrules = check_catalogue(src, reg, fails)
    check_docs(src, reg, fails)
    check_spec(src, fails)
    for f in fails:
        print("FAIL:", f)
    if not fails:
        print(f"ok: {nrules} rule entries, the report and schema texts and docs/ cite only the register")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
