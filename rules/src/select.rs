use std::fmt;

use crate::{catalogue, Level, Rule};

/// The rules a run uses and the level each one reports at. Indexed like the catalogue.
#[derive(Clone, Debug)]
pub struct RuleSet {
    levels: Vec<Option<Level>>,
    /// Selectors of other tools' rules (`ruff/`, `semgrep/python.`), which `--import-sarif`
    /// makes at run time: those `select` and `extend` name, and those `ignore` names.
    tools_selected: Vec<String>,
    tools_ignored: Vec<String>,
    /// `select` named another tool: only the imported findings it or `extend` names are kept.
    tools_narrowed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectError {
    pub selector: String,
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` matches no rule id, prefix or peer code (see `tollgate rules`)",
            self.selector
        )
    }
}

/// Does `selector` name the rule `id`? A selector is an id, a domain, an id prefix such as
/// `python/too-many`, or one of the rule's peer codes as other tools write it: `C901`,
/// `ruff:C901`, `DL3008`, `zizmor:unpinned-uses`, or a prefix of ruff-style codes (`PLR09`).
pub fn matches(selector: &str, id: &str) -> bool {
    names_by_id(selector, id)
        || (!selector.contains('/') && crate::find(id).is_some_and(|rule| names_by_peer(selector, rule)))
}

/// [`matches`] for a rule at hand (no catalogue lookup: analyzers ask this per file).
pub fn matches_rule(selector: &str, rule: &Rule) -> bool {
    names_by_id(selector, rule.id) || (!selector.contains('/') && names_by_peer(selector, rule))
}

fn names_by_id(selector: &str, id: &str) -> bool {
    let trimmed = selector.trim_end_matches('/');
    match id.strip_prefix(trimmed) {
        Some(rest) => rest.is_empty() || rest.starts_with('/') || rest.starts_with('-') || trimmed.contains('/'),
        None => false,
    }
}

fn names_by_peer(selector: &str, rule: &Rule) -> bool {
    rule.peers.iter().any(|peer| peer_matches(selector, peer))
}

/// Does `selector` name this rule itself, rather than a domain or prefix it is in: its id,
/// or one of its peer codes whole (`PLR0913`, `ruff:too-many-arguments`, `DL3008`)?
pub fn names_exactly(selector: &str, rule: &Rule) -> bool {
    selector.trim_end_matches('/') == rule.id
        || rule.peers.iter().any(|peer| {
            let Some((tool, code)) = peer.split_once(':') else {
                return false;
            };
            let (wanted_tool, wanted) = selector.split_once(':').unwrap_or(("", selector));
            (wanted_tool.is_empty() || wanted_tool.eq_ignore_ascii_case(tool))
                && (wanted == code || (tool == "ruff" && ruff_name(code) == Some(wanted)))
        })
}

/// `peer` is `tool:code`; the selector names it with or without the tool, by its code or,
/// for ruff, by its rule name (`too-many-arguments`), as ruff's own selectors may.
pub fn peer_matches(selector: &str, peer: &str) -> bool {
    let Some((tool, code)) = peer.split_once(':') else {
        return false;
    };
    let (wanted_tool, wanted) = match selector.split_once(':') {
        Some((wanted_tool, wanted)) => (Some(wanted_tool), wanted),
        None => (None, selector),
    };
    if wanted_tool.is_some_and(|t| !t.eq_ignore_ascii_case(tool)) {
        return false;
    }
    code_matches(wanted, code) || (tool == "ruff" && ruff_name(code) == Some(wanted))
}

/// The names ruff gives the codes tollgate's rules name as peers: ruff accepts them wherever
/// it accepts a code (suppression comments, `per-file-ignores`, `ignore`).
const RUFF_NAMES: &[(&str, &str)] = &[
    ("C901", "complex-structure"),
    ("E999", "syntax-error"),
    ("PLR0904", "too-many-public-methods"),
    ("PLR0911", "too-many-return-statements"),
    ("PLR0912", "too-many-branches"),
    ("PLR0913", "too-many-arguments"),
    ("PLR0914", "too-many-locals"),
    ("PLR0915", "too-many-statements"),
    ("PLR0916", "too-many-boolean-expressions"),
    ("PLR0917", "too-many-positional-arguments"),
    ("PLR1702", "too-many-nested-blocks"),
    ("RUF100", "unused-noqa"),
];

/// ruff's name for one of the codes above.
pub fn ruff_name(code: &str) -> Option<&'static str> {
    RUFF_NAMES.iter().find(|(c, _)| *c == code).map(|(_, name)| *name)
}

/// The code ruff names `name`, if it is one of the codes above.
pub fn ruff_code(name: &str) -> Option<&'static str> {
    RUFF_NAMES.iter().find(|(_, n)| *n == name).map(|(code, _)| *code)
}

/// The code itself, or for codes of capitals and digits (`PLR0913`, `DL3008`) a prefix of
/// them, as ruff selects `PLR` or `C9`.
fn code_matches(selector: &str, code: &str) -> bool {
    let ruff_style = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    selector == code || (ruff_style(selector) && ruff_style(code) && code.starts_with(selector))
}

/// A selector of another tool's rules (`ruff/E501`, `semgrep/`), which `--import-sarif`
/// makes at run time: its first segment is no tollgate domain.
pub fn names_another_tool(selector: &str) -> bool {
    selector
        .split_once('/')
        .is_some_and(|(domain, _)| !domain.is_empty() && !crate::DOMAINS.contains(&domain))
}

impl RuleSet {
    /// `select` replaces the default set (every matching rule, off-by-default ones included);
    /// `extend` adds to it; `ignore` removes. The selector `none` selects nothing.
    pub fn new(select: Option<&[String]>, extend: &[String], ignore: &[String]) -> Result<RuleSet, SelectError> {
        RuleSet::layered(&|_| None, select, extend, ignore)
    }

    /// As [`RuleSet::new`], on top of what other tools' configs decide (`imported`: on, off,
    /// or nothing to say): ruff's `select`, hadolint's `ignored`. A rule they turn off comes
    /// back only when `select` or `extend` names it exactly (its id or one of its peer codes),
    /// not through a domain or a prefix; `ignore` turns off whatever it matches.
    pub fn layered(
        imported: &dyn Fn(&Rule) -> Option<bool>,
        select: Option<&[String]>,
        extend: &[String],
        ignore: &[String],
    ) -> Result<RuleSet, SelectError> {
        let rules = catalogue().rules();
        let tools =
            |list: &[String]| -> Vec<String> { list.iter().filter(|s| names_another_tool(s)).cloned().collect() };
        let mut tools_selected = tools(select.unwrap_or(&[]));
        let tools_narrowed = !tools_selected.is_empty();
        tools_selected.extend(tools(extend));
        for selector in select.unwrap_or(&[]).iter().chain(extend).chain(ignore) {
            if selector != "none"
                && !names_another_tool(selector)
                && !rules.iter().any(|rule| matches_rule(selector, rule))
            {
                return Err(SelectError {
                    selector: selector.clone(),
                });
            }
        }
        let levels = rules
            .iter()
            .map(|rule| {
                let decided = imported(rule);
                let named = |list: &[String]| {
                    list.iter()
                        .any(|s| names_exactly(s, rule) || (decided != Some(false) && matches_rule(s, rule)))
                };
                let on = match select {
                    Some(select) => named(select),
                    None => decided.unwrap_or(rule.default_enabled),
                } || named(extend);
                let ignored = ignore.iter().any(|s| matches_rule(s, rule));
                (on && !ignored).then_some(rule.level)
            })
            .collect();
        Ok(RuleSet {
            levels,
            tools_selected,
            tools_ignored: tools(ignore),
            tools_narrowed,
        })
    }

    /// Every rule, at its default level.
    pub fn all() -> RuleSet {
        RuleSet {
            levels: catalogue().rules().iter().map(|rule| Some(rule.level)).collect(),
            tools_selected: Vec::new(),
            tools_ignored: Vec::new(),
            tools_narrowed: false,
        }
    }

    /// Changes the level of every enabled rule that `selector` names.
    pub fn set_level(&mut self, selector: &str, level: Level) -> Result<(), SelectError> {
        let mut any = false;
        for (rule, slot) in catalogue().rules().iter().zip(&mut self.levels) {
            if matches_rule(selector, rule) {
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
        match catalogue().index_of(id) {
            Some(i) => self.levels[i],
            // Another tool's rule, made for its imported SARIF: at its own level, unless
            // `ignore` names it or `select` names other rules of other tools only.
            None => crate::find(id)
                .filter(|_| {
                    let named = |list: &[String]| list.iter().any(|s| names_by_id(s, id));
                    !named(&self.tools_ignored) && (!self.tools_narrowed || named(&self.tools_selected))
                })
                .map(|rule| rule.level),
        }
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.level(id).is_some()
    }

    /// Is any rule of this domain (or prefix) enabled? Analyzers skip whole domains on this.
    pub fn any(&self, prefix: &str) -> bool {
        self.enabled().any(|rule| matches_rule(prefix, rule))
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
    fn peer_codes_name_their_rules() {
        assert!(matches("C901", "python/complex-function"));
        assert!(matches("ruff:C901", "python/complex-function"));
        assert!(matches("flake8:C901", "python/complex-function"));
        assert!(!matches("hadolint:C901", "python/complex-function"));
        assert!(matches("PLR0913", "python/too-many-arguments"));
        assert!(matches("PLR09", "python/too-many-arguments"));
        assert!(!matches("PLR0913", "python/too-many-positional-arguments"));
        assert!(!matches("C90", "docker/apt-pin"));
        assert!(matches("DL3008", "docker/apt-pin"));
        assert!(matches("DL30", "docker/apt-pin"));
        assert!(matches("zizmor:unpinned-uses", "actions/unpinned-uses"));
        assert!(matches("unpinned-uses", "actions/unpinned-uses"));
        // A code is matched whole unless it is ruff-style: `unpinned` is no code.
        assert!(!matches("unpinned", "actions/unpinned-uses"));
        // ruff's rule names, which ruff accepts wherever it takes a code.
        assert!(matches("too-many-arguments", "python/too-many-arguments"));
        assert!(matches("ruff:complex-structure", "python/complex-function"));
        assert!(!matches("pylint:complex-structure", "python/complex-function"));
        assert!(!matches("too-many-arguments", "python/too-many-positional-arguments"));
        let set = RuleSet::new(Some(&["C901".to_string()]), &[], &[]).unwrap();
        assert_eq!(
            set.enabled().map(|r| r.id).collect::<Vec<_>>(),
            ["python/complex-function"]
        );
        let set = RuleSet::new(None, &[], &["DL3008".to_string()]).unwrap();
        assert!(!set.is_enabled("docker/apt-pin"));
        assert!(set.is_enabled("docker/apk-pin"));
        assert_eq!(
            RuleSet::new(Some(&["XYZ123".to_string()]), &[], &[])
                .unwrap_err()
                .selector,
            "XYZ123"
        );
    }

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
    fn what_other_tools_turn_off_comes_back_only_when_named_exactly() {
        let off = |rule: &Rule| (rule.id == "python/too-many-locals").then_some(false);
        let broad = RuleSet::layered(&off, Some(&strings(&["python"])), &strings(&["PLR09"]), &[]).unwrap();
        assert!(!broad.is_enabled("python/too-many-locals"));
        assert!(broad.is_enabled("python/too-many-arguments"));
        for exact in ["python/too-many-locals", "PLR0914", "ruff:too-many-locals"] {
            let set = RuleSet::layered(&off, None, &strings(&[exact]), &[]).unwrap();
            assert!(set.is_enabled("python/too-many-locals"), "{exact}");
        }
        let on = |rule: &Rule| (rule.id == "python/feature-envy").then_some(true);
        let set = RuleSet::layered(&on, None, &[], &[]).unwrap();
        assert!(set.is_enabled("python/feature-envy"));
        let set = RuleSet::layered(&on, None, &[], &strings(&["python"])).unwrap();
        assert!(!set.is_enabled("python/feature-envy"));
    }

    #[test]
    fn other_tools_rules_are_selected_and_ignored_by_their_ids() {
        for id in ["semgrep/python.eval", "semgrep/python.exec", "ruff/E501"] {
            crate::import_rule(Rule {
                id,
                summary: "",
                help: "",
                level: Level::Note,
                tags: &[],
                security_severity: None,
                precision: crate::Precision::Medium,
                peers: &[],
                default_enabled: true,
            });
        }
        let set = |select: Option<&[&str]>, extend: &[&str], ignore: &[&str]| {
            let select = select.map(strings);
            RuleSet::new(select.as_deref(), &strings(extend), &strings(ignore)).unwrap()
        };
        let enabled = |set: &RuleSet| -> Vec<&str> {
            ["semgrep/python.eval", "semgrep/python.exec", "ruff/E501"]
                .into_iter()
                .filter(|id| set.is_enabled(id))
                .collect()
        };
        // Kept unless ignored, at their own level, whatever `select` says of tollgate's rules.
        assert_eq!(enabled(&set(Some(&["python"]), &[], &[])).len(), 3);
        assert_eq!(set(None, &[], &[]).level("ruff/E501"), Some(Level::Note));
        assert_eq!(enabled(&set(None, &[], &["semgrep/"])), ["ruff/E501"]);
        assert_eq!(
            enabled(&set(None, &[], &["semgrep/python.ev"])),
            ["semgrep/python.exec", "ruff/E501"]
        );
        // A `select` naming another tool keeps only what it and `extend` name.
        assert_eq!(
            enabled(&set(Some(&["python", "semgrep/"]), &[], &["semgrep/python.exec"])),
            ["semgrep/python.eval"]
        );
        assert_eq!(
            enabled(&set(Some(&["ruff/E501"]), &["semgrep/python.exec"], &[])),
            ["semgrep/python.exec", "ruff/E501"]
        );
        assert!(!set(Some(&["ruff/"]), &[], &[]).is_enabled("python/complex-function"));
        // A selector of a tollgate domain that matches nothing is still an error.
        assert!(RuleSet::new(None, &[], &strings(&["python/nope"])).is_err());
    }

    #[test]
    fn levels_can_be_overridden() {
        let mut set = RuleSet::new(None, &[], &[]).unwrap();
        set.set_level("secrets/private-key", Level::Warning).unwrap();
        assert_eq!(set.level("secrets/private-key"), Some(Level::Warning));
        assert!(set.set_level("nope/x", Level::Note).is_err());
    }
}
