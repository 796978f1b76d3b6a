//! Python rules: the per-function metrics (ruff-exact where ruff has the rule) and the
//! cross-file duplicate-code rule.

use crate::declare::rules;

rules! {
    COGNITIVE_COMPLEXITY = "python/cognitive-complexity" {
        summary: "A function whose cognitive complexity is above the maximum",
        level: Warning,
        tags: ["maintainability"],
        precision: Medium,
        peers: ["sonar:S3776"],
        default_enabled: false,
    }

    COMPLEX_FUNCTION = "python/complex-function" {
        summary: "A function whose McCabe cyclomatic complexity is above the maximum",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:C901", "flake8:C901", "pylint:R1260"],
    }

    DUPLICATE_CODE = "python/duplicate-code" {
        summary: "The same code, at least 50 tokens and 6 lines, appears more than once",
        level: Note,
        tags: ["maintainability", "duplication"],
        precision: High,
        peers: ["pylint:R0801"],
    }

    FEATURE_ENVY = "python/feature-envy" {
        summary: "A method that uses another object's attributes more than its own",
        level: Note,
        tags: ["maintainability"],
        precision: Low,
        peers: [],
        default_enabled: false,
    }

    LARGE_CLASS = "python/large-class" {
        summary: "A class body with too many lines of code",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: [],
    }

    LONG_FUNCTION = "python/long-function" {
        summary: "A function body with too many lines of code",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: [],
    }

    SYNTAX_ERROR = "python/syntax-error" {
        summary: "A Python file that does not parse; functions outside the broken region are still measured",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:E999"],
    }

    TOO_MANY_ARGUMENTS = "python/too-many-arguments" {
        summary: "A function definition with too many parameters",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0913", "pylint:R0913"],
    }

    TOO_MANY_BOOLEAN_EXPRESSIONS = "python/too-many-boolean-expressions" {
        summary: "An `if` test that combines too many boolean operands",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0916", "pylint:R0916"],
    }

    TOO_MANY_BRANCHES = "python/too-many-branches" {
        summary: "A function with too many branches",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0912", "pylint:R0912"],
    }

    TOO_MANY_INSTANCE_ATTRIBUTES = "python/too-many-instance-attributes" {
        summary: "A class whose methods assign too many distinct instance attributes",
        level: Warning,
        tags: ["maintainability"],
        precision: Medium,
        peers: ["pylint:R0902"],
        default_enabled: false,
    }

    TOO_MANY_LOCALS = "python/too-many-locals" {
        summary: "A function that assigns too many local variables",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0914", "pylint:R0914"],
    }

    TOO_MANY_NESTED_BLOCKS = "python/too-many-nested-blocks" {
        summary: "Blocks nested too deeply inside a function",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR1702", "pylint:R1702"],
    }

    TOO_MANY_POSITIONAL_ARGUMENTS = "python/too-many-positional-arguments" {
        summary: "A function definition with too many positional parameters",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0917", "pylint:R0917"],
    }

    TOO_MANY_PUBLIC_METHODS = "python/too-many-public-methods" {
        summary: "A class with too many public methods",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0904", "pylint:R0904"],
    }

    TOO_MANY_RETURNS = "python/too-many-returns" {
        summary: "A function with too many return statements",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0911", "pylint:R0911"],
    }

    TOO_MANY_STATEMENTS = "python/too-many-statements" {
        summary: "A function with too many statements",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:PLR0915", "pylint:R0915"],
    }
}
