#!/usr/bin/env python3
"""Every character a report shows has a glyph in an installed font.

    glyphs.py REPORT.html...

Reads the text a browser paints (not markup, styles or attributes), and the
characters each installed font covers (fontconfig's `fc-list`, whose fonts
Chromium falls back on); prints the characters no font has, which a browser
paints as boxes, and exits 1 when there is one. FONTCONFIG_FILE chooses the
fonts, as it does for Chromium.
"""
import html.parser
import subprocess
import sys
import unicodedata


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.chars = set()

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.chars.update(data)


def covered():
    """The code points some installed font has a glyph for."""
    out = subprocess.run(["fc-list", "--format", "%{charset}\n"], check=True,
                         capture_output=True, text=True).stdout
    have = set()
    for line in out.split("\n"):
        for part in line.split():
            lo, _, hi = part.partition("-")
            have.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return have


def main():
    have = covered()
    bad = 0
    for path in sys.argv[1:]:
        p = Text()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        # Spaces and format characters (isolates, marks) are not painted.
        shown = {c for c in p.chars if not c.isspace() and unicodedata.category(c)[0] not in "CZ"}
        missing = sorted(c for c in shown if ord(c) not in have)
        print(f"{path}: {len(shown)} characters, {len(missing)} without a glyph")
        for c in missing[:20]:
            print(f"  U+{ord(c):04X} {c} {unicodedata.name(c, '?')}")
        bad += len(missing)
    return 1 if bad or not have else 0


if __name__ == "__main__":
    sys.exit(main())
