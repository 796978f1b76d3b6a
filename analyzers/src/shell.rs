//! Shell scripts parsed with tree-sitter-bash: simple commands with their name and
//! arguments, pipelines, redirections and heredocs, each with its span in the text given.
//! Dockerfile RUN and workflow `run:` scripts are both read through it.

use std::cell::RefCell;
use std::ops::Range;

use tree_sitter::{Node, Parser};

/// The POSIX-family shells: a script handed to one of them (`sh -c '…'`, `bash <<EOF`) is
/// shell too.
const POSIX_SHELLS: &[&str] = &["sh", "bash", "dash", "ash", "zsh"];

/// Whether `program` (a base name, `bash`) is one of [`POSIX_SHELLS`].
pub fn is_posix_shell(program: &str) -> bool {
    POSIX_SHELLS.contains(&program)
}

pub use crate::shell_checks::{Dialect, Shell};

/// A word of the script: its span and the value a shell would pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub span: Range<usize>,
    /// Quotes removed, escapes resolved; expansions stay as written.
    pub value: String,
}

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

/// A redirection: `> out.txt`, `2>&1`, `<<< "$x"`, `<<EOF`.
#[derive(Clone, Debug)]
pub struct Redirect {
    pub span: Range<usize>,
    /// The operator as written: `>`, `>>`, `>&`, `<`, `<<<`, `<<`, `<<-`, ...
    pub operator: String,
    /// The file, descriptor or string it reads or writes; a heredoc's delimiter.
    pub target: Option<Word>,
}

/// A heredoc: `<<EOF` and the lines up to `EOF`.
#[derive(Clone, Debug)]
pub struct Heredoc {
    /// The delimiter as written after `<<` (quotes included: they turn expansion off).
    pub delimiter: String,
    /// The body's lines, without the closing delimiter.
    pub body: Range<usize>,
}

/// What one script holds, in source order.
#[derive(Clone, Debug, Default)]
pub struct Script {
    /// Simple commands, those of `sh -c '…'` strings and substitutions included.
    pub commands: Vec<Command>,
    /// Spans of every pipeline (`a | b`), substitutions included.
    pub pipelines: Vec<Range<usize>>,
    pub redirects: Vec<Redirect>,
    pub heredocs: Vec<Heredoc>,
    /// `set -o pipefail` (or `set -eo pipefail`, ...) appears.
    pub sets_pipefail: bool,
    /// Simple commands outside substitutions.
    pub top_level: usize,
    /// tree-sitter-bash found a syntax error (what it recovered is still here).
    pub has_error: bool,
    /// ShellCheck's problems in the script itself (not in the `sh -c` strings it runs),
    /// spans in the text given to [`parse_checked`]; [`parse`] leaves it empty.
    pub problems: Vec<tollgate_rules::Finding>,
}

thread_local! {
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

/// Parses `text` (a script, a RUN's shell text, a heredoc body) and collects its commands.
pub fn parse(text: &str) -> Script {
    let mut script = Script::default();
    collect(text, 0, &mut script, 0, None);
    script
}

/// As [`parse`], and ShellCheck's problems of the script too (`Script::problems`), for the
/// callers that report them, with the script run by `shell`.
pub fn parse_checked(text: &str, shell: Shell) -> Script {
    let mut script = Script::default();
    collect(text, 0, &mut script, 0, Some(shell));
    script
}

/// Collects the commands of `text`, whose spans start at `offset` in the outer script, and
/// with `checks` the problems of `text` itself for the shell that runs it.
fn collect(text: &str, offset: usize, script: &mut Script, depth: usize, checks: Option<Shell>) {
    if depth > 4 || text.trim().is_empty() {
        return;
    }
    let tree = PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let parser = slot.get_or_insert_with(|| {
            let mut parser = Parser::new();
            parser
                .set_language(&tree_sitter_bash::LANGUAGE.into())
                .expect("tree-sitter-bash matches the tree-sitter version");
            parser
        });
        parser.parse(text, None)
    });
    let Some(tree) = tree else { return };
    script.has_error |= tree.root_node().has_error();
    if let Some(shell) = checks {
        crate::shell_checks::check(tree.root_node(), text, shell, &mut script.problems);
    }
    let mut walker = Walker {
        text,
        offset,
        script,
        depth,
        next_pipeline: 0,
    };
    walker.visit(tree.root_node(), false, None, 0);
}

struct Walker<'a> {
    text: &'a str,
    /// Where `text` starts in the outer script.
    offset: usize,
    script: &'a mut Script,
    depth: usize,
    next_pipeline: usize,
}

impl Walker<'_> {
    fn text(&self, node: Node) -> &str {
        self.text.get(node.byte_range()).unwrap_or("")
    }

    fn span(&self, range: Range<usize>) -> Range<usize> {
        self.offset + range.start..self.offset + range.end
    }

    fn word(&self, node: Node) -> Word {
        Word {
            span: self.span(node.byte_range()),
            value: self.unquote(node),
        }
    }

    fn visit(&mut self, node: Node, in_sub: bool, pipeline: Option<usize>, pipe_index: usize) {
        let mut stack = vec![(node, in_sub, pipeline, pipe_index)];
        while let Some((node, in_sub, pipeline, pipe_index)) = stack.pop() {
            match node.kind() {
                "command" => {
                    self.command(node, in_sub, pipeline, pipe_index);
                    // Substitutions inside arguments hold commands too.
                    let mut cursor = node.walk();
                    let children: Vec<Node> = node.children(&mut cursor).collect();
                    for child in children.into_iter().rev() {
                        if child.kind() != "command_name" {
                            stack.push((child, in_sub, None, 0));
                        }
                    }
                    continue;
                }
                "pipeline" => {
                    self.script.pipelines.push(self.span(node.byte_range()));
                    let id = self.next_pipeline;
                    self.next_pipeline += 1;
                    let mut cursor = node.walk();
                    let children: Vec<Node> = node.named_children(&mut cursor).collect();
                    for (i, child) in children.into_iter().enumerate().rev() {
                        stack.push((child, in_sub, Some(id), i));
                    }
                    continue;
                }
                "command_substitution" | "process_substitution" => {
                    let mut cursor = node.walk();
                    let children: Vec<Node> = node.named_children(&mut cursor).collect();
                    for child in children.into_iter().rev() {
                        stack.push((child, true, None, 0));
                    }
                    continue;
                }
                "file_redirect" | "herestring_redirect" | "heredoc_redirect" => self.redirect(node),
                "heredoc_body" | "comment" => continue,
                _ => {}
            }
            let mut cursor = node.walk();
            let children: Vec<Node> = node.named_children(&mut cursor).collect();
            // A redirected command keeps its place in the pipeline.
            let keep = node.kind() == "redirected_statement" || node.kind() == "negated_command";
            for child in children.into_iter().rev() {
                let (p, i) = if keep { (pipeline, pipe_index) } else { (None, 0) };
                stack.push((child, in_sub, p, i));
            }
        }
    }

    fn redirect(&mut self, node: Node) {
        let mut cursor = node.walk();
        let children: Vec<Node> = node.children(&mut cursor).collect();
        let operator = children
            .iter()
            .find(|child| !child.is_named())
            .map_or_else(String::new, |child| child.kind().to_string());
        let target = children
            .iter()
            .find(|child| {
                child.is_named() && !matches!(child.kind(), "file_descriptor" | "heredoc_body" | "heredoc_end")
            })
            .map(|child| self.word(*child));
        if node.kind() == "heredoc_redirect" {
            let start = children.iter().find(|child| child.kind() == "heredoc_start");
            let body = children.iter().find(|child| child.kind() == "heredoc_body");
            if let (Some(start), Some(body)) = (start, body) {
                self.script.heredocs.push(Heredoc {
                    delimiter: self.text(*start).to_string(),
                    body: self.span(body.byte_range()),
                });
            }
        }
        self.script.redirects.push(Redirect {
            span: self.span(node.byte_range()),
            operator,
            target,
        });
    }

    fn command(&mut self, node: Node, in_sub: bool, pipeline: Option<usize>, pipe_index: usize) {
        let Some(name_node) = node.child_by_field_name("name") else {
            return;
        };
        let name = self.word(name_node);
        let mut cursor = node.walk();
        let args: Vec<Word> = node
            .children_by_field_name("argument", &mut cursor)
            .map(|arg| self.word(arg))
            .collect();
        let command = Command {
            span: self.span(name_node.start_byte()..node.end_byte()),
            name,
            args,
            pipeline,
            pipe_index,
            in_substitution: in_sub,
        };
        if command.is("set") {
            let values: Vec<&str> = command.arg_values().collect();
            if values
                .windows(2)
                .any(|w| w[0].starts_with('-') && w[0].contains('o') && w[1] == "pipefail")
            {
                self.script.sets_pipefail = true;
            }
        }
        if !in_sub {
            self.script.top_level += 1;
        }
        // `sh -c '...'`: the string is a script of its own.
        let inner = if is_posix_shell(command.program()) {
            let mut cursor = node.walk();
            let args: Vec<Node> = node.children_by_field_name("argument", &mut cursor).collect();
            args.iter()
                .position(|a| {
                    let t = self.text(*a);
                    t.starts_with('-') && !t.starts_with("--") && t.contains('c')
                })
                .and_then(|i| args.get(i + 1).copied())
        } else {
            None
        };
        self.script.commands.push(command);
        if let Some(string) = inner {
            let range = string.byte_range();
            let quoted = matches!(string.kind(), "raw_string" | "string");
            let from = if quoted && range.len() >= 2 {
                range.start + 1
            } else {
                range.start
            };
            let len = if quoted && range.len() >= 2 {
                range.len() - 2
            } else {
                range.len()
            };
            let mut end = (from + len).min(self.text.len());
            while !self.text.is_char_boundary(end) {
                end -= 1;
            }
            let mut nested = Script::default();
            collect(
                &self.text[from..end],
                self.offset + from,
                &mut nested,
                self.depth + 1,
                None,
            );
            let offset = self.next_pipeline;
            for mut command in nested.commands {
                command.pipeline = command.pipeline.map(|p| p + offset + 1000);
                command.in_substitution |= in_sub;
                self.script.commands.push(command);
            }
            self.script.pipelines.extend(nested.pipelines);
            self.script.redirects.extend(nested.redirects);
            self.script.heredocs.extend(nested.heredocs);
            self.script.sets_pipefail |= nested.sets_pipefail;
            self.script.has_error |= nested.has_error;
            if !in_sub {
                self.script.top_level += nested.top_level.saturating_sub(1);
            }
        }
    }

    /// The value a shell would pass: quotes removed, escapes resolved; expansions stay
    /// as written.
    fn unquote(&self, node: Node) -> String {
        match node.kind() {
            "raw_string" => {
                let t = self.text(node);
                t.strip_prefix('\'')
                    .and_then(|t| t.strip_suffix('\''))
                    .unwrap_or(t)
                    .to_string()
            }
            "ansi_c_string" => {
                let t = self.text(node);
                t.strip_prefix("$'")
                    .and_then(|t| t.strip_suffix('\''))
                    .unwrap_or(t)
                    .to_string()
            }
            "string" => {
                let t = self.text(node);
                let inner = t.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(t);
                unescape(inner, true)
            }
            "concatenation" | "command_name" => {
                let mut out = String::new();
                let mut cursor = node.walk();
                let mut last = node.start_byte();
                for child in node.children(&mut cursor) {
                    // Text between children (e.g. an unnamed `=`) is kept.
                    if child.start_byte() > last {
                        out.push_str(self.text.get(last..child.start_byte()).unwrap_or(""));
                    }
                    out.push_str(&self.unquote(child));
                    last = child.end_byte();
                }
                if node.end_byte() > last {
                    out.push_str(self.text.get(last..node.end_byte()).unwrap_or(""));
                }
                out
            }
            "word" => unescape(self.text(node), false),
            _ => self.text(node).to_string(),
        }
    }
}

fn unescape(text: &str, in_double_quotes: bool) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next) if !in_double_quotes || matches!(next, '"' | '\\' | '$' | '`') => out.push(next),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &Script) -> Vec<&str> {
        s.commands.iter().map(|c| c.name.value.as_str()).collect()
    }

    #[test]
    fn commands_through_operators_and_subshells() {
        let s = parse("apt-get update && (cd /x || exit 1); echo a | grep b");
        assert_eq!(names(&s), ["apt-get", "cd", "exit", "echo", "grep"]);
        assert_eq!(s.pipelines.len(), 1);
        let grep = &s.commands[4];
        assert_eq!(grep.pipe_index, 1);
        assert_eq!(grep.pipeline, s.commands[3].pipeline);
        assert_eq!(s.top_level, 5);
        assert!(!s.has_error);
    }

    #[test]
    fn arguments_are_unquoted_with_spans() {
        let text = "pip install 'requests==2.0' \"flask\" --no-cache-dir";
        let s = parse(text);
        let pip = &s.commands[0];
        let values: Vec<_> = pip.arg_values().collect();
        assert_eq!(values, ["install", "requests==2.0", "flask", "--no-cache-dir"]);
        assert_eq!(&text[pip.args[1].span.clone()], "'requests==2.0'");
    }

    #[test]
    fn sh_c_strings_are_scripts() {
        let text = "sh -c 'apt-get install -y curl && rm -rf /x'";
        let s = parse(text);
        assert_eq!(names(&s), ["sh", "apt-get", "rm"]);
        let curl = &s.commands[1].args[2];
        assert_eq!(&text[curl.span.clone()], "curl");
    }

    #[test]
    fn pipefail_and_substitutions() {
        let s = parse("set -eux -o pipefail; v=$(curl x | sha256sum)");
        assert!(s.sets_pipefail);
        assert_eq!(s.pipelines.len(), 1);
        assert!(s.commands.iter().any(|c| c.is("curl") && c.in_substitution));
    }

    #[test]
    fn redirections_and_heredocs() {
        let text = "make 2>&1 > build.log\ncat <<'EOF' | sh\necho inside\nEOF\n";
        let s = parse(text);
        // A heredoc's body is data, not commands.
        assert_eq!(names(&s), ["make", "cat", "sh"]);
        let redirects: Vec<_> = s
            .redirects
            .iter()
            .map(|r| (r.operator.as_str(), r.target.as_ref().map(|t| t.value.as_str())))
            .collect();
        assert_eq!(
            redirects,
            [(">&", Some("1")), (">", Some("build.log")), ("<<", Some("'EOF'"))]
        );
        assert_eq!(s.heredocs.len(), 1);
        assert_eq!(s.heredocs[0].delimiter, "'EOF'");
        assert_eq!(&text[s.heredocs[0].body.clone()], "echo inside\n");
    }

    #[test]
    fn syntax_errors_are_flagged() {
        assert!(parse("if true; then").has_error);
        assert!(!parse("if true; then echo; fi").has_error);
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

    #[test]
    fn one_list_of_shells() {
        assert!(is_posix_shell("bash") && is_posix_shell("sh"));
        assert!(!is_posix_shell("pwsh") && !is_posix_shell("python"));
    }
}
