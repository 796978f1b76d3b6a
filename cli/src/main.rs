//! tollgate: one fast, offline gate for a repository.

mod baseline;
mod config;
mod fingerprint;
mod git;
mod glob;
mod history;
mod report;
mod scan;
mod suppress;
mod walk;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tollgate_rules::{catalogue, RuleSet};

use crate::config::FailOn;
use crate::report::Format;

#[derive(Parser)]
#[command(
    name = "tollgate",
    version,
    about = "One fast, offline gate for a repository: Python smells, secrets, GitHub Actions and Dockerfiles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scan paths (default: the current directory) and report findings.
    Check(CheckArgs),
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: CatalogueFormat,
    },
    /// Show a rule's documentation.
    Explain { rule: String },
    /// Record today's findings in a baseline file (-o FILE) for `check --baseline`.
    Baseline(CheckArgs),
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CatalogueFormat {
    Text,
    Json,
    /// A Markdown table (the README's rule list).
    Markdown,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to scan. Files named here are scanned even if ignored.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file and keep a summary on stderr.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level remains [default: warning].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Rule ids or prefixes to run instead of the default set (`none` runs no rule).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Rule ids or prefixes to add to the set.
    #[arg(long, value_delimiter = ',')]
    extend_select: Vec<String>,
    /// Rule ids or prefixes not to run.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Globs of paths not to scan, on top of the config's `exclude`.
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Config file (else tollgate.toml, .tollgate.toml or pyproject.toml, found from the
    /// current directory upward to the repository root).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Worker threads [default: the number of cores; at most four per core].
    #[arg(long)]
    threads: Option<usize>,
    /// Also list every skipped file (binary, over the size limit).
    #[arg(long, short)]
    verbose: bool,
    /// Scan what is staged in the git index (the blobs the next commit will contain).
    #[arg(long, conflicts_with = "git_history")]
    staged: bool,
    /// Keep only findings on lines added or changed since merge-base(REF, HEAD).
    #[arg(long, value_name = "REF")]
    diff_base: Option<String>,
    /// Also append a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY").
    #[arg(long, value_name = "FILE")]
    summary: Option<PathBuf>,
    /// Secrets in every commit's added lines (all refs, or a RANGE such as `main..HEAD`)
    /// instead of the files on disk.
    /// PATHs, if given, limit the history to them.
    #[arg(long, value_name = "RANGE", num_args = 0..=1, default_missing_value = "--all", require_equals = false,
          conflicts_with = "diff_base")]
    git_history: Option<String>,
    /// Drop findings recorded in this baseline file (see `tollgate baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

/// mimalloc for the whole process: the scan allocates per file on every worker thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tollgate_analyzers::use_mimalloc_for_parsers();
    let cli = Cli::parse();
    scan::install_panic_hook();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Baseline(args) => record_baseline(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tollgate: error: {}", report::escape::terminal_lines(&message));
            ExitCode::from(2)
        }
    }
}

/// `--threads` is capped at this many per core.
const MAX_THREADS_PER_CORE: usize = 4;

/// The findings of a run, after suppression, baseline and diff filters.
struct Scanned {
    outcome: scan::Outcome,
    rules: RuleSet,
    fail_on: FailOn,
    /// Extra summary lines (baseline, diff-base).
    notes: Vec<String>,
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
    let cfg = &loaded.config;
    let in_config = |e: String| match &loaded.path {
        Some(path) => format!("{}: {e}", path.display()),
        None => e,
    };

    let select = args.select.as_deref().or(cfg.select.as_deref());
    let extend: Vec<String> = cfg.extend_select.iter().chain(&args.extend_select).cloned().collect();
    let ignore: Vec<String> = cfg.ignore.iter().chain(&args.ignore).cloned().collect();
    let mut rules = RuleSet::new(select, &extend, &ignore).map_err(|e| e.to_string())?;
    for (selector, level) in &cfg.levels {
        rules
            .set_level(selector, *level)
            .map_err(|e| in_config(format!("[levels]: {e}")))?;
    }
    let exclude_patterns: Vec<String> = cfg.exclude.iter().chain(&args.exclude).cloned().collect();
    let exclude = glob::GlobList::new(&exclude_patterns).map_err(in_config)?;
    let per_file_ignores = config::PerFileIgnores::new(&cfg.per_file_ignores).map_err(in_config)?;
    for selectors in cfg.per_file_ignores.values() {
        RuleSet::new(Some(selectors), &[], &[]).map_err(|e| in_config(format!("[per-file-ignores]: {e}")))?;
    }
    let settings = cfg.settings();
    let fail_on = args.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Warning);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // More threads than this only costs: each one is a stack and a scheduler slot, and
    // `--threads 10000` once spent a minute starting threads on an empty folder.
    let threads = args.threads.unwrap_or(cores).clamp(1, cores * MAX_THREADS_PER_CORE);
    // Checked before the scan, so a wrong ref fails fast.
    let changed = args
        .diff_base
        .as_deref()
        .map(|base| git::ChangedLines::since(base, args.staged))
        .transpose()?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let max_file_size = cfg.max_file_size.unwrap_or(config::DEFAULT_MAX_FILE_SIZE);
    let mut outcome = if let Some(range) = &args.git_history {
        let options = history::Options {
            range,
            paths: &args.paths,
            settings: &settings,
            rules: &rules,
            max_file_size,
            exclude: &exclude,
            per_file_ignores: &per_file_ignores,
            base: &loaded.base,
        };
        let records = pool.install(|| history::scan(&options))?;
        scan::Outcome {
            records,
            diagnostics: Vec::new(),
            files_scanned: 0,
        }
    } else {
        let walked = if args.staged {
            staged(&args.paths, &exclude, &loaded.base)?
        } else {
            walk::walk(&paths, &exclude, &loaded.base, threads)
        };
        let progress = progress_bar(walked.files.len());
        let options = scan::Options {
            rules: &rules,
            settings: &settings,
            max_file_size,
            per_file_ignores: &per_file_ignores,
            base: &loaded.base,
            line_hashes: args.format == Format::Sarif,
        };
        let mut outcome = pool.install(|| scan::scan(&walked.files, &options, &tollgate_analyzers::analyze, &progress));
        progress.finish_and_clear();
        outcome.diagnostics.extend(walked.diagnostics);
        outcome.diagnostics.sort();
        outcome
    };

    let mut notes = Vec::new();
    if let Some(changed) = &changed {
        let before = outcome.records.len();
        outcome
            .records
            .retain(|r| changed.touches(&r.path, r.region.start_line, r.region.end_line));
        let dropped = before - outcome.records.len();
        if dropped > 0 {
            notes.push(format!(
                "{dropped} findings on lines unchanged since the merge base with {} were left out.",
                args.diff_base.as_deref().unwrap_or_default()
            ));
        }
    }
    if let Some(path) = &args.baseline {
        let applied = baseline::apply(path, &mut outcome.records)?;
        notes.push(format!(
            "{} findings recorded in the baseline {} were left out.",
            applied.dropped,
            path.display()
        ));
        if applied.stale > 0 {
            notes.push(format!(
                "{} baseline entries no longer match anything (fixed?): run `tollgate baseline` again to shrink it.",
                applied.stale
            ));
        }
    }
    Ok(Scanned {
        outcome,
        rules,
        fail_on,
        notes,
    })
}

/// The staged blobs of the files under `paths` (all staged files when none is given). The
/// excludes apply as in a walk: to every file but those named exactly.
fn staged(paths: &[PathBuf], exclude: &glob::GlobList, base: &std::path::Path) -> Result<walk::Walk, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let wanted: Vec<String> = paths
        .iter()
        .map(|p| {
            walk::slash_path(p)
                .trim_start_matches("./")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();
    let from_base = |path: &str| {
        cwd.join(path)
            .strip_prefix(base)
            .map(walk::slash_path)
            .unwrap_or_else(|_| path.to_string())
    };
    // A directory named although excluded: inside it, globs match from it (as in a walk).
    let forced: Vec<String> = wanted
        .iter()
        .filter(|w| !w.is_empty() && *w != "." && walk::is_excluded(exclude, &from_base(w)))
        .map(|w| format!("{w}/"))
        .collect();
    let files = git::staged_files()?
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
                None => from_base(&f.path),
            };
            under && !walk::is_excluded(exclude, &relative)
        })
        .map(|f| walk::FileEntry {
            path: PathBuf::from(&f.path),
            display: f.path,
            explicit: true,
            content: Some(f.content),
        })
        .collect();
    Ok(walk::Walk {
        files,
        diagnostics: Vec::new(),
    })
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let Scanned {
        outcome,
        rules,
        fail_on,
        notes,
    } = run(&args)?;
    for diagnostic in &outcome.diagnostics {
        if !diagnostic.quiet || args.verbose {
            eprintln!(
                "tollgate: {}: {}",
                report::escape::terminal(&diagnostic.path),
                report::escape::terminal(&diagnostic.message)
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
    };
    match &args.output {
        Some(path) => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
            }
            let file = std::fs::File::create(path).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            let mut out = std::io::BufWriter::new(file);
            report::write(args.format, &report, &mut out)
                .and_then(|_| out.flush())
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            eprint!("{}", report::summary(&report));
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            if let Err(e) = report::write(args.format, &report, &mut out).and_then(|_| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(format!("cannot write the report: {e}"));
                }
            }
            if args.format != Format::Text {
                // Machine formats keep stdout clean; people still get the summary.
                eprint!("{}", report::summary(&report));
            }
        }
    }
    if let Some(path) = &args.summary {
        write_summary(path, &report)?;
    }
    let failed = outcome.records.iter().any(|r| fail_on.fails(r.level));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Appends (as GitHub expects for `$GITHUB_STEP_SUMMARY`) a Markdown summary, with links to
/// the lines when running in GitHub Actions.
fn write_summary(path: &std::path::Path, report: &report::Report) -> Result<(), String> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let blob_url = match (env("GITHUB_SERVER_URL"), env("GITHUB_REPOSITORY"), env("GITHUB_SHA")) {
        (Some(server), Some(repo), Some(sha)) => Some(format!("{server}/{repo}/blob/{sha}")),
        _ => None,
    };
    let text = report::markdown_summary(report, blob_url.as_deref());
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("{}: cannot write the summary: {e}", path.display()))
}

fn record_baseline(args: CheckArgs) -> Result<ExitCode, String> {
    let path = args
        .output
        .clone()
        .ok_or("baseline: give the file to write with -o FILE")?;
    if args.baseline.is_some() {
        return Err("baseline: --baseline cannot be combined with recording a baseline".into());
    }
    let Scanned { outcome, .. } = run(&args)?;
    let count = baseline::write(&path, &outcome.records)?;
    eprintln!(
        "Recorded {count} findings in {}.",
        report::escape::terminal(&path.display().to_string())
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

fn rules(format: CatalogueFormat) -> Result<ExitCode, String> {
    let rules = catalogue().rules();
    let mut out = String::new();
    match format {
        CatalogueFormat::Text => {
            for rule in rules {
                let default = if rule.default_enabled { "" } else { " (off by default)" };
                let peers = if rule.peers.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", rule.peers.join(", "))
                };
                out.push_str(&format!(
                    "{:<40} {:<8} {}{default}{peers}\n",
                    rule.id,
                    rule.level.as_str(),
                    rule.summary
                ));
            }
        }
        CatalogueFormat::Markdown => {
            out.push_str("| rule | level | summary | peers |\n|---|---|---|---|\n");
            for rule in rules {
                let default = if rule.default_enabled { "" } else { " (off by default)" };
                let peers: Vec<String> = rule.peers.iter().map(|p| format!("`{p}`")).collect();
                out.push_str(&format!(
                    "| `{}` | {}{default} | {} | {} |\n",
                    rule.id,
                    rule.level,
                    rule.summary.replace('|', "\\|"),
                    peers.join(", ")
                ));
            }
        }
        CatalogueFormat::Json => {
            let list: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "summary": r.summary,
                        "level": r.level.as_str(),
                        "default_enabled": r.default_enabled,
                        "tags": r.tags,
                        "security_severity": r.security_severity,
                        "precision": r.precision.as_str(),
                        "peers": r.peers,
                        "help": r.help,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())? + "\n";
        }
    }
    print_stdout(&out);
    Ok(ExitCode::SUCCESS)
}

fn explain(id: &str) -> Result<ExitCode, String> {
    let rule = tollgate_rules::find(id).ok_or_else(|| format!("unknown rule `{id}` (see `tollgate rules`)"))?;
    let mut text = format!("# {}\n\n{}.\n\nLevel: {}", rule.id, rule.summary, rule.level);
    if !rule.default_enabled {
        text.push_str(" (off by default)");
    }
    text.push_str(&format!("; precision: {}", rule.precision.as_str()));
    if let Some(severity) = rule.security_severity {
        text.push_str(&format!("; security-severity: {severity:.1}"));
    }
    if !rule.tags.is_empty() {
        text.push_str(&format!("; tags: {}", rule.tags.join(", ")));
    }
    if !rule.peers.is_empty() {
        text.push_str(&format!("\nPeers: {}", rule.peers.join(", ")));
    }
    text.push_str("\n\n");
    text.push_str(rule.help.trim_end());
    text.push('\n');
    print_stdout(&text);
    Ok(ExitCode::SUCCESS)
}

/// Prints, ignoring a closed pipe (`tollgate rules | head`).
fn print_stdout(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
