//! GitHub Actions rules: workflows, composite actions and reusable workflows.

use crate::declare::rules;

rules! {
    DANGEROUS_TRIGGER = "actions/dangerous-trigger" {
        summary: "A privileged trigger (pull_request_target, workflow_run) that needs care",
        level: Note,
        tags: ["security", "actions"],
        security_severity: 3.0,
        precision: Low,
        peers: ["zizmor:dangerous-triggers"],
    }

    EXCESSIVE_PERMISSIONS = "actions/excessive-permissions" {
        summary: "A job whose GITHUB_TOKEN may have more permissions than it needs",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 5.5,
        precision: Medium,
        peers: ["zizmor:excessive-permissions"],
    }

    INVALID_YAML = "actions/invalid-yaml" {
        summary: "A workflow or action file that is not valid YAML",
        level: Error,
        tags: ["correctness", "actions"],
        precision: VeryHigh,
        peers: [],
    }

    LONG_LIVED_CREDENTIALS = "actions/long-lived-credentials" {
        summary: "A long-lived cloud credential where the provider supports OIDC",
        level: Note,
        tags: ["security", "actions"],
        security_severity: 3.0,
        precision: High,
        peers: [],
    }

    PERSIST_CREDENTIALS = "actions/persist-credentials" {
        summary: "actions/checkout leaves the token in the workspace of a job that exposes it",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 6.0,
        precision: High,
        peers: ["zizmor:artipacked"],
    }

    PWN_REQUEST = "actions/pwn-request" {
        summary: "A privileged trigger checks out untrusted code and runs it",
        level: Error,
        tags: ["security", "actions"],
        security_severity: 9.3,
        precision: High,
        peers: [],
    }

    SECRET_IN_LOG = "actions/secret-in-log" {
        summary: "A script prints a secret or writes it to step outputs or the job summary",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 6.5,
        precision: High,
        peers: [],
    }

    SECRETS_INHERIT = "actions/secrets-inherit" {
        summary: "A reusable workflow call passes every secret with `secrets: inherit`",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 4.0,
        precision: VeryHigh,
        peers: ["zizmor:secrets-inherit"],
    }

    TEMPLATE_INJECTION = "actions/template-injection" {
        summary: "Attacker-controlled `${{ }}` expression expanded into a script",
        level: Error,
        tags: ["security", "actions"],
        security_severity: 8.8,
        precision: High,
        peers: ["zizmor:template-injection"],
    }

    UNPINNED_IMAGE = "actions/unpinned-image" {
        summary: "A container image not pinned to a digest",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 5.0,
        precision: VeryHigh,
        peers: ["zizmor:unpinned-images"],
    }

    UNPINNED_USES = "actions/unpinned-uses" {
        summary: "An action or reusable workflow not pinned as its policy requires",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 6.0,
        precision: VeryHigh,
        peers: ["zizmor:unpinned-uses"],
    }

    INVALID_USES = "actions/invalid-uses" {
        summary: "A `uses:` that GitHub rejects: a self-reference with a ref, or no owner and repository",
        level: Error,
        tags: ["correctness", "actions"],
        precision: VeryHigh,
        peers: [],
    }
}
