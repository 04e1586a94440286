#!/usr/bin/env python3
"""Every catalogue text uses the glossary's wording (src/catalogue/glossary.yaml).

For each language with a column for a term, each text whose English has the
term (its `forms`) must have the language's form of it: a term translated
differently in one place fails here, with the file, the key and both texts.
Words that are something to type (in
backticks, or a key in single quotes) are not terms and are left out.

    glossary.py SOURCE_DIR [--lang L]
"""
import glob
import os
import re
import sys

import yaml

KINDS = ("rules", "messages", "syntax", "schema", "report", "help")
MSGID_SECTIONS = ("messages", "words")
CODE = re.compile(r"`[^`]*`|'[a-z_0-9.]+'|\{[a-z_]+\}|%[0-9$]*[a-z]+"
                  r'|"[^"]*"|«[^»]*»|“[^”]*”|„[^“]*“|「[^」]*」|“[^“]*“')
SKIP_FIELDS = ("example", "fix", "citation")


def flatten(node, path, out, msgid):
    """path -> text; in a msgid section the English is the key itself."""
    if isinstance(node, dict):
        for k, v in node.items():
            sub = msgid or (len(path) == 0 and k in MSGID_SECTIONS)
            if msgid and isinstance(v, (str, dict)):
                texts = v.values() if isinstance(v, dict) else [v]
                for i, t in enumerate(texts):
                    out[path + (k, i)] = (k, t)
            else:
                flatten(v, path + (k,), out, sub)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            flatten(v, path + (i,), out, msgid)
    elif isinstance(node, str):
        out[path] = (None, node)


class UniqueKeys(yaml.SafeLoader):
    """A key given twice is an error, not the last one silently winning."""


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise yaml.constructor.ConstructorError(None, None, f"key {sorted(dup)[0]!r} given twice",
                                                node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=UniqueKeys)
    out = {}
    flatten(doc, (), out, False)
    return out


def pairs(src, kind, lang):
    """(where, english, translation) for every text of KIND in LANG."""
    en_path = os.path.join(src, "src/catalogue", f"{kind}.en.yaml")
    tr_path = os.path.join(src, "src/catalogue", f"{kind}.{lang}.yaml")
    if not os.path.exists(tr_path):
        return
    tr = load(tr_path)
    en = load(en_path) if os.path.exists(en_path) else {}
    for path, (msgid, text) in tr.items():
        if path[:1] == ("language",):
            continue
        if any(f in path for f in SKIP_FIELDS):
            continue
        if msgid is not None:
            english = msgid
        elif path in en:
            english = en[path][1]
        else:
            continue
        # plural families: KEY.few has no English; compare with KEY.other
        yield f"{kind}.{lang}.yaml {'/'.join(map(str, path))}", english, text


def plain(text):
    return CODE.sub(" ", text)


def main():
    src = sys.argv[1]
    only = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--lang" else None
    with open(os.path.join(src, "src/catalogue/glossary.yaml"), encoding="utf-8") as f:
        glossary = yaml.load(f, Loader=UniqueKeys)
    langs = sorted({os.path.basename(p).split(".")[1]
                    for p in glob.glob(os.path.join(src, "src/catalogue/*.*.yaml"))} - {"en"})
    if only:
        langs = [only]
    terms = glossary["terms"]
    bad = checked = 0
    for lang in langs:
        for kind in KINDS:
            for where, english, text in pairs(src, kind, lang):
                for tid, col in terms.items():
                    if lang not in col or "en" not in col:
                        continue
                    if not re.search(col["en"]["forms"], plain(english), re.I):
                        continue
                    checked += 1
                    if not re.search(col[lang]["forms"], plain(text), re.I):
                        bad += 1
                        print(f"{where}: the English has '{col['en']['text']}', the translation "
                              f"lacks '{col[lang]['text']}' ({tid})\n  en: {english.strip()[:160]}"
                              f"\n  {lang}: {text.strip()[:160]}")
    print(f"glossary: {checked} uses of a term checked, {bad} worded otherwise")
    if checked == 0:
        print("glossary: nothing was checked: the test is broken")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
