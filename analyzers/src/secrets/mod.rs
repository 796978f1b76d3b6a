//! Credentials in any text file: provider tokens (rules as data, `rules/data/secrets/`),
//! private keys, JWTs, credentials in URLs and connection strings, and random-looking values
//! assigned to credential names. One keyword pass per file decides what runs where
//! (`engine`); placeholders and documentation examples are filtered (`filters`).

mod checksum;
mod engine;
mod filters;
mod generic;
mod judge;
mod jwt;
mod key_store;
mod keywords;
mod private_key;
mod urls;

use tollgate_rules::{secrets, Finding};

use crate::Input;

pub use engine::expand as expand_pattern;
pub use filters::{entropy, is_lockfile, is_placeholder};
pub use judge::{is_verified, judge};
pub use key_store::{is_key_store, key_store};

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// Also scan lock and checksum files (`package-lock.json`, `go.sum`, `*.lock`), which are
    /// skipped by default: they are hashes by design.
    pub scan_lockfiles: bool,
    /// Known non-secrets: a finding whose secret contains one of these strings is dropped.
    pub allow: Vec<String>,
}

pub fn analyze(input: &Input, settings: &Settings, out: &mut Vec<Finding>) {
    if !settings.scan_lockfiles && is_lockfile(input.path) {
        return;
    }
    out.extend(key_store(input.path, input.text.as_bytes()));
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

/// Of findings with the same span, the first rule (in rule-file order) keeps it; a finding
/// inside another one is dropped; `generic-assignment` yields to every specific rule.
fn resolve_overlaps(found: &mut Vec<Finding>) {
    const GENERIC: &str = secrets::GENERIC_ASSIGNMENT.id;
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
    // Among equal spans the rule that knows the token best keeps it (`specificity`); the
    // stable sort keeps rule-file order among equals.
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
            .then_with(|| specificity(a.rule).cmp(&specificity(b.rule)))
    });
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

/// How well a rule knows a token, best first: a provider rule with a checksum or encoded
/// structure (0); one that needs both a literal prefix and the name the token is assigned to
/// (`CLERK_SECRET_KEY=sk_live_…` is Clerk's, not Stripe's) (1); one that recognises the token
/// by its own text, a prefix or a signature (2), as the hand-written detectors do; one that
/// knows it only by the name it is assigned to (`{assign}`, no prefix) (3).
fn specificity(rule: &str) -> u8 {
    static RANKS: std::sync::OnceLock<std::collections::HashMap<&'static str, u8>> = std::sync::OnceLock::new();
    let ranks = RANKS.get_or_init(|| {
        tollgate_rules::secret_patterns()
            .iter()
            .map(|p| {
                let prefix = p.pattern.split_once("(?P<secret>").map_or(0, |(_, secret)| {
                    secret
                        .bytes()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
                        .count()
                });
                let rank = match (p.checksum.is_some(), p.pattern.contains("{assign}"), prefix >= 2) {
                    (true, _, _) => 0,
                    (false, true, true) => 1,
                    (false, false, _) => 2,
                    (false, true, false) => 3,
                };
                (p.id, rank)
            })
            .collect()
    });
    ranks.get(rule).copied().unwrap_or(2)
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
    hex(&digest[..12])
}

/// Lower-case hexadecimal of `bytes`, in one allocation: identities and fingerprints are made
/// for every finding.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(DIGITS[usize::from(byte >> 4)] as char);
        out.push(DIGITS[usize::from(byte & 15)] as char);
    }
    out
}

/// Every secret of one text, whatever the rule selection: what the caller redacts wherever
/// that text is quoted. The same pass as [`analyze`] (user settings such as `allow` and
/// `scan-lockfiles` apply; suppression comments do not, they hide a finding, not a secret).
pub fn secret_spans(input: &Input, settings: &Settings) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    analyze(input, settings, &mut found);
    spans_of(&found)
}

/// The non-empty spans of the findings that are secrets.
pub fn spans_of(findings: &[Finding]) -> Vec<std::ops::Range<usize>> {
    findings
        .iter()
        .filter(|f| f.redact && !f.span.is_empty())
        .map(|f| f.span.clone())
        .collect()
}

/// Pieces of a secret at least this long are redacted wherever they appear: a quote cut
/// short still shows no more than [`redact`] itself does (at most 7 characters).
const PIECE: usize = 8;

/// Finds the secrets of one file, and any piece of one of at least [`PIECE`] bytes, in text
/// quoted from that file (messages, snippets, properties), to redact them there.
#[derive(Debug, Default)]
pub struct Redactor {
    /// Every 8-byte run of every secret (of its lines, key-type header lines excepted).
    pieces: std::collections::HashSet<u64>,
    /// Whole secrets shorter than a piece, found by plain search.
    short: Vec<String>,
    /// The longest secret line: how far a cut can reach into one.
    longest: usize,
}

impl Redactor {
    pub fn new<'a>(secrets: impl IntoIterator<Item = &'a str>) -> Redactor {
        let mut redactor = Redactor::default();
        for secret in secrets {
            let multi_line = secret.contains('\n');
            // A provider's fixed prefix (`sb_secret_`, `CLOJARS_`) is not secret: pieces
            // within it would hide the same words in names (`supabase_secret_key`).
            let fixed = fixed_prefix(secret);
            for (index, line) in secret.split('\n').enumerate() {
                let line = line.trim_end_matches('\r');
                // `-----BEGIN RSA PRIVATE KEY-----` and `PuTTY-User-Key-File-3: ssh-rsa` name
                // the key type; they are not secret.
                if line.starts_with("-----") || line.starts_with("PuTTY-User-Key-File-") {
                    continue;
                }
                redactor.longest = redactor.longest.max(line.len());
                if line.len() >= PIECE {
                    let skip = if index == 0 { fixed.saturating_sub(PIECE - 1) } else { 0 };
                    for window in line.as_bytes().windows(PIECE).skip(skip) {
                        redactor.pieces.insert(piece_key(window));
                    }
                } else if !multi_line && !line.is_empty() && !redactor.short.iter().any(|s| s == line) {
                    redactor.short.push(line.to_string());
                }
            }
        }
        redactor
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty() && self.short.is_empty()
    }

    /// How far before or after a range a secret that overlaps it can reach.
    pub fn reach(&self) -> usize {
        self.longest
    }

    /// The byte ranges of `text` that are secrets or pieces of one, sorted, disjoint, on
    /// character boundaries.
    pub fn find(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        let bytes = text.as_bytes();
        let mut found: Vec<std::ops::Range<usize>> = Vec::new();
        let add = |range: std::ops::Range<usize>, found: &mut Vec<std::ops::Range<usize>>| match found.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => found.push(range),
        };
        if !self.pieces.is_empty() {
            for (at, window) in bytes.windows(PIECE).enumerate() {
                if self.pieces.contains(&piece_key(window)) {
                    add(at..at + PIECE, &mut found);
                }
            }
        }
        if !self.short.is_empty() {
            let mut extra: Vec<std::ops::Range<usize>> = self
                .short
                .iter()
                .flat_map(|s| text.match_indices(s.as_str()).map(|(at, s)| at..at + s.len()))
                .collect();
            if !extra.is_empty() {
                extra.append(&mut found);
                extra.sort_by_key(|r| r.start);
                for range in extra {
                    add(range, &mut found);
                }
            }
        }
        for range in &mut found {
            while !text.is_char_boundary(range.start) {
                range.start -= 1;
            }
            while !text.is_char_boundary(range.end) {
                range.end += 1;
            }
        }
        found
    }

    /// `text` with every secret and piece of one replaced by its [`redact`]ed form.
    pub fn redact<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        self.replace(text, redact)
    }

    /// `text` with every secret and piece of one replaced by `with(secret)`.
    pub fn replace<'t>(&self, text: &'t str, with: impl Fn(&str) -> String) -> std::borrow::Cow<'t, str> {
        if self.is_empty() {
            return text.into();
        }
        let found = self.find(text);
        if found.is_empty() {
            return text.into();
        }
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for range in found {
            out.push_str(&text[at..range.start]);
            out.push_str(&with(&text[range.clone()]));
            at = range.end;
        }
        out.push_str(&text[at..]);
        out.into()
    }
}

/// The length of the longest provider keyword `secret` starts with.
fn fixed_prefix(secret: &str) -> usize {
    engine::engine()
        .providers
        .iter()
        .flat_map(|provider| provider.pattern.keywords.iter())
        .filter(|k| secret.len() >= k.len() && secret.as_bytes()[..k.len()].eq_ignore_ascii_case(k.as_bytes()))
        .map(|k| k.len())
        .max()
        .unwrap_or(0)
}

fn piece_key(window: &[u8]) -> u64 {
    let mut key = [0u8; PIECE];
    key.copy_from_slice(window);
    u64::from_le_bytes(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_two_digits_a_byte() {
        assert_eq!(hex(&[0, 9, 10, 255, 0x3c]), "00090aff3c");
        assert_eq!(hex(&[]), "");
    }

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
            Finding::new(secrets::GENERIC_ASSIGNMENT, 10..50, "g"),
            Finding::new(secrets::JWT, 10..50, "a"),
            Finding::new(secrets::PRIVATE_KEY, 10..50, "b"),
            Finding::new(secrets::URL_CREDENTIALS, 20..30, "c"),
            Finding::new(secrets::CONNECTION_STRING, 60..70, "d"),
        ];
        resolve_overlaps(&mut found);
        let kept: Vec<&str> = found.iter().map(|f| &*f.message).collect();
        assert_eq!(kept, ["a", "d"]);
    }

    #[test]
    fn on_the_same_span_the_rule_that_knows_the_token_wins() {
        let rule = |id: &str| {
            tollgate_rules::secret_patterns()
                .iter()
                .find(|p| p.id == id)
                .unwrap_or_else(|| panic!("{id}"))
                .rule
        };
        // A context rule first in file order, then a signature rule and a checksum rule.
        let mut found = vec![
            Finding::new(rule("secrets/azure-storage-account-key"), 10..98, "context"),
            Finding::new(rule("secrets/azure-cosmos-db-key"), 10..98, "signature"),
        ];
        resolve_overlaps(&mut found);
        assert_eq!(found.iter().map(|f| &*f.message).collect::<Vec<_>>(), ["signature"]);
        let mut found = vec![
            Finding::new(rule("secrets/github-pat"), 0..40, "checksum"),
            Finding::new(rule("secrets/azure-storage-account-key"), 0..40, "context"),
        ];
        resolve_overlaps(&mut found);
        assert_eq!(found.iter().map(|f| &*f.message).collect::<Vec<_>>(), ["checksum"]);
        // A prefix and a name beat the prefix alone.
        let mut found = vec![
            Finding::new(rule("secrets/stripe-secret-key"), 0..51, "prefix"),
            Finding::new(rule("secrets/clerk-secret-key"), 0..51, "prefix and name"),
        ];
        resolve_overlaps(&mut found);
        assert_eq!(
            found.iter().map(|f| &*f.message).collect::<Vec<_>>(),
            ["prefix and name"]
        );
    }

    #[test]
    fn the_redactor_finds_secrets_and_their_cut_pieces() {
        let token = "ghp_3fKabcdefghijklmnopqrstuvwxyz0123456";
        let redactor = Redactor::new([token, "Hq7!mZ"]);
        assert_eq!(
            redactor.redact(&format!("run `X={token} make` and `Y=Hq7!mZ`")),
            "run `X=ghp_3fK…(40 chars) make` and `Y=H…(6 chars)`"
        );
        // A quote cut short: the piece is redacted on its own.
        assert_eq!(
            redactor.redact("at `x = \"ghp_3fKabcdefghij`"),
            "at `x = \"ghp_…(17 chars)`"
        );
        // Fewer than 8 characters of a secret are what redaction itself shows.
        assert_eq!(redactor.redact("ghp_3fK…(40 chars)"), "ghp_3fK…(40 chars)");
        assert!(Redactor::new([]).is_empty());
        // A provider's fixed prefix is not secret.
        let supabase = Redactor::new(["sb_secret_T7OAtYSEszBjJVKjPX_vrgLNkt0aSXX"]);
        assert_eq!(supabase.redact("supabase_secret_key"), "supabase_secret_key");
        assert_eq!(supabase.redact("at `sb_secret_T7OAt`"), "at `sb_sec…(12 chars)`");
    }

    #[test]
    fn pem_armour_lines_are_not_secret() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4\n-----END RSA PRIVATE KEY-----";
        let redactor = Redactor::new([key]);
        assert_eq!(
            redactor.redact("-----BEGIN RSA PRIVATE KEY----- then MIIEowIBAAKCAQEAx4"),
            "-----BEGIN RSA PRIVATE KEY----- then MIIE…(18 chars)"
        );
    }
}
