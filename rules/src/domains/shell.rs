//! Shell script rules: ShellCheck's checks, on the scripts of Dockerfile RUN instructions.
//! Peers name ShellCheck's codes, and hadolint's (hadolint runs ShellCheck on every RUN and
//! reports its codes under its own name).

use crate::declare::rules;

rules! {
    UNQUOTED_EXPANSION = "shell/unquoted-expansion" {
        summary: "A variable expanded without double quotes, so it is split into words and globbed",
        level: Note,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC2086", "shellcheck:SC2086"],
    }

    UNQUOTED_COMMAND_SUBSTITUTION = "shell/unquoted-command-substitution" {
        summary: "A command's output used as arguments without double quotes, so it is split and globbed",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC2046", "shellcheck:SC2046"],
    }

    DECLARATION_MASKS_STATUS = "shell/declaration-masks-status" {
        summary: "export, local or declare of a command's output, which hides the command's failure",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:SC2155", "shellcheck:SC2155"],
    }

    LOOP_OVER_ONE_WORD = "shell/loop-over-one-word" {
        summary: "A for loop over one constant word, which runs once",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC2043", "shellcheck:SC2043"],
    }

    LITERAL_DOLLAR = "shell/literal-dollar" {
        summary: "A `$` that starts no expansion and is kept literally; escape it",
        level: Note,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC1000", "shellcheck:SC1000"],
        default_enabled: false,
    }

    USELESS_ESCAPE = "shell/useless-escape" {
        summary: "A backslash before an ordinary character outside quotes, which only drops the backslash",
        level: Note,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1001", "shellcheck:SC1001", "shellcheck:SC1012"],
    }

    MALFORMED_ASSIGNMENT = "shell/malformed-assignment" {
        summary: "An assignment with a space around `=`, or `==`, which runs a command instead of assigning",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1007", "hadolint:SC1068", "hadolint:SC1097", "hadolint:SC2283", "shellcheck:SC1007", "shellcheck:SC1068", "shellcheck:SC1097", "shellcheck:SC2283"],
    }

    DOLLAR_ON_ASSIGNED_NAME = "shell/dollar-on-assigned-name" {
        summary: "`$name=value` or `for $name in`: a name being assigned is written without `$`",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:SC1066", "hadolint:SC1086", "hadolint:SC2281", "shellcheck:SC1066", "shellcheck:SC1086", "shellcheck:SC2281"],
    }

    MISPLACED_KEYWORD = "shell/misplaced-keyword" {
        summary: "A shell keyword that is not one: `done` after an argument with no `;`, or `If` in the wrong case",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1010", "hadolint:SC1081", "shellcheck:SC1010", "shellcheck:SC1081"],
    }

    UNICODE_LOOKALIKE = "shell/unicode-lookalike" {
        summary: "A Unicode space, quote or tick where the shell needs the ASCII one",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:SC1018", "hadolint:SC1077", "hadolint:SC1015", "hadolint:SC1016", "hadolint:SC1110", "hadolint:SC1111", "shellcheck:SC1018", "shellcheck:SC1077", "shellcheck:SC1015", "shellcheck:SC1016", "shellcheck:SC1110", "shellcheck:SC1111"],
    }

    MISSING_SPACE = "shell/missing-space" {
        summary: "A missing space that the shell needs: inside `[ ]`, between a function's name and body, before a comment's `#`",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1035", "hadolint:SC1095", "hadolint:SC1099", "hadolint:SC1020", "hadolint:SC2288", "shellcheck:SC1035", "shellcheck:SC1095", "shellcheck:SC1099", "shellcheck:SC1020", "shellcheck:SC2288"],
    }

    BACKGROUND_THEN_SEMICOLON = "shell/background-then-semicolon" {
        summary: "`cmd &; next`: `&` already ends the command, and the `;` after it is a syntax error",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:SC1045", "shellcheck:SC1045"],
    }

    FUNCTION_PARAMETERS = "shell/function-parameters" {
        summary: "`name(a b) { … }`: shell functions take no parameter list; read `$1`, `$2`",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:SC1065", "shellcheck:SC1065"],
    }

    UNCLOSED_QUOTE = "shell/unclosed-quote" {
        summary: "A double-quoted string that is never closed, or closed by a quote that looks like an opening one",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1078", "hadolint:SC1079", "shellcheck:SC1078", "shellcheck:SC1079"],
    }

    LITERAL_BRACE = "shell/literal-brace" {
        summary: "A `{` or `}` inside a word, which the shell keeps literally (a missing `;` or quote?)",
        level: Warning,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC1083", "shellcheck:SC1083"],
    }

    ARRAY_WITHOUT_BRACES = "shell/array-without-braces" {
        summary: "`$name[1]` expands `$name` and appends `[1]`; an element needs braces: `${name[1]}`",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1087", "shellcheck:SC1087"],
    }

    EVAL_SPECIAL_CHARACTERS = "shell/eval-special-characters" {
        summary: "Parentheses or other syntax given to eval unquoted, which the shell parses before eval sees them",
        level: Error,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC1098", "shellcheck:SC1098"],
    }

    WORD_BETWEEN_QUOTES = "shell/word-between-quotes" {
        summary: "`'a'b'c'` or `\"a\"b\"c\"`: the middle word is outside the quotes (meant to nest them?)",
        level: Warning,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC2026", "hadolint:SC2140", "shellcheck:SC2026", "shellcheck:SC2140"],
    }

    USELESS_CAT = "shell/useless-cat" {
        summary: "`cat file | cmd`: one process more than `cmd < file`",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:SC2002", "shellcheck:SC2002"],
        default_enabled: false,
    }

    AND_OR_NOT_IF_ELSE = "shell/and-or-not-if-else" {
        summary: "`A && B || C` is not if-then-else: C also runs when A succeeds and B fails",
        level: Note,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC2015", "shellcheck:SC2015"],
    }

    ECHO_ESCAPE = "shell/echo-escape" {
        summary: "An escape sequence such as `\\n` given to echo, which some shells print as is; use printf",
        level: Note,
        tags: ["portability"],
        precision: High,
        peers: ["hadolint:SC2028", "shellcheck:SC2028"],
    }

    GLOB_AS_OPTION = "shell/glob-as-option" {
        summary: "A glob such as `*.txt` as an argument, where a file named `-rf` becomes an option; write `./*.txt`",
        level: Note,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC2035", "shellcheck:SC2035"],
    }

    NOT_POSIX = "shell/not-posix" {
        summary: "Bash syntax (`[[ ]]`, arrays, `source`, `{1..3}`, …) in a script that /bin/sh runs",
        level: Warning,
        tags: ["portability", "correctness"],
        precision: High,
        peers: ["hadolint:SC2039", "shellcheck:SC2039", "hadolint:SC3001", "hadolint:SC3003", "hadolint:SC3005", "hadolint:SC3006", "hadolint:SC3009", "hadolint:SC3010", "hadolint:SC3011", "hadolint:SC3014", "hadolint:SC3020", "hadolint:SC3030", "hadolint:SC3037", "hadolint:SC3039", "hadolint:SC3043", "hadolint:SC3046", "hadolint:SC3053", "hadolint:SC3054", "hadolint:SC3057", "hadolint:SC3060", "shellcheck:SC3001", "shellcheck:SC3003", "shellcheck:SC3005", "shellcheck:SC3006", "shellcheck:SC3009", "shellcheck:SC3010", "shellcheck:SC3011", "shellcheck:SC3014", "shellcheck:SC3020", "shellcheck:SC3030", "shellcheck:SC3037", "shellcheck:SC3039", "shellcheck:SC3043", "shellcheck:SC3046", "shellcheck:SC3053", "shellcheck:SC3054", "shellcheck:SC3057", "shellcheck:SC3060"],
    }

    UNASSIGNED_VARIABLE = "shell/unassigned-variable" {
        summary: "A lower-case variable that neither the script, ARG nor ENV assigns (a typo, or a missing ARG?)",
        level: Warning,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:SC2154", "shellcheck:SC2154"],
    }

    UNCHECKED_CD = "shell/unchecked-cd" {
        summary: "`cd` whose failure is not checked, so the commands after it run in the wrong directory",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:SC2164", "shellcheck:SC2164"],
    }
}
