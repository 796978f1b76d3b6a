#!/usr/bin/env python3
"""Runs a composite action's steps as a GitHub runner would, on this machine.

Usage: fake-runner.py ACTION_DIR WORKSPACE [--event-name=NAME] [--event=FILE] [input=value ...]

Sets the GITHUB_* variables, points GITHUB_OUTPUT and GITHUB_STEP_SUMMARY at temporary files,
evaluates `${{ }}` expressions (inputs, steps.<id>.outputs, runner and github contexts) and
`if:` conditions, and runs each `run:` step with bash. `uses:` steps are simulated: the cache
misses (so the install step really runs), and the SARIF upload records what it would send.
The event is a `push` with an empty payload unless --event-name and --event (a JSON payload, as
GITHUB_EVENT_PATH holds it) say otherwise; a pull request's payload also sets GITHUB_BASE_REF
and GITHUB_HEAD_REF. Prints a JSON report: each step's outcome and what it printed on stdout,
the action's outputs and the summary file.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Runner:
    """The state of one run: inputs, the environment, and each step's outputs."""

    # tollgate: ignore[python/too-many-arguments, python/too-many-positional-arguments] what a runner is given
    def __init__(self, action: dict, inputs: dict, workspace: str, base_env: dict, temp: str, event: dict):
        self.action = action
        self.inputs = inputs
        self.event = event
        self.workspace = workspace
        self.base_env = base_env
        self.temp = temp
        self.steps: dict[str, dict[str, str]] = {}
        self.report = {"steps": [], "uploads": []}

    def value(self, expr: str) -> str:
        expr = expr.strip()
        # `a && b`: the lowest precedence of the operators the action uses.
        if "&&" in expr:
            left, right = expr.split("&&", 1)
            return str(self.value(left) == "true" and self.value(right) == "true").lower()
        for op in ("!=", "=="):
            if op in expr:
                left, right = (self.value(side) for side in expr.split(op, 1))
                return str((left == right) == (op == "==")).lower()
        if expr.startswith("'") and expr.endswith("'"):
            return expr[1:-1]
        parts = expr.split(".")
        contexts = {
            "inputs": lambda: self.inputs[parts[1]],
            "steps": lambda: self.steps.get(parts[1], {}).get(parts[3], ""),
            "runner": lambda: "Linux",
            "github": lambda: self.github(parts[1:]),
        }
        if parts[0] not in contexts:
            raise SystemExit(f"unsupported expression: {expr}")
        return contexts[parts[0]]()

    def github(self, path: list[str]) -> str:
        """`github.event_name`, `github.action_path`, `github.event.<path>` ('' when absent)."""
        if path == ["event_name"]:
            return self.base_env["GITHUB_EVENT_NAME"]
        if path == ["action_path"]:
            return self.base_env["GITHUB_ACTION_PATH"]
        if path[0] != "event":
            raise SystemExit(f"unsupported expression: github.{'.'.join(path)}")
        value = self.event
        for key in path[1:]:
            value = value.get(key, {}) if isinstance(value, dict) else {}
        return "" if value in ({}, None) else str(value)

    def render(self, text) -> str:
        return EXPR.sub(lambda m: self.value(m.group(1)), str(text))

    def condition(self, text) -> bool:
        if text is None:
            return True
        expr = EXPR.fullmatch(str(text).strip())
        return self.value(expr.group(1) if expr else str(text)) == "true"

    def simulate(self, step: dict) -> dict:
        """`uses:` steps: the cache misses (and records what it would restore and save); the
        upload records what it would send."""
        uses = step["uses"]
        with_ = {k: self.render(v) for k, v in step.get("with", {}).items()}
        if uses.startswith("actions/cache@"):
            self.report.setdefault("caches", []).append(with_)
            return {"cache-hit": "false"}
        if uses.startswith("github/codeql-action/upload-sarif@"):
            path = os.path.join(self.workspace, with_["sarif_file"])
            self.report["uploads"].append(
                {"sarif_file": with_["sarif_file"], "category": with_.get("category"), "exists": os.path.exists(path)}
            )
            return {}
        raise SystemExit(f"no simulation for {uses}")

    def execute(self, index: int, step: dict) -> tuple[int, dict]:
        """`run:` steps, with bash, GITHUB_OUTPUT read back afterwards."""
        output_file = os.path.join(self.temp, f"output-{index}")
        open(output_file, "w").close()
        env = dict(self.base_env)
        env.update({k: self.render(v) for k, v in step.get("env", {}).items()})
        env["GITHUB_OUTPUT"] = output_file
        script = self.render(step["run"])
        # stdout is where workflow commands (`::warning::`) go; kept for the report.
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", script], cwd=self.workspace, env=env, stdout=subprocess.PIPE, text=True
        )
        self.stdout = done.stdout
        with open(output_file) as f:
            outputs = dict(line.rstrip("\n").partition("=")[::2] for line in f if "=" in line)
        return done.returncode, outputs

    def run(self) -> int:
        for index, step in enumerate(self.action["runs"]["steps"]):
            name = step.get("name", f"step {index}")
            if not self.condition(step.get("if")):
                self.report["steps"].append({"name": name, "outcome": "skipped"})
                continue
            self.stdout = ""
            code, outputs = (0, self.simulate(step)) if "uses" in step else self.execute(index, step)
            if "id" in step:
                self.steps[step["id"]] = outputs
            self.report["steps"].append(
                {"name": name, "outcome": "success" if code == 0 else "failure", "exit_code": code, "stdout": self.stdout}
            )
            if code != 0:
                return code
        return 0


# tollgate: ignore[python/too-many-locals] one place that sets up a whole run
def main() -> int:
    action_dir, workspace, *overrides = sys.argv[1:]
    with open(os.path.join(action_dir, "action.yml")) as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action.get("inputs", {}).items()}
    event_name, event_path = "push", None
    for item in overrides:
        name, _, value = item.partition("=")
        if name == "--event-name":
            event_name = value
            continue
        if name == "--event":
            event_path = os.path.abspath(value)
            continue
        if name not in inputs:
            raise SystemExit(f"unknown input {name}")
        inputs[name] = value

    temp = tempfile.mkdtemp(prefix="fake-runner-")
    summary = os.path.join(temp, "step_summary.md")
    open(summary, "w").close()
    if event_path is None:
        event_path = os.path.join(temp, "event.json")
        with open(event_path, "w") as f:
            f.write("{}")
    with open(event_path) as f:
        event = json.load(f)
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
        "RUNNER_ARCH": "X64",
        "RUNNER_TEMP": temp,
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": event_path,
    })
    for name in ("GITHUB_BASE_REF", "GITHUB_HEAD_REF"):
        base_env.pop(name, None)
    pull_request = event.get("pull_request")
    if event_name.startswith("pull_request") and pull_request:
        base_env["GITHUB_BASE_REF"] = pull_request.get("base", {}).get("ref", "")
        base_env["GITHUB_HEAD_REF"] = pull_request.get("head", {}).get("ref", "")
    runner = Runner(action, inputs, workspace, base_env, temp, event)
    exit_code = runner.run()
    report = runner.report
    report["outputs"] = {name: runner.render(spec["value"]) for name, spec in action.get("outputs", {}).items()}
    with open(summary) as f:
        report["summary"] = f.read()
    report["exit_code"] = exit_code
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
