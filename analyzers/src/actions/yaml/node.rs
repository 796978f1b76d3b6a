//! The node model every reader builds: mappings, sequences and scalars, each with the exact
//! bytes it came from, and the bounds on what building one may cost.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

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

/// Collections nested deeper than this are refused, by both readers and before
/// tree-sitter sees the text ([`super::limits`]).
pub(super) const MAX_DEPTH: usize = 100;

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
/// Past [`INDEXED_FROM`] keys they are indexed, so that a mapping with many keys takes linear
/// time; below, a scan is cheaper than hashing (most mappings have a few keys).
#[derive(Default)]
pub(super) struct PairList {
    pairs: Vec<Option<Pair>>,
    index: Option<HashMap<String, usize>>,
}

const INDEXED_FROM: usize = 16;

impl PairList {
    /// Where the live pair of `key` is.
    fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self
                .pairs
                .iter()
                .position(|pair| pair.as_ref().is_some_and(|pair| pair.key == key)),
        }
    }

    fn add(&mut self, pair: Pair) {
        if let Some(index) = &mut self.index {
            index.insert(pair.key.clone(), self.pairs.len());
        }
        self.pairs.push(Some(pair));
        if self.index.is_none() && self.pairs.len() >= INDEXED_FROM {
            let index = self
                .pairs
                .iter()
                .enumerate()
                .filter_map(|(at, pair)| pair.as_ref().map(|pair| (pair.key.clone(), at)))
                .collect();
            self.index = Some(index);
        }
    }

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
                if self.position(&pair.key).is_none() {
                    self.add(pair);
                }
            }
            return;
        }
        if let Some(old) = self.position(&key) {
            self.pairs[old] = None;
        }
        self.add(Pair { key, key_span, value });
    }

    pub fn finish(self) -> Vec<Pair> {
        self.pairs.into_iter().flatten().collect()
    }
}
