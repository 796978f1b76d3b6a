//! ruff's config: `.ruff.toml`, `ruff.toml` or `[tool.ruff]` in `pyproject.toml` (the first
//! found, nearest folder first, as ruff ranks them), with every file it `extend`s.
//!
//! What tollgate takes from it, for the rules that name a ruff code as a peer:
//! - the rule selection (`select`, `extend-select`, `ignore`, `preview`,
//!   `explicit-preview-rules`), resolved as ruff resolves it: the most specific selector
//!   wins, `ignore` on a tie. A config that says which rules it runs (`select` or
//!   `extend-select`, anywhere in the chain) decides the whole set, on ruff's default set,
//!   which has none of these rules; one that says nothing of the kind (a formatter's
//!   `line-length`, an `ignore` list) leaves tollgate's defaults, less what it ignores;
//! - the thresholds (`mccabe.max-complexity`, `pylint.max-args` and the other `pylint.max-*`),
//!   and ruff's way of counting pytest's tests and fixtures (`ignore-pytest-fixtures = false`);
//! - `per-file-ignores` and `extend-per-file-ignores`;
//! - `exclude`, `extend-exclude` and `lint.exclude`, for the Python analysis only.
//!
//! Settings under `[lint]` win over the older top-level spelling of the same setting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tollgate_rules::{select::ruff_code, Rule};

use super::{problem, shown, Decision, Imported, PathIgnore, PeerGlobs, Setting};

/// ruff's own default `exclude` (ruff 0.17).
const DEFAULT_EXCLUDE: &[&str] = &[
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
];

/// Codes ruff 0.17 runs only in preview.
const PREVIEW: &[&str] = &["PLR0904", "PLR0914", "PLR0916", "PLR1702"];

/// ruff's thresholds and the tollgate settings they set.
const THRESHOLDS: &[(&str, &str, &str)] = &[
    ("mccabe", "max-complexity", "python.max-complexity"),
    ("pylint", "max-args", "python.max-args"),
    ("pylint", "max-positional-args", "python.max-positional-args"),
    ("pylint", "max-branches", "python.max-branches"),
    ("pylint", "max-returns", "python.max-returns"),
    ("pylint", "max-statements", "python.max-statements"),
    ("pylint", "max-locals", "python.max-locals"),
    ("pylint", "max-public-methods", "python.max-public-methods"),
    ("pylint", "max-bool-expr", "python.max-bool-expr"),
    ("pylint", "max-nested-blocks", "python.max-nested-blocks"),
];

pub fn read(dirs: &[PathBuf]) -> Option<Result<Imported, String>> {
    let path = dirs.iter().find_map(|dir| {
        [".ruff.toml", "ruff.toml", "pyproject.toml"]
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.is_file() && has_settings(path))
    })?;
    Some(import(&path))
}

/// Does this file hold ruff settings: a ruff config, or a pyproject.toml with `[tool.ruff]`?
pub fn has_settings(path: &Path) -> bool {
    !path.ends_with("pyproject.toml") || ruff_table(path).is_ok_and(|table| table.is_some())
}

/// The ruff settings of a file: the whole file, or `[tool.ruff]` of a pyproject.toml.
fn ruff_table(path: &Path) -> Result<Option<toml::Table>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| e.to_string().trim_end().replace("\n\n", "\n"))?;
    if path.file_name().is_some_and(|n| n == "pyproject.toml") {
        Ok(table
            .get("tool")
            .and_then(|tool| tool.get("ruff"))
            .and_then(|ruff| ruff.as_table())
            .cloned())
    } else {
        Ok(Some(table))
    }
}

/// One file of the `extend` chain, as far as tollgate reads it.
#[derive(Default)]
struct Layer {
    /// Where this file lives: its paths are relative to it.
    file: PathBuf,
    select: Option<Vec<String>>,
    extend_select: Vec<String>,
    ignore: Vec<String>,
    preview: Option<bool>,
    explicit_preview_rules: Option<bool>,
    thresholds: Vec<(&'static str, i64, String)>,
    per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    extend_per_file_ignores: BTreeMap<String, Vec<String>>,
    exclude: Option<Vec<String>>,
    extend_exclude: Vec<String>,
}

pub fn import(path: &Path) -> Result<Imported, String> {
    let mut layers = Vec::new();
    load_chain(path, &mut layers, &mut Vec::new())?;
    // The root of the chain is the file found; its folder anchors the paths, as in ruff.
    let root = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = shown(path);
    let mut imported = Imported::new(path);

    // Thresholds: the last file of the chain to set one wins.
    let mut thresholds: BTreeMap<&str, (i64, String)> = BTreeMap::new();
    for layer in &layers {
        for (key, value, origin) in &layer.thresholds {
            thresholds.insert(key, (*value, origin.clone()));
        }
    }
    // ruff's `max-positional-args` defaults to `max-args`, not to its own default.
    if let (Some(args), false) = (
        thresholds.get("python.max-args").cloned(),
        thresholds.contains_key("python.max-positional-args"),
    ) {
        let origin = format!("{} (max-positional-args follows it in ruff)", args.1);
        thresholds.insert("python.max-positional-args", (args.0, origin));
    }
    for (key, (value, origin)) in thresholds {
        if !(0..=u32::MAX as i64).contains(&value) {
            return Err(problem(Path::new(&origin), format!("{key} = {value} is not a count")));
        }
        imported.settings.push(Setting {
            key: THRESHOLDS.iter().find(|t| t.2 == key).map_or(key, |t| t.2),
            value: toml::Value::Integer(value),
            origin,
        });
    }

    // ruff counts the parameters of the functions pytest calls (tests, fixtures) like any
    // other's: so does tollgate when it takes the project's ruff config.
    imported.settings.push(Setting {
        key: "python.ignore-pytest-fixtures",
        value: toml::Value::Boolean(false),
        origin: format!("{name}: ruff counts the arguments of pytest's tests and fixtures"),
    });

    // The rule selection.
    let preview = layers.iter().rev().find_map(|l| l.preview).unwrap_or(false);
    let explicit_preview = layers
        .iter()
        .rev()
        .find_map(|l| l.explicit_preview_rules)
        .unwrap_or(false);
    let decides_all = layers.iter().any(|l| l.select.is_some() || !l.extend_select.is_empty());
    for rule in ruff_peer_rules() {
        let code = ruff_peer(rule).expect("a ruff peer");
        let mut on = if decides_all { false } else { rule.default_enabled };
        let mut origin = String::new();
        for layer in &layers {
            let selected = layer.select.iter().flatten().chain(&layer.extend_select);
            let best_on = selected.filter_map(|s| specificity(s, code)).max();
            let best_off = layer.ignore.iter().filter_map(|s| specificity(s, code)).max();
            let decision = match (best_on, best_off) {
                (Some(a), Some(b)) => Some(a > b),
                (Some(_), None) => Some(true),
                (None, Some(_)) => Some(false),
                (None, None) => layer.select.as_ref().map(|_| false),
            };
            if let Some(decision) = decision {
                on = decision;
                origin = format!(
                    "{}: {}",
                    shown(&layer.file),
                    if on { "selected" } else { "not selected" }
                );
            }
            // A preview rule that a prefix selects stays off under `explicit-preview-rules`.
            if on && PREVIEW.contains(&code) {
                let exact = layer
                    .select
                    .iter()
                    .flatten()
                    .chain(&layer.extend_select)
                    .any(|s| s == code || ruff_code(s) == Some(code));
                if !preview || (explicit_preview && !exact) {
                    on = false;
                    origin = format!("{}: {code} is a preview rule and preview is off", shown(&layer.file));
                }
            }
        }
        if origin.is_empty() && decides_all {
            origin = format!("{name}: not selected (ruff's default rules do not include {code})");
        }
        if !origin.is_empty() && on != rule.default_enabled {
            imported.rules.push(Decision { rule, on, origin });
        }
    }

    // Per-file ignores: the last `per-file-ignores` in the chain, plus every `extend-`.
    let mut per_file: Vec<(String, Vec<String>, PathBuf)> = Vec::new();
    for layer in &layers {
        if let Some(map) = &layer.per_file_ignores {
            per_file.clear();
            per_file.extend(map.iter().map(|(k, v)| (k.clone(), v.clone(), layer.file.clone())));
        }
        per_file.extend(
            layer
                .extend_per_file_ignores
                .iter()
                .map(|(k, v)| (k.clone(), v.clone(), layer.file.clone())),
        );
    }
    for (pattern, codes, file) in per_file {
        let rules: Vec<&'static Rule> = ruff_peer_rules()
            .filter(|rule| {
                let code = ruff_peer(rule).expect("a ruff peer");
                codes.iter().any(|c| specificity(c, code).is_some())
            })
            .collect();
        if rules.is_empty() {
            continue;
        }
        let folder = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        let paths = PeerGlobs::anchored(&[(pattern.clone(), folder)], &root)
            .map_err(|e| problem(&file, format!("per-file-ignores: {e}")))?;
        imported.per_file_ignores.push(PathIgnore {
            paths,
            rules,
            origin: format!("{}: per-file-ignores \"{pattern}\"", shown(&file)),
        });
    }

    // Exclusions, for the Python analysis.
    let mut exclude: Vec<(String, PathBuf)> = DEFAULT_EXCLUDE.iter().map(|s| (s.to_string(), root.clone())).collect();
    for layer in &layers {
        let folder = layer.file.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Some(list) = &layer.exclude {
            exclude = list.iter().map(|p| (p.clone(), folder.clone())).collect();
        }
        exclude.extend(layer.extend_exclude.iter().map(|p| (p.clone(), folder.clone())));
    }
    imported.python_exclude =
        Some(PeerGlobs::anchored(&exclude, &root).map_err(|e| problem(path, format!("exclude: {e}")))?);
    if layers.len() > 1 {
        imported
            .unused
            .push(format!("{name} extends {}", shown(&layers[0].file)));
    }
    Ok(imported)
}

/// The rules with a ruff peer.
fn ruff_peer_rules() -> impl Iterator<Item = &'static Rule> {
    tollgate_rules::catalogue()
        .rules()
        .iter()
        .copied()
        .filter(|rule| ruff_peer(rule).is_some())
}

fn ruff_peer(rule: &Rule) -> Option<&'static str> {
    rule.peers.iter().find_map(|peer| peer.strip_prefix("ruff:"))
}

/// How specifically `selector` names `code`, or `None` if it does not: `ALL` least, then
/// longer prefixes, a full code or rule name most.
fn specificity(selector: &str, code: &str) -> Option<usize> {
    if selector == "ALL" {
        return Some(0);
    }
    if selector == code || ruff_code(selector) == Some(code) {
        return Some(usize::MAX);
    }
    code.starts_with(selector).then_some(selector.len())
}

/// Reads `path` and, first, every file it extends. Cycles and chains deeper than ruff would
/// ever need are errors.
fn load_chain(path: &Path, layers: &mut Vec<Layer>, visiting: &mut Vec<PathBuf>) -> Result<(), String> {
    let canonical = path
        .canonicalize()
        .map_err(|e| problem(path, format!("cannot read: {e}")))?;
    if visiting.len() > 16 || visiting.contains(&canonical) {
        return Err(problem(path, "`extend` forms a cycle"));
    }
    visiting.push(canonical);
    let table = ruff_table(path)
        .map_err(|e| problem(path, e))?
        .ok_or_else(|| problem(path, "no [tool.ruff] table"))?;
    if let Some(extend) = table.get("extend") {
        let target = extend.as_str().ok_or_else(|| problem(path, "`extend` is not a path"))?;
        let target = path.parent().unwrap_or(Path::new(".")).join(target);
        load_chain(&target, layers, visiting)?;
    }
    layers.push(layer(path, &table)?);
    Ok(())
}

fn layer(path: &Path, table: &toml::Table) -> Result<Layer, String> {
    let lint = table.get("lint").and_then(|l| l.as_table());
    // `[lint]` wins over the older top-level spelling.
    let get = |key: &str| lint.and_then(|l| l.get(key)).or_else(|| table.get(key));
    let where_ = |key: &str| {
        let section = if lint.is_some_and(|l| l.contains_key(key)) {
            "lint."
        } else {
            ""
        };
        format!("{section}{key}")
    };
    let strings = |key: &str| strings_at(get(key), &where_(key), path);
    let map = |key: &str| -> Result<Option<BTreeMap<String, Vec<String>>>, String> {
        match get(key) {
            None => Ok(None),
            Some(value) => value
                .clone()
                .try_into()
                .map(Some)
                .map_err(|_| problem(path, format!("`{}` is not a table of lists of codes", where_(key)))),
        }
    };
    let flag = |key: &str| -> Result<Option<bool>, String> {
        match get(key) {
            None => Ok(None),
            Some(value) => value
                .as_bool()
                .map(Some)
                .ok_or_else(|| problem(path, format!("`{}` is not true or false", where_(key)))),
        }
    };
    let mut thresholds = Vec::new();
    for (section, key, ours) in THRESHOLDS {
        let Some(value) = get(section).and_then(|s| s.get(key)) else {
            continue;
        };
        let value = value
            .as_integer()
            .ok_or_else(|| problem(path, format!("`{}.{key}` is not a number", where_(section))))?;
        thresholds.push((*ours, value, format!("{}: {}.{key}", shown(path), where_(section))));
    }
    Ok(Layer {
        file: path.to_path_buf(),
        select: strings("select")?,
        extend_select: strings("extend-select")?.unwrap_or_default(),
        ignore: [strings("ignore")?, strings("extend-ignore")?]
            .into_iter()
            .flatten()
            .flatten()
            .collect(),
        preview: flag("preview")?,
        explicit_preview_rules: flag("explicit-preview-rules")?,
        thresholds,
        per_file_ignores: map("per-file-ignores")?,
        extend_per_file_ignores: map("extend-per-file-ignores")?.unwrap_or_default(),
        // `exclude` is a top-level setting; `lint.exclude` adds to it for the linter.
        exclude: strings_at(table.get("exclude"), "exclude", path)?,
        extend_exclude: [
            strings_at(table.get("extend-exclude"), "extend-exclude", path)?,
            strings_at(lint.and_then(|l| l.get("exclude")), "lint.exclude", path)?,
        ]
        .into_iter()
        .flatten()
        .flatten()
        .collect(),
    })
}

fn strings_at(value: Option<&toml::Value>, key: &str, path: &Path) -> Result<Option<Vec<String>>, String> {
    match value {
        None => Ok(None),
        Some(value) => value
            .as_array()
            .and_then(|items| items.iter().map(|i| i.as_str().map(String::from)).collect())
            .map(Some)
            .ok_or_else(|| problem(path, format!("`{key}` is not a list of strings"))),
    }
}
