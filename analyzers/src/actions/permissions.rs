//! `actions/excessive-permissions`: what the job's GITHUB_TOKEN may do.

use tollgate_rules::{actions, Finding};

use super::model::Workflow;
use super::pwn::Analysis;
use super::yaml::Node;
use super::Ctx;

pub fn check(ctx: &mut Ctx, workflow: &Workflow, analysis: &Analysis) {
    let workflow_permissions = workflow.root.get("permissions");
    if let Some(permissions) = workflow_permissions {
        check_write_all(ctx, permissions, "the workflow");
    }
    for (index, job) in workflow.jobs.iter().enumerate() {
        let job_permissions = job.node.get("permissions");
        if let Some(permissions) = job_permissions {
            check_write_all(ctx, permissions, &format!("job `{}`", job.id));
        }
        if workflow_permissions.is_none() && job_permissions.is_none() {
            ctx.out.push(Finding::new(
                actions::EXCESSIVE_PERMISSIONS,
                job.key_span.clone(),
                format!(
                    "job `{}` sets no `permissions:` and neither does the workflow: its token gets the repository default, which may be write-all; grant only what it needs",
                    job.id
                ),
            ));
            continue;
        }
        if analysis.checks_out_untrusted.get(index).copied().unwrap_or(false) {
            let Some(effective) = job_permissions.or(workflow_permissions) else {
                continue;
            };
            for pair in effective.pairs() {
                if pair.value.str() == Some("write") {
                    ctx.out.push(
                        Finding::new(
                            actions::EXCESSIVE_PERMISSIONS,
                            pair.key_span.start..pair.value.span.end,
                            format!(
                                "job `{}` checks out untrusted code with `{}: write`; give untrusted code a read-only token and do writes in a separate job",
                                job.id, pair.key
                            ),
                        )
                        .with_statement_start(job.key_span.start),
                    );
                }
            }
        }
    }
}

fn check_write_all(ctx: &mut Ctx, permissions: &Node, owner: &str) {
    if permissions.str() == Some("write-all") {
        ctx.out.push(Finding::new(
            actions::EXCESSIVE_PERMISSIONS,
            permissions.text_span(),
            format!("`permissions: write-all` gives {owner}'s token every write scope; list only the scopes it needs"),
        ));
    }
}
