//! The smells of every language but Python: the measurement fixtures in
//! testdata/smells/metrics/ (one file or more per language), checked with every threshold at
//! 0 so that each measure is reported. A line's `metrics: name=value ...` comment (in the
//! language's own comment syntax) gives the values the findings on that line carry (0: no
//! finding with that metric there); the functions' measures that no comment names must not be
//! reported either, so a fixture states every measure of each function it holds. The rule
//! fixtures (testdata/smells/<rule>/) are checked by cli/tests/fixtures.rs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tollgate_analyzers::smells::{Language, Limits, SMELLS};
use tollgate_analyzers::{analyze, classify, Input, Settings};
use tollgate_rules::{Finding, LineIndex, RuleSet};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/smells/metrics");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|p| p.is_file() && !p.ends_with("README.md"))
        .collect();
    // `SMELLS_FIXTURE=go` checks only the fixtures whose name holds `go`.
    if let Ok(only) = std::env::var("SMELLS_FIXTURE") {
        files.retain(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains(&only))
        });
    }
    files.sort();
    files
}

fn zero() -> Limits {
    Limits {
        max_complexity: Some(0),
        max_cognitive_complexity: Some(0),
        max_parameters: Some(0),
        max_returns: Some(0),
        max_depth: Some(0),
        max_bool_expr: Some(0),
        max_function_lines: Some(0),
        max_class_lines: Some(0),
        max_file_lines: Some(0),
    }
}

fn zero_thresholds() -> Settings {
    Settings {
        javascript: zero(),
        typescript: zero(),
        go: zero(),
        java: zero(),
        rust: zero(),
        ruby: zero(),
        csharp: zero(),
        php: zero(),
        c: zero(),
        cpp: zero(),
        kotlin: zero(),
        swift: zero(),
        scala: zero(),
        ..Settings::default()
    }
}

fn run(name: &str, text: &str, settings: &Settings) -> Vec<Finding> {
    let input = Input {
        path: name,
        text,
        kinds: classify(name),
        role: None,
    };
    analyze(&input, settings, &RuleSet::all())
}

/// `key=value` pairs after `metrics:` on each line, by 1-based line.
fn annotations(text: &str) -> BTreeMap<usize, Vec<(String, u64)>> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find("metrics:") else { continue };
        let pairs = line[at + 8..]
            .split_whitespace()
            .take_while(|pair| pair.contains('='))
            .map(|pair| {
                let (key, value) = pair.split_once('=').expect("key=value");
                (key.to_string(), value.parse().expect("numeric value"))
            })
            .collect();
        out.insert(i + 1, pairs);
    }
    out
}

/// The metrics a fixture must state wherever they are reported; `lines`, `class-lines` and
/// `file-lines` are checked where a comment names them.
const STATED: &[&str] = &[
    "cyclomatic",
    "cognitive",
    "parameters",
    "returns",
    "depth",
    "boolean-expressions",
];

#[test]
fn measures_match_the_annotated_values() {
    let settings = zero_thresholds();
    let mut checked = 0;
    let mut languages = Vec::new();
    let mut wrong = Vec::new();
    for path in fixtures() {
        let name = path.file_name().and_then(|n| n.to_str()).expect("file name");
        let language = Language::of_path(name).unwrap_or_else(|| panic!("{name}: no language"));
        languages.push(language);
        let text = std::fs::read_to_string(&path).expect("fixture");
        let lines = LineIndex::new(&text);
        let findings = run(name, &text, &settings);
        let stated = annotations(&text);
        let found_at = |line: usize, metric: &str| -> Vec<u64> {
            findings
                .iter()
                .filter(|f| lines.line_of(f.span.start) + 1 == line)
                .filter_map(|f| f.metric.filter(|m| m.name == metric).map(|m| m.value))
                .collect()
        };
        for (line, pairs) in &stated {
            for (metric, expected) in pairs {
                let want: Vec<u64> = if *expected == 0 { vec![] } else { vec![*expected] };
                let found = found_at(*line, metric);
                if found != want {
                    wrong.push(format!("{name}:{line}: {metric} is {found:?}, stated {want:?}"));
                }
                checked += 1;
            }
        }
        for finding in &findings {
            let line = lines.line_of(finding.span.start) + 1;
            let metric = finding.metric.expect("a smell finding carries its metric");
            let named = stated
                .get(&line)
                .is_some_and(|pairs| pairs.iter().any(|(m, _)| m == metric.name));
            if !named && STATED.contains(&metric.name) {
                wrong.push(format!(
                    "{name}:{line}: {} = {} is reported but not stated ({})",
                    metric.name, metric.value, finding.message
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} measures differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    if std::env::var("SMELLS_FIXTURE").is_ok() {
        return;
    }
    let missing: Vec<&str> = Language::ALL
        .iter()
        .filter(|l| !languages.contains(l))
        .map(|l| l.name())
        .collect();
    assert!(missing.is_empty(), "no metrics fixture for {missing:?}");
    assert!(checked > 300, "only {checked} annotated values");
}

#[test]
fn each_smell_reads_its_threshold_from_its_setting() {
    for (smell, value) in SMELLS.iter().zip(1000..) {
        let limits: Limits = toml::from_str(&format!("{} = {value}", smell.setting)).expect(smell.setting);
        let thresholds = limits.resolve(Language::Go);
        assert_eq!((smell.threshold)(&thresholds), value, "{}", smell.rule.id);
    }
}

#[test]
fn every_kind_a_table_names_exists_in_its_grammar() {
    for language in Language::ALL {
        let unknown = tollgate_analyzers::smells::unknown_kinds(language);
        assert!(unknown.is_empty(), "{}: {unknown:?}", language.name());
    }
}

#[test]
fn attributes_and_annotations_start_the_definition() {
    // Rust's attributes are nodes of their own before the function; a multi-line one too.
    let parameters = |path: &str, text: &str| {
        run(path, text, &Settings::default())
            .into_iter()
            .find(|f| f.rule == "smells/too-many-parameters")
            .expect("a finding")
    };
    let text = "#[allow(clippy::too_many_arguments)]\n#[pyo3(signature = (a,\n    b))]\nfn f(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8) {}\n";
    let params = parameters("a.rs", text);
    assert_eq!(&text[params.span.clone()], "f");
    assert_eq!(params.statement_start, Some(0));
    // Java's annotations are part of the method.
    let text = "class A {\n  @Override\n  void f(int a, int b, int c, int d, int e, int f, int g, int h) {}\n}\n";
    let params = parameters("A.java", text);
    assert_eq!(
        params.statement_start,
        Some(text.find("@Override").expect("annotation"))
    );
}

#[test]
fn bad_input_never_panics() {
    let inputs = [
        "",
        "\n\n\n",
        "function",
        "func (",
        "fn f(",
        "class {",
        "def f(\n  if",
        "if (a && (b ||",
        "switch (x) { case",
        "\u{feff}int main() { return 0; }",
        "x = `unterminated ${",
        "#define F(x) { if (x)\nvoid f() { F(1) }",
        "<?php function f($a) { match($a) { default",
        "fun f() = when {",
        "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
    ];
    let settings = zero_thresholds();
    for language in Language::ALL {
        let name = format!("x.{}", extension(language));
        for input in inputs {
            run(&name, input, &settings);
        }
        // Deep nesting and long boolean chains walk without recursion.
        let deep = "if (a) {".repeat(3000) + &"}".repeat(3000);
        run(&name, &deep, &settings);
        let chain = format!("f(a {});", "&& b ".repeat(20_000));
        run(&name, &chain, &settings);
    }
}

fn extension(language: Language) -> &'static str {
    match language {
        Language::JavaScript => "js",
        Language::TypeScript => "ts",
        Language::Tsx => "tsx",
        Language::Go => "go",
        Language::Java => "java",
        Language::Rust => "rs",
        Language::Ruby => "rb",
        Language::CSharp => "cs",
        Language::Php => "php",
        Language::C => "c",
        Language::Cpp => "cpp",
        Language::Kotlin => "kt",
        Language::Swift => "swift",
        Language::Scala => "scala",
    }
}
