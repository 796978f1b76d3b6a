//! RUN commands in shell form and heredoc scripts, read through the shared shell model
//! ([`crate::shell`]) with their spans mapped back to the file.

use std::ops::Range;

use super::parser::{self, Logical};
use crate::shell;
pub use crate::shell::{flag_matches, Command, Dialect, Word};

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
    /// ShellCheck's problems in the script, in file spans.
    pub problems: Vec<tollgate_rules::Finding>,
}

/// Parses `source` (a RUN's shell text or a heredoc body), run by a shell of `dialect`, and
/// collects its commands.
pub fn analyze(source: &Logical, dialect: Dialect) -> Script {
    let script = shell::parse_checked(&source.text, shell::Shell::plain(dialect));
    let word = |word: Word| Word {
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
        problems: script
            .problems
            .into_iter()
            .map(|mut finding| {
                finding.span = source.range_to_file(finding.span);
                finding
            })
            .collect(),
    }
}

/// A word of the Dockerfile's own parse (an exec-form RUN's) as a word of a command.
impl From<&parser::Word> for Word {
    fn from(word: &parser::Word) -> Self {
        Word {
            span: word.span.clone(),
            value: word.value.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_file_spans() {
        let text = "sh -c 'apt-get install -y curl'";
        let s = analyze(&Logical::contiguous(text, 100), Dialect::Posix);
        let names: Vec<_> = s.commands.iter().map(|c| c.name.value.as_str()).collect();
        assert_eq!(names, ["sh", "apt-get"]);
        let curl = &s.commands[1].args[2];
        assert_eq!(curl.value, "curl");
        assert_eq!(curl.span, 100 + 26..100 + 30);
        assert_eq!(s.commands[1].span, 100 + 7..100 + 30);
    }
}
