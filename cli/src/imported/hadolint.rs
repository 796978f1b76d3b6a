//! hadolint's `.hadolint.yaml` / `.hadolint.yml` (nearest folder first):
//! - `ignored`: the rules naming those codes as peers are off;
//! - `override`: `error`, `warning`, `info` and `style` lists set those rules' levels
//!   (`info` and `style` are notes);
//! - `trustedRegistries`: `docker.allowed-registries`;
//! - `label-schema` and `strict-labels`: `docker.label-schema` and `docker.strict-labels`.
//!
//! `failure-threshold` and `no-fail` are left to tollgate's own `fail-on`.

use std::path::{Path, PathBuf};

use tollgate_rules::Level;

use super::{
    nearest, problem, rules_for, shown, yaml_document as document, yaml_strings as string_list, Decision, Imported,
    Setting,
};

/// The value types of hadolint's `label-schema`, as `docker.label-schema` takes them.
const LABEL_TYPES: &[&str] = &["text", "url", "rfc3339", "spdx", "hash", "semver", "email"];

pub fn read(dirs: &[PathBuf]) -> Option<Result<Imported, String>> {
    let path = nearest(dirs, &[".hadolint.yaml", ".hadolint.yml"])?;
    Some(import(&path))
}

pub fn import(path: &Path) -> Result<Imported, String> {
    let root = document(path)?;
    let name = shown(path);
    let mut imported = Imported::new(path);
    let codes_of = |code: &str| {
        let mut rules = rules_for("hadolint", code);
        rules.extend(rules_for("shellcheck", code));
        rules
    };
    if let Some(node) = root.get("ignored") {
        for code in string_list(node, "ignored", path)? {
            let rules = codes_of(&code);
            if rules.is_empty() {
                imported
                    .unused
                    .push(format!("{name}: ignored {code}: no tollgate rule has it"));
            }
            for rule in rules {
                imported.rules.push(Decision {
                    rule,
                    on: false,
                    origin: format!("{name}: ignored {code}"),
                });
            }
        }
    }
    if let Some(node) = root.get("override") {
        if !node.is_map() {
            return Err(problem(path, "`override` is not a mapping of levels"));
        }
        for pair in node.pairs() {
            let level = match pair.key.as_str() {
                "error" => Level::Error,
                "warning" => Level::Warning,
                "info" | "style" => Level::Note,
                other => return Err(problem(path, format!("override: unknown level `{other}`"))),
            };
            for code in string_list(&pair.value, &format!("override.{}", pair.key), path)? {
                for rule in codes_of(&code) {
                    imported
                        .levels
                        .push((rule, level, format!("{name}: override.{} {code}", pair.key)));
                }
            }
        }
    }
    if let Some(node) = root.get("trustedRegistries") {
        let registries = string_list(node, "trustedRegistries", path)?;
        imported.settings.push(Setting {
            key: "docker.allowed-registries",
            value: toml::Value::Array(registries.into_iter().map(toml::Value::String).collect()),
            origin: format!("{name}: trustedRegistries"),
        });
    }
    if let Some(node) = root.get("label-schema") {
        if !node.is_map() {
            return Err(problem(path, "`label-schema` is not a mapping of label names to types"));
        }
        let mut schema = toml::map::Map::new();
        for pair in node.pairs() {
            let kind = pair.value.str().unwrap_or("");
            if !LABEL_TYPES.contains(&kind) {
                return Err(problem(
                    path,
                    format!(
                        "label-schema.{}: `{kind}` is not one of {}",
                        pair.key,
                        LABEL_TYPES.join(", ")
                    ),
                ));
            }
            schema.insert(pair.key.to_string(), toml::Value::String(kind.to_string()));
        }
        imported.settings.push(Setting {
            key: "docker.label-schema",
            value: toml::Value::Table(schema),
            origin: format!("{name}: label-schema"),
        });
    }
    if let Some(node) = root.get("strict-labels") {
        let strict = match node.str() {
            Some("true") => true,
            Some("false") => false,
            _ => return Err(problem(path, "`strict-labels` is not true or false")),
        };
        imported.settings.push(Setting {
            key: "docker.strict-labels",
            value: toml::Value::Boolean(strict),
            origin: format!("{name}: strict-labels"),
        });
    }
    Ok(imported)
}
