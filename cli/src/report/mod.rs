//! Reporters: one per output format, each a function of the sorted records; and the rule
//! catalogue.

pub mod catalogue;
pub mod escape;
mod github;
mod gitlab;
mod json;
mod markdown;
mod sarif;
pub mod statistics;
mod text;

use std::io::{self, Write};

use tollgate_rules::RuleSet;

use crate::record::{Diagnostic, Record};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Sarif,
    Github,
    Gitlab,
}

pub struct Report<'a> {
    pub records: &'a [Record],
    pub diagnostics: &'a [Diagnostic],
    pub rules: &'a RuleSet,
    pub files_scanned: usize,
    /// Colour the text report.
    pub color: bool,
    /// Extra summary lines (baseline, diff-base).
    pub notes: &'a [String],
    /// The tools whose SARIF was imported: SARIF gives each its own run.
    pub tools: &'a [crate::import::Tool],
    /// Cut SARIF to GitHub's limits; not a shard's report, which `tollgate merge` reads
    /// whole and cuts once.
    pub within_limits: bool,
    /// The run gated on a diff (`--gate-diff-base`, or reports read back that did): every
    /// finding's properties say whether it gates.
    pub gates_marked: bool,
}

impl Format {
    /// As people call it: `SARIF`, `JSON`, `text`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "JSON",
            Format::Sarif => "SARIF",
            Format::Github => "annotations",
            Format::Gitlab => "Code Quality",
        }
    }
}

/// Writes the report; returns what the writer had to leave out to fit the format's limits
/// (GitHub's, for SARIF), as lines for the summary.
pub fn write(format: Format, report: &Report, out: &mut dyn Write) -> io::Result<Vec<String>> {
    match format {
        Format::Text => text::write(report, out).map(|_| Vec::new()),
        Format::Json => json::write(report, out).map(|_| Vec::new()),
        Format::Sarif => sarif::write(report, out),
        Format::Github => github::write(report, out).map(|_| Vec::new()),
        Format::Gitlab => gitlab::write(report, out).map(|_| Vec::new()),
    }
}

/// The domains a summary counts by: tollgate's, then each imported tool's, in the order
/// their SARIF was read.
fn domains(report: &Report) -> Vec<&'static str> {
    let mut domains: Vec<&'static str> = tollgate_rules::DOMAINS.to_vec();
    for tool in report.tools {
        let named = report.records.iter().map(|r| r.rule.domain()).find(|d| *d == tool.slug);
        if let Some(domain) = named.filter(|d| !domains.contains(d)) {
            domains.push(domain);
        }
    }
    domains
}

pub use markdown::summary as markdown_summary;
pub use text::summary;
