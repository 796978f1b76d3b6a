//! One cursor walk over a parsed module that measures every function and class at once.
//!
//! The walk keeps its own stack of enclosing scopes (module, classes, functions) and of
//! enclosing block statements, compares node kinds through a table indexed by `kind_id()`,
//! and allocates nothing per node: the stacks grow to the file's depth and are reused.
//! Counts follow ruff's definitions (see the comments at each node kind); cognitive
//! complexity follows SonarSource's specification.

use std::collections::HashMap;
use std::ops::Range;

use tree_sitter::{Node, Tree, TreeCursor};

use super::kinds::{kinds, Kinds, Role};

/// What a name is bound to in a function scope, after its latest binding (ruff's
/// `BindingKind`, reduced to what the rules need).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bind {
    Argument,
    /// `x = ...`, `x += ...`, `x: T = ...`, a capture in a `case` pattern: what PLR0914 counts.
    Assignment,
    Annotation,
    LoopVar,
    WithItem,
    NamedExpr,
    Exception,
    Import,
    Definition,
    Global,
    Deletion,
}

#[derive(Debug)]
pub(crate) struct FunctionMeasure<'t> {
    pub name: &'t str,
    pub name_span: Range<usize>,
    /// Start of the decorated definition, for suppression comments above decorators.
    pub start: usize,
    pub has_error: bool,
    pub cyclomatic: u32,
    pub branches: u32,
    pub statements: u32,
    pub returns: u32,
    pub locals: u32,
    /// Parameters ruff's PLR0913 counts, `None` when it skips the function.
    pub arguments: Option<u32>,
    pub positional: Option<u32>,
    pub cognitive: u32,
    pub lines: u32,
    /// The parameter or local whose attributes the method reads most: name, reads, reads of `self`.
    pub envy: Option<(&'t str, u32, u32)>,
}

#[derive(Debug)]
pub(crate) struct ClassMeasure<'t> {
    pub name: &'t str,
    pub name_span: Range<usize>,
    pub start: usize,
    pub has_error: bool,
    /// `None` in stubs, which ruff skips.
    pub public_methods: Option<u32>,
    pub instance_attributes: u32,
    pub lines: u32,
}

#[derive(Debug)]
pub(crate) struct NestedBlocks {
    /// The keyword of the outermost block.
    pub span: Range<usize>,
    pub depth: u32,
}

#[derive(Debug)]
pub(crate) struct BoolExpr {
    pub span: Range<usize>,
    pub operands: u32,
}

#[derive(Debug, Default)]
pub(crate) struct Measures<'t> {
    pub functions: Vec<FunctionMeasure<'t>>,
    pub classes: Vec<ClassMeasure<'t>>,
    pub nested: Vec<NestedBlocks>,
    pub bools: Vec<BoolExpr>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Module,
    Class,
    Function,
}

struct Frame<'t> {
    kind: FrameKind,
    start: usize,
    name: &'t str,
    name_span: Range<usize>,
    cyclomatic: u32,
    branches: u32,
    statements: u32,
    returns: u32,
    cognitive: u32,
    /// Global nesting level at the start of this function's body.
    nesting_base: u32,
    bindings: Names<'t, Bind>,
    /// The first parameter of a method that has one (not a staticmethod).
    self_name: Option<&'t str>,
    is_method: bool,
    self_reads: u32,
    reads: Names<'t, u32>,
    arguments: Option<u32>,
    positional: Option<u32>,
    public_methods: u32,
    attributes: Names<'t, ()>,
}

impl<'t> Frame<'t> {
    fn new(kind: FrameKind, node: Node<'t>) -> Self {
        Frame {
            kind,
            start: node.start_byte(),
            name: "",
            name_span: 0..0,
            cyclomatic: 0,
            branches: 0,
            statements: 0,
            returns: 0,
            cognitive: 0,
            nesting_base: 0,
            bindings: Names::default(),
            self_name: None,
            is_method: false,
            self_reads: 0,
            reads: Names::default(),
            arguments: None,
            positional: None,
            public_methods: 0,
            attributes: Names::default(),
        }
    }

    fn bind(&mut self, name: &'t str, kind: Bind) {
        self.bindings.set(name, kind);
    }
}

/// Names with a value each, in the order they were first seen. A lookup scans while the
/// table is small (most functions) and goes through a hash index once it grows: a function
/// with tens of thousands of names stays linear.
struct Names<'t, V> {
    entries: Vec<(&'t str, V)>,
    index: Option<HashMap<&'t str, usize>>,
}

impl<V> Default for Names<'_, V> {
    fn default() -> Self {
        Names {
            entries: Vec::new(),
            index: None,
        }
    }
}

impl<'t, V> Names<'t, V> {
    /// Entries a table holds before it builds its index.
    const SCAN_LIMIT: usize = 32;

    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.entries.iter().position(|(n, _)| *n == name),
        }
    }

    fn get(&self, name: &str) -> Option<&V> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    fn get_mut(&mut self, name: &str) -> Option<&mut V> {
        self.position(name).map(|i| &mut self.entries[i].1)
    }

    /// Adds `name`, which the table does not hold yet.
    fn insert_new(&mut self, name: &'t str, value: V) {
        self.entries.push((name, value));
        if let Some(index) = &mut self.index {
            index.insert(name, self.entries.len() - 1);
        } else if self.entries.len() > Self::SCAN_LIMIT {
            self.index = Some(self.entries.iter().enumerate().map(|(i, (n, _))| (*n, i)).collect());
        }
    }

    fn set(&mut self, name: &'t str, value: V) {
        match self.get_mut(name) {
            Some(slot) => *slot = value,
            None => self.insert_new(name, value),
        }
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    fn iter(&self) -> impl Iterator<Item = &(&'t str, V)> {
        self.entries.iter()
    }
}

/// The children of `node` through a cursor: `Node::child(i)` walks from the first child each
/// time, so indexing every child is quadratic in their number (a parameter list, a tuple of
/// targets, an import list, an or-pattern can hold tens of thousands).
fn children<'t>(node: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    let mut cursor = node.walk();
    let mut more = cursor.goto_first_child();
    std::iter::from_fn(move || {
        if !more {
            return None;
        }
        let child = cursor.node();
        more = cursor.goto_next_sibling();
        Some(child)
    })
}

fn named_children<'t>(node: Node<'t>) -> impl Iterator<Item = Node<'t>> {
    children(node).filter(|child| child.is_named())
}

struct OpenBlock {
    has_nested: bool,
}

pub(crate) struct Walker<'t> {
    k: &'static Kinds,
    text: &'t str,
    stub: bool,
    frames: Vec<Frame<'t>>,
    /// Kind ids of the ancestors of the current node.
    path: Vec<u16>,
    /// Open if/for/while/try/with statements, across function boundaries as ruff counts them.
    blocks: Vec<OpenBlock>,
    block_root: Option<Node<'t>>,
    block_root_depth: u32,
    nesting: u32,
    lambda_depth: u32,
    conditional_depth: u32,
    pending_decorated: Option<Node<'t>>,
    /// The assignment target being walked: attribute accesses in it are writes, not reads.
    target: Range<usize>,
    scratch: Vec<(Node<'t>, u16)>,
    aux: TreeCursor<'t>,
    /// Non-blank lines before each row.
    nonblank: Vec<u32>,
    out: Measures<'t>,
}

pub(crate) fn measure<'t>(tree: &'t Tree, text: &'t str, stub: bool) -> Measures<'t> {
    let root = tree.root_node();
    let mut walker = Walker {
        k: kinds(),
        text,
        stub,
        frames: Vec::with_capacity(16),
        path: Vec::with_capacity(64),
        blocks: Vec::with_capacity(16),
        block_root: None,
        block_root_depth: 0,
        nesting: 0,
        lambda_depth: 0,
        conditional_depth: 0,
        pending_decorated: None,
        target: 0..0,
        scratch: Vec::with_capacity(16),
        aux: root.walk(),
        nonblank: nonblank_prefix(text),
        out: Measures::default(),
    };
    walker.frames.push(Frame::new(FrameKind::Module, root));
    let mut cursor = root.walk();
    // Siblings still to visit at each open level: a level is left with `goto_parent` once
    // its count runs out, never by a failing `goto_next_sibling`, which costs as much as a
    // successful one (a third of the walk's cursor steps).
    let mut remaining: Vec<u32> = Vec::with_capacity(64);
    'walk: loop {
        let node = cursor.node();
        let kind = node.kind_id();
        let descend = walker.enter(node, kind);
        walker.path.push(kind);
        if descend {
            let children = node.child_count();
            if children > 0 && cursor.goto_first_child() {
                remaining.push(children - 1);
                continue;
            }
        }
        loop {
            let kind = walker.path.pop().unwrap_or(0);
            if walker.k.class_of(kind).has_leave_action() {
                walker.leave(cursor.node());
            }
            match remaining.last_mut() {
                Some(left) if *left > 0 && cursor.goto_next_sibling() => {
                    *left -= 1;
                    break;
                }
                Some(_) => {
                    remaining.pop();
                    cursor.goto_parent();
                }
                None => break 'walk,
            }
        }
    }
    walker.out
}

fn nonblank_prefix(text: &str) -> Vec<u32> {
    let mut prefix = Vec::with_capacity(text.len() / 32 + 2);
    prefix.push(0);
    let mut count = 0u32;
    for line in text.as_bytes().split(|&b| b == b'\n') {
        if line.iter().any(|b| !b.is_ascii_whitespace()) {
            count += 1;
        }
        prefix.push(count);
    }
    prefix
}

/// `dummy-variable-rgx`'s default: `^(_+|(_+[a-zA-Z0-9_]*[a-zA-Z0-9]+?))$`.
fn is_dummy(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.first() != Some(&b'_') {
        return false;
    }
    if bytes.iter().all(|&b| b == b'_') {
        return true;
    }
    bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_') && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

impl<'t> Walker<'t> {
    fn text_of(&self, node: Node) -> &'t str {
        self.text.get(node.byte_range()).unwrap_or("")
    }

    fn parent_kind(&self, up: usize) -> u16 {
        let len = self.path.len();
        if len > up {
            self.path[len - 1 - up]
        } else {
            u16::MAX
        }
    }

    fn top(&mut self) -> &mut Frame<'t> {
        self.frames.last_mut().expect("module frame")
    }

    fn function_frame(&mut self) -> Option<&mut Frame<'t>> {
        self.frames.last_mut().filter(|f| f.kind == FrameKind::Function)
    }

    /// A structural increment of cognitive complexity (if, loops, except, match, ternary):
    /// 1 plus the nesting level, in every enclosing function.
    fn structural(&mut self) {
        let nesting = self.nesting;
        for frame in self.frames.iter_mut().rev() {
            if frame.kind == FrameKind::Function {
                frame.cognitive += 1 + nesting.saturating_sub(frame.nesting_base);
            }
        }
    }

    /// A fundamental or hybrid increment (elif, else, boolean sequences, recursion).
    fn flat(&mut self, amount: u32) {
        for frame in self.frames.iter_mut().rev() {
            if frame.kind == FrameKind::Function {
                frame.cognitive += amount;
            }
        }
    }

    fn is_block_statement(&self, kind: u16) -> bool {
        let k = self.k;
        kind == k.if_statement
            || kind == k.for_statement
            || kind == k.while_statement
            || kind == k.try_statement
            || kind == k.with_statement
    }

    /// Whether a `block` under `parent` (itself under `grandparent`) opens a nesting level for
    /// cognitive complexity.
    fn block_nests(&self, parent: u16, grandparent: u16) -> bool {
        let k = self.k;
        if parent == k.else_clause {
            return grandparent != k.try_statement;
        }
        parent == k.if_statement
            || parent == k.elif_clause
            || parent == k.for_statement
            || parent == k.while_statement
            || parent == k.except_clause
            || parent == k.case_clause
            || parent == k.function_definition
    }

    /// Returns whether to walk into the node's children.
    fn enter(&mut self, node: Node<'t>, kind: u16) -> bool {
        let k = self.k;
        match k.class_of(kind) {
            Role::Str | Role::Comment | Role::Skip => return false,
            Role::Simple => {
                let top = self.top();
                top.statements += 1;
                // Outside functions no metric looks inside simple statements: module and class
                // level code (data tables, migrations) is skipped.
                if top.kind != FrameKind::Function {
                    return false;
                }
            }
            Role::Return => self.top().returns += 1,
            Role::If => {
                let f = self.top();
                f.cyclomatic += 1;
                f.branches += 1;
                f.statements += 1;
                self.structural();
                self.check_bool_test(node);
                self.open_block();
                self.conditional_depth += 1;
            }
            Role::Elif => {
                let f = self.top();
                f.cyclomatic += 1;
                f.branches += 1;
                f.statements += 1;
                self.flat(1);
                self.check_bool_test(node);
            }
            Role::Else => {
                let parent = self.parent_kind(0);
                let f = self.top();
                f.branches += 1;
                if parent == k.if_statement {
                    f.statements += 1;
                    self.flat(1);
                } else if parent == k.try_statement {
                    f.cyclomatic += 1;
                    f.statements += 1;
                }
            }
            Role::For => {
                let f = self.top();
                f.cyclomatic += 1;
                f.branches += 1;
                self.structural();
                if let Some(left) = node.child_by_field_id(k.field_left) {
                    self.bind_targets(left, Bind::LoopVar);
                }
                self.open_block();
            }
            Role::While => {
                let f = self.top();
                f.cyclomatic += 1;
                f.branches += 1;
                f.statements += 1;
                self.structural();
                self.open_block();
                self.conditional_depth += 1;
            }
            Role::Try => {
                let handlers = self.count_children(node, k.except_clause);
                let f = self.top();
                f.statements += 1 + u32::from(handlers > 1);
                self.open_block();
            }
            Role::Except => {
                let f = self.top();
                f.cyclomatic += 1;
                f.branches += 1;
                f.statements += 1;
                self.structural();
                if let Some(value) = node.child_by_field_id(k.field_value) {
                    if value.kind_id() == k.as_pattern {
                        if let Some(alias) = value.child_by_field_id(k.field_alias) {
                            self.bind_targets(alias, Bind::Exception);
                        }
                    }
                }
            }
            Role::Finally => {
                let f = self.top();
                f.branches += 1;
                f.statements += 2;
            }
            Role::With => {
                self.top().statements += 1;
                self.bind_with_items(node);
                self.open_block();
            }
            Role::Match => {
                let f = self.top();
                f.statements += 1;
                if self.last_case_is_irrefutable(node) {
                    let f = self.top();
                    f.cyclomatic = f.cyclomatic.wrapping_sub(1);
                }
                self.structural();
                self.conditional_depth += 1;
            }
            Role::Case => {
                let f = self.top();
                f.cyclomatic = f.cyclomatic.wrapping_add(1);
                f.branches += 1;
                f.statements += 1;
                self.bind_case_captures(node);
            }
            Role::Function => self.enter_function(node),
            Role::ClassDefinition => self.enter_class(node),
            Role::Decorated => self.pending_decorated = Some(node),
            Role::Block => {
                let (parent, grandparent) = (self.parent_kind(0), self.parent_kind(1));
                if self.block_nests(parent, grandparent) {
                    self.nesting += 1;
                    if parent == k.function_definition {
                        let nesting = self.nesting;
                        self.top().nesting_base = nesting;
                    }
                }
            }
            Role::Assignment => {
                let kind = if node.child_by_field_id(k.field_right).is_some() {
                    Bind::Assignment
                } else {
                    Bind::Annotation
                };
                if let Some(left) = node.child_by_field_id(k.field_left) {
                    self.bind_targets(left, kind);
                }
            }
            Role::AugAssignment => {
                if let Some(left) = node.child_by_field_id(k.field_left) {
                    self.bind_targets(left, Bind::Assignment);
                }
            }
            Role::NamedExpr => {
                if self.lambda_depth == 0 {
                    if let Some(name) = node.child_by_field_id(k.field_name) {
                        let name = self.text_of(name);
                        if let Some(f) = self.function_frame() {
                            f.bind(name, Bind::NamedExpr);
                        }
                    }
                }
            }
            Role::BoolOp => {
                let parent = self.parent_kind(0);
                let inside_bool = parent == k.boolean_operator
                    || (parent == k.parenthesized_expression && self.paren_chain_in_bool());
                if !inside_bool {
                    let sequences = self.boolean_sequences(node);
                    self.flat(sequences);
                }
            }
            Role::Ternary => {
                self.structural();
                self.nesting += 1;
            }
            Role::Lambda => {
                self.nesting += 1;
                self.lambda_depth += 1;
            }
            Role::Call => self.check_recursion(node),
            Role::Attribute => {
                // `name.attr` holds nothing else any metric reads: its three leaves are not
                // walked (a sixth of a function body's nodes).
                if self.count_attribute_read(node) {
                    return false;
                }
            }
            Role::Global | Role::Nonlocal => {
                self.top().statements += 1;
                self.bind_children_identifiers(node, Bind::Global);
                return false;
            }
            Role::Delete => {
                self.top().statements += 1;
                if self.conditional_depth == 0 {
                    self.bind_delete(node);
                }
            }
            Role::Import | Role::ImportFrom => {
                self.top().statements += 1;
                self.bind_imports(node);
                return false;
            }
            Role::Other => {}
        }
        true
    }

    fn leave(&mut self, node: Node<'t>) {
        let k = self.k;
        match k.class_of(node.kind_id()) {
            Role::If | Role::While => {
                self.conditional_depth -= 1;
                self.close_block(node);
            }
            Role::For | Role::Try | Role::With => self.close_block(node),
            Role::Match => self.conditional_depth -= 1,
            Role::Function => self.leave_function(node),
            Role::ClassDefinition => self.leave_class(node),
            Role::Block => {
                let (parent, grandparent) = (self.parent_kind(0), self.parent_kind(1));
                if self.block_nests(parent, grandparent) {
                    self.nesting -= 1;
                }
            }
            Role::Ternary => self.nesting -= 1,
            Role::Lambda => {
                self.nesting -= 1;
                self.lambda_depth -= 1;
            }
            _ => {}
        }
    }

    // --- nested blocks (PLR1702) ---

    fn open_block(&mut self) {
        let k = self.k;
        // A block statement directly in a body of the enclosing one makes that one a non-leaf.
        if self.parent_kind(0) == k.block {
            let owner = self.parent_kind(1);
            let direct = self.is_block_statement(owner)
                || ((owner == k.elif_clause
                    || owner == k.else_clause
                    || owner == k.except_clause
                    || owner == k.finally_clause)
                    && self.is_block_statement(self.parent_kind(2)));
            if direct {
                if let Some(open) = self.blocks.last_mut() {
                    open.has_nested = true;
                }
            }
        }
        self.blocks.push(OpenBlock { has_nested: false });
    }

    fn close_block(&mut self, node: Node<'t>) {
        let depth = self.blocks.len() as u32;
        let Some(open) = self.blocks.pop() else { return };
        if !open.has_nested && self.frames.last().is_some_and(|f| f.kind == FrameKind::Function) {
            self.block_root_depth = self.block_root_depth.max(depth);
        }
        if self.blocks.is_empty() {
            if self.block_root_depth > 0 {
                let keyword = node
                    .child(0)
                    .map_or(node.start_byte()..node.start_byte(), |c| c.byte_range());
                self.out.nested.push(NestedBlocks {
                    span: keyword,
                    depth: self.block_root_depth,
                });
            }
            self.block_root_depth = 0;
            self.block_root = None;
        }
    }

    // --- boolean expressions ---

    /// The expression inside parentheses (comments inside them are extra children).
    fn unwrap_parens(&self, mut node: Node<'t>) -> Node<'t> {
        while node.kind_id() == self.k.parenthesized_expression {
            let mut inner = None;
            for child in named_children(node) {
                if child.is_extra() {
                    continue;
                }
                if inner.is_some() {
                    return node;
                }
                inner = Some(child);
            }
            match inner {
                Some(inner) => node = inner,
                None => break,
            }
        }
        node
    }

    /// Whether the parenthesized expressions above this node sit directly in a boolean
    /// operator (parentheses do not break a sequence of like operators).
    fn paren_chain_in_bool(&self) -> bool {
        let k = self.k;
        for &kind in self.path.iter().rev() {
            if kind == k.parenthesized_expression {
                continue;
            }
            return kind == k.boolean_operator;
        }
        false
    }

    /// PLR0916: operands of the boolean operation that is an `if`/`elif` test.
    fn check_bool_test(&mut self, node: Node<'t>) {
        let k = self.k;
        let Some(test) = node.child_by_field_id(k.field_condition) else {
            return;
        };
        let test = self.unwrap_parens(test);
        if test.kind_id() != k.boolean_operator {
            return;
        }
        let mut operands = 0;
        self.scratch.clear();
        self.scratch.push((test, 0));
        while let Some((current, _)) = self.scratch.pop() {
            let current = self.unwrap_parens(current);
            if current.kind_id() == k.boolean_operator {
                if let Some(right) = current.child_by_field_id(k.field_right) {
                    self.scratch.push((right, 0));
                }
                if let Some(left) = current.child_by_field_id(k.field_left) {
                    self.scratch.push((left, 0));
                }
            } else {
                operands += 1;
            }
        }
        self.out.bools.push(BoolExpr {
            span: test.byte_range(),
            operands,
        });
    }

    /// Cognitive complexity: one increment per run of like operators, in source order.
    fn boolean_sequences(&mut self, root: Node<'t>) -> u32 {
        let k = self.k;
        let mut sequences = 0;
        let mut previous = u16::MAX;
        self.scratch.clear();
        self.scratch.push((root, 0));
        // In-order over the operator tree: operands pushed right first, operators as markers.
        while let Some((current, marker)) = self.scratch.pop() {
            if marker != 0 {
                if marker != previous {
                    sequences += 1;
                    previous = marker;
                }
                continue;
            }
            let current = self.unwrap_parens(current);
            if current.kind_id() != k.boolean_operator {
                continue;
            }
            let op = current
                .child_by_field_id(k.field_operator)
                .map_or(k.and, |o| o.kind_id());
            if let Some(right) = current.child_by_field_id(k.field_right) {
                self.scratch.push((right, 0));
            }
            self.scratch.push((current, op.max(1)));
            if let Some(left) = current.child_by_field_id(k.field_left) {
                self.scratch.push((left, 0));
            }
        }
        sequences
    }

    // --- match ---

    fn last_case_is_irrefutable(&mut self, node: Node<'t>) -> bool {
        let k = self.k;
        let Some(body) = node.child_by_field_id(k.field_body) else {
            return false;
        };
        let mut last = None;
        self.aux.reset(body);
        if self.aux.goto_first_child() {
            loop {
                let child = self.aux.node();
                if child.kind_id() == k.case_clause {
                    last = Some(child);
                }
                if !self.aux.goto_next_sibling() {
                    break;
                }
            }
        }
        let Some(case) = last else { return false };
        if case.child_by_field_id(k.field_guard).is_some() {
            return false;
        }
        let mut patterns = 0;
        let mut pattern = None;
        for child in named_children(case) {
            if child.kind_id() == k.case_pattern {
                patterns += 1;
                pattern = Some(child);
            }
        }
        patterns == 1 && pattern.is_some_and(|p| self.pattern_is_irrefutable(p, 0))
    }

    /// ruff's `is_irrefutable`: a wildcard or capture, possibly under `as`, in an or-pattern,
    /// or in parentheses.
    fn pattern_is_irrefutable(&self, pattern: Node<'t>, depth: u32) -> bool {
        let k = self.k;
        // Patterns nested this deep are not catch-alls in practice; the bound keeps the
        // recursion off the end of the stack on pathological input.
        if depth > 64 {
            return false;
        }
        let kind = pattern.kind_id();
        if kind == k.case_pattern {
            if pattern.child_count() == 1 && pattern.child(0).is_some_and(|c| c.kind_id() == k.wildcard) {
                return true;
            }
            return pattern.named_child_count() == 1
                && pattern
                    .named_child(0)
                    .is_some_and(|c| self.pattern_is_irrefutable(c, depth + 1));
        }
        if kind == k.dotted_name {
            return pattern.named_child_count() == 1;
        }
        if kind == k.as_pattern {
            return pattern
                .named_child(0)
                .is_some_and(|c| self.pattern_is_irrefutable(c, depth + 1));
        }
        if kind == k.union_pattern {
            return children(pattern).any(|child| {
                child.kind_id() == k.wildcard || (child.is_named() && self.pattern_is_irrefutable(child, depth + 1))
            });
        }
        if kind == k.tuple_pattern {
            // `(p)` is a group, `(p,)` a sequence.
            let has_comma = children(pattern).any(|c| c.kind_id() == k.comma);
            return !has_comma
                && pattern.named_child_count() == 1
                && pattern
                    .named_child(0)
                    .is_some_and(|c| self.pattern_is_irrefutable(c, depth + 1));
        }
        false
    }

    fn bind_case_captures(&mut self, case: Node<'t>) {
        let k = self.k;
        if self.function_frame().is_none() {
            return;
        }
        self.scratch.clear();
        for child in named_children(case) {
            if child.kind_id() == k.case_pattern {
                self.scratch.push((child, k.case_clause));
            }
        }
        while let Some((node, parent)) = self.scratch.pop() {
            let kind = node.kind_id();
            if kind == k.dotted_name {
                if node.named_child_count() == 1 && (parent == k.case_pattern || parent == k.keyword_pattern) {
                    self.bind_capture(node);
                }
                continue;
            }
            if kind == k.identifier {
                if parent == k.splat_pattern || parent == k.as_pattern {
                    self.bind_capture(node);
                }
                continue;
            }
            for child in named_children(node) {
                self.scratch.push((child, kind));
            }
        }
    }

    fn bind_capture(&mut self, node: Node<'t>) {
        let name = self.text_of(node);
        if let Some(f) = self.function_frame() {
            f.bind(name, Bind::Assignment);
        }
    }

    // --- bindings ---

    /// Binds the names in an assignment target; records `self.x` targets for the class.
    fn bind_targets(&mut self, target: Node<'t>, kind: Bind) {
        let k = self.k;
        self.target = target.byte_range();
        let Some(frame) = self.frames.last() else { return };
        if frame.kind != FrameKind::Function {
            return;
        }
        let self_name = frame.self_name;
        self.aux.reset(target);
        let mut depth = 0usize;
        loop {
            let node = self.aux.node();
            let node_kind = node.kind_id();
            let mut descend = true;
            if node_kind == k.identifier {
                let name = self.text_of(node);
                self.top().bind(name, kind);
                descend = false;
            } else if node_kind == k.attribute {
                descend = false;
                if let (Some(self_name), Some(object), Some(attr)) = (
                    self_name,
                    node.child_by_field_id(k.field_object),
                    node.child_by_field_id(k.field_attribute),
                ) {
                    if object.kind_id() == k.identifier && self.text_of(object) == self_name {
                        let attr = self.text_of(attr);
                        self.record_instance_attribute(attr);
                    }
                }
            } else if k.class_of(node_kind) != Role::Other {
                // subscripts, calls, strings: their names are loads
                descend = false;
            } else if node_kind == k.call || node_kind == k.subscript {
                descend = false;
            }
            if descend && self.aux.goto_first_child() {
                depth += 1;
                continue;
            }
            loop {
                if depth == 0 {
                    return;
                }
                if self.aux.goto_next_sibling() {
                    break;
                }
                self.aux.goto_parent();
                depth -= 1;
            }
        }
    }

    fn record_instance_attribute(&mut self, attr: &'t str) {
        // The method frame is on top; its class is right below it.
        let len = self.frames.len();
        if len < 2 {
            return;
        }
        let class = &mut self.frames[len - 2];
        if class.kind == FrameKind::Class && class.attributes.get(attr).is_none() {
            class.attributes.insert_new(attr, ());
        }
    }

    fn bind_with_items(&mut self, node: Node<'t>) {
        let k = self.k;
        if self.function_frame().is_none() {
            return;
        }
        let mut targets: [Option<Node<'t>>; 8] = [None; 8];
        let mut n = 0;
        self.aux.reset(node);
        if self.aux.goto_first_child() {
            loop {
                let clause = self.aux.node();
                if clause.kind_id() != k.block {
                    for item in named_children(clause) {
                        if item.kind_id() != k.with_item {
                            continue;
                        }
                        if let Some(value) = item.child_by_field_id(k.field_value) {
                            if value.kind_id() == k.as_pattern {
                                if let Some(alias) = value.child_by_field_id(k.field_alias) {
                                    if n < targets.len() {
                                        targets[n] = Some(alias);
                                        n += 1;
                                    }
                                }
                            }
                        }
                    }
                }
                if !self.aux.goto_next_sibling() {
                    break;
                }
            }
        }
        for target in targets.into_iter().take(n).flatten() {
            self.bind_targets(target, Bind::WithItem);
        }
    }

    fn bind_children_identifiers(&mut self, node: Node<'t>, kind: Bind) {
        if self.function_frame().is_none() {
            return;
        }
        for child in named_children(node) {
            if child.kind_id() == self.k.identifier {
                let name = self.text_of(child);
                self.top().bind(name, kind);
            }
        }
    }

    fn bind_delete(&mut self, node: Node<'t>) {
        if self.function_frame().is_none() {
            return;
        }
        let k = self.k;
        for child in named_children(node) {
            if child.kind_id() == k.identifier {
                let name = self.text_of(child);
                self.top().bind(name, Bind::Deletion);
            } else if child.kind() == "expression_list" {
                for item in named_children(child) {
                    if item.kind_id() == k.identifier {
                        let name = self.text_of(item);
                        self.top().bind(name, Bind::Deletion);
                    }
                }
            }
        }
    }

    fn bind_imports(&mut self, node: Node<'t>) {
        if self.function_frame().is_none() {
            return;
        }
        let k = self.k;
        let module = node.child_by_field_id(k.field_module_name).map(|m| m.id());
        for child in named_children(node) {
            if Some(child.id()) == module {
                continue;
            }
            let name = if child.kind_id() == k.aliased_import {
                child.child_by_field_id(k.field_alias).map(|a| self.text_of(a))
            } else if child.kind_id() == k.dotted_name {
                child.named_child(0).map(|first| self.text_of(first))
            } else {
                None
            };
            if let Some(name) = name {
                self.top().bind(name, Bind::Import);
            }
        }
    }

    // --- attribute reads, recursion ---

    /// Counts a method's read of `name.attr`. Returns whether the object is a plain name, so
    /// that the node has nothing more to walk.
    fn count_attribute_read(&mut self, node: Node<'t>) -> bool {
        let k = self.k;
        // `object . attribute`: the object is the first child.
        let Some(object) = node.child(0) else {
            return false;
        };
        if object.kind_id() != k.identifier {
            return false;
        }
        let Some(frame) = self.frames.last() else { return true };
        if frame.kind != FrameKind::Function || !frame.is_method || self.target.contains(&node.start_byte()) {
            return true;
        }
        let name = self.text_of(object);
        let frame = self.top();
        if Some(name) == frame.self_name {
            frame.self_reads += 1;
        } else if let Some(count) = frame.reads.get_mut(name) {
            *count += 1;
        } else {
            frame.reads.insert_new(name, 1);
        }
        true
    }

    fn check_recursion(&mut self, node: Node<'t>) {
        let k = self.k;
        let Some(frame) = self.frames.last() else { return };
        if frame.kind != FrameKind::Function {
            return;
        }
        // The callee is the first child of a call.
        let Some(callee) = node.child(0) else {
            return;
        };
        let recursive = if callee.kind_id() == k.identifier {
            !frame.is_method && self.text_of(callee) == frame.name
        } else if callee.kind_id() == k.attribute {
            let object = callee.child_by_field_id(k.field_object);
            let attr = callee.child_by_field_id(k.field_attribute);
            match (frame.self_name, object, attr) {
                (Some(self_name), Some(object), Some(attr)) => {
                    object.kind_id() == k.identifier
                        && self.text_of(object) == self_name
                        && self.text_of(attr) == frame.name
                }
                _ => false,
            }
        } else {
            false
        };
        if recursive {
            self.flat(1);
        }
    }

    // --- scopes ---

    fn decorators(&self, node: Node<'t>) -> Option<Node<'t>> {
        if self.parent_kind(0) == self.k.decorated_definition {
            self.pending_decorated
                .filter(|d| d.child_by_field_id(self.k.field_definition) == Some(node))
        } else {
            None
        }
    }

    /// The dotted text of each decorator expression (the callee for `@d(...)`).
    fn for_each_decorator(&self, decorated: Option<Node<'t>>, mut f: impl FnMut(&'t str)) {
        let Some(decorated) = decorated else { return };
        let k = self.k;
        for decorator in named_children(decorated) {
            if decorator.kind_id() != k.decorator {
                continue;
            }
            let Some(mut expr) = decorator.named_child(0) else {
                continue;
            };
            if expr.kind_id() == k.call {
                if let Some(callee) = expr.child_by_field_id(k.field_function) {
                    expr = callee;
                }
            }
            f(self.text_of(expr));
        }
    }

    fn enter_function(&mut self, node: Node<'t>) {
        let k = self.k;
        let decorated = self.decorators(node);
        let name_node = node.child_by_field_id(k.field_name);
        let name = name_node.map_or("", |n| self.text_of(n));
        let parent_kind = self.frames.last().map_or(FrameKind::Module, |f| f.kind);
        if parent_kind == FrameKind::Function {
            self.top().bind(name, Bind::Definition);
        }
        // Directly in the class body (ruff's PLR0904 looks at `class_def.body` only).
        let direct_method = parent_kind == FrameKind::Class && {
            let (p0, p1, p2) = (self.parent_kind(0), self.parent_kind(1), self.parent_kind(2));
            (p0 == k.block && p1 == k.class_definition)
                || (p0 == k.decorated_definition && p1 == k.block && p2 == k.class_definition)
        };

        let mut is_static = false;
        let mut is_override = false;
        let mut is_setter = false;
        self.for_each_decorator(decorated, |text| {
            let (prefix, last) = match text.rsplit_once('.') {
                Some((prefix, last)) => (Some(prefix), last),
                None => (None, text),
            };
            let typing = matches!(prefix, None | Some("typing" | "typing_extensions" | "t"));
            if (last == "overload" || last == "override") && typing {
                is_override = true;
            }
            if text == "staticmethod"
                || text == "builtins.staticmethod"
                || text == "abc.abstractstaticmethod"
                || text == "abstractstaticmethod"
            {
                is_static = true;
            }
            if (last == "setter" || last == "deleter") && prefix == Some(name) {
                is_setter = true;
            }
        });

        let mut frame = Frame::new(FrameKind::Function, node);
        frame.start = decorated.map_or(node.start_byte(), |d| d.start_byte());
        frame.name = name;
        frame.name_span = name_node.map_or(node.start_byte()..node.start_byte(), |n| n.byte_range());
        frame.is_method = parent_kind == FrameKind::Class;

        // Parameters: counts for PLR0913/PLR0917, and `Argument` bindings.
        let mut total = 0u32;
        let mut positional = 0u32;
        let mut keyword_only = false;
        let mut first: Option<&'t str> = None;
        if let Some(params) = node.child_by_field_id(k.field_parameters) {
            for param in named_children(params) {
                let pk = param.kind_id();
                let mut variadic = pk == k.list_splat_pattern || pk == k.dictionary_splat_pattern;
                let name_node = if pk == k.identifier {
                    Some(param)
                } else if pk == k.default_parameter || pk == k.typed_default_parameter {
                    param.child_by_field_id(k.field_name)
                } else if pk == k.typed_parameter {
                    let inner = param.named_child(0);
                    if let Some(inner) = inner {
                        if inner.kind_id() != k.identifier {
                            variadic = true;
                        }
                    }
                    inner
                } else {
                    None
                };
                if pk == k.keyword_separator {
                    keyword_only = true;
                    continue;
                }
                if variadic {
                    let inner = if pk == k.typed_parameter {
                        param.named_child(0)
                    } else {
                        Some(param)
                    };
                    if let Some(inner) = inner {
                        if inner.kind_id() == k.list_splat_pattern {
                            keyword_only = true;
                        }
                        if let Some(id) = inner.named_child(0) {
                            frame.bind(self.text_of(id), Bind::Argument);
                        }
                    }
                    continue;
                }
                let Some(name_node) = name_node.filter(|n| n.kind_id() == k.identifier) else {
                    continue;
                };
                let pname = self.text_of(name_node);
                frame.bind(pname, Bind::Argument);
                if first.is_none() && !keyword_only {
                    first = Some(pname);
                }
                if !is_dummy(pname) {
                    total += 1;
                    if !keyword_only {
                        positional += 1;
                    }
                }
            }
        }
        if frame.is_method && !is_static {
            frame.self_name = first;
            total = total.saturating_sub(1);
            positional = positional.saturating_sub(1);
        }
        if !self.stub && !is_override {
            frame.arguments = Some(total);
            frame.positional = Some(positional);
        }
        if direct_method {
            let public = !is_setter && !is_override_only_overload(decorated, self) && is_public(name);
            if public {
                self.top().public_methods += 1;
            }
        }
        if !direct_method || is_static {
            frame.self_name = None;
        }
        self.pending_decorated = None;
        self.frames.push(frame);
    }

    fn leave_function(&mut self, node: Node<'t>) {
        let Some(frame) = self.frames.pop() else { return };
        let lines = self.body_lines(node);
        let locals = frame.bindings.iter().filter(|(_, b)| *b == Bind::Assignment).count() as u32;
        let envy = if frame.self_name.is_some() {
            frame
                .reads
                .iter()
                .filter(|(name, _)| {
                    frame
                        .bindings
                        .get(name)
                        .is_some_and(|b| !matches!(b, Bind::Import | Bind::Definition | Bind::Global | Bind::Deletion))
                })
                .max_by_key(|(_, count)| *count)
                .map(|&(name, count)| (name, count, frame.self_reads))
        } else {
            None
        };
        let cyclomatic = frame.cyclomatic.wrapping_add(1);
        let parent = self.top();
        parent.cyclomatic = parent.cyclomatic.wrapping_add(cyclomatic);
        parent.statements += 1 + frame.statements;
        self.out.functions.push(FunctionMeasure {
            name: frame.name,
            name_span: frame.name_span,
            start: frame.start,
            has_error: node.has_error(),
            cyclomatic,
            branches: frame.branches,
            statements: frame.statements,
            returns: frame.returns,
            locals,
            arguments: frame.arguments,
            positional: frame.positional,
            cognitive: frame.cognitive,
            lines,
            envy,
        });
    }

    fn enter_class(&mut self, node: Node<'t>) {
        let k = self.k;
        let decorated = self.decorators(node);
        let name_node = node.child_by_field_id(k.field_name);
        let name = name_node.map_or("", |n| self.text_of(n));
        if let Some(f) = self.function_frame() {
            f.bind(name, Bind::Definition);
        }
        let mut frame = Frame::new(FrameKind::Class, node);
        frame.start = decorated.map_or(node.start_byte(), |d| d.start_byte());
        frame.name = name;
        frame.name_span = name_node.map_or(node.start_byte()..node.start_byte(), |n| n.byte_range());
        self.pending_decorated = None;
        self.frames.push(frame);
    }

    fn leave_class(&mut self, node: Node<'t>) {
        let Some(frame) = self.frames.pop() else { return };
        let lines = self.body_lines(node);
        let parent = self.top();
        parent.cyclomatic = parent.cyclomatic.wrapping_add(frame.cyclomatic);
        parent.statements += 1;
        self.out.classes.push(ClassMeasure {
            name: frame.name,
            name_span: frame.name_span,
            start: frame.start,
            has_error: node.has_error(),
            public_methods: (!self.stub).then_some(frame.public_methods),
            instance_attributes: frame.attributes.len() as u32,
            lines,
        });
    }

    /// Non-blank physical lines of a definition's body, without its docstring.
    fn body_lines(&self, node: Node<'t>) -> u32 {
        let k = self.k;
        let Some(body) = node.child_by_field_id(k.field_body) else {
            return 0;
        };
        let rows = |n: Node| {
            let start = n.start_position().row;
            let end = n.end_position().row + 1;
            let at = |row: usize| self.nonblank.get(row).or(self.nonblank.last()).copied().unwrap_or(0);
            at(end).saturating_sub(at(start))
        };
        let mut lines = rows(body);
        if let Some(first) = body.named_child(0) {
            if first.kind_id() == k.expression_statement && first.named_child_count() == 1 {
                if let Some(doc) = first.named_child(0) {
                    if doc.kind_id() == k.string || doc.kind_id() == k.concatenated_string {
                        lines = lines.saturating_sub(rows(doc));
                    }
                }
            }
        }
        lines
    }

    fn count_children(&mut self, node: Node<'t>, kind: u16) -> u32 {
        let mut count = 0;
        self.aux.reset(node);
        if self.aux.goto_first_child() {
            loop {
                if self.aux.node().kind_id() == kind {
                    count += 1;
                }
                if !self.aux.goto_next_sibling() {
                    break;
                }
            }
        }
        count
    }
}

/// ruff's `method_visibility`: names without a leading underscore, and dunders.
fn is_public(name: &str) -> bool {
    !name.starts_with('_') || (name.len() > 4 && name.starts_with("__") && name.ends_with("__"))
}

/// `@overload` excludes a method from PLR0904 (`@override` does not).
fn is_override_only_overload(decorated: Option<Node>, walker: &Walker) -> bool {
    let mut overload = false;
    walker.for_each_decorator(decorated, |text| {
        let (prefix, last) = match text.rsplit_once('.') {
            Some((prefix, last)) => (Some(prefix), last),
            None => (None, text),
        };
        if last == "overload" && matches!(prefix, None | Some("typing" | "typing_extensions" | "t")) {
            overload = true;
        }
    });
    overload
}
