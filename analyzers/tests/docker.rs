//! Fixture tests for the Dockerfile analyzer.
//!
//! Every `testdata/docker/*.Dockerfile` states what it expects with comment lines:
//! `# expect: <rule> <text>` says the next line that is not an `# expect:` line has a
//! finding of `<rule>` whose span starts with `<text>`. The rules checked in a file are the
//! rule its name starts with (`apt-pin.bad.Dockerfile` checks `docker/apt-pin`), the rules of
//! its expectations and those of `# check: <rule>` lines; for them the findings must be
//! exactly the expected ones. `# settings: <toml>` lines give `[docker]` settings.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tollgate_analyzers::{analyze, docker, Input, Kinds, Settings};
use tollgate_rules::{catalogue, Finding, RuleSet};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/docker")
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("testdata/docker exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "Dockerfile"))
        .collect();
    files.sort();
    files
}

fn run(text: &str, settings: docker::Settings) -> Vec<Finding> {
    let rules = RuleSet::new(Some(&["docker".to_string()]), &[], &[]).expect("docker selects rules");
    let kinds = Kinds {
        dockerfile: true,
        ..Kinds::default()
    };
    let input = Input {
        path: "Dockerfile",
        text,
        kinds,
    };
    let settings = Settings {
        docker: settings,
        ..Settings::default()
    };
    analyze(&input, &settings, &rules)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

type Expectation = (usize, String, String);

struct Fixture {
    name: String,
    text: String,
    settings: docker::Settings,
    expected: BTreeSet<Expectation>,
    checked: BTreeSet<String>,
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut expected = BTreeSet::new();
    let mut checked = BTreeSet::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    let mut settings = String::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("# expect: ") {
            let (rule, span) = rest.split_once(' ').unwrap_or((rest, ""));
            pending.push((rule.to_string(), span.to_string()));
            continue;
        }
        if let Some(rule) = trimmed.strip_prefix("# check: ") {
            checked.insert(rule.trim().to_string());
        }
        if let Some(toml) = trimmed.strip_prefix("# settings: ") {
            settings.push_str(toml);
            settings.push('\n');
        }
        for (rule, span) in pending.drain(..) {
            checked.insert(rule.clone());
            expected.insert((index + 1, rule, span));
        }
    }
    assert!(pending.is_empty(), "{name}: `# expect:` at the end of the file");
    let stem = name.split('.').next().unwrap_or("");
    let own = format!("docker/{stem}");
    if catalogue().get(&own).is_some() {
        checked.insert(own);
    }
    let settings: docker::Settings =
        toml::from_str(&settings).unwrap_or_else(|e| panic!("{name}: bad `# settings:`: {e}"));
    Fixture {
        name,
        text,
        settings,
        expected,
        checked,
    }
}

fn actual(fixture: &Fixture) -> BTreeSet<Expectation> {
    run(&fixture.text, fixture.settings.clone())
        .into_iter()
        .filter(|f| fixture.checked.contains(f.rule))
        .map(|f| {
            let span = &fixture.text[f.span.clone()];
            assert!(!f.message.is_empty(), "{}: empty message for {}", fixture.name, f.rule);
            (
                line_of(&fixture.text, f.span.start),
                f.rule.to_string(),
                span.lines().next().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn fixtures_report_exactly_what_they_expect() {
    let mut failures = Vec::new();
    for path in fixtures() {
        let fixture = load(&path);
        let got = actual(&fixture);
        let missing: Vec<_> = fixture.expected.difference(&got).collect();
        let extra: Vec<_> = got.difference(&fixture.expected).collect();
        if !missing.is_empty() || !extra.is_empty() {
            failures.push(format!(
                "{}:\n  missing {missing:?}\n  unexpected {extra:?}",
                fixture.name
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_firing_and_a_quiet_fixture() {
    let files: Vec<Fixture> = fixtures().iter().map(|p| load(p)).collect();
    let mut missing = Vec::new();
    for rule in catalogue().rules().iter().filter(|r| r.domain() == "docker") {
        let slug = rule.id.trim_start_matches("docker/");
        let bad = files
            .iter()
            .find(|f| f.name == format!("{slug}.bad.Dockerfile"))
            .is_some_and(|f| f.expected.iter().any(|(_, r, _)| r == rule.id));
        let good = files.iter().any(|f| f.name == format!("{slug}.good.Dockerfile"));
        if !bad || !good {
            missing.push(format!("{} (bad with expectations: {bad}, good: {good})", rule.id));
        }
    }
    assert!(missing.is_empty(), "rules without fixtures:\n{}", missing.join("\n"));
}

#[test]
fn findings_on_continuation_lines_carry_the_instruction_start() {
    let text = "FROM debian:12.5\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n";
    let findings = run(text, docker::Settings::default());
    let pin = findings
        .iter()
        .find(|f| f.rule == "docker/apt-pin")
        .expect("curl is unpinned");
    assert_eq!(&text[pin.span.clone()], "curl");
    assert_eq!(line_of(text, pin.span.start), 3);
    assert_eq!(pin.statement_start, Some(text.find("RUN").unwrap()));
}

#[test]
fn a_long_file_is_fast_and_every_run_is_seen() {
    let mut text = String::from("FROM debian:12.5\n");
    for i in 0..1000 {
        text.push_str(&format!("ENV V{i}=x{i}\nRUN echo $V{i} | tee /tmp/{i}\n"));
    }
    let started = std::time::Instant::now();
    let findings = run(&text, docker::Settings::default());
    let pipes = findings
        .iter()
        .filter(|f| f.rule == "docker/pipe-without-pipefail")
        .count();
    assert_eq!(pipes, 1000);
    // Generous for debug builds on a shared machine; the release figure is in scripts/bench-docker.
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn garbage_becomes_parse_errors_not_panics() {
    let inputs = [
        "FROM\n",
        "RUN <<EOF\n",
        "\u{0}\u{1}FROM x\n",
        "FROM x\nRUN \\",
        "FROM x\nCOPY <<A <<B /x\nA\n",
        "ONBUILD ONBUILD RUN x\n",
        "FROM x\nRUN $(((((\n",
        "FROM x\nSHELL pwsh\n",
    ];
    for text in inputs {
        let findings = run(text, docker::Settings::default());
        assert!(
            findings.iter().any(|f| f.rule == "docker/parse-error") || text.contains("$((("),
            "{text:?} gives a parse error"
        );
    }
}
