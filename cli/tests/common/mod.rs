//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The SARIF 2.1.0 schema (OASIS), as shipped in the serde-sarif crate.
fn sarif_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        // The published schema's `run.language` pattern has an unescaped `]`, which strict
        // regex engines reject; escaping it keeps its meaning (a literal `]`).
        let text =
            include_str!("../../schemas/sarif-2.1.0.json").replace(r#"{2}-[a-zA-Z]{2}]?$"#, r#"{2}-[a-zA-Z]{2}\\]?$"#);
        let schema: Value = serde_json::from_str(&text).unwrap();
        jsonschema::validator_for(&schema).unwrap()
    })
}

pub fn assert_valid_sarif(text: &str) -> Value {
    let document: Value = serde_json::from_str(text).unwrap();
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF is not schema-valid:\n{}", errors.join("\n"));
    document
}

pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A Python function named `name` with cyclomatic complexity `1 + branches` (each branch two
/// lines): `python/complex-function` reports it from 10 branches on.
pub fn branchy(name: &str, branches: usize) -> String {
    let body: String = (0..branches)
        .map(|i| format!("    if x == {i}:\n        return {i}\n"))
        .collect();
    format!("def {name}(x):\n{body}    return -1\n")
}

/// A tool from the virtualenv scripts/test maintains.
pub fn venv_tool(name: &str) -> PathBuf {
    let venv = std::env::var_os("TOLLGATE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join(".venv"));
    let tool = venv.join("bin").join(name);
    assert!(
        tool.exists(),
        "{} is missing: run scripts/test, which installs it",
        tool.display()
    );
    tool
}

/// Copies a directory tree (fixtures into a temporary workspace).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// What a run of the binary printed, and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the built binary in `dir`, without colour.
pub fn tollgate(dir: &Path, args: &[&str]) -> Run {
    let output = assert_cmd::Command::cargo_bin("tollgate")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The `artifactLocation.uri` of every result's primary location in a SARIF document.
pub fn result_uris(sarif: &Value) -> Vec<String> {
    sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// Waits for a child whose output is piped, killing it after `limit`: a hang fails the test
/// instead of stalling the suite. The output is read while it runs, so a full pipe cannot
/// block it. `None` when it had to be killed.
pub fn wait_within(mut child: std::process::Child, limit: std::time::Duration) -> Option<std::process::Output> {
    use std::io::Read;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    Some(std::process::Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    })
}
