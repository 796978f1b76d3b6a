//! `actions/pwn-request` and `actions/dangerous-trigger`.
//!
//! A pwn request needs three things in order: a privileged trigger (the job gets secrets
//! and a write token on an outsider's input), a checkout of the outsider's code, and then
//! something that executes it, in the same job or through an artifact. Any one missing is
//! not a pwn request; GitHub's documented safe shapes are the cases with one missing.

use std::ops::Range;

use tollgate_rules::{actions, Finding, Location, Related};

use super::expr::{compact, context_paths, expressions, normalize_expression};
use super::model::{major_version, trailing_comment, Job, Step, Trigger, Workflow};
use super::yaml::{self, Node};
use super::Ctx;
use crate::shell;

/// Triggers whose runs get secrets and a write token while acting on outsider input.
pub(super) const PRIVILEGED: &[&str] = &[
    "pull_request_target",
    "workflow_run",
    "issue_comment",
    "issues",
    "discussion",
    "discussion_comment",
];

/// The triggers zizmor's blanket audit names; `dangerous-trigger` reports these.
const DANGEROUS: &[&str] = &["pull_request_target", "workflow_run"];

/// Expression paths that name the pull request's (or triggering run's) code.
const UNTRUSTED_REFS: &[&str] = &[
    "github.event.pull_request.head.sha",
    "github.event.pull_request.head.ref",
    "github.event.pull_request.head.repo.full_name",
    "github.event.pull_request.head.repo.clone_url",
    "github.event.pull_request.merge_commit_sha",
    "github.head_ref",
    "github.event.workflow_run.head_sha",
    "github.event.workflow_run.head_branch",
    "github.event.workflow_run.head_commit.id",
    "github.event.workflow_run.head_repository.full_name",
    "github.event.workflow_run.pull_requests",
];

/// What the other rules learn about each job (same order as `Workflow::jobs`).
#[derive(Default)]
pub struct Analysis {
    /// The job checks out the outsider's code under a privileged trigger.
    pub checks_out_untrusted: Vec<bool>,
    /// ... and then executes it.
    pub runs_untrusted: Vec<bool>,
}

#[derive(Clone)]
struct Checkout {
    span: Range<usize>,
    statement: usize,
    what: String,
    /// actions/checkout's `path:` when the untrusted code went into a subdirectory.
    path: Option<String>,
}

struct Execution {
    span: Range<usize>,
    what: String,
}

pub fn check(ctx: &mut Ctx, workflow: &Workflow) -> Analysis {
    let jobs = workflow.jobs.len();
    let mut analysis = Analysis {
        checks_out_untrusted: vec![false; jobs],
        runs_untrusted: vec![false; jobs],
    };
    let privileged: Vec<&Trigger> = workflow
        .triggers
        .iter()
        .filter(|trigger| PRIVILEGED.contains(&trigger.name))
        .collect();
    let mut found = false;
    if !privileged.is_empty() {
        let mut uploads: Vec<(usize, Checkout, &Trigger)> = Vec::new();
        for (index, job) in workflow.jobs.iter().enumerate() {
            let triggers = job_triggers(job, &privileged);
            let Some(trigger) = triggers.first().copied() else {
                continue;
            };
            if same_repository_only(job.condition()) {
                continue;
            }
            let outcome = check_job(ctx, workflow, job, &triggers);
            if let Some((checkout, execution)) = outcome.pwn {
                report(
                    ctx,
                    &checkout,
                    outcome.trigger.unwrap_or(trigger),
                    &execution,
                    environment(job),
                );
                found = true;
                analysis.runs_untrusted[index] = true;
            }
            if outcome.checked_out {
                analysis.checks_out_untrusted[index] = true;
            }
            if let Some(checkout) = outcome.uploads_untrusted {
                uploads.push((index, checkout, trigger));
            }
        }
        // The artifact hop: one job checks out and uploads, another downloads and runs.
        for (producer, checkout, trigger) in uploads {
            for (index, job) in workflow.jobs.iter().enumerate() {
                if index == producer {
                    continue;
                }
                if let Some(execution) = runs_downloaded_artifact(ctx.src, job) {
                    report(ctx, &checkout, trigger, &execution, environment(job));
                    found = true;
                    analysis.runs_untrusted[index] = true;
                    break;
                }
            }
        }
    }
    if !found {
        // The statement is the whole `on:`, so that a comment anywhere in it applies.
        let on = workflow.root.pair("on").map(|pair| pair.key_span.start);
        for trigger in &workflow.triggers {
            if DANGEROUS.contains(&trigger.name) {
                let finding = Finding::new(
                    actions::DANGEROUS_TRIGGER,
                    trigger.span.clone(),
                    format!(
                        "`{}` runs with secrets and a write token on outsiders' input; no checkout-and-run of their code was found, keep it that way",
                        trigger.name
                    ),
                );
                ctx.out.push(match on {
                    Some(start) => finding.with_statement_start(start),
                    None => finding,
                });
            }
        }
    }
    analysis
}

fn report(ctx: &mut Ctx, checkout: &Checkout, trigger: &Trigger, execution: &Execution, environment: Option<&str>) {
    let gate = environment
        .map(|name| format!("; environment `{name}` may require an approval, which then is all that stands in the way"))
        .unwrap_or_default();
    ctx.out.push(
        Finding::new(
            actions::PWN_REQUEST,
            checkout.span.clone(),
            format!(
                "pwn request: under `{}` this checks out untrusted code ({}) and {} then executes it with the job's secrets and token{gate}",
                trigger.name, checkout.what, execution.what
            ),
        )
        .with_statement_start(checkout.statement)
        .with_related(Related {
            location: Location::Here(trigger.span.clone()),
            message: format!("privileged trigger `{}`", trigger.name),
        })
        .with_related(Related {
            location: Location::Here(execution.span.clone()),
            message: "executes the checked-out code".to_string(),
        }),
    );
}

#[derive(Default)]
struct JobOutcome<'t> {
    pwn: Option<(Checkout, Execution)>,
    trigger: Option<&'t Trigger<'t>>,
    checked_out: bool,
    uploads_untrusted: Option<Checkout>,
}

fn check_job<'t>(ctx: &Ctx, workflow: &Workflow, job: &Job, triggers: &[&'t Trigger<'t>]) -> JobOutcome<'t> {
    let mut outcome = JobOutcome::default();
    let workflow_run = triggers.iter().find(|t| t.name == "workflow_run").copied();
    let mut checkout: Option<Checkout> = None;
    let mut artifact: Option<Checkout> = None;
    for step in &job.steps {
        if let Some(current) = &checkout {
            let execution = executes(ctx.src, step, false).filter(|_| touches(step, current.path.as_deref()));
            if let Some(execution) = execution {
                outcome.pwn = Some((take(current), execution));
                return outcome;
            }
            if step.uses_action("actions/upload-artifact") {
                outcome.uploads_untrusted = Some(take(current));
            }
            continue;
        }
        if let Some(found) = untrusted_checkout(ctx.src, workflow, job, step) {
            if same_repository_only(step.condition()) {
                continue;
            }
            outcome.checked_out = true;
            // `gh pr checkout 1 && make` in one script: the checkout step itself executes.
            if let Some(execution) = executes_after(ctx.src, step, found.span.end) {
                outcome.pwn = Some((found, execution));
                return outcome;
            }
            checkout = Some(found);
            continue;
        }
        if let Some(current) = &mut artifact {
            let execution = executes(ctx.src, step, true).filter(|_| runs_from(step, current.path.as_deref()));
            if let Some(execution) = execution {
                outcome.trigger = workflow_run;
                outcome.pwn = Some((take(current), execution));
                return outcome;
            }
            if extracts_over_workspace(step) {
                current.path = None;
            }
            continue;
        }
        if workflow_run.is_some() {
            artifact = downloads_triggering_run_artifact(ctx.src, step);
        }
    }
    outcome
}

/// `environment: name` or `environment: { name: … }`.
fn environment<'a>(job: &Job<'a>) -> Option<&'a str> {
    let environment = job.node.get("environment")?;
    environment
        .str()
        .or_else(|| environment.get("name").and_then(Node::str))
}

fn take(checkout: &Checkout) -> Checkout {
    checkout.clone()
}

/// With the untrusted code in a subdirectory, a step runs it only if it works there or
/// names it; tools run at the root run the base's trusted code.
fn touches(step: &Step, path: Option<&str>) -> bool {
    let Some(path) = path else { return true };
    if works_in(step, path) {
        return true;
    }
    let mentions = |text: &str| text.contains(path);
    step.run().and_then(Node::str).is_some_and(mentions)
        || step.uses().and_then(Node::str).is_some_and(mentions)
        || step.with("script").and_then(Node::str).is_some_and(mentions)
}

/// Does the step's `working-directory` lie in `path`?
fn works_in(step: &Step, path: &str) -> bool {
    step.node
        .get("working-directory")
        .and_then(Node::str)
        .is_some_and(|dir| {
            let dir = dir.trim_start_matches("./").trim_end_matches('/');
            dir == path || dir.starts_with(&format!("{path}/"))
        })
}

/// The privileged triggers a job can run under: `if: github.event_name == 'x'` narrows them.
fn job_triggers<'t>(job: &Job, privileged: &[&'t Trigger<'t>]) -> Vec<&'t Trigger<'t>> {
    let Some(condition) = job.condition() else {
        return privileged.to_vec();
    };
    let normalized = compact(condition);
    let mut named = Vec::new();
    let mut rest = normalized.as_str();
    while let Some(at) = rest.find("github.event_name=='") {
        let after = &rest[at + 20..];
        if let Some(end) = after.find('\'') {
            named.push(&after[..end]);
        }
        rest = after;
    }
    if named.is_empty() || normalized.contains("github.event_name!=") {
        return privileged.to_vec();
    }
    privileged.iter().copied().filter(|t| named.contains(&t.name)).collect()
}

/// `if: github.event.pull_request.head.repo.full_name == github.repository` and its
/// equivalents restrict a job to branches of the repository itself.
fn same_repository_only(condition: Option<&str>) -> bool {
    let Some(condition) = condition else { return false };
    let c = compact(condition);
    if c.contains("||") {
        return false;
    }
    [
        "head.repo.full_name==github.repository",
        "github.repository==github.event.pull_request.head.repo.full_name",
        "head_repository.full_name==github.repository",
        "github.repository==github.event.workflow_run.head_repository.full_name",
        "head.repo.fork==false",
        "!github.event.pull_request.head.repo.fork",
    ]
    .iter()
    .any(|guard| c.contains(guard))
}

/// Does this value name the outsider's code? Returns the expression path that does.
fn untrusted_value(text: &str, envs: &[Option<&Node>], depth: u8) -> Option<String> {
    if text.contains("refs/pull/") {
        return Some("`refs/pull/…`".to_string());
    }
    for range in expressions(text, 0..text.len()) {
        let normalized = normalize_expression(&text[range]);
        if let Some(path) = UNTRUSTED_REFS.iter().find(|path| normalized.contains(*path)) {
            return Some(format!("`{path}`"));
        }
        for path in context_paths(&normalized) {
            if let Some(output) = path.strip_prefix("steps.") {
                let name = output.rsplit('.').next().unwrap_or("");
                if output.contains(".outputs.") && (name.contains("head") || name.starts_with("pr")) {
                    return Some(format!("`{path}`"));
                }
            }
            if let Some(var) = path.strip_prefix("env.") {
                if depth > 0 {
                    continue;
                }
                for env in envs.iter().flatten() {
                    let value = env
                        .pairs()
                        .iter()
                        .find(|pair| pair.key.eq_ignore_ascii_case(var))
                        .and_then(|pair| pair.value.str());
                    if let Some(found) = value.and_then(|value| untrusted_value(value, envs, depth + 1)) {
                        return Some(found);
                    }
                }
            }
        }
    }
    None
}

fn untrusted_checkout(src: &str, workflow: &Workflow, job: &Job, step: &Step) -> Option<Checkout> {
    let envs = [step.node.get("env"), job.node.get("env"), workflow.root.get("env")];
    if step.uses_action("actions/checkout") {
        for input in ["ref", "repository"] {
            let Some(value) = step.with(input) else { continue };
            let Some(text) = value.str() else { continue };
            let Some(what) = untrusted_value(text, &envs, 0) else {
                continue;
            };
            let uses = step.uses()?;
            let git_ref = step.action().and_then(|a| a.git_ref).map(|(r, _)| r).unwrap_or("");
            let major = major_version(git_ref, trailing_comment(src, uses.span.end));
            // actions/checkout v7 refuses a fork's code under these triggers unless told to.
            if major.is_some_and(|m| m >= 7) && !yaml::is_true(step.with("allow-unsafe-pr-checkout")) {
                return None;
            }
            let span = expressions(src, value.span.clone())
                .into_iter()
                .next()
                .unwrap_or_else(|| value.text_span());
            let path = step
                .with("path")
                .and_then(Node::str)
                .map(|p| p.trim_start_matches("./").trim_end_matches('/').to_string())
                .filter(|p| !p.is_empty() && p != "." && !p.contains("${{"));
            return Some(Checkout {
                span,
                statement: step.node.span.start,
                what: format!("`{input}:` {what}"),
                path,
            });
        }
        return None;
    }
    let run = step.run()?;
    // Environment variables that carry the untrusted ref into the script.
    let tainted: Vec<&str> = envs
        .iter()
        .flatten()
        .flat_map(|env| env.pairs())
        .filter(|pair| pair.value.str().is_some_and(|v| untrusted_value(v, &envs, 1).is_some()))
        .map(|pair| pair.key.as_str())
        .collect();
    for (line, span) in lines(src, run.span.clone()) {
        let lower = line.to_ascii_lowercase();
        let uses_tainted = tainted
            .iter()
            .any(|name| line.contains(&format!("${name}")) || line.contains(&format!("${{{name}}}")));
        let fetches_pr = (lower.contains("git fetch") || lower.contains("git pull")) && lower.contains("pull/");
        let checks_out = lower.contains("gh pr checkout") || lower.contains("hub pr checkout");
        let git_moves = lower.contains("git checkout") || lower.contains("git switch") || lower.contains("git clone");
        let untrusted =
            git_moves && (lower.contains("fetch_head") || uses_tainted || untrusted_value(line, &envs, 0).is_some());
        if fetches_pr || checks_out || untrusted {
            return Some(Checkout {
                span,
                statement: step.node.span.start,
                what: format!("`{}`", line.trim()),
                path: None,
            });
        }
    }
    None
}

/// Lines of a scalar in the source, each with its trimmed span; comments skipped.
fn lines(src: &str, span: Range<usize>) -> impl Iterator<Item = (&str, Range<usize>)> {
    let text = src.get(span.clone()).unwrap_or("");
    let mut offset = span.start;
    text.split('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        Some((trimmed, start + lead..start + lead + trimmed.len()))
    })
}

/// Actions that build, test or install the checked-out project.
const RUNS_CODE_ACTIONS: &[&str] = &[
    "github/codeql-action/autobuild",
    "docker/build-push-action",
    "pre-commit/action",
    "cypress-io/github-action",
    "gradle/gradle-build-action",
    "gradle/actions/setup-gradle",
    "bahmutov/npm-install",
    "borales/actions-yarn",
    // Scans by installing the project's dependencies with its package manager.
    "jfrog/frogbot",
];

/// Commands that read or move files but run nothing from the checkout.
const INERT: &[&str] = &[
    "echo",
    "printf",
    "cat",
    "ls",
    "pwd",
    "cd",
    "mkdir",
    "rm",
    "rmdir",
    "cp",
    "mv",
    "touch",
    "test",
    "[",
    "[[",
    "true",
    "false",
    "exit",
    "export",
    "env",
    "set",
    "unset",
    "grep",
    "egrep",
    "fgrep",
    "sed",
    "awk",
    "jq",
    "yq",
    "head",
    "tail",
    "wc",
    "sort",
    "uniq",
    "diff",
    "cmp",
    "git",
    "gh",
    "curl",
    "wget",
    "sleep",
    "date",
    "unzip",
    "tar",
    "gzip",
    "gunzip",
    "zip",
    "find",
    "tee",
    "basename",
    "dirname",
    "readlink",
    "realpath",
    "chmod",
    "ln",
    "return",
    "shift",
    "read",
    "local",
    "declare",
    "printenv",
    "whoami",
    "hostname",
    "id",
    "sha256sum",
    "md5sum",
    "base64",
    "tr",
    "cut",
    "column",
    ":",
    "stat",
    "du",
    "df",
    "file",
    "xxd",
    "rev",
    "fold",
    "nl",
    "paste",
];

/// Build, test and install tools, interpreters and shells: they run the project's code.
const BUILD_TOOLS: &[&str] = &[
    "make",
    "cmake",
    "ctest",
    "ninja",
    "meson",
    "bazel",
    "bazelisk",
    "npm",
    "npx",
    "yarn",
    "pnpm",
    "bun",
    "node",
    "deno",
    "pip",
    "pip3",
    "python",
    "python3",
    "pytest",
    "tox",
    "nox",
    "poetry",
    "pipenv",
    "uv",
    "uvx",
    "hatch",
    "pdm",
    "go",
    "cargo",
    "mvn",
    "mvnw",
    "gradle",
    "gradlew",
    "ant",
    "sbt",
    "lein",
    "mix",
    "rebar3",
    "bundle",
    "rake",
    "ruby",
    "gem",
    "composer",
    "php",
    "dotnet",
    "msbuild",
    "swift",
    "xcodebuild",
    "docker",
    "docker-compose",
    "podman",
    "perl",
    "pre-commit",
    "bash",
    "sh",
    "zsh",
    "source",
    ".",
    "pwsh",
    "powershell",
    "java",
    "mvnd",
    "lerna",
    "nx",
    "turbo",
    "jest",
    "vitest",
    "playwright",
    "tsc",
    "webpack",
    "vite",
];

/// Whether a step executes code from the workspace. `strict` (for artifacts) counts only
/// build tools, interpreters and local scripts; otherwise any command that is not known
/// to be inert counts.
fn executes(src: &str, step: &Step, strict: bool) -> Option<Execution> {
    if let Some(uses) = step.uses() {
        let text = uses.str().unwrap_or("");
        if text.starts_with("./") {
            return Some(Execution {
                span: uses.span.clone(),
                what: format!("the local action `{text}`"),
            });
        }
        let action = step.action()?;
        let name = action.name().to_ascii_lowercase();
        if RUNS_CODE_ACTIONS.contains(&name.as_str())
            || (name == "ruby/setup-ruby" && yaml::is_true(step.with("bundler-cache")))
        {
            return Some(Execution {
                span: uses.span.clone(),
                what: format!("step {}", step.label()),
            });
        }
        if name == "actions/github-script" {
            let script = step.with("script")?;
            let text = script.str()?;
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let local_require = [
                "require('./",
                "require(\"./",
                "require(`./",
                "require(`${process.env.GITHUB_WORKSPACE}",
                "require(process.cwd()",
            ]
            .iter()
            .any(|pattern| compact.contains(pattern));
            if local_require {
                return Some(Execution {
                    span: script.span.clone(),
                    what: format!("step {} (`require` of a workspace file)", step.label()),
                });
            }
        }
        return None;
    }
    let run = step.run()?;
    executes_in(src, step, run.span.clone(), strict)
}

fn executes_after(src: &str, step: &Step, from: usize) -> Option<Execution> {
    let run = step.run()?;
    if from >= run.span.end {
        return None;
    }
    executes_in(src, step, from..run.span.end, false)
}

fn executes_in(src: &str, step: &Step, span: Range<usize>, strict: bool) -> Option<Execution> {
    for (line, line_span) in lines(src, span) {
        for command in commands(line) {
            let command = command.as_str();
            let runs = if strict {
                BUILD_TOOLS.contains(&command) || command.starts_with("./") || command.ends_with(".sh")
            } else {
                !INERT.contains(&command)
            };
            if runs {
                return Some(Execution {
                    span: line_span,
                    what: format!("step {} (`{}`)", step.label(), line),
                });
            }
        }
    }
    None
}

/// The command word of every simple command on a shell line.
fn commands(line: &str) -> Vec<String> {
    // Expressions and `${VAR}` are arguments, not command structure.
    let mut line = line.to_string();
    for (open, close) in [("${{", "}}"), ("${", "}")] {
        while let Some(start) = line.find(open) {
            let Some(end) = line[start..].find(close) else { break };
            line.replace_range(start..start + end + close.len(), "_");
        }
    }
    // Block-scalar indicators and the `run: |` header line are not commands.
    if matches!(line.as_str(), "|" | ">" | "|-" | ">-" | "|+" | ">+") {
        return Vec::new();
    }
    if !split_by_hand_differs(&line) {
        let script = shell::parse(&line);
        if !script.has_error {
            return script
                .commands
                .iter()
                .filter_map(|command| {
                    let words = std::iter::once(&command.name).chain(&command.args);
                    command_word(words.map(|word| word.value.as_str()))
                })
                .collect();
        }
    }
    split_by_hand(&line)
}

/// Whether a shell reads `line` otherwise than splitting it at every `&|;()`{}` and space
/// does, which is how this rule read lines before it had a shell parser: there the split
/// reading is kept, so that what counts as running code does not change. The split
/// reading ignores quotes, escapes, comments, braces, redirections and the `&` of `>&2`;
/// splits `[[ a || b ]]` at its `||`; takes the word after `$(…)`, `((…))` or `f()` for a
/// command; takes the builtins that tree-sitter-bash makes no command of (`readonly`) for
/// commands; and skips a lone `$` (a pasted prompt), which tree-sitter-bash joins to the
/// next word.
fn split_by_hand_differs(line: &str) -> bool {
    line.contains(['\'', '"', '\\', '#', '{', '}', '[', ']', '<', '>', '`'])
        || line.contains("$(")
        || line.contains("((")
        || line.contains("()")
        || line.replace("&&", "").contains('&')
        || line
            .split_whitespace()
            .any(|word| matches!(word, "readonly" | "typeset" | "unsetenv" | "select" | "function"))
        || line
            .match_indices('$')
            .any(|(at, _)| !line[at + 1..].starts_with(|c: char| c.is_ascii_alphanumeric() || "_{(?@*#!$-".contains(c)))
}

/// The command word of each `&|;()`{}`-separated piece of a line.
fn split_by_hand(line: &str) -> Vec<String> {
    line.split(['&', '|', ';', '(', ')', '`', '{', '}'])
        .filter_map(|segment| {
            let words = segment.split_whitespace();
            command_word(words.map(|word| word.trim_matches(|c| c == '"' || c == '\'')))
        })
        .collect()
}

/// The command that a simple command's words name: assignments, keywords and wrappers
/// (`sudo`, `time`) before it are skipped.
fn command_word<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    for bare in words {
        if matches!(
            bare,
            "if" | "then"
                | "else"
                | "elif"
                | "fi"
                | "do"
                | "done"
                | "while"
                | "until"
                | "for"
                | "case"
                | "esac"
                | "sudo"
                | "time"
                | "exec"
                | "!"
                | "$"
                | "command"
                | "nohup"
                | "in"
        ) || (bare.contains('=') && !bare.starts_with('-') && !bare.starts_with('='))
        {
            if bare == "for" || bare == "case" {
                return None;
            }
            continue;
        }
        // A comment, a redirection or an option where the command should be, or
        // `${{ … }}` or `$VAR` as the command: not something we can judge, treat as inert.
        if bare.starts_with(['#', '>', '<', '-', '$']) {
            return None;
        }
        let base = bare.rsplit('/').next().unwrap_or(bare);
        return Some(if bare.starts_with("./") { bare } else { base }.to_string());
    }
    None
}

/// A workflow_run job downloading the triggering run's artifacts.
fn downloads_triggering_run_artifact(src: &str, step: &Step) -> Option<Checkout> {
    let uses = step.uses();
    let downloads = if step.uses_action("actions/download-artifact") {
        step.with("run-id")
            .and_then(Node::str)
            .is_some_and(|id| normalize_expression(id).contains("github.event.workflow_run.id"))
    } else {
        step.uses_action("dawidd6/action-download-artifact")
    };
    if downloads {
        let uses = uses?;
        return Some(Checkout {
            span: uses.text_span(),
            statement: step.node.span.start,
            what: "artifacts of the triggering run".to_string(),
            path: download_path(step),
        });
    }
    if step.uses_action("actions/github-script") {
        let script = step.with("script")?;
        let text = script.str()?;
        if text.contains("downloadArtifact") {
            return Some(Checkout {
                span: uses?.text_span(),
                statement: step.node.span.start,
                what: "artifacts of the triggering run".to_string(),
                path: None,
            });
        }
    }
    let run = step.run()?;
    for (line, span) in lines(src, run.span.clone()) {
        if line.contains("gh run download") {
            return Some(Checkout {
                span,
                statement: step.node.span.start,
                what: "artifacts of the triggering run".to_string(),
                path: None,
            });
        }
    }
    None
}

/// The subdirectory an artifact download step writes into (`with: path:`), or `None` for
/// the workspace itself, where the artifact's files may replace the repository's.
fn download_path(step: &Step) -> Option<String> {
    let path = step.with("path").and_then(Node::str)?;
    let path = path.trim().trim_start_matches("./").trim_end_matches('/');
    (!path.is_empty() && path != "." && !path.contains("${{") && !path.starts_with('/')).then(|| path.to_string())
}

/// Does the step run something the artifact supplies? With the artifact in a subdirectory:
/// a step working there, a local action from there, or a command line that runs a file
/// under it (`bash ./pr/build.sh`). Handing the folder to a tool as data (`smokeshow upload
/// htmlcov`, `wrangler pages deploy ./site`) runs nothing from it.
fn runs_from(step: &Step, path: Option<&str>) -> bool {
    let Some(path) = path else { return true };
    let under = |text: &str| {
        let text = text.trim_matches(|c| c == '"' || c == '\'');
        let text = text.trim_start_matches("./");
        text.starts_with(&format!("{path}/"))
    };
    works_in(step, path)
        || step.uses().and_then(Node::str).is_some_and(under)
        || step
            .run()
            .and_then(Node::str)
            .is_some_and(|script| script.split_whitespace().any(under))
}

/// `unzip artifact.zip` or `tar -xf artifact.tar` with no other target: the archive's files
/// land in the workspace, over the repository's.
fn extracts_over_workspace(step: &Step) -> bool {
    let Some(script) = step.run().and_then(Node::str) else {
        return false;
    };
    script.lines().any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.first().copied() {
            Some("unzip") => !words.contains(&"-d"),
            Some("tar") => {
                words.get(1).is_some_and(|flags| flags.contains('x'))
                    && !words.iter().any(|w| *w == "-C" || w.starts_with("--directory"))
            }
            _ => false,
        }
    })
}

/// A job that downloads an artifact and then builds or runs what it holds.
fn runs_downloaded_artifact(src: &str, job: &Job) -> Option<Execution> {
    let mut downloaded: Option<Option<String>> = None;
    for step in &job.steps {
        if let Some(path) = &mut downloaded {
            if let Some(execution) = executes(src, step, true).filter(|_| runs_from(step, path.as_deref())) {
                return Some(execution);
            }
            if extracts_over_workspace(step) {
                *path = None;
            }
        } else if step.uses_action("actions/download-artifact") {
            downloaded = Some(download_path(step));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_words() {
        assert_eq!(
            commands("FOO=1 sudo make install && ./run.sh | tee x"),
            vec!["make", "./run.sh", "tee"]
        );
        assert_eq!(commands("if [ -f x ]; then echo hi; fi"), vec!["[", "echo"]);
    }

    /// Whether the line runs something, as `executes_in` asks it (strict and not).
    fn runs(words: &[String]) -> (bool, bool) {
        let strict = words
            .iter()
            .any(|c| BUILD_TOOLS.contains(&c.as_str()) || c.starts_with("./") || c.ends_with(".sh"));
        (words.iter().any(|c| !INERT.contains(&c.as_str())), strict)
    }

    #[test]
    fn the_shell_model_reads_plain_lines() {
        assert_eq!(
            commands("FOO=1 sudo make && ./run.sh | tee x"),
            vec!["make", "./run.sh", "tee"]
        );
        assert_eq!(
            commands("npm ci && (cd x; make) || true"),
            vec!["npm", "cd", "make", "true"]
        );
        assert_eq!(commands("for f in a b; do ./$f.sh; done"), vec!["./$f.sh"]);
        assert_eq!(commands("sudo -E make"), Vec::<String>::new());
        assert_eq!(commands("${{ matrix.tool }} build"), vec!["_"]);
        assert_eq!(commands("$TOOL build"), Vec::<String>::new());
    }

    /// The lines where a shell and the split reading disagree keep the split reading.
    #[test]
    fn odd_lines_keep_the_split_reading() {
        let cases: &[(&str, &[&str])] = &[
            // Separators inside quotes, and the empty word after `)"`.
            ("echo \"a; make\"", &["echo", "make"]),
            (
                "echo \"x=$(basename $PWD)\" | tee -a $GITHUB_ENV",
                &["echo", "basename", "", "tee"],
            ),
            // `&` of a redirection, braces of an awk program or a brace expansion.
            ("echo oops >&2", &["echo", "2"]),
            ("awk '{print $1}' f", &["awk", "print", ""]),
            ("cp f{,.bak}", &["cp", ",.bak"]),
            // A run: scalar in YAML quotes: the quotes are YAML's.
            ("'echo \"uses: a/b@v1\"'", &["echo"]),
            // A redirection before the command, an escape, a comment.
            (">out make", &[]),
            ("\\ls", &["\\ls"]),
            ("echo a # ; make", &["echo", "make"]),
            // Arithmetic, a function definition, a declaration builtin.
            ("echo $((1+2))", &["echo", "1+2"]),
            ("$ make", &["make"]),
            ("tar czf out-$(date).tgz dir", &["tar", "date", ".tgz"]),
            ("f() { echo; }", &["f", "echo"]),
            ("readonly X=1", &["readonly"]),
            ("[[ $a || b ]]", &["[[", "b"]),
            // Broken expressions (`{{` without `$`), and lines that do not parse alone.
            ("echo '$t {{ github.sha }}'", &["echo", "github.sha", ""]),
            ("if [ -f x ]; then", &["["]),
            ("--build-arg X=1 \\", &[]),
        ];
        for (line, expected) in cases {
            assert_eq!(commands(line), *expected, "{line}");
        }
    }

    /// On every line that is not split by hand, the shell model finds a command that runs
    /// exactly where the split reading does: random lines over the words and separators
    /// that matter.
    #[test]
    fn the_shell_model_agrees_with_the_split_reading() {
        const WORDS: &[&str] = &[
            "make",
            "echo",
            "ls",
            "npm",
            "./run.sh",
            "x.sh",
            "sudo",
            "time",
            "exec",
            "command",
            "nohup",
            "FOO=1",
            "-x",
            "--flag",
            "$VAR",
            "_",
            "if",
            "then",
            "else",
            "fi",
            "for",
            "in",
            "do",
            "done",
            "case",
            "esac",
            "while",
            "until",
            "!",
            "[",
            "]",
            "[[",
            "]]",
            "export",
            "local",
            "declare",
            "unset",
            "let",
            "eval",
            "source",
            ".",
            "cd",
            "true",
            "bash",
            "sh",
            "x=1",
            "$",
            "git",
            "/usr/bin/python3",
            "a/b",
        ];
        const SEPARATORS: &[&str] = &[" ", " ", " ", " && ", " || ", " | ", "; ", ")", "(", " ) ", " ( "];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut compared = 0;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..1 + next(8) {
                line.push_str(WORDS[next(WORDS.len())]);
                line.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            let line = line.trim();
            if line.is_empty() || split_by_hand_differs(line) || shell::parse(line).has_error {
                continue;
            }
            compared += 1;
            assert_eq!(runs(&commands(line)), runs(&split_by_hand(line)), "{line}");
        }
        assert!(compared > 1_000, "{compared}");
    }
}
