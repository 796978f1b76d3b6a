//! What tree-sitter-yaml's external scanner cannot take, found before it sees the text.
//!
//! The scanner (`tree-sitter-yaml` 0.7, `src/scanner.c`) keeps its state in 16-bit
//! integers and serializes it into tree-sitter's 1,024-byte buffer:
//!
//! - one 4-byte entry per open block collection or block scalar after a 10-byte header,
//!   and tree-sitter asserts `length <= 1024`: 254 open entries abort the process
//!   (`- - - …` 254 times on one line, or 254 nested mappings). A C abort cannot be
//!   caught, so such text must never reach it: [`plan`] models the entries the scanner
//!   pushes (a column per `- `, `? `, `key: ` and block scalar, popped on dedent) and
//!   refuses text nested more than [`MAX_DEPTH`] levels, well short of 254.
//! - columns are `int16_t`: past column 32,767 they wrap negative, and an entry pushed
//!   there would never be popped, so block structure (indentation, `- `, `key:`, block
//!   scalars) that far right is refused too. Long flow collections and scalars are fine.
//! - rows are `int16_t`: at row 32,768 (every `\r` and every `\n` counts, so 16,384
//!   CRLF lines) the row wraps to -32,768 and the scanner no longer sees the line
//!   break (`cur_row > row` is false), so the first token there is misread and the rest
//!   of the file becomes a syntax error. Only the scan that crosses the wrap goes wrong,
//!   and a comment in column 0 is read before that comparison: so [`plan`] inserts
//!   comment lines (`#\n`) in front of a line that starts a mapping entry, enough that
//!   every row where the counter wraps holds one of them. [`Plan::original`] maps the
//!   padded text's offsets back.

use std::borrow::Cow;
use std::ops::Range;

use super::node::MAX_DEPTH;
use super::scalar::plain_key_end;

/// The scanner's columns are 16-bit.
const MAX_COLUMN: usize = i16::MAX as usize;

/// The first row whose number does not fit the scanner's 16-bit counter, and the period
/// at which it wraps past that point again.
const FIRST_WRAP: usize = 1 << 15;
const WRAP_PERIOD: usize = 1 << 16;

/// Where comment lines go into the text before tree-sitter reads it.
pub(super) struct Plan {
    /// (offset in the original text, number of `#\n` lines inserted there), in order.
    insertions: Vec<(usize, usize)>,
    /// For each insertion: (start in the padded text, end in the padded text, bytes
    /// inserted up to and including it).
    padded: Vec<(usize, usize, usize)>,
}

pub(super) type Refusal = (Range<usize>, String);

impl Plan {
    /// The text tree-sitter reads: the original when nothing needs inserting.
    pub fn padded<'a>(&self, text: &'a str) -> Cow<'a, str> {
        if self.insertions.is_empty() {
            return Cow::Borrowed(text);
        }
        let extra: usize = self.insertions.iter().map(|(_, lines)| 2 * lines).sum();
        let mut out = String::with_capacity(text.len() + extra);
        let mut from = 0;
        for &(at, lines) in &self.insertions {
            out.push_str(&text[from..at]);
            for _ in 0..lines {
                out.push_str("#\n");
            }
            from = at;
        }
        out.push_str(&text[from..]);
        Cow::Owned(out)
    }

    /// The original offset of an offset in the padded text (an offset inside inserted
    /// comments maps to where they were inserted).
    pub fn original(&self, offset: usize) -> usize {
        let index = self.padded.partition_point(|&(start, _, _)| start <= offset);
        if index == 0 {
            return offset;
        }
        let (start, end, shift_after) = self.padded[index - 1];
        if offset < end {
            start - (shift_after - (end - start))
        } else {
            offset - shift_after
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Map,
    Seq,
    Scalar,
}

/// The scanner's indentation entries as far as the text shows them, one line at a time.
#[derive(Clone, Default)]
struct Model {
    /// (column, kind) of each open block collection or block scalar.
    stack: Vec<(usize, Kind)>,
    /// Depth of open `[` and `{`.
    flow: usize,
    /// The quote of an open quoted scalar.
    quote: Option<u8>,
    /// An open block scalar: the column of its parent and, once seen, of its content.
    block_scalar: Option<(isize, Option<usize>)>,
    /// Where an open quoted scalar or the outermost open flow collection started.
    opened_at: Option<usize>,
    /// The column where the last token on the line started: the key of a `:` after it.
    token_column: Option<usize>,
    /// Where the nesting first went past [`MAX_DEPTH`].
    too_deep_at: Option<usize>,
    /// Where block structure first started past [`MAX_COLUMN`].
    too_wide_at: Option<usize>,
}

fn blank(byte: Option<&u8>) -> bool {
    matches!(byte, None | Some(b' ' | b'\t'))
}

impl Model {
    fn depth(&self) -> usize {
        self.stack.len() + self.flow
    }

    fn push(&mut self, column: usize, kind: Kind) {
        if self.stack.last() != Some(&(column, kind)) {
            self.stack.push((column, kind));
        }
    }

    fn check_column(&mut self, column: usize, at: usize) {
        if column > MAX_COLUMN {
            self.too_wide_at.get_or_insert(at);
        }
    }

    fn check_depth(&mut self, at: usize) {
        if self.depth() > MAX_DEPTH {
            self.too_deep_at.get_or_insert(at);
        }
    }

    /// Reads one line (without its line break) that starts at `start`.
    fn line(&mut self, line: &[u8], start: usize) {
        self.token_column = None;
        let mut i = 0;
        while i < line.len() {
            let byte = line[i];
            if let Some(quote) = self.quote {
                if byte == b'\\' && quote == b'"' {
                    i += 2;
                    continue;
                }
                if byte == quote {
                    if quote == b'\'' && line.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    self.quote = None;
                    if self.flow == 0 {
                        self.opened_at = None;
                    }
                }
                i += 1;
                continue;
            }
            match byte {
                b' ' | b'\t' => {}
                b'#' if i == 0 || blank(line.get(i - 1)) => return,
                b'-' | b'?' | b':' if blank(line.get(i + 1)) => {
                    if self.flow == 0 {
                        let column = match byte {
                            b'-' | b'?' => i,
                            _ => self.token_column.unwrap_or(i),
                        };
                        self.push(column, if byte == b'-' { Kind::Seq } else { Kind::Map });
                        self.check_depth(start + i);
                        self.check_column(column, start + i);
                    }
                    self.token_column = None;
                }
                b'[' | b'{' => {
                    if self.flow == 0 {
                        self.opened_at = Some(start + i);
                    }
                    self.token_column.get_or_insert(i);
                    self.flow += 1;
                    self.check_depth(start + i);
                }
                b']' | b'}' | b',' if self.flow > 0 => {
                    if byte != b',' {
                        self.flow -= 1;
                        if self.flow == 0 {
                            self.opened_at = None;
                        }
                    }
                }
                b'"' | b'\'' => {
                    self.quote = Some(byte);
                    self.opened_at.get_or_insert(start + i);
                    self.token_column.get_or_insert(i);
                }
                b'|' | b'>' if self.flow == 0 => {
                    let parent = self.stack.last().map_or(-1, |&(column, _)| column as isize);
                    self.stack.push((i, Kind::Scalar));
                    self.check_depth(start + i);
                    self.check_column(i, start + i);
                    self.block_scalar = Some((parent, None));
                    return;
                }
                b'%' if i == 0 => return,
                // Anchors, tags and aliases: one token up to a space or flow indicator.
                b'&' | b'!' | b'*' => {
                    while i + 1 < line.len() && !matches!(line[i + 1], b' ' | b'\t' | b',' | b'[' | b']' | b'{' | b'}')
                    {
                        i += 1;
                    }
                }
                _ => {
                    // A plain scalar, up to `: `, ` #` or (in flow) a flow indicator.
                    self.token_column.get_or_insert(i);
                    while i + 1 < line.len() {
                        let next = line[i + 1];
                        let ends = match next {
                            b':' => {
                                blank(line.get(i + 2))
                                    || (self.flow > 0 && matches!(line.get(i + 2), Some(b',' | b']' | b'}')))
                            }
                            b'#' => blank(Some(&line[i])),
                            b',' | b'[' | b']' | b'{' | b'}' => self.flow > 0,
                            _ => false,
                        };
                        if ends {
                            break;
                        }
                        i += 1;
                    }
                }
            }
            i += 1;
        }
    }
}

/// Whether a line starts a block mapping entry (`key: …` or `- key: …`): comment lines
/// can go in front of it without changing what it means.
fn starts_entry(content: &[u8]) -> bool {
    let mut rest = content;
    while rest.first() == Some(&b'-') && blank(rest.get(1)) {
        let skip = rest[1..].iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        rest = &rest[1 + skip..];
    }
    match rest.first() {
        None
        | Some(b'-' | b'?' | b':' | b'[' | b']' | b'{' | b'}' | b',' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>') => {
            false
        }
        Some(b'\'' | b'"' | b'%' | b'@' | b'`') => false,
        Some(_) => std::str::from_utf8(rest).ok().and_then(plain_key_end).is_some(),
    }
}

/// Checks `text` against the scanner's limits and plans the comment lines that keep its
/// row counter from wrapping mid-token; `Err` names the first place it cannot take.
pub(super) fn plan(text: &str) -> Result<Plan, Refusal> {
    let bytes = text.as_bytes();
    // Start offsets and rows of lines that comment lines can go in front of.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut safe: Vec<(usize, usize)> = vec![(bom, 0)];
    let mut read = read_lines(bytes, Model::default(), 0, 0, Some(&mut safe))?;
    let last_row = read.last_row;
    // A quote or flow collection that never closes hides the rest of the file from the
    // model, while tree-sitter may well read that rest as block structure after the
    // error: read it again as if the opening quote or bracket were not there.
    for _ in 0..MAX_REREADS {
        let Some(unclosed) = read.unclosed else {
            return Ok(pad_rows(&safe, last_row));
        };
        if unclosed.next_line >= bytes.len() {
            return Ok(pad_rows(&safe, last_row));
        }
        read = read_lines(bytes, unclosed.model, unclosed.next_line, unclosed.next_row, None)?;
    }
    let at = read.unclosed.map_or(0, |unclosed| unclosed.at);
    Err((at..at + 1, "quotes or brackets that never close".to_string()))
}

/// How many unclosed quotes or brackets are read past before giving up.
const MAX_REREADS: usize = 8;

/// The first quote or bracket left open at the end of the text: where it is, and the
/// model as it stood after its line, with the quote or bracket forgotten.
struct Unclosed {
    at: usize,
    model: Model,
    next_line: usize,
    next_row: usize,
}

struct Read {
    last_row: usize,
    unclosed: Option<Unclosed>,
}

/// Runs the model from the line at `start` (row `row`) to the end of the text,
/// collecting the lines that start a mapping entry into `safe` when given.
fn read_lines(
    bytes: &[u8],
    mut model: Model,
    mut start: usize,
    mut row: usize,
    mut safe: Option<&mut Vec<(usize, usize)>>,
) -> Result<Read, Refusal> {
    let mut unclosed: Option<Unclosed> = None;
    loop {
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |n| start + n);
        let line = &bytes[start..end];
        let indent = line.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        if indent > MAX_COLUMN && indent < line.len() {
            model.too_wide_at.get_or_insert(start + indent);
        }
        let is_blank = indent == line.len();
        let mut in_scalar = false;
        if let Some((parent, content)) = model.block_scalar {
            let content = content.unwrap_or(indent);
            if is_blank {
                in_scalar = true;
            } else if indent as isize > parent && indent >= content {
                model.block_scalar = Some((parent, Some(content)));
                in_scalar = true;
            } else {
                model.block_scalar = None;
                if model.stack.last().is_some_and(|&(_, kind)| kind == Kind::Scalar) {
                    model.stack.pop();
                }
            }
        }
        if !in_scalar {
            let in_flow_or_quote = model.quote.is_some() || model.flow > 0;
            if !in_flow_or_quote && !is_blank && line[indent] != b'#' {
                while model.stack.last().is_some_and(|&(column, _)| column > indent) {
                    model.stack.pop();
                }
                if let Some(safe) = safe.as_deref_mut() {
                    if starts_entry(&line[indent..]) {
                        safe.push((start, row));
                    }
                }
            }
            let was_open = model.opened_at.is_some();
            model.line(line, start);
            match model.opened_at {
                Some(at) if !was_open => {
                    let mut forgotten = model.clone();
                    forgotten.flow = 0;
                    forgotten.quote = None;
                    forgotten.opened_at = None;
                    unclosed = Some(Unclosed {
                        at,
                        model: forgotten,
                        next_line: end + 1,
                        next_row: row + 1,
                    });
                }
                None => unclosed = None,
                Some(_) => {}
            }
        }
        if let Some(at) = model.too_deep_at {
            return Err((
                at..at + 1,
                format!("collections nested more than {MAX_DEPTH} levels deep"),
            ));
        }
        if let Some(at) = model.too_wide_at {
            return Err((
                at..at + 1,
                format!("block structure past column {MAX_COLUMN}, further right than the YAML parser can read"),
            ));
        }
        if end == bytes.len() {
            return Ok(Read {
                last_row: row,
                unclosed,
            });
        }
        row += 1;
        start = end + 1;
    }
}

/// Plans comment lines so that each row where the scanner's counter wraps holds one.
/// `safe` lists (offset, row) of the lines that may follow inserted comments.
///
/// Comment lines in front of a line move it and everything after it, so each wrap needs
/// a safe line of its own after the previous one. When 65,536 rows go by without one
/// (one block scalar or unclosed bracket that long), the wraps from there on are left as
/// they are: tree-sitter may then report a syntax error there.
fn pad_rows(safe: &[(usize, usize)], last_row: usize) -> Plan {
    let mut insertions: Vec<(usize, usize)> = Vec::new();
    let mut shift = 0;
    let mut wrap = FIRST_WRAP;
    let mut next = 0;
    while last_row + shift >= wrap {
        let mut candidate = None;
        while next < safe.len() && safe[next].1 + shift <= wrap {
            candidate = Some(safe[next]);
            next += 1;
        }
        let Some((offset, row)) = candidate else { break };
        let lines = wrap - (row + shift) + 1;
        insertions.push((offset, lines));
        shift += lines;
        wrap += WRAP_PERIOD;
    }
    let mut padded = Vec::with_capacity(insertions.len());
    let mut bytes_before = 0;
    for &(offset, lines) in &insertions {
        let start = offset + bytes_before;
        bytes_before += 2 * lines;
        padded.push((start, start + 2 * lines, bytes_before));
    }
    Plan { insertions, padded }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wrap_gets_comment_lines_in_front_of_a_line_of_its_own() {
        let rows = 200_000;
        let plan = pad_rows(&[(0, 0), (10, 5), (100, 40_000), (200, 90_000)], rows);
        // Rows 5, 40,000 + 32,764 and 90,000 + 58,305 go to just past each wrap.
        assert_eq!(plan.insertions, [(10, 32_764), (100, 25_541), (200, 15_536)]);
        // Nothing after the last safe line: the later wraps are left alone, and planning ends.
        let plan = pad_rows(&[(0, 0)], rows);
        assert_eq!(plan.insertions, [(0, FIRST_WRAP + 1)]);
    }

    #[test]
    fn offsets_map_back_through_the_padding() {
        let plan = Plan {
            insertions: vec![(2, 1), (4, 2)],
            padded: vec![(2, 4, 2), (6, 10, 6)],
        };
        assert_eq!(plan.padded("abcdef"), "ab#\ncd#\n#\nef");
        let back: Vec<usize> = (0..=12).map(|offset| plan.original(offset)).collect();
        assert_eq!(back, [0, 1, 2, 2, 2, 3, 4, 4, 4, 4, 4, 5, 6]);
    }

    #[test]
    fn the_model_counts_block_levels_not_flow_pairs() {
        assert!(plan(&format!("a: {{{}}}\n", vec!["k: v"; 500].join(", "))).is_ok());
        assert!(plan(&"- ".repeat(MAX_DEPTH + 1)).is_err());
        assert!(plan(&"- ".repeat(MAX_DEPTH - 1)).is_ok());
        let mut keys = String::new();
        for key in 0..5000 {
            keys += &format!("k{key}:\n  - a: 1\n    b: |\n      - - - - - -\n");
        }
        assert!(plan(&keys).is_ok());
    }

    #[test]
    fn long_lines_are_refused_only_for_block_structure_past_the_column_limit() {
        assert!(plan(&format!("a: [{}]\nb: '{}'\n", "x, ".repeat(20_000), "y".repeat(40_000))).is_ok());
        assert!(plan(&format!("a:\n{}- x\n", " ".repeat(40_000))).is_err());
        assert!(plan(&format!("'{}': x\n", "k".repeat(40_000))).is_ok());
    }

    #[test]
    fn what_follows_an_unclosed_quote_or_bracket_is_read_as_block_structure() {
        assert!(plan("on: [push\npermissions: {}\n").is_ok());
        assert!(plan("a: 'open\nb: c\n").is_ok());
        assert!(plan(&format!("a: \"\n{}", "- ".repeat(150))).is_err());
        assert!(plan(&format!("a: [\n{}", "- ".repeat(150))).is_err());
        assert!(plan(&format!("a: [\nb: '\nc: {{\n{}", "- ".repeat(150))).is_err());
        let mut jobs = String::from("on: [push\njobs:\n");
        for job in 0..1000 {
            jobs += &format!("  j{job}:\n    steps:\n      - run: x\n");
        }
        assert!(plan(&jobs).is_ok());
    }
}
