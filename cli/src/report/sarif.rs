use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{json, Map, Value};
use tollgate_rules::{Level, Rule};

use super::Report;
use crate::record::Record;

/// Results rendered in parallel at a time.
const RENDER_BATCH: usize = 4096;

/// GitHub code scanning's limits on an uploaded SARIF file: results in a run, locations and
/// related locations in a result, tags on a rule, and the file's gzip-compressed size.
pub const MAX_RESULTS: usize = 25_000;
pub const MAX_LOCATIONS: usize = 1_000;
pub const MAX_TAGS: usize = 20;
pub const MAX_GZIP_BYTES: u64 = 10_000_000;

/// Room kept under [`MAX_GZIP_BYTES`] for what the compressor still holds when a result is
/// counted, and for the end of the file.
const GZIP_MARGIN: u64 = 256 * 1024;

/// GitHub code scanning takes at most this many runs in a file.
pub const MAX_RUNS: usize = 20;

/// One run of the file: a tool, its rules, its results.
struct Run<'a> {
    driver: Value,
    /// The rules, in `driver.rules`' order.
    rules: Vec<&'static Rule>,
    records: Vec<&'a Record>,
    /// Another tool's run: results carry its own rule ids.
    imported: bool,
    /// The category (`automationDetails.id`) when the file has several runs.
    category: Option<String>,
    /// Notes on the run beside the diagnostics (tools folded into it).
    notes: Vec<String>,
}

/// SARIF 2.1.0 within GitHub code scanning's limits: tollgate's run, then a run per tool
/// whose SARIF was imported (its own name, rule ids and fingerprints, so that its alerts
/// stay the same alerts), each with its category when there are several; past
/// [`MAX_RUNS`], the remaining tools' results join tollgate's run. When there are more
/// results than a run may hold, or they would make the file too large once compressed, the
/// least severe are left out (then the last in the report's order), and the run's
/// `toolExecutionNotifications` say how many and of which level. Returns that account for
/// the summary, if anything was left out.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<Vec<String>> {
    let runs = runs(report);
    let several = runs.len() > 1;
    out.write_all(b"{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[")?;
    let mut budget = MAX_GZIP_BYTES - GZIP_MARGIN;
    let mut account = Vec::new();
    for (n, run) in runs.iter().enumerate() {
        if n > 0 {
            out.write_all(b",\n")?;
        }
        let rule_index: HashMap<&str, usize> = run.rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        let mut head = b"{\"tool\":".to_vec();
        serde_json::to_writer(&mut head, &json!({ "driver": run.driver }))?;
        if let Some(category) = &run.category {
            head.extend_from_slice(b",\n\"automationDetails\":");
            serde_json::to_writer(&mut head, &json!({ "id": category }))?;
        }
        head.extend_from_slice(b",\n\"columnKind\":\"utf16CodeUnits\",\n\"results\":[");
        // The diagnostics are tollgate's, told in its run. Rendered one by one: a tree of
        // tens of thousands of skipped files has as many, which as JSON values took more
        // memory than the whole scan.
        let mut notifications: Vec<Vec<u8>> = if n == 0 {
            report
                .diagnostics
                .iter()
                .map(|d| {
                    let level = if d.quiet { "note" } else { "warning" };
                    notification(level, &d.message, Some(&d.path))
                })
                .collect()
        } else {
            Vec::new()
        };
        for note in &run.notes {
            notifications.push(notification("note", note, None));
        }
        // The end of the run, but for the account of what was left out (a line at most).
        let tail_size = notifications.iter().map(|n| n.len() as u64 + 1).sum::<u64>() + 1024;
        let fitted = fit(
            &run.records,
            &rule_index,
            run.imported,
            head.len() as u64 + tail_size,
            budget,
            report,
        );
        budget = budget.saturating_sub(fitted.size);
        if let Some(left_out) = fitted.left_out(&run.records) {
            let left_out = if several {
                format!("{}: {left_out}", run.driver["name"].as_str().unwrap_or("tool"))
            } else {
                left_out
            };
            notifications.push(notification("warning", &left_out, None));
            account.push(left_out);
        }
        if fitted.cut_related > 0 {
            let text = format!(
                "{} results had more than {MAX_LOCATIONS} related locations (GitHub's limit); the first {MAX_LOCATIONS} are kept",
                fitted.cut_related
            );
            notifications.push(notification("note", &text, None));
        }
        out.write_all(&head)?;
        for (i, result) in fitted.rendered.iter().enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(result)?;
        }
        out.write_all(b"\n],\n\"invocations\":[{\"executionSuccessful\":true,")?;
        if !run.imported {
            // How many files the scan analysed, for `tollgate merge` to add up over shards.
            let mut properties = Map::new();
            properties.insert(crate::import::FILES_SCANNED.into(), json!(report.files_scanned));
            out.write_all(b"\"properties\":")?;
            serde_json::to_writer(&mut *out, &properties)?;
            out.write_all(b",")?;
        }
        out.write_all(b"\"toolExecutionNotifications\":[")?;
        for (i, notification) in notifications.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(notification)?;
        }
        out.write_all(b"]}]}")?;
    }
    out.write_all(b"]}\n")?;
    Ok(account)
}

/// tollgate's run and the imported tools' runs, in the order their SARIF was read.
fn runs<'a>(report: &Report<'a>) -> Vec<Run<'a>> {
    let mut own = Run {
        driver: json!({
            "name": "tollgate",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "informationUri": "https://github.com/tollgate-dev/tollgate",
        }),
        rules: report.rules.enabled().collect(),
        records: Vec::new(),
        imported: false,
        category: None,
        notes: Vec::new(),
    };
    let mut tools: Vec<Run> = Vec::new();
    let mut run_of: HashMap<&str, usize> = HashMap::new();
    for tool in report.tools {
        // Room for tollgate's run: the last tools that do not fit join it.
        if tools.len() + 1 >= MAX_RUNS {
            own.notes.push(format!(
                "{}'s findings are in this run: a SARIF file holds at most {MAX_RUNS} runs for GitHub",
                tool.name
            ));
            continue;
        }
        run_of.insert(tool.slug.as_str(), tools.len());
        let mut driver = json!({ "name": tool.name });
        if let Some(version) = &tool.version {
            driver["version"] = json!(version);
        }
        if let Some(uri) = &tool.information_uri {
            driver["informationUri"] = json!(uri);
        }
        tools.push(Run {
            driver,
            rules: Vec::new(),
            records: Vec::new(),
            imported: true,
            category: Some(format!("{}/", tool.slug)),
            notes: Vec::new(),
        });
    }
    for record in report.records {
        let imported = tollgate_rules::is_imported(record.rule.id);
        let run = match run_of.get(record.rule.domain()) {
            Some(&i) if imported => &mut tools[i],
            _ => &mut own,
        };
        if imported && !run.rules.iter().any(|r| r.id == record.rule.id) {
            run.rules.push(record.rule);
        }
        run.records.push(record);
    }
    for run in &mut tools {
        run.rules.sort_by_key(|r| r.id);
    }
    if !tools.is_empty() {
        own.category = Some("tollgate/".to_string());
    }
    for run in std::iter::once(&mut own).chain(&mut tools) {
        let rules: Vec<Value> = run.rules.iter().map(|r| rule(r, run.imported)).collect();
        run.driver["rules"] = json!(rules);
    }
    std::iter::once(own).chain(tools).collect()
}

/// The results a run keeps, rendered, in the report's order.
struct Fitted {
    rendered: Vec<Vec<u8>>,
    /// Their bytes, uncompressed (an upper bound of what they take compressed).
    size: u64,
    /// Indices of the records kept.
    kept: Vec<usize>,
    /// Results whose related locations were cut to [`MAX_LOCATIONS`].
    cut_related: usize,
    /// Results left out because of the file's compressed size (the rest were over the count).
    over_size: usize,
}

impl Fitted {
    /// "N findings, M in this report: left out K notes, ... (GitHub's limits)".
    fn left_out(&self, records: &[&Record]) -> Option<String> {
        if self.kept.len() == records.len() {
            return None;
        }
        let mut kept = vec![false; records.len()];
        for &i in &self.kept {
            kept[i] = true;
        }
        let mut counts = [0usize; 3];
        for (record, _) in records.iter().zip(&kept).filter(|(_, kept)| !**kept) {
            counts[record.level as usize] += 1;
        }
        let levels: Vec<String> = Level::ALL
            .iter()
            .filter(|level| counts[**level as usize] > 0)
            .map(|level| {
                format!(
                    "{} {}",
                    counts[*level as usize],
                    plural(level.as_str(), counts[*level as usize])
                )
            })
            .collect();
        let why = if self.over_size > 0 {
            format!(
                "GitHub's limits of {MAX_RESULTS} results a run and {} MB gzip-compressed a file",
                MAX_GZIP_BYTES / 1_000_000
            )
        } else {
            format!("GitHub's limit of {MAX_RESULTS} results a run")
        };
        Some(format!(
            "SARIF: {} findings, {} in the report; left out, least severe first: {} ({why})",
            records.len(),
            self.kept.len(),
            levels.join(", ")
        ))
    }
}

fn plural(word: &str, count: usize) -> String {
    if count == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Chooses the results of a run: the most severe first, then the report's order, at most
/// [`MAX_RESULTS`], and no more than fit in `budget` bytes compressed beside `fixed` bytes of
/// the rest of the run. Every result is rendered once; the compressed size is only computed
/// when the uncompressed one could be over.
fn fit(
    records: &[&Record],
    rule_index: &HashMap<&str, usize>,
    imported: bool,
    fixed: u64,
    budget: u64,
    report: &Report,
) -> Fitted {
    let within_limits = report.within_limits;
    let mut order: Vec<usize> = (0..records.len()).collect();
    // Stable: within a level, the report's order.
    order.sort_by_key(|&i| std::cmp::Reverse(records[i].level));
    if within_limits {
        order.truncate(MAX_RESULTS);
    }
    let mut rendered: Vec<Vec<u8>> = Vec::with_capacity(order.len());
    for batch in order.chunks(RENDER_BATCH) {
        rendered.par_extend(batch.par_iter().map(|&i| {
            let record = records[i];
            serde_json::to_vec(&result(
                record,
                rule_index[record.rule.id],
                imported,
                report.gates_marked,
            ))
            .expect("a SARIF result serializes to memory")
        }));
    }
    let cut_related = order
        .iter()
        .filter(|&&i| records[i].related.len() > MAX_LOCATIONS)
        .count();
    let raw: u64 = fixed + rendered.iter().map(|r| r.len() as u64 + 2).sum::<u64>();
    let mut over_size = 0;
    // gzip adds at most a few bytes per 64 KiB block to what it cannot compress.
    if within_limits && raw + raw / 1000 + 64 > budget {
        let keep = compressed_prefix(&rendered, fixed, budget);
        over_size = rendered.len() - keep;
        rendered.truncate(keep);
        order.truncate(keep);
    }
    let size = fixed + rendered.iter().map(|r| r.len() as u64 + 2).sum::<u64>();
    // Back to the report's order.
    let mut kept: Vec<(usize, Vec<u8>)> = order.into_iter().zip(rendered).collect();
    kept.sort_by_key(|(i, _)| *i);
    let (kept, rendered) = kept.into_iter().unzip();
    Fitted {
        rendered,
        size,
        kept,
        cut_related,
        over_size,
    }
}

/// How many of `results`, in order, fit in `budget` bytes gzip-compressed after `fixed`
/// bytes of the rest of the file (counted as incompressible: an upper bound).
fn compressed_prefix(results: &[Vec<u8>], fixed: u64, budget: u64) -> usize {
    let counter = Counter::default();
    let mut gzip = flate2::write::GzEncoder::new(counter, flate2::Compression::default());
    for (n, result) in results.iter().enumerate() {
        if gzip.write_all(result).and_then(|_| gzip.write_all(b",\n")).is_err() {
            return n;
        }
        if fixed + gzip.get_ref().0 > budget {
            return n;
        }
    }
    results.len()
}

/// A writer that only counts.
#[derive(Default)]
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A rule as its run names it: another tool's by its own id (`ruff/E501` is `E501`, and
/// `zizmor/unpinned-uses` is zizmor's own), which its first peer code keeps.
fn own_id(rule: &Rule, imported: bool) -> &str {
    let own = rule
        .peers
        .first()
        .and_then(|peer| peer.split_once(':'))
        .map(|(_, id)| id);
    match own {
        Some(id) if imported => id,
        _ => rule.id,
    }
}

fn rule(rule: &Rule, imported: bool) -> Value {
    let mut properties = json!({
        "tags": &rule.tags[..rule.tags.len().min(MAX_TAGS)],
        "precision": rule.precision.as_str(),
        "peers": rule.peers,
    });
    if let Some(severity) = rule.security_severity {
        properties["security-severity"] = json!(format!("{severity:.1}"));
    }
    let id = own_id(rule, imported);
    json!({
        "id": id,
        "name": id,
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

/// `primaryLocationLineHash`, `tollgate/v1`, and an imported result's own, by name (which
/// keeps them sorted, as the rest of the report's maps are).
type Fingerprints<'a> = std::collections::BTreeMap<&'a str, &'a str>;

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
    rule_id: &'a str,
    #[serde(rename = "ruleIndex")]
    rule_index: usize,
}

/// A notification of a run's invocation, as JSON: a diagnostic names its file.
fn notification(level: &str, text: &str, path: Option<&str>) -> Vec<u8> {
    let mut notification = json!({ "level": level, "message": { "text": text } });
    if let Some(path) = path {
        notification["locations"] = json!([{ "physicalLocation": { "artifactLocation": artifact(path) } }]);
    }
    serde_json::to_vec(&notification).expect("a notification serializes to memory")
}

/// One result, borrowing from its record: a report has tens of thousands.
fn result(r: &Record, index: usize, imported: bool, gates_marked: bool) -> SarifResult<'_> {
    let mut fingerprints = Fingerprints::from([
        ("primaryLocationLineHash", r.line_hash.as_str()),
        ("tollgate/v1", r.fingerprint.as_str()),
    ]);
    // The tool's own come last: its line hash is the one its alerts were matched on.
    for (key, value) in &r.fingerprints {
        fingerprints.insert(key, value);
    }
    let properties = super::json::properties(r, gates_marked);
    SarifResult {
        level: r.level.as_str(),
        locations: [Location {
            physical_location: Physical {
                artifact_location: artifact(&r.path),
                region: region(&r.region),
            },
        }],
        message: Text { text: &r.message },
        partial_fingerprints: fingerprints,
        properties: (!properties.is_empty()).then_some(properties),
        related_locations: r
            .related
            .iter()
            .take(MAX_LOCATIONS)
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
        rule_id: own_id(r.rule, imported),
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
