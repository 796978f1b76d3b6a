use crate::{Level, Precision, Rule};

pub const UNUSED_SUPPRESSION: &str = "tollgate/unused-suppression";

pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: UNUSED_SUPPRESSION,
        summary: "A `tollgate: ignore` comment that suppresses nothing",
        help: include_str!("../../help/tollgate/unused-suppression.md"),
        level: Level::Note,
        tags: &["maintainability"],
        security_severity: None,
        precision: Precision::VeryHigh,
        peers: &["ruff:RUF100"],
        default_enabled: true,
    }]
}
