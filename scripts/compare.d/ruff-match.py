"""Matches ruff's findings on the ten rules tollgate shares with it against tollgate's, on
(rule, path, line), and prints per rule: both, only ruff, only tollgate, and findings both
report with another value.

Usage: ruff-match.py RUFF_JSON TOLLGATE_JSON BASE SHOW
"""
import json, os, re, sys
ruff_path, tg_path, base, show = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
peer = {
    "C901": "python/complex-function", "PLR0913": "python/too-many-arguments",
    "PLR0917": "python/too-many-positional-arguments", "PLR0911": "python/too-many-returns",
    "PLR0912": "python/too-many-branches", "PLR0915": "python/too-many-statements",
    "PLR0914": "python/too-many-locals", "PLR1702": "python/too-many-nested-blocks",
    "PLR0916": "python/too-many-boolean-expressions", "PLR0904": "python/too-many-public-methods",
}
ruff = set()
ruff_value = {}
for d in json.load(open(ruff_path)):
    if d.get("code") in peer:
        path = os.path.relpath(d["filename"], base)
        row = d["location"]["row"]
        if d["code"] == "PLR0904":
            # ruff's range for a class starts at its first decorator; tollgate points at the
            # class name, so compare at the line of the `class` keyword.
            lines = open(d["filename"], encoding="utf-8").read().split("\n")
            while row <= len(lines) and not lines[row - 1].lstrip().startswith("class "):
                row += 1
        key = (peer[d["code"]], path, row)
        ruff.add(key)
        # PLR1702 repeats a root once per leaf: its deepest leaf is the root's value.
        value = int(re.search(r"\((\d+)", d["message"]).group(1))
        ruff_value[key] = max(value, ruff_value.get(key, 0))
tg = set()
tg_value = {}
data = json.load(open(tg_path))
items = data if isinstance(data, list) else data.get("findings", [])
for f in items:
    rule = f.get("rule") or f.get("rule_id") or f.get("ruleId")
    if rule in peer.values():
        tg.add((rule, f["path"], f["line"]))
        tg_value[(rule, f["path"], f["line"])] = f["properties"]["value"]
print(f"{'rule':42} {'both':>6} {'only ruff':>10} {'only tollgate':>14} {'other value':>12}")
total = [0, 0, 0, 0]
for code, rule in sorted(peer.items(), key=lambda kv: kv[1]):
    r = {x for x in ruff if x[0] == rule}
    t = {x for x in tg if x[0] == rule}
    differ = sorted(x for x in r & t if ruff_value[x] != tg_value[x])
    row = [len(r & t), len(r - t), len(t - r), len(differ)]
    total = [a + b for a, b in zip(total, row)]
    print(f"{rule + ' (' + code + ')':42} {row[0]:>6} {row[1]:>10} {row[2]:>14} {row[3]:>12}")
    for x in differ[:show]:
        print(f"    value: {x[1]}:{x[2]} ruff {ruff_value[x]}, tollgate {tg_value[x]}")
    for label, diff in (("only ruff", r - t), ("only tollgate", t - r)):
        for x in sorted(diff)[:show]:
            print(f"    {label}: {x[1]}:{x[2]}")
print(f"{'total':42} {total[0]:>6} {total[1]:>10} {total[2]:>14} {total[3]:>12}")
