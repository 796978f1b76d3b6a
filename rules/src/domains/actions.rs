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

    ADHOC_PACKAGES = "actions/adhoc-packages" {
        summary: "A script installs packages outside a locked manifest (`npm install pkg`, `gem install`)",
        level: Note,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 3.0,
        precision: High,
        peers: ["zizmor:adhoc-packages"],
    }

    ANONYMOUS_DEFINITION = "actions/anonymous-definition" {
        summary: "A workflow, action or job without a `name:`",
        level: Note,
        tags: ["maintainability", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:anonymous-definition"],
        default_enabled: false,
    }

    ARCHIVED_USES = "actions/archived-uses" {
        summary: "An action or reusable workflow from an archived (unmaintained) repository",
        level: Warning,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 4.0,
        precision: VeryHigh,
        peers: ["zizmor:archived-uses"],
    }

    BOT_CONDITIONS = "actions/bot-conditions" {
        summary: "A spoofable bot check (`github.actor == 'dependabot[bot]'`) guards a privileged job",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 7.0,
        precision: High,
        peers: ["zizmor:bot-conditions"],
    }

    CACHE_POISONING = "actions/cache-poisoning" {
        summary: "A release workflow restores a cache that any workflow of the repository can write",
        level: Warning,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 6.0,
        precision: Medium,
        peers: ["zizmor:cache-poisoning"],
    }

    CONCURRENCY_LIMITS = "actions/concurrency-limits" {
        summary: "A workflow without `concurrency:` that cancels superseded runs",
        level: Note,
        tags: ["maintainability", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:concurrency-limits"],
        default_enabled: false,
    }

    DEPENDABOT_COOLDOWN = "actions/dependabot-cooldown" {
        summary: "A Dependabot updater without a cooldown (or a shorter one than configured)",
        level: Note,
        tags: ["security", "supply-chain", "dependabot"],
        security_severity: 3.0,
        precision: VeryHigh,
        peers: ["zizmor:dependabot-cooldown"],
    }

    DEPENDABOT_EXECUTION = "actions/dependabot-execution" {
        summary: "Dependabot may run code from dependency manifests (`insecure-external-code-execution: allow`)",
        level: Warning,
        tags: ["security", "supply-chain", "dependabot"],
        security_severity: 6.0,
        precision: VeryHigh,
        peers: ["zizmor:dependabot-execution"],
    }

    FORBIDDEN_USES = "actions/forbidden-uses" {
        summary: "A `uses:` that the configured allow or deny list forbids",
        level: Error,
        tags: ["security", "policy", "actions"],
        security_severity: 5.0,
        precision: VeryHigh,
        peers: ["zizmor:forbidden-uses"],
    }

    GITHUB_APP = "actions/github-app" {
        summary: "A GitHub App token that outlives its job or reaches more repositories or permissions than needed",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 5.0,
        precision: High,
        peers: ["zizmor:github-app"],
    }

    GITHUB_ENV = "actions/github-env" {
        summary: "A privileged workflow writes a value it does not control to GITHUB_ENV or GITHUB_PATH",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 7.5,
        precision: Medium,
        peers: ["zizmor:github-env"],
    }

    HARDCODED_CONTAINER_CREDENTIALS = "actions/hardcoded-container-credentials" {
        summary: "A container or service registry password written in the workflow",
        level: Error,
        tags: ["security", "actions"],
        security_severity: 8.0,
        precision: VeryHigh,
        peers: ["zizmor:hardcoded-container-credentials"],
    }

    INSECURE_COMMANDS = "actions/insecure-commands" {
        summary: "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables `::set-env` and `::add-path`",
        level: Error,
        tags: ["security", "actions"],
        security_severity: 8.0,
        precision: VeryHigh,
        peers: ["zizmor:insecure-commands"],
    }

    INSECURE_URL_SCHEME = "actions/insecure-url-scheme" {
        summary: "A pre-commit hook repository fetched over plain `http://` or `git://`",
        level: Warning,
        tags: ["security", "supply-chain", "pre-commit"],
        security_severity: 6.0,
        precision: VeryHigh,
        peers: ["zizmor:insecure-url-scheme"],
    }

    MISFEATURE = "actions/misfeature" {
        summary: "A feature best avoided: setup-python's `pip-install`, the Windows `cmd` shell",
        level: Warning,
        tags: ["maintainability", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:misfeature"],
    }

    OBFUSCATION = "actions/obfuscation" {
        summary: "A `uses:` path or expression written in a roundabout way that hides what it does",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 4.0,
        precision: High,
        peers: ["zizmor:obfuscation"],
    }

    OVERPROVISIONED_SECRETS = "actions/overprovisioned-secrets" {
        summary: "The whole `secrets` context is exposed (`toJSON(secrets)`, `secrets[expr]`)",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 5.0,
        precision: VeryHigh,
        peers: ["zizmor:overprovisioned-secrets"],
    }

    REF_VERSION_MISMATCH = "actions/ref-version-mismatch" {
        summary: "A `uses:` version comment that disagrees with its ref",
        level: Note,
        tags: ["maintainability", "supply-chain", "actions"],
        precision: High,
        peers: ["zizmor:ref-version-mismatch"],
    }

    SECRETS_OUTSIDE_ENV = "actions/secrets-outside-env" {
        summary: "A job uses secrets without a deployment `environment:` guarding them",
        level: Note,
        tags: ["security", "actions"],
        security_severity: 3.0,
        precision: Medium,
        peers: ["zizmor:secrets-outside-env"],
        default_enabled: false,
    }

    SELF_HOSTED_RUNNER = "actions/self-hosted-runner" {
        summary: "A job runs on a self-hosted runner",
        level: Note,
        tags: ["security", "actions"],
        security_severity: 3.0,
        precision: Medium,
        peers: ["zizmor:self-hosted-runner"],
        default_enabled: false,
    }

    SELF_REPOSITORY = "actions/self-repository" {
        summary: "`uses: ./path` where the self-repository form `uses: $/path` would do",
        level: Note,
        tags: ["security", "actions"],
        security_severity: 2.0,
        precision: High,
        peers: ["zizmor:self-repository"],
    }

    SUPERFLUOUS_ACTIONS = "actions/superfluous-actions" {
        summary: "An action that does what a tool already on the runner does (`gh`, `git`, `rustup`)",
        level: Note,
        tags: ["supply-chain", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:superfluous-actions"],
    }

    TYPOSQUAT_USES = "actions/typosquat-uses" {
        summary: "An action whose owner/repo is one typo away from a popular action of another owner",
        level: Warning,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 7.0,
        precision: Medium,
        peers: ["zizmor:typosquat-uses"],
    }

    UNDOCUMENTED_PERMISSIONS = "actions/undocumented-permissions" {
        summary: "A permission granted without a comment saying why",
        level: Note,
        tags: ["maintainability", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:undocumented-permissions"],
        default_enabled: false,
    }

    UNPINNED_PRE_COMMIT_REV = "actions/unpinned-pre-commit-rev" {
        summary: "A pre-commit hook repository pinned to a tag or branch, not a commit",
        level: Note,
        tags: ["security", "supply-chain", "pre-commit"],
        security_severity: 4.0,
        precision: VeryHigh,
        peers: [],
    }

    UNPINNED_TOOLS = "actions/unpinned-tools" {
        summary: "A pinned action that downloads the latest version of its tool at run time",
        level: Warning,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 5.0,
        precision: VeryHigh,
        peers: ["zizmor:unpinned-tools"],
    }

    UNREDACTED_SECRETS = "actions/unredacted-secrets" {
        summary: "A field of a structured secret (`fromJSON(secrets.X).field`), which logs do not redact",
        level: Warning,
        tags: ["security", "actions"],
        security_severity: 6.0,
        precision: VeryHigh,
        peers: ["zizmor:unredacted-secrets"],
    }

    UNSOUND_CONDITION = "actions/unsound-condition" {
        summary: "An `if:` that is always true: text outside its `${{ }}` makes the result a non-empty string",
        level: Error,
        tags: ["correctness", "security", "actions"],
        security_severity: 6.0,
        precision: VeryHigh,
        peers: ["zizmor:unsound-condition"],
    }

    UNSOUND_CONTAINS = "actions/unsound-contains" {
        summary: "`contains('a b', github.ref)` matches any substring, not only the listed values",
        level: Warning,
        tags: ["correctness", "security", "actions"],
        security_severity: 5.0,
        precision: High,
        peers: ["zizmor:unsound-contains"],
    }

    UNSOUND_TERNARY = "actions/unsound-ternary" {
        summary: "`cond && x || y` with a falsy `x`: it yields `y` whatever `cond` is",
        level: Warning,
        tags: ["correctness", "actions"],
        precision: VeryHigh,
        peers: ["zizmor:unsound-ternary"],
    }

    USE_TRUSTED_PUBLISHING = "actions/use-trusted-publishing" {
        summary: "A package is published with a long-lived token where the index supports trusted publishing",
        level: Note,
        tags: ["security", "supply-chain", "actions"],
        security_severity: 3.0,
        precision: High,
        peers: ["zizmor:use-trusted-publishing"],
    }
}
