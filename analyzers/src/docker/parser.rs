//! A Dockerfile parser that keeps the byte span of every instruction, flag and argument.
//!
//! It follows BuildKit's frontend: parser directives at the top, line continuations with the
//! escape character (comments and blank lines inside a continuation are dropped), heredocs on
//! RUN / COPY / ADD, exec (JSON) versus shell form, and the old `KEY value` form of ENV and
//! LABEL. Nothing here panics on bad input: problems are collected in `Dockerfile::errors`.

use std::ops::Range;

/// The instructions Docker knows. Anything else is a parse error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    Stopsignal,
    User,
    Volume,
    Workdir,
}

impl Kind {
    fn parse(word: &str) -> Option<Kind> {
        let kind = match word.to_ascii_uppercase().as_str() {
            "ADD" => Kind::Add,
            "ARG" => Kind::Arg,
            "CMD" => Kind::Cmd,
            "COPY" => Kind::Copy,
            "ENTRYPOINT" => Kind::Entrypoint,
            "ENV" => Kind::Env,
            "EXPOSE" => Kind::Expose,
            "FROM" => Kind::From,
            "HEALTHCHECK" => Kind::Healthcheck,
            "LABEL" => Kind::Label,
            "MAINTAINER" => Kind::Maintainer,
            "ONBUILD" => Kind::Onbuild,
            "RUN" => Kind::Run,
            "SHELL" => Kind::Shell,
            "STOPSIGNAL" => Kind::Stopsignal,
            "USER" => Kind::User,
            "VOLUME" => Kind::Volume,
            "WORKDIR" => Kind::Workdir,
            _ => return None,
        };
        Some(kind)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Add => "ADD",
            Kind::Arg => "ARG",
            Kind::Cmd => "CMD",
            Kind::Copy => "COPY",
            Kind::Entrypoint => "ENTRYPOINT",
            Kind::Env => "ENV",
            Kind::Expose => "EXPOSE",
            Kind::From => "FROM",
            Kind::Healthcheck => "HEALTHCHECK",
            Kind::Label => "LABEL",
            Kind::Maintainer => "MAINTAINER",
            Kind::Onbuild => "ONBUILD",
            Kind::Run => "RUN",
            Kind::Shell => "SHELL",
            Kind::Stopsignal => "STOPSIGNAL",
            Kind::User => "USER",
            Kind::Volume => "VOLUME",
            Kind::Workdir => "WORKDIR",
        }
    }

    fn has_flags(self) -> bool {
        matches!(
            self,
            Kind::From | Kind::Run | Kind::Copy | Kind::Add | Kind::Healthcheck
        )
    }

    fn has_heredocs(self) -> bool {
        matches!(self, Kind::Run | Kind::Copy | Kind::Add)
    }
}

/// A word of an instruction: its raw span in the file (quotes included) and its value
/// with quotes and escapes removed.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub span: Range<usize>,
    pub value: String,
}

/// `--name=value` or `--name` before the arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    pub name: String,
    pub value: Option<String>,
    pub span: Range<usize>,
}

/// `KEY=value` of ENV, LABEL and ARG (value `None` for `ARG NAME`).
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub key: Word,
    pub value: Option<Word>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heredoc {
    pub delimiter: String,
    /// `<<-EOF`: leading tabs are stripped from the body.
    pub strip_tabs: bool,
    /// `<<"EOF"` / `<<'EOF'`: no expansion in the body.
    pub quoted: bool,
    /// The `<<EOF` marker on the instruction line.
    pub marker: Range<usize>,
    /// The body, from the line after the instruction to the end of the last body line.
    pub body: Range<usize>,
}

/// The text of an instruction after its keyword, with continuations joined, and the map
/// back to file offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Logical {
    pub text: String,
    /// (offset in `text`, offset in the file) at the start of every joined piece.
    pieces: Vec<(usize, usize)>,
}

impl Logical {
    fn push(&mut self, piece: &str, file_offset: usize) {
        self.pieces.push((self.text.len(), file_offset));
        self.text.push_str(piece);
    }

    /// The file offset of a byte of `text` (or of its end).
    pub fn to_file(&self, offset: usize) -> usize {
        let i = self
            .pieces
            .partition_point(|&(start, _)| start <= offset)
            .saturating_sub(1);
        match self.pieces.get(i) {
            Some(&(start, file)) => file + (offset - start),
            None => offset,
        }
    }

    /// A range of `text` as a file range; the end stays on the piece of the last byte.
    /// Text that sits in the file as one piece starting at `file_offset` (a heredoc body).
    pub fn contiguous(text: &str, file_offset: usize) -> Logical {
        Logical {
            text: text.to_string(),
            pieces: vec![(0, file_offset)],
        }
    }

    /// The first `len` bytes of the text starting at `from`, with their map.
    pub fn sub(&self, from: usize, len: usize) -> Logical {
        let from = from.min(self.text.len());
        let mut end = (from + len).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let mut out = Logical {
            text: self.text.get(from..end).unwrap_or("").to_string(),
            pieces: Vec::new(),
        };
        // Only the pieces this range touches: a script holding many `sh -c` strings copies
        // each string once, not the rest of the script each time.
        let first = self
            .pieces
            .partition_point(|&(start, _)| start <= from)
            .saturating_sub(1);
        for (i, &(start, file)) in self.pieces.iter().enumerate().skip(first) {
            if i > first && start > end {
                break;
            }
            if start <= from {
                out.pieces.push((0, file + (from - start)));
            } else {
                out.pieces.push((start - from, file));
            }
        }
        out
    }

    pub fn range_to_file(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_file(range.start);
        let end = if range.end > range.start {
            self.to_file(range.end - 1) + 1
        } else {
            start
        };
        start..end
    }

    /// A slice of this logical text with its own map.
    fn slice(&self, from: usize) -> Logical {
        let mut out = Logical::default();
        let from = from.min(self.text.len());
        out.text = self.text[from..].to_string();
        for (i, &(start, file)) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |p| p.0);
            if end <= from {
                continue;
            }
            if start <= from {
                out.pieces.push((0, file + (from - start)));
            } else {
                out.pieces.push((start - from, file));
            }
        }
        out
    }
}

/// The arguments of an instruction after its flags.
#[derive(Clone, Debug, PartialEq)]
pub enum Args {
    /// `["a", "b"]`: each string with the span of its quoted literal.
    Exec(Vec<Word>),
    /// Anything else: the words as a shell would split them.
    Shell(Vec<Word>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Instruction {
    pub kind: Kind,
    pub keyword: Range<usize>,
    /// From the keyword to the end of the last line, heredoc bodies included.
    pub span: Range<usize>,
    pub flags: Vec<Flag>,
    pub args: Args,
    /// The arguments after the flags as one logical text (for RUN's shell form).
    pub rest: Logical,
    pub heredocs: Vec<Heredoc>,
    /// ONBUILD's inner instruction.
    pub inner: Option<Box<Instruction>>,
}

impl Instruction {
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().find(|f| f.name.eq_ignore_ascii_case(name))
    }

    pub fn words(&self) -> &[Word] {
        match &self.args {
            Args::Exec(words) | Args::Shell(words) => words,
        }
    }

    pub fn is_exec(&self) -> bool {
        matches!(self.args, Args::Exec(_))
    }

    /// The span of everything after the keyword and flags, or of the keyword when empty.
    pub fn args_span(&self) -> Range<usize> {
        let words = self.words();
        match (words.first(), words.last()) {
            (Some(first), Some(last)) => first.span.start..last.span.end,
            _ => self.keyword.clone(),
        }
    }

    /// ENV / LABEL / ARG pairs. The old one-pair form `ENV KEY value words` gives one pair
    /// whose value is the rest of the line.
    pub fn pairs(&self) -> Vec<Pair> {
        let words = self.words();
        let first_has_eq = words.first().is_some_and(|w| w.value.find('=').is_some_and(|i| i > 0));
        if self.kind != Kind::Arg && !first_has_eq && !words.is_empty() {
            let key = words[0].clone();
            let value = if words.len() > 1 {
                let span = words[1].span.start..words[words.len() - 1].span.end;
                let value = words[1..]
                    .iter()
                    .map(|w| w.value.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(Word { span, value })
            } else {
                None
            };
            return vec![Pair { key, value }];
        }
        words
            .iter()
            .map(|word| match word.value.find('=') {
                Some(eq) => {
                    // Keys are not quoted in practice, so `=` sits at the same offset in
                    // the raw word as in its value.
                    let raw_eq = eq.min(word.span.len().saturating_sub(1));
                    Pair {
                        key: Word {
                            span: word.span.start..word.span.start + raw_eq,
                            value: word.value[..eq].to_string(),
                        },
                        value: Some(Word {
                            span: word.span.start + raw_eq + 1..word.span.end,
                            value: word.value[eq + 1..].to_string(),
                        }),
                    }
                }
                None => Pair {
                    key: word.clone(),
                    value: None,
                },
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Directive {
    pub name: String,
    pub value: String,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    pub span: Range<usize>,
    pub message: String,
    /// ONBUILD of an instruction it cannot hold (ONBUILD, FROM, MAINTAINER): a rule of its
    /// own rather than a syntax error.
    pub onbuild_forbidden: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dockerfile {
    pub escape: char,
    pub directives: Vec<Directive>,
    pub instructions: Vec<Instruction>,
    pub errors: Vec<ParseError>,
}

/// One physical line: start offset and its text without the line break.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    // A byte order mark is not part of the first instruction.
    let mut start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for piece in text[start..].split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let body = body.strip_suffix('\r').unwrap_or(body);
        out.push(Line { start, text: body });
        start += piece.len();
    }
    out
}

pub fn parse(text: &str) -> Dockerfile {
    let lines = lines(text);
    let mut file = Dockerfile {
        escape: '\\',
        ..Dockerfile::default()
    };
    let mut i = 0;
    // Parser directives: `# name=value` lines at the very top, before any other line.
    while i < lines.len() {
        let Some((name, value)) = directive(lines[i].text) else {
            break;
        };
        let span = lines[i].start..lines[i].start + lines[i].text.len();
        // BuildKit stops on a repeated directive; the first one stays in force here.
        if file.directives.iter().any(|d| d.name == name) {
            file.errors.push(ParseError {
                span,
                message: format!("only one `{name}` parser directive can be used"),
                onbuild_forbidden: false,
            });
            i += 1;
            continue;
        }
        if name == "escape" {
            match value.as_str() {
                "\\" => file.escape = '\\',
                "`" => file.escape = '`',
                _ => file.errors.push(ParseError {
                    span: span.clone(),
                    message: format!("invalid escape directive `{value}`: must be ` or \\"),
                    onbuild_forbidden: false,
                }),
            }
        }
        file.directives.push(Directive { name, value, span });
        i += 1;
    }
    while i < lines.len() {
        let trimmed = lines[i].text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        i = instruction(text, &lines, i, &mut file);
    }
    file
}

fn directive(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix('#')?;
    let (name, value) = rest.split_once('=')?;
    let name = name.trim().to_ascii_lowercase();
    if !matches!(name.as_str(), "syntax" | "escape" | "check") {
        return None;
    }
    Some((name, value.trim().to_string()))
}

/// Parses the instruction starting on line `first`; returns the index of the next line.
fn instruction(text: &str, lines: &[Line], first: usize, file: &mut Dockerfile) -> usize {
    let escape = file.escape;
    let mut logical = Logical::default();
    let mut i = first;
    let mut end;
    loop {
        let line = &lines[i];
        let body = line.text;
        end = line.start + body.len();
        let trimmed_end = body.trim_end_matches([' ', '\t']);
        i += 1;
        if let Some(joined) = trimmed_end.strip_suffix(escape) {
            logical.push(joined, line.start);
            // Comment and blank lines inside a continuation are dropped.
            while i < lines.len() {
                let t = lines[i].text.trim_start();
                if t.is_empty() || t.starts_with('#') {
                    i += 1;
                } else {
                    break;
                }
            }
            if i < lines.len() {
                continue;
            }
            break;
        }
        logical.push(body, line.start);
        break;
    }
    let leading = logical.text.len() - logical.text.trim_start().len();
    let rest = logical.slice(leading);
    match parse_instruction(&rest, escape) {
        Ok(mut instruction) => {
            instruction.span = instruction.keyword.start..end;
            let mut target = &mut instruction;
            if target.kind == Kind::Onbuild {
                if let Some(inner) = target.inner.as_deref_mut() {
                    target = inner;
                }
            }
            if target.kind.has_heredocs() {
                let markers = heredoc_markers(&target.rest, escape);
                for (marker, delimiter, strip_tabs, quoted) in markers {
                    let body_start = lines.get(i).map_or(text.len(), |l| l.start);
                    let mut body_end = body_start;
                    let mut closed = false;
                    while i < lines.len() {
                        let line = &lines[i];
                        i += 1;
                        let candidate = if strip_tabs {
                            line.text.trim_start_matches('\t')
                        } else {
                            line.text
                        };
                        if candidate == delimiter {
                            closed = true;
                            end = line.start + line.text.len();
                            break;
                        }
                        body_end = line.start + line.text.len();
                        end = body_end;
                    }
                    if !closed {
                        file.errors.push(ParseError {
                            span: marker.clone(),
                            message: format!("heredoc `{delimiter}` is not terminated"),
                            onbuild_forbidden: false,
                        });
                    }
                    target.heredocs.push(Heredoc {
                        delimiter,
                        strip_tabs,
                        quoted,
                        marker,
                        body: body_start..body_end.max(body_start),
                    });
                }
            }
            instruction.span.end = end;
            if let Some(inner) = instruction.inner.as_deref_mut() {
                inner.span.end = end;
            }
            file.instructions.push(instruction);
        }
        Err(error) => file.errors.push(error),
    }
    i
}

fn parse_instruction(rest: &Logical, escape: char) -> Result<Instruction, ParseError> {
    let text = rest.text.as_str();
    let keyword_len = text.find(|c: char| c.is_whitespace()).unwrap_or(text.len());
    let keyword = rest.range_to_file(0..keyword_len);
    let Some(kind) = Kind::parse(&text[..keyword_len]) else {
        return Err(ParseError {
            span: keyword,
            message: format!("unknown instruction `{}`", &text[..keyword_len]),
            onbuild_forbidden: false,
        });
    };
    let after = keyword_len + (text[keyword_len..].len() - text[keyword_len..].trim_start().len());
    let mut args_text = rest.slice(after);
    // Trailing whitespace is not part of any argument.
    let trimmed = args_text.text.trim_end().len();
    args_text.text.truncate(trimmed);
    let mut instruction = Instruction {
        kind,
        keyword: keyword.clone(),
        span: keyword.start..rest.to_file(rest.text.len()),
        flags: Vec::new(),
        args: Args::Shell(Vec::new()),
        rest: args_text.clone(),
        heredocs: Vec::new(),
        inner: None,
    };
    if kind == Kind::Onbuild {
        if args_text.text.is_empty() {
            return Err(ParseError {
                span: keyword,
                message: "ONBUILD needs an instruction".into(),
                onbuild_forbidden: false,
            });
        }
        let inner = parse_instruction(&args_text, escape)?;
        if matches!(inner.kind, Kind::Onbuild | Kind::From | Kind::Maintainer) {
            return Err(ParseError {
                span: inner.keyword.clone(),
                message: format!("{} is not allowed in ONBUILD", inner.kind.name()),
                onbuild_forbidden: true,
            });
        }
        instruction.inner = Some(Box::new(inner));
        return Ok(instruction);
    }
    let mut offset = 0;
    if kind.has_flags() {
        loop {
            let t = &args_text.text[offset..];
            if !t.starts_with("--") {
                break;
            }
            // Only the first word: splitting the whole rest for each flag is quadratic in the
            // number of flags.
            let Some(word) = Words::new(&args_text.text[offset..], escape).next() else {
                break;
            };
            let len = word.0.end;
            let raw = &word.1;
            let (name, value) = match raw[2..].split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (raw[2..].to_string(), None),
            };
            instruction.flags.push(Flag {
                name,
                value,
                span: args_text.range_to_file(offset..offset + len),
            });
            offset += len;
            offset += args_text.text[offset..].len() - args_text.text[offset..].trim_start().len();
        }
    }
    let args = args_text.slice(offset);
    let exec_capable = matches!(
        kind,
        Kind::Run | Kind::Cmd | Kind::Entrypoint | Kind::Shell | Kind::Copy | Kind::Add | Kind::Volume
    );
    instruction.args = match exec_capable.then(|| parse_json_array(&args.text)).flatten() {
        Some(items) => Args::Exec(
            items
                .into_iter()
                .map(|(range, value)| Word {
                    span: args.range_to_file(range),
                    value,
                })
                .collect(),
        ),
        None => Args::Shell(
            split_words(&args.text, escape)
                .into_iter()
                .map(|(range, value)| Word {
                    span: args.range_to_file(range),
                    value,
                })
                .collect(),
        ),
    };
    instruction.rest = args;
    if kind == Kind::Shell && !instruction.is_exec() {
        return Err(ParseError {
            span: instruction.args_span(),
            message: "SHELL requires the JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]".into(),
            onbuild_forbidden: false,
        });
    }
    if instruction.words().is_empty() && !instruction.is_exec() {
        return Err(ParseError {
            span: keyword,
            message: format!("{} requires arguments", kind.name()),
            onbuild_forbidden: false,
        });
    }
    Ok(instruction)
}

/// Splits like Docker's word lexer: whitespace separates, quotes group, the escape
/// character escapes outside single quotes. Returns (range in `text`, unquoted value).
pub fn split_words(text: &str, escape: char) -> Vec<(Range<usize>, String)> {
    Words::new(text, escape).collect()
}

/// The words of `split_words`, one at a time.
struct Words<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    escape: char,
}

impl<'a> Words<'a> {
    fn new(text: &'a str, escape: char) -> Self {
        Words {
            chars: text.char_indices().peekable(),
            escape,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = (Range<usize>, String);

    fn next(&mut self) -> Option<Self::Item> {
        let escape = self.escape;
        let chars = &mut self.chars;
        while chars.peek().is_some_and(|&(_, c)| c.is_whitespace()) {
            chars.next();
        }
        let &(start, _) = chars.peek()?;
        let mut value = String::new();
        let mut quote: Option<char> = None;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            match quote {
                None if c.is_whitespace() => break,
                None if c == '"' || c == '\'' => quote = Some(c),
                Some(q) if c == q => quote = None,
                Some('\'') => value.push(c),
                _ if c == escape => {
                    chars.next();
                    end = i + c.len_utf8();
                    if let Some(&(j, next)) = chars.peek() {
                        // Inside double quotes an escape only escapes quote, escape, `$`.
                        if quote == Some('"') && !matches!(next, '"' | '$') && next != escape {
                            value.push(c);
                        }
                        value.push(next);
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        value.push(c);
                    }
                    continue;
                }
                _ => value.push(c),
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start..end, value))
    }
}

/// Docker's exec form: a JSON array of strings, nothing else. Returns each string's range
/// (quotes included) and value, or `None` for shell form.
pub fn parse_json_array(text: &str) -> Option<Vec<(Range<usize>, String)>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let skip_ws = |i: &mut usize| {
        while *i < bytes.len() && (bytes[*i] as char).is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut out = Vec::new();
    skip_ws(&mut i);
    if bytes.get(i) == Some(&b']') {
        i += 1;
        skip_ws(&mut i);
        return (i == bytes.len()).then_some(out);
    }
    loop {
        skip_ws(&mut i);
        if bytes.get(i) != Some(&b'"') {
            return None;
        }
        let start = i;
        i += 1;
        let mut value = String::new();
        loop {
            let c = text[i..].chars().next()?;
            match c {
                '"' => {
                    i += 1;
                    break;
                }
                '\\' => {
                    let next = text[i + 1..].chars().next()?;
                    i += 2;
                    match next {
                        'n' => value.push('\n'),
                        't' => value.push('\t'),
                        'r' => value.push('\r'),
                        'b' => value.push('\u{8}'),
                        'f' => value.push('\u{c}'),
                        '/' | '\\' | '"' => value.push(next),
                        'u' => {
                            let hex = text.get(i..i + 4)?;
                            let code = u32::from_str_radix(hex, 16).ok()?;
                            value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            i += 4;
                        }
                        _ => return None,
                    }
                }
                c if (c as u32) < 0x20 => return None,
                c => {
                    value.push(c);
                    i += c.len_utf8();
                }
            }
        }
        out.push((start..i, value));
        skip_ws(&mut i);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(b']') => {
                i += 1;
                skip_ws(&mut i);
                return (i == bytes.len()).then_some(out);
            }
            _ => return None,
        }
    }
}

/// `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` outside quotes, in order.
/// Returns (file span of the marker, delimiter, strip tabs, quoted).
fn heredoc_markers(rest: &Logical, escape: char) -> Vec<(Range<usize>, String, bool, bool)> {
    let text = rest.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if b as char == escape => i += 1,
            None if b == b'<' && bytes.get(i + 1) == Some(&b'<') && bytes.get(i + 2) != Some(&b'<') => {
                let start = i;
                let mut j = i + 2;
                let strip_tabs = bytes.get(j) == Some(&b'-');
                if strip_tabs {
                    j += 1;
                }
                let quote_char = bytes.get(j).copied().filter(|&c| c == b'"' || c == b'\'');
                if quote_char.is_some() {
                    j += 1;
                }
                let word_start = j;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'-') {
                    j += 1;
                }
                if j > word_start {
                    let delimiter = text[word_start..j].to_string();
                    if let Some(q) = quote_char {
                        if bytes.get(j) == Some(&q) {
                            j += 1;
                        }
                    }
                    out.push((
                        rest.range_to_file(start..j),
                        delimiter,
                        strip_tabs,
                        quote_char.is_some(),
                    ));
                    i = j;
                    continue;
                }
            }
            None => {}
        }
        i += 1;
    }
    out
}

/// Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` with
/// `lookup`; unknown variables become empty, as Docker does.
pub fn expand(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(inner) = after.strip_prefix('{') {
            let Some(close) = inner.find('}') else {
                out.push_str(&rest[pos..]);
                return out;
            };
            let body = &inner[..close];
            let name_len = body
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(body.len());
            let (name, op) = body.split_at(name_len);
            let current = lookup(name).filter(|v| !v.is_empty());
            let set = lookup(name);
            let expanded = if let Some(default) = op.strip_prefix(":-") {
                current.unwrap_or_else(|| expand(default, lookup))
            } else if let Some(default) = op.strip_prefix('-') {
                set.unwrap_or_else(|| expand(default, lookup))
            } else if let Some(alt) = op.strip_prefix(":+") {
                if current.is_some() {
                    expand(alt, lookup)
                } else {
                    String::new()
                }
            } else if let Some(alt) = op.strip_prefix('+') {
                if set.is_some() {
                    expand(alt, lookup)
                } else {
                    String::new()
                }
            } else {
                set.unwrap_or_default()
            };
            out.push_str(&expanded);
            rest = &inner[close + 1..];
        } else {
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if name_len == 0 {
                out.push('$');
            } else {
                out.push_str(&lookup(&after[..name_len]).unwrap_or_default());
            }
            rest = &after[name_len..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
        &text[span.clone()]
    }

    #[test]
    fn instructions_words_and_spans() {
        let text = "FROM alpine:3.20 AS build\nrun echo hi\n";
        let file = parse(text);
        assert!(file.errors.is_empty());
        assert_eq!(file.instructions.len(), 2);
        let from = &file.instructions[0];
        assert_eq!(from.kind, Kind::From);
        assert_eq!(at(text, &from.words()[0].span), "alpine:3.20");
        assert_eq!(at(text, &from.words()[2].span), "build");
        let run = &file.instructions[1];
        assert_eq!(run.kind, Kind::Run, "lowercase instructions are instructions");
        assert_eq!(at(text, &run.keyword), "run");
        assert_eq!(run.rest.text, "echo hi");
    }

    #[test]
    fn continuations_drop_comments_and_blank_lines() {
        let text = "RUN apt-get update \\\n    # a comment\n\n    && apt-get install curl\n";
        let file = parse(text);
        let run = &file.instructions[0];
        assert_eq!(run.rest.text, "apt-get update     && apt-get install curl");
        let curl = run.words().last().unwrap();
        assert_eq!(curl.value, "curl");
        assert_eq!(at(text, &curl.span), "curl");
        assert_eq!(run.span.end, text.len() - 1);
    }

    #[test]
    fn escape_directive_changes_the_continuation_character() {
        let text = "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir C:\\ `\n    && echo done\n";
        let file = parse(text);
        assert_eq!(file.escape, '`');
        assert_eq!(file.directives[0].name, "escape");
        let run = &file.instructions[1];
        assert!(run.rest.text.contains("C:\\ ") && run.rest.text.ends_with("&& echo done"));
        assert_eq!(at(text, &run.words().last().unwrap().span), "done");
    }

    #[test]
    fn directives_only_at_the_top() {
        let text = "# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM a\n# escape=`\nRUN x \\\n y\n";
        let file = parse(text);
        let names: Vec<_> = file.directives.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["syntax", "check"]);
        assert_eq!(file.escape, '\\');
        assert_eq!(file.instructions[1].rest.text, "x  y");
    }

    #[test]
    fn heredocs() {
        let text = "RUN <<EOF\napt-get update\nEOF\nCOPY <<-\"A\" /a <<'B' /b\n\tone\n\tA\ntwo\nB\nRUN echo\n";
        let file = parse(text);
        assert!(file.errors.is_empty(), "{:?}", file.errors);
        assert_eq!(file.instructions.len(), 3);
        let run = &file.instructions[0];
        assert_eq!(run.heredocs.len(), 1);
        assert_eq!(at(text, &run.heredocs[0].body), "apt-get update");
        assert_eq!(at(text, &run.heredocs[0].marker), "<<EOF");
        let copy = &file.instructions[1];
        assert_eq!(copy.heredocs.len(), 2);
        assert!(copy.heredocs[0].strip_tabs && copy.heredocs[0].quoted);
        assert_eq!(at(text, &copy.heredocs[0].body), "\tone");
        assert_eq!(at(text, &copy.heredocs[1].body), "two");
        assert_eq!(file.instructions[2].rest.text, "echo");
    }

    #[test]
    fn unterminated_heredoc_is_an_error_not_a_panic() {
        let file = parse("RUN <<EOF\necho\n");
        assert_eq!(file.errors.len(), 1);
        assert!(file.errors[0].message.contains("EOF"));
    }

    #[test]
    fn exec_and_shell_forms() {
        let text = "CMD [\"node\", \"a b\"]\nCMD [node]\nENTRYPOINT [\"x\",]\n";
        let file = parse(text);
        match &file.instructions[0].args {
            Args::Exec(words) => {
                assert_eq!(words[1].value, "a b");
                assert_eq!(at(text, &words[1].span), "\"a b\"");
            }
            other => panic!("{other:?}"),
        }
        assert!(!file.instructions[1].is_exec(), "not JSON: shell form");
        assert!(!file.instructions[2].is_exec());
    }

    #[test]
    fn flags_and_stages() {
        let text = "FROM --platform=$BUILDPLATFORM golang:1.22 AS builder\nCOPY --from=builder --chown=1:1 /a /b\n";
        let file = parse(text);
        let from = &file.instructions[0];
        assert_eq!(from.flag("platform").unwrap().value.as_deref(), Some("$BUILDPLATFORM"));
        assert_eq!(at(text, &from.flags[0].span), "--platform=$BUILDPLATFORM");
        assert_eq!(from.words()[0].value, "golang:1.22");
        let copy = &file.instructions[1];
        assert_eq!(copy.flags.len(), 2);
        assert_eq!(copy.words().len(), 2);
    }

    #[test]
    fn env_and_label_pairs_old_and_new() {
        let text = "ENV A=1 B=\"two words\"\nENV OLD some value\nLABEL maintainer \"Jane <j@x>\"\nARG V\n";
        let file = parse(text);
        let pairs = file.instructions[0].pairs();
        assert_eq!(pairs[1].key.value, "B");
        assert_eq!(pairs[1].value.as_ref().unwrap().value, "two words");
        assert_eq!(at(text, &pairs[1].value.as_ref().unwrap().span), "\"two words\"");
        let old = file.instructions[1].pairs();
        assert_eq!(old.len(), 1);
        assert_eq!(old[0].value.as_ref().unwrap().value, "some value");
        let label = file.instructions[2].pairs();
        assert_eq!(label[0].key.value, "maintainer");
        assert_eq!(label[0].value.as_ref().unwrap().value, "Jane <j@x>");
        let arg = file.instructions[3].pairs();
        assert_eq!(arg[0].key.value, "V");
        assert!(arg[0].value.is_none());
    }

    #[test]
    fn onbuild_has_an_inner_instruction() {
        let text = "ONBUILD RUN apt-get install curl\nONBUILD FROM x\n";
        let file = parse(text);
        let inner = file.instructions[0].inner.as_deref().unwrap();
        assert_eq!(inner.kind, Kind::Run);
        assert_eq!(at(text, &inner.words()[2].span), "curl");
        assert_eq!(file.errors.len(), 1, "FROM inside ONBUILD is an error");
    }

    #[test]
    fn unknown_instruction_is_an_error_at_the_keyword() {
        let text = "FROM a\nFORM b\nRUN ok\n";
        let file = parse(text);
        assert_eq!(file.errors.len(), 1);
        assert_eq!(at(text, &file.errors[0].span), "FORM");
        assert_eq!(file.instructions.len(), 2, "parsing goes on after an error");
    }

    #[test]
    fn expansion() {
        let lookup = |name: &str| (name == "V").then(|| "3.20".to_string());
        assert_eq!(expand("alpine:${V}", &lookup), "alpine:3.20");
        assert_eq!(expand("alpine:$V", &lookup), "alpine:3.20");
        assert_eq!(expand("${IMG:-debian}:${V:-x}", &lookup), "debian:3.20");
        assert_eq!(expand("a${U:+b}c", &lookup), "ac");
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "\\",
            "RUN \\",
            "RUN <<",
            "CMD [\"\\u12\"]",
            "FROM",
            "\u{feff}FROM x",
            "RUN <<'",
            "ENV =",
            "ONBUILD",
        ] {
            let _ = parse(text);
        }
    }
}
