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
/// the config give them. Unknown keys are errors.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub python: python::Settings,
    pub secrets: secrets::Settings,
    pub actions: actions::Settings,
    pub docker: docker::Settings,
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
    // The parse-only benchmark setting leaves duplication out too: it times the parse alone.
    let skipped = input
        .role
        .is_some_and(|role| settings.python.duplicate_skip_roles.contains(&role));
    let windows = if input.kinds.python
        && rules.is_enabled(duplication::RULE.id)
        && !settings.python.bench_parse_only
        && !skipped
    {
        duplication::windows(input.text, &duplication_options(settings))
    } else {
        Vec::new()
    };
    Gathered { windows }
}

/// Runs the cross-file rules over a run, beside [`analyze`] for each file: `files` are every
/// file's path and what [`gather`] took from it, in the run's order. The findings of each file
/// that has any, by its index in `files`, with byte spans in the text `gather` saw.
pub fn analyze_run(files: &[(&str, Gathered)], settings: &Settings) -> Vec<(usize, Vec<Finding>)> {
    if files.iter().all(|(_, gathered)| gathered.windows.is_empty()) {
        return Vec::new();
    }
    let windows: Vec<(&str, &[duplication::Window])> = files
        .iter()
        .map(|(path, gathered)| (*path, gathered.windows.as_slice()))
        .collect();
    duplication::findings(&windows, &duplication_options(settings))
}

fn duplication_options(settings: &Settings) -> duplication::Options {
    duplication::Options {
        min_tokens: settings.python.duplicate_min_tokens.max(1) as usize,
        min_lines: settings.python.duplicate_min_lines as usize,
        normalize: settings.python.duplicate_normalize,
    }
}

/// The first `limit` characters of `text`, with `…` when something was cut: messages quote
/// names and words of the file, which can be as long as the file.
pub(crate) fn excerpt(text: &str, limit: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
        None => text.into(),
    }
}
