//! `tollgate check` and `tollgate baseline`: a run from its command line to its report (or
//! baseline file) and exit code. The run reads the config, takes its files from the tree,
//! the index (`--staged`) or the history (`--git-history`), analyses them and sends every
//! finding through the pipeline.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tollgate_rules::{Level, RuleSet};

use crate::cache::{self, Cache};
use crate::config::{self, FailOn};
use crate::git::ChangedLines;
use crate::pipeline::{self, Diff, DiffScope, Filters};
use crate::record::{Outcome, Record};
use crate::report::{self, escape, Format};
use crate::walk::FileEntry;
use crate::{baseline, history, import, scan, walk, CheckArgs};

/// The findings of a run, after every step of the pipeline.
struct Scanned {
    outcome: Outcome,
    rules: RuleSet,
    fail_on: FailOn,
    /// Extra summary lines (baseline, diff-base, gate-diff-base).
    notes: Vec<String>,
    /// The tools whose SARIF was imported.
    tools: Vec<import::Tool>,
    /// Gated on a diff, here or in the reports read back: see `Report::gates_marked`.
    gates_marked: bool,
}

fn overrides(args: &CheckArgs) -> config::Overrides<'_> {
    config::Overrides {
        select: args.select.as_deref(),
        extend_select: &args.extend_select,
        ignore: &args.ignore,
        exclude: &args.exclude,
        fail_on: args.fail_on,
    }
}

/// `--show-config`.
fn show_config(args: &CheckArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let loaded = config::load(args.config.as_deref(), &cwd)?;
    print!("{}", loaded.show(&overrides(args))?);
    Ok(ExitCode::SUCCESS)
}

fn run(args: &CheckArgs) -> Result<Scanned, String> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if !args.staged && args.git_history.is_none() {
        for path in &paths {
            if std::fs::symlink_metadata(path).is_err() {
                return Err(format!("{}: no such file or directory", path.display()));
            }
        }
    }
    if let Some(path) = &args.baseline {
        walk::require_regular_file(path, "baseline")?;
    }
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let loaded = config::load(args.config.as_deref(), &cwd)?;
    for warning in &loaded.warnings {
        eprintln!("tollgate: warning: {}", escape::terminal(warning));
    }
    let project_root = loaded.project_root.clone();
    if !args.import_sarif.is_empty() && args.git_history.is_some() {
        return Err("--import-sarif reads findings in the tree, not in --git-history".into());
    }
    if args.shard.is_some() && (args.output.is_none() || args.format != Format::Sarif) {
        return Err("--shard writes its report for `tollgate merge`: add --format sarif -o FILE (its duplication windows go to FILE.windows)".into());
    }
    // Read before the scan: a file that is not SARIF fails the run at once.
    let imports = import::read(&args.import_sarif)?;
    // Shards' duplication windows, beside their reports (`--shard`).
    let mut shard_windows = Vec::new();
    for report in &args.import_sarif {
        let side = windows_file(report);
        if side.exists() {
            let bytes = std::fs::read(&side).map_err(|e| format!("{}: cannot read: {e}", side.display()))?;
            let windows = cache::decode_shard_windows(&bytes).map_err(|e| {
                format!(
                    "{}: not the duplication windows of a tollgate shard ({e})",
                    side.display()
                )
            })?;
            shard_windows.extend(windows);
        }
    }
    let shard_sink = args.shard.map(|_| std::sync::Mutex::new(Vec::new()));
    for warning in &imports.warnings {
        eprintln!("tollgate: warning: {}", escape::terminal(warning));
    }
    let config_sources = config_sources(&loaded, &args.exclude);
    let nested = loaded.nested();
    let mut config = loaded.resolve(&overrides(args))?;
    config.settings.python.bench_parse_only = args.bench_parse_only;
    config.settings.smells.bench_parse_only = args.bench_parse_only;
    let threads = scan::threads(args.threads);
    // Checked before the scan, so a wrong ref fails fast.
    let diff_base = match (&args.diff_base, &args.gate_diff_base) {
        (Some(base), _) => Some((base.as_str(), DiffScope::Report, "--diff-base")),
        (None, Some(base)) => Some((base.as_str(), DiffScope::Gate, "--gate-diff-base")),
        (None, None) => None,
    };
    let changed = match diff_base {
        Some((base, scope, option)) => Some((base, scope, ChangedLines::since(base, args.staged, option)?)),
        None => None,
    };

    // One pool for the whole run: the scan, and the rendering of the report after it.
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let filters = Filters {
        rules: &config.rules,
        per_file_ignores: &config.per_file_ignores,
        base: &config.base,
        peers: &config.peers,
    };
    // The files first (none for `--git-history`): their nested ruff configs are part of the
    // options every scan of them uses, the base re-scan of `--gate-diff-base` included.
    let walked = match &args.git_history {
        Some(_) => None,
        // `tollgate merge`: the imported findings' files are read, nothing is walked.
        None if args.merge_only => Some(walk::Walk {
            files: Vec::new(),
            diagnostics: Vec::new(),
        }),
        None => {
            let mut walked = if args.staged {
                walk::staged(&args.paths, &config.exclude, &config.base)?
            } else {
                walk::walk(&paths, &config.exclude, &config.base, threads)
            };
            if let Some((shard, shards)) = args.shard {
                walked.files.retain(|file| in_shard(&file.display, shard, shards));
            }
            if !config.roles.is_empty() || !config.dockerfiles.is_empty() {
                for file in &mut walked.files {
                    let relative = walk::from_base(&walk::absolute(&file.path), &config.base, &file.display);
                    file.attributes.configured = config.roles.for_file(&relative);
                    file.attributes.dockerfile = config.dockerfiles.is_match(&relative);
                }
            }
            Some(walked)
        }
    };
    let (ruff_scopes, warnings) = match &walked {
        Some(walked) => nested.ruff_scopes(walked.files.iter().map(|f| f.path.as_path()), &overrides(args)),
        None => (Vec::new(), Vec::new()),
    };
    for warning in &warnings {
        eprintln!("tollgate: warning: {}", escape::terminal(warning));
    }
    let cache = match (
        &walked,
        cache::disabled(args.no_cache) || args.bench_parse_only || args.merge_only,
    ) {
        (Some(_), false) => {
            let (cache, warning) = Cache::open(&cache::location(args.cache_dir.as_deref(), &project_root));
            if let Some(warning) = warning {
                eprintln!("tollgate: warning: {}", escape::terminal(&warning));
            }
            Some(cache)
        }
        _ => None,
    };
    let history_cache = cache::location(args.cache_dir.as_deref(), &project_root);
    let scan_options = |line_hashes, cache| scan::Options {
        filters: &filters,
        settings: &config.settings,
        max_file_size: config.max_file_size,
        skip_roles: &config.skip_roles,
        python_exclude: &config.python_exclude,
        ruff_scopes: &ruff_scopes,
        cache,
        line_hashes,
        imported: &imports.by_path,
        shard_windows: shard_sink.as_ref(),
    };
    let (mut outcome, files) = match walked {
        None => {
            let range = args.git_history.as_deref().unwrap_or_default();
            let options = history::Options {
                range,
                paths: &args.paths,
                settings: &config.settings,
                filters: &filters,
                max_file_size: config.max_file_size,
                exclude: &config.exclude,
                cache: (!cache::disabled(args.no_cache)).then_some((history_cache.as_path(), config_sources)),
                verbose: args.verbose,
            };
            let outcome = Outcome {
                records: history::scan(&options)?,
                diagnostics: Vec::new(),
                files_scanned: 0,
            };
            (outcome, Vec::new())
        }
        Some(walked) => {
            let progress = progress_bar(walked.files.len());
            let options = scan_options(args.format == Format::Sarif, cache.as_ref());
            let mut outcome = scan::scan(&walked.files, &options, &tollgate_analyzers::analyze, &progress);
            progress.finish_and_clear();
            if !imports.by_path.is_empty() {
                let (records, diagnostics) =
                    scan::imported_elsewhere(&walked.files, &options, &config.exclude, &config.base);
                outcome.records.extend(records);
                outcome.diagnostics.extend(diagnostics);
                import::merge_duplicates(&mut outcome.records);
            }
            outcome.diagnostics.extend(imports.diagnostics.iter().cloned());
            if args.merge_only {
                // The shards' scans, as the summary of one run counts them.
                outcome.files_scanned += imports.files_scanned;
            }
            if !shard_windows.is_empty() {
                let (records, diagnostics) = scan::cross_file_of_shards(std::mem::take(&mut shard_windows), &options);
                outcome.records.extend(records);
                outcome.diagnostics.extend(diagnostics);
            }
            if let (Some(sink), Some(output)) = (&shard_sink, &args.output) {
                let windows = std::mem::take(&mut *sink.lock().unwrap_or_else(|p| p.into_inner()));
                let side = windows_file(output);
                create_parent(&side)?;
                std::fs::write(&side, cache::encode_shard_windows(&windows))
                    .map_err(|e| format!("{}: cannot write: {e}", side.display()))?;
            }
            if let Some(cache) = &cache {
                save_cache(cache, args.verbose);
            }
            outcome.diagnostics.extend(walked.diagnostics);
            // One order whatever the shards: diagnostics by path, each once.
            outcome
                .diagnostics
                .sort_by(|a, b| (&a.path, &a.message).cmp(&(&b.path, &b.message)));
            outcome
                .diagnostics
                .dedup_by(|a, b| a.path == b.path && a.message == b.message);
            (outcome, walked.files)
        }
    };
    let diff = changed.as_ref().map(|(base, scope, changed)| Diff {
        base,
        changed,
        scope: *scope,
    });
    let notes = pipeline::finish(&mut outcome, diff, args.baseline.as_deref())?;
    if let Some((_, DiffScope::Gate, changed)) = &changed {
        let options = scan_options(false, None);
        gate_new_since_base(&mut outcome.records, changed, &files, &options);
    }
    // After the diff, which leaves these to the reports they came from.
    let restored = pipeline::restore_gates(&mut outcome.records);
    if restored && args.merge_only && args.gate_diff_base.is_none() {
        eprintln!(
            "tollgate: warning: the reports were gated on a diff (--gate-diff-base): give the merge the same \
             --gate-diff-base, or the copies of code it finds across shards gate wherever they are"
        );
    }
    Ok(Scanned {
        outcome,
        rules: config.rules,
        fail_on: config.fail_on,
        notes,
        tools: imports.tools,
        gates_marked: args.gate_diff_base.is_some() || restored,
    })
}

/// Creates the folder a report or its side file goes in, if need be.
fn create_parent(path: &Path) -> Result<(), String> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create: {e}", parent.display()))
        }
        None => Ok(()),
    }
}

/// The duplication windows of a shard's report: `report.sarif.windows`.
fn windows_file(report: &Path) -> PathBuf {
    let mut name = report.as_os_str().to_owned();
    name.push(".windows");
    PathBuf::from(name)
}

/// Is the file shown as `path` in shard `shard` of `shards` (1-based)? By a hash of its path,
/// so that adding files never moves another to a different shard.
fn in_shard(path: &str, shard: usize, shards: usize) -> bool {
    (xxhash_rust::xxh3::xxh3_64(path.as_bytes()) % shards as u64) as usize == shard - 1
}

/// What the run's config files say, as one hash (the history cache's findings went through
/// their excludes, per-file-ignores and allowlists), with `--exclude`.
fn config_sources(loaded: &config::Loaded, exclude: &[String]) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for path in loaded.path.iter().chain(loaded.imported.iter().map(|i| &i.path)) {
        hasher.update(path.as_os_str().as_encoded_bytes());
        hasher.update(&std::fs::read(path).unwrap_or_default());
    }
    hasher.update(format!("{exclude:?}").as_bytes());
    hasher.digest128()
}

/// Writes the run's cache; `--verbose` says what it holds. A cache that cannot be written
/// costs the next run its speed, not its results: a warning.
fn save_cache(cache: &Cache, verbose: bool) {
    match cache.save() {
        Ok(stats) if verbose => eprintln!(
            "tollgate: cache {}: {} files, {:.1} MiB ({} analysed again, {} from the cache)",
            escape::terminal(&stats.folder.display().to_string()),
            stats.entries,
            stats.bytes as f64 / (1 << 20) as f64,
            stats.misses,
            stats.hits
        ),
        Ok(_) => {}
        Err(warning) => eprintln!("tollgate: warning: {}", escape::terminal(&warning)),
    }
}

/// `tollgate clean`: removes the result cache of the project the current directory is in.
pub fn clean(cache_dir: Option<&Path>, config: Option<&Path>) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let loaded = config::load(config, &cwd)?;
    let dir = cache::location(cache_dir, &loaded.project_root);
    match cache::clean(&dir)? {
        Some(removed) => eprintln!("tollgate: removed {}", escape::terminal(&removed.display().to_string())),
        None => eprintln!("tollgate: no cache at {}", escape::terminal(&dir.display().to_string())),
    }
    Ok(ExitCode::SUCCESS)
}

/// `--gate-diff-base`, after the lines: a finding on unchanged lines of a file the change
/// modified is new all the same when the file as it was at the merge base, scanned the same
/// way, has no such finding (same rule, same content): an edit of a function's body that
/// pushes it over a threshold is reported at its name, which did not change. Findings with
/// a location in another file (duplicate code) are left to the lines: a scan of a few files
/// at the base cannot see their copies.
fn gate_new_since_base(records: &mut [Record], changed: &ChangedLines, files: &[FileEntry], options: &scan::Options) {
    let own_file = |r: &Record| r.related.iter().all(|other| other.path == r.path);
    let exempt: HashSet<&str> = records
        .iter()
        .filter(|r| !r.gates && own_file(r))
        .map(|r| r.path.as_str())
        .collect();
    let before: Vec<FileEntry> = files
        .iter()
        .filter(|file| exempt.contains(file.display.as_str()))
        .filter_map(|file| {
            Some(FileEntry {
                content: Some(changed.before(&file.display)?),
                path: file.path.clone(),
                display: file.display.clone(),
                ..*file
            })
        })
        .collect();
    if before.is_empty() {
        return;
    }
    let hidden = indicatif::ProgressBar::hidden();
    let found = scan::scan(&before, options, &tollgate_analyzers::analyze, &hidden).records;
    // Counted: a second copy of an old finding is new.
    let mut old: HashMap<&str, usize> = HashMap::new();
    for record in &found {
        *old.entry(record.fingerprint.as_str()).or_default() += 1;
    }
    let scanned: HashSet<&str> = before.iter().map(|file| file.display.as_str()).collect();
    for record in records.iter_mut() {
        if record.gates || !scanned.contains(record.path.as_str()) || !own_file(record) {
            continue;
        }
        match old.get_mut(record.fingerprint.as_str()) {
            Some(count) if *count > 0 => *count -= 1,
            _ => record.gates = true,
        }
    }
}

/// `--min-level`: the least serious findings a run reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MinLevel {
    Error,
    Warning,
    Note,
}

impl MinLevel {
    fn level(self) -> Level {
        match self {
            MinLevel::Error => Level::Error,
            MinLevel::Warning => Level::Warning,
            MinLevel::Note => Level::Note,
        }
    }
}

/// `tollgate check`: the report, and exit code 1 when a finding fails the run.
pub fn check(args: &CheckArgs) -> Result<ExitCode, String> {
    if args.show_config {
        return show_config(args);
    }
    if args.statistics && !matches!(args.format, Format::Text | Format::Json) {
        return Err("--statistics prints text or json; drop --format or use one of those".into());
    }
    let Scanned {
        mut outcome,
        rules,
        fail_on,
        mut notes,
        tools,
        gates_marked,
    } = run(args)?;
    if let Some(min) = args.min_level {
        outcome.records.retain(|record| record.level >= min.level());
    }
    if gates_marked {
        notes.extend(pipeline::gate_note(&outcome.records, args.gate_diff_base.as_deref()));
    }
    for diagnostic in &outcome.diagnostics {
        if !diagnostic.quiet || args.verbose {
            eprintln!(
                "tollgate: {}: {}",
                escape::terminal(&diagnostic.path),
                escape::terminal(&diagnostic.message)
            );
        }
    }
    let color = args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let report = report::Report {
        records: &outcome.records,
        diagnostics: &outcome.diagnostics,
        rules: &rules,
        files_scanned: outcome.files_scanned,
        color,
        notes: &notes,
        tools: &tools,
        within_limits: args.shard.is_none(),
        gates_marked,
    };
    // What the writer left out to fit GitHub's limits, told with the summary.
    let account = std::cell::RefCell::new(Vec::new());
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        match (args.statistics, args.format) {
            (true, Format::Json) => report::statistics::write_json(&outcome.records, out),
            (true, _) => {
                report::statistics::write_text(&outcome.records, out)?;
                write!(out, "\n{}", report::summary(&report))
            }
            (false, format) => {
                let left_out = report::write(format, &report, out)?;
                account.borrow_mut().extend(left_out);
                Ok(())
            }
        }
    };
    match &args.output {
        Some(path) => {
            create_parent(path)?;
            let file = std::fs::File::create(path).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)
                .and_then(|_| out.flush())
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            eprint!("{}", report::summary(&report));
            account.borrow().iter().for_each(|line| eprintln!("{line}"));
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if let Err(e) = write(&mut out).and_then(|_| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(format!("cannot write the report: {e}"));
                }
            }
            if args.format != Format::Text {
                // Machine formats keep stdout clean; people still get the summary.
                eprint!("{}", report::summary(&report));
                account.borrow().iter().for_each(|line| eprintln!("{line}"));
            }
        }
    }
    if let Some(path) = &args.summary {
        let notes: Vec<String> = notes.iter().chain(account.borrow().iter()).cloned().collect();
        let report = report::Report {
            notes: &notes,
            ..report
        };
        write_summary(path, &report, args.format)?;
    }
    let failed = outcome.records.iter().any(|r| r.gates && fail_on.fails(r.level));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Appends (as GitHub expects for `$GITHUB_STEP_SUMMARY`) a Markdown summary, with links to
/// the lines when running in GitHub Actions.
fn write_summary(path: &Path, report: &report::Report, format: Format) -> Result<(), String> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let blob_url = match (env("GITHUB_SERVER_URL"), env("GITHUB_REPOSITORY"), env("GITHUB_SHA")) {
        (Some(server), Some(repo), Some(sha)) => Some(format!("{server}/{repo}/blob/{sha}")),
        _ => None,
    };
    let text = report::markdown_summary(report, blob_url.as_deref(), format);
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("{}: cannot write the summary: {e}", path.display()))
}

/// `tollgate baseline -o FILE`: today's findings, recorded.
pub fn record_baseline(args: &CheckArgs) -> Result<ExitCode, String> {
    let path = args
        .output
        .clone()
        .ok_or("baseline: give the file to write with -o FILE")?;
    if args.baseline.is_some() {
        return Err("baseline: --baseline cannot be combined with recording a baseline".into());
    }
    let Scanned { outcome, .. } = run(args)?;
    let count = baseline::write(&path, &outcome.records)?;
    eprintln!(
        "Recorded {count} findings in {}.",
        escape::terminal(&path.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on stderr, only for people watching a scan long enough to want one.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || files < 2000 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
