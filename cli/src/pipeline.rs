//! What every finding goes through after analysis, in one order for the tree scan and
//! `--git-history`:
//!
//! - per file, while its text is at hand ([`Filters::file`]): findings of rules not selected
//!   are dropped, secrets are judged by where they are (`secrets::judge`: path roles, example
//!   comments), then suppression comments and per-file-ignores apply, before the caller
//!   places what is left (`record::place`);
//! - per run ([`finish`]): the records are sorted (path, line, column, rule), then those on
//!   lines unchanged since `--diff-base` and those recorded in the baseline are left out;
//!   under `--gate-diff-base`, those on unchanged lines stay in the report but stop gating,
//!   unless they are security findings (and the caller then gates again those that the
//!   file's version at the base did not have).

use std::path::Path;

use tollgate_rules::{select, tollgate, Finding, PropValue, Role, RuleSet};

use crate::baseline;
use crate::config::PerFileIgnores;
use crate::git::ChangedLines;
use crate::imported::Peers;
use crate::record::{self, Outcome, Record};
use crate::suppress;
use crate::walk;

/// What the per-file steps apply.
#[derive(Clone, Copy)]
pub struct Filters<'a> {
    pub rules: &'a RuleSet,
    pub per_file_ignores: &'a PerFileIgnores,
    /// The config's directory (absolute), which per-file-ignores globs are relative to.
    pub base: &'a Path,
    /// What other tools' configs leave out: findings at a place, allowed secrets.
    pub peers: &'a Peers,
}

impl Filters<'_> {
    /// The per-file steps on the findings of the file shown as `path`, found at `location`,
    /// whose text is `text`. `check_unused` reports our suppression comments that suppressed
    /// nothing.
    pub fn file(
        &self,
        path: &str,
        location: &Path,
        role: Option<Role>,
        text: &str,
        findings: &mut Vec<Finding>,
        check_unused: bool,
    ) {
        findings.retain(|f| self.rules.is_enabled(f.rule));
        tollgate_analyzers::secrets::judge(text, role, findings);
        let unused = check_unused && self.rules.is_enabled(tollgate::UNUSED_SUPPRESSION.id);
        if !findings.is_empty() || unused {
            suppress::apply(path, text, findings, self.rules, tollgate_rules::find, unused);
        }
        // After the comments: a comment that hides a finding its file also ignores is used,
        // and the ignores cover the unused-suppression reports too.
        if findings.is_empty() || (self.per_file_ignores.is_empty() && self.peers.is_empty()) {
            return;
        }
        let absolute = walk::absolute(location);
        if !self.per_file_ignores.is_empty() {
            let relative = walk::from_base(&absolute, self.base, path);
            let ignored = self.per_file_ignores.for_file(&relative, &absolute, role);
            findings.retain(|f| !ignored.iter().any(|selector| select::matches(selector, f.rule)));
        }
        self.peers.retain(&absolute, text, findings);
    }
}

/// `--diff-base` or `--gate-diff-base`: the ref as given, the lines changed since its merge
/// base, and what happens to findings elsewhere.
pub struct Diff<'a> {
    pub base: &'a str,
    pub changed: &'a ChangedLines,
    pub scope: DiffScope,
}

/// What a diff does to the findings that touch no changed line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffScope {
    /// `--diff-base`: left out of the report, and so of the gate.
    Report,
    /// `--gate-diff-base`: reported, but they fail the run only when their rule is a
    /// security rule. Old smells wait for a clean-up; a leaked key or an injectable workflow
    /// is a problem wherever it is.
    Gate,
}

/// A finding is new when any of its locations touches a changed line: a copy added beside
/// old code is reported at whichever copy comes last, which may be the old one.
fn touches(changed: &ChangedLines, record: &Record) -> bool {
    changed.touches(&record.path, record.region.start_line, record.region.end_line)
        || record
            .related
            .iter()
            .any(|r| changed.touches(&r.path, r.region.start_line, r.region.end_line))
}

/// The summary line for findings that `--gate-diff-base` kept out of the gate, if any: in
/// this run (`base` is its ref), or in the tollgate reports read back.
pub fn gate_note(records: &[Record], base: Option<&str>) -> Option<String> {
    let exempt = records.iter().filter(|r| !r.gates).count();
    (exempt > 0).then(|| {
        let findings = if exempt == 1 { "finding" } else { "findings" };
        let since = match base {
            Some(base) => format!("the merge base with {base}"),
            None => "their report's merge base".to_string(),
        };
        format!(
            "{exempt} {findings} on lines unchanged since {since} reported but not gating \
             (security findings gate wherever they are)."
        )
    })
}

/// Whether a finding gates, as the tollgate report it was read back from said (a shard run
/// under `--gate-diff-base`): `Some` until [`restore_gates`] applies it.
fn gate_of_its_report(record: &Record) -> Option<bool> {
    if tollgate_rules::is_imported(record.rule.id) {
        return None;
    }
    record.properties.iter().find_map(|(key, value)| match value {
        PropValue::Str(s) if *key == record::GATES => s.parse().ok(),
        _ => None,
    })
}

/// Applies what the tollgate reports read back said of their findings' gating (see
/// [`gate_of_its_report`]). Returns whether any said.
pub fn restore_gates(records: &mut [Record]) -> bool {
    let mut any = false;
    for record in records {
        if let Some(gates) = gate_of_its_report(record) {
            record.properties.retain(|(key, _)| *key != record::GATES);
            record.gates = gates;
            any = true;
        }
    }
    any
}

/// The per-run steps. Returns the summary lines that say what was left out.
pub fn finish(outcome: &mut Outcome, diff: Option<Diff>, baseline: Option<&Path>) -> Result<Vec<String>, String> {
    // First: the baseline matches counted fingerprints in this order, and the filters keep it.
    record::sort(&mut outcome.records);
    outcome.diagnostics.sort();
    let mut notes = Vec::new();
    match diff {
        Some(Diff {
            base,
            changed,
            scope: DiffScope::Report,
        }) => {
            let before = outcome.records.len();
            outcome.records.retain(|r| touches(changed, r));
            let dropped = before - outcome.records.len();
            if dropped > 0 {
                notes.push(format!(
                    "{dropped} findings on lines unchanged since the merge base with {base} were left out."
                ));
            }
        }
        Some(Diff {
            changed,
            scope: DiffScope::Gate,
            ..
        }) => {
            // Counted for the summary by the caller, after the last filter (`--min-level`).
            // A finding read back from a shard's report keeps the gate its run gave it: that
            // run could also scan the file as it was at the base.
            for record in outcome.records.iter_mut().filter(|r| gate_of_its_report(r).is_none()) {
                record.gates = record.rule.is_security() || touches(changed, record);
            }
        }
        None => {}
    }
    if let Some(path) = baseline {
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
    Ok(notes)
}
