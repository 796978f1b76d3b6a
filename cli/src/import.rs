//! `--import-sarif`: other tools' SARIF 2.1.0, checked against the schema, turned into
//! findings of rules named `<tool>/<rule>` that go through everything tollgate's own findings
//! go through (suppression comments, per-file-ignores, path roles, baseline, diff, gate).
//!
//! A result keeps its tool's level, message, locations, help URI and `partialFingerprints`.
//! Its position is read as the tool wrote it (lines, and columns in the run's `columnKind`)
//! and placed again in the file's text, so that comments can suppress it and the report
//! shows its line. Results the tool itself marks as suppressed, or of kind `pass` or
//! `notApplicable`, are not findings.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;
use tollgate_rules::{import_rule, Finding, Level, LineIndex, Location, Precision, PropValue, Region, Related, Rule};

use crate::record::Record;

/// A tool whose SARIF was imported: what its run in the report says of it.
#[derive(Clone, Debug)]
pub struct Tool {
    /// As its rule ids start: `ruff`, `zizmor`.
    pub slug: String,
    pub name: String,
    pub version: Option<String>,
    pub information_uri: Option<String>,
}

/// One imported result, before its file's text is at hand.
#[derive(Clone, Debug)]
pub struct Imported {
    pub rule: &'static Rule,
    pub level: Level,
    pub message: String,
    pub at: Place,
    pub related: Vec<(String, Place, String)>,
    pub properties: Vec<(&'static str, PropValue)>,
    pub fingerprints: Vec<(String, String)>,
    /// Found by a secret scanner: its span is a secret, redacted in everything shown.
    pub secret: bool,
}

/// Secret scanners, whose findings' spans are secrets.
const SECRET_SCANNERS: &[&str] = &[
    "kingfisher",
    "gitleaks",
    "trufflehog",
    "detect-secrets",
    "ggshield",
    "noseyparker",
    "secretlint",
];

/// A finding whose span is a secret: from a secret scanner, or of a rule that says so.
fn is_secret(slug: &str, rule: &Rule) -> bool {
    SECRET_SCANNERS.contains(&slug)
        || rule.id.contains("secret")
        || rule
            .tags
            .iter()
            .any(|t| t.eq_ignore_ascii_case("secret") || t.eq_ignore_ascii_case("secrets"))
}

/// A region as a SARIF file gives it: 1-based lines and columns, the columns counted in
/// UTF-16 code units or in code points.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Place {
    pub start_line: Option<usize>,
    pub start_column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub utf16: bool,
}

/// Everything imported in a run: the tools, and each file's results by the path the report
/// shows (relative to the current directory, as the walker shows paths).
#[derive(Default)]
pub struct Imports {
    pub tools: Vec<Tool>,
    pub by_path: HashMap<String, Vec<Imported>>,
    /// What was read leniently, for stderr.
    pub warnings: Vec<String>,
    /// tollgate's own diagnostics, from the notifications of its reports (shards merged).
    pub diagnostics: Vec<crate::record::Diagnostic>,
    /// The files tollgate's reports say they analysed, added up.
    pub files_scanned: usize,
}

/// The property of tollgate's SARIF invocation that says how many files its scan analysed.
pub const FILES_SCANNED: &str = "files-scanned";

/// Reads every file; the first that is not SARIF 2.1.0 is the error, naming the file and
/// where in it the problem is.
pub fn read(files: &[PathBuf]) -> Result<Imports, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("the current directory: {e}"))?;
    let mut imports = Imports::default();
    for file in files {
        let shown = file.display();
        let text = std::fs::read_to_string(file).map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let mut document: Value = serde_json::from_str(&text).map_err(|e| format!("{shown}: not JSON: {e}"))?;
        let repaired = repair_positions(&mut document);
        if let Some(error) = schema_error(&document) {
            return Err(format!("{shown}: not valid SARIF 2.1.0: {error}"));
        }
        if let Some((count, first)) = repaired {
            imports.warnings.push(format!(
                "{shown}: {count} region lines or columns below SARIF's minimum of 1 read as 1 (the first at {first})"
            ));
        }
        for run in document["runs"].as_array().into_iter().flatten() {
            import_run(run, &cwd, &mut imports);
        }
    }
    Ok(imports)
}

/// Some tools write a region's line or column as 0 (0-based, or "the whole line"), which
/// the schema forbids and nothing else is wrong with: those are read as 1. Returns how many
/// and the JSON path of the first.
fn repair_positions(document: &mut Value) -> Option<(usize, String)> {
    let mut count = 0;
    let mut first = None;
    // `get_mut`, not indexing, which would add the keys it does not find.
    for (r, run) in array_mut(document, "runs").enumerate() {
        for (i, result) in array_mut(run, "results").enumerate() {
            for key in ["locations", "relatedLocations"] {
                for (l, location) in array_mut(result, key).enumerate() {
                    let Some(region) = location
                        .get_mut("physicalLocation")
                        .and_then(|p| p.get_mut("region"))
                        .and_then(Value::as_object_mut)
                    else {
                        continue;
                    };
                    for field in ["startLine", "startColumn", "endLine", "endColumn"] {
                        if region.get(field).and_then(Value::as_i64).is_some_and(|n| n < 1) {
                            region.insert(field.to_string(), Value::from(1));
                            count += 1;
                            first.get_or_insert_with(|| {
                                format!("/runs/{r}/results/{i}/{key}/{l}/physicalLocation/region/{field}")
                            });
                        }
                    }
                }
            }
        }
    }
    first.map(|first| (count, first))
}

/// The items of an array member, if there is one.
fn array_mut<'v>(value: &'v mut Value, key: &str) -> impl Iterator<Item = &'v mut Value> {
    value.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten()
}

/// The first way `document` breaks the SARIF 2.1.0 schema, with its JSON path.
fn schema_error(document: &Value) -> Option<String> {
    static VALIDATOR: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    let validator = VALIDATOR.get_or_init(|| {
        // The published schema's `run.language` pattern has an unescaped `]`, which strict
        // regex engines reject; escaping it keeps its meaning (a literal `]`).
        let text =
            include_str!("../schemas/sarif-2.1.0.json").replace(r#"{2}-[a-zA-Z]{2}]?$"#, r#"{2}-[a-zA-Z]{2}\\]?$"#);
        let schema: Value = serde_json::from_str(&text).ok()?;
        jsonschema::validator_for(&schema).ok()
    });
    let validator = validator.as_ref().expect("the SARIF schema compiles");
    let error = validator.iter_errors(document).next()?;
    let at = error.instance_path().to_string();
    Some(format!("{error} at {}", if at.is_empty() { "/" } else { &at }))
}

/// A tool's name as rule ids start with it: lower case, words joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "tool".to_string()
    } else {
        out
    }
}

fn import_run(run: &Value, cwd: &Path, imports: &mut Imports) {
    let driver = &run["tool"]["driver"];
    let name = driver["name"].as_str().unwrap_or("tool").to_string();
    let slug = slug(&name);
    // tollgate's own results (a report merged again) go back to its own run.
    if slug != "tollgate" && !imports.tools.iter().any(|t| t.slug == slug) {
        imports.tools.push(Tool {
            slug: slug.clone(),
            name: name.clone(),
            version: driver["semanticVersion"]
                .as_str()
                .or(driver["version"].as_str())
                .map(String::from),
            information_uri: driver["informationUri"].as_str().map(String::from),
        });
    }
    if slug == "tollgate" {
        // Its diagnostics (the files it skipped, and why), which name a file; not what a
        // report says of itself (results left out), which the new report says again.
        for invocation in run["invocations"].as_array().into_iter().flatten() {
            let scanned = invocation["properties"][FILES_SCANNED].as_u64();
            imports.files_scanned += scanned.unwrap_or(0) as usize;
            for note in invocation["toolExecutionNotifications"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let Some(uri) = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str() else {
                    continue;
                };
                imports.diagnostics.push(crate::record::Diagnostic {
                    path: display_path(uri, None, &Value::Null, cwd),
                    message: note["message"]["text"].as_str().unwrap_or_default().to_string(),
                    quiet: note["level"].as_str() == Some("note"),
                });
            }
        }
    }
    let rules: Vec<&Value> = driver["rules"]
        .as_array()
        .map(|r| r.iter().collect())
        .unwrap_or_default();
    let utf16 = run["columnKind"].as_str() == Some("utf16CodeUnits");
    let bases = &run["originalUriBaseIds"];
    let artifacts = run["artifacts"].as_array();
    for result in run["results"].as_array().into_iter().flatten() {
        if !is_failure(result) {
            continue;
        }
        let rule_meta = rule_of(result, &rules);
        let rule_id = result["ruleId"]
            .as_str()
            .or(result["rule"]["id"].as_str())
            .or(rule_meta.and_then(|r| r["id"].as_str()))
            .unwrap_or("result");
        let rule = rule_for(&slug, &name, rule_id, rule_meta);
        let level = level_of(result, rule_meta);
        let message = message_of(&result["message"], rule_meta);
        let location = |location: &Value| -> Option<(String, Place)> {
            let physical = &location["physicalLocation"];
            let artifact = &physical["artifactLocation"];
            // The URI is the location's own, else that of the artifact it indexes.
            let listed = artifact["index"]
                .as_u64()
                .and_then(|i| artifacts?.get(i as usize))
                .map(|a| &a["location"]);
            let (uri, base_id) = match artifact["uri"].as_str() {
                Some(uri) => (uri, artifact["uriBaseId"].as_str()),
                None => {
                    let listed = listed?;
                    (listed["uri"].as_str()?, listed["uriBaseId"].as_str())
                }
            };
            let path = display_path(uri, base_id, bases, cwd);
            Some((path, place(&physical["region"], utf16)))
        };
        let Some((path, at)) = result["locations"]
            .as_array()
            .and_then(|l| l.first())
            .and_then(location)
        else {
            // A result about no file (a run-level problem) has no place in a code report.
            continue;
        };
        let related = result["relatedLocations"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(result["locations"].as_array().into_iter().flatten().skip(1))
            .filter_map(|l| {
                let (path, place) = location(l)?;
                let text = l["message"]["text"].as_str().unwrap_or("").to_string();
                Some((path, place, text))
            })
            .collect();
        // The result's own properties, then (for another tool) which tool and rule it was.
        let mut properties: Vec<(&'static str, PropValue)> = result["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(key, _)| key.as_str() != "tags")
            .map(|(key, value)| {
                let value = match value {
                    Value::String(s) => PropValue::Str(s.clone()),
                    Value::Number(n) if n.is_i64() => PropValue::Int(n.as_i64().unwrap_or_default()),
                    other => PropValue::Str(other.to_string()),
                };
                (intern(key), value)
            })
            .collect();
        if slug != "tollgate" {
            properties.push(("tool", PropValue::Str(name.clone())));
            properties.push(("tool-rule", PropValue::Str(rule_id.to_string())));
            if let Some(uri) = rule_meta.and_then(|r| r["helpUri"].as_str()) {
                properties.push(("help-uri", PropValue::Str(uri.to_string())));
            }
        }
        let fingerprints = result["partialFingerprints"]
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
            .collect();
        imports.by_path.entry(path).or_default().push(Imported {
            rule,
            level,
            message,
            at,
            related,
            properties,
            fingerprints,
            secret: if slug == "tollgate" {
                rule.domain() == "secrets"
            } else {
                is_secret(&slug, rule)
            },
        });
    }
}

/// Is the result a problem to report? Not when its tool already suppressed it (an accepted
/// suppression), nor when it is a pass or does not apply.
fn is_failure(result: &Value) -> bool {
    if matches!(result["kind"].as_str(), Some("pass" | "notApplicable")) {
        return false;
    }
    let suppressed = result["suppressions"].as_array().is_some_and(|s| {
        s.iter()
            .any(|s| matches!(s["status"].as_str(), None | Some("accepted")))
    });
    !suppressed
}

/// The result's rule in the driver's `rules`: by `ruleIndex`, else by id.
fn rule_of<'a>(result: &Value, rules: &[&'a Value]) -> Option<&'a Value> {
    let by_index = result["ruleIndex"]
        .as_u64()
        .or(result["rule"]["index"].as_u64())
        .and_then(|i| rules.get(i as usize).copied());
    by_index.or_else(|| {
        let id = result["ruleId"].as_str().or(result["rule"]["id"].as_str())?;
        rules.iter().copied().find(|r| r["id"].as_str() == Some(id))
    })
}

/// A property name, kept for the run: each distinct one once.
fn intern(key: &str) -> &'static str {
    static KEYS: OnceLock<std::sync::Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut keys = KEYS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(&key) = keys.get(key) {
        return key;
    }
    let leaked = leak(key.to_string());
    keys.insert(key.to_string(), leaked);
    leaked
}

/// A leaked string: imported rules live as long as the run, as the catalogue's do.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The tollgate rule standing for `<tool>/<rule>`. tollgate's own SARIF maps back to its
/// catalogue (merging reports of earlier runs); any other tool's rule is made from what its
/// driver says of it, with the tool's code as its peer, so the tool's own suppression
/// comments (`# noqa: E501`, `# hadolint ignore=DL3008`) silence it.
fn rule_for(slug: &str, name: &str, rule_id: &str, meta: Option<&Value>) -> &'static Rule {
    if slug == "tollgate" {
        if let Some(rule) = tollgate_rules::catalogue().get(rule_id) {
            return rule;
        }
    }
    // `zizmor/unpinned-uses` is zizmor's own id: the tool is named once.
    let bare = rule_id
        .strip_prefix(slug)
        .and_then(|r| r.strip_prefix('/'))
        .unwrap_or(rule_id);
    let id = format!("{slug}/{bare}");
    if let Some(known) = tollgate_rules::find(&id) {
        return known;
    }
    let summary = meta
        .and_then(|m| m["shortDescription"]["text"].as_str().or(m["name"].as_str()))
        .map(|s| s.trim_end_matches('.').to_string())
        .unwrap_or_else(|| format!("{name} rule {rule_id}"));
    let help = meta
        .and_then(|m| m["help"]["markdown"].as_str().or(m["help"]["text"].as_str()))
        .or(meta.and_then(|m| m["fullDescription"]["text"].as_str()))
        .map(String::from)
        .unwrap_or_else(|| summary.clone());
    let tags: Vec<&'static str> = meta
        .and_then(|m| m["properties"]["tags"].as_array())
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_str())
        .map(|t| leak(t.to_string()))
        .collect();
    let security_severity = meta
        .and_then(|m| m["properties"]["security-severity"].as_str())
        .and_then(|s| s.parse::<f32>().ok());
    let level = meta
        .and_then(|m| m["defaultConfiguration"]["level"].as_str())
        .and_then(level_named)
        .unwrap_or(Level::Warning);
    import_rule(Rule {
        id: leak(id),
        summary: leak(summary),
        help: leak(help),
        level,
        tags: Box::leak(tags.into_boxed_slice()),
        security_severity,
        precision: Precision::Medium,
        peers: Box::leak(peers_of(slug, rule_id).into_boxed_slice()),
        default_enabled: true,
    })
}

/// The tool's code for the rule, and for ruff, which names its rules instead of giving their
/// codes in some modes (`complex-structure` for C901), the code too where tollgate knows it.
fn peers_of(slug: &str, rule_id: &str) -> Vec<&'static str> {
    // The first is the rule's id in the tool's own run.
    let mut peers = vec![leak(format!("{slug}:{rule_id}"))];
    if let Some(bare) = rule_id.strip_prefix(slug).and_then(|r| r.strip_prefix('/')) {
        peers.push(leak(format!("{slug}:{bare}")));
    }
    if slug == "ruff" {
        if let Some(code) = tollgate_rules::select::ruff_code(rule_id) {
            peers.push(leak(format!("ruff:{code}")));
        }
    }
    peers
}

fn level_named(level: &str) -> Option<Level> {
    match level {
        "error" => Some(Level::Error),
        "warning" => Some(Level::Warning),
        "note" | "none" => Some(Level::Note),
        _ => None,
    }
}

/// The result's level, else its rule's default, else SARIF's default (`warning`).
fn level_of(result: &Value, meta: Option<&Value>) -> Level {
    result["level"]
        .as_str()
        .or(meta.and_then(|m| m["defaultConfiguration"]["level"].as_str()))
        .and_then(level_named)
        .unwrap_or(Level::Warning)
}

/// The message's text, else its Markdown, else the rule's message string it names, with
/// `{0}`, `{1}`... replaced by its arguments.
fn message_of(message: &Value, meta: Option<&Value>) -> String {
    let template = message["text"]
        .as_str()
        .or(message["markdown"].as_str())
        .or_else(|| {
            let id = message["id"].as_str()?;
            let strings = &meta?["messageStrings"][id];
            strings["text"].as_str().or(strings["markdown"].as_str())
        })
        .unwrap_or("");
    let mut text = template.to_string();
    for (i, argument) in message["arguments"].as_array().into_iter().flatten().enumerate() {
        if let Some(argument) = argument.as_str() {
            text = text.replace(&format!("{{{i}}}"), argument);
        }
    }
    text
}

fn place(region: &Value, utf16: bool) -> Place {
    let number = |key: &str| region[key].as_u64().map(|n| n as usize).filter(|&n| n > 0);
    Place {
        start_line: number("startLine"),
        start_column: number("startColumn"),
        end_line: number("endLine"),
        end_column: number("endColumn"),
        utf16,
    }
}

/// The path the report shows for an artifact URI: relative to the current directory when
/// the file is under it (as the walker shows paths), else absolute.
fn display_path(uri: &str, base_id: Option<&str>, bases: &Value, cwd: &Path) -> String {
    let decoded = percent_decode(uri);
    let absolute: PathBuf = if let Some(path) = decoded.strip_prefix("file://") {
        // `file:///abs/path` or `file://host/abs/path`: the host is this machine.
        PathBuf::from(&path[path.find('/').unwrap_or(0)..])
    } else if decoded.starts_with('/') {
        PathBuf::from(&decoded)
    } else {
        // Relative: to its base id's URI when the run says where that is, else to the
        // current directory (`%SRCROOT%` is where the tool ran, the checkout).
        let base = base_id
            .and_then(|id| bases[id]["uri"].as_str())
            .map(|b| display_path(b, None, &Value::Null, cwd))
            .map(|b| cwd.join(b))
            .unwrap_or_else(|| cwd.to_path_buf());
        base.join(decoded.trim_start_matches("./"))
    };
    let normal = normalize(&absolute);
    match normal.strip_prefix(cwd) {
        Ok(relative) if !relative.as_os_str().is_empty() => relative.to_string_lossy().into_owned(),
        _ => normal.to_string_lossy().into_owned(),
    }
}

/// `a/./b/../c` as `a/c`, without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn percent_decode(uri: &str) -> String {
    let bytes = uri.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Imported {
    /// The finding, placed in its file's text (a place past the text ends at its end).
    pub fn finding(&self, path: &str, text: &str) -> Finding {
        let index = LineIndex::new(text);
        let span = span_in(&index, text, &self.at);
        let mut finding = Finding::new(self.rule, span, self.message.clone()).with_level(self.level);
        finding.related = self
            .related
            .iter()
            .map(|(other, at, message)| Related {
                location: if other == path {
                    Location::Here(span_in(&index, text, at))
                } else {
                    Location::Elsewhere {
                        path: other.clone(),
                        region: region_of(at),
                    }
                },
                message: message.clone(),
            })
            .collect();
        finding.properties = self.properties.clone();
        finding.fingerprints = self.fingerprints.clone();
        if self.secret && !finding.span.is_empty() {
            finding = finding.redacted();
        }
        finding
    }
}

/// A stand-in for a file that is not in the checkout: blank lines, as many and as wide as the
/// places of its findings need (only as many when that would be over 16 MB).
pub fn blank_text(findings: &[Imported]) -> String {
    let places = findings
        .iter()
        .flat_map(|f| std::iter::once(&f.at).chain(f.related.iter().map(|(_, at, _)| at)));
    let (mut lines, mut width) = (1usize, 1usize);
    for at in places {
        lines = lines.max(at.start_line.unwrap_or(1)).max(at.end_line.unwrap_or(1));
        width = width.max(at.start_column.unwrap_or(1)).max(at.end_column.unwrap_or(1));
    }
    if lines.saturating_mul(width + 1) > 16 << 20 {
        width = 0;
    }
    let line = format!("{}\n", " ".repeat(width));
    line.repeat(lines.min(16 << 20))
}

/// The region of a place in a file not at hand, as given.
pub fn region_of(at: &Place) -> Region {
    let start_line = at.start_line.unwrap_or(1);
    let start_column = at.start_column.unwrap_or(1);
    Region {
        start_line,
        start_column,
        end_line: at.end_line.unwrap_or(start_line),
        end_column: at.end_column.unwrap_or(start_column),
    }
}

/// Byte offsets of a place: a missing start column is the line's start, a missing end the
/// end of the start line (SARIF's defaults); a missing line is the whole file's start.
fn span_in(index: &LineIndex, text: &str, at: &Place) -> Range<usize> {
    let Some(start_line) = at.start_line else {
        return 0..0;
    };
    let lines = index.line_count();
    let line_range = |line: usize| index.line_range(line.min(lines).saturating_sub(1));
    let offset = |line: usize, column: Option<usize>| -> usize {
        let range = line_range(line);
        if line > lines {
            return text.len();
        }
        match column {
            None => range.start,
            Some(column) => range.start + byte_of_column(&text[range.clone()], column, at.utf16),
        }
    };
    let start = offset(start_line, at.start_column);
    let end = match (at.end_line, at.end_column) {
        (None, None) => line_range(start_line).end,
        (end_line, None) => line_range(end_line.unwrap_or(start_line)).end,
        (end_line, end_column) => offset(end_line.unwrap_or(start_line), end_column),
    };
    start..end.max(start)
}

/// The byte offset in `line` of a 1-based column, counted in UTF-16 units or code points.
fn byte_of_column(line: &str, column: usize, utf16: bool) -> usize {
    let mut units = 1;
    for (at, c) in line.char_indices() {
        if units >= column {
            return at;
        }
        units += if utf16 { c.len_utf16() } else { 1 };
    }
    line.len()
}

/// A finding of another tool that tollgate's own rules already report at the same place
/// (same file and first line, a rule naming the tool's code as a peer) is reported once,
/// as tollgate's, with the tool named in its `also-reported-by` property.
pub fn merge_duplicates(records: &mut Vec<Record>) {
    let mut own: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        if !tollgate_rules::is_imported(record.rule.id) {
            own.entry((record.path.as_str(), record.region.start_line))
                .or_default()
                .push(i);
        }
    }
    let mut also: Vec<(usize, String)> = Vec::new();
    let mut duplicate = vec![false; records.len()];
    for (i, record) in records.iter().enumerate() {
        if !tollgate_rules::is_imported(record.rule.id) {
            continue;
        }
        let Some(code) = record.rule.peers.first() else {
            continue;
        };
        let Some(candidates) = own.get(&(record.path.as_str(), record.region.start_line)) else {
            continue;
        };
        let (tool, rule) = code.split_once(':').unwrap_or(("", code));
        // Secret scanners name the same secret each their own way: on the same line, a
        // redacted (secret) finding and one of tollgate's secrets findings are one secret.
        let secret = record.secret.is_some();
        let same = candidates.iter().find(|&&c| {
            let ours = records[c].rule;
            (secret && ours.domain() == "secrets")
                || ours
                    .peers
                    .iter()
                    .any(|peer| record.rule.peers.iter().any(|theirs| theirs.eq_ignore_ascii_case(peer)))
        });
        if let Some(&c) = same {
            duplicate[i] = true;
            also.push((c, format!("{tool} {rule}")));
        }
    }
    for (c, by) in also {
        let properties = &mut records[c].properties;
        match properties.iter_mut().find(|(key, _)| *key == "also-reported-by") {
            Some((_, PropValue::Str(existing))) if !existing.split(", ").any(|e| e == by) => {
                existing.push_str(", ");
                existing.push_str(&by);
            }
            Some(_) => {}
            None => properties.push(("also-reported-by", PropValue::Str(by))),
        }
    }
    let mut i = 0;
    records.retain(|_| {
        i += 1;
        !duplicate[i - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_as_the_run_says() {
        // `é` is one code point and one UTF-16 unit, `😀` one code point and two units.
        let line = "é😀x";
        assert_eq!(byte_of_column(line, 1, true), 0);
        assert_eq!(byte_of_column(line, 2, true), 2);
        assert_eq!(byte_of_column(line, 4, true), 6);
        assert_eq!(byte_of_column(line, 3, false), 6);
        assert_eq!(byte_of_column(line, 40, false), line.len());
    }

    #[test]
    fn spans_follow_sarif_defaults() {
        let text = "one\ntwo words\nthree\n";
        let index = LineIndex::new(text);
        let at = |start_line, start_column, end_line, end_column| Place {
            start_line,
            start_column,
            end_line,
            end_column,
            utf16: true,
        };
        // The whole line when no column is given.
        assert_eq!(
            &text[span_in(&index, text, &at(Some(2), None, None, None))],
            "two words"
        );
        assert_eq!(
            &text[span_in(&index, text, &at(Some(2), Some(5), None, Some(10)))],
            "words"
        );
        assert_eq!(
            &text[span_in(&index, text, &at(Some(1), Some(2), Some(2), Some(4)))],
            "ne\ntwo"
        );
        // Past the end of the file: its end.
        assert_eq!(
            span_in(&index, text, &at(Some(40), Some(1), None, None)),
            text.len()..text.len()
        );
        assert_eq!(span_in(&index, text, &at(None, None, None, None)), 0..0);
    }

    #[test]
    fn uris_become_the_paths_the_report_shows() {
        let cwd = Path::new("/repo");
        let none = Value::Null;
        assert_eq!(display_path("src/a.py", Some("%SRCROOT%"), &none, cwd), "src/a.py");
        assert_eq!(display_path("./src/a%20b.py", None, &none, cwd), "src/a b.py");
        assert_eq!(display_path("file:///repo/src/a.py", None, &none, cwd), "src/a.py");
        assert_eq!(
            display_path("file:///elsewhere/a.py", None, &none, cwd),
            "/elsewhere/a.py"
        );
        let bases = serde_json::json!({ "SRC": { "uri": "file:///repo/pkg/" } });
        assert_eq!(display_path("a.py", Some("SRC"), &bases, cwd), "pkg/a.py");
    }

    #[test]
    fn tool_names_become_rule_id_prefixes() {
        assert_eq!(slug("Ruff"), "ruff");
        assert_eq!(slug("ESLint Security Scanner"), "eslint-security-scanner");
        assert_eq!(slug("  "), "tool");
    }
}
