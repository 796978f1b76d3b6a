//! Findings placed in their files: what the pipeline filters and every reporter reads.
//! Placement turns byte spans into lines and UTF-16 columns, applies levels, redacts every
//! secret of the file and computes the fingerprints.

use std::collections::HashMap;
use std::ops::Range;

use tollgate_analyzers::secrets::Redactor;
use tollgate_analyzers::{Input, Kinds};
use tollgate_rules::{Finding, Level, LineIndex, Location, Metric, PropValue, Region, Rule, RuleSet};

use crate::fingerprint::{content_fingerprint, line_hashes};

/// A problem with a file rather than in it: unreadable, binary, too large, not UTF-8 (the
/// last three still scanned for secrets), or an analyzer that failed on it. The scan goes on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
    /// Skips of files that are not text (binary, too large) are only counted unless verbose.
    pub quiet: bool,
}

impl Diagnostic {
    pub fn error(path: String, message: impl Into<String>) -> Self {
        Diagnostic {
            path,
            message: message.into(),
            quiet: false,
        }
    }
}

/// A finding placed in its file: what every reporter reads.
#[derive(Clone, Debug)]
pub struct Record {
    pub rule: &'static Rule,
    pub level: Level,
    pub path: String,
    pub region: Region,
    pub message: String,
    /// The first line of the span as shown to people: at most 200 characters either side of
    /// the span, `…` where cut, every secret of the file redacted.
    pub line_text: String,
    /// Byte range of the span within `line_text`, for the caret.
    pub caret: Range<usize>,
    pub metric: Option<Metric>,
    pub related: Vec<RelatedRecord>,
    pub properties: Vec<(&'static str, PropValue)>,
    /// GitHub's `primaryLocationLineHash`.
    pub line_hash: String,
    /// tollgate's content fingerprint (rule, path, content): survives moved lines.
    pub fingerprint: String,
    /// The content the fingerprint hashes besides rule and path, or its hash: for a secret,
    /// and for content taken from the text (which may be a whole function).
    pub identity: String,
    /// `ghp_3fK…(40 chars)` when the span is a secret.
    pub secret: Option<String>,
    /// Counts for `--fail-on`. False only under `--gate-diff-base`, for a finding that is not
    /// a security finding, touches no line changed since the base and was there at the base.
    pub gates: bool,
    /// Another tool's `partialFingerprints`, for a finding imported from its SARIF.
    pub fingerprints: Vec<(String, String)>,
}

#[derive(Clone, Debug)]
pub struct RelatedRecord {
    pub path: String,
    pub region: Region,
    pub message: String,
}

/// The property a report gives a finding that `--gate-diff-base` kept out of the gate
/// (`gates: false`), which `tollgate merge` reads back.
pub const GATES: &str = "gates";

/// What a run found.
pub struct Outcome {
    pub records: Vec<Record>,
    pub diagnostics: Vec<Diagnostic>,
    pub files_scanned: usize,
}

/// Path, line, column, rule: the same order whatever the thread count.
pub fn sort(records: &mut [Record]) {
    use rayon::slice::ParallelSliceMut;
    records.par_sort_by(|a, b| {
        (&a.path, a.region, a.rule.id, &a.message).cmp(&(&b.path, b.region, b.rule.id, &b.message))
    });
}

/// Where [`place`] gets the secrets of a file, which it redacts in everything it builds.
pub enum Secrets<'a> {
    /// Already found: the byte spans of every secret in the text.
    Known(&'a [Range<usize>]),
    /// To find, with these settings, only if there is something to place.
    Find(&'a tollgate_analyzers::secrets::Settings),
}

/// How many characters of a line a snippet shows either side of its span, and of the span.
const SNIPPET_CONTEXT: usize = 200;

/// Turns byte spans into regions, applies levels, redacts secrets and computes fingerprints
/// (GitHub's line hashes only when `with_line_hashes`; otherwise `line_hash` is empty).
/// Every secret of the file, and any piece of one, is redacted in the messages, snippets,
/// related messages and properties of every finding, whatever its rule.
pub fn place(
    path: &str,
    text: &str,
    findings: Vec<Finding>,
    rules: &RuleSet,
    with_line_hashes: bool,
    secrets: Secrets,
) -> Vec<Record> {
    if findings.is_empty() {
        return Vec::new();
    }
    let found;
    let spans = match secrets {
        Secrets::Known(spans) => spans,
        Secrets::Find(settings) => {
            let input = Input {
                path,
                text,
                kinds: Kinds {
                    secrets: true,
                    ..Default::default()
                },
                // Only the secrets' spans are wanted here, which no role changes.
                role: None,
            };
            found = tollgate_analyzers::secrets::secret_spans(&input, settings);
            &found[..]
        }
    };
    // Findings of other domains may mark their span as a secret too.
    let marked = findings.iter().filter(|f| f.redact).map(|f| &f.span);
    let redactor = Redactor::new(spans.iter().chain(marked).filter_map(|span| text.get(span.clone())));
    let hide = |shown: String| -> String {
        match redactor.redact(&shown) {
            std::borrow::Cow::Borrowed(_) => shown,
            std::borrow::Cow::Owned(redacted) => redacted,
        }
    };
    let index = LineIndex::new(text);
    let placer = Placer {
        index: &index,
        text,
        last: Default::default(),
    };
    let hashes = if with_line_hashes {
        let lines: Vec<usize> = findings.iter().map(|f| index.line_of(f.span.start) + 1).collect();
        line_hashes(text, &lines)
    } else {
        Default::default()
    };
    let mut records: Vec<Record> = findings
        .into_iter()
        .filter_map(|finding| {
            // Every finding is built from a declared rule; one that is not in the catalogue
            // is a defect, reported as this file's internal error, never dropped in silence.
            let rule = tollgate_rules::find(finding.rule)
                .unwrap_or_else(|| panic!("a finding of rule `{}`, which is not in the catalogue", finding.rule));
            let level = finding.level.or_else(|| rules.level(finding.rule))?;
            let span = finding.span.start.min(text.len())
                ..finding.span.end.min(text.len()).max(finding.span.start.min(text.len()));
            let region = placer.region(&span);
            let line = index.line_of(span.start);
            let line_range = index.line_range(line);
            let caret_start = span.start - line_range.start;
            let caret_end = span.end.min(line_range.end).max(span.start) - line_range.start;
            let original_line = &text[line_range.clone()];
            let span_text = &text[span.clone()];
            let own = finding.redact.then_some(span_text);
            let snippet = snippet(original_line, caret_start..caret_end, own, &redactor);
            let secret = finding.redact.then(|| tollgate_analyzers::secrets::redact(span_text));
            let content = match &finding.identity {
                Some(identity) => identity.clone(),
                None if finding.redact => tollgate_analyzers::secrets::hash_identity(span_text),
                // What the snippet shows of the line, and the span, secrets hashed.
                None => format!(
                    "{} {}",
                    hash_secrets(&original_line[snippet.shown.clone()], &redactor),
                    hash_secrets(span_text, &redactor)
                ),
            };
            let fingerprint = content_fingerprint(rule.id, path, &content);
            // The span may be a whole function: keep its hash, not a copy.
            let identity = if finding.identity.is_some() || finding.redact {
                content
            } else {
                tollgate_analyzers::secrets::hash_identity(&content)
            };
            let related = finding
                .related
                .into_iter()
                .map(|related| match related.location {
                    Location::Here(range) => RelatedRecord {
                        path: path.to_string(),
                        region: placer.region(&range),
                        message: hide(related.message),
                    },
                    Location::Elsewhere { path, region } => RelatedRecord {
                        path,
                        region,
                        message: hide(related.message),
                    },
                })
                .collect();
            let properties = finding
                .properties
                .into_iter()
                .map(|(key, value)| match value {
                    PropValue::Str(s) => (key, PropValue::Str(hide(s))),
                    other => (key, other),
                })
                .collect();
            Some(Record {
                rule,
                level,
                path: path.to_string(),
                region,
                message: hide(finding.message),
                line_text: snippet.text,
                caret: snippet.caret,
                metric: finding.metric,
                related,
                properties,
                line_hash: hashes.get(&region.start_line).cloned().unwrap_or_default(),
                fingerprint,
                identity,
                secret,
                gates: true,
                fingerprints: finding.fingerprints,
            })
        })
        .collect();
    records.dedup_by(|a, b| a.rule.id == b.rule.id && a.region == b.region && a.message == b.message);
    records
}

/// Turns spans into regions. Spans mostly come in order: a column is counted on from the
/// previous start on the same line, not from the line's start, or thousands of findings on
/// one long line would each cost the line's length.
struct Placer<'a> {
    index: &'a LineIndex<'a>,
    text: &'a str,
    /// The last start placed: (byte offset, 0-based line, column).
    last: std::cell::Cell<Option<(usize, usize, usize)>>,
}

impl Placer<'_> {
    fn region(&self, span: &Range<usize>) -> Region {
        let (start, start_line, start_column) = self.position(span.start);
        self.last.set(Some((start, start_line, start_column)));
        let (_, end_line, end_column) = self.position(span.end.max(span.start));
        Region {
            start_line: start_line + 1,
            start_column,
            end_line: end_line + 1,
            end_column,
        }
    }

    /// (offset on a character boundary, 0-based line, 1-based UTF-16 column).
    fn position(&self, offset: usize) -> (usize, usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let (from, column) = match self.last.get() {
            Some((at, at_line, column)) if at_line == line && at <= offset => (at, column),
            _ => (self.index.line_range(line).start, 1),
        };
        (offset, line, column + utf16_len(&self.text[from..offset]))
    }
}

/// UTF-16 code units of a string: one per character, two beyond the BMP.
fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// `text` with every secret (or piece of one) replaced by its hash: content to fingerprint.
fn hash_secrets<'t>(text: &'t str, redactor: &Redactor) -> std::borrow::Cow<'t, str> {
    redactor.replace(text, tollgate_analyzers::secrets::hash_identity)
}

/// What a record shows of the first line of its span.
struct Snippet {
    /// At most [`SNIPPET_CONTEXT`] characters either side of the span (and of the span),
    /// `…` where the line was cut, secrets redacted.
    text: String,
    /// The span within `text`.
    caret: Range<usize>,
    /// The part of the line `text` shows.
    shown: Range<usize>,
}

/// The bounded, redacted view of `line` around `caret` (byte offsets in `line`). `own` is
/// the whole span when it is a secret: its part of the line shows as its redaction.
fn snippet(line: &str, caret: Range<usize>, own: Option<&str>, redactor: &Redactor) -> Snippet {
    let own = own.filter(|_| !caret.is_empty());
    let caret_end = if own.is_some() {
        caret.end
    } else {
        chars_after(line, caret.start, SNIPPET_CONTEXT).min(caret.end)
    };
    let mut start = chars_before(line, caret.start, SNIPPET_CONTEXT);
    let mut end = chars_after(line, caret_end, SNIPPET_CONTEXT);
    let mut secrets: Vec<Range<usize>> = if redactor.is_empty() {
        Vec::new()
    } else {
        // Far enough either side to see whole any secret that reaches into the snippet.
        let mut from = start.saturating_sub(redactor.reach());
        while !line.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + redactor.reach()).min(line.len());
        while !line.is_char_boundary(to) {
            to += 1;
        }
        redactor
            .find(&line[from..to])
            .into_iter()
            .map(|r| r.start + from..r.end + from)
            .collect()
    };
    // The span itself, with what overlaps it.
    let mut own_part = None;
    if own.is_some() {
        let mut part = caret.clone();
        secrets.retain(|s| {
            let overlaps = s.start < part.end && s.end > part.start;
            if overlaps {
                part = part.start.min(s.start)..part.end.max(s.end);
            }
            !overlaps
        });
        let at = secrets.partition_point(|s| s.start < part.start);
        secrets.insert(at, part.clone());
        own_part = Some(part);
    }
    // A secret cut by the snippet's edge is shown whole, that is redacted.
    for secret in &secrets {
        if secret.start < end && secret.end > start {
            start = start.min(secret.start);
            end = end.max(secret.end);
        }
    }
    // (part of the line, part of the text, redacted)
    let mut parts: Vec<(Range<usize>, Range<usize>, bool)> = Vec::new();
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    let mut push = |raw: Range<usize>, redacted: bool, text: &mut String| {
        if raw.is_empty() {
            return;
        }
        let from = text.len();
        if redacted {
            let secret = match own {
                Some(own) if own_part.as_ref() == Some(&raw) && raw == caret => own,
                _ => &line[raw.clone()],
            };
            text.push_str(&tollgate_analyzers::secrets::redact(secret));
        } else {
            text.push_str(&line[raw.clone()]);
        }
        parts.push((raw, from..text.len(), redacted));
    };
    let mut at = start;
    for secret in secrets.iter().filter(|s| s.start >= start && s.end <= end) {
        push(at..secret.start, false, &mut text);
        push(secret.clone(), true, &mut text);
        at = secret.end;
    }
    push(at..end, false, &mut text);
    let shown_end = text.len();
    if end < line.len() {
        text.push('…');
    }
    let map_start = |p: usize| {
        parts
            .iter()
            .find(|(raw, _, _)| p < raw.end)
            .map_or(shown_end, |(raw, out, redacted)| {
                if *redacted {
                    out.start
                } else {
                    out.start + (p - raw.start)
                }
            })
    };
    let map_end = |p: usize| {
        parts
            .iter()
            .find(|(raw, _, _)| p > raw.start && p <= raw.end)
            .map_or_else(
                || map_start(p),
                |(raw, out, redacted)| {
                    if *redacted {
                        out.end
                    } else {
                        out.start + (p - raw.start)
                    }
                },
            )
    };
    let caret_start = map_start(caret.start);
    let caret = caret_start..map_end(caret_end).max(caret_start);
    Snippet {
        text,
        caret,
        shown: start..end,
    }
}

/// The offset `chars` characters before `at` in `line` (or its start).
fn chars_before(line: &str, at: usize, chars: usize) -> usize {
    line[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The offset `chars` characters after `at` in `line` (or its end).
fn chars_after(line: &str, at: usize, chars: usize) -> usize {
    line[at..].char_indices().nth(chars).map_or(line.len(), |(i, _)| at + i)
}

/// Counts of findings per (domain, level), for summaries.
pub fn tally(records: &[Record]) -> HashMap<(&'static str, Level), usize> {
    let mut counts = HashMap::new();
    for record in records {
        *counts.entry((record.rule.domain(), record.level)).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use tollgate_rules::python;

    /// A token that looks real, for the tests of redaction here and in the scan.
    // tollgate: ignore[secrets] a synthetic token with a valid checksum, for the tests
    pub(crate) const TOKEN: &str = "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";

    #[test]
    #[should_panic(expected = "not in the catalogue")]
    fn a_finding_of_an_undeclared_rule_is_an_internal_error() {
        static UNDECLARED: tollgate_rules::Rule = tollgate_rules::Rule {
            id: "python/undeclared",
            ..*python::COMPLEX_FUNCTION
        };
        place_text("x = 1\n", vec![Finding::new(&UNDECLARED, 0..1, "m")]);
    }

    fn place_text(text: &str, findings: Vec<Finding>) -> Vec<Record> {
        let settings = tollgate_analyzers::secrets::Settings::default();
        place(
            "f.txt",
            text,
            findings,
            &RuleSet::all(),
            false,
            Secrets::Find(&settings),
        )
    }

    #[test]
    fn a_record_on_a_huge_line_keeps_a_bounded_window_of_it() {
        let line: String = (0..10_000).map(|i| format!("w{i:05} ")).collect();
        let text = format!("{line}\n");
        let at = text.find("w05000").unwrap();
        let records = place_text(&text, vec![Finding::new(python::SYNTAX_ERROR, at..at + 6, "here")]);
        let record = &records[0];
        assert!(
            record.line_text.chars().count() <= 2 * SNIPPET_CONTEXT + 8,
            "{}",
            record.line_text.len()
        );
        assert!(record.line_text.starts_with('…') && record.line_text.ends_with('…'));
        assert_eq!(&record.line_text[record.caret.clone()], "w05000");
        assert_eq!(record.region.start_column, at + 1);
        // The identity is a hash, not the line.
        assert!(record.identity.len() < 64);
    }

    #[test]
    fn every_secret_of_the_line_is_redacted_and_the_caret_stays_on_the_span() {
        // tollgate: ignore[secrets] a synthetic key, for the test
        let text = format!("é = \"{TOKEN}\"; x = = 1; aws = \"AKIA5MTTE44KEDEH6UYY\"\n");
        let at = text.find("= 1").unwrap();
        let records = place_text(
            &text,
            vec![Finding::new(
                python::SYNTAX_ERROR,
                at..at + 1,
                format!("at `{}`", &text[..40]),
            )],
        );
        let record = &records[0];
        assert_eq!(
            record.line_text,
            "é = \"ghp_aDP…(40 chars)\"; x = = 1; aws = \"AKIA5…(20 chars)\""
        );
        assert_eq!(&record.line_text[record.caret.clone()], "=");
        assert_eq!(record.message, "at `é = \"ghp_aDP…(34 chars)`");
    }

    #[test]
    fn a_secret_span_shows_as_its_redaction_under_the_caret() {
        let text = format!("token = \"{TOKEN}\" and again {TOKEN}\n");
        let at = text.find(TOKEN).unwrap();
        let finding = Finding::new(
            tollgate_rules::find("secrets/github-pat").unwrap(),
            at..at + TOKEN.len(),
            "token",
        )
        .redacted();
        let record = &place_text(&text, vec![finding])[0];
        assert_eq!(
            record.line_text,
            "token = \"ghp_aDP…(40 chars)\" and again ghp_aDP…(40 chars)"
        );
        assert_eq!(&record.line_text[record.caret.clone()], "ghp_aDP…(40 chars)");
    }

    #[test]
    fn snippets_keep_the_caret_on_the_span_at_any_place() {
        let none = Redactor::new([]);
        let line = "aé😀b".repeat(150);
        for start in (0..line.len()).filter(|&i| line.is_char_boundary(i)) {
            for len in [0, 1, 4, 5, 300] {
                let end = (start + len).min(line.len());
                if !line.is_char_boundary(end) {
                    continue;
                }
                let shown = snippet(&line, start..end, None, &none);
                let under = &shown.text[shown.caret.clone()];
                let span = &line[start..end];
                assert!(span.starts_with(under), "{start}..{end}: {under:?}");
                assert!(under.chars().count() >= span.chars().count().min(SNIPPET_CONTEXT));
                assert!(
                    shown.text.chars().count() <= span.chars().count().min(SNIPPET_CONTEXT) + 2 * SNIPPET_CONTEXT + 2
                );
            }
        }
        assert_eq!(snippet("", 0..0, None, &none).text, "");
    }
}
