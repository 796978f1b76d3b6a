//! `actions/persist-credentials`, `actions/secrets-inherit` and
//! `actions/long-lived-credentials`: where credentials end up.

use tollgate_rules::{actions, Finding};

use super::model::{major_version, trailing_comment, Job, Step, Workflow};
use super::pwn::Analysis;
use super::yaml::{self, Node};
use super::Ctx;

pub fn check_secrets_inherit(ctx: &mut Ctx, job: &Job) {
    if job.uses().is_none() {
        return;
    }
    if let Some(secrets) = job.node.get("secrets").filter(|s| s.str() == Some("inherit")) {
        ctx.out.push(
            Finding::new(
                actions::SECRETS_INHERIT,
                secrets.text_span(),
                format!(
                    "job `{}` passes every secret of this repository to the called workflow; pass only the secrets it needs",
                    job.id
                ),
            )
            .with_statement_start(job.key_span.start),
        );
    }
}

/// (action, input, provider) where a long-lived secret goes and OIDC would do.
const LONG_LIVED: &[(&str, &str, &str)] = &[
    (
        "aws-actions/configure-aws-credentials",
        "aws-access-key-id",
        "AWS: use `role-to-assume`",
    ),
    (
        "aws-actions/configure-aws-credentials",
        "aws-secret-access-key",
        "AWS: use `role-to-assume`",
    ),
    (
        "google-github-actions/auth",
        "credentials_json",
        "Google Cloud: use `workload_identity_provider`",
    ),
    (
        "azure/login",
        "creds",
        "Azure: use `client-id`, `tenant-id` and `subscription-id`",
    ),
];

pub fn check_long_lived(ctx: &mut Ctx, step: &Step) {
    let Some(action) = step.action() else { return };
    let mut reported = false;
    for (name, input, fix) in LONG_LIVED {
        if reported || !action.name().eq_ignore_ascii_case(name) {
            continue;
        }
        let Some(value) = step.with(input) else { continue };
        if !value.str().is_some_and(|v| v.contains("secrets.")) {
            continue;
        }
        reported = true;
        ctx.out.push(
            Finding::new(
                actions::LONG_LIVED_CREDENTIALS,
                value.text_span(),
                format!(
                    "`{input}` passes a long-lived secret to `{name}`; {fix} with `permissions: id-token: write` (OIDC) instead"
                ),
            )
            .with_statement_start(step.node.span.start),
        );
    }
}

pub fn check_persist_credentials(ctx: &mut Ctx, workflow: &Workflow, analysis: &Analysis) {
    for (index, job) in workflow.jobs.iter().enumerate() {
        let runs_untrusted = analysis.runs_untrusted.get(index).copied().unwrap_or(false);
        for (position, step) in job.steps.iter().enumerate() {
            if !step.uses_action("actions/checkout") || yaml::is_false(step.with("persist-credentials")) {
                continue;
            }
            let Some(uses) = step.uses() else { continue };
            let reason = if runs_untrusted {
                "this job runs untrusted code, which can read it".to_string()
            } else {
                // From v6 on the token lives outside the workspace, so uploads miss it.
                let git_ref = step.action().and_then(|a| a.git_ref).map_or("", |(r, _)| r);
                if major_version(git_ref, trailing_comment(ctx.src, uses.span.end)).is_some_and(|m| m >= 6) {
                    continue;
                }
                match job.steps[position + 1..]
                    .iter()
                    .find(|later| uploads_git_dir(ctx.src, later))
                {
                    Some(upload) => format!("step {} uploads the workspace, `.git/config` included", upload.label()),
                    None => continue,
                }
            };
            ctx.out.push(
                Finding::new(
                    actions::PERSIST_CREDENTIALS,
                    uses.text_span(),
                    format!("actions/checkout stores the token in the workspace and {reason}; set `persist-credentials: false`"),
                )
                .with_statement_start(step.node.span.start),
            );
        }
    }
}

/// actions/upload-artifact of the workspace root with hidden files: before v4.4 hidden files
/// were included by default, and `include-hidden-files: true` includes them again.
fn uploads_git_dir(src: &str, step: &Step) -> bool {
    if !step.uses_action("actions/upload-artifact") {
        return false;
    }
    let Some(path) = step.with("path").and_then(Node::str) else {
        return false;
    };
    let covers_root = path.lines().map(str::trim).any(|line| {
        let line = line
            .replace("${{ github.workspace }}", "")
            .replace("${{github.workspace}}", "");
        matches!(
            line.as_str(),
            "" | "." | "./" | "*" | "**" | "./*" | "./**" | "/" | "**/*"
        ) && !path.trim().is_empty()
    });
    if !covers_root {
        return false;
    }
    if yaml::is_true(step.with("include-hidden-files")) {
        return true;
    }
    let Some(uses) = step.uses() else { return false };
    let git_ref = step.action().and_then(|a| a.git_ref).map_or("", |(r, _)| r);
    let comment = trailing_comment(src, uses.span.end);
    match major_version(git_ref, comment) {
        Some(major) if major < 4 => true,
        Some(4) => {
            let version = if git_ref.len() == 40 {
                comment.unwrap_or("")
            } else {
                git_ref
            };
            let minor = version.trim_start_matches(['v', 'V']).split('.').nth(1).and_then(|m| {
                m.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
                    .parse::<u32>()
                    .ok()
            });
            minor.is_some_and(|minor| minor < 4)
        }
        Some(_) => false,
        // A hash without a version comment: it may be an old release.
        None => git_ref.len() == 40,
    }
}
