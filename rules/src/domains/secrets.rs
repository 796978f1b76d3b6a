//! Secrets rules. The hand-written detectors (private keys, JWTs, URLs with credentials,
//! connection strings, generic assignments) have their help in `rules/help/secrets/`; the
//! provider rules are data, one TOML file per family in `rules/data/secrets/`, and their
//! help is generated from that data.

use std::sync::OnceLock;

use crate::declare::rules;
use crate::{Level, Precision, Rule};

/// The provider families, compiled in.
const FAMILIES: &[(&str, &str)] = &[
    ("cloud", include_str!("../../data/secrets/cloud.toml")),
    ("source-hosting", include_str!("../../data/secrets/source-hosting.toml")),
    ("ci-registries", include_str!("../../data/secrets/ci-registries.toml")),
    ("chat-mail", include_str!("../../data/secrets/chat-mail.toml")),
    ("payments", include_str!("../../data/secrets/payments.toml")),
    ("ai", include_str!("../../data/secrets/ai.toml")),
    (
        "observability-saas",
        include_str!("../../data/secrets/observability-saas.toml"),
    ),
];

/// A provider rule as its data file describes it. The analyzer compiles `pattern`.
#[derive(Clone, Debug)]
pub struct SecretPattern {
    /// `secrets/<slug>`.
    pub id: &'static str,
    /// The rule this pattern reports under.
    pub rule: &'static Rule,
    pub family: &'static str,
    pub provider: &'static str,
    /// What the token is, e.g. "GitHub classic personal access token".
    pub name: &'static str,
    /// Lower-case literals; the rule's regex runs only around a hit of one of them.
    pub keywords: Vec<&'static str>,
    /// A regex; the secret is the group named `secret`, else the whole match.
    pub pattern: &'static str,
    /// Minimum Shannon entropy (bits per character) of the secret.
    pub entropy: Option<f32>,
    /// A documented checksum to verify, e.g. `github-crc32`.
    pub checksum: Option<&'static str>,
    /// The documented format in words, for help.
    pub format: &'static str,
    /// A template of a positive example: literal text with `{set:n}` runs of random
    /// characters (`hex`, `HEX`, `alnum`, `lower`, `upper`, `b64`, `b64url`, `digits`,
    /// `b32`), `{uuid}`, `{crc}` (GitHub's CRC32 of the preceding run, base62) and `{crchex}`
    /// (CRC32 of the token's prefix and the preceding run, 8 lower-case hex digits),
    /// `{macaroon:<location>}` (a version-2 binary macaroon for that location, base64url).
    pub example: &'static str,
    pub revoke: Option<&'static str>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilyFile {
    rule: Vec<RuleData>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleData {
    id: String,
    provider: String,
    name: String,
    keywords: Vec<String>,
    pattern: String,
    #[serde(default)]
    entropy: Option<f32>,
    #[serde(default)]
    checksum: Option<String>,
    #[serde(default = "error")]
    level: Level,
    #[serde(rename = "security-severity", default = "severity")]
    security_severity: f32,
    #[serde(default)]
    peers: Vec<String>,
    format: String,
    example: String,
    #[serde(default)]
    revoke: Option<String>,
    #[serde(default = "yes")]
    default: bool,
    /// `medium` where the provider does not document the format (community knowledge or
    /// observed tokens); otherwise derived: `very-high` with a checksum, else `high`.
    #[serde(default)]
    precision: Option<String>,
}

fn yes() -> bool {
    true
}

fn error() -> Level {
    Level::Error
}

fn severity() -> f32 {
    8.0
}

/// The rule's precision: declared `medium` (an undocumented format), else `very-high` with a
/// verified checksum, else `high`.
fn precision_of(data: &RuleData) -> Precision {
    match data.precision.as_deref() {
        Some("medium") => Precision::Medium,
        Some(other) => panic!("secrets/{}: unknown precision {other:?}", data.id),
        None if data.checksum.is_some() => Precision::VeryHigh,
        None => Precision::High,
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

struct Loaded {
    patterns: Vec<SecretPattern>,
    rules: Vec<&'static Rule>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut rules = Vec::new();
        for (family, text) in FAMILIES {
            // The files are compiled in and checked by tests: a broken file is a build defect.
            let file: FamilyFile =
                toml::from_str(text).unwrap_or_else(|e| panic!("rules/data/secrets/{family}.toml: {e}"));
            for data in file.rule {
                let id = leak(format!("secrets/{}", data.id));
                let help = leak(help_for(&data));
                let precision = precision_of(&data);
                let peers: Vec<&'static str> = data.peers.into_iter().map(leak).collect();
                let rule: &'static Rule = Box::leak(Box::new(Rule {
                    id,
                    summary: leak(format!("{} ({})", data.name, data.provider)),
                    help,
                    level: data.level,
                    tags: &["security", "secrets"],
                    security_severity: Some(data.security_severity),
                    precision,
                    peers: Box::leak(peers.into_boxed_slice()),
                    default_enabled: data.default,
                }));
                rules.push(rule);
                patterns.push(SecretPattern {
                    id,
                    rule,
                    family,
                    provider: leak(data.provider),
                    name: leak(data.name),
                    keywords: data
                        .keywords
                        .into_iter()
                        .map(|k| leak(k.to_ascii_lowercase()))
                        .collect(),
                    pattern: leak(data.pattern),
                    entropy: data.entropy,
                    checksum: data.checksum.map(leak),
                    format: leak(data.format),
                    example: leak(data.example),
                    revoke: data.revoke.map(leak),
                });
            }
        }
        Loaded { patterns, rules }
    })
}

/// Every provider rule's pattern data, in file order.
pub fn patterns() -> &'static [SecretPattern] {
    &loaded().patterns
}

/// The example template made readable: `ghp_<30 alnum><6-char checksum>`.
pub fn describe_example(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let spec = &rest[open + 1..open + close];
        match spec.split_once(':') {
            Some((set, n)) => out.push_str(&format!("<{n} {set}>")),
            None if spec == "crc" => out.push_str("<6-char checksum>"),
            None if spec == "crchex" => out.push_str("<8-hex checksum>"),
            None => out.push_str(&format!("<{spec}>")),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn help_for(data: &RuleData) -> String {
    let revoke = data
        .revoke
        .clone()
        .unwrap_or_else(|| format!("in the {} console or account settings", data.provider));
    let checksum = match data.checksum.as_deref() {
        Some(_) => " The token's built-in checksum is verified, so a made-up value with the right shape is reported only as a warning.",
        None => "",
    };
    let undocumented = match data.precision.as_deref() {
        Some("medium") => format!(
            " {} does not document this format in full; the rule follows tokens seen in use, so it may miss some or, rarely, report a look-alike.",
            data.provider
        ),
        _ => String::new(),
    };
    let entropy = match data.entropy {
        Some(floor) => format!(" Values whose Shannon entropy is under {floor} bits per character are ignored."),
        None => String::new(),
    };
    format!(
        "## What it does\n\n\
         Finds {name} ({provider}) credentials: {format}.{undocumented}{checksum}{entropy} Placeholders and \
         documentation examples (`EXAMPLE`, `xxxx`, `<your-token>`, `${{VAR}}`, repeated or \
         sequential characters) are not reported.\n\n\
         ## Why is this bad?\n\n\
         Anyone who can read the repository, a fork, a CI log or a package built from it can use \
         this credential with the owner's permissions on {provider} until it is revoked. Deleting \
         the line does not help: it stays in the history.\n\n\
         ## Example\n\n\
         ```text\n{example}\n```\n\n\
         ## How to fix\n\n\
         Revoke the credential now ({revoke}) and create a new one. Load the new one at run time \
         from the environment, a secret manager or the CI's secret store, and keep it out of \
         the repository.\n",
        name = data.name,
        provider = data.provider,
        format = data.format,
        example = describe_example(&data.example),
    )
}

rules! {
    CONNECTION_STRING = "secrets/connection-string" {
        summary: "A connection string with a password",
        level: Error,
        tags: ["security", "secrets"],
        security_severity: 8.0,
        precision: High,
        peers: [],
    }

    GENERIC_ASSIGNMENT = "secrets/generic-assignment" {
        summary: "A high-entropy value assigned to a password, secret, token or key",
        level: Warning,
        tags: ["security", "secrets"],
        security_severity: 6.0,
        precision: Medium,
        peers: ["gitleaks:generic-api-key", "detect-secrets:KeywordDetector"],
    }

    JWT = "secrets/jwt" {
        summary: "A JSON Web Token with a real header",
        level: Warning,
        tags: ["security", "secrets"],
        security_severity: 6.5,
        precision: High,
        peers: ["gitleaks:jwt"],
    }

    PKCS12_FILE = "secrets/pkcs12-file" {
        summary: "A PKCS#12 key store (.p12, .pfx) in the tree",
        level: Warning,
        tags: ["security", "secrets"],
        security_severity: 7.0,
        precision: High,
        peers: ["gitleaks:pkcs12-file"],
    }

    PRIVATE_KEY = "secrets/private-key" {
        summary: "A private key block (PEM, OpenSSH, PGP, PuTTY) in a file",
        level: Error,
        tags: ["security", "secrets"],
        security_severity: 9.0,
        precision: VeryHigh,
        peers: ["gitleaks:private-key"],
    }

    URL_CREDENTIALS = "secrets/url-credentials" {
        summary: "A URL with a password embedded (`scheme://user:password@host`)",
        level: Error,
        tags: ["security", "secrets"],
        security_severity: 8.0,
        precision: High,
        peers: ["detect-secrets:BasicAuthDetector"],
    }
}

/// The provider rules, declared by the data files.
pub fn provider_rules() -> &'static [&'static Rule] {
    &loaded().rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load_and_ids_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES.iter().chain(provider_rules()) {
            assert!(seen.insert(rule.id), "duplicate {}", rule.id);
        }
        assert!(patterns().len() >= 150, "only {} provider rules", patterns().len());
        for pattern in patterns() {
            assert!(!pattern.keywords.is_empty(), "{}: no keywords", pattern.id);
            assert!(
                pattern
                    .keywords
                    .iter()
                    .all(|k| k.len() >= 3 || k.bytes().any(|b| !b.is_ascii_alphanumeric())),
                "{}: keyword too short",
                pattern.id
            );
            assert!(
                !pattern.format.ends_with('.'),
                "{}: format ends with a period",
                pattern.id
            );
        }
    }

    #[test]
    fn examples_read_as_shapes() {
        assert_eq!(
            describe_example("t = ghp_{alnum:30}{crc}"),
            "t = ghp_<30 alnum><6-char checksum>"
        );
        assert_eq!(describe_example("id {uuid}"), "id <uuid>");
        assert_eq!(describe_example("pypi-{macaroon:pypi.org}"), "pypi-<pypi.org macaroon>");
        assert_eq!(
            describe_example("packagist_out_{hex:60}{crchex}"),
            "packagist_out_<60 hex><8-hex checksum>"
        );
    }
}
