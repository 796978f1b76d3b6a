//! `tollgate baseline` records today's findings; `--baseline FILE` drops them from a run.
//! Entries are keyed by the content fingerprint (rule, path, the finding's content; for a
//! secret, a hash of it), so they survive moved lines and unrelated edits, with a count per
//! key so that a second copy of the same problem is new.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::record::Record;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    rule: String,
    path: String,
    count: usize,
    /// For people reading the file; not used for matching.
    message: String,
}

pub fn write(path: &Path, records: &[Record]) -> Result<usize, String> {
    let mut entries: BTreeMap<(&str, &str, &str), Entry> = BTreeMap::new();
    for r in records {
        entries
            .entry((r.path.as_str(), r.rule.id, r.fingerprint.as_str()))
            .and_modify(|e| e.count += 1)
            .or_insert_with(|| Entry {
                fingerprint: r.fingerprint.clone(),
                rule: r.rule.id.to_string(),
                path: r.path.clone(),
                count: 1,
                message: r.message.clone(),
            });
    }
    let file = File {
        version: 1,
        findings: entries.into_values().collect(),
    };
    let text = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())? + "\n";
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(records.len())
}

/// What a baseline did to a run.
pub struct Applied {
    pub dropped: usize,
    /// Entries (counted) that matched nothing: fixed problems, to be removed from the file.
    pub stale: usize,
}

pub fn apply(path: &Path, records: &mut Vec<Record>) -> Result<Applied, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
    // Some Windows editors start the file with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let file: File =
        serde_json::from_str(text).map_err(|e| format!("{}: not a tollgate baseline: {e}", path.display()))?;
    if file.version != 1 {
        return Err(format!(
            "{}: baseline version {} is not supported (expected 1)",
            path.display(),
            file.version
        ));
    }
    let mut remaining: BTreeMap<String, usize> = BTreeMap::new();
    for entry in file.findings {
        *remaining.entry(entry.fingerprint).or_insert(0) += entry.count;
    }
    let before = records.len();
    records.retain(|r| match remaining.get_mut(&r.fingerprint) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
    Ok(Applied {
        dropped: before - records.len(),
        stale: remaining.values().sum(),
    })
}
