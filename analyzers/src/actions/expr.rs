//! `${{ }}` expressions: where they are in the source and what context paths they name.

use std::ops::Range;

/// Whether a string contains a `${{ }}` expression (whose value we cannot know).
pub fn has_expression(text: &str) -> bool {
    text.contains("${{")
}

/// Every `${{ … }}` in `span` of `src`, as byte ranges including the braces.
pub fn expressions(src: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let Some(text) = src.get(span.clone()) else {
        return found;
    };
    let mut from = 0;
    while let Some(open) = text[from..].find("${{") {
        let start = from + open;
        match text[start + 3..].find("}}") {
            Some(close) => {
                let end = start + 3 + close + 2;
                found.push(span.start + start..span.start + end);
                from = end;
            }
            None => break,
        }
    }
    found
}

/// An expression's body, lower-cased with whitespace removed and indexing normalised:
/// `github.event['pull_request'].title` becomes `github.event.pull_request.title`.
pub fn normalize_expression(expr: &str) -> String {
    let body = expr
        .trim()
        .trim_start_matches("${{")
        .trim_end_matches("}}")
        .to_ascii_lowercase();
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '[' => {
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    inner.push(d);
                }
                let inner = inner.trim().trim_matches(|q| q == '\'' || q == '"');
                out.push('.');
                if inner.chars().all(|d| d.is_ascii_digit()) {
                    out.push('*');
                } else {
                    out.push_str(inner);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The dotted context paths in a normalized expression body.
pub fn context_paths(normalized: &str) -> impl Iterator<Item = &str> {
    normalized
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '*' | '-')))
        .filter(|part| part.contains('.') && part.starts_with(|c: char| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_are_normalized() {
        assert_eq!(
            normalize_expression("${{ github.event['pull_request'].Title }}"),
            "github.event.pull_request.title"
        );
        assert_eq!(
            normalize_expression("${{ github.event.commits[0].message }}"),
            "github.event.commits.*.message"
        );
    }
}
