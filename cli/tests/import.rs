//! `--import-sarif`: other tools' SARIF through tollgate's pipeline, and the report within
//! GitHub's limits whatever the tools gave.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{json, Value};

fn tollgate(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tollgate").unwrap();
    cmd.current_dir(dir).env("TOLLGATE_NO_CACHE", "1");
    cmd
}

fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = tollgate(dir);
    cmd.arg("check").args(args);
    cmd.output().unwrap()
}

fn stdout_json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A SARIF file of one run of `tool`: each result `(rule, level, path, line, message)`.
fn sarif(tool: &str, results: &[(&str, &str, &str, usize, &str)]) -> Value {
    let results: Vec<Value> = results
        .iter()
        .map(|(rule, level, path, line, message)| {
            json!({
                "ruleId": rule,
                "level": level,
                "message": { "text": message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": path },
                    "region": { "startLine": line, "startColumn": 1 },
                }}],
            })
        })
        .collect();
    json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": tool } }, "results": results }] })
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec(value).unwrap()).unwrap();
}

/// The report's results whose rule id (or, in another tool's run, own rule id) is `rule`.
fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_optional_field_of_a_hand_made_sarif_is_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::repo().join("testdata/import"), dir.path());
    let out = check(
        dir.path(),
        &[
            "src",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--import-sarif",
            "every-field.sarif",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0]["tool"]["driver"]["name"], "tollgate");
    assert_eq!(runs[0]["automationDetails"]["id"], "tollgate/");
    let run = &runs[1];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "Scanner");
    assert_eq!(driver["version"], "3.1.0");
    assert_eq!(driver["informationUri"], "https://scanner.example");
    assert_eq!(run["automationDetails"]["id"], "scanner/");
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["PY001", "PY002"]);
    // 25 tags in the input: GitHub takes 20.
    assert_eq!(rules[0]["properties"]["tags"].as_array().unwrap().len(), 20);
    assert_eq!(rules[0]["properties"]["security-severity"], "8.8");
    assert_eq!(rules[0]["help"]["markdown"], "Do not call `eval`.");
    let results = run["results"].as_array().unwrap();
    // Line 12 is suppressed by a tollgate comment; the result the tool suppressed itself and
    // the one that passed are not findings.
    assert_eq!(results.len(), 2, "{results:#?}");
    let eval = results.iter().find(|r| r["ruleId"] == "PY001").unwrap();
    assert_eq!(eval["level"], "error");
    // From the rule's message string, with its arguments.
    assert_eq!(eval["message"]["text"], "eval is called with the request body");
    let location = &eval["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "src/app.py");
    assert_eq!(
        location["region"],
        json!({ "startLine": 7, "startColumn": 13, "endLine": 7, "endColumn": 31 })
    );
    let related = eval["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["message"]["text"], "the input comes from here");
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 6);
    // The tool's fingerprints are kept, its line hash over ours.
    let prints = &eval["partialFingerprints"];
    assert_eq!(prints["primaryLocationLineHash"], "0123456789abcdef:1");
    assert_eq!(prints["scanner/v2"], "feedface");
    assert!(prints["tollgate/v1"].is_string());
    assert_eq!(eval["properties"]["help-uri"], "https://scanner.example/rules/PY001");
    let unused = results.iter().find(|r| r["ruleId"] == "PY002").unwrap();
    assert_eq!(unused["level"], "note");
    assert_eq!(unused["message"]["text"], "os is imported and not used");
    // The same findings in JSON, named `<tool>/<rule>`; the comment naming an imported rule
    // suppressed a finding and is not reported as unused.
    let json = stdout_json(&check(
        dir.path(),
        &[
            "src",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--import-sarif",
            "every-field.sarif",
        ],
    ));
    let rules: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["scanner/PY002", "scanner/PY001"]);
    // Code points: `héllo wörld` on line 3 does not move a column on line 7, and the columns
    // of JSON are UTF-16 like SARIF's.
    assert_eq!(json[1]["column"], 13);
}

#[test]
fn a_file_that_is_not_sarif_fails_the_run_naming_the_file_and_the_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.py"), "x = 1\n").unwrap();
    write_json(
        &dir.path().join("bad.sarif"),
        &json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": {} }, "results": [] }] }),
    );
    let out = check(dir.path(), &[".", "--import-sarif", "bad.sarif"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.sarif: not valid SARIF 2.1.0:") && stderr.contains("at /runs/0/tool/driver"),
        "{stderr}"
    );
    std::fs::write(
        dir.path().join("truncated.sarif"),
        "{\"version\": \"2.1.0\", \"runs\": [",
    )
    .unwrap();
    let out = check(dir.path(), &[".", "--import-sarif", "truncated.sarif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated.sarif: not JSON:"));
    let out = check(dir.path(), &[".", "--import-sarif", "missing.sarif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.sarif: cannot read:"));
}

#[test]
fn a_region_line_or_column_of_zero_is_read_as_one_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.py"), "x = 1\n").unwrap();
    let mut report = sarif("scanner", &[("R1", "warning", "a.py", 1, "found")]);
    report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = json!(0);
    write_json(&dir.path().join("zero.sarif"), &report);
    let out = check(
        dir.path(),
        &[
            ".",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--import-sarif",
            "zero.sarif",
        ],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "zero.sarif: 1 region lines or columns below SARIF's minimum of 1 read as 1 (the first at /runs/0/results/0/locations/0/physicalLocation/region/startColumn)"
    ));
    assert_eq!(findings(&stdout_json(&out), "scanner/R1")[0]["column"], 1);
}

/// A repository with `a.py` (three lines, the second with `# noqa: E501`) and `b.py`, and
/// ruff-named SARIF with E501 on each line of both.
fn pipeline_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.py"), "x = 1\ny = 2  # noqa: E501\nz = 3\n").unwrap();
    std::fs::write(root.join("b.py"), "w = 1\n").unwrap();
    std::fs::write(
        root.join("tollgate.toml"),
        "[per-file-ignores]\n\"b.py\" = [\"ruff/E501\"]\n",
    )
    .unwrap();
    let results: Vec<(&str, &str, &str, usize, &str)> = vec![
        ("E501", "error", "a.py", 1, "line too long"),
        ("E501", "error", "a.py", 2, "line too long"),
        ("E501", "error", "a.py", 3, "line too long"),
        ("E501", "error", "b.py", 1, "line too long"),
    ];
    write_json(&root.join("ruff.sarif"), &sarif("ruff", &results));
    dir
}

fn imported_lines(out: &std::process::Output) -> Vec<(String, u64)> {
    findings(&stdout_json(out), "ruff/E501")
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
        .collect()
}

#[test]
fn imported_findings_are_suppressed_ignored_and_gate_the_run() {
    let dir = pipeline_tree();
    let root = dir.path();
    let out = check(root, &[".", "--format", "json", "--import-sarif", "ruff.sarif"]);
    // The tool's own comment (`# noqa: E501`) and per-file-ignores naming `ruff/E501`.
    assert_eq!(imported_lines(&out), [("a.py".to_string(), 1), ("a.py".to_string(), 3)]);
    // Errors fail the run at the default `--fail-on`; `never` lets it pass.
    assert_eq!(out.status.code(), Some(1));
    let out = check(
        root,
        &[
            ".",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--import-sarif",
            "ruff.sarif",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    // A tollgate comment naming the imported rule.
    std::fs::write(
        root.join("a.py"),
        "x = 1  # tollgate: ignore[ruff/E501] generated\ny = 2  # noqa: E501\nz = 3\n",
    )
    .unwrap();
    let out = check(root, &[".", "--format", "json", "--import-sarif", "ruff.sarif"]);
    assert_eq!(imported_lines(&out), [("a.py".to_string(), 3)]);
    // A bare `# noqa` silences every ruff finding on its line, as ruff reads it, but not the
    // findings of a tool with comments of its own; `# pragma: allowlist secret` silences
    // another secret scanner's finding, as it does ours.
    std::fs::write(
        root.join("a.py"),
        "x = 1  # tollgate: ignore[ruff/E501] generated\ny = 2  # noqa: E501\nz = 3  # noqa\nq = \"hunter2hunter2\"  # pragma: allowlist secret\n",
    )
    .unwrap();
    write_json(
        &root.join("other.sarif"),
        &sarif(
            "semgrep",
            &[
                ("python.style", "warning", "a.py", 3, "style"),
                ("python.q", "warning", "a.py", 4, "q"),
            ],
        ),
    );
    write_json(
        &root.join("secrets.sarif"),
        &sarif("kingfisher", &[("generic.1", "error", "a.py", 4, "a password")]),
    );
    let out = check(
        root,
        &[
            ".",
            "--format",
            "json",
            "--import-sarif",
            "ruff.sarif",
            "other.sarif",
            "secrets.sarif",
        ],
    );
    let report = stdout_json(&out);
    assert!(imported_lines(&out).is_empty(), "{report}");
    let lines = |rule: &str| -> Vec<u64> {
        findings(&report, rule)
            .iter()
            .map(|f| f["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(lines("semgrep/python.style"), [3]);
    assert_eq!(lines("semgrep/python.q"), [4]);
    assert!(lines("kingfisher/generic.1").is_empty(), "{report}");
}

#[test]
fn imported_findings_are_selected_and_ignored_by_tool() {
    let dir = pipeline_tree();
    let root = dir.path();
    write_json(
        &root.join("other.sarif"),
        &sarif("semgrep", &[("python.style", "warning", "a.py", 3, "style")]),
    );
    let rules = |args: &[&str]| -> Vec<String> {
        let mut all = vec![".", "--format", "json", "--fail-on", "never"];
        all.extend(args);
        all.extend(["--import-sarif", "ruff.sarif", "other.sarif"]);
        let out = check(root, &all);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut rules: Vec<String> = stdout_json(&out)
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        rules.dedup();
        rules
    };
    assert_eq!(rules(&[]), ["ruff/E501", "semgrep/python.style"]);
    assert_eq!(rules(&["--ignore", "ruff/"]), ["semgrep/python.style"]);
    assert_eq!(rules(&["--select", "python"]), ["ruff/E501", "semgrep/python.style"]);
    assert_eq!(rules(&["--select", "semgrep/,python"]), ["semgrep/python.style"]);
}

#[test]
fn imported_findings_go_through_the_baseline() {
    let dir = pipeline_tree();
    let root = dir.path();
    let mut cmd = tollgate(root);
    cmd.args(["baseline", "-o", "baseline.json", ".", "--import-sarif", "ruff.sarif"]);
    assert!(cmd.output().unwrap().status.success());
    let out = check(
        root,
        &[
            ".",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "--import-sarif",
            "ruff.sarif",
        ],
    );
    assert!(
        imported_lines(&out).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(0));
    // A new finding of the tool is not in the baseline.
    let mut report = sarif("ruff", &[("E501", "error", "a.py", 1, "line too long")]);
    report["runs"][0]["results"][0]["message"]["text"] = json!("a new problem");
    report["runs"][0]["results"][0]["ruleId"] = json!("E731");
    write_json(&root.join("new.sarif"), &report);
    let out = check(
        root,
        &[
            ".",
            "--format",
            "json",
            "--baseline",
            "baseline.json",
            "--import-sarif",
            "ruff.sarif",
            "new.sarif",
        ],
    );
    assert_eq!(findings(&stdout_json(&out), "ruff/E731").len(), 1);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn imported_findings_on_unchanged_lines_are_left_out_by_diff_base() {
    let dir = pipeline_tree();
    let root = dir.path();
    common::git(root, &["init", "-q"]);
    common::git(root, &["add", "a.py", "b.py", "tollgate.toml"]);
    common::git(root, &["commit", "-qm", "base"]);
    std::fs::write(root.join("a.py"), "x = 1\ny = 2  # noqa: E501\nz = 4\n").unwrap();
    let out = check(
        root,
        &[
            ".",
            "--format",
            "json",
            "--diff-base",
            "HEAD",
            "--import-sarif",
            "ruff.sarif",
        ],
    );
    assert_eq!(imported_lines(&out), [("a.py".to_string(), 3)]);
}

#[test]
fn a_tool_finding_tollgate_also_reports_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.py"), common::branchy("f", 12)).unwrap();
    // ruff gives the code, or in preview mode the rule's name.
    for (rule, by) in [("C901", "ruff C901"), ("complex-structure", "ruff complex-structure")] {
        write_json(
            &root.join("ruff.sarif"),
            &sarif("ruff", &[(rule, "error", "a.py", 1, "`f` is too complex (13 > 10)")]),
        );
        let args = [
            ".",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--import-sarif",
            "ruff.sarif",
        ];
        let report = stdout_json(&check(root, &args));
        assert!(findings(&report, &format!("ruff/{rule}")).is_empty(), "{report:#}");
        let ours = findings(&report, "python/complex-function");
        assert_eq!(ours.len(), 1);
        assert_eq!(ours[0]["properties"]["also-reported-by"], by);
    }
}

/// `count` results of `tool`, each with a message of `message_len` random characters (which
/// gzip cannot shrink much), on lines of files that do not exist in the checkout.
fn big_sarif(tool: &str, count: usize, message_len: usize) -> Value {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut random = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let results: Vec<Value> = (0..count)
        .map(|i| {
            let message: String = (0..message_len)
                .map(|_| ALPHABET[(random() % 64) as usize] as char)
                .collect();
            json!({
                "ruleId": format!("R{}", i % 7),
                "level": if i % 10 == 0 { "error" } else { "note" },
                "message": { "text": message },
                "locations": [{ "physicalLocation": {
                    "artifactLocation": { "uri": format!("gen/f{}.txt", i / 100) },
                    "region": { "startLine": i % 100 + 1 },
                }}],
            })
        })
        .collect();
    json!({ "version": "2.1.0", "runs": [{ "tool": { "driver": { "name": tool } }, "results": results }] })
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(bytes).unwrap();
    gzip.finish().unwrap().len()
}

#[test]
fn a_report_over_ten_megabytes_compressed_leaves_out_the_least_severe() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
    // 20,000 results of 1,000 random characters: about 15 MB once compressed.
    write_json(&root.join("big.sarif"), &big_sarif("noisy", 20_000, 1_000));
    let out_path: PathBuf = root.join("out.sarif");
    let out = check(
        root,
        &[
            "a.py",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "-o",
            "out.sarif",
            "--import-sarif",
            "big.sarif",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&out_path).unwrap();
    assert!(
        gzip_size(&bytes) <= 10_000_000,
        "{} bytes gzip-compressed",
        gzip_size(&bytes)
    );
    let report = common::assert_valid_sarif(&String::from_utf8_lossy(&bytes));
    let run = &report["runs"][1];
    let results = run["results"].as_array().unwrap();
    let errors = results.iter().filter(|r| r["level"] == "error").count();
    // Every error (2,000) is kept; notes are left out until the file fits.
    assert_eq!(errors, 2_000);
    assert!(results.len() < 20_000 && results.len() > 2_000, "{}", results.len());
    let notifications = run["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(
        notifications.contains("10 MB gzip-compressed") && notifications.contains("notes"),
        "{notifications}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("noisy: SARIF: 20000 findings, "), "{stderr}");
}

#[test]
fn related_locations_runs_and_tags_stay_within_githubs_limits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
    // One result with 1,500 related locations.
    let mut wide = sarif("wide", &[("W1", "warning", "a.py", 1, "used in many places")]);
    let related: Vec<Value> = (0..1_500)
        .map(|i| {
            json!({ "message": { "text": format!("use {i}") }, "physicalLocation": {
                "artifactLocation": { "uri": format!("gen/u{i}.py") }, "region": { "startLine": 1 } } })
        })
        .collect();
    wide["runs"][0]["results"][0]["relatedLocations"] = json!(related);
    write_json(&root.join("wide.sarif"), &wide);
    // 21 more tools: with tollgate's run and wide's, 23 runs asked for.
    let mut files = vec!["wide.sarif".to_string()];
    for t in 0..21 {
        let name = format!("tool{t:02}.sarif");
        write_json(
            &root.join(&name),
            &sarif(&format!("tool{t:02}"), &[("X1", "warning", "a.py", 1, "found")]),
        );
        files.push(name);
    }
    let mut args = vec!["a.py", "--format", "sarif", "--fail-on", "never", "--import-sarif"];
    args.extend(files.iter().map(String::as_str));
    let out = check(root, &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 20);
    // Each run has its own category; the tools that found no room are in tollgate's run.
    let categories: std::collections::HashSet<&str> = runs
        .iter()
        .map(|r| r["automationDetails"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(categories.len(), 20);
    let folded: Vec<&str> = runs[0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(folded, ["tool18/X1", "tool19/X1", "tool20/X1"]);
    let notes = runs[0]["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(notes.contains("tool20's findings are in this run"), "{notes}");
    let wide_run = runs.iter().find(|r| r["tool"]["driver"]["name"] == "wide").unwrap();
    let result = &wide_run["results"][0];
    assert_eq!(result["relatedLocations"].as_array().unwrap().len(), 1_000);
    assert!(wide_run["invocations"][0]["toolExecutionNotifications"]
        .to_string()
        .contains("more than 1000 related locations"));
    // JSON keeps every finding.
    let mut args = vec!["a.py", "--format", "json", "--fail-on", "never", "--import-sarif"];
    args.extend(files.iter().map(String::as_str));
    let json = stdout_json(&check(root, &args));
    assert_eq!(json.as_array().unwrap().len(), 22);
}

/// Runs `tool` with `args` in `dir` and keeps its SARIF (stdout) in `sarif`.
fn tool_sarif(dir: &Path, tool: &str, args: &[&str], sarif: &Path) {
    let out = std::process::Command::new(common::venv_tool(tool))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        !out.stdout.is_empty(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(sarif, &out.stdout).unwrap();
}

#[test]
#[ignore = "needs ruff, zizmor, hadolint and kingfisher from .venv: run scripts/test"]
fn real_sarif_of_ruff_zizmor_hadolint_and_kingfisher_is_imported_whole() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("demo");
    copy_dir(&common::repo().join("testdata/demo"), &root);
    let reports = tempfile::tempdir().unwrap();
    let at = |name: &str| reports.path().join(name);
    let runs: [(&str, &str, Vec<&str>); 4] = [
        (
            "ruff",
            "ruff",
            vec![
                "check",
                "--isolated",
                "--select",
                "C901,E501,F401,S105",
                "--output-format",
                "sarif",
                ".",
            ],
        ),
        (
            "zizmor",
            "zizmor",
            vec!["--offline", "--no-config", "--format", "sarif", "."],
        ),
        ("hadolint", "hadolint", vec!["--no-fail", "-f", "sarif", "Dockerfile"]),
        (
            "kingfisher",
            "kingfisher",
            vec!["scan", "--format", "sarif", "--no-validate", "--no-update-check", "."],
        ),
    ];
    for (tool, binary, args) in &runs {
        let sarif = at(&format!("{tool}.sarif"));
        tool_sarif(&root, binary, args, &sarif);
        let theirs: Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
        let expected: usize = theirs["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|run| {
                run["results"]
                    .as_array()
                    .map_or(0, |r| r.iter().filter(|r| r["suppressions"].is_null()).count())
            })
            .sum();
        assert!(expected > 0, "{tool} found nothing to import");
        let out = check(
            &root,
            &[
                ".",
                "--format",
                "sarif",
                "--fail-on",
                "never",
                "--import-sarif",
                sarif.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
        let report = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
        let runs = report["runs"].as_array().unwrap();
        let imported = runs.get(1).map_or(0, |run| run["results"].as_array().unwrap().len());
        // What tollgate also reports is merged into its own finding, naming the tool.
        let merged: usize = runs[0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["properties"]["also-reported-by"].as_str())
            .map(|by| by.split(", ").filter(|b| b.starts_with(&format!("{tool} "))).count())
            .sum();
        assert_eq!(
            imported + merged,
            expected,
            "{tool}: {imported} imported + {merged} merged"
        );
        // No secret of the demo tree is printed, whoever found it.
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains("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"),
            "{tool} printed a token"
        );
    }
}

#[test]
fn merging_tollgates_own_report_gives_it_back_and_other_tools_join_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("demo");
    copy_dir(&common::repo().join("testdata/demo"), &root);
    let reports = tempfile::tempdir().unwrap();
    let own = reports.path().join("own.sarif");
    let out = check(
        &root,
        &[
            ".",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "-o",
            own.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    let merged = reports.path().join("merged.sarif");
    let mut cmd = tollgate(&root);
    cmd.args([
        "merge",
        own.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
        "--fail-on",
        "never",
    ]);
    assert!(cmd.output().unwrap().status.success());
    let read = |path: &Path| common::assert_valid_sarif(&std::fs::read_to_string(path).unwrap());
    let (before, after) = (read(&own), read(&merged));
    assert_eq!(after["runs"].as_array().unwrap().len(), 1);
    assert!(!before["runs"][0]["results"].as_array().unwrap().is_empty());
    assert_eq!(before["runs"][0]["results"], after["runs"][0]["results"]);
    // Another tool's report merged beside it: a run of its own; the gate applies.
    let other = reports.path().join("other.sarif");
    write_json(
        &other,
        &sarif("linter", &[("L1", "error", "app/settings.py", 1, "found")]),
    );
    let mut cmd = tollgate(&root);
    cmd.args(["merge", own.to_str().unwrap(), other.to_str().unwrap()]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1]["tool"]["driver"]["name"], "linter");
    assert_eq!(runs[1]["results"][0]["ruleId"], "L1");
    assert_eq!(runs[0]["results"], before["runs"][0]["results"]);
}

/// A tree whose Python files share a copied block (a duplicate-code finding across files),
/// with a file that is not text (a diagnostic) and the demo's findings.
fn shard_tree(root: &Path) {
    copy_dir(&common::repo().join("testdata/demo"), root);
    let block: String = (0..8)
        .map(|i| format!("    total = total + compute_value(item_{i}, weight_{i}, offset_{i})\n"))
        .collect();
    for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"] {
        std::fs::write(
            root.join(format!("{name}.py")),
            format!("def {name}(items):\n    total = 0\n{block}    return total\n"),
        )
        .unwrap();
    }
    std::fs::write(root.join("blob.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
}

#[test]
fn shards_merged_give_the_report_of_one_run_cross_file_duplication_included() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("tree");
    shard_tree(&root);
    let reports = tempfile::tempdir().unwrap();
    let at = |name: &str| reports.path().join(name).to_str().unwrap().to_string();
    let single = at("single.sarif");
    let out = check(&root, &[".", "--format", "sarif", "--fail-on", "never", "-o", &single]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The summary's count line, "Found N findings (...) in M files.": the merge counts the
    // files its shards analysed.
    let found = |out: &std::process::Output| {
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        stderr
            .lines()
            .find(|l| l.starts_with("Found "))
            .map(String::from)
            .unwrap_or(stderr)
    };
    let single_found = found(&out);
    assert!(!single_found.contains(" in 0 files"), "{single_found}");
    let single_text = std::fs::read_to_string(&single).unwrap();
    let single_report = common::assert_valid_sarif(&single_text);
    let duplicates = |report: &Value| {
        report["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["ruleId"] == "python/duplicate-code")
            .count()
    };
    assert!(duplicates(&single_report) >= 2, "the tree has copies");
    for shards in [2, 3] {
        let mut parts = Vec::new();
        for shard in 1..=shards {
            let part = at(&format!("shard{shard}of{shards}.sarif"));
            let spec = format!("{shard}/{shards}");
            let out = check(
                &root,
                &[
                    ".",
                    "--format",
                    "sarif",
                    "--fail-on",
                    "never",
                    "--shard",
                    &spec,
                    "-o",
                    &part,
                ],
            );
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            let report = common::assert_valid_sarif(&std::fs::read_to_string(&part).unwrap());
            // A shard leaves the cross-file pass to the merge.
            assert_eq!(duplicates(&report), 0);
            assert!(Path::new(&format!("{part}.windows")).exists());
            parts.push(part);
        }
        let merged = at(&format!("merged{shards}.sarif"));
        let mut cmd = tollgate(&root);
        cmd.args(["merge", "--fail-on", "never", "-o", &merged]).args(&parts);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let merged_text = std::fs::read_to_string(&merged).unwrap();
        assert_eq!(merged_text, single_text, "{shards} shards merged");
        assert_eq!(found(&out), single_found);
    }
}

#[test]
fn a_shard_needs_a_sarif_report_file_and_a_valid_number() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.py"), "x = 1\n").unwrap();
    let out = check(dir.path(), &[".", "--shard", "1/2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--shard writes its report for `tollgate merge`"));
    for bad in ["0/2", "3/2", "2", "a/b"] {
        let out = check(dir.path(), &[".", "--format", "sarif", "-o", "x.sarif", "--shard", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    // A damaged windows file is an error naming it.
    let ok = check(
        dir.path(),
        &[
            ".",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "--shard",
            "1/1",
            "-o",
            "s.sarif",
        ],
    );
    assert!(ok.status.success());
    std::fs::write(dir.path().join("s.sarif.windows"), b"garbage").unwrap();
    let mut cmd = tollgate(dir.path());
    cmd.args(["merge", "s.sarif"]);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("s.sarif.windows: not the duplication windows of a tollgate shard"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn findings_in_a_file_not_in_the_checkout_keep_their_places_and_ids_name_the_tool_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
    // zizmor's ids already start with its name; the file is not in this checkout.
    let report = sarif(
        "zizmor",
        &[
            ("zizmor/anonymous-definition", "note", "gone/ci.yml", 10, "no name"),
            ("zizmor/anonymous-definition", "note", "gone/ci.yml", 33, "no name"),
        ],
    );
    write_json(&root.join("zizmor.sarif"), &report);
    let args = [
        ".",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--import-sarif",
        "zizmor.sarif",
    ];
    let json = stdout_json(&check(root, &args));
    let lines: Vec<u64> = findings(&json, "zizmor/anonymous-definition")
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [10, 33]);
    let args = [
        ".",
        "--format",
        "sarif",
        "--fail-on",
        "never",
        "--import-sarif",
        "zizmor.sarif",
    ];
    let out = check(root, &args);
    let sarif = common::assert_valid_sarif(&String::from_utf8_lossy(&out.stdout));
    // zizmor's run keeps zizmor's own rule id, so its alerts stay the same alerts.
    assert_eq!(sarif["runs"][1]["results"][0]["ruleId"], "zizmor/anonymous-definition");
    assert_eq!(
        sarif["runs"][1]["tool"]["driver"]["rules"][0]["id"],
        "zizmor/anonymous-definition"
    );
}
