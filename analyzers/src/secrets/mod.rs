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

/// `ghp_3fK…(40 chars)`: enough to recognise a secret, never enough to use it. At most a
/// quarter of it is shown; a PEM block shows its header line, which is not secret.
pub fn redact(secret: &str) -> String {
    let length = secret.chars().count();
    let shown: String = match secret.lines().next() {
        Some(header) if header.starts_with("-----BEGIN ") && secret.contains('\n') => header.to_string(),
        _ => secret.chars().take((length / 4).min(7)).collect(),
    };
    format!("{shown}…({length} chars)")
}

/// A stable identity for a secret that does not reveal it: rule outputs and baselines
/// key on this, so the same secret keeps its identity when lines move.
pub fn hash_identity(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(secret.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_shows_little() {
        assert_eq!(redact("ghp_3fKabcdefghijklmnopqrstuvwxyz0123456"), "ghp_3fK…(40 chars)");
        assert_eq!(redact("hunter22"), "hu…(8 chars)");
        assert_eq!(
            redact("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"),
            "-----BEGIN RSA PRIVATE KEY-----…(37 chars)"
        );
    }
}
