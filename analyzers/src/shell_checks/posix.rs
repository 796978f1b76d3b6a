//! Bash syntax in a script that a POSIX shell runs (RUN's default `/bin/sh`, which is dash
//! on Debian and busybox on Alpine): each construct with ShellCheck's code for it.

use tollgate_rules::{shell, Finding};
use tree_sitter::Node;

use super::{coded, source};

/// One node of a script run by `/bin/sh`.
pub fn node(node: Node, text: &str, out: &mut Vec<Finding>) {
    let written = source(node, text);
    let found: Option<(&str, &str)> = match node.kind() {
        "test_command" if written.starts_with("[[") => Some(("SC3010", "`[[ ]]`")),
        "test_command" => test_double_equals(node).then_some(("SC3014", "`==` in `[ ]`")),
        "array" => Some(("SC3030", "arrays")),
        "subscript" => Some(("SC3054", "array elements (`${a[i]}`)")),
        "brace_expression" => Some(("SC3009", "brace ranges (`{1..3}`)")),
        "herestring_redirect" => Some(("SC3011", "here-strings (`<<<`)")),
        "process_substitution" => Some(("SC3001", "process substitution (`<(…)`)")),
        "ansi_c_string" => Some(("SC3003", "`$'…'` strings")),
        "c_style_for_statement" => Some(("SC3005", "`for ((…))` loops")),
        // `((i++))` stands alone; `$((…))` is POSIX arithmetic.
        "compound_statement" if written.starts_with("((") => Some(("SC3006", "standalone `((…))`")),
        "file_redirect" if written.starts_with("&>") => Some(("SC3020", "`&>` redirection")),
        "expansion" => expansion(written),
        "command" => command(node, text),
        "declaration_command" if written.starts_with("local") => Some(("SC3043", "`local`")),
        _ => None,
    };
    if let Some((code, what)) = found {
        out.push(coded(
            shell::NOT_POSIX,
            node.byte_range(),
            code,
            format!("{what}: Bash syntax, undefined in POSIX sh, which runs this script; run it with bash (`SHELL` in a Dockerfile, `shell: bash` in a workflow) or write it the POSIX way"),
        ));
    }
}

/// `${!name}`, `${x:1:2}`, `${x/a/b}`.
fn expansion(written: &str) -> Option<(&'static str, &'static str)> {
    let inner = written.strip_prefix("${")?.strip_suffix('}')?;
    if inner.starts_with('!') {
        return Some(("SC3053", "indirect expansion (`${!name}`)"));
    }
    let name_end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let operator = &inner[name_end..];
    if operator.starts_with('/') {
        return Some(("SC3060", "string replacement (`${x/a/b}`)"));
    }
    // `${x:1}`, `${x: -2}`, `${x:i:2}`; not `${x:-…}`, `${x:=…}`, `${x:?…}`, `${x:+…}`.
    let substring = operator
        .strip_prefix(':')
        .is_some_and(|rest| !rest.starts_with(['-', '=', '?', '+']) && !rest.is_empty());
    substring.then_some(("SC3057", "substrings (`${x:1:2}`)"))
}

/// `[ a == b ]`.
fn test_double_equals(node: Node) -> bool {
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        if node.kind() == "==" {
            return true;
        }
        if matches!(node.kind(), "string" | "raw_string" | "command_substitution") {
            continue;
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor));
    }
    false
}

/// Commands that only Bash has, or options POSIX does not define.
fn command(node: Node, text: &str) -> Option<(&'static str, &'static str)> {
    let name = source(node.child_by_field_name("name")?, text);
    let mut cursor = node.walk();
    let first = node
        .children_by_field_name("argument", &mut cursor)
        .next()
        .map(|arg| source(arg, text));
    match name {
        "source" => Some(("SC3046", "`source` (POSIX has `.`)")),
        "let" => Some(("SC3039", "`let`")),
        "echo"
            if first
                .is_some_and(|f| f.len() > 1 && f.starts_with('-') && f[1..].chars().all(|c| "neE".contains(c))) =>
        {
            Some(("SC3037", "`echo` options"))
        }
        _ => None,
    }
}
