//! `match` statements: a last case that catches everything is no branch for C901.

use tree_sitter::Node;

use super::{children, named_children, Walker};

impl<'t> Walker<'t> {
    pub(super) fn last_case_is_irrefutable(&mut self, node: Node<'t>) -> bool {
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
}
