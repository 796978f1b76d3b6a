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
}
