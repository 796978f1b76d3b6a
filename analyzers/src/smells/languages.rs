//! The languages, and for each the table that tells the walk what its grammar's nodes mean.
//! Kind names are the grammar's own (`node-types.json`); a test checks that each exists.

use tree_sitter::Language as Grammar;

/// The languages measured by the generic walk (Python has its own analyzer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    JavaScript,
    TypeScript,
    Tsx,
    Go,
    Java,
    Rust,
    Ruby,
    CSharp,
    Php,
    C,
    Cpp,
    Kotlin,
    Swift,
    Scala,
}

impl Language {
    pub const ALL: [Language; 14] = [
        Language::JavaScript,
        Language::TypeScript,
        Language::Tsx,
        Language::Go,
        Language::Java,
        Language::Rust,
        Language::Ruby,
        Language::CSharp,
        Language::Php,
        Language::C,
        Language::Cpp,
        Language::Kotlin,
        Language::Swift,
        Language::Scala,
    ];

    /// The language of a file, by its name.
    pub fn of_path(path: &str) -> Option<Language> {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == "Rakefile" || name == "Gemfile" {
            return Some(Language::Ruby);
        }
        let (stem, extension) = name.rsplit_once('.')?;
        // Minified bundles are build output, not code anyone reads.
        if stem.ends_with(".min") || stem.is_empty() {
            return None;
        }
        Language::ALL
            .into_iter()
            .find(|language| language.extensions().contains(&extension))
    }

    /// The file name extensions of the language. Headers (`.h`) may be C or C++: the C++
    /// grammar reads both, the C one no classes.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Language::JavaScript => &["js", "mjs", "cjs", "jsx"],
            Language::TypeScript => &["ts", "mts", "cts"],
            Language::Tsx => &["tsx"],
            Language::Go => &["go"],
            Language::Java => &["java"],
            Language::Rust => &["rs"],
            Language::Ruby => &["rb", "rake", "gemspec"],
            Language::CSharp => &["cs"],
            Language::Php => &["php"],
            Language::C => &["c"],
            Language::Cpp => &["cc", "cpp", "cxx", "c++", "h", "hh", "hpp", "hxx", "h++", "ipp", "inl"],
            Language::Kotlin => &["kt", "kts"],
            Language::Swift => &["swift"],
            Language::Scala => &["scala", "sc"],
        }
    }

    /// The name in findings and the key of the language's config table.
    pub fn name(self) -> &'static str {
        match self {
            Language::JavaScript => "javascript",
            Language::TypeScript => "typescript",
            Language::Tsx => "tsx",
            Language::Go => "go",
            Language::Java => "java",
            Language::Rust => "rust",
            Language::Ruby => "ruby",
            Language::CSharp => "csharp",
            Language::Php => "php",
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Kotlin => "kotlin",
            Language::Swift => "swift",
            Language::Scala => "scala",
        }
    }

    /// Files whose code is compared for duplication: a copy is looked for among them.
    pub fn family(self) -> Language {
        match self {
            Language::TypeScript | Language::Tsx => Language::JavaScript,
            Language::C => Language::Cpp,
            other => other,
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }

    pub(super) fn grammar(self) -> Grammar {
        match self {
            Language::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Language::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Language::Go => tree_sitter_go::LANGUAGE.into(),
            Language::Java => tree_sitter_java::LANGUAGE.into(),
            Language::Rust => tree_sitter_rust::LANGUAGE.into(),
            Language::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Language::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Language::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Language::C => tree_sitter_c::LANGUAGE.into(),
            Language::Cpp => tree_sitter_cpp::LANGUAGE.into(),
            Language::Kotlin => tree_sitter_kotlin_ng::LANGUAGE.into(),
            Language::Swift => tree_sitter_swift::LANGUAGE.into(),
            Language::Scala => tree_sitter_scala::LANGUAGE.into(),
        }
    }

    pub(super) fn table(self) -> &'static Table {
        match self {
            Language::JavaScript | Language::TypeScript | Language::Tsx => &JAVASCRIPT,
            Language::Go => &GO,
            Language::Java => &JAVA,
            Language::Rust => &RUST,
            Language::Ruby => &RUBY,
            Language::CSharp => &CSHARP,
            Language::Php => &PHP,
            Language::C | Language::Cpp => &C_FAMILY,
            Language::Kotlin => &KOTLIN,
            Language::Swift => &SWIFT,
            Language::Scala => &SCALA,
        }
    }
}

/// What a language's nodes are, by kind name. A name a grammar lacks is skipped (one table
/// serves JavaScript, TypeScript and TSX, another C and C++).
pub(super) struct Table {
    /// Functions measured on their own, even inside another function.
    pub functions: &'static [&'static str],
    /// Closures, lambdas and blocks: part of the function they are in (a function of their
    /// own only outside any).
    pub closures: &'static [&'static str],
    /// A function node with no child in a `body` field (or of a `bodies` kind) is a
    /// declaration, not measured.
    pub bodies: Option<&'static [&'static str]>,
    pub classes: &'static [&'static str],
    pub ifs: &'static [&'static str],
    /// Nodes that are an `else if` by themselves (`elsif`, PHP's `elseif`).
    pub else_ifs: &'static [&'static str],
    /// Nodes that wrap an `else` branch (`else_clause`); a branch in an `if`'s `alternative`
    /// field or after its `else` keyword is one too.
    pub elses: &'static [&'static str],
    pub loops: &'static [&'static str],
    pub switches: &'static [&'static str],
    /// Case nodes, each a decision unless its first child is a `defaults` kind.
    pub cases: &'static [&'static str],
    /// Keyword tokens that are each a decision (`case`, where the grammar's case node also
    /// holds `default`).
    pub case_keywords: &'static [&'static str],
    pub defaults: &'static [&'static str],
    /// The first case of each switch is not a decision (Rust's `match`: n arms, n - 1 ways).
    pub first_case_free: bool,
    pub catches: &'static [&'static str],
    /// Deepen nesting without being decisions.
    pub trys: &'static [&'static str],
    pub ternaries: &'static [&'static str],
    /// Nodes whose `operator` child is checked against `boolean_operators`.
    pub binaries: &'static [&'static str],
    pub boolean_operators: &'static [&'static str],
    /// Nodes that are a boolean operator by kind (Swift's `conjunction_expression`).
    pub boolean_kinds: &'static [&'static str],
    /// Decisions for cyclomatic complexity only, with a field the node must have (`""`: the
    /// node must be a leaf).
    pub extra_decisions: &'static [(&'static str, Option<&'static str>)],
    pub returns: &'static [&'static str],
    /// `return` keywords, where the grammar has no return node (Swift).
    pub return_keywords: &'static [&'static str],
    /// `break`/`continue`/`goto`: a cognitive increment when they have a `labels` child.
    pub jumps: &'static [&'static str],
    pub labels: &'static [&'static str],
    pub parameter_lists: &'static [&'static str],
    /// Parameters counted in a list (every named child when empty), and directly under a
    /// function (Swift has no list).
    pub parameters: &'static [&'static str],
    /// Go's `a, b int`: each `name` is a parameter.
    pub names_per_parameter: bool,
    pub comments: &'static [&'static str],
    /// Attributes that stand before a definition as nodes of their own (Rust's `#[...]`): the
    /// definition starts at the first, for suppression comments and attributes.
    pub attributes: &'static [&'static str],
    /// Preprocessor conditionals (`#if`, `#elif`): their `condition` is the compiler's, not a
    /// decision the code makes when it runs.
    pub compile_time: &'static [&'static str],
    /// Nodes that hold nothing the measures count (imports, types, plain strings, macro token
    /// trees): the walk does not go into them, and their lines are code. A third of a tree
    /// can be types and imports.
    pub opaque: &'static [&'static str],
    /// Code that runs apart from the function around it (a class field's initializer, a
    /// static block): its decisions count for no function, as ESLint measures it apart.
    pub scopes: &'static [&'static str],
}

const JAVASCRIPT: Table = Table {
    functions: &[
        "function_declaration",
        "function_expression",
        "arrow_function",
        "generator_function",
        "generator_function_declaration",
        "method_definition",
    ],
    closures: &[],
    bodies: None,
    classes: &[
        "class_declaration",
        "class",
        "abstract_class_declaration",
        "interface_declaration",
        "enum_declaration",
    ],
    ifs: &["if_statement"],
    else_ifs: &[],
    elses: &["else_clause"],
    loops: &["for_statement", "for_in_statement", "while_statement", "do_statement"],
    switches: &["switch_statement"],
    cases: &["switch_case"],
    // Each optional chain `?.` is a decision (ESLint): TypeScript's grammars hold it as a token,
    // in an `optional_chain` (`a?.b`, `a?.[i]`) or right in the call (`f?.()`).
    case_keywords: &["?."],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_statement"],
    ternaries: &["ternary_expression"],
    binaries: &["binary_expression", "augmented_assignment_expression"],
    boolean_operators: &["&&", "||", "??", "&&=", "||=", "??="],
    boolean_kinds: &[],
    // As ESLint's `complexity` counts: default values and optional chaining.
    extra_decisions: &[
        ("assignment_pattern", None),
        ("object_assignment_pattern", None),
        // TypeScript's parameters hold their default in a `value` field.
        ("required_parameter", Some("value")),
        ("optional_parameter", Some("value")),
        // JavaScript's `?.` is a node of its own (TypeScript's holds a `?.` token, counted
        // above).
        ("optional_chain", Some("")),
    ],
    returns: &["return_statement"],
    return_keywords: &[],
    jumps: &["break_statement", "continue_statement"],
    labels: &["statement_identifier"],
    parameter_lists: &["formal_parameters"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["comment", "html_comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &[
        "import_statement",
        "string",
        "regex",
        "type_annotation",
        "type_arguments",
        "type_alias_declaration",
        "function_signature",
    ],
    scopes: &["field_definition", "public_field_definition", "class_static_block"],
};

const GO: Table = Table {
    functions: &["function_declaration", "method_declaration", "func_literal"],
    closures: &[],
    bodies: Some(&[]),
    classes: &[],
    ifs: &["if_statement"],
    else_ifs: &[],
    elses: &[],
    loops: &["for_statement"],
    switches: &[
        "expression_switch_statement",
        "type_switch_statement",
        "select_statement",
    ],
    cases: &["expression_case", "type_case", "communication_case"],
    case_keywords: &[],
    defaults: &[],
    first_case_free: false,
    catches: &[],
    trys: &[],
    ternaries: &[],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||"],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return_statement"],
    return_keywords: &[],
    jumps: &["break_statement", "continue_statement", "goto_statement"],
    labels: &["label_name"],
    parameter_lists: &["parameter_list"],
    parameters: &[],
    names_per_parameter: true,
    comments: &["comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &[
        "import_declaration",
        "package_clause",
        "interpreted_string_literal",
        "raw_string_literal",
        "qualified_type",
        "pointer_type",
        "slice_type",
        "map_type",
        "array_type",
        "channel_type",
        "generic_type",
    ],
    scopes: &[],
};

const JAVA: Table = Table {
    functions: &[
        "method_declaration",
        "constructor_declaration",
        "compact_constructor_declaration",
    ],
    closures: &["lambda_expression"],
    bodies: Some(&[]),
    classes: &[
        "class_declaration",
        "interface_declaration",
        "enum_declaration",
        "record_declaration",
    ],
    ifs: &["if_statement"],
    else_ifs: &[],
    elses: &[],
    loops: &[
        "for_statement",
        "enhanced_for_statement",
        "while_statement",
        "do_statement",
    ],
    switches: &["switch_expression"],
    cases: &[],
    case_keywords: &["case"],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_statement", "try_with_resources_statement"],
    ternaries: &["ternary_expression"],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||"],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return_statement"],
    return_keywords: &[],
    jumps: &["break_statement", "continue_statement"],
    labels: &["identifier"],
    parameter_lists: &["formal_parameters"],
    parameters: &["formal_parameter", "spread_parameter"],
    names_per_parameter: false,
    comments: &["line_comment", "block_comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &[
        "import_declaration",
        "package_declaration",
        "string_literal",
        "generic_type",
        "type_arguments",
    ],
    scopes: &[],
};

const RUST: Table = Table {
    functions: &["function_item"],
    closures: &["closure_expression"],
    bodies: Some(&[]),
    classes: &["impl_item", "trait_item"],
    ifs: &["if_expression"],
    else_ifs: &[],
    elses: &["else_clause"],
    loops: &["for_expression", "while_expression"],
    // `loop` has no condition of its own (its exits are): nesting as a `match` does.
    switches: &["match_expression", "loop_expression"],
    cases: &["match_arm"],
    case_keywords: &[],
    defaults: &[],
    first_case_free: true,
    catches: &[],
    trys: &[],
    ternaries: &[],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||"],
    // A let chain (`if let Some(x) = a && b`) holds its `&&`s as tokens: one decision a chain.
    boolean_kinds: &["let_chain"],
    // `?` returns early; `let ... else` branches; a match arm's guard (`x if x > 0 =>`) is a
    // condition of its own.
    extra_decisions: &[
        ("try_expression", None),
        ("let_declaration", Some("alternative")),
        ("match_pattern", Some("condition")),
    ],
    returns: &["return_expression"],
    return_keywords: &[],
    jumps: &["break_expression", "continue_expression"],
    labels: &["label", "lifetime"],
    parameter_lists: &["parameters"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["line_comment", "block_comment"],
    attributes: &["attribute_item"],
    compile_time: &[],
    opaque: &[
        "use_declaration",
        "string_literal",
        "raw_string_literal",
        // A macro's arguments are tokens, not code: nothing in them is counted.
        "token_tree",
        "generic_type",
        "reference_type",
        "scoped_type_identifier",
        "type_arguments",
    ],
    scopes: &[],
};

const RUBY: Table = Table {
    functions: &["method", "singleton_method"],
    closures: &["block", "do_block", "lambda"],
    bodies: None,
    classes: &["class", "module", "singleton_class"],
    ifs: &["if", "unless", "if_modifier", "unless_modifier"],
    else_ifs: &["elsif"],
    elses: &["else"],
    loops: &["while", "until", "for", "while_modifier", "until_modifier"],
    switches: &["case", "case_match"],
    cases: &["when", "in_clause"],
    case_keywords: &[],
    defaults: &[],
    first_case_free: false,
    catches: &["rescue", "rescue_modifier"],
    // `begin ... end` is as often a plain expression (`@x = begin ... end`) as a `rescue`'s.
    trys: &[],
    ternaries: &["conditional"],
    // `x ||= y` assigns only when x is nil or false, as RuboCop counts it.
    binaries: &["binary", "operator_assignment"],
    boolean_operators: &["&&", "||", "and", "or", "||=", "&&="],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return"],
    return_keywords: &[],
    jumps: &[],
    labels: &[],
    parameter_lists: &["method_parameters", "lambda_parameters", "block_parameters"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &[],
    scopes: &[],
};

const CSHARP: Table = Table {
    functions: &[
        "method_declaration",
        "constructor_declaration",
        "destructor_declaration",
        "operator_declaration",
        "conversion_operator_declaration",
        "accessor_declaration",
    ],
    closures: &[
        "lambda_expression",
        "anonymous_method_expression",
        "local_function_statement",
    ],
    bodies: Some(&[]),
    classes: &[
        "class_declaration",
        "struct_declaration",
        "interface_declaration",
        "record_declaration",
    ],
    ifs: &["if_statement"],
    else_ifs: &[],
    elses: &[],
    loops: &["for_statement", "foreach_statement", "while_statement", "do_statement"],
    switches: &["switch_statement", "switch_expression"],
    // A `switch_section` holds one label (`case 1: case 2:` is two); `goto case 1;` is none.
    cases: &["switch_section", "switch_expression_arm"],
    case_keywords: &[],
    defaults: &["default", "discard"],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_statement"],
    ternaries: &["conditional_expression"],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||", "??"],
    boolean_kinds: &[],
    // Each null-conditional access (`a?.b`, `a?[i]`) may skip the rest, as `??` does.
    extra_decisions: &[("conditional_access_expression", None)],
    returns: &["return_statement"],
    return_keywords: &[],
    jumps: &["break_statement", "continue_statement", "goto_statement"],
    labels: &["identifier"],
    parameter_lists: &["parameter_list"],
    parameters: &["parameter"],
    names_per_parameter: false,
    comments: &["comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &[
        "using_directive",
        "string_literal",
        "verbatim_string_literal",
        "type_argument_list",
        "qualified_name",
        "attribute_list",
    ],
    scopes: &[],
};

const PHP: Table = Table {
    functions: &["function_definition", "method_declaration"],
    closures: &["anonymous_function", "arrow_function"],
    bodies: Some(&[]),
    classes: &[
        "class_declaration",
        "trait_declaration",
        "interface_declaration",
        "enum_declaration",
    ],
    ifs: &["if_statement"],
    else_ifs: &["else_if_clause"],
    elses: &["else_clause"],
    loops: &["for_statement", "foreach_statement", "while_statement", "do_statement"],
    switches: &["switch_statement", "match_expression"],
    cases: &["case_statement", "match_conditional_expression"],
    case_keywords: &[],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_statement"],
    ternaries: &["conditional_expression"],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||", "and", "or"],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return_statement"],
    return_keywords: &[],
    jumps: &["break_statement", "continue_statement", "goto_statement"],
    labels: &["name", "integer"],
    parameter_lists: &["formal_parameters"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &["namespace_use_declaration", "string"],
    scopes: &[],
};

const C_FAMILY: Table = Table {
    functions: &["function_definition"],
    closures: &["lambda_expression"],
    // `S() = default;` and `void f() = delete;` are definitions without a body.
    bodies: Some(&[]),
    classes: &["class_specifier", "struct_specifier", "union_specifier"],
    ifs: &["if_statement"],
    else_ifs: &[],
    elses: &["else_clause"],
    loops: &["for_statement", "for_range_loop", "while_statement", "do_statement"],
    switches: &["switch_statement"],
    cases: &[],
    case_keywords: &["case"],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_statement", "seh_try_statement"],
    ternaries: &["conditional_expression"],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||", "and", "or"],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return_statement", "co_return_statement"],
    return_keywords: &[],
    jumps: &["goto_statement"],
    labels: &["statement_identifier"],
    parameter_lists: &["parameter_list"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["comment"],
    attributes: &[],
    compile_time: &["preproc_if", "preproc_elif"],
    opaque: &[
        "preproc_include",
        "string_literal",
        "raw_string_literal",
        "system_lib_string",
        "type_descriptor",
        "template_argument_list",
    ],
    scopes: &[],
};

const KOTLIN: Table = Table {
    functions: &[
        "function_declaration",
        "secondary_constructor",
        "getter",
        "setter",
        "anonymous_initializer",
    ],
    closures: &["lambda_literal", "anonymous_function"],
    bodies: Some(&["function_body", "block"]),
    classes: &["class_declaration", "object_declaration", "companion_object"],
    ifs: &["if_expression"],
    else_ifs: &[],
    elses: &[],
    loops: &["for_statement", "while_statement", "do_while_statement"],
    switches: &["when_expression"],
    cases: &["when_entry"],
    case_keywords: &[],
    defaults: &["else"],
    first_case_free: false,
    catches: &["catch_block"],
    trys: &["try_expression"],
    ternaries: &[],
    binaries: &["binary_expression"],
    boolean_operators: &["&&", "||", "?:"],
    boolean_kinds: &[],
    extra_decisions: &[],
    returns: &["return_expression"],
    return_keywords: &[],
    // The grammar reads `break@outer` and `continue@outer` as a `labeled_expression`.
    jumps: &["labeled_expression"],
    labels: &["label"],
    // A list also holds default values and `vararg`: only its `parameter`s count; a lambda's
    // (measured outside any function) are declarations.
    parameter_lists: &["function_value_parameters", "lambda_parameters"],
    parameters: &["parameter", "variable_declaration", "multi_variable_declaration"],
    names_per_parameter: false,
    comments: &["line_comment", "block_comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &["import", "package_header", "user_type"],
    scopes: &[],
};

const SWIFT: Table = Table {
    functions: &[
        "function_declaration",
        "init_declaration",
        "deinit_declaration",
        "computed_getter",
        "computed_setter",
    ],
    closures: &["lambda_literal"],
    bodies: Some(&["function_body", "statements"]),
    classes: &["class_declaration", "protocol_declaration"],
    ifs: &["if_statement", "guard_statement"],
    else_ifs: &[],
    elses: &[],
    loops: &["for_statement", "while_statement", "repeat_while_statement"],
    switches: &["switch_statement"],
    cases: &[],
    case_keywords: &["case"],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_block"],
    trys: &["do_statement"],
    ternaries: &["ternary_expression"],
    binaries: &[],
    boolean_operators: &[],
    boolean_kinds: &["conjunction_expression", "disjunction_expression"],
    extra_decisions: &[],
    returns: &[],
    return_keywords: &["return"],
    jumps: &[],
    labels: &[],
    parameter_lists: &[],
    parameters: &["parameter"],
    names_per_parameter: false,
    comments: &["comment", "multiline_comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &["import_declaration"],
    scopes: &[],
};

const SCALA: Table = Table {
    functions: &["function_definition"],
    closures: &["lambda_expression"],
    bodies: None,
    classes: &["class_definition", "object_definition", "trait_definition"],
    ifs: &["if_expression"],
    else_ifs: &[],
    elses: &[],
    loops: &["for_expression", "while_expression", "do_while_expression"],
    switches: &["match_expression"],
    cases: &[],
    case_keywords: &["case"],
    defaults: &[],
    first_case_free: false,
    catches: &["catch_clause"],
    trys: &["try_expression"],
    ternaries: &[],
    binaries: &["infix_expression"],
    boolean_operators: &["&&", "||"],
    boolean_kinds: &[],
    // A `case`'s guard and a for-comprehension's filter (`x <- xs if p`), each an `if`.
    extra_decisions: &[("guard", None)],
    returns: &["return_expression"],
    return_keywords: &[],
    jumps: &[],
    labels: &[],
    // A lambda's `(a: Int, b: Int) =>` are `bindings` (its lone `x =>` an identifier).
    parameter_lists: &["parameters", "bindings"],
    parameters: &[],
    names_per_parameter: false,
    comments: &["comment", "block_comment"],
    attributes: &[],
    compile_time: &[],
    opaque: &["import_declaration", "package_clause"],
    scopes: &[],
};
