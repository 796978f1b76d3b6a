//! The python analyzer: the measurement fixtures in testdata/python/metrics/, where every
//! rule runs with its threshold at 0, so each measure is reported; a line's
//! `# metrics: name=value ...` comment gives the values the findings on that line must carry
//! (0: no finding with that metric on the line). The rule fixtures (testdata/python/<rule>/)
//! are checked by cli/tests/fixtures.rs.

use std::path::{Path, PathBuf};

use tollgate_analyzers::{analyze, classify, python, Input, Settings};
use tollgate_rules::{Finding, LineIndex, RuleSet};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/python")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py" || e == "pyi"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", root.display());
    files
}

fn run(path: &Path, text: &str, settings: &Settings) -> Vec<Finding> {
    let name = path.file_name().and_then(|n| n.to_str()).expect("file name");
    let input = Input {
        path: name,
        text,
        kinds: classify(name),
        role: None,
    };
    analyze(&input, settings, &RuleSet::all())
}

/// Every smell at the lowest threshold that still reports it, so each measure is reported.
fn zero_thresholds() -> Settings {
    let lowest: String = python::SMELLS
        .iter()
        .map(|smell| {
            let threshold = match smell.bound {
                python::Bound::Above => 0,
                python::Bound::AtLeast => 1,
            };
            format!("{} = {threshold}\n", smell.setting)
        })
        .collect();
    Settings {
        python: toml::from_str(&lowest).expect("the smells' settings"),
        ..Settings::default()
    }
}

#[test]
fn each_smell_reads_its_threshold_from_its_setting() {
    for (smell, value) in python::SMELLS.iter().zip(1000..) {
        let settings: python::Settings = toml::from_str(&format!("{} = {value}", smell.setting)).expect(smell.setting);
        assert_eq!((smell.threshold)(&settings), value, "{}", smell.rule.id);
    }
}

/// A line's `key=value` pairs (the value is optional).
type Pairs<'a> = Vec<(&'a str, Option<u64>)>;

/// `key=value` pairs after `marker` in each line, with 1-based line numbers.
fn annotations<'a>(text: &'a str, marker: &str) -> Vec<(usize, Pairs<'a>)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(marker) else { continue };
        let pairs = line[at + marker.len()..]
            .split_whitespace()
            .map(|pair| match pair.split_once('=') {
                Some((key, value)) => (key, Some(value.parse().expect("numeric value"))),
                None => (pair, None),
            })
            .collect();
        out.push((i + 1, pairs));
    }
    out
}

#[test]
fn measures_match_the_annotated_values() {
    let settings = zero_thresholds();
    let mut checked = 0;
    for path in fixtures("metrics") {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let lines = LineIndex::new(&text);
        let findings = run(&path, &text, &settings);
        for (line, pairs) in annotations(&text, "# metrics:") {
            for (metric, expected) in pairs {
                let expected = expected.expect("metrics need values");
                let found: Vec<u64> = findings
                    .iter()
                    .filter(|f| lines.line_of(f.span.start) + 1 == line)
                    .filter_map(|f| f.metric.filter(|m| m.name == metric).map(|m| m.value))
                    .collect();
                let want: Vec<u64> = if expected == 0 { vec![] } else { vec![expected] };
                assert_eq!(found, want, "{}:{line}: {metric}", path.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} annotated values");
}

#[test]
/// The firing fixtures of every smell (`testdata/python/<slug>/bad-*.py`; the fixture
/// harness checks where they fire): each finding carries its table row's metric and
/// threshold, and its message says both.
fn smell_findings_carry_the_table_metric_and_threshold() {
    let settings = Settings::default();
    let mut checked = 0;
    for smell in python::SMELLS {
        let slug = smell.rule.id.split_once('/').expect("domain/slug").1;
        for path in fixtures(slug).into_iter().filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("bad-"))
        }) {
            let text = std::fs::read_to_string(&path).expect("fixture");
            for finding in run(&path, &text, &settings).iter().filter(|f| f.rule == smell.rule.id) {
                let metric = finding.metric.expect("a smell finding carries its metric");
                assert_eq!(metric.name, smell.metric, "{}: {}", path.display(), finding.rule);
                let threshold = u64::from((smell.threshold)(&settings.python));
                assert_eq!(metric.threshold, threshold, "{}: {}", path.display(), finding.rule);
                assert!(
                    finding.message.contains(&metric.value.to_string()),
                    "{}: message `{}` lacks the value",
                    path.display(),
                    finding.message
                );
                if smell.bound == python::Bound::Above {
                    assert!(
                        finding.message.contains(&format!("(max {})", metric.threshold)),
                        "{}",
                        finding.message
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= python::SMELLS.len(), "only {checked} smell findings checked");
}

#[test]
fn messages_name_the_function_and_point_at_its_name() {
    let path = Path::new("complex_function.py");
    let text = "def parse_args(x):\n".to_string() + &"    if x:\n        pass\n".repeat(13);
    let findings = run(path, &text, &Settings::default());
    let complex: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule == "python/complex-function")
        .collect();
    assert_eq!(complex.len(), 1);
    assert_eq!(complex[0].message, "`parse_args` has cyclomatic complexity 14 (max 10)");
    assert_eq!(&text[complex[0].span.clone()], "parse_args");
    let metric = complex[0].metric.expect("metric");
    assert_eq!((metric.name, metric.value, metric.threshold), ("cyclomatic", 14, 10));
}

#[test]
fn decorated_definitions_carry_the_decorator_as_statement_start() {
    let text = "@cache\n@other\ndef f(a, b, c, d, e, f):\n    pass\n";
    let findings = run(Path::new("d.py"), text, &Settings::default());
    let args = findings
        .iter()
        .find(|f| f.rule == "python/too-many-arguments")
        .expect("finding");
    assert_eq!(&text[args.span.clone()], "f");
    assert_eq!(args.statement_start, Some(0));
}

#[test]
fn syntax_error_is_one_note_at_the_first_error() {
    let text = "def ok(a, b, c, d, e, f):\n    pass\n\nx = (\n\ndef broken(:\n    pass\n";
    let findings = run(Path::new("s.py"), text, &Settings::default());
    let errors: Vec<&Finding> = findings.iter().filter(|f| f.rule == "python/syntax-error").collect();
    assert_eq!(errors.len(), 1, "{findings:?}");
    assert!(errors[0].span.start >= text.find("x = (").expect("x"));
    assert!(findings.iter().any(|f| f.rule == "python/too-many-arguments"));
}

#[test]
fn bad_input_never_panics() {
    let inputs = [
        "",
        "\n\n\n",
        "def",
        "class :",
        "match x:\n    case",
        "if (a and (b or",
        "def f(*, **):\n  return",
        "\u{feff}def f(): pass",
        "x = '''unterminated",
        "lambda: (yield)",
        "@\nclass C: pass",
        "def f(\u{e9}, \u{4e2d}):\n    \u{4e2d} = 1",
        "\t\tif True:\n\treturn",
    ];
    for text in inputs {
        let _ = run(Path::new("bad.py"), text, &zero_thresholds());
    }
    let pattern = format!(
        "def f(x):\n    match x:\n        case {}_{}:\n            pass\n",
        "(".repeat(500),
        ")".repeat(500)
    );
    let _ = run(Path::new("pattern.py"), &pattern, &zero_thresholds());
    let deep = "(".repeat(5000) + &")".repeat(5000);
    let _ = run(Path::new("deep.py"), &deep, &zero_thresholds());
    let nested: String = (0..200)
        .map(|i| format!("{}if x:\n", "    ".repeat(i)))
        .collect::<String>()
        + &"    ".repeat(200)
        + "pass\n";
    let _ = run(
        Path::new("nested.py"),
        &format!(
            "def f(x):\n{}",
            nested.lines().map(|l| format!("    {l}\n")).collect::<String>()
        ),
        &zero_thresholds(),
    );
}

/// Runs the analyzer on its own thread and fails if it takes longer than `limit`: the
/// pathological files below must stay linear, and the limit is generous for a debug build.
fn run_within(limit: std::time::Duration, text: String) -> Vec<Finding> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(run(Path::new("big.py"), &text, &Settings::default()));
    });
    receive
        .recv_timeout(limit)
        .unwrap_or_else(|_| panic!("not done within {limit:?}"))
}

const TEN_SECONDS: std::time::Duration = std::time::Duration::from_secs(10);

fn names(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}{i}")).collect()
}

fn value_of(findings: &[Finding], rule: &str) -> Option<u64> {
    findings
        .iter()
        .find(|f| f.rule == rule)
        .and_then(|f| f.metric.as_ref())
        .map(|m| m.value)
}

#[test]
fn eighty_thousand_parameters_are_counted_in_linear_time() {
    let text = format!("def f({}):\n    pass\n", names("a", 80_000).join(", "));
    let findings = run_within(TEN_SECONDS, text);
    assert_eq!(value_of(&findings, "python/too-many-arguments"), Some(80_000));
}

#[test]
fn eighty_thousand_locals_are_counted_in_linear_time() {
    let body: String = names("v", 80_000).iter().map(|n| format!("    {n} = 1\n")).collect();
    let findings = run_within(TEN_SECONDS, format!("def f():\n{body}"));
    assert_eq!(value_of(&findings, "python/too-many-locals"), Some(80_000));
    let targets = names("t", 80_000).join(", ");
    let findings = run_within(
        TEN_SECONDS,
        format!("def f():\n    {targets} = g()\n    del {targets}\n"),
    );
    assert_eq!(value_of(&findings, "python/too-many-locals"), None);
    let imports = format!("def f():\n    from m import {}\n", names("i", 80_000).join(", "));
    run_within(TEN_SECONDS, imports);
}

#[test]
fn eighty_thousand_attributes_are_counted_in_linear_time() {
    let reads: String = names("o", 80_000).iter().map(|n| format!("        {n}.x\n")).collect();
    run_within(TEN_SECONDS, format!("class C:\n    def m(self):\n{reads}"));
    let writes: String = names("a", 80_000)
        .iter()
        .map(|n| format!("        self.{n} = 1\n"))
        .collect();
    let findings = run_within(TEN_SECONDS, format!("class C:\n    def m(self):\n{writes}"));
    assert_eq!(value_of(&findings, "python/too-many-instance-attributes"), Some(80_000));
}

/// A name can be as long as the file; a message quotes a short excerpt of it.
#[test]
fn messages_quote_short_excerpts_of_long_names() {
    let name = "n".repeat(100_000);
    let text = format!("class {name}:\n    def {name}(self, a, b, c, d, e, f):\n        {name}.x\n");
    let findings = run(Path::new("long.py"), &text, &zero_thresholds());
    assert!(findings.iter().any(|f| f.rule == "python/too-many-arguments"));
    for finding in findings {
        assert!(
            finding.message.len() <= 300,
            "{}: {} bytes",
            finding.rule,
            finding.message.len()
        );
    }
}

fn nested_ifs(depth: usize, body: &str) -> String {
    let mut text: String = (0..depth).map(|d| format!("{}if x:\n", " ".repeat(d))).collect();
    text.push_str(&format!("{}{body}\n", " ".repeat(depth)));
    text
}

/// tree-sitter-python's scanner aborts the process (a C assert on its 1 KB state buffer) when
/// a string starts under about 400 levels of indentation; such a file is a syntax error
/// here, and never reaches the parser.
#[test]
fn indentation_too_deep_for_the_parser_is_a_syntax_error_not_an_abort() {
    for body in ["y = 's'", "y = f'{x}'", "y = 1"] {
        let text = nested_ifs(520, body);
        let findings = run(Path::new("deep.py"), &text, &Settings::default());
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].rule, "python/syntax-error");
        assert!(findings[0].message.contains("indentation"), "{}", findings[0].message);
    }
    // Backslash continuations inside the indentation count too.
    let continued: String = (0..450).map(|d| format!("{}\\\n", " ".repeat(d))).collect();
    let findings = run(
        Path::new("deep.py"),
        &format!("if x:\n{continued} y = 's'\n"),
        &Settings::default(),
    );
    assert!(findings.iter().any(|f| f.rule == "python/syntax-error"));
    // Deep but within bounds: parsed as usual.
    let findings = run(Path::new("deep.py"), &nested_ifs(200, "y = 's'"), &Settings::default());
    assert!(findings.iter().all(|f| f.rule != "python/syntax-error"), "{findings:?}");
}

/// CPython reads a lone `\r` as a line end (classic Mac files).
#[test]
fn lone_carriage_returns_end_lines() {
    let text = "import os\r\rdef f(a, b, c, d, e, g):\r    if a:\r        return 1\r    return 2\r";
    let findings = run(Path::new("mac.py"), text, &Settings::default());
    assert!(findings.iter().all(|f| f.rule != "python/syntax-error"), "{findings:?}");
    let args = findings
        .iter()
        .find(|f| f.rule == "python/too-many-arguments")
        .expect("f has six arguments");
    assert_eq!(&text[args.span.clone()], "f");
    let mixed = "def f(a, b, c, d, e, g):\r\n    x = 1\r    return x\n";
    let findings = run(Path::new("mixed.py"), mixed, &Settings::default());
    assert!(findings.iter().all(|f| f.rule != "python/syntax-error"), "{findings:?}");
}
