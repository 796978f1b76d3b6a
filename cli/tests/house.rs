//! The rules of the house that the compiler cannot check: rule ids are written once, in
//! `rules/`, and everything else refers to them by their constants; no module imports one
//! that imports it back, and no crate depends on one that depends on it.

use std::collections::{BTreeMap, BTreeSet};
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

/// A module's path below its crate root (`["report", "sarif"]`; the root is empty).
type ModulePath = Vec<String>;

/// The module a source file defines, from its place under the crate's `src/`.
fn module_of(relative: &Path) -> ModulePath {
    let mut parts: ModulePath = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    match file.as_str() {
        "lib.rs" | "main.rs" if parts.is_empty() => {}
        "mod.rs" => {}
        _ => parts.push(file.trim_end_matches(".rs").to_string()),
    }
    parts
}

/// The code of a file without comments, string and character literals (their line breaks
/// kept, so that lines keep their numbers): what is left can only name modules in paths.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Skips chars[from..to], keeping its line breaks.
    let skip = |from: usize, to: usize, out: &mut String| {
        let to = to.min(chars.len());
        out.extend(chars[from.min(to)..to].iter().filter(|&&c| c == '\n'));
        to
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let start = i;
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            i = skip(start, i, &mut out);
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(chars.get(i.wrapping_sub(1))) {
            // A raw string, r"..." or r#"..."#, or an ident such as r#type.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += 2 + hashes;
            while i < chars.len() && !(chars[i] == '"' && chars[i + 1..].iter().take(hashes).all(|&h| h == '#')) {
                i += 1;
            }
            i = skip(start, i + 1 + hashes, &mut out);
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i = skip(start, i + 1, &mut out);
            out.push_str("\"\"");
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A character literal (a lifetime has no closing quote).
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i = skip(start, i + 1, &mut out);
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The paths of a use tree or path expression starting at `code` (just after `crate::` or
/// `super::`): `a::{b::C, d}` is `a::b::C` and `a::d`.
fn use_paths(code: &str) -> Vec<Vec<String>> {
    fn tree(code: &[char], at: &mut usize) -> Vec<Vec<String>> {
        let mut prefix = Vec::new();
        loop {
            while code.get(*at).is_some_and(|c| c.is_whitespace()) {
                *at += 1;
            }
            if code.get(*at) == Some(&'{') {
                *at += 1;
                let mut paths = Vec::new();
                loop {
                    for path in tree(code, at) {
                        paths.push(prefix.iter().cloned().chain(path).collect());
                    }
                    while code.get(*at).is_some_and(|c| c.is_whitespace()) {
                        *at += 1;
                    }
                    match code.get(*at) {
                        Some(',') => *at += 1,
                        Some('}') => {
                            *at += 1;
                            return paths;
                        }
                        _ => return paths,
                    }
                }
            }
            let start = *at;
            while is_ident(code.get(*at)) {
                *at += 1;
            }
            if start == *at {
                return vec![prefix];
            }
            let name: String = code[start..*at].iter().collect();
            if name != "self" {
                prefix.push(name);
            }
            if code.get(*at) == Some(&':') && code.get(*at + 1) == Some(&':') {
                *at += 2;
            } else {
                // `as alias`, or the end of the path.
                while code.get(*at).is_some_and(|c| c.is_whitespace()) {
                    *at += 1;
                }
                if code[*at..].starts_with(&['a', 's']) && !is_ident(code.get(*at + 2)) {
                    *at += 2;
                    while code.get(*at).is_some_and(|c| c.is_whitespace()) {
                        *at += 1;
                    }
                    while is_ident(code.get(*at)) {
                        *at += 1;
                    }
                }
                return vec![prefix];
            }
        }
    }
    let code: Vec<char> = code.chars().collect();
    tree(&code, &mut 0)
}

/// A reference from one module to another: (from, to, line of the file).
type Reference = (ModulePath, ModulePath, usize);

/// The modules that `code` (the file of module `module`) refers to by `crate::`, `$crate::`
/// or `super::` paths, resolved to the longest known module. By the house convention a
/// file's unit tests are the `#[cfg(test)] mod tests` at its end, where `super` is the file's
/// own module.
fn references(module: &ModulePath, code: &str, modules: &[ModulePath]) -> Vec<Reference> {
    let tests_from = code.find("#[cfg(test)]").unwrap_or(code.len());
    let mut out = Vec::new();
    for keyword in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(found) = code[from..].find(keyword) {
            let at = from + found;
            from = at + keyword.len();
            let before = code[..at].chars().last();
            if is_ident(before.as_ref()) || before == Some(':') {
                continue;
            }
            let mut base = Vec::new();
            if keyword == "super::" {
                base = module.clone();
                // This `super` and any that follow it.
                let mut ups = 0;
                while code[from..].starts_with("super::") {
                    ups += 1;
                    from += "super::".len();
                }
                for _ in 0..ups + 1 - usize::from(at >= tests_from) {
                    base.pop();
                }
            }
            let line = code[..at].matches('\n').count() + 1;
            // A use tree may span lines.
            for path in use_paths(&code[from..]) {
                let mut target = base.clone();
                let mut resolved = base.clone();
                for segment in path {
                    target.push(segment);
                    if modules.contains(&target) {
                        resolved = target.clone();
                    }
                }
                out.push((module.clone(), resolved, line));
            }
        }
    }
    out
}

/// Cycles among sibling modules: every reference from M to N (neither inside the other)
/// lifted to the children of their lowest common ancestor, then each strongly connected
/// set of siblings of more than one module, with the references that tie it.
fn module_cycles(files: &[(ModulePath, String)]) -> Vec<Vec<String>> {
    let modules: Vec<ModulePath> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<(ModulePath, ModulePath), Vec<String>> = Default::default();
    for (module, text) in files {
        let code = code_only(text);
        for (from, to, line) in references(module, &code, &modules) {
            if from.starts_with(&to) || to.starts_with(&from) {
                continue;
            }
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            let lifted = (from[..=common].to_vec(), to[..=common].to_vec());
            edges
                .entry(lifted)
                .or_default()
                .push(format!("{}:{line} -> {}", from.join("::"), to.join("::")));
        }
    }
    // Strongly connected sets: a module is in one with another when each reaches the other.
    let nodes: BTreeSet<&ModulePath> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let reaches = |from: &ModulePath| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(node) = stack.pop() {
            for (a, b) in edges.keys() {
                if *a == node && seen.insert(b.clone()) {
                    stack.push(b.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&ModulePath, _> = nodes.iter().map(|&n| (n, reaches(n))).collect();
    let mut cycles = Vec::new();
    let mut placed = BTreeSet::new();
    for &node in &nodes {
        if placed.contains(node) || !reach[node].contains(node) {
            continue;
        }
        let set: Vec<&ModulePath> = nodes
            .iter()
            .copied()
            .filter(|other| reach[node].contains(*other) && reach[*other].contains(node))
            .collect();
        let mut cycle = Vec::new();
        for ((a, b), why) in &edges {
            if set.contains(&a) && set.contains(&b) {
                cycle.extend(why.iter().cloned());
            }
        }
        cycle.dedup();
        placed.extend(set.into_iter().cloned());
        cycles.push(cycle);
    }
    cycles
}

/// The modules of one crate's `src/` and their files' text.
fn crate_modules(src: &Path) -> Vec<(ModulePath, String)> {
    let mut files = Vec::new();
    sources(src, &mut files);
    files.sort();
    files
        .iter()
        .map(|file| {
            (
                module_of(file.strip_prefix(src).unwrap()),
                std::fs::read_to_string(file).unwrap(),
            )
        })
        .collect()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut report = Vec::new();
    for src in ["cli/src", "analyzers/src", "rules/src"] {
        let files = crate_modules(&root.join(src));
        assert!(files.len() > 5, "{src}: found only {} source files", files.len());
        for cycle in module_cycles(&files) {
            report.push(format!("{src}:\n  {}", cycle.join("\n  ")));
        }
    }
    assert!(report.is_empty(), "module cycles:\n{}", report.join("\n"));
}

#[test]
fn the_crates_depend_one_way() {
    // rules depends on nothing in the workspace (analyzers and the binary depend on it, and
    // the binary on analyzers): the crate graph has no cycle.
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&manifest).unwrap();
    for table in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let names = manifest
            .get(table)
            .and_then(|t| t.as_table())
            .map(|t| t.keys().collect::<Vec<_>>());
        for name in names.unwrap_or_default() {
            assert!(!name.starts_with("tollgate"), "rules/Cargo.toml: [{table}] has {name}");
        }
    }
}

#[test]
fn the_cycle_check_sees_two_modules_that_import_each_other() {
    let module = |path: &str| path.split("::").map(String::from).collect::<ModulePath>();
    let files = vec![
        (Vec::new(), "mod a;\nmod b;\n".to_string()),
        (
            module("a"),
            "mod inner;\nuse crate::{\n    b::{self, Thing},\n};\n".to_string(),
        ),
        (module("a::inner"), "fn f() { super::super::b::thing(); }\n".to_string()),
        (
            module("b"),
            "/* use crate::a;\n */ use super::{a::inner::X as Y};\n#[cfg(test)]\nmod tests { use super::*; }\n"
                .to_string(),
        ),
        (
            module("c"),
            "use crate::a; let s = r#\"crate::b\"#; // crate::b\n".to_string(),
        ),
    ];
    let cycles = module_cycles(&files);
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert_eq!(cycles[0], vec!["a:2 -> b", "a::inner:1 -> b", "b:2 -> a::inner"]);
    // Without b's import of a there is none; a comment or a string is not an import.
    let acyclic: Vec<_> = files.into_iter().filter(|(m, _)| *m != module("b")).collect();
    assert!(module_cycles(&acyclic).is_empty());
}
