use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};
use tollgate_rules::Rule;

use super::Report;
use crate::record::Record;

/// Results rendered in parallel before they are written.
const RENDER_BATCH: usize = 4096;

/// GitHub code scanning accepts at most this many results in a run.
pub const MAX_RESULTS: usize = 25_000;

/// SARIF 2.1.0, one run, ready for GitHub code scanning. Results are written one at a time,
/// a line each, so a large report never exists twice in memory.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<&Rule> = report.rules.enabled().collect();
    let rule_index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut notifications: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "level": if d.quiet { "note" } else { "warning" },
                "message": { "text": d.message },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact(&d.path) } }],
            })
        })
        .collect();
    if report.records.len() > MAX_RESULTS {
        notifications.push(json!({
            "level": "warning",
            "message": { "text": format!("{} findings, only the first {MAX_RESULTS} are in this report (GitHub's limit per run)", report.records.len()) },
        }));
    }
    let tool = json!({ "driver": {
        "name": "tollgate",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/tollgate-dev/tollgate",
        "rules": rules.iter().map(|r| rule(r)).collect::<Vec<_>>(),
    }});
    let invocations = json!([{ "executionSuccessful": true, "toolExecutionNotifications": notifications }]);
    out.write_all(
        b"{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":",
    )?;
    serde_json::to_writer(&mut *out, &tool)?;
    out.write_all(b",\n\"invocations\":")?;
    serde_json::to_writer(&mut *out, &invocations)?;
    out.write_all(b",\n\"columnKind\":\"utf16CodeUnits\",\n\"results\":[")?;
    // Rendered a batch at a time on every thread, written in order: a large report is never
    // held whole, and its rendering is not left to one core.
    let shown = &report.records[..report.records.len().min(MAX_RESULTS)];
    for (batch_index, batch) in shown.chunks(RENDER_BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> = batch
            .par_chunks(64)
            .map(|records| {
                let mut buf = Vec::with_capacity(records.len() * 1024);
                for record in records {
                    buf.extend_from_slice(b",\n");
                    serde_json::to_writer(&mut buf, &result(record, rule_index[record.rule.id]))
                        .expect("a SARIF result serializes to memory");
                }
                buf
            })
            .collect();
        for (i, buf) in rendered.iter().enumerate() {
            // The first result of the report has no comma before it.
            let skip = if batch_index == 0 && i == 0 { 1 } else { 0 };
            out.write_all(&buf[skip..])?;
        }
    }
    out.write_all(b"\n]}]}\n")
}

fn rule(rule: &Rule) -> Value {
    let mut properties = json!({
        "tags": rule.tags,
        "precision": rule.precision.as_str(),
        "peers": rule.peers,
    });
    if let Some(severity) = rule.security_severity {
        properties["security-severity"] = json!(format!("{severity:.1}"));
    }
    json!({
        "id": rule.id,
        "name": rule.id,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        "help": { "text": rule.help, "markdown": rule.help },
        "defaultConfiguration": { "level": rule.level.as_str(), "enabled": rule.default_enabled },
        "properties": properties,
    })
}

/// An `artifactLocation`: a relative path against `%SRCROOT%`, an absolute one as a file URI.
#[derive(Serialize)]
struct Artifact<'a> {
    uri: Cow<'a, str>,
    #[serde(rename = "uriBaseId", skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

fn artifact(path: &str) -> Artifact<'_> {
    if path.starts_with('/') {
        Artifact {
            uri: Cow::Owned(format!("file://{}", encode_uri(path))),
            uri_base_id: None,
        }
    } else {
        Artifact {
            uri: relative_uri(path),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

/// A relative reference whose first segment holds a `:` would read as a scheme
/// (`javascript:alert(1).env`); RFC 3986 §4.2 says to put `./` before it.
fn relative_uri(path: &str) -> Cow<'_, str> {
    let encoded = encode_uri(path);
    if encoded.split('/').next().is_some_and(|first| first.contains(':')) {
        Cow::Owned(format!("./{encoded}"))
    } else {
        encoded
    }
}

/// A URI path byte that needs no percent-encoding.
fn allowed_in_uri(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte)
}

/// Percent-encodes what is not allowed in a URI path (most paths need nothing).
pub(super) fn encode_uri(path: &str) -> Cow<'_, str> {
    if path.bytes().all(allowed_in_uri) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    for byte in path.bytes() {
        if allowed_in_uri(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Cow::Owned(out)
}

/// The SARIF types below are written as they are declared: their fields are in the order
/// of their JSON names, as the rest of the report (`serde_json` maps) has them.
#[derive(Serialize)]
struct SarifRegion {
    #[serde(rename = "endColumn")]
    end_column: usize,
    #[serde(rename = "endLine")]
    end_line: usize,
    #[serde(rename = "startColumn")]
    start_column: usize,
    #[serde(rename = "startLine")]
    start_line: usize,
}

fn region(region: &tollgate_rules::Region) -> SarifRegion {
    SarifRegion {
        end_column: region.end_column,
        end_line: region.end_line,
        start_column: region.start_column,
        start_line: region.start_line,
    }
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Physical<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: Artifact<'a>,
    region: SarifRegion,
}

#[derive(Serialize)]
struct Location<'a> {
    #[serde(rename = "physicalLocation")]
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
struct RelatedLocation<'a> {
    id: usize,
    message: Text<'a>,
    #[serde(rename = "physicalLocation")]
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
struct Fingerprints<'a> {
    #[serde(rename = "primaryLocationLineHash")]
    line_hash: &'a str,
    #[serde(rename = "tollgate/v1")]
    tollgate: &'a str,
}

#[derive(Serialize)]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Text<'a>,
    #[serde(rename = "partialFingerprints")]
    partial_fingerprints: Fingerprints<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Map<String, Value>>,
    #[serde(rename = "relatedLocations", skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    #[serde(rename = "ruleId")]
    rule_id: &'static str,
    #[serde(rename = "ruleIndex")]
    rule_index: usize,
}

/// One result, borrowing from its record: a report has tens of thousands.
fn result(r: &Record, index: usize) -> SarifResult<'_> {
    let properties = super::json::properties(r);
    SarifResult {
        level: r.level.as_str(),
        locations: [Location {
            physical_location: Physical {
                artifact_location: artifact(&r.path),
                region: region(&r.region),
            },
        }],
        message: Text { text: &r.message },
        partial_fingerprints: Fingerprints {
            line_hash: &r.line_hash,
            tollgate: &r.fingerprint,
        },
        properties: (!properties.is_empty()).then_some(properties),
        related_locations: r
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| RelatedLocation {
                id: i,
                message: Text { text: &rel.message },
                physical_location: Physical {
                    artifact_location: artifact(&rel.path),
                    region: region(&rel.region),
                },
            })
            .collect(),
        rule_id: r.rule.id,
        rule_index: index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(encode_uri("a b/ü#.py"), "a%20b/%C3%BC%23.py");
    }

    #[test]
    fn a_colon_in_the_first_segment_is_not_a_scheme() {
        assert_eq!(relative_uri("javascript:alert(1).env"), "./javascript:alert(1).env");
        assert_eq!(relative_uri("src/a:b.py"), "src/a:b.py");
        assert_eq!(relative_uri("src/x.py"), "src/x.py");
    }
}
