//! Detection. Every analyzer is a pure function of (path, text, settings, rules) -> findings:
//! nothing here prints, reads the disk or knows about output formats.

pub mod actions;
pub mod classify;
pub mod docker;
pub mod duplication;
pub mod python;
pub mod roles;
pub mod secrets;
pub mod shell;
pub mod shell_checks;
pub mod smells;

pub use classify::{classify, classify_by_content, Kinds};
use tollgate_rules::{Finding, Role, RuleSet};

/// One file, read once by the caller, handed to every analyzer that wants it.
pub struct Input<'a> {
    /// Path relative to the scan's base, `/`-separated; used for classification and messages.
    pub path: &'a str,
    pub text: &'a str,
    pub kinds: Kinds,
    /// What the file is to its repository (test, docs, ...); `None` for plain source.
    pub role: Option<Role>,
}

/// Per-domain settings, as the `[python]`, `[secrets]`, `[actions]` and `[docker]` tables of
/// the config give them, and the smells' `[smells]` and per-language tables (`[javascript]`;
/// TSX reads `[typescript]`). Unknown keys are errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub python: python::Settings,
    pub secrets: secrets::Settings,
    pub actions: actions::Settings,
    pub docker: docker::Settings,
    pub smells: smells::Settings,
    pub javascript: smells::Limits,
    pub typescript: smells::Limits,
    pub go: smells::Limits,
    pub java: smells::Limits,
    pub rust: smells::Limits,
    pub ruby: smells::Limits,
    pub csharp: smells::Limits,
    pub php: smells::Limits,
    pub c: smells::Limits,
    pub cpp: smells::Limits,
    pub kotlin: smells::Limits,
    pub swift: smells::Limits,
    pub scala: smells::Limits,
}

impl Settings {
    /// A language's table, as the config gives it.
    pub fn limits(&self, language: smells::Language) -> &smells::Limits {
        use smells::Language as L;
        match language {
            L::JavaScript => &self.javascript,
            L::TypeScript | L::Tsx => &self.typescript,
            L::Go => &self.go,
            L::Java => &self.java,
            L::Rust => &self.rust,
            L::Ruby => &self.ruby,
            L::CSharp => &self.csharp,
            L::Php => &self.php,
            L::C => &self.c,
            L::Cpp => &self.cpp,
            L::Kotlin => &self.kotlin,
            L::Swift => &self.swift,
            L::Scala => &self.scala,
        }
    }
}

/// Routes tree-sitter's C allocations to mimalloc, the allocator the binary also uses for
/// Rust's. The parsers allocate a tree node at a time and free whole trees, and glibc's
/// malloc and free were about a tenth of the Python parse (`perf record` on django).
///
/// Call it once, first thing in `main`, before any parser or tree exists.
pub fn use_mimalloc_for_parsers() {
    use libmimalloc_sys::{mi_calloc, mi_free, mi_malloc, mi_realloc};
    let allocator = tree_sitter::Allocator {
        malloc: mi_malloc,
        calloc: mi_calloc,
        realloc: mi_realloc,
        free: mi_free,
    };
    // SAFETY: the four functions are one allocator family with malloc's alignment, and the
    // caller installs them before any tree-sitter object is allocated, on one thread.
    unsafe { tree_sitter::set_allocator(Some(allocator)) }
}

/// Runs every analyzer that wants this file and has an enabled rule.
pub fn analyze(input: &Input, settings: &Settings, rules: &RuleSet) -> Vec<Finding> {
    let mut findings = Vec::new();
    if input.kinds.python && rules.any("python") {
        python::analyze(input, &settings.python, &mut findings);
    }
    if let Some(language) = input.kinds.smells.filter(|_| rules.any("smells")) {
        let limits = settings.limits(language).resolve(language);
        smells::analyze(input, language, &limits, &settings.smells, &mut findings);
    }
    if input.kinds.secrets && rules.any("secrets") {
        secrets::analyze(input, &settings.secrets, &mut findings);
    }
    // The shell rules read the `run:` scripts of workflows and actions, and the scripts of
    // RUN instructions.
    let scripts = input.kinds.workflow || input.kinds.action;
    if (scripts || input.kinds.dependabot || input.kinds.precommit) && rules.any("actions")
        || scripts && rules.any("shell")
    {
        actions::analyze(input, &settings.actions, rules.any("shell"), &mut findings);
    }
    if input.kinds.dockerfile && (rules.any("docker") || rules.any("shell")) {
        docker::analyze(input, &settings.docker, &mut findings);
    }
    findings.retain(|finding| rules.is_enabled(finding.rule));
    findings
}

/// What the cross-file rules keep of one file, taken by [`gather`] while its text is at hand:
/// a run's texts are not held all at once.
#[derive(Default)]
pub struct Gathered {
    windows: Vec<duplication::Window>,
}

impl Gathered {
    /// What a result cache keeps of a file, and gives back on a later run.
    pub fn windows(&self) -> &[duplication::Window] {
        &self.windows
    }

    pub fn from_windows(windows: Vec<duplication::Window>) -> Gathered {
        Gathered { windows }
    }
}

/// What the cross-file rules (duplication) need of this file, if one of them is enabled.
pub fn gather(input: &Input, settings: &Settings, rules: &RuleSet) -> Gathered {
    let group = group_of(input.kinds);
    let Some((rule, options, skip_roles, parse_only)) = group.map(|group| duplication_settings(group, settings)) else {
        return Gathered::default();
    };
    // The parse-only benchmark setting leaves duplication out too: it times the parse alone.
    let skipped = input.role.is_some_and(|role| skip_roles.contains(&role));
    if !rules.is_enabled(rule.id) || parse_only || skipped {
        return Gathered::default();
    }
    let windows = match group {
        Some(Group::Code(family)) => duplication::code_windows(input.text, family, &options),
        _ => duplication::windows(input.text, &options),
    };
    Gathered { windows }
}

/// Files among which copies are looked for: Python's, or one family of the smells' languages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Python,
    Code(smells::Language),
}

fn group_of(kinds: Kinds) -> Option<Group> {
    if kinds.python {
        return Some(Group::Python);
    }
    kinds.smells.map(|language| Group::Code(language.family()))
}

/// A group's rule, options, skipped path roles and whether only parsing is timed.
fn duplication_settings(
    group: Group,
    settings: &Settings,
) -> (&'static tollgate_rules::Rule, duplication::Options, &[Role], bool) {
    match group {
        Group::Python => {
            let s = &settings.python;
            let options = duplication::Options {
                min_tokens: s.duplicate_min_tokens.max(1) as usize,
                min_lines: s.duplicate_min_lines as usize,
                normalize: s.duplicate_normalize,
            };
            (duplication::RULE, options, &s.duplicate_skip_roles, s.bench_parse_only)
        }
        Group::Code(_) => {
            let s = &settings.smells;
            let options = duplication::Options {
                min_tokens: s.duplicate_min_tokens.max(1) as usize,
                min_lines: s.duplicate_min_lines as usize,
                normalize: s.duplicate_normalize,
            };
            (
                tollgate_rules::smells::DUPLICATE_CODE,
                options,
                &s.duplicate_skip_roles,
                s.bench_parse_only,
            )
        }
    }
}

/// Runs the cross-file rules over a run, beside [`analyze`] for each file: `files` are every
/// file's path and what [`gather`] took from it, in the run's order. The findings of each file
/// that has any, by its index in `files`, with byte spans in the text `gather` saw.
pub fn analyze_run(files: &[(&str, Gathered)], settings: &Settings) -> Vec<(usize, Vec<Finding>)> {
    // Each group apart, by the language its paths name.
    let mut groups: Vec<(Group, Vec<usize>)> = Vec::new();
    for (at, (path, gathered)) in files.iter().enumerate() {
        let Some(group) = (!gathered.windows.is_empty())
            .then(|| group_of(classify(path)))
            .flatten()
        else {
            continue;
        };
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(at),
            None => groups.push((group, vec![at])),
        }
    }
    let mut out = Vec::new();
    for (group, members) in groups {
        let (rule, options, ..) = duplication_settings(group, settings);
        let windows: Vec<(&str, &[duplication::Window])> = members
            .iter()
            .map(|&at| (files[at].0, files[at].1.windows.as_slice()))
            .collect();
        for (index, mut findings) in duplication::findings(&windows, &options, rule) {
            let at = members[index];
            if let Some(language) = classify(files[at].0).smells {
                for finding in &mut findings {
                    let name = tollgate_rules::PropValue::Str(language.name().to_string());
                    finding.properties.push(("language", name));
                }
            }
            out.push((at, findings));
        }
    }
    out.sort_by_key(|(at, _)| *at);
    out
}

/// The first `limit` characters of `text`, with `…` when something was cut: messages quote
/// names and words of the file, which can be as long as the file.
pub(crate) fn excerpt(text: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}
