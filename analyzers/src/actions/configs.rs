//! The configs beside workflows: `.github/dependabot.yml` (`actions/dependabot-cooldown`,
//! `actions/dependabot-execution`) and `.pre-commit-config.yaml`
//! (`actions/insecure-url-scheme`, `actions/unpinned-pre-commit-rev`).

use tollgate_rules::{actions, Finding};

use super::yaml::Node;
use super::Ctx;

/// zizmor's recommended minimum, and ours unless configured.
pub const DEFAULT_COOLDOWN_DAYS: u64 = 7;

pub fn check_dependabot(ctx: &mut Ctx, root: &Node) {
    let minimum = ctx.settings.dependabot_cooldown_days.unwrap_or(DEFAULT_COOLDOWN_DAYS);
    let Some(updates) = root.get("updates") else { return };
    for update in updates.items().iter().filter(|u| u.is_map()) {
        let ecosystem = update.get("package-ecosystem").and_then(Node::str).unwrap_or("?");
        let statement = update.span.start;
        if let Some(pair) = update.pair("insecure-external-code-execution") {
            if pair.value.str().is_some_and(|v| v.trim() == "allow") {
                ctx.out.push(
                    Finding::new(
                        actions::DEPENDABOT_EXECUTION,
                        pair.key_span.start..pair.value.span.end,
                        format!("Dependabot may run code from `{ecosystem}` manifests while it resolves updates, with the registry credentials it holds; remove this or set `deny`"),
                    )
                    .with_statement_start(statement),
                );
            }
        }
        if minimum == 0 {
            continue;
        }
        let Some(cooldown) = update.get("cooldown") else {
            let span = update
                .pair("package-ecosystem")
                .map(|p| p.key_span.start..p.value.span.end)
                .unwrap_or(update.span.clone());
            ctx.out.push(
                Finding::new(
                    actions::DEPENDABOT_COOLDOWN,
                    span,
                    format!("`{ecosystem}` updates have no `cooldown:`: a release is proposed the day it appears, before a compromised one is caught; add `cooldown: {{default-days: {minimum}}}`"),
                )
                .with_statement_start(statement),
            );
            continue;
        };
        let days = |key: &str| {
            cooldown
                .get(key)
                .and_then(Node::str)
                .and_then(|d| d.trim().parse::<u64>().ok())
        };
        let (days, node) = match days("default-days") {
            Some(d) => (d, cooldown.get("default-days")),
            None => {
                // Without a default, the semver-specific settings must cover every update.
                let each = ["semver-major-days", "semver-minor-days", "semver-patch-days"].map(days);
                (each.iter().map(|d| d.unwrap_or(0)).min().unwrap_or(0), None)
            }
        };
        if days < minimum {
            let span = node.map(Node::text_span).unwrap_or_else(|| cooldown.span.clone());
            ctx.out.push(
                Finding::new(
                    actions::DEPENDABOT_COOLDOWN,
                    span,
                    format!("`{ecosystem}` updates wait {days} day(s) after a release; wait at least {minimum} (`default-days: {minimum}`)"),
                )
                .with_statement_start(statement),
            );
        }
    }
}

pub fn check_precommit(ctx: &mut Ctx, root: &Node) {
    let Some(repos) = root.get("repos") else { return };
    for entry in repos.items().iter().filter(|r| r.is_map()) {
        let Some(repo) = entry.get("repo") else { continue };
        let Some(url) = repo.str().map(str::trim) else { continue };
        if url == "local" || url == "meta" {
            continue;
        }
        let statement = entry.span.start;
        let lower = url.to_ascii_lowercase();
        for scheme in ["http://", "git://"] {
            if lower.starts_with(scheme) {
                ctx.out.push(
                    Finding::new(
                        actions::INSECURE_URL_SCHEME,
                        repo.text_span(),
                        format!("`{url}` is fetched over `{}`, which anyone on the network path can tamper with; use `https://`", &scheme[..scheme.len() - 3]),
                    )
                    .with_statement_start(statement),
                );
            }
        }
        let Some(rev) = entry.get("rev") else { continue };
        let Some(text) = rev.str().map(str::trim) else { continue };
        let commit = text.len() == 40 && text.bytes().all(|b| b.is_ascii_hexdigit());
        if !commit && !text.is_empty() {
            ctx.out.push(
                Finding::new(
                    actions::UNPINNED_PRE_COMMIT_REV,
                    rev.text_span(),
                    format!("`rev: {text}` is a tag or branch, which can be moved to other code; pin the commit (`pre-commit autoupdate --freeze`)"),
                )
                .with_statement_start(statement),
            );
        }
    }
}
