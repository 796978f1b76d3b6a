//! What the fuzz targets share: running `analyze` the way the CLI does, and checking the
//! findings' positions the way the CLI will use them.

use std::sync::OnceLock;

use tollgate_analyzers::{analyze, classify, Input, Settings};
use tollgate_rules::{Finding, Location, RuleSet};

/// The rules of one domain (`python`, `secrets`, `actions`, `docker`), every one enabled.
pub fn domain_rules(domain: &str) -> RuleSet {
    RuleSet::new(Some(&[domain.to_string()]), &[], &[]).expect("a domain of the catalogue")
}

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(Settings::default)
}

/// Runs every analyzer that `path` classifies for and `rules` enables, as the CLI does for
/// one file, and checks the findings' positions.
pub fn analyze_as(path: &str, text: &str, rules: &RuleSet) -> Vec<Finding> {
    let input = Input {
        path,
        text,
        kinds: classify(path),
        role: None,
    };
    let findings = analyze(&input, settings(), rules);
    for finding in &findings {
        check_finding(finding, text);
    }
    findings
}

/// The CLI clamps a finding's span to the text and then slices the text with it, so a span
/// that ends inside a UTF-8 sequence would panic there, far from the analyzer that made it.
pub fn check_finding(finding: &Finding, text: &str) {
    check_span(finding.rule, &finding.span, text);
    if let Some(start) = finding.statement_start {
        check_span(finding.rule, &(start..start), text);
    }
    for related in &finding.related {
        if let Location::Here(span) = &related.location {
            check_span(finding.rule, span, text);
        }
    }
}

fn check_span(rule: &str, span: &std::ops::Range<usize>, text: &str) {
    let start = span.start.min(text.len());
    let end = span.end.min(text.len()).max(start);
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{rule}: span {span:?} splits a character in a text of {} bytes",
        text.len()
    );
}
