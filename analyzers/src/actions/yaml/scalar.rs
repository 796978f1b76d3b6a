//! Scalar decoding: what the source text of a plain, quoted or block scalar means, and
//! where its decoded text sits in the source.

use super::node::Node;

/// Whether a scalar reads as YAML 1.1/1.2 true (GitHub's parser accepts both spellings).
pub fn is_true(node: Option<&Node>) -> bool {
    node.and_then(Node::str)
        .is_some_and(|s| matches!(s, "true" | "True" | "TRUE" | "yes" | "Yes" | "on" | "On"))
}

pub fn is_false(node: Option<&Node>) -> bool {
    node.and_then(Node::str)
        .is_some_and(|s| matches!(s, "false" | "False" | "FALSE" | "no" | "No" | "off" | "Off"))
}

/// A multi-line plain scalar: line breaks fold to spaces, empty lines to newlines.
pub(super) fn fold_plain_text(raw: &str) -> String {
    if !raw.contains('\n') {
        return raw.to_string();
    }
    fold_lines(raw)
}

pub(super) fn fold_quoted_text(inner: &str) -> String {
    if !inner.contains('\n') {
        return inner.to_string();
    }
    fold_lines(inner)
}

fn fold_lines(raw: &str) -> String {
    let mut out = String::new();
    let mut pending_breaks = 0;
    for (i, line) in raw.split('\n').enumerate() {
        let line = if i == 0 { line.trim_end() } else { line.trim() };
        if line.is_empty() && i > 0 {
            pending_breaks += 1;
            continue;
        }
        if i > 0 {
            if pending_breaks > 0 {
                out.extend(std::iter::repeat_n('\n', pending_breaks));
            } else {
                out.push(' ');
            }
        }
        pending_breaks = 0;
        out.push_str(line);
    }
    out
}

pub(super) fn unescape_double_text(inner: &str) -> String {
    if !inner.contains('\\') {
        return fold_quoted_text(inner);
    }
    let folded = fold_quoted_text(inner);
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some(' ') => out.push(' '),
            Some('/') => out.push('/'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some(kind @ ('x' | 'u' | 'U')) => {
                let width = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(width).collect();
                if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A `|` or `>` block scalar (`raw` from its header to its last content byte): the decoded
/// text, and where in `raw` that text is verbatim, which only a one-line scalar is.
pub(super) fn block_scalar(raw: &str, parent: usize) -> (String, Option<usize>) {
    let text = block_scalar_value(raw, parent);
    let line = text.trim_end_matches('\n');
    let verbatim_at = (!line.is_empty() && !line.contains('\n'))
        .then(|| {
            raw.find('\n')
                .and_then(|header| raw[header..].find(line).map(|at| header + at))
        })
        .flatten();
    (text, verbatim_at)
}

/// `|` and `>` block scalars: indentation removed, chomping applied; `>` folds lines. An
/// indentation indicator counts from `parent`, the indentation of the enclosing collection.
fn block_scalar_value(raw: &str, parent: usize) -> String {
    let (header, body) = raw.split_once('\n').unwrap_or((raw, ""));
    let header = header.split('#').next().unwrap_or("").trim();
    let folded = header.starts_with('>');
    let keep = header.contains('+');
    let strip = header.contains('-');
    let explicit: Option<usize> = header.chars().find_map(|c| c.to_digit(10)).map(|d| parent + d as usize);
    let lines: Vec<&str> = body.split('\n').collect();
    let indent = explicit.unwrap_or_else(|| {
        lines
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.len() - line.trim_start_matches(' ').len())
            .next()
            // Only blank lines: they are all indentation (as in libyaml), so the value is
            // empty rather than their spaces.
            .unwrap_or_else(|| lines.iter().map(|line| line.len()).max().unwrap_or(0))
    });
    let mut out = String::new();
    let mut previous_plain = false;
    for line in &lines {
        let content = line.get(indent.min(line.len())..).unwrap_or("");
        if folded {
            let plain = !content.is_empty() && !content.starts_with([' ', '\t']);
            if previous_plain && plain && out.ends_with('\n') {
                out.pop();
                out.push(' ');
            }
            previous_plain = plain;
        }
        out.push_str(content);
        out.push('\n');
    }
    let trimmed_len = out.trim_end_matches('\n').len();
    if strip {
        out.truncate(trimmed_len);
    } else if !keep {
        out.truncate(trimmed_len);
        if trimmed_len > 0 {
            out.push('\n');
        }
    }
    out
}

/// In a line that starts with a plain key, the offset of the key's `:`.
pub(super) fn plain_key_end(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if matches!(bytes.first(), Some(b'-' | b'?' | b':')) && matches!(bytes.get(1), None | Some(b' ')) {
        return None;
    }
    for (i, &byte) in bytes.iter().enumerate() {
        match byte {
            b':' if matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r')) => {
                return (i > 0).then_some(i);
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return None,
            b'[' | b']' | b'{' | b'}' | b',' if i == 0 => return None,
            _ => {}
        }
    }
    None
}
