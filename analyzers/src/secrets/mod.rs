//! Credentials in any text file.

mod private_key;

use tollgate_rules::Finding;

use crate::Input;

#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {}

pub fn analyze(input: &Input, _settings: &Settings, out: &mut Vec<Finding>) {
    private_key::check(input.text, out);
}

/// `ghp_3fK…(40 chars)`: enough to recognise a secret, never enough to use it.
pub fn redact(secret: &str) -> String {
    let prefix: String = secret.chars().take(6).collect();
    format!("{prefix}…({} chars)", secret.chars().count())
}

/// A stable identity for a secret that does not reveal it: rule outputs and baselines
/// key on this, so the same secret keeps its identity when lines move.
pub fn hash_identity(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(secret.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}
