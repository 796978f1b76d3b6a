//! `--staged`, `--diff-base` and baselines, on real temporary git repositories.

mod common;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use common::git;
use serde_json::Value;

const KEY: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n";
const OTHER_KEY: &str = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oZ6vK8mM2qTjoAoGCCqGSM49\nAwEHoUQDQgAE7ivtGUxrd5FEi5jmg3nB9FdHJ3P0uqpcrnqKpg1LW6JwNhQyzPcE\n-----END EC PRIVATE KEY-----\n";

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    dir
}

fn write(dir: &Path, path: &str, content: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

struct Run {
    code: i32,
    findings: Vec<(String, String, u64)>,
    stderr: String,
}

fn check(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let findings = if output.status.code() == Some(2) {
        Vec::new()
    } else {
        let parsed: Vec<Value> = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
        parsed
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().into(),
                    f["rule"].as_str().unwrap().into(),
                    f["line"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    Run {
        code: output.status.code().unwrap(),
        findings,
        stderr,
    }
}

#[test]
fn staged_reads_the_index_not_the_working_file() {
    let dir = repo();
    write(dir.path(), "deploy.pem", KEY);
    git(dir.path(), &["add", "deploy.pem"]);
    write(
        dir.path(),
        "deploy.pem",
        "removed from the working tree, still staged\n",
    );
    let staged = check(dir.path(), &["--staged"]);
    assert_eq!(staged.code, 1);
    assert_eq!(
        staged.findings,
        vec![("deploy.pem".into(), "secrets/private-key".into(), 1)]
    );
    assert!(check(dir.path(), &[]).findings.is_empty(), "the working file is clean");

    // The other way round: a clean index and a dirty working file pass a pre-commit check.
    write(dir.path(), "clean.txt", "nothing\n");
    git(dir.path(), &["add", "clean.txt"]);
    git(dir.path(), &["commit", "-qm", "x", "--no-verify"]);
    write(dir.path(), "clean.txt", KEY);
    git(dir.path(), &["add", "clean.txt"]);
    write(dir.path(), "clean.txt", "nothing\n");
    assert_eq!(check(dir.path(), &["--staged"]).findings.len(), 1);
    git(dir.path(), &["add", "clean.txt"]);
    let run = check(dir.path(), &["--staged"]);
    assert_eq!(run.code, 0);
    assert!(run.findings.is_empty());
}

#[test]
fn staged_with_paths_scans_only_those() {
    let dir = repo();
    write(dir.path(), "a/key.pem", KEY);
    write(dir.path(), "b/key.pem", KEY);
    git(dir.path(), &["add", "."]);
    let run = check(dir.path(), &["--staged", "a/key.pem"]);
    assert_eq!(
        run.findings,
        vec![("a/key.pem".into(), "secrets/private-key".into(), 1)]
    );
    let run = check(&dir.path().join("b"), &["--staged"]);
    assert_eq!(
        run.findings,
        vec![("key.pem".into(), "secrets/private-key".into(), 1)],
        "paths are relative to the cwd"
    );
}

#[test]
fn diff_base_keeps_only_new_problems() {
    let dir = repo();
    write(dir.path(), "old.pem", KEY);
    write(dir.path(), "notes.txt", "line 1\nline 2\n");
    write(dir.path(), "moved.txt", &format!("header\n{OTHER_KEY}"));
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "base"]);
    git(dir.path(), &["checkout", "-qb", "feature"]);
    write(dir.path(), "notes.txt", &format!("line 1\nline 2\n{OTHER_KEY}"));
    git(dir.path(), &["mv", "moved.txt", "renamed.txt"]);
    git(dir.path(), &["commit", "-qam", "change"]);
    write(dir.path(), "brand-new.pem", KEY);

    let all = check(dir.path(), &[]);
    assert_eq!(all.findings.len(), 4, "{:?}", all.findings);
    let new = check(dir.path(), &["--diff-base", "main"]);
    assert_eq!(
        new.findings,
        vec![
            ("brand-new.pem".into(), "secrets/private-key".into(), 1),
            ("notes.txt".into(), "secrets/private-key".into(), 3)
        ]
    );
    assert!(new.stderr.contains("2 findings on lines unchanged"), "{}", new.stderr);
}

#[test]
fn diff_base_errors_say_what_to_fetch() {
    let dir = repo();
    write(dir.path(), "a.txt", "a\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "a"]);
    let run = check(dir.path(), &["--diff-base", "origin/nope"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`origin/nope` is not a commit") && run.stderr.contains("git fetch"),
        "{}",
        run.stderr
    );

    // A shallow clone whose history does not reach the merge base.
    git(dir.path(), &["checkout", "-qb", "feature"]);
    write(dir.path(), "b.txt", "b\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "b"]);
    git(dir.path(), &["checkout", "-q", "main"]);
    write(dir.path(), "c.txt", "c\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "c"]);
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", dir.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", "--branch", "feature", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    git(
        &shallow,
        &["fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main"],
    );
    let run = check(&shallow, &["--diff-base", "origin/main"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no merge base") && run.stderr.contains("fetch-depth: 0"),
        "{}",
        run.stderr
    );
}

#[test]
fn baseline_survives_moved_lines_and_counts_copies() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "keys.txt", &format!("{KEY}{OTHER_KEY}"));
    let record = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["baseline", ".", "-o", "baseline.json"])
        .output()
        .unwrap();
    assert!(record.status.success(), "{}", String::from_utf8_lossy(&record.stderr));
    assert!(String::from_utf8_lossy(&record.stderr).contains("Recorded 2 findings"));

    // Lines inserted above: still the same findings.
    write(
        dir.path(),
        "keys.txt",
        &format!("new line\n\nanother\n{KEY}{OTHER_KEY}"),
    );
    let run = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(run.code, 0, "{:?}", run.findings);
    assert!(run.findings.is_empty());
    assert!(
        run.stderr.contains("2 findings recorded in the baseline"),
        "{}",
        run.stderr
    );

    // A second copy of a recorded problem is new.
    write(dir.path(), "keys.txt", &format!("new line\n{KEY}{OTHER_KEY}{KEY}"));
    let run = check(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(run.findings.len(), 1);
    assert_eq!(run.code, 1);

    // A fixed problem leaves a stale entry, reported so the baseline can shrink.
    write(dir.path(), "keys.txt", KEY);
    let run = check(dir.path(), &["--baseline", "baseline.json"]);
    assert!(run.findings.is_empty());
    assert!(
        run.stderr.contains("1 baseline entries no longer match"),
        "{}",
        run.stderr
    );

    write(dir.path(), "bad.json", "{\"version\": 1}");
    let run = check(dir.path(), &["--baseline", "bad.json"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("bad.json: not a tollgate baseline"),
        "{}",
        run.stderr
    );
}

#[test]
fn git_history_finds_a_deleted_key_once_at_its_first_commit() {
    let dir = repo();
    write(dir.path(), "README.md", "hello\n");
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "start"]);
    write(dir.path(), "config/deploy.pem", &format!("# deploy key\n{KEY}"));
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "add a key"]);
    std::fs::remove_file(dir.path().join("config/deploy.pem")).unwrap();
    git(dir.path(), &["commit", "-qam", "remove the key"]);
    write(dir.path(), "backup.txt", &format!("old\n\n{KEY}"));
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "the same key again"]);

    assert!(check(dir.path(), &[])
        .findings
        .iter()
        .all(|(p, _, _)| p == "backup.txt"));
    let output = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--git-history", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let findings: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let finding = &findings[0];
    assert_eq!(finding["path"], "config/deploy.pem");
    assert_eq!(finding["line"], 2, "the line in the commit's version of the file");
    assert_eq!(finding["properties"]["commits"], 2);
    assert_eq!(finding["properties"]["author"], "t <t@example.com>");
    assert!(finding["properties"]["date"].as_str().unwrap().starts_with("20"));
    let first = Process::new("git")
        .current_dir(dir.path())
        .args(["rev-parse", "HEAD~2"])
        .output()
        .unwrap();
    assert_eq!(
        finding["properties"]["commit"],
        String::from_utf8_lossy(&first.stdout).trim()
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lg"));

    // A range limits the commits read.
    let output = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--git-history", "HEAD~1..HEAD", "--format", "json"])
        .output()
        .unwrap();
    let findings: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["path"], "backup.txt");
    assert_eq!(findings[0]["line"], 3);

    let output = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["check", "--git-history", "nope..HEAD"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--git-history"));
}
