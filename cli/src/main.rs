//! tollgate: one fast, offline gate for a repository. This file parses the command line and
//! hands each command to its module.

mod baseline;
mod cache;
mod check;
mod config;
mod fingerprint;
mod git;
mod glob;
mod history;
mod import;
mod imported;
mod pipeline;
mod record;
mod report;
mod roles;
mod scan;
mod suppress;
mod walk;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::check::MinLevel;
use crate::config::FailOn;
use crate::report::catalogue::{self, CatalogueFormat};
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
    /// Merge SARIF files (other tools', or tollgate's) into one report within GitHub's
    /// limits: suppression comments, baseline and diff apply, duplicates are merged.
    Merge(MergeArgs),
    /// Remove the result cache (`.tollgate_cache` at the project root, or --cache-dir).
    Clean {
        /// The cache folder [default: TOLLGATE_CACHE_DIR, else `.tollgate_cache` at the
        /// project root].
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
        /// Config file, whose folder is the project root.
        #[arg(long)]
        config: Option<PathBuf>,
    },
}

#[derive(clap::Args, Default)]
pub struct CheckArgs {
    /// Files or directories to scan. Files named here are scanned even if ignored.
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the report to this file and keep a summary on stderr.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level remains [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Rule ids or prefixes to run instead of the default set (`none` runs no rule).
    #[arg(long, value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Rule ids or prefixes to add to the set.
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    /// Rule ids or prefixes not to run.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Globs of paths not to scan, on top of the config's `exclude`.
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<String>,
    /// Config file (else tollgate.toml, .tollgate.toml or pyproject.toml, found from the
    /// current directory upward to the repository root). ruff's, hadolint's, zizmor's and
    /// gitleaks' configs are read from there too, under it (`read-configs`).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Worker threads [default: the number of cores; at most four per core].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also list every skipped file (binary, over the size limit).
    #[arg(long, short)]
    pub verbose: bool,
    /// Scan what is staged in the git index (the blobs the next commit will contain).
    #[arg(long, conflicts_with = "git_history")]
    pub staged: bool,
    /// Keep only findings on lines added or changed since merge-base(REF, HEAD).
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Report every finding, but fail only on those on lines added or changed since
    /// merge-base(REF, HEAD), and on security findings wherever they are. `HEAD` gates what
    /// is being committed (everything, before the first commit).
    #[arg(long, value_name = "REF", conflicts_with_all = ["diff_base", "git_history"])]
    pub gate_diff_base: Option<String>,
    /// Also append a Markdown summary to this file (e.g. "$GITHUB_STEP_SUMMARY").
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Report only findings at or above this level (the others are left out, also from the gate).
    #[arg(long, value_enum)]
    pub min_level: Option<MinLevel>,
    /// Print how many findings each rule has (text or json) instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Secrets in every commit's added lines (all refs, or a RANGE such as `main..HEAD`)
    /// instead of the files on disk.
    /// PATHs, if given, limit the history to them.
    #[arg(long, value_name = "RANGE", num_args = 0..=1, default_missing_value = "--all", require_equals = false,
          conflicts_with = "diff_base")]
    pub git_history: Option<String>,
    /// Drop findings recorded in this baseline file (see `tollgate baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Print the settings in effect, each with the file it came from (tollgate's config or
    /// ruff's, hadolint's, zizmor's, gitleaks'), and exit.
    #[arg(long)]
    pub show_config: bool,
    /// Analyse every file again, and leave the result cache as it is (also when
    /// TOLLGATE_NO_CACHE is set, to anything but 0 or false).
    #[arg(long)]
    pub no_cache: bool,
    /// Where the result cache lives [default: TOLLGATE_CACHE_DIR, else `.tollgate_cache` at
    /// the project root: the config's folder, else the repository's root].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Other tools' SARIF 2.1.0 files: their findings go through the same suppression comments,
    /// per-file-ignores, baseline, diff and gate, and into the report (one run per tool in
    /// SARIF). Put it after the paths: it takes every file that follows.
    #[arg(long = "import-sarif", value_name = "FILE", num_args = 1..)]
    pub import_sarif: Vec<PathBuf>,
    /// Benchmarks only: parse Python and stop (no metrics, no duplicate-code windows).
    #[arg(long, hide = true)]
    pub bench_parse_only: bool,
    /// `tollgate merge`: no tree to scan, only the imported SARIF.
    #[arg(skip)]
    pub merge_only: bool,
    /// Scan shard I of N (1-based): the files whose path hashes to it, so that a file stays
    /// in its shard when others are added. Needs `--format sarif -o FILE`; the shard's
    /// duplication windows go to FILE.windows, and `tollgate merge` of the N reports gives
    /// the report of one run, cross-file duplication included.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
}

/// `I/N`, 1 <= I <= N.
fn parse_shard(value: &str) -> Result<(usize, usize), String> {
    let (i, n) = value.split_once('/').ok_or("a shard is I/N, such as 2/4")?;
    let (i, n): (usize, usize) = (
        i.trim().parse().map_err(|_| format!("`{i}` is not a shard number"))?,
        n.trim().parse().map_err(|_| format!("`{n}` is not a shard count"))?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(format!("shard {i}/{n}: I must be between 1 and N"));
    }
    Ok((i, n))
}

/// `tollgate merge`: SARIF files into one report, through the same pipeline as a scan's
/// findings.
#[derive(clap::Args)]
pub struct MergeArgs {
    /// SARIF 2.1.0 files: other tools' reports, or tollgate's own.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "sarif")]
    pub format: Format,
    /// Write the report to this file and keep a summary on stderr.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this level remains [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Config file [default: the nearest tollgate.toml or pyproject.toml].
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Leave out the findings recorded in this baseline file.
    #[arg(long)]
    pub baseline: Option<PathBuf>,
    /// Keep only findings on lines added or changed since merge-base(REF, HEAD).
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Report every finding but gate only those new since merge-base(REF, HEAD), as `check
    /// --gate-diff-base` does: the findings of shards run with it keep the gate they gave.
    #[arg(long, value_name = "REF", conflicts_with = "diff_base")]
    pub gate_diff_base: Option<String>,
    /// Append a Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY).
    #[arg(long)]
    pub summary: Option<PathBuf>,
}

/// mimalloc for the whole process: the scan allocates per file on every worker thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (15 in its option enum; the sys crate names no constant
/// for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc asks the kernel for transparent huge pages, and the kernel zeroes 2 MiB at the first
/// touch of each: the parsers' short-lived trees then cost more in page zeroing than in the
/// memory they use (up to 8% of a profile of a smells run over 3,500 files; with plain pages,
/// under 0.1%). Plain pages for the process.
#[cfg(target_os = "linux")]
fn disable_transparent_huge_pages() {
    extern "C" {
        fn prctl(option: std::ffi::c_int, ...) -> std::ffi::c_int;
    }
    const PR_SET_THP_DISABLE: std::ffi::c_int = 41;
    // SAFETY: prctl with PR_SET_THP_DISABLE takes four integer arguments and changes only how
    // the kernel backs this process's memory; a failure (an old kernel) leaves it as it was.
    unsafe {
        prctl(
            PR_SET_THP_DISABLE,
            1 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
            0 as std::ffi::c_ulong,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn disable_transparent_huge_pages() {}

fn main() -> ExitCode {
    // A scan frees and allocates file-sized buffers on every thread: memory handed back to
    // the system is handed out again moments later, zeroed page by page by the kernel. Keep
    // it (peak memory is bounded by the files in flight, not by the tree).
    // SAFETY: sets a process-wide option before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    disable_transparent_huge_pages();
    tollgate_analyzers::use_mimalloc_for_parsers();
    let cli = Cli::parse();
    scan::install_panic_hook();
    let result = match cli.command {
        Command::Check(args) => check::check(&args),
        Command::Rules { format } => catalogue::rules(format).map(print_stdout),
        Command::Explain { rule } => catalogue::explain(&rule).map(print_stdout),
        Command::Baseline(args) => check::record_baseline(&args),
        Command::Merge(args) => check::check(&CheckArgs {
            import_sarif: args.files,
            format: args.format,
            output: args.output,
            fail_on: args.fail_on,
            config: args.config,
            baseline: args.baseline,
            diff_base: args.diff_base,
            gate_diff_base: args.gate_diff_base,
            summary: args.summary,
            merge_only: true,
            ..CheckArgs::default()
        }),
        Command::Clean { cache_dir, config } => check::clean(cache_dir.as_deref(), config.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("tollgate: error: {}", report::escape::terminal_lines(&message));
            ExitCode::from(2)
        }
    }
}

/// Prints, ignoring a closed pipe (`tollgate rules | head`).
fn print_stdout(text: String) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
