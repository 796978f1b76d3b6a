//! The scheduler: every file read once, classified once, handed to the analyzers on a rayon
//! pool; a panic in an analyzer is caught and becomes a diagnostic for that file.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use rayon::prelude::*;
use tollgate_analyzers::{classify, classify_by_content, duplication, Input, Settings};
use tollgate_rules::{Finding, Level, LineIndex, Location, Metric, PropValue, Region, Rule, RuleSet};

use crate::config::PerFileIgnores;
use crate::fingerprint::{content_fingerprint, line_hashes};
use crate::walk::{slash_path, FileEntry};

/// A problem with a file rather than in it: unreadable, binary, too large, not UTF-8, or
/// an analyzer that failed on it. The scan goes on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
    /// Skips of files that are not text (binary, too large) are only counted unless verbose.
    pub quiet: bool,
}

impl Diagnostic {
    pub fn error(path: String, message: impl Into<String>) -> Self {
        Diagnostic {
            path,
            message: message.into(),
            quiet: false,
        }
    }
}

/// A finding placed in its file: what every reporter reads.
#[derive(Clone, Debug)]
pub struct Record {
    pub rule: &'static Rule,
    pub level: Level,
    pub path: String,
    pub region: Region,
    pub message: String,
    /// The first line of the span as shown to people, secrets redacted.
    pub line_text: String,
    /// Byte range of the span within `line_text`, for the caret.
    pub caret: Range<usize>,
    pub metric: Option<Metric>,
    pub related: Vec<RelatedRecord>,
    pub properties: Vec<(&'static str, PropValue)>,
    /// GitHub's `primaryLocationLineHash`.
    pub line_hash: String,
    /// tollgate's content fingerprint (rule, path, content): survives moved lines.
    pub fingerprint: String,
    /// The content the fingerprint hashes besides rule and path (for a secret, its hash).
    pub identity: String,
    /// `ghp_3fK…(40 chars)` when the span is a secret.
    pub secret: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RelatedRecord {
    pub path: String,
    pub region: Region,
    pub message: String,
}

pub struct Options<'a> {
    pub rules: &'a RuleSet,
    pub settings: &'a Settings,
    pub max_file_size: u64,
    pub per_file_ignores: &'a PerFileIgnores,
    /// The config's directory (absolute), which per-file-ignores globs are relative to.
    pub base: &'a Path,
    /// Compute GitHub's `primaryLocationLineHash`, which only SARIF carries: it hashes every
    /// line of a file up to its last finding, a tenth of a Python scan's own work.
    pub line_hashes: bool,
}

pub struct Outcome {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
    pub files_scanned: usize,
}

/// What a file's content looks like to the analyzers: a function so tests can inject one.
pub type AnalyzeFn = dyn Fn(&Input, &Settings, &RuleSet) -> Vec<Finding> + Sync;

pub fn scan(files: &[FileEntry], options: &Options, analyze: &AnalyzeFn, progress: &indicatif::ProgressBar) -> Outcome {
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|file| {
            let result = scan_file(file, options, analyze);
            progress.inc(1);
            result
        })
        .collect();
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    let mut files_scanned = 0;
    let mut windows = Vec::with_capacity(files.len());
    for (found, diagnostic, file_windows) in results {
        records.extend(found);
        match diagnostic {
            Some(d) => diagnostics.push(d),
            None => files_scanned += 1,
        }
        windows.push(file_windows);
    }
    if windows.iter().any(|w| !w.is_empty()) {
        let (found, problems) = duplicates(files, &windows, options);
        records.extend(found);
        diagnostics.extend(problems);
    }
    sort(&mut records);
    diagnostics.sort();
    Outcome {
        records,
        diagnostics,
        files_scanned,
    }
}

/// Path, line, column, rule: the same order whatever the thread count.
pub fn sort(records: &mut [Record]) {
    records.sort_by(|a, b| (&a.path, a.region, a.rule.id, &a.message).cmp(&(&b.path, b.region, b.rule.id, &b.message)));
}

/// One file's share of the run: its records, or why it was skipped, and its duplication
/// windows for the cross-file pass.
type FileResult = (Vec<Record>, Option<Diagnostic>, Vec<duplication::Window>);

fn scan_file(file: &FileEntry, options: &Options, analyze: &AnalyzeFn) -> FileResult {
    let path = file.display.clone();
    let lower = path.to_ascii_lowercase();
    if (lower.ends_with(".p12") || lower.ends_with(".pfx")) && options.rules.any("secrets") {
        return key_store(file, options);
    }
    let text = match read_text(file, options.max_file_size) {
        Ok(text) => text,
        Err((quiet, message)) => return (Vec::new(), Some(Diagnostic { path, message, quiet }), Vec::new()),
    };
    let mut kinds = classify(&path);
    if file.explicit && kinds.is_yaml_undecided(&path) {
        classify_by_content(&mut kinds, &text);
    }
    let input = Input {
        path: &path,
        text: &text,
        kinds,
    };
    ANALYZING.with(|flag| flag.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| analyze(&input, options.settings, options.rules)));
    ANALYZING.with(|flag| flag.set(false));
    let findings = match result {
        Ok(findings) => findings,
        Err(panic) => {
            let mut what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            if let Some(location) = PANIC_LOCATION.with(|l| l.take()) {
                what = format!("{what} at {location}");
            }
            return (
                Vec::new(),
                Some(Diagnostic::error(
                    path,
                    format!("internal error while analysing this file, skipped ({what}); please report it"),
                )),
                Vec::new(),
            );
        }
    };
    // The parse-only benchmark setting leaves duplication out too: it times the parse alone.
    let windows =
        if kinds.python && options.rules.is_enabled(duplication::RULE) && !options.settings.python.bench_parse_only {
            duplication::windows(&text, &duplication_options(options.settings))
        } else {
            Vec::new()
        };
    (finish(file, &text, findings, options, true), None, windows)
}

/// PKCS#12 key stores are binary: they are secrets by name, and never read as text.
fn key_store(file: &FileEntry, options: &Options) -> FileResult {
    let bytes = match &file.content {
        Some(content) => content.clone(),
        None => match read_file(&file.path, options.max_file_size) {
            Ok(bytes) => bytes,
            Err((quiet, message)) => {
                return (
                    Vec::new(),
                    Some(Diagnostic {
                        path: file.display.clone(),
                        message,
                        quiet,
                    }),
                    Vec::new(),
                );
            }
        },
    };
    let mut findings = Vec::new();
    tollgate_analyzers::secrets::check_file_name(&file.display, &bytes, &mut findings);
    (finish(file, "", findings, options, false), None, Vec::new())
}

fn duplication_options(settings: &Settings) -> duplication::Options {
    duplication::Options {
        min_tokens: settings.python.duplicate_min_tokens.max(1) as usize,
        min_lines: settings.python.duplicate_min_lines as usize,
        normalize: settings.python.duplicate_normalize,
    }
}

/// Per-file ignores, suppression comments, then placement: what every finding of a file goes
/// through. `check_unused` reports suppressions that suppressed nothing.
fn finish(
    file: &FileEntry,
    text: &str,
    mut findings: Vec<Finding>,
    options: &Options,
    check_unused: bool,
) -> Vec<Record> {
    findings.retain(|f| options.rules.is_enabled(f.rule));
    let unused = check_unused && options.rules.is_enabled(crate::suppress::UNUSED);
    if !findings.is_empty() || unused {
        crate::suppress::apply(
            &file.display,
            text,
            &mut findings,
            options.rules,
            tollgate_rules::find,
            unused,
        );
    }
    // After the comments, so that it also covers their unused-suppression reports.
    if !findings.is_empty() && !options.per_file_ignores.is_empty() {
        let absolute = crate::walk::absolute(&file.path);
        let relative = absolute
            .strip_prefix(options.base)
            .map(slash_path)
            .unwrap_or_else(|_| file.display.clone());
        let ignored = options.per_file_ignores.for_path(&relative);
        findings.retain(|f| !ignored.iter().any(|sel| tollgate_rules::select::matches(sel, f.rule)));
    }
    resolve(&file.display, text, findings, options.rules, options.line_hashes)
}

/// The cross-file pass: duplicated code among the windows every file gave. Files with a
/// duplicate are read again, only to place, suppress and show the findings.
fn duplicates(
    files: &[FileEntry],
    windows: &[Vec<duplication::Window>],
    options: &Options,
) -> (Vec<Record>, Vec<Diagnostic>) {
    let found = duplication::find(windows, &duplication_options(options.settings));
    let mut by_file: std::collections::BTreeMap<usize, Vec<duplication::Duplicate>> = Default::default();
    for duplicate in found {
        by_file.entry(duplicate.file).or_default().push(duplicate);
    }
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, duplicates) in by_file {
        let file = &files[index];
        let text = match read_text(file, options.max_file_size) {
            Ok(text) => text,
            Err((quiet, message)) => {
                diagnostics.push(Diagnostic {
                    path: file.display.clone(),
                    message,
                    quiet,
                });
                continue;
            }
        };
        let lines = LineIndex::new(&text);
        let offset = |line: usize, column: usize| {
            let range = lines.line_range((line - 1).min(lines.line_count() - 1));
            let utf16: usize = column.saturating_sub(1);
            let mut at = range.start;
            let mut units = 0;
            for c in text[range.clone()].chars() {
                if units >= utf16 {
                    break;
                }
                units += c.len_utf16();
                at += c.len_utf8();
            }
            at
        };
        let findings = duplicates
            .into_iter()
            .map(|d| {
                let span =
                    offset(d.region.start_line, d.region.start_column)..offset(d.region.end_line, d.region.end_column);
                let (first_file, first_region) = &d.others[0];
                let mut finding = Finding::new(
                    duplication::RULE,
                    span,
                    format!(
                        "{} lines duplicate {}:{}",
                        d.lines, files[*first_file].display, first_region.start_line
                    ),
                )
                .with_metric(
                    "duplicate-lines",
                    d.lines as u64,
                    options.settings.python.duplicate_min_lines as u64,
                );
                for (other, region) in d.others.iter().take(10) {
                    finding = finding.with_related(tollgate_rules::Related {
                        location: Location::Elsewhere {
                            path: files[*other].display.clone(),
                            region: *region,
                        },
                        message: "another copy".to_string(),
                    });
                }
                finding
            })
            .collect();
        records.extend(finish(file, &text, findings, options, false));
    }
    (records, diagnostics)
}

thread_local! {
    /// Set while an analyzer runs on this thread: its panics become diagnostics.
    static ANALYZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PANIC_LOCATION: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Keeps the default panic message for real crashes, and records where an analyzer
/// panicked instead of printing it: that panic is reported as the file's diagnostic.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if ANALYZING.with(|flag| flag.get()) {
            PANIC_LOCATION.with(|l| l.set(info.location().map(|l| l.to_string())));
        } else {
            default(info);
        }
    }));
}

/// Why a file was not analysed: (is it a quiet skip, message).
type Rejection = (bool, String);

fn read_error(e: &std::io::Error) -> Rejection {
    if e.kind() == std::io::ErrorKind::NotFound {
        (
            false,
            "cannot read: not found (deleted during the scan, or a dangling link)".to_string(),
        )
    } else {
        (false, format!("cannot read: {e}"))
    }
}

fn read_text(entry: &FileEntry, max: u64) -> Result<String, Rejection> {
    let bytes = match &entry.content {
        Some(content) if content.len() as u64 > max => {
            return Err((
                true,
                format!(
                    "skipped: {} bytes is over the size limit of {max} bytes (max-file-size)",
                    content.len()
                ),
            ));
        }
        Some(content) => content.clone(),
        None => read_file(&entry.path, max)?,
    };
    if has_nul(&bytes[..bytes.len().min(8192)]) {
        return Err((true, "skipped: binary file".to_string()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        (false, format!("skipped: not valid UTF-8 (invalid byte at offset {at})"))
    })
}

fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, Rejection> {
    let mut file = std::fs::File::open(path).map_err(|e| read_error(&e))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        return Err((
            true,
            format!("skipped: {len} bytes is over the size limit of {max} bytes (max-file-size)"),
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // Read at most max+1 bytes: a file that grows during the scan cannot blow memory.
    file.by_ref()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(&e))?;
    if bytes.len() as u64 > max {
        return Err((
            true,
            format!("skipped: over the size limit of {max} bytes (max-file-size)"),
        ));
    }
    Ok(bytes)
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Turns byte spans into regions, applies levels, redacts secrets and computes fingerprints
/// (GitHub's line hashes only when `with_line_hashes`; otherwise `line_hash` is empty).
pub fn resolve(path: &str, text: &str, findings: Vec<Finding>, rules: &RuleSet, with_line_hashes: bool) -> Vec<Record> {
    if findings.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(text);
    let hashes = if with_line_hashes {
        let lines: Vec<usize> = findings.iter().map(|f| index.line_of(f.span.start) + 1).collect();
        line_hashes(text, &lines)
    } else {
        Default::default()
    };
    let mut records: Vec<Record> = findings
        .into_iter()
        .filter_map(|finding| {
            let rule = tollgate_rules::find(finding.rule)?;
            let level = finding.level.or_else(|| rules.level(finding.rule))?;
            let span = finding.span.start.min(text.len())
                ..finding.span.end.min(text.len()).max(finding.span.start.min(text.len()));
            let region = index.region(&span);
            let line = index.line_of(span.start);
            let line_range = index.line_range(line);
            let caret_start = span.start - line_range.start;
            let caret_end = span.end.min(line_range.end).max(span.start) - line_range.start;
            let original_line = &text[line_range.clone()];
            let span_text = &text[span.clone()];
            let (line_text, caret, secret) = if finding.redact {
                let shown = tollgate_analyzers::secrets::redact(span_text);
                let line_text = format!(
                    "{}{}{}",
                    &original_line[..caret_start],
                    shown,
                    &original_line[caret_end..]
                );
                (line_text, caret_start..caret_start + shown.len(), Some(shown))
            } else {
                (original_line.to_string(), caret_start..caret_end, None)
            };
            let content = match &finding.identity {
                Some(identity) => identity.clone(),
                None if finding.redact => tollgate_analyzers::secrets::hash_identity(span_text),
                None => format!("{} {}", original_line, span_text),
            };
            let related = finding
                .related
                .into_iter()
                .map(|related| match related.location {
                    Location::Here(range) => RelatedRecord {
                        path: path.to_string(),
                        region: index.region(&range),
                        message: related.message,
                    },
                    Location::Elsewhere { path, region } => RelatedRecord {
                        path,
                        region,
                        message: related.message,
                    },
                })
                .collect();
            Some(Record {
                rule,
                level,
                path: path.to_string(),
                region,
                message: finding.message,
                line_text,
                caret,
                metric: finding.metric,
                related,
                properties: finding.properties,
                line_hash: hashes.get(&region.start_line).cloned().unwrap_or_default(),
                fingerprint: content_fingerprint(rule.id, path, &content),
                identity: content,
                secret,
            })
        })
        .collect();
    records.dedup_by(|a, b| a.rule.id == b.rule.id && a.region == b.region && a.message == b.message);
    records
}

/// Counts of findings per (domain, level), for summaries.
pub fn tally(records: &[Record]) -> HashMap<(&'static str, Level), usize> {
    let mut counts = HashMap::new();
    for record in records {
        *counts.entry((record.rule.domain(), record.level)).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use tollgate_analyzers::Input;

    fn entry(dir: &Path, name: &str, text: &str) -> FileEntry {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        FileEntry {
            display: name.to_string(),
            path,
            explicit: false,
            content: None,
        }
    }

    #[test]
    fn a_panicking_analyzer_is_a_diagnostic_for_that_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            entry(dir.path(), "boom.txt", "boom"),
            entry(dir.path(), "fine.txt", "fine"),
        ];
        let analyze = |input: &Input, _: &Settings, _: &RuleSet| -> Vec<Finding> {
            if input.text == "boom" {
                panic!("analyzer bug");
            }
            vec![Finding::new("secrets/private-key", 0..4, "found")]
        };
        let rules = RuleSet::all();
        let settings = Settings::default();
        let ignores = PerFileIgnores::new(&Default::default()).unwrap();
        let options = Options {
            rules: &rules,
            settings: &settings,
            max_file_size: 1024,
            per_file_ignores: &ignores,
            base: dir.path(),
            line_hashes: true,
        };
        let outcome = scan(&files, &options, &analyze, &indicatif::ProgressBar::hidden());
        assert_eq!(outcome.records.len(), 1);
        assert!(outcome.records[0].path.ends_with("fine.txt"));
        assert_eq!(outcome.diagnostics.len(), 1);
        assert!(outcome.diagnostics[0].path.ends_with("boom.txt"));
        assert!(
            outcome.diagnostics[0].message.contains("analyzer bug"),
            "{}",
            outcome.diagnostics[0].message
        );
        assert_eq!(outcome.files_scanned, 1);
    }
}
