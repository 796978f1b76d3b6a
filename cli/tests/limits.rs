//! GitHub's limits, on generated trees that go over each: results in a SARIF run, and the
//! annotations a step shows.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// A real-looking GitHub token (its checksum holds): `secrets/github-pat` reports it as an error.
const GITHUB_TOKEN: &str = "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";

/// `functions` functions of six parameters: two warnings each (too many arguments, too many
/// positional ones); a file that does not parse, first in the report's order (a note); and a
/// token, last in that order (an error).
fn tree(dir: &Path, functions: usize) {
    let code: String = (0..functions)
        .map(|i| format!("def f{i}(a, b, c, d, e, f):\n    pass\n"))
        .collect();
    std::fs::write(dir.join("many.py"), code).unwrap();
    std::fs::write(dir.join("aa_broken.py"), "def broken(:\n").unwrap();
    std::fs::create_dir_all(dir.join("zz")).unwrap();
    std::fs::write(dir.join("zz/config.env"), format!("TOKEN={GITHUB_TOKEN}\n")).unwrap();
}

fn tollgate(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tollgate").unwrap();
    cmd.current_dir(dir)
        .env("TOLLGATE_NO_CACHE", "1")
        .args(["check", "--fail-on", "never"]);
    cmd
}

#[test]
fn a_sarif_run_keeps_the_most_severe_25000_results_and_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    // 26,000 warnings, notes and an error: over a thousand too many.
    tree(dir.path(), 13_000);
    // Written outside the tree, which the JSON run below scans again.
    let report = tempfile::tempdir().unwrap();
    let sarif_path = report.path().join("out.sarif");
    let out = tollgate(dir.path())
        .args(["--format", "sarif", "-o"])
        .arg(&sarif_path)
        .arg(".")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let text = std::fs::read_to_string(&sarif_path).unwrap();
    let sarif = common::assert_valid_sarif(&text);
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 25_000);
    let levels = |level: &str| results.iter().filter(|r| r["level"] == level).count();
    // The error comes last in the report's order and is kept; the note comes first and is not.
    assert_eq!((levels("error"), levels("warning"), levels("note")), (1, 24_999, 0));
    // The kept results stay in the report's order: by path, then line.
    let places: Vec<(String, u64)> = results
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                location["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(places.windows(2).all(|w| w[0] <= w[1]), "results out of order");
    // The same run in JSON has every finding: 26,000 warnings, the error, and the notes (the
    // broken file, and copies of the `pass` bodies).
    let json = tollgate(dir.path()).args(["--format", "json", "."]).output().unwrap();
    let all: Value = serde_json::from_slice(&json.stdout).unwrap();
    let all = all.as_array().unwrap();
    let count = |level: &str| all.iter().filter(|r| r["level"] == level).count();
    assert_eq!((count("error"), count("warning")), (1, 26_000));
    assert!(count("note") >= 1);
    let notes = count("note");
    let account = format!(
        "SARIF: {} findings, 25000 in the report; left out, least severe first: 1001 warnings, {notes} note{} (GitHub's limit of 25000 results a run)",
        all.len(),
        if notes == 1 { "" } else { "s" }
    );
    let notifications = run["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert!(
        notifications.iter().any(|n| n["message"]["text"] == account),
        "{notifications:?}"
    );
    assert!(stderr.contains(&account), "{stderr}");
}

#[test]
fn a_run_within_the_limits_leaves_nothing_out() {
    let dir = tempfile::tempdir().unwrap();
    tree(dir.path(), 10);
    let out = tollgate(dir.path()).args(["--format", "sarif", "."]).output().unwrap();
    let sarif = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 22);
    let notifications = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert!(!notifications.to_string().contains("left out"), "{notifications}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("left out"));
}

#[test]
fn github_annotations_go_most_severe_first_and_say_how_many_more_there_are() {
    let dir = tempfile::tempdir().unwrap();
    // 12 warnings (6 functions), a note, an error.
    tree(dir.path(), 6);
    let out = tollgate(dir.path()).args(["--format", "github", "."]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let kinds: Vec<&str> = lines
        .iter()
        .map(|line| {
            if line.starts_with("::error file=") {
                "error"
            } else if line.starts_with("::warning file=") {
                "warning"
            } else if line.starts_with("::warning title=") {
                "more"
            } else if line.starts_with("::notice file=") {
                "notice"
            } else {
                "log"
            }
        })
        .collect();
    let mut expected = vec!["error"];
    expected.extend(["warning"; 9]);
    expected.push("more");
    expected.extend(["log"; 3]);
    expected.push("notice");
    assert_eq!(kinds, expected, "{stdout}");
    assert!(
        lines[10].ends_with("::3 more warnings than GitHub shows as annotations (10 of each level a step): they are listed in this step's log below, and the SARIF report has them all"),
        "{}",
        lines[10]
    );
    assert!(lines[11].starts_with("many.py:"), "{}", lines[11]);
    assert!(lines[11].contains(": warning python/"), "{}", lines[11]);
    // Nothing is lost: every finding is in the output once.
    let json = tollgate(dir.path()).args(["--format", "json", "."]).output().unwrap();
    let all: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(all.as_array().unwrap().len(), lines.len() - 1);
}

#[test]
fn as_many_annotations_as_github_shows_need_no_account() {
    let dir = tempfile::tempdir().unwrap();
    // 10 warnings: exactly what a step shows.
    tree(dir.path(), 5);
    let out = tollgate(dir.path()).args(["--format", "github", "."]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("::warning file=")).count(),
        10,
        "{stdout}"
    );
    assert!(!stdout.contains("more warning"), "{stdout}");
}
