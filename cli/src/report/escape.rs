//! Escaping for each sink that untrusted text (file names, file contents, messages quoting
//! them) reaches: the terminal and CI logs, and Markdown. JSON, SARIF and GitLab go through
//! serde_json; GitHub workflow commands escape in `github.rs`.
//!
//! A CI log is a terminal whose runner also reads commands from it: GitHub's runner takes a
//! line whose first non-blank characters are `::` as a workflow command (`::add-mask::`,
//! `::stop-commands::`, `::error::`), and an older `##[command]` form anywhere in a line.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters that must never reach a terminal raw: C0 and C1 controls (newlines, `\r`,
/// ESC starting ANSI/OSC sequences, DEL) and the bidirectional overrides that make text
/// display in another order than it reads.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// One line of text for a terminal or CI log: unsafe characters as visible escapes (`\n`,
/// `\r`, `\t`, `\u{1b}`), and the runner's older `##[` command marker broken up.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, false)
}

/// The message or property of a GitHub workflow command: as [`terminal`], except that line
/// breaks stay for the command's own `%0A`/`%0D` escaping, which shows them as line breaks.
pub fn annotation(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, true)
}

fn escape_unsafe(text: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_line_breaks && matches!(c, '\n' | '\r');
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) && !text.contains("##[") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            c if kept(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            '[' if out.ends_with("##") => out.push_str("\\["),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text of several lines (an error message with a source excerpt): each line escaped as
/// [`terminal`], and a line that would start with `::` escaped so that it is not a command.
pub fn terminal_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let line = terminal(line);
            if line.trim_start().starts_with("::") {
                format!("\\{line}")
            } else {
                line.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A path at the start of an output line (`path:line:col: …`): escaped as [`terminal`], and
/// `./` put before a name that starts with `::`, which names the same file.
pub fn line_start_path(path: &str) -> Cow<'_, str> {
    let escaped = terminal(path);
    if escaped.trim_start().starts_with("::") {
        Cow::Owned(format!("./{escaped}"))
    } else {
        escaped
    }
}

/// Text for a Markdown table cell: no raw HTML, no Markdown syntax, no line breaks, no `|`.
/// Every ASCII punctuation character may be backslash-escaped in CommonMark; `<`, `>` and `&`
/// become entities so that no tag or entity is formed.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c if c.is_ascii_punctuation() && !matches!(c, '/' | ':' | ',' | '.' | '-' | '\'' | '"' | '=' | '@') => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_has_no_control_characters() {
        assert_eq!(terminal("plain/path.py"), "plain/path.py");
        assert_eq!(
            terminal("z\n::error title=X::owned\r\u{1b}]8;;x\u{7}.env\t\u{202e}"),
            "z\\n::error title=X::owned\\r\\u{1b}]8;;x\\u{7}.env\\t\\u{202e}"
        );
        assert_eq!(terminal("a ##[add-mask]b"), "a ##\\[add-mask]b");
    }

    #[test]
    fn no_line_starts_a_workflow_command() {
        assert_eq!(line_start_path("::error::x.env"), "./::error::x.env");
        assert_eq!(line_start_path("  ::warning::x"), "./  ::warning::x");
        assert_eq!(line_start_path("src/a::b.py"), "src/a::b.py");
        assert_eq!(
            terminal_lines("first\n  ::add-mask::x\nlast"),
            "first\n\\  ::add-mask::x\nlast"
        );
    }

    #[test]
    fn markdown_cells_cannot_break_out() {
        assert_eq!(
            markdown("a | b\n<img src=x onerror=alert(1)> `code` [l](u) *x* &amp;"),
            "a \\| b &lt;img src=x onerror=alert\\(1\\)&gt; \\`code\\` \\[l\\]\\(u\\) \\*x\\* &amp;amp\\;"
        );
    }
}
