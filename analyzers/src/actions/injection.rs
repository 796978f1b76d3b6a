//! `actions/template-injection` and `actions/secret-in-log`: what `${{ }}` expressions
//! expand to inside scripts.

use std::ops::Range;

use tollgate_rules::{actions, Finding};

use super::expr::{context_paths, expressions, normalize_expression};
use super::model::Step;
use super::yaml::Node;
use super::Ctx;

/// Event fields an outsider writes: titles, bodies, branch names, commit messages, authors.
const ATTACKER_SUFFIXES: &[&str] = &[
    ".title",
    ".body",
    ".message",
    ".head_ref",
    ".head.ref",
    ".head.label",
    ".page_name",
    ".head.repo.default_branch",
    ".head_branch",
    ".display_title",
    ".author.name",
    ".author.email",
    ".committer.name",
    ".committer.email",
];

/// Whole event objects that contain such fields (`toJSON(github.event.issue)`).
const ATTACKER_OBJECTS: &[&str] = &[
    "github.event",
    "github.event.issue",
    "github.event.pull_request",
    "github.event.comment",
    "github.event.review",
    "github.event.review_comment",
    "github.event.discussion",
    "github.event.commits",
    "github.event.head_commit",
    "github.event.pages",
    "github.event.workflow_run",
];

pub fn attacker_controlled(path: &str) -> bool {
    path == "github.head_ref"
        || ATTACKER_OBJECTS.contains(&path)
        || (path.starts_with("github.event.") && ATTACKER_SUFFIXES.iter().any(|suffix| path.ends_with(suffix)))
}

pub fn check_step(ctx: &mut Ctx, step: &Step) {
    if let Some(run) = step.run() {
        check_script(ctx, step, run, "shell");
        check_secret_in_log(ctx, step, run);
    }
    if step.uses_action("actions/github-script") {
        if let Some(script) = step.with("script") {
            check_script(ctx, step, script, "JavaScript");
        }
    }
}

fn check_script(ctx: &mut Ctx, step: &Step, script: &Node, language: &str) {
    for span in expressions(ctx.src, script.span.clone()) {
        let expression = &ctx.src[span.clone()];
        let normalized = normalize_expression(expression);
        let Some(path) = context_paths(&normalized).find(|path| attacker_controlled(path)) else {
            continue;
        };
        let message = format!(
            "`{path}` is attacker-controlled and `{}` expands into the {language} script before it runs; pass it through `env:` and use the variable",
            expression.trim()
        );
        ctx.out
            .push(Finding::new(actions::TEMPLATE_INJECTION, span, message).with_statement_start(step.node.span.start));
    }
}

fn check_secret_in_log(ctx: &mut Ctx, step: &Step, run: &Node) {
    for span in expressions(ctx.src, run.span.clone()) {
        let normalized = normalize_expression(&ctx.src[span.clone()]);
        let Some(secret) = context_paths(&normalized)
            .chain(normalized.split(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '.'))
            .find(|path| *path == "secrets" || path.starts_with("secrets."))
        else {
            continue;
        };
        let line = line_around(ctx.src, &span);
        let lower = line.to_ascii_lowercase();
        if lower.contains("::add-mask::") {
            continue;
        }
        let before = &lower[..lower.find("${{").unwrap_or(lower.len())];
        let sink = if lower.contains("github_output") {
            Some("writes it to `$GITHUB_OUTPUT`, where step outputs and logs can show it")
        } else if lower.contains("github_step_summary") {
            Some("writes it to the job summary, which anyone with read access sees")
        } else if [
            "echo ",
            "printf ",
            "print(",
            "print ",
            "write-host",
            "write-output",
            "console.log",
            "puts ",
        ]
        .iter()
        .any(|command| before.contains(command))
        {
            Some("prints it to the log; masking misses transformed or structured values")
        } else {
            None
        };
        if let Some(sink) = sink {
            ctx.out.push(
                Finding::new(
                    actions::SECRET_IN_LOG,
                    span,
                    format!("this script expands `{secret}` and {sink}"),
                )
                .with_statement_start(step.node.span.start),
            );
        }
    }
}

fn line_around<'a>(src: &'a str, span: &Range<usize>) -> &'a str {
    let start = src[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = src[span.end..].find('\n').map_or(src.len(), |i| span.end + i);
    &src[start..end]
}
