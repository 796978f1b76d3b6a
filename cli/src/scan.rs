//! The scheduler: every file read once, classified once, handed to the analyzers on a rayon
//! pool; a panic in an analyzer is caught and becomes a diagnostic for that file.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use rayon::prelude::*;
use tollgate_analyzers::secrets::Redactor;
use tollgate_analyzers::{classify, classify_by_content, Gathered, Input, Kinds, Settings};
use tollgate_rules::{Finding, Level, LineIndex, Location, Metric, PropValue, Region, Rule, RuleSet};

use crate::config::PerFileIgnores;
use crate::fingerprint::{content_fingerprint, line_hashes};
use crate::walk::{slash_path, FileEntry};

/// A problem with a file rather than in it: unreadable, binary, too large, not UTF-8 (the
/// last three still scanned for secrets), or an analyzer that failed on it. The scan goes on.
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
    /// The first line of the span as shown to people: at most 200 characters either side of
    /// the span, `…` where cut, every secret of the file redacted.
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
    /// The content the fingerprint hashes besides rule and path, or its hash: for a secret,
    /// and for content taken from the text (which may be a whole function).
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
    let mut gathered = Vec::with_capacity(files.len());
    for ((found, diagnostic, file_gathered), file) in results.into_iter().zip(files) {
        records.extend(found);
        match diagnostic {
            Some(d) => diagnostics.push(d),
            None => files_scanned += 1,
        }
        gathered.push((file.display.as_str(), file_gathered));
    }
    let (found, problems) = cross_file(files, &gathered, options);
    records.extend(found);
    diagnostics.extend(problems);
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

/// One file's share of the run: its records, or why it was skipped, and what the cross-file
/// rules keep of it.
type FileResult = (Vec<Record>, Option<Diagnostic>, Gathered);

fn scan_file(file: &FileEntry, options: &Options, analyze: &AnalyzeFn) -> FileResult {
    let path = file.display.clone();
    if tollgate_analyzers::secrets::is_key_store(&path) && options.rules.any("secrets") {
        return key_store(file, options);
    }
    let mut kinds = classify(&path);
    let text = match read_text(file, options.max_file_size, kinds.python) {
        Ok(Decoded::Text(text)) => text,
        Ok(Decoded::SecretsOnly { text, quiet, why }) => return secrets_only(file, &text, options, quiet, why),
        Ok(Decoded::TooLarge { len }) => return large_file(file, len, options),
        Err((quiet, message)) => {
            return (
                Vec::new(),
                Some(Diagnostic { path, message, quiet }),
                Gathered::default(),
            )
        }
    };
    if file.explicit && kinds.is_yaml_undecided(&path) {
        classify_by_content(&mut kinds, &text);
    }
    let input = Input {
        path: &path,
        text: &text,
        kinds,
    };
    // The secrets pass runs whatever the selection: its spans are redacted in everything
    // shown from this file. Its findings are reported only if selected (`finish`).
    let secret_findings = match guarded(|| find_secrets(&input, options.settings)) {
        Ok(found) => found,
        // The payload may quote the text, and the secrets in it are not known.
        Err(panic) => {
            return (
                Vec::new(),
                Some(internal_error(path, &panic.location)),
                Gathered::default(),
            )
        }
    };
    let spans = tollgate_analyzers::secrets::spans_of(&secret_findings);
    let others = Input {
        kinds: Kinds {
            secrets: false,
            ..kinds
        },
        ..input
    };
    let mut findings = match guarded(|| analyze(&others, options.settings, options.rules)) {
        Ok(findings) => findings,
        Err(panic) => {
            let redactor = Redactor::new(spans.iter().filter_map(|s| text.get(s.clone())));
            let what = redactor.redact(&panic.what).into_owned();
            return (Vec::new(), Some(internal_error(path, &what)), Gathered::default());
        }
    };
    findings.extend(secret_findings);
    let gathered = tollgate_analyzers::gather(&input, options.settings, options.rules);
    (
        finish(file, &text, findings, options, true, Secrets::Known(&spans)),
        None,
        gathered,
    )
}

/// The secrets of a file: every secrets rule, selected or not, user settings applied.
fn find_secrets(input: &Input, settings: &Settings) -> Vec<Finding> {
    let mut found = Vec::new();
    tollgate_analyzers::secrets::analyze(input, &settings.secrets, &mut found);
    found
}

/// What a panic in an analyzer left: its message and where it happened, and where alone
/// (what to say when the secrets to redact in the message are not known).
struct Panic {
    what: String,
    location: String,
}

/// Runs an analyzer, turning its panic into a value.
fn guarded<T>(run: impl FnOnce() -> T) -> Result<T, Panic> {
    ANALYZING.with(|flag| flag.set(true));
    let result = catch_unwind(AssertUnwindSafe(run));
    ANALYZING.with(|flag| flag.set(false));
    result.map_err(|panic| {
        let mut what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let location = PANIC_LOCATION.with(|l| l.take());
        if let Some(location) = &location {
            what = format!("{what} at {location}");
        }
        let location = location.map_or_else(|| "a panic".to_string(), |l| format!("a panic at {l}"));
        Panic { what, location }
    })
}

fn internal_error(path: String, what: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        format!("internal error while analysing this file, skipped ({what}); please report it"),
    )
}

/// The secrets of a text read from `file`, by the secrets analyzer alone; a panic in it is
/// the file's result.
fn secrets_of(file: &FileEntry, text: &str, options: &Options) -> Result<Vec<Finding>, FileResult> {
    let input = Input {
        path: &file.display,
        text,
        kinds: Kinds {
            secrets: true,
            ..Default::default()
        },
    };
    guarded(|| find_secrets(&input, options.settings)).map_err(|panic| {
        (
            Vec::new(),
            Some(internal_error(file.display.clone(), &panic.location)),
            Gathered::default(),
        )
    })
}

/// A file the other analyzers cannot read (binary, not UTF-8, an unknown coding): its
/// secrets are still found and reported, and the diagnostic says what was left out.
fn secrets_only(file: &FileEntry, text: &str, options: &Options, quiet: bool, why: String) -> FileResult {
    let diagnostic = Diagnostic {
        path: file.display.clone(),
        message: format!("skipped: {why}; only scanned for secrets"),
        quiet,
    };
    let findings = match secrets_of(file, text, options) {
        Ok(found) => found,
        Err(failed) => return failed,
    };
    let spans = tollgate_analyzers::secrets::spans_of(&findings);
    let records = finish(file, text, findings, options, false, Secrets::Known(&spans));
    (records, Some(diagnostic), Gathered::default())
}

/// Files over the size limit are read in windows of this many bytes...
const LARGE_WINDOW: usize = 1 << 20;
/// ...each with this much of its neighbours either side, longer than any secret and the
/// context its rule looks at: a secret is found whole in the window where it starts.
const LARGE_OVERLAP: usize = 64 << 10;

/// A file over the size limit is only scanned for secrets, a window at a time, so that
/// memory stays bounded whatever its size.
fn large_file(file: &FileEntry, len: u64, options: &Options) -> FileResult {
    let max = options.max_file_size;
    let diagnostic = |message: String, quiet| Diagnostic {
        path: file.display.clone(),
        message,
        quiet,
    };
    let skipped = diagnostic(
        format!("skipped: {len} bytes is over the size limit of {max} bytes (max-file-size); only scanned for secrets"),
        true,
    );
    let mut reader: Box<dyn Read> = match &file.content {
        Some(content) => Box::new(content.as_slice()),
        None => match std::fs::File::open(&file.path) {
            Ok(opened) => Box::new(opened),
            Err(e) => {
                return (
                    Vec::new(),
                    Some(diagnostic(read_error(&e).1, false)),
                    Gathered::default(),
                )
            }
        },
    };
    let mut records = Vec::new();
    // `buffer` holds the bytes from `base`: the overlap before the window, the window, the
    // overlap after it.
    let mut buffer: Vec<u8> = Vec::with_capacity(LARGE_WINDOW + 2 * LARGE_OVERLAP);
    let mut base = 0usize;
    let mut own_start = 0usize;
    let mut position = Position::default();
    let mut at_end = false;
    loop {
        let wanted = own_start - base + LARGE_WINDOW + LARGE_OVERLAP;
        while !at_end && buffer.len() < wanted {
            let before = buffer.len();
            match reader.by_ref().take((wanted - before) as u64).read_to_end(&mut buffer) {
                Ok(0) => at_end = true,
                Ok(_) => {}
                Err(e) => {
                    return (
                        Vec::new(),
                        Some(diagnostic(read_error(&e).1, false)),
                        Gathered::default(),
                    )
                }
            }
        }
        let own = own_start - base..(own_start - base + LARGE_WINDOW).min(buffer.len());
        let last = at_end && own.end == buffer.len();
        // Decoded in three parts, so that the window's own part is known in the text.
        let before = String::from_utf8_lossy(&buffer[..own.start]);
        let middle = String::from_utf8_lossy(&buffer[own.clone()]);
        let after = String::from_utf8_lossy(&buffer[own.end..]);
        let text = format!("{before}{middle}{after}");
        let own_text = before.len()..before.len() + middle.len();
        let mut findings = match secrets_of(file, &text, options) {
            Ok(found) => found,
            Err(failed) => return failed,
        };
        // Every secret of the window redacts, but each is reported by the window it starts in.
        let spans = tollgate_analyzers::secrets::spans_of(&findings);
        findings.retain(|f| own_text.contains(&f.span.start));
        let start = position;
        for mut record in finish(file, &text, findings, options, false, Secrets::Known(&spans)) {
            start.shift(&mut record.region);
            records.push(record);
        }
        if last || own.end == own.start {
            break;
        }
        // Slide: keep the overlap before the next window.
        let next_own = own_start + own.len();
        let next_base = next_own.saturating_sub(LARGE_OVERLAP).max(base);
        position.advance(&buffer[..next_base - base]);
        buffer.drain(..next_base - base);
        base = next_base;
        own_start = next_own;
    }
    (records, Some(skipped), Gathered::default())
}

/// Where a window of a large file starts: lines before it, and UTF-16 units between the
/// last line start and it.
#[derive(Clone, Copy, Default)]
struct Position {
    lines: usize,
    column: usize,
}

impl Position {
    fn advance(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            if byte == b'\n' {
                self.lines += 1;
                self.column = 0;
            } else if byte & 0xC0 != 0x80 {
                // A lead byte: one UTF-16 unit, two for a character beyond the BMP.
                self.column += if byte >= 0xF0 { 2 } else { 1 };
            }
        }
    }

    /// Turns a region in the window's text into one in the file.
    fn shift(&self, region: &mut Region) {
        if region.start_line == 1 {
            region.start_column += self.column;
        }
        if region.end_line == 1 {
            region.end_column += self.column;
        }
        region.start_line += self.lines;
        region.end_line += self.lines;
    }
}

/// PKCS#12 key stores are binary: they are secrets by name, and never read as text.
fn key_store(file: &FileEntry, options: &Options) -> FileResult {
    let bytes = match &file.content {
        Some(content) => content.clone(),
        None => match read_file(&file.path, options.max_file_size) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                let message = format!(
                    "skipped: over the size limit of {} bytes (max-file-size)",
                    options.max_file_size
                );
                let diagnostic = Diagnostic {
                    path: file.display.clone(),
                    message,
                    quiet: true,
                };
                return (Vec::new(), Some(diagnostic), Gathered::default());
            }
            Err((quiet, message)) => {
                return (
                    Vec::new(),
                    Some(Diagnostic {
                        path: file.display.clone(),
                        message,
                        quiet,
                    }),
                    Gathered::default(),
                );
            }
        },
    };
    let findings = tollgate_analyzers::secrets::key_store(&file.display, &bytes);
    (
        finish(file, "", findings, options, false, Secrets::Known(&[])),
        None,
        Gathered::default(),
    )
}

/// Per-file ignores, suppression comments, then placement: what every finding of a file goes
/// through. `check_unused` reports suppressions that suppressed nothing.
fn finish(
    file: &FileEntry,
    text: &str,
    mut findings: Vec<Finding>,
    options: &Options,
    check_unused: bool,
    secrets: Secrets,
) -> Vec<Record> {
    findings.retain(|f| options.rules.is_enabled(f.rule));
    let unused = check_unused
        && options
            .rules
            .is_enabled(tollgate_rules::tollgate::UNUSED_SUPPRESSION.id);
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
    resolve(
        &file.display,
        text,
        findings,
        options.rules,
        options.line_hashes,
        secrets,
    )
}

/// The cross-file rules over what every file gave. Files with a finding are read again, only
/// to place, suppress and show the findings.
fn cross_file(files: &[FileEntry], gathered: &[(&str, Gathered)], options: &Options) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, findings) in tollgate_analyzers::analyze_run(gathered, options.settings) {
        let file = &files[index];
        let changed = || Diagnostic::error(file.display.clone(), "changed during the scan");
        let text = match read_text(file, options.max_file_size, true) {
            Ok(Decoded::Text(text)) => text,
            Ok(_) => {
                diagnostics.push(changed());
                continue;
            }
            Err((quiet, message)) => {
                diagnostics.push(Diagnostic {
                    path: file.display.clone(),
                    message,
                    quiet,
                });
                continue;
            }
        };
        // The spans are in the text the analyzers saw.
        if findings.iter().any(|f| text.get(f.span.clone()).is_none()) {
            diagnostics.push(changed());
            continue;
        }
        records.extend(finish(
            file,
            &text,
            findings,
            options,
            false,
            Secrets::Find(&options.settings.secrets),
        ));
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

/// A file's content as the analyzers get it.
enum Decoded {
    Text(String),
    /// Only the secrets pass can read it (lossily decoded): `why` the others cannot.
    SecretsOnly {
        text: String,
        quiet: bool,
        why: String,
    },
    /// Over the size limit: read again in windows, for secrets only.
    TooLarge {
        len: u64,
    },
}

/// Reads and decodes a file: UTF-8, or for Python the PEP 263 coding it declares.
fn read_text(entry: &FileEntry, max: u64, python: bool) -> Result<Decoded, Rejection> {
    let bytes = match &entry.content {
        Some(content) if content.len() as u64 > max => {
            return Ok(Decoded::TooLarge {
                len: content.len() as u64,
            })
        }
        Some(content) => content.clone(),
        None => match read_file(&entry.path, max)? {
            Some(bytes) => bytes,
            None => {
                let len = std::fs::metadata(&entry.path).map(|m| m.len()).unwrap_or(max + 1);
                return Ok(Decoded::TooLarge { len });
            }
        },
    };
    Ok(decode(bytes, python))
}

fn decode(bytes: Vec<u8>, python: bool) -> Decoded {
    let lossy = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    if has_nul(&bytes[..bytes.len().min(8192)]) {
        return Decoded::SecretsOnly {
            text: lossy(&bytes),
            quiet: true,
            why: "binary file".to_string(),
        };
    }
    if python {
        match declared_coding(&bytes) {
            None | Some(Coding::Utf8) => {}
            Some(Coding::Latin1) => return Decoded::Text(bytes.iter().map(|&b| b as char).collect()),
            Some(Coding::Cp1252) => return Decoded::Text(bytes.iter().map(|&b| cp1252(b)).collect()),
            Some(Coding::Unknown(name)) => {
                return Decoded::SecretsOnly {
                    text: lossy(&bytes),
                    quiet: false,
                    why: format!("declares the coding `{name}` (PEP 263), which tollgate cannot decode"),
                }
            }
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Decoded::SecretsOnly {
                text: lossy(e.as_bytes()),
                quiet: false,
                why: format!("not valid UTF-8 (invalid byte at offset {at})"),
            }
        }
    }
}

#[derive(Debug, PartialEq)]
enum Coding {
    Utf8,
    Latin1,
    Cp1252,
    Unknown(String),
}

/// The PEP 263 declaration (`# -*- coding: latin-1 -*-`) on line 1, or on line 2 after a
/// comment or blank line 1, as Python reads it.
fn declared_coding(bytes: &[u8]) -> Option<Coding> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    let first = first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first);
    if let Some(name) = coding_name(first) {
        return Some(name);
    }
    let first = trim_space(first);
    if first.is_empty() || first.starts_with(b"#") {
        return lines.next().and_then(coding_name);
    }
    None
}

fn trim_space(line: &[u8]) -> &[u8] {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .unwrap_or(line.len());
    &line[start..]
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`
fn coding_name(line: &[u8]) -> Option<Coding> {
    let start = line.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let comment = &line[start..];
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&comment[from..], b"coding") {
        let after = from + at + b"coding".len();
        from = after;
        if !matches!(comment.get(after), Some(b':' | b'=')) {
            continue;
        }
        let rest = &comment[after + 1..];
        let rest = &rest[rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t'))
            .unwrap_or(rest.len())..];
        let len = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
            .unwrap_or(rest.len());
        if len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..len])
            .to_ascii_lowercase()
            .replace('_', "-");
        let is = |prefix: &str| name == prefix || name.starts_with(&format!("{prefix}-"));
        return Some(
            if is("utf-8") || matches!(name.as_str(), "utf8" | "u8" | "utf" | "ascii" | "us-ascii" | "646") {
                Coding::Utf8
            } else if is("latin-1")
                || is("iso-8859-1")
                || is("iso-latin-1")
                || matches!(
                    name.as_str(),
                    "latin1" | "latin" | "l1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100"
                )
            {
                Coding::Latin1
            } else if matches!(name.as_str(), "cp1252" | "windows-1252") {
                Coding::Cp1252
            } else {
                Coding::Unknown(String::from_utf8_lossy(&rest[..len]).into_owned())
            },
        );
    }
    None
}

/// Windows-1252: Latin-1 but for 0x80-0x9F (its five unassigned bytes kept as Latin-1's).
fn cp1252(byte: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ];
    match byte {
        0x80..=0x9F => char::from_u32(HIGH[(byte - 0x80) as usize] as u32).unwrap_or('\u{fffd}'),
        _ => byte as char,
    }
}

/// The file's bytes, or `None` when it is over `max` bytes.
fn read_file(path: &Path, max: u64) -> Result<Option<Vec<u8>>, Rejection> {
    let mut file = std::fs::File::open(path).map_err(|e| read_error(&e))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // Read at most max+1 bytes: a file that grows during the scan cannot blow memory.
    file.by_ref()
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(&e))?;
    if bytes.len() as u64 > max {
        return Ok(None);
    }
    Ok(Some(bytes))
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Where `resolve` gets the secrets of a file, which it redacts in everything it builds.
pub enum Secrets<'a> {
    /// Already found: the byte spans of every secret in the text.
    Known(&'a [Range<usize>]),
    /// To find, with these settings, only if there is something to resolve.
    Find(&'a tollgate_analyzers::secrets::Settings),
}

/// How many characters of a line a snippet shows either side of its span, and of the span.
const SNIPPET_CONTEXT: usize = 200;

/// Turns byte spans into regions, applies levels, redacts secrets and computes fingerprints
/// (GitHub's line hashes only when `with_line_hashes`; otherwise `line_hash` is empty).
/// Every secret of the file, and any piece of one, is redacted in the messages, snippets,
/// related messages and properties of every finding, whatever its rule.
pub fn resolve(
    path: &str,
    text: &str,
    findings: Vec<Finding>,
    rules: &RuleSet,
    with_line_hashes: bool,
    secrets: Secrets,
) -> Vec<Record> {
    if findings.is_empty() {
        return Vec::new();
    }
    let found;
    let spans = match secrets {
        Secrets::Known(spans) => spans,
        Secrets::Find(settings) => {
            let input = Input {
                path,
                text,
                kinds: Kinds {
                    secrets: true,
                    ..Default::default()
                },
            };
            found = tollgate_analyzers::secrets::secret_spans(&input, settings);
            &found[..]
        }
    };
    // Findings of other domains may mark their span as a secret too.
    let marked = findings.iter().filter(|f| f.redact).map(|f| &f.span);
    let redactor = Redactor::new(spans.iter().chain(marked).filter_map(|span| text.get(span.clone())));
    let hide = |shown: String| -> String {
        match redactor.redact(&shown) {
            std::borrow::Cow::Borrowed(_) => shown,
            std::borrow::Cow::Owned(redacted) => redacted,
        }
    };
    let index = LineIndex::new(text);
    let placer = Placer {
        index: &index,
        text,
        last: Default::default(),
    };
    let hashes = if with_line_hashes {
        let lines: Vec<usize> = findings.iter().map(|f| index.line_of(f.span.start) + 1).collect();
        line_hashes(text, &lines)
    } else {
        Default::default()
    };
    let mut records: Vec<Record> = findings
        .into_iter()
        .filter_map(|finding| {
            // Every finding is built from a declared rule; one that is not in the catalogue
            // is a defect, reported as this file's internal error, never dropped in silence.
            let rule = tollgate_rules::find(finding.rule)
                .unwrap_or_else(|| panic!("a finding of rule `{}`, which is not in the catalogue", finding.rule));
            let level = finding.level.or_else(|| rules.level(finding.rule))?;
            let span = finding.span.start.min(text.len())
                ..finding.span.end.min(text.len()).max(finding.span.start.min(text.len()));
            let region = placer.region(&span);
            let line = index.line_of(span.start);
            let line_range = index.line_range(line);
            let caret_start = span.start - line_range.start;
            let caret_end = span.end.min(line_range.end).max(span.start) - line_range.start;
            let original_line = &text[line_range.clone()];
            let span_text = &text[span.clone()];
            let own = finding.redact.then_some(span_text);
            let snippet = snippet(original_line, caret_start..caret_end, own, &redactor);
            let secret = finding.redact.then(|| tollgate_analyzers::secrets::redact(span_text));
            let content = match &finding.identity {
                Some(identity) => identity.clone(),
                None if finding.redact => tollgate_analyzers::secrets::hash_identity(span_text),
                // What the snippet shows of the line, and the span, secrets hashed.
                None => format!(
                    "{} {}",
                    hash_secrets(&original_line[snippet.shown.clone()], &redactor),
                    hash_secrets(span_text, &redactor)
                ),
            };
            let fingerprint = content_fingerprint(rule.id, path, &content);
            // The span may be a whole function: keep its hash, not a copy.
            let identity = if finding.identity.is_some() || finding.redact {
                content
            } else {
                tollgate_analyzers::secrets::hash_identity(&content)
            };
            let related = finding
                .related
                .into_iter()
                .map(|related| match related.location {
                    Location::Here(range) => RelatedRecord {
                        path: path.to_string(),
                        region: placer.region(&range),
                        message: hide(related.message),
                    },
                    Location::Elsewhere { path, region } => RelatedRecord {
                        path,
                        region,
                        message: hide(related.message),
                    },
                })
                .collect();
            let properties = finding
                .properties
                .into_iter()
                .map(|(key, value)| match value {
                    PropValue::Str(s) => (key, PropValue::Str(hide(s))),
                    other => (key, other),
                })
                .collect();
            Some(Record {
                rule,
                level,
                path: path.to_string(),
                region,
                message: hide(finding.message),
                line_text: snippet.text,
                caret: snippet.caret,
                metric: finding.metric,
                related,
                properties,
                line_hash: hashes.get(&region.start_line).cloned().unwrap_or_default(),
                fingerprint,
                identity,
                secret,
            })
        })
        .collect();
    records.dedup_by(|a, b| a.rule.id == b.rule.id && a.region == b.region && a.message == b.message);
    records
}

/// Turns spans into regions. Spans mostly come in order: a column is counted on from the
/// previous start on the same line, not from the line's start, or thousands of findings on
/// one long line would each cost the line's length.
struct Placer<'a> {
    index: &'a LineIndex<'a>,
    text: &'a str,
    /// The last start placed: (byte offset, 0-based line, column).
    last: std::cell::Cell<Option<(usize, usize, usize)>>,
}

impl Placer<'_> {
    fn region(&self, span: &Range<usize>) -> Region {
        let (start, start_line, start_column) = self.position(span.start);
        self.last.set(Some((start, start_line, start_column)));
        let (_, end_line, end_column) = self.position(span.end.max(span.start));
        Region {
            start_line: start_line + 1,
            start_column,
            end_line: end_line + 1,
            end_column,
        }
    }

    /// (offset on a character boundary, 0-based line, 1-based UTF-16 column).
    fn position(&self, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let (from, column) = match self.last.get() {
            Some((at, at_line, column)) if at_line == line && at <= offset => (at, column),
            _ => (self.index.line_range(line).start, 1),
        };
        (offset, line, column + utf16_len(&self.text[from..offset]))
    }
}

/// UTF-16 code units of a string: one per character, two beyond the BMP.
fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// `text` with every secret (or piece of one) replaced by its hash: content to fingerprint.
fn hash_secrets<'t>(text: &'t str, redactor: &Redactor) -> std::borrow::Cow<'t, str> {
    redactor.replace(text, tollgate_analyzers::secrets::hash_identity)
}

/// What a record shows of the first line of its span.
struct Snippet {
    /// At most [`SNIPPET_CONTEXT`] characters either side of the span (and of the span),
    /// `…` where the line was cut, secrets redacted.
    text: String,
    /// The span within `text`.
    caret: Range<usize>,
    /// The part of the line `text` shows.
    shown: Range<usize>,
}

/// The bounded, redacted view of `line` around `caret` (byte offsets in `line`). `own` is
/// the whole span when it is a secret: its part of the line shows as its redaction.
fn snippet(line: &str, caret: Range<usize>, own: Option<&str>, redactor: &Redactor) -> Snippet {
    let own = own.filter(|_| !caret.is_empty());
    let caret_end = if own.is_some() {
        caret.end
    } else {
        chars_after(line, caret.start, SNIPPET_CONTEXT).min(caret.end)
    };
    let mut start = chars_before(line, caret.start, SNIPPET_CONTEXT);
    let mut end = chars_after(line, caret_end, SNIPPET_CONTEXT);
    let mut secrets: Vec<Range<usize>> = if redactor.is_empty() {
        Vec::new()
    } else {
        // Far enough either side to see whole any secret that reaches into the snippet.
        let mut from = start.saturating_sub(redactor.reach());
        while !line.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + redactor.reach()).min(line.len());
        while !line.is_char_boundary(to) {
            to += 1;
        }
        redactor
            .find(&line[from..to])
            .into_iter()
            .map(|r| r.start + from..r.end + from)
            .collect()
    };
    // The span itself, with what overlaps it.
    let mut own_part = None;
    if own.is_some() {
        let mut part = caret.clone();
        secrets.retain(|s| {
            let overlaps = s.start < part.end && s.end > part.start;
            if overlaps {
                part = part.start.min(s.start)..part.end.max(s.end);
            }
            !overlaps
        });
        let at = secrets.partition_point(|s| s.start < part.start);
        secrets.insert(at, part.clone());
        own_part = Some(part);
    }
    // A secret cut by the snippet's edge is shown whole, that is redacted.
    for secret in &secrets {
        if secret.start < end && secret.end > start {
            start = start.min(secret.start);
            end = end.max(secret.end);
        }
    }
    // (part of the line, part of the text, redacted)
    let mut parts: Vec<(Range<usize>, Range<usize>, bool)> = Vec::new();
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let mut push = |raw: Range<usize>, redacted: bool, text: &mut String| {
        if raw.is_empty() {
            return;
        }
        let from = text.len();
        if redacted {
            let secret = match own {
                Some(own) if own_part.as_ref() == Some(&raw) && raw == caret => own,
                _ => &line[raw.clone()],
            };
            text.push_str(&tollgate_analyzers::secrets::redact(secret));
        } else {
            text.push_str(&line[raw.clone()]);
        }
        parts.push((raw, from..text.len(), redacted));
    };
    let mut at = start;
    for secret in secrets.iter().filter(|s| s.start >= start && s.end <= end) {
        push(at..secret.start, false, &mut text);
        push(secret.clone(), true, &mut text);
        at = secret.end;
    }
    push(at..end, false, &mut text);
    let shown_end = text.len();
    if end < line.len() {
        text.push('…');
    }
    let map_start = |p: usize| {
        parts
            .iter()
            .find(|(raw, _, _)| p < raw.end)
            .map_or(shown_end, |(raw, out, redacted)| {
                if *redacted {
                    out.start
                } else {
                    out.start + (p - raw.start)
                }
            })
    };
    let map_end = |p: usize| {
        parts
            .iter()
            .find(|(raw, _, _)| p > raw.start && p <= raw.end)
            .map_or_else(
                || map_start(p),
                |(raw, out, redacted)| {
                    if *redacted {
                        out.end
                    } else {
                        out.start + (p - raw.start)
                    }
                },
            )
    };
    let caret_start = map_start(caret.start);
    let caret = caret_start..map_end(caret_end).max(caret_start);
    Snippet {
        text,
        caret,
        shown: start..end,
    }
}

/// The offset `chars` characters before `at` in `line` (or its start).
fn chars_before(line: &str, at: usize, chars: usize) -> usize {
    line[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The offset `chars` characters after `at` in `line` (or its end).
fn chars_after(line: &str, at: usize, chars: usize) -> usize {
    line[at..].char_indices().nth(chars).map_or(line.len(), |(i, _)| at + i)
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
    use tollgate_rules::{python, secrets};

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
            vec![Finding::new(secrets::PRIVATE_KEY, 0..4, "found")]
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

    const TOKEN: &str = "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";

    #[test]
    #[should_panic(expected = "not in the catalogue")]
    fn a_finding_of_an_undeclared_rule_is_an_internal_error() {
        static UNDECLARED: tollgate_rules::Rule = tollgate_rules::Rule {
            id: "python/undeclared",
            ..*python::COMPLEX_FUNCTION
        };
        resolve_text("x = 1\n", vec![Finding::new(&UNDECLARED, 0..1, "m")]);
    }

    fn resolve_text(text: &str, findings: Vec<Finding>) -> Vec<Record> {
        let settings = tollgate_analyzers::secrets::Settings::default();
        resolve(
            "f.txt",
            text,
            findings,
            &RuleSet::all(),
            false,
            Secrets::Find(&settings),
        )
    }

    #[test]
    fn a_record_on_a_huge_line_keeps_a_bounded_window_of_it() {
        let line: String = (0..10_000).map(|i| format!("w{i:05} ")).collect();
        let text = format!("{line}\n");
        let at = text.find("w05000").unwrap();
        let records = resolve_text(&text, vec![Finding::new(python::SYNTAX_ERROR, at..at + 6, "here")]);
        let record = &records[0];
        assert!(
            record.line_text.chars().count() <= 2 * SNIPPET_CONTEXT + 8,
            "{}",
            record.line_text.len()
        );
        assert!(record.line_text.starts_with('…') && record.line_text.ends_with('…'));
        assert_eq!(&record.line_text[record.caret.clone()], "w05000");
        assert_eq!(record.region.start_column, at + 1);
        // The identity is a hash, not the line.
        assert!(record.identity.len() < 64);
    }

    #[test]
    fn every_secret_of_the_line_is_redacted_and_the_caret_stays_on_the_span() {
        let text = format!("é = \"{TOKEN}\"; x = = 1; aws = \"AKIA5MTTE44KEDEH6UYY\"\n");
        let at = text.find("= 1").unwrap();
        let records = resolve_text(
            &text,
            vec![Finding::new(
                python::SYNTAX_ERROR,
                at..at + 1,
                format!("at `{}`", &text[..40]),
            )],
        );
        let record = &records[0];
        assert_eq!(
            record.line_text,
            "é = \"ghp_aDP…(40 chars)\"; x = = 1; aws = \"AKIA5…(20 chars)\""
        );
        assert_eq!(&record.line_text[record.caret.clone()], "=");
        assert_eq!(record.message, "at `é = \"ghp_aDP…(34 chars)`");
    }

    #[test]
    fn a_secret_span_shows_as_its_redaction_under_the_caret() {
        let text = format!("token = \"{TOKEN}\" and again {TOKEN}\n");
        let at = text.find(TOKEN).unwrap();
        let finding = Finding::new(
            tollgate_rules::find("secrets/github-pat").unwrap(),
            at..at + TOKEN.len(),
            "token",
        )
        .redacted();
        let record = &resolve_text(&text, vec![finding])[0];
        assert_eq!(
            record.line_text,
            "token = \"ghp_aDP…(40 chars)\" and again ghp_aDP…(40 chars)"
        );
        assert_eq!(&record.line_text[record.caret.clone()], "ghp_aDP…(40 chars)");
    }

    #[test]
    fn pep_263_codings() {
        assert_eq!(declared_coding(b"# -*- coding: latin-1 -*-\n"), Some(Coding::Latin1));
        assert_eq!(
            declared_coding(b"#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n"),
            Some(Coding::Cp1252)
        );
        assert_eq!(declared_coding(b"# coding=ISO_8859_1\n"), Some(Coding::Latin1));
        assert_eq!(declared_coding(b"# coding: utf-8\n"), Some(Coding::Utf8));
        assert_eq!(
            declared_coding(b"# coding: klingon\n"),
            Some(Coding::Unknown("klingon".into()))
        );
        // Only a comment or blank first line lets the second one declare.
        assert_eq!(declared_coding(b"import os\n# coding: latin-1\n"), None);
        assert_eq!(declared_coding(b"x = 1  # coding: latin-1\n"), None);
        assert_eq!(cp1252(0x80), '€');
        assert_eq!(cp1252(0xe9), 'é');
    }

    #[test]
    fn large_file_windows_place_findings_in_the_file() {
        let mut position = Position::default();
        position.advance("ab\nc😀é".as_bytes());
        let mut region = Region {
            start_line: 1,
            start_column: 2,
            end_line: 2,
            end_column: 3,
        };
        position.shift(&mut region);
        assert_eq!(
            region,
            Region {
                start_line: 2,
                start_column: 6,
                end_line: 3,
                end_column: 3,
            }
        );
    }

    #[test]
    fn a_panic_quoting_the_text_is_reported_redacted() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![entry(dir.path(), "app.py", &format!("token = \"{TOKEN}\"\n"))];
        let analyze = |input: &Input, _: &Settings, _: &RuleSet| -> Vec<Finding> {
            panic!("cannot slice `{}`", input.text);
        };
        let rules = RuleSet::new(Some(&["python".to_string()]), &[], &[]).unwrap();
        let settings = Settings::default();
        let ignores = PerFileIgnores::new(&Default::default()).unwrap();
        let options = Options {
            rules: &rules,
            settings: &settings,
            max_file_size: 1024,
            per_file_ignores: &ignores,
            base: dir.path(),
            line_hashes: false,
        };
        let outcome = scan(&files, &options, &analyze, &indicatif::ProgressBar::hidden());
        let message = &outcome.diagnostics[0].message;
        assert!(
            message.contains("cannot slice `token = \"ghp_aDP…(40 chars)\""),
            "{message}"
        );
    }

    #[test]
    fn snippets_keep_the_caret_on_the_span_at_any_place() {
        let none = Redactor::new([]);
        let line = "aé😀b".repeat(150);
        for start in (0..line.len()).filter(|&i| line.is_char_boundary(i)) {
            for len in [0, 1, 4, 5, 300] {
                let end = (start + len).min(line.len());
                if !line.is_char_boundary(end) {
                    continue;
                }
                let shown = snippet(&line, start..end, None, &none);
                let under = &shown.text[shown.caret.clone()];
                let span = &line[start..end];
                assert!(span.starts_with(under), "{start}..{end}: {under:?}");
                assert!(under.chars().count() >= span.chars().count().min(SNIPPET_CONTEXT));
                assert!(
                    shown.text.chars().count() <= span.chars().count().min(SNIPPET_CONTEXT) + 2 * SNIPPET_CONTEXT + 2
                );
            }
        }
        assert_eq!(snippet("", 0..0, None, &none).text, "");
    }
}
