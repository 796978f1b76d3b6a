#!/usr/bin/env python3
"""Runs a composite action's steps as a GitHub runner would, on this machine.

Usage: fake-runner.py ACTION_DIR WORKSPACE [input=value ...]

Sets the GITHUB_* variables, points GITHUB_OUTPUT and GITHUB_STEP_SUMMARY at temporary files,
evaluates `${{ }}` expressions (inputs, steps.<id>.outputs, runner and github contexts) and
`if:` conditions, and runs each `run:` step with bash. `uses:` steps are simulated: the cache
misses (so the install step really runs), and the SARIF upload records what it would send.
Prints a JSON report: each step's outcome, the action's outputs and the summary file.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def main() -> int:
    action_dir, workspace, *overrides = sys.argv[1:]
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    for item in overrides:
        name, _, value = item.partition("=")
        if name not in inputs:
            raise SystemExit(f"unknown input {name}")
        inputs[name] = value

    temp = tempfile.mkdtemp(prefix="fake-runner-")
    summary = os.path.join(temp, "step_summary.md")
    open(summary, "w").close()
    base_env = dict(os.environ)
    base_env.update({
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_ACTION_PATH": os.path.abspath(action_dir),
        "GITHUB_WORKSPACE": os.path.abspath(workspace),
        "GITHUB_STEP_SUMMARY": summary,
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "example/demo",
        "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567",
        "RUNNER_OS": "Linux",
        "RUNNER_TEMP": temp,
    })
    steps: dict[str, dict[str, str]] = {}
    report = {"steps": [], "uploads": []}

    def value(expr: str) -> str:
        expr = expr.strip()
        for op in ("!=", "=="):
            if op in expr:
                left, right = (value(side) for side in expr.split(op, 1))
                return str((left == right) == (op == "==")).lower()
        if expr.startswith("'") and expr.endswith("'"):
            return expr[1:-1]
        parts = expr.split(".")
        if parts[0] == "inputs":
            return inputs[parts[1]]
        if parts[0] == "steps" and parts[2] == "outputs":
            return steps.get(parts[1], {}).get(parts[3], "")
        if parts[0] == "runner" and parts[1] == "os":
            return "Linux"
        if parts[0] == "github" and parts[1] == "action_path":
            return base_env["GITHUB_ACTION_PATH"]
        raise SystemExit(f"unsupported expression: {expr}")

    def render(text) -> str:
        return EXPR.sub(lambda m: value(m.group(1)), str(text))

    def condition(text) -> bool:
        if text is None:
            return True
        expr = EXPR.fullmatch(str(text).strip())
        return value(expr.group(1) if expr else str(text)) == "true"

    exit_code = 0
    for index, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {index}")
        if not condition(step.get("if")):
            report["steps"].append({"name": name, "outcome": "skipped"})
            continue
        outputs: dict[str, str] = {}
        if "uses" in step:
            uses = step["uses"]
            with_ = {k: render(v) for k, v in step.get("with", {}).items()}
            if uses.startswith("actions/cache@"):
                outputs["cache-hit"] = "false"
            elif uses.startswith("github/codeql-action/upload-sarif@"):
                path = os.path.join(workspace, with_["sarif_file"])
                report["uploads"].append({"sarif_file": with_["sarif_file"], "category": with_.get("category"), "exists": os.path.exists(path)})
            else:
                raise SystemExit(f"no simulation for {uses}")
            code = 0
        else:
            output_file = os.path.join(temp, f"output-{index}")
            open(output_file, "w").close()
            env = dict(base_env)
            env.update({k: render(v) for k, v in step.get("env", {}).items()})
            env["GITHUB_OUTPUT"] = output_file
            code = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", render(step["run"])], cwd=workspace, env=env).returncode
            with open(output_file) as f:
                for line in f:
                    if "=" in line:
                        key, _, val = line.rstrip("\n").partition("=")
                        outputs[key] = val
        if "id" in step:
            steps[step["id"]] = outputs
        report["steps"].append({"name": name, "outcome": "success" if code == 0 else "failure", "exit_code": code})
        if code != 0:
            exit_code = code
            break
    report["outputs"] = {name: render(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    with open(summary) as f:
        report["summary"] = f.read()
    report["exit_code"] = exit_code
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
