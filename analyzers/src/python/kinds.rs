//! Node kind and field ids of tree-sitter-python, looked up once per process so the walk
//! compares integers instead of strings.

use std::sync::OnceLock;

use tree_sitter::Language;

/// What the walk does with a node kind, read from a table indexed by `kind_id()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Role {
    Other,
    /// A simple statement: counts 1 for ruff's statement count.
    Simple,
    Return,
    If,
    Elif,
    Else,
    For,
    While,
    Try,
    Except,
    Finally,
    With,
    Match,
    Case,
    Function,
    ClassDefinition,
    Decorated,
    Block,
    Assignment,
    AugAssignment,
    NamedExpr,
    BoolOp,
    Ternary,
    Lambda,
    Call,
    Attribute,
    Global,
    Nonlocal,
    Delete,
    Import,
    ImportFrom,
    /// Data displays (dict, list, set, tuple): walked like any expression; their lines after
    /// the first are not lines of code for `long-function` and `large-class`.
    Data,
    /// A call's arguments: when every one is a plain value (a literal, a name, `a.b`, a data
    /// display, `key=` one of those), the lines after the first are data, as a display's.
    Arguments,
    /// String literals: nothing inside them matters to any metric except f-string
    /// interpolations, which are rare enough to skip.
    Str,
    Comment,
    /// Subtrees no metric looks into (parameter lists and annotations are read through the
    /// node API where needed): not walking them saves cursor moves.
    Skip,
}

pub(crate) struct Kinds {
    pub class: Vec<Role>,
    pub identifier: u16,
    pub block: u16,
    pub if_statement: u16,
    pub for_statement: u16,
    pub while_statement: u16,
    pub try_statement: u16,
    pub with_statement: u16,
    pub function_definition: u16,
    pub class_definition: u16,
    pub decorated_definition: u16,
    pub decorator: u16,
    pub else_clause: u16,
    pub except_clause: u16,
    pub finally_clause: u16,
    pub elif_clause: u16,
    pub case_clause: u16,
    pub case_pattern: u16,
    pub parenthesized_expression: u16,
    pub boolean_operator: u16,
    pub expression_statement: u16,
    pub string: u16,
    pub concatenated_string: u16,
    pub attribute: u16,
    pub dotted_name: u16,
    pub keyword_pattern: u16,
    pub splat_pattern: u16,
    pub as_pattern: u16,
    pub union_pattern: u16,
    pub tuple_pattern: u16,
    pub with_item: u16,
    pub aliased_import: u16,
    pub typed_parameter: u16,
    pub default_parameter: u16,
    pub typed_default_parameter: u16,
    pub list_splat_pattern: u16,
    pub dictionary_splat_pattern: u16,
    pub keyword_separator: u16,
    pub call: u16,
    pub parameters: u16,
    pub keyword_argument: u16,
    pub unary_operator: u16,
    /// Literals that are single tokens: numbers, `True`, `False`, `None`, `...`.
    pub scalars: [u16; 6],
    pub list_comprehension: u16,
    pub dictionary_comprehension: u16,
    pub set_comprehension: u16,
    pub subscript: u16,
    pub wildcard: u16,
    pub comma: u16,
    pub and: u16,
    pub field_name: u16,
    pub field_body: u16,
    pub field_parameters: u16,
    pub field_condition: u16,
    pub field_left: u16,
    pub field_right: u16,
    pub field_object: u16,
    pub field_attribute: u16,
    pub field_function: u16,
    pub field_definition: u16,
    pub field_alias: u16,
    pub field_value: u16,
    pub field_guard: u16,
    pub field_operator: u16,
    pub field_module_name: u16,
    pub field_type: u16,
}

pub(crate) fn language() -> Language {
    tree_sitter_python::LANGUAGE.into()
}

pub(crate) fn kinds() -> &'static Kinds {
    static KINDS: OnceLock<Kinds> = OnceLock::new();
    KINDS.get_or_init(|| Kinds::new(&language()))
}

impl Role {
    /// Whether the walk must see the node again when leaving it.
    #[inline]
    pub fn has_leave_action(self) -> bool {
        matches!(
            self,
            Role::If
                | Role::While
                | Role::For
                | Role::Try
                | Role::With
                | Role::Match
                | Role::Function
                | Role::ClassDefinition
                | Role::Block
                | Role::Ternary
                | Role::Lambda
        )
    }
}

impl Kinds {
    fn new(lang: &Language) -> Kinds {
        let named = |name: &str| lang.id_for_node_kind(name, true);
        let anon = |name: &str| lang.id_for_node_kind(name, false);
        let field = |name: &str| lang.field_id_for_name(name).map(|id| id.get()).unwrap_or(u16::MAX);
        let mut class = vec![Role::Other; lang.node_kind_count() + 1];
        let simple = [
            "expression_statement",
            "pass_statement",
            "break_statement",
            "continue_statement",
            "assert_statement",
            "raise_statement",
            "print_statement",
            "exec_statement",
            "type_alias_statement",
            "future_import_statement",
        ];
        for name in simple {
            class[named(name) as usize] = Role::Simple;
        }
        let table = [
            ("return_statement", Role::Return),
            ("if_statement", Role::If),
            ("elif_clause", Role::Elif),
            ("else_clause", Role::Else),
            ("for_statement", Role::For),
            ("while_statement", Role::While),
            ("try_statement", Role::Try),
            ("except_clause", Role::Except),
            ("except_group_clause", Role::Except),
            ("finally_clause", Role::Finally),
            ("with_statement", Role::With),
            ("match_statement", Role::Match),
            ("case_clause", Role::Case),
            ("function_definition", Role::Function),
            ("class_definition", Role::ClassDefinition),
            ("decorated_definition", Role::Decorated),
            ("block", Role::Block),
            ("assignment", Role::Assignment),
            ("augmented_assignment", Role::AugAssignment),
            ("named_expression", Role::NamedExpr),
            ("boolean_operator", Role::BoolOp),
            ("conditional_expression", Role::Ternary),
            ("lambda", Role::Lambda),
            ("call", Role::Call),
            ("attribute", Role::Attribute),
            ("global_statement", Role::Global),
            ("nonlocal_statement", Role::Nonlocal),
            ("delete_statement", Role::Delete),
            ("import_statement", Role::Import),
            ("import_from_statement", Role::ImportFrom),
            ("string", Role::Str),
            ("comment", Role::Comment),
            ("concatenated_string", Role::Str),
            ("dictionary", Role::Data),
            ("list", Role::Data),
            ("set", Role::Data),
            ("tuple", Role::Data),
            ("argument_list", Role::Arguments),
            ("parameters", Role::Skip),
            ("lambda_parameters", Role::Skip),
            ("type", Role::Skip),
            ("dotted_name", Role::Skip),
        ];
        for (name, c) in table {
            let id = named(name);
            if id != 0 {
                class[id as usize] = c;
            }
        }
        Kinds {
            class,
            identifier: named("identifier"),
            block: named("block"),
            if_statement: named("if_statement"),
            for_statement: named("for_statement"),
            while_statement: named("while_statement"),
            try_statement: named("try_statement"),
            with_statement: named("with_statement"),
            function_definition: named("function_definition"),
            class_definition: named("class_definition"),
            decorated_definition: named("decorated_definition"),
            decorator: named("decorator"),
            else_clause: named("else_clause"),
            except_clause: named("except_clause"),
            finally_clause: named("finally_clause"),
            elif_clause: named("elif_clause"),
            case_clause: named("case_clause"),
            case_pattern: named("case_pattern"),
            parenthesized_expression: named("parenthesized_expression"),
            boolean_operator: named("boolean_operator"),
            expression_statement: named("expression_statement"),
            string: named("string"),
            concatenated_string: named("concatenated_string"),
            attribute: named("attribute"),
            dotted_name: named("dotted_name"),
            keyword_pattern: named("keyword_pattern"),
            splat_pattern: named("splat_pattern"),
            as_pattern: named("as_pattern"),
            union_pattern: named("union_pattern"),
            tuple_pattern: named("tuple_pattern"),
            with_item: named("with_item"),
            aliased_import: named("aliased_import"),
            typed_parameter: named("typed_parameter"),
            default_parameter: named("default_parameter"),
            typed_default_parameter: named("typed_default_parameter"),
            list_splat_pattern: named("list_splat_pattern"),
            dictionary_splat_pattern: named("dictionary_splat_pattern"),
            keyword_separator: named("keyword_separator"),
            call: named("call"),
            parameters: named("parameters"),
            keyword_argument: named("keyword_argument"),
            unary_operator: named("unary_operator"),
            scalars: [
                named("integer"),
                named("float"),
                named("true"),
                named("false"),
                named("none"),
                named("ellipsis"),
            ],
            list_comprehension: named("list_comprehension"),
            dictionary_comprehension: named("dictionary_comprehension"),
            set_comprehension: named("set_comprehension"),
            subscript: named("subscript"),
            wildcard: anon("_"),
            comma: anon(","),
            and: anon("and"),
            field_name: field("name"),
            field_body: field("body"),
            field_parameters: field("parameters"),
            field_condition: field("condition"),
            field_left: field("left"),
            field_right: field("right"),
            field_object: field("object"),
            field_attribute: field("attribute"),
            field_function: field("function"),
            field_definition: field("definition"),
            field_alias: field("alias"),
            field_value: field("value"),
            field_guard: field("guard"),
            field_operator: field("operator"),
            field_module_name: field("module_name"),
            field_type: field("type"),
        }
    }

    #[inline]
    pub fn class_of(&self, kind: u16) -> Role {
        self.class.get(kind as usize).copied().unwrap_or(Role::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk does not step into a node whose children are all leaves: that is only right
    /// while no leaf kind has a role. Every node of every Python fixture is checked.
    #[test]
    fn no_leaf_kind_has_a_role() {
        let k = kinds();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/python");
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&language()).expect("python grammar");
        let mut dirs = vec![root];
        let mut leaves = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("fixture folder") {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if !path.extension().is_some_and(|e| e == "py" || e == "pyi") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("fixture");
                let tree = parser.parse(&text, None).expect("parse");
                let mut cursor = tree.walk();
                'walk: loop {
                    let node = cursor.node();
                    if node.child_count() == 0 {
                        leaves += 1;
                        let role = k.class_of(node.kind_id());
                        assert!(
                            matches!(role, Role::Other | Role::Comment),
                            "{}: leaf `{}` has role {role:?}",
                            path.display(),
                            node.kind()
                        );
                    }
                    if cursor.goto_first_child() {
                        continue;
                    }
                    while !cursor.goto_next_sibling() {
                        if !cursor.goto_parent() {
                            break 'walk;
                        }
                    }
                }
            }
        }
        assert!(leaves > 10_000, "only {leaves} leaves: the fixtures were not read");
    }
}
