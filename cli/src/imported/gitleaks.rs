//! gitleaks' `.gitleaks.toml` and `.gitleaksignore` (nearest folder first):
//! - the global allowlists (`[allowlist]`, or each `[[allowlists]]`): `paths` and `regexes`
//!   (regular expressions, on the path from that folder and on the secret, or on its line
//!   with `regexTarget = "line"`), `stopwords` (in the secret), `condition = "AND"`, and
//!   `targetRules` through the rules naming those gitleaks ids as peers;
//! - `.gitleaksignore` fingerprints, `path:rule:line` or `commit:path:rule:line`: the
//!   secrets finding on that line of that file is left out. The rule is matched through the
//!   peers when a tollgate rule names it, else any secrets finding on the line is (the line
//!   was judged a false positive); the commit part is not checked.
//!
//! gitleaks' own rules (`[[rules]]`) and their allowlists are gitleaks' detection, not ours.

use std::path::{Path, PathBuf};

use regex::Regex;

use super::{problem, rules_for, shown, FileMatch, FindingIgnore, Imported, SecretsAllow};

pub fn read(dirs: &[PathBuf]) -> Option<Result<Imported, String>> {
    let dir = dirs
        .iter()
        .find(|dir| dir.join(".gitleaks.toml").is_file() || dir.join(".gitleaksignore").is_file())?;
    Some(import(dir))
}

pub fn import(dir: &Path) -> Result<Imported, String> {
    let config = dir.join(".gitleaks.toml");
    let ignore = dir.join(".gitleaksignore");
    let mut imported = Imported {
        path: if config.is_file() {
            config.clone()
        } else {
            ignore.clone()
        },
        ..Imported::default()
    };
    if config.is_file() {
        allowlists(&config, dir, &mut imported)?;
    }
    if ignore.is_file() {
        fingerprints(&ignore, dir, &mut imported)?;
    }
    Ok(imported)
}

fn allowlists(path: &Path, dir: &Path, imported: &mut Imported) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| problem(path, format!("cannot read: {e}")))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| problem(path, e.to_string().trim_end().replace("\n\n", "\n")))?;
    let mut lists: Vec<(&toml::Table, String)> = Vec::new();
    if let Some(one) = table.get("allowlist") {
        let one = one
            .as_table()
            .ok_or_else(|| problem(path, "`allowlist` is not a table"))?;
        lists.push((one, "[allowlist]".to_string()));
    }
    if let Some(many) = table.get("allowlists") {
        let many = many
            .as_array()
            .ok_or_else(|| problem(path, "`allowlists` is not an array of tables"))?;
        for (i, list) in many.iter().enumerate() {
            let list = list
                .as_table()
                .ok_or_else(|| problem(path, "`allowlists` is not an array of tables"))?;
            lists.push((list, format!("[[allowlists]] #{}", i + 1)));
        }
    }
    for (list, name) in lists {
        let strings = |key: &str| -> Result<Vec<String>, String> {
            match list.get(key) {
                None => Ok(Vec::new()),
                Some(value) => value
                    .as_array()
                    .and_then(|items| items.iter().map(|i| i.as_str().map(String::from)).collect())
                    .ok_or_else(|| problem(path, format!("{name}: `{key}` is not a list of strings"))),
            }
        };
        let regexes = |key: &str| -> Result<Vec<Regex>, String> {
            strings(key)?
                .iter()
                .map(|pattern| {
                    Regex::new(pattern).map_err(|e| problem(path, format!("{name}: {key}: `{pattern}`: {e}")))
                })
                .collect()
        };
        let mut rules = Vec::new();
        for id in strings("targetRules")? {
            let ours = rules_for("gitleaks", &id);
            if ours.is_empty() {
                imported.unused.push(format!(
                    "{}: {name}: targetRules {id}: no tollgate rule has it",
                    shown(path)
                ));
            }
            rules.extend(ours);
        }
        if !strings("targetRules")?.is_empty() && rules.is_empty() {
            continue;
        }
        let target = list.get("regexTarget").and_then(|t| t.as_str()).unwrap_or("secret");
        imported.secrets_allow.push(SecretsAllow {
            rules,
            paths: regexes("paths")?,
            regexes: regexes("regexes")?,
            whole_line: target == "line",
            stopwords: strings("stopwords")?,
            all: list
                .get("condition")
                .and_then(|c| c.as_str())
                .is_some_and(|c| c.eq_ignore_ascii_case("and")),
            base: dir.to_path_buf(),
            origin: format!("{}: {name}", shown(path)),
        });
        if !strings("commits")?.is_empty() {
            imported
                .unused
                .push(format!("{}: {name}: commits are not checked", shown(path)));
        }
    }
    Ok(())
}

fn fingerprints(path: &Path, dir: &Path, imported: &mut Imported) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| problem(path, format!("cannot read: {e}")))?;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // From the right: the path may itself hold a `:`.
        let mut parts = line.rsplitn(3, ':');
        let (Some(line_no), Some(rule), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(problem(
                path,
                format!("line {}: `{line}` is not path:rule:line", number + 1),
            ));
        };
        let Ok(line_no) = line_no.parse::<usize>() else {
            return Err(problem(
                path,
                format!("line {}: `{line}` is not path:rule:line", number + 1),
            ));
        };
        // `commit:path`: a commit is 40 hex digits.
        let file = match rest.split_once(':') {
            Some((commit, file)) if commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()) => file,
            _ => rest,
        };
        imported.finding_ignores.push(FindingIgnore {
            rules: rules_for("gitleaks", rule),
            domain: "secrets",
            file: FileMatch::Path(dir.join(file)),
            line: Some(line_no),
            column: None,
            origin: format!("{}:{}", shown(path), number + 1),
        });
    }
    Ok(())
}
