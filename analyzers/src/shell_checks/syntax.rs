//! Mistakes at the level of the shell's syntax (ShellCheck's SC1xxx family and its later
//! renumberings): words and characters that do not mean what they look like, assignments
//! that are commands, keywords and quotes out of place. tree-sitter-bash recovers from most
//! of them, so each is read from the recovered tree and the text around it.

use std::ops::Range;

use tollgate_rules::{shell, Finding};
use tree_sitter::Node;

use super::{coded, source, Context};

/// Keywords that end or continue a compound command: as the last argument of a command they
/// are a missing `;` (`echo $f done`).
const CLOSING_KEYWORDS: &[&str] = &["done", "fi", "esac", "then", "do"];

/// Keywords that a capitalised command name most likely meant (`If`, `Done`).
const KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
];

/// A simple command: its name and arguments.
pub fn command(node: Node, text: &str, out: &mut Vec<Finding>) {
    let Some(name) = node.child_by_field_name("name") else {
        return;
    };
    let name_text = source(name, text);
    let mut cursor = node.walk();
    let args: Vec<Node> = node.children_by_field_name("argument", &mut cursor).collect();

    let lower = name_text.to_ascii_lowercase();
    if name_text != lower && KEYWORDS.contains(&lower.as_str()) && name_text[1..] == lower[1..] {
        out.push(coded(
            shell::MISPLACED_KEYWORD,
            name.byte_range(),
            "SC1081",
            format!(
                "`{name_text}` is a command name here, not the keyword: the shell is case-sensitive, write `{lower}`"
            ),
        ));
    }
    if let Some(last) = args.last().filter(|last| last.kind() == "word") {
        let word = source(*last, text);
        if CLOSING_KEYWORDS.contains(&word) {
            out.push(coded(
                shell::MISPLACED_KEYWORD,
                last.byte_range(),
                "SC1010",
                format!("`{word}` is an argument of `{name_text}` here: put `;` or a line break before it, or quote it if it is a word to print"),
            ));
        }
    }
    if is_identifier(name_text) && args.first().is_some_and(|a| source(*a, text) == "=") {
        out.push(coded(
            shell::MALFORMED_ASSIGNMENT,
            name.start_byte()..args[0].end_byte(),
            "SC2283",
            format!("`{name_text} = …` runs a command named `{name_text}`: an assignment has no spaces around `=`"),
        ));
    }
    if let Some(assigned) = dollar_assignment(name_text) {
        out.push(coded(
            shell::DOLLAR_ON_ASSIGNED_NAME,
            name.byte_range(),
            "SC2281",
            format!("`{name_text}` runs a command: to assign, write `{assigned}=…` without `$`"),
        ));
    }
    // `FOO= bar`: FOO is set to the empty string for `bar`'s run.
    let mut children = node.walk();
    let first = node.named_children(&mut children).next();
    // `IFS= read -r line` is the idiom for reading a line as is: ShellCheck accepts it.
    let empties = |a: &Node| {
        a.kind() == "variable_assignment"
            && a.child_by_field_name("value").is_none()
            && a.child_by_field_name("name").is_none_or(|n| source(n, text) != "IFS")
    };
    if let Some(assignment) = first.filter(empties) {
        if text
            .as_bytes()
            .get(assignment.end_byte())
            .is_some_and(|b| *b == b' ' || *b == b'\t')
        {
            let written = source(assignment, text);
            out.push(coded(
                shell::MALFORMED_ASSIGNMENT,
                assignment.byte_range(),
                "SC1007",
                format!("`{written} {name_text}` runs `{name_text}` with an empty variable: remove the space to assign, or write `{written}''` if empty is meant"),
            ));
        }
    }
    if name_text.len() > 1 && name_text.ends_with('#') {
        out.push(coded(
            shell::MISSING_SPACE,
            name.byte_range(),
            "SC2288",
            format!("`{name_text}` is a command name ending in `#`: put a space before `#` to start a comment"),
        ));
    }
    if (name_text.starts_with('[') && !matches!(name_text, "[" | "[[")) && name_text.len() > 1 {
        out.push(coded(
            shell::MISSING_SPACE,
            name.byte_range(),
            "SC1035",
            format!("`{name_text}` is a command name: `[` needs a space after it"),
        ));
    }
    // `f(a b) { … }`: the parameter list parses as a subshell glued to the name.
    if let Some(subshell) = node
        .named_children(&mut node.walk())
        .find(|c| c.kind() == "subshell" && c.start_byte() == name.end_byte())
    {
        let body_follows = node
            .next_sibling()
            .or_else(|| {
                node.parent()
                    .filter(|p| p.kind() == "ERROR")
                    .and_then(|p| p.next_sibling())
            })
            .is_some_and(|next| source(next, text).trim_start().starts_with('{'));
        if body_follows {
            out.push(coded(
                shell::FUNCTION_PARAMETERS,
                name.start_byte()..subshell.end_byte(),
                "SC1065",
                format!("`{}` declares parameters, which shell functions do not have: write `{name_text}()` and read `$1`, `$2`", source(node, text)),
            ));
        }
    }
    // `for $i in …`: tree-sitter leaves `for` in an error and reads `$i in …` as a command.
    if name_text.starts_with('$')
        && args.first().is_some_and(|a| source(*a, text) == "in")
        && node
            .prev_sibling()
            .is_some_and(|prev| prev.kind() == "ERROR" && source(prev, text).trim_end().ends_with("for"))
    {
        out.push(coded(
            shell::DOLLAR_ON_ASSIGNED_NAME,
            name.byte_range(),
            "SC1086",
            format!(
                "`for {name_text} in` names the loop variable with `$`: write `for {} in`",
                name_text.trim_start_matches('$').trim_matches(['{', '}'])
            ),
        ));
    }
    if name_text == "eval" {
        eval_syntax(node, text, out);
    }
}

/// `$name=…` or `${name}=…` as a command name: the name it meant to assign.
fn dollar_assignment(word: &str) -> Option<&str> {
    let rest = word.strip_prefix('$')?;
    let (name, after) = match rest.strip_prefix('{') {
        Some(braced) => {
            let end = braced.find('}')?;
            (&braced[..end], &braced[end + 1..])
        }
        None => {
            let end = rest.find('=')?;
            (&rest[..end], &rest[end..])
        }
    };
    (is_identifier(name) && after.starts_with('=') && !after.starts_with("==")).then_some(name)
}

fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `eval … a=(b)`: the shell parses the unquoted parentheses before eval runs, so the
/// command ends at `a=` and `(b)` is a syntax error.
fn eval_syntax(node: Node, text: &str, out: &mut Vec<Finding>) {
    let mut cursor = node.walk();
    let parts: Vec<Node> = node.children(&mut cursor).collect();
    for pair in parts.windows(2) {
        let (before, subshell) = (pair[0], pair[1]);
        if subshell.kind() == "subshell"
            && subshell.start_byte() == before.end_byte()
            && source(before, text).ends_with('=')
        {
            out.push(coded(
                shell::EVAL_SPECIAL_CHARACTERS,
                node.start_byte()..subshell.end_byte(),
                "SC1098",
                format!(
                    "the shell parses `{}` before eval sees it: quote the string given to eval",
                    source(subshell, text)
                ),
            ));
            return;
        }
    }
}

/// `a==b`: assigns `=b`.
pub fn assignment(node: Node, text: &str, out: &mut Vec<Finding>) {
    let Some(value) = node.child_by_field_name("value") else {
        return;
    };
    let written = source(node, text);
    if source(value, text).starts_with('=') && !written.contains("+=") {
        out.push(coded(
            shell::MALFORMED_ASSIGNMENT,
            node.byte_range(),
            "SC1097",
            format!(
                "`{written}` assigns a value starting with `=`: to assign write one `=`, to compare use `[ a = b ]`"
            ),
        ));
    }
}

/// Checks on any node: words outside quotes, expansions, functions, tests, and the
/// concatenations of quoted strings.
pub fn node(node: Node, text: &str, context: &Context, out: &mut Vec<Finding>) {
    match node.kind() {
        "word" | "concatenation"
            if (node.kind() == "concatenation" || !context.in_concatenation) && !context.quoted =>
        {
            let bare = bare_text(node, text);
            let start = node.start_byte();
            escapes(start, &bare, out);
            braces(start, &bare, out);
            lookalikes(start, &bare, out);
            literal_dollar(start, &bare, out);
            if node.kind() == "concatenation" {
                quote_nesting(node, text, out);
            }
        }
        "simple_expansion" => array_without_braces(node, text, out),
        "function_definition" => {
            if let Some(name) = node.child_by_field_name("name") {
                if text.as_bytes().get(name.end_byte()) == Some(&b'{') {
                    out.push(coded(
                        shell::MISSING_SPACE,
                        name.byte_range(),
                        "SC1095",
                        format!(
                            "`{}{{` has no space between the function's name and body",
                            source(name, text)
                        ),
                    ));
                }
            }
        }
        "test_command" => test_spacing(node, text, out),
        "concatenation" => quote_nesting(node, text, out),
        "comment" => glued_comment(node, text, out),
        "ERROR" if source(node, text) == ";" && node.prev_sibling().is_some_and(|prev| prev.kind() == "&") => {
            out.push(coded(
                shell::BACKGROUND_THEN_SEMICOLON,
                node.byte_range(),
                "SC1045",
                "`&;`: `&` already ends the command (and runs it in the background); remove the `;`".to_string(),
            ));
        }
        _ => {}
    }
}

/// The word's text with what quotes and expansions hold blanked to NUL bytes of the same
/// length, so that offsets stay the word's: only the bare characters are left to read.
fn bare_text(node: Node, text: &str) -> String {
    let written = source(node, text);
    if node.kind() == "word" {
        return written.to_string();
    }
    let mut bytes = written.as_bytes().to_vec();
    let mut cursor = node.walk();
    for part in node
        .children(&mut cursor)
        .filter(|p| !matches!(p.kind(), "word" | "ERROR"))
    {
        let range = part.start_byte() - node.start_byte()..part.end_byte() - node.start_byte();
        bytes.get_mut(range).into_iter().flatten().for_each(|b| *b = 0);
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// `hello\world`, `\n` outside quotes: the backslash is removed and the letter stays.
fn escapes(start: usize, written: &str, out: &mut Vec<Finding>) {
    let bytes = written.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\\' {
            let next = bytes[i + 1];
            if next.is_ascii_alphanumeric() || next == b'-' {
                let code = if matches!(next, b'n' | b't' | b'r') {
                    "SC1012"
                } else {
                    "SC1001"
                };
                let at = start + i;
                let c = next as char;
                out.push(coded(
                    shell::USELESS_ESCAPE,
                    at..at + 2,
                    code,
                    format!("`\\{c}` outside quotes is a plain `{c}`: the shell drops the backslash; quote the word if the command should see `\\{c}`"),
                ));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// `{a}`, a lone `}`: braces that are neither a group, a brace expansion (`{a,b}`,
/// `{1..3}`) nor find's `{}`. Reported once per word, at the first.
fn braces(start: usize, written: &str, out: &mut Vec<Finding>) {
    let bytes = written.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'}') => i += 1,
            b'{' => {
                let close = written[i..].find('}').map(|e| i + e);
                let list = close.is_some_and(|c| {
                    let inner = &written[i + 1..c];
                    inner.contains(',') || inner.contains("..")
                });
                if !list {
                    return literal_brace(start + i, '{', out);
                }
                i = close.unwrap_or(i);
            }
            b'}' => return literal_brace(start + i, '}', out),
            _ => {}
        }
        i += 1;
    }
}

fn literal_brace(at: usize, c: char, out: &mut Vec<Finding>) {
    out.push(coded(
        shell::LITERAL_BRACE,
        at..at + 1,
        "SC1083",
        format!("this `{c}` is literal: a missing `;` or line break before it, or quote it"),
    ));
}

/// Unicode spaces and quotes pasted from a web page or a word processor: the first of
/// each kind in a word.
fn lookalikes(start: usize, written: &str, out: &mut Vec<Finding>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, c) in written.char_indices() {
        let (code, what) = match c {
            '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                ("SC1018", "a Unicode space, which the shell does not split at")
            }
            '\u{201c}' | '\u{201d}' => (
                "SC1015",
                "a Unicode double quote, which the shell does not treat as a quote",
            ),
            '\u{2018}' | '\u{2019}' => (
                "SC1016",
                "a Unicode single quote, which the shell does not treat as a quote",
            ),
            '\u{b4}' => (
                "SC1077",
                "an acute accent, not the backtick of a command substitution (use `$(…)`)",
            ),
            _ => continue,
        };
        if seen.contains(&code) {
            continue;
        }
        seen.push(code);
        let at = start + i;
        out.push(coded(
            shell::UNICODE_LOOKALIKE,
            at..at + c.len_utf8(),
            code,
            format!("`{c}` is {what}: delete it and type the ASCII character"),
        ));
    }
}

/// `$%`, `$=` inside a word: a `$` that starts nothing. (`$` alone or at a word's end is
/// common and harmless.)
fn literal_dollar(start: usize, written: &str, out: &mut Vec<Finding>) {
    let bytes = written.as_bytes();
    for (i, pair) in bytes.windows(2).enumerate() {
        if pair[0] == b'$' && (i == 0 || bytes[i - 1] != b'\\') && b"%^+=,.:/]}~".contains(&pair[1]) {
            let at = start + i;
            out.push(coded(
                shell::LITERAL_DOLLAR,
                at..at + 1,
                "SC1000",
                format!(
                    "`${}` starts no expansion and the `$` is kept as is: escape it (`\\$`) or single-quote the word",
                    pair[1] as char
                ),
            ));
        }
    }
}

/// `"$name[1]"`: the shell expands `$name` and appends `[1]`.
fn array_without_braces(node: Node, text: &str, out: &mut Vec<Finding>) {
    let written = source(node, text);
    if written.len() < 2 || written.as_bytes()[1].is_ascii_digit() || !is_identifier(&written[1..]) {
        return;
    }
    let Some(next) = node.next_sibling() else { return };
    let after = source(next, text);
    if next.start_byte() == node.end_byte() && after.starts_with('[') && after.len() > 1 {
        out.push(coded(
            shell::ARRAY_WITHOUT_BRACES,
            node.start_byte()
                ..next
                    .end_byte()
                    .min(node.end_byte() + after.find(']').map_or(1, |e| e + 1)),
            "SC1087",
            format!(
                "`{written}[…]` expands `{written}` and appends the brackets: write `${{{}[…]}}` for an element",
                &written[1..]
            ),
        ));
    }
}

/// `[-f x ]`, `[ -f x]`: the brackets need spaces.
fn test_spacing(node: Node, text: &str, out: &mut Vec<Finding>) {
    let written = source(node, text);
    let (open, close) = if written.starts_with("[[") {
        ("[[", "]]")
    } else {
        ("[", "]")
    };
    let inner = &written[open.len().min(written.len())..];
    let (code, span, what) = if !inner.starts_with([' ', '\t', '\\', '\n']) {
        (
            "SC1035",
            node.start_byte()..node.start_byte() + open.len(),
            format!("after `{open}`"),
        )
    } else if written.ends_with(close) && !written[..written.len() - close.len()].ends_with([' ', '\t', '\n']) {
        let end = node.end_byte();
        ("SC1020", end - close.len()..end, format!("before `{close}`"))
    } else {
        return;
    };
    out.push(coded(
        shell::MISSING_SPACE,
        span,
        code,
        format!("the test needs a space {what}: `{open}` and `{close}` are words of their own"),
    ));
}

/// `'a'b'c'` and `"a"b"c"`: a bare word between two quoted strings of the same kind, most
/// often an attempt to nest quotes.
fn quote_nesting(node: Node, text: &str, out: &mut Vec<Finding>) {
    let mut cursor = node.walk();
    let parts: Vec<Node> = node.children(&mut cursor).collect();
    for window in parts.windows(3) {
        let [a, b, c] = [window[0], window[1], window[2]];
        if a.kind() != c.kind() || b.kind() != "word" && b.kind() != "number" {
            continue;
        }
        let middle = source(b, text);
        let (code, fires) = match a.kind() {
            "raw_string" => ("SC2026", middle.chars().all(|ch| ch.is_ascii_alphanumeric())),
            "string" => (
                "SC2140",
                !middle.chars().all(|ch| ch == '/') && !has_expansion(a) && !has_expansion(c),
            ),
            _ => continue,
        };
        if fires && !middle.is_empty() {
            out.push(coded(
                shell::WORD_BETWEEN_QUOTES,
                b.byte_range(),
                code,
                format!("`{middle}` is outside the quotes around it: to nest quotes escape them, or quote the whole word once"),
            ));
        }
    }
}

fn has_expansion(node: Node) -> bool {
    let mut cursor = node.walk();
    let found = node
        .named_children(&mut cursor)
        .any(|c| matches!(c.kind(), "simple_expansion" | "expansion" | "command_substitution"));
    found
}

/// Problems of the script's text as a whole: an unclosed double quote.
pub fn script(root: Node, text: &str, out: &mut Vec<Finding>) {
    if root.has_error() {
        if let Some((open, suspect)) = unclosed_quote(text) {
            out.push(coded(
                shell::UNCLOSED_QUOTE,
                open..open + 1,
                "SC1078",
                "this double quote opens a string that is never closed".to_string(),
            ));
            if let Some(at) = suspect {
                out.push(coded(
                    shell::UNCLOSED_QUOTE,
                    at..at + 1,
                    "SC1079",
                    "this quote closes the string before it, but the letter after it suggests it was meant to open one"
                        .to_string(),
                ));
            }
        }
    }
}

/// The byte of a double quote left open at the end of `text` (outside single quotes and
/// escapes), and of the closing quote before it when a letter follows it (`"abc"x" def`).
fn unclosed_quote(text: &str) -> Option<(usize, Option<usize>)> {
    let bytes = text.as_bytes();
    let (mut in_double, mut in_single) = (false, false);
    let mut open = 0;
    let mut suspect = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if !in_single => i += 1,
            b'\'' if !in_double => in_single = !in_single,
            b'"' if !in_single => {
                if in_double && bytes.get(i + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                    suspect = Some(i);
                }
                in_double = !in_double;
                open = i;
            }
            _ => {}
        }
        i += 1;
    }
    in_double.then_some((open, suspect.filter(|s| *s < open)))
}

/// `fi# note`, `true# note`: tree-sitter starts a comment at the `#`; the shell does not,
/// as `#` starts a comment only at the start of a word.
fn glued_comment(node: Node, text: &str, out: &mut Vec<Finding>) {
    let start = node.start_byte();
    let before =
        text[..start].trim_end_matches(|c: char| !c.is_whitespace() && !matches!(c, ';' | '&' | '|' | '(' | ')'));
    let word = &text[before.len()..start];
    if !word.is_empty() {
        let code = if CLOSING_KEYWORDS.contains(&word) || word == "}" {
            "SC1099"
        } else {
            "SC2288"
        };
        out.push(coded(
            shell::MISSING_SPACE,
            Range {
                start: before.len(),
                end: start + 1,
            },
            code,
            format!("`{word}#` has no space before `#`, so it is not a comment: put a space before `#`"),
        ));
    }
}
