//! The smells of the 14 tree-sitter languages: the parse, the metric walk and the per-file
//! half of duplicate detection. The first byte picks the language, the rest is the file.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tollgate_analyzers::duplication::{code_windows, find, Options};
use tollgate_analyzers::smells::Language;
use tollgate_fuzz::{analyze_as, domain_rules};
use tollgate_rules::RuleSet;

fuzz_target!(|data: &[u8]| {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    let rules = RULES.get_or_init(|| domain_rules("smells"));
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let language = Language::ALL[usize::from(pick) % Language::ALL.len()];
    analyze_as(&format!("fuzz.{}", language.extensions()[0]), text, rules);
    // Small windows, so that short inputs reach the matching too.
    let options = Options {
        min_tokens: 8,
        min_lines: 2,
        normalize: pick & 0x80 != 0,
    };
    let file = code_windows(text, language.family(), &options);
    let _ = find(&[file], &options);
});
