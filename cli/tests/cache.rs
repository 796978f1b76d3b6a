//! The result cache, end to end: warm runs give what cold runs give, and each kind of change
//! invalidates exactly the files it must (read from `--verbose`, which says how many files
//! were analysed again and how many came from the cache).

mod common;

use std::path::Path;

use common::branchy;

/// A run of the binary in `dir` with the cache on (whatever the environment of the test run
/// says) in `dir/cache`, and `env` set.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> common::Run {
    let mut command = assert_cmd::Command::cargo_bin("tollgate").unwrap();
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("TOLLGATE_NO_CACHE")
        .env_remove("TOLLGATE_CACHE_VERSION")
        .env("TOLLGATE_CACHE_DIR", dir.join("cache"));
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.args(args).output().unwrap();
    common::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// (analysed again, from the cache, entries written), from `--verbose`.
fn counts(run: &common::Run) -> (usize, usize, usize) {
    let line = run
        .stderr
        .lines()
        .find(|line| line.starts_with("tollgate: cache "))
        .unwrap_or_else(|| panic!("no cache line in:\n{}", run.stderr));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    // "... N files, X.Y MiB (A analysed again, B from the cache)": the last five numbers.
    let [entries, _, _, again, cached] = numbers[numbers.len() - 5..] else {
        unreachable!()
    };
    (again, cached, entries)
}

/// A project of every domain: two Python files (one complex), a Dockerfile and a workflow.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    std::fs::create_dir_all(root.join(".github/workflows")).unwrap();
    std::fs::write(root.join("complex.py"), branchy("complex", 14)).unwrap();
    std::fs::write(root.join("simple.py"), "def simple(x):\n    return x + 1\n").unwrap();
    std::fs::write(
        root.join("Dockerfile"),
        "FROM python:3.12\nRUN pip install flask && cd /app\nCMD python app.py\n",
    )
    .unwrap();
    std::fs::write(
        root.join(".github/workflows/ci.yml"),
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo $HOME\n",
    )
    .unwrap();
    dir
}

fn check(dir: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["check", "project", "--verbose", "--fail-on", "never"];
    args.extend_from_slice(extra);
    run(dir, &args, &[])
}

#[test]
fn a_warm_run_is_byte_identical_to_a_cold_one_in_every_format() {
    let dir = project();
    // A secret too: its file is never cached, and its redaction must hold warm as cold.
    std::fs::write(
        dir.path().join("project/settings.py"),
        "TOKEN = \"ghp_aDPfx0dM3lQ8xRZhmzYFhYJ4vU2hfh1Kc9Nq\"\n",
    )
    .unwrap();
    for format in ["text", "json", "sarif", "github", "gitlab"] {
        let uncached = run(dir.path(), &["check", "project", "--format", format, "--no-cache"], &[]);
        let cold = run(dir.path(), &["check", "project", "--format", format], &[]);
        let warm = run(dir.path(), &["check", "project", "--format", format, "--verbose"], &[]);
        assert_eq!(cold.stdout, uncached.stdout, "{format}: cold");
        assert_eq!(warm.stdout, cold.stdout, "{format}: warm");
        assert_eq!(warm.code, cold.code);
        assert!(!warm.stdout.contains("ghp_aDPfx0dM3lQ8xRZhmzYFhYJ4vU2hfh1Kc9Nq"));
        let (again, cached, _) = counts(&warm);
        assert_eq!(
            (again, cached),
            (1, 4),
            "{format}: only the file with a secret is analysed again"
        );
    }
    assert!(dir.path().join("cache/CACHEDIR.TAG").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cache/.gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    let cache = std::fs::read(dir.path().join("cache/0.1.0/results")).unwrap();
    assert!(!cache.windows(8).any(|w| w == b"ghp_aDPf"), "the cache holds no secret");
}

#[test]
fn each_change_invalidates_exactly_what_it_must() {
    let dir = project();
    let root = dir.path().join("project");
    assert_eq!(counts(&check(dir.path(), &[])), (4, 0, 4));
    assert_eq!(counts(&check(dir.path(), &[])), (0, 4, 4), "nothing changed");

    // Editing one file.
    std::fs::write(root.join("simple.py"), "def simple(x):\n    return x + 2\n").unwrap();
    assert_eq!(counts(&check(dir.path(), &[])), (1, 3, 4), "one file edited");

    // A setting of one domain: the files of that domain only.
    // (Configs sit beside the scanned folder, so that they are not scanned files themselves.)
    std::fs::write(dir.path().join("relaxed.toml"), "[python]\nmax-complexity = 20\n").unwrap();
    let relaxed = check(dir.path(), &["--config", "relaxed.toml"]);
    assert_eq!(counts(&relaxed), (2, 2, 4), "a Python setting");
    assert!(!relaxed.stdout.contains("complex-function"), "{}", relaxed.stdout);
    let strict = check(dir.path(), &[]);
    assert_eq!(counts(&strict).0, 2, "the setting back");
    assert!(strict.stdout.contains("python/complex-function"));

    // A rule's level: applied after the cache, so nothing is analysed again.
    std::fs::write(
        dir.path().join("levels.toml"),
        "[levels]\n\"python/complex-function\" = \"error\"\n",
    )
    .unwrap();
    let level = check(dir.path(), &["--config", "levels.toml"]);
    assert!(
        level.stdout.contains("python/complex-function [error]"),
        "{}",
        level.stdout
    );
    assert_eq!(counts(&level).0, 0, "a level: {}", level.stderr);

    // A rule switched off: the files of its domain.
    let off = check(dir.path(), &["--ignore", "docker/cd-in-run"]);
    assert_eq!(counts(&off), (1, 3, 4), "a Docker rule off");
    assert!(!off.stdout.contains("docker/cd-in-run"));
    let on = check(dir.path(), &[]);
    assert!(on.stdout.contains("docker/cd-in-run"));

    // An upgrade: another version's folder, every file again.
    let upgraded = run(
        dir.path(),
        &["check", "project", "--verbose", "--fail-on", "never"],
        &[("TOLLGATE_CACHE_VERSION", "99.0.0")],
    );
    assert_eq!(counts(&upgraded), (4, 0, 4), "a new version");
    assert!(dir.path().join("cache/99.0.0/results").is_file());

    // A rename: the file under its new name; the old name's entry is dropped.
    std::fs::rename(root.join("simple.py"), root.join("renamed.py")).unwrap();
    let renamed = check(dir.path(), &[]);
    assert_eq!(counts(&renamed), (1, 3, 4), "a rename");
    assert!(!renamed.stdout.contains("simple.py"));
}

#[test]
fn a_run_over_some_files_keeps_the_entries_of_the_others() {
    let dir = project();
    assert_eq!(counts(&check(dir.path(), &[])), (4, 0, 4));
    let one = run(
        dir.path(),
        &["check", "project/simple.py", "--verbose", "--fail-on", "never"],
        &[],
    );
    assert_eq!(counts(&one), (0, 1, 4));
    std::fs::remove_file(dir.path().join("project/Dockerfile")).unwrap();
    let one = run(
        dir.path(),
        &["check", "project/simple.py", "--verbose", "--fail-on", "never"],
        &[],
    );
    assert_eq!(counts(&one), (0, 1, 3), "a deleted file's entry is pruned");
}

#[test]
fn two_runs_at_once_share_the_cache() {
    let dir = project();
    let expected = run(dir.path(), &["check", "project", "--format", "json", "--no-cache"], &[]).stdout;
    for _ in 0..3 {
        let spawn = || {
            let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("tollgate"));
            command
                .current_dir(dir.path())
                .env_remove("TOLLGATE_NO_CACHE")
                .env("TOLLGATE_CACHE_DIR", dir.path().join("cache"))
                .args(["check", "project", "--format", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            command.spawn().unwrap()
        };
        let (first, second) = (spawn(), spawn());
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
            assert!(
                !String::from_utf8_lossy(&output.stderr).contains("tollgate: warning"),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    let after = check(dir.path(), &["--format", "json"]);
    assert_eq!(after.stdout, expected);
    assert_eq!(counts(&after), (0, 4, 4));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("cache/0.1.0"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["results"], "no temporary file is left behind");
}

#[test]
fn a_truncated_or_garbage_cache_is_ignored_once_and_rebuilt() {
    let dir = project();
    let expected = check(dir.path(), &["--format", "json"]).stdout;
    let results = dir.path().join("cache/0.1.0/results");
    let whole = std::fs::read(&results).unwrap();
    let damaged: [(&str, Vec<u8>); 3] = [
        ("truncated", whole[..whole.len() / 2].to_vec()),
        ("garbage", b"\x00\xffnot a cache at all".repeat(100)),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&results, bytes).unwrap();
        let first = check(dir.path(), &["--format", "json"]);
        assert_eq!(first.stdout, expected, "{what}");
        assert_eq!(
            first.stderr.matches("the cache is unreadable").count(),
            1,
            "{what}: {}",
            first.stderr
        );
        assert!(first.stderr.contains("results"), "the warning names the file");
        assert_eq!(counts(&first), (4, 0, 4), "{what}");
        let second = check(dir.path(), &["--format", "json"]);
        assert!(!second.stderr.contains("unreadable"), "{what}: rebuilt");
        assert_eq!(counts(&second), (0, 4, 4), "{what}");
    }
    // One changed byte inside an entry is caught by the checksum.
    let mut flipped = std::fs::read(&results).unwrap();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x55;
    std::fs::write(&results, flipped).unwrap();
    let first = check(dir.path(), &["--format", "json"]);
    assert_eq!(first.stdout, expected);
    assert!(first.stderr.contains("checksum"), "{}", first.stderr);
}

#[test]
fn duplication_is_found_across_a_cached_and_a_changed_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    std::fs::create_dir_all(&root).unwrap();
    let body: String = (0..30)
        .map(|i| format!("    total = total + values[{i}] * weights[{i}] - offsets[{i}]\n"))
        .collect();
    std::fs::write(
        root.join("a.py"),
        format!("def first(values, weights, offsets):\n    total = 0\n{body}    return total\n"),
    )
    .unwrap();
    std::fs::write(root.join("b.py"), "def other():\n    return 1\n").unwrap();
    let cold = check(dir.path(), &["--select", "python/duplicate-code"]);
    assert!(!cold.stdout.contains("duplicate-code"), "{}", cold.stdout);
    // b.py now holds a copy; a.py comes from the cache, with its windows.
    std::fs::write(
        root.join("b.py"),
        format!("def second(values, weights, offsets):\n    total = 0\n{body}    return total\n"),
    )
    .unwrap();
    let warm = check(dir.path(), &["--select", "python/duplicate-code", "--format", "json"]);
    assert_eq!(counts(&warm), (1, 1, 2));
    let uncached = run(
        dir.path(),
        &[
            "check",
            "project",
            "--select",
            "python/duplicate-code",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-cache",
        ],
        &[],
    );
    assert!(warm.stdout.contains("python/duplicate-code"), "{}", warm.stdout);
    assert!(warm.stdout.contains("a.py") && warm.stdout.contains("b.py"));
    assert_eq!(warm.stdout, uncached.stdout);
}

#[test]
fn clean_removes_the_cache() {
    let dir = project();
    check(dir.path(), &[]);
    assert!(dir.path().join("cache").is_dir());
    let cleaned = run(dir.path(), &["clean"], &[]);
    assert_eq!(cleaned.code, 0, "{}", cleaned.stderr);
    assert!(!dir.path().join("cache").exists());
    // A folder that is not a tollgate cache is left alone.
    std::fs::create_dir_all(dir.path().join("cache/keep")).unwrap();
    let refused = run(dir.path(), &["clean"], &[]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("not a tollgate cache"), "{}", refused.stderr);
    assert!(dir.path().join("cache/keep").is_dir());
}

#[test]
fn the_default_cache_is_at_the_project_root_and_is_not_scanned() {
    let dir = project();
    let root = dir.path().join("project");
    let mut command = assert_cmd::Command::cargo_bin("tollgate").unwrap();
    let output = command
        .current_dir(&root)
        .env_remove("TOLLGATE_NO_CACHE")
        .env_remove("TOLLGATE_CACHE_DIR")
        .args(["check", ".", "--verbose", "--fail-on", "never"])
        .output()
        .unwrap();
    assert!(root.join(".tollgate_cache/0.1.0/results").is_file());
    let first = String::from_utf8_lossy(&output.stderr).into_owned();
    let output = command.output().unwrap();
    let second = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(first.contains("(4 analysed again, 0 from the cache)"), "{first}");
    assert!(second.contains("(0 analysed again, 4 from the cache)"), "{second}");
}

const KEY: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n";

/// Writes `files` (name, content) into the repository in `dir` and commits them.
fn commit(dir: &Path, files: &[(&str, &str)], message: &str) {
    for (name, content) in files {
        std::fs::write(dir.join(name), content).unwrap();
    }
    common::git(dir, &["add", "-A"]);
    common::git(dir, &["commit", "-qm", message]);
}

/// `--git-history` with the cache, and without it (the truth it must equal); (commits
/// scanned, commits in the range, sightings from earlier runs) from `--verbose`.
fn history(dir: &Path) -> (common::Run, common::Run, (usize, usize, usize)) {
    let args = ["check", "--git-history", "--format", "json", "--fail-on", "never"];
    let cached = run(dir, &[&args[..], &["--verbose"]].concat(), &[]);
    let uncached = run(dir, &[&args[..], &["--no-cache"]].concat(), &[]);
    let line = cached
        .stderr
        .lines()
        .find(|line| line.starts_with("tollgate: history cache "))
        .unwrap_or_else(|| panic!("no history cache line in:\n{}", cached.stderr));
    let numbers: Vec<usize> = line
        .rsplit(": ")
        .next()
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|part| part.parse().ok())
        .collect();
    let counts = (numbers[0], numbers[1], numbers[2]);
    (cached, uncached, counts)
}

fn commits_of(report: &str) -> Vec<(String, i64)> {
    let findings: serde_json::Value = serde_json::from_str(report).unwrap();
    findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["properties"]["commits"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn git_history_scans_only_the_commits_it_has_not_seen() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    common::git(repo, &["init", "-q"]);
    commit(repo, &[("a.py", "a = 1\n")], "one");
    commit(repo, &[("key.pem", KEY)], "a key");
    let (first, truth, counts) = history(repo);
    assert_eq!(first.stdout, truth.stdout);
    assert_eq!(counts, (2, 2, 0), "the first run scans every commit");
    assert_eq!(commits_of(&first.stdout), [("key.pem".to_string(), 1)]);

    // Two new commits, one of them the same key again: only they are scanned, and the key
    // is still reported once, at its first commit, now with two.
    commit(repo, &[("b.py", "b = 2\n")], "three");
    commit(repo, &[("copy.pem", KEY)], "the key again");
    let (second, truth, counts) = history(repo);
    assert_eq!(second.stdout, truth.stdout);
    assert_eq!(counts, (2, 4, 1));
    assert_eq!(commits_of(&second.stdout), [("key.pem".to_string(), 2)]);

    // Nothing new: nothing scanned, the same report.
    let (third, _, counts) = history(repo);
    assert_eq!(third.stdout, second.stdout);
    assert_eq!(counts, (0, 4, 2));
}

#[test]
fn rewritten_git_history_is_scanned_again_where_it_changed() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    common::git(repo, &["init", "-q"]);
    commit(repo, &[("key.pem", KEY)], "a key");
    commit(repo, &[("copy.pem", KEY)], "the key again");
    let (_, _, counts) = history(repo);
    assert_eq!(counts, (2, 2, 0));

    // A force-push: the last commit replaced. Its sighting is gone, the new commit scanned.
    common::git(repo, &["reset", "-q", "--hard", "HEAD~1"]);
    commit(repo, &[("c.py", "c = 3\n")], "rewritten");
    let (rewritten, truth, counts) = history(repo);
    assert_eq!(rewritten.stdout, truth.stdout);
    assert_eq!(counts, (1, 2, 1));
    assert_eq!(commits_of(&rewritten.stdout), [("key.pem".to_string(), 1)]);

    // The commits the cache ended at are collected: the whole range again.
    common::git(repo, &["reset", "-q", "--hard", "HEAD~1"]);
    commit(repo, &[("d.py", "d = 4\n")], "rewritten again");
    common::git(repo, &["reflog", "expire", "--expire=now", "--all"]);
    common::git(repo, &["gc", "-q", "--prune=now"]);
    let (collected, truth, counts) = history(repo);
    assert_eq!(collected.stdout, truth.stdout);
    assert_eq!(counts, (2, 2, 0));
}
