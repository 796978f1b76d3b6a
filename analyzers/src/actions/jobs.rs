//! How a workflow, its jobs and steps are set up: `actions/hardcoded-container-credentials`,
//! `actions/insecure-commands`, `actions/self-hosted-runner`, `actions/secrets-outside-env`,
//! `actions/concurrency-limits`, `actions/anonymous-definition`,
//! `actions/undocumented-permissions`, `actions/misfeature` and `actions/cache-poisoning`.

use tollgate_rules::{actions, Finding};

use super::expr::{compact, context_paths, expressions, normalize_expression};
use super::model::{trailing_comment, Job, Step, Workflow};
use super::yaml::{is_false, is_true, Node, Value};
use super::Ctx;

pub fn check_workflow(ctx: &mut Ctx, workflow: &Workflow) {
    check_name(ctx, workflow.root, "workflow");
    check_insecure_commands(ctx, workflow.root.get("env"), "the workflow");
    check_concurrency(ctx, workflow);
    if let Some(permissions) = workflow.root.get("permissions") {
        check_permission_comments(ctx, permissions);
    }
    check_shell(ctx, workflow.root.get("defaults"));
    let releases = is_release_workflow(workflow);
    for job in &workflow.jobs {
        check_job(ctx, job);
        // A reusable workflow's secrets are its caller's to guard.
        if !only_called(workflow) {
            check_secrets_outside_env(ctx, job);
        }
        if let Some(reason) = releases.as_deref() {
            check_cache_poisoning(ctx, job, reason);
        }
    }
}

pub fn check_action_root(ctx: &mut Ctx, root: &Node) {
    check_name(ctx, root, "action");
}

/// The checks of one step (workflow or composite action).
pub fn check_step(ctx: &mut Ctx, step: &Step) {
    check_insecure_commands(ctx, step.node.get("env"), &format!("step {}", step.label()));
    if let Some(shell) = step.node.get("shell") {
        check_shell_value(ctx, shell);
    }
    if step.uses_action("actions/setup-python") {
        if let Some(input) = step.node.get("with").and_then(|with| with.pair("pip-install")) {
            ctx.out.push(
                Finding::new(
                    actions::MISFEATURE,
                    input.key_span.start..input.value.span.end,
                    "setup-python's `pip-install` installs into the runner's global environment, outside any virtual environment or lockfile; install in a `run:` step into a venv".to_string(),
                )
                .with_statement_start(step.node.span.start),
            );
        }
    }
}

fn check_job(ctx: &mut Ctx, job: &Job) {
    let label = format!("job `{}`", job.id);
    // A reusable-workflow call shows under the called workflow's name.
    if !is_named(job.node) && job.uses().is_none() {
        ctx.out.push(Finding::new(
            actions::ANONYMOUS_DEFINITION,
            job.key_span.clone(),
            format!("{label} has no `name:`, so GitHub shows it by its id; name it"),
        ));
    }
    check_insecure_commands(ctx, job.node.get("env"), &label);
    if let Some(permissions) = job.node.get("permissions") {
        check_permission_comments(ctx, permissions);
    }
    check_shell(ctx, job.node.get("defaults"));
    for (what, node) in containers(job) {
        check_container_credentials(ctx, job, what, node);
    }
    if let Some(runs_on) = job.node.get("runs-on") {
        check_runner(ctx, job, runs_on);
    }
}

fn check_name(ctx: &mut Ctx, root: &Node, what: &str) {
    if !is_named(root) {
        let first = root.pairs().first().map(|pair| pair.key_span.clone()).unwrap_or(0..0);
        ctx.out.push(Finding::new(
            actions::ANONYMOUS_DEFINITION,
            first,
            format!("this {what} has no `name:`, so GitHub shows it by its file path; name it"),
        ));
    }
}

fn is_named(node: &Node) -> bool {
    node.get("name")
        .and_then(Node::str)
        .is_some_and(|name| !name.trim().is_empty())
}

/// `ACTIONS_ALLOW_UNSECURE_COMMANDS` set to anything but false or empty.
fn check_insecure_commands(ctx: &mut Ctx, env: Option<&Node>, owner: &str) {
    let Some(pair) = env.and_then(|env| env.pair("ACTIONS_ALLOW_UNSECURE_COMMANDS")) else {
        return;
    };
    let value = &pair.value;
    if is_false(Some(value)) || matches!(value.value, Value::Null) || value.str().is_some_and(|v| v.trim().is_empty()) {
        return;
    }
    ctx.out.push(Finding::new(
        actions::INSECURE_COMMANDS,
        pair.key_span.start..value.span.end,
        format!("`ACTIONS_ALLOW_UNSECURE_COMMANDS` in {owner} re-enables `::set-env` and `::add-path`: anything printed to the log can set the environment or PATH of later steps; write to `$GITHUB_ENV`/`$GITHUB_PATH` instead"),
    ));
}

/// A workflow with no `concurrency:` at all; any group (with or without cancelling) is a
/// choice made, and a reusable workflow runs under its caller's.
fn check_concurrency(ctx: &mut Ctx, workflow: &Workflow) {
    if workflow.root.get("concurrency").is_some() || only_called(workflow) {
        return;
    }
    let first = workflow
        .root
        .pairs()
        .first()
        .map(|p| p.key_span.clone())
        .unwrap_or(0..0);
    ctx.out.push(Finding::new(
        actions::CONCURRENCY_LIMITS,
        first,
        "no `concurrency:`: runs superseded by a newer push keep running; add a group with `cancel-in-progress: true`"
            .to_string(),
    ));
}

/// A reusable workflow: `workflow_call` is its only trigger.
fn only_called(workflow: &Workflow) -> bool {
    !workflow.triggers.is_empty() && workflow.triggers.iter().all(|t| t.name == "workflow_call")
}

/// Each granted scope (other than `contents: read`) needs a comment on its line, as
/// zizmor's audit asks.
fn check_permission_comments(ctx: &mut Ctx, permissions: &Node) {
    for pair in permissions.pairs() {
        let value = pair.value.str().unwrap_or("");
        if value == "none" || (pair.key == "contents" && value == "read") {
            continue;
        }
        if trailing_comment(ctx.src, pair.value.span.end).is_some_and(|c| !c.is_empty()) {
            continue;
        }
        ctx.out.push(Finding::new(
            actions::UNDOCUMENTED_PERMISSIONS,
            pair.key_span.start..pair.value.span.end,
            format!("`{}: {value}` has no comment saying why the token needs it", pair.key),
        ));
    }
}

fn check_shell(ctx: &mut Ctx, defaults: Option<&Node>) {
    if let Some(shell) = defaults.and_then(|d| d.get("run")).and_then(|run| run.get("shell")) {
        check_shell_value(ctx, shell);
    }
}

fn check_shell_value(ctx: &mut Ctx, shell: &Node) {
    let Some(text) = shell.str() else { return };
    let program = text.split_whitespace().next().unwrap_or("");
    if program.eq_ignore_ascii_case("cmd") || program.to_ascii_lowercase().ends_with("cmd.exe") {
        ctx.out.push(Finding::new(
            actions::MISFEATURE,
            shell.text_span(),
            "`shell: cmd` has no grammar that reviewers or tools can analyse and has not been the Windows default since 2019; use `pwsh` or `bash`".to_string(),
        ));
    }
}

/// A job's `container:` and each of its `services:`, with how messages name them.
fn containers<'a>(job: &Job<'a>) -> Vec<(String, &'a Node)> {
    let mut found = Vec::new();
    if let Some(container) = job.node.get("container").filter(|c| c.is_map()) {
        found.push((format!("job `{}`'s container", job.id), container));
    }
    if let Some(services) = job.node.get("services") {
        for service in services.pairs().iter().filter(|s| s.value.is_map()) {
            found.push((format!("service `{}`", service.key), &service.value));
        }
    }
    found
}

fn check_container_credentials(ctx: &mut Ctx, job: &Job, what: String, container: &Node) {
    let Some(password) = container.get("credentials").and_then(|c| c.get("password")) else {
        return;
    };
    let Some(text) = password.str() else { return };
    if text.trim().is_empty() || text.contains("${{") {
        return;
    }
    ctx.out.push(
        Finding::new(
            actions::HARDCODED_CONTAINER_CREDENTIALS,
            password.text_span(),
            format!("{what} has its registry password written in the workflow; use `${{{{ secrets.… }}}}` and rotate this one"),
        )
        .with_statement_start(job.key_span.start),
    );
}

fn check_runner(ctx: &mut Ctx, job: &Job, runs_on: &Node) {
    let labels: Vec<&Node> = match &runs_on.value {
        Value::Scalar(_) => vec![runs_on],
        Value::Seq(items) => items.iter().collect(),
        Value::Map(_) => runs_on
            .get("labels")
            .map(|l| match &l.value {
                Value::Seq(items) => items.iter().collect(),
                _ => vec![l],
            })
            .unwrap_or_default(),
        Value::Null => Vec::new(),
    };
    if let Some(label) = labels
        .iter()
        .find(|l| l.str().is_some_and(|s| s.trim() == "self-hosted"))
    {
        ctx.out.push(
            Finding::new(
                actions::SELF_HOSTED_RUNNER,
                label.text_span(),
                format!("job `{}` runs on a self-hosted runner, which keeps state between jobs and sits in your network; in a public repository an outsider's pull request can reach it", job.id),
            )
            .with_statement_start(job.key_span.start),
        );
    }
}

/// `secrets.X` anywhere in a job without `environment:`; GITHUB_TOKEN and the allowed names aside.
fn check_secrets_outside_env(ctx: &mut Ctx, job: &Job) {
    if job.node.get("environment").is_some() {
        return;
    }
    let allowed = &ctx.settings.secrets_outside_env_allow;
    let mut seen = Vec::new();
    let mut scalars = Vec::new();
    for pair in job.node.pairs() {
        // `secrets:` of a reusable-workflow call hands them on; the called workflow's jobs use them.
        if pair.key == "secrets" && job.uses().is_some() {
            continue;
        }
        collect_scalars(&pair.value, &mut scalars);
    }
    for scalar in scalars {
        for span in expressions(ctx.src, scalar.span.clone()) {
            let normalized = normalize_expression(&ctx.src[span.clone()]);
            for path in context_paths(&normalized) {
                let Some(name) = path.strip_prefix("secrets.") else {
                    continue;
                };
                if name == "github_token" || allowed.iter().any(|a| a.eq_ignore_ascii_case(name)) {
                    continue;
                }
                if seen.contains(&name.to_string()) {
                    continue;
                }
                seen.push(name.to_string());
                ctx.out.push(
                    Finding::new(
                        actions::SECRETS_OUTSIDE_ENV,
                        span.clone(),
                        format!("job `{}` reads `secrets.{}` without an `environment:`; repository and organisation secrets reach every job, environment secrets only the jobs their protection rules let through", job.id, name.to_ascii_uppercase()),
                    )
                    .with_statement_start(job.key_span.start),
                );
            }
        }
    }
}

/// Every scalar under `node` (comments are not scalars: an expression in one is not read).
fn collect_scalars<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    match &node.value {
        Value::Map(pairs) => pairs.iter().for_each(|pair| collect_scalars(&pair.value, out)),
        Value::Seq(items) => items.iter().for_each(|item| collect_scalars(item, out)),
        Value::Scalar(_) => out.push(node),
        Value::Null => {}
    }
}

/// Why this workflow publishes a release, if it does: a `release` trigger, a push of tags.
fn is_release_workflow(workflow: &Workflow) -> Option<String> {
    for trigger in &workflow.triggers {
        if trigger.name == "release" {
            return Some("a `release` trigger".to_string());
        }
        if trigger.name == "push" {
            let push = workflow.root.get("on").and_then(|on| on.get("push"));
            if push.is_some_and(|p| p.get("tags").is_some()) {
                let branches = push.and_then(|p| p.get("branches")).is_some();
                if !branches {
                    return Some("pushes of tags".to_string());
                }
            }
        }
    }
    None
}

/// Actions that restore a cache: (action, the input that turns caching on or off, whether
/// it caches when the input is absent).
const CACHE_ACTIONS: &[(&str, Option<&str>, bool)] = &[
    ("actions/cache", None, true),
    ("actions/cache/restore", None, true),
    ("actions/setup-node", Some("cache"), false),
    ("actions/setup-python", Some("cache"), false),
    ("actions/setup-java", Some("cache"), false),
    ("actions/setup-dotnet", Some("cache"), false),
    ("actions/setup-go", Some("cache"), true),
    // `enable-cache` defaults to `auto`: on, on GitHub's runners.
    ("astral-sh/setup-uv", Some("enable-cache"), true),
    ("swatinem/rust-cache", Some("lookup-only"), true),
    ("ruby/setup-ruby", Some("bundler-cache"), false),
    ("mozilla-actions/sccache-action", None, true),
    ("gradle/actions/setup-gradle", Some("cache-disabled"), true),
];

fn check_cache_poisoning(ctx: &mut Ctx, job: &Job, reason: &str) {
    for step in &job.steps {
        let Some(action) = step.action() else { continue };
        let name = action.name().to_ascii_lowercase();
        let Some(&(_, input, default_on)) = CACHE_ACTIONS.iter().find(|(n, _, _)| *n == name) else {
            continue;
        };
        if excludes_tags(step.condition()) || excludes_tags(job.condition()) {
            continue;
        }
        let restores = match input.map(|i| (i, step.with(i))) {
            None | Some((_, None)) => default_on,
            Some((input, Some(value))) => {
                let text = value.str().unwrap_or("").trim();
                if text.contains("${{") {
                    // `${{ !startsWith(github.ref, 'refs/tags/') }}` turns it off for releases.
                    !text.contains("refs/tags")
                } else if input == "lookup-only" || input == "cache-disabled" {
                    !is_true(Some(value))
                } else {
                    // `cache: npm` names a package manager; `false` or nothing turns it off.
                    !(text.is_empty() || is_false(Some(value)))
                }
            }
        };
        if !restores {
            continue;
        }
        let uses = step.uses().map(Node::text_span).unwrap_or(step.node.span.clone());
        ctx.out.push(
            Finding::new(
                actions::CACHE_POISONING,
                uses,
                format!("`{name}` restores a cache in a workflow that runs on {reason}: any workflow of the repository, a pull request's included, can write that cache; turn the cache off here or skip it for tags"),
            )
            .with_statement_start(step.node.span.start),
        );
    }
}

/// `if:` conditions that leave tag refs out: `!startsWith(github.ref, 'refs/tags/')`,
/// `github.ref_type != 'tag'`.
fn excludes_tags(condition: Option<&str>) -> bool {
    let Some(condition) = condition else { return false };
    let c = compact(condition);
    c.contains("!startswith(github.ref,'refs/tags") || c.contains("github.ref_type!='tag'")
}
