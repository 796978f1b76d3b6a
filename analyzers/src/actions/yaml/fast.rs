//! A fast path for the YAML that workflows are actually written in: block mappings and
//! sequences, flow collections, plain, quoted and block scalars, anchors, aliases, comments
//! and several documents. It builds the same tree as the tree-sitter path, about an order of
//! magnitude faster, and gives up (returns `None`) on anything else — tags, complex keys,
//! anchors before a key, multi-line plain scalars, tabs in indentation or after `-`, NUL
//! bytes, byte order marks past the start, and every syntax error — so that tree-sitter
//! parses those files and reports their errors. It also declines input past
//! the reader's limits (nesting deeper than [`MAX_DEPTH`], aliases copying more than the
//! [`Copies`] budget), which the tree-sitter path then reports.

use std::collections::{HashMap, HashSet};

use super::node::{alias_names, is_aliased, Copies, Node, Pair, PairList, Scalar, Value, MAX_DEPTH};
use super::scalar::{block_scalar, fold_plain_text, fold_quoted_text, plain_key_end, unescape_double_text};

type R<T> = Result<T, ()>;

/// The documents of `src`, or `None` where it leaves the file to tree-sitter.
pub fn parse(src: &str) -> Option<Vec<Node>> {
    // A byte order mark at the start is not content: it takes no column either.
    let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
    // NUL is not allowed in YAML (tree-sitter stops reading at one); a mark anywhere
    // else is left to tree-sitter.
    if memchr::memchr2(b'\r', 0, src.as_bytes()).is_some() || src[bom..].contains('\u{feff}') {
        return None;
    }
    // `---` or `...` then a tab is a document marker in YAML; the fast path only takes a
    // marker followed by a space or a line break.
    let text = &src[bom..];
    if [b"---\t", b"...\t"].iter().any(|marker| {
        text.as_bytes().starts_with(*marker)
            || memchr::memmem::find(text.as_bytes(), &[b"\n", &marker[..]].concat()).is_some()
    }) {
        return None;
    }
    let mut parser = Fast {
        src,
        b: src.as_bytes(),
        pos: bom,
        bom,
        anchors: HashMap::new(),
        aliased: alias_names(src),
        copies: Copies::new(src),
        depth: 0,
    };
    parser.stream().ok()
}

struct Fast<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    anchors: HashMap<&'a str, Node>,
    /// Names that some alias uses: other anchors are not kept.
    aliased: HashSet<&'a str>,
    /// What anchors and aliases may still copy; past it, tree-sitter takes the file and
    /// reports where.
    copies: Copies,
    depth: usize,
    /// Where the text starts after a byte order mark: column 0 of the first line.
    bom: usize,
}

impl<'a> Fast<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at(&self, offset: usize) -> Option<u8> {
        self.b.get(self.pos + offset).copied()
    }

    fn line_start(&self, pos: usize) -> usize {
        memchr::memrchr(b'\n', &self.b[..pos]).map_or(self.bom, |i| i + 1)
    }

    fn column(&self) -> usize {
        self.pos - self.line_start(self.pos)
    }

    fn is_blank_or_end(&self, offset: usize) -> bool {
        matches!(self.at(offset), None | Some(b' ' | b'\n' | b'\r'))
    }

    /// Skips spaces on the current line (a tab is only allowed after content).
    fn skip_inline_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Skips blank lines, comments and indentation up to the next content byte.
    fn skip_to_content(&mut self) -> R<()> {
        // Whether only indentation precedes the cursor on its line.
        let mut in_indentation = self.src[self.line_start(self.pos)..self.pos].trim().is_empty();
        loop {
            match self.peek() {
                Some(b' ') => self.pos += 1,
                Some(b'\t') => {
                    // A tab in indentation is an error in YAML, unless nothing but a
                    // comment follows; after content it is space.
                    if in_indentation {
                        let line_end =
                            memchr::memchr(b'\n', &self.b[self.pos..]).map_or(self.b.len(), |n| self.pos + n);
                        let rest = self.src[self.pos..line_end].trim_start();
                        if rest.is_empty() || rest.starts_with('#') {
                            self.pos = line_end;
                            continue;
                        }
                        return Err(());
                    }
                    self.pos += 1;
                }
                Some(b'\r' | b'\n') => {
                    self.pos += 1;
                    in_indentation = true;
                }
                Some(b'#') => {
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// After a value on a line: only spaces and a comment may follow.
    fn end_of_line(&mut self) -> R<()> {
        self.skip_inline_space();
        match self.peek() {
            None | Some(b'\n' | b'\r') => Ok(()),
            Some(b'#') if matches!(self.b.get(self.pos.wrapping_sub(1)), Some(b' ' | b'\t')) => Ok(()),
            _ => Err(()),
        }
    }

    /// `-`, `?` or `:` followed by a blank: the start of a block collection entry.
    fn at_block_indicator(&self) -> bool {
        matches!(self.peek(), Some(b'-' | b'?' | b':')) && matches!(self.at(1), None | Some(b' ' | b'\t' | b'\n'))
    }

    fn at_document_marker(&self) -> bool {
        (self.src[self.pos..].starts_with("---") || self.src[self.pos..].starts_with("..."))
            && self.is_blank_or_end(3)
            && self.column() == 0
    }

    fn stream(&mut self) -> R<Vec<Node>> {
        let mut documents = Vec::new();
        // Directives may open the stream or follow `...`, and `---` must follow them.
        let mut directives_allowed = true;
        let mut directives_open = false;
        loop {
            self.skip_to_content()?;
            let Some(byte) = self.peek() else {
                if directives_open {
                    return Err(());
                }
                break;
            };
            if byte == b'%' && self.column() == 0 {
                if !directives_allowed {
                    return Err(());
                }
                directives_open = true;
                while !matches!(self.peek(), None | Some(b'\n')) {
                    self.pos += 1;
                }
                continue;
            }
            if self.at_document_marker() {
                let start = self.src[self.pos..].starts_with("---");
                if directives_open && !start {
                    return Err(());
                }
                self.pos += 3;
                // Content on the marker's own line (`--- |`) is left to tree-sitter.
                self.end_of_line()?;
                directives_open = false;
                directives_allowed = !start;
                continue;
            }
            if directives_open {
                return Err(());
            }
            directives_allowed = false;
            self.anchors.clear();
            let node = self.block_node(-1)?;
            documents.push(node);
            self.skip_to_content()?;
            if self.peek().is_some() && !self.at_document_marker() {
                return Err(());
            }
        }
        Ok(documents)
    }

    /// A node whose first content byte is at the cursor, more indented than `parent`.
    fn block_node(&mut self, parent: isize) -> R<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(());
        }
        let node = self.block_node_inner(parent);
        self.depth -= 1;
        node
    }

    fn block_node_inner(&mut self, parent: isize) -> R<Node> {
        let column = self.column() as isize;
        if column <= parent {
            return Err(());
        }
        match self.peek() {
            Some(b'-') if self.is_blank_or_end(1) => self.block_sequence(column as usize),
            Some(b'?' | b'!' | b'%' | b'@' | b'`') => Err(()),
            Some(b'&') => {
                let name = self.anchor_name()?;
                self.skip_inline_space();
                let node = if matches!(self.peek(), None | Some(b'\n' | b'\r' | b'#')) {
                    self.skip_to_content()?;
                    // An anchor on an empty node: `---` or `...` would be read as its text.
                    if self.peek().is_none() || self.at_document_marker() {
                        return Err(());
                    }
                    self.block_node(parent)?
                } else if self.line_is_mapping_key() || self.at_block_indicator() {
                    // `&a key: v` anchors the key, and the mapping starts at the anchor;
                    // `&a - x` is an error.
                    return Err(());
                } else {
                    self.block_node(parent)?
                };
                self.anchor(name, &node)?;
                Ok(node)
            }
            _ if self.line_is_mapping_key() => self.block_mapping(column as usize),
            _ => {
                let node = self.inline_value(parent)?;
                Ok(node)
            }
        }
    }

    /// Keeps an anchored node for the aliases that name it.
    fn anchor(&mut self, name: &'a str, node: &Node) -> R<()> {
        if is_aliased(&self.aliased, name) {
            if !self.copies.charge(node) {
                return Err(());
            }
            self.anchors.insert(name, node.clone());
        }
        Ok(())
    }

    fn anchor_name(&mut self) -> R<&'a str> {
        self.pos += 1;
        let start = self.pos;
        while let Some(byte) = self.peek() {
            if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}') {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            return Err(());
        }
        Ok(&self.src[start..self.pos])
    }

    /// Whether the line from the cursor reads `key: …` (plain or quoted key).
    fn line_is_mapping_key(&self) -> bool {
        let rest = &self.src[self.pos..];
        let line = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
        let bytes = line.as_bytes();
        if indicator_then_tab(bytes) {
            return false;
        }
        match bytes.first() {
            Some(b'"' | b'\'') => {
                let quote = bytes[0];
                let mut i = 1;
                while i < bytes.len() {
                    if bytes[i] == b'\\' && quote == b'"' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] == quote {
                        if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        let after = line[i + 1..].trim_start_matches([' ', '\t']);
                        return after.starts_with(':')
                            && matches!(after.as_bytes().get(1), None | Some(b' ' | b'\r' | b'\t'));
                    }
                    i += 1;
                }
                false
            }
            // A tag (`! key:`) or a reserved indicator is not part of a key.
            Some(b'[' | b'{' | b'*' | b'&' | b'|' | b'>' | b'#' | b'!' | b'%' | b'@' | b'`') | None => false,
            _ => plain_key_end(line).is_some(),
        }
    }

    fn block_sequence(&mut self, indent: usize) -> R<Node> {
        let start = self.pos;
        let mut items = Vec::new();
        let mut end = self.pos;
        loop {
            // At `-` in column `indent`.
            self.pos += 1;
            let after_dash = self.pos;
            self.skip_inline_space();
            // A tab may separate `-` from a scalar, but a collection on the same line
            // would be indented by it, which YAML and tree-sitter reject.
            if self.b[after_dash..self.pos].contains(&b'\t')
                && (self.line_is_mapping_key() || matches!(self.peek(), Some(b'-' | b'?' | b':')))
            {
                return Err(());
            }
            let item = if matches!(self.peek(), None | Some(b'\n' | b'\r' | b'#')) {
                self.skip_to_content()?;
                if self.peek().is_some() && self.column() > indent && !self.at_document_marker() {
                    self.block_node(indent as isize)?
                } else {
                    self.pos = after_dash;
                    null_at(after_dash)
                }
            } else {
                self.block_node(indent as isize)?
            };
            end = end.max(item.span.end);
            items.push(item);
            let before = self.pos;
            self.skip_to_content()?;
            if self.peek().is_none() || self.at_document_marker() {
                break;
            }
            let column = self.column();
            if column == indent && self.peek() == Some(b'-') && self.is_blank_or_end(1) {
                continue;
            }
            if column > indent {
                return Err(());
            }
            self.pos = before;
            break;
        }
        Ok(Node {
            span: start..end,
            value: Value::Seq(items),
        })
    }

    fn block_mapping(&mut self, indent: usize) -> R<Node> {
        let start = self.pos;
        let mut pairs = PairList::default();
        let mut end = self.pos;
        loop {
            let (key, key_span) = self.key()?;
            // At the `:`. An empty value sits right after it, as on tree-sitter's path.
            self.pos += 1;
            let after_colon = self.pos;
            self.skip_inline_space();
            let value = if matches!(self.peek(), None | Some(b'\n' | b'\r' | b'#')) {
                self.skip_to_content()?;
                let column = self.column();
                if self.peek().is_some()
                    && !self.at_document_marker()
                    && (column > indent || (column == indent && self.peek() == Some(b'-') && self.is_blank_or_end(1)))
                {
                    if column == indent {
                        self.block_sequence(indent)?
                    } else {
                        self.block_node(indent as isize)?
                    }
                } else {
                    self.pos = after_colon;
                    null_at(after_colon)
                }
            } else {
                self.value_after_key(indent)?
            };
            end = end.max(value.span.end).max(key_span.end);
            pairs.push(key, key_span, value);
            let before = self.pos;
            self.skip_to_content()?;
            if self.peek().is_none() || self.at_document_marker() {
                break;
            }
            let column = self.column();
            if column == indent {
                if !self.line_is_mapping_key() {
                    return Err(());
                }
                continue;
            }
            if column > indent {
                return Err(());
            }
            self.pos = before;
            break;
        }
        Ok(Node {
            span: start..end,
            value: Value::Map(pairs.finish()),
        })
    }

    /// A key at the cursor, leaving the cursor on its `:`.
    fn key(&mut self) -> R<(String, std::ops::Range<usize>)> {
        match self.peek() {
            Some(b'"' | b'\'') => {
                let node = self.quoted()?;
                self.skip_inline_space();
                if self.peek() != Some(b':') {
                    return Err(());
                }
                let text = node.str().unwrap_or("").to_string();
                Ok((text, node.span))
            }
            _ => {
                let line_end = self.src[self.pos..].find('\n').map_or(self.src.len(), |i| self.pos + i);
                let line = &self.src[self.pos..line_end];
                let colon = plain_key_end(line).ok_or(())?;
                let raw = line[..colon].trim_end();
                let span = self.pos..self.pos + raw.len();
                self.pos += colon;
                Ok((raw.to_string(), span))
            }
        }
    }

    /// The value on the same line as its key or after `- `: a scalar, a flow collection,
    /// a block scalar, an alias, or an anchored node.
    fn value_after_key(&mut self, indent: usize) -> R<Node> {
        match self.peek() {
            Some(b'&') => {
                let name = self.anchor_name()?;
                self.skip_inline_space();
                // A node has one anchor; a run of them would recurse once each.
                if self.peek() == Some(b'&') {
                    return Err(());
                }
                let node = if matches!(self.peek(), None | Some(b'\n' | b'\r' | b'#')) {
                    self.skip_to_content()?;
                    let column = self.column();
                    if column > indent || (column == indent && self.peek() == Some(b'-') && self.is_blank_or_end(1)) {
                        if column == indent {
                            self.block_sequence(indent)?
                        } else {
                            self.block_node(indent as isize)?
                        }
                    } else {
                        return Err(());
                    }
                } else {
                    self.value_after_key(indent)?
                };
                self.anchor(name, &node)?;
                Ok(node)
            }
            _ => self.inline_value(indent as isize),
        }
    }

    fn inline_value(&mut self, parent: isize) -> R<Node> {
        match self.peek() {
            Some(b'|' | b'>') => self.block_scalar(parent),
            Some(b'[' | b'{') => {
                let node = self.flow_node()?;
                self.indented_past(&node, parent)?;
                self.end_of_line()?;
                Ok(node)
            }
            Some(b'"' | b'\'') => {
                let node = self.quoted()?;
                self.indented_past(&node, parent)?;
                self.end_of_line()?;
                Ok(node)
            }
            Some(b'*') => {
                let node = self.alias()?;
                self.end_of_line()?;
                Ok(node)
            }
            Some(b'!' | b'%' | b'@' | b'`' | b'?') => Err(()),
            Some(_) => self.plain_block_scalar(parent),
            None => Err(()),
        }
    }

    /// A flow collection or quoted scalar over several lines must indent each line past
    /// its parent's indentation.
    fn indented_past(&self, node: &Node, parent: isize) -> R<()> {
        for line in self.src[node.span.clone()].split('\n').skip(1) {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if !line.trim().is_empty() && indent as isize <= parent {
                return Err(());
            }
        }
        Ok(())
    }

    fn alias(&mut self) -> R<Node> {
        let start = self.pos;
        let name = self.anchor_name()?;
        Ok(match self.anchors.get(name) {
            Some(node) if self.copies.charge(node) => node.clone(),
            Some(_) => return Err(()),
            None => Node {
                span: start..self.pos,
                value: Value::Null,
            },
        })
    }

    /// A plain scalar in block context: one line (more lines are left to tree-sitter).
    fn plain_block_scalar(&mut self, parent: isize) -> R<Node> {
        let start = self.pos;
        let line_end = self.src[start..].find('\n').map_or(self.src.len(), |i| start + i);
        let line = &self.src[start..line_end];
        let mut end = line.len();
        let bytes = line.as_bytes();
        for i in 0..bytes.len() {
            if bytes[i] == b'#' && i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
                end = i;
                break;
            }
            if bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r')) {
                return Err(());
            }
        }
        let text = line[..end].trim_end_matches([' ', '\t', '\r']);
        // `-`, `?` or `:` then a blank is an indicator, not the start of a plain scalar.
        if text.is_empty() || matches!(bytes, [b'-' | b'?' | b':'] | [b'-' | b'?' | b':', b' ' | b'\t', ..]) {
            return Err(());
        }
        // More-indented lines continue the scalar; line breaks fold to spaces.
        let mut end = start + text.len();
        let mut probe = line_end;
        let mut multi_line = false;
        while probe < self.src.len() {
            let next_start = probe + 1;
            let next_end = self.src[next_start..]
                .find('\n')
                .map_or(self.src.len(), |i| next_start + i);
            let next = &self.src[next_start..next_end];
            let trimmed = next.trim();
            if trimmed.is_empty() {
                probe = next_end;
                continue;
            }
            let indent = next.len() - next.trim_start_matches(' ').len();
            if (indent as isize) <= parent || trimmed.starts_with('#') || is_document_marker(next) {
                break;
            }
            if next.contains('\t')
                || trimmed.starts_with(['[', '{', '&', '*', '!', '|', '>', '\'', '"', '?', ':', '%', '@', '`'])
                || trimmed == "-"
                || trimmed.starts_with("- ")
                || trimmed.contains(": ")
                || trimmed.ends_with(':')
                || trimmed.contains(" #")
            {
                return Err(());
            }
            multi_line = true;
            end = next_start + indent + trimmed.len();
            probe = next_end;
        }
        self.pos = end;
        let raw = &self.src[start..end];
        let (text, verbatim_at) = if multi_line {
            (fold_plain_text(raw), None)
        } else {
            (text.to_string(), Some(start))
        };
        Ok(Node {
            span: start..end,
            value: Value::Scalar(Scalar { text, verbatim_at }),
        })
    }

    fn quoted(&mut self) -> R<Node> {
        let start = self.pos;
        let quote = self.b[start];
        let mut i = start + 1;
        loop {
            match self.b.get(i) {
                None => return Err(()),
                Some(b'\\') if quote == b'"' => i += 2,
                Some(&byte) if byte == quote => {
                    if quote == b'\'' && self.b.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                Some(_) => i += 1,
            }
        }
        let inner = &self.src[start + 1..i];
        // A document marker inside a quoted scalar is an error for tree-sitter and YAML.
        if inner.split('\n').skip(1).any(is_document_marker) {
            return Err(());
        }
        self.pos = i + 1;
        let text = if quote == b'\'' {
            fold_quoted_text(&inner.replace("''", "'"))
        } else {
            unescape_double_text(inner)
        };
        let verbatim_at = (text == inner).then_some(start + 1);
        Ok(Node {
            span: start..self.pos,
            value: Value::Scalar(Scalar { text, verbatim_at }),
        })
    }

    fn block_scalar(&mut self, parent: isize) -> R<Node> {
        let start = self.pos;
        self.pos += 1;
        let mut indicator = None;
        while let Some(byte @ (b'-' | b'1'..=b'9')) = self.peek() {
            if byte != b'-' {
                if indicator.is_some() {
                    return Err(());
                }
                indicator = Some((byte - b'0') as usize);
            }
            self.pos += 1;
        }
        // At the top level an indentation indicator counts from column 0 (libyaml) or -1
        // (YAML 1.2), and tree-sitter's reading of it is its own: left to tree-sitter.
        if indicator.is_some() && parent < 0 {
            return Err(());
        }
        // `|+` keeps trailing blank lines, which only tree-sitter's span carries.
        if self.peek() == Some(b'+') {
            return Err(());
        }
        self.end_of_line()?;
        // tree-sitter loses the content of a top-level block scalar whose header has a
        // comment.
        if parent < 0 && self.peek() == Some(b'#') {
            return Err(());
        }
        // Content: every following line that is blank or indented more than the parent,
        // up to the first less-indented content line.
        let mut end = self.pos;
        let mut cursor = self.src[self.pos..].find('\n').map_or(self.src.len(), |i| self.pos + i);
        // An indentation indicator fixes the content's indentation, past the parent's: a
        // line indented less ends the scalar, and spaces past it are content even on a
        // line of spaces.
        let mut content_indent: Option<usize> = indicator.map(|m| parent.max(0) as usize + m);
        // The longest blank line before the first content line.
        let mut leading_blank = 0;
        while cursor < self.src.len() {
            let line_start = cursor + 1;
            let line_end = self.src[line_start..]
                .find('\n')
                .map_or(self.src.len(), |i| line_start + i);
            let line = &self.src[line_start..line_end];
            let indent = line.len() - line.trim_start_matches(' ').len();
            if line.trim().is_empty() {
                match content_indent {
                    None => leading_blank = leading_blank.max(line.len()),
                    // Spaces past the indentation are content, even on a blank line.
                    Some(content) if line.len() > content => end = line_end,
                    Some(_) => {}
                }
                cursor = line_end;
                continue;
            }
            // At the top level, `---` and `...` end the document and so the scalar.
            if is_document_marker(line) {
                break;
            }
            let required = content_indent.unwrap_or((parent + 1).max(0) as usize);
            if indent < required || (indent as isize) <= parent {
                break;
            }
            if content_indent.is_none() {
                if line.as_bytes().get(indent) == Some(&b'\t') {
                    return Err(());
                }
                // A leading blank line may not be indented more than the first content
                // line.
                if leading_blank > indent {
                    return Err(());
                }
                content_indent = Some(indent);
            }
            end = line_end;
            cursor = line_end;
        }
        let (text, verbatim_at) = block_scalar(&self.src[start..end], parent.max(0) as usize);
        self.pos = end;
        Ok(Node {
            span: start..end,
            value: Value::Scalar(Scalar {
                text,
                verbatim_at: verbatim_at.map(|at| start + at),
            }),
        })
    }

    fn flow_node(&mut self) -> R<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(());
        }
        let node = self.flow_node_inner();
        self.depth -= 1;
        node
    }

    fn skip_flow_space(&mut self) -> R<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(b'#') if matches!(self.b.get(self.pos.wrapping_sub(1)), Some(b' ' | b'\t' | b'\n')) => {
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                }
                None => return Err(()),
                // A document marker inside a flow collection is an error.
                _ if self.at_document_marker() => return Err(()),
                _ => return Ok(()),
            }
        }
    }

    fn flow_node_inner(&mut self) -> R<Node> {
        match self.peek() {
            Some(b'[') => {
                let start = self.pos;
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_flow_space()?;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        break;
                    }
                    let item_start = self.pos;
                    let item = self.flow_node()?;
                    self.skip_flow_space()?;
                    // An implicit key is on one line with its `:`.
                    if self.peek() == Some(b':') && self.src[item.span.end..self.pos].contains('\n') {
                        return Err(());
                    }
                    if self.peek() == Some(b':') {
                        // `[a: b]`: a one-pair mapping.
                        self.pos += 1;
                        let after_colon = self.pos;
                        self.skip_flow_space()?;
                        let value = if matches!(self.peek(), Some(b',' | b']')) {
                            null_at(after_colon)
                        } else {
                            self.flow_node()?
                        };
                        let key = item.str().ok_or(())?.to_string();
                        // The pair starts at the key's anchor, if it has one.
                        let span = item_start..value.span.end.max(item.span.end);
                        items.push(Node {
                            span,
                            value: Value::Map(vec![Pair {
                                key,
                                key_span: item.span,
                                value,
                            }]),
                        });
                        self.skip_flow_space()?;
                    } else {
                        items.push(item);
                    }
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {}
                        _ => return Err(()),
                    }
                }
                Ok(Node {
                    span: start..self.pos,
                    value: Value::Seq(items),
                })
            }
            Some(b'{') => {
                let start = self.pos;
                self.pos += 1;
                let mut pairs = PairList::default();
                loop {
                    self.skip_flow_space()?;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        break;
                    }
                    let key = self.flow_node()?;
                    let key_text = key.str().ok_or(())?.to_string();
                    self.skip_flow_space()?;
                    if self.peek() == Some(b':') && self.src[key.span.end..self.pos].contains('\n') {
                        return Err(());
                    }
                    let value = if self.peek() == Some(b':') {
                        self.pos += 1;
                        let after_colon = self.pos;
                        self.skip_flow_space()?;
                        if matches!(self.peek(), Some(b',' | b'}')) {
                            null_at(after_colon)
                        } else {
                            self.flow_node()?
                        }
                    } else {
                        null_at(key.span.end)
                    };
                    pairs.push(key_text, key.span, value);
                    self.skip_flow_space()?;
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {}
                        _ => return Err(()),
                    }
                }
                Ok(Node {
                    span: start..self.pos,
                    value: Value::Map(pairs.finish()),
                })
            }
            Some(b'"' | b'\'') => self.quoted(),
            Some(b'*') => self.alias(),
            Some(b'&') => {
                let name = self.anchor_name()?;
                self.skip_flow_space()?;
                let node = self.flow_node()?;
                self.anchor(name, &node)?;
                Ok(node)
            }
            Some(b'!' | b'%' | b'@' | b'`' | b'?' | b'|' | b'>' | b'#' | b',' | b']' | b'}') => Err(()),
            Some(_) => self.plain_flow_scalar(),
            None => Err(()),
        }
    }

    /// A plain scalar inside `[…]` or `{…}`: up to `,`, a closing bracket, `: ` or a comment.
    fn plain_flow_scalar(&mut self) -> R<Node> {
        let start = self.pos;
        while let Some(byte) = self.peek() {
            match byte {
                b',' | b']' | b'}' | b'[' | b'{' | b'\n' | b'\r' => break,
                b':' if matches!(
                    self.at(1),
                    None | Some(b' ' | b',' | b']' | b'}' | b'\n' | b'\r' | b'\t')
                ) =>
                {
                    break
                }
                b'#' if matches!(self.b.get(self.pos.wrapping_sub(1)), Some(b' ' | b'\t')) => break,
                _ => self.pos += 1,
            }
        }
        if matches!(self.peek(), Some(b'[' | b'{' | b'\n' | b'\r')) {
            // A bracket inside a plain scalar, or a scalar running onto the next line.
            let rest = &self.src[self.pos..];
            if !rest.starts_with('\n') && !rest.starts_with('\r') {
                return Err(());
            }
        }
        let text = self.src[start..self.pos].trim_end_matches([' ', '\t']);
        if text.is_empty() {
            return Err(());
        }
        self.pos = start + text.len();
        Ok(Node {
            span: start..self.pos,
            value: Value::Scalar(Scalar {
                text: text.to_string(),
                verbatim_at: Some(start),
            }),
        })
    }
}

fn null_at(pos: usize) -> Node {
    Node {
        span: pos..pos,
        value: Value::Null,
    }
}

/// `-`, `?` or `:` followed by a tab: an indicator for YAML and tree-sitter, which the
/// fast path does not model.
fn indicator_then_tab(bytes: &[u8]) -> bool {
    matches!(bytes, [b'-' | b'?' | b':', b'\t', ..])
}

/// Whether a line is `---` or `...` alone or followed by a space.
fn is_document_marker(line: &str) -> bool {
    (line.starts_with("---") || line.starts_with("...")) && matches!(line.as_bytes().get(3), None | Some(b' ' | b'\n'))
}
