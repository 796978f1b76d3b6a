//! The secrets engine, on a text file and on a dotenv file (the path changes which
//! filters apply).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tollgate_fuzz::{analyze_as, domain_rules};
use tollgate_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| domain_rules("secrets"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    analyze_as("fuzz.txt", text, rules);
    analyze_as(".env", text, rules);
});
