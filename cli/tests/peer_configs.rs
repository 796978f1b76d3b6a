//! The configs users already have for ruff, hadolint, zizmor and gitleaks, read by a run
//! with no tollgate config of its own; tollgate's own config winning where both speak; and
//! `--show-config` saying where each setting came from.

mod common;

use std::path::Path;

use common::tollgate;
use serde_json::Value;

fn write(dir: &Path, path: &str, content: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// A repository root (it has `.git`), so that configs are looked for up to it.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    dir
}

/// (path, rule, line) of every finding of a JSON run.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, u64)> {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend(args);
    let run = tollgate(dir, &all);
    let parsed: Vec<Value> =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    let mut out: Vec<_> = parsed
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn rules_of(found: &[(String, String, u64)]) -> Vec<&str> {
    found.iter().map(|(_, rule, _)| rule.as_str()).collect()
}

/// Six parameters (PLR0913 and PLR0917 at ruff's defaults of 5) and 11 branches (C901 at 10).
const SIX_ARGS: &str = "def f(a, b, c, d, e, g):\n    return a\n";
const COMPLEX: &str = "def c(x):\n    if x == 1:\n        return 1\n    elif x == 2:\n        return 2\n    elif x == 3:\n        return 3\n    elif x == 4:\n        return 4\n    elif x == 5:\n        return 5\n    elif x == 6:\n        return 6\n    elif x == 7:\n        return 7\n    elif x == 8:\n        return 8\n    elif x == 9:\n        return 9\n    elif x == 10:\n        return 10\n    return 0\n";

#[test]
fn ruff_thresholds_and_selection_are_read_from_pyproject() {
    let dir = repo();
    write(dir.path(), "src/a.py", SIX_ARGS);
    write(dir.path(), "src/b.py", COMPLEX);
    let default = findings(dir.path(), &["--select", "PLR0913,PLR0917,C901"]);
    assert_eq!(
        rules_of(&default),
        [
            "python/too-many-arguments",
            "python/too-many-positional-arguments",
            "python/complex-function"
        ]
    );
    // pip's style: thresholds raised, positional arguments following max-args as in ruff.
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n[tool.ruff.lint]\nselect = [\"C90\", \"PLR0\"]\n[tool.ruff.lint.mccabe]\nmax-complexity = 33\n[tool.ruff.lint.pylint]\nmax-args = 16\nmax-returns = 15\n",
    );
    assert_eq!(findings(dir.path(), &["--select", "python"]), []);
    // A ruff config that selects only C901 turns the argument rules off; one that sets no
    // `select` leaves tollgate's defaults.
    write(dir.path(), "ruff.toml", "[lint]\nselect = [\"C901\"]\n");
    let found = findings(dir.path(), &["--select", "python"]);
    assert_eq!(rules_of(&found), ["python/complex-function"]);
    write(
        dir.path(),
        "ruff.toml",
        "line-length = 100\n[lint]\nignore = [\"PLR0917\"]\n",
    );
    let found = findings(dir.path(), &["--select", "python"]);
    assert_eq!(
        rules_of(&found),
        [
            "python/too-many-arguments",
            "python/complex-function",
            "python/too-many-returns"
        ]
    );
    // `extend-select` says which rules run too: on ruff's default set, which has none of these.
    write(dir.path(), "ruff.toml", "[lint]\nextend-select = [\"C90\"]\n");
    let found = findings(dir.path(), &["--select", "python"]);
    assert_eq!(rules_of(&found), ["python/complex-function"]);
}

#[test]
fn a_nested_ruff_config_governs_its_folder() {
    let dir = repo();
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.ruff.lint]\nselect = [\"PLR0913\"]\n[tool.ruff.lint.pylint]\nmax-args = 16\n",
    );
    // Like pip's tests/ruff.toml: it extends the root config and changes its folder only.
    write(
        dir.path(),
        "tests/ruff.toml",
        "extend = \"../pyproject.toml\"\n[lint.pylint]\nmax-args = 3\n",
    );
    // A nested config that does not extend the root is a whole config of its own.
    write(dir.path(), "tools/ruff.toml", "[lint]\nselect = [\"C901\"]\n");
    for folder in ["src", "tests/unit", "tools"] {
        write(dir.path(), &format!("{folder}/a.py"), SIX_ARGS);
        write(dir.path(), &format!("{folder}/b.py"), COMPLEX);
    }
    let found = findings(dir.path(), &["--select", "python", "--ignore", "python/duplicate-code"]);
    let shown: Vec<(&str, &str)> = found.iter().map(|(p, r, _)| (p.as_str(), r.as_str())).collect();
    assert_eq!(
        shown,
        [
            ("tests/unit/a.py", "python/too-many-arguments"),
            ("tools/b.py", "python/complex-function")
        ]
    );
}

#[test]
fn ruff_extend_per_file_ignores_and_exclude() {
    let dir = repo();
    write(
        dir.path(),
        "base.toml",
        "[lint]\nselect = [\"PLR0913\", \"C901\"]\n[lint.pylint]\nmax-args = 3\n",
    );
    // `.ruff.toml` ranks above `ruff.toml` and pyproject.toml in the same folder.
    write(
        dir.path(),
        ".ruff.toml",
        "extend = \"base.toml\"\nextend-exclude = [\"generated_code\"]\n[lint.per-file-ignores]\n\"tests/*\" = [\"too-many-arguments\"]\n",
    );
    write(dir.path(), "ruff.toml", "[lint]\nselect = []\n");
    write(dir.path(), "src/a.py", SIX_ARGS);
    write(dir.path(), "tests/unit/test_a.py", SIX_ARGS);
    write(dir.path(), "tests/unit/test_b.py", COMPLEX);
    write(
        dir.path(),
        "src/generated_code/c.py",
        &format!(
            "{SIX_ARGS}KEY = '{}'\n",
            "ghp_".to_string() + &"a1B2c3D4e5".repeat(3) + "F6g7H8"
        ),
    );
    let found = findings(dir.path(), &[]);
    let shown: Vec<(&str, &str)> = found.iter().map(|(p, r, _)| (p.as_str(), r.as_str())).collect();
    assert!(shown.contains(&("src/a.py", "python/too-many-arguments")), "{shown:?}");
    // `*` crosses folders in ruff's globs; the names in the list are ruff's rule names.
    assert!(
        !shown.contains(&("tests/unit/test_a.py", "python/too-many-arguments")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("tests/unit/test_b.py", "python/complex-function")),
        "{shown:?}"
    );
    // Excluded from the Python analysis only: the key in it is still found.
    assert!(
        !shown
            .iter()
            .any(|(p, r)| p.starts_with("src/generated_code") && r.starts_with("python/")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|(p, r)| p.starts_with("src/generated_code") && r.starts_with("secrets/")),
        "{shown:?}"
    );
}

#[test]
fn ruff_suppression_comments_in_every_form() {
    let dir = repo();
    write(
        dir.path(),
        "a.py",
        "def f(a, b, c, d, e, g):  # ruff: ignore[too-many-arguments, PLR0917]\n    return a\n\n\
         # ruff: disable[PLR0913]\ndef g(a, b, c, d, e, g):  # noqa: PLR0917\n    return a\n# ruff: enable[PLR0913]\n\n\
         def h(a, b, c, d, e, g):  # noqa: PLR0917\n    return a\n",
    );
    write(
        dir.path(),
        "b.py",
        &format!("# ruff: file-ignore[too-many-arguments, too-many-positional-arguments]\n{SIX_ARGS}"),
    );
    let found = findings(dir.path(), &["--select", "PLR0913,PLR0917"]);
    assert_eq!(
        found,
        [("a.py".to_string(), "python/too-many-arguments".to_string(), 9)]
    );
}

#[test]
fn tollgate_config_wins_where_both_speak() {
    let dir = repo();
    write(dir.path(), "src/a.py", SIX_ARGS);
    write(
        dir.path(),
        "ruff.toml",
        "[lint]\nselect = [\"C901\"]\n[lint.pylint]\nmax-args = 3\n",
    );
    // A domain selector does not bring back what ruff's config turned off; the rule's own
    // code does. tollgate's `max-args` wins over ruff's.
    let found = findings(dir.path(), &["--select", "python"]);
    assert_eq!(found, []);
    write(
        dir.path(),
        "tollgate.toml",
        "extend-select = [\"PLR0913\"]\n[python]\nmax-args = 5\n",
    );
    let found = findings(dir.path(), &[]);
    assert_eq!(rules_of(&found), ["python/too-many-arguments"]);
    write(
        dir.path(),
        "tollgate.toml",
        "extend-select = [\"PLR0913\"]\n[python]\nmax-args = 6\n",
    );
    assert_eq!(findings(dir.path(), &[]), []);
    // `read-configs = []` reads none of them.
    write(
        dir.path(),
        "tollgate.toml",
        "read-configs = []\nselect = [\"PLR0913\"]\n",
    );
    assert_eq!(rules_of(&findings(dir.path(), &[])), ["python/too-many-arguments"]);
    write(dir.path(), "tollgate.toml", "read-configs = [\"pylint\"]\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("tollgate.toml") && run.stderr.contains("pylint"),
        "{}",
        run.stderr
    );
}

const DOCKERFILE: &str = "FROM registry.example.com/base:1.0\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n";

#[test]
fn hadolint_config_ignores_overrides_and_trusts() {
    let dir = repo();
    write(dir.path(), "Dockerfile", DOCKERFILE);
    let before = findings(dir.path(), &["--select", "docker"]);
    assert!(rules_of(&before).contains(&"docker/apt-pin"), "{before:?}");
    write(
        dir.path(),
        ".hadolint.yaml",
        "ignored:\n  - DL3008\noverride:\n  error:\n    - DL3059\ntrustedRegistries:\n  - docker.io\n",
    );
    let run = tollgate(
        dir.path(),
        &["check", "--select", "docker", "--format", "json", "--fail-on", "never"],
    );
    let parsed: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let rules: Vec<&str> = parsed.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert!(!rules.contains(&"docker/apt-pin"), "{rules:?}");
    assert!(rules.contains(&"docker/untrusted-registry"), "{rules:?}");
    let shown = tollgate(dir.path(), &["check", "--show-config"]);
    assert!(
        shown
            .stdout
            .contains("docker/apt-pin = off  # .hadolint.yaml: ignored DL3008"),
        "{}",
        shown.stdout
    );
    assert!(
        shown
            .stdout
            .contains("allowed-registries = [\"docker.io\"]  # .hadolint.yaml: trustedRegistries"),
        "{}",
        shown.stdout
    );
}

#[test]
fn hadolint_label_schema_and_strict_labels_drive_the_label_rules() {
    let dir = repo();
    write(
        dir.path(),
        "Dockerfile",
        "FROM debian:12.5\nLABEL version=\"v2\" team=\"web\"\n",
    );
    let labels = |dir: &std::path::Path| -> Vec<String> {
        let found = findings(dir, &["--select", "docker"]);
        let mut rules: Vec<String> = rules_of(&found)
            .into_iter()
            .filter(|r| r.starts_with("docker/label-"))
            .map(String::from)
            .collect();
        rules.sort();
        rules
    };
    assert!(labels(dir.path()).is_empty(), "no schema, no label findings");
    write(
        dir.path(),
        ".hadolint.yaml",
        "label-schema:\n  version: semver\n  source: url\nstrict-labels: true\n",
    );
    assert_eq!(
        labels(dir.path()),
        [
            "docker/label-missing",
            "docker/label-not-in-schema",
            "docker/label-not-semver"
        ]
    );
    let shown = tollgate(dir.path(), &["check", "--show-config"]);
    assert!(
        shown
            .stdout
            .contains("strict-labels = true  # .hadolint.yaml: strict-labels"),
        "{}",
        shown.stdout
    );
    write(dir.path(), ".hadolint.yaml", "label-schema:\n  version: number\n");
    let run = tollgate(dir.path(), &["check", "--select", "docker", "--fail-on", "never"]);
    assert!(
        run.stderr
            .contains("label-schema.version: `number` is not one of text, url"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_malformed_peer_config_is_a_warning_and_the_scan_goes_on() {
    let dir = repo();
    write(dir.path(), "Dockerfile", DOCKERFILE);
    write(dir.path(), ".hadolint.yaml", "ignored: [DL3008\noverride: {\n");
    let run = tollgate(
        dir.path(),
        &["check", "--select", "docker", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("warning: .hadolint.yaml: line ") && run.stderr.contains("the file is left out"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("docker/apt-pin"), "the scan went on without it");
    write(dir.path(), "ruff.toml", "[lint\nselect = 1\n");
    let run = tollgate(dir.path(), &["check", "--fail-on", "never"]);
    assert!(
        run.stderr.contains("warning: ruff.toml: TOML parse error"),
        "{}",
        run.stderr
    );
    write(dir.path(), "ruff.toml", "[lint]\nselect = 1\n");
    let run = tollgate(dir.path(), &["check", "--fail-on", "never"]);
    assert!(
        run.stderr
            .contains("warning: ruff.toml: `lint.select` is not a list of strings"),
        "{}",
        run.stderr
    );
    write(dir.path(), "ruff.toml", "extend = \"ruff.toml\"\n");
    let run = tollgate(dir.path(), &["check", "--fail-on", "never"]);
    assert!(
        run.stderr.contains("ruff.toml: `extend` forms a cycle"),
        "{}",
        run.stderr
    );
}

const WORKFLOW: &str = "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n";

#[test]
fn zizmor_config_disables_ignores_and_sets_policies() {
    let dir = repo();
    write(dir.path(), ".github/workflows/ci.yml", WORKFLOW);
    let before = findings(dir.path(), &["--select", "actions/unpinned-uses"]);
    assert_eq!(before.len(), 2, "{before:?}");
    write(
        dir.path(),
        ".github/zizmor.yml",
        "rules:\n  unpinned-uses:\n    ignore:\n      - ci.yml:8\n",
    );
    let found = findings(dir.path(), &["--select", "actions/unpinned-uses"]);
    assert_eq!(found.iter().map(|f| f.2).collect::<Vec<_>>(), [7]);
    write(
        dir.path(),
        "zizmor.yml",
        "rules:\n  unpinned-uses:\n    config:\n      policies:\n        \"actions/*\": ref-pin\n",
    );
    assert_eq!(findings(dir.path(), &["--select", "actions/unpinned-uses"]), []);
    write(
        dir.path(),
        "zizmor.yml",
        "rules:\n  unpinned-uses:\n    disable: true\n",
    );
    assert_eq!(
        findings(dir.path(), &["--select", "actions"])
            .iter()
            .filter(|f| f.1 == "actions/unpinned-uses")
            .count(),
        0
    );
}

#[test]
fn zizmor_config_sets_forbidden_uses_cooldown_and_allowed_secrets() {
    let dir = repo();
    write(dir.path(), ".github/workflows/ci.yml", WORKFLOW);
    write(
        dir.path(),
        ".github/dependabot.yml",
        "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: {interval: daily}\n    cooldown:\n      default-days: 10\n",
    );
    let rules = ["--select", "actions/forbidden-uses,actions/dependabot-cooldown"];
    assert_eq!(findings(dir.path(), &rules), [], "no list, 10 days >= 7");
    write(
        dir.path(),
        "zizmor.yml",
        "rules:\n  forbidden-uses:\n    config:\n      deny: [actions/setup-python]\n  dependabot-cooldown:\n    config:\n      days: 14\n",
    );
    let found = findings(dir.path(), &rules);
    let got: Vec<(&str, u64)> = found.iter().map(|f| (f.1.as_str(), f.2)).collect();
    assert_eq!(got, [("actions/dependabot-cooldown", 7), ("actions/forbidden-uses", 8)]);
    write(
        dir.path(),
        "zizmor.yml",
        "rules:\n  dependabot-cooldown:\n    config:\n      days: soon\n",
    );
    let run = tollgate(dir.path(), &["check", "--fail-on", "never"]);
    assert!(
        run.stderr
            .contains("rules.dependabot-cooldown.config.days is not a number of days"),
        "{}",
        run.stderr
    );
}

#[test]
fn gitleaks_allowlist_and_ignore_file() {
    let dir = repo();
    let token = format!("ghp_{}", "a1B2c3D4e5".repeat(3) + "F6g7H8");
    write(dir.path(), "app/settings.py", &format!("TOKEN = \"{token}\"\n"));
    write(dir.path(), "fixtures/data.py", &format!("TOKEN = \"{token}\"\n"));
    write(dir.path(), "other.py", &format!("\nTOKEN = \"{token}\"\n"));
    let before = findings(dir.path(), &["--select", "secrets"]);
    assert_eq!(before.len(), 3, "{before:?}");
    write(
        dir.path(),
        ".gitleaks.toml",
        "[allowlist]\npaths = ['''^fixtures/''']\n",
    );
    write(dir.path(), ".gitleaksignore", "# judged\nother.py:github-pat:2\n");
    let found = findings(dir.path(), &["--select", "secrets"]);
    assert_eq!(
        found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["app/settings.py"]
    );
    write(dir.path(), ".gitleaks.toml", "[[allowlists]]\nstopwords = ['a1b2c3']\n");
    assert_eq!(findings(dir.path(), &["--select", "secrets"]), []);
    write(dir.path(), ".gitleaks.toml", "[allowlist]\nregexes = ['''[''']\n");
    let run = tollgate(dir.path(), &["check", "--select", "secrets", "--fail-on", "never"]);
    assert!(
        run.stderr.contains(".gitleaks.toml") && run.stderr.contains("regexes"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_config_says_where_each_setting_came_from() {
    let dir = repo();
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.ruff.lint]\nselect = [\"C90\", \"PLR09\"]\n[tool.ruff.lint.pylint]\nmax-args = 8\nmax-returns = 9\n[tool.tollgate.python]\nmax-returns = 4\n",
    );
    let run = tollgate(dir.path(), &["check", "--show-config"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    for line in [
        "# tollgate's config: pyproject.toml",
        "# read: pyproject.toml",
        "max-args = 8  # pyproject.toml: lint.pylint.max-args",
        "max-positional-args = 8  # pyproject.toml: lint.pylint.max-args (max-positional-args follows it in ruff)",
        "max-returns = 4  # pyproject.toml",
        "max-complexity = 10  # default",
        "fail-on = \"warning\"  # default",
        "python/too-many-locals = off  # pyproject.toml: PLR0914 is a preview rule and preview is off",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}
