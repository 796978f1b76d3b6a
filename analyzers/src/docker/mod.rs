//! Dockerfiles: our own parser (`parser`), RUN scripts through tree-sitter-bash (`shell`),
//! and rules that reason about instructions, stages, commands and packages.

mod commands;
mod copy;
mod from;
mod instructions;
mod labels;
mod packages;
pub mod parser;
mod security;
pub mod shell;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use tollgate_rules::{docker, Finding, Rule};

use crate::shell::is_posix_shell;
use crate::{excerpt, Input};
pub use labels::LabelType;
use parser::{Args, Dockerfile, Instruction, Kind, Logical};
use shell::{Command, Dialect, Script};

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// Registries `FROM` may pull from (hadolint's `trustedRegistries`); empty allows any.
    /// `docker.io` covers Docker Hub images without a registry; `*.example.com` matches
    /// subdomains.
    pub allowed_registries: Vec<String>,
    /// Also report notes that most projects do not want, e.g. `FROM` without a digest.
    pub pedantic: bool,
    /// ENV / ARG names that look like credentials but are not (e.g. `GPG_KEY`).
    pub allowed_secret_names: Vec<String>,
    /// Packages exempt from the version-pin rules (apt, apk, pip, npm, gem, yum, dnf).
    pub unpinned_packages: Vec<String>,
    /// Labels every image must carry, each with the form of its value (hadolint's
    /// `label-schema`): `text`, `url`, `rfc3339`, `spdx`, `hash`, `semver` or `email`.
    pub label_schema: BTreeMap<String, LabelType>,
    /// With a label schema, labels it does not list are reported (hadolint's `strict-labels`).
    pub strict_labels: bool,
    /// Files to read as Dockerfiles that their names do not make Dockerfiles, such as
    /// templates (`Dockerfile-*.template`, `Dockerfile.j2`): globs, as `exclude` takes them.
    pub files: Vec<String>,
}

pub fn analyze(input: &Input, settings: &Settings, out: &mut Vec<Finding>) {
    let file = parser::parse(input.text);
    for error in &file.errors {
        let rule = if error.onbuild_forbidden {
            docker::ONBUILD_FORBIDDEN_INSTRUCTION
        } else {
            docker::PARSE_ERROR
        };
        out.push(Finding::new(rule, error.span.clone(), bounded(&error.message)));
    }
    let model = Model::build(input.text, &file, settings);
    let mut sink = Sink { out };
    from::check(&model, &mut sink);
    copy::check(&model, &mut sink);
    instructions::check(&model, &mut sink);
    commands::check(&model, &mut sink);
    packages::check(&model, &mut sink);
    security::check(&model, &mut sink);
    labels::check(&model, &mut sink);
    shell_problems(&model, &mut sink);
    ignore_pragmas(&file, input.text, &mut sink);
}

/// ShellCheck's problems in the scripts RUN executes (POSIX shells only: a PowerShell or
/// cmd `SHELL` has no scripts here), each with its instruction's start.
///
/// A variable the stage declares with ARG or ENV is known to the build, and hadolint tells
/// ShellCheck so: its unquoted expansion is not reported.
fn shell_problems(model: &Model, sink: &mut Sink) {
    for item in model.items.iter().filter(|item| item.is(Kind::Run)) {
        for problem in item.scripts.iter().flat_map(|s| s.problems.iter()) {
            let declared =
                crate::shell_checks::variable_of(problem).is_some_and(|name| model.env_in_stage(item.stage, name));
            if !declared {
                sink.push(problem.clone().with_statement_start(item.statement));
            }
        }
    }
}

/// `# hadolint ignore=DL3008` comment lines, the form hadolint itself reports: the pragma
/// word is lower-case, and `# hadolint global ignore=` (one place for the whole file) is not
/// reported. Comment lines inside a heredoc body belong to the script and are skipped.
fn ignore_pragmas(file: &parser::Dockerfile, text: &str, sink: &mut Sink) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let Some(comment) = content.trim_start().strip_prefix('#') else {
            continue;
        };
        let Some(rest) = comment.trim_start().strip_prefix("hadolint") else {
            continue;
        };
        if !rest.starts_with([' ', '\t']) || !rest.trim_start().starts_with("ignore=") {
            continue;
        }
        let in_heredoc = file
            .instructions
            .iter()
            .flat_map(|i| i.heredocs.iter())
            .any(|h| h.body.contains(&start));
        if in_heredoc {
            continue;
        }
        let span = start + indent..start + content.len();
        sink.push(Finding::new(
            docker::INLINE_IGNORE_PRAGMA,
            span,
            format!("`{}` turns checks off for the next instruction", content.trim()),
        ));
    }
}

/// Collects findings; every finding carries its instruction's start so that a comment above
/// a multi-line instruction suppresses findings on its continuation lines.
pub(crate) struct Sink<'a> {
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    pub fn push(&mut self, mut finding: Finding) {
        finding.message = bounded(&finding.message);
        self.out.push(finding);
    }

    /// `statement` is the start of the instruction the finding belongs to.
    pub fn report(&mut self, statement: usize, rule: &'static Rule, span: Range<usize>, message: impl Into<String>) {
        self.push(Finding::new(rule, span, message).with_statement_start(statement));
    }
}

/// Longest piece of the Dockerfile a message quotes between backticks, in characters.
const QUOTE_CHARS: usize = 60;
/// Longest message, in characters, whatever it quotes.
const MESSAGE_CHARS: usize = 240;

/// Messages quote words of the Dockerfile (`` `{value}` is not pinned ``), and a word can be
/// as long as the file: every quoted piece is cut to an excerpt, then the whole message is.
fn bounded(message: &str) -> String {
    if message.chars().count() <= QUOTE_CHARS {
        return message.to_string();
    }
    let mut out = String::with_capacity(MESSAGE_CHARS + 8);
    for (i, piece) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd pieces are between backticks: quoted text.
        if i % 2 == 1 {
            out.push_str(&excerpt(piece, QUOTE_CHARS));
        } else {
            out.push_str(piece);
        }
        if out.len() > 4 * MESSAGE_CHARS {
            break;
        }
    }
    excerpt(&out, MESSAGE_CHARS).into_owned()
}

pub(crate) struct Stage<'a> {
    pub from: &'a Instruction,
    /// The image with global ARGs expanded.
    pub image: String,
    pub image_span: Range<usize>,
    pub name: Option<String>,
    /// Index of an earlier stage this one builds on (`FROM builder`).
    pub parent: Option<usize>,
    /// Used by `COPY --from` or `RUN --mount=from=` of a later stage.
    pub copied_from: bool,
}

/// One instruction as rules see it: ONBUILD's inner instruction is an item of its own.
pub(crate) struct Item<'a> {
    pub ins: &'a Instruction,
    /// Start of the outer instruction.
    pub statement: usize,
    pub stage: Option<usize>,
    pub onbuild: bool,
    /// Shell scripts of a RUN when the shell is POSIX: the shell-form line, `sh -c`
    /// strings of the exec form, heredoc bodies.
    pub scripts: Vec<Script>,
    /// SHELL of this stage sets `-o pipefail`.
    pub pipefail_shell: bool,
    /// SHELL of this stage is not a POSIX shell (PowerShell, cmd).
    pub non_posix_shell: bool,
}

impl Item<'_> {
    pub fn commands(&self) -> impl Iterator<Item = &Command> {
        self.scripts.iter().flat_map(|s| s.commands.iter())
    }

    pub fn is(&self, kind: Kind) -> bool {
        self.ins.kind == kind
    }
}

pub(crate) struct Model<'a> {
    pub text: &'a str,
    pub settings: &'a Settings,
    pub items: Vec<Item<'a>>,
    pub stages: Vec<Stage<'a>>,
    /// ARGs declared before the first FROM, with their defaults.
    pub global_args: HashMap<String, Option<String>>,
    /// Per stage: the range of `items` it holds (a stage's items are contiguous).
    stage_ranges: Vec<Range<usize>>,
    /// Per stage: the names its ENV and ARG instructions set.
    env_names: Vec<HashSet<String>>,
    /// Stage names in lower case, with the indexes of the stages that carry them in order.
    stage_names: HashMap<String, Vec<usize>>,
}

impl<'a> Model<'a> {
    fn build(text: &'a str, file: &'a Dockerfile, settings: &'a Settings) -> Model<'a> {
        let mut model = Model {
            text,
            settings,
            items: Vec::new(),
            stages: Vec::new(),
            global_args: HashMap::new(),
            stage_ranges: Vec::new(),
            env_names: Vec::new(),
            stage_names: HashMap::new(),
        };
        // Per stage: (pipefail, non-POSIX, dialect) of the current SHELL.
        let mut shells: Vec<(bool, bool, Dialect)> = Vec::new();
        for ins in &file.instructions {
            if ins.kind == Kind::From {
                model.add_stage(ins);
                let inherited = model
                    .stages
                    .last()
                    .and_then(|s| s.parent)
                    .and_then(|p| shells.get(p).copied())
                    .unwrap_or((false, false, Dialect::Posix));
                shells.push(inherited);
            }
            if ins.kind == Kind::Arg && model.stages.is_empty() {
                for pair in ins.pairs() {
                    model
                        .global_args
                        .insert(pair.key.value.clone(), pair.value.map(|v| v.value));
                }
            }
            let stage = model.stages.len().checked_sub(1);
            if ins.kind == Kind::Shell {
                let words: Vec<&str> = ins.words().iter().map(|w| w.value.as_str()).collect();
                let program = words.first().map_or("", |w| basename(w)).to_ascii_lowercase();
                let program = program.trim_end_matches(".exe");
                let non_posix = !matches!(program, "sh" | "bash" | "ash" | "dash" | "zsh" | "ksh" | "busybox");
                let pipefail = words
                    .windows(2)
                    .any(|w| w[0].starts_with('-') && w[0].contains('o') && w[1] == "pipefail");
                let dialect = Dialect::of(program);
                if let Some(slot) = stage.and_then(|s| shells.get_mut(s)) {
                    *slot = (pipefail, non_posix, dialect);
                } else {
                    shells.push((pipefail, non_posix, dialect));
                }
            }
            let (pipefail_shell, non_posix_shell, dialect) =
                stage
                    .and_then(|s| shells.get(s).copied())
                    .unwrap_or((false, false, Dialect::Posix));
            let mut push = |target: &'a Instruction, onbuild: bool| {
                let scripts = if target.kind == Kind::Run && !non_posix_shell {
                    run_scripts(text, target, dialect)
                } else {
                    Vec::new()
                };
                if let Some(s) = stage {
                    model.stage_ranges[s].end = model.items.len() + 1;
                    if !onbuild && matches!(target.kind, Kind::Env | Kind::Arg) {
                        model.env_names[s].extend(target.pairs().into_iter().map(|p| p.key.value));
                    }
                }
                model.items.push(Item {
                    ins: target,
                    statement: ins.span.start,
                    stage,
                    onbuild,
                    scripts,
                    pipefail_shell,
                    non_posix_shell,
                });
            };
            push(ins, false);
            if let Some(inner) = ins.inner.as_deref() {
                push(inner, true);
            }
        }
        model.mark_copied_stages();
        model
    }

    fn add_stage(&mut self, ins: &'a Instruction) {
        let words = ins.words();
        let Some(image) = words.first() else { return };
        let lookup = |name: &str| self.global_args.get(name).cloned().flatten();
        let expanded = parser::expand(&image.value, &lookup);
        let name = (words.len() >= 3 && words[1].value.eq_ignore_ascii_case("as")).then(|| words[2].value.clone());
        let parent = self.stage_index(&expanded);
        let index = self.stages.len();
        if let Some(name) = &name {
            self.stage_names
                .entry(name.to_ascii_lowercase())
                .or_default()
                .push(index);
        }
        self.stage_ranges.push(self.items.len()..self.items.len());
        self.env_names.push(HashSet::new());
        self.stages.push(Stage {
            from: ins,
            image: expanded,
            image_span: image.span.clone(),
            name,
            parent,
            copied_from: false,
        });
    }

    /// The stage a `FROM` / `--from` reference names, by alias or by number.
    pub fn stage_index(&self, reference: &str) -> Option<usize> {
        if let Ok(n) = reference.parse::<usize>() {
            return (n < self.stages.len()).then_some(n);
        }
        self.stage_names.get(&reference.to_ascii_lowercase())?.last().copied()
    }

    /// Whether a stage before `stage` is named `reference`.
    pub fn named_before(&self, reference: &str, stage: usize) -> bool {
        self.stage_names
            .get(&reference.to_ascii_lowercase())
            .is_some_and(|indexes| indexes[0] < stage)
    }

    fn mark_copied_stages(&mut self) {
        let mut copied = Vec::new();
        for item in &self.items {
            let mut refs: Vec<&str> = Vec::new();
            if let Some(from) = item.ins.flag("from").and_then(|f| f.value.as_deref()) {
                refs.push(from);
            }
            for mount in item.ins.flags.iter().filter(|f| f.name == "mount") {
                if let Some(value) = &mount.value {
                    refs.extend(value.split(',').filter_map(|kv| kv.strip_prefix("from=")));
                }
            }
            for reference in refs {
                if let Some(i) = self.stage_index(reference) {
                    copied.push(i);
                }
            }
        }
        for i in copied {
            self.stages[i].copied_from = true;
        }
    }

    pub fn last_stage(&self) -> Option<usize> {
        self.stages.len().checked_sub(1)
    }

    /// Items of one stage, in order (ONBUILD items excluded).
    pub fn stage_items(&self, stage: usize) -> impl Iterator<Item = &Item<'a>> {
        let range = self.stage_ranges.get(stage).cloned().unwrap_or(0..0);
        self.items[range].iter().filter(|item| !item.onbuild)
    }

    /// The values ARG defaults and ENV give variables before `item`: the global ARGs, then
    /// the stages `item`'s stage builds on, then its own stage up to `item`.
    pub fn variables_before(&self, item: &Item) -> HashMap<String, String> {
        let mut values: HashMap<String, String> = self
            .global_args
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.clone()?)))
            .collect();
        let chain: Vec<usize> = self.lineage(item.stage).collect();
        for &s in chain.iter().rev() {
            for other in self.stage_items(s) {
                if std::ptr::eq(other.ins, item.ins) {
                    break;
                }
                if matches!(other.ins.kind, Kind::Arg | Kind::Env) {
                    for pair in other.ins.pairs() {
                        if let Some(value) = pair.value {
                            // `ENV NB_UID=${NB_UID}` carries the ARG's value on, when it is
                            // known.
                            let known = std::cell::Cell::new(true);
                            let expanded = parser::expand(&value.value, &|name| {
                                let found = values.get(name).cloned();
                                known.set(known.get() && found.is_some());
                                found
                            });
                            values.insert(pair.key.value, if known.get() { expanded } else { value.value });
                        }
                    }
                }
            }
        }
        values
    }

    /// ENV names set in a stage or the stages it builds on.
    pub fn env_in_stage(&self, stage: Option<usize>, name: &str) -> bool {
        self.lineage(stage)
            .any(|s| self.env_names.get(s).is_some_and(|names| names.contains(name)))
    }

    /// `stage`, then each stage of this file it builds on, nearest first (at most 65: a
    /// chain of FROMs longer than that is not a real file).
    pub fn lineage(&self, stage: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(stage, |&s| self.stages.get(s).and_then(|st| st.parent)).take(65)
    }
}

pub(crate) fn basename(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The shell scripts a RUN executes, each parsed into commands; `dialect` is the stage's
/// SHELL's (a script handed to `bash -c` or `bash <<EOF` is Bash's).
fn run_scripts(text: &str, ins: &Instruction, dialect: Dialect) -> Vec<Script> {
    let mut scripts = Vec::new();
    match &ins.args {
        Args::Exec(words) => {
            let Some(first) = words.first() else { return scripts };
            let program = basename(&first.value);
            let is_shell = is_posix_shell(program);
            if is_shell && words.len() >= 3 && words[1].value.starts_with('-') && words[1].value.contains('c') {
                let script = &words[2];
                // The JSON literal's content; exact when it has no escapes.
                let offset = script.span.start + 1;
                let dialect = Dialect::of(program);
                scripts.push(shell::analyze(&Logical::contiguous(&script.value, offset), dialect));
            } else {
                scripts.push(Script {
                    commands: vec![Command {
                        name: first.into(),
                        args: words[1..].iter().map(Into::into).collect(),
                        span: first.span.start..words[words.len() - 1].span.end,
                        pipeline: None,
                        pipe_index: 0,
                        in_substitution: false,
                    }],
                    top_level: 1,
                    ..Script::default()
                });
            }
        }
        Args::Shell(_) => {
            let line = shell::analyze(&ins.rest, dialect);
            // `RUN <<EOF` alone, or `RUN bash <<EOF`: the bodies are shell scripts.
            let (bodies_are_shell, body_dialect) = match line.commands.first() {
                None => (true, dialect),
                Some(c) => (is_posix_shell(c.program()), Dialect::of(c.program())),
            };
            scripts.push(line);
            if bodies_are_shell {
                for heredoc in &ins.heredocs {
                    let body = text.get(heredoc.body.clone()).unwrap_or("");
                    let first_line = body.lines().next().unwrap_or("").trim();
                    // `#!/bin/sh`, `#!/usr/bin/env bash`: the word after the last `/` or space.
                    let interpreter = first_line.rsplit(['/', ' ']).next().unwrap_or("");
                    let body_dialect = if first_line.starts_with("#!") {
                        if !is_posix_shell(interpreter) {
                            continue;
                        }
                        Dialect::of(interpreter)
                    } else {
                        body_dialect
                    };
                    scripts.push(shell::analyze(
                        &Logical::contiguous(body, heredoc.body.start),
                        body_dialect,
                    ));
                }
            }
        }
    }
    scripts
}
