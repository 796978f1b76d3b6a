//! The configs users already keep for the tools tollgate stands in for: ruff, hadolint,
//! zizmor and gitleaks. Each reader turns its file into tollgate's own terms (settings, rules
//! on or off, levels, per-file ignores, single ignored findings); `config` layers them under
//! tollgate's own config, which wins wherever both speak.
//!
//! A peer config tollgate cannot read is a warning naming the file and the problem, and the
//! file is left out: it was written for another tool, and the scan goes on without it.

pub mod gitleaks;
pub mod hadolint;
pub mod ruff;
pub mod zizmor;

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use tollgate_analyzers::actions::yaml::{self, Node};
use tollgate_rules::{select, Finding, Level, LineIndex, Rule};

/// What one peer config says, in tollgate's terms.
#[derive(Default)]
pub struct Imported {
    /// The tool whose config it is.
    pub tool: &'static str,
    /// The file read.
    pub path: PathBuf,
    /// Settings by their key in tollgate's config (`python.max-complexity`).
    pub settings: Vec<Setting>,
    /// Rules turned on or off, in order: a later decision on a rule wins.
    pub rules: Vec<Decision>,
    pub levels: Vec<(&'static Rule, Level, String)>,
    /// Rules ignored in the files a pattern matches.
    pub per_file_ignores: Vec<PathIgnore>,
    /// Python files the tool does not lint (ruff's `exclude`): only the Python analysis
    /// skips them; a key in one is still a leaked key.
    pub python_exclude: Option<PeerGlobs>,
    /// Single findings to leave out: a rule in a file, at a line.
    pub finding_ignores: Vec<FindingIgnore>,
    /// Secrets to leave out (gitleaks' allowlists).
    pub secrets_allow: Vec<SecretsAllow>,
    /// What was read but has no counterpart in tollgate, said by `--show-config`.
    pub unused: Vec<String>,
}

impl Imported {
    pub fn new(path: &Path) -> Imported {
        Imported {
            path: path.to_path_buf(),
            ..Imported::default()
        }
    }
}

/// A setting in tollgate's vocabulary and where it came from.
pub struct Setting {
    /// Dotted key in tollgate's config: `python.max-args`, `docker.allowed-registries`.
    pub key: &'static str,
    pub value: toml::Value,
    pub origin: String,
}

pub struct Decision {
    pub rule: &'static Rule,
    pub on: bool,
    pub origin: String,
}

pub struct PathIgnore {
    pub paths: PeerGlobs,
    pub rules: Vec<&'static Rule>,
    pub origin: String,
}

/// One finding (or every finding of some rules at a place) to leave out.
pub struct FindingIgnore {
    /// The rules it covers; empty for every rule of `domain`.
    pub rules: Vec<&'static Rule>,
    pub domain: &'static str,
    pub file: FileMatch,
    /// 1-based, as the peers write them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub origin: String,
}

pub enum FileMatch {
    /// The file's name, whatever its folder (zizmor's `ci.yml:10`).
    Name(String),
    /// The path from a folder (gitleaks' fingerprints, from the scanned root).
    Path(PathBuf),
}

/// Secrets a gitleaks allowlist leaves out: by path, by the secret's text, by a stopword in it.
pub struct SecretsAllow {
    /// The rules it applies to; empty for every secrets rule.
    pub rules: Vec<&'static Rule>,
    pub paths: Vec<regex::Regex>,
    pub regexes: Vec<regex::Regex>,
    /// What `regexes` are matched against: the secret, or its whole line.
    pub whole_line: bool,
    pub stopwords: Vec<String>,
    /// `condition = "AND"`: every kind of check given must match, not any one.
    pub all: bool,
    /// The folder `paths` are relative to.
    pub base: PathBuf,
    pub origin: String,
}

/// Path patterns as ruff reads them: a glob matched against the whole path, anchored at the
/// config's folder, where `*` also crosses `/`; or against the name of the file or of any
/// folder above it, up to the config's folder. `!pattern` matches what `pattern` does not.
pub struct PeerGlobs {
    whole: GlobSet,
    name: GlobSet,
    negated: bool,
    root: PathBuf,
    pub patterns: Vec<String>,
}

impl PeerGlobs {
    /// Each pattern relative to its own folder (ruff resolves a pattern against the folder
    /// of the file that sets it, along an `extend` chain); folders are matched up to `root`.
    pub fn anchored(entries: &[(String, PathBuf)], root: &Path) -> Result<PeerGlobs, String> {
        let negated = entries.len() == 1 && entries[0].0.starts_with('!');
        let mut whole = GlobSetBuilder::new();
        let mut name = GlobSetBuilder::new();
        for (pattern, folder) in entries {
            let pattern = pattern.strip_prefix('!').unwrap_or(pattern);
            let relative = pattern.trim_start_matches("./").trim_end_matches('/');
            let anchored = if Path::new(relative).is_absolute() {
                relative.to_string()
            } else {
                format!("{}/{relative}", folder.to_string_lossy().trim_end_matches('/'))
            };
            let compile = |p: &str| {
                GlobBuilder::new(p)
                    .build()
                    .map_err(|e| format!("invalid glob `{pattern}`: {e}"))
            };
            whole.add(compile(&anchored)?);
            name.add(compile(relative)?);
        }
        let build = |b: GlobSetBuilder| b.build().map_err(|e| e.to_string());
        Ok(PeerGlobs {
            whole: build(whole)?,
            name: build(name)?,
            negated,
            root: root.to_path_buf(),
            patterns: entries.iter().map(|(pattern, _)| pattern.clone()).collect(),
        })
    }

    /// `path` is absolute. The file matches, or (for exclusions) a folder between it and the
    /// config's folder does.
    pub fn is_match(&self, path: &Path, with_folders: bool) -> bool {
        let hit = |p: &Path| self.whole.is_match(p) || p.file_name().is_some_and(|n| self.name.is_match(n));
        let found = if with_folders {
            path.ancestors()
                .take_while(|p| p.starts_with(&self.root) && *p != self.root)
                .any(hit)
        } else {
            hit(path)
        };
        found != self.negated
    }
}

/// The peer configs found from `dirs` (nearest first) for the tools `wanted` names, and a
/// warning for each that could not be read.
pub fn discover(dirs: &[PathBuf], wanted: &[String]) -> (Vec<Imported>, Vec<String>) {
    type Reader = fn(&[PathBuf]) -> Option<Result<Imported, String>>;
    let readers: [(&str, Reader); 4] = [
        ("ruff", ruff::read),
        ("hadolint", hadolint::read),
        ("zizmor", zizmor::read),
        ("gitleaks", gitleaks::read),
    ];
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for (tool, read) in readers {
        if !wanted.iter().any(|w| w == tool) {
            continue;
        }
        match read(dirs) {
            Some(Ok(imported)) => found.push(Imported { tool, ..imported }),
            Some(Err(warning)) => warnings.push(warning),
            None => {}
        }
    }
    (found, warnings)
}

/// The tools whose configs are read unless the config says otherwise (`read-configs`).
pub const TOOLS: &[&str] = &["ruff", "hadolint", "zizmor", "gitleaks"];

/// The first of `names` that exists in the nearest of `dirs` that has one.
pub fn nearest(dirs: &[PathBuf], names: &[&str]) -> Option<PathBuf> {
    dirs.iter()
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

/// The catalogue's rules that name `code` of `tool` as a peer.
pub fn rules_for(tool: &str, code: &str) -> Vec<&'static Rule> {
    let wanted = format!("{tool}:{code}");
    tollgate_rules::catalogue()
        .rules()
        .iter()
        .copied()
        .filter(|rule| rule.peers.iter().any(|peer| select::peer_matches(&wanted, peer)))
        .collect()
}

/// `file: problem`, for warnings.
pub fn problem(path: &Path, what: impl std::fmt::Display) -> String {
    format!("{}: {what}; the file is left out", shown(path))
}

/// A config file's path as messages show it: from the current directory when under it.
pub fn shown(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    match path.strip_prefix(&cwd) {
        Ok(relative) => crate::walk::slash_path(relative),
        Err(_) => path.display().to_string(),
    }
}

/// The one YAML document of a peer's config file, or why there is none.
pub fn yaml_document(path: &Path) -> Result<Node, String> {
    let text = std::fs::read_to_string(path).map_err(|e| problem(path, format!("cannot read: {e}")))?;
    let parsed = yaml::parse(&text);
    if let Some(error) = parsed.error {
        let line = text[..error.start.min(text.len())].matches('\n').count() + 1;
        let what = parsed.message.unwrap_or_else(|| "invalid YAML".to_string());
        return Err(problem(path, format!("line {line}: {what}")));
    }
    match parsed.documents.into_iter().next() {
        Some(node) if node.is_map() => Ok(node),
        Some(node) if matches!(node.value, yaml::Value::Null) => Ok(node),
        None => Ok(Node {
            span: 0..0,
            value: yaml::Value::Null,
        }),
        Some(_) => Err(problem(path, "expected a mapping of settings")),
    }
}

/// The strings of a sequence (or of one scalar), or an error naming the key.
pub fn yaml_strings(node: &Node, key: &str, path: &Path) -> Result<Vec<String>, String> {
    if let Some(one) = node.str() {
        return Ok(vec![one.to_string()]);
    }
    if matches!(node.value, yaml::Value::Null) {
        return Ok(Vec::new());
    }
    if !matches!(node.value, yaml::Value::Seq(_)) {
        return Err(problem(path, format!("`{key}` is not a list")));
    }
    node.items()
        .iter()
        .map(|item| {
            item.str()
                .map(String::from)
                .ok_or_else(|| problem(path, format!("`{key}` has an item that is not a string")))
        })
        .collect()
}

/// The per-file steps that peers' ignores and allowlists add; see [`Peers::retain`].
#[derive(Default)]
pub struct Peers {
    pub finding_ignores: Vec<FindingIgnore>,
    pub secrets_allow: Vec<SecretsAllow>,
}

impl Peers {
    pub fn is_empty(&self) -> bool {
        self.finding_ignores.is_empty() && self.secrets_allow.is_empty()
    }

    /// Drops the findings of the file at `absolute` (text `text`) that an ignore entry or an
    /// allowlist names.
    pub fn retain(&self, absolute: &Path, text: &str, findings: &mut Vec<Finding>) {
        if self.is_empty() || findings.is_empty() {
            return;
        }
        let index = LineIndex::new(text);
        findings.retain(|finding| {
            let Some(rule) = tollgate_rules::find(finding.rule) else {
                return true;
            };
            let line = index.line_of(finding.span.start) + 1;
            let column = finding.span.start - index.line_range(line - 1).start + 1;
            let ignored = self.finding_ignores.iter().any(|ignore| {
                ignore.covers(rule)
                    && ignore.file.matches(absolute)
                    && ignore.line.is_none_or(|l| l == line)
                    && ignore.column.is_none_or(|c| c == column)
            });
            let allowed = rule.domain() == "secrets"
                && self.secrets_allow.iter().any(|allow| {
                    let line_text = &text[index.line_range(line - 1)];
                    allow.allows(rule, absolute, text.get(finding.span.clone()).unwrap_or(""), line_text)
                });
            !ignored && !allowed
        });
    }
}

impl FindingIgnore {
    fn covers(&self, rule: &Rule) -> bool {
        if self.rules.is_empty() {
            rule.domain() == self.domain
        } else {
            self.rules.iter().any(|r| r.id == rule.id)
        }
    }
}

impl FileMatch {
    fn matches(&self, absolute: &Path) -> bool {
        match self {
            FileMatch::Name(name) => absolute.file_name().is_some_and(|n| n == name.as_str()),
            FileMatch::Path(path) => absolute == path,
        }
    }
}

impl SecretsAllow {
    fn allows(&self, rule: &Rule, absolute: &Path, secret: &str, line: &str) -> bool {
        if !self.rules.is_empty() && !self.rules.iter().any(|r| r.id == rule.id) {
            return false;
        }
        let relative = absolute
            .strip_prefix(&self.base)
            .map(crate::walk::slash_path)
            .unwrap_or_else(|_| crate::walk::slash_path(absolute));
        let target = if self.whole_line { line } else { secret };
        let checks = [
            (!self.paths.is_empty()).then(|| self.paths.iter().any(|re| re.is_match(&relative))),
            (!self.regexes.is_empty()).then(|| self.regexes.iter().any(|re| re.is_match(target))),
            (!self.stopwords.is_empty()).then(|| {
                let lower = secret.to_ascii_lowercase();
                self.stopwords
                    .iter()
                    .any(|word| lower.contains(&word.to_ascii_lowercase()))
            }),
        ];
        let mut given = checks.iter().flatten().peekable();
        given.peek().is_some()
            && if self.all {
                given.all(|hit| *hit)
            } else {
                given.any(|hit| *hit)
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_globs_match_as_ruff_does() {
        let root = Path::new("/repo");
        let at_root = |patterns: &[&str]| -> Vec<(String, PathBuf)> {
            patterns.iter().map(|p| (p.to_string(), root.to_path_buf())).collect()
        };
        let globs = PeerGlobs::anchored(&at_root(&["tests/*", "_vendor", "./build"]), root).unwrap();
        // `*` crosses folders; a bare name matches a folder anywhere below the root.
        assert!(globs.is_match(Path::new("/repo/tests/unit/test_x.py"), false));
        assert!(globs.is_match(Path::new("/repo/src/pip/_vendor/six.py"), true));
        assert!(!globs.is_match(Path::new("/repo/src/pip/_vendor/six.py"), false));
        assert!(globs.is_match(Path::new("/repo/build/lib/x.py"), true));
        assert!(!globs.is_match(Path::new("/repo/src/build.py"), true));
        assert!(!globs.is_match(Path::new("/elsewhere/_vendor/x.py"), true));
        let negated = PeerGlobs::anchored(&at_root(&["!src/**"]), root).unwrap();
        assert!(negated.is_match(Path::new("/repo/tests/x.py"), false));
        assert!(!negated.is_match(Path::new("/repo/src/x.py"), false));
    }
}
