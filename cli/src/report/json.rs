use std::io::{self, Write};

use serde_json::{json, Map, Value};
use tollgate_rules::PropValue;

use super::Report;
use crate::record::Record;

/// A plain array of findings with stable field names, for scripts.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let findings: Vec<Value> = report
        .records
        .iter()
        .map(|r| {
            json!({
                "rule": r.rule.id,
                "level": r.level.as_str(),
                "path": r.path,
                "line": r.region.start_line,
                "column": r.region.start_column,
                "end_line": r.region.end_line,
                "end_column": r.region.end_column,
                "message": r.message,
                "fingerprint": r.fingerprint,
                "properties": properties(r, report.gates_marked),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &findings)?;
    writeln!(out)
}

/// The measured value, the redacted secret and the analyzer's extra properties: shared by
/// the JSON and SARIF reports.
/// `gates_marked`: the run gated on a diff (`--gate-diff-base`), so each finding says whether
/// it gates.
pub fn properties(record: &Record, gates_marked: bool) -> Map<String, Value> {
    let mut map = Map::new();
    if let Some(metric) = &record.metric {
        map.insert("metric".into(), json!(metric.name));
        map.insert("value".into(), json!(metric.value));
        map.insert("threshold".into(), json!(metric.threshold));
    }
    if let Some(secret) = &record.secret {
        map.insert("secret".into(), json!(secret));
    }
    // Read back by `tollgate merge`, so that shards gate as one run would.
    if gates_marked {
        map.insert(crate::record::GATES.into(), json!(record.gates));
    }
    for (key, value) in &record.properties {
        let value = match value {
            PropValue::Str(s) => json!(s),
            PropValue::Int(i) => json!(i),
        };
        map.insert((*key).to_string(), value);
    }
    map
}
