//! The rules that read `run:` scripts through the shell model shared with Dockerfile RUN:
//! `actions/adhoc-packages`, `actions/github-env` and `actions/use-trusted-publishing`, and
//! the shell rules (ShellCheck's checks) on every script that bash or sh runs.

use std::ops::Range;

use tollgate_rules::{actions, Finding};

use super::expr::expressions;
use super::model::Step;
use super::yaml::Node;
use super::Ctx;
use crate::shell::{self, Command, Dialect, Script, Shell};

/// A `run:` script parsed, with `${{ }}` masked so that the shell sees one word there.
struct Run<'a> {
    node: &'a Node,
    /// The script as GitHub hands it to the shell, expressions masked with `_`.
    text: String,
    script: Script,
}

impl<'a> Run<'a> {
    /// The script of `node`, parsed; with `shell`, checked for the shell rules too.
    fn new(node: &'a Node, shell: Option<Shell>) -> Option<Self> {
        let original = node.str()?;
        // Byte for byte, so that every span of the script is a span of the original.
        let mut bytes = original.as_bytes().to_vec();
        for expression in expressions(original, 0..original.len()) {
            for byte in &mut bytes[expression] {
                if *byte != b'\n' {
                    *byte = b'_';
                }
            }
        }
        let text = String::from_utf8(bytes).expect("only whole expressions, from `$` to `}`, were masked");
        let script = match shell {
            Some(shell) => shell::parse_checked(&text, shell),
            None => shell::parse(&text),
        };
        Some(Run { node, text, script })
    }

    /// The original (unmasked) text of a range of the script.
    fn original(&self, range: Range<usize>) -> &str {
        self.node.str().and_then(|s| s.get(range)).unwrap_or("")
    }

    /// Where a range of the script is in the file: exact for plain and literal block scalars.
    fn source_span(&self, src: &str, range: Range<usize>) -> Range<usize> {
        if self.node.scalar().and_then(|s| s.verbatim_at).is_some() {
            return self.node.sub_span(range);
        }
        let raw = src.get(self.node.span.clone()).unwrap_or("");
        let Some(newline) = raw.find('\n').filter(|_| raw.starts_with('|')) else {
            return self.node.text_span();
        };
        let body = &raw[newline + 1..];
        let indent = body
            .lines()
            .find(|line| !line.trim().is_empty())
            .map_or(0, |line| line.len() - line.trim_start().len());
        let line = self.text[..range.start].matches('\n').count();
        let column = range.start - self.text[..range.start].rfind('\n').map_or(0, |i| i + 1);
        let mut offset = self.node.span.start + newline + 1;
        for (index, source_line) in body.split('\n').enumerate() {
            if index == line {
                let start = offset + indent.min(source_line.len()) + column;
                return start..start + (range.end - range.start);
            }
            offset += source_line.len() + 1;
        }
        self.node.text_span()
    }

    /// The line of the script around `at`.
    fn line_at(&self, at: usize) -> Range<usize> {
        let start = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[at..].find('\n').map_or(self.text.len(), |i| at + i);
        start..end
    }
}

/// The checks of one step's `run:`. `privileged` names the privileged trigger the workflow
/// runs on, if any.
pub fn check_step(ctx: &mut Ctx, step: &Step, privileged: Option<&str>) {
    check_publish_action(ctx, step);
    let Some(node) = step.run() else { return };
    let shell = if ctx.shell_checks { step_shell(ctx, step) } else { None };
    // Parsing every script costs more than all the other rules together: unless the shell
    // rules are on, only a script that names one of the tools (or environment files) these
    // rules look for is parsed.
    let text = node.str().unwrap_or("");
    let env_file = privileged.is_some() && (text.contains("GITHUB_ENV") || text.contains("GITHUB_PATH"));
    if shell.is_none() && !env_file && !text.lines().any(may_install_or_publish) {
        return;
    }
    let Some(run) = Run::new(node, shell) else { return };
    shell_problems(ctx, step, &run);
    for command in &run.script.commands {
        if let Some(what) = adhoc_install(command) {
            let span = run.source_span(ctx.src, command.span.clone());
            ctx.out.push(
                Finding::new(
                    actions::ADHOC_PACKAGES,
                    span,
                    format!("{what} installs by name whatever the registry serves today, dependencies included; add it to the manifest, commit the lockfile and install from it (`npm ci`, `bundle install`)"),
                )
                .with_statement_start(step.node.span.start),
            );
        }
        if let Some(index) = publish_with_token(step, &run, command) {
            let span = run.source_span(ctx.src, command.span.clone());
            ctx.out.push(
                Finding::new(
                    actions::USE_TRUSTED_PUBLISHING,
                    span,
                    format!("`{}` publishes to {index} with a long-lived token from `secrets`; {index} supports trusted publishing (OIDC): register this workflow there and drop the token", command_text(command)),
                )
                .with_statement_start(step.node.span.start),
            );
        }
    }
    if let Some(trigger) = privileged {
        check_github_env(ctx, step, &run, trigger);
    }
}

/// The shell a job's steps run in when they name none (`defaults.run.shell` of the job or
/// the workflow, else what the runner has).
#[derive(Clone, Debug, PartialEq)]
pub enum JobShell {
    /// Linux and macOS runners: `bash -e`.
    Bash,
    Named(String),
    /// A runner picked by an expression, or a composite action's step (which must name
    /// its shell): nothing is assumed.
    Unknown,
}

impl JobShell {
    pub fn of(workflow: &Node, job: &Node) -> JobShell {
        let default = |node: &Node| {
            node.get("defaults")?
                .get("run")?
                .get("shell")?
                .str()
                .map(str::to_string)
        };
        if let Some(named) = default(job).or_else(|| default(workflow)) {
            return JobShell::Named(named);
        }
        let Some(runs_on) = job.get("runs-on") else {
            return JobShell::Bash;
        };
        let labels: Vec<&str> = match runs_on.str() {
            Some(label) => vec![label],
            None => runs_on.items().iter().filter_map(Node::str).collect(),
        };
        if labels.iter().any(|label| label.contains("${{")) {
            JobShell::Unknown
        } else if labels
            .iter()
            .any(|label| label.to_ascii_lowercase().contains("windows"))
        {
            JobShell::Named("pwsh".to_string())
        } else {
            JobShell::Bash
        }
    }
}

/// The POSIX-family shell a step's script runs in, as GitHub runs it: the built-in `bash`
/// and `sh` stop at the first failing command (`-e`); a custom command line (`bash {0}`)
/// does when it says `-e`. PowerShell, cmd and python scripts are not shell.
fn step_shell(ctx: &Ctx, step: &Step) -> Option<Shell> {
    let named = match step.node.get("shell").and_then(Node::str) {
        Some(named) => named.to_string(),
        None => match &ctx.job_shell {
            JobShell::Bash => "bash".to_string(),
            JobShell::Named(named) => named.clone(),
            JobShell::Unknown => return None,
        },
    };
    let mut words = named.split_whitespace();
    let program = words.next()?.rsplit('/').next()?;
    if !shell::is_posix_shell(program) {
        return None;
    }
    let builtin = named.trim() == program;
    let errexit = builtin
        || words.any(|w| {
            w.strip_prefix('-')
                .is_some_and(|letters| !letters.starts_with('-') && letters.contains('e'))
        });
    Some(Shell {
        dialect: Dialect::of(program),
        errexit,
    })
}

/// The shell rules' problems in a step's script, in file spans. A variable the step, its
/// job or the workflow sets in `env:` is assigned; its value may still hold blanks, so an
/// unquoted expansion of it is reported, as ShellCheck does.
fn shell_problems(ctx: &mut Ctx, step: &Step, run: &Run) {
    let step_env = step.node.get("env").map(|env| env.pairs()).unwrap_or(&[]);
    for problem in &run.script.problems {
        let declared = problem.rule == tollgate_rules::shell::UNASSIGNED_VARIABLE.id
            && crate::shell_checks::variable_of(problem).is_some_and(|name| {
                step_env.iter().any(|pair| pair.key == name) || ctx.job_env.iter().any(|key| key == name)
            });
        if declared {
            continue;
        }
        let mut finding = problem.clone().with_statement_start(step.node.span.start);
        finding.span = run.source_span(ctx.src, problem.span.clone());
        ctx.out.push(finding);
    }
}

/// `twine upload`: the command and its subcommand.
fn command_text(command: &Command) -> String {
    let words: Vec<&str> = std::iter::once(&command.name)
        .chain(command.args.iter().take(1))
        .map(|w| w.value.as_str())
        .collect();
    words.join(" ")
}

/// Every program [`adhoc_install`] and [`PUBLISHERS`] look for, and their subcommands that
/// matter (`npm ci`, `cargo build` do not).
const TOOLS: &[&str] = &["npm", "yarn", "pnpm", "gem", "bundle", "twine", "uv", "cargo", "dotnet"];
const SUBCOMMANDS: &[&str] = &["install", "isntall", "add", "upload", "publish", "push", "nuget"];

/// Whether a line of a script names one of [`TOOLS`] and one of [`SUBCOMMANDS`] (or `i`,
/// `in`), or goes on to the next line.
fn may_install_or_publish(line: &str) -> bool {
    TOOLS.iter().any(|tool| line.contains(tool))
        && (SUBCOMMANDS.iter().any(|sub| line.contains(sub))
            || line.trim_end().ends_with('\\')
            || line.split_whitespace().any(|word| word == "i" || word == "in"))
}

/// `npm install foo`, `npm i -g foo`, `yarn add foo`, `yarn global add foo`, `pnpm add foo`,
/// `gem install foo`, `bundle add foo`: what is installed, or `None`.
fn adhoc_install(command: &Command) -> Option<String> {
    let program = command.program();
    let args: Vec<&str> = command.arg_values().collect();
    let packages = |from: usize| -> Vec<&str> {
        args.iter()
            .skip(from)
            .copied()
            .filter(|a| !a.starts_with('-'))
            // A local folder or tarball is not a registry install.
            .filter(|a| !a.starts_with(['.', '/', '~']) && !a.ends_with(".tgz") && !a.ends_with(".gem"))
            .collect()
    };
    let position = |names: &[&str]| args.iter().position(|a| names.contains(a));
    let found = match program {
        "npm" => position(&["install", "i", "add", "isntall", "in"]).map(|at| packages(at + 1)),
        "pnpm" => position(&["add", "install", "i"]).map(|at| packages(at + 1)),
        "yarn" => position(&["add"]).map(|at| packages(at + 1)),
        "gem" => position(&["install", "i"]).map(|at| packages(at + 1)),
        "bundle" => position(&["add"]).map(|at| packages(at + 1)),
        _ => None,
    }?;
    // Flags that take a value (`--registry URL`) make their value look like a package.
    let found: Vec<&str> = found
        .into_iter()
        .filter(|p| !p.contains("://") && !p.starts_with('_'))
        .collect();
    if found.is_empty() {
        return None;
    }
    Some(format!("`{program} …{}`", found.join(" ")))
}

/// A publishing command of an index with trusted publishing.
struct Publisher {
    program: &'static str,
    subcommand: &'static str,
    index: &'static str,
    /// Environment variables that carry a token.
    variables: &'static [&'static str],
    /// Flags that carry a token.
    flags: &'static [&'static str],
}

const PUBLISHERS: &[Publisher] = &[
    Publisher {
        program: "twine",
        subcommand: "upload",
        index: "PyPI",
        variables: &["TWINE_PASSWORD"],
        flags: &["-p", "--password"],
    },
    Publisher {
        program: "uv",
        subcommand: "publish",
        index: "PyPI",
        variables: &["UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD"],
        flags: &["--token", "--password", "-p", "-t"],
    },
    Publisher {
        program: "cargo",
        subcommand: "publish",
        index: "crates.io",
        variables: &["CARGO_REGISTRY_TOKEN"],
        flags: &["--token"],
    },
    Publisher {
        program: "gem",
        subcommand: "push",
        index: "RubyGems",
        variables: &["GEM_HOST_API_KEY"],
        flags: &["--key", "-k"],
    },
    Publisher {
        program: "npm",
        subcommand: "publish",
        index: "npm",
        variables: &["NODE_AUTH_TOKEN", "NPM_TOKEN", "NPM_CONFIG__AUTH"],
        flags: &[],
    },
    Publisher {
        program: "dotnet",
        subcommand: "nuget",
        index: "nuget.org",
        variables: &[],
        flags: &["--api-key", "-k"],
    },
];

/// Flags that send the upload somewhere else than the public index.
const OTHER_INDEX: &[&str] = &[
    "--repository-url",
    "--publish-url",
    "--index",
    "--registry",
    "--host",
    "--source",
    "-s",
    "--index-url",
];

fn publish_with_token(step: &Step, run: &Run, command: &Command) -> Option<&'static str> {
    let args: Vec<&str> = command.arg_values().collect();
    let Publisher {
        index,
        variables,
        flags,
        ..
    } = PUBLISHERS
        .iter()
        .find(|p| command.is(p.program) && args.first() == Some(&p.subcommand))?;
    if command.is("dotnet") && args.get(1) != Some(&"push") {
        return None;
    }
    if command.has_flag(OTHER_INDEX)
        || args
            .iter()
            .any(|a| a.starts_with("--repository") || a.starts_with("-r"))
    {
        return None;
    }
    let secret = |text: &str| text.contains("secrets.");
    // A token flag whose value comes from a secret, in the command itself.
    let original = run.original(command.span.clone());
    let flag_token = !flags.is_empty() && command.has_flag(flags) && (secret(original) || original.contains('$'));
    let env_token = variables.iter().any(|variable| {
        env_value(step, variable).is_some_and(secret) || (original.contains(variable) && secret(original))
    });
    (flag_token || env_token).then_some(*index)
}

/// The value of an environment variable set on the step.
fn env_value<'a>(step: &Step<'a>, name: &str) -> Option<&'a str> {
    step.node.get("env").and_then(|env| env.get(name)).and_then(Node::str)
}

/// `pypa/gh-action-pypi-publish` given a `password:`.
fn check_publish_action(ctx: &mut Ctx, step: &Step) {
    if !step.uses_action("pypa/gh-action-pypi-publish") {
        return;
    }
    let Some(password) = step.with("password") else { return };
    if step
        .with("repository-url")
        .and_then(Node::str)
        .is_some_and(|url| !url.contains("pypi.org"))
    {
        return;
    }
    ctx.out.push(
        Finding::new(
            actions::USE_TRUSTED_PUBLISHING,
            password.text_span(),
            "pypa/gh-action-pypi-publish is given a long-lived `password:`; PyPI supports trusted publishing: register this workflow on PyPI, grant `id-token: write` and drop the password".to_string(),
        )
        .with_statement_start(step.node.span.start),
    );
}

/// Writes to `$GITHUB_ENV` or `$GITHUB_PATH` whose value is not literal text.
fn check_github_env(ctx: &mut Ctx, step: &Step, run: &Run, trigger: &str) {
    let mut lines_seen = Vec::new();
    for redirect in &run.script.redirects {
        let Some(target) = &redirect.target else { continue };
        let file = environment_file(&target.value);
        let Some(file) = file else { continue };
        if !redirect.operator.starts_with('>') {
            continue;
        }
        report_write(ctx, step, run, redirect.span.start, file, trigger, &mut lines_seen);
    }
    for command in &run.script.commands {
        if command.is("tee") {
            if let Some(file) = command.arg_values().find_map(environment_file) {
                report_write(ctx, step, run, command.span.start, file, trigger, &mut lines_seen);
            }
        }
    }
}

/// Values the runner sets, which no pull request controls.
const RUNNER_VALUES: &[&str] = &[
    "${{ github.workspace }}",
    "${{ runner.temp }}",
    "${{ runner.tool_cache }}",
    "${GITHUB_WORKSPACE}",
    "$GITHUB_WORKSPACE",
    "${RUNNER_TEMP}",
    "$RUNNER_TEMP",
    "${RUNNER_TOOL_CACHE}",
    "$RUNNER_TOOL_CACHE",
    "${HOME}",
    "$HOME",
    "$(pwd)",
    "$PWD",
];

fn environment_file(target: &str) -> Option<&'static str> {
    if target.contains("GITHUB_ENV") {
        Some("GITHUB_ENV")
    } else if target.contains("GITHUB_PATH") {
        Some("GITHUB_PATH")
    } else {
        None
    }
}

fn report_write(ctx: &mut Ctx, step: &Step, run: &Run, at: usize, file: &str, trigger: &str, seen: &mut Vec<usize>) {
    let line = run.line_at(at);
    if seen.contains(&line.start) {
        return;
    }
    seen.push(line.start);
    // Literal text (`echo "CI=true" >> "$GITHUB_ENV"`) is not steerable; anything expanded is.
    let original = run.original(line.clone());
    let mut without_target = original
        .replace(&format!("${file}"), "")
        .replace(&format!("${{{file}}}"), "");
    // Paths the runner sets are not an outsider's to choose.
    for trusted in RUNNER_VALUES {
        without_target = without_target.replace(trusted, "");
    }
    let written_by = run
        .script
        .commands
        .iter()
        .find(|c| c.span.start >= line.start && c.span.start < line.end)
        .map(|c| c.program().to_string())
        .unwrap_or_default();
    let literal = matches!(written_by.as_str(), "echo" | "printf")
        && !without_target.contains('$')
        && !without_target.contains('`')
        && !has_heredoc_at(run, line.clone());
    if literal {
        return;
    }
    let span = run.source_span(ctx.src, line);
    ctx.out.push(
        Finding::new(
            actions::GITHUB_ENV,
            span,
            format!("this `{trigger}` workflow writes a value it does not control to `${file}`: whoever sets it can run code in every later step ({}); pass it through `$GITHUB_OUTPUT` and `env:` instead",
                if file == "GITHUB_ENV" { "`LD_PRELOAD`, `BASH_ENV`, `NODE_OPTIONS`" } else { "a `git` or `ssh` of theirs first on the PATH" }),
        )
        .with_statement_start(step.node.span.start),
    );
}

fn has_heredoc_at(run: &Run, line: Range<usize>) -> bool {
    run.script
        .heredocs
        .iter()
        .any(|h| h.body.start > line.start && h.body.start <= line.end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_expressions_keep_every_span() {
        let node = Node {
            span: 0..0,
            value: super::super::yaml::Value::Scalar(super::super::yaml::Scalar {
                text: "echo \"${{ github.event.issue.title || 'é' }}\" >> $GITHUB_ENV".to_string(),
                verbatim_at: None,
            }),
        };
        let run = Run::new(&node, None).unwrap();
        assert_eq!(run.text.len(), node.str().unwrap().len());
        assert!(run.text.starts_with("echo \"___"));
        let redirect = &run.script.redirects[0];
        assert_eq!(run.original(redirect.span.clone()), ">> $GITHUB_ENV");
    }

    #[test]
    fn the_prefilter_names_every_program_the_rules_read() {
        for publisher in PUBLISHERS {
            assert!(TOOLS.contains(&publisher.program), "{}", publisher.program);
        }
        for program in ["npm", "pnpm", "yarn", "gem", "bundle"] {
            let command = shell::parse(&format!("{program} add x")).commands.remove(0);
            assert_eq!(command.program(), program);
            assert!(TOOLS.iter().any(|tool| program.contains(tool)), "{program}");
        }
        for line in [
            "npm i eslint",
            "gem in rake",
            "npm \\",
            "npm isntall x",
            "cargo publish",
            "dotnet nuget push a",
        ] {
            assert!(may_install_or_publish(line), "{line}");
        }
        for line in ["npm ci", "cargo build --release", "echo installing"] {
            assert!(!may_install_or_publish(line), "{line}");
        }
    }
}
