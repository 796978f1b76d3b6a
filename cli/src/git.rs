//! git as a subprocess: the staged index for pre-commit, and changed lines for
//! `--diff-base` and `--gate-diff-base`. Paths are relative to the current directory, as reports show them.
//!
//! git's output is read in forms that user config cannot change: NUL-separated listings
//! (`-z`), blob ids rather than names for `cat-file`, and patches with explicit prefixes,
//! no colour, no external diff or textconv, every file as text, and no merged hunks.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

/// `git` with config that would change how names are printed turned off.
pub fn command() -> Command {
    let mut command = Command::new("git");
    command.args(["-c", "core.quotePath=false"]);
    command
}

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let output = command()
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git {}: {}", args.join(" "), stderr.trim()));
    }
    Ok(output.stdout)
}

/// Options for `git diff`/`git log -p` whose output `PatchHeader` and `hunk_new_side` read:
/// the user's diff config (prefixes, colour, external tools, textconv, inter-hunk context)
/// must not change it. A repository's `-diff` attributes are dealt with by the caller
/// (`--text`, or `attributes_ignored`).
pub const PATCH_OPTIONS: &[&str] = &[
    "-p",
    "-U0",
    "--inter-hunk-context=0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
];

/// A global option that makes git read no `.gitattributes` from the repository (attributes
/// from an empty tree), so a committed `*.env -diff` cannot turn a file's diff into "Binary
/// files differ", while real binaries still are. `None` before git 2.40, which lacks it.
pub fn attributes_ignored() -> Option<String> {
    let empty = git(&["hash-object", "-t", "tree", "/dev/null"]).ok()?;
    let option = format!("--attr-source={}", String::from_utf8_lossy(&empty).trim());
    git(&[&option, "rev-parse", "--git-dir"]).ok().map(|_| option)
}

/// A file as the index holds it: what the next commit will contain.
pub struct StagedFile {
    /// Relative to the current directory.
    pub path: String,
    pub content: Vec<u8>,
}

/// Every staged regular file (added, modified, or changed from another type) under the
/// current directory, with its index content, read through one `git cat-file --batch`.
pub fn staged_files() -> Result<Vec<StagedFile>, String> {
    // `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0` per file.
    let listing = git(&[
        "diff",
        "--cached",
        "--raw",
        "-z",
        "--no-abbrev",
        "--no-renames",
        "--diff-filter=AMT",
        "--relative",
    ])?;
    let mut staged = Vec::new();
    let mut fields = listing.split(|&b| b == 0);
    while let (Some(meta), Some(path)) = (fields.next(), fields.next()) {
        let meta = String::from_utf8_lossy(meta);
        let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        let [_, mode, _, id, _] = parts[..] else {
            return Err(format!("git diff --raw: unexpected line `{meta}`"));
        };
        // Regular files only: symlinks are not followed and submodules are not ours.
        if mode == "100644" || mode == "100755" {
            staged.push((id.to_string(), String::from_utf8_lossy(path).into_owned()));
        }
    }
    if staged.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = command()
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    // Blob ids, one a line: unlike names, they cannot contain a newline.
    let requests: String = staged.iter().map(|(id, _)| format!("{id}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut files = Vec::with_capacity(staged.len());
    for (id, path) in staged {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| format!("git cat-file: {e}"))?;
        // "<oid> blob <size>" or "<oid> missing"
        let size = match header.split_whitespace().collect::<Vec<_>>()[..] {
            [oid, "blob", size] if oid == id => size
                .parse::<usize>()
                .map_err(|_| format!("git cat-file: bad header `{}`", header.trim()))?,
            [oid, "missing"] if oid == id => continue,
            _ => return Err(format!("git cat-file: unexpected header `{}` for {id}", header.trim())),
        };
        let mut content = vec![0; size + 1];
        reader
            .read_exact(&mut content)
            .map_err(|e| format!("git cat-file: {e}"))?;
        content.truncate(size);
        files.push(StagedFile { path, content });
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(files)
}

/// Lines (1-based) added or changed since the merge base of `base_ref` and HEAD, per path
/// relative to the current directory; `None` for a file that is new as a whole.
pub struct ChangedLines {
    files: HashMap<String, Option<HashSet<usize>>>,
    /// Before the first commit, against `HEAD`: every line is new.
    everything: bool,
    /// The merge base.
    base: String,
    /// A modified file's name at the merge base, where it differs (a rename).
    renamed_from: HashMap<String, String>,
}

impl ChangedLines {
    /// Against the working tree, or against the index when `staged` (what `--staged` scans).
    /// `option` names the flag in error messages.
    pub fn since(base_ref: &str, staged: bool, option: &str) -> Result<ChangedLines, String> {
        let Some(commit) = resolve_commit(base_ref) else {
            if base_ref == "HEAD" && resolve_commit("HEAD").is_none() && git(&["rev-parse", "--git-dir"]).is_ok() {
                // A repository without commits (pre-commit on the first commit): all is new.
                return Ok(ChangedLines {
                    files: HashMap::new(),
                    everything: true,
                    base: String::new(),
                    renamed_from: HashMap::new(),
                });
            }
            return Err(format!(
                "{option}: `{base_ref}` is not a commit in this repository; fetch it first (e.g. `git fetch origin {base_ref}`)"
            ));
        };
        let base = git(&["merge-base", "--end-of-options", &commit, "HEAD"]).map_err(|_| {
            format!(
                "{option}: no merge base between `{base_ref}` and HEAD; the clone is probably shallow: fetch more history \
                 (`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout)"
            )
        })?;
        let base = String::from_utf8_lossy(&base).trim().to_string();
        let mut args = vec!["diff"];
        args.extend(PATCH_OPTIONS);
        // Every file as text: a pull request's `.gitattributes` cannot hide its changes.
        args.extend(["--text", "-M", "--relative"]);
        if staged {
            args.push("--cached");
        }
        args.extend(["--end-of-options", &base, "--"]);
        let Patch {
            files: mut changed,
            renamed_from,
        } = parse_diff(&git(&args)?);
        if !staged {
            let untracked = git(&["ls-files", "--others", "--exclude-standard", "-z"])?;
            for path in untracked.split(|&b| b == 0).filter(|p| !p.is_empty()) {
                changed.insert(String::from_utf8_lossy(path).into_owned(), None);
            }
        }
        Ok(ChangedLines {
            files: changed,
            everything: false,
            base,
            renamed_from,
        })
    }

    /// A file the change modified (not one it added), as it was at the merge base: `None`
    /// for other files, and when git cannot read it.
    pub fn before(&self, path: &str) -> Option<Vec<u8>> {
        if !matches!(self.files.get(path), Some(Some(_))) {
            return None;
        }
        let name = self.renamed_from.get(path).map_or(path, String::as_str);
        // `./`: relative to the current directory, as the paths are.
        git(&["cat-file", "blob", &format!("{}:./{name}", self.base)]).ok()
    }

    /// Does a finding spanning these lines touch a change?
    pub fn touches(&self, path: &str, start_line: usize, end_line: usize) -> bool {
        if self.everything {
            return true;
        }
        match self.files.get(path) {
            None => false,
            Some(None) => true,
            Some(Some(lines)) => (start_line..=end_line.max(start_line)).any(|l| lines.contains(&l)),
        }
    }
}

/// The commit a ref names, or `None` when it names none (a missing ref, an unborn HEAD).
fn resolve_commit(name: &str) -> Option<String> {
    // `--end-of-options`: a ref such as `--output=x` is a (missing) ref, not an option.
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &format!("{name}^{{commit}}"),
    ])
    .ok()?;
    Some(String::from_utf8_lossy(&commit).trim().to_string())
}

/// The header block of one file in a patch: from `diff --git` to its first `@@`. Only
/// there are `+++ ` lines names; after it, they are changed lines that start with `++`.
#[derive(Default)]
pub struct PatchHeader {
    /// The new side's name without its `b/` prefix; `None` for a deleted file.
    pub path: Option<String>,
    /// The old side's name without its `a/` prefix; `None` for an added file.
    pub old_path: Option<String>,
    pub new_file: bool,
}

impl PatchHeader {
    pub fn read(&mut self, line: &[u8]) {
        if line.starts_with(b"new file mode ") {
            self.new_file = true;
        } else if let Some(name) = line.strip_prefix(b"+++ ") {
            self.path = side_name(name, b"b/");
        } else if let Some(name) = line.strip_prefix(b"--- ") {
            self.old_path = side_name(name, b"a/");
        }
    }
}

/// The name in a `+++ ` or `--- ` line: `b/name`, `"b/quoted\tname"` or `/dev/null` (with
/// `prefix` `b/`, or `a/`). git adds a tab after an unquoted name that contains a space.
fn side_name(field: &[u8], prefix: &[u8]) -> Option<String> {
    let name = if field.first() == Some(&b'"') {
        unquote(field)?
    } else {
        field.strip_suffix(b"\t").unwrap_or(field).to_vec()
    };
    let name = name.strip_prefix(prefix)?;
    Some(String::from_utf8_lossy(name).into_owned())
}

/// The new side of a hunk header `@@ -a[,b] +c[,d] @@`: first line and line count.
pub fn hunk_new_side(line: &[u8]) -> Option<(usize, usize)> {
    let line = std::str::from_utf8(line.strip_prefix(b"@@ ")?).ok()?;
    let new = line.split(' ').find_map(|part| part.strip_prefix('+'))?;
    let mut parts = new.splitn(2, ',');
    let start = parts.next()?.parse().ok()?;
    let count = match parts.next() {
        Some(count) => count.parse().ok()?,
        None => 1,
    };
    Some((start, count))
}

/// What `parse_diff` reads from a patch.
#[derive(Default)]
struct Patch {
    /// The new side's changed lines per file; `None` for an added file.
    files: HashMap<String, Option<HashSet<usize>>>,
    /// New name -> old name, for the renamed files among them.
    renamed_from: HashMap<String, String>,
}

/// Reads `git diff -U0` output: the new side's line ranges of each hunk.
fn parse_diff(diff: &[u8]) -> Patch {
    let Patch {
        mut files,
        mut renamed_from,
    } = Patch::default();
    let mut header: Option<PatchHeader> = None;
    let mut current: Option<String> = None;
    for line in diff.split(|&b| b == b'\n') {
        if line.starts_with(b"diff --git ") {
            header = Some(PatchHeader::default());
            current = None;
        } else if line.starts_with(b"@@ ") {
            if let Some(done) = header.take() {
                current = done.path;
                if let Some(path) = &current {
                    files.insert(path.clone(), if done.new_file { None } else { Some(HashSet::new()) });
                    if let Some(old) = done.old_path.filter(|old| old != path) {
                        renamed_from.insert(path.clone(), old);
                    }
                }
            }
            let Some(Some(lines)) = current.as_ref().and_then(|path| files.get_mut(path)) else {
                continue;
            };
            if let Some((start, count)) = hunk_new_side(line) {
                lines.extend(start..start + count);
            }
        } else if let Some(header) = header.as_mut() {
            header.read(line);
        }
    }
    Patch { files, renamed_from }
}

/// Undoes git's C-style quoting of a name: `"caf\303\251 \"x\"\t.py"`. `None` if the
/// field is not a well-formed quoted string.
pub fn unquote(field: &[u8]) -> Option<Vec<u8>> {
    let inner = field.strip_prefix(b"\"")?;
    let mut out = Vec::with_capacity(inner.len());
    let mut bytes = inner.iter().copied();
    while let Some(b) = bytes.next() {
        match b {
            b'"' => return bytes.next().is_none().then_some(out),
            b'\\' => {
                let escaped = bytes.next()?;
                out.push(match escaped {
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b't' => b'\t',
                    b'n' => b'\n',
                    b'v' => 0x0b,
                    b'f' => 0x0c,
                    b'r' => b'\r',
                    b'"' | b'\\' => escaped,
                    b'0'..=b'3' => {
                        let mut value = u32::from(escaped - b'0');
                        for _ in 0..2 {
                            let digit = bytes.next().filter(|d| (b'0'..=b'7').contains(d))?;
                            value = value * 8 + u32::from(digit - b'0');
                        }
                        value as u8
                    }
                    _ => return None,
                });
            }
            _ => out.push(b),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_lines() {
        let diff = "diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -3,0 +4,2 @@ def f():\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n@@ -20,3 +22,0 @@\n-e\n\
                    diff --git a/new.py b/new.py\nnew file mode 100644\n--- /dev/null\n+++ b/new.py\n@@ -0,0 +1,3 @@\n+x\n";
        let files = parse_diff(diff.as_bytes()).files;
        let x = files["x.py"].as_ref().unwrap();
        let mut lines: Vec<_> = x.iter().copied().collect();
        lines.sort();
        assert_eq!(lines, vec![4, 5, 12]);
        assert!(files["new.py"].is_none());
    }

    #[test]
    fn renamed_files_keep_their_old_name() {
        let diff = "diff --git a/old.py b/new.py\nsimilarity index 90%\nrename from old.py\nrename to new.py\n\
                    --- a/old.py\n+++ b/new.py\n@@ -2 +2 @@\n-a\n+b\n\
                    diff --git a/same.py b/same.py\n--- a/same.py\n+++ b/same.py\n@@ -1 +1 @@\n-c\n+d\n";
        let patch = parse_diff(diff.as_bytes());
        assert_eq!(patch.renamed_from.len(), 1);
        assert_eq!(patch.renamed_from["new.py"], "old.py");
        assert!(patch.files["same.py"].is_some());
    }

    #[test]
    fn changed_lines_that_look_like_headers_stay_lines() {
        let diff = "diff --git a/README b/README\n--- a/README\n+++ b/README\n@@ -1,0 +2 @@\n+++ b/other\n\
                    @@ -5,0 +7 @@\n+--- a/x\n";
        let files = parse_diff(diff.as_bytes()).files;
        assert_eq!(files.len(), 1);
        let mut lines: Vec<_> = files["README"].as_ref().unwrap().iter().copied().collect();
        lines.sort();
        assert_eq!(lines, vec![2, 7]);
    }

    #[test]
    fn quoted_names_are_unquoted_whole() {
        assert_eq!(
            unquote(br#""b/caf\303\251 \"x\"\t\\.py""#).unwrap(),
            "b/café \"x\"\t\\.py".as_bytes()
        );
        assert_eq!(unquote(br#""a\nb""#).unwrap(), b"a\nb");
        assert_eq!(unquote(br#""unterminated"#), None);
        assert_eq!(unquote(br#""bad\q""#), None);
        assert_eq!(side_name(b"b/with space.py\t", b"b/").as_deref(), Some("with space.py"));
        assert_eq!(side_name(b"/dev/null", b"b/"), None);
        assert_eq!(
            side_name(br#""b/tab\there.env""#, b"b/").as_deref(),
            Some("tab\there.env")
        );
        assert_eq!(side_name(b"a/old name.py\t", b"a/").as_deref(), Some("old name.py"));
    }
}
