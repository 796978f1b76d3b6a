//! GitHub Actions: workflow files and action metadata (`action.yml`, composite `runs.steps`).
//!
//! One YAML parse per file into a span-preserving tree ([`yaml`]), a thin model of
//! workflows, jobs and steps on top of it ([`model`]), `${{ }}` expressions ([`expr`]),
//! then one module per rule family.

mod configs;
mod credentials;
mod expr;
mod expressions;
mod injection;
mod jobs;
mod lists;
mod model;
mod permissions;
mod pinning;
mod pwn;
mod scripts;
mod supply;
pub mod yaml;

use std::collections::BTreeMap;

use tollgate_rules::{actions, Finding};

use crate::Input;
use model::{Action, Workflow};

/// `[actions]` in the config.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// `unpinned-uses` policies per `*`, `owner/*`, `owner/repo` or `owner/repo/path`
    /// pattern; the most specific pattern wins, `*` defaults to `hash-pin`.
    pub unpinned_uses: BTreeMap<String, PinPolicy>,
    /// `forbidden-uses = { allow = [...] }` or `{ deny = [...] }`: repository patterns.
    pub forbidden_uses: Option<ForbiddenUses>,
    /// The shortest Dependabot cooldown accepted, in days (7 when not set; 0 turns the
    /// check off).
    pub dependabot_cooldown_days: Option<u64>,
    /// Secrets that `secrets-outside-env` accepts outside an environment.
    pub secrets_outside_env_allow: Vec<String>,
}

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ForbiddenUses {
    /// Only these may be used.
    pub allow: Option<Vec<String>>,
    /// These may not be used.
    pub deny: Option<Vec<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PinPolicy {
    /// A full 40-hex commit SHA.
    HashPin,
    /// Any `@ref`.
    RefPin,
    /// No requirement.
    Any,
}

impl PinPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            PinPolicy::HashPin => "hash-pin",
            PinPolicy::RefPin => "ref-pin",
            PinPolicy::Any => "any",
        }
    }
}

/// What the rules share: the source, the settings and where findings go.
pub(crate) struct Ctx<'a> {
    pub src: &'a str,
    pub settings: &'a Settings,
    pub out: &'a mut Vec<Finding>,
    /// The shell rules are on: every `run:` script is checked.
    pub shell_checks: bool,
    /// The shell the current job's steps run in when they name none.
    pub job_shell: scripts::JobShell,
    /// The names the workflow's and the current job's `env:` set.
    pub job_env: Vec<String>,
}

/// Runs the Actions rules on a workflow, action, Dependabot or pre-commit config; with
/// `shell_checks`, the shell rules on its `run:` scripts too.
pub fn analyze(input: &Input, settings: &Settings, shell_checks: bool, out: &mut Vec<Finding>) {
    let parsed = yaml::parse(input.text);
    if let Some(error) = parsed.error.clone() {
        let message = match &parsed.message {
            Some(problem) => problem.clone(),
            None => "invalid YAML here; GitHub will reject this file (the rest was still checked)".to_string(),
        };
        out.push(Finding::new(actions::INVALID_YAML, error, message));
    }
    let mut ctx = Ctx {
        src: input.text,
        settings,
        out,
        shell_checks,
        job_shell: scripts::JobShell::Unknown,
        job_env: Vec::new(),
    };
    let first = ctx.out.len();
    for document in &parsed.documents {
        if !document.is_map() {
            continue;
        }
        if input.kinds.workflow {
            let workflow = Workflow::new(document);
            check_workflow(&mut ctx, &workflow);
        } else if input.kinds.action {
            let action = Action::new(document);
            check_action(&mut ctx, &action);
        } else if input.kinds.dependabot {
            configs::check_dependabot(&mut ctx, document);
        } else if input.kinds.precommit {
            configs::check_precommit(&mut ctx, document);
        }
    }
    // After a syntax error, steps cut loose from their job still get the step checks.
    for orphan in parsed.orphans.iter().filter(|node| node.is_map()) {
        let step = model::Step { node: orphan, index: 0 };
        if step.uses().is_some() || step.run().is_some() {
            check_step(&mut ctx, &step, None);
        }
    }
    // An alias repeats its anchor's nodes and spans: report each place once.
    let mut seen = std::collections::HashSet::new();
    let mut index = 0;
    ctx.out.retain(|finding| {
        index += 1;
        index <= first || seen.insert((finding.rule, finding.span.clone(), finding.message.clone()))
    });
}

fn check_workflow(ctx: &mut Ctx, workflow: &Workflow) {
    let analysis = pwn::check(ctx, workflow);
    let triggers: Vec<&str> = workflow.triggers.iter().map(|t| t.name).collect();
    let privileged = triggers.iter().copied().find(|t| pwn::PRIVILEGED.contains(t));
    for job in &workflow.jobs {
        if let Some(uses) = job.uses() {
            pinning::check_uses(ctx, uses, job.node.span.start);
            supply::check_uses(ctx, uses, job.node.span.start);
        }
        pinning::check_job_images(ctx, job);
        credentials::check_secrets_inherit(ctx, job);
        ctx.job_shell = scripts::JobShell::of(workflow.root, job.node);
        ctx.job_env = [workflow.root, job.node]
            .iter()
            .flat_map(|node| node.get("env").map(|env| env.pairs()).unwrap_or(&[]))
            .map(|pair| pair.key.clone())
            .collect();
        for step in &job.steps {
            check_step(ctx, step, privileged);
        }
    }
    permissions::check(ctx, workflow, &analysis);
    credentials::check_persist_credentials(ctx, workflow, &analysis);
    jobs::check_workflow(ctx, workflow);
    expressions::check(ctx, workflow.root, &triggers);
}

fn check_action(ctx: &mut Ctx, action: &Action) {
    if let Some(image) = action.docker_image() {
        pinning::check_docker_uses(ctx, image, image.span.start);
    }
    jobs::check_action_root(ctx, action.root);
    for step in &action.steps {
        check_step(ctx, step, None);
    }
    expressions::check(ctx, action.root, &[]);
}

/// The checks that look at one step on its own; `privileged` is the workflow's privileged
/// trigger, if it has one.
fn check_step(ctx: &mut Ctx, step: &model::Step, privileged: Option<&str>) {
    if let Some(uses) = step.uses() {
        pinning::check_uses(ctx, uses, step.node.span.start);
        supply::check_uses(ctx, uses, step.node.span.start);
    }
    injection::check_step(ctx, step);
    credentials::check_long_lived(ctx, step);
    supply::check_unpinned_tools(ctx, step);
    supply::check_github_app(ctx, step);
    jobs::check_step(ctx, step);
    scripts::check_step(ctx, step, privileged);
}
