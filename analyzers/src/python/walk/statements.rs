//! Measures of statements rather than scopes: how deep block statements nest (PLR1702) and
//! how many operands an `if`/`elif` test has (PLR0916).

use tree_sitter::Node;

use super::{BoolExpr, FrameKind, NestedBlocks, Walker};

pub(super) struct OpenBlock {
    has_nested: bool,
}

impl<'t> Walker<'t> {
    fn is_block_statement(&self, kind: u16) -> bool {
        let k = self.k;
        kind == k.if_statement
            || kind == k.for_statement
            || kind == k.while_statement
            || kind == k.try_statement
            || kind == k.with_statement
    }

    pub(super) fn open_block(&mut self) {
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

    pub(super) fn close_block(&mut self, node: Node<'t>) {
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
        }
    }

    /// PLR0916: operands of the boolean operation that is an `if`/`elif` test.
    pub(super) fn check_bool_test(&mut self, node: Node<'t>) {
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
}
