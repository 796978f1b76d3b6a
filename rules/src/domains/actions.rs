use crate::{Level, Precision, Rule};

pub const INVALID_YAML: &str = "actions/invalid-yaml";
pub const UNPINNED_USES: &str = "actions/unpinned-uses";
pub const UNPINNED_IMAGE: &str = "actions/unpinned-image";
pub const PWN_REQUEST: &str = "actions/pwn-request";
pub const DANGEROUS_TRIGGER: &str = "actions/dangerous-trigger";
pub const TEMPLATE_INJECTION: &str = "actions/template-injection";
pub const EXCESSIVE_PERMISSIONS: &str = "actions/excessive-permissions";
pub const PERSIST_CREDENTIALS: &str = "actions/persist-credentials";
pub const SECRETS_INHERIT: &str = "actions/secrets-inherit";
pub const LONG_LIVED_CREDENTIALS: &str = "actions/long-lived-credentials";
pub const SECRET_IN_LOG: &str = "actions/secret-in-log";

#[allow(clippy::too_many_arguments)]
fn rule(
    id: &'static str,
    summary: &'static str,
    help: &'static str,
    level: Level,
    security_severity: Option<f32>,
    precision: Precision,
    peers: &'static [&'static str],
) -> Rule {
    let tags: &'static [&'static str] = if security_severity.is_some() {
        &["security", "actions"]
    } else {
        &["correctness", "actions"]
    };
    Rule {
        id,
        summary,
        help,
        level,
        tags,
        security_severity,
        precision,
        peers,
        default_enabled: true,
    }
}

pub fn rules() -> Vec<Rule> {
    vec![
        rule(
            INVALID_YAML,
            "A workflow or action file that is not valid YAML",
            include_str!("../../help/actions/invalid-yaml.md"),
            Level::Error,
            None,
            Precision::VeryHigh,
            &[],
        ),
        rule(
            UNPINNED_USES,
            "An action or reusable workflow not pinned as its policy requires",
            include_str!("../../help/actions/unpinned-uses.md"),
            Level::Warning,
            Some(6.0),
            Precision::VeryHigh,
            &["zizmor:unpinned-uses"],
        ),
        rule(
            UNPINNED_IMAGE,
            "A container image not pinned to a digest",
            include_str!("../../help/actions/unpinned-image.md"),
            Level::Warning,
            Some(5.0),
            Precision::VeryHigh,
            &["zizmor:unpinned-images"],
        ),
        rule(
            PWN_REQUEST,
            "A privileged trigger checks out untrusted code and runs it",
            include_str!("../../help/actions/pwn-request.md"),
            Level::Error,
            Some(9.3),
            Precision::High,
            &[],
        ),
        rule(
            DANGEROUS_TRIGGER,
            "A privileged trigger (pull_request_target, workflow_run) that needs care",
            include_str!("../../help/actions/dangerous-trigger.md"),
            Level::Note,
            Some(3.0),
            Precision::Low,
            &["zizmor:dangerous-triggers"],
        ),
        rule(
            TEMPLATE_INJECTION,
            "Attacker-controlled `${{ }}` expression expanded into a script",
            include_str!("../../help/actions/template-injection.md"),
            Level::Error,
            Some(8.8),
            Precision::High,
            &["zizmor:template-injection"],
        ),
        rule(
            EXCESSIVE_PERMISSIONS,
            "A job whose GITHUB_TOKEN may have more permissions than it needs",
            include_str!("../../help/actions/excessive-permissions.md"),
            Level::Warning,
            Some(5.5),
            Precision::Medium,
            &["zizmor:excessive-permissions"],
        ),
        rule(
            PERSIST_CREDENTIALS,
            "actions/checkout leaves the token in the workspace of a job that exposes it",
            include_str!("../../help/actions/persist-credentials.md"),
            Level::Warning,
            Some(6.0),
            Precision::High,
            &["zizmor:artipacked"],
        ),
        rule(
            SECRETS_INHERIT,
            "A reusable workflow call passes every secret with `secrets: inherit`",
            include_str!("../../help/actions/secrets-inherit.md"),
            Level::Warning,
            Some(4.0),
            Precision::VeryHigh,
            &["zizmor:secrets-inherit"],
        ),
        rule(
            LONG_LIVED_CREDENTIALS,
            "A long-lived cloud credential where the provider supports OIDC",
            include_str!("../../help/actions/long-lived-credentials.md"),
            Level::Note,
            Some(3.0),
            Precision::High,
            &[],
        ),
        rule(
            SECRET_IN_LOG,
            "A script prints a secret or writes it to step outputs or the job summary",
            include_str!("../../help/actions/secret-in-log.md"),
            Level::Warning,
            Some(6.5),
            Precision::High,
            &[],
        ),
    ]
}
