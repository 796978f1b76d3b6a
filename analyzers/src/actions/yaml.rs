//! A span-preserving view of YAML: tree-sitter-yaml's concrete tree turned into plain
//! mappings, sequences and scalars, each with the exact bytes it came from. Aliases are
//! resolved (the copy keeps the anchored node's spans), `<<` merge keys are applied, and
//! keys keep their source spelling, so a bare `on` stays the key `on`.

use std::collections::HashMap;
use std::ops::Range;

use tree_sitter::{Node as TsNode, Parser};

#[derive(Clone, Debug)]
pub struct Node {
    pub span: Range<usize>,
    pub value: Value,
}

#[derive(Clone, Debug)]
pub enum Value {
    Map(Vec<Pair>),
    Seq(Vec<Node>),
    Scalar(Scalar),
    /// An empty value (`key:` with nothing after it).
    Null,
}

#[derive(Clone, Debug)]
pub struct Pair {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Node,
}

#[derive(Clone, Debug)]
pub struct Scalar {
    /// The decoded value.
    pub text: String,
    /// Where `text` appears verbatim in the source, when it does (plain scalars and quoted
    /// scalars without escapes): sub-spans of the value are then exact.
    pub verbatim_at: Option<usize>,
}

/// Parsed documents plus the first syntax error, if any.
pub struct Parsed {
    pub documents: Vec<Node>,
    pub error: Option<Range<usize>>,
    /// Sequence items that a syntax error cut loose from their parent: after an error,
    /// steps are still found here.
    pub orphans: Vec<Node>,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.pair(key).map(|pair| &pair.value)
    }

    pub fn pair(&self, key: &str) -> Option<&Pair> {
        match &self.value {
            Value::Map(pairs) => pairs.iter().find(|pair| pair.key == key),
            _ => None,
        }
    }

    pub fn pairs(&self) -> &[Pair] {
        match &self.value {
            Value::Map(pairs) => pairs,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(scalar) => Some(scalar),
            _ => None,
        }
    }

    pub fn str(&self) -> Option<&str> {
        self.scalar().map(|scalar| scalar.text.as_str())
    }

    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    /// The exact bytes of `range` (an index range into the decoded text), or the whole
    /// value's span when the decoded text is not verbatim in the source.
    pub fn sub_span(&self, range: Range<usize>) -> Range<usize> {
        match self.scalar().and_then(|scalar| scalar.verbatim_at) {
            Some(at) => at + range.start..at + range.end,
            None => self.span.clone(),
        }
    }

    /// The span of the decoded text itself: without the quotes of a quoted scalar.
    pub fn text_span(&self) -> Range<usize> {
        match self.scalar() {
            Some(scalar) => self.sub_span(0..scalar.text.len()),
            None => self.span.clone(),
        }
    }
}

/// Whether a scalar reads as YAML 1.1/1.2 true (GitHub's parser accepts both spellings).
pub fn is_true(node: Option<&Node>) -> bool {
    node.and_then(Node::str)
        .is_some_and(|s| matches!(s, "true" | "True" | "TRUE" | "yes" | "Yes" | "on" | "On"))
}

pub fn is_false(node: Option<&Node>) -> bool {
    node.and_then(Node::str)
        .is_some_and(|s| matches!(s, "false" | "False" | "FALSE" | "no" | "No" | "off" | "Off"))
}

pub fn parse(text: &str) -> Parsed {
    if let Some(documents) = super::fast::parse(text) {
        return Parsed {
            documents,
            error: None,
            orphans: Vec::new(),
        };
    }
    parse_with_tree_sitter(text)
}

/// The fast path alone: `None` where it leaves the file to tree-sitter.
pub fn parse_fast(text: &str) -> Option<Vec<Node>> {
    super::fast::parse(text)
}

/// The general path: every YAML construct, and syntax errors with their position.
pub fn parse_with_tree_sitter(text: &str) -> Parsed {
    let mut parser = Parser::new();
    if parser.set_language(&tree_sitter_yaml::LANGUAGE.into()).is_err() {
        return Parsed {
            documents: Vec::new(),
            error: Some(0..0),
            orphans: Vec::new(),
        };
    }
    let Some(tree) = parser.parse(text, None) else {
        return Parsed {
            documents: Vec::new(),
            error: Some(0..0),
            orphans: Vec::new(),
        };
    };
    let root = tree.root_node();
    let error = if root.has_error() {
        first_error(root, text)
    } else {
        None
    };
    let mut builder = Builder {
        src: text,
        anchors: HashMap::new(),
        depth: 0,
        orphans: Vec::new(),
    };
    let mut documents = Vec::new();
    let mut cursor = root.walk();
    for child in root.named_children(&mut cursor) {
        match child.kind() {
            "document" => {
                builder.anchors.clear();
                let mut inner = child.walk();
                let content = child
                    .named_children(&mut inner)
                    .find(|n| matches!(n.kind(), "block_node" | "flow_node"));
                if let Some(content) = content {
                    documents.push(builder.node(content));
                }
            }
            // A stream whose only content did not parse: what is left is still scanned.
            "block_node" | "flow_node" | "ERROR" => documents.push(builder.node(child)),
            _ => {}
        }
    }
    if root.kind() == "ERROR" {
        documents.push(builder.node(root));
    }
    Parsed {
        documents,
        error,
        orphans: builder.orphans,
    }
}

/// The first ERROR or MISSING node, clipped to its first line.
fn first_error(root: TsNode, text: &str) -> Option<Range<usize>> {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            let mut start = node.start_byte();
            let mut end = node.end_byte().max(start);
            // An error node over several lines holds what parsed before the parser gave up:
            // the problem is the token right after it.
            if text[start..end].trim_end().contains('\n') {
                start = end;
                end = text[start..].find('\n').map_or(text.len(), |n| start + n);
                while start < end && text.as_bytes()[start].is_ascii_whitespace() {
                    start += 1;
                }
                if start == end {
                    // Nothing left on that line: the next line that has something.
                    let rest = &text[end..];
                    let skip = rest.len() - rest.trim_start().len();
                    start = end + skip;
                    end = text[start..].find('\n').map_or(text.len(), |n| start + n);
                }
                return Some(start..end.max(start));
            }
            if let Some(newline) = text[start..end].find('\n') {
                end = start + newline;
            }
            // An error that starts at a line break: point at the next visible character.
            while start < end && text.as_bytes()[start].is_ascii_whitespace() {
                start += 1;
            }
            return Some(start..end.max(start));
        }
        if node.has_error() && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return Some(0..0);
            }
        }
    }
}

struct Builder<'a> {
    src: &'a str,
    anchors: HashMap<&'a str, Node>,
    depth: usize,
    orphans: Vec<Node>,
}

const MAX_DEPTH: usize = 200;

impl<'a> Builder<'a> {
    fn text(&self, node: TsNode) -> &'a str {
        &self.src[node.byte_range()]
    }

    fn node(&mut self, ts: TsNode) -> Node {
        if self.depth > MAX_DEPTH {
            return null(ts);
        }
        self.depth += 1;
        let node = self.node_inner(ts);
        self.depth -= 1;
        node
    }

    fn node_inner(&mut self, ts: TsNode) -> Node {
        match ts.kind() {
            "block_node" | "flow_node" => {
                let mut anchor = None;
                let mut content = None;
                let mut cursor = ts.walk();
                for child in ts.named_children(&mut cursor) {
                    match child.kind() {
                        "anchor" => anchor = child.named_child(0).map(|name| self.text(name)),
                        "tag" | "comment" => {}
                        _ => content = Some(child),
                    }
                }
                let node = match content {
                    Some(content) => self.node(content),
                    None => null(ts),
                };
                if let Some(name) = anchor {
                    self.anchors.insert(name, node.clone());
                }
                node
            }
            "alias" => {
                let name = ts.named_child(0).map(|name| self.text(name)).unwrap_or("");
                match self.anchors.get(name) {
                    Some(node) => node.clone(),
                    None => null(ts),
                }
            }
            "block_mapping" | "flow_mapping" | "ERROR" => {
                let mut pairs = Vec::new();
                self.pairs_into(ts, &mut pairs);
                Node {
                    span: ts.byte_range(),
                    value: Value::Map(pairs),
                }
            }
            "block_sequence" | "flow_sequence" => {
                let mut items = Vec::new();
                let mut cursor = ts.walk();
                for child in ts.named_children(&mut cursor) {
                    match child.kind() {
                        "block_sequence_item" => {
                            let mut inner = child.walk();
                            let content = child
                                .named_children(&mut inner)
                                .find(|n| matches!(n.kind(), "block_node" | "flow_node"));
                            items.push(match content {
                                Some(content) => self.node(content),
                                None => Node {
                                    span: child.end_byte()..child.end_byte(),
                                    value: Value::Null,
                                },
                            });
                        }
                        "flow_node" => items.push(self.node(child)),
                        // `[a: b]` is a sequence holding a one-pair mapping.
                        "flow_pair" => {
                            let mut pairs = Vec::new();
                            self.pair(child, &mut pairs);
                            items.push(Node {
                                span: child.byte_range(),
                                value: Value::Map(pairs),
                            });
                        }
                        _ => {}
                    }
                }
                Node {
                    span: ts.byte_range(),
                    value: Value::Seq(items),
                }
            }
            "plain_scalar" => {
                let raw = self.text(ts);
                let text = fold_plain_text(raw);
                let verbatim_at = (text == raw).then_some(ts.start_byte());
                scalar(ts, text, verbatim_at)
            }
            "single_quote_scalar" => {
                let raw = self.text(ts);
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                let text = fold_quoted_text(&inner.replace("''", "'"));
                let verbatim_at = (text == inner).then_some(ts.start_byte() + 1);
                scalar(ts, text, verbatim_at)
            }
            "double_quote_scalar" => {
                let raw = self.text(ts);
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                let text = unescape_double_text(inner);
                let verbatim_at = (text == inner).then_some(ts.start_byte() + 1);
                scalar(ts, text, verbatim_at)
            }
            "block_scalar" => {
                let raw = self.text(ts);
                let text = block_scalar_value(raw);
                // A one-line block scalar is verbatim in the source after its header.
                let line = text.trim_end_matches('\n');
                let verbatim_at = (!line.is_empty() && !line.contains('\n'))
                    .then(|| {
                        raw.find('\n')
                            .and_then(|header| raw[header..].find(line).map(|at| header + at))
                    })
                    .flatten()
                    .map(|at| ts.start_byte() + at);
                scalar(ts, text, verbatim_at)
            }
            _ => null(ts),
        }
    }

    /// The pairs of a mapping; pairs inside an ERROR node (what survived a syntax error)
    /// are kept too.
    fn pairs_into(&mut self, ts: TsNode, pairs: &mut Vec<Pair>) {
        let mut cursor = ts.walk();
        for child in ts.named_children(&mut cursor) {
            match child.kind() {
                "block_mapping_pair" | "flow_pair" => self.pair(child, pairs),
                "ERROR" => self.pairs_into(child, pairs),
                "block_sequence_item" if ts.kind() == "ERROR" => {
                    let mut inner = child.walk();
                    let content = child
                        .named_children(&mut inner)
                        .find(|n| matches!(n.kind(), "block_node" | "flow_node"));
                    if let Some(content) = content {
                        let node = self.node(content);
                        self.orphans.push(node);
                    }
                }
                // `{a, b}`: keys without values.
                "flow_node" if ts.kind() == "flow_mapping" => {
                    let key = self.node(child);
                    let key_text = key_text(&key, self.text(child));
                    pairs.push(Pair {
                        key: key_text,
                        key_span: key.span.clone(),
                        value: Node {
                            span: child.end_byte()..child.end_byte(),
                            value: Value::Null,
                        },
                    });
                }
                _ => {}
            }
        }
    }

    fn pair(&mut self, ts: TsNode, pairs: &mut Vec<Pair>) {
        let key_ts = ts.child_by_field_name("key");
        let value = match ts.child_by_field_name("value") {
            Some(value) => self.node(value),
            None => Node {
                span: ts.end_byte()..ts.end_byte(),
                value: Value::Null,
            },
        };
        let (key, key_span) = match key_ts {
            Some(key_ts) => {
                let key = self.node(key_ts);
                (key_text(&key, self.text(key_ts)), key.span.clone())
            }
            None => (String::new(), ts.start_byte()..ts.start_byte()),
        };
        merge_or_push(pairs, key, key_span, value);
    }
}

/// Adds a pair to a mapping: `<<` merges the aliased mapping's pairs the mapping does not
/// set itself, and a later duplicate key wins, as in most YAML loaders.
pub(super) fn merge_or_push(pairs: &mut Vec<Pair>, key: String, key_span: Range<usize>, value: Node) {
    if key == "<<" {
        let merged: Vec<Pair> = match &value.value {
            Value::Map(merged) => merged.clone(),
            Value::Seq(items) => items.iter().flat_map(|item| item.pairs().to_vec()).collect(),
            _ => Vec::new(),
        };
        for pair in merged {
            if !pairs.iter().any(|existing| existing.key == pair.key) {
                pairs.push(pair);
            }
        }
        return;
    }
    pairs.retain(|existing| existing.key != key);
    pairs.push(Pair { key, key_span, value });
}

fn key_text(key: &Node, raw: &str) -> String {
    match &key.value {
        Value::Scalar(scalar) => scalar.text.clone(),
        _ => raw.to_string(),
    }
}

fn null(ts: TsNode) -> Node {
    Node {
        span: ts.byte_range(),
        value: Value::Null,
    }
}

fn scalar(ts: TsNode, text: String, verbatim_at: Option<usize>) -> Node {
    Node {
        span: ts.byte_range(),
        value: Value::Scalar(Scalar { text, verbatim_at }),
    }
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

/// `|` and `>` block scalars: indentation removed, chomping applied; `>` folds lines.
pub(super) fn block_scalar_value(raw: &str) -> String {
    let (header, body) = raw.split_once('\n').unwrap_or((raw, ""));
    let header = header.split('#').next().unwrap_or("").trim();
    let folded = header.starts_with('>');
    let keep = header.contains('+');
    let strip = header.contains('-');
    let explicit: Option<usize> = header.chars().find_map(|c| c.to_digit(10)).map(|d| d as usize);
    let lines: Vec<&str> = body.split('\n').collect();
    let indent = explicit.unwrap_or_else(|| {
        lines
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.len() - line.trim_start_matches(' ').len())
            .next()
            .unwrap_or(0)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_values_and_spans() {
        let src = "on: push\n\"jobs\":\n  a: { runs-on: x, steps: [ {uses: 'o/r@v1'} ] }\n";
        let parsed = parse(src);
        assert!(parsed.error.is_none());
        let doc = &parsed.documents[0];
        let on = doc.pair("on").unwrap();
        assert_eq!(&src[on.key_span.clone()], "on");
        let uses = doc.get("jobs").unwrap().get("a").unwrap().get("steps").unwrap().items()[0]
            .get("uses")
            .unwrap();
        assert_eq!(uses.str(), Some("o/r@v1"));
        assert_eq!(&src[uses.text_span()], "o/r@v1");
    }

    #[test]
    fn anchors_merge_and_block_scalars() {
        let src = "a: &x\n  k: 1\nb:\n  <<: *x\n  j: 2\nc: *x\nd: |\n  one\n  two\ne: >-\n  x\n  y\n";
        let parsed = parse(src);
        let doc = &parsed.documents[0];
        assert_eq!(doc.get("b").unwrap().get("k").unwrap().str(), Some("1"));
        assert_eq!(doc.get("c").unwrap().get("k").unwrap().str(), Some("1"));
        assert_eq!(doc.get("d").unwrap().str(), Some("one\ntwo\n"));
        assert_eq!(doc.get("e").unwrap().str(), Some("x y"));
    }

    #[test]
    fn errors_point_where_the_parser_gave_up() {
        let src = "x: 1\nrun: echo \"a: b\"\ny: 2\n";
        let parsed = parse(src);
        let error = parsed.error.unwrap();
        assert_eq!(&src[error.clone()], ": b\"");
        // What parsed before the error is still there.
        assert_eq!(parsed.documents[0].get("x").and_then(Node::str), Some("1"));
        let src = "a:\n  b: 1\n c: 2\n";
        assert_eq!(&src[parse(src).error.unwrap()], "c: 2");
        let src = "on: [push\npermissions: {}\n";
        assert_eq!(&src[parse(src).error.unwrap()], "[push");
    }

    #[test]
    fn errors_are_reported_not_fatal() {
        let parsed = parse("a: [1, 2\nb: c\n");
        assert!(parsed.error.is_some());
        let parsed = parse("---\na: 1\n---\nb: 2\n");
        assert_eq!(parsed.documents.len(), 2);
    }

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
