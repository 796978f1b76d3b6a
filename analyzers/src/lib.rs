//! Detection. Every analyzer is a pure function of (path, text, settings, rules) -> findings:
//! nothing here prints, reads the disk or knows about output formats.

pub mod actions;
pub mod classify;
pub mod docker;
pub mod duplication;
pub mod python;
pub mod secrets;

pub use classify::{classify, classify_by_content, Kinds};
use tollgate_rules::{Finding, RuleSet};

/// One file, read once by the caller, handed to every analyzer that wants it.
pub struct Input<'a> {
    /// Path relative to the scan's base, `/`-separated; used for classification and messages.
    pub path: &'a str,
    pub text: &'a str,
    pub kinds: Kinds,
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

/// Runs every analyzer that wants this file and has an enabled rule.
pub fn analyze(input: &Input, settings: &Settings, rules: &RuleSet) -> Vec<Finding> {
    let mut findings = Vec::new();
    if input.kinds.python && rules.any("python") {
        python::analyze(input, &settings.python, &mut findings);
    }
    if input.kinds.secrets && rules.any("secrets") {
        secrets::analyze(input, &settings.secrets, &mut findings);
    }
    if (input.kinds.workflow || input.kinds.action) && rules.any("actions") {
        actions::analyze(input, &settings.actions, &mut findings);
    }
    if input.kinds.dockerfile && rules.any("docker") {
        docker::analyze(input, &settings.docker, &mut findings);
    }
    findings.retain(|finding| rules.is_enabled(finding.rule));
    findings
}
