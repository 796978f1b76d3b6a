//! `--git-history [RANGE]`: secrets in the lines every commit added, read from one streamed
//! `git log -p`. Each file's added lines of a commit are analysed as one text; a secret seen
//! in several commits is reported once, at its first commit, with the count. Memory stays
//! bounded: one file diff is held at a time (plus a bounded queue for the workers).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc::sync_channel;

use rayon::iter::{ParallelBridge, ParallelIterator};
use tollgate_analyzers::{classify, Input, Settings};
use tollgate_rules::PropValue;

use crate::cache::History;
use crate::git::{hunk_new_side, PatchHeader};
use crate::glob::GlobList;
use crate::pipeline::Filters;
use crate::record::{place, Record, Secrets};

/// What one commit added to one file.
struct Added {
    /// Position of the commit, oldest first.
    order: usize,
    commit: String,
    author: String,
    date: String,
    path: String,
    /// The added lines, joined by `\n`.
    text: String,
    /// The line number in the commit's version of the file of each line of `text`.
    lines: Vec<usize>,
}

/// Field separator in the commit header line we ask git for.
const SEP: char = '\u{1f}';

/// What a history scan reads and keeps.
pub struct Options<'a> {
    /// A revision range, or `--all`.
    pub range: &'a str,
    /// Limit the history to these paths (relative to the current directory); all if empty.
    pub paths: &'a [PathBuf],
    pub settings: &'a Settings,
    /// The per-file steps; `exclude` is anchored at their `base` too.
    pub filters: &'a Filters<'a>,
    pub max_file_size: u64,
    pub exclude: &'a GlobList,
    /// The cache folder, and what the run's config files hash to: the history cache keeps
    /// what was found in the commits already scanned.
    pub cache: Option<(&'a Path, u128)>,
    /// Say on stderr how much of the history came from the cache.
    pub verbose: bool,
}

pub fn scan(options: &Options) -> Result<Vec<Record>, String> {
    let range = options.range;
    // Paths in the log are relative to the top of the work tree (a bare repository has
    // none: there, the current directory stands in).
    let top = crate::git::command()
        .args(["rev-parse", "--show-toplevel"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end_matches('\n')))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let mut command = crate::git::command();
    // Pathspecs are file names, not patterns or magic.
    command.arg("--literal-pathspecs");
    // A committed `-diff` attribute must not hide a file's lines. Older git has no way to
    // ignore attributes: every file is diffed as text there (slower on binary history).
    let attributes_ignored = crate::git::attributes_ignored();
    command.args(&attributes_ignored).arg("log");
    command.args(crate::git::PATCH_OPTIONS);
    if attributes_ignored.is_none() {
        command.arg("--text");
    }
    command.args([
        "--reverse",
        "--no-renames",
        "--no-relative",
        "--root",
        "--no-show-signature",
        "--diff-filter=AM",
        "--format=\u{1f}commit\u{1f}%H\u{1f}%an <%ae>\u{1f}%aI",
    ]);
    // The commits a run before this one scanned are left out: what it found in them is in
    // the history cache. A tip that no longer exists (history rewritten and collected)
    // means a scan of the whole range.
    let cache_file = options.cache.map(|(dir, config)| {
        let described = format!(
            "{:?}\0{:?}\0{}\0{}",
            options.settings.secrets,
            options.filters.rules,
            options.max_file_size,
            options.filters.base.display()
        );
        let paths = format!("{:?}", options.paths);
        History::file(
            dir,
            &[
                &config.to_le_bytes(),
                described.as_bytes(),
                top.as_os_str().as_encoded_bytes(),
                range.as_bytes(),
                paths.as_bytes(),
            ],
        )
    });
    let previous = match &cache_file {
        Some(file) => History::read(file).unwrap_or_else(|warning| {
            eprintln!("tollgate: warning: {}", crate::report::escape::terminal(&warning));
            None
        }),
        None => None,
    };
    let previous = previous.filter(|history| commits_exist(&history.tips));
    let tips = match &cache_file {
        Some(_) => Some(range_tips(range)?),
        None => None,
    };
    range_revisions(&mut command, range);
    if let Some(previous) = &previous {
        command.args(previous.tips.iter().map(|tip| format!("^{tip}")));
    }
    command.arg("--").args(options.paths);
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("--git-history: cannot run git: {e}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = sync_channel::<Added>(64);
    let max_file_size = options.max_file_size;
    let producer = std::thread::spawn(move || {
        parse_log(BufReader::new(stdout), max_file_size, |added| {
            sender.send(added).is_ok()
        })
    });
    let mut found: Vec<(usize, Record)> = receiver
        .into_iter()
        .par_bridge()
        .flat_map_iter(|added| {
            let location = top.join(&added.path);
            // Relative to the config's directory, as `exclude` is.
            let relative = crate::walk::from_base(&location, options.filters.base, &added.path);
            if crate::walk::is_excluded(options.exclude, &relative) {
                return Vec::new();
            }
            analyse(added, &location, options.settings, options.filters)
        })
        .collect();
    let parsed = producer
        .join()
        .map_err(|_| "--git-history: the log reader failed".to_string())?;
    let status = child.wait().map_err(|e| format!("--git-history: {e}"))?;
    if !status.success() {
        let mut message = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut message);
        }
        return Err(format!("--git-history: git log {range}: {}", message.trim()));
    }
    let scanned = parsed.map_err(|e| format!("--git-history: reading git log: {e}"))?;
    if let (Some(file), Some(tips)) = (&cache_file, tips) {
        // Every commit's place in the range, oldest first, as the log lists them: the
        // sightings of earlier runs are ordered among the new ones, and those of commits no
        // longer in the range (rewritten history) are dropped.
        let positions = positions(range, options.paths)?;
        let at = |record: &Record| commit_of(record).and_then(|commit| positions.get(commit).copied());
        let kept_before: Vec<(usize, Record)> = previous
            .map(|history| history.sightings)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|record| Some((at(&record)?, record)))
            .collect();
        let from_cache = kept_before.len();
        for (order, record) in &mut found {
            *order = at(record).unwrap_or(usize::MAX);
        }
        found.extend(kept_before);
        let history = History {
            tips,
            sightings: found.iter().map(|(_, record)| record.clone()).collect(),
        };
        if let Err(warning) = history.write(file) {
            eprintln!("tollgate: warning: {}", crate::report::escape::terminal(&warning));
        }
        if options.verbose {
            eprintln!(
                "tollgate: history cache {}: {scanned} commits scanned, {} in the range, {from_cache} sightings from earlier runs",
                crate::report::escape::terminal(&file.display().to_string()),
                positions.len()
            );
        }
    }

    // Oldest first, then by position: the first sighting of each secret wins.
    found.sort_by(|(a, ra), (b, rb)| a.cmp(b).then((&ra.path, ra.region).cmp(&(&rb.path, rb.region))));
    let mut first: HashMap<(&'static str, String), usize> = HashMap::new();
    let mut kept: Vec<(Record, i64)> = Vec::new();
    for (_, record) in found {
        let key = (record.rule.id, record.identity.clone());
        match first.get(&key) {
            Some(&index) => kept[index].1 += 1,
            None => {
                first.insert(key, kept.len());
                kept.push((record, 1));
            }
        }
    }
    Ok(kept
        .into_iter()
        .map(|(mut record, count)| {
            record.properties.push(("commits", PropValue::Int(count)));
            record
        })
        .collect())
}

/// The commit a sighting was found in.
fn commit_of(record: &Record) -> Option<&str> {
    record.properties.iter().find_map(|(key, value)| match (key, value) {
        (&"commit", PropValue::Str(commit)) => Some(commit.as_str()),
        _ => None,
    })
}

/// Runs git with `args`, its output, or an error naming what failed.
fn git_output(command: &mut std::process::Command, what: &str) -> Result<String, String> {
    let out = command
        .output()
        .map_err(|e| format!("--git-history: cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "--git-history: {what}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The range's revisions on a git command line, after which only revisions follow: a range
/// such as `--output=FILE` is a (missing) revision, never an option.
fn range_revisions(command: &mut std::process::Command, range: &str) {
    if range == "--all" {
        command.arg("--all");
    }
    command.arg("--end-of-options");
    if range != "--all" {
        command.arg(range);
    }
}

/// The revisions a range ends at (`--all`: every ref; `main..topic`: topic), to leave out
/// of the next run.
fn range_tips(range: &str) -> Result<Vec<String>, String> {
    let mut command = crate::git::command();
    command.args(["rev-parse", "--revs-only"]);
    range_revisions(&mut command, range);
    let out = git_output(&mut command, &format!("git rev-parse {range}"))?;
    Ok(out
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('^'))
        .map(str::to_string)
        .collect())
}

/// Whether every tip is still a commit of the repository.
fn commits_exist(tips: &[String]) -> bool {
    use std::io::Write;
    let child = crate::git::command()
        .args(["cat-file", "--batch-check"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else { return false };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input: String = tips.iter().map(|tip| format!("{tip}^{{commit}}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let Ok(out) = child.wait_with_output() else {
        return false;
    };
    let written = writer.join().is_ok_and(|result| result.is_ok());
    written && out.status.success() && !String::from_utf8_lossy(&out.stdout).contains("missing")
}

/// Each commit of the range, by its place in the log (oldest first).
fn positions(range: &str, paths: &[PathBuf]) -> Result<HashMap<String, usize>, String> {
    let mut command = crate::git::command();
    command.args(["--literal-pathspecs", "rev-list", "--reverse"]);
    range_revisions(&mut command, range);
    command.arg("--").args(paths);
    let out = git_output(&mut command, &format!("git rev-list {range}"))?;
    Ok(out.lines().enumerate().map(|(n, sha)| (sha.to_string(), n)).collect())
}

/// The secrets in what one commit added to one file (found at `location` in the work tree).
fn analyse(added: Added, location: &Path, settings: &Settings, filters: &Filters) -> Vec<(usize, Record)> {
    let mut kinds = classify(&added.path);
    kinds = tollgate_analyzers::Kinds {
        secrets: kinds.secrets,
        ..Default::default()
    };
    // History has no attributes to read: the path and the text decide the role.
    let role = crate::roles::role_of(Default::default(), &added.path, &added.text);
    let input = Input {
        path: &added.path,
        text: &added.text,
        kinds,
        role,
    };
    let mut findings = tollgate_analyzers::analyze(&input, settings, filters.rules);
    findings.retain(|f| f.rule.starts_with("secrets/"));
    // Unused suppressions are not reported: a commit's added lines are not its whole file.
    filters.file(&added.path, location, role, &added.text, &mut findings, false);
    let records = place(
        &added.path,
        &added.text,
        findings,
        filters.rules,
        true,
        Secrets::Find(&settings.secrets),
    );
    records
        .into_iter()
        .map(|mut record| {
            let shift = |line: usize| added.lines.get(line - 1).copied().unwrap_or(line);
            record.region.start_line = shift(record.region.start_line);
            record.region.end_line = shift(record.region.end_line);
            record.properties.push(("commit", PropValue::Str(added.commit.clone())));
            record.properties.push(("author", PropValue::Str(added.author.clone())));
            record.properties.push(("date", PropValue::Str(added.date.clone())));
            (added.order, record)
        })
        .collect()
}

/// Reads `git log -p -U0` and hands over each file's added lines; `emit` returns false to stop.
/// Returns how many commits it read.
fn parse_log(reader: impl BufRead, max_file_size: u64, mut emit: impl FnMut(Added) -> bool) -> std::io::Result<usize> {
    let mut order = 0;
    let (mut commit, mut author, mut date) = (String::new(), String::new(), String::new());
    // Between `diff --git` and the first `@@`: the only place where `+++ ` names a file.
    let mut header: Option<PatchHeader> = None;
    let mut current: Option<Added> = None;
    let mut next_line = 0;
    // Hands over a file's added text, if any; false when the reader should stop.
    let mut flush = |added: Option<Added>| -> bool {
        match added {
            Some(added) if !added.text.is_empty() => emit(added),
            _ => true,
        }
    };
    for line in reader.split(b'\n') {
        let line = line?;
        if let Some(header_line) = line.strip_prefix(SEP.to_string().as_bytes()) {
            if !flush(current.take()) {
                return Ok(order);
            }
            header = None;
            let header_line = String::from_utf8_lossy(header_line);
            let mut fields = header_line.split(SEP);
            fields.next(); // "commit"
            commit = fields.next().unwrap_or_default().to_string();
            author = fields.next().unwrap_or_default().to_string();
            date = fields.next().unwrap_or_default().to_string();
            order += 1;
        } else if line.starts_with(b"diff --git ") {
            if !flush(current.take()) {
                return Ok(order);
            }
            header = Some(PatchHeader::default());
        } else if line.starts_with(b"@@ ") {
            if let Some(done) = header.take() {
                current = done.path.map(|path| Added {
                    order,
                    commit: commit.clone(),
                    author: author.clone(),
                    date: date.clone(),
                    path,
                    text: String::new(),
                    lines: Vec::new(),
                });
            }
            next_line = hunk_new_side(&line).map_or(0, |(start, _)| start);
        } else if let Some(header) = header.as_mut() {
            header.read(&line);
        } else if let Some(added_line) = line.strip_prefix(b"+") {
            if let Some(added) = current.as_mut() {
                // Bytes that are not UTF-8 are read lossily: a secret beside them still counts.
                let added_line = String::from_utf8_lossy(added_line);
                // A file's added text over the size limit goes to the analyzers in pieces of
                // whole lines, so memory stays bounded and nothing is dropped.
                if !added.text.is_empty() && (added.text.len() + 1 + added_line.len()) as u64 > max_file_size {
                    let rest = Added {
                        order: added.order,
                        commit: added.commit.clone(),
                        author: added.author.clone(),
                        date: added.date.clone(),
                        path: added.path.clone(),
                        text: String::new(),
                        lines: Vec::new(),
                    };
                    if !flush(Some(std::mem::replace(added, rest))) {
                        return Ok(order);
                    }
                }
                if !added.text.is_empty() {
                    added.text.push('\n');
                }
                added.text.push_str(&added_line);
                added.lines.push(next_line);
                next_line += 1;
            }
        } else if line.starts_with(b" ") {
            // Context, should a hunk carry any: a line of the new side too.
            next_line += 1;
        }
    }
    flush(current.take());
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_are_not_utf8_or_over_the_size_limit_are_still_read() {
        let mut log = b"\x1fcommit\x1fabc\x1fA <a@x>\x1f2024-01-01T00:00:00Z\n\ndiff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -0,0 +1,4 @@\n".to_vec();
        log.extend_from_slice(b"+\xff token=one\n+two two two\n+three\n+four four\n");
        let mut seen = Vec::new();
        parse_log(&log[..], 20, |added| {
            seen.push((added.text, added.lines));
            true
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![
                ("\u{fffd} token=one".to_string(), vec![1]),
                ("two two two\nthree".to_string(), vec![2, 3]),
                ("four four".to_string(), vec![4]),
            ]
        );
    }

    #[test]
    fn added_lines_keep_their_line_numbers() {
        let log = "\u{1f}commit\u{1f}abc\u{1f}A <a@x>\u{1f}2024-01-01T00:00:00Z\n\ndiff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n@@ -1,0 +2,2 @@\n+one\n+two\n@@ -9 +11 @@\n-old\n+three\n\u{1f}commit\u{1f}def\u{1f}B <b@x>\u{1f}2024-01-02T00:00:00Z\n\ndiff --git a/g.txt b/g.txt\nnew file mode 100644\n--- /dev/null\n+++ b/g.txt\n@@ -0,0 +1 @@\n+four\n";
        let mut seen = Vec::new();
        parse_log(log.as_bytes(), 1 << 20, |added| {
            seen.push((added.order, added.commit, added.path, added.text, added.lines));
            true
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![
                (
                    1,
                    "abc".to_string(),
                    "f.txt".to_string(),
                    "one\ntwo\nthree".to_string(),
                    vec![2, 3, 11]
                ),
                (2, "def".to_string(), "g.txt".to_string(), "four".to_string(), vec![1]),
            ]
        );
    }

    #[test]
    fn header_lines_are_read_only_before_the_first_hunk() {
        let log = "\u{1f}commit\u{1f}abc\u{1f}A <a@x>\u{1f}2024-01-01T00:00:00Z\n\ndiff --git a/README b/README\n\
                   --- a/README\n+++ b/README\n@@ -1,0 +2,2 @@\n+++ b/other\n+x\n@@ -5,0 +7 @@\n+y\n\
                   diff --git \"a/caf\\303\\251.env\" \"b/caf\\303\\251.env\"\nnew file mode 100644\n--- /dev/null\n\
                   +++ \"b/caf\\303\\251.env\"\n@@ -0,0 +1 @@\n+z\n";
        let mut seen = Vec::new();
        parse_log(log.as_bytes(), 1 << 20, |added| {
            seen.push((added.path, added.text, added.lines));
            true
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![
                ("README".to_string(), "++ b/other\nx\ny".to_string(), vec![2, 3, 7]),
                ("café.env".to_string(), "z".to_string(), vec![1]),
            ]
        );
    }
}
