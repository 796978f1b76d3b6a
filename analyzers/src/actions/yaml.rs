//! A span-preserving view of YAML: tree-sitter-yaml's concrete tree turned into plain
//! mappings, sequences and scalars, each with the exact bytes it came from. Aliases are
//! resolved (the copy keeps the anchored node's spans), `<<` merge keys are applied, and
//! keys keep their source spelling, so a bare `on` stays the key `on`.
//!
//! Both parse paths bound what hostile input can cost: anchors and aliases may copy only
//! so much ([`Copies`]), nesting stops at [`MAX_NESTING`] levels, and text that the
//! tree-sitter scanner cannot take safely never reaches it ([`limits`]).

mod limits;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tree_sitter::{Node as TsNode, Parser};

pub(super) use limits::MAX_NESTING;

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
    /// What is wrong at `error`, when it is more than a syntax error (input too deep or
    /// too large for the parser, aliases expanding past their budget).
    pub message: Option<String>,
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
            message: None,
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
    plan: &'a limits::Plan,
    anchors: HashMap<&'a str, Node>,
    /// Names that some alias uses: other anchors are not kept.
    aliased: HashSet<&'a str>,
    copies: Copies,
    depth: usize,
    orphans: Vec<Node>,
    /// The first place a limit stopped the tree: (span, what).
    limit_error: Option<(Range<usize>, String)>,
}

/// A level of nesting takes up to three steps of the builder (`block_node`, the mapping,
/// its pairs); this bound backs up the one [`limits`] checks before parsing.
const MAX_DEPTH: usize = 3 * MAX_NESTING + 3;

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
        if self.depth > MAX_DEPTH {
            self.limit(ts, format!("collections nested more than {MAX_NESTING} levels deep"));
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
                let text = block_scalar_value(raw, self.block_scalar_parent_indent(ts));
                // A one-line block scalar is verbatim in the source after its header.
                let line = text.trim_end_matches('\n');
                let verbatim_at = (!line.is_empty() && !line.contains('\n'))
                    .then(|| {
                        raw.find('\n')
                            .and_then(|header| raw[header..].find(line).map(|at| header + at))
                    })
                    .flatten()
                    .map(|at| ts.start_byte() + at);
                self.scalar(ts, text, verbatim_at)
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

/// Whether an anchor must be kept: some alias names it (or its name is unusual enough
/// that the alias scan may have read it differently).
pub(super) fn is_aliased(aliased: &HashSet<&str>, name: &str) -> bool {
    aliased.contains(name) || !name.bytes().all(|b| b.is_ascii_graphic())
}

/// The names after every `*` in the text: a superset of the aliases, so that anchors
/// nothing refers to are not copied.
pub(super) fn alias_names(text: &str) -> HashSet<&str> {
    let bytes = text.as_bytes();
    let mut names = HashSet::new();
    for star in memchr::memchr_iter(b'*', bytes) {
        let start = star + 1;
        let len = bytes[start..]
            .iter()
            .take_while(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'))
            .count();
        if let Some(name) = text.get(start..start + len) {
            names.insert(name);
        }
    }
    names
}

/// Copies that anchors and aliases may make: [`ALIAS_BUDGET`] plus one per byte of
/// input, counted in nodes plus bytes of keys and scalars. Each alias copies its
/// anchor's tree, so without a bound a few hundred bytes (`b: &b [*a, *a, …]` nested a
/// few times) expand to billions of nodes, and every rule would walk them.
pub(super) struct Copies {
    left: usize,
}

pub(super) const ALIAS_BUDGET: usize = 100_000;

impl Copies {
    pub fn new(text: &str) -> Self {
        Copies {
            left: ALIAS_BUDGET + text.len(),
        }
    }

    /// Charges a copy of `node`; false, and nothing more allowed, when that would go past
    /// the budget. Counting stops there, so refusing costs no more than the budget.
    pub fn charge(&mut self, node: &Node) -> bool {
        let mut cost = 0;
        let mut stack = vec![node];
        while let Some(node) = stack.pop() {
            cost += 1;
            match &node.value {
                Value::Map(pairs) => {
                    for pair in pairs {
                        cost += pair.key.len();
                        stack.push(&pair.value);
                    }
                }
                Value::Seq(items) => stack.extend(items),
                Value::Scalar(scalar) => cost += scalar.text.len(),
                Value::Null => {}
            }
            if cost > self.left {
                self.left = 0;
                return false;
            }
        }
        self.left -= cost;
        true
    }

    pub fn exhausted() -> String {
        format!(
            "anchors and aliases copy more than {ALIAS_BUDGET} nodes plus one per byte of the file here \
             (an alias bomb?): this alias and the ones after it were left empty"
        )
    }
}

/// The pairs of a mapping as they are built: `<<` merges the aliased mapping's pairs the
/// mapping does not set itself, and a later duplicate key wins, as in most YAML loaders.
/// Keys are indexed, so that a mapping with many keys takes linear time.
#[derive(Default)]
pub(super) struct PairList {
    pairs: Vec<Option<Pair>>,
    index: HashMap<String, usize>,
}

impl PairList {
    pub fn push(&mut self, key: String, key_span: Range<usize>, value: Node) {
        if key == "<<" {
            let merged = match value.value {
                Value::Map(merged) => merged,
                Value::Seq(items) => items
                    .into_iter()
                    .flat_map(|item| match item.value {
                        Value::Map(pairs) => pairs,
                        _ => Vec::new(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for pair in merged {
                if !self.index.contains_key(&pair.key) {
                    self.index.insert(pair.key.clone(), self.pairs.len());
                    self.pairs.push(Some(pair));
                }
            }
            return;
        }
        if let Some(old) = self.index.insert(key.clone(), self.pairs.len()) {
            self.pairs[old] = None;
        }
        self.pairs.push(Some(Pair { key, key_span, value }));
    }

    pub fn finish(self) -> Vec<Pair> {
        self.pairs.into_iter().flatten().collect()
    }
}

fn key_text(key: &Node, raw: &str) -> String {
    match &key.value {
        Value::Scalar(scalar) => scalar.text.clone(),
        _ => raw.to_string(),
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

/// `|` and `>` block scalars: indentation removed, chomping applied; `>` folds lines. An
/// indentation indicator counts from `parent`, the indentation of the enclosing collection.
pub(super) fn block_scalar_value(raw: &str, parent: usize) -> String {
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
