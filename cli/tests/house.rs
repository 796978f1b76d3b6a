//! The rules of the house that the compiler cannot check: rule ids are written once, in
//! `rules/`, and everything else refers to them by their constants.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a source file without its unit tests (by convention the `#[cfg(test)]`
/// module at the end), where ids written out are the point of the test.
fn code_of(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

/// Every string literal of the form `"<domain>/<slug>"` that names a rule in the catalogue.
fn rule_id_literals(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(open) = rest.find('"') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('"') else { break };
            let literal = &after[..close];
            if tollgate_rules::find(literal).is_some() {
                found.push((number + 1, literal.to_string()));
            }
            rest = &after[close + 1..];
        }
    }
    found
}

#[test]
fn no_rule_id_is_written_as_a_string_outside_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("analyzers/src"), &mut files);
    sources(&root.join("cli/src"), &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line, id) in rule_id_literals(code_of(&text)) {
            offences.push(format!(
                "{}:{line}: \"{id}\"",
                file.strip_prefix(root).unwrap().display()
            ));
        }
    }
    assert!(
        offences.is_empty(),
        "rule ids written as strings; use the constant from tollgate_rules::<domain>:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_literal_check_sees_an_id_and_ignores_other_strings() {
    let code = "let a = \"docker/cd-in-run\";\nlet b = \"actions/checkout\"; let c = \"python/complex-function\";\n";
    assert_eq!(
        rule_id_literals(code),
        vec![
            (1, "docker/cd-in-run".to_string()),
            (2, "python/complex-function".to_string())
        ]
    );
    assert_eq!(code_of("x\n#[cfg(test)]\nmod tests { \"docker/sudo\" }"), "x\n");
}
