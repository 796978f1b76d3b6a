//! Finds the files to scan. In a git work tree: the files git lists (tracked, and untracked
//! ones that are not ignored), so that no `.gitignore` or `.ignore` can hide a tracked file.
//! Elsewhere: a walk honouring `.gitignore`, `.ignore` and `.git/info/exclude`. Either way
//! `.git` is never entered, symlinks are not followed (so loops cannot trap the walk), and
//! config and `--exclude` globs apply. Paths named on the command line are always scanned,
//! unless they are symlinks or special files (a FIFO would block the scan).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::glob::GlobList;
use crate::record::Diagnostic;
use crate::roles::{self, Attributes};

pub struct FileEntry {
    pub path: PathBuf,
    /// As reports show it (see `display_path`).
    pub display: String,
    /// Named on the command line: scanned even if ignored, classified by content if needed.
    pub explicit: bool,
    /// The content to scan instead of the file on disk (the staged blob).
    pub content: Option<Vec<u8>>,
    /// Its linguist attributes in `.gitattributes`.
    pub attributes: Attributes,
}

impl FileEntry {
    /// A file the walk did not find, named by the path reports show (another tool's finding,
    /// a shard's windows): read from disk, with no attributes.
    pub fn named(display: &str) -> FileEntry {
        FileEntry {
            path: PathBuf::from(display),
            display: display.to_string(),
            explicit: true,
            content: None,
            attributes: Default::default(),
        }
    }
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
    let mut diagnostics = Vec::new();
    for root in roots {
        let display = display_path(root, &cwd);
        // Without a trailing `/`, which would make lstat follow a symlink.
        let named: PathBuf = root.components().collect();
        match std::fs::symlink_metadata(&named) {
            Ok(meta) if meta.file_type().is_symlink() => {
                diagnostics.push(Diagnostic::error(display, "cannot read: a symbolic link, not followed"))
            }
            Ok(meta) if meta.is_dir() => dirs.push(root.clone()),
            Ok(meta) if meta.is_file() => files.push(FileEntry {
                path: root.clone(),
                display,
                explicit: true,
                content: None,
                attributes: Attributes::default(),
            }),
            Ok(_) => diagnostics.push(Diagnostic::error(
                display,
                "cannot read: not a regular file or directory",
            )),
            Err(e) => diagnostics.push(Diagnostic::error(display, format!("cannot read: {e}"))),
        }
    }
    let base = cwd.join(base);
    let anchors = Anchors::new(&dirs, exclude, &base, &cwd);
    // Directories in a git work tree are listed by git; the others are walked.
    let mut walked_dirs = Vec::new();
    let mut listed = BTreeSet::new();
    for dir in &dirs {
        match git_listing(dir) {
            Listing::Files(paths) => listed.extend(
                paths
                    .into_iter()
                    .filter(|path| !anchors.excluded_below(path, dir, &cwd))
                    .filter(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())),
            ),
            Listing::NotGit => walked_dirs.push(dir.clone()),
            Listing::Failed(why) => {
                diagnostics.push(Diagnostic::error(
                    display_path(dir, &cwd),
                    format!("git cannot list the files ({why}): walked instead, with .gitignore and .ignore applied"),
                ));
                walked_dirs.push(dir.clone());
            }
        }
    }
    files.extend(listed.into_iter().map(|path| {
        let display = display_path(&path, &cwd);
        FileEntry {
            path,
            display,
            explicit: false,
            content: None,
            attributes: Attributes::default(),
        }
    }));
    let diagnostics = Mutex::new(diagnostics);
    if let Some((first, rest)) = walked_dirs.split_first() {
        let mut builder = WalkBuilder::new(first);
        for dir in rest {
            builder.add(dir);
        }
        let exclude_nothing = exclude.is_empty();
        let filter_cwd = cwd.clone();
        builder
            .hidden(false)
            .require_git(false)
            .follow_links(false)
            .threads(threads)
            .filter_entry(move |entry| {
                // The result cache is never scanned (its own `.gitignore` hides it from git).
                if entry.file_name() == ".git" || entry.file_name() == crate::cache::FOLDER {
                    return false;
                }
                if exclude_nothing || entry.depth() == 0 {
                    return true;
                }
                !anchors.excludes(&filter_cwd.join(entry.path()))
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
                attributes: Attributes::default(),
            }
        }));
    }
    // Sorted, so that cross-file results ("the first copy") do not depend on the walk's threads.
    files.sort_by(|a, b| a.display.cmp(&b.display));
    with_attributes(&mut files, &cwd);
    Walk {
        files,
        diagnostics: diagnostics.into_inner().unwrap(),
    }
}

/// Reads the files' `.gitattributes` through the git work tree of the current directory;
/// files outside it, or any file when git cannot say, have none.
pub fn with_attributes(files: &mut [FileEntry], cwd: &Path) {
    // Most trees have no attributes file, or none that speaks of `linguist-*`: then git has
    // nothing to say, and is not asked (asking costs a process and a pass over every path).
    // An attributes file governs the paths under its folder; the repository's own (at its top
    // and in `.git/info`) govern every path.
    let speaks =
        |path: &Path| std::fs::read(path).is_ok_and(|text| memchr::memmem::find(&text, b"linguist-").is_some());
    let everywhere = cwd
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .is_some_and(|top| speaks(&top.join(".gitattributes")) || speaks(&top.join(".git/info/attributes")));
    let folders: Vec<&Path> = files
        .iter()
        .filter(|f| f.path.file_name().is_some_and(|n| n == ".gitattributes") && speaks(&cwd.join(&f.path)))
        .filter_map(|f| f.path.parent())
        .collect();
    if !everywhere && folders.is_empty() {
        return;
    }
    let asked: Vec<usize> = (0..files.len())
        .filter(|&i| everywhere || folders.iter().any(|folder| files[i].path.starts_with(folder)))
        .collect();
    let paths: Vec<PathBuf> = asked.iter().map(|&i| cwd.join(&files[i].path)).collect();
    for (&i, attributes) in asked.iter().zip(roles::attributes(cwd, &paths)) {
        files[i].attributes = attributes;
    }
}

/// Where exclude globs are matched from: the config's directory, except inside a root that
/// the excludes would skip, which was named on purpose: there, from the root.
struct Anchors {
    exclude: GlobList,
    base: PathBuf,
    forced: Vec<PathBuf>,
}

impl Anchors {
    fn new(dirs: &[PathBuf], exclude: &GlobList, base: &Path, cwd: &Path) -> Anchors {
        let forced = dirs
            .iter()
            .map(|dir| cwd.join(dir))
            .filter(|abs| {
                abs.strip_prefix(base)
                    .is_ok_and(|rel| is_excluded(exclude, &slash_path(rel)))
            })
            .collect();
        Anchors {
            exclude: exclude.clone(),
            base: base.to_path_buf(),
            forced,
        }
    }

    /// `path` (absolute) as exclude globs see it.
    fn relative(&self, path: &Path) -> String {
        let anchor = self
            .forced
            .iter()
            .filter(|root| path.starts_with(root))
            .max_by_key(|root| root.as_os_str().len())
            .unwrap_or(&self.base);
        path.strip_prefix(anchor)
            .map(slash_path)
            .unwrap_or_else(|_| slash_path(path))
    }

    /// Is `path`, listed under `root`, or a directory between them, excluded?
    fn excluded_below(&self, path: &Path, root: &Path, cwd: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let Ok(below) = path.strip_prefix(root) else {
            return false;
        };
        let mut current = cwd.join(root);
        below.components().any(|part| {
            current.push(part);
            self.excludes(&current)
        })
    }

    fn excludes(&self, path: &Path) -> bool {
        let relative = self.relative(path);
        !relative.is_empty() && self.exclude.is_match(&relative)
    }
}

/// The staged blobs of the files under `paths` (all staged files when none is given). The
/// excludes apply as in a walk: to every file but those named exactly.
pub fn staged(paths: &[PathBuf], exclude: &GlobList, base: &Path) -> Result<Walk, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let wanted: Vec<String> = paths
        .iter()
        .map(|p| slash_path(p).trim_start_matches("./").trim_end_matches('/').to_string())
        .collect();
    let from_cwd = |path: &str| from_base(&cwd.join(path), base, path);
    // A directory named although excluded: inside it, globs match from it (as in a walk).
    let forced: Vec<String> = wanted
        .iter()
        .filter(|w| !w.is_empty() && *w != "." && is_excluded(exclude, &from_cwd(w)))
        .map(|w| format!("{w}/"))
        .collect();
    let mut files: Vec<FileEntry> = crate::git::staged_files()?
        .into_iter()
        .filter(|f| {
            if wanted.contains(&f.path) {
                return true;
            }
            let under = wanted.is_empty()
                || wanted
                    .iter()
                    .any(|w| w.is_empty() || w == "." || f.path.starts_with(&format!("{w}/")));
            let relative = match forced.iter().find(|dir| f.path.starts_with(dir.as_str())) {
                Some(dir) => f.path[dir.len()..].to_string(),
                None => from_cwd(&f.path),
            };
            under && !is_excluded(exclude, &relative)
        })
        .map(|f| FileEntry {
            path: PathBuf::from(&f.path),
            display: f.path,
            explicit: true,
            content: Some(f.content),
            attributes: Attributes::default(),
        })
        .collect();
    with_attributes(&mut files, &cwd);
    Ok(Walk {
        files,
        diagnostics: Vec::new(),
    })
}

/// Is a path (relative to the config's directory), or a directory above it, excluded? What
/// the walk's pruning of excluded directories amounts to, for paths not found by walking.
pub fn is_excluded(exclude: &GlobList, relative: &str) -> bool {
    if exclude.is_empty() {
        return false;
    }
    let mut prefix = String::new();
    relative.split('/').filter(|p| !p.is_empty() && *p != ".").any(|part| {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        exclude.is_match(&prefix)
    })
}

enum Listing {
    /// Paths starting with the directory; they may be deleted files, symlinks or
    /// submodules, which the caller skips.
    Files(Vec<PathBuf>),
    /// Not in a git work tree, or ignored there (named on purpose: walked instead).
    NotGit,
    /// In a repository (a `.git` above) that git refused or could not read.
    Failed(String),
}

/// The files git lists under `dir`: tracked ones, and untracked ones that are not ignored
/// (`.gitignore` cannot hide a tracked file).
fn git_listing(dir: &Path) -> Listing {
    let git = |args: &[&str]| crate::git::command().arg("-C").arg(dir).args(args).output();
    let failed = |why: String| {
        let in_repository = absolute(dir).ancestors().any(|a| a.join(".git").exists());
        if in_repository {
            Listing::Failed(why)
        } else {
            Listing::NotGit
        }
    };
    let first_line = |out: &std::process::Output| {
        let stderr = String::from_utf8_lossy(&out.stderr);
        stderr.lines().next().unwrap_or("failed").trim().to_string()
    };
    let inside = match git(&["rev-parse", "--is-inside-work-tree"]) {
        Ok(out) if out.status.success() => out,
        Ok(out) => return failed(first_line(&out)),
        Err(e) => return failed(format!("cannot run git: {e}")),
    };
    if inside.stdout.trim_ascii() != b"true" {
        return Listing::NotGit;
    }
    match git(&["check-ignore", "-q", "--", "."]) {
        Ok(out) if out.status.success() => return Listing::NotGit,
        Ok(_) => {}
        Err(e) => return failed(format!("cannot run git: {e}")),
    }
    let listing = match git(&["ls-files", "-z", "--cached", "--others", "--exclude-standard"]) {
        Ok(out) if out.status.success() => out.stdout,
        Ok(out) => return failed(first_line(&out)),
        Err(e) => return failed(format!("cannot run git: {e}")),
    };
    Listing::Files(
        listing
            .split(|&b| b == 0)
            .filter(|name| !name.is_empty())
            .map(|name| dir.join(path_from_bytes(name)))
            .collect(),
    )
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// For files given by name to read whole (config, baseline): anything but a regular file
/// (a FIFO, a device) could block or never end.
pub fn require_regular_file(path: &Path, what: &str) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(_) => Err(format!("{}: not a regular file (as {what})", path.display())),
        Err(e) => Err(format!("{}: cannot read {what}: {e}", path.display())),
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
    // The working directory, asked once: this runs several times per file, and tollgate never
    // changes directory.
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let joined;
    let path = match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) if path.is_relative() => {
            joined = cwd.join(path);
            &joined
        }
        _ => path,
    };
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` as config globs see it: relative to `base` (the config's directory), `/`-separated;
/// `shown` when it is outside.
pub fn from_base(path: &Path, base: &Path, shown: &str) -> String {
    path.strip_prefix(base)
        .map(slash_path)
        .unwrap_or_else(|_| shown.to_string())
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
