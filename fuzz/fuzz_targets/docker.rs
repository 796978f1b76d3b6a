//! The Dockerfile parser, and the docker analyzer on its result.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tollgate_analyzers::docker::parser;
use tollgate_fuzz::{analyze_as, domain_rules};
use tollgate_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| domain_rules("docker"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = parser::parse(text);
    for instruction in &file.instructions {
        assert!(
            instruction.span.start <= instruction.span.end && instruction.span.end <= text.len(),
            "instruction span {:?} outside a text of {} bytes",
            instruction.span,
            text.len()
        );
    }
    analyze_as("Dockerfile", text, rules);
});
