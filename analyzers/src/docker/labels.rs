//! The label schema (hadolint's `label-schema` and `strict-labels`): the labels an image
//! must carry and the form of each value. Without a schema nothing here reports.
//!
//! Labels matter on the images a file produces, so `label-missing` looks at the stages no
//! other stage builds on or copies from, with the labels they inherit from the stages of the
//! same file they are built on. A value built from a variable is not judged.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use tollgate_rules::{docker, Rule};

use super::parser::Kind;
use super::{Model, Sink};

/// The current identifiers of the SPDX License List (rule data, with its source).
const SPDX_IDS: &str = include_str!("../../../rules/data/docker/spdx-licenses.txt");

/// The form a label's value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelType {
    Text,
    Url,
    Rfc3339,
    Spdx,
    Hash,
    Semver,
    Email,
}

pub fn check(model: &Model, sink: &mut Sink) {
    let schema = &model.settings.label_schema;
    if schema.is_empty() {
        return;
    }
    for item in model.items.iter().filter(|i| i.is(Kind::Label) && !i.onbuild) {
        let mut extra = Vec::new();
        for pair in item.ins.pairs() {
            let key = &pair.key.value;
            let Some(kind) = schema.get(key) else {
                if model.settings.strict_labels && !key.contains('$') {
                    extra.push(pair.key);
                }
                continue;
            };
            let Some(value) = pair.value else { continue };
            // Surrounding blanks are not part of what tools read.
            let shown = value.value.trim();
            if shown.contains('$') {
                continue;
            }
            let problem = if value.value.is_empty() {
                Some((docker::LABEL_EMPTY, "is empty".to_string()))
            } else if shown.is_empty() {
                None
            } else {
                invalid(*kind, shown)
            };
            if let Some((rule, what)) = problem {
                let span = if value.span.is_empty() {
                    pair.key.span.clone()
                } else {
                    value.span.clone()
                };
                sink.report(item.statement, rule, span, format!("label `{key}` {what}"));
            }
        }
        if let Some(first) = extra.first() {
            let names: Vec<String> = extra.iter().map(|k| format!("`{}`", k.value)).collect();
            sink.report(
                item.statement,
                docker::LABEL_NOT_IN_SCHEMA,
                first.span.clone(),
                match names.len() {
                    1 => format!("label {} is not in the label schema (strict labels)", names[0]),
                    _ => format!(
                        "labels {} are not in the label schema (strict labels)",
                        names.join(", ")
                    ),
                },
            );
        }
    }
    missing(model, sink);
}

/// Stages that make an image (none of the file builds on them or copies from them) and
/// lack a label of the schema, themselves and through the stages they are built on.
fn missing(model: &Model, sink: &mut Sink) {
    let schema = &model.settings.label_schema;
    for (index, stage) in model.stages.iter().enumerate() {
        let built_on = model.stages.iter().any(|other| other.parent == Some(index));
        if stage.copied_from || built_on {
            continue;
        }
        let present: BTreeSet<String> = model
            .lineage(Some(index))
            .flat_map(|s| model.stage_items(s).filter(|i| i.is(Kind::Label)))
            .flat_map(|item| item.ins.pairs().into_iter().map(|p| p.key.value))
            .collect();
        let absent: Vec<String> = schema
            .keys()
            .filter(|key| !present.contains(*key))
            .map(|key| format!("`{key}`"))
            .collect();
        if !absent.is_empty() {
            sink.report(
                stage.from.span.start,
                docker::LABEL_MISSING,
                stage.image_span.clone(),
                match absent.len() {
                    1 => format!("the image has no label {} (label schema)", absent[0]),
                    _ => format!("the image has no labels {} (label schema)", absent.join(", ")),
                },
            );
        }
    }
}

/// What is wrong with `value` for a label of type `kind`.
fn invalid(kind: LabelType, value: &str) -> Option<(&'static Rule, String)> {
    let (ok, rule, what) = match kind {
        LabelType::Text => return None,
        LabelType::Url => (is_absolute_uri(value), docker::LABEL_NOT_URL, "an absolute URL"),
        LabelType::Rfc3339 => (is_rfc3339(value), docker::LABEL_NOT_RFC3339, "an RFC 3339 date-time"),
        LabelType::Spdx => (is_spdx_id(value), docker::LABEL_NOT_SPDX, "an SPDX license identifier"),
        LabelType::Hash => (is_git_hash(value), docker::LABEL_NOT_GIT_HASH, "a git commit hash"),
        LabelType::Semver => (is_semver(value), docker::LABEL_NOT_SEMVER, "a semantic version"),
        LabelType::Email => (is_email(value), docker::LABEL_NOT_EMAIL, "an e-mail address"),
    };
    (!ok).then(|| (rule, format!("is `{value}`, not {what}")))
}

/// RFC 3986: a scheme, `:`, and no character a URI cannot hold.
fn is_absolute_uri(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    let scheme_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    scheme_ok
        && rest
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&b))
}

/// RFC 3339's `date-time`: `2024-05-01T12:00:00Z`, `...T12:00:00.5+02:00`.
fn is_rfc3339(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || !matches!(b.get(10), Some(b'T' | b't')) {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    let (Some(hour), Some(minute), Some(second)) = (digits(11..13), digits(14..16), digits(17..19)) else {
        return false;
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return false;
    }
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        let fraction = b[at + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return false;
        }
        at += 1 + fraction;
    }
    match b.get(at) {
        Some(b'Z' | b'z') => at + 1 == b.len(),
        Some(b'+' | b'-') => {
            b.len() == at + 6
                && b[at + 3] == b':'
                && digits(at + 1..at + 3).is_some_and(|h| h <= 23)
                && digits(at + 4..at + 6).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

/// One identifier of the SPDX License List (an expression such as `MIT OR Apache-2.0`, a
/// `LicenseRef-` or a deprecated identifier is not one).
fn is_spdx_id(value: &str) -> bool {
    SPDX_IDS.lines().any(|line| !line.starts_with('#') && line == value)
}

/// A full commit hash (40 hex digits for SHA-1, 64 for SHA-256) or one abbreviated to at
/// least 7 digits, as git prints them.
fn is_git_hash(value: &str) -> bool {
    ((7..=40).contains(&value.len()) || value.len() == 64) && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Semantic Versioning 2.0.0: `MAJOR.MINOR.PATCH`, numbers without leading zeros, then an
/// optional `-pre.release` and `+build` of dot-separated identifiers.
fn is_semver(value: &str) -> bool {
    let number = |part: &str| {
        !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) && (part == "0" || !part.starts_with('0'))
    };
    let identifier = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let (rest, build) = match value.split_once('+') {
        Some((rest, build)) => (rest, Some(build)),
        None => (value, None),
    };
    let (core, pre) = match rest.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (rest, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| number(p))
        && pre.is_none_or(|pre| {
            pre.split('.')
                .all(|p| identifier(p) && (!p.bytes().all(|b| b.is_ascii_digit()) || number(p)))
        })
        && build.is_none_or(|build| build.split('.').all(identifier))
}

/// RFC 5322's `addr-spec` in its dot-atom form: `local@domain`, no display name.
fn is_email(value: &str) -> bool {
    let dot_atom = |part: &str, extra: &[u8]| {
        !part.is_empty()
            && part
                .split('.')
                .all(|atom| !atom.is_empty() && atom.bytes().all(|b| b.is_ascii_alphanumeric() || extra.contains(&b)))
    };
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    dot_atom(local, b"!#$%&'*+-/=?^_`{|}~") && dot_atom(domain, b"-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_forms() {
        assert!(is_absolute_uri("https://example.com/a?b=c#d"));
        assert!(is_absolute_uri("mailto:a@b.example"));
        assert!(!is_absolute_uri("example.com/x"));
        assert!(!is_absolute_uri("https://exa mple.com"));
        assert!(!is_absolute_uri("1http://x"));

        assert!(is_rfc3339("2024-01-02T03:04:05Z"));
        assert!(is_rfc3339("2024-02-29t03:04:05.123+02:00"));
        assert!(!is_rfc3339("2023-02-29T03:04:05Z"));
        assert!(!is_rfc3339("2024-01-02 03:04:05Z"));
        assert!(!is_rfc3339("2024-01-02"));
        assert!(!is_rfc3339("2024-01-02T25:04:05Z"));
        assert!(!is_rfc3339("2024-01-02T03:04:05+2:00"));

        assert!(is_spdx_id("MIT"));
        assert!(is_spdx_id("Apache-2.0"));
        assert!(is_spdx_id("GPL-3.0-or-later"));
        assert!(!is_spdx_id("mit"));
        assert!(!is_spdx_id("GPL-3.0"), "deprecated");
        assert!(!is_spdx_id("MIT OR Apache-2.0"));
        assert!(!is_spdx_id(
            "# The SPDX License List's current identifiers, one per line (deprecated ones are left out:"
        ));

        assert!(is_git_hash("0123456"));
        assert!(is_git_hash("0123456789abcdef0123456789abcdef01234567"));
        assert!(is_git_hash(&"a".repeat(64)));
        assert!(!is_git_hash("012345"));
        assert!(!is_git_hash("012345g"));
        assert!(!is_git_hash(&"a".repeat(41)));

        assert!(is_semver("1.2.3"));
        assert!(is_semver("1.2.3-rc.1+build.5"));
        assert!(is_semver("0.0.0-0A.is.legal"));
        assert!(!is_semver("v1.2.3"));
        assert!(!is_semver("1.2"));
        assert!(!is_semver("01.2.3"));
        assert!(!is_semver("1.2.3-"));
        assert!(!is_semver("1.2.3-01"));

        assert!(is_email("a@localhost"));
        assert!(is_email("a.b+c@x.y.z"));
        assert!(!is_email("Name <a@b.example>"));
        assert!(!is_email("@b.c"));
        assert!(!is_email("a@b@c"));
        assert!(!is_email("a..b@c.d"));
    }
}
