//! The GitHub Actions analyzer on a workflow and on an action: the YAML reader plus every
//! rule that walks its tree.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tollgate_fuzz::{analyze_as, domain_rules};
use tollgate_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| domain_rules("actions"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    analyze_as(".github/workflows/fuzz.yml", text, rules);
    analyze_as("action.yml", text, rules);
});
