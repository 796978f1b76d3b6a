//! ShellCheck's checks on the tree of a shell script (the shared tree-sitter-bash model of
//! [`crate::shell`]), written from ShellCheck's documented meaning of each code; spans are
//! the script's own. Here: unquoted expansions and substitutions, declarations that hide a
//! command's failure, and loops over one word; [`syntax`] has the parse-level mistakes,
//! [`commands`] the misuses of commands and variables, [`posix`] Bash syntax under /bin/sh.

mod commands;
mod posix;
mod syntax;

use tollgate_rules::{shell, Finding, PropValue, Rule};
use tree_sitter::Node;

/// Which shell runs a script, for the syntax that only some shells have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `/bin/sh` and the shells that are only POSIX (dash, ash, busybox): RUN's default.
    Posix,
    /// bash, zsh, ksh: arrays, `[[ ]]`, `source`, … are theirs.
    Bash,
}

impl Dialect {
    /// The dialect of a shell program (`bash`, `/bin/sh`, `ash`); other programs are taken
    /// to be `sh`.
    pub fn of(program: &str) -> Dialect {
        let base = program.rsplit('/').next().unwrap_or(program);
        match base {
            "bash" | "zsh" | "ksh" | "mksh" => Dialect::Bash,
            _ => Dialect::Posix,
        }
    }
}

/// How the shell runs a script: its dialect, and whether it stops at the first failing
/// command (`-e`, as GitHub Actions runs `bash` and `sh`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shell {
    pub dialect: Dialect,
    pub errexit: bool,
}

impl Shell {
    /// A shell of `dialect` without `-e`: how RUN runs its script (and how hadolint hands it
    /// to ShellCheck, whatever `SHELL` says).
    pub fn plain(dialect: Dialect) -> Shell {
        Shell {
            dialect,
            errexit: false,
        }
    }
}

/// Every problem in the script whose tree is `root`, over `text`, run by `shell`.
pub fn check(root: Node, text: &str, shell: Shell, out: &mut Vec<Finding>) {
    let dialect = shell.dialect;
    let first = out.len();
    // Every assignment: (name, where, whether to one plain word); in no order.
    let mut assigned = Vec::new();
    let mut variables = commands::Variables::default();
    let sets_errexit = shell.errexit || commands::sets_errexit(root, text);
    // Each node with what its ancestors say (tree-sitter's `parent()` walks down from the
    // root, so asking it for every word of a 10,000-command RUN would be quadratic).
    let mut stack = vec![(root, Context::default())];
    while let Some((node, context)) = stack.pop() {
        match node.kind() {
            "command" => {
                command(node, text, out);
                syntax::command(node, text, out);
                commands::command(node, text, sets_errexit, context.status_checked, out);
            }
            "declaration_command" => declaration(node, text, out),
            "variable_assignment" => {
                if let Some(name) = node.child_by_field_name("name") {
                    let value = node.child_by_field_name("value");
                    let plain = value.is_some_and(|value| is_plain(value, text));
                    assigned.push((source(name, text).to_string(), node.start_byte(), plain));
                }
                syntax::assignment(node, text, out);
            }
            "for_statement" => for_loop(node, text, out, &mut assigned),
            // `[ … ]` is the `test` command: its words are split; `[[ … ]]` is syntax.
            "test_command" if !source(node, text).starts_with("[[") => test_words(node, text, out),
            "file_redirect" => {
                if let Some(destination) = node.child_by_field_name("destination") {
                    word(destination, text, out);
                }
            }
            "list" => commands::and_or(node, text, out),
            "pipeline" => commands::useless_cat(node, text, out),
            _ => {}
        }
        syntax::node(node, text, &context, out);
        variables.visit(node, text);
        if dialect == Dialect::Posix {
            posix::node(node, text, out);
        }
        let kind = node.kind();
        let mut cursor = node.walk();
        if cursor.goto_first_child() {
            loop {
                let child = cursor.node();
                if child.is_named() {
                    let in_condition = cursor.field_name() == Some("condition");
                    stack.push((child, context.child(kind, in_condition)));
                }
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
    }
    syntax::script(root, text, out);
    variables.report(out);
    // ShellCheck stops at a parse error and reports the parse problems only.
    if root.has_error()
        && out[first..]
            .iter()
            .any(|f| code_of(f).is_some_and(|c| PARSE_ERRORS.contains(&c)))
    {
        let found = out.split_off(first);
        out.extend(
            found
                .into_iter()
                .filter(|f| code_of(f).is_some_and(|code| code.starts_with("SC1"))),
        );
    }
    // A variable the script has just set to a plain word cannot split, as ShellCheck knows:
    // the last assignment before the expansion decides.
    let found = out.split_off(first);
    out.extend(found.into_iter().filter(|finding| {
        let Some(name) = variable_of(finding) else { return true };
        let last = assigned
            .iter()
            .filter(|(n, at, _)| n == name && *at < finding.span.start)
            .max_by_key(|(_, at, _)| *at);
        !last.is_some_and(|(_, _, plain)| *plain)
    }));
}

/// What a node's ancestors say about it.
#[derive(Clone, Copy, Default)]
struct Context {
    /// The parent is a concatenation: the node is a part of a word.
    in_concatenation: bool,
    /// Inside double quotes, a `[[ ]]` or `[ ]` test, arithmetic or a heredoc body, up to the
    /// nearest command: its words are not bare words.
    quoted: bool,
    /// The command's exit status is looked at: in an `&&`/`||` list, negated, or the
    /// condition of `if`/`while`.
    status_checked: bool,
}

impl Context {
    fn child(self, kind: &str, in_condition: bool) -> Context {
        Context {
            in_concatenation: kind == "concatenation",
            quoted: match kind {
                "string" | "arithmetic_expansion" | "test_command" | "heredoc_body" => true,
                "command" | "program" => false,
                _ => self.quoted,
            },
            status_checked: match kind {
                "list" | "negated_command" => true,
                "redirected_statement" => self.status_checked,
                "if_statement" | "while_statement" | "elif_clause" => in_condition,
                _ => false,
            },
        }
    }
}

/// A finding of `rule` that names the ShellCheck `code` it stands for (the rule has several
/// peers; `scripts/compare docker` and readers match on it).
fn coded(rule: &'static Rule, span: std::ops::Range<usize>, code: &str, message: String) -> Finding {
    Finding::new(rule, span, message).with_property("shellcheck", PropValue::Str(code.to_string()))
}

/// The ShellCheck codes that stop ShellCheck's parse: with one of them in a script that
/// tree-sitter could not parse either, only the parse-level problems are reported.
const PARSE_ERRORS: &[&str] = &[
    "SC1010", "SC1020", "SC1035", "SC1045", "SC1065", "SC1078", "SC1079", "SC1081", "SC1086", "SC1095", "SC1098",
    "SC1099",
];

/// The ShellCheck code a finding of a several-peer rule names.
fn code_of(finding: &Finding) -> Option<&str> {
    finding.properties.iter().find_map(|(key, value)| match value {
        PropValue::Str(code) if *key == "shellcheck" => Some(code.as_str()),
        _ => None,
    })
}

/// The variable an `unquoted-expansion` finding names.
pub fn variable_of(finding: &Finding) -> Option<&str> {
    finding.properties.iter().find_map(|(key, value)| match value {
        PropValue::Str(name) if *key == "variable" => Some(name.as_str()),
        _ => None,
    })
}

/// A value that is one plain word, with no expansion, blank or glob: a variable set to it
/// cannot split.
fn is_plain(node: Node, text: &str) -> bool {
    let inner = source(node, text).trim_matches(|c| c == '"' || c == '\'');
    matches!(node.kind(), "word" | "number" | "string" | "raw_string")
        && !inner.contains(|c: char| c.is_whitespace() || "*?[$`".contains(c))
}

fn source<'t>(node: Node, text: &'t str) -> &'t str {
    text.get(node.byte_range()).unwrap_or("")
}

/// The unquoted expansions and substitutions among a command's arguments (its name and
/// what double quotes hold are not split).
fn command(node: Node, text: &str, out: &mut Vec<Finding>) {
    let mut cursor = node.walk();
    for argument in node.children_by_field_name("argument", &mut cursor) {
        word(argument, text, out);
    }
}

/// One word: an expansion or substitution alone, or the unquoted parts of a concatenation.
fn word(node: Node, text: &str, out: &mut Vec<Finding>) {
    if node.kind() == "concatenation" {
        let mut inner = node.walk();
        for part in node.named_children(&mut inner) {
            unquoted(part, text, out);
        }
    } else {
        unquoted(node, text, out);
    }
}

/// The words of `[ … ]`, wherever its expressions nest them (not inside quotes or a
/// substitution, whose commands are checked on their own).
fn test_words(node: Node, text: &str, out: &mut Vec<Finding>) {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "simple_expansion" | "expansion" | "command_substitution" | "concatenation" => word(child, text, out),
                "string" | "raw_string" => {}
                _ => stack.push(child),
            }
        }
    }
}

fn unquoted(node: Node, text: &str, out: &mut Vec<Finding>) {
    let written = source(node, text);
    match node.kind() {
        "simple_expansion" | "expansion" if splits(written) => {
            let mut finding = Finding::new(
                shell::UNQUOTED_EXPANSION,
                node.byte_range(),
                format!("`{written}` is not in double quotes: its value is split at blanks and globbed; write `\"{written}\"`"),
            );
            if let Some(name) = variable_name(written) {
                finding = finding.with_property("variable", PropValue::Str(name.to_string()));
            }
            out.push(finding);
        }
        // `seq` prints numbers. (`echo $(cmd)` and backquotes are split too: ShellCheck
        // reports them with SC2005 or SC2006 besides.)
        "command_substitution" if !prints_numbers(node, text) => out.push(Finding::new(
            shell::UNQUOTED_COMMAND_SUBSTITUTION,
            node.byte_range(),
            format!("`{written}` is not in double quotes: its output is split at blanks and globbed; quote it, or read it into an array"),
        )),
        _ => {}
    }
}

/// A substitution of `seq`, whose output ShellCheck knows to be numbers.
fn prints_numbers(node: Node, text: &str) -> bool {
    let mut cursor = node.walk();
    let first = node.named_children(&mut cursor).next();
    first
        .filter(|inner| inner.kind() == "command")
        .and_then(|inner| inner.child_by_field_name("name"))
        .is_some_and(|name| source(name, text) == "seq")
}

/// The name an expansion reads: `$name`, `${name}`, `${name:-default}` (not `${!name}`,
/// whose variable is another).
fn variable_name(written: &str) -> Option<&str> {
    let rest = written.strip_prefix("${").or_else(|| written.strip_prefix('$'))?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

/// Whether an unquoted `$x` / `${x}` is split into words: the status, count, PID and flag
/// parameters (`$?`, `$#`, `$$`, `$!`, `$-`) and a length (`${#x}`) are numbers or flags;
/// `$@`, `$*` and `${a[@]}` are ShellCheck's other codes (SC2068, SC2048). `${x:+…}` and
/// `${x+…}` are the idiom for an optional argument (`${base:+"--base=$base"}`), which
/// ShellCheck leaves alone.
fn splits(written: &str) -> bool {
    let name = written
        .strip_prefix("${")
        .and_then(|rest| rest.strip_suffix('}'))
        .or_else(|| written.strip_prefix('$'))
        .unwrap_or(written);
    if name.starts_with('#') && name.len() > 1 {
        return false;
    }
    let operator = name.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    if operator.starts_with(":+") || operator.starts_with('+') {
        return false;
    }
    !matches!(name, "?" | "#" | "$" | "!" | "-" | "@" | "*") && !name.contains("[@]") && !name.contains("[*]")
}

/// `export X=$(cmd)`, `local X="$(cmd)"`: the declaration's own status (0) replaces the
/// command's, so `set -e` and `&&` never see the failure.
fn declaration(node: Node, text: &str, out: &mut Vec<Finding>) {
    let keyword = node.child(0).map_or("", |k| source(k, text));
    let mut cursor = node.walk();
    for assignment in node
        .named_children(&mut cursor)
        .filter(|c| c.kind() == "variable_assignment")
    {
        let Some(value) = assignment.child_by_field_name("value") else {
            continue;
        };
        if holds_substitution(value) {
            let name = assignment.child_by_field_name("name").map_or("", |n| source(n, text));
            out.push(Finding::new(
                shell::DECLARATION_MASKS_STATUS,
                assignment.byte_range(),
                format!("`{keyword} {name}=$(…)` hides the command's exit status: assign `{name}=$(…)` first, then `{keyword} {name}`"),
            ));
        }
    }
}

fn holds_substitution(node: Node) -> bool {
    if node.kind() == "command_substitution" {
        return true;
    }
    let mut cursor = node.walk();
    let found = node.named_children(&mut cursor).any(holds_substitution);
    found
}

/// `for x in word; do`: one constant word (no expansion, glob or brace) is one iteration.
/// A `for` over plain words also sets its variable to plain words (`assigned`).
fn for_loop(node: Node, text: &str, out: &mut Vec<Finding>, assigned: &mut Vec<(String, usize, bool)>) {
    let mut cursor = node.walk();
    let values: Vec<Node> = node.children_by_field_name("value", &mut cursor).collect();
    if let Some(variable) = node.child_by_field_name("variable") {
        let plain = !values.is_empty() && values.iter().all(|value| is_plain(*value, text));
        assigned.push((source(variable, text).to_string(), node.start_byte(), plain));
    }
    let [value] = values[..] else { return };
    let written = source(value, text);
    let constant = matches!(value.kind(), "word" | "number") && !written.contains(['*', '?', '[', '{', '$', '`']);
    if constant {
        let variable = node.child_by_field_name("variable").map_or("", |v| source(v, text));
        out.push(Finding::new(
            shell::LOOP_OVER_ONE_WORD,
            value.byte_range(),
            format!("`for {variable} in {written}` runs once: the list is one constant word (a missing `$`, or a list meant to be split?)"),
        ));
    }
}
