//! One walk over a file's tree that measures every function and class: a `TreeCursor`
//! descent with a stack of what each open node means to the nodes under it. The meaning of a
//! node comes from its kind, through the language's table resolved into [`Roles`].

use std::ops::Range;
use std::sync::OnceLock;

use tree_sitter::{Node, Tree, TreeCursor};

use super::languages::{Language, Table};

/// What a node kind is, as bit flags (a kind can be several things).
type Role = u32;
const FUNCTION: Role = 1;
const CLOSURE: Role = 1 << 1;
const CLASS: Role = 1 << 2;
const IF: Role = 1 << 3;
const ELSE_IF: Role = 1 << 4;
const ELSE: Role = 1 << 5;
const LOOP: Role = 1 << 6;
const SWITCH: Role = 1 << 7;
const CASE: Role = 1 << 8;
const CASE_KEYWORD: Role = 1 << 9;
const CATCH: Role = 1 << 10;
const TRY: Role = 1 << 11;
const TERNARY: Role = 1 << 12;
const BINARY: Role = 1 << 13;
const BOOLEAN: Role = 1 << 14;
const EXTRA: Role = 1 << 15;
const RETURN: Role = 1 << 16;
const JUMP: Role = 1 << 17;
const COMMENT: Role = 1 << 18;
const COMPILE_TIME: Role = 1 << 19;
const OPAQUE: Role = 1 << 20;
const SCOPE: Role = 1 << 21;

/// The fields the walk asks nodes for. By name, each ask is a search of the grammar's field
/// names; the walk asks them of every function, condition and parameter.
#[derive(Clone, Copy)]
enum Field {
    Body,
    Condition,
    Name,
    Type,
    Parameter,
    Declarator,
    Key,
    Left,
    Value,
}

const FIELD_NAMES: [&str; 9] = [
    "body",
    "condition",
    "name",
    "type",
    "parameter",
    "declarator",
    "key",
    "left",
    "value",
];

/// What an extra decision needs of its node.
enum Needs {
    Nothing,
    /// To be a leaf.
    NoChild,
    /// A child in this field (`None`: a field the grammar lacks, never there).
    Field(Option<std::num::NonZeroU16>),
}

/// A language's table, resolved to kind ids once per process.
pub(super) struct Roles {
    roles: Vec<Role>,
    /// Kind ids of the boolean operator tokens, in the table's order.
    operators: Vec<u16>,
    /// What an extra decision needs, by kind id.
    extra_fields: Vec<(u16, Needs)>,
    defaults: Vec<u16>,
    labels: Vec<u16>,
    parameter_lists: Vec<u16>,
    parameters: Vec<u16>,
    bodies: Option<Vec<u16>>,
    attributes: Vec<u16>,
    /// The texts of the tokens the table counts (`case`, Swift's `return`, TypeScript's `?.`,
    /// which is also JavaScript's `optional_chain` leaf): a node whose text holds none of them
    /// has no token that counts.
    token_words: Vec<&'static str>,
    /// The `operator` field, looked up once: by name it is a search of the grammar's fields,
    /// and every binary expression asks for it.
    operator_field: Option<std::num::NonZeroU16>,
    /// The ids of [`FIELD_NAMES`], in order.
    fields: [Option<std::num::NonZeroU16>; 9],
    table: &'static Table,
}

impl Roles {
    pub(super) fn of(language: Language) -> &'static Roles {
        static ROLES: [OnceLock<Roles>; 14] = [const { OnceLock::new() }; 14];
        ROLES[language.index()].get_or_init(|| Roles::new(language))
    }

    fn new(language: Language) -> Roles {
        let grammar = language.grammar();
        let table = language.table();
        let ids = |names: &[&str], named: bool| -> Vec<u16> {
            names
                .iter()
                .map(|name| grammar.id_for_node_kind(name, named))
                .filter(|&id| id != 0)
                .collect()
        };
        let mut roles = vec![0; grammar.node_kind_count()];
        let mut mark = |names: &[&str], named: bool, role: Role| {
            for id in ids(names, named) {
                roles[id as usize] |= role;
            }
        };
        mark(table.functions, true, FUNCTION);
        mark(table.closures, true, CLOSURE);
        mark(table.classes, true, CLASS);
        mark(table.ifs, true, IF);
        mark(table.else_ifs, true, ELSE_IF);
        mark(table.elses, true, ELSE);
        mark(table.loops, true, LOOP);
        mark(table.switches, true, SWITCH);
        mark(table.cases, true, CASE);
        mark(table.case_keywords, false, CASE_KEYWORD);
        mark(table.catches, true, CATCH);
        mark(table.trys, true, TRY);
        mark(table.ternaries, true, TERNARY);
        mark(table.binaries, true, BINARY);
        mark(table.boolean_kinds, true, BOOLEAN);
        let extra: Vec<&str> = table.extra_decisions.iter().map(|(name, _)| *name).collect();
        mark(&extra, true, EXTRA);
        mark(table.returns, true, RETURN);
        mark(table.return_keywords, false, RETURN);
        mark(table.jumps, true, JUMP);
        mark(table.comments, true, COMMENT);
        mark(table.compile_time, true, COMPILE_TIME);
        mark(table.opaque, true, OPAQUE);
        mark(table.scopes, true, SCOPE);
        let extra_fields = table
            .extra_decisions
            .iter()
            .map(|(name, field)| {
                let needs = match field {
                    None => Needs::Nothing,
                    Some("") => Needs::NoChild,
                    Some(field) => Needs::Field(grammar.field_id_for_name(field)),
                };
                (grammar.id_for_node_kind(name, true), needs)
            })
            .filter(|(id, _)| *id != 0)
            .collect();
        Roles {
            roles,
            operators: table
                .boolean_operators
                .iter()
                .map(|op| grammar.id_for_node_kind(op, false))
                .collect(),
            extra_fields,
            defaults: [ids(table.defaults, true), ids(table.defaults, false)].concat(),
            labels: ids(table.labels, true),
            parameter_lists: ids(table.parameter_lists, true),
            parameters: ids(table.parameters, true),
            bodies: table.bodies.map(|kinds| ids(kinds, true)),
            attributes: ids(table.attributes, true),
            token_words: [table.case_keywords, table.return_keywords].concat(),
            operator_field: grammar.field_id_for_name("operator"),
            fields: FIELD_NAMES.map(|name| grammar.field_id_for_name(name)),
            table,
        }
    }

    /// A node on one line whose children are all tokens, none of which the table counts (the
    /// arguments of `f(a, b)`, a `x.y`): the walk would find nothing in it but its line. A
    /// quarter of a tree's nodes are tokens under such a node, and stepping to each costs.
    fn tokens_only(&self, node: &Node, children: usize, text: &str) -> bool {
        node.descendant_count() == children + 1
            && node.start_position().row == node.end_position().row
            && text.get(node.byte_range()).is_some_and(|own| !self.has_token_word(own))
    }

    fn has_token_word(&self, text: &str) -> bool {
        self.token_words
            .iter()
            .any(|word| memchr::memmem::find(text.as_bytes(), word.as_bytes()).is_some())
    }

    fn child<'t>(&self, node: &Node<'t>, field: Field) -> Option<Node<'t>> {
        node.child_by_field_id(self.fields[field as usize]?.get())
    }

    fn operator_of<'t>(&self, node: &Node<'t>) -> Option<Node<'t>> {
        node.child_by_field_id(self.operator_field?.get())
    }

    fn role(&self, node: &Node) -> Role {
        self.roles.get(node.kind_id() as usize).copied().unwrap_or(0)
    }

    /// The operator of a boolean node, 1-based (0: not a boolean operation). A node that is
    /// boolean by kind is its own operator.
    fn boolean_operator(&self, node: &Node, role: Role, text: &str) -> u16 {
        if role & BOOLEAN != 0 {
            return 100 + node.kind_id() % 1000;
        }
        let Some(operator) = self.operator_of(node) else {
            return 0;
        };
        let found = if operator.is_named() {
            // Scala's operators are identifiers.
            let word = &text[operator.byte_range()];
            self.table.boolean_operators.iter().position(|op| *op == word)
        } else {
            self.operators.iter().position(|&id| id == operator.kind_id())
        };
        found.map_or(0, |at| at as u16 + 1)
    }
}

/// One function's measures.
#[derive(Debug, Default, Clone)]
pub struct FunctionMeasure {
    /// The name's bytes, or `None` for an anonymous function.
    pub name: Option<Range<usize>>,
    /// Where findings point: the name, or the function's first line.
    pub span: Range<usize>,
    /// Where the function starts (decorators, annotations, modifiers included).
    pub start: usize,
    pub cyclomatic: u32,
    /// What the decisions of `cyclomatic` are: node kind (or operator token) ids and counts.
    pub decisions: Vec<(u16, u32)>,
    pub cognitive: u32,
    pub parameters: u32,
    pub returns: u32,
    /// The deepest nesting of blocks, and the first statement that reaches it.
    pub depth: u32,
    pub depth_span: Range<usize>,
    pub lines: u32,
    first_row: usize,
    last_row: usize,
}

#[derive(Debug, Default, Clone)]
pub struct ClassMeasure {
    pub name: Option<Range<usize>>,
    pub span: Range<usize>,
    pub start: usize,
    pub lines: u32,
    first_row: usize,
    last_row: usize,
}

/// A condition's boolean operands, at the condition.
#[derive(Debug, Clone)]
pub struct Condition {
    pub span: Range<usize>,
    pub operands: u32,
}

#[derive(Debug, Default)]
pub struct Measures {
    pub functions: Vec<FunctionMeasure>,
    pub classes: Vec<ClassMeasure>,
    pub conditions: Vec<Condition>,
    /// Lines of code in the file: lines with a token that is not a comment.
    pub lines: u32,
}

const NONE: u32 = u32::MAX;

/// What an open node means to the nodes under it.
#[derive(Clone, Copy)]
struct Frame {
    /// The cognitive nesting level of this node, and of its children.
    nest: u32,
    child_nest: u32,
    /// The block depth of this node's children.
    child_depth: u32,
    /// The innermost measured function, and the one that takes cognitive scores (the same,
    /// kept apart so that a closure folded into a function is scored in it).
    function: u32,
    outer: u32,
    /// This node's boolean operator (0: none).
    operator: u16,
    kind: Kind,
    /// A closure (or a function made of one): a closure that is its body does not nest again
    /// (Ruby's `->(x) { ... }` is a lambda whose body is a block).
    closure: bool,
    /// A preprocessor conditional (`#if`): its `condition` child is the compiler's.
    compile_time: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Other,
    If,
    /// An `else` branch that holds an `else if`: the `if` keeps the chain's level.
    ElseIf,
}

struct Walk<'a> {
    roles: &'static Roles,
    text: &'a str,
    /// Rows that hold code.
    code_rows: Vec<bool>,
    m: Measures,
}

pub fn measure(tree: &Tree, text: &str, language: Language) -> Measures {
    let roles = Roles::of(language);
    let rows = text.bytes().filter(|&b| b == b'\n').count() + 1;
    let mut walk = Walk {
        roles,
        text,
        code_rows: vec![false; rows],
        m: Measures::default(),
    };
    let mut cursor = tree.walk();
    let top = Frame {
        nest: 0,
        child_nest: 0,
        child_depth: 0,
        function: NONE,
        outer: NONE,
        operator: 0,
        kind: Kind::Other,
        closure: false,
        compile_time: false,
    };
    // The open nodes, each with its frame and the siblings before it. tree-sitter finds a
    // node's parent or previous sibling by descending from the root again, so the walk keeps
    // them itself.
    let mut stack: Vec<Open> = Vec::new();
    let mut around = Around::default();
    loop {
        let parent = stack.last().map_or(top, |open| open.frame);
        around.parent = stack.last().map(|open| open.node);
        let node = cursor.node();
        let children = node.child_count() as usize;
        let (frame, descend) = walk.enter(&cursor, node, children, &parent, &around);
        if descend {
            let end_index = cursor.descendant_index() + node.descendant_count();
            if cursor.goto_first_child() {
                stack.push(Open {
                    frame,
                    node,
                    previous: around.previous,
                    previous_named: around.previous_named,
                    end_index,
                    children,
                    child: 0,
                });
                around.previous = None;
                around.previous_named = None;
                continue;
            }
        }
        // The node the cursor leaves for its next sibling: this one, then each parent it
        // climbs back to (the stack has them; asking the cursor costs a lookup each).
        let mut left = node;
        loop {
            if let Some(open) = stack.last_mut() {
                // The last child climbs at once: a step to a sibling that is not there costs as
                // much as one that is. The tokens that close a line (`)`, `;`, `}`) are left for
                // the parent.
                let rest = open.children.saturating_sub(open.child + 1);
                let climb = rest == 0
                    || open.frame.kind != Kind::If && {
                        let after = cursor.descendant_index() + left.descendant_count();
                        walk.tokens_after(&left, after, &open.node, open.end_index, rest)
                    };
                if !climb && cursor.goto_next_sibling() {
                    open.child += 1;
                    around.previous = Some(left);
                    if left.is_named() && walk.roles.role(&left) & COMMENT == 0 {
                        around.previous_named = Some(left);
                    }
                    break;
                }
            }
            if !cursor.goto_parent() {
                return walk.finish();
            }
            if let Some(open) = stack.pop() {
                around.previous = open.previous;
                around.previous_named = open.previous_named;
                left = open.node;
            }
        }
    }
}

/// An open node of the walk.
struct Open<'t> {
    frame: Frame,
    node: Node<'t>,
    previous: Option<Node<'t>>,
    previous_named: Option<Node<'t>>,
    /// Where its subtree ends in the order of descendants, how many children it has and which
    /// of them the cursor is at.
    end_index: usize,
    children: usize,
    child: usize,
}

/// The nodes around the one the walk enters: its parent, the sibling before it and the named
/// sibling before it that is no comment.
#[derive(Default)]
struct Around<'t> {
    parent: Option<Node<'t>>,
    previous: Option<Node<'t>>,
    previous_named: Option<Node<'t>>,
}

impl Walk<'_> {
    /// Measures the node under the cursor; returns what it means to its children, and whether
    /// they are walked.
    fn enter<'t>(
        &mut self,
        cursor: &TreeCursor<'t>,
        node: Node<'t>,
        children: usize,
        parent: &Frame,
        around: &Around,
    ) -> (Frame, bool) {
        let role = self.roles.role(&node);
        let mut frame = Frame {
            nest: parent.child_nest,
            operator: 0,
            kind: Kind::Other,
            closure: false,
            compile_time: role & COMPILE_TIME != 0,
            ..*parent
        };
        let leaf = children == 0;
        if role & OPAQUE != 0 || parent.compile_time && cursor.field_name() == Some("condition") {
            self.mark_code(&node);
            return (frame, false);
        }
        if leaf && role & COMMENT == 0 {
            self.mark_code(&node);
        }
        // A plain block, or a lone token (Kotlin's `else 0`), can still be an `if`'s `else`
        // branch.
        if role == 0 && parent.kind != Kind::If {
            if !leaf && self.roles.tokens_only(&node, children, self.text) {
                // Its tokens would only mark its line as code.
                self.mark_code(&node);
                return (frame, false);
            }
            return (frame, !leaf);
        }
        if role & CASE_KEYWORD != 0 {
            self.decision(parent.function, node.kind_id());
        }
        if role & COMMENT != 0 {
            return (frame, false);
        }
        if role & FUNCTION != 0 && self.has_body(&node) || role & CLOSURE != 0 && parent.function == NONE {
            let index = self.m.functions.len() as u32;
            self.m.functions.push(self.function(&node, around));
            // Measured on its own, as ESLint and lizard measure it: its structures are its score,
            // not the enclosing function's (a test's `describe` callback, a module wrapper).
            frame.function = index;
            frame.outer = index;
            frame.nest = 0;
            frame.child_nest = 0;
            frame.child_depth = 0;
            frame.closure = role & CLOSURE != 0;
            return (frame, true);
        }
        if role & SCOPE != 0 {
            frame.function = NONE;
            frame.outer = NONE;
            frame.nest = 0;
            frame.child_nest = 0;
            frame.child_depth = 0;
            return (frame, true);
        }
        if role & CLOSURE != 0 {
            frame.closure = true;
            if !parent.closure {
                frame.child_nest = parent.child_nest + 1;
            }
            return (frame, true);
        }
        if role & CLASS != 0 {
            if self.roles.child(&node, Field::Body).is_some()
                || !matches!(node.kind(), "struct_specifier" | "union_specifier" | "class_specifier")
            {
                self.class(&node);
            }
            return (frame, true);
        }
        let is_branch_of_if = parent.kind == Kind::If && is_alternative(cursor, around);
        if role & ELSE_IF != 0 || role & IF != 0 && (is_branch_of_if || parent.kind == Kind::ElseIf) {
            // `else if`: one more decision, at the level of the chain.
            self.decision(parent.function, node.kind_id());
            self.cognitive(parent.outer, 1);
            frame.nest = parent.nest;
            frame.child_nest = parent.nest + 1;
            frame.child_depth = parent.child_depth;
            frame.kind = Kind::If;
            self.condition(&node);
            return (frame, true);
        }
        if parent.kind == Kind::If && (role & ELSE != 0 || is_branch_of_if) {
            frame.nest = parent.nest;
            frame.child_depth = parent.child_depth;
            if role & ELSE != 0 && self.holds_if(&node) {
                frame.child_nest = parent.nest;
                frame.kind = Kind::ElseIf;
            } else {
                self.cognitive(parent.outer, 1);
                frame.child_nest = parent.nest + 1;
            }
            return (frame, true);
        }
        if role & (IF | LOOP | SWITCH | CATCH | TERNARY) != 0 {
            if role & (IF | LOOP | CATCH | TERNARY) != 0 {
                self.decision(parent.function, node.kind_id());
            }
            self.cognitive(parent.outer, 1 + parent.child_nest);
            frame.child_nest = parent.child_nest + 1;
            if role & (IF | LOOP | SWITCH) != 0 {
                self.deeper(&node, parent, &mut frame);
            }
            // A `guard`'s `else` is its body, not another branch.
            if role & IF != 0 && node.kind() != "guard_statement" {
                frame.kind = Kind::If;
            }
            if role & (IF | LOOP | TERNARY) != 0 {
                self.condition(&node);
            }
            return (frame, true);
        }
        if role & TRY != 0 {
            self.deeper(&node, parent, &mut frame);
        }
        if role & CASE != 0 && self.is_decision_case(&node, around) {
            self.decision(parent.function, node.kind_id());
        }
        if role & (BINARY | BOOLEAN) != 0 {
            let operator = self.roles.boolean_operator(&node, role, self.text);
            if operator != 0 {
                let token = self.roles.operator_of(&node).filter(|_| role & BOOLEAN == 0);
                let kind = token.map_or(node.kind_id(), |t| t.kind_id());
                // A node that is boolean by kind may hold several operators (Rust's let chain).
                for _ in 0..self.operator_tokens(&node, role) {
                    self.decision(parent.function, kind);
                }
                // A sequence of like operators is one increment (`a && b && c`); an assignment
                // by one (`x ||= y`) is none.
                let assignment = token.is_some_and(|t| t.kind().ends_with('='));
                if parent.operator != operator && !assignment {
                    self.cognitive(parent.outer, 1);
                }
                frame.operator = operator;
            }
        }
        if role & EXTRA != 0 {
            let needed = self.roles.extra_fields.iter().find(|(id, _)| *id == node.kind_id());
            let holds = |needs: &Needs| match needs {
                Needs::Nothing => true,
                Needs::NoChild => leaf,
                Needs::Field(field) => field.is_some_and(|id| node.child_by_field_id(id.get()).is_some()),
            };
            if needed.is_some_and(|(_, needs)| holds(needs)) {
                self.decision(parent.function, node.kind_id());
            }
        }
        if role & RETURN != 0 {
            self.in_function(parent.function, |f| f.returns += 1);
        }
        if role & JUMP != 0 && self.has_label(&node) {
            self.cognitive(parent.outer, 1);
        }
        (frame, true)
    }

    fn in_function(&mut self, function: u32, change: impl FnOnce(&mut FunctionMeasure)) {
        if let Some(f) = self.m.functions.get_mut(function as usize) {
            change(f);
        }
    }

    /// One more decision, counted by what made it (a node kind, or an operator's token).
    fn decision(&mut self, function: u32, kind: u16) {
        self.in_function(function, |f| {
            f.cyclomatic += 1;
            match f.decisions.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, count)) => *count += 1,
                None => f.decisions.push((kind, 1)),
            }
        });
    }

    fn cognitive(&mut self, outer: u32, by: u32) {
        self.in_function(outer, |f| f.cognitive += by);
    }

    /// A block one level deeper than its parent's; the function keeps the deepest.
    fn deeper(&mut self, node: &Node, parent: &Frame, frame: &mut Frame) {
        frame.child_depth = parent.child_depth + 1;
        let depth = frame.child_depth;
        let span = node.byte_range();
        let span = span.start..first_line_end(span, self.text);
        self.in_function(parent.function, |f| {
            if depth > f.depth {
                f.depth = depth;
                f.depth_span = span;
            }
        });
    }

    fn mark_code(&mut self, node: &Node) {
        let (first, end) = (node.start_position(), node.end_position());
        // An empty node (a missing token the parser made up) is no code.
        if first == end {
            return;
        }
        // A node that ends with its line's newline (`#include <x>\n`) ends at the next row's
        // column 0, a row it does not reach.
        let (first, last) = (
            first.row,
            if end.column == 0 && end.row > first.row {
                end.row - 1
            } else {
                end.row
            },
        );
        let last = last.min(self.code_rows.len().saturating_sub(1));
        for row in first..=last {
            self.code_rows[row] = true;
        }
    }

    /// Whether the `rest` siblings after `left` are tokens on the row where `left` ends, none of
    /// them a comment or a token the table counts: the walk climbs to the parent instead of
    /// stepping to each (half the nodes of a tree are tokens), and marks their row as code.
    /// `after` is the descendant index past `left`'s subtree, `end_index` the one past the
    /// parent's: each sibling that is a token takes one, so with as many as there are
    /// siblings, every one is a token.
    fn tokens_after(&mut self, left: &Node, after: usize, parent: &Node, end_index: usize, rest: usize) -> bool {
        if end_index.checked_sub(after) != Some(rest) {
            return false;
        }
        let row = left.end_position().row;
        if parent.end_position().row != row {
            return false;
        }
        let Some(between) = self.text.get(left.end_byte()..parent.end_byte()) else {
            return false;
        };
        // `//`, `/*` and `#` start comments in these languages.
        if between.bytes().any(|b| b == b'/' || b == b'#') || self.roles.has_token_word(between) {
            return false;
        }
        if !between.trim().is_empty() {
            if let Some(code) = self.code_rows.get_mut(row) {
                *code = true;
            }
        }
        true
    }

    fn has_body(&self, node: &Node) -> bool {
        let Some(kinds) = &self.roles.bodies else { return true };
        if self.roles.child(node, Field::Body).is_some() {
            return true;
        }
        let mut cursor = node.walk();
        let found = node.children(&mut cursor).any(|c| kinds.contains(&c.kind_id()));
        found
    }

    /// The operators a boolean node holds: one, or for a node boolean by kind, its operator
    /// tokens (at least one).
    fn operator_tokens(&self, node: &Node, role: Role) -> u32 {
        if role & BOOLEAN == 0 {
            return 1;
        }
        let mut cursor = node.walk();
        let tokens = node
            .children(&mut cursor)
            .filter(|c| !c.is_named() && self.roles.operators.contains(&c.kind_id()))
            .count() as u32;
        tokens.max(1)
    }

    /// An `else` branch whose statement is an `if`.
    fn holds_if(&self, node: &Node) -> bool {
        if self.roles.role(node) & IF != 0 {
            return false;
        }
        let mut cursor = node.walk();
        let mut named = node
            .named_children(&mut cursor)
            .filter(|c| self.roles.role(c) & COMMENT == 0);
        match (named.next(), named.next()) {
            (Some(only), None) => self.roles.role(&only) & IF != 0,
            _ => false,
        }
    }

    fn is_decision_case(&self, node: &Node, around: &Around) -> bool {
        if node
            .child(0)
            .is_some_and(|first| self.roles.defaults.contains(&first.kind_id()))
        {
            return false;
        }
        if node
            .named_child(0)
            .is_some_and(|first| self.roles.defaults.contains(&first.kind_id()))
        {
            return false;
        }
        if self.roles.table.first_case_free {
            return around.previous_named.is_some_and(|b| b.kind_id() == node.kind_id());
        }
        true
    }

    fn has_label(&self, node: &Node) -> bool {
        if node.kind() == "goto_statement" {
            return true;
        }
        let mut cursor = node.walk();
        let found = node
            .named_children(&mut cursor)
            .any(|c| self.roles.labels.contains(&c.kind_id()));
        found
    }

    /// The boolean operands of the condition of an `if`, loop or conditional operator.
    fn condition(&mut self, node: &Node) {
        let Some(condition) = self.roles.condition_of(node) else {
            return;
        };
        let operands = self.operands(condition);
        if operands >= 2 {
            let span = condition.byte_range();
            self.m.conditions.push(Condition {
                span: span.start..first_line_end(span, self.text),
                operands,
            });
        }
    }

    /// Operands of a tree of boolean operators, through parentheses.
    fn operands(&self, root: Node) -> u32 {
        let mut pending = vec![root];
        let mut count = 0;
        while let Some(node) = pending.pop() {
            let role = self.roles.role(&node);
            let boolean = role & (BINARY | BOOLEAN) != 0 && self.roles.boolean_operator(&node, role, self.text) != 0;
            // Parentheses: `parenthesized_*`, and Swift's one-element `tuple_expression`.
            let parenthesized = (node.kind().starts_with("parenthesized") || node.kind() == "tuple_expression")
                && node.named_child_count() == 1;
            if boolean || parenthesized {
                let mut cursor = node.walk();
                if cursor.goto_first_child() {
                    loop {
                        let child = cursor.node();
                        // Scala's operators are named nodes, not operands.
                        let operator = cursor.field_name() == Some("operator") || cursor.field_name() == Some("op");
                        if child.is_named() && !operator && self.roles.role(&child) & COMMENT == 0 {
                            pending.push(child);
                        }
                        if !cursor.goto_next_sibling() {
                            break;
                        }
                    }
                }
            } else {
                count += 1;
            }
        }
        count
    }

    fn function(&self, node: &Node, around: &Around) -> FunctionMeasure {
        let span = node.byte_range();
        let name = self
            .roles
            .name_of(node)
            .or_else(|| around.parent.and_then(|parent| self.roles.bound_to(&parent, node)))
            .map(|n| n.byte_range());
        // An anonymous function is pointed at by its first token.
        let head = node.child(0).map_or(span.clone(), |first| first.byte_range());
        // Attributes before the function (Rust's `#[allow(...)]`) are where it starts.
        let mut start = span.start;
        let mut before = around.previous_named;
        while let Some(attribute) = before.filter(|b| self.roles.attributes.contains(&b.kind_id())) {
            start = attribute.start_byte();
            before = attribute.prev_named_sibling();
        }
        FunctionMeasure {
            span: name.clone().unwrap_or(head.start..first_line_end(head, self.text)),
            name,
            start,
            cyclomatic: 1,
            parameters: self.parameters(node),
            first_row: node.start_position().row,
            last_row: node.end_position().row,
            ..FunctionMeasure::default()
        }
    }

    fn class(&mut self, node: &Node) {
        let span = node.byte_range();
        let name = self
            .roles
            .child(node, Field::Name)
            .or_else(|| self.roles.child(node, Field::Type))
            .map(|n| n.byte_range());
        self.m.classes.push(ClassMeasure {
            span: name
                .clone()
                .unwrap_or(span.start..first_line_end(span.clone(), self.text)),
            name,
            start: span.start,
            lines: 0,
            first_row: node.start_position().row,
            last_row: node.end_position().row,
        });
    }

    fn parameters(&self, node: &Node) -> u32 {
        // Kotlin's `set(value)` names its one parameter bare.
        if node.kind() == "setter" && node.named_children(&mut node.walk()).any(|c| c.kind() == "identifier") {
            return 1;
        }
        if self.roles.child(node, Field::Parameter).is_some() {
            // An arrow function's lone parameter, without parentheses.
            return 1;
        }
        // C and C++ keep the parameters in the declarator: `int *f(int a)`.
        let mut owner = *node;
        for _ in 0..6 {
            let mut count = 0;
            let mut found = false;
            let mut cursor = owner.walk();
            if cursor.goto_first_child() {
                loop {
                    let child = cursor.node();
                    let field = cursor.field_name();
                    let list = self.roles.parameter_lists.contains(&child.kind_id());
                    if field == Some("parameters") && !list {
                        // A lambda's lone parameter (C#'s `n => ...`).
                        found = true;
                        count += 1;
                    } else if field == Some("parameters") || field.is_none() && list {
                        found = true;
                        count += self.list_parameters(&child);
                    } else if field != Some("receiver") && self.roles.parameters.contains(&child.kind_id()) {
                        found = true;
                        count += 1;
                    }
                    if !cursor.goto_next_sibling() {
                        break;
                    }
                }
            }
            if found {
                return count;
            }
            match self.roles.child(&owner, Field::Declarator) {
                Some(declarator) => owner = declarator,
                None => return 0,
            }
        }
        0
    }

    fn list_parameters(&self, list: &Node) -> u32 {
        // C#'s `params int[] rest` has no node of its own: its keyword stands for it.
        let mut cursor = list.walk();
        let mut count = list
            .children(&mut cursor)
            .filter(|c| !c.is_named() && c.kind() == "params")
            .count() as u32;
        let mut cursor = list.walk();
        for parameter in list.named_children(&mut cursor) {
            let role = self.roles.role(&parameter);
            if role & COMMENT != 0
                || !self.roles.parameters.is_empty() && !self.roles.parameters.contains(&parameter.kind_id())
            {
                continue;
            }
            // C's `f(void)` takes none.
            if &self.text[parameter.byte_range()] == "void" {
                continue;
            }
            count += if self.roles.table.names_per_parameter {
                let mut names = parameter.walk();
                let n = parameter.children_by_field_name("name", &mut names).count() as u32;
                n.max(1)
            } else {
                1
            };
        }
        count
    }

    fn finish(mut self) -> Measures {
        let mut before = Vec::with_capacity(self.code_rows.len() + 1);
        let mut total = 0u32;
        before.push(0);
        for &code in &self.code_rows {
            total += u32::from(code);
            before.push(total);
        }
        let lines = |first: usize, last: usize| {
            let last = (last + 1).min(before.len() - 1);
            before[last] - before[first.min(last)]
        };
        for f in &mut self.m.functions {
            f.lines = lines(f.first_row, f.last_row);
        }
        for c in &mut self.m.classes {
            c.lines = lines(c.first_row, c.last_row);
        }
        self.m.lines = total;
        self.m
    }
}

/// Is the node an `if`'s other branch: in its `alternative` field, or right after its `else`
/// (a keyword, or Swift's named `else`)?
fn is_alternative(cursor: &TreeCursor, around: &Around) -> bool {
    cursor.field_name() == Some("alternative")
        || around
            .previous
            .is_some_and(|before| before.kind() == "else" && before.child_count() == 0)
}

impl Roles {
    /// The name an anonymous function is bound to (`const f = () => ...`, `{ f: function () {} }`,
    /// `this.f = function () {}`), as ESLint and lizard name it.
    fn bound_to<'t>(&self, parent: &Node<'t>, node: &Node<'t>) -> Option<Node<'t>> {
        let name = [Field::Name, Field::Key, Field::Left]
            .iter()
            .find_map(|&field| self.child(parent, field))
            .filter(|name| name.id() != node.id())?;
        let short = name.end_byte() - name.start_byte() <= 120 && name.start_position().row == name.end_position().row;
        short.then_some(name)
    }

    /// The condition of an `if`, loop or conditional operator: its `condition` field, through
    /// C++'s `condition_clause`; Go's `for` keeps it in its `for_clause`, or bare.
    fn condition_of<'t>(&self, node: &Node<'t>) -> Option<Node<'t>> {
        if let Some(condition) = self.child(node, Field::Condition) {
            return Some(match condition.kind() {
                "condition_clause" => self.child(&condition, Field::Value).unwrap_or(condition),
                _ => condition,
            });
        }
        if node.kind() != "for_statement" {
            return None;
        }
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        children.into_iter().find_map(|child| match child.kind() {
            "for_clause" => self.child(&child, Field::Condition),
            "block" | "range_clause" | "comment" => None,
            _ => self.child(node, Field::Body).is_some().then_some(child),
        })
    }

    /// A function's name: its `name` field, or what its declarator declares (C, C++).
    fn name_of<'t>(&self, node: &Node<'t>) -> Option<Node<'t>> {
        if let Some(name) = self.child(node, Field::Name) {
            return Some(name);
        }
        let mut declarator = self.child(node, Field::Declarator)?;
        for _ in 0..8 {
            match self.child(&declarator, Field::Declarator) {
                Some(inner) => declarator = inner,
                None => return Some(declarator),
            }
        }
        None
    }
}

/// The span cut at the end of its first line.
fn first_line_end(span: Range<usize>, text: &str) -> usize {
    text.get(span.clone())
        .and_then(|s| s.find('\n'))
        .map_or(span.end, |at| span.start + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture of testdata/smells in a language of this walk: its path, text, tree and
    /// the language's roles.
    fn fixtures() -> Vec<(String, String, Tree, &'static Roles)> {
        fn files(dir: &std::path::Path, out: &mut Vec<(String, String, Tree, &'static Roles)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.to_string_lossy().into_owned();
                if path.is_dir() {
                    files(&path, out);
                } else if let Some(language) = Language::of_path(&name) {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let tree = super::super::parse(&text, language).unwrap();
                    out.push((name, text, tree, Roles::of(language)));
                }
            }
        }
        let mut out = Vec::new();
        files(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/smells")),
            &mut out,
        );
        out
    }

    /// The walk steps over a node of tokens only: none of those tokens may be one the table
    /// counts, and one of them is code (its line is). Checked on every node of every fixture.
    #[test]
    fn a_node_of_tokens_holds_nothing_counted() {
        let mut stepped_over = 0;
        for (name, text, tree, roles) in fixtures() {
            let mut pending = vec![tree.root_node()];
            while let Some(node) = pending.pop() {
                let mut cursor = node.walk();
                let children: Vec<Node> = node.children(&mut cursor).collect();
                if roles.role(&node) == 0 && !children.is_empty() && roles.tokens_only(&node, children.len(), &text) {
                    stepped_over += 1;
                    for child in &children {
                        assert_eq!(child.child_count(), 0, "{name}: {} in {}", child.kind(), node.kind());
                        let role = roles.role(child) & !(COMMENT | OPAQUE);
                        assert_eq!(role, 0, "{name}: {} in {} counts", child.kind(), node.kind());
                    }
                    assert!(
                        children
                            .iter()
                            .any(|c| roles.role(c) & COMMENT == 0 && c.start_byte() < c.end_byte()),
                        "{name}: {} holds no code",
                        node.kind()
                    );
                }
                pending.extend(children);
            }
        }
        assert!(stepped_over > 1000, "{stepped_over} nodes of tokens in the fixtures");
    }

    /// The walk climbs past the tokens that end a line: none of them may be a comment or a
    /// token the table counts, and their row is marked as code when one of them is code.
    /// Checked after every node of every fixture.
    #[test]
    fn the_tokens_that_end_a_line_hold_nothing_counted() {
        let mut climbed = 0;
        for (name, text, tree, roles) in fixtures() {
            let mut walk = Walk {
                roles,
                text: &text,
                code_rows: vec![false; text.lines().count() + 2],
                m: Measures::default(),
            };
            // Every node with the index past its subtree, as the walk's cursor sees it.
            let mut cursor = tree.walk();
            let mut nodes = Vec::new();
            loop {
                let node = cursor.node();
                nodes.push((node, cursor.descendant_index() + node.descendant_count()));
                if cursor.goto_first_child() || cursor.goto_next_sibling() {
                    continue;
                }
                while cursor.goto_parent() && !cursor.goto_next_sibling() {}
                if cursor.node() == tree.root_node() {
                    break;
                }
            }
            let end_of = |node: &Node| nodes.iter().find(|(n, _)| n == node).unwrap().1;
            for (left, after) in &nodes {
                let Some(parent) = left.parent() else { continue };
                let mut siblings = parent.walk();
                let children: Vec<Node> = parent.children(&mut siblings).collect();
                let at = children.iter().position(|c| c == left).unwrap();
                let rest = &children[at + 1..];
                if rest.is_empty() || roles.role(&parent) & (IF | ELSE_IF) != 0 {
                    continue;
                }
                let row = left.end_position().row;
                walk.code_rows[row] = false;
                if !walk.tokens_after(left, *after, &parent, end_of(&parent), rest.len()) {
                    continue;
                }
                climbed += 1;
                for token in rest {
                    assert_eq!(token.child_count(), 0, "{name}: {} after {}", token.kind(), left.kind());
                    let role = roles.role(token);
                    assert_eq!(
                        role & !OPAQUE,
                        0,
                        "{name}: {} after {} counts",
                        token.kind(),
                        left.kind()
                    );
                }
                let code = rest.iter().any(|t| t.start_byte() < t.end_byte());
                assert_eq!(
                    walk.code_rows[row],
                    code,
                    "{name}: the row of {} after {}",
                    rest[0].kind(),
                    left.kind()
                );
            }
        }
        assert!(climbed > 1000, "{climbed} climbs in the fixtures");
    }
}
