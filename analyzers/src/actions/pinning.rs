//! `actions/unpinned-uses` and `actions/unpinned-image`.

use tollgate_rules::{actions, Finding, Level};

use super::expr::has_expression;
use super::model::{Job, RepoUses, Uses};
use super::yaml::Node;
use super::{Ctx, PinPolicy, Settings};

/// A step's or a job's `uses:`; `statement` is where the step or job starts.
pub fn check_uses(ctx: &mut Ctx, uses: &Node, statement: usize) {
    let Some(text) = uses.str() else { return };
    let invalid =
        |why: String| Finding::new(actions::INVALID_USES, uses.text_span(), why).with_statement_start(statement);
    match Uses::parse(text) {
        Uses::Local => {}
        Uses::SelfWithRef => ctx.out.push(invalid(format!(
            "`{}`: a `$/` self-reference runs this repository at the current commit and takes no `@ref`; GitHub rejects the workflow",
            text.trim_end()
        ))),
        Uses::Invalid => ctx.out.push(invalid(format!(
            "`{}` is not `./path`, `$/path`, `docker://image` or `owner/repo@ref`: GitHub rejects the workflow",
            text.trim_end()
        ))),
        Uses::Docker => check_docker_uses(ctx, uses, statement),
        Uses::Repo(repo) => check_repo_uses(ctx, uses, repo, statement),
    }
}

fn check_repo_uses(ctx: &mut Ctx, uses: &Node, repo: RepoUses, statement: usize) {
    let (pattern, policy) = policy_for(ctx.settings, &repo);
    let what = if repo.path.contains(".github/workflows/") {
        "reusable workflow"
    } else {
        "action"
    };
    let named = format!("policy `{pattern}` = {}", policy.as_str());
    let (span, message) = match (policy, repo.git_ref) {
        (PinPolicy::Any, _) => return,
        (_, None) | (_, Some(("", _))) => (
            uses.text_span(),
            format!(
                "{what} `{}` has no `@ref`: it runs whatever the default branch holds ({named})",
                repo.target
            ),
        ),
        (PinPolicy::RefPin, Some(_)) => return,
        (PinPolicy::HashPin, Some((git_ref, at))) => {
            if repo.is_hash_pinned() {
                return;
            }
            let kind = if git_ref.len() >= 7 && git_ref.len() < 40 && git_ref.bytes().all(|b| b.is_ascii_hexdigit()) {
                "a short commit SHA, which can be made ambiguous"
            } else {
                "a tag or branch, which can be moved"
            };
            (
                uses.sub_span(at..at + git_ref.len()),
                format!(
                    "{what} `{}` is pinned to `{git_ref}`, {kind}; pin a full 40-character commit SHA ({named})",
                    repo.target
                ),
            )
        }
    };
    ctx.out
        .push(Finding::new(actions::UNPINNED_USES, span, message).with_statement_start(statement));
}

/// The most specific policy for a repository: `owner/repo/path`, then `owner/repo`
/// (or `owner/repo/*`), then `owner/*`, then `*`. Owners and repositories compare
/// case-insensitively, as GitHub does.
fn policy_for(settings: &Settings, repo: &RepoUses) -> (String, PinPolicy) {
    let mut best: Option<(u8, &str, PinPolicy)> = None;
    for (pattern, policy) in &settings.unpinned_uses {
        let rank = pattern_rank(pattern, repo);
        if let Some(rank) = rank {
            if best.is_none_or(|(r, _, _)| rank > r) {
                best = Some((rank, pattern, *policy));
            }
        }
    }
    match best {
        Some((_, pattern, policy)) => (pattern.to_string(), policy),
        None => ("*".to_string(), PinPolicy::HashPin),
    }
}

pub(super) fn pattern_rank(pattern: &str, repo: &RepoUses) -> Option<u8> {
    if pattern == "*" {
        return Some(0);
    }
    let mut parts = pattern.splitn(3, '/');
    let owner = parts.next()?;
    let name = parts.next()?;
    let path = parts.next();
    if !owner.eq_ignore_ascii_case(repo.owner) {
        return None;
    }
    if name == "*" {
        return Some(1);
    }
    if !name.eq_ignore_ascii_case(repo.repo) {
        return None;
    }
    match path {
        None | Some("*") => Some(2),
        Some(path) if path.trim_end_matches('/') == repo.path.trim_end_matches('/') => Some(3),
        Some(_) => None,
    }
}

/// `uses: docker://image` in a step, or a Docker action's `runs.image`.
pub fn check_docker_uses(ctx: &mut Ctx, uses: &Node, statement: usize) {
    let Some(text) = uses.str() else { return };
    let Some(image) = text.strip_prefix("docker://") else {
        return;
    };
    let span = uses.sub_span(9..text.len());
    check_image(ctx, image, span, statement);
}

/// `jobs.<id>.container` and `jobs.<id>.services.<name>`, each a string or `{ image: … }`.
pub fn check_job_images(ctx: &mut Ctx, job: &Job) {
    let statement = job.node.span.start;
    let mut images: Vec<&Node> = Vec::new();
    if let Some(container) = job.node.get("container") {
        images.extend(image_node(container));
    }
    if let Some(services) = job.node.get("services") {
        for service in services.pairs() {
            images.extend(image_node(&service.value));
        }
    }
    for node in images {
        if let Some(image) = node.str() {
            check_image(ctx, image, node.text_span(), statement);
        }
    }
}

fn image_node(node: &Node) -> Option<&Node> {
    if node.str().is_some() {
        Some(node)
    } else {
        node.get("image")
    }
}

fn check_image(ctx: &mut Ctx, image: &str, span: std::ops::Range<usize>, statement: usize) {
    if image.is_empty() || has_expression(image) || image.contains("@sha256:") {
        return;
    }
    let last_segment = image.rsplit('/').next().unwrap_or(image);
    let tag = last_segment.split_once(':').map(|(_, tag)| tag);
    let (level, message) = match tag {
        None => (
            Level::Warning,
            format!("image `{image}` has no tag or digest: it runs whatever `latest` points to; pin `@sha256:…`"),
        ),
        Some("latest") => (
            Level::Warning,
            format!("image `{image}` uses the moving `latest` tag; pin `@sha256:…`"),
        ),
        Some(tag) => (
            Level::Note,
            format!("image `{image}` is pinned to the tag `{tag}`, which can be re-pushed; pin `@sha256:…`"),
        ),
    };
    ctx.out.push(
        Finding::new(actions::UNPINNED_IMAGE, span, message)
            .with_level(level)
            .with_statement_start(statement),
    );
}
