//! Credentials in any text file: provider tokens (rules as data, `rules/data/secrets/`),
//! private keys, JWTs, credentials in URLs and connection strings, and random-looking values
//! assigned to credential names. One keyword pass per file decides what runs where
//! (`engine`); placeholders and documentation examples are filtered (`filters`).

mod checksum;
mod engine;
mod filters;
mod generic;
mod jwt;
mod private_key;
mod urls;

use tollgate_rules::Finding;

use crate::Input;

pub use engine::expand as expand_pattern;
pub use filters::{entropy, is_lockfile, is_placeholder};

#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// Also scan lock and checksum files (`package-lock.json`, `go.sum`, `*.lock`), which are
    /// skipped by default: they are hashes by design.
    pub scan_lockfiles: bool,
    /// Known non-secrets: a finding whose secret contains one of these strings is dropped.
    pub allow: Vec<String>,
}

const PKCS12_FILE: &str = "secrets/pkcs12-file";

pub fn analyze(input: &Input, settings: &Settings, out: &mut Vec<Finding>) {
    if !settings.scan_lockfiles && is_lockfile(input.path) {
        return;
    }
    check_file_name(input.path, input.text.as_bytes(), out);
    let mut found = Vec::new();
    engine::engine().scan(input.path, input.text, &mut found);
    if !settings.allow.is_empty() {
        found.retain(|f| {
            let secret = input.text.get(f.span.clone()).unwrap_or("");
            !settings
                .allow
                .iter()
                .any(|allowed| !allowed.is_empty() && secret.contains(allowed.as_str()))
        });
    }
    resolve_overlaps(&mut found);
    out.extend(found);
}

/// Files that are secrets by their name: PKCS#12 key stores. The caller may also hand a
/// binary file it does not read as text to this function.
pub fn check_file_name(path: &str, bytes: &[u8], out: &mut Vec<Finding>) {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".p12") || lower.ends_with(".pfx") {
        let name = path.rsplit('/').next().unwrap_or(path);
        out.push(
            Finding::new(
                PKCS12_FILE,
                0..0,
                format!("`{name}` is a PKCS#12 key store: a private key and its certificate"),
            )
            .with_identity(hash_identity(&format!("{}:{}", bytes.len(), sha_hex(bytes))))
            .redacted(),
        );
    }
}

fn sha_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Of findings with the same span, the first rule (in rule-file order) keeps it; a finding
/// inside another one is dropped; `generic-assignment` yields to every specific rule.
fn resolve_overlaps(found: &mut Vec<Finding>) {
    const GENERIC: &str = "secrets/generic-assignment";
    // Specific spans by start, with the furthest end reached so far: a generic span overlaps
    // one of them if one starting before its end reaches past its start.
    let mut specific: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.rule != GENERIC)
        .map(|f| (f.span.start, f.span.end))
        .collect();
    specific.sort_unstable();
    let mut reach = 0;
    for span in &mut specific {
        reach = reach.max(span.1);
        span.1 = reach;
    }
    found.retain(|f| {
        let before_end = specific.partition_point(|&(start, _)| start < f.span.end);
        f.rule != GENERIC || before_end == 0 || specific[before_end - 1].1 <= f.span.start
    });
    // Stable sort keeps rule-file order among equal spans.
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut max_end = 0;
    let mut any = false;
    found.retain(|f| {
        let keep = !any || f.span.end > max_end;
        if keep {
            any = true;
            max_end = max_end.max(f.span.end);
        }
        keep
    });
}

/// `ghp_3fK…(40 chars)`: enough to recognise a secret, never enough to use it. At most a
/// quarter of it is shown; a PEM block shows its header line, which is not secret.
pub fn redact(secret: &str) -> String {
    let count = secret.chars().count();
    let shown: String = match secret.lines().next() {
        Some(header) if header.starts_with("-----BEGIN ") && secret.contains('\n') => header.to_string(),
        _ => secret.chars().take((count / 4).min(7)).collect(),
    };
    format!("{shown}…({count} chars)")
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
    fn redaction_never_shows_most_of_a_secret() {
        assert_eq!(redact("ghp_3fKabcdefghijklmnopqrstuvwxyz0123456"), "ghp_3fK…(40 chars)");
        assert_eq!(redact("Hq7!mZ2pL9"), "Hq…(10 chars)");
        assert_eq!(redact("abc"), "…(3 chars)");
        assert_eq!(
            redact("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"),
            "-----BEGIN RSA PRIVATE KEY-----…(37 chars)"
        );
    }

    #[test]
    fn overlaps_keep_the_specific_rule() {
        let mut found = vec![
            Finding::new("secrets/generic-assignment", 10..50, "g"),
            Finding::new("secrets/a", 10..50, "a"),
            Finding::new("secrets/b", 10..50, "b"),
            Finding::new("secrets/c", 20..30, "c"),
            Finding::new("secrets/d", 60..70, "d"),
        ];
        resolve_overlaps(&mut found);
        let rules: Vec<&str> = found.iter().map(|f| f.rule).collect();
        assert_eq!(rules, ["secrets/a", "secrets/d"]);
    }
}
