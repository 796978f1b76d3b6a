//! tollgate: one fast, offline gate for a repository.

mod config;
mod fingerprint;
mod glob;
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
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CatalogueFormat {
    Text,
    Json,
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
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    select: Option<Vec<String>>,
    /// Rule ids or prefixes to add to the set.
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    extend_select: Vec<String>,
    /// Rule ids or prefixes not to run.
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    ignore: Vec<String>,
    /// Globs of paths not to scan, on top of the config's `exclude`.
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    exclude: Vec<String>,
    /// Config file (else tollgate.toml, .tollgate.toml or pyproject.toml, found upward).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Worker threads [default: the number of cores].
    #[arg(long)]
    threads: Option<usize>,
    /// Also list every skipped file (binary, over the size limit).
    #[arg(long, short)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    scan::install_panic_hook();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => rules(format),
        Command::Explain { rule } => explain(&rule),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tollgate: error: {message}");
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    for path in &paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    let start = walk::absolute(&paths[0]);
    let start = if start.is_dir() {
        start
    } else {
        start.parent().map(PathBuf::from).unwrap_or(start)
    };
    let loaded = config::load(args.config.as_deref(), &start)?;
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
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let walked = walk::walk(&paths, &exclude, &loaded.base, threads);
    let progress = progress_bar(walked.files.len());
    let options = scan::Options {
        rules: &rules,
        settings: &settings,
        max_file_size: cfg.max_file_size.unwrap_or(config::DEFAULT_MAX_FILE_SIZE),
        per_file_ignores: &per_file_ignores,
        base: &loaded.base,
    };
    let mut outcome = pool.install(|| scan::scan(&walked.files, &options, &tollgate_analyzers::analyze, &progress));
    progress.finish_and_clear();
    outcome.diagnostics.extend(walked.diagnostics);
    outcome.diagnostics.sort();

    for diagnostic in &outcome.diagnostics {
        if !diagnostic.quiet || args.verbose {
            eprintln!("tollgate: {}: {}", diagnostic.path, diagnostic.message);
        }
    }

    let color = args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let report = report::Report {
        records: &outcome.records,
        diagnostics: &outcome.diagnostics,
        rules: &rules,
        files_scanned: outcome.files_scanned,
        color,
    };
    match &args.output {
        Some(path) => {
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
        }
    }
    let failed = outcome.records.iter().any(|r| fail_on.fails(r.level));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
