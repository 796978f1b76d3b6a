//! Functions and classes: entering one reads its name, decorators and parameters (PLR0913,
//! PLR0917, PLR0904); leaving one hands its counts to the enclosing scope and records its
//! measure with its length.

use tree_sitter::Node;

use super::bindings::Bind;
use super::{envy, named_children, ClassMeasure, Frame, FrameKind, FunctionMeasure, Walker};

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

    pub(super) fn enter_function(&mut self, node: Node<'t>) {
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
        let mut is_classmethod = false;
        let mut is_fixture = false;
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
            if text == "classmethod" || text == "builtins.classmethod" {
                is_classmethod = true;
            }
            if last == "fixture" && matches!(prefix, None | Some("pytest" | "pytest_asyncio")) {
                is_fixture = true;
            }
        });

        let mut frame = Frame::new(FrameKind::Function, node);
        frame.start = decorated.map_or(node.start_byte(), |d| d.start_byte());
        frame.name = name;
        frame.name_span = name_node.map_or(node.start_byte()..node.start_byte(), |n| n.byte_range());
        frame.is_method = parent_kind == FrameKind::Class;
        // What pytest calls, passing every parameter itself: `test*` functions of the module
        // and methods of `Test*` classes, and fixtures.
        let class_name = self.frames.last().map_or("", |f| f.name);
        let collected = name.starts_with("test")
            && (parent_kind == FrameKind::Module || (direct_method && class_name.starts_with("Test")));
        frame.pytest = collected || is_fixture;
        // Feature envy leaves out alternative constructors and `__init__` and the operators,
        // whose job is to read the objects they are given.
        frame.envy_exempt = is_classmethod || (name.len() > 4 && name.starts_with("__") && name.ends_with("__"));

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
                let annotation = param.child_by_field_id(k.field_type).map(|t| self.text_of(t));
                if envy::is_test_fixture(pname) || annotation.is_some_and(envy::is_builtin_type) {
                    frame.plain.set(pname, ());
                }
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
        self.exclude_signature(node);
        self.frames.push(frame);
    }

    pub(super) fn leave_function(&mut self, node: Node<'t>) {
        let Some(frame) = self.frames.pop() else { return };
        let body = self.body_lines(node);
        let lines = body.saturating_sub(frame.nested_lines);
        if let Some(outer) = self.frames.last_mut().filter(|f| f.kind == FrameKind::Function) {
            outer.nested_lines += body;
        }
        let locals = frame.bindings.iter().filter(|(_, b)| *b == Bind::Assignment).count() as u32;
        let envy = frame.envy();
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
            pytest: frame.pytest,
        });
    }

    pub(super) fn enter_class(&mut self, node: Node<'t>) {
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
        self.exclude_docstring(node);
        self.frames.push(frame);
    }

    pub(super) fn leave_class(&mut self, node: Node<'t>) {
        let Some(frame) = self.frames.pop() else { return };
        let lines = self.body_lines(node);
        // A class a function defines (a manager factory's class) is measured on its own.
        if let Some(outer) = self.frames.last_mut().filter(|f| f.kind == FrameKind::Function) {
            outer.nested_lines += lines;
        }
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
