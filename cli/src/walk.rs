//! Finds the files to scan: `.gitignore`, `.ignore` and `.git/info/exclude` honoured, `.git`
//! never entered, symlinks not followed (so loops cannot trap the walk), config and
//! `--exclude` globs applied. Paths named on the command line are always scanned.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::glob::GlobList;
use crate::scan::Diagnostic;

pub struct FileEntry {
    pub path: PathBuf,
    /// As reports show it (see `display_path`).
    pub display: String,
    /// Named on the command line: scanned even if ignored, classified by content if needed.
    pub explicit: bool,
    /// The content to scan instead of the file on disk (the staged blob).
    pub content: Option<Vec<u8>>,
}

pub struct Walk {
    pub files: Vec<FileEntry>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `base` anchors the exclude globs (the config's directory).
pub fn walk(roots: &[PathBuf], exclude: &GlobList, base: &Path, threads: usize) -> Walk {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for root in roots {
        if root.is_dir() {
            dirs.push(root.clone());
        } else {
            let display = display_path(root, &cwd);
            files.push(FileEntry {
                path: root.clone(),
                display,
                explicit: true,
                content: None,
            });
        }
    }
    let diagnostics = Mutex::new(Vec::new());
    if let Some((first, rest)) = dirs.split_first() {
        let mut builder = WalkBuilder::new(first);
        for dir in rest {
            builder.add(dir);
        }
        let base = cwd.join(base);
        // A root that the excludes would skip was named on purpose: inside it, globs are
        // matched from the root instead of from the config's directory.
        let roots: Vec<(PathBuf, bool)> = dirs
            .iter()
            .map(|dir| {
                let abs = cwd.join(dir);
                let forced = abs.strip_prefix(&base).is_ok_and(|rel| {
                    let rel = slash_path(rel);
                    let mut prefix = String::new();
                    rel.split('/').filter(|p| !p.is_empty() && *p != ".").any(|part| {
                        if !prefix.is_empty() {
                            prefix.push('/');
                        }
                        prefix.push_str(part);
                        exclude.is_match(&prefix)
                    })
                });
                (abs, forced)
            })
            .collect();
        let exclude = exclude.clone();
        let filter_cwd = cwd.clone();
        builder
            .hidden(false)
            .require_git(false)
            .follow_links(false)
            .threads(threads)
            .filter_entry(move |entry| {
                if entry.file_name() == ".git" {
                    return false;
                }
                if exclude.is_empty() || entry.depth() == 0 {
                    return true;
                }
                let path = filter_cwd.join(entry.path());
                let anchor = roots
                    .iter()
                    .filter(|(root, _)| path.starts_with(root))
                    .max_by_key(|(root, _)| root.as_os_str().len())
                    .and_then(|(root, forced)| forced.then_some(root))
                    .unwrap_or(&base);
                let relative = path
                    .strip_prefix(anchor)
                    .map(slash_path)
                    .unwrap_or_else(|_| slash_path(&path));
                !exclude.is_match(&relative)
            });
        let found = Mutex::new(Vec::new());
        builder.build_parallel().run(|| {
            let found = &found;
            let diagnostics = &diagnostics;
            let cwd = &cwd;
            Box::new(move |result| {
                match result {
                    Ok(entry) => {
                        if entry.file_type().is_some_and(|t| t.is_file()) {
                            found.lock().unwrap().push(entry.into_path());
                        }
                    }
                    Err(err) => diagnostics.lock().unwrap().push(walk_error(err, cwd)),
                }
                WalkState::Continue
            })
        });
        files.extend(found.into_inner().unwrap().into_iter().map(|path| {
            let display = display_path(&path, &cwd);
            FileEntry {
                path,
                display,
                explicit: false,
                content: None,
            }
        }));
    }
    // Sorted, so that cross-file results ("the first copy") do not depend on the walk's threads.
    files.sort_by(|a, b| a.display.cmp(&b.display));
    Walk {
        files,
        diagnostics: diagnostics.into_inner().unwrap(),
    }
}

fn walk_error(err: ignore::Error, cwd: &Path) -> Diagnostic {
    let mut path = None;
    let mut current = &err;
    loop {
        match current {
            ignore::Error::WithPath { path: p, err: inner } => {
                path = Some(p.clone());
                current = inner;
            }
            ignore::Error::WithDepth { err: inner, .. } | ignore::Error::WithLineNumber { err: inner, .. } => {
                current = inner
            }
            _ => break,
        }
    }
    let path = path
        .map(|p| display_path(&p, cwd))
        .unwrap_or_else(|| "<walk>".to_string());
    Diagnostic::error(path, current.to_string())
}

pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

pub fn slash_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// The path as reports show it: relative to the current directory when inside it
/// (SARIF's `%SRCROOT%`), absolute otherwise.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let abs = cwd.join(path);
    let shown = match abs.strip_prefix(cwd) {
        Ok(relative) => slash_path(relative),
        Err(_) => slash_path(&abs),
    };
    shown.trim_start_matches("./").to_string()
}
