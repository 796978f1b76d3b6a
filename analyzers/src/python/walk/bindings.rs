//! What each name in a function is bound to (locals for PLR0914, the names feature envy may
//! follow), and the `self.x` targets that count as a class's instance attributes.

use tree_sitter::Node;

use super::{named_children, FrameKind, Role, Walker};

/// What a name is bound to in a function scope, after its latest binding (ruff's
/// `BindingKind`, reduced to what the rules need).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bind {
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

impl<'t> Walker<'t> {
    pub(super) fn bind_case_captures(&mut self, case: Node<'t>) {
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

    /// Binds the names in an assignment target; records `self.x` targets for the class.
    pub(super) fn bind_targets(&mut self, target: Node<'t>, kind: Bind) {
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
            } else if !matches!(k.class_of(node_kind), Role::Other | Role::Data | Role::Arguments) {
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

    pub(super) fn bind_with_items(&mut self, node: Node<'t>) {
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

    pub(super) fn bind_children_identifiers(&mut self, node: Node<'t>, kind: Bind) {
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

    pub(super) fn bind_delete(&mut self, node: Node<'t>) {
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

    pub(super) fn bind_imports(&mut self, node: Node<'t>) {
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
}
