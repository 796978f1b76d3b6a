use std::collections::HashMap;
use std::sync::OnceLock;

use crate::Level;

/// A rule's metadata. One source feeds `tollgate rules`, `tollgate explain`, SARIF
/// `tool.driver.rules` and the README's rule list.
#[derive(Clone, Debug)]
pub struct Rule {
    /// `<domain>/<slug>`.
    pub id: &'static str,
    /// One line, no trailing period.
    pub summary: &'static str,
    /// Markdown with the sections *What it does*, *Why is this bad?*, *Example*, *How to fix*.
    pub help: &'static str,
    pub level: Level,
    pub tags: &'static [&'static str],
    /// GitHub code scanning's `security-severity` (0.0 to 10.0), for security rules.
    pub security_severity: Option<f32>,
    pub precision: Precision,
    /// Equivalent codes in other tools: `ruff:C901`, `hadolint:DL3008`, `zizmor:unpinned-uses`.
    pub peers: &'static [&'static str],
    /// Runs without `--select`.
    pub default_enabled: bool,
}

impl Rule {
    pub fn domain(&self) -> &'static str {
        self.id.split('/').next().unwrap_or(self.id)
    }

    /// Tagged `security`: its findings gate wherever they are, not only on new lines.
    pub fn is_security(&self) -> bool {
        self.tags.contains(&"security")
    }
}

/// How often a rule's findings are right, in CodeQL's vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    VeryHigh,
    High,
    Medium,
    Low,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::VeryHigh => "very-high",
            Precision::High => "high",
            Precision::Medium => "medium",
            Precision::Low => "low",
        }
    }
}

pub struct Catalogue {
    rules: Vec<&'static Rule>,
    by_id: HashMap<&'static str, usize>,
}

impl Catalogue {
    fn build() -> Catalogue {
        let mut rules: Vec<&'static Rule> = Vec::new();
        rules.extend(crate::domains::tollgate::RULES);
        rules.extend(crate::domains::python::RULES);
        rules.extend(crate::domains::smells::RULES);
        rules.extend(crate::domains::secrets::RULES);
        rules.extend(crate::domains::secrets::provider_rules());
        rules.extend(crate::domains::actions::RULES);
        rules.extend(crate::domains::docker::RULES);
        rules.extend(crate::domains::shell::RULES);
        rules.sort_by_key(|rule| rule.id);
        let by_id = rules.iter().enumerate().map(|(i, rule)| (rule.id, i)).collect();
        Catalogue { rules, by_id }
    }

    pub fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&'static Rule> {
        self.index_of(id).map(|i| self.rules[i])
    }
}

/// The catalogue of every rule tollgate knows, sorted by id.
pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::build)
}

/// A rule of the catalogue, or one made for another tool's SARIF ([`import_rule`]).
pub fn find(id: &str) -> Option<&'static Rule> {
    catalogue().get(id).or_else(|| imported_rule(id))
}

/// The rules made at run time for other tools' findings (`--import-sarif`): `<tool>/<rule>`.
fn imported_rules() -> &'static std::sync::RwLock<HashMap<&'static str, &'static Rule>> {
    static IMPORTED: OnceLock<std::sync::RwLock<HashMap<&'static str, &'static Rule>>> = OnceLock::new();
    IMPORTED.get_or_init(Default::default)
}

fn imported_rule(id: &str) -> Option<&'static Rule> {
    imported_rules().read().ok()?.get(id).copied()
}

/// Registers a rule of another tool, met in its SARIF, and gives it back for good: the first
/// rule registered under an id stays (a run imports a bounded set of rules, so what is kept
/// for the process's life is bounded too). A catalogue id is never replaced.
pub fn import_rule(rule: Rule) -> &'static Rule {
    if let Some(known) = find(rule.id) {
        return known;
    }
    let mut imported = imported_rules()
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    imported.entry(rule.id).or_insert_with(|| Box::leak(Box::new(rule)))
}

/// Is this a rule made for another tool's findings, not one of tollgate's?
pub fn is_imported(id: &str) -> bool {
    catalogue().get(id).is_none() && imported_rule(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in catalogue().rules() {
            assert!(seen.insert(rule.id), "duplicate rule id {}", rule.id);
            let (domain, slug) = rule.id.split_once('/').expect("id is domain/slug");
            assert!(crate::DOMAINS.contains(&domain), "{}: unknown domain", rule.id);
            assert!(
                !slug.is_empty()
                    && slug
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}: slug must be kebab-case",
                rule.id
            );
            assert!(!rule.summary.ends_with('.'), "{}: summary ends with a period", rule.id);
            for section in ["## What it does", "## Why is this bad?", "## Example", "## How to fix"] {
                assert!(rule.help.contains(section), "{}: help lacks `{section}`", rule.id);
            }
            if rule.is_security() {
                let severity = rule
                    .security_severity
                    .unwrap_or_else(|| panic!("{}: security rule without security-severity", rule.id));
                assert!((0.0..=10.0).contains(&severity));
            }
            for peer in rule.peers {
                assert!(
                    peer.split_once(':')
                        .is_some_and(|(tool, code)| !tool.is_empty() && !code.is_empty()),
                    "{}: peer `{peer}` is not tool:code",
                    rule.id
                );
            }
        }
    }
}
