use crate::{Level, Precision, Rule};

pub const SYNTAX_ERROR: &str = "python/syntax-error";
pub const COMPLEX_FUNCTION: &str = "python/complex-function";
pub const TOO_MANY_ARGUMENTS: &str = "python/too-many-arguments";
pub const TOO_MANY_POSITIONAL_ARGUMENTS: &str = "python/too-many-positional-arguments";
pub const TOO_MANY_RETURNS: &str = "python/too-many-returns";
pub const TOO_MANY_BRANCHES: &str = "python/too-many-branches";
pub const TOO_MANY_STATEMENTS: &str = "python/too-many-statements";
pub const TOO_MANY_LOCALS: &str = "python/too-many-locals";
pub const TOO_MANY_NESTED_BLOCKS: &str = "python/too-many-nested-blocks";
pub const TOO_MANY_BOOLEAN_EXPRESSIONS: &str = "python/too-many-boolean-expressions";
pub const TOO_MANY_PUBLIC_METHODS: &str = "python/too-many-public-methods";
pub const TOO_MANY_INSTANCE_ATTRIBUTES: &str = "python/too-many-instance-attributes";
pub const COGNITIVE_COMPLEXITY: &str = "python/cognitive-complexity";
pub const LONG_FUNCTION: &str = "python/long-function";
pub const LARGE_CLASS: &str = "python/large-class";
pub const FEATURE_ENVY: &str = "python/feature-envy";

fn smell(
    id: &'static str,
    summary: &'static str,
    help: &'static str,
    level: Level,
    peers: &'static [&'static str],
) -> Rule {
    Rule {
        id,
        summary,
        help,
        level,
        tags: &["maintainability"],
        security_severity: None,
        precision: Precision::VeryHigh,
        peers,
        default_enabled: true,
    }
}

pub fn rules() -> Vec<Rule> {
    vec![
        smell(
            SYNTAX_ERROR,
            "A Python file that does not parse; functions outside the broken region are still measured",
            include_str!("../../help/python/syntax-error.md"),
            Level::Note,
            &["ruff:E999"],
        ),
        smell(
            COMPLEX_FUNCTION,
            "A function whose McCabe cyclomatic complexity is above the maximum",
            include_str!("../../help/python/complex-function.md"),
            Level::Warning,
            &["ruff:C901", "flake8:C901", "pylint:R1260"],
        ),
        smell(
            TOO_MANY_ARGUMENTS,
            "A function definition with too many parameters",
            include_str!("../../help/python/too-many-arguments.md"),
            Level::Warning,
            &["ruff:PLR0913", "pylint:R0913"],
        ),
        smell(
            TOO_MANY_POSITIONAL_ARGUMENTS,
            "A function definition with too many positional parameters",
            include_str!("../../help/python/too-many-positional-arguments.md"),
            Level::Warning,
            &["ruff:PLR0917", "pylint:R0917"],
        ),
        smell(
            TOO_MANY_RETURNS,
            "A function with too many return statements",
            include_str!("../../help/python/too-many-returns.md"),
            Level::Warning,
            &["ruff:PLR0911", "pylint:R0911"],
        ),
        smell(
            TOO_MANY_BRANCHES,
            "A function with too many branches",
            include_str!("../../help/python/too-many-branches.md"),
            Level::Warning,
            &["ruff:PLR0912", "pylint:R0912"],
        ),
        smell(
            TOO_MANY_STATEMENTS,
            "A function with too many statements",
            include_str!("../../help/python/too-many-statements.md"),
            Level::Warning,
            &["ruff:PLR0915", "pylint:R0915"],
        ),
        smell(
            TOO_MANY_LOCALS,
            "A function that assigns too many local variables",
            include_str!("../../help/python/too-many-locals.md"),
            Level::Warning,
            &["ruff:PLR0914", "pylint:R0914"],
        ),
        smell(
            TOO_MANY_NESTED_BLOCKS,
            "Blocks nested too deeply inside a function",
            include_str!("../../help/python/too-many-nested-blocks.md"),
            Level::Warning,
            &["ruff:PLR1702", "pylint:R1702"],
        ),
        smell(
            TOO_MANY_BOOLEAN_EXPRESSIONS,
            "An `if` test that combines too many boolean operands",
            include_str!("../../help/python/too-many-boolean-expressions.md"),
            Level::Warning,
            &["ruff:PLR0916", "pylint:R0916"],
        ),
        smell(
            TOO_MANY_PUBLIC_METHODS,
            "A class with too many public methods",
            include_str!("../../help/python/too-many-public-methods.md"),
            Level::Warning,
            &["ruff:PLR0904", "pylint:R0904"],
        ),
        smell(
            TOO_MANY_INSTANCE_ATTRIBUTES,
            "A class whose methods assign too many distinct instance attributes",
            include_str!("../../help/python/too-many-instance-attributes.md"),
            Level::Warning,
            &["pylint:R0902"],
        ),
        smell(
            COGNITIVE_COMPLEXITY,
            "A function whose cognitive complexity is above the maximum",
            include_str!("../../help/python/cognitive-complexity.md"),
            Level::Warning,
            &["sonar:S3776"],
        ),
        smell(
            LONG_FUNCTION,
            "A function body with too many lines of code",
            include_str!("../../help/python/long-function.md"),
            Level::Warning,
            &[],
        ),
        smell(
            LARGE_CLASS,
            "A class body with too many lines of code",
            include_str!("../../help/python/large-class.md"),
            Level::Warning,
            &[],
        ),
        Rule {
            precision: Precision::Medium,
            ..smell(
                FEATURE_ENVY,
                "A method that uses another object's attributes more than its own",
                include_str!("../../help/python/feature-envy.md"),
                Level::Note,
                &[],
            )
        },
    ]
}
