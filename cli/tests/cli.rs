//! End-to-end tests of the real binary: formats, exit codes, config, suppression, bad input.

mod common;

use std::path::Path;

use common::{assert_valid_sarif, repo, result_uris, tollgate, wait_within, Run};
use serde_json::Value;

fn formats(format: &str) -> Run {
    tollgate(&repo(), &["check", "testdata/cli/formats", "--format", format])
}

#[test]
fn text_format() {
    let run = formats("text");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_format() {
    let run = formats("json");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn sarif_format_is_schema_valid() {
    let run = formats("sarif");
    assert_eq!(run.code, 1);
    let document = assert_valid_sarif(&run.stdout);
    let run0 = &document["runs"][0];
    assert_eq!(run0["columnKind"], "utf16CodeUnits");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run0["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(result["partialFingerprints"]["primaryLocationLineHash"]
            .as_str()
            .unwrap()
            .contains(':'));
    }
    let key = rules.iter().find(|r| r["id"] == "secrets/private-key").unwrap();
    assert_eq!(key["properties"]["security-severity"], "9.0");
    assert_eq!(key["properties"]["peers"][0], "gitleaks:private-key");
    assert!(key["help"]["markdown"].as_str().unwrap().contains("## How to fix"));
    // The results only, without their index into the driver's rules (checked above): the
    // catalogue grows with every rule, and a new rule must not change this snapshot.
    let mut results = run0["results"].clone();
    for result in results.as_array_mut().unwrap() {
        result.as_object_mut().unwrap().remove("ruleIndex");
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&results).unwrap());
}

#[test]
fn github_format() {
    let run = formats("github");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn gitlab_format() {
    let run = formats("gitlab");
    let issues: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let mut fingerprints: Vec<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints must be unique");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn columns_are_utf16_code_units() {
    let run = formats("json");
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let unicode = findings
        .iter()
        .find(|f| f["path"] == "testdata/cli/formats/unicode.txt")
        .unwrap();
    // `naïve = "😀"; key = '''` is 23 UTF-16 units (ï is 1, 😀 is 2) before the key.
    assert_eq!(unicode["column"], 24);
}

#[test]
fn demo_sarif_is_schema_valid() {
    let run = tollgate(&repo(), &["check", "testdata/demo", "--format", "sarif"]);
    assert_valid_sarif(&run.stdout);
}

#[test]
fn demo_text() {
    let run = tollgate(&repo(), &["check", "testdata/demo"]);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn no_secret_is_printed_whole_in_any_format() {
    let key_lines: Vec<String> = ["id_rsa", "unicode.txt", "encrypted.pem"]
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(repo().join("testdata/cli/formats").join(f))
                .unwrap()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|l| l.len() >= 40 && !l.contains("-----"))
        .collect();
    assert!(key_lines.len() > 5);
    for format in ["text", "json", "sarif", "github", "gitlab"] {
        let run = formats(format);
        for line in &key_lines {
            assert!(
                !run.stdout.contains(&line[..24]),
                "{format} output shows key material `{}`",
                &line[..24]
            );
        }
    }
}

#[test]
fn output_file_keeps_a_summary_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.sarif");
    let run = tollgate(
        &repo(),
        &[
            "check",
            "testdata/cli/formats",
            "--format",
            "sarif",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("Found 4 findings"), "{}", run.stderr);
    assert_valid_sarif(&std::fs::read_to_string(out).unwrap());
}

#[test]
fn fail_on_levels() {
    let dir = repo();
    let encrypted = "testdata/cli/formats/encrypted.pem";
    assert_eq!(
        tollgate(&dir, &["check", encrypted]).code,
        0,
        "a note does not fail at the default `warning`"
    );
    assert_eq!(tollgate(&dir, &["check", encrypted, "--fail-on", "note"]).code, 1);
    assert_eq!(
        tollgate(&dir, &["check", "testdata/cli/formats/id_rsa", "--fail-on", "never"]).code,
        0
    );
    assert_eq!(
        tollgate(&dir, &["check", "testdata/cli/formats/id_rsa", "--fail-on", "error"]).code,
        1
    );
}

#[test]
fn usage_errors_exit_2() {
    let missing = tollgate(&repo(), &["check", "testdata/does-not-exist"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("testdata/does-not-exist: no such file or directory"),
        "{}",
        missing.stderr
    );
    let select = tollgate(&repo(), &["check", "testdata/cli", "--select", "pythn"]);
    assert_eq!(select.code, 2);
    assert!(select.stderr.contains("`pythn` matches no rule"), "{}", select.stderr);
    assert_eq!(tollgate(&repo(), &["check", "--format", "xml"]).code, 2);
    assert_eq!(tollgate(&repo(), &["explain", "nope/nope"]).code, 2);
}

#[test]
fn select_and_ignore() {
    let dir = repo();
    let none = tollgate(
        &dir,
        &["check", "testdata/cli/formats", "--select", "none", "--format", "json"],
    );
    assert_eq!(none.code, 0);
    assert_eq!(none.stdout.trim(), "[]");
    let ignored = tollgate(
        &dir,
        &[
            "check",
            "testdata/cli/formats",
            "--ignore",
            "secrets/private-key",
            "--format",
            "json",
        ],
    );
    let findings: Vec<Value> = serde_json::from_str(&ignored.stdout).unwrap();
    assert!(findings.iter().all(|f| f["rule"] != "secrets/private-key"));
}

#[test]
fn identical_output_for_any_thread_count() {
    let one = tollgate(&repo(), &["check", "testdata", "--format", "json", "--threads", "1"]);
    let two = tollgate(&repo(), &["check", "testdata", "--format", "json", "--threads", "2"]);
    let four = tollgate(&repo(), &["check", "testdata", "--format", "json", "--threads", "4"]);
    assert!(one.stdout.len() > 100);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn rules_and_explain() {
    let rules = tollgate(&repo(), &["rules", "--format", "json"]);
    assert_eq!(rules.code, 0);
    let list: Vec<Value> = serde_json::from_str(&rules.stdout).unwrap();
    assert!(list.iter().any(|r| r["id"] == "secrets/private-key"));
    let text = tollgate(&repo(), &["rules"]);
    assert!(text.stdout.lines().any(|l| l.starts_with("secrets/private-key")));
    let explain = tollgate(&repo(), &["explain", "secrets/private-key"]);
    assert_eq!(explain.code, 0);
    for section in [
        "# secrets/private-key",
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## How to fix",
        "gitleaks:private-key",
    ] {
        assert!(explain.stdout.contains(section), "{section}");
    }
}

/// A private key body long enough to count as key material.
const KEY: &str = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n";

fn write(dir: &Path, path: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn json_findings(run: &Run) -> Vec<(String, String, u64)> {
    let findings: Vec<Value> =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr));
    findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn config_files_are_found_upward_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        dir.path(),
        "tollgate.toml",
        "fail-on = \"never\"\n[levels]\n\"secrets/private-key\" = \"warning\"\n",
    );
    write(dir.path(), "sub/key.pem", KEY);
    let run = tollgate(&dir.path().join("sub"), &["check", "--format", "json"]);
    assert_eq!(run.code, 0, "fail-on = never from ../tollgate.toml");
    assert!(run.stdout.contains("\"level\": \"warning\""), "{}", run.stdout);
}

#[test]
fn pyproject_tool_table_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n[tool.tollgate]\nignore = [\"secrets\"]\n",
    );
    write(dir.path(), "key.pem", KEY);
    let run = tollgate(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.trim(), "[]");
}

#[test]
fn config_errors_name_the_file_and_the_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".tollgate.toml", "fail-on = \"error\"\nexlude = [\"x\"]\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".tollgate.toml") && run.stderr.contains("exlude"),
        "{}",
        run.stderr
    );

    write(dir.path(), ".tollgate.toml", "max-file-size = \"big\"\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".tollgate.toml")
            && run.stderr.contains("max-file-size")
            && run.stderr.contains("expected u64"),
        "{}",
        run.stderr
    );

    write(dir.path(), ".tollgate.toml", "[secrets]\nunknown-setting = 1\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("unknown-setting"), "{}", run.stderr);

    write(dir.path(), ".tollgate.toml", "[levels]\n\"nope/x\" = \"error\"\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".tollgate.toml") && run.stderr.contains("nope/x"),
        "{}",
        run.stderr
    );

    let run = tollgate(dir.path(), &["check", "--config", "missing.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.toml"), "{}", run.stderr);
}

/// The benchmarks' parse-only switch is a hidden flag: a config file cannot turn Python off.
#[test]
fn bench_parse_only_is_not_a_config_setting() {
    let dir = tempfile::tempdir().unwrap();
    let function = format!("def f(x):\n{}", "    if x:\n        x = 1\n".repeat(12));
    write(dir.path(), "a.py", &function);
    write(dir.path(), ".tollgate.toml", "[python]\nbench-parse-only = true\n");
    let run = tollgate(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(".tollgate.toml") && run.stderr.contains("bench-parse-only"),
        "{}",
        run.stderr
    );

    std::fs::remove_file(dir.path().join(".tollgate.toml")).unwrap();
    let run = tollgate(dir.path(), &["check", "--select", "python/complex-function"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let run = tollgate(
        dir.path(),
        &["check", "--select", "python/complex-function", "--bench-parse-only"],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn excludes_and_per_file_ignores() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tollgate.toml",
        "exclude = [\"scratch\"]\n[per-file-ignores]\n\"tests/**\" = [\"secrets/private-key\"]\n",
    );
    write(dir.path(), "scratch/lib/key.pem", KEY);
    write(dir.path(), "tests/fixtures/key.pem", KEY);
    write(dir.path(), "app/key.pem", KEY);
    write(dir.path(), "build/key.pem", KEY);
    let run = tollgate(dir.path(), &["check", "--format", "json", "--exclude", "build"]);
    assert_eq!(
        json_findings(&run),
        vec![("app/key.pem".into(), "secrets/private-key".into(), 1)]
    );
    // Named on purpose: an excluded directory or file is scanned.
    let run = tollgate(dir.path(), &["check", "scratch", "--format", "json"]);
    assert_eq!(json_findings(&run).len(), 1);
    let run = tollgate(
        dir.path(),
        &["check", "build/key.pem", "--format", "json", "--exclude", "build"],
    );
    assert_eq!(json_findings(&run).len(), 1);
}

#[test]
fn gitignore_and_git_dir() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".git/config", KEY);
    write(dir.path(), ".gitignore", "ignored.pem\n");
    write(dir.path(), ".ignore", "also-ignored/\n");
    write(dir.path(), "ignored.pem", KEY);
    write(dir.path(), "also-ignored/key.pem", KEY);
    write(dir.path(), ".env", KEY);
    let run = tollgate(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        json_findings(&run),
        vec![(".env".into(), "secrets/private-key".into(), 1)]
    );
    // Explicit paths are scanned even when ignored (pre-commit passes file names).
    let run = tollgate(dir.path(), &["check", "ignored.pem", "--format", "json"]);
    assert_eq!(json_findings(&run).len(), 1);
}

#[cfg(unix)]
#[test]
fn bad_input_is_a_diagnostic_and_the_scan_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tollgate.toml", "max-file-size = 4096\n");
    write(
        dir.path(),
        "binary.bin",
        b"\x7fELF\x00\x00\x01-----BEGIN RSA PRIVATE KEY-----",
    );
    write(dir.path(), "latin1.txt", b"caf\xe9\n");
    write(dir.path(), "empty.py", "");
    write(
        dir.path(),
        "Dockerfile/inner.txt",
        "a directory named like a Dockerfile\n",
    );
    write(dir.path(), "big.txt", "x".repeat(5000));
    write(dir.path(), "key.pem", KEY);
    write(
        dir.path(),
        "certs/client.p12",
        b"\x30\x82\x0a\x00\x02\x01\x03\x30\x82\x09\xc6\x06\x09\x00\x00",
    );
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt")).unwrap();
    let run = tollgate(
        dir.path(),
        &["check", ".", "dangling.txt", "--format", "json", "--verbose"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        json_findings(&run),
        vec![
            ("certs/client.p12".into(), "secrets/pkcs12-file".into(), 1),
            ("key.pem".into(), "secrets/private-key".into(), 1)
        ],
        "a binary key store is a secret by its name"
    );
    assert!(
        run.stderr
            .contains("latin1.txt: skipped: not valid UTF-8 (invalid byte at offset 3)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("binary.bin: skipped: binary file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("big.txt: skipped: 5000 bytes is over the size limit of 4096 bytes"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("dangling.txt: cannot read"), "{}", run.stderr);
    assert!(!run.stderr.contains("empty.py"), "an empty file is not a problem");
    // Without --verbose, skipped binaries are only counted.
    let quiet = tollgate(dir.path(), &["check", "."]);
    assert!(!quiet.stderr.contains("binary.bin"));
    assert!(
        quiet
            .stdout
            .contains("2 files scanned for secrets only: binary, over the size limit, vendored or generated"),
        "{}",
        quiet.stdout
    );
}

#[test]
fn suppression_comments_in_a_run() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        format!("# tollgate: ignore[secrets/private-key] fixture\n{KEY}"),
    );
    write(
        dir.path(),
        "b.txt",
        format!("# tollgate: ignore-file[secrets]\n\n\n{KEY}"),
    );
    write(
        dir.path(),
        "c.txt",
        KEY.replace(
            "-----END RSA PRIVATE KEY-----",
            "-----END RSA PRIVATE KEY----- gitleaks:allow",
        ),
    );
    write(
        dir.path(),
        "d.cfg",
        format!("{KEY}x = 1  # tollgate: ignore[secrets/private-key]\n"),
    );
    let run = tollgate(dir.path(), &["check", "--format", "json"]);
    let found = json_findings(&run);
    assert!(
        found.contains(&("d.cfg".into(), "secrets/private-key".into(), 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("d.cfg".into(), "tollgate/unused-suppression".into(), 5)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(p, _, _)| p == "a.txt" || p == "b.txt"), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn readme_rule_list_is_up_to_date() {
    let table = tollgate(&repo(), &["rules", "--format", "markdown"]).stdout;
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules:start -->\n")
        .expect("README has the rules:start marker")
        + 21;
    let end = readme
        .find("<!-- rules:end -->")
        .expect("README has the rules:end marker");
    assert!(
        readme[start..end].trim_end() == table.trim_end(),
        "README.md's rule list is out of date: run scripts/update-readme-rules"
    );
}

#[test]
fn duplicate_code_across_files_with_related_copies() {
    // Copied out of `testdata/`, whose files are tests to the path roles (and tests are not
    // compared by default).
    let dir = tempfile::tempdir().unwrap();
    for name in ["orders.py", "quotes.py"] {
        std::fs::copy(
            repo().join("testdata/python/duplicate-code/bad-pasted").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    write(dir.path(), "tollgate.toml", "");
    let run = tollgate(
        dir.path(),
        &["check", "--select", "python/duplicate-code", "--format", "sarif"],
    );
    let document = assert_valid_sarif(&run.stdout);
    let results = document["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{:#}", document["runs"][0]["results"]);
    let result = &results[0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "quotes.py"
    );
    // The functions' signatures and docstrings are not compared: the copy starts at the
    // module's logger, before them.
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 6);
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "orders.py"
    );
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    assert_eq!(result["properties"]["metric"], "duplicate-lines");
    assert!(result["message"]["text"]
        .as_str()
        .unwrap()
        .contains("duplicate orders.py:4"));

    // Normalised, the renamed copy matches too (from the first line of its body), but the
    // comment above its `def` suppresses it.
    write(dir.path(), "tollgate.toml", "[python]\nduplicate-normalize = true\n");
    let run = tollgate(
        dir.path(),
        &[
            "check",
            "--select",
            "python/duplicate-code,tollgate",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        json_findings(&run),
        vec![("quotes.py".into(), "python/duplicate-code".into(), 6)],
        "{}",
        run.stdout
    );
    let without_comment = std::fs::read_to_string(dir.path().join("quotes.py")).unwrap().replace(
        "# tollgate: ignore[python/duplicate-code] kept apart on purpose\n",
        "\n",
    );
    write(dir.path(), "quotes.py", without_comment);
    let run = tollgate(
        dir.path(),
        &["check", "--select", "python/duplicate-code", "--format", "json"],
    );
    assert_eq!(json_findings(&run).len(), 2, "{}", run.stdout);
}

/// Every peer tool's comment, through the real analyzers: the comment suppresses exactly the
/// rules whose `peers` name its codes.
#[test]
fn peer_suppression_comments_through_real_rules() {
    let dir = tempfile::tempdir().unwrap();
    let complex = |name: &str, comment: &str| {
        let mut body = format!("def {name}(a, b, c, d, e, f):  {comment}\n");
        for i in 0..11 {
            body.push_str(&format!("    if a == {i}:\n        return {i}\n"));
        }
        body
    };
    // noqa with codes: C901 goes, the argument counts stay.
    write(dir.path(), "a.py", complex("f", "# noqa: C901"));
    // bare noqa: every python rule on that line goes.
    write(dir.path(), "b.py", complex("g", "# noqa"));
    // ruff's file-level noqa with a code.
    write(
        dir.path(),
        "c.py",
        format!("# ruff: noqa: PLR0913\n{}", complex("h", "")),
    );
    write(
        dir.path(),
        "Dockerfile",
        "FROM debian:12.5@sha256:0000000000000000000000000000000000000000000000000000000000000000\n\
         # hadolint ignore=DL3008\n\
         RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n\
         RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/*\n\
         USER 10001\n",
    );
    write(
        dir.path(),
        "global.Dockerfile",
        "# hadolint global ignore=DL3007\nFROM alpine:latest\nUSER 10001\n",
    );
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4  # zizmor: ignore[unpinned-uses]\n      - uses: actions/setup-go@v5\n",
    );
    write(
        dir.path(),
        "settings.env",
        "GITHUB_TOKEN=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  # pragma: allowlist secret\n",
    );
    let run = tollgate(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "python/cognitive-complexity,python/too-many-returns,python/duplicate-code",
        ],
    );
    let found = json_findings(&run);
    let expect: Vec<(String, String, u64)> = vec![
        (".github/workflows/ci.yml".into(), "actions/unpinned-uses".into(), 8),
        ("Dockerfile".into(), "docker/apt-pin".into(), 5),
        ("a.py".into(), "python/too-many-arguments".into(), 1),
        ("a.py".into(), "python/too-many-positional-arguments".into(), 1),
        ("c.py".into(), "python/complex-function".into(), 2),
        ("c.py".into(), "python/too-many-positional-arguments".into(), 2),
    ];
    assert_eq!(found, expect, "{}", run.stdout);
}

#[test]
fn size_limits_out_of_range_are_config_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "id_rsa", KEY);
    // u64::MAX once wrapped `take(max + 1)` to zero: every file read as empty, exit 0.
    for size in ["18446744073709551615", "0"] {
        write(dir.path(), ".tollgate.toml", format!("max-file-size = {size}\n"));
        let run = tollgate(dir.path(), &["check"]);
        assert_eq!(run.code, 2, "{size}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains(".tollgate.toml") && run.stderr.contains("max-file-size"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_huge_thread_count_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    // 10,000 threads took over a minute to start on an empty folder; capped, it is instant.
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tollgate"))
        .current_dir(dir.path())
        .args(["check", "--threads", "10000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let output = wait_within(child, std::time::Duration::from_secs(30)).expect("still running after 30 s");
    assert_eq!(output.status.code(), Some(0));
}

/// A line that GitHub's runner would take for a workflow command.
fn workflow_command_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.trim_start().starts_with("::")).collect()
}

#[test]
fn file_names_and_contents_cannot_inject_into_logs_terminals_or_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = [
        "z\n::error title=X::owned\n.env",
        "::add-mask::secret.env",
        "\u{1b}]8;;https://x\u{7}link\u{1b}]8;;\u{7}\r.env",
        "a|b<img src=x onerror=alert(1)>`c`.env",
        "javascript:alert(1).env",
    ];
    for name in hostile {
        write(dir.path(), name, KEY);
    }
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: \"a/b@v4\\n::stop-commands::x\\r\\u001b[2J\"\n",
    );
    write(dir.path(), "\n::warning::bin\n.dat", b"\0\x01binary");
    let summary = dir.path().join("summary.md");
    for format in ["text", "json", "sarif", "github", "gitlab"] {
        let run = tollgate(
            dir.path(),
            &[
                "check",
                "--verbose",
                "--format",
                format,
                "--summary",
                summary.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        for (sink, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            for bad in ['\u{1b}', '\r', '\u{7}'] {
                assert!(!text.contains(bad), "{format} {sink} has {bad:?}:\n{text}");
            }
            let commands = workflow_command_lines(text);
            if format == "github" && sink == "stdout" {
                // Our own annotations only: one per finding, each a single line.
                assert!(
                    commands.iter().all(|l| l.starts_with("::error file=")
                        || l.starts_with("::warning file=")
                        || l.starts_with("::notice file=")),
                    "{commands:#?}"
                );
                assert_eq!(commands.len(), text.lines().count(), "{text}");
            } else {
                assert!(commands.is_empty(), "{format} {sink}: {commands:#?}");
            }
        }
        if format == "sarif" {
            let sarif = assert_valid_sarif(&run.stdout);
            let uris = result_uris(&sarif);
            assert!(uris.iter().any(|u| u == "./javascript:alert(1).env"), "{uris:?}");
            assert!(uris
                .iter()
                .all(|u| u.starts_with("./") || !u.split('/').next().unwrap().contains(':')));
        }
    }
    let markdown = std::fs::read_to_string(&summary).unwrap();
    assert!(!markdown.contains("<img"), "{markdown}");
    assert!(!markdown.contains('`') || !markdown.contains("`c`"), "{markdown}");
    for row in markdown.lines().filter(|l| l.starts_with("| ")) {
        // Cells are split on unescaped pipes only.
        let cells = row.replace("\\|", "").matches('|').count();
        assert!(cells == 5 || cells == 4, "a cell broke the table: {row}");
    }
    assert!(!markdown.lines().any(|l| l.starts_with("::")), "{markdown}");
}

#[test]
fn files_with_lone_carriage_returns_are_numbered_by_those_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "classic_mac.py",
        "x = 1\r\rdef f(a, b, c, d, e, f, g):\r    return a\r",
    );
    let run = tollgate(dir.path(), &["check", "--select", "python", "--format", "json"]);
    let findings = json_findings(&run);
    assert_eq!(
        findings,
        vec![
            ("classic_mac.py".to_string(), "python/too-many-arguments".to_string(), 3),
            (
                "classic_mac.py".to_string(),
                "python/too-many-positional-arguments".to_string(),
                3
            )
        ],
        "{}",
        run.stderr
    );
}

/// The role of each finding's file in the JSON report (`None`: plain).
fn roles_by_path(run: &Run) -> Vec<(String, String, Option<String>)> {
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stderr));
    let mut found: Vec<(String, String, Option<String>)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["properties"]["role"].as_str().map(str::to_string),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn path_roles_skip_vendored_and_generated_files_and_tag_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::git(root, &["init", "-q"]);
    let complex = format!("def f(x):\n{}", "    if x:\n        x = 1\n".repeat(12));
    for path in [
        "app/models.py",
        "tests/test_app.py",
        "src/pkg/_vendor/dep.py",
        "src/pkg/_vendor/ours.py",
        "third/lib.py",
        "api/service_pb2.py",
        "docs_src/tutorial.py",
    ] {
        write(root, path, &complex);
    }
    write(
        root,
        "app/migrations/0001_initial.py",
        format!("# Generated by Django 5.0\n{complex}"),
    );
    // In vendored code a key block (which cannot be checked offline) is not reported; a
    // token whose checksum holds is, wherever it is.
    write(root, "src/pkg/_vendor/key.pem", KEY);
    write(
        root,
        "src/pkg/_vendor/settings.py",
        "TOKEN = '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'\n",
    );
    write(
        root,
        ".gitattributes",
        "third/** linguist-vendored\nsrc/pkg/_vendor/ours.py -linguist-vendored\n",
    );
    let select = [
        "check",
        "--select",
        "python/complex-function,secrets/private-key,secrets/github-pat",
        "--format",
        "json",
    ];
    let run = tollgate(root, &select);
    let some = |role: &str| Some(role.to_string());
    assert_eq!(
        roles_by_path(&run),
        vec![
            ("app/models.py".into(), "python/complex-function".into(), None),
            (
                "docs_src/tutorial.py".into(),
                "python/complex-function".into(),
                some("docs")
            ),
            ("src/pkg/_vendor/ours.py".into(), "python/complex-function".into(), None),
            (
                "src/pkg/_vendor/settings.py".into(),
                "secrets/github-pat".into(),
                some("vendored")
            ),
            (
                "tests/test_app.py".into(),
                "python/complex-function".into(),
                some("test")
            ),
        ],
        "{}",
        run.stderr
    );
    // --verbose says which files were skipped and why.
    let mut verbose = select.to_vec();
    verbose.push("--verbose");
    let run = tollgate(root, &verbose);
    for skipped in [
        "src/pkg/_vendor/dep.py",
        "third/lib.py",
        "api/service_pb2.py",
        "app/migrations/0001_initial.py",
    ] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(skipped) && l.contains("file (`skip-roles`")),
            "{skipped}: {}",
            run.stderr
        );
    }

    // The config brings them back, and per-file-ignores can name a role.
    write(
        root,
        "tollgate.toml",
        "skip-roles = []\n[per-file-ignores]\n\"role:test\" = [\"python\"]\n",
    );
    let run = tollgate(root, &select);
    let paths: Vec<String> = roles_by_path(&run).into_iter().map(|(path, _, _)| path).collect();
    assert_eq!(
        paths,
        [
            "api/service_pb2.py",
            "app/migrations/0001_initial.py",
            "app/models.py",
            "docs_src/tutorial.py",
            "src/pkg/_vendor/dep.py",
            "src/pkg/_vendor/ours.py",
            "src/pkg/_vendor/settings.py",
            "third/lib.py",
        ]
    );

    write(root, "tollgate.toml", "skip-roles = [\"vendor\"]\n");
    let run = tollgate(root, &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("tollgate.toml") && run.stderr.contains("unknown role `vendor`"),
        "{}",
        run.stderr
    );
    write(
        root,
        "tollgate.toml",
        "[per-file-ignores]\n\"role:tests\" = [\"python\"]\n",
    );
    let run = tollgate(root, &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("role:tests"), "{}", run.stderr);
}

/// Wherever a rule is named, the codes of the tools users come from name it too.
#[test]
fn peer_codes_name_rules_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let complex = format!("def f(x, a, b, c, d, e):\n{}", "    if x:\n        x = 1\n".repeat(12));
    write(root, "app.py", &complex);
    write(root, "tools/gen.py", &complex);
    write(root, "Dockerfile", "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n");
    let rules_of = |run: &Run| -> Vec<(String, String)> {
        json_findings(run)
            .into_iter()
            .map(|(path, rule, _)| (path, rule))
            .collect()
    };

    let run = tollgate(root, &["check", "--select", "C901,DL3008", "--format", "json"]);
    assert_eq!(
        rules_of(&run),
        [
            ("Dockerfile".to_string(), "docker/apt-pin".to_string()),
            ("app.py".to_string(), "python/complex-function".to_string()),
            ("tools/gen.py".to_string(), "python/complex-function".to_string()),
        ],
        "{}",
        run.stderr
    );
    let run = tollgate(
        root,
        &[
            "check",
            "--select",
            "python",
            "--ignore",
            "ruff:PLR0913",
            "--extend-select",
            "hadolint:DL3008",
            "--format",
            "json",
        ],
    );
    let rules: Vec<String> = rules_of(&run).into_iter().map(|(_, rule)| rule).collect();
    assert!(rules.contains(&"docker/apt-pin".to_string()), "{rules:?}");
    assert!(!rules.contains(&"python/too-many-arguments".to_string()), "{rules:?}");
    assert!(rules.contains(&"python/complex-function".to_string()), "{rules:?}");

    write(
        root,
        "tollgate.toml",
        "select = [\"PLR0913\", \"C901\"]\n[levels]\nC901 = \"error\"\n[per-file-ignores]\n\"tools/**\" = [\"C901\"]\n",
    );
    let run = tollgate(root, &["check", "--format", "json"]);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let found: Vec<(&str, &str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("app.py", "python/complex-function", "error"),
            ("app.py", "python/too-many-arguments", "warning"),
            ("tools/gen.py", "python/too-many-arguments", "warning"),
        ],
        "{}",
        run.stderr
    );

    let run = tollgate(root, &["explain", "PLR0913"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("# python/too-many-arguments"), "{}", run.stdout);
    let run = tollgate(root, &["explain", "hadolint:DL3008"]);
    assert!(run.stdout.starts_with("# docker/apt-pin"), "{}", run.stdout);
    let run = tollgate(root, &["check", "--select", "XX999"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`XX999` matches no rule id, prefix or peer code"),
        "{}",
        run.stderr
    );
}

#[test]
fn statistics_count_findings_per_rule_and_min_level_leaves_out_the_rest() {
    let run = tollgate(&repo(), &["check", "testdata/demo", "--statistics"]);
    assert_eq!(run.code, 1, "the gate is the same with --statistics");
    let rows: Vec<(usize, &str)> = run
        .stdout
        .lines()
        .take_while(|line| !line.is_empty())
        .map(|line| {
            let mut fields = line.split_whitespace();
            (fields.next().unwrap().parse().unwrap(), fields.next().unwrap())
        })
        .collect();
    let json = tollgate(&repo(), &["check", "testdata/demo", "--format", "json"]);
    let findings = json_findings(&json);
    assert_eq!(rows.iter().map(|(count, _)| count).sum::<usize>(), findings.len());
    for (count, rule) in &rows {
        assert_eq!(*count, findings.iter().filter(|(_, r, _)| r == rule).count(), "{rule}");
    }
    assert!(rows.windows(2).all(|w| w[0].0 >= w[1].0), "most first: {rows:?}");
    assert!(run.stdout.contains("Found "), "{}", run.stdout);

    let stats: Vec<Value> = serde_json::from_str(
        &tollgate(&repo(), &["check", "testdata/demo", "--statistics", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(stats.len(), rows.len());
    assert_eq!(
        tollgate(
            &repo(),
            &["check", "testdata/demo", "--statistics", "--format", "sarif"]
        )
        .code,
        2
    );

    let errors = tollgate(
        &repo(),
        &["check", "testdata/demo", "--min-level", "error", "--format", "json"],
    );
    let levels: Vec<String> = serde_json::from_str::<Vec<Value>>(&errors.stdout)
        .unwrap()
        .iter()
        .map(|f| f["level"].as_str().unwrap().to_string())
        .collect();
    assert!(!levels.is_empty() && levels.iter().all(|l| l == "error"), "{levels:?}");
    assert!(levels.len() < findings.len());
    // Notes left out cannot fail a run that fails on notes.
    let notes = [
        "check",
        "testdata/demo",
        "--select",
        "docker/apt-lists-not-deleted,docker/apt-no-install-recommends",
        "--fail-on",
        "note",
    ];
    assert_eq!(tollgate(&repo(), &notes).code, 1);
    let mut above_notes = notes.to_vec();
    above_notes.extend(["--min-level", "warning"]);
    let run = tollgate(&repo(), &above_notes);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// The job summary lists 20 findings and points at the report the run wrote for the rest.
#[test]
fn the_summary_names_the_report_that_has_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let complex = format!("def f(x):\n{}", "    if x:\n        x = 1\n".repeat(12));
    for i in 0..25 {
        write(dir.path(), &format!("m{i:02}.py"), &complex);
    }
    for (format, name) in [("json", "JSON"), ("text", "text"), ("sarif", "SARIF")] {
        let summary = dir.path().join(format!("summary-{format}.md"));
        let run = tollgate(
            dir.path(),
            &[
                "check",
                "--select",
                "C901",
                "--format",
                format,
                "--summary",
                summary.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 1);
        let text = std::fs::read_to_string(&summary).unwrap();
        assert!(text.contains(&format!("…and 5 more in the {name} report.")), "{text}");
    }
}

/// A long text report ends with the rules and files that have the most findings.
#[test]
fn a_long_text_report_ends_with_the_most_frequent_rules_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let complex = format!("def f(x, a, b, c, d, e):\n{}", "    if x:\n        x = 1\n".repeat(12));
    for i in 0..12 {
        write(dir.path(), &format!("m{i:02}.py"), &complex);
    }
    write(
        dir.path(),
        "worst.py",
        format!("{complex}\n\n{}", complex.replace("def f", "def g")),
    );
    let run = tollgate(dir.path(), &["check", "--select", "C901,PLR0913"]);
    let tail: Vec<&str> = run.stdout.lines().rev().take(3).collect();
    assert_eq!(
        tail,
        [
            "(--statistics counts every rule; --min-level error shows only errors.)",
            "Most findings: worst.py 4, m00.py 2, m01.py 2, m02.py 2, m03.py 2",
            "Most frequent rules: python/complex-function 14, python/too-many-arguments 14",
        ],
        "{}",
        run.stdout
    );
    // A short one does not.
    let run = tollgate(dir.path(), &["check", "--select", "C901", "worst.py"]);
    assert!(!run.stdout.contains("Most frequent"), "{}", run.stdout);
}

#[test]
fn unverifiable_secrets_are_notes_in_tests_and_docs_and_config_roles_win() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    let token = "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";
    for folder in ["app", "tests", "docs", "product/testdata"] {
        write(root, &format!("{folder}/key.pem"), KEY);
        write(root, &format!("{folder}/settings.py"), format!("TOKEN = '{token}'\n"));
    }
    write(
        root,
        "tollgate.toml",
        "[roles]\n\"product/testdata\" = \"none\"\n\"app\" = \"docs\"\n",
    );
    let run = tollgate(root, &["check", "--select", "secrets", "--format", "json"]);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let levels: Vec<(String, String, String, Option<String>)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
                f["properties"]["downranked"].as_str().map(String::from),
            )
        })
        .collect();
    let why = |role: &str| Some(format!("in a {role} file, and the value cannot be checked offline"));
    let row = |path: &str, rule: &str, level: &str, why: Option<String>| {
        (path.to_string(), rule.to_string(), level.to_string(), why)
    };
    assert_eq!(
        levels,
        [
            // `[roles]` makes `app` docs, and `product/testdata` nothing in particular.
            row("app/key.pem", "secrets/private-key", "note", why("docs")),
            row("app/settings.py", "secrets/github-pat", "error", None),
            row("docs/key.pem", "secrets/private-key", "note", why("docs")),
            row("docs/settings.py", "secrets/github-pat", "error", None),
            row("product/testdata/key.pem", "secrets/private-key", "error", None),
            row("product/testdata/settings.py", "secrets/github-pat", "error", None),
            row("tests/key.pem", "secrets/private-key", "note", why("test")),
            row("tests/settings.py", "secrets/github-pat", "error", None),
        ]
    );
    write(root, "tollgate.toml", "[roles]\n\"app\" = \"tests\"\n");
    let run = tollgate(root, &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("[roles]: `app` = `tests`: unknown role"),
        "{}",
        run.stderr
    );
}

#[test]
fn long_tests_and_test_classes_are_notes() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("def f():\n{}", "    x = 1\n".repeat(101));
    write(dir.path(), "app/long.py", &long);
    write(dir.path(), "tests/test_long.py", long.replace("def f", "def test_f"));
    let run = tollgate(
        dir.path(),
        &["check", "--select", "python/long-function", "--format", "json"],
    );
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let levels: Vec<(&str, &str, Option<&str>)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["level"].as_str().unwrap(),
                f["properties"]["downranked"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        levels,
        [
            ("app/long.py", "warning", None),
            (
                "tests/test_long.py",
                "note",
                Some("in a test file, where length is mostly cases")
            ),
        ]
    );
}
