//! The Python analyzer (tree-sitter parse plus the metric walk) and the per-file half of
//! duplicate detection.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tollgate_analyzers::duplication::{find, windows, Options};
use tollgate_fuzz::{analyze_as, domain_rules};
use tollgate_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| domain_rules("python"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    analyze_as("fuzz.py", text, rules);
    // Small windows, so that short inputs reach the matching too.
    let options = Options {
        min_tokens: 8,
        min_lines: 2,
        normalize: data.first().is_some_and(|b| b & 1 == 1),
    };
    let file = windows(text, &options);
    let _ = find(&[file], &options);
});
