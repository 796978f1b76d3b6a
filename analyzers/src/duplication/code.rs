//! A lexer for the smells' languages, enough to compare code, not to parse it: names,
//! numbers, strings, and operators a byte at a time. Comments and import lines are dropped;
//! a window may start at the first token of each line.

use super::lexer::{hash_bytes, Token};
use crate::smells::Language;

/// How a language writes comments.
struct Comments {
    /// `//` and `/* */`.
    slashes: bool,
    /// `#` to the end of the line.
    hash: bool,
}

fn comments(family: Language) -> Comments {
    match family {
        Language::Ruby => Comments {
            slashes: false,
            hash: true,
        },
        Language::Php => Comments {
            slashes: true,
            hash: true,
        },
        _ => Comments {
            slashes: true,
            hash: false,
        },
    }
}

/// First words of lines that only name other code.
const IMPORTS: &[&str] = &[
    "import",
    "package",
    "use",
    "using",
    "require",
    "require_relative",
    "include",
    "#include",
    "#import",
];

/// Hands every token of `text` to `emit`, in order.
pub fn for_each_token(text: &str, family: Language, normalize: bool, emit: &mut dyn FnMut(Token)) {
    let style = comments(family);
    let bytes = text.as_bytes();
    // The seed keeps families apart: the same tokens in Go and in Java are not a copy.
    let seed = hash_bytes(family.name().as_bytes());
    let mut line_first = true;
    let mut dropped_line = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = match b {
            b'\n' => {
                line_first = true;
                dropped_line = false;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\x0c' => {
                // Indentation comes in runs.
                i += 1;
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\x0c') {
                    i += 1;
                }
                continue;
            }
            b'/' if style.slashes && bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i);
                continue;
            }
            b'/' if style.slashes && bytes.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&bytes[i + 2..], b"*/").map_or(bytes.len(), |at| i + 2 + at + 2);
                continue;
            }
            b'#' if style.hash && !(family == Language::Php && bytes.get(i + 1) == Some(&b'[')) => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' | b'`' => {
                i = string_end(bytes, i);
                Kind::Literal
            }
            // Rust's lifetimes and labels ('a) are names, not characters.
            b'\'' if family == Language::Rust && is_lifetime(bytes, i) => {
                i += 1;
                i += name_length(&bytes[i..]);
                Kind::Name
            }
            b'\'' => {
                i = string_end(bytes, i);
                Kind::Literal
            }
            b'0'..=b'9' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.' || bytes[i] == b'_') {
                    i += 1;
                }
                Kind::Literal
            }
            b'#' if line_first && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                // A preprocessor directive's word (`#include`) is one token.
                i += 1;
                i += name_length(&bytes[i..]);
                Kind::Name
            }
            _ if b.is_ascii_alphabetic() || b == b'_' || b == b'$' || b >= 0x80 => {
                i += name_length(&bytes[i..]).max(1);
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                Kind::Name
            }
            _ => {
                i += 1;
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                Kind::Other
            }
        };
        let word = &text[start..i];
        if line_first && IMPORTS.contains(&word) {
            dropped_line = true;
        }
        if dropped_line {
            line_first = false;
            continue;
        }
        let hash = match kind {
            Kind::Name if normalize => 1,
            Kind::Literal if normalize => 2,
            _ => hash_bytes(word.as_bytes()),
        };
        emit(Token {
            hash: hash ^ seed,
            span: start..i,
            line_start: line_first,
            statement_start: None,
        });
        line_first = false;
    }
}

enum Kind {
    Name,
    Literal,
    Other,
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |at| from + at)
}

/// The bytes of a name: letters, digits, `_`, `$` and every byte of a non-ASCII character.
const NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
        b += 1;
    }
    table
};

fn name_length(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !NAME_BYTES[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// `'a` not followed by a closing quote: a lifetime or label, where `'a'` is a character.
fn is_lifetime(bytes: &[u8], at: usize) -> bool {
    let length = name_length(&bytes[at + 1..]);
    length > 0 && bytes.get(at + 1 + length) != Some(&b'\'')
}

/// The end of a string that starts at `start` with a quote: escapes skipped, and a line
/// break ends a `"` or `'` string left open (backticks may span lines).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if quote != b'`' => return i,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, family: Language) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for_each_token(text, family, false, &mut |t| {
            out.push((text[t.span].to_string(), t.line_start))
        });
        out
    }

    #[test]
    fn splits_code_and_drops_comments_and_imports() {
        let text = "import x from 'y';\nconst a = f(\"b c\", 1.5); // note\n/* block\n */ g(`t\n${a}`);\n";
        let found: Vec<String> = words(text, Language::JavaScript).into_iter().map(|(w, _)| w).collect();
        assert_eq!(
            found,
            [
                "const",
                "a",
                "=",
                "f",
                "(",
                "\"b c\"",
                ",",
                "1.5",
                ")",
                ";",
                "g",
                "(",
                "`t\n${a}`",
                ")",
                ";"
            ]
        );
        let starts: Vec<bool> = words("a(b,\n  c)\nd\n", Language::Go)
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(starts, [true, false, false, false, true, false, true]);
    }

    #[test]
    fn languages_keep_their_own_comments_and_quotes() {
        let ruby: Vec<String> = words("x = 1 # note\nrequire 'y'\n", Language::Ruby)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(ruby, ["x", "=", "1"]);
        let rust: Vec<String> = words("fn f<'a>(x: &'a str) -> char { 'c' }\n", Language::Rust)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert!(
            rust.contains(&"'a".to_string()) && rust.contains(&"'c'".to_string()),
            "{rust:?}"
        );
        let c: Vec<String> = words("#include <a.h>\n#define X 1\n", Language::Cpp)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(c, ["#define", "X", "1"]);
    }
}
