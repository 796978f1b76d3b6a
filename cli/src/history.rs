//! `--git-history [RANGE]`: secrets in the lines every commit added, read from one streamed
//! `git log -p`. Each file's added lines of a commit are analysed as one text; a secret seen
//! in several commits is reported once, at its first commit, with the count. Memory stays
//! bounded: one file diff is held at a time (plus a bounded queue for the workers).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::sync_channel;

use rayon::iter::{ParallelBridge, ParallelIterator};
use tollgate_analyzers::{classify, Input, Settings};
use tollgate_rules::{PropValue, RuleSet};

use crate::scan::{resolve, Record};

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

pub fn scan(range: &str, settings: &Settings, rules: &RuleSet, max_file_size: u64) -> Result<Vec<Record>, String> {
    let mut command = Command::new("git");
    command.args([
        "log",
        "--reverse",
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-renames",
        "--diff-filter=AM",
        "--format=\u{1f}commit\u{1f}%H\u{1f}%an <%ae>\u{1f}%aI",
    ]);
    if range == "--all" {
        command.arg("--all");
    } else {
        command.arg(range).arg("--");
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("--git-history: cannot run git: {e}"))?;
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = sync_channel::<Added>(64);
    let producer = std::thread::spawn(move || {
        parse_log(BufReader::new(stdout), max_file_size, |added| {
            sender.send(added).is_ok()
        })
    });
    let mut found: Vec<(usize, Record)> = receiver
        .into_iter()
        .par_bridge()
        .flat_map_iter(|added| analyse(added, settings, rules))
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
    parsed.map_err(|e| format!("--git-history: reading git log: {e}"))?;

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
    let mut records: Vec<Record> = kept
        .into_iter()
        .map(|(mut record, count)| {
            record.properties.push(("commits", PropValue::Int(count)));
            record
        })
        .collect();
    crate::scan::sort(&mut records);
    Ok(records)
}

fn analyse(added: Added, settings: &Settings, rules: &RuleSet) -> Vec<(usize, Record)> {
    let mut kinds = classify(&added.path);
    kinds = tollgate_analyzers::Kinds {
        secrets: kinds.secrets,
        ..Default::default()
    };
    let input = Input {
        path: &added.path,
        text: &added.text,
        kinds,
    };
    let mut findings = tollgate_analyzers::analyze(&input, settings, rules);
    findings.retain(|f| f.rule.starts_with("secrets/"));
    crate::suppress::apply(
        &added.path,
        &added.text,
        &mut findings,
        rules,
        tollgate_rules::find,
        false,
    );
    findings.retain(|f| f.rule.starts_with("secrets/"));
    let records = resolve(
        &added.path,
        &added.text,
        findings,
        rules,
        true,
        crate::scan::Secrets::Find(&settings.secrets),
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
fn parse_log(reader: impl BufRead, max_file_size: u64, mut emit: impl FnMut(Added) -> bool) -> std::io::Result<()> {
    let mut order = 0;
    let (mut commit, mut author, mut date) = (String::new(), String::new(), String::new());
    let mut current: Option<Added> = None;
    let mut next_line = 0;
    let mut flush = |current: &mut Option<Added>| -> bool {
        match current.take() {
            Some(added) if !added.text.is_empty() => emit(added),
            _ => true,
        }
    };
    for line in reader.split(b'\n') {
        let line = line?;
        // Diffs of files that are not UTF-8 are skipped line by line.
        let Ok(line) = std::str::from_utf8(&line) else { continue };
        if let Some(header) = line.strip_prefix(SEP) {
            if !flush(&mut current) {
                return Ok(());
            }
            let mut fields = header.split(SEP);
            fields.next(); // "commit"
            commit = fields.next().unwrap_or_default().to_string();
            author = fields.next().unwrap_or_default().to_string();
            date = fields.next().unwrap_or_default().to_string();
            order += 1;
        } else if line.starts_with("diff --git ") {
            if !flush(&mut current) {
                return Ok(());
            }
        } else if let Some(path) = line.strip_prefix("+++ b/") {
            current = Some(Added {
                order,
                commit: commit.clone(),
                author: author.clone(),
                date: date.clone(),
                path: path.to_string(),
                text: String::new(),
                lines: Vec::new(),
            });
        } else if let Some(hunk) = line.strip_prefix("@@ ") {
            next_line = hunk
                .split_whitespace()
                .find_map(|part| part.strip_prefix('+'))
                .and_then(|new| new.split(',').next())
                .and_then(|start| start.parse().ok())
                .unwrap_or(0);
        } else if let Some(added_line) = line.strip_prefix('+') {
            if let Some(added) = current.as_mut() {
                if (added.text.len() + added_line.len()) as u64 <= max_file_size {
                    if !added.text.is_empty() {
                        added.text.push('\n');
                    }
                    added.text.push_str(added_line);
                    added.lines.push(next_line);
                }
                next_line += 1;
            }
        }
    }
    flush(&mut current);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
