"""Matches the functions tollgate's smells domain measures (every function: thresholds 0)
against lizard's, and in JavaScript, TypeScript and TSX against ESLint's `complexity`,
`max-params` and `max-depth`, and prints per language: functions each measures and both,
equal cyclomatic complexity and parameter counts, the distribution of the differences, the
largest of them and examples of the functions only one tool lists. Then the cyclomatic
values equal under lizard's convention (LIZARD_SKIPS, LIZARD_EXTRA), and of the rest, those
shown to be lizard's reading: ESLint gives tollgate's value, or lizard does once it runs on
the file rewritten where it misreads (LIZARD_REWRITES).

A function is matched on (path, line), else on the nearest unmatched one of the same file
within 3 lines (lizard's line is where its declaration starts, ESLint's that of an arrow
function's `=>`). Functions that start on the same line are paired in order, outermost first.
ESLint's class field initializers and static blocks (functions to it) are counted apart.

Usage: smells-match.py OUT CORPUS SHOW LANGUAGE...
  OUT holds tollgate.json, lizard-LANGUAGE.csv, eslint.json and TOOL.time; paths are read
  relative to CORPUS, whose first folder is the language.
"""
import collections, csv, json, os, re, subprocess, sys, tempfile

out, corpus, show, langs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
NEAR = 3
csv.field_size_limit(1 << 30)


def nested():
    """language folder -> path -> functions"""
    return collections.defaultdict(lambda: collections.defaultdict(list))


def function(line, order, ccn, params, name, why=""):
    return {"line": line, "order": order, "ccn": ccn, "params": params, "name": name, "why": why}


def folder(path):
    return path.split("/", 1)[0]


def seconds(tool):
    try:
        return open(os.path.join(out, tool + ".time")).read().strip() + " s"
    except OSError:
        return None


# tollgate: "`name` has ..." or "anonymous function has ...", the parameters at the same place.
tg, tg_language, files = nested(), collections.defaultdict(collections.Counter), {}
findings = json.load(open(os.path.join(out, "tollgate.json")))
findings = findings if isinstance(findings, list) else findings.get("findings", [])
tg_params = {(f["path"], f["line"], f["column"]): f["properties"]["value"]
             for f in findings if f["rule"] == "smells/too-many-parameters"}
# Each function's deepest block, where it is: (path, line) -> depth.
tg_depth = collections.defaultdict(dict)
for f in findings:
    if f["rule"] == "smells/deep-nesting":
        tg_depth[folder(f["path"])][(f["path"], f["line"])] = f["properties"]["value"]
for f in findings:
    if f["rule"] != "smells/complex-function":
        continue
    name = re.match(r"`(.*?)` has", f["message"])
    params = tg_params.pop((f["path"], f["line"], f["column"]), 0)
    tg[folder(f["path"])][f["path"]].append(function(
        f["line"], f["column"], f["properties"]["value"], params,
        name.group(1) if name else "(anonymous)", f["properties"].get("decisions", "")))
    files[f["path"]] = f["properties"]["language"]
for path, language in files.items():
    tg_language[folder(path)][language] += 1
if tg_params:
    print(f"tollgate: {len(tg_params)} too-many-parameters findings at no complex-function finding")

# lizard's CSV: nloc, ccn, tokens, params, length, location, file, name, long name, start, end.
lz = nested()
for lang in langs:
    try:
        rows = list(csv.reader(open(os.path.join(out, f"lizard-{lang}.csv"),
                                    encoding="utf-8", errors="replace")))
    except OSError:
        rows = []
    for row in rows:
        if len(row) >= 11 and row[0].isdigit():
            path = os.path.normpath(row[6])
            f = function(int(row[9]), -int(row[10]), int(row[1]), int(row[3]), row[7])
            f["end"] = int(row[10])
            lz[folder(path)][path].append(f)

# ESLint: "Function 'f' has a complexity of 3. ...", "... has too many parameters (2). ..."
es, es_implicit, es_fatal = nested(), collections.Counter(), []
# ESLint's `max-depth` at 0: every block, with its depth (path, line) -> depths.
es_depth = collections.defaultdict(lambda: collections.defaultdict(list))
es_report = os.path.join(out, "eslint.json")
if os.path.exists(es_report) and os.path.getsize(es_report):
    for file in json.load(open(es_report)):
        path = os.path.relpath(file["filePath"], corpus)
        es_params = {}
        for m in file["messages"]:
            if m.get("fatal"):
                es_fatal.append(f"{path}:{m.get('line')}: {m['message']}")
            elif m.get("ruleId") == "max-depth":
                depth = re.search(r"too deeply \((\d+)\)", m["message"])
                if depth:
                    es_depth[folder(path)][(path, m["line"])].append(int(depth.group(1)))
            elif m.get("ruleId") == "max-params":
                count = re.search(r"too many parameters \((\d+)\)", m["message"])
                es_params[(m["line"], m["column"])] = int(count.group(1))
        for m in file["messages"]:
            found = re.match(r"(.*) has a complexity of (\d+)\.", m["message"])
            if m.get("ruleId") != "complexity" or not found:
                continue
            if found.group(1) in ("Class field initializer", "Class static block"):
                es_implicit[folder(path)] += 1
                continue
            params = es_params.get((m["line"], m["column"]), 0)
            es[folder(path)][path].append(
                function(m["line"], m["column"], int(found.group(2)), params, found.group(1)))


def match(left, right):
    """Pairs the functions of left and right (path -> functions): exact lines first, then the
    nearest within NEAR lines. Returns [(path, l, r, distance)], only left, only right."""
    pairs, only_left, only_right = [], [], []
    for path in sorted(set(left) | set(right)):
        ls = sorted(left.get(path, []), key=lambda f: (f["line"], f["order"]))
        rs = sorted(right.get(path, []), key=lambda f: (f["line"], f["order"]))
        free = collections.defaultdict(list)
        for j, r in enumerate(rs):
            free[r["line"]].append(j)
        partner = [None] * len(ls)
        for i, l in enumerate(ls):
            if free.get(l["line"]):
                partner[i] = free[l["line"]].pop(0)
        candidates = []
        for i, l in enumerate(ls):
            if partner[i] is None:
                for d in range(1, NEAR + 1):
                    for line in (l["line"] - d, l["line"] + d):
                        candidates += [(d, i, j) for j in free.get(line, ())]
        taken = {j for j in partner if j is not None}
        for d, i, j in sorted(candidates):
            if partner[i] is None and j not in taken:
                partner[i] = j
                taken.add(j)
        for i, l in enumerate(ls):
            if partner[i] is None:
                only_left.append((path, l))
            else:
                pairs.append((path, l, rs[partner[i]], abs(rs[partner[i]]["line"] - l["line"])))
        only_right += [(path, r) for j, r in enumerate(rs) if j not in taken]
    return pairs, only_left, only_right


# Where the conventions differ (NOTES.md has tollgate's): the decisions tollgate counts and
# lizard does not, by the kind names of tollgate's `decisions`, and the tokens lizard counts
# that are no decisions, found in the function's lines by pattern (approximately: strings and
# comments are not told apart).
LIZARD_SKIPS = {
    "javascript": {"?.", "optional_chain", "assignment_pattern", "object_assignment_pattern",
                   "&&=", "||=", "??="},
    "ruby": {"unless", "unless_modifier"},
    "php": {"and", "or", "match_conditional_expression"},
    "csharp": {"foreach_statement", "switch_expression_arm"},
    "c": {"and", "or"},
}
LIZARD_SKIPS["typescript"] = LIZARD_SKIPS["tsx"] = LIZARD_SKIPS["javascript"] | {
    "required_parameter", "optional_parameter"}
LIZARD_SKIPS["cpp"] = LIZARD_SKIPS["c"]
LIZARD_EXTRA = {
    # PHP's nullable types (`?string`) read as conditional operators.
    "php": [r"[(,:|]\s*\?[\\A-Za-z_]"],
    # Rust: `where` clauses, and a closure's empty `||` read as a boolean operator.
    "rust": [r"\bwhere\b", r"(?:[(,=]|move)\s*\|\|"],
    # C: each preprocessor `#if`, `#ifdef` and `#elif` inside a function (not `#ifndef`).
    "c": [r"^\s*#\s*(?:if|ifdef|elif)\b"],
}
LIZARD_EXTRA["cpp"] = LIZARD_EXTRA["c"]


def inside_macro_calls(text):
    """Rust: the decisions inside macro calls (`assert!(a && b)`, `tri!(if c {..} else {..})`)
    made tokens lizard does not count. tollgate reads a macro's arguments as the token tree
    they are, not as code, so it counts none of them."""
    out, at = [], 0
    for call in re.finditer(r"\b\w+!\s*[(\[{]", text):
        if call.start() < at:
            continue
        depth, i = 1, call.end()
        while i < len(text) and depth:
            c = text[i]
            if c == '"':
                i += 1
                while i < len(text) and text[i] != '"':
                    i += 2 if text[i] == "\\" else 1
            elif c == "'" and re.match(r"'(?:\\.|[^\\'])'", text[i:i + 4]):
                i += text.index("'", i + 2) - i
            elif c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            i += 1
        inner = re.sub(r"&&|\|\||\?|\b(?:if|while|for|match|loop)\b",
                       lambda m: m.group(0).upper() if m.group(0).isalpha() else " " * len(m.group(0)),
                       text[call.end():i])
        out += [text[at:call.end()], inner]
        at = i
    return "".join(out + [text[at:]])


def braced_bodies(text):
    """Scala: a `def f = ...` whose body starts on the next lines (or with `= (`) gets braces
    around the body, the lines more indented than the `def` (and a closing `)` at its
    level). lizard ends such a function at its first line."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head = re.match(r"(\s*)(?:.*\s)?def\s.*=\s*(\(?)\s*$", line)
        if not head or line.rstrip().endswith("=>"):
            continue
        indent, last = len(head.group(1)), None
        for j in range(i + 1, len(lines)):
            body = lines[j]
            level = len(body) - len(body.lstrip())
            if body.strip() and level <= indent and not (head.group(2) and body.strip().startswith(")")):
                break
            if body.strip():
                last = j
            if level <= indent and body.strip().startswith(")"):
                break
        if last is not None:
            lines[i] = re.sub(r"=(\s*\(?\s*)$", r"= {\1", line)
            lines[last] += " }"
    return "\n".join(lines)


def lambda_parameters(text):
    """Kotlin: a lambda's parameters and arrow (`{ d -> ...}`) blanked, not the entries of a
    `when` (`when (x) { a -> ...}`)."""
    def blank(m):
        if re.search(r"\bwhen\s*(?:\([^()]*\))?\s*$", text[max(0, m.start() - 80):m.start()]):
            return m.group(0)
        return "{" + m.group(1) + " " * (len(m.group(0)) - 1 - len(m.group(1)))
    return re.sub(r"\{([ \t]*)[\w, ()]+->", blank, text)


def rewrite(pattern, replacement):
    return lambda text: re.sub(pattern, replacement, text, flags=re.M)


# What lizard reads otherwise than the language, or counts where tollgate's convention does
# not: each a rewrite of the source that keeps every line in place and leaves what tollgate
# counts alone. For the functions whose value still differs under lizard's convention, lizard
# runs again on their files, rewritten one step more each time; a function whose value then
# equals tollgate's is put down to the step that made it so.
LIZARD_REWRITES = {
    "rust": [
        # `'0' <= c` starts a lifetime `'0` and then a string up to the next `'`.
        ("char literals ('a', '\\n') read as a lifetime and a string",
         rewrite(r"(?<![\w'])b?'(?:\\u\{[0-9a-fA-F]{1,6}\}|\\x[0-9a-fA-F]{2}|\\.|[^\\'\n])'", "C")),
        ("`?Sized` read as a conditional operator", rewrite(r"\?(?=\s*Sized\b)", " ")),
        ("decisions inside macro calls (tollgate's convention: a macro's arguments are tokens)",
         inside_macro_calls),
    ],
    "scala": [("a function body without braces ended at its first line", braced_bodies)],
    # `view.type = when (x) { ... }`: after `type` (a keyword in lizard's reader), the
    # `{` opens a function.
    "kotlin": [
        # lizard measures a lambda with parameters apart, and folds one without into its
        # function, as tollgate folds both.
        ("a lambda with parameters (`{ d -> ...}`) measured apart", lambda_parameters),
        ("the name `type` read as a keyword", rewrite(r"\btype\b", "kind")),
    ],
    # `string?`, `object?[]`: a nullable type is no `?:`.
    "csharp": [("nullable types (`T?`) read as conditional operators",
                rewrite(r"(?<=[\w>\]])\?(?=\s+\w|\[\]|[,;)>])", " "))],
}
_sources = {}


def lizard_convention(lang, path, l, r):
    """tollgate's cyclomatic complexity counted as lizard counts it."""
    skipped = 0
    for part in filter(None, r["why"].split(", ")):
        kind, count = part.rsplit(": ", 1)
        if kind in LIZARD_SKIPS.get(lang, ()):
            skipped += int(count)
    extra = 0
    if LIZARD_EXTRA.get(lang):
        if path not in _sources:
            try:
                _sources[path] = open(os.path.join(corpus, path), encoding="utf-8", errors="replace").read().split("\n")
            except OSError:
                _sources[path] = []
        text = "\n".join(_sources[path][l["line"] - 1:l.get("end", l["line"])])
        extra = sum(len(re.findall(p, text, re.M)) for p in LIZARD_EXTRA[lang])
    return r["ccn"] - skipped + extra


def lizard_rewritten(lang, left_over):
    """Runs lizard on the files of the functions left over, rewritten one LIZARD_REWRITES step
    more each time. Returns [(step, functions it brings to tollgate's value)] and the functions
    still apart."""
    steps = LIZARD_REWRITES.get(lang, [])
    if not steps or not left_over:
        return [], left_over
    paths = sorted({path for _, path, _, _ in left_over})
    texts = {}
    for path in paths:
        with open(os.path.join(corpus, path), encoding="utf-8", errors="replace") as source:
            texts[path] = source.read()
    explained, remaining = [], list(left_over)
    with tempfile.TemporaryDirectory() as tmp:
        for title, step in steps:
            for path in paths:
                texts[path] = step(texts[path])
                os.makedirs(os.path.dirname(os.path.join(tmp, path)), exist_ok=True)
                with open(os.path.join(tmp, path), "w", encoding="utf-8") as copy:
                    copy.write(texts[path])
            run = subprocess.run(["lizard", "--csv", "-l", lang, *paths], cwd=tmp,
                                 capture_output=True, text=True, errors="replace")
            now = {}
            for row in csv.reader(run.stdout.splitlines()):
                if len(row) >= 11 and row[0].isdigit():
                    now[(os.path.normpath(row[6]), int(row[9]))] = int(row[1])
            still = [x for x in remaining if now.get((x[1], x[2]["line"])) != x[0] + x[2]["ccn"]]
            explained.append((title, len(remaining) - len(still)))
            remaining = still
    return explained, remaining


def pct(n, of):
    return f"{100 * n / of:.1f}%" if of else "-"


def sample(rows):
    rows = sorted(rows, key=lambda x: (x[0], x[1]["line"]))
    return rows[:: max(1, len(rows) // show)][:show] if show else []


def label(path, f, peer=None, who=""):
    """path:line and name of a function; tollgate's name, and the peer's where it differs."""
    name = f["name"]
    if peer is not None:
        theirs = re.sub(r"^.*'(.*)'$", r"\1", peer["name"])
        if name == "(anonymous)":
            name = f"(anonymous; {who}: {peer['name']})" if theirs != name else name
        elif re.split(r"::|\.", theirs)[-1] != name:
            name = f"{name} ({who}: {peer['name']})"
    why = f"  [{f['why']}]" if f.get("why") else ""
    return f"{path}:{f['line']} {name}{why}"


def compare(peer, left, right, lang=None, confirmed=None):
    """Prints peer (left) against tollgate (right); returns (both, ccn equal, params equal),
    and for lizard (`lang` given) the cyclomatic values equal under lizard's convention."""
    pairs, only_left, only_right = match(left, right)
    near = sum(1 for p in pairs if p[3])
    count = lambda side: sum(len(v) for v in side.values())
    print(f"  functions: {peer} {count(left)}, tollgate {count(right)}, both {len(pairs)}"
          f" ({near} of them {NEAR} lines apart or less), only {peer} {len(only_left)},"
          f" only tollgate {len(only_right)}")
    equal = {}
    for metric, title in (("ccn", "cyclomatic"), ("params", "parameters")):
        diffs = [(r[metric] - l[metric], path, l, r) for path, l, r, _ in pairs]
        wrong = [d for d in diffs if d[0]]
        equal[metric] = len(diffs) - len(wrong)
        higher = sum(1 for d in wrong if d[0] > 0)
        print(f"  {title} equal: {equal[metric]} of {len(pairs)}"
              f" ({pct(equal[metric], len(pairs))}); tollgate higher {higher}, lower {len(wrong) - higher}")
        if not wrong:
            continue
        hist = collections.Counter(max(-5, min(5, d[0])) for d in wrong)
        print(f"    tollgate - {peer}, clamped to +-5: {dict(sorted(hist.items()))}")
        for d, path, l, r in sorted(wrong, key=lambda d: (-abs(d[0]), d[1], d[3]["line"]))[:show]:
            print(f"    {label(path, r, l, peer)}: tollgate {r[metric]}, {peer} {l[metric]}")
    if lang is not None:
        converted = [(lizard_convention(lang, path, l, r) - l["ccn"], path, l, r) for path, l, r, _ in pairs]
        left_over = [c for c in converted if c[0]]
        equal["convention"] = len(pairs) - len(left_over)
        print(f"  cyclomatic equal under lizard's convention: {equal['convention']} of {len(pairs)}"
              f" ({pct(equal['convention'], len(pairs))}); tollgate's count less {', '.join(sorted(LIZARD_SKIPS.get(lang, ()))) or 'nothing'},"
              f" plus lizard's extra tokens {LIZARD_EXTRA.get(lang, []) or 'none'}")
        if confirmed is not None and left_over:
            # Where ESLint, which counts as tollgate does, gives tollgate's value, the
            # difference is lizard's reading of the code, not a convention.
            agreed = sum(1 for _, path, _, r in left_over if (path, r["line"], r["order"]) in confirmed)
            print(f"    of the {len(left_over)} left, ESLint gives tollgate's value for {agreed}"
                  f" ({pct(agreed, len(left_over))}): there lizard misreads the code")
            left_over = [x for x in left_over if (x[1], x[3]["line"], x[3]["order"]) not in confirmed]
        explained, left_over = lizard_rewritten(lang, left_over)
        if explained:
            print(f"    lizard gives tollgate's value once its source is rewritten (one step more each time):")
            for title, count in explained:
                print(f"      {count:5}  {title}")
            print(f"    left unexplained: {len(left_over)}")
        equal["explained"] = len(pairs) - len(left_over)
        for d, path, l, r in sorted(left_over, key=lambda d: (-abs(d[0]), d[1], d[3]["line"]))[:show]:
            print(f"    {label(path, r, l, peer)}: tollgate as lizard counts {d + l['ccn']}, lizard {l['ccn']}")
    for who, rows in ((f"only {peer}", only_left), ("only tollgate", only_right)):
        if rows and show:
            print(f"  {who}, a sample:")
            for path, f in sample(rows):
                print(f"    {label(path, f)}: cyclomatic {f['ccn']}, parameters {f['params']}")
    result = [len(pairs), equal["ccn"], equal["params"]]
    return result + [equal["convention"], equal["explained"]] if lang is not None else result


times = ", ".join(f"{tool} {seconds(tool)}" for tool in ("tollgate", "lizard", "eslint")
                  if seconds(tool))
print(f"run times: {times}  (tollgate: every language in one process; lizard: one per language)")
summary = []
for lang in langs:
    nfiles = sum(len(names) for _, _, names in os.walk(os.path.join(corpus, lang)))
    with_functions = sum(1 for p in lz[lang] if lz[lang][p])
    print(f"\n-- {lang}: {nfiles} files; functions in {with_functions} of them for lizard,"
          f" {len(tg[lang])} for tollgate")
    if nfiles < 20:
        print(f"  only {nfiles} files, all the {lang} source the corpus found in the package"
              " registries: the figures say little")
    languages = tg_language[lang]
    if set(languages) - {lang}:
        read = ", ".join(f"{k} {v}" for k, v in sorted(languages.items()))
        print(f"  tollgate's language of those with functions: {read}")
    row = [lang, nfiles, sum(map(len, lz[lang].values())), sum(map(len, tg[lang].values()))]
    print(" lizard:")
    confirmed = None
    if lang in ("javascript", "typescript", "tsx") and os.path.exists(es_report):
        es_pairs, _, _ = match(es[lang], tg[lang])
        confirmed = {(path, r["line"], r["order"]) for path, l, r, _ in es_pairs if l["ccn"] == r["ccn"]}
    row += compare("lizard", lz[lang], tg[lang], lang, confirmed)
    if lang in ("javascript", "typescript", "tsx") and os.path.exists(es_report):
        print(" ESLint (complexity, max-params):")
        if es_implicit[lang]:
            print("  class field initializers and static blocks, functions to ESLint alone,"
                  f" left out: {es_implicit[lang]}")
        row += compare("ESLint", es[lang], tg[lang])
        # A function's deepest block, as tollgate reports it: ESLint reports a block of the
        # same depth on that line.
        deepest = tg_depth[lang]
        same = [k for k, d in deepest.items() if d in es_depth[lang].get(k, ())]
        print(f"  deepest block of each function (max-depth): ESLint reports the same depth on"
              f" tollgate's line for {len(same)} of {len(deepest)} ({pct(len(same), len(deepest))})")
        apart = sorted(set(deepest.items()) - {(k, deepest[k]) for k in same})
        if apart:
            # ESLint's rule pushes a block for an `if` that is no `else if`, and pops one at
            # every `if`'s end: after an `else if`, each depth it reports is one too low.
            def after_else_if(path, line):
                lines = open(os.path.join(corpus, path), encoding="utf-8", errors="replace").read().split("\n")
                return any(re.search(r"\belse\s+if\b", text) for text in lines[max(0, line - 80):line - 1])
            low = sum(1 for (path, line), d in apart if after_else_if(path, line))
            print(f"    of the {len(apart)} apart, {low} have an `else if` above them in the function"
                  " (80 lines): ESLint's max-depth pops a block at each `else if` it did not push,"
                  " and reports the depth below one too low")
        for (path, line), d in apart[:show]:
            print(f"    {path}:{line}: tollgate depth {d}, ESLint there {es_depth[lang].get((path, line)) or 'none'}")
        row.append(pct(len(same), len(deepest)))
    summary.append(row)
if es_fatal:
    print(f"\nESLint could not parse {len(es_fatal)} files:")
    for line in es_fatal[: max(show, 1)]:
        print(f"  {line}")

print(f"\n{'language':12}{'files':>6}{'lizard':>8}{'tollgate':>9}{'both':>7}{'ccn equal':>11}"
      f"{'as lizard':>11}{'explained':>11}{'params eq':>11}   {'ESLint both':>11}{'ccn equal':>11}"
      f"{'params eq':>11}{'depth eq':>10}")
for row in summary:
    line = (f"{row[0]:12}{row[1]:>6}{row[2]:>8}{row[3]:>9}{row[4]:>7}{pct(row[5], row[4]):>11}"
            f"{pct(row[7], row[4]):>11}{pct(row[8], row[4]):>11}{pct(row[6], row[4]):>11}")
    if len(row) > 9:
        line += f"   {row[9]:>11}{pct(row[10], row[9]):>11}{pct(row[11], row[9]):>11}{row[12]:>10}"
    print(line)
print("\nccn equal: tollgate's cyclomatic complexity (NOTES.md's counting) equals lizard's; as lizard:"
      " equal once tollgate's count leaves out what lizard does not count and adds what lizard"
      " counts that is no decision (the lists above each language's figures); explained: as lizard,"
      " or the rest of the difference is lizard's reading, shown by ESLint giving tollgate's value"
      " (JavaScript, TypeScript) or by lizard giving it once the construct it misreads is rewritten.")
