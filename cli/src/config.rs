//! `tollgate.toml`, `.tollgate.toml` or `[tool.tollgate]` in `pyproject.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tollgate_analyzers::Settings;
use tollgate_rules::{Level, Role, RuleSet};

use crate::glob::GlobList;

/// When a run fails: at or above a level, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    pub fn fails(self, level: Level) -> bool {
        match self {
            FailOn::Error => level >= Level::Error,
            FailOn::Warning => level >= Level::Warning,
            FailOn::Note => true,
            FailOn::Never => false,
        }
    }
}

/// The config file as written. Every table denies unknown keys.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    /// Globs of paths not to walk into.
    pub exclude: Vec<String>,
    pub fail_on: Option<FailOn>,
    /// Replaces the default rule set.
    pub select: Option<Vec<String>>,
    /// Adds to the rule set (e.g. rules that are off by default).
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// Rule id or prefix -> level.
    pub levels: BTreeMap<String, Level>,
    /// Glob -> rule ids or prefixes ignored in matching files.
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Files larger than this many bytes are skipped with a diagnostic.
    pub max_file_size: Option<u64>,
    /// Path roles whose files are only scanned for secrets (default: vendored, generated).
    pub skip_roles: Option<Vec<String>>,
    pub python: tollgate_analyzers::python::Settings,
    pub secrets: tollgate_analyzers::secrets::Settings,
    pub actions: tollgate_analyzers::actions::Settings,
    pub docker: tollgate_analyzers::docker::Settings,
}

impl FileConfig {
    pub fn settings(&self) -> Settings {
        Settings {
            python: self.python.clone(),
            secrets: self.secrets.clone(),
            actions: self.actions.clone(),
            docker: self.docker.clone(),
        }
    }
}

/// A config file that was found and read.
pub struct Loaded {
    pub config: FileConfig,
    /// The file, for messages.
    pub path: Option<PathBuf>,
    /// Where relative globs are anchored: the config file's directory.
    pub base: PathBuf,
}

/// What the command line sets on top of the config file.
pub struct Overrides<'a> {
    pub select: Option<&'a [String]>,
    pub extend_select: &'a [String],
    pub ignore: &'a [String],
    pub exclude: &'a [String],
    pub fail_on: Option<FailOn>,
}

/// A run's configuration: the config file with the command line on top, checked and compiled.
pub struct Resolved {
    pub rules: RuleSet,
    pub exclude: GlobList,
    pub per_file_ignores: PerFileIgnores,
    pub settings: Settings,
    pub fail_on: FailOn,
    pub max_file_size: u64,
    /// Files of these roles are only scanned for secrets.
    pub skip_roles: Vec<Role>,
    /// Where relative globs are anchored: the config file's directory.
    pub base: PathBuf,
}

impl Loaded {
    /// Errors in the config name its file.
    pub fn resolve(self, overrides: &Overrides) -> Result<Resolved, String> {
        let cfg = &self.config;
        let in_config = |e: String| match &self.path {
            Some(path) => format!("{}: {e}", path.display()),
            None => e,
        };
        let select = overrides.select.or(cfg.select.as_deref());
        let extend: Vec<String> = cfg
            .extend_select
            .iter()
            .chain(overrides.extend_select)
            .cloned()
            .collect();
        let ignore: Vec<String> = cfg.ignore.iter().chain(overrides.ignore).cloned().collect();
        let mut rules = RuleSet::new(select, &extend, &ignore).map_err(|e| e.to_string())?;
        for (selector, level) in &cfg.levels {
            rules
                .set_level(selector, *level)
                .map_err(|e| in_config(format!("[levels]: {e}")))?;
        }
        let exclude_patterns: Vec<String> = cfg.exclude.iter().chain(overrides.exclude).cloned().collect();
        let exclude = GlobList::new(&exclude_patterns).map_err(in_config)?;
        let per_file_ignores = PerFileIgnores::new(&cfg.per_file_ignores).map_err(in_config)?;
        for selectors in cfg.per_file_ignores.values() {
            RuleSet::new(Some(selectors), &[], &[]).map_err(|e| in_config(format!("[per-file-ignores]: {e}")))?;
        }
        let skip_roles = match &cfg.skip_roles {
            None => vec![Role::Vendored, Role::Generated],
            Some(names) => names
                .iter()
                .map(|name| {
                    Role::parse(name)
                        .ok_or_else(|| in_config(format!("skip-roles: unknown role `{name}` ({})", role_names())))
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(Resolved {
            rules,
            skip_roles,
            exclude,
            per_file_ignores,
            settings: cfg.settings(),
            fail_on: overrides.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Warning),
            max_file_size: cfg.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            base: self.base,
        })
    }
}

/// The roles a config may name, for messages.
fn role_names() -> String {
    let names: Vec<&str> = Role::ALL.iter().map(|role| role.as_str()).collect();
    format!("one of {}", names.join(", "))
}

const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;
/// Files are read whole into memory: a larger limit is a mistake, not a wish.
pub const MAX_MAX_FILE_SIZE: u64 = 1024 * 1024 * 1024;

impl FileConfig {
    /// Limits that parse as numbers but make no sense: caught here rather than wrapping
    /// around later (`max-file-size = 18446744073709551615` once read every file as empty).
    fn validate(&self) -> Result<(), String> {
        if let Some(size) = self.max_file_size {
            if !(1..=MAX_MAX_FILE_SIZE).contains(&size) {
                return Err(format!(
                    "max-file-size = {size}: must be between 1 and {MAX_MAX_FILE_SIZE} bytes (1 GiB)"
                ));
            }
        }
        Ok(())
    }
}

/// Reads `explicit`, or looks for a config from `cwd` upward to the repository root (the
/// directory with `.git`); outside a git repository, in `cwd` only. The scanned paths play
/// no part: a file being checked must not choose the config that checks it.
pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Loaded, String> {
    if let Some(path) = explicit {
        crate::walk::require_regular_file(path, "config")?;
        let config = read(path)?.ok_or_else(|| format!("{}: no [tool.tollgate] table", path.display()))?;
        let base = crate::walk::absolute(path.parent().unwrap_or(Path::new("")));
        return Ok(Loaded {
            config,
            path: Some(path.to_path_buf()),
            base,
        });
    }
    let top = cwd.ancestors().find(|dir| dir.join(".git").exists());
    let dirs: Vec<&Path> = match top {
        Some(top) => cwd.ancestors().take_while(|dir| *dir != top).chain([top]).collect(),
        None => vec![cwd],
    };
    for current in dirs {
        for name in ["tollgate.toml", ".tollgate.toml", "pyproject.toml"] {
            let candidate = current.join(name);
            if candidate.is_file() {
                if let Some(config) = read(&candidate)? {
                    return Ok(Loaded {
                        config,
                        path: Some(candidate),
                        base: current.to_path_buf(),
                    });
                }
            }
        }
    }
    Ok(Loaded {
        config: FileConfig::default(),
        path: None,
        base: cwd.to_path_buf(),
    })
}

/// `Ok(None)` for a pyproject.toml without `[tool.tollgate]`.
fn read(path: &Path) -> Result<Option<FileConfig>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let parsed = if is_pyproject {
        let table: toml::Table = toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), one_line(&e)))?;
        match table.get("tool").and_then(|tool| tool.get("tollgate")) {
            None => return Ok(None),
            Some(value) => value
                .clone()
                .try_into::<FileConfig>()
                .map_err(|e| format!("{}: [tool.tollgate]: {}", path.display(), one_line(&e))),
        }
    } else {
        toml::from_str::<FileConfig>(&text).map_err(|e| format!("{}: {}", path.display(), one_line(&e)))
    };
    let config = parsed?;
    config.validate().map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(config))
}

/// toml's errors span several lines with a source excerpt; keep them readable on one screen.
fn one_line(error: &dyn std::fmt::Display) -> String {
    error.to_string().trim_end().replace("\n\n", "\n")
}

/// Compiled per-file ignores.
pub struct PerFileIgnores {
    entries: Vec<(Matcher, Vec<String>)>,
}

/// What a per-file-ignores key names: a glob, or `role:<role>` for every file of that role.
enum Matcher {
    Glob(GlobList),
    Role(Role),
}

impl PerFileIgnores {
    pub fn new(map: &BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let entries = map
            .iter()
            .map(|(key, rules)| {
                let matcher = match key.strip_prefix("role:") {
                    Some(name) => Matcher::Role(
                        Role::parse(name)
                            .ok_or_else(|| format!("[per-file-ignores]: `{key}`: unknown role ({})", role_names()))?,
                    ),
                    None => Matcher::Glob(GlobList::new(std::slice::from_ref(key))?),
                };
                Ok((matcher, rules.clone()))
            })
            .collect::<Result<_, String>>()?;
        Ok(PerFileIgnores { entries })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The selectors ignored for a file: its path relative to the config's base, its role.
    pub fn for_file(&self, relative: &str, role: Option<Role>) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|(matcher, _)| match matcher {
                Matcher::Glob(globs) => globs.is_match(relative),
                Matcher::Role(wanted) => role == Some(*wanted),
            })
            .flat_map(|(_, rules)| rules.iter().map(String::as_str))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_name_the_key() {
        let err = toml::from_str::<FileConfig>("fail-on = \"error\"\nexlude = []\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("exlude"), "{err}");
    }

    #[test]
    fn wrong_types_say_what_was_expected() {
        let err = toml::from_str::<FileConfig>("fail-on = \"sometimes\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("sometimes") && err.contains("error"), "{err}");
    }

    #[test]
    fn a_full_config_parses() {
        let config: FileConfig = toml::from_str(
            "exclude = [\"vendor\"]\nfail-on = \"error\"\nselect = [\"secrets\"]\nignore = []\nmax-file-size = 100\n\
             [levels]\n\"secrets/private-key\" = \"warning\"\n[per-file-ignores]\n\"tests/**\" = [\"secrets\"]\n[secrets]\n",
        )
        .unwrap();
        assert_eq!(config.fail_on, Some(FailOn::Error));
        assert_eq!(config.levels["secrets/private-key"], Level::Warning);
        assert_eq!(config.max_file_size, Some(100));
    }
}
