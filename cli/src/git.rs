//! git as a subprocess: the staged index for pre-commit, and changed lines for
//! `--diff-base`. Paths are relative to the current directory, as reports show them.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("git {}: {}", args.join(" "), stderr.trim()));
    }
    Ok(output.stdout)
}

/// A file as the index holds it: what the next commit will contain.
pub struct StagedFile {
    /// Relative to the current directory.
    pub path: String,
    pub content: Vec<u8>,
}

/// Every staged file (added, copied, modified, renamed) under the current directory, with its
/// index content, read through one `git cat-file --batch`.
pub fn staged_files() -> Result<Vec<StagedFile>, String> {
    let listing = git(&[
        "diff",
        "--cached",
        "--name-only",
        "--diff-filter=ACMR",
        "--relative",
        "-z",
    ])?;
    let paths: Vec<String> = listing
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let requests: String = paths.iter().map(|p| format!(":./{p}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| format!("git cat-file: {e}"))?;
        // "<oid> blob <size>" or "<name> missing"
        let size = match header.split_whitespace().collect::<Vec<_>>()[..] {
            [_, "blob", size] => size
                .parse::<usize>()
                .map_err(|_| format!("git cat-file: bad header `{}`", header.trim()))?,
            _ => continue,
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
}

impl ChangedLines {
    pub fn since(base_ref: &str) -> Result<ChangedLines, String> {
        if git(&["rev-parse", "--verify", "--quiet", &format!("{base_ref}^{{commit}}")]).is_err() {
            return Err(format!(
                "--diff-base: `{base_ref}` is not a commit in this repository; fetch it first (e.g. `git fetch origin {base_ref}`)"
            ));
        }
        let base = git(&["merge-base", base_ref, "HEAD"]).map_err(|_| {
            format!(
                "--diff-base: no merge base between `{base_ref}` and HEAD; the clone is probably shallow: fetch more history \
                 (`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout)"
            )
        })?;
        let base = String::from_utf8_lossy(&base).trim().to_string();
        let diff = git(&["diff", "--no-color", "--no-ext-diff", "-U0", "-M", "--relative", &base])?;
        let mut changed = parse_diff(&String::from_utf8_lossy(&diff));
        let untracked = git(&["ls-files", "--others", "--exclude-standard", "-z"])?;
        for path in untracked.split(|&b| b == 0).filter(|p| !p.is_empty()) {
            changed.insert(String::from_utf8_lossy(path).into_owned(), None);
        }
        Ok(ChangedLines { files: changed })
    }

    /// Does a finding spanning these lines touch a change?
    pub fn touches(&self, path: &str, start_line: usize, end_line: usize) -> bool {
        match self.files.get(path) {
            None => false,
            Some(None) => true,
            Some(Some(lines)) => (start_line..=end_line.max(start_line)).any(|l| lines.contains(&l)),
        }
    }
}

/// Reads `git diff -U0` output: the new side's line ranges of each hunk.
fn parse_diff(diff: &str) -> HashMap<String, Option<HashSet<usize>>> {
    let mut files: HashMap<String, Option<HashSet<usize>>> = HashMap::new();
    let mut current: Option<String> = None;
    let mut new_file = false;
    for line in diff.lines() {
        if line.starts_with("diff --git ") {
            current = None;
            new_file = false;
        } else if line.starts_with("new file mode") {
            new_file = true;
        } else if let Some(path) = line.strip_prefix("+++ ") {
            current = path.strip_prefix("b/").map(unquote);
            if let Some(path) = &current {
                files.insert(path.clone(), if new_file { None } else { Some(HashSet::new()) });
            }
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            let Some(path) = &current else { continue };
            let Some(Some(lines)) = files.get_mut(path) else {
                continue;
            };
            // @@ -a[,b] +c[,d] @@
            let Some(new) = hunk.split_whitespace().find(|part| part.starts_with('+')) else {
                continue;
            };
            let mut parts = new[1..].splitn(2, ',');
            let start: usize = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let count: usize = parts.next().map_or(Some(1), |s| s.parse().ok()).unwrap_or(1);
            lines.extend(start..start + count);
        }
    }
    files
}

/// git quotes unusual paths C-style: `"a\tb.py"`.
fn unquote(path: &str) -> String {
    match path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\").replace("\\t", "\t"),
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_new_side_lines() {
        let diff = "diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -3,0 +4,2 @@ def f():\n+a\n+b\n@@ -10 +12 @@\n-c\n+d\n@@ -20,3 +22,0 @@\n-e\n\
                    diff --git a/new.py b/new.py\nnew file mode 100644\n--- /dev/null\n+++ b/new.py\n@@ -0,0 +1,3 @@\n+x\n";
        let files = parse_diff(diff);
        let x = files["x.py"].as_ref().unwrap();
        let mut lines: Vec<_> = x.iter().copied().collect();
        lines.sort();
        assert_eq!(lines, vec![4, 5, 12]);
        assert!(files["new.py"].is_none());
    }
}
