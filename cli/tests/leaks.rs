//! Nothing leaks, nothing hides a file: secrets are redacted wherever a file's text appears
//! (every format, every selection, summaries, baselines, history), and files that are not
//! plain UTF-8 or are too large are still scanned for secrets.

mod common;

use common::{tollgate, wait_within, Run};

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

/// A GitHub classic token and an AWS key id, in the formats tollgate detects.
const GITHUB_TOKEN: &str = "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";
const AWS_KEY_ID: &str = "AKIA5MTTE44KEDEH6UYY";
const SECRETS: &[&str] = &[GITHUB_TOKEN, AWS_KEY_ID];

const FORMATS: &[&str] = &["text", "json", "sarif", "github", "gitlab"];

/// No piece of a secret longer than what redaction itself shows (at most 7 characters) may
/// appear: a truncated quote of a secret is a leak too.
fn assert_no_leak(what: &str, text: &str) {
    for secret in SECRETS {
        let bytes = secret.as_bytes();
        for piece in bytes.windows(8) {
            let piece = std::str::from_utf8(piece).unwrap();
            assert!(
                !text.contains(piece),
                "{what}: `{piece}` of a secret is printed:\n{text}"
            );
        }
    }
}

/// One tree in which the secrets appear in every place an analyzer other than the secrets
/// one quotes or shows text.
fn leaky_tree(dir: &Path) {
    let workflows = dir.join(".github/workflows");
    std::fs::create_dir_all(&workflows).unwrap();
    std::fs::write(
        workflows.join("pr.yml"),
        format!(
            "on:\n  - pull_request_target\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container: python:{GITHUB_TOKEN}\n    steps:\n      - uses: actions/checkout@8e8c483db84b4bee98b60c0593521ed34d9990e8 # v7.0.0\n        with:\n          allow-unsafe-pr-checkout: true\n          persist-credentials: false\n          ref: ${{{{ github.event.pull_request.head.ref }}}}\n      - run: GH_TOKEN={GITHUB_TOKEN} make test\n      - uses: someone/tool@{GITHUB_TOKEN}\n"
        ),
    )
    .unwrap();
    // Syntax errors whose message quotes the start of the broken line.
    std::fs::write(dir.join("app.py"), format!("import os\nx = \"{GITHUB_TOKEN}\" )\n")).unwrap();
    std::fs::write(dir.join("keys.py"), format!("\"{AWS_KEY_ID}\" = = 1\n")).unwrap();
    // An allow comment hides the secrets finding, not the secret.
    std::fs::write(
        dir.join("allowed.py"),
        format!("print(\"{GITHUB_TOKEN}\"  # gitleaks:allow\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("Dockerfile"),
        format!("FROM python:{GITHUB_TOKEN}\nFROM registry.example.com/{GITHUB_TOKEN}/app\nRUN echo hi\n"),
    )
    .unwrap();
    // Two secrets on one line: each finding's snippet shows the other one.
    std::fs::write(
        dir.join("config.txt"),
        format!("github = \"{GITHUB_TOKEN}\" aws = \"{AWS_KEY_ID}\"\n"),
    )
    .unwrap();
    std::fs::write(dir.join("tollgate.toml"), "[docker]\npedantic = true\n").unwrap();
}

const SELECTIONS: &[&[&str]] = &[
    &[],
    &["--select", "python"],
    &["--select", "actions"],
    &["--select", "docker"],
    &["--select", "secrets/github-pat"],
];

#[test]
fn no_secret_is_printed_in_any_format_or_selection() {
    let dir = tempfile::tempdir().unwrap();
    leaky_tree(dir.path());
    for selection in SELECTIONS {
        let mut seen_rules = Vec::new();
        for format in FORMATS {
            let summary = dir.path().join("summary.md");
            let output = dir.path().join(format!("out.{format}"));
            let _ = std::fs::remove_file(&summary);
            let mut args = vec!["check", ".", "--verbose", "--format", format, "--summary", "summary.md"];
            args.extend_from_slice(selection);
            let run = tollgate(dir.path(), &args);
            let what = format!("{format} {selection:?}");
            // Python's syntax errors are notes, below the default `--fail-on`.
            assert!(run.code == 0 || run.code == 1, "{what}: {}{}", run.stdout, run.stderr);
            assert_no_leak(&format!("{what} stdout"), &run.stdout);
            assert_no_leak(&format!("{what} stderr"), &run.stderr);
            assert_no_leak(&format!("{what} summary"), &std::fs::read_to_string(&summary).unwrap());
            if *format == "json" {
                let findings: Value = serde_json::from_str(&run.stdout).unwrap();
                for finding in findings.as_array().unwrap() {
                    seen_rules.push(finding["rule"].as_str().unwrap().to_string());
                }
            }

            args.extend(["--output", output.to_str().unwrap()]);
            let run = tollgate(dir.path(), &args);
            assert!(run.code == 0 || run.code == 1, "{what}: {}", run.stderr);
            assert_no_leak(&format!("{what} stdout with --output"), &run.stdout);
            assert_no_leak(&format!("{what} stderr with --output"), &run.stderr);
            assert_no_leak(&format!("{what} --output"), &std::fs::read_to_string(&output).unwrap());
        }
        // The tree does reach every quoting analyzer the selection runs.
        let expected: &[&str] = match selection.get(1).copied() {
            None => &[
                "actions/pwn-request",
                "actions/unpinned-uses",
                "actions/unpinned-image",
                "docker/from-without-digest",
                "python/syntax-error",
                "secrets/github-pat",
                "secrets/aws-access-key-id",
            ],
            Some("python") => &["python/syntax-error"],
            Some("actions") => &["actions/pwn-request", "actions/unpinned-uses", "actions/unpinned-image"],
            Some("docker") => &["docker/from-without-digest", "docker/untagged-image"],
            Some(other) => &[other],
        };
        for rule in expected {
            assert!(
                seen_rules.iter().any(|r| r == rule),
                "{selection:?}: no {rule} in {seen_rules:?}"
            );
        }
    }
}

#[test]
fn baselines_hold_no_secret() {
    let dir = tempfile::tempdir().unwrap();
    leaky_tree(dir.path());
    for selection in SELECTIONS {
        let mut args = vec!["baseline", ".", "-o", "baseline.json"];
        args.extend_from_slice(selection);
        let run = tollgate(dir.path(), &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_no_leak("baseline stderr", &run.stderr);
        let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
        assert_no_leak(&format!("baseline {selection:?}"), &text);
        // The baseline still matches the run it was made from.
        let mut args = vec!["check", ".", "--baseline", "baseline.json"];
        args.extend_from_slice(selection);
        let run = tollgate(dir.path(), &args);
        assert_eq!(run.code, 0, "{selection:?}: {}{}", run.stdout, run.stderr);
    }
}

#[test]
fn history_records_redact_every_secret_on_the_line() {
    let dir = tempfile::tempdir().unwrap();
    common::git(dir.path(), &["init", "-q"]);
    std::fs::write(
        dir.path().join("config.txt"),
        format!("github = \"{GITHUB_TOKEN}\" aws = \"{AWS_KEY_ID}\"\n"),
    )
    .unwrap();
    common::git(dir.path(), &["add", "."]);
    common::git(dir.path(), &["commit", "-q", "-m", "config"]);
    for select in ["secrets/github-pat", "secrets/aws-access-key-id", "secrets"] {
        for format in FORMATS {
            let run = tollgate(
                dir.path(),
                &["check", "--git-history", "--select", select, "--format", format],
            );
            assert_eq!(run.code, 1, "{select} {format}: {}", run.stderr);
            assert_no_leak(&format!("history {select} {format} stdout"), &run.stdout);
            assert_no_leak(&format!("history {select} {format} stderr"), &run.stderr);
        }
    }
}

/// Every finding of a JSON report, as (rule, path, line, column).
fn findings(run: &Run) -> Vec<(String, String, u64, u64)> {
    let value: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn has(found: &[(String, String, u64, u64)], rule: &str, path: &str, line: u64, column: u64) -> bool {
    found
        .iter()
        .any(|f| f.0 == rule && f.1 == path && f.2 == line && f.3 == column)
}

#[test]
fn binary_and_invalid_utf8_files_are_scanned_for_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let mut binary = b"\x7fELF\0\0\0\x01".to_vec();
    binary.extend_from_slice(format!("\ntoken = \"{GITHUB_TOKEN}\"\n").as_bytes());
    std::fs::write(dir.path().join("tool.bin"), &binary).unwrap();
    // One invalid byte on line 1; the secret on line 2 after a non-ASCII character.
    let mut invalid = b"caf\xe9 menu\n".to_vec();
    invalid.extend_from_slice(format!("\u{e9}t\u{e9} = \"{GITHUB_TOKEN}\"\n").as_bytes());
    std::fs::write(dir.path().join("notes.txt"), &invalid).unwrap();
    let run = tollgate(dir.path(), &["check", ".", "--format", "json", "--verbose"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run);
    assert!(has(&found, "secrets/github-pat", "tool.bin", 2, 10), "{found:?}");
    // `été = "` is 7 characters: the token starts in column 8.
    assert!(has(&found, "secrets/github-pat", "notes.txt", 2, 8), "{found:?}");
    // The other analyzers' skip is still reported.
    assert!(run.stderr.contains("tool.bin: "), "{}", run.stderr);
    assert!(run.stderr.contains("notes.txt: "), "{}", run.stderr);
    assert_no_leak("binary stdout", &run.stdout);
}

#[test]
fn files_over_the_size_limit_are_scanned_for_secrets_in_windows() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tollgate.toml"), "max-file-size = 1000\n").unwrap();
    // Secrets at the start, around each MiB and at the end of a 3 MiB file of short lines.
    let line = "filler line of text\n";
    let mut text = String::new();
    let mut expected_lines = Vec::new();
    let mut line_number = 0u64;
    let marks = [0usize, (1 << 20) - 30, (2 << 20) - 5, (3 << 20) - 100];
    let mut next = 0;
    while text.len() < 3 << 20 {
        if next < marks.len() && text.len() >= marks[next] {
            text.push_str(&format!("token = \"{GITHUB_TOKEN}\"\n"));
            line_number += 1;
            expected_lines.push(line_number);
            next += 1;
        } else {
            text.push_str(line);
            line_number += 1;
        }
    }
    std::fs::write(dir.path().join("big.log"), &text).unwrap();
    let run = tollgate(dir.path(), &["check", ".", "--format", "json", "--verbose"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run);
    for line in &expected_lines {
        assert!(
            has(&found, "secrets/github-pat", "big.log", *line, 10),
            "line {line}: {found:?}"
        );
    }
    assert_eq!(found.len(), expected_lines.len(), "{found:?}");
    assert!(run.stderr.contains("big.log: "), "{}", run.stderr);
}

#[test]
fn python_files_declaring_latin_1_are_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let mut latin = b"# -*- coding: latin-1 -*-\ns = \"\xe9\xe9\"; x = = 1\n".to_vec();
    latin.extend_from_slice(format!("token = \"{GITHUB_TOKEN}\"\n").as_bytes());
    std::fs::write(dir.path().join("legacy.py"), &latin).unwrap();
    std::fs::write(
        dir.path().join("odd.py"),
        format!("# coding: klingon\ntoken = \"{GITHUB_TOKEN}\"\n"),
    )
    .unwrap();
    let run = tollgate(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run);
    // `s = "éé"; x = ` is 14 characters: the second `=` is in column 15.
    assert!(has(&found, "python/syntax-error", "legacy.py", 2, 15), "{found:?}");
    assert!(has(&found, "secrets/github-pat", "legacy.py", 3, 10), "{found:?}");
    assert!(!run.stderr.contains("legacy.py"), "{}", run.stderr);
    // An unknown codec is said, and the secrets are still found.
    assert!(has(&found, "secrets/github-pat", "odd.py", 2, 10), "{found:?}");
    assert!(
        run.stderr.contains("odd.py: ") && run.stderr.contains("klingon"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_baseline_with_a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.txt"), format!("token = \"{GITHUB_TOKEN}\"\n")).unwrap();
    let run = tollgate(dir.path(), &["baseline", ".", "-o", "baseline.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = dir.path().join("baseline.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let run = tollgate(dir.path(), &["check", ".", "--baseline", "baseline.json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

/// 10,000 tokens on one 410 KB line: every finding shows a bounded window of the line, so
/// the run stays small. Run under a virtual-memory cap, with a wall-clock guard.
#[test]
fn ten_thousand_secrets_on_one_line_stay_small() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::new();
    for i in 0..10_000 {
        // Distinct tokens: the same 36 characters with a counter mixed in.
        let token = format!("ghp_{:06}{}", i, &GITHUB_TOKEN[10..]);
        line.push_str(&token);
        line.push(' ');
    }
    line.push('\n');
    assert!(line.len() > 400_000);
    std::fs::write(dir.path().join("tokens.txt"), &line).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("tollgate");
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 500000 && exec "$0" check tokens.txt --format json --threads 2 -o out.json"#)
        .arg(&binary)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let output = wait_within(child, Duration::from_secs(120)).expect("still running after 120 s");
    let (status, stderr) = (output.status, String::from_utf8_lossy(&output.stderr));
    assert_eq!(status.code(), Some(1), "{stderr}");
    let out: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap()).unwrap();
    // (`ghp_000000…` reads as a placeholder: a few tokens are not reported.)
    assert!(out.as_array().unwrap().len() > 9_900);
    // The text report shows each finding's window of the line, not the whole line.
    let run = tollgate(dir.path(), &["check", "tokens.txt", "--select", "secrets/github-pat"]);
    let longest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 1000, "a line of {longest} characters in the text report");
}
