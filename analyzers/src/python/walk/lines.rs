//! Lines of code for `long-function` and `large-class`: the physical lines of a body that
//! are neither blank nor only a comment, without docstrings and without the lines of a data
//! literal after its first.
//!
//! The walk records, in source order, the rows that are not code: every docstring of a
//! function or class (all its rows), and the rows after the first of each outermost
//! multi-line dict, list, set or tuple display, string and function parameter list. A
//! definition's length is its body's rows of code minus the rows of code recorded inside
//! it.

use tree_sitter::Node;

use super::{FrameKind, Walker};

/// The number of lines of code (neither blank nor only a comment) before each row, from
/// which a definition's length is read.
pub(super) fn nonblank_prefix(text: &str) -> Vec<u32> {
    let mut prefix = Vec::with_capacity(text.len() / 32 + 2);
    prefix.push(0);
    let mut count = 0u32;
    let bytes = text.as_bytes();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        // Only the line's leading blanks are read.
        if bytes[start..end]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b != b'#')
        {
            count += 1;
        }
        prefix.push(count);
        start = end + 1;
    }
    prefix
}

impl<'t> Walker<'t> {
    fn nonblank_before(&self, row: usize) -> u32 {
        self.nonblank.get(row).or(self.nonblank.last()).copied().unwrap_or(0)
    }

    /// Records rows `start..end` as not code. Ranges arrive in source order; one inside the
    /// last recorded range (a literal inside a literal) adds nothing.
    fn exclude_rows(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if let Some(last) = self.excluded.last_mut() {
            if start < last.1 {
                last.1 = last.1.max(end);
                return;
            }
        }
        self.excluded.push((start, end));
    }

    /// A data display or string (or a parameter list): the rows after its first are not code.
    pub(super) fn exclude_literal(&mut self, node: Node<'t>) {
        let (start, end) = (node.start_position().row, node.end_position().row);
        if end > start {
            self.exclude_rows(start + 1, end + 1);
        }
    }

    /// A function's parameter list counts as one line (its first) in the enclosing class, as
    /// it counts none in the function; its docstring, as any, counts none.
    pub(super) fn exclude_signature(&mut self, function: Node<'t>) {
        if let Some(parameters) = function.child_by_field_id(self.k.field_parameters) {
            self.exclude_literal(parameters);
        }
        self.exclude_docstring(function);
    }

    /// The docstring of a function or class body: all its rows are not code.
    pub(super) fn exclude_docstring(&mut self, definition: Node<'t>) {
        let k = self.k;
        let Some(first) = definition
            .child_by_field_id(k.field_body)
            .and_then(|b| b.named_child(0))
        else {
            return;
        };
        if first.kind_id() != k.expression_statement || first.named_child_count() != 1 {
            return;
        }
        if let Some(doc) = first.named_child(0) {
            if doc.kind_id() == k.string || doc.kind_id() == k.concatenated_string {
                self.exclude_rows(doc.start_position().row, doc.end_position().row + 1);
            }
        }
    }

    /// A simple statement directly in a class body is not walked; an assignment of a data
    /// display or string there (`FIELDS = {...}`) is still data, and a string alone there is
    /// the documentation of the attribute above it (`title: str` then `"""The title."""`).
    pub(super) fn exclude_class_level_data(&mut self, statement: Node<'t>) {
        let k = self.k;
        if self.frames.last().map(|f| f.kind) != Some(FrameKind::Class) || statement.kind_id() != k.expression_statement
        {
            return;
        }
        let Some(assignment) = statement.named_child(0) else {
            return;
        };
        if statement.named_child_count() == 1
            && (assignment.kind_id() == k.string || assignment.kind_id() == k.concatenated_string)
        {
            self.exclude_rows(assignment.start_position().row, assignment.end_position().row + 1);
            return;
        }
        if let Some(value) = assignment.child_by_field_id(k.field_right) {
            if self.is_literal(value.kind_id()) {
                self.exclude_literal(value);
            }
        }
    }

    /// Parameter lists and annotations are not walked; a multi-line string or display in
    /// one (`Annotated[str, Doc("""...""")]`, a default `{...}`) is still data.
    pub(super) fn exclude_literals_within(&mut self, node: Node<'t>) {
        // A function's parameters are excluded whole when the function is entered.
        if node.kind_id() == self.k.parameters || node.end_position().row == node.start_position().row {
            return;
        }
        let bytes = self.text.as_bytes().get(node.byte_range()).unwrap_or_default();
        if memchr::memchr2(b'"', b'\'', bytes).is_none() {
            return;
        }
        let mut cursor = node.walk();
        let mut depth = 0usize;
        loop {
            let current = cursor.node();
            let literal = self.is_literal(current.kind_id());
            if literal {
                self.exclude_literal(current);
            }
            if !literal && cursor.goto_first_child() {
                depth += 1;
                continue;
            }
            loop {
                if depth == 0 {
                    return;
                }
                if cursor.goto_next_sibling() {
                    break;
                }
                cursor.goto_parent();
                depth -= 1;
            }
        }
    }

    /// A call's arguments over several lines, every one a plain value: data, as a display.
    pub(super) fn exclude_plain_arguments(&mut self, arguments: Node<'t>) {
        if arguments.end_position().row == arguments.start_position().row {
            return;
        }
        let k = self.k;
        let plain = |node: Node| self.is_plain_value(node);
        let all_plain = super::named_children(arguments).all(|argument| {
            if argument.is_extra() {
                return true;
            }
            if argument.kind_id() == k.keyword_argument {
                argument.child_by_field_id(k.field_value).is_some_and(plain)
            } else {
                plain(argument)
            }
        });
        if all_plain {
            self.exclude_literal(arguments);
        }
    }

    /// A literal, a display, a name or `a.b.c`, `-1`, or one of those in parentheses.
    fn is_plain_value(&self, node: Node<'t>) -> bool {
        let k = self.k;
        let kind = node.kind_id();
        if self.is_literal(kind) || kind == k.identifier || k.scalars.contains(&kind) {
            return true;
        }
        if kind == k.attribute {
            return node
                .child_by_field_id(k.field_object)
                .is_some_and(|o| self.is_plain_value(o));
        }
        if kind == k.unary_operator || kind == k.parenthesized_expression {
            let mut inner = super::named_children(node).filter(|c| !c.is_extra());
            return match (inner.next(), inner.next()) {
                (Some(only), None) => self.is_plain_value(only),
                _ => false,
            };
        }
        false
    }

    fn is_literal(&self, kind: u16) -> bool {
        use super::Role;
        matches!(self.k.class_of(kind), Role::Data | Role::Str)
    }

    /// Lines of code of a definition's body, without what `excluded` holds inside it.
    pub(super) fn body_lines(&self, node: Node<'t>) -> u32 {
        let Some(body) = node.child_by_field_id(self.k.field_body) else {
            return 0;
        };
        let (start, end) = (body.start_position().row, body.end_position().row + 1);
        let mut lines = self.nonblank_before(end).saturating_sub(self.nonblank_before(start));
        let first = self.excluded.partition_point(|&(_, e)| e <= start);
        for &(from, to) in self.excluded[first..].iter().take_while(|&&(from, _)| from < end) {
            let (from, to) = (from.max(start), to.min(end));
            lines = lines.saturating_sub(self.nonblank_before(to).saturating_sub(self.nonblank_before(from)));
        }
        lines
    }
}
