//! `--staged`, `--diff-base` and baselines, on real temporary git repositories.

mod common;

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;
use common::{branchy, git, wait_within};
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
        // Before the arguments, which may end with `-- PATH...`.
        .args(["--format", "json"])
        .args(args)
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

/// Runs `tollgate check ARGS --format json`-like commands that could block, killing them
/// after a generous limit.
fn check_with_deadline(dir: &Path, args: &[&str]) -> std::process::Output {
    let child = Process::new(assert_cmd::cargo::cargo_bin("tollgate"))
        .current_dir(dir)
        .arg("check")
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_within(child, std::time::Duration::from_secs(30))
        .unwrap_or_else(|| panic!("tollgate check {args:?} still running after 30 s"))
}

fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", message]);
}

fn paths(run: &Run) -> Vec<String> {
    run.findings.iter().map(|(path, _, _)| path.clone()).collect()
}

#[test]
fn a_file_named_like_an_option_after_double_dash_is_a_file() {
    let dir = repo();
    write(dir.path(), "--fail-on=never", KEY);
    write(dir.path(), "--output=README.md", "");
    write(dir.path(), "README.md", "hello\n");
    let run = check(dir.path(), &["--", "--fail-on=never", "--output=README.md"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(paths(&run), vec!["--fail-on=never".to_string()]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "hello\n"
    );
}

#[test]
fn ignore_files_do_not_hide_tracked_files() {
    let dir = repo();
    write(dir.path(), "README.md", "hello\n");
    commit_all(dir.path(), "start");
    git(dir.path(), &["checkout", "-qb", "feature"]);
    write(dir.path(), "src/.ignore", "*\n");
    write(dir.path(), "src/config.env", KEY);
    write(dir.path(), ".gitignore", "forced.pem\nignored.pem\n");
    write(dir.path(), "forced.pem", KEY);
    git(dir.path(), &["add", "-f", "forced.pem"]);
    write(dir.path(), "tollgate.toml", "exclude = [\"vendor\"]\n");
    write(dir.path(), "vendor/key.pem", KEY);
    write(dir.path(), "gone.pem", KEY);
    commit_all(dir.path(), "feature");
    std::fs::remove_file(dir.path().join("gone.pem")).unwrap();
    // Untracked files count unless ignored.
    write(dir.path(), "untracked.pem", OTHER_KEY);
    write(dir.path(), "ignored.pem", OTHER_KEY);

    let expected = vec![
        "forced.pem".to_string(),
        "src/config.env".to_string(),
        "untracked.pem".to_string(),
    ];
    let run = check(dir.path(), &["."]);
    assert_eq!(paths(&run), expected, "{}", run.stderr);
    assert!(
        !run.stderr.contains("gone.pem"),
        "a deleted file is skipped quietly: {}",
        run.stderr
    );
    assert_eq!(paths(&check(dir.path(), &[])), expected);
    let run = check(dir.path(), &["--diff-base", "main"]);
    assert_eq!(paths(&run), expected, "{}", run.stderr);
    assert_eq!(run.code, 1);
    // Roots below the top are listed the same way, relative to the current directory.
    let run = check(&dir.path().join("src"), &["."]);
    assert_eq!(paths(&run), vec!["config.env".to_string()], "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn listed_symlinks_and_submodules_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.pem", KEY);
    let sub = repo();
    write(sub.path(), "inner.pem", KEY);
    commit_all(sub.path(), "inner");

    let dir = repo();
    write(dir.path(), "app.py", "print('hi')\n");
    std::os::unix::fs::symlink(outside.path().join("secret.pem"), dir.path().join("link.pem")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linkdir")).unwrap();
    // A gitlink, as `git submodule add` leaves it.
    git(
        dir.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            sub.path().to_str().unwrap(),
            "sub",
        ],
    );
    commit_all(dir.path(), "links");
    let run = check(dir.path(), &[]);
    assert!(run.findings.is_empty(), "{:?} {}", run.findings, run.stderr);
    assert_eq!(run.code, 0);
}

#[test]
fn config_is_found_from_the_current_directory_not_the_scanned_paths() {
    let dir = repo();
    write(dir.path(), "aaa/.tollgate.toml", "select = []\n");
    write(dir.path(), "aaa/key.pem", KEY);
    write(dir.path(), "b/key.pem", KEY);
    let run = check(dir.path(), &["--", "aaa/key.pem", "b/key.pem"]);
    assert_eq!(paths(&run), vec!["aaa/key.pem".to_string(), "b/key.pem".to_string()]);
    let run = check(dir.path(), &["aaa"]);
    assert_eq!(paths(&run), vec!["aaa/key.pem".to_string()]);

    // From a subdirectory, the lookup climbs to the repository root.
    write(dir.path(), "tollgate.toml", "fail-on = \"never\"\n");
    let run = check(&dir.path().join("b"), &[]);
    assert_eq!(run.code, 0, "fail-on = never from the root's tollgate.toml");
    assert_eq!(run.findings.len(), 1);
    // In aaa/ itself its config is the current directory's.
    assert!(check(&dir.path().join("aaa"), &[]).findings.is_empty());

    // Outside a git repository, only the current directory.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "tollgate.toml", "select = []\n");
    write(plain.path(), "sub/key.pem", KEY);
    let run = check(&plain.path().join("sub"), &[]);
    assert_eq!(paths(&run), vec!["key.pem".to_string()]);
    assert!(check(plain.path(), &[]).findings.is_empty());
}

/// Config that changes how git prints diffs; none of it may change what is found.
const DIFF_CONFIGS: &[(&str, &str)] = &[
    ("diff.noprefix", "true"),
    ("diff.mnemonicPrefix", "true"),
    ("diff.srcPrefix", "x/"),
    ("diff.dstPrefix", "y/"),
    ("diff.interHunkContext", "5"),
    ("diff.external", "false"),
    ("color.ui", "always"),
    ("core.quotePath", "true"),
    ("log.showRoot", "false"),
    ("log.showSignature", "true"),
    ("diff.relative", "true"),
];

/// A private key of its own for each `n` (history reports a secret once, at its first sighting).
fn key_variant(n: usize) -> String {
    KEY.replace("MIIEowIBAAKCAQEAu1SU1", &format!("MIIEowIBAAKCAQEAu1SU{n}"))
}

/// Files that trip up a line-oriented reading of git's output: a changed line that looks
/// like a header, names git quotes, and a `.gitattributes` that marks files as binary.
fn tricky_history(dir: &Path) {
    write(dir, "README", "start\n");
    write(dir, "notes.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    commit_all(dir, "start");
    git(dir, &["checkout", "-qb", "feature"]);
    write(dir, "README", &format!("start\n++ b/README\n{}", "filler\n".repeat(10)));
    write(
        dir,
        "notes.txt",
        &format!("1\n++ b/elsewhere\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n{OTHER_KEY}"),
    );
    write(dir, "café.env", &key_variant(2));
    write(dir, "tab\there.env", &key_variant(3));
    write(dir, "sub/.gitattributes", "*.txt -diff\n");
    write(dir, "sub/data.txt", "x\n");
    commit_all(dir, "feature");
    write(dir, "sub/data.txt", &format!("x\n{}", key_variant(4)));
    commit_all(dir, "data");
}

fn tricky_expected() -> Vec<(String, String, u64)> {
    let key = |path: &str, line| (path.to_string(), "secrets/private-key".to_string(), line);
    let mut expected = vec![
        key("café.env", 1),
        key("notes.txt", 14),
        key("sub/data.txt", 2),
        key("tab\there.env", 1),
    ];
    expected.sort();
    expected
}

fn sorted(mut findings: Vec<(String, String, u64)>) -> Vec<(String, String, u64)> {
    findings.sort();
    findings
}

#[test]
fn diff_base_reads_any_diff_git_prints() {
    let dir = repo();
    tricky_history(dir.path());
    let run = check(dir.path(), &["--diff-base", "main"]);
    assert_eq!(sorted(run.findings), tricky_expected(), "{}", run.stderr);
    for (key, value) in DIFF_CONFIGS {
        git(dir.path(), &["config", key, value]);
        let run = check(dir.path(), &["--diff-base", "main"]);
        assert_eq!(
            sorted(run.findings),
            tricky_expected(),
            "with {key}={value}: {}",
            run.stderr
        );
        assert_eq!(run.code, 1);
        git(dir.path(), &["config", "--unset", key]);
    }
    // A ref is never an option to git.
    let run = check(dir.path(), &["--diff-base=--output=diff.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("diff.txt").exists());
}

#[test]
fn git_history_reads_any_log_git_prints() {
    let dir = repo();
    tricky_history(dir.path());
    let run = check(dir.path(), &["--git-history"]);
    assert_eq!(sorted(run.findings), tricky_expected(), "{}", run.stderr);
    for (key, value) in DIFF_CONFIGS {
        git(dir.path(), &["config", key, value]);
        let run = check(dir.path(), &["--git-history"]);
        assert_eq!(
            sorted(run.findings),
            tricky_expected(),
            "with {key}={value}: {}",
            run.stderr
        );
        git(dir.path(), &["config", "--unset", key]);
    }
    // From a subdirectory the whole history is read all the same.
    let run = check(&dir.path().join("sub"), &["--git-history"]);
    assert_eq!(run.findings.len(), 4, "{:?} {}", run.findings, run.stderr);
    // And in a bare clone, which has no work tree.
    let clones = tempfile::tempdir().unwrap();
    git(
        clones.path(),
        &["clone", "-q", "--bare", dir.path().to_str().unwrap(), "bare.git"],
    );
    let run = check(&clones.path().join("bare.git"), &["--git-history"]);
    assert_eq!(sorted(run.findings), tricky_expected(), "{}", run.stderr);
}

#[test]
fn git_history_range_is_never_an_option() {
    let dir = repo();
    write(dir.path(), "a.pem", KEY);
    commit_all(dir.path(), "a");
    let out = dir.path().join("log.txt");
    let run = check(dir.path(), &[&format!("--git-history=--output={}", out.display())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!out.exists(), "git log wrote {}", out.display());
}

#[test]
fn git_history_honours_baseline_exclude_and_per_file_ignores() {
    let dir = repo();
    write(
        dir.path(),
        "tollgate.toml",
        "exclude = [\"vendor\"]\n[per-file-ignores]\n\"tests/**\" = [\"secrets\"]\n",
    );
    write(dir.path(), "vendor/lib/key.pem", KEY);
    write(dir.path(), "tests/fixtures/key.pem", KEY);
    write(dir.path(), "app/key.pem", OTHER_KEY);
    commit_all(dir.path(), "keys");
    let run = check(dir.path(), &["--git-history"]);
    assert_eq!(paths(&run), vec!["app/key.pem".to_string()], "{}", run.stderr);

    let run = check(dir.path(), &["--git-history", "--baseline", "missing.json"]);
    assert_eq!(run.code, 2, "a missing baseline is an error: {}", run.stderr);
    assert!(run.stderr.contains("missing.json"), "{}", run.stderr);
    let record = Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir.path())
        .args(["baseline", "--git-history", "-o", "baseline.json"])
        .output()
        .unwrap();
    assert!(record.status.success(), "{}", String::from_utf8_lossy(&record.stderr));
    let run = check(dir.path(), &["--git-history", "--baseline", "baseline.json"]);
    assert_eq!(run.code, 0, "{:?} {}", run.findings, run.stderr);
    assert!(run.findings.is_empty());

    // Paths limit the history read to them.
    write(dir.path(), "other/key.pem", KEY);
    commit_all(dir.path(), "other");
    let run = check(dir.path(), &["--git-history", "--", "other"]);
    assert_eq!(paths(&run), vec!["other/key.pem".to_string()], "{}", run.stderr);
}

#[test]
fn options_that_cannot_apply_are_usage_errors() {
    let dir = repo();
    write(dir.path(), "a.pem", KEY);
    commit_all(dir.path(), "a");
    for args in [
        &["--git-history", "--staged"][..],
        &["--git-history", "--diff-base", "main"][..],
    ] {
        let run = check(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("--git-history"), "{}", run.stderr);
    }
}

#[test]
fn staged_files_with_newlines_in_their_names() {
    let dir = repo();
    write(dir.path(), "a\nb.py", "print('clean')\n");
    write(dir.path(), "a", "clean\n");
    write(dir.path(), "z.pem", KEY);
    git(dir.path(), &["add", "-A"]);
    let run = check(dir.path(), &["--staged"]);
    assert_eq!(paths(&run), vec!["z.pem".to_string()], "{}", run.stderr);
    assert_eq!(run.code, 1);
}

#[test]
fn staged_with_diff_base_reads_the_staged_lines() {
    let dir = repo();
    let start = "1\n2\n3\n4\n5\n6\n";
    write(dir.path(), "notes.txt", start);
    commit_all(dir.path(), "start");
    git(dir.path(), &["checkout", "-qb", "feature"]);
    // Staged: the key after line 6. In the working tree, above line 1 instead.
    write(dir.path(), "notes.txt", &format!("{start}{KEY}"));
    git(dir.path(), &["add", "notes.txt"]);
    write(dir.path(), "notes.txt", &format!("{KEY}{start}"));
    let run = check(dir.path(), &["--staged", "--diff-base", "main"]);
    assert_eq!(
        run.findings,
        vec![("notes.txt".into(), "secrets/private-key".into(), 7)],
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn fifos_are_refused_and_named_symlinks_not_followed() {
    let dir = repo();
    write(dir.path(), "app.pem", KEY);
    let fifo = dir.path().join("pipe");
    let made = Process::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());

    let out = check_with_deadline(dir.path(), &["pipe", "app.pem"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the scan goes on: {stderr}");
    assert!(
        stderr.contains("pipe") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    for option in ["--config", "--baseline"] {
        let out = check_with_deadline(dir.path(), &[option, "pipe", "app.pem"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{option}: {stderr}");
        assert!(
            stderr.contains("pipe") && stderr.contains("not a regular file"),
            "{stderr}"
        );
    }

    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "shadow", OTHER_KEY);
    std::os::unix::fs::symlink(outside.path().join("shadow"), dir.path().join("x.pem")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    let run = check(dir.path(), &["x.pem", "linked/", "app.pem"]);
    assert_eq!(paths(&run), vec!["app.pem".to_string()], "{}", run.stderr);
    assert!(
        run.stderr.contains("x.pem") && run.stderr.contains("linked") && run.stderr.contains("symbolic link"),
        "{}",
        run.stderr
    );
}

#[test]
fn staged_honours_exclude_except_for_files_named() {
    let dir = repo();
    write(dir.path(), "tollgate.toml", "exclude = [\"scratch\"]\n");
    write(dir.path(), "scratch/lib/key.pem", KEY);
    write(dir.path(), "app/key.pem", KEY);
    git(dir.path(), &["add", "-A"]);
    let run = check(dir.path(), &["--staged"]);
    assert_eq!(paths(&run), vec!["app/key.pem".to_string()], "{}", run.stderr);
    let run = check(dir.path(), &["--staged", "--", "scratch/lib/key.pem"]);
    assert_eq!(paths(&run), vec!["scratch/lib/key.pem".to_string()], "{}", run.stderr);
    // A directory named on purpose, as in a walk.
    let run = check(dir.path(), &["--staged", "scratch"]);
    assert_eq!(paths(&run), vec!["scratch/lib/key.pem".to_string()], "{}", run.stderr);
    let walked = check(dir.path(), &["scratch"]);
    assert_eq!(paths(&walked), paths(&run));
}

#[test]
fn a_repository_git_cannot_read_is_walked_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    // A `.git` that git does not accept as a repository.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), "key.pem", KEY);
    let run = check(dir.path(), &[]);
    assert_eq!(paths(&run), vec!["key.pem".to_string()]);
    assert!(
        run.stderr.contains("git cannot list the files") && run.stderr.contains(".ignore"),
        "{}",
        run.stderr
    );
    // Outside any repository, nothing to say.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "key.pem", KEY);
    let run = check(plain.path(), &[]);
    assert!(!run.stderr.contains("git"), "{}", run.stderr);
}

const SMELL: &str = "def old(a, b, c, d, e, f, g):\n    return a\n";

#[test]
fn gate_diff_base_reports_everything_but_gates_only_new_code_and_security() {
    let dir = repo();
    write(dir.path(), "app.py", &format!("{SMELL}\n\nx = 1\n"));
    commit_all(dir.path(), "base");
    git(dir.path(), &["checkout", "-qb", "feature"]);
    // One line changed, away from the old smell.
    write(dir.path(), "app.py", &format!("{SMELL}\n\nx = 2\n"));
    let python = ["--select", "PLR0913", "--gate-diff-base", "main"];
    let run = check(dir.path(), &python);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.findings,
        vec![("app.py".into(), "python/too-many-arguments".into(), 1)],
        "the old smell is still reported"
    );
    assert!(
        run.stderr
            .contains("1 finding on lines unchanged since the merge base with main reported but not gating"),
        "{}",
        run.stderr
    );
    // Plain --diff-base leaves it out of the report.
    let run = check(dir.path(), &["--select", "PLR0913", "--diff-base", "main"]);
    assert_eq!((run.code, run.findings.len()), (0, 0), "{}", run.stderr);

    // A new smell gates.
    write(
        dir.path(),
        "app.py",
        &format!("{SMELL}\n\nx = 2\n\n\n{}", SMELL.replace("old", "new")),
    );
    let run = check(dir.path(), &python);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.findings.len(), 2);
    // The text report says which one does not gate.
    let text = common::tollgate(dir.path(), &["check", python[0], python[1], python[2], python[3]]);
    assert!(
        text.stdout
            .contains("app.py:1:5: python/too-many-arguments [warning, unchanged line]")
            && text
                .stdout
                .contains("app.py:8:5: python/too-many-arguments [warning] `new`"),
        "{}",
        text.stdout
    );
    // `--fail-on` still decides which of the new ones gate.
    let run = check(dir.path(), &[&python[..], &["--fail-on", "error"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    write(dir.path(), "app.py", &format!("{SMELL}\n\nx = 2\n"));

    // A security finding gates on an unchanged line too.
    git(dir.path(), &["checkout", "-q", "main"]);
    write(dir.path(), "deploy.pem", KEY);
    commit_all(dir.path(), "a key");
    git(dir.path(), &["checkout", "-q", "feature"]);
    git(dir.path(), &["merge", "-q", "main"]);
    let run = check(dir.path(), &["--gate-diff-base", "main"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.findings
            .contains(&("deploy.pem".into(), "secrets/private-key".into(), 1)),
        "{:?}",
        run.findings
    );
    assert!(
        run.stderr.contains("security findings gate wherever they are"),
        "{}",
        run.stderr
    );
    let run = check(dir.path(), &["--gate-diff-base", "main", "--ignore", "secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn gate_diff_base_head_gates_what_is_committed_and_everything_in_a_first_commit() {
    let dir = repo();
    write(dir.path(), "app.py", SMELL);
    git(dir.path(), &["add", "app.py"]);
    let run = check(dir.path(), &["--select", "PLR0913", "--gate-diff-base", "HEAD"]);
    assert_eq!(run.code, 1, "no commit yet: every line is new: {}", run.stderr);
    assert_eq!(run.findings.len(), 1);
    let run = check(dir.path(), &["--select", "PLR0913", "--gate-diff-base", "main"]);
    assert_eq!(run.code, 2, "only HEAD may be unborn: {}", run.stderr);
    assert!(
        run.stderr.contains("--gate-diff-base: `main` is not a commit"),
        "{}",
        run.stderr
    );

    git(dir.path(), &["commit", "-qm", "first"]);
    write(dir.path(), "app.py", &format!("{SMELL}x = 1\n"));
    git(dir.path(), &["add", "app.py"]);
    for extra in [&[][..], &["--staged"][..]] {
        let args = [&["--select", "PLR0913", "--gate-diff-base", "HEAD"][..], extra].concat();
        let run = check(dir.path(), &args);
        assert_eq!((run.code, run.findings.len()), (0, 1), "{extra:?}: {}", run.stderr);
    }
}

#[test]
fn a_new_copy_of_old_code_is_new_wherever_it_is_reported() {
    let body = "    total = 0\n    count = len(items)\n    for item in items:\n        if item.price > limit:\n            total += item.price * 2\n        elif item.price < 0:\n            raise ValueError(item)\n        else:\n            total += item.price\n    log.info(\"%d items\", count)\n    return total\n";
    let dir = repo();
    write(dir.path(), "b.py", &format!("def old(items, limit):\n{body}"));
    write(dir.path(), "a.py", "x = 1\n");
    commit_all(dir.path(), "base");
    git(dir.path(), &["checkout", "-qb", "feature"]);
    write(
        dir.path(),
        "a.py",
        &format!("x = 1\n\n\ndef copy(items, limit):\n{body}"),
    );
    let all = check(dir.path(), &["--select", "python/duplicate-code", "--fail-on", "note"]);
    assert_eq!(all.findings.len(), 1, "{}", all.stderr);
    for option in ["--diff-base", "--gate-diff-base"] {
        let args = ["--select", "python/duplicate-code", "--fail-on", "note", option, "main"];
        let run = check(dir.path(), &args);
        assert_eq!(
            (run.code, &run.findings),
            (1, &all.findings),
            "{option}: {}",
            run.stderr
        );
    }
}

#[test]
fn diff_base_and_gate_diff_base_exclude_each_other() {
    let dir = repo();
    write(dir.path(), "a.txt", "a\n");
    commit_all(dir.path(), "a");
    let run = check(dir.path(), &["--diff-base", "main", "--gate-diff-base", "main"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = check(dir.path(), &["--git-history", "--gate-diff-base", "main"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn gate_diff_base_gates_an_old_function_that_an_edit_of_its_body_makes_a_smell() {
    let dir = repo();
    write(
        dir.path(),
        "app.py",
        &format!("{}\n\n{}", branchy("f", 9), branchy("old", 11)),
    );
    write(dir.path(), "moved.py", &branchy("g", 11));
    commit_all(dir.path(), "base");
    git(dir.path(), &["checkout", "-qb", "feature"]);
    let gate = ["--select", "C901", "--gate-diff-base", "main"];
    // Old smells whose bodies grow, one in a renamed file: reported at their unchanged names,
    // and already there at the base: they do not gate.
    write(
        dir.path(),
        "app.py",
        &format!("{}\n\n{}", branchy("f", 9), branchy("old", 12)),
    );
    git(dir.path(), &["mv", "moved.py", "renamed.py"]);
    write(dir.path(), "renamed.py", &branchy("g", 12));
    let run = check(dir.path(), &gate);
    assert_eq!(run.code, 0, "{:?} {}", run.findings, run.stderr);
    assert_eq!(run.findings.len(), 2, "{:?}", run.findings);
    assert!(run.stderr.contains("2 findings on lines unchanged"), "{}", run.stderr);
    // `f` goes over the limit by an edit of its body: new, though reported at its name.
    write(
        dir.path(),
        "app.py",
        &format!("{}\n\n{}", branchy("f", 10), branchy("old", 12)),
    );
    let run = check(dir.path(), &gate);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run
        .findings
        .contains(&("app.py".into(), "python/complex-function".into(), 1)));
    assert!(run.stderr.contains("2 findings on lines unchanged"), "{}", run.stderr);
}

/// Shards run under `--gate-diff-base` and merged gate as one run would: each finding keeps
/// the gate its shard gave it (the SARIF says so in its `gates` property), and the copies the
/// merge finds across shards are gated on the lines.
#[test]
fn shards_under_gate_diff_base_merge_into_the_gate_of_one_run() {
    let dir = repo();
    let root = dir.path();
    let block: String = (0..8)
        .map(|i| format!("    total = total + compute_value(item_{i}, weight_{i}, offset_{i})\n"))
        .collect();
    write(root, "app.py", &format!("{SMELL}\n\nx = 1\n"));
    // In the config, which the merge reads too.
    write(
        root,
        "tollgate.toml",
        "select = [\"PLR0913\", \"python/duplicate-code\"]\n",
    );
    for name in ["alpha", "beta", "gamma", "delta"] {
        write(
            root,
            &format!("{name}.py"),
            &format!("def {name}(items):\n    total = 0\n{block}    return total\n"),
        );
    }
    commit_all(root, "base");
    git(root, &["checkout", "-qb", "feature"]);
    write(root, "app.py", &format!("{SMELL}\n\nx = 2\n"));
    let reports = tempfile::tempdir().unwrap();
    let at = |name: &str| reports.path().join(name).to_str().unwrap().to_string();
    let run = |args: &[&str]| {
        Command::cargo_bin("tollgate")
            .unwrap()
            .current_dir(root)
            .args(args)
            .output()
            .unwrap()
    };
    // A scan under `--gate-diff-base main` into the SARIF file `path`.
    let scan = |path: &str, extra: &[&str]| {
        let args = [
            "check",
            ".",
            "--gate-diff-base",
            "main",
            "--format",
            "sarif",
            "-o",
            path,
        ];
        run(&[&args[..], extra].concat())
    };
    let sharded = |gate_in_merge: bool| {
        let mut parts = Vec::new();
        for shard in ["1/2", "2/2"] {
            let part = at(&format!("shard{}.sarif", &shard[..1]));
            let out = scan(&part, &["--fail-on", "never", "--shard", shard]);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            parts.push(part);
        }
        let merged = at("merged.sarif");
        let mut args = vec!["merge", "-o", &merged];
        if gate_in_merge {
            args.extend(["--gate-diff-base", "main"]);
        }
        args.extend(parts.iter().map(String::as_str));
        let out = run(&args);
        (out, std::fs::read_to_string(&merged).unwrap())
    };
    let single = |path: &str| (scan(path, &[]), std::fs::read_to_string(path).unwrap());

    // Only old findings: the smell and the copies are reported, none gates.
    let (out, single_text) = single(&at("single.sarif"));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_str(&single_text).unwrap();
    let results = report["runs"][0]["results"].as_array().unwrap();
    assert!(results.len() >= 4, "{single_text}");
    assert!(
        results.iter().all(|r| r["properties"]["gates"] == false),
        "{single_text}"
    );
    let (out, merged_text) = sharded(true);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("reported but not gating"), "{stderr}");
    assert!(merged_text == single_text, "{merged_text}");
    // Without the option, the merge cannot gate the copies it finds on the lines, and says so.
    let (out, _) = sharded(false);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("give the merge the same --gate-diff-base"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A new smell and a new copy gate, in one run and in the merge.
    write(
        root,
        "app.py",
        &format!("{SMELL}\n\nx = 2\n\n\n{}", SMELL.replace("old", "new")),
    );
    write(
        root,
        "epsilon.py",
        &format!("def epsilon(items):\n    total = 0\n{block}    return total\n"),
    );
    let (out, single_text) = single(&at("single2.sarif"));
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let (out, merged_text) = sharded(true);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(merged_text == single_text, "{merged_text}");
    let report: Value = serde_json::from_str(&merged_text).unwrap();
    let gating: Vec<&str> = report["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["properties"]["gates"] == true)
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    // The new smell, not the old one; and every copy, each now having the new one among its
    // other copies.
    assert_eq!(
        gating,
        ["app.py", "beta.py", "delta.py", "epsilon.py", "gamma.py"],
        "{gating:?}"
    );
}
