#!/usr/bin/env python3
"""The JSON Schema of `pveplan schema` against the loader it is generated
from (tests/cli/schema.sh runs this).

  schema_check.py valid SCHEMA
      SCHEMA is a valid draft-07 schema (Draft7Validator.check_schema); every
      key has a description, every enumeration a description per value.
  schema_check.py accepts SCHEMA PLAN...
      Each PLAN validates against SCHEMA.
  schema_check.py agrees PVEPLAN SCHEMA PLAN...
      For each PLAN, the schema rejects it exactly where the loader reports
      FMT003, FMT004 or FMT005 (`pveplan check --format json`): every such
      finding has a schema error at its path, every schema error has such a
      finding at its path, and a plan with no FMT finding at all has no
      schema error.

Plans are read as an editor reads them: YAML 1.2, core schema (so `yes`,
`NO` and `2025-03-14` are strings, `2025` a number), which is what
yaml-language-server gives the schema.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class Yaml12(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema in place of YAML 1.1's."""


Yaml12.yaml_implicit_resolvers = {}
_CORE = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]
for _tag, _re, _first in _CORE:
    Yaml12.add_implicit_resolver(_tag, re.compile(_re), _first)


def _int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    return int(v, 16) if v.startswith("0x") else int(v, 10)


def _float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    return float("nan") if v == ".nan" else float(v)


Yaml12.add_constructor("tag:yaml.org,2002:int", _int)
Yaml12.add_constructor("tag:yaml.org,2002:float", _float)
Yaml12.add_constructor("tag:yaml.org,2002:bool",
                       lambda loader, node: loader.construct_scalar(node).lower() == "true")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12)


def places(path):
    """(line, column) -> the paths a finding there can be about: the value
    that starts there; for a key, its value and the mapping that holds it."""
    with open(path, encoding="utf-8") as f:
        root = yaml.compose(f, Loader=Yaml12)
    at = {}

    def add(node, p):
        at.setdefault((node.start_mark.line + 1, node.start_mark.column + 1), set()).add(p)

    def walk(node, path):
        add(node, path)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                add(k, path)
                add(k, path + (k.value,))
                walk(v, path + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))
    walk(root, ())
    return at


def show(path):
    return "/" + "/".join(str(p) for p in path)


def check_valid(schema_path):
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    bad = []

    def walk(s, where):
        if isinstance(s, dict):
            for key, sub in s.get("properties", {}).items():
                if not sub.get("description", "").strip():
                    bad.append(f"{where}/{key}: no description")
            if len(s.get("enum", [])) > 1 and "definitions" not in where:
                d = s.get("enumDescriptions", [])
                if len(d) != len(s["enum"]) or not all(x.strip() for x in d):
                    bad.append(f"{where}: {len(s['enum'])} values, descriptions {d}")
            for key, sub in s.items():
                if key not in ("if", "then"):  # conditions, not keys
                    walk(sub, f"{where}/{key}")
        elif isinstance(s, list):
            for i, sub in enumerate(s):
                walk(sub, f"{where}/{i}")
    walk(schema, "#")
    assert not bad, "\n".join(bad)
    assert len(schema["properties"]) >= 13 and schema["additionalProperties"] is False


def errors(validator, plan):
    return sorted(validator.iter_errors(load(plan)), key=lambda e: list(map(str, e.absolute_path)))


def check_accepts(schema_path, plans):
    validator = jsonschema.Draft7Validator(json.load(open(schema_path, encoding="utf-8")))
    bad = [f"{p}: {show(e.absolute_path)}: {e.message}" for p in plans for e in errors(validator, p)]
    assert not bad, "\n".join(bad)


def findings(pveplan, plan):
    out = subprocess.run([pveplan, "check", "--format", "json", plan], capture_output=True,
                         check=False).stdout
    return json.loads(out)["files"][0]["findings"]


def check_agrees(pveplan, schema_path, plans):
    validator = jsonschema.Draft7Validator(json.load(open(schema_path, encoding="utf-8")))
    bad, codes = [], set()
    for plan in plans:
        at = places(plan)
        fmt = [f for f in findings(pveplan, plan) if f["code"].startswith("FMT")]
        structural = [f for f in fmt if f["code"] in ("FMT003", "FMT004", "FMT005")]
        errs = errors(validator, plan)
        codes |= {f["code"] for f in structural}
        # ok-*.pve.yaml: plans the loader accepts; the others: plans it rejects.
        if os.path.basename(plan).startswith("ok-") != (not fmt):
            bad.append(f"{plan}: {len(fmt)} FMT findings: not what its name says")
        if not fmt and errs:
            bad += [f"{plan}: the loader accepts it, the schema says {show(e.absolute_path)}: "
                    f"{e.message}" for e in errs]
        if fmt and not structural:
            bad.append(f"{plan}: {fmt[0]['code']} stops the comparison")
        reported = set()
        for f in structural:
            paths = at.get((f["line"], f["column"]), set())
            reported |= paths
            if not any(tuple(e.absolute_path) in paths for e in errs):
                bad.append(f"{plan}:{f['line']}:{f['column']}: {f['code']} {f['message']}: "
                           f"no schema error at {sorted(map(show, paths))}")
        for e in errs:
            if tuple(e.absolute_path) not in reported:
                bad.append(f"{plan}: the schema says {show(e.absolute_path)}: {e.message}; "
                           "the loader says nothing there")
        print(f"{plan}: {len(structural)} findings, {len(errs)} schema errors")
    if codes != {"FMT003", "FMT004", "FMT005"}:
        bad.append(f"the plans trigger {sorted(codes)}, not all of FMT003, FMT004, FMT005")
    assert not bad, "\n".join(bad)


def main(argv):
    if argv[1] == "valid":
        check_valid(argv[2])
    elif argv[1] == "accepts":
        check_accepts(argv[2], argv[3:])
    elif argv[1] == "agrees":
        check_agrees(argv[2], argv[3], argv[4:])
    else:
        sys.exit(f"unknown check {argv[1]}")


if __name__ == "__main__":
    main(sys.argv)
