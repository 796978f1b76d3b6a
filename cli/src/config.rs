//! `tollgate.toml`, `.tollgate.toml` or `[tool.tollgate]` in `pyproject.toml`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tollgate_analyzers::Settings;
use tollgate_rules::{Level, Role, Rule, RuleSet};

use crate::glob::GlobList;
use crate::imported::{self, Imported, PeerGlobs, Peers};

/// When a run fails: at or above a level, or never.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
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
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
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
    /// The other tools whose configs are read (default: ruff, hadolint, zizmor, gitleaks).
    pub read_configs: Option<Vec<String>>,
    /// Glob -> path role (or `none`), over what conventions say of those files.
    pub roles: BTreeMap<String, String>,
    pub python: tollgate_analyzers::python::Settings,
    pub secrets: tollgate_analyzers::secrets::Settings,
    pub actions: tollgate_analyzers::actions::Settings,
    pub docker: tollgate_analyzers::docker::Settings,
    pub smells: tollgate_analyzers::smells::Settings,
    pub javascript: tollgate_analyzers::smells::Limits,
    pub typescript: tollgate_analyzers::smells::Limits,
    pub go: tollgate_analyzers::smells::Limits,
    pub java: tollgate_analyzers::smells::Limits,
    pub rust: tollgate_analyzers::smells::Limits,
    pub ruby: tollgate_analyzers::smells::Limits,
    pub csharp: tollgate_analyzers::smells::Limits,
    pub php: tollgate_analyzers::smells::Limits,
    pub c: tollgate_analyzers::smells::Limits,
    pub cpp: tollgate_analyzers::smells::Limits,
    pub kotlin: tollgate_analyzers::smells::Limits,
    pub swift: tollgate_analyzers::smells::Limits,
    pub scala: tollgate_analyzers::smells::Limits,
}

impl FileConfig {
    pub fn settings(&self) -> Settings {
        Settings {
            python: self.python.clone(),
            secrets: self.secrets.clone(),
            actions: self.actions.clone(),
            docker: self.docker.clone(),
            smells: self.smells.clone(),
            javascript: self.javascript.clone(),
            typescript: self.typescript.clone(),
            go: self.go.clone(),
            java: self.java.clone(),
            rust: self.rust.clone(),
            ruby: self.ruby.clone(),
            csharp: self.csharp.clone(),
            php: self.php.clone(),
            c: self.c.clone(),
            cpp: self.cpp.clone(),
            kotlin: self.kotlin.clone(),
            swift: self.swift.clone(),
            scala: self.scala.clone(),
        }
    }
}

/// A config file that was found and read, and the other tools' configs found with it.
pub struct Loaded {
    /// The config as written, whose keys win over the other tools' configs.
    pub raw: toml::Table,
    /// The file, for messages.
    pub path: Option<PathBuf>,
    /// Where relative globs are anchored: the config file's directory.
    pub base: PathBuf,
    pub imported: Vec<Imported>,
    /// Other tools' configs that could not be read: each was left out.
    pub warnings: Vec<String>,
    /// Whether ruff's configs are read (`read-configs`), nested ones included.
    pub reads_ruff: bool,
    /// Where the result cache lives: the config file's directory, else the repository's
    /// root, else the current directory.
    pub project_root: PathBuf,
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
    pub roles: RoleGlobs,
    /// Where relative globs are anchored: the config file's directory.
    pub base: PathBuf,
    /// Python files that ruff's config excludes: only the Python analysis skips them.
    pub python_exclude: Vec<PeerGlobs>,
    /// Files `[docker] files` names as Dockerfiles.
    pub dockerfiles: GlobList,
    /// Single findings and secrets that the other tools' configs leave out.
    pub peers: Peers,
}

impl Loaded {
    /// Errors in the config name its file.
    pub fn resolve(self, overrides: &Overrides) -> Result<Resolved, String> {
        let merged = self.merged()?;
        let cfg = &merged.config;
        let in_config = |e: String| match &self.path {
            Some(path) => format!("{}: {e}", path.display()),
            None => e,
        };
        let rules = self.rules(cfg, overrides)?;
        let exclude_patterns: Vec<String> = cfg.exclude.iter().chain(overrides.exclude).cloned().collect();
        let exclude = GlobList::new(&exclude_patterns).map_err(in_config)?;
        let mut per_file_ignores = PerFileIgnores::new(&cfg.per_file_ignores).map_err(in_config)?;
        for selectors in cfg.per_file_ignores.values() {
            // `<tool>/...` names the rules of another tool's imported SARIF, which exist only
            // once it is read.
            let ours: Vec<String> = selectors
                .iter()
                .filter(|s| !tollgate_rules::select::names_another_tool(s))
                .cloned()
                .collect();
            RuleSet::new(Some(&ours), &[], &[]).map_err(|e| in_config(format!("[per-file-ignores]: {e}")))?;
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
        let roles = RoleGlobs::new(&cfg.roles).map_err(in_config)?;
        let settings = cfg.settings();
        let dockerfiles = GlobList::new(&settings.docker.files).map_err(|e| in_config(format!("docker.files: {e}")))?;
        let fail_on = overrides.fail_on.or(cfg.fail_on).unwrap_or(FailOn::Warning);
        let max_file_size = cfg.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
        let mut python_exclude = Vec::new();
        let mut peers = Peers::default();
        for imported in self.imported {
            for ignore in imported.per_file_ignores {
                let ids = ignore.rules.iter().map(|rule| rule.id.to_string()).collect();
                per_file_ignores.entries.push((Matcher::Peer(ignore.paths), ids));
            }
            python_exclude.extend(imported.python_exclude);
            peers.finding_ignores.extend(imported.finding_ignores);
            peers.secrets_allow.extend(imported.secrets_allow);
        }
        Ok(Resolved {
            rules,
            skip_roles,
            roles,
            exclude,
            per_file_ignores,
            settings,
            fail_on,
            max_file_size,
            base: self.base,
            python_exclude,
            dockerfiles,
            peers,
        })
    }

    /// The config file's settings over the other tools' (`python.max-args` from ruff's
    /// `pylint.max-args`), with where each came from.
    fn merged(&self) -> Result<Merged, String> {
        let mut table = toml::Table::new();
        let mut origins = BTreeMap::new();
        for setting in self.imported.iter().flat_map(|i| &i.settings) {
            let (section, key) = setting.key.split_once('.').unwrap_or(("", setting.key));
            let section = match section {
                "" => &mut table,
                name => table
                    .entry(name)
                    .or_insert_with(|| toml::Value::Table(toml::Table::new()))
                    .as_table_mut()
                    .expect("sections are tables"),
            };
            section.insert(key.to_string(), setting.value.clone());
            origins.insert(setting.key.to_string(), setting.origin.clone());
        }
        let own = self.path.as_deref().map_or_else(String::new, imported::shown);
        for (key, value) in &self.raw {
            match (value, table.get_mut(key)) {
                (toml::Value::Table(own_section), Some(toml::Value::Table(section))) if key != "levels" => {
                    for (inner, value) in own_section {
                        section.insert(inner.clone(), value.clone());
                        origins.insert(format!("{key}.{inner}"), own.clone());
                    }
                }
                _ => {
                    table.insert(key.clone(), value.clone());
                    match value {
                        toml::Value::Table(section) if key != "levels" && key != "per-file-ignores" => {
                            for inner in section.keys() {
                                origins.insert(format!("{key}.{inner}"), own.clone());
                            }
                        }
                        _ => {
                            origins.insert(key.clone(), own.clone());
                        }
                    }
                }
            }
        }
        let config: FileConfig = toml::Value::Table(table)
            .try_into()
            .map_err(|e| format!("the settings read from other tools' configs: {}", one_line(&e)))?;
        Ok(Merged { config, origins })
    }

    /// The rule set: each rule's default, then what other tools' configs turn on or off, then
    /// the config file and the command line; then the levels, in the same order.
    fn rules(&self, cfg: &FileConfig, overrides: &Overrides) -> Result<RuleSet, String> {
        let select = overrides.select.or(cfg.select.as_deref());
        let extend: Vec<String> = cfg
            .extend_select
            .iter()
            .chain(overrides.extend_select)
            .cloned()
            .collect();
        let ignore: Vec<String> = cfg.ignore.iter().chain(overrides.ignore).cloned().collect();
        let decisions: Vec<_> = self.imported.iter().flat_map(|i| &i.rules).collect();
        let decided = |rule: &Rule| decisions.iter().rev().find(|d| d.rule.id == rule.id).map(|d| d.on);
        let mut rules = RuleSet::layered(&decided, select, &extend, &ignore).map_err(|e| e.to_string())?;
        for (rule, level, _) in self.imported.iter().flat_map(|i| &i.levels) {
            rules.set_level(rule.id, *level).map_err(|e| e.to_string())?;
        }
        for (selector, level) in &cfg.levels {
            rules.set_level(selector, *level).map_err(|e| match &self.path {
                Some(path) => format!("{}: [levels]: {e}", path.display()),
                None => format!("[levels]: {e}"),
            })?;
        }
        Ok(rules)
    }

    /// `--show-config`: the effective settings, each with where it came from.
    pub fn show(&self, overrides: &Overrides) -> Result<String, String> {
        use std::fmt::Write as _;
        let Merged {
            mut config,
            mut origins,
        } = self.merged()?;
        // What the run uses where the file says nothing, shown as such.
        if overrides.fail_on.is_some() {
            origins.insert("fail-on".into(), "command line".into());
        }
        config.fail_on = Some(overrides.fail_on.or(config.fail_on).unwrap_or(FailOn::Warning));
        config.max_file_size.get_or_insert(DEFAULT_MAX_FILE_SIZE);
        config
            .skip_roles
            .get_or_insert_with(|| vec!["vendored".into(), "generated".into()]);
        config
            .read_configs
            .get_or_insert_with(|| imported::TOOLS.iter().map(|t| t.to_string()).collect());
        let mut out = String::new();
        let own = match &self.path {
            Some(path) => imported::shown(path),
            None => "none".to_string(),
        };
        let _ = writeln!(out, "# tollgate's config: {own}");
        for imported in &self.imported {
            let _ = writeln!(out, "# read: {}", imported::shown(&imported.path));
        }
        for warning in &self.warnings {
            let _ = writeln!(out, "# left out: {warning}");
        }
        let effective = toml::Value::try_from(&config).map_err(|e| e.to_string())?;
        let origin = |key: &str| origins.get(key).map_or("default", String::as_str).to_string();
        let table = effective.as_table().expect("a config is a table");
        let mut sections = Vec::new();
        for (key, value) in table {
            match value {
                toml::Value::Table(section) if key != "levels" && key != "per-file-ignores" => {
                    sections.push((key, section))
                }
                _ => {
                    let _ = writeln!(out, "{key} = {value}  # {}", origin(key));
                }
            }
        }
        for (name, section) in sections {
            let _ = writeln!(out, "\n[{name}]");
            for (key, value) in section {
                let _ = writeln!(out, "{key} = {value}  # {}", origin(&format!("{name}.{key}")));
            }
        }
        let _ = writeln!(out, "\n# Rules not at their default (level, or off), and why:");
        let defaults = RuleSet::new(None, &[], &[]).map_err(|e| e.to_string())?;
        let rules = self.rules(&config, overrides)?;
        for rule in tollgate_rules::catalogue().rules() {
            let (was, now) = (defaults.level(rule.id), rules.level(rule.id));
            if was == now {
                continue;
            }
            let shown = now.map_or("off".to_string(), |level| level.as_str().to_string());
            let why = self
                .imported
                .iter()
                .flat_map(|i| {
                    i.rules
                        .iter()
                        .filter(|d| d.rule.id == rule.id && Some(d.on) == Some(now.is_some()))
                        .map(|d| d.origin.clone())
                        .chain(
                            i.levels
                                .iter()
                                .filter(|(r, l, _)| r.id == rule.id && Some(*l) == now)
                                .map(|(_, _, origin)| origin.clone()),
                        )
                })
                .last()
                .unwrap_or_else(|| format!("{own} or the command line"));
            let _ = writeln!(out, "{} = {shown}  # {why}", rule.id);
        }
        let mut extra = Vec::new();
        for imported in &self.imported {
            for ignore in &imported.per_file_ignores {
                let ids: Vec<&str> = ignore.rules.iter().map(|r| r.id).collect();
                extra.push(format!("per-file-ignores: {}  # {}", ids.join(", "), ignore.origin));
            }
            if let Some(globs) = &imported.python_exclude {
                extra.push(format!(
                    "python files excluded: {}  # {}",
                    globs.patterns.join(", "),
                    imported.path.display()
                ));
            }
            for ignore in &imported.finding_ignores {
                extra.push(format!("ignored finding  # {}", ignore.origin));
            }
            for allow in &imported.secrets_allow {
                extra.push(format!("secrets allowlist  # {}", allow.origin));
            }
            extra.extend(imported.unused.iter().map(|u| format!("not used: {u}")));
        }
        if !extra.is_empty() {
            let _ = writeln!(out, "\n# From other tools' configs:");
            for line in extra {
                let _ = writeln!(out, "# {line}");
            }
        }
        Ok(out)
    }
}

/// What it takes to resolve a nested ruff config the way the run's config was resolved:
/// tollgate's own config, with that ruff config in place of the one found above.
pub struct Nested {
    raw: toml::Table,
    path: Option<PathBuf>,
    base: PathBuf,
    /// The ruff config already read, which is not nested in itself; `None` when ruff's
    /// configs are not read at all (`read-configs`).
    root: Option<Option<PathBuf>>,
}

/// A folder whose own ruff config governs the Python files below it.
pub struct RuffScope {
    dir: PathBuf,
    pub config: Resolved,
}

impl RuffScope {
    pub fn governs(&self, path: &Path) -> bool {
        crate::walk::absolute(path).starts_with(&self.dir)
    }
}

impl Loaded {
    pub fn nested(&self) -> Nested {
        let root = self.imported.iter().find(|i| i.tool == "ruff").map(|i| i.path.clone());
        Nested {
            raw: self.raw.clone(),
            path: self.path.clone(),
            base: self.base.clone(),
            root: self.reads_ruff.then_some(root),
        }
    }
}

impl Nested {
    /// The ruff configs among the walked `files` (other than the one already read), each
    /// resolved into a scope for its folder; deepest first. One that cannot be read is a
    /// warning, and its folder keeps the run's config.
    pub fn ruff_scopes<'a>(
        &self,
        files: impl Iterator<Item = &'a Path>,
        overrides: &Overrides,
    ) -> (Vec<RuffScope>, Vec<String>) {
        let Some(root) = &self.root else {
            return (Vec::new(), Vec::new());
        };
        // The folder of the config already read: ruff ranks that config first there.
        let root_dir = root
            .as_deref()
            .map(crate::walk::absolute)
            .and_then(|root| root.parent().map(Path::to_path_buf));
        // Per folder, the config ruff ranks first there.
        let mut chosen: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
        for file in files {
            let rank = |p: &Path| {
                [".ruff.toml", "ruff.toml", "pyproject.toml"]
                    .iter()
                    .position(|n| p.file_name().is_some_and(|f| f == *n))
            };
            let Some(this) = rank(file) else { continue };
            let absolute = crate::walk::absolute(file);
            let dir = absolute.parent().unwrap_or(Path::new("/")).to_path_buf();
            if Some(&dir) == root_dir.as_ref() || !imported::ruff::has_settings(&absolute) {
                continue;
            }
            match chosen.get(&dir) {
                Some(other) if rank(other) <= Some(this) => {}
                _ => {
                    chosen.insert(dir, absolute);
                }
            }
        }
        let mut scopes = Vec::new();
        let mut warnings = Vec::new();
        for (dir, path) in chosen {
            let resolved = imported::ruff::import(&path).and_then(|ruff| {
                Loaded {
                    raw: self.raw.clone(),
                    path: self.path.clone(),
                    base: self.base.clone(),
                    imported: vec![ruff],
                    warnings: Vec::new(),
                    reads_ruff: true,
                    project_root: self.base.clone(),
                }
                .resolve(overrides)
            });
            match resolved {
                Ok(config) => scopes.push(RuffScope { dir, config }),
                Err(warning) => warnings.push(warning),
            }
        }
        scopes.sort_by_key(|s| std::cmp::Reverse(s.dir.components().count()));
        (scopes, warnings)
    }
}

/// The settings in effect, before rules and paths are compiled.
struct Merged {
    config: FileConfig,
    /// Dotted key -> the file (and setting) it came from; absent keys are defaults.
    origins: BTreeMap<String, String>,
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
/// no part: a file being checked must not choose the config that checks it. The other
/// tools' configs are looked for the same way, nearest first, unless `read-configs` says
/// otherwise.
pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Loaded, String> {
    let top = cwd.ancestors().find(|dir| dir.join(".git").exists());
    let dirs: Vec<PathBuf> = match top {
        Some(top) => cwd
            .ancestors()
            .take_while(|dir| *dir != top)
            .chain([top])
            .map(Path::to_path_buf)
            .collect(),
        None => vec![cwd.to_path_buf()],
    };
    let (config, raw, path, base) = match explicit {
        Some(path) => {
            crate::walk::require_regular_file(path, "config")?;
            let (config, raw) = read(path)?.ok_or_else(|| format!("{}: no [tool.tollgate] table", path.display()))?;
            let base = crate::walk::absolute(path.parent().unwrap_or(Path::new("")));
            (config, raw, Some(path.to_path_buf()), base)
        }
        None => find(&dirs)?.unwrap_or_else(|| (FileConfig::default(), toml::Table::new(), None, cwd.to_path_buf())),
    };
    let wanted: Vec<String> = match &config.read_configs {
        Some(tools) => tools.clone(),
        None => imported::TOOLS.iter().map(|t| t.to_string()).collect(),
    };
    if let Some(unknown) = wanted.iter().find(|t| !imported::TOOLS.contains(&t.as_str())) {
        let file = path.as_ref().map_or(String::new(), |p| format!("{}: ", p.display()));
        return Err(format!(
            "{file}read-configs: unknown tool `{unknown}` (one of {})",
            imported::TOOLS.join(", ")
        ));
    }
    let (imported, warnings) = imported::discover(&dirs, &wanted);
    let project_root = match (&path, top) {
        (Some(_), _) => base.clone(),
        (None, Some(top)) => top.to_path_buf(),
        (None, None) => cwd.to_path_buf(),
    };
    Ok(Loaded {
        project_root,
        raw,
        path,
        base,
        imported,
        warnings,
        reads_ruff: wanted.iter().any(|t| t == "ruff"),
    })
}

/// The nearest config file in `dirs`: the config, as written, its path and its folder.
type Found = (FileConfig, toml::Table, Option<PathBuf>, PathBuf);

fn find(dirs: &[PathBuf]) -> Result<Option<Found>, String> {
    for current in dirs {
        for name in ["tollgate.toml", ".tollgate.toml", "pyproject.toml"] {
            let candidate = current.join(name);
            if candidate.is_file() {
                if let Some((config, raw)) = read(&candidate)? {
                    return Ok(Some((config, raw, Some(candidate), current.clone())));
                }
            }
        }
    }
    Ok(None)
}

/// `Ok(None)` for a pyproject.toml without `[tool.tollgate]`.
fn read(path: &Path) -> Result<Option<(FileConfig, toml::Table)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    let mut table: toml::Table = toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), one_line(&e)))?;
    let (table, section) = if is_pyproject {
        match table
            .remove("tool")
            .and_then(|mut tool| tool.as_table_mut()?.remove("tollgate"))
        {
            None => return Ok(None),
            Some(toml::Value::Table(table)) => (table, "[tool.tollgate]: "),
            Some(_) => return Err(format!("{}: [tool.tollgate] is not a table", path.display())),
        }
    } else {
        (table, "")
    };
    // From the text where there is one: its errors point at the line.
    let config = if is_pyproject {
        toml::Value::Table(table.clone()).try_into::<FileConfig>()
    } else {
        toml::from_str::<FileConfig>(&text)
    }
    .map_err(|e| format!("{}: {section}{}", path.display(), one_line(&e)))?;
    config.validate().map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some((config, table)))
}

/// toml's errors span several lines with a source excerpt; keep them readable on one screen.
fn one_line(error: &dyn std::fmt::Display) -> String {
    error.to_string().trim_end().replace("\n\n", "\n")
}

/// The config's `[roles]`, compiled: where several patterns match a file, the longest wins.
pub struct RoleGlobs {
    entries: Vec<(usize, GlobList, Option<Role>)>,
}

impl RoleGlobs {
    fn new(map: &BTreeMap<String, String>) -> Result<Self, String> {
        let mut entries = map
            .iter()
            .map(|(glob, name)| {
                let role = match name.as_str() {
                    "none" => None,
                    name => Some(Role::parse(name).ok_or_else(|| {
                        format!("[roles]: `{glob}` = `{name}`: unknown role ({} or none)", role_names())
                    })?),
                };
                Ok((glob.len(), GlobList::new(std::slice::from_ref(glob))?, role))
            })
            .collect::<Result<Vec<_>, String>>()?;
        entries.sort_by_key(|(len, _, _)| std::cmp::Reverse(*len));
        Ok(RoleGlobs { entries })
    }

    /// What `[roles]` says of the file at `relative` (from the config's folder), if anything.
    pub fn for_file(&self, relative: &str) -> Option<Option<Role>> {
        self.entries
            .iter()
            .find(|(_, globs, _)| crate::walk::is_excluded(globs, relative))
            .map(|(_, _, role)| *role)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Compiled per-file ignores.
pub struct PerFileIgnores {
    entries: Vec<(Matcher, Vec<String>)>,
}

/// What a per-file-ignores key names: a glob, or `role:<role>` for every file of that role;
/// or, from another tool's config, that tool's patterns.
enum Matcher {
    Glob(GlobList),
    Role(Role),
    Peer(PeerGlobs),
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

    /// The selectors ignored for a file: its path relative to the config's base, its
    /// absolute path, its role.
    pub fn for_file(&self, relative: &str, absolute: &Path, role: Option<Role>) -> Vec<&str> {
        self.entries
            .iter()
            .filter(|(matcher, _)| match matcher {
                Matcher::Glob(globs) => globs.is_match(relative),
                Matcher::Role(wanted) => role == Some(*wanted),
                Matcher::Peer(globs) => globs.is_match(absolute, false),
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
