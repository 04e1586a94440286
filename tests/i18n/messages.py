#!/usr/bin/env python3
"""Checks that every message the checker can print is translated.

Like xgettext and msgfmt --check: extracts the English message formats
(msgids) passed to pv_diag_add/pv_diag_hint/pv_diag_note/pv_err and the words marked
PV_W("...") from src/, then checks each messages.LANG.yaml: every msgid and
word translated, conversions identical (positional %1$s allowed), nothing
stale. Also checks that every PV_L("label") used in src/ exists in every
rules.LANG.yaml.

usage: messages.py SOURCE_DIR            (exit 1 on any problem)
       messages.py SOURCE_DIR --list     (print the msgids and words)
"""
import glob, os, re, sys
import yaml

CALLS = {"pv_diag_add": 3, "pv_diag_hint": 1, "pv_diag_note": 2, "pv_lang_message": 1,
         "pv_lang_nmessage": 1, "pv_err": 1}
# CLDR plural categories of each language's texts (pv_lang_plural_categories)
PLURALS = {"ar": ["zero", "one", "two", "few", "many", "other"], "ru": ["one", "few", "many", "other"],
           "zh": ["other"]}


def c_strings(text):
    """The value of a concatenation of C string literals, or None."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    if not parts or re.sub(r'"((?:[^"\\]|\\.)*)"|\s', "", text):
        return None
    s = "".join(parts)
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def call_args(src, start):
    """Top-level arguments of the call whose '(' is at src[start]."""
    depth, i, args, cur, in_str = 0, start, [], [], False
    while i < len(src):
        c = src[i]
        if in_str:
            cur.append(c)
            if c == "\\":
                cur.append(src[i + 1]); i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True; cur.append(c)
        elif c in "([{":
            depth += 1
            if depth > 1: cur.append(c)
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip()); return args
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip()); cur = []
        else:
            cur.append(c)
        i += 1
    return args


def extract(srcdir):
    msgids, words, labels, fields = {}, set(), set(), {}
    global plurals
    for path in sorted(glob.glob(os.path.join(srcdir, "src", "**", "*.c"), recursive=True)):
        src = open(path, encoding="utf-8").read()
        for m in re.finditer(r"\b(pv_diag_add|pv_diag_hint|pv_diag_note|pv_lang_message|pv_lang_nmessage|pv_err)\s*\(", src):
            if src[m.start() - 6:m.start()].endswith(("void ", "char *")) or "struct pv_diag *" + m.group(1) in src[m.start() - 20:m.end()]:
                continue
            args = call_args(src, m.end() - 1)
            idx = CALLS[m.group(1)]
            if len(args) <= idx:
                continue
            s = c_strings(args[idx])
            if s is None:
                # the catalogue's own look-up takes the formats it is given
                if args[idx] not in ("fmt",) and not m.group(1).startswith("pv_lang_"):
                    print(f"{path}: message is not a string literal: {args[idx][:60]}")
                    msgids.setdefault(None, path)
                continue
            if s != "%s":
                where = f"{os.path.relpath(path, srcdir)}:{src[:m.start()].count(chr(10)) + 1}"
                msgids.setdefault(s, where)
                if m.group(1) == "pv_lang_nmessage":
                    plurals.add(s)
                    if signature(c_strings(args[2]) or "") != signature(s):
                        print(f"{where}: singular and plural take other arguments")
                        msgids.setdefault(None, path)
        words.update(bytes(w, "utf-8").decode("unicode_escape") for w in re.findall(r'PV_W(?:_INIT)?\("((?:[^"\\]|\\.)*)"\)', src))
        words.update(re.findall(r'\bSCHEMA\(\w+, "([^"]+)"', src))
        labels.update(re.findall(r'PV_L(?:_INIT)?\("([^"]*)"\)', src))
        for m in re.finditer(r"\bpv_diag_rule\s*\(", src):
            args = call_args(src, m.end() - 1)
            if len(args) > 2 and c_strings(args[1]) and c_strings(args[2]):
                where = f"{os.path.relpath(path, srcdir)}:{src[:m.start()].count(chr(10)) + 1}"
                fields.setdefault((c_strings(args[1]), c_strings(args[2])), where)
    return msgids, words, labels, fields


plurals = set()


def translation_problems(name, lang, k, v):
    """What is wrong with the translation v of msgid k."""
    if k in plurals and isinstance(v, dict):
        want = PLURALS.get(lang, ["one", "other"])
        if sorted(v) != sorted(want):
            return [f"{name}: {k!r} is counted: give the forms {', '.join(want)}, not {', '.join(v)}"]
        return [f"{name}: the {c} form of {k!r} takes other arguments: {f!r}"
                for c, f in v.items() if signature(str(f)) != signature(k)]
    if k in plurals and PLURALS.get(lang, ["one", "other"]) != ["other"]:
        return [f"{name}: {k!r} is counted: give its forms ({', '.join(PLURALS.get(lang, ['one', 'other']))})"]
    if not isinstance(v, str) or not v.strip():
        return [f"{name}: no translation of {k!r}"]
    if signature(v) != signature(k):
        return [f"{name}: translation of {k!r} takes other arguments: {v!r}"]
    return []


def help_texts(srcdir):
    """The msgids of help.LANG.yaml: the texts of the option tables and of
    each command's help (summary, body, brief), the usage errors and every
    pv_opts_text() literal."""
    texts = {}
    for path in sorted(glob.glob(os.path.join(srcdir, "src", "**", "*.c"), recursive=True)):
        src = open(path, encoding="utf-8").read()
        rel = os.path.relpath(path, srcdir)
        def add(lit, at):
            t = c_strings(lit) if lit else None
            if t:
                texts.setdefault(t, f"{rel}:{src[:at].count(chr(10)) + 1}")
        for m in re.finditer(r"struct pv_option \w+\[\] = \{", src):
            for row in re.finditer(r"\{ *\"[a-z-]+\", [^{}]*?\}", src[m.end():src.index("};", m.end())]):
                args = call_args(row.group(0), 0)
                if len(args) == 4:
                    add(args[3], m.end() + row.start())
        for m in re.finditer(r"struct pv_command_help \w+ = (?=\{)", src):
            args = call_args(src, m.end())
            for i in (2, 3, 5):
                if i < len(args) and args[i] != "NULL":
                    add(args[i], m.end())
        for m in re.finditer(r"\bpv_opts_ntext\s*\(", src):
            if src[m.start() - 12:m.start()].endswith("char *"):
                continue
            args = call_args(src, m.end() - 1)
            add(args[0], m.start())
            plurals.add(c_strings(args[0]))
            if signature(c_strings(args[1]) or "") != signature(c_strings(args[0]) or ""):
                print(f"{rel}: singular and plural take other arguments")
                texts.setdefault(None, rel)
        for m in re.finditer(r"\b(pv_opts_text|pv_opts_usage_error)\s*\(", src):
            if src[m.start() - 12:m.start()].endswith(("char *", "int ")):
                continue
            args = call_args(src, m.end() - 1)
            idx = 0 if m.group(1) == "pv_opts_text" else 1
            if len(args) > idx and args[idx] not in ("msgid", "fmt", "o->help", "h->summary", "h->body",
                                                     "commands[i].help->brief"):
                arg = args[idx]
                tern = re.fullmatch(r'[\w>-]+ \?\s*("(?:[^"\\]|\\.)*")\s*:\s*("(?:[^"\\]|\\.)*")', arg, re.S)
                if tern:
                    add(tern.group(1), m.start())
                    add(tern.group(2), m.start())
                    continue
                if c_strings(arg) is None:
                    print(f"{rel}: help text is not a string literal: {arg[:60]}")
                    texts.setdefault(None, rel)
                add(arg, m.start())
    return texts


def signature(fmt):
    specs = re.findall(r"%(?:(\d+)\$)?[-+ #0]*\d*(?:\.\d+)?(hh|h|ll|l|z)?([diuxXocsfge%])", fmt)
    specs = [s for s in specs if s[2] != "%"]
    if any(s[0] for s in specs):
        if not all(s[0] for s in specs):
            return None
        specs = sorted(specs, key=lambda s: int(s[0]))
    return [(l, "d" if c == "i" else c) for _, l, c in specs]


def syntax_part(cat, lang):
    """syntax.LANG.yaml, or an empty mapping."""
    path = os.path.join(cat, f"syntax.{lang}.yaml")
    if not os.path.exists(path):
        return {}
    return yaml.safe_load(open(path, encoding="utf-8")) or {}


# The six UN languages: every kind of catalogue file exists for each, or a
# language would quietly fall back to English for that kind (English is the
# source of messages and help, whose keys are the English texts themselves).
LANGS = ("ar", "en", "es", "fr", "ru", "zh")
KINDS = {"messages": LANGS[:1] + LANGS[2:], "help": LANGS[:1] + LANGS[2:],
         "syntax": LANGS, "rules": LANGS, "schema": LANGS, "report": LANGS}


def missing_files(cat):
    out = []
    for kind, langs in KINDS.items():
        for lang in langs:
            if not os.path.exists(os.path.join(cat, f"{kind}.{lang}.yaml")):
                out.append(f"{kind}.{lang}.yaml: missing (every language has one)")
    return out


def main():
    srcdir = sys.argv[1]
    msgids, words, labels, fields = extract(srcdir)
    if "--help-texts" in sys.argv:
        for k, where in sorted((k, v) for k, v in help_texts(srcdir).items() if k):
            print(f"{where}\t{k!r}")
        return 0
    if "--list" in sys.argv:
        for k in sorted(x for x in msgids if x):
            print("M", k)
        for w in sorted(words):
            print("W", w)
        return 0
    problems = []
    if None in msgids:
        problems.append("a message is not a string literal (see above)")
    cat = os.path.join(srcdir, "src", "catalogue")
    help_ids = help_texts(srcdir)
    problems.extend(missing_files(cat))
    for path in sorted(glob.glob(os.path.join(cat, "messages.*.yaml"))):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        tr = dict(data.get("messages") or {})
        wtr = dict(data.get("words") or {})
        # syntax.LANG.yaml adds the messages of the pre-scan and SYN rules.
        extra = syntax_part(cat, data.get("language"))
        tr.update(extra.get("messages") or {})
        wtr.update(extra.get("words") or {})
        name = os.path.basename(path)
        for k, where in sorted((k, v) for k, v in msgids.items() if k):
            if k in help_ids:
                continue
            if k not in tr:
                problems.append(f"{name}: no translation of {k!r} ({where})")
            else:
                problems.extend(translation_problems(name, data.get("language"), k, tr[k]))
        for k in tr:
            if k not in msgids:
                problems.append(f"{name}: {k!r} is not a message of the checker any more")
        for w in sorted(words):
            if w not in wtr or not str(wtr[w]).strip():
                problems.append(f"{name}: no translation of the word {w!r}")
        for w in wtr:
            if w not in words:
                problems.append(f"{name}: the word {w!r} is not used any more")
    for path in sorted(glob.glob(os.path.join(cat, "rules.*.yaml"))):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        data["rules"] = dict(data.get("rules") or {})
        data["rules"].update(syntax_part(cat, data.get("language")).get("rules") or {})
        have = set((data.get("labels") or {}).keys())
        for l in sorted(labels - have):
            problems.append(f"{os.path.basename(path)}: no label {l!r}")
        # Every catalogue message a check uses exists, variants included,
        # or the finding would print its bare rule code.
        rules = data.get("rules") or {}
        for (code, field), where in sorted(fields.items()):
            entry = rules.get(code) or {}
            for part in field.split("."):
                entry = entry.get(part) if isinstance(entry, dict) else None
            if not isinstance(entry, str) or not entry.strip():
                problems.append(f"{os.path.basename(path)}: {code} has no {field!r} ({where})")
    if None in help_ids:
        problems.append("a help text is not a string literal (see above)")
    for path in sorted(glob.glob(os.path.join(cat, "help.*.yaml"))):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        tr = dict(data.get("messages") or {})
        name = os.path.basename(path)
        for k, where in sorted((k, v) for k, v in help_ids.items() if k):
            if k not in tr:
                problems.append(f"{name}: no translation of {k!r} ({where})")
            else:
                problems.extend(translation_problems(name, data.get("language"), k, tr[k]))
        for k in tr:
            if k not in help_ids:
                problems.append(f"{name}: {k!r} is not a help text any more")
    for p in problems:
        print(p)
    print(f"{len(help_ids)} help texts, ", end="")
    print(f"{len(msgids)} messages, {len(words)} words, {len(labels)} labels, {len(fields)} rule messages checked; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
