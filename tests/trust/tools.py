#!/usr/bin/env python3
"""Oracles of the trust tests (tests/trust/*.sh), standard library only
except `totals` (openpyxl, which .ci/setup installs).

  plan BASE EDIT...            print BASE with edits (see lib.inc: plan)
  ctl [--allow-tab] FILE...    fail on a raw control character: C0 but
                               newline (and tab with --allow-tab), DEL, C1
                               (U+0080-U+009F, or such a byte on its own)
  xml FILE...                  fail unless each file is well-formed XML
  xlsx-xml BOOK...             fail unless every XML part of each workbook is
  unzip BOOK DIR               extract every part of a workbook into DIR
  md-headings FILE             the ATX headings of a Markdown file, outside
                               fenced code blocks, one a line
  html-headings FILE           the text of each h1-h6 element, one a line
  html-imgs FILE               the src of each img element, one a line
  html-hrefs FILE              the href of each a element, one a line
  html-code FILE               the inner HTML of each code element
  md-live-html FILE TAG...     fail when a TAG element (raw HTML) is live in
                               Markdown: outside code spans, code blocks and
                               backslash escapes
  md-images FILE               fail when Markdown has a live image ![..](..)
  md-linkdefs FILE             fail when Markdown has a live link reference
                               definition ([x]: url) outside code
  find FILE... -- STRING...    fail when any STRING occurs in any FILE (a
                               .xlsx is searched part by part, uncompressed)
  has FILE... -- STRING...     fail unless each STRING occurs in some FILE
  totals DIR                   'md glance total', 'md PVE116 total',
                               'workbook Budget total' of a build folder
  caret OUT WORD               the display column of WORD in the first
                               snippet line holding it, and of the first caret
                               under it (East Asian wide characters count 2)
"""
import html.parser
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile


def unescape(s):
    # Python string escapes in an ASCII edit (\n, \x1b, \u2028, \U0001f600).
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape")


def cmd_plan(args):
    text = open(args[0], encoding="utf-8").read()
    for e in args[1:]:
        if e.startswith("+"):
            text += unescape(e[1:])
            continue
        if "=>" not in e:
            sys.exit("plan: bad edit " + repr(e))
        old, new = e.split("=>", 1)
        old, new = unescape(old), unescape(new)
        if old not in text:
            sys.exit("plan: text not found: " + repr(old))
        text = text.replace(old, new, 1)
    sys.stdout.buffer.write(text.encode("utf-8", "surrogatepass"))


def bad_controls(data, allow_tab):
    s = data.decode("utf-8", "surrogateescape")
    found = []
    for i, ch in enumerate(s):
        c = ord(ch)
        if ch == "\n" or (allow_tab and ch == "\t"):
            continue
        if c < 0x20 or c == 0x7F or 0x80 <= c <= 0x9F or 0xDC80 <= c <= 0xDC9F:
            found.append((i, c))
    return found


def cmd_ctl(args):
    allow_tab = False
    if args and args[0] == "--allow-tab":
        allow_tab = True
        args = args[1:]
    bad = 0
    for path in args:
        data = open(path, "rb").read()
        found = bad_controls(data, allow_tab)
        if found:
            bad = 1
            i, c = found[0]
            c = c - 0xDC00 if c >= 0xDC00 else c
            print("%s: %d raw control character(s), the first U+%04X at character %d"
                  % (path, len(found), c, i))
    sys.exit(bad)


def cmd_xml(args):
    bad = 0
    for path in args:
        try:
            ET.parse(path)
        except ET.ParseError as e:
            print("%s: not well-formed: %s" % (path, e))
            bad = 1
    sys.exit(bad)


def cmd_xlsx_xml(args):
    bad = 0
    for book in args:
        z = zipfile.ZipFile(book)
        parts = [n for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]
        if not parts:
            print("%s: no XML part" % book)
            bad = 1
        for n in parts:
            try:
                ET.fromstring(z.read(n))
            except ET.ParseError as e:
                print("%s: %s: not well-formed: %s" % (book, n, e))
                bad = 1
    sys.exit(bad)


def cmd_unzip(args):
    zipfile.ZipFile(args[0]).extractall(args[1])


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")


def md_blocks(text):
    """(line, in_code) for each line: CommonMark fenced and indented code."""
    fence = None
    out = []
    prev_blank = True
    for line in text.split("\n"):
        m = FENCE.match(line)
        if fence is None:
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = m.group(1)
                out.append((line, True))
                continue
            indented = prev_blank and (line.startswith("    ") or line.startswith("\t"))
            out.append((line, indented and line.strip() != ""))
        else:
            out.append((line, True))
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and m.group(2).strip() == "":
                fence = None
        prev_blank = line.strip() == ""
    return out


def cmd_md_headings(args):
    text = open(args[0], encoding="utf-8", errors="replace").read()
    for line, code in md_blocks(text):
        if code:
            continue
        m = ATX.match(line)
        if m:
            print(m.group(1) + " " + (m.group(2) or "").strip())


class Collect(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings, self.imgs, self.hrefs, self.code = [], [], [], []
        self.cur = None
        self.code_depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.cur = [tag, ""]
        if tag == "img":
            self.imgs.append(a.get("src") or "")
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"] or "")

    def handle_endtag(self, tag):
        if self.cur and tag == self.cur[0]:
            self.headings.append(self.cur[0] + " " + " ".join(self.cur[1].split()))
            self.cur = None

    def handle_data(self, data):
        if self.cur:
            self.cur[1] += data


def parse_html(path):
    c = Collect()
    c.feed(open(path, encoding="utf-8", errors="replace").read())
    return c


def cmd_html_headings(args):
    for h in parse_html(args[0]).headings:
        print(h)


def cmd_html_imgs(args):
    for s in parse_html(args[0]).imgs:
        print(s)


def cmd_html_hrefs(args):
    for s in parse_html(args[0]).hrefs:
        print(s)


def cmd_html_code(args):
    text = open(args[0], encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"<code[^>]*>(.*?)</code>", text, re.S):
        print(m.group(1).replace("\n", " "))


def live_markdown(text):
    """The Markdown text outside code blocks, code spans and backslash
    escapes, where raw HTML and link syntax take effect."""
    out = []
    for line, code in md_blocks(text):
        if code:
            continue
        line = re.sub(r"\\[\\`*_{}\[\]()#+\-.!<>|&]", "", line)
        # code spans: a run of n backticks up to the next run of exactly n
        res, i = "", 0
        while i < len(line):
            if line[i] == "`":
                j = i
                while j < len(line) and line[j] == "`":
                    j += 1
                run = line[i:j]
                k = line.find(run, j)
                while k != -1 and (k + len(run) < len(line) and line[k + len(run)] == "`"):
                    k = line.find(run, k + len(run) + 1)
                if k == -1:
                    res += run
                    i = j
                else:
                    i = k + len(run)
                continue
            res += line[i]
            i += 1
        out.append(res)
    return out


def cmd_md_live_html(args):
    text = open(args[0], encoding="utf-8", errors="replace").read()
    tags = args[1:]
    bad = 0
    for line in live_markdown(text):
        for t in tags:
            if re.search(r"<\s*/?\s*" + re.escape(t) + r"\b", line, re.I):
                print("live <%s> in: %s" % (t, line[:200]))
                bad = 1
    sys.exit(bad)


def cmd_md_images(args):
    text = open(args[0], encoding="utf-8", errors="replace").read()
    bad = 0
    for line in live_markdown(text):
        if re.search(r"!\[[^\]]*\]\s*[(\[]", line):
            print("live image in: " + line[:200])
            bad = 1
    sys.exit(bad)


def cmd_md_linkdefs(args):
    text = open(args[0], encoding="utf-8", errors="replace").read()
    bad = 0
    for line in live_markdown(text):
        if re.match(r"^ {0,3}\[[^\]]+\]:\s*\S", line):
            print("live link reference definition: " + line[:200])
            bad = 1
    sys.exit(bad)


def parts_of(files):
    for path in files:
        if path.endswith(".xlsx"):
            z = zipfile.ZipFile(path)
            for n in z.namelist():
                yield path + ":" + n, z.read(n)
        else:
            yield path, open(path, "rb").read()


def cmd_find(args):
    i = args.index("--")
    files, strings = args[:i], args[i + 1:]
    found = 0
    for name, data in parts_of(files):
        for s in strings:
            if s.encode("utf-8") in data:
                print("%s holds %r" % (name, s))
                found = 1
    sys.exit(found)


def cmd_has(args):
    i = args.index("--")
    files, strings = args[:i], args[i + 1:]
    parts = list(parts_of(files))
    missing = [s for s in strings if not any(s.encode("utf-8") in d for _, d in parts)]
    for s in missing:
        print("%r is in none of %s" % (s, " ".join(files)))
    sys.exit(1 if missing else 0)


def number(s):
    return float(re.sub(r"[^0-9.]", "", s.replace(",", "")))


def cmd_totals(args):
    d = args[0]
    md = open(os.path.join(d, "report.md"), encoding="utf-8").read()
    m = re.search(r"^\| Total cost \| ([0-9][0-9,.]*)", md, re.M)
    print("md glance total:", number(m.group(1)) if m else "missing")
    m = re.search(r"^\| PVE116 \|.*?total cost ([0-9][0-9,.]*)", md, re.M)
    print("md PVE116 total:", number(m.group(1)) if m else "missing")
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(d, "capacity-needs.xlsx"), data_only=True)
    total = "missing"
    if "Budget" in wb.sheetnames:
        for row in wb["Budget"].iter_rows(values_only=True):
            if len(row) > 2 and row[1] == "Total":
                total = float(row[2])
    print("workbook Budget total:", total)


def width(s):
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def cmd_caret(args):
    lines = open(args[0], encoding="utf-8").read().split("\n")
    word = args[1]
    for i, line in enumerate(lines):
        m = re.match(r"^( *\d+ \| )(.*)$", line)
        if m and word in m.group(2) and i + 1 < len(lines):
            text = m.group(2)
            col = width(text[:text.index(word)])
            caret = lines[i + 1]
            g = re.match(r"^( *\| )(.*)$", caret)
            if not g or "^" not in g.group(2):
                print("no caret line under: " + line)
                sys.exit(1)
            at = width(g.group(2)[:g.group(2).index("^")])
            print("%d %d" % (col, at))
            return
    print("no snippet line holds " + word)
    sys.exit(1)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    fn = globals().get("cmd_" + cmd.replace("-", "_"))
    if not fn:
        sys.exit("tools.py: unknown command " + cmd)
    fn(args)


if __name__ == "__main__":
    main()
