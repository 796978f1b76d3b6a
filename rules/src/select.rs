use std::fmt;

use crate::{catalogue, Level, Rule};

/// The rules a run uses and the level each one reports at. Indexed like the catalogue.
#[derive(Clone, Debug)]
pub struct RuleSet {
    levels: Vec<Option<Level>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectError {
    pub selector: String,
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` matches no rule id or prefix (see `tollgate rules`)",
            self.selector
        )
    }
}

/// Does `selector` (an id, a domain, or an id prefix such as `python/too-many`) name `id`?
pub fn matches(selector: &str, id: &str) -> bool {
    let selector = selector.trim_end_matches('/');
    match id.strip_prefix(selector) {
        Some(rest) => rest.is_empty() || rest.starts_with('/') || rest.starts_with('-') || selector.contains('/'),
        None => false,
    }
}

impl RuleSet {
    /// `select` replaces the default set (every matching rule, off-by-default ones included);
    /// `extend` adds to it; `ignore` removes. The selector `none` selects nothing.
    pub fn new(select: Option<&[String]>, extend: &[String], ignore: &[String]) -> Result<RuleSet, SelectError> {
        let rules = catalogue().rules();
        for selector in select.unwrap_or(&[]).iter().chain(extend).chain(ignore) {
            if selector != "none" && !rules.iter().any(|rule| matches(selector, rule.id)) {
                return Err(SelectError {
                    selector: selector.clone(),
                });
            }
        }
        let levels = rules
            .iter()
            .map(|rule| {
                let named = |list: &[String]| list.iter().any(|s| matches(s, rule.id));
                let on = match select {
                    Some(select) => named(select),
                    None => rule.default_enabled,
                } || named(extend);
                (on && !named(ignore)).then_some(rule.level)
            })
            .collect();
        Ok(RuleSet { levels })
    }

    /// Every rule, at its default level.
    pub fn all() -> RuleSet {
        RuleSet {
            levels: catalogue().rules().iter().map(|rule| Some(rule.level)).collect(),
        }
    }

    /// Changes the level of every enabled rule that `selector` names.
    pub fn set_level(&mut self, selector: &str, level: Level) -> Result<(), SelectError> {
        let mut any = false;
        for (rule, slot) in catalogue().rules().iter().zip(&mut self.levels) {
            if matches(selector, rule.id) {
                any = true;
                if slot.is_some() {
                    *slot = Some(level);
                }
            }
        }
        if any {
            Ok(())
        } else {
            Err(SelectError {
                selector: selector.to_string(),
            })
        }
    }

    pub fn level(&self, id: &str) -> Option<Level> {
        catalogue().index_of(id).and_then(|i| self.levels[i])
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.level(id).is_some()
    }

    /// Is any rule of this domain (or prefix) enabled? Analyzers skip whole domains on this.
    pub fn any(&self, prefix: &str) -> bool {
        self.enabled().any(|rule| matches(prefix, rule.id))
    }

    pub fn enabled(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        catalogue()
            .rules()
            .iter()
            .zip(&self.levels)
            .filter(|(_, level)| level.is_some())
            .map(|(rule, _)| *rule)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_ids_domains_and_prefixes() {
        assert!(matches("secrets", "secrets/private-key"));
        assert!(matches("secrets/", "secrets/private-key"));
        assert!(matches("secrets/private", "secrets/private-key"));
        assert!(matches("secrets/private-key", "secrets/private-key"));
        assert!(!matches("secret", "secrets/private-key"));
        assert!(!matches("python", "secrets/private-key"));
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn select_replaces_and_ignore_removes() {
        let set = RuleSet::new(Some(&strings(&["secrets"])), &[], &[]).unwrap();
        assert!(set.is_enabled("secrets/private-key"));
        assert!(!set.is_enabled("tollgate/unused-suppression"));
        let set = RuleSet::new(None, &[], &strings(&["secrets/private-key"])).unwrap();
        assert!(!set.is_enabled("secrets/private-key"));
        assert!(set.is_enabled("tollgate/unused-suppression"));
        let none = RuleSet::new(Some(&strings(&["none"])), &[], &[]).unwrap();
        assert_eq!(none.enabled().count(), 0);
        assert!(!none.any("secrets"));
    }

    #[test]
    fn unknown_selectors_are_errors() {
        let err = RuleSet::new(Some(&strings(&["pythn"])), &[], &[]).unwrap_err();
        assert_eq!(err.selector, "pythn");
        assert!(RuleSet::new(None, &[], &strings(&["secrets/nope"])).is_err());
    }

    #[test]
    fn levels_can_be_overridden() {
        let mut set = RuleSet::new(None, &[], &[]).unwrap();
        set.set_level("secrets/private-key", Level::Warning).unwrap();
        assert_eq!(set.level("secrets/private-key"), Some(Level::Warning));
        assert!(set.set_level("nope/x", Level::Note).is_err());
    }
}
