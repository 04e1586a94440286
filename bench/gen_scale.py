#!/usr/bin/env python3
"""gen_scale.py SHAPE N DIR: write the input of one scaling shape at size N.

Writes DIR/plan.pve.yaml, and DIR/.pveplan.yaml (the project configuration
pveplan finds next to the plan), for bench/scale.sh. Python 3 standard library
only; the same SHAPE and N always give byte-identical files. Prints one line
of counts to standard output ("key=value ...").

Every plan is the valid base plan of the PVE rule tests
(tests/golden/pve/PVE-base) with the items of the shape added, so that pveplan
walks its normal path; where a shape is a set of findings, the findings are
the only thing wrong with it. See bench/README.md, section "Scaling".

  gen_scale.py --describe SHAPE N   prints what the input of SHAPE at N holds.
Exit status: 0 written, 2 usage error, 3 N is beyond what the shape can be
made at (hash-collisions: 531,441 ids; heading-slugs: 65,536 case variants).
  gen_scale.py --find-collisions   recomputes the colliding blocks (slow).

Shapes (N is the size parameter scale.sh doubles):
  merge-keys          a map of N keys, anchored once and merged ('<<: *d')
                      into 16 actions (the keys are 'x-' extensions)
  merge-keys-config   a map of N keys merged into 16 maps in .pveplan.yaml
                      (then refused: its two extension keys are unknown
                      there, exit 2), next to the base plan
  many-deviations     N actions without human-rights safeguards (PVE110) and
                      N accepted deviations, each scoped to one of them
  long-scope          N actions without safeguards (PVE110), one deviation
                      whose scope lists all N (ids of 51 characters and a
                      number)
  long-line           one action whose target_groups is a flow list of N
                      invalid values on one line (N FMT004 findings)
  heading-slugs       N priorities, each with one objective, all titled
                      alike, ids differing only in letter case: one HTML slug
  providers           N donors and N capacity needs, each need asking one
                      donor (the workbook's "By provider" sheet)
  hash-collisions     N stakeholders whose ids have one FNV-1a hash value
  did-you-mean        N stakeholders with near-identical 64-character ids and
                      N/32 undefined references to similar ids (REF002)
  alias-bytes         a text of N KiB anchored once and aliased N times as
                      context.sources (a valid plan: every report prints them)
  alias-bytes-quoted  a text of N KiB anchored once and aliased N times as
                      context.levels: N FMT004 findings, each quoting it
  alias-findings      a map of N unknown keys anchored once and aliased N
                      times as a stakeholder: N*(N+1) findings
  many-findings       N actions with 4 invalid values each: 4N findings
  pasted-word         N actions pasted from Word: a no-break space after
                      'title:' and a bulleted partner list (2N FMT001 of the
                      pre-scan, in one run)
  colon-values        N actions whose title holds an unquoted ': ' (N FMT001
                      of the pre-scan, each with its line quoted, in one run)
  pasted-text         N actions whose title holds a no-break space and a
                      comment after ' #' (a valid plan: N SYN001 and N SYN002)
"""

import os
import re
import sys

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619
MASK = 0xFFFFFFFF
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

AREAS_ALL = "[dialogue, governance, communities, youth, gender, education, communications]"


# ---- the base plan (tests/golden/pve/PVE-base), with hooks -----------------

def action(aid, title="Scaled action", safeguards=True, extra=()):
    """Lines of one valid action, indented for a list under 'actions:'."""
    lines = [
        f"          - id: {aid}",
        f"            title: {title}",
        "            lead: moe",
        "            partners: [youthnet]",
        "            start: 2025-06",
        "            end: 2027-06",
        "            cost: 1000",
        "            funding: [{source: undp, amount: 500, status: committed}]",
        "            target_groups: [youth]",
    ]
    if safeguards:
        lines.append("            human_rights: Open to all; no data on beliefs is collected")
    lines.extend(extra)
    return lines


def plan(top=(), stakeholders=(), context=(), priorities=(), actions=(),
         capacity_needs=(), deviations=()):
    """The base plan, with extra lines at each hook.

    top: lines right after 'pveplan: 1' (anchors live there);
    stakeholders: extra list items under 'stakeholders:';
    context: extra keys under 'context:';
    priorities: extra list items under 'priorities:';
    actions: extra actions of a third priority P3 (one objective P3.O1);
    capacity_needs: top-level capacity needs;
    deviations: items of 'accepted_deviations:'.
    """
    out = ["pveplan: 1"]
    out += list(top)
    out += """\
plan:
  id: pve-scale
  title: Scaling bench plan
  scope: national
  country: XE
  language: en
  period: {start: 2025-01, end: 2027-12}
  status: draft
  currency: USD
  references: [A/RES/70/291, A/70/674]
coordination:
  body: ncc
context:
  assessment: District survey of local drivers, 2024
  conflict_affected: false
  levels: [national, local]
  drivers:
    - {id: D1, kind: structural, description: Youth unemployment in border districts}""".split("\n")
    out += list(context)
    out += """\
stakeholders:
  - {id: ncc, name: National Coordination Committee, sector: government}
  - {id: moe, name: Ministry of Education, sector: government}
  - {id: police, name: National Police, sector: security}
  - {id: courts, name: Judicial Council, sector: judiciary}
  - {id: youthnet, name: Youth Network, sector: youth}
  - {id: womenorg, name: Women's Association, sector: women}
  - {id: imams, name: Council of Religious Leaders, sector: religious}
  - {id: undp, name: UNDP, sector: un_entity}""".split("\n")
    out += list(stakeholders)
    out += """\
consultations:
  - {date: 2024-10-01, kind: workshop, participants: [ncc, youthnet, womenorg, imams]}
priorities:
  - id: P1
    title: Prevention and dialogue
    areas: [dialogue, governance, communities]
    objectives:
      - id: P1.O1
        title: Communities and police work together
        indicators: [I1]
        actions:
          - id: A1
            title: Community policing forums
            lead: police
            partners: [courts, imams]
            start: 2025-03
            end: 2026-12
            cost: 50000
            funding: [{source: undp, amount: 20000, status: committed}]
            level: local
            target_groups: [local_communities, victims]
            human_rights: Forums follow a code of conduct; complaints go to the ombudsperson
  - id: P2
    title: Youth and women
    areas: [youth, gender, education, communications]
    objectives:
      - id: P2.O1
        title: Young people and women lead prevention
        indicators: [I1]
        actions:
          - id: A2
            title: Youth and women's prevention grants
            lead: moe
            partners: [youthnet, womenorg]
            start: 2025-06
            end: 2027-06
            cost: 80000
            funding: [{source: undp, amount: 30000, status: pledged}]
            target_groups: [youth, women]
            gender_responsive: true
            human_rights: Grants are open to all; no data on beliefs is collected
            capacity_needs:
              - {id: N1, need: Grant management training, kind: training, priority: high, support_from: [undp]}""".split("\n")
    out += list(priorities)
    if actions:
        out += """\
  - id: P3
    title: Scaled priority
    areas: [communities, youth]
    objectives:
      - id: P3.O1
        title: Scaled objective
        indicators: [I1]
        actions:""".split("\n")
        out += list(actions)
    out += """\
indicators:
  - id: I1
    name: Districts with an active prevention forum
    baseline: {value: 2, year: 2024}
    target: {value: 12, year: 2027}
    source: Ministry reports
monitoring:
  responsible: ncc
  reporting: quarterly
  reviews: [{kind: midterm, date: 2026-06}]
risks:
  - {id: R1, description: Stigmatisation of communities, impact: high, mitigation: Community oversight of every action}""".split("\n")
    if capacity_needs:
        out.append("capacity_needs:")
        out += list(capacity_needs)
    if deviations:
        out.append("accepted_deviations:")
        out += list(deviations)
    return "\n".join(out) + "\n"


class OutOfRange(Exception):
    """The size asked for is beyond what this shape can be made at."""


def out_of_range(why):
    raise OutOfRange(why)


# ---- identifiers ------------------------------------------------------------

def fnv1a(s, h=FNV_OFFSET):
    """src/base/strmap.c's hash_str, from state h."""
    for c in s.encode():
        h = ((h ^ c) * FNV_PRIME) & MASK
    return h


def colliding_triple(h):
    """Three different 5-character blocks that take FNV-1a state h to one
    state. Birthday search on the top 25 bits of the state after 4
    characters: three states equal there differ from the first by d2, d3 <
    128, and last characters e, e ^ d2, e ^ d3 make the states equal (xor,
    then the same multiplication). Returns ([block1, block2, block3], state).
    About a second in CPython: COLLIDING_BLOCKS holds its results."""
    seen = {}
    codes = [ord(c) for c in ALNUM]
    alset = set(codes)
    for a in ALNUM:
        ha = ((h ^ ord(a)) * FNV_PRIME) & MASK
        for b in ALNUM:
            hb = ((ha ^ ord(b)) * FNV_PRIME) & MASK
            for c in ALNUM:
                hc = ((hb ^ ord(c)) * FNV_PRIME) & MASK
                for d in ALNUM:
                    x = ((hc ^ ord(d)) * FNV_PRIME) & MASK
                    lst = seen.setdefault(x >> 7, [])
                    lst.append((x, a + b + c + d))
                    if len(lst) < 3:
                        continue
                    (x1, p1), (x2, p2), (x3, p3) = lst[-3:]
                    for e in codes:
                        e2, e3 = e ^ x1 ^ x2, e ^ x1 ^ x3
                        if e2 in alset and e3 in alset:
                            blocks = [p1 + chr(e), p2 + chr(e2), p3 + chr(e3)]
                            return blocks, fnv1a(blocks[0], h)
    raise RuntimeError("no colliding triple found")


# colliding_triple() chained from the state of "H", 12 times (regenerate with
# `gen_scale.py --find-collisions`). Any choice of one block from each row
# gives "H" + 60 characters with one hash value: 3^12 = 531,441 ids.
COLLIDING_BLOCKS = [
    ("bo8Za", "bsOnj", "cg42P"), ("ct8sa", "cX9uf", "dshRH"), ("cwC2R", "cS2ZK", "dxoq9"),
    ("dk8Za", "dwOnj", "ec42P"), ("ct8sa", "cX9uf", "dshRH"), ("cwC2R", "cS2ZK", "dxoq9"),
    ("dk8Za", "dwOnj", "ec42P"), ("ct8sa", "cX9uf", "dshRH"), ("cwC2R", "cS2ZK", "dxoq9"),
    ("dk8Za", "dwOnj", "ec42P"), ("ct8sa", "cX9uf", "dshRH"), ("cwC2R", "cS2ZK", "dxoq9"),
]


def find_collisions():
    h, rows = fnv1a("H"), []
    for _ in range(len(COLLIDING_BLOCKS)):
        blocks, h = colliding_triple(h)
        rows.append(tuple(blocks))
    return rows


def colliding_ids(n):
    """n distinct identifiers of 61 characters with one FNV-1a hash value:
    the first n choices, in base 3, of one block from each row."""
    k = len(COLLIDING_BLOCKS)
    if n > 3 ** k:
        out_of_range(f"at most {3 ** k} colliding ids (identifiers stop at 64 characters)")
    h = fnv1a("H")
    for row in COLLIDING_BLOCKS:  # each row takes the state to one state
        states = {fnv1a(b, h) for b in row}
        assert len(states) == 1 and len(set(row)) == 3, row
        h = states.pop()
    ids = []
    for i in range(n):
        parts, x = [], i
        for row in COLLIDING_BLOCKS:
            parts.append(row[x % 3])
            x //= 3
        ids.append("H" + "".join(parts))
    assert fnv1a(ids[-1]) == h and len(set(ids)) == n
    return ids


def case_variant(base, i):
    """The i-th spelling of `base` in upper and lower case (bit j of i raises
    letter j): ids that differ, slugs (lower-cased) that do not."""
    letters = [c for c in base]
    if i >> len(letters):
        out_of_range(f"at most {1 << len(letters)} case variants of '{base}'")
    return "".join(c.upper() if (i >> j) & 1 else c for j, c in enumerate(letters))


# ---- the shapes -------------------------------------------------------------

MERGE_MAPS = 16


def big_map_lines(n, indent):
    return [f"{indent}x-k{i:07d}: {i}" for i in range(n)]


def shape_merge_keys(n):
    top = ["x-defaults: &defaults"] + big_map_lines(n, "  ")
    acts = []
    for i in range(MERGE_MAPS):
        acts += action(f"M{i}", extra=["            <<: *defaults"])
    return plan(top=top, actions=acts), None, f"keys={n} merges={MERGE_MAPS}"


def shape_merge_keys_config(n):
    cfg = ["# The merges are parsed before the configuration is read; its two",
           "# extension keys are then refused (exit 2): that cost is the point.",
           "x-defaults: &defaults"]
    cfg += [f"  k{i:07d}: {i}" for i in range(n)]
    cfg.append("x-merged:")
    cfg += ["  - {<<: *defaults}"] * MERGE_MAPS
    cfg += ["rules:", "  PVE116: info"]
    return plan(), "\n".join(cfg) + "\n", f"keys={n} merges={MERGE_MAPS}"


def unsafeguarded_actions(n, stem="U"):
    acts = []
    for i in range(n):
        acts += action(f"{stem}{i}", safeguards=False)
    return acts


# Long ids with a long common prefix make every comparison of a scope entry
# with a finding's subject walk most of the id (still a plausible naming).
SCOPE_STEM = "pilot-action-of-the-community-resilience-programme-"


def shape_many_deviations(n):
    devs = []
    for i in range(n):
        devs += [f"  - rule: PVE110",
                 f"    reason: Safeguards of pilot U{i} are set by the host community",
                 f"    approved_by: National Coordination Committee",
                 f"    scope: [U{i}]"]
    return plan(actions=unsafeguarded_actions(n), deviations=devs), None, \
        f"actions={n} deviations={n}"


def shape_long_scope(n):
    devs = ["  - rule: PVE110",
            "    reason: Safeguards of the pilots are set by the host communities",
            "    approved_by: National Coordination Committee",
            "    scope:"]
    devs += [f"      - {SCOPE_STEM}{i}" for i in range(n)]
    return plan(actions=unsafeguarded_actions(n, SCOPE_STEM), deviations=devs), None, \
        f"actions={n} scope={n}"


def shape_long_line(n):
    values = ", ".join(f"group{i}" for i in range(n))
    acts = action("L1", extra=[f"            x-note: the list below is one line"])
    # Replace the valid target groups with the long flow list.
    acts = [f"            target_groups: [{values}]" if l.strip().startswith("target_groups")
            else l for l in acts]
    return plan(actions=acts), None, f"values={n} line_bytes={len(values) + 29}"


def shape_heading_slugs(n):
    pris = []
    for i in range(n):
        pid = case_variant("prioritysameslug", i)
        oid = case_variant("objectivesameslug", i)
        pris += [f"  - id: {pid}",
                 f"    title: Prevention through dialogue",
                 f"    areas: [dialogue]",
                 f"    objectives:",
                 f"      - id: {oid}",
                 f"        title: Communities lead prevention",
                 f"        indicators: [I1]",
                 f"        actions:"]
        pris += action(f"H{i}", title="Community forums")
    return plan(priorities=pris), None, f"priorities={n} objectives={n} headings={2 * n}"


def shape_providers(n):
    shs = [f"  - {{id: donor{i}, name: Donor agency {i}, sector: donor}}" for i in range(n)]
    needs = [f"  - {{id: need{i}, need: Training course {i}, kind: training, priority: medium, "
             f"cost: 1000, support_from: [donor{i}], actions: [A2]}}" for i in range(n)]
    return plan(stakeholders=shs, capacity_needs=needs), None, f"providers={n} needs={n}"


def shape_hash_collisions(n):
    ids = colliding_ids(n)
    shs = [f"  - {{id: {x}, name: Partner {i}, sector: civil_society}}" for i, x in enumerate(ids)]
    return plan(stakeholders=shs), None, f"ids={n} hash=0x{fnv1a(ids[0]):08x} id_bytes={len(ids[0])}"


DYM_STEM = "stakeholder-with-a-long-and-nearly-identical-identifier-"  # 56 characters


def shape_did_you_mean(n):
    undefined = max(1, n // 32)
    shs = [f"  - {{id: {DYM_STEM}{i:08d}, name: Partner {i}, sector: civil_society}}"
           for i in range(n)]
    # One letter for one digit: distance 1 from a defined id, never defined.
    refs = [f"              - {DYM_STEM}{i:07d}x" for i in range(undefined)]
    acts = action("DYM1", extra=["            x-note: every partner below is undefined"])
    acts = [l for l in acts if not l.strip().startswith("partners")]
    acts += ["            partners:"] + refs
    return plan(stakeholders=shs, actions=acts), None, \
        f"ids={n} id_bytes={len(DYM_STEM) + 8} undefined_refs={undefined}"


def long_text(nbytes):
    words = "prevention dialogue community youth women education resilience trust "
    s = (words * (nbytes // len(words) + 1))[:nbytes]
    return s.rstrip() + "."


def shape_alias_bytes(n):
    """A valid plan: the text aliased n times as sources, which every report
    prints."""
    text = long_text(n * 1024)
    top = [f"x-text: &text {text}"]
    ctx = [f"  sources: [{', '.join(['*text'] * n)}]"]
    return plan(top=top, context=ctx), None, \
        f"aliases={n} text_bytes={len(text)} expanded_bytes={n * len(text)}"


def shape_alias_bytes_quoted(n):
    """The text aliased n times where a level is expected: n FMT004 findings,
    each quoting the whole text."""
    text = long_text(n * 1024)
    top = [f"x-text: &text {text}"]
    p = plan(top=top)
    p = p.replace("  levels: [national, local]\n",
                  f"  levels: [national, local, {', '.join(['*text'] * n)}]\n")
    return p, None, f"aliases={n} text_bytes={len(text)} expanded_bytes={n * len(text)}"


def shape_alias_findings(n):
    top = ["x-bad: &bad", "  name: Unknown partner", "  sector: civil_society"]
    top += [f"  unknown{i}: {i}" for i in range(n)]
    shs = ["  - *bad"] * n
    return plan(top=top, stakeholders=shs), None, \
        f"keys={n} aliases={n} findings_expected={n * (n + 1)}"


def shape_many_findings(n):
    acts = []
    for i in range(n):
        a = action(f"F{i}", extra=["            level: everywhere",
                                   "            gender_responsive: maybe"])
        a = [("            cost: 1,000" if l.strip().startswith("cost:") else
              "            target_groups: [everyone]" if l.strip().startswith("target_groups") else l)
             for l in a]
        acts += a
    return plan(actions=acts), None, f"actions={n} findings_expected={4 * n}"


def shape_pasted_word(n):
    acts = []
    for i in range(n):
        for l in action(f"W{i}"):
            if l.strip().startswith("title:"):
                l = l.replace("title: ", "title:\u00a0")
            if l.strip().startswith("partners:"):
                l = "            partners:\n              \u2022\tyouthnet"
            acts.append(l)
    return plan(actions=acts), None, f"actions={n} findings_expected={2 * n}"


def shape_colon_values(n):
    acts = []
    for i in range(n):
        acts += action(f"C{i}", title=f"Pillar {i}: youth and women, step {i}")
    return plan(actions=acts), None, f"actions={n} findings_expected={n}"


def shape_pasted_text(n):
    acts = []
    for i in range(n):
        acts += action(f"T{i}", title=f"Pasted\u00a0action #{i} of the plan")
    return plan(actions=acts), None, f"actions={n} findings_expected={2 * n}"


def shape_base(n):
    del n
    return plan(), None, "base plan"


SHAPES = {
    "base": shape_base,
    "merge-keys": shape_merge_keys,
    "merge-keys-config": shape_merge_keys_config,
    "many-deviations": shape_many_deviations,
    "long-scope": shape_long_scope,
    "long-line": shape_long_line,
    "heading-slugs": shape_heading_slugs,
    "providers": shape_providers,
    "hash-collisions": shape_hash_collisions,
    "did-you-mean": shape_did_you_mean,
    "alias-bytes": shape_alias_bytes,
    "alias-bytes-quoted": shape_alias_bytes_quoted,
    "alias-findings": shape_alias_findings,
    "many-findings": shape_many_findings,
    "pasted-word": shape_pasted_word,
    "pasted-text": shape_pasted_text,
    "colon-values": shape_colon_values,
}


def describe(shape, n):
    """The docstring's line(s) for `shape`, with N replaced by n."""
    doc, out, on = __doc__.split("\n"), [], False
    for line in doc:
        if line.startswith("  " + shape + " "):
            on = True
            out.append(line[len(shape) + 2:].strip())
        elif on and line.startswith("                    "):
            out.append(line.strip())
        elif on:
            break
    text = " ".join(out)
    for k, v in (("N*(N+1)", str(n * (n + 1))), ("N/32", str(max(1, n // 32))), ("4N", str(4 * n))):
        text = text.replace(k, v)
    return re.sub(r"\bN\b", str(n), text)


def main(argv):
    if len(argv) == 2 and argv[1] == "--find-collisions":
        for row in find_collisions():
            print(row)
        return 0
    if len(argv) == 4 and argv[1] == "--describe" and argv[2] in SHAPES and argv[3].isdigit():
        print(describe(argv[2], int(argv[3])))
        return 0
    if len(argv) != 4 or argv[1] not in SHAPES or not argv[2].isdigit() or int(argv[2]) < 1:
        sys.stderr.write("usage: gen_scale.py SHAPE N DIR\n"
                         "       gen_scale.py --describe SHAPE N\nshapes: %s\n" % " ".join(SHAPES))
        return 2
    shape, n, d = argv[1], int(argv[2]), argv[3]
    try:
        text, cfg, stats = SHAPES[shape](n)
    except OutOfRange as e:
        sys.stderr.write(f"gen_scale.py: {shape} {n}: {e}\n")
        return 3
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "plan.pve.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    # Every plan gets a configuration next to it, so that no .pveplan.yaml
    # in a parent folder changes what is measured.
    with open(os.path.join(d, ".pveplan.yaml"), "w", encoding="utf-8") as f:
        f.write(cfg if cfg is not None else "rules:\n  PVE116: info\n")
    print(stats)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
