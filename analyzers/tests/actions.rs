//! Tests of the actions analyzer beyond the rule fixtures (testdata/actions/, checked by
//! cli/tests/fixtures.rs): spans, related locations, policies, broken input.

use std::path::{Path, PathBuf};

use tollgate_analyzers::actions::{self, PinPolicy, Settings};
use tollgate_analyzers::{Input, Kinds};
use tollgate_rules::{Finding, Location};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/actions")
}

fn kinds_for(name: &str) -> Kinds {
    Kinds {
        workflow: !name.ends_with(".action.yml"),
        action: name.ends_with(".action.yml"),
        ..Kinds::default()
    }
}

fn run(name: &str, text: &str, settings: &Settings) -> Vec<Finding> {
    let input = Input {
        path: name,
        text,
        kinds: kinds_for(name),
        role: None,
    };
    let mut out = Vec::new();
    actions::analyze(&input, settings, false, &mut out);
    // As a run with the default selection sees them.
    out.retain(|f| tollgate_rules::find(f.rule).is_some_and(|rule| rule.default_enabled));
    out
}

fn all_fixtures() -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for dir in std::fs::read_dir(fixtures_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let folder = dir.file_name().unwrap().to_string_lossy().to_string();
        for file in std::fs::read_dir(&dir).unwrap() {
            found.push((folder.clone(), file.unwrap().path()));
        }
    }
    found.sort();
    found
}

#[test]
fn spans_point_at_the_exact_token() {
    let text = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: \"actions/checkout@v4\"\n      - {uses: o/r@main}\n";
    let findings = run("ci.yml", text, &Settings::default());
    let tokens: Vec<&str> = findings.iter().map(|f| &text[f.span.clone()]).collect();
    assert_eq!(tokens, ["v4", "main"]);
    let step = text.find("- uses").unwrap() + 2;
    assert_eq!(findings[0].statement_start, Some(step));
}

#[test]
fn pwn_request_relates_the_trigger_and_the_executing_step() {
    let path = fixtures_dir().join("pwn-request/bad-target-head-sha.yml");
    let text = std::fs::read_to_string(path).unwrap();
    let findings = run("bad-target-head-sha.yml", &text, &Settings::default());
    let pwn = findings
        .iter()
        .find(|f| f.rule == "actions/pwn-request")
        .expect("pwn request");
    assert_eq!(&text[pwn.span.clone()], "${{ github.event.pull_request.head.sha }}");
    let related: Vec<&str> = pwn
        .related
        .iter()
        .map(|r| match &r.location {
            Location::Here(span) => &text[span.clone()],
            Location::Elsewhere { .. } => panic!("same-file locations expected"),
        })
        .collect();
    assert_eq!(related, ["pull_request_target", "npm ci"]);
    assert!(!findings.iter().any(|f| f.rule == "actions/dangerous-trigger"));
}

fn policy_settings(entries: &[(&str, PinPolicy)]) -> Settings {
    Settings {
        unpinned_uses: entries.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        ..Settings::default()
    }
}

#[test]
fn the_most_specific_pinning_policy_wins_and_is_named() {
    let steps = [
        "actions/checkout@v4",
        "actions/cache",
        "Actions/setup-node@v4",
        "github/codeql-action/init@v3",
        "github/codeql-action/analyze@v3",
        "octo/tool@v1",
        "mine/anything@dev",
    ];
    let mut text = String::from("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n");
    for uses in steps {
        text.push_str(&format!("      - uses: {uses}\n"));
    }
    let settings = policy_settings(&[
        ("*", PinPolicy::HashPin),
        ("actions/*", PinPolicy::RefPin),
        ("actions/setup-node", PinPolicy::HashPin),
        ("github/codeql-action", PinPolicy::RefPin),
        ("github/codeql-action/analyze", PinPolicy::HashPin),
        ("mine/*", PinPolicy::Any),
    ]);
    let findings = run("ci.yml", &text, &settings);
    let got: Vec<(&str, &str)> = findings
        .iter()
        .filter(|f| f.rule == "actions/unpinned-uses")
        .map(|f| {
            let policy = &f.message[f.message.find("(policy").unwrap()..];
            (&text[f.span.clone()], policy)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("actions/cache", "(policy `actions/*` = ref-pin)"),
            ("v4", "(policy `actions/setup-node` = hash-pin)"),
            ("v3", "(policy `github/codeql-action/analyze` = hash-pin)"),
            ("v1", "(policy `*` = hash-pin)"),
        ]
    );
}

#[test]
fn settings_use_kebab_case_and_reject_unknown_keys() {
    #[derive(serde::Deserialize)]
    struct Wrapper {
        actions: Settings,
    }
    let parsed: Wrapper =
        serde_json::from_str(r#"{"actions": {"unpinned-uses": {"actions/*": "ref-pin", "*": "any"}}}"#).unwrap();
    assert_eq!(parsed.actions.unpinned_uses["actions/*"], PinPolicy::RefPin);
    assert!(serde_json::from_str::<Wrapper>(r#"{"actions": {"unpinned": {}}}"#).is_err());
    assert!(serde_json::from_str::<Wrapper>(r#"{"actions": {"unpinned-uses": {"*": "pinned"}}}"#).is_err());
}

#[test]
fn broken_input_never_panics() {
    for (_, path) in all_fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                run(&name, &text[..cut], &Settings::default());
                run(&name, &text[cut..], &Settings::default());
            }
            cut += 13;
        }
    }
    for weird in [
        "",
        "\t\t",
        "[",
        "- - - -",
        "on:",
        "on: [",
        "jobs: *nope",
        "a: &a [*a]",
        "jobs:\n  x:\n    steps: 3\n",
        "on: pull_request_target\njobs:\n  x:\n    steps:\n      - run: \"\\u12\"\n",
    ] {
        run("weird.yml", weird, &Settings::default());
        run("weird.action.yml", weird, &Settings::default());
    }
}

/// The pwn request in `text` is reported.
fn assert_pwn_request(text: &str) {
    let findings = run("ci.yml", text, &Settings::default());
    let pwn = findings
        .iter()
        .find(|f| f.rule == "actions/pwn-request")
        .unwrap_or_else(|| panic!("no pwn request in {findings:#?}"));
    assert_eq!(&text[pwn.span.clone()], "${{ github.event.pull_request.head.sha }}");
}

const PWN_JOBS: &str = "jobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n";

// Found by fuzzing: a byte order mark at the start hid `on:`.
#[test]
fn a_byte_order_mark_does_not_hide_the_trigger() {
    assert_pwn_request(&format!("\u{feff}on: pull_request_target\n{PWN_JOBS}"));
    assert_pwn_request(&format!("\u{feff}# ci\non: pull_request_target\n{PWN_JOBS}"));
}

// Found by fuzzing: a tagged key (`! jobs:`) hid the jobs.
#[test]
fn a_tag_on_a_key_does_not_hide_the_jobs() {
    assert_pwn_request(&format!("on: pull_request_target\n! {PWN_JOBS}"));
    assert_pwn_request(&format!("on: pull_request_target\n!!str {PWN_JOBS}"));
}
