#!/usr/bin/env python3
"""Runs the composite GitHub Action of action.yml as a runner would, as far
as this machine allows (run by .ci/test): usage: action.py SOURCE_DIR.

Every `run:` step is run with `bash --noprofile --norc -eo pipefail`, as
GitHub runs `shell: bash`, with the runner's files (GITHUB_OUTPUT,
GITHUB_PATH, GITHUB_STEP_SUMMARY, RUNNER_TEMP, GITHUB_ACTION_PATH) stubbed in
a scratch folder, `${{ inputs.* }}` and `${{ steps.*.outputs.* }}` replaced
as GitHub replaces them, and each step's `if:` evaluated. The one `uses:`
step (upload-sarif) cannot run here: what it would be given is checked
instead (the SARIF file, valid against the official schema). The install
and build steps run once, for real; the later runs skip them.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

SRC = os.path.abspath(sys.argv[1])
ACTION = yaml.safe_load(open(os.path.join(SRC, "action.yml"), encoding="utf-8"))
fails = 0
checks = 0


def check(what, ok, detail=""):
    global fails, checks
    checks += 1
    print(("ok: " if ok else "FAIL: ") + what + ("" if ok or not detail else "\n" + detail))
    if not ok:
        fails += 1


def outputs_of(path):
    out = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                out[k] = v
    return out


def expand(text, inputs, steps):
    """${{ inputs.x }} and ${{ steps.id.outputs.y }}, as strings."""
    def one(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m2:
            return steps.get(m2.group(1), {}).get(m2.group(2), "")
        raise ValueError("expression not handled by the test: " + expr)
    return re.sub(r"\$\{\{(.*?)\}\}", one, text)


def condition(expr, inputs, steps):
    """The few operators action.yml uses: always(), ==, !=, &&, ||."""
    if expr is None:
        return True
    expr = expr.strip()
    if expr.startswith("${{") and expr.endswith("}}"):
        expr = expr[3:-2]
    def value(m):
        return repr(expand("${{ " + m.group(0) + " }}", inputs, steps))
    py = re.sub(r"\b(inputs\.[\w-]+|steps\.[\w-]+\.outputs\.[\w-]+)", value, expr)
    py = py.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    return bool(eval(py, {"__builtins__": {}}, {}))  # noqa: S307, test code on our own file


def run_action(work, runner, given, skip=()):
    """Runs the steps; returns (status of the job, outputs per step, logs)."""
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    inputs.update(given)
    steps, logs, uses = {}, {}, []
    status = 0
    for i, step in enumerate(ACTION["runs"]["steps"]):
        sid = step.get("id", "step%d" % i)
        if sid in skip or step.get("name") in skip:
            continue
        if not condition(step.get("if"), inputs, steps) or (status and "always()" not in str(step.get("if", ""))):
            continue
        if "uses" in step:
            uses.append((step["uses"], {k: expand(str(v), inputs, steps) for k, v in step.get("with", {}).items()}))
            continue
        out = os.path.join(runner, "output-%s" % sid)
        open(out, "w").close()
        env = dict(os.environ)
        env.update({
            "GITHUB_ACTION_PATH": SRC, "RUNNER_TEMP": os.path.join(runner, "temp"),
            "GITHUB_OUTPUT": out, "GITHUB_PATH": os.path.join(runner, "path"),
            "GITHUB_STEP_SUMMARY": os.path.join(runner, "summary-%s" % sid),
            "GITHUB_WORKSPACE": work, "GITHUB_ACTIONS": "true",
        })
        for k, v in step.get("env", {}).items():
            env[k] = expand(str(v), inputs, steps)
        script = os.path.join(runner, "step-%s.sh" % sid)
        with open(script, "w", encoding="utf-8") as f:
            f.write(expand(step["run"], inputs, steps))
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=work,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        logs[sid] = (p.returncode, p.stdout)
        steps[sid] = outputs_of(out)
        if p.returncode:
            status = p.returncode
    return status, steps, logs, uses


def main():
    check("a composite action", ACTION["runs"]["using"] == "composite")
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            check("step '%s' says its shell" % step["name"], step.get("shell") == "bash")
            check("step '%s' takes no input into its script" % step["name"],
                  "${{" not in step["run"])
    tmp = tempfile.mkdtemp(prefix="pveplan-action.")
    runner = os.path.join(tmp, "runner")
    work = os.path.join(tmp, "work")
    os.makedirs(os.path.join(runner, "temp"))
    os.makedirs(os.path.join(work, "plans"))
    ex = os.path.join(SRC, "examples")
    for name, to in (("short-en.pve.yaml", "short.pve.yaml"), ("weak-draft-en.pve.yaml", "weak.pve.yaml")):
        with open(os.path.join(ex, name), encoding="utf-8") as f, \
             open(os.path.join(work, "plans", to), "w", encoding="utf-8") as g:
            g.write(f.read())

    # 1. The whole action, install and build included, on a plan with errors.
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans"})
    for sid in ("step0", "step1"):
        rc, log = logs.get(sid, (None, ""))
        check("the %s step succeeds" % ("install" if sid == "step0" else "build"), rc == 0, log[-3000:])
    rc, log = logs.get("check", (None, ""))
    check("the check step succeeds on findings (they are a verdict)", rc == 0, log[-3000:])
    check("exit-code output is 1", steps.get("check", {}).get("exit-code") == "1", str(steps))
    check("annotations for the plan with errors",
          re.search(r"^::error file=plans/weak\.pve\.yaml,line=\d+", log, re.M) is not None, log[-2000:])
    summary = os.path.join(runner, "summary-check")
    check("a step summary is written", os.path.exists(summary) and os.path.getsize(summary) > 0)
    sarif_path = os.path.join(work, "pveplan.sarif")
    try:
        sarif = json.load(open(sarif_path, encoding="utf-8"))
        ok = sarif.get("version") == "2.1.0" and sarif["runs"][0]["results"]
    except (OSError, ValueError, KeyError, IndexError):
        sarif, ok = None, False
    check("the SARIF file is written, with results", bool(ok))
    try:
        import jsonschema
        schema = json.load(open(os.path.join(SRC, "tests/schemas/sarif-schema-2.1.0.json"), encoding="utf-8"))
        jsonschema.validate(sarif, schema)
        check("the SARIF file is valid against the official schema", True)
    except Exception as e:  # noqa: BLE001
        check("the SARIF file is valid against the official schema", False, str(e)[:500])
    up = [w for u, w in uses if u.startswith("github/codeql-action/upload-sarif@")]
    check("upload-sarif is given the SARIF file",
          len(up) == 1 and up[0].get("sarif_file") == "pveplan.sarif" and up[0].get("category") == "pveplan", str(uses))
    check("the job fails on the errors (input fail: true)", status == 1, "status %s" % status)
    path = open(os.path.join(runner, "path"), encoding="utf-8").read().split()
    check("pveplan's folder is added to PATH", bool(path) and os.access(os.path.join(path[0], "pveplan"), os.X_OK))

    built = ("step0", "step1")
    # 2. A clean plan: the job passes.
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans/short.pve.yaml", "sarif": "clean.sarif"}, built)
    check("a plan without errors: exit-code 0, the job passes",
          status == 0 and steps["check"].get("exit-code") == "0", str((status, steps, logs)))
    # 3. fail: false keeps the job green on errors; upload-sarif: false skips the upload.
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans", "fail": "false", "upload-sarif": "false"}, built)
    check("fail: false: the job passes, exit-code still 1",
          status == 0 and steps["check"].get("exit-code") == "1", str((status, steps)))
    check("upload-sarif: false: no upload", not uses, str(uses))
    # 4. args reach pveplan (--strict: warnings fail too), paths with several entries.
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans/short.pve.yaml plans/weak.pve.yaml", "args": "--strict --lang fr"}, built)
    log = logs["check"][1]
    check("args and several paths reach pveplan check", status == 1 and "aide:" in log and "file=plans/short.pve.yaml" in log
          and "file=plans/weak.pve.yaml" in log and "::error file=plans/short" not in log
          and "::warning file=plans/short" not in log, log[-1500:])
    # 5. A usage error is not a verdict: the check step itself fails.
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans", "args": "--no-such-option"}, built)
    check("a usage error fails the check step with its status",
          logs["check"][0] == 2 and "could not run" in logs["check"][1], str(logs.get("check")))
    check("... and nothing is uploaded: no SARIF was written", not uses, str(uses))
    # 6. Input text never runs as a script (it reaches the shell through env).
    status, steps, logs, uses = run_action(work, runner, {"paths": "plans/short.pve.yaml", "args": "$(touch injected) ;touch injected2"}, built)
    check("an input is never run as shell", not os.path.exists(os.path.join(work, "injected"))
          and not os.path.exists(os.path.join(work, "injected2")))
    print("%d passed, %d failed" % (checks - fails, fails))
    return 1 if fails else 0


sys.exit(main())
