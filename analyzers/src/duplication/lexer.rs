//! A small Python lexer for duplication: enough to split code into comparable tokens, not
//! to parse it. Comments, docstrings (a string that is a whole logical line), import lines
//! and function signatures (the logical line of a `def`) are dropped, as pylint's
//! similarity checker drops them by default.

use std::ops::Range;

pub struct Token {
    pub hash: u64,
    pub span: Range<usize>,
    /// The first token of a logical line.
    pub line_start: bool,
    /// Where the function signature dropped just before this line starts (the first token
    /// of a function's body): a suppression comment above the `def` covers a copy found here.
    pub statement_start: Option<usize>,
}

/// A token's hash: eight bytes at a step rather than one, then mixed so that every bit of the
/// input moves the high bits, which the windows' polynomial hash keeps.
pub(super) fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        hash = (hash ^ word).wrapping_mul(K).rotate_left(31);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    hash = (hash ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    // The finaliser of MurmurHash3's 64-bit mix.
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

#[derive(PartialEq)]
enum Kind {
    Name,
    Literal,
    Other,
}

/// Every token, collected (the duplication pass streams them with `for_each_token`).
#[cfg(test)]
pub fn tokens(text: &str, normalize: bool) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, normalize, |token| out.push(token));
    out
}

/// Where the current logical line stands: whether its tokens count is decided by its first
/// tokens (an import line or a lone string, a docstring, is left out).
#[derive(PartialEq)]
enum Decision {
    Undecided,
    Kept,
    Dropped,
}

/// The current logical line. Only the tokens that wait for a decision are held, so a long
/// line (a data literal of millions of items) streams through instead of being buffered.
struct Line<'a, F: FnMut(Token)> {
    text: &'a str,
    normalize: bool,
    held: Vec<(Kind, Range<usize>)>,
    decision: Decision,
    emitted: usize,
    /// The start of the last dropped signature, until a line is kept.
    signature: Option<usize>,
    emit: F,
}

impl<F: FnMut(Token)> Line<'_, F> {
    fn push(&mut self, kind: Kind, span: Range<usize>) {
        match self.decision {
            Decision::Kept => self.send(kind, span),
            Decision::Dropped => {}
            Decision::Undecided => {
                let word = &self.text[span.clone()];
                let first = self.held.first().map(|(_, r)| &self.text[r.clone()]);
                self.held.push((kind, span));
                match first {
                    // `import x`, or `from x import y` once its `import` comes.
                    None if word == "import" => self.drop_line(),
                    Some("from") if word == "import" => self.drop_line(),
                    // A function's signature, `def` or `async def` up to its colon.
                    None | Some("async") if word == "def" => {
                        self.signature = self.held.first().map(|(_, r)| r.start);
                        self.drop_line();
                    }
                    // A `from` line waits for its `import`, an `async` one for its `def`; a
                    // lone string for a second token.
                    None | Some("from") | Some("async") => {}
                    Some(_) => self.keep_line(),
                }
            }
        }
    }

    /// The end of the logical line: what is still held is decided now.
    fn end(&mut self) {
        if self.decision == Decision::Undecided {
            let bytes = self.text.as_bytes();
            let docstring = self.held.len() == 1
                && self.held[0].0 == Kind::Literal
                && matches!(bytes[self.held[0].1.start], b'"' | b'\'');
            if !docstring {
                self.keep_line();
            }
        }
        self.held.clear();
        self.decision = Decision::Undecided;
        self.emitted = 0;
    }

    fn drop_line(&mut self) {
        self.held.clear();
        self.decision = Decision::Dropped;
    }

    fn keep_line(&mut self) {
        self.decision = Decision::Kept;
        let held = std::mem::take(&mut self.held);
        for (kind, span) in held {
            self.send(kind, span);
        }
    }

    fn send(&mut self, kind: Kind, span: Range<usize>) {
        let word = &self.text[span.clone()];
        let hash = match kind {
            Kind::Name if self.normalize && !is_keyword(word) => 1,
            Kind::Literal if self.normalize => 2,
            _ => hash_bytes(word.as_bytes()),
        };
        let line_start = self.emitted == 0;
        (self.emit)(Token {
            hash,
            span,
            line_start,
            statement_start: if line_start { self.signature.take() } else { None },
        });
        self.emitted += 1;
    }
}

/// Hands every token of `text` to `emit`, in order.
pub fn for_each_token(text: &str, normalize: bool, emit: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let mut line = Line {
        text,
        normalize,
        held: Vec::new(),
        decision: Decision::Undecided,
        emitted: 0,
        signature: None,
        emit,
    };
    let mut depth = 0usize; // brackets: newlines inside them do not end a logical line
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                if depth == 0 {
                    line.end();
                }
                i += 1;
            }
            b' ' | b'\t' | b'\r' | b'\x0c' => i += 1,
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'#' => i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |at| i + at),
            b'"' | b'\'' => {
                let start = i;
                i = string_end(bytes, i);
                line.push(Kind::Literal, start..i);
            }
            b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'.' || bytes[i] == b'_') {
                    i += 1;
                }
                line.push(Kind::Literal, start..i);
            }
            _ if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 => {
                let start = i;
                i += bytes[i..]
                    .iter()
                    .position(|&b| !NAME[usize::from(b)])
                    .unwrap_or(bytes.len() - i);
                // String prefixes: r"", b'', f"", rb"" ...
                if i - start <= 2
                    && matches!(bytes.get(i), Some(b'"') | Some(b'\''))
                    && text[start..i].chars().all(|c| "rRbBfFuU".contains(c))
                {
                    i = string_end(bytes, i);
                    line.push(Kind::Literal, start..i);
                } else {
                    line.push(Kind::Name, start..i);
                }
            }
            _ => {
                let start = i;
                match b {
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                // Keep multi-byte UTF-8 characters whole.
                i += 1;
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                line.push(Kind::Other, start..i);
            }
        }
    }
    line.end();
}

/// Bytes a name goes on with: ASCII letters, digits and `_`, and every byte of a non-ASCII
/// character. A table: the test runs on every byte of every name.
const NAME: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize || b >= 0x80;
        b += 1;
    }
    table
};

/// The end of a string literal starting at `start` (a quote), triple quotes included.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            c if c == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word,
        "False"
            | "None"
            | "True"
            | "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
            | "self"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, false).iter().map(|t| &text[t.span.clone()]).collect()
    }

    #[test]
    fn splits_python() {
        assert_eq!(
            words("x = f(a, 'b c')  # note\n"),
            ["x", "=", "f", "(", "a", ",", "'b c'", ")"]
        );
        assert_eq!(words("s = r\"\\d+\" + b'x'\n"), ["s", "=", "r\"\\d+\"", "+", "b'x'"]);
        assert_eq!(
            words("\"\"\"doc\nstring\"\"\"\nimport os\nfrom a import b\ny = 1\n"),
            ["y", "=", "1"]
        );
        assert_eq!(
            words("def f(\n    a,\n    b: int = 2,\n) -> None:\n    g(a)\nasync def h(x): pass\n"),
            ["g", "(", "a", ")"]
        );
        let t = tokens("call(a,\n     b)\nz = 2\n", false);
        let starts: Vec<bool> = t.iter().map(|t| t.line_start).collect();
        assert_eq!(starts, [true, false, false, false, false, false, true, false, false]);
    }
}
