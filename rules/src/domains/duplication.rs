use crate::{Level, Precision, Rule};

/// The one cross-file rule: it lives apart from the per-function Python metrics.
pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "python/duplicate-code",
        summary: "The same code, at least 50 tokens and 6 lines, appears more than once",
        help: include_str!("../../help/python/duplicate-code.md"),
        level: Level::Note,
        tags: &["maintainability", "duplication"],
        security_severity: None,
        precision: Precision::High,
        peers: &["pylint:R0801"],
        default_enabled: true,
    }]
}
