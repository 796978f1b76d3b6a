//! Misuses of commands and variables: `cd` whose failure goes unnoticed, `A && B || C` read
//! as if-then-else, escapes given to `echo`, globs that can turn into options, `cat` into a
//! pipe, and variables that nothing assigns.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tollgate_rules::{shell, Finding, PropValue};
use tree_sitter::Node;

use super::source;

/// A fallback that is harmless when it also runs after B fails (`|| true`, `|| exit 1`,
/// `|| echo "failed"`): ShellCheck does not report these.
const HARMLESS_FALLBACKS: &[&str] = &["true", ":", "exit", "return", "echo", "printf"];

/// A simple command: `echo`, `cd` and the arguments of any command.
pub fn command(node: Node, text: &str, sets_errexit: bool, status_checked: bool, out: &mut Vec<Finding>) {
    let Some(name) = node.child_by_field_name("name") else {
        return;
    };
    let program = source(name, text);
    let mut cursor = node.walk();
    let args: Vec<Node> = node.children_by_field_name("argument", &mut cursor).collect();
    match program {
        "echo" => echo_escapes(&args, text, out),
        "cd" if !sets_errexit && !status_checked => out.push(Finding::new(
            shell::UNCHECKED_CD,
            node.byte_range(),
            format!("`{}` can fail, and the commands after it would run in the wrong directory: write `{} || exit 1`, or `set -e` first", source(node, text), source(node, text)),
        )),
        "printf" | "[" | "test" => {}
        _ => glob_arguments(&args, text, out),
    }
}

/// `set -e`, `set -eux`, `set -o errexit` anywhere in the script: a failing `cd` stops it.
pub fn sets_errexit(_root: Node, text: &str) -> bool {
    text.match_indices("set ").any(|(at, _)| {
        let words = text[at + 4..]
            .split_whitespace()
            .take_while(|w| w.starts_with(['-', '+']) || *w == "errexit");
        let words: Vec<&str> = words.collect();
        let errexit = |w: &&str| {
            w.strip_prefix('-')
                .is_some_and(|letters| !letters.starts_with('-') && letters.contains('e'))
        };
        words.iter().any(errexit) || words.windows(2).any(|w| w[0] == "-o" && w[1] == "errexit")
    })
}

/// `echo "a\nb"`: dash's echo expands the escape, bash's prints it.
fn echo_escapes(args: &[Node], text: &str, out: &mut Vec<Finding>) {
    if args.first().is_some_and(|a| source(*a, text).starts_with('-')) {
        return;
    }
    for arg in args {
        let value = match arg.kind() {
            "string" => unescape_double(source(*arg, text).trim_matches('"')),
            "raw_string" => source(*arg, text).trim_matches('\'').to_string(),
            "word" => unescape_bare(source(*arg, text)),
            _ => continue,
        };
        let escape = value
            .as_bytes()
            .windows(2)
            .find(|pair| pair[0] == b'\\' && b"abefnrtvx0".contains(&pair[1]));
        if let Some(pair) = escape {
            out.push(Finding::new(
                shell::ECHO_ESCAPE,
                arg.byte_range(),
                format!(
                    "`echo` may print `\\{}` as is or expand it, depending on the shell: use `printf`",
                    pair[1] as char
                ),
            ));
            return;
        }
    }
}

/// The value of a double-quoted string's content: `\\`, `\"`, `\$` and `` \` `` lose their
/// backslash, other backslashes stay.
fn unescape_double(inner: &str) -> String {
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| matches!(n, '\\' | '"' | '$' | '`')) {
            value.extend(chars.next());
        } else {
            value.push(c);
        }
    }
    value
}

/// The value of an unquoted word: every backslash escapes the character after it.
fn unescape_bare(word: &str) -> String {
    let mut value = String::with_capacity(word.len());
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            value.extend(chars.next());
        } else {
            value.push(c);
        }
    }
    value
}

/// `rm *.txt`: a file named `-rf` would be an option. Not after `--`, nor a glob that
/// starts with a path (`./*`, `dir/*`).
fn glob_arguments(args: &[Node], text: &str, out: &mut Vec<Finding>) {
    for arg in args {
        let written = source(*arg, text);
        if written == "--" {
            return;
        }
        if written.starts_with('*') && matches!(arg.kind(), "word" | "concatenation") {
            out.push(Finding::new(
                shell::GLOB_AS_OPTION,
                arg.byte_range(),
                format!("a file whose name starts with `-` would be read as an option: write `./{written}`, or `--` before it"),
            ));
        }
    }
}

/// `A && B || C`: C runs when A fails, and also when A succeeds and B fails. Not reported
/// with a harmless fallback, nor as the condition of `if`/`while`.
pub fn and_or(node: Node, text: &str, out: &mut Vec<Finding>) {
    let (Some(left), Some(operator), Some(right)) = (node.child(0), node.child(1), node.child(2)) else {
        return;
    };
    if operator.kind() != "||" || left.kind() != "list" || left.child(1).is_none_or(|op| op.kind() != "&&") {
        return;
    }
    let fallback = if right.kind() == "command" {
        right.child_by_field_name("name").map_or("", |n| source(n, text))
    } else {
        ""
    };
    if HARMLESS_FALLBACKS.contains(&fallback) {
        return;
    }
    let mut child = node;
    while let Some(parent) = child.parent() {
        if matches!(parent.kind(), "if_statement" | "while_statement" | "elif_clause") {
            let mut cursor = parent.walk();
            if parent
                .children_by_field_name("condition", &mut cursor)
                .any(|c| c.id() == child.id())
            {
                return;
            }
        }
        if parent.kind() != "list" {
            break;
        }
        child = parent;
    }
    let and = left.child(1).map_or(node.byte_range(), |op| op.byte_range());
    out.push(Finding::new(
        shell::AND_OR_NOT_IF_ELSE,
        and,
        format!("`{}` is not if-then-else: `{}` also runs when the command before `||` fails; write `if …; then …; else …; fi`", source(node, text), source(right, text)),
    ));
}

/// `cat file | cmd`: `cmd < file` reads the file without another process.
pub fn useless_cat(node: Node, text: &str, out: &mut Vec<Finding>) {
    let mut cursor = node.walk();
    let mut commands = node.named_children(&mut cursor);
    let Some(first) = commands.next().filter(|c| c.kind() == "command") else {
        return;
    };
    if commands.next().is_none()
        || first
            .child_by_field_name("name")
            .is_none_or(|n| source(n, text) != "cat")
    {
        return;
    }
    let mut args = first.walk();
    let args: Vec<Node> = first.children_by_field_name("argument", &mut args).collect();
    if let [file] = args[..] {
        let file = source(file, text);
        if !file.starts_with('-') {
            out.push(Finding::new(
                shell::USELESS_CAT,
                first.byte_range(),
                format!("`cat {file} |` starts a process to read one file: redirect it instead (`cmd < {file}`)"),
            ));
        }
    }
}

/// The variables a script assigns and the ones it reads, for `unassigned-variable`.
#[derive(Default)]
pub struct Variables {
    assigned: HashSet<String>,
    /// First read of each name.
    read: HashMap<String, Range<usize>>,
}

impl Variables {
    pub fn visit(&mut self, node: Node, text: &str) {
        match node.kind() {
            "variable_assignment" | "for_statement" | "select_statement" => {
                let field = if node.kind() == "variable_assignment" {
                    "name"
                } else {
                    "variable"
                };
                if let Some(name) = node.child_by_field_name(field) {
                    self.assigned.insert(source(name, text).to_string());
                }
            }
            // `export x`, `local x`, `declare x`.
            "declaration_command" => {
                let mut cursor = node.walk();
                for child in node.named_children(&mut cursor).filter(|c| c.kind() == "variable_name") {
                    self.assigned.insert(source(child, text).to_string());
                }
            }
            "command" => {
                let program = node.child_by_field_name("name").map_or("", |n| source(n, text));
                if matches!(program, "read" | "getopts" | "mapfile" | "readarray" | "printf") {
                    let mut cursor = node.walk();
                    for arg in node.children_by_field_name("argument", &mut cursor) {
                        self.assigned.insert(source(arg, text).to_string());
                    }
                }
            }
            "simple_expansion" | "expansion" => self.expansion(node, text),
            _ => {}
        }
    }

    fn expansion(&mut self, node: Node, text: &str) {
        let written = source(node, text);
        let mut cursor = node.walk();
        let name = node.named_children(&mut cursor).find_map(|c| match c.kind() {
            "variable_name" => Some(c),
            "subscript" => c.child_by_field_name("name"),
            _ => None,
        });
        let Some(name) = name else { return };
        let name = source(name, text).to_string();
        // `${x:=v}` assigns; `${x:-v}`, `${x-v}`, `${x:?}`, `${x:+v}` handle the unset case.
        let after = written.trim_start_matches("${").trim_start_matches(['#', '!']);
        let operator = after.get(name.len()..).unwrap_or("");
        if operator.starts_with(":=") || operator.starts_with('=') {
            self.assigned.insert(name);
            return;
        }
        if operator.starts_with([':', '-', '?', '+'])
            && !operator.starts_with(":0")
            && !operator[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return;
        }
        if name.chars().any(|c| c.is_ascii_lowercase()) {
            self.read.entry(name).or_insert(node.byte_range());
        }
    }

    pub fn report(self, out: &mut Vec<Finding>) {
        let mut unassigned: Vec<(String, Range<usize>)> = self
            .read
            .into_iter()
            .filter(|(name, _)| !self.assigned.contains(name))
            .collect();
        unassigned.sort_by_key(|(_, span)| span.start);
        for (name, span) in unassigned {
            out.push(
                Finding::new(
                    shell::UNASSIGNED_VARIABLE,
                    span,
                    format!("`{name}` is read but nothing assigns it: not the script, nor an ARG or ENV (Dockerfile) or `env:` (workflow); a typo?"),
                )
                .with_property("variable", PropValue::Str(name)),
            );
        }
    }
}
