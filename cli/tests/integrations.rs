//! The ways tollgate is used besides the CLI: the real pre-commit framework and the GitHub
//! Action's steps. These need the Python tools that `scripts/test` installs into .venv, so
//! plain `cargo test` skips them; `scripts/test` runs them.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A tool from the virtualenv scripts/test maintains.
fn venv_tool(name: &str) -> PathBuf {
    let venv = std::env::var_os("TOLLGATE_VENV").map(PathBuf::from).unwrap_or_else(|| repo().join(".venv"));
    let tool = venv.join("bin").join(name);
    assert!(tool.exists(), "{} is missing: run scripts/test, which installs it", tool.display());
    tool
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

const KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDe3Yb0kTq3bX8mS2vPq7JcLh9uGf4wR2nVt6yZoA1xEwAAAJhkQ3e5ZEN3\n-----END OPENSSH PRIVATE KEY-----\n";

fn try_repo(dir: &Path, home: &Path) -> std::process::Output {
    Command::new(venv_tool("pre-commit"))
        .current_dir(dir)
        .args(["try-repo", repo().to_str().unwrap(), "tollgate", "--verbose"])
        .env("PRE_COMMIT_HOME", home)
        // The hook's build: quicker without link-time optimisation, and cached across runs.
        .env("CARGO_PROFILE_RELEASE_LTO", "off")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_TARGET_DIR", repo().join("target/pre-commit"))
        .output()
        .unwrap()
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
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("id_ed25519:1:1: secrets/private-key"), "{stdout}");
    assert!(!stdout.contains("QyNTUxOQAAACDe3Yb0kTq3bX8mS2vPq7JcLh9uGf4w"), "the key is never printed whole");

    let clean = tempfile::tempdir().unwrap();
    git(clean.path(), &["init", "-q"]);
    std::fs::write(clean.path().join("app.py"), "print('hello')\n").unwrap();
    std::fs::write(clean.path().join(".env"), "DEBUG=1\n").unwrap();
    git(clean.path(), &["add", "."]);
    let out = try_repo(clean.path(), home.path());
    assert_eq!(out.status.code(), Some(0), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
