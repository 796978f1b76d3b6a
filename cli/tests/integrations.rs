//! The ways tollgate is used besides the CLI: the real pre-commit framework and the GitHub
//! Action's steps. These need the Python tools that `scripts/test` installs into .venv, so
//! plain `cargo test` skips them; `scripts/test` runs them.

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_valid_sarif, branchy, copy_tree, git, repo, result_uris, venv_tool};
use serde_json::Value;

const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDe3Yb0kTq3bX8mS2vPq7JcLh9uGf4wR2nVt6yZoA1xEwAAAJhkQ3e5ZEN3\n-----END OPENSSH PRIVATE KEY-----\n";

fn try_repo(dir: &Path, home: &Path) -> std::process::Output {
    try_hook(dir, home, "tollgate")
}

/// `pre-commit try-repo` of this repository's hook `id`, on what is staged in `dir`.
fn try_hook(dir: &Path, home: &Path, id: &str) -> std::process::Output {
    let mut command = Command::new(venv_tool("pre-commit"));
    command
        .current_dir(dir)
        .args(["try-repo", repo().to_str().unwrap(), id, "--verbose"])
        .env("PRE_COMMIT_HOME", home);
    quick_install_env(&mut command).output().unwrap()
}

#[test]
#[ignore = "needs pre-commit from .venv: run scripts/test"]
fn pre_commit_blocks_a_staged_private_key_and_passes_a_clean_commit() {
    let home = tempfile::tempdir().unwrap();
    let dirty = tempfile::tempdir().unwrap();
    git(dirty.path(), &["init", "-q"]);
    std::fs::write(dirty.path().join("id_ed25519"), KEY).unwrap();
    std::fs::write(dirty.path().join("app.py"), "print('hello')\n").unwrap();
    git(dirty.path(), &["add", "."]);
    let out = try_repo(dirty.path(), home.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("id_ed25519:1:1: secrets/private-key"), "{stdout}");
    assert!(
        !stdout.contains("QyNTUxOQAAACDe3Yb0kTq3bX8mS2vPq7JcLh9uGf4w"),
        "the key is never printed whole"
    );

    let clean = tempfile::tempdir().unwrap();
    git(clean.path(), &["init", "-q"]);
    std::fs::write(clean.path().join("app.py"), "print('hello')\n").unwrap();
    std::fs::write(clean.path().join(".env"), "DEBUG=1\n").unwrap();
    git(clean.path(), &["add", "."]);
    let out = try_repo(clean.path(), home.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "needs pre-commit from .venv: run scripts/test"]
fn pre_commit_passes_file_names_that_look_like_options_as_files() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::write(dir.path().join("README.md"), "hello\n").unwrap();
    for name in ["--fail-on=never", "--select=none", "--output=README.md"] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    std::fs::write(dir.path().join("id_ed25519"), KEY).unwrap();
    git(dir.path(), &["add", "."]);
    let out = try_repo(dir.path(), home.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("id_ed25519:1:1: secrets/private-key"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "hello\n",
        "the report went to README.md"
    );
}

/// A function with seven arguments: two warnings at its name.
const OLD_SMELL: &str = "def old(a, b, c, d, e, f, g):\n    return a\n";

/// app.py: the old smell, then `tail` from line 4.
fn app(tail: &str) -> String {
    format!("{OLD_SMELL}\n\n{tail}")
}

/// app.py with a new smell, `new`, at line 8.
fn app_with_a_new_smell() -> String {
    app(&format!("x = 2\n\n\n{}", OLD_SMELL.replace("old", "new")))
}

#[test]
#[ignore = "needs pre-commit from .venv: run scripts/test"]
fn pre_commit_gates_the_lines_being_committed_and_whole_files_on_request() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let app_py = dir.path().join("app.py");
    // Runs hook `id`, which must exit with `code` and print `shown`.
    let run = |id: &str, code: i32, shown: &str| {
        let out = try_hook(dir.path(), home.path(), id);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let context = format!("{id}: {stdout}\n{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(code), "{context}");
        assert!(stdout.contains(shown), "{context}");
        stdout
    };
    let old_smell = "app.py:1:5: python/too-many-arguments";
    git(dir.path(), &["init", "-q"]);
    // The first commit: every line is being committed.
    std::fs::write(&app_py, app("x = 1\n")).unwrap();
    git(dir.path(), &["add", "."]);
    run("tollgate", 1, &format!("{old_smell} [warning]"));
    git(dir.path(), &["commit", "-qm", "old smell", "--no-verify"]);

    // A commit that changes one line of the file, away from its old smell, passes; a smell in
    // the working tree that is not staged is not part of it (pre-commit stashes it).
    std::fs::write(&app_py, app("x = 2\n")).unwrap();
    git(dir.path(), &["add", "app.py"]);
    std::fs::write(&app_py, app_with_a_new_smell()).unwrap();
    let stdout = run("tollgate", 0, &format!("{old_smell} [warning, unchanged line]"));
    assert!(!stdout.contains("`new`"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&app_py).unwrap(),
        app_with_a_new_smell(),
        "unstaged work is restored"
    );
    // The whole-file hook gates the old smell too.
    run("tollgate-whole-files", 1, &format!("{old_smell} [warning]"));

    // A commit that adds a smell fails.
    git(dir.path(), &["add", "app.py"]);
    run("tollgate", 1, "app.py:8:5: python/too-many-arguments [warning] `new`");

    // A key committed long ago still fails a commit of its file, in both hooks.
    git(dir.path(), &["reset", "-q", "--hard"]);
    std::fs::write(dir.path().join("settings.txt"), format!("a = 1\n{KEY}")).unwrap();
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "a key", "--no-verify"]);
    std::fs::write(dir.path().join("settings.txt"), format!("a = 2\n{KEY}")).unwrap();
    git(dir.path(), &["add", "."]);
    for id in ["tollgate", "tollgate-secrets"] {
        run(id, 1, "settings.txt:2:1: secrets/private-key");
    }
}

/// Environment for builds that `cargo install` runs inside the tests: quick (no link-time
/// optimisation) and cached in one target directory.
fn quick_install_env(command: &mut Command) -> &mut Command {
    command
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_TARGET_DIR", repo().join("target/pre-commit"))
}

/// Runs action.yml's steps with cli/tests/support/fake-runner.py on a copy of the demo repository,
/// with `files` (name, content) added.
fn run_action(inputs: &[&str], files: &[(&str, &str)]) -> (Value, Workspace) {
    let workspace = Workspace::new();
    copy_tree(&repo().join("testdata/demo"), &workspace.path());
    for (name, content) in files {
        std::fs::write(workspace.path().join(name), content).unwrap();
    }
    (run_runner(&workspace, inputs), workspace)
}

/// Runs action.yml's steps in `workspace`; `args` are inputs (`name=value`) and the runner's
/// `--event-name=` and `--event=`.
fn run_runner(workspace: &Workspace, args: &[&str]) -> Value {
    // Outside the workspace, as on a runner: the installed binary is not part of the scan.
    let home = workspace.root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let real_home = std::env::var("HOME").unwrap();
    let cargo_home = std::env::var("CARGO_HOME").unwrap_or_else(|_| format!("{real_home}/.cargo"));
    let rustup_home = std::env::var("RUSTUP_HOME").unwrap_or_else(|_| format!("{real_home}/.rustup"));
    let mut command = Command::new(venv_tool("python"));
    command
        .arg(repo().join("cli/tests/support/fake-runner.py"))
        .arg(repo())
        .arg(workspace.path())
        .args(args)
        .env("HOME", &home)
        // The action keeps a result cache unless told not to; the test environment's setting
        // (scripts/test turns the cache off) is not the runner's.
        .env_remove("TOLLGATE_NO_CACHE")
        .env_remove("TOLLGATE_CACHE_DIR")
        .env("CARGO_HOME", cargo_home)
        .env("RUSTUP_HOME", rustup_home);
    let out = quick_install_env(&mut command).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The runner's workspace, beside the home directory the Action installs tollgate into.
struct Workspace {
    root: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Workspace {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("workspace")).unwrap();
        Workspace { root }
    }

    fn path(&self) -> std::path::PathBuf {
        self.root.path().join("workspace")
    }
}

/// A pull request as a runner checks it out: `origin` (a bare repository) has `main`, a commit
/// with `base` (name, content), and `feature`, a commit on top of it with `head`; the
/// workspace is a shallow clone of `feature`, as actions/checkout leaves it. Returns the
/// workspace and the runner arguments for a `pull_request` event whose base is `main`'s commit.
fn pull_request(base: &[(&str, &str)], head: &[(&str, &str)]) -> (Workspace, Vec<String>) {
    let workspace = Workspace::new();
    let root = workspace.root.path();
    let source = root.join("source");
    let origin = root.join("origin.git");
    git(root, &["init", "-q", "--bare", origin.to_str().unwrap()]);
    git(root, &["init", "-q", source.to_str().unwrap()]);
    let commit = |files: &[(&str, &str)], message: &str| {
        for (name, content) in files {
            let path = source.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        git(&source, &["add", "-A"]);
        git(&source, &["commit", "-qm", message]);
    };
    commit(base, "base");
    let base_sha = rev_parse(&source, "HEAD");
    git(&source, &["checkout", "-qb", "feature"]);
    commit(head, "pull request");
    git(&source, &["push", "-q", origin.to_str().unwrap(), "main", "feature"]);
    let url = format!("file://{}", origin.display());
    let workspace_path = workspace.path();
    git(
        root,
        &[
            "clone",
            "-q",
            "--depth=1",
            "--branch=feature",
            &url,
            workspace_path.to_str().unwrap(),
        ],
    );
    let event = serde_json::json!({
        "pull_request": {
            "base": {"ref": "main", "sha": base_sha},
            "head": {"ref": "feature", "sha": rev_parse(&source, "HEAD")},
        }
    });
    let event_path = root.join("event.json");
    std::fs::write(&event_path, event.to_string()).unwrap();
    let args = vec![
        "--event-name=pull_request".to_string(),
        format!("--event={}", event_path.display()),
    ];
    (workspace, args)
}

fn rev_parse(dir: &Path, name: &str) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["rev-parse", name])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// The runner's arguments plus inputs.
fn with_inputs<'a>(args: &'a [String], inputs: &[&'a str]) -> Vec<&'a str> {
    args.iter().map(String::as_str).chain(inputs.iter().copied()).collect()
}

/// The (rule, uri, line) of every result of the SARIF file the action wrote.
fn uploaded(workspace: &Workspace) -> Vec<(String, String, u64)> {
    let sarif = std::fs::read_to_string(workspace.path().join("tollgate.sarif")).unwrap();
    let document = assert_valid_sarif(&sarif);
    document["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                location["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// What the step `name` printed on stdout (workflow commands such as `::warning::`).
fn step_stdout<'a>(report: &'a Value, name: &str) -> &'a str {
    let steps = report["steps"].as_array().unwrap();
    let step = steps.iter().find(|s| s["name"] == name).unwrap();
    step["stdout"].as_str().unwrap()
}

fn gate_outcome(report: &Value) -> String {
    let steps = outcomes(report);
    let gate = steps.iter().find(|(name, _)| name == "Gate");
    gate.map(|(_, outcome)| outcome.clone())
        .unwrap_or_else(|| format!("{report:#}"))
}

/// The lines of app.py's `python/too-many-arguments` in the SARIF file the action wrote.
fn arguments_findings(workspace: &Workspace) -> Vec<u64> {
    uploaded(workspace)
        .into_iter()
        .filter(|(rule, uri, _)| rule == "python/too-many-arguments" && uri == "app.py")
        .map(|(_, _, line)| line)
        .collect()
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn on_a_pull_request_shards_and_their_merge_job_gate_new_code() {
    // An old smell in a file the pull request changes elsewhere passes; a new smell fails.
    for (head, gate) in [(app("x = 2\n"), "success"), (app_with_a_new_smell(), "failure")] {
        let (workspace, event) = pull_request(&[("app.py", &app("x = 1\n"))], &[("app.py", &head)]);
        for shard in ["1/2", "2/2"] {
            let file = format!("sarif-file=../reports/shard{}.sarif", &shard[..1]);
            let input = format!("shard={shard}");
            let report = run_runner(&workspace, &with_inputs(&event, &["cache=false", &input, &file]));
            assert_eq!(gate_outcome(&report), "success", "{report:#}");
        }
        let merge = ["cache=false", "merge=../reports/shard*.sarif"];
        let report = run_runner(&workspace, &with_inputs(&event, &merge));
        assert_eq!(gate_outcome(&report), gate, "{report:#}");
        // Code scanning gets every finding, the old smell included.
        assert_eq!(arguments_findings(&workspace)[0], 1, "{report:#}");
    }
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn on_a_pull_request_the_action_gates_new_code_and_uploads_every_finding() {
    // Only an old smell, in a file the pull request changes elsewhere: the step passes, and
    // code scanning still gets the smell.
    let (workspace, event) = pull_request(&[("app.py", &app("x = 1\n"))], &[("app.py", &app("x = 2\n"))]);
    let report = run_runner(&workspace, &with_inputs(&event, &[]));
    assert_eq!(gate_outcome(&report), "success", "{report:#}");
    assert_eq!(report["exit_code"], 0);
    assert_eq!(arguments_findings(&workspace), vec![1], "{report:#}");
    assert_eq!(report["uploads"][0]["exists"], true);
    let summary = report["summary"].as_str().unwrap();
    assert!(summary.contains("reported but not gating"), "{summary}");

    // The same for pull_request_target.
    let target: Vec<String> = event
        .iter()
        .map(|a| a.replace("=pull_request", "=pull_request_target"))
        .collect();
    let report = run_runner(&workspace, &with_inputs(&target, &[]));
    assert_eq!(gate_outcome(&report), "success", "{report:#}");

    // A diff chosen in `args` replaces the default gate (here, a filter of the report).
    let report = run_runner(&workspace, &with_inputs(&event, &["args=--diff-base=HEAD"]));
    assert_eq!(gate_outcome(&report), "success", "{report:#}");
    assert!(arguments_findings(&workspace).is_empty(), "{report:#}");

    // `gate: whole-files` gates the old smell too.
    let report = run_runner(&workspace, &with_inputs(&event, &["gate=whole-files"]));
    assert_eq!(gate_outcome(&report), "failure", "{report:#}");
    assert_eq!(arguments_findings(&workspace), vec![1]);

    // A pull request that adds a smell fails; the upload has the old one and the new one.
    let (workspace, event) = pull_request(&[("app.py", &app("x = 1\n"))], &[("app.py", &app_with_a_new_smell())]);
    let report = run_runner(&workspace, &with_inputs(&event, &[]));
    assert_eq!(gate_outcome(&report), "failure", "{report:#}");
    assert_eq!(report["exit_code"], 1);
    assert_eq!(arguments_findings(&workspace), vec![1, 8], "{report:#}");

    // So does one that pushes an old function over a threshold by an edit of its body: the
    // file's version in the fetched base commit does not have the finding.
    let (workspace, event) = pull_request(&[("app.py", &branchy("f", 9))], &[("app.py", &branchy("f", 10))]);
    let report = run_runner(&workspace, &with_inputs(&event, &[]));
    assert_eq!(gate_outcome(&report), "failure", "{report:#}");
    assert_eq!(step_stdout(&report, "Pull request base"), "", "the base was found");
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn on_a_pull_request_security_findings_gate_on_unchanged_lines() {
    let workflow = "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n";
    let (workspace, event) = pull_request(
        &[("app.py", "x = 1\n"), (".github/workflows/ci.yml", workflow)],
        &[("app.py", "x = 2\n")],
    );
    let report = run_runner(&workspace, &with_inputs(&event, &[]));
    assert_eq!(gate_outcome(&report), "failure", "{report:#}");
    assert_eq!(step_stdout(&report, "Pull request base"), "", "the base was found");
    let findings = uploaded(&workspace);
    assert!(
        findings.contains(&(
            "actions/unpinned-uses".to_string(),
            ".github/workflows/ci.yml".to_string(),
            7
        )),
        "{findings:?}"
    );
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn the_action_gates_whole_files_on_a_push_and_when_the_base_cannot_be_fetched() {
    let (workspace, event) = pull_request(&[("app.py", &app("x = 1\n"))], &[("app.py", &app("x = 2\n"))]);
    let report = run_runner(&workspace, &[]);
    assert_eq!(gate_outcome(&report), "failure", "a push: {report:#}");

    // A base commit that origin does not have: a warning, and whole files gate.
    let event_path = workspace.root.path().join("event.json");
    let mut payload: Value = serde_json::from_str(&std::fs::read_to_string(&event_path).unwrap()).unwrap();
    payload["pull_request"]["base"]["sha"] = "0123456789abcdef0123456789abcdef01234567".into();
    std::fs::write(&event_path, payload.to_string()).unwrap();
    let report = run_runner(&workspace, &with_inputs(&event, &[]));
    assert_eq!(gate_outcome(&report), "failure", "{report:#}");
    let stdout = step_stdout(&report, "Pull request base");
    assert!(
        stdout.starts_with("::warning title=tollgate::cannot fetch the pull request base commit")
            && stdout.contains("every finding gates"),
        "{stdout}"
    );
    assert_eq!(arguments_findings(&workspace), vec![1]);

    // An explicit `diff-base` on a push gates new code since it.
    let report = run_runner(&workspace, &["diff-base=HEAD"]);
    assert_eq!(gate_outcome(&report), "success", "{report:#}");
    // It contradicts `gate: whole-files`.
    let report = run_runner(&workspace, &["diff-base=HEAD", "gate=whole-files"]);
    assert!(
        outcomes(&report).contains(&("Pull request base".to_string(), "failure".to_string())),
        "{report:#}"
    );
}

fn outcomes(report: &Value) -> Vec<(String, String)> {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_string(),
                s["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn the_action_installs_checks_uploads_and_then_fails_the_step() {
    let (report, workspace) = run_action(&[], &[]);
    let steps = outcomes(&report);
    let expected = [
        ("Cache key", "success"),
        ("Restore tollgate", "success"),
        ("Install tollgate", "success"),
        ("Result cache key", "success"),
        ("Restore the result cache", "success"),
        ("Pull request base", "success"),
        ("Check", "success"),
        ("Upload SARIF", "success"),
        ("Gate", "failure"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(steps, expected, "{report:#}");
    assert_eq!(
        report["exit_code"], 1,
        "the demo has errors: the step fails, after the upload"
    );
    assert_eq!(report["uploads"][0]["sarif_file"], "tollgate.sarif");
    assert_eq!(report["uploads"][0]["category"], "tollgate");
    assert_eq!(report["uploads"][0]["exists"], true);

    let sarif = std::fs::read_to_string(workspace.path().join("tollgate.sarif")).unwrap();
    let document = assert_valid_sarif(&sarif);
    let results = document["runs"][0]["results"].as_array().unwrap().len();
    assert!(results > 0);
    assert_eq!(report["outputs"]["findings"], results.to_string());
    assert_eq!(report["outputs"]["sarif-file"], "tollgate.sarif");

    // The result cache: restored from the newest cache of the same build and configs, and
    // written where the cache step saves it from.
    let results = &report["caches"][1];
    let key = results["key"].as_str().unwrap();
    let prefix = results["restore-keys"].as_str().unwrap().lines().next().unwrap();
    assert!(key.starts_with(prefix) && key.contains("-results-"), "{results}");
    let folder = std::path::Path::new(results["path"].as_str().unwrap());
    assert!(
        folder.join(env!("CARGO_PKG_VERSION")).join("results").is_file(),
        "{results}"
    );

    let summary = report["summary"].as_str().unwrap();
    assert!(summary.contains("| domain | error | warning | note |"), "{summary}");
    assert!(
        summary.contains(
            "(<https://github.com/example/demo/blob/0123456789abcdef0123456789abcdef01234567/config/deploy_key.pem#L1>)"
        ),
        "{summary}"
    );
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn the_action_passes_with_fail_on_never_and_can_skip_the_upload() {
    let (report, _workspace) = run_action(
        &["fail-on=never", "upload-sarif=false", "sarif-file=out/report.sarif"],
        &[],
    );
    let steps = outcomes(&report);
    assert!(
        steps.contains(&("Upload SARIF".to_string(), "skipped".to_string())),
        "{steps:?}"
    );
    assert!(
        steps.contains(&("Gate".to_string(), "success".to_string())),
        "{steps:?}"
    );
    assert_eq!(report["exit_code"], 0);
    assert_eq!(report["outputs"]["sarif-file"], "out/report.sarif");
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn the_action_runs_as_the_shards_of_a_matrix_and_as_their_merge_job() {
    let workspace = Workspace::new();
    copy_tree(&repo().join("testdata/demo"), &workspace.path());
    // Reports outside the workspace, as artifacts are: the runs after scan the same tree.
    let reports = workspace.root.path().join("reports");
    let single = run_runner(
        &workspace,
        &[
            "fail-on=never",
            "upload-sarif=false",
            "cache=false",
            "sarif-file=../reports/single.sarif",
        ],
    );
    assert_eq!(single["exit_code"], 0);
    for shard in ["1/2", "2/2"] {
        let file = format!("sarif-file=../reports/shard{}.sarif", &shard[..1]);
        let input = format!("shard={shard}");
        let report = run_runner(&workspace, &["cache=false", &input, &file]);
        let steps = outcomes(&report);
        // A shard neither uploads nor fails, whatever it found: the merge job does both.
        assert!(
            steps.contains(&("Upload SARIF".to_string(), "skipped".to_string())),
            "{steps:?}"
        );
        assert!(
            steps.contains(&("Gate".to_string(), "success".to_string())),
            "{steps:?}"
        );
        assert!(reports.join(format!("shard{}.sarif.windows", &shard[..1])).is_file());
    }
    let merge = run_runner(
        &workspace,
        &[
            "cache=false",
            "merge=../reports/shard*.sarif",
            "sarif-file=../reports/merged.sarif",
        ],
    );
    let steps = outcomes(&merge);
    assert!(
        steps.contains(&("Upload SARIF".to_string(), "success".to_string())),
        "{steps:?}"
    );
    assert!(
        steps.contains(&("Gate".to_string(), "failure".to_string())),
        "{steps:?}"
    );
    assert_eq!(merge["exit_code"], 1, "the demo has errors");
    let read = |name: &str| std::fs::read_to_string(reports.join(name)).unwrap();
    assert_eq!(read("merged.sarif"), read("single.sarif"));
    assert_valid_sarif(&read("merged.sarif"));
}

#[test]
#[ignore = "needs PyYAML from .venv and builds tollgate with cargo install: run scripts/test"]
fn the_action_takes_paths_as_paths_not_globs_or_options() {
    let other_key = KEY.replace("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUA", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUB");
    let (report, workspace) = run_action(
        &["paths=--fail-on=never  only*.env\n"],
        &[
            ("--fail-on=never", KEY),
            ("only*.env", &other_key),
            ("onlyother.env", KEY),
        ],
    );
    let steps = outcomes(&report);
    assert!(
        steps.contains(&("Check".to_string(), "success".to_string())),
        "{report:#}"
    );
    assert_eq!(report["exit_code"], 1, "{report:#}");
    let sarif = std::fs::read_to_string(workspace.path().join("tollgate.sarif")).unwrap();
    let document = assert_valid_sarif(&sarif);
    let mut uris: Vec<String> = result_uris(&document).iter().map(|u| u.replace("%2A", "*")).collect();
    uris.sort();
    uris.dedup();
    assert_eq!(uris, vec!["--fail-on=never", "only*.env"]);
}

/// The cache key the action's first step computes for an action checked out at `action_dir`.
fn action_cache_key(action_dir: &Path) -> String {
    let script = Command::new(venv_tool("python"))
        .arg("-c")
        .arg(
            "import sys, yaml\n\
             steps = yaml.safe_load(open(sys.argv[1]))['runs']['steps']\n\
             print(next(s['run'] for s in steps if s.get('id') == 'key'))",
        )
        .arg(repo().join("action.yml"))
        .output()
        .unwrap();
    assert!(script.status.success(), "{}", String::from_utf8_lossy(&script.stderr));
    let output = tempfile::NamedTempFile::new().unwrap();
    let run = Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c"])
        .arg(String::from_utf8(script.stdout).unwrap())
        .env("GITHUB_ACTION_PATH", action_dir)
        .env("GITHUB_OUTPUT", output.path())
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_ARCH", "X64")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::read_to_string(output.path()).unwrap().trim().to_string()
}

#[test]
#[ignore = "needs PyYAML from .venv: run scripts/test"]
fn the_action_cache_key_changes_with_any_source_file() {
    let copy = tempfile::tempdir().unwrap();
    for dir in ["cli", "rules", "analyzers"] {
        copy_tree(&repo().join(dir), &copy.path().join(dir));
    }
    for file in ["Cargo.toml", "Cargo.lock"] {
        std::fs::copy(repo().join(file), copy.path().join(file)).unwrap();
    }
    let before = action_cache_key(copy.path());
    assert_eq!(action_cache_key(copy.path()), before, "the key is stable");
    let main = copy.path().join("cli/src/main.rs");
    let mut source = std::fs::read_to_string(&main).unwrap();
    source.push_str("\n// a change that Cargo.lock does not see\n");
    std::fs::write(&main, source).unwrap();
    assert_ne!(action_cache_key(copy.path()), before);
    assert!(
        before.starts_with("key=tollgate-Linux-X64-"),
        "per OS and architecture: {before}"
    );
}

#[test]
#[ignore = "needs check-jsonschema and zizmor from .venv: run scripts/test"]
fn action_yml_is_clean_under_the_schema_zizmor_and_tollgate() {
    let schema = Command::new(venv_tool("check-jsonschema"))
        .current_dir(repo())
        .args(["--builtin-schema", "vendor.github-actions", "action.yml"])
        .output()
        .unwrap();
    assert!(schema.status.success(), "{}", String::from_utf8_lossy(&schema.stdout));
    let zizmor = Command::new(venv_tool("zizmor"))
        .current_dir(repo())
        .args(["--offline", "--no-config", "action.yml"])
        .output()
        .unwrap();
    assert!(zizmor.status.success(), "{}", String::from_utf8_lossy(&zizmor.stdout));
    let own = assert_cmd::Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(repo())
        .args([
            "check",
            "action.yml",
            ".github/workflows",
            "--fail-on",
            "note",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&own.stdout).trim(), "[]");
    assert!(own.status.success());
}
