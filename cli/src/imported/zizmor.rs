//! zizmor's `zizmor.yml` or `.github/zizmor.yml` (nearest folder first):
//! - `rules.<audit>.disable: true`: the rules naming that audit as a peer are off;
//! - `rules.<audit>.ignore`: `file.yml`, `file.yml:line` or `file.yml:line:column` entries
//!   leave out that audit's findings there (the file by name, in any folder, as zizmor
//!   matches it);
//! - `rules.unpinned-uses.config.policies`: `actions.unpinned-uses`, whose patterns and
//!   policies (`hash-pin`, `ref-pin`, `any`) are zizmor's;
//! - `rules.forbidden-uses.config.allow|deny`, `rules.dependabot-cooldown.config.days` and
//!   `rules.secrets-outside-env.config.allow`: the `[actions]` settings of those rules.

use std::path::{Path, PathBuf};

use tollgate_analyzers::actions::yaml::{is_false, is_true, Value};

use super::{nearest, problem, rules_for, Decision, FileMatch, FindingIgnore, Imported, Setting};
use super::{shown, yaml_document as document, yaml_strings as string_list};

pub fn read(dirs: &[PathBuf]) -> Option<Result<Imported, String>> {
    let path = nearest(dirs, &["zizmor.yml", ".github/zizmor.yml"])?;
    Some(import(&path))
}

pub fn import(path: &Path) -> Result<Imported, String> {
    let root = document(path)?;
    let name = shown(path);
    let mut imported = Imported::new(path);
    let Some(rules) = root.get("rules") else {
        return Ok(imported);
    };
    if !rules.is_map() && !matches!(rules.value, Value::Null) {
        return Err(problem(path, "`rules` is not a mapping of audits"));
    }
    for pair in rules.pairs() {
        let audit = pair.key.as_str();
        let ours = rules_for("zizmor", audit);
        if ours.is_empty() {
            imported
                .unused
                .push(format!("{name}: rules.{audit}: no tollgate rule has this audit"));
            continue;
        }
        let settings = &pair.value;
        if let Some(disable) = settings.get("disable") {
            if !is_true(Some(disable)) && !is_false(Some(disable)) {
                return Err(problem(path, format!("rules.{audit}.disable is not true or false")));
            }
            if is_true(Some(disable)) {
                for &rule in &ours {
                    imported.rules.push(Decision {
                        rule,
                        on: false,
                        origin: format!("{name}: rules.{audit}.disable"),
                    });
                }
            }
        }
        if let Some(ignore) = settings.get("ignore") {
            for entry in string_list(ignore, &format!("rules.{audit}.ignore"), path)? {
                imported.finding_ignores.push(ignore_entry(&entry, &ours, path, audit)?);
            }
        }
        if let Some(config) = settings.get("config") {
            if let Some(setting) = config_setting(audit, config, path)? {
                imported.settings.push(setting);
            }
        }
        if let Some(policies) = settings.get("config").and_then(|c| c.get("policies")) {
            let mut table = toml::Table::new();
            for policy in policies.pairs() {
                let value = policy.value.str().unwrap_or_default();
                if !["hash-pin", "ref-pin", "any"].contains(&value) {
                    return Err(problem(
                        path,
                        format!(
                            "rules.{audit}.config.policies.\"{}\": unknown policy `{value}`",
                            policy.key
                        ),
                    ));
                }
                table.insert(policy.key.clone(), toml::Value::String(value.to_string()));
            }
            if audit == "unpinned-uses" {
                imported.settings.push(Setting {
                    key: "actions.unpinned-uses",
                    value: toml::Value::Table(table),
                    origin: format!("{name}: rules.unpinned-uses.config.policies"),
                });
            }
        }
    }
    Ok(imported)
}

/// The `config` of the audits whose settings tollgate has: forbidden-uses' `allow`/`deny`,
/// dependabot-cooldown's `days`, secrets-outside-env's `allow`.
fn config_setting(
    audit: &str,
    config: &tollgate_analyzers::actions::yaml::Node,
    path: &Path,
) -> Result<Option<Setting>, String> {
    let origin = |key: &str| format!("{}: rules.{audit}.config.{key}", shown(path));
    let strings = |key: &str| -> Result<Option<toml::Value>, String> {
        config
            .get(key)
            .map(|list| {
                let items = string_list(list, &format!("rules.{audit}.config.{key}"), path)?;
                Ok(toml::Value::Array(items.into_iter().map(toml::Value::String).collect()))
            })
            .transpose()
    };
    match audit {
        "forbidden-uses" => {
            let mut table = toml::Table::new();
            for key in ["allow", "deny"] {
                if let Some(list) = strings(key)? {
                    table.insert(key.to_string(), list);
                }
            }
            if table.is_empty() {
                return Ok(None);
            }
            Ok(Some(Setting {
                key: "actions.forbidden-uses",
                value: toml::Value::Table(table),
                origin: origin("allow|deny"),
            }))
        }
        "dependabot-cooldown" => {
            let Some(days) = config.get("days") else {
                return Ok(None);
            };
            let days = days
                .str()
                .and_then(|d| d.trim().parse::<i64>().ok())
                .filter(|d| *d >= 0)
                .ok_or_else(|| problem(path, "rules.dependabot-cooldown.config.days is not a number of days"))?;
            Ok(Some(Setting {
                key: "actions.dependabot-cooldown-days",
                value: toml::Value::Integer(days),
                origin: origin("days"),
            }))
        }
        "secrets-outside-env" => Ok(strings("allow")?.map(|value| Setting {
            key: "actions.secrets-outside-env-allow",
            value,
            origin: origin("allow"),
        })),
        _ => Ok(None),
    }
}

/// `ci.yml`, `ci.yml:12` or `ci.yml:12:7`.
fn ignore_entry(
    entry: &str,
    rules: &[&'static tollgate_rules::Rule],
    path: &Path,
    audit: &str,
) -> Result<FindingIgnore, String> {
    let mut parts = entry.split(':');
    let file = parts.next().unwrap_or_default();
    let number = |part: Option<&str>| -> Result<Option<usize>, String> {
        part.map(|p| {
            p.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| {
                problem(
                    path,
                    format!("rules.{audit}.ignore: `{entry}` is not file[:line[:column]]"),
                )
            })
        })
        .transpose()
    };
    let line = number(parts.next())?;
    let column = number(parts.next())?;
    if file.is_empty() || parts.next().is_some() {
        return Err(problem(
            path,
            format!("rules.{audit}.ignore: `{entry}` is not file[:line[:column]]"),
        ));
    }
    Ok(FindingIgnore {
        rules: rules.to_vec(),
        domain: "actions",
        file: FileMatch::Name(file.to_string()),
        line,
        column,
        origin: format!("{}: rules.{audit}.ignore {entry}", shown(path)),
    })
}
