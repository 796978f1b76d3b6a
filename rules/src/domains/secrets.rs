use crate::{Level, Precision, Rule};

pub const PRIVATE_KEY: &str = "secrets/private-key";

pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: PRIVATE_KEY,
        summary: "A private key block (PEM, OpenSSH, PGP) in a file",
        help: include_str!("../../help/secrets/private-key.md"),
        level: Level::Error,
        tags: &["security", "secrets"],
        security_severity: Some(9.0),
        precision: Precision::VeryHigh,
        peers: &["gitleaks:private-key"],
        default_enabled: true,
    }]
}
