//! Code smells in every language but Python (which has its own, ruff-exact rules): one rule
//! per measure, whatever the language; the finding names its language, and each language's
//! thresholds are its own (`[javascript]`, `[go]`, ...).

use crate::declare::rules;

rules! {
    COGNITIVE_COMPLEXITY = "smells/cognitive-complexity" {
        summary: "A function whose cognitive complexity (SonarSource's definition) is above the maximum",
        level: Warning,
        tags: ["maintainability"],
        precision: Medium,
        peers: ["sonar:S3776", "clippy:cognitive_complexity", "clang-tidy:readability-function-cognitive-complexity", "golangci:gocognit", "golangci:revive", "rubocop:Metrics/PerceivedComplexity", "pmd:CognitiveComplexity", "checkstyle:CognitiveComplexity", "detekt:CognitiveComplexMethod", "eslint:sonarjs/cognitive-complexity"],
    }

    COMPLEX_CONDITION = "smells/complex-condition" {
        summary: "A condition that combines too many boolean operands",
        level: Warning,
        tags: ["maintainability"],
        precision: High,
        peers: ["detekt:ComplexCondition", "checkstyle:BooleanExpressionComplexity", "sonar:S1067"],
    }

    COMPLEX_FUNCTION = "smells/complex-function" {
        summary: "A function whose cyclomatic complexity is above the maximum",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["lizard:CCN", "eslint:complexity", "golangci:gocyclo", "golangci:cyclop", "golangci:revive", "pmd:CyclomaticComplexity", "checkstyle:CyclomaticComplexity", "rubocop:Metrics/CyclomaticComplexity", "detekt:CyclomaticComplexMethod", "swiftlint:cyclomatic_complexity", "phpmd:CyclomaticComplexity", "sonar:S1541", "roslyn:CA1502"],
    }

    DEEP_NESTING = "smells/deep-nesting" {
        summary: "Blocks nested too deeply inside a function",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["eslint:max-depth", "golangci:revive", "rubocop:Metrics/BlockNesting", "detekt:NestedBlockDepth", "checkstyle:NestedIfDepth", "golangci:nestif", "sonar:S134"],
    }

    DUPLICATE_CODE = "smells/duplicate-code" {
        summary: "The same code, at least 100 tokens and 6 lines, appears more than once in files of one language",
        level: Note,
        tags: ["maintainability", "duplication"],
        precision: High,
        peers: ["golangci:dupl", "pmd:CPD"],
    }

    LARGE_CLASS = "smells/large-class" {
        summary: "A class (or struct, impl, module, object) with too many lines of code",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["rubocop:Metrics/ClassLength", "detekt:LargeClass", "swiftlint:type_body_length", "phpmd:ExcessiveClassLength", "pmd:ExcessiveClassLength"],
    }

    LARGE_FILE = "smells/large-file" {
        summary: "A source file with too many lines of code",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["eslint:max-lines", "swiftlint:file_length", "checkstyle:FileLength", "sonar:S104"],
    }

    LONG_FUNCTION = "smells/long-function" {
        summary: "A function body with too many lines of code",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["eslint:max-lines-per-function", "eslint:max-statements", "clippy:too_many_lines", "golangci:funlen", "golangci:revive", "rubocop:Metrics/MethodLength", "detekt:LongMethod", "swiftlint:function_body_length", "checkstyle:MethodLength", "phpmd:ExcessiveMethodLength", "pmd:ExcessiveMethodLength", "clang-tidy:readability-function-size"],
    }

    TOO_MANY_PARAMETERS = "smells/too-many-parameters" {
        summary: "A function with too many parameters",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["lizard:PARAM", "eslint:max-params", "clippy:too_many_arguments", "golangci:revive", "rubocop:Metrics/ParameterLists", "detekt:LongParameterList", "swiftlint:function_parameter_count", "checkstyle:ParameterNumber", "pmd:ExcessiveParameterList", "phpmd:ExcessiveParameterList", "sonar:S107"],
    }

    TOO_MANY_RETURNS = "smells/too-many-returns" {
        summary: "A function with too many return statements",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["detekt:ReturnCount", "checkstyle:ReturnCount", "sonar:S1142"],
    }
}
