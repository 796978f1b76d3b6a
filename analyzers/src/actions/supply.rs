//! The rules about what a `uses:` names, beyond pinning: `actions/archived-uses`,
//! `actions/typosquat-uses`, `actions/superfluous-actions`, `actions/forbidden-uses`,
//! `actions/self-repository`, `actions/ref-version-mismatch`, `actions/unpinned-tools`,
//! `actions/github-app` and the `uses:` half of `actions/obfuscation`.

use tollgate_rules::{actions, Finding};

use super::lists::{lists, slug, Entry, Lists};
use super::model::{trailing_comment, RepoUses, Step, Uses};
use super::pinning::pattern_rank;
use super::yaml::{is_true, Node};
use super::Ctx;

/// A step's or a job's `uses:`; `statement` is where the step or job starts.
pub fn check_uses(ctx: &mut Ctx, uses: &Node, statement: usize) {
    let Some(text) = uses.str() else { return };
    let text = text.trim_end();
    let finding = |rule, message: String| Finding::new(rule, uses.text_span(), message).with_statement_start(statement);
    if let Some(path) = text.strip_prefix("./") {
        ctx.out.push(finding(
            actions::SELF_REPOSITORY,
            format!("`./{path}` runs whatever the workspace holds at that path when the step starts; `$/{path}` runs this repository's own code at the workflow's commit"),
        ));
    }
    if let Some(why) = obfuscated_path(text) {
        ctx.out.push(finding(
            actions::OBFUSCATION,
            format!("`{text}` {why}; write the path plainly so that reviews and policies see what runs"),
        ));
    }
    let Uses::Repo(repo) = Uses::parse(text) else { return };
    let lists = lists();
    let name = slug(repo.owner, repo.repo);
    if let Some(entry) = Lists::find(&lists.archived, &name) {
        ctx.out.push(finding(
            actions::ARCHIVED_USES,
            format!(
                "`{}/{}` is archived: it gets no fixes; use {} instead",
                repo.owner, repo.repo, entry.fields[0]
            ),
        ));
    }
    if let Some(entry) = Lists::find(&lists.superfluous, &name) {
        ctx.out.push(finding(
            actions::SUPERFLUOUS_ACTIONS,
            format!(
                "`{}/{}` does what {} on the runner already does; run it in a `run:` step instead of adding third-party code",
                repo.owner, repo.repo, entry.fields[0]
            ),
        ));
    }
    if let Some(popular) = typosquatted(&name, &lists.popular) {
        ctx.out.push(finding(
            actions::TYPOSQUAT_USES,
            format!(
                "`{}/{}` is one typo away from the popular `{popular}` of another owner; check the name",
                repo.owner, repo.repo
            ),
        ));
    }
    if let Some(message) = forbidden(ctx, &repo) {
        ctx.out.push(finding(actions::FORBIDDEN_USES, message));
    }
    if let Some((git_ref, _)) = repo.git_ref {
        check_version_comment(ctx, uses, git_ref, statement);
    }
}

/// `owner//repo`, `owner/repo/./path`, `../` segments.
fn obfuscated_path(text: &str) -> Option<&'static str> {
    let path = text.split('@').next().unwrap_or(text);
    let path = path
        .strip_prefix("./")
        .or_else(|| path.strip_prefix("$/"))
        .unwrap_or(path);
    if path.starts_with("docker://") || path.is_empty() {
        return None;
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return Some("has an empty path segment (`//`)");
    }
    if segments.iter().any(|s| *s == "." || *s == "..") {
        return Some("has a `.` or `..` path segment");
    }
    None
}

/// The popular action that `name` (lower-case `owner/repo`) is one typo away from, under
/// another owner.
fn typosquatted<'a>(name: &str, popular: &'a [Entry]) -> Option<&'a str> {
    let owner = name.split('/').next().unwrap_or(name);
    let mut found = None;
    for entry in popular {
        if entry.name == name {
            return None;
        }
        if found.is_none()
            && entry.name.len().abs_diff(name.len()) <= 1
            && entry.name.split('/').next() != Some(owner)
            && one_typo(&entry.name, name)
        {
            found = Some(entry.name.as_str());
        }
    }
    found
}

/// Whether `typed` is `intended` with one character left out, repeated, replaced, or
/// swapped with its neighbour. Names are ASCII (GitHub's owner and repository names).
fn one_typo(intended: &str, typed: &str) -> bool {
    let (a, b) = (intended.as_bytes(), typed.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    match b.len() as isize - a.len() as isize {
        // Left out.
        -1 => prefix + suffix >= b.len() && a.len() > 1,
        // Repeated: the extra character doubles its neighbour.
        1 => {
            prefix + suffix >= a.len()
                && ((prefix > 0 && b[prefix] == b[prefix - 1]) || (prefix + 1 < b.len() && b[prefix] == b[prefix + 1]))
        }
        0 => {
            let (rest, want) = (&b[prefix..], &a[prefix..]);
            if rest.is_empty() {
                return false;
            }
            // Replaced, or swapped with the next one.
            rest[1..] == want[1..]
                || (rest.len() >= 2 && rest[0] == want[1] && rest[1] == want[0] && rest[2..] == want[2..])
        }
        _ => false,
    }
}

fn forbidden(ctx: &Ctx, repo: &RepoUses) -> Option<String> {
    let config = ctx.settings.forbidden_uses.as_ref()?;
    let matching = |patterns: &[String]| patterns.iter().find(|p| pattern_rank(p, repo).is_some()).cloned();
    let name = repo.target;
    if let Some(allow) = &config.allow {
        if matching(allow).is_none() {
            return Some(format!("`{name}` is not in the allowed list (`forbidden-uses.allow`)"));
        }
    }
    if let Some(deny) = &config.deny {
        if let Some(pattern) = matching(deny) {
            return Some(format!("`{name}` is forbidden by `{pattern}` (`forbidden-uses.deny`)"));
        }
    }
    None
}

/// `@v4 # v3`: the version a comment names disagrees with the version tag pinned.
fn check_version_comment(ctx: &mut Ctx, uses: &Node, git_ref: &str, statement: usize) {
    let Some(pinned) = version(git_ref) else { return };
    let Some(comment) = trailing_comment(ctx.src, uses.span.end) else {
        return;
    };
    let Some(said) = comment
        .split_whitespace()
        .map(|word| word.rsplit(['@', '=']).next().unwrap_or(word))
        .find_map(version)
    else {
        return;
    };
    let agree = pinned.iter().zip(&said).all(|(a, b)| a == b);
    if !agree {
        ctx.out.push(
            Finding::new(
                actions::REF_VERSION_MISMATCH,
                uses.text_span(),
                format!("pinned to `{git_ref}`, but the comment says `{comment}`: update the comment or the ref so that they name the same version"),
            )
            .with_statement_start(statement),
        );
    }
}

/// `v4`, `v4.1.2`, `4.1`: the numbers of a version tag.
fn version(text: &str) -> Option<Vec<u64>> {
    let digits = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let numbers: Option<Vec<u64>> = digits.split('.').map(|part| part.parse().ok()).collect();
    numbers.filter(|n| !n.is_empty())
}

/// Actions that fetch their tool at run time: `with.<input>` missing or `latest`.
pub fn check_unpinned_tools(ctx: &mut Ctx, step: &Step) {
    let Some(action) = step.action() else { return };
    let Some(entry) = Lists::find(&lists().unpinned_tools, &slug(action.owner, action.repo)) else {
        return;
    };
    let (input, tool) = (entry.fields[0], entry.fields[1]);
    let name = format!("{}/{}", action.owner, action.repo);
    let (span, message) = match step.with(input) {
        None => (
            step.uses().map(Node::text_span).unwrap_or(step.node.span.clone()),
            format!(
                "`{name}` without `with.{input}` downloads the latest {tool} at run time; set `{input}` to a release"
            ),
        ),
        Some(value) if value.str().is_some_and(|v| v.trim().eq_ignore_ascii_case("latest")) => (
            value.text_span(),
            format!("`{input}: latest` makes `{name}` download whatever {tool} release is newest; set a release"),
        ),
        Some(_) => return,
    };
    ctx.out
        .push(Finding::new(actions::UNPINNED_TOOLS, span, message).with_statement_start(step.node.span.start));
}

/// `actions/create-github-app-token` (and the archived `tibdex/github-app-token`): a token
/// that outlives the job, or reaches every repository or permission of the installation.
pub fn check_github_app(ctx: &mut Ctx, step: &Step) {
    let Some(action) = step.action() else { return };
    let name = format!("{}/{}", action.owner, action.repo).to_ascii_lowercase();
    if name != "actions/create-github-app-token" && name != "tibdex/github-app-token" {
        return;
    }
    let statement = step.node.span.start;
    let mut push = |span, message: String| {
        ctx.out
            .push(Finding::new(actions::GITHUB_APP, span, message).with_statement_start(statement));
    };
    if let Some(skip) = step.with("skip-token-revoke").filter(|v| is_true(Some(v))) {
        push(
            skip.text_span(),
            "`skip-token-revoke: true` keeps the app token valid after the job ends; let the action revoke it"
                .to_string(),
        );
    }
    if let Some(owner) = step.with("owner") {
        if step.with("repositories").is_none() {
            push(
                owner.text_span(),
                "`owner:` without `repositories:` issues a token for every repository the app is installed on; name the repositories".to_string(),
            );
        }
    }
    let scoped = step
        .node
        .get("with")
        .is_some_and(|with| with.pairs().iter().any(|pair| pair.key.starts_with("permission-")));
    if !scoped && name == "actions/create-github-app-token" {
        if let Some(uses) = step.uses() {
            push(
                uses.text_span(),
                "no `permission-*` input: the token gets every permission the app was granted; ask only for what the job needs (`permission-contents: write`)".to_string(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_one_edit_of_the_documented_kinds() {
        assert!(one_typo("actions/checkout", "action/checkout"));
        assert!(one_typo("actions/checkout", "actionss/checkout"));
        assert!(one_typo("docker/login-action", "dokcer/login-action"));
        assert!(one_typo("actions/checkout", "actiona/checkout"));
        assert!(!one_typo("actions/checkout", "actions/checkout"));
        assert!(!one_typo("actions/checkout", "actionsx/checkout"));
        assert!(!one_typo("actions/checkout", "my-org/checkout"));
        assert!(!one_typo("actions/cache", "actions/setup-node"));
    }

    #[test]
    fn versions_compare_by_prefix() {
        assert_eq!(version("v4.1.2"), Some(vec![4, 1, 2]));
        assert_eq!(version("main"), None);
        assert_eq!(version("v"), None);
    }
}
