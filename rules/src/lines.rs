/// A resolved place in a file: 1-based lines, 1-based columns in UTF-16 code units
/// (what SARIF's `columnKind: utf16CodeUnits` and editors expect).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A line hint that is no line: [`LineIndex::position_from`] searches.
const UNKNOWN_LINE: usize = usize::MAX;

/// Byte offsets of line starts, to turn byte spans into lines and columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { text, starts }
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of a 0-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn line_text(&self, line: usize) -> &'a str {
        &self.text[self.line_range(line)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and UTF-16 column of a byte offset (clamped to the text and to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut line = UNKNOWN_LINE;
        self.position_from(offset, &mut line)
    }

    pub fn region(&self, span: &std::ops::Range<usize>) -> Region {
        self.region_in_order(span, &mut (UNKNOWN_LINE, UNKNOWN_LINE))
    }

    /// [`LineIndex::region`] of spans asked in order, each end at or after the same end of the
    /// span before (duplication's windows, one per line): `lines` keeps the 0-based lines of
    /// the last ends, and each end steps on from there instead of searching every line.
    pub fn region_in_order(&self, span: &std::ops::Range<usize>, lines: &mut (usize, usize)) -> Region {
        let (start_line, start_column) = self.position_from(span.start, &mut lines.0);
        let (end_line, end_column) = self.position_from(span.end.max(span.start), &mut lines.1);
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    }

    /// [`LineIndex::position`], starting from `line` when it is at or before the offset's line
    /// (else searching), and leaving the offset's line there.
    fn position_from(&self, offset: usize, line: &mut usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if self.starts.get(*line).is_none_or(|&start| start > offset) {
            *line = self.line_of(offset);
        }
        while self.starts.get(*line + 1).is_some_and(|&next| next <= offset) {
            *line += 1;
        }
        let start = self.starts[*line];
        (*line + 1, utf16_len(&self.text[start..offset]) + 1)
    }
}

/// The length of `text` in UTF-16 code units, without decoding it: a byte that is not a
/// continuation byte starts a character (one unit), a four-byte one needs two. Columns are
/// asked for every duplication window, so ASCII (most code) takes the short way.
fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Line starts: after `\n`, and after a `\r` not followed by `\n`. A lone `\r` ends a line
/// for CPython, YAML and GitHub's line hashes alike, so it does here too.
fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
        let text = "ab\né😀x\r\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(index.position(x), (2, 4));
        assert_eq!(index.line_text(1), "é😀x");
        assert_eq!(index.position(text.len()), (3, 5));
        assert_eq!(index.line_count(), 3);
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "a\rb\r\nc\n\rd\r";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 6);
        let lines: Vec<&str> = (0..index.line_count()).map(|l| index.line_text(l)).collect();
        assert_eq!(lines, vec!["a", "b", "c", "", "d", ""]);
        assert_eq!(index.position(text.find('d').unwrap()), (5, 1));
    }

    #[test]
    fn utf16_lengths_match_the_encoder() {
        for text in [
            "",
            "plain",
            "é",
            "€uro",
            "😀",
            "a😀é€\u{10FFFF}z",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
        ] {
            assert_eq!(utf16_len(text), text.encode_utf16().count(), "{text:?}");
        }
    }

    #[test]
    fn regions_in_order_equal_regions() {
        let text = "ab\né😀x\r\n\nlast\rz";
        let index = LineIndex::new(text);
        let mut lines = (0, 0);
        // Every span whose ends are at or after the last span's, then one before them (the
        // search again) and one past the text.
        let mut spans = Vec::new();
        for start in 0..=text.len() {
            spans.push(start..(start + 5).min(text.len()));
        }
        spans.push(1..2);
        spans.push(3..text.len() + 4);
        for span in spans {
            assert_eq!(
                index.region_in_order(&span, &mut lines),
                index.region(&span),
                "{span:?}"
            );
        }
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1), (1, 1));
    }
}
