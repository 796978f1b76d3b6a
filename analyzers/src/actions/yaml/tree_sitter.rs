//! The general reader: tree-sitter-yaml's concrete tree turned into the node model. It
//! takes every YAML construct, and reports syntax errors with their position.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tree_sitter::{Node as TsNode, Parser};

use super::limits::{self, Plan};
use super::node::{alias_names, is_aliased, Copies, Node, PairList, Parsed, Scalar, Value, MAX_DEPTH};
use super::scalar::{block_scalar, fold_plain_text, fold_quoted_text, unescape_double_text};

/// Every YAML construct, and syntax errors with their position.
pub fn parse(text: &str) -> Parsed {
    let refused = |error: Range<usize>, problem: String| Parsed {
        documents: Vec::new(),
        error: Some(error),
        message: Some(format!("{problem}; nothing else in this file was checked")),
        orphans: Vec::new(),
    };
    let plan = match limits::plan(text) {
        Ok(plan) => plan,
        Err((error, message)) => return refused(error, message),
    };
    let padded = plan.padded(text);
    let mut parser = Parser::new();
    if parser.set_language(&tree_sitter_yaml::LANGUAGE.into()).is_err() {
        return refused(0..0, "the YAML parser could not be loaded".to_string());
    }
    let Some(tree) = parser.parse(padded.as_ref(), None) else {
        return refused(0..0, "the YAML parser gave up on this file".to_string());
    };
    let root = tree.root_node();
    let syntax_error = if root.has_error() {
        first_error(root, &padded).map(|error| plan.original(error.start)..plan.original(error.end))
    } else {
        None
    };
    let mut builder = Builder {
        src: &padded,
        plan: &plan,
        anchors: HashMap::new(),
        aliased: alias_names(&padded),
        copies: Copies::new(text),
        depth: 0,
        orphans: Vec::new(),
        limit_error: None,
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
    // tree-sitter-yaml ends the stream at a NUL byte without an error, and YAML does not
    // allow one: what follows it was not read, so that is the file's first problem.
    if let Some(nul) = memchr::memchr(0, text.as_bytes()) {
        if builder.limit_error.as_ref().is_none_or(|(limit, _)| limit.start > nul) {
            builder.limit_error = Some((
                nul..nul + 1,
                "a NUL byte, which YAML does not allow (GitHub will reject this file); nothing after it was checked"
                    .to_string(),
            ));
        }
    }
    // The first problem in the file: a syntax error, or where a limit was reached.
    let (error, message) = match (syntax_error, builder.limit_error) {
        (Some(syntax), Some((limit, message))) if limit.start < syntax.start => (Some(limit), Some(message)),
        (Some(syntax), _) => (Some(syntax), None),
        (None, Some((limit, message))) => (Some(limit), Some(message)),
        (None, None) => (None, None),
    };
    Parsed {
        documents,
        error,
        message,
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
    /// The text tree-sitter read (the original, or the original with comment lines).
    src: &'a str,
    plan: &'a Plan,
    anchors: HashMap<&'a str, Node>,
    /// Names that some alias uses: other anchors are not kept.
    aliased: HashSet<&'a str>,
    copies: Copies,
    depth: usize,
    orphans: Vec<Node>,
    /// The first place a limit stopped the tree: (span, what).
    limit_error: Option<(Range<usize>, String)>,
}

impl<'a> Builder<'a> {
    fn text(&self, node: TsNode) -> &'a str {
        &self.src[node.byte_range()]
    }

    /// An offset in the original text.
    fn at(&self, offset: usize) -> usize {
        self.plan.original(offset)
    }

    fn span(&self, ts: TsNode) -> Range<usize> {
        self.at(ts.start_byte())..self.at(ts.end_byte())
    }

    fn null(&self, ts: TsNode) -> Node {
        Node {
            span: self.span(ts),
            value: Value::Null,
        }
    }

    fn null_at(&self, offset: usize) -> Node {
        let at = self.at(offset);
        Node {
            span: at..at,
            value: Value::Null,
        }
    }

    fn scalar(&self, ts: TsNode, text: String, verbatim_at: Option<usize>) -> Node {
        Node {
            span: self.span(ts),
            value: Value::Scalar(Scalar {
                text,
                verbatim_at: verbatim_at.map(|offset| self.at(offset)),
            }),
        }
    }

    fn limit(&mut self, ts: TsNode, message: String) {
        if self.limit_error.is_none() {
            self.limit_error = Some((self.span(ts), message));
        }
    }

    fn too_deep(&mut self, ts: TsNode) -> bool {
        // A level of nesting takes up to three steps of the builder (`block_node`, the
        // mapping, its pairs): this bound backs up the one [`limits`] checks before parsing.
        if self.depth > 3 * MAX_DEPTH + 3 {
            self.limit(ts, format!("collections nested more than {MAX_DEPTH} levels deep"));
            return true;
        }
        false
    }

    fn node(&mut self, ts: TsNode) -> Node {
        if self.too_deep(ts) {
            return self.null(ts);
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
                        "anchor" => anchor = child.named_child(0).map(|name| (self.text(name), child)),
                        "tag" | "comment" => {}
                        _ => content = Some(child),
                    }
                }
                let node = match content {
                    Some(content) => self.node(content),
                    None => self.null(ts),
                };
                if let Some((name, anchor)) = anchor {
                    if is_aliased(&self.aliased, name) {
                        if self.copies.charge(&node) {
                            self.anchors.insert(name, node.clone());
                        } else {
                            self.anchors.remove(name);
                            self.limit(anchor, Copies::exhausted());
                        }
                    }
                }
                node
            }
            "alias" => {
                let name = ts.named_child(0).map(|name| self.text(name)).unwrap_or("");
                match self.anchors.get(name) {
                    Some(node) if self.copies.charge(node) => node.clone(),
                    Some(_) => {
                        self.limit(ts, Copies::exhausted());
                        self.null(ts)
                    }
                    None => self.null(ts),
                }
            }
            "block_mapping" | "flow_mapping" | "ERROR" => {
                let mut pairs = PairList::default();
                self.pairs_into(ts, &mut pairs);
                Node {
                    span: self.span(ts),
                    value: Value::Map(pairs.finish()),
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
                                None => self.null_at(child.end_byte()),
                            });
                        }
                        "flow_node" => items.push(self.node(child)),
                        // `[a: b]` is a sequence holding a one-pair mapping.
                        "flow_pair" => {
                            let mut pairs = PairList::default();
                            self.pair(child, &mut pairs);
                            items.push(Node {
                                span: self.span(child),
                                value: Value::Map(pairs.finish()),
                            });
                        }
                        _ => {}
                    }
                }
                Node {
                    span: self.span(ts),
                    value: Value::Seq(items),
                }
            }
            "plain_scalar" => {
                let raw = self.text(ts);
                let text = fold_plain_text(raw);
                let verbatim_at = (text == raw).then_some(ts.start_byte());
                self.scalar(ts, text, verbatim_at)
            }
            "single_quote_scalar" => {
                let raw = self.text(ts);
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                let text = fold_quoted_text(&inner.replace("''", "'"));
                let verbatim_at = (text == inner).then_some(ts.start_byte() + 1);
                self.scalar(ts, text, verbatim_at)
            }
            "double_quote_scalar" => {
                let raw = self.text(ts);
                let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
                let text = unescape_double_text(inner);
                let verbatim_at = (text == inner).then_some(ts.start_byte() + 1);
                self.scalar(ts, text, verbatim_at)
            }
            "block_scalar" => {
                let raw = &self.src[ts.start_byte()..self.block_scalar_end(ts)];
                let (text, verbatim_at) = block_scalar(raw, self.block_scalar_parent_indent(ts));
                self.scalar(ts, text, verbatim_at.map(|at| ts.start_byte() + at))
            }
            _ => self.null(ts),
        }
    }

    /// The indentation of the block collection holding a block scalar (0 at the top
    /// level): an indentation indicator counts from it.
    fn block_scalar_parent_indent(&self, ts: TsNode) -> usize {
        let mut node = ts.parent();
        while let Some(parent) = node {
            if matches!(parent.kind(), "block_mapping" | "block_sequence") {
                let start = parent.start_byte();
                return start - self.src[..start].rfind('\n').map_or(0, |n| n + 1);
            }
            node = parent.parent();
        }
        0
    }

    /// Where a block scalar's text ends. tree-sitter ends it before the blank lines that
    /// follow its last content line when more content follows the scalar, even where a line
    /// of spaces goes past the scalar's indentation: those spaces are content in YAML.
    fn block_scalar_end(&self, ts: TsNode) -> usize {
        let mut end = ts.end_byte();
        let raw = self.text(ts);
        let (header, body) = raw.split_once('\n').unwrap_or((raw, ""));
        let header = header.split('#').next().unwrap_or("");
        let parent = self.block_scalar_parent_indent(ts);
        let explicit = header.chars().find_map(|c| c.to_digit(10)).map(|d| parent + d as usize);
        let first_content = body.split('\n').find(|line| !line.trim().is_empty());
        let Some(indent) = explicit.or(first_content.map(|line| line.len() - line.trim_start_matches(' ').len()))
        else {
            return end;
        };
        let mut lines = self.src[end..].split('\n');
        let mut at = end;
        // The rest of the line the scalar ended on, then the lines after it while blank.
        let rest = lines.next().unwrap_or("");
        if !rest.trim().is_empty() {
            return end;
        }
        // tree-sitter ends the scalar at its last visible byte: spaces after it on that
        // line are content too.
        end += rest.len();
        at = self.src[at..].find('\n').map_or(self.src.len(), |n| at + n + 1);
        for line in lines {
            if !line.trim().is_empty() {
                break;
            }
            if line.len() > indent {
                end = end.max(at + line.len());
            }
            at += line.len() + 1;
        }
        end
    }

    /// The pairs of a mapping; pairs inside an ERROR node (what survived a syntax error)
    /// are kept too.
    fn pairs_into(&mut self, ts: TsNode, pairs: &mut PairList) {
        if self.too_deep(ts) {
            return;
        }
        self.depth += 1;
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
                    let value = self.null_at(child.end_byte());
                    pairs.push(key_text, key.span.clone(), value);
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn pair(&mut self, ts: TsNode, pairs: &mut PairList) {
        let key_ts = ts.child_by_field_name("key");
        let value = match ts.child_by_field_name("value") {
            Some(value) => self.node(value),
            None => self.null_at(ts.end_byte()),
        };
        let (key, key_span) = match key_ts {
            Some(key_ts) => {
                let key = self.node(key_ts);
                (key_text(&key, self.text(key_ts)), key.span.clone())
            }
            None => {
                let at = self.at(ts.start_byte());
                (String::new(), at..at)
            }
        };
        pairs.push(key, key_span, value);
    }
}

fn key_text(key: &Node, raw: &str) -> String {
    match &key.value {
        Value::Scalar(scalar) => scalar.text.clone(),
        _ => raw.to_string(),
    }
}
