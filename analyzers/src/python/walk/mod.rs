//! One cursor walk over a parsed module that measures every function and class at once.
//!
//! The walk keeps its own stack of enclosing scopes (module, classes, functions) and of
//! enclosing block statements, compares node kinds through a table indexed by `kind_id()`,
//! and allocates nothing per node: the stacks grow to the file's depth and are reused.
//! Counts follow ruff's definitions (see the comments at each node kind); cognitive
//! complexity follows SonarSource's specification.
//!
//! This module is the dispatcher: it walks the tree and hands each node kind to the concern
//! that measures it, in the submodules. They extend `Walker` and share its stacks.

mod bindings;
mod cognitive;
mod envy;
mod lines;
mod names;
mod patterns;
mod scopes;
mod statements;

use std::ops::Range;

use tree_sitter::{Node, Tree, TreeCursor};

use super::kinds::{kinds, Kinds, Role};
use bindings::Bind;
use names::Names;
use statements::OpenBlock;

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
    /// pytest calls it and passes its parameters: a `test*` function or `Test*` method, or a
    /// fixture (whether the file is a test file is for the caller to say).
    pub pytest: bool,
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
    /// Parameters and locals feature envy does not follow: of a builtin type, or pytest's
    /// fixtures.
    plain: Names<'t, ()>,
    /// Feature envy does not apply (classmethods, dunders).
    envy_exempt: bool,
    pytest: bool,
    arguments: Option<u32>,
    positional: Option<u32>,
    public_methods: u32,
    attributes: Names<'t, ()>,
    /// Lines of code of the functions and classes defined in this function's body: each is
    /// measured on its own, not again as part of this one.
    nested_lines: u32,
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
            plain: Names::default(),
            envy_exempt: false,
            pytest: false,
            arguments: None,
            positional: None,
            public_methods: 0,
            attributes: Names::default(),
            nested_lines: 0,
        }
    }

    fn bind(&mut self, name: &'t str, kind: Bind) {
        self.bindings.set(name, kind);
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

pub(crate) struct Walker<'t> {
    k: &'static Kinds,
    text: &'t str,
    stub: bool,
    frames: Vec<Frame<'t>>,
    /// Kind ids of the ancestors of the current node.
    path: Vec<u16>,
    /// Open if/for/while/try/with statements, across function boundaries as ruff counts them.
    blocks: Vec<OpenBlock>,
    /// Depth of the deepest leaf block (in a function) under the outermost open block statement.
    block_root_depth: u32,
    nesting: u32,
    lambda_depth: u32,
    conditional_depth: u32,
    /// The node entered next is the callee of a call made in a function.
    at_callee: bool,
    pending_decorated: Option<Node<'t>>,
    /// The assignment target being walked: attribute accesses in it are writes, not reads.
    target: Range<usize>,
    scratch: Vec<(Node<'t>, u16)>,
    aux: TreeCursor<'t>,
    /// Lines of code (not blank, not only a comment) before each row.
    nonblank: Vec<u32>,
    /// Rows that are not lines of code (docstrings, data literals after their first row):
    /// `[start, end)` ranges in source order, disjoint.
    excluded: Vec<(usize, usize)>,
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
        block_root_depth: 0,
        nesting: 0,
        lambda_depth: 0,
        conditional_depth: 0,
        at_callee: false,
        pending_decorated: None,
        target: 0..0,
        scratch: Vec::with_capacity(16),
        aux: root.walk(),
        nonblank: lines::nonblank_prefix(text),
        excluded: Vec::new(),
        out: Measures::default(),
    };
    walker.frames.push(Frame::new(FrameKind::Module, root));
    let mut cursor = root.walk();
    // Per open level: the siblings still to visit, and how many nodes their subtrees hold.
    // A level is left with `goto_parent` as soon as what is left of it is only leaves
    // (names, literals, operators, keywords, comments), which hold nothing a metric reads:
    // no leaf kind has a role (a test checks). The cursor never steps over them, nor tries a
    // `goto_next_sibling` that fails, which costs as much as one that succeeds; together a
    // third of the walk's cursor steps.
    let mut remaining: Vec<(usize, usize)> = Vec::with_capacity(64);
    'walk: loop {
        let node = cursor.node();
        let kind = node.kind_id();
        let size = node.descendant_count();
        if let Some((_, nodes)) = remaining.last_mut() {
            *nodes = nodes.saturating_sub(size);
        }
        let descend = walker.enter(node, kind);
        walker.path.push(kind);
        if descend {
            let children = node.child_count();
            if size > children as usize + 1 && cursor.goto_first_child() {
                remaining.push((children as usize, size - 1));
                continue;
            }
        }
        walker.at_callee = false;
        loop {
            let kind = walker.path.pop().unwrap_or(0);
            if walker.k.class_of(kind).has_leave_action() {
                walker.leave(cursor.node());
            }
            match remaining.last_mut() {
                Some((left, nodes)) if *left > 1 && *nodes >= *left && cursor.goto_next_sibling() => {
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

    /// Returns whether to walk into the node's children.
    fn enter(&mut self, node: Node<'t>, kind: u16) -> bool {
        let k = self.k;
        if self.at_callee {
            self.at_callee = false;
            self.check_recursion(node);
        }
        match k.class_of(kind) {
            Role::Str => {
                self.exclude_literal(node);
                return false;
            }
            Role::Comment => return false,
            Role::Skip => {
                self.exclude_literals_within(node);
                return false;
            }
            Role::Data => self.exclude_literal(node),
            Role::Arguments => self.exclude_plain_arguments(node),
            Role::Simple => {
                let top = self.top();
                top.statements += 1;
                // Outside functions no metric looks inside simple statements: module and class
                // level code (data tables, migrations) is skipped.
                if top.kind != FrameKind::Function {
                    self.exclude_class_level_data(node);
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
                    self.note_plain_local(node, left);
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
            // A call is always walked into, and its callee is its first child: the next node.
            Role::Call => self.at_callee = self.top().kind == FrameKind::Function,
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
