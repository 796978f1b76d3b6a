//! Feature envy: the attribute reads of a method's parameters and locals against those of
//! `self`.
//!
//! Not followed: parameters and locals of a builtin type (annotated `str`, `dict[...]`,
//! `list[...]`, ..., or assigned a display, a string, a comprehension or a builtin
//! constructor's result), parameters named as pytest's fixtures (`monkeypatch`, `tmp_path`,
//! `request`, ...), and reads of the methods of str, bytes, dict, list and set (`.strip()`,
//! `.get()`, `.append()`): using a value of a builtin type is not envy of a class. Methods
//! that are classmethods or dunders (`__init__`, `__eq__`, ...) are not measured.

use tree_sitter::Node;

use super::bindings::Bind;
use super::{Frame, FrameKind, Walker};

/// pytest's own fixtures and pytest-mock's `mocker`.
const TEST_FIXTURES: &[&str] = &[
    "cache",
    "capfd",
    "capfdbinary",
    "caplog",
    "capsys",
    "capsysbinary",
    "doctest_namespace",
    "mocker",
    "monkeypatch",
    "pytestconfig",
    "pytester",
    "record_property",
    "record_testsuite_property",
    "record_xml_attribute",
    "recwarn",
    "request",
    "testdir",
    "tmp_path",
    "tmp_path_factory",
    "tmpdir",
    "tmpdir_factory",
];

pub(super) fn is_test_fixture(name: &str) -> bool {
    TEST_FIXTURES.contains(&name)
}

/// Builtin and standard container and scalar types, as annotations name them.
const BUILTIN_TYPES: &[&str] = &[
    "AbstractSet",
    "AnyStr",
    "Counter",
    "DefaultDict",
    "Deque",
    "Dict",
    "FrozenSet",
    "List",
    "Mapping",
    "MutableMapping",
    "MutableSequence",
    "MutableSet",
    "OrderedDict",
    "Sequence",
    "Set",
    "Text",
    "Tuple",
    "bool",
    "bytearray",
    "bytes",
    "complex",
    "defaultdict",
    "deque",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

/// Whether an annotation names a builtin type, `Optional[...]` of one or a union of them
/// (with `None`).
pub(super) fn is_builtin_type(annotation: &str) -> bool {
    let text = annotation.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let parts = split_top_level(text, '|');
    if parts.len() > 1 {
        return parts.iter().all(|p| p.trim() == "None" || is_builtin_type(p));
    }
    let (base, inner) = match text.split_once('[') {
        Some((base, rest)) => (base.trim(), rest.strip_suffix(']')),
        None => (text, None),
    };
    let base = ["typing.", "t.", "collections.abc.", "collections.", "builtins."]
        .iter()
        .find_map(|prefix| base.strip_prefix(prefix))
        .unwrap_or(base);
    match (base, inner) {
        ("Optional", Some(inner)) => is_builtin_type(inner),
        ("Union", Some(inner)) => split_top_level(inner, ',')
            .iter()
            .all(|p| p.trim() == "None" || is_builtin_type(p)),
        _ => BUILTIN_TYPES.contains(&base),
    }
}

/// `text` split at `sep` outside brackets.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut from) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            c if c == sep && depth == 0 => {
                parts.push(&text[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[from..]);
    parts
}

/// Methods of str, bytes, dict, list and set: reading one says the object is a builtin value.
const BUILTIN_METHODS: &[&str] = &[
    "append",
    "casefold",
    "center",
    "decode",
    "difference",
    "discard",
    "encode",
    "endswith",
    "expandtabs",
    "extend",
    "find",
    "format",
    "format_map",
    "get",
    "intersection",
    "isalnum",
    "isalpha",
    "isdigit",
    "isidentifier",
    "islower",
    "isspace",
    "issubset",
    "issuperset",
    "isupper",
    "items",
    "join",
    "keys",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "popitem",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "setdefault",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "symmetric_difference",
    "title",
    "union",
    "upper",
    "values",
    "zfill",
];

/// Calls whose result is a builtin value.
const BUILTIN_CONSTRUCTORS: &[&str] = &["bytes", "dict", "frozenset", "list", "set", "sorted", "str", "tuple"];

impl<'t> Walker<'t> {
    /// Counts a method's read of `name.attr`. Returns whether the object is a plain name, so
    /// that the node has nothing more to walk.
    pub(super) fn count_attribute_read(&mut self, node: Node<'t>) -> bool {
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
            return true;
        }
        let attribute = node.child_by_field_id(self.k.field_attribute).map(|a| self.text_of(a));
        if attribute.is_some_and(|a| BUILTIN_METHODS.contains(&a)) {
            return true;
        }
        let frame = self.top();
        if let Some(count) = frame.reads.get_mut(name) {
            *count += 1;
        } else {
            frame.reads.insert_new(name, 1);
        }
        true
    }

    /// In a method, a local assigned a builtin value (`x = {}`, `x: list[str] = ...`,
    /// `x = str(...)`) is not followed.
    pub(super) fn note_plain_local(&mut self, assignment: Node<'t>, left: Node<'t>) {
        let k = self.k;
        if left.kind_id() != k.identifier {
            return;
        }
        if !self
            .frames
            .last()
            .is_some_and(|f| f.kind == FrameKind::Function && f.is_method)
        {
            return;
        }
        let annotated = assignment
            .child_by_field_id(k.field_type)
            .is_some_and(|t| is_builtin_type(self.text_of(t)));
        let valued = assignment.child_by_field_id(k.field_right).is_some_and(|right| {
            let kind = right.kind_id();
            matches!(k.class_of(kind), super::Role::Data | super::Role::Str)
                || kind == k.list_comprehension
                || kind == k.dictionary_comprehension
                || kind == k.set_comprehension
                || (kind == k.call
                    && right.child_by_field_id(k.field_function).is_some_and(|f| {
                        f.kind_id() == k.identifier && BUILTIN_CONSTRUCTORS.contains(&self.text_of(f))
                    }))
        });
        if annotated || valued {
            let name = self.text_of(left);
            self.top().plain.set(name, ());
        }
    }
}

impl<'t> Frame<'t> {
    /// The parameter or local whose attributes the method reads most (not an import, a nested
    /// definition or a global, nor a builtin value or a test fixture): its name, its reads
    /// and the reads of `self`.
    pub(super) fn envy(&self) -> Option<(&'t str, u32, u32)> {
        self.self_name?;
        if self.envy_exempt {
            return None;
        }
        self.reads
            .iter()
            .filter(|(name, _)| {
                self.plain.get(name).is_none()
                    && self
                        .bindings
                        .get(name)
                        .is_some_and(|b| !matches!(b, Bind::Import | Bind::Definition | Bind::Global | Bind::Deletion))
            })
            .max_by_key(|(_, count)| *count)
            .map(|&(name, count)| (name, count, self.self_reads))
    }
}
