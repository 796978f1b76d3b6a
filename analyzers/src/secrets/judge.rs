//! Where a secret is found decides how sure a finding can be. A value that can be checked
//! offline (a checksum, an encoded structure) is a leak wherever it is: a real token in a
//! test file is still a real token. A value that cannot (a provider's format without a
//! checksum, a generic assignment, a key block, a password in a URL) is, in tests, docs and
//! examples, far more often a made-up one: there it is a note, and in vendored or generated
//! files it is not reported. A commented line that says it shows an example is an example.
//! Every finding so down-ranked says why in its `downranked` property.

use tollgate_rules::{Finding, Level, PropValue, Role};

/// Is the value of a finding of this rule checked offline: a checksum, or an encoded
/// structure (`checksum` in the rule's data names either; the engine checked it)?
pub fn is_verified(rule: &str) -> bool {
    tollgate_rules::secret_patterns()
        .iter()
        .any(|pattern| pattern.rule.id == rule && pattern.checksum.is_some())
}

/// Down-ranks or drops the secrets findings of one file by its role and by what the
/// finding's line says; other findings are left alone.
pub fn judge(text: &str, role: Option<Role>, findings: &mut Vec<Finding>) {
    findings.retain_mut(|finding| {
        if !finding.rule.starts_with("secrets/") || is_verified(finding.rule) {
            return true;
        }
        let why = match role {
            Some(Role::Vendored | Role::Generated) => return false,
            Some(role @ (Role::Test | Role::Docs | Role::Example)) => {
                format!("in a {} file, and the value cannot be checked offline", role.as_str())
            }
            _ if example_comment(text, finding.span.start) => {
                "on a comment line that says it is an example, and the value cannot be checked offline".to_string()
            }
            _ => return true,
        };
        finding.level = Some(Level::Note);
        finding.properties.push(("downranked", PropValue::Str(why)));
        true
    });
}

/// Is the line at `offset` a comment that presents what it holds as an example? A comment
/// opener followed by a space (`//npm.example.org/:_authToken=` in an `.npmrc` is no
/// comment), and words that say so (`example.org` alone does not).
fn example_comment(text: &str, offset: usize) -> bool {
    let start = text[..offset.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[start..end].trim_start();
    let comment = ["#", "//", "--", ";", "/*", "*", "<!--", "REM", "rem"]
        .iter()
        .any(|opener| {
            line.strip_prefix(opener)
                .is_some_and(|rest| rest.starts_with([' ', '\t']))
        });
    let lower = line.to_ascii_lowercase();
    comment
        && [
            "example:",
            "for example",
            "an example",
            "e.g.",
            "for instance",
            "sample:",
        ]
        .iter()
        .any(|words| lower.contains(words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tollgate_rules::secrets;

    fn rule(id: &str) -> &'static tollgate_rules::Rule {
        tollgate_rules::find(id).expect("a catalogue rule")
    }

    fn finding(rule: &'static tollgate_rules::Rule, text: &str, at: &str) -> Finding {
        let start = text.find(at).unwrap();
        Finding::new(rule, start..start + at.len(), "m")
    }

    #[test]
    fn unverifiable_values_are_notes_in_tests_docs_and_examples_and_gone_from_vendored_code() {
        let text = "KEY = 'abc'\n";
        for (role, kept) in [
            (Some(Role::Test), Some(Some(Level::Note))),
            (Some(Role::Docs), Some(Some(Level::Note))),
            (Some(Role::Example), Some(Some(Level::Note))),
            (Some(Role::Vendored), None),
            (Some(Role::Generated), None),
            (None, Some(None)),
        ] {
            let mut found = vec![finding(secrets::GENERIC_ASSIGNMENT, text, "abc")];
            judge(text, role, &mut found);
            assert_eq!(found.first().map(|f| f.level), kept, "{role:?}");
        }
    }

    #[test]
    fn checksum_valid_tokens_stay_what_they_are_everywhere() {
        let text = "t = 'ghp_x'\n";
        for role in [Some(Role::Test), Some(Role::Vendored)] {
            let mut found = vec![finding(rule("secrets/github-pat"), text, "ghp_x")];
            judge(text, role, &mut found);
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].level, None);
            assert!(found[0].properties.is_empty());
        }
        assert!(!is_verified(secrets::JWT.id));
    }

    #[test]
    fn a_comment_that_says_example_makes_an_example() {
        let text = "# Example: export API_KEY=abc\nAPI_KEY=abc\n";
        let mut found = vec![
            finding(secrets::GENERIC_ASSIGNMENT, text, "abc"),
            finding(secrets::GENERIC_ASSIGNMENT, text, "abc\n"),
        ];
        found[1].span = text.rfind("abc").unwrap()..text.rfind("abc").unwrap() + 3;
        judge(text, None, &mut found);
        assert_eq!(found[0].level, Some(Level::Note));
        assert!(matches!(&found[0].properties[0].1, PropValue::Str(why) if why.contains("example")));
        assert_eq!(found[1].level, None);
        // No comment: a registry URL; and a comment that only names a domain.
        for text in ["//npm.example.org/:_authToken=abc\n", "# see example.org\nKEY=abc\n"] {
            let mut found = vec![finding(secrets::GENERIC_ASSIGNMENT, text, "abc")];
            judge(text, None, &mut found);
            assert_eq!(found[0].level, None, "{text}");
        }
    }
}
