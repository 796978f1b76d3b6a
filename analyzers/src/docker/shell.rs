//! RUN commands in shell form and heredoc scripts, read through the shared shell model
//! ([`crate::shell`]) and mapped back to file spans, with what the Docker rules ask of a
//! command.

use std::ops::Range;

use super::parser::{Logical, Word};
use crate::shell;

/// One simple command: `apt-get install -y curl`.
#[derive(Clone, Debug)]
pub struct Command {
    /// The command name as written, unquoted (`apt-get`, `/usr/bin/pip3`).
    pub name: Word,
    pub args: Vec<Word>,
    /// The whole command, name to last argument.
    pub span: Range<usize>,
    /// Commands of one pipeline share an id.
    pub pipeline: Option<usize>,
    /// Position inside its pipeline (0 for the first command).
    pub pipe_index: usize,
    /// Inside `$(...)` or backticks.
    pub in_substitution: bool,
}

impl Command {
    /// The command's base name: `/usr/bin/pip3` -> `pip3`.
    pub fn program(&self) -> &str {
        self.name.value.rsplit('/').next().unwrap_or(&self.name.value)
    }

    pub fn is(&self, name: &str) -> bool {
        self.program() == name
    }

    /// True when any argument equals one of `flags` (`-y`), or is a short-flag cluster
    /// containing the letter of a one-letter flag (`-qy` has `-y`).
    pub fn has_flag(&self, flags: &[&str]) -> bool {
        self.args.iter().any(|arg| flag_matches(&arg.value, flags))
    }

    pub fn arg_values(&self) -> impl Iterator<Item = &str> {
        self.args.iter().map(|a| a.value.as_str())
    }

    /// Arguments that are not flags, in order.
    pub fn positional(&self) -> impl Iterator<Item = &Word> {
        self.args.iter().filter(|a| !a.value.starts_with('-'))
    }
}

pub fn flag_matches(arg: &str, flags: &[&str]) -> bool {
    flags.iter().any(|flag| {
        if arg == *flag {
            return true;
        }
        if let Some(long) = flag.strip_prefix("--") {
            return arg
                .strip_prefix("--")
                .and_then(|a| a.strip_prefix(long))
                .is_some_and(|r| r.starts_with('='));
        }
        match (flag.strip_prefix('-'), arg.strip_prefix('-')) {
            (Some(letter), Some(cluster)) if letter.len() == 1 && !cluster.starts_with('-') && cluster.len() > 1 => {
                // `-qO-`: the letters up to the first non-letter are flags.
                let letters: String = cluster.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
                letters.contains(letter)
            }
            _ => false,
        }
    })
}

/// What the analysis of one script found, in file spans.
#[derive(Clone, Debug, Default)]
pub struct Script {
    pub commands: Vec<Command>,
    /// Spans of every pipeline (`a | b`), substitutions included.
    pub pipelines: Vec<Range<usize>>,
    /// `set -o pipefail` (or `set -eo pipefail`, ...) appears.
    pub sets_pipefail: bool,
    /// Simple commands outside substitutions.
    pub top_level: usize,
}

/// Parses `source` (a RUN's shell text or a heredoc body) and collects its commands.
pub fn analyze(source: &Logical) -> Script {
    let script = shell::parse(&source.text);
    let word = |word: shell::Word| Word {
        span: source.range_to_file(word.span),
        value: word.value,
    };
    Script {
        commands: script
            .commands
            .into_iter()
            .map(|command| Command {
                name: word(command.name),
                args: command.args.into_iter().map(word).collect(),
                span: source.range_to_file(command.span),
                pipeline: command.pipeline,
                pipe_index: command.pipe_index,
                in_substitution: command.in_substitution,
            })
            .collect(),
        pipelines: script
            .pipelines
            .into_iter()
            .map(|span| source.range_to_file(span))
            .collect(),
        sets_pipefail: script.sets_pipefail,
        top_level: script.top_level,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_file_spans() {
        let text = "sh -c 'apt-get install -y curl'";
        let s = analyze(&Logical::contiguous(text, 100));
        let names: Vec<_> = s.commands.iter().map(|c| c.name.value.as_str()).collect();
        assert_eq!(names, ["sh", "apt-get"]);
        let curl = &s.commands[1].args[2];
        assert_eq!(curl.value, "curl");
        assert_eq!(curl.span, 100 + 26..100 + 30);
        assert_eq!(s.commands[1].span, 100 + 7..100 + 30);
    }

    #[test]
    fn flag_clusters() {
        assert!(flag_matches("-qy", &["-y"]));
        assert!(flag_matches("--yes", &["--yes"]));
        assert!(flag_matches("--progress=dot", &["--progress"]));
        assert!(!flag_matches("--yesno", &["--yes"]));
        assert!(!flag_matches("-o", &["-y"]));
        assert!(flag_matches("-qO-", &["-q"]));
    }
}
