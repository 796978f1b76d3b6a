use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{json, Value};
use tollgate_rules::Level;

use super::Report;

/// GitLab Code Quality: an array of issues. Fingerprints must be unique per report, so a
/// second identical finding gets its occurrence number mixed in.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let issues: Vec<Value> = report
        .records
        .iter()
        .map(|r| {
            let n = seen.entry(r.fingerprint.as_str()).or_insert(0);
            *n += 1;
            let fingerprint = if *n == 1 {
                r.fingerprint.clone()
            } else {
                crate::fingerprint::content_fingerprint(r.rule.id, &r.path, &format!("{} #{n}", r.fingerprint))
            };
            let severity = match r.level {
                Level::Error if r.rule.security_severity.is_some_and(|s| s >= 9.0) => "critical",
                Level::Error => "major",
                Level::Warning => "minor",
                Level::Note => "info",
            };
            json!({
                "description": format!("{}: {}", r.rule.id, r.message),
                "check_name": r.rule.id,
                "fingerprint": fingerprint,
                "severity": severity,
                "location": {
                    "path": r.path,
                    "lines": { "begin": r.region.start_line, "end": r.region.end_line },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
