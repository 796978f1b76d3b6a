//! Code smells in every language but Python: one tree-sitter parse per file, one walk that
//! measures every function and class through the language's table (languages.rs, walk.rs),
//! and one table of rules that turns measures into findings (report.rs).

mod languages;
mod report;
mod walk;

pub use languages::Language;
pub use report::{Smell, SMELLS};

use std::cell::RefCell;

use tollgate_rules::{Finding, Role};
use tree_sitter::{Parser, Tree};

use crate::Input;

/// The `[smells]` table: what is common to every language.
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// `smells/duplicate-code`: a copy is at least this many tokens and lines long.
    pub duplicate_min_tokens: u32,
    pub duplicate_min_lines: u32,
    /// Compare identifiers and literals as placeholders (catches renamed copies).
    pub duplicate_normalize: bool,
    /// Files of these path roles are left out of `smells/duplicate-code`.
    #[serde(deserialize_with = "crate::python::roles")]
    pub duplicate_skip_roles: Vec<Role>,
    /// Parse and stop: see the Python setting of the same name.
    #[doc(hidden)]
    #[serde(skip)]
    pub bench_parse_only: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            // PMD CPD's default: brace languages spend many tokens on punctuation, and 50 (the
            // Python rule's) found 390 copies in pydantic-core's Rust, 57 at 100.
            duplicate_min_tokens: 100,
            duplicate_min_lines: 6,
            duplicate_normalize: false,
            duplicate_skip_roles: vec![Role::Test, Role::Docs, Role::Example],
            bench_parse_only: false,
        }
    }
}

/// A language's table (`[javascript]`, `[go]`, ...): thresholds over its defaults.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    pub max_complexity: Option<u32>,
    pub max_cognitive_complexity: Option<u32>,
    pub max_parameters: Option<u32>,
    pub max_returns: Option<u32>,
    pub max_depth: Option<u32>,
    pub max_bool_expr: Option<u32>,
    pub max_function_lines: Option<u32>,
    pub max_class_lines: Option<u32>,
    pub max_file_lines: Option<u32>,
}

/// A threshold no value goes above: the rule is off for the language until its table sets one.
pub const OFF: u32 = u32::MAX;

/// A language's thresholds: a finding needs a value strictly above.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub max_complexity: u32,
    pub max_cognitive_complexity: u32,
    pub max_parameters: u32,
    pub max_returns: u32,
    pub max_depth: u32,
    pub max_bool_expr: u32,
    pub max_function_lines: u32,
    pub max_class_lines: u32,
    pub max_file_lines: u32,
}

impl Thresholds {
    /// Each language's defaults: those of the linter its community runs, where that linter
    /// has the rule on by default, else the rule's own default in that linter or in
    /// SonarSource's analyzers (which cover every language here).
    pub fn defaults(language: Language) -> Thresholds {
        // Sonar: cognitive 15 (S3776), parameters 7 (S107); pylint: returns 6, operands 5;
        // ESLint `max-depth` 4; Sonar's file length 1000 (S104).
        let base = Thresholds {
            max_complexity: 10,
            max_cognitive_complexity: 15,
            max_parameters: 7,
            max_returns: 6,
            max_depth: 4,
            max_bool_expr: 5,
            max_function_lines: 100,
            max_class_lines: 1000,
            max_file_lines: 1000,
        };
        match language {
            // ESLint's `complexity` (20) and `max-lines-per-function` (50).
            Language::JavaScript | Language::TypeScript | Language::Tsx => Thresholds {
                max_complexity: 20,
                max_function_lines: 50,
                ..base
            },
            // gocyclo's advice (over 15) and golangci-lint's gocognit (30) and funlen (60).
            Language::Go => Thresholds {
                max_complexity: 15,
                max_cognitive_complexity: 30,
                max_function_lines: 60,
                ..base
            },
            // Checkstyle: CyclomaticComplexity 10, MethodLength 150.
            Language::Java => Thresholds {
                max_function_lines: 150,
                ..base
            },
            // clippy: cognitive_complexity 25, too_many_arguments 7, too_many_lines 100.
            // Cyclomatic complexity is off: clippy dropped it for cognitive complexity, as a
            // `match` of n arms and each `?` make idiomatic Rust "complex" (on pydantic-core,
            // 27 of 45 functions over lizard's 15 were dispatch tables and `?` chains that
            // cognitive complexity does not flag; it flags 18 of the other 18). `[rust]
            // max-complexity = 15` turns it on.
            Language::Rust => Thresholds {
                max_complexity: OFF,
                max_cognitive_complexity: 25,
                ..base
            },
            // RuboCop: CyclomaticComplexity 7, ParameterLists 5, BlockNesting 3,
            // MethodLength 10 and ClassLength 100 (their bodies; ours count `def`/`class`
            // and `end`).
            Language::Ruby => Thresholds {
                max_complexity: 7,
                max_parameters: 5,
                max_depth: 3,
                max_function_lines: 12,
                max_class_lines: 102,
                ..base
            },
            // PHPMD: CyclomaticComplexity 10, ExcessiveParameterList 10, ExcessiveMethodLength 100.
            Language::Php => Thresholds {
                max_parameters: 9,
                ..base
            },
            // lizard's cyclomatic 15; clang-tidy's cognitive complexity 25.
            Language::C | Language::Cpp => Thresholds {
                max_complexity: 15,
                max_cognitive_complexity: 25,
                ..base
            },
            // detekt: CyclomaticComplexMethod 15, LongParameterList 6, LongMethod 60,
            // LargeClass 600.
            Language::Kotlin => Thresholds {
                max_complexity: 14,
                max_parameters: 5,
                max_function_lines: 60,
                max_class_lines: 600,
                ..base
            },
            // SwiftLint's warnings: cyclomatic_complexity 10, function_parameter_count 5,
            // function_body_length 50, type_body_length 250, file_length 400.
            Language::Swift => Thresholds {
                max_parameters: 5,
                max_function_lines: 50,
                max_class_lines: 250,
                max_file_lines: 400,
                ..base
            },
            // Sonar S1541 (10) for C#; scalastyle's cyclomatic complexity (10) and method
            // length (50) for Scala.
            Language::CSharp => base,
            Language::Scala => Thresholds {
                max_function_lines: 50,
                ..base
            },
        }
    }
}

impl Limits {
    pub fn resolve(&self, language: Language) -> Thresholds {
        let d = Thresholds::defaults(language);
        Thresholds {
            max_complexity: self.max_complexity.unwrap_or(d.max_complexity),
            max_cognitive_complexity: self.max_cognitive_complexity.unwrap_or(d.max_cognitive_complexity),
            max_parameters: self.max_parameters.unwrap_or(d.max_parameters),
            max_returns: self.max_returns.unwrap_or(d.max_returns),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            max_bool_expr: self.max_bool_expr.unwrap_or(d.max_bool_expr),
            max_function_lines: self.max_function_lines.unwrap_or(d.max_function_lines),
            max_class_lines: self.max_class_lines.unwrap_or(d.max_class_lines),
            max_file_lines: self.max_file_lines.unwrap_or(d.max_file_lines),
        }
    }
}

thread_local! {
    /// One parser per language per worker thread, made on first use.
    static PARSERS: RefCell<Vec<Option<Parser>>> = RefCell::new((0..Language::ALL.len()).map(|_| None).collect());
}

fn parse(text: &str, language: Language) -> Option<Tree> {
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let slot = parsers.get_mut(language.index())?;
        if slot.is_none() {
            let mut parser = Parser::new();
            parser.set_language(&language.grammar()).ok()?;
            *slot = Some(parser);
        }
        slot.as_mut()?.parse(text, None)
    })
}

pub fn analyze(input: &Input, language: Language, limits: &Thresholds, settings: &Settings, out: &mut Vec<Finding>) {
    let Some(tree) = parse(input.text, language) else {
        return;
    };
    if settings.bench_parse_only {
        return;
    }
    let measures = walk::measure(&tree, input.text, language);
    let first = out.len();
    report::report(&measures, input.text, language, limits, out);
    if input.role == Some(Role::Test) {
        // A long test or test class is mostly a list of cases: a size there is worth a note.
        for finding in &mut out[first..] {
            if [report::LONG_FUNCTION, report::LARGE_CLASS, report::LARGE_FILE].contains(&finding.rule) {
                finding.level = Some(tollgate_rules::Level::Note);
                finding.properties.push((
                    "downranked",
                    tollgate_rules::PropValue::Str("in a test file, where length is mostly cases".into()),
                ));
            }
        }
    }
}

/// The measures of one file, for tests and tools: every function and class.
pub fn measure(text: &str, language: Language) -> Option<walk::Measures> {
    let tree = parse(text, language)?;
    Some(walk::measure(&tree, text, language))
}

pub use walk::{ClassMeasure, Condition, FunctionMeasure, Measures};

/// The kind names of a language's table that its grammar does not have (a name one of the
/// languages sharing the table has is fine).
pub fn unknown_kinds(language: Language) -> Vec<&'static str> {
    let table = language.table();
    let sharing: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|l| std::ptr::eq(l.table(), table))
        .collect();
    let exists = |name: &str, named: bool| sharing.iter().any(|l| l.grammar().id_for_node_kind(name, named) != 0);
    let named = [
        table.functions,
        table.closures,
        table.bodies.unwrap_or(&[]),
        table.classes,
        table.ifs,
        table.else_ifs,
        table.elses,
        table.loops,
        table.switches,
        table.cases,
        table.catches,
        table.trys,
        table.ternaries,
        table.binaries,
        table.boolean_kinds,
        table.returns,
        table.jumps,
        table.labels,
        table.parameter_lists,
        table.parameters,
        table.comments,
        table.attributes,
        table.compile_time,
        table.opaque,
        table.scopes,
    ];
    let mut unknown: Vec<&'static str> = named
        .iter()
        .flat_map(|names| names.iter())
        .copied()
        .filter(|n| !exists(n, true))
        .collect();
    // Boolean operators are tokens in most grammars and names in some (Scala): the fixtures
    // check them.
    let anonymous = [table.case_keywords, table.return_keywords];
    unknown.extend(
        anonymous
            .iter()
            .flat_map(|names| names.iter())
            .copied()
            .filter(|n| !exists(n, false)),
    );
    unknown.extend(
        table
            .extra_decisions
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| !exists(n, true)),
    );
    unknown.extend(
        table
            .defaults
            .iter()
            .copied()
            .filter(|n| !exists(n, true) && !exists(n, false)),
    );
    unknown
}
