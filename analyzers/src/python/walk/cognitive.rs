//! Cognitive complexity, per SonarSource's specification: structural increments weighted by
//! nesting, flat increments, runs of boolean operators and recursion.

use tree_sitter::Node;

use super::{FrameKind, Walker};

impl<'t> Walker<'t> {
    /// A structural increment of cognitive complexity (if, loops, except, match, ternary):
    /// 1 plus the nesting level, in every enclosing function.
    pub(super) fn structural(&mut self) {
        let nesting = self.nesting;
        for frame in self.frames.iter_mut().rev() {
            if frame.kind == FrameKind::Function {
                frame.cognitive += 1 + nesting.saturating_sub(frame.nesting_base);
            }
        }
    }

    /// A fundamental or hybrid increment (elif, else, boolean sequences, recursion).
    pub(super) fn flat(&mut self, amount: u32) {
        for frame in self.frames.iter_mut().rev() {
            if frame.kind == FrameKind::Function {
                frame.cognitive += amount;
            }
        }
    }

    /// Whether a `block` under `parent` (itself under `grandparent`) opens a nesting level for
    /// cognitive complexity.
    pub(super) fn block_nests(&self, parent: u16, grandparent: u16) -> bool {
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

    /// Whether the parenthesized expressions above this node sit directly in a boolean
    /// operator (parentheses do not break a sequence of like operators).
    pub(super) fn paren_chain_in_bool(&self) -> bool {
        let k = self.k;
        for &kind in self.path.iter().rev() {
            if kind == k.parenthesized_expression {
                continue;
            }
            return kind == k.boolean_operator;
        }
        false
    }

    /// Cognitive complexity: one increment per run of like operators, in source order.
    pub(super) fn boolean_sequences(&mut self, root: Node<'t>) -> u32 {
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

    /// `callee` is the first child of a call made in a function: a call of the function
    /// itself (or, in a method, of `self.<name>`) is recursion.
    pub(super) fn check_recursion(&mut self, callee: Node<'t>) {
        let k = self.k;
        let Some(frame) = self.frames.last() else { return };
        let text = self.text_of(callee);
        let recursive = if callee.kind_id() == k.identifier {
            !frame.is_method && text == frame.name
        } else if callee.kind_id() == k.attribute && frame.self_name.is_some() && text.ends_with(frame.name) {
            // The text test first: the children are looked up only for a likely match.
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
}
