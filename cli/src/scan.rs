//! The scheduler: every file read once, classified once, handed to the analyzers on a rayon
//! pool; a panic in an analyzer is caught and becomes a diagnostic for that file.

use std::collections::HashMap;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use rayon::prelude::*;
use tollgate_analyzers::secrets::Redactor;
use tollgate_analyzers::{classify, classify_by_content, Gathered, Input, Kinds, Settings};
use tollgate_rules::{Finding, PropValue, Region, Role, RuleSet};

use crate::config::RuffScope;
use crate::import::Imported;
use crate::imported::PeerGlobs;
use crate::pipeline::Filters;
use crate::record::{place, Diagnostic, Outcome, Record, Secrets};
use crate::roles;
use crate::walk::FileEntry;

/// `--threads` is capped at this many per core.
const MAX_THREADS_PER_CORE: usize = 4;

/// The worker threads for `--threads` (default: one per core).
pub fn threads(requested: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // More threads than this only costs: each one is a stack and a scheduler slot, and
    // `--threads 10000` once spent a minute starting threads on an empty folder.
    requested.unwrap_or(cores).clamp(1, cores * MAX_THREADS_PER_CORE)
}

#[derive(Clone, Copy)]
pub struct Options<'a> {
    pub filters: &'a Filters<'a>,
    pub settings: &'a Settings,
    pub max_file_size: u64,
    /// Files of these roles are only scanned for secrets.
    pub skip_roles: &'a [Role],
    /// Python files that ruff's config excludes: every other domain still scans them.
    pub python_exclude: &'a [PeerGlobs],
    /// Folders with a ruff config of their own, deepest first: the Python files below one
    /// are checked with its settings, as ruff checks them.
    pub ruff_scopes: &'a [RuffScope],
    /// The result cache, for the files of the run (not for other versions of them, such as
    /// `--gate-diff-base`'s files at the base).
    pub cache: Option<&'a crate::cache::Cache>,
    /// Compute GitHub's `primaryLocationLineHash`, which only SARIF carries: it hashes every
    /// line of a file up to its last finding, a tenth of a Python scan's own work.
    pub line_hashes: bool,
    /// Other tools' findings (`--import-sarif`), by the path the report shows.
    pub imported: &'a HashMap<String, Vec<Imported>>,
    /// `--shard`: each file's duplication windows go here, and the cross-file pass is left
    /// to `tollgate merge`, which sees every shard's.
    pub shard_windows: Option<&'a std::sync::Mutex<Vec<(String, Gathered)>>>,
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
    // Sized once: growing it record by record copied every record found so far, again and
    // again, on the one thread that merges.
    let mut records = Vec::with_capacity(results.iter().map(|(found, ..)| found.len()).sum());
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
    match options.shard_windows {
        Some(sink) => {
            let mut sink = sink.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            sink.extend(
                gathered
                    .into_iter()
                    .filter(|(_, g)| !g.windows().is_empty())
                    .map(|(path, g)| (path.to_string(), g)),
            );
        }
        None => {
            let (found, problems) = cross_file(files, &gathered, options);
            records.extend(found);
            diagnostics.extend(problems);
        }
    }
    Outcome {
        records,
        diagnostics,
        files_scanned,
    }
}

/// One file's share of the run: its records, or why it was skipped, and what the cross-file
/// rules keep of it.
type FileResult = (Vec<Record>, Option<Diagnostic>, Gathered);

fn scan_file(file: &FileEntry, options: &Options, analyze: &AnalyzeFn) -> FileResult {
    let path = file.display.clone();
    if tollgate_analyzers::secrets::is_key_store(&path) && options.filters.rules.any("secrets") {
        return key_store(file, options);
    }
    let mut kinds = classify(&path);
    kinds.dockerfile |= file.attributes.dockerfile;
    let text = match read_text(file, options.max_file_size, kinds.python) {
        Ok(Decoded::Text(text)) => text,
        Ok(Decoded::SecretsOnly { text, quiet, why }) => {
            let role = roles::role_of(file.attributes, &path, &text);
            return secrets_only(file, &text, role, options, quiet, why);
        }
        Ok(Decoded::TooLarge { len }) => return large_file(file, len, options),
        Err((quiet, message)) => {
            return (
                Vec::new(),
                Some(Diagnostic { path, message, quiet }),
                Gathered::default(),
            )
        }
    };
    let role = roles::role_of(file.attributes, &path, &text);
    if let Some(role) = role.filter(|role| options.skip_roles.contains(role)) {
        let why = format!("a {} file (`skip-roles` in the config brings it back)", role.as_str());
        return secrets_only(file, &text, Some(role), options, true, why);
    }
    let (scoped_filters, scoped_options);
    let options = match options
        .ruff_scopes
        .iter()
        .find(|s| kinds.python && s.governs(&file.path))
    {
        Some(scope) => {
            scoped_filters = Filters {
                rules: &scope.config.rules,
                per_file_ignores: &scope.config.per_file_ignores,
                ..*options.filters
            };
            scoped_options = Options {
                filters: &scoped_filters,
                settings: &scope.config.settings,
                python_exclude: &scope.config.python_exclude,
                ..*options
            };
            &scoped_options
        }
        None => options,
    };
    if kinds.python && !options.python_exclude.is_empty() {
        let absolute = crate::walk::absolute(&file.path);
        kinds.python = !options
            .python_exclude
            .iter()
            .any(|globs| globs.is_match(&absolute, true));
    }
    if file.explicit && kinds.is_yaml_undecided(&path) {
        classify_by_content(&mut kinds, &text);
    }
    let input = Input {
        path: &path,
        text: &text,
        kinds,
        role,
    };
    let cached = options.cache.map(|cache| {
        let absolute = crate::walk::absolute(&file.path);
        let key = cache.key(&input, &absolute, options.settings, options.filters.rules);
        (cache, absolute, key)
    });
    if let Some((cache, absolute, key)) = &cached {
        if let Some(entry) = cache.get(absolute, *key) {
            let findings = with_imported(entry.findings, file, &text, role, options);
            let records = finish(file, &text, role, findings, options, true, Secrets::Known(&[]));
            return (records, None, entry.gathered);
        }
    }
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
    let mut findings = match guarded(|| analyze(&others, options.settings, options.filters.rules)) {
        Ok(findings) => findings,
        Err(panic) => {
            let redactor = Redactor::new(spans.iter().filter_map(|s| text.get(s.clone())));
            let what = redactor.redact(&panic.what).into_owned();
            return (Vec::new(), Some(internal_error(path, &what)), Gathered::default());
        }
    };
    findings.extend(secret_findings);
    let gathered = tollgate_analyzers::gather(&input, options.settings, options.filters.rules);
    if let Some((cache, absolute, key)) = &cached {
        cache.put(absolute, *key, &findings, &gathered, !spans.is_empty());
    }
    let findings = with_imported(findings, file, &text, role, options);
    (
        finish(file, &text, role, findings, options, true, Secrets::Known(&spans)),
        None,
        gathered,
    )
}

/// `findings` and the other tools' findings in this file (`--import-sarif`), placed in its
/// text. They are added after the result cache, which holds tollgate's own findings only.
/// In a file of a role the run only scans for secrets (vendored, generated), only their
/// secrets are kept, as for tollgate's own findings.
fn with_imported(
    mut findings: Vec<Finding>,
    file: &FileEntry,
    text: &str,
    role: Option<Role>,
    options: &Options,
) -> Vec<Finding> {
    if let Some(imported) = options.imported.get(&file.display) {
        let secrets_only = role.is_some_and(|role| options.skip_roles.contains(&role));
        findings.extend(
            imported
                .iter()
                .filter(|i| i.secret || !secrets_only)
                .map(|i| i.finding(&file.display, text)),
        );
    }
    findings
}

/// Other tools' findings in files the run did not scan (outside its paths, excluded, or not
/// in this checkout): each file that exists is read to place, suppress and show them, with
/// its secrets redacted; one that does not keeps its findings where its tool put them.
/// Files the config excludes (relative to `base`, its folder) keep none.
pub fn imported_elsewhere(
    scanned: &[FileEntry],
    options: &Options,
    exclude: &crate::glob::GlobList,
    base: &Path,
) -> (Vec<Record>, Vec<Diagnostic>) {
    let seen: std::collections::HashSet<&str> = scanned.iter().map(|f| f.display.as_str()).collect();
    let excluded = |display: &str| {
        let relative = crate::walk::from_base(&crate::walk::absolute(Path::new(display)), base, display);
        crate::walk::is_excluded(exclude, &relative)
    };
    let mut paths: Vec<&String> = options
        .imported
        .keys()
        .filter(|p| !seen.contains(p.as_str()) && !excluded(p))
        .collect();
    paths.sort();
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    for display in paths {
        let file = FileEntry::named(display);
        let text = match read_text(&file, options.max_file_size, false) {
            Ok(Decoded::Text(text)) => Some(text),
            _ if !file.path.exists() => None,
            Ok(_) | Err(_) => {
                diagnostics.push(Diagnostic {
                    path: display.clone(),
                    message: "imported findings in a file that is not text or over the size limit: kept where their tool put them".into(),
                    quiet: false,
                });
                None
            }
        };
        match text {
            Some(text) => {
                let role = roles::role_of(file.attributes, display, &text);
                let secrets = match secrets_of(&file, &text, role, options) {
                    Ok(found) => found,
                    Err((_, diagnostic, _)) => {
                        diagnostics.extend(diagnostic);
                        continue;
                    }
                };
                let spans = tollgate_analyzers::secrets::spans_of(&secrets);
                let findings = with_imported(Vec::new(), &file, &text, role, options);
                records.extend(finish(
                    &file,
                    &text,
                    role,
                    findings,
                    options,
                    false,
                    Secrets::Known(&spans),
                ));
            }
            None => {
                // Blank lines as wide as the places the tool gave, so that each finding keeps
                // a place of its own (findings at one place with one message are one).
                let blank = crate::import::blank_text(&options.imported[display]);
                let findings = with_imported(Vec::new(), &file, &blank, None, options);
                let mut placed = finish(&file, &blank, None, findings, options, false, Secrets::Known(&[]));
                // No text to place them in: the regions their tool gave, found again by rule
                // and message (per-file-ignores may have left some out).
                let mut unused: Vec<&Imported> = options.imported[display].iter().collect();
                for record in &mut placed {
                    if let Some(at) = unused
                        .iter()
                        .position(|i| i.rule.id == record.rule.id && i.message == record.message)
                    {
                        record.region = crate::import::region_of(&unused.remove(at).at);
                    }
                }
                records.extend(placed);
            }
        }
    }
    (records, diagnostics)
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
fn secrets_of(file: &FileEntry, text: &str, role: Option<Role>, options: &Options) -> Result<Vec<Finding>, FileResult> {
    let input = Input {
        path: &file.display,
        text,
        kinds: Kinds {
            secrets: true,
            ..Default::default()
        },
        role,
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
fn secrets_only(
    file: &FileEntry,
    text: &str,
    role: Option<Role>,
    options: &Options,
    quiet: bool,
    why: String,
) -> FileResult {
    let diagnostic = Diagnostic {
        path: file.display.clone(),
        message: format!("skipped: {why}; only scanned for secrets"),
        quiet,
    };
    let findings = match secrets_of(file, text, role, options) {
        Ok(found) => found,
        Err(failed) => return failed,
    };
    let spans = tollgate_analyzers::secrets::spans_of(&findings);
    let findings = with_imported(findings, file, text, role, options);
    let records = finish(file, text, role, findings, options, false, Secrets::Known(&spans));
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
    // By attributes and path: the windows are not the file's header.
    let role = roles::role_of(file.attributes, &file.display, "");
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
        let mut findings = match secrets_of(file, &text, role, options) {
            Ok(found) => found,
            Err(failed) => return failed,
        };
        // Every secret of the window redacts, but each is reported by the window it starts in.
        let spans = tollgate_analyzers::secrets::spans_of(&findings);
        findings.retain(|f| own_text.contains(&f.span.start));
        let start = position;
        for mut record in finish(file, &text, role, findings, options, false, Secrets::Known(&spans)) {
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
        finish(
            file,
            "",
            roles::role_of(file.attributes, &file.display, ""),
            findings,
            options,
            false,
            Secrets::Known(&[]),
        ),
        None,
        Gathered::default(),
    )
}

/// The pipeline's per-file steps, then placement: what every finding of a file goes through.
/// `check_unused` reports suppressions that suppressed nothing.
fn finish(
    file: &FileEntry,
    text: &str,
    role: Option<Role>,
    mut findings: Vec<Finding>,
    options: &Options,
    check_unused: bool,
    secrets: Secrets,
) -> Vec<Record> {
    let filters = options.filters;
    filters.file(&file.display, &file.path, role, text, &mut findings, check_unused);
    if let Some(role) = role {
        for finding in &mut findings {
            finding
                .properties
                .push(("role", PropValue::Str(role.as_str().to_string())));
        }
    }
    place(
        &file.display,
        text,
        findings,
        filters.rules,
        options.line_hashes,
        secrets,
    )
}

/// `tollgate merge`: the cross-file rules over every shard's windows, as one run over the
/// whole tree would have run them (its files in the walk's order, by path).
pub fn cross_file_of_shards(mut windows: Vec<(String, Gathered)>, options: &Options) -> (Vec<Record>, Vec<Diagnostic>) {
    windows.sort_by(|a, b| a.0.cmp(&b.0));
    let files: Vec<FileEntry> = windows.iter().map(|(path, _)| FileEntry::named(path)).collect();
    let gathered: Vec<(&str, Gathered)> = windows
        .into_iter()
        .map(|(_, g)| g)
        .zip(&files)
        .map(|(g, f)| (f.display.as_str(), g))
        .collect();
    cross_file(&files, &gathered, options)
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
            roles::role_of(file.attributes, &file.display, &text),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PerFileIgnores;
    use crate::record::tests::TOKEN;
    use tollgate_rules::secrets;

    fn entry(dir: &Path, name: &str, text: &str) -> FileEntry {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        FileEntry {
            display: name.to_string(),
            path,
            explicit: false,
            content: None,
            attributes: Default::default(),
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
        let filters = Filters {
            rules: &rules,
            per_file_ignores: &ignores,
            base: dir.path(),
            peers: &Default::default(),
        };
        let options = Options {
            imported: &HashMap::new(),
            shard_windows: None,
            filters: &filters,
            settings: &settings,
            max_file_size: 1024,
            skip_roles: &[],
            python_exclude: &[],
            ruff_scopes: &[],
            cache: None,
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
        let filters = Filters {
            rules: &rules,
            per_file_ignores: &ignores,
            base: dir.path(),
            peers: &Default::default(),
        };
        let options = Options {
            imported: &HashMap::new(),
            shard_windows: None,
            filters: &filters,
            settings: &settings,
            max_file_size: 1024,
            skip_roles: &[],
            python_exclude: &[],
            ruff_scopes: &[],
            cache: None,
            line_hashes: false,
        };
        let outcome = scan(&files, &options, &analyze, &indicatif::ProgressBar::hidden());
        let message = &outcome.diagnostics[0].message;
        assert!(
            message.contains("cannot slice `token = \"ghp_aDP…(40 chars)\""),
            "{message}"
        );
    }
}
