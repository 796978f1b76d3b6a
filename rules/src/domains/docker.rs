//! Dockerfile rules. Peers name hadolint's codes (same meaning) and other tools' ids.

use crate::declare::rules;

rules! {
    ADD_INSTEAD_OF_COPY = "docker/add-instead-of-copy" {
        summary: "ADD for a local file or folder; use COPY",
        level: Error,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3020", "trivy:DS005", "checkov:CKV_DOCKER_4"],
    }

    ADD_REMOTE_WITHOUT_CHECKSUM = "docker/add-remote-without-checksum" {
        summary: "ADD of a remote URL without --checksum",
        level: Warning,
        tags: ["security"],
        security_severity: 5.0,
        precision: High,
        peers: [],
    }

    APK_NO_CACHE = "docker/apk-no-cache" {
        summary: "apk add without --no-cache",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3019"],
    }

    APK_PIN = "docker/apk-pin" {
        summary: "apk add without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3018"],
    }

    APT_LISTS_NOT_DELETED = "docker/apt-lists-not-deleted" {
        summary: "apt-get update without removing /var/lib/apt/lists",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3009"],
    }

    APT_MISSING_YES = "docker/apt-missing-yes" {
        summary: "apt-get install without -y",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3014"],
    }

    APT_NO_INSTALL_RECOMMENDS = "docker/apt-no-install-recommends" {
        summary: "apt-get install without --no-install-recommends",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3015"],
    }

    APT_PIN = "docker/apt-pin" {
        summary: "apt-get install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3008"],
    }

    APT_USED = "docker/apt-used" {
        summary: "`apt` in RUN; use apt-get or apt-cache",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3027", "checkov:CKV_DOCKER_9"],
    }

    CD_IN_RUN = "docker/cd-in-run" {
        summary: "`cd` inside RUN; use WORKDIR to change directory",
        level: Warning,
        tags: ["maintainability"],
        precision: Medium,
        peers: ["hadolint:DL3003", "trivy:DS013"],
    }

    CHMOD_WORLD_WRITABLE = "docker/chmod-world-writable" {
        summary: "chmod makes files world-writable",
        level: Warning,
        tags: ["security"],
        security_severity: 5.0,
        precision: High,
        peers: [],
    }

    CONSECUTIVE_RUN = "docker/consecutive-run" {
        summary: "Consecutive single-command RUN instructions",
        level: Note,
        tags: ["performance"],
        precision: Medium,
        peers: ["hadolint:DL3059"],
    }

    COPY_DEST_NOT_DIR = "docker/copy-dest-not-dir" {
        summary: "COPY of several sources to a destination without a trailing slash",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3021", "trivy:DS011"],
    }

    COPY_FROM_OWN_STAGE = "docker/copy-from-own-stage" {
        summary: "COPY --from the stage it is in",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3023", "trivy:DS006"],
    }

    COPY_FROM_UNKNOWN_STAGE = "docker/copy-from-unknown-stage" {
        summary: "COPY --from a stage that is not defined earlier",
        level: Warning,
        tags: ["correctness"],
        precision: Medium,
        peers: ["hadolint:DL3022"],
    }

    COPY_RELATIVE_WITHOUT_WORKDIR = "docker/copy-relative-without-workdir" {
        summary: "COPY to a relative path with no WORKDIR set",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:DL3045"],
    }

    CURL_AND_WGET = "docker/curl-and-wget" {
        summary: "Both curl and wget are used",
        level: Warning,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL4001"],
    }

    CURL_PIPE_SHELL = "docker/curl-pipe-shell" {
        summary: "A download piped into a shell",
        level: Error,
        tags: ["security"],
        security_severity: 7.0,
        precision: High,
        peers: [],
    }

    DNF_MISSING_YES = "docker/dnf-missing-yes" {
        summary: "dnf install without -y",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3038"],
    }

    DNF_NO_CLEAN = "docker/dnf-no-clean" {
        summary: "dnf install without `dnf clean all`",
        level: Warning,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3040"],
    }

    DNF_PIN = "docker/dnf-pin" {
        summary: "dnf install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3041"],
    }

    DUPLICATE_STAGE_NAME = "docker/duplicate-stage-name" {
        summary: "Two stages with the same name",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3024", "checkov:CKV_DOCKER_11"],
    }

    ENV_SELF_REFERENCE = "docker/env-self-reference" {
        summary: "ENV refers to a variable set in the same ENV",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3044"],
    }

    FROM_PLATFORM = "docker/from-platform" {
        summary: "FROM --platform with a fixed value",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:DL3029"],
    }

    FROM_WITHOUT_DIGEST = "docker/from-without-digest" {
        summary: "FROM an image without a digest",
        level: Note,
        tags: ["reproducibility"],
        precision: VeryHigh,
        peers: [],
    }

    GEM_PIN = "docker/gem-pin" {
        summary: "gem install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3028"],
    }

    GO_INSTALL_UNPINNED = "docker/go-install-unpinned" {
        summary: "go install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3062"],
    }

    INSTRUCTION_BEFORE_FROM = "docker/instruction-before-from" {
        summary: "An instruction before the first FROM",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3061"],
    }

    INVALID_PORT = "docker/invalid-port" {
        summary: "EXPOSE a port outside 0-65535",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3011"],
    }

    LAST_USER_ROOT = "docker/last-user-root" {
        summary: "The image's last USER is root",
        level: Warning,
        tags: ["security"],
        security_severity: 6.0,
        precision: High,
        peers: ["hadolint:DL3002", "checkov:CKV_DOCKER_8"],
    }

    LATEST_TAG = "docker/latest-tag" {
        summary: "FROM an image tagged `latest`",
        level: Warning,
        tags: ["reproducibility"],
        precision: VeryHigh,
        peers: ["hadolint:DL3007", "trivy:DS001", "checkov:CKV_DOCKER_7"],
    }

    LN_BIN_SH = "docker/ln-bin-sh" {
        summary: "RUN ln replaces /bin/sh; use SHELL",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL4005"],
    }

    MAINTAINER = "docker/maintainer" {
        summary: "MAINTAINER is deprecated",
        level: Error,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL4000", "checkov:CKV_DOCKER_6"],
    }

    MULTIPLE_CMD = "docker/multiple-cmd" {
        summary: "More than one CMD in a stage",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL4003"],
    }

    MULTIPLE_ENTRYPOINT = "docker/multiple-entrypoint" {
        summary: "More than one ENTRYPOINT in a stage",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL4004"],
    }

    NO_HEALTHCHECK = "docker/no-healthcheck" {
        summary: "No HEALTHCHECK in the image",
        level: Note,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3057", "checkov:CKV_DOCKER_2"],
        default_enabled: false,
    }

    NPM_PIN = "docker/npm-pin" {
        summary: "npm install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3016"],
    }

    PARSE_ERROR = "docker/parse-error" {
        summary: "The Dockerfile cannot be parsed",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL1000"],
    }

    PIP_CACHE = "docker/pip-cache" {
        summary: "pip install without --no-cache-dir",
        level: Warning,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3042"],
    }

    PIP_PIN = "docker/pip-pin" {
        summary: "pip install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3013"],
    }

    PIPE_WITHOUT_PIPEFAIL = "docker/pipe-without-pipefail" {
        summary: "RUN with a pipe and no pipefail",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:DL4006"],
    }

    ROOT_USER = "docker/root-user" {
        summary: "The image runs as root: no USER in the final stage",
        level: Warning,
        tags: ["security"],
        security_severity: 5.0,
        precision: Medium,
        peers: ["trivy:DS002", "checkov:CKV_DOCKER_3"],
    }

    SECRET_IN_ENV_OR_ARG = "docker/secret-in-env-or-arg" {
        summary: "A credential in an ENV or ARG",
        level: Error,
        tags: ["security"],
        security_severity: 8.0,
        precision: High,
        peers: ["buildkit:SecretsUsedInArgOrEnv", "hadolint:DL3064"],
    }

    SHELL_FORM_CMD = "docker/shell-form-cmd" {
        summary: "CMD or ENTRYPOINT in shell form",
        level: Warning,
        tags: ["correctness"],
        precision: High,
        peers: ["hadolint:DL3025"],
    }

    SUDO = "docker/sudo" {
        summary: "Do not use sudo in RUN",
        level: Error,
        tags: ["security"],
        security_severity: 5.0,
        precision: High,
        peers: ["hadolint:DL3004", "trivy:DS010", "checkov:CKV2_DOCKER_1"],
    }

    TLS_VERIFICATION_DISABLED = "docker/tls-verification-disabled" {
        summary: "TLS certificate verification turned off",
        level: Error,
        tags: ["security"],
        security_severity: 7.5,
        precision: High,
        peers: [],
    }

    UNAUTHENTICATED_PACKAGES = "docker/unauthenticated-packages" {
        summary: "Packages installed without signature checks",
        level: Error,
        tags: ["security"],
        security_severity: 7.5,
        precision: High,
        peers: [],
    }

    UNTAGGED_IMAGE = "docker/untagged-image" {
        summary: "FROM an image without a tag or digest",
        level: Warning,
        tags: ["reproducibility"],
        precision: VeryHigh,
        peers: ["hadolint:DL3006"],
    }

    UNTRUSTED_REGISTRY = "docker/untrusted-registry" {
        summary: "FROM an image outside the allowed registries",
        level: Error,
        tags: ["security"],
        security_severity: 5.0,
        precision: High,
        peers: ["hadolint:DL3026"],
    }

    WGET_NO_PROGRESS = "docker/wget-no-progress" {
        summary: "wget without --progress",
        level: Note,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3047"],
    }

    WORKDIR_RELATIVE = "docker/workdir-relative" {
        summary: "WORKDIR should be an absolute path",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3000", "trivy:DS009", "checkov:CKV_DOCKER_10"],
    }

    YARN_CACHE_NOT_CLEANED = "docker/yarn-cache-not-cleaned" {
        summary: "yarn install without `yarn cache clean`",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3060"],
    }

    YUM_MISSING_YES = "docker/yum-missing-yes" {
        summary: "yum install without -y",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3030"],
    }

    YUM_NO_CLEAN = "docker/yum-no-clean" {
        summary: "yum install without `yum clean all`",
        level: Warning,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3032"],
    }

    YUM_PIN = "docker/yum-pin" {
        summary: "yum install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3033"],
    }

    MULTIPLE_HEALTHCHECK = "docker/multiple-healthcheck" {
        summary: "More than one HEALTHCHECK in a stage",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3012"],
    }

    POINTLESS_COMMAND = "docker/pointless-command" {
        summary: "A command that makes no sense in an image build (ssh, vim, service, ps, kill...)",
        level: Note,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3001"],
    }

    ARCHIVE_COPIED_THEN_EXTRACTED = "docker/archive-copied-then-extracted" {
        summary: "A tar archive is COPYed and then extracted in RUN; ADD extracts it",
        level: Note,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3010"],
    }

    ZYPPER_MISSING_YES = "docker/zypper-missing-yes" {
        summary: "zypper install, remove or patch without -n (--non-interactive) or -y",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3034"],
    }

    ZYPPER_DIST_UPGRADE = "docker/zypper-dist-upgrade" {
        summary: "zypper dist-upgrade (dup) in RUN",
        level: Warning,
        tags: ["reproducibility"],
        precision: VeryHigh,
        peers: ["hadolint:DL3035"],
    }

    ZYPPER_NO_CLEAN = "docker/zypper-no-clean" {
        summary: "zypper install without `zypper clean`",
        level: Warning,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3036"],
    }

    ZYPPER_PIN = "docker/zypper-pin" {
        summary: "zypper install without a pinned version",
        level: Warning,
        tags: ["reproducibility"],
        precision: High,
        peers: ["hadolint:DL3037"],
    }

    USERADD_HIGH_UID_WITHOUT_L = "docker/useradd-high-uid-without-l" {
        summary: "useradd with a high UID and without -l (--no-log-init)",
        level: Warning,
        tags: ["performance"],
        precision: High,
        peers: ["hadolint:DL3046"],
    }

    INLINE_IGNORE_PRAGMA = "docker/inline-ignore-pragma" {
        summary: "An inline `# hadolint ignore=` pragma",
        level: Note,
        tags: ["style"],
        precision: VeryHigh,
        peers: ["hadolint:DL1001"],
        default_enabled: false,
    }

    ONBUILD_FORBIDDEN_INSTRUCTION = "docker/onbuild-forbidden-instruction" {
        summary: "ONBUILD of ONBUILD, FROM or MAINTAINER, which Docker rejects",
        level: Error,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3043"],
    }

    LABEL_KEY_INVALID = "docker/label-key-invalid" {
        summary: "A LABEL key that is not lower-case reverse-DNS style, or in a namespace Docker reserves",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3048"],
    }

    RESERVED_STAGE_NAME = "docker/reserved-stage-name" {
        summary: "A stage named `scratch` or `context`, names BuildKit reserves",
        level: Warning,
        tags: ["correctness"],
        precision: VeryHigh,
        peers: ["hadolint:DL3063"],
    }

    REDUNDANT_TARGET_PLATFORM = "docker/redundant-target-platform" {
        summary: "FROM --platform=$TARGETPLATFORM, which is the default",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3065"],
    }

    USER_NOT_NUMERIC = "docker/user-not-numeric" {
        summary: "USER by name, which the host and Kubernetes' runAsNonRoot cannot check",
        level: Note,
        tags: ["security"],
        security_severity: 3.0,
        precision: High,
        peers: ["hadolint:DL3066"],
    }

    COPY_WHOLE_FILESYSTEM = "docker/copy-whole-filesystem" {
        summary: "COPY --from of a stage's whole filesystem onto /",
        level: Warning,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3067"],
    }

    LABEL_MISSING = "docker/label-missing" {
        summary: "An image without a label the label schema requires",
        level: Note,
        tags: ["maintainability"],
        precision: High,
        peers: ["hadolint:DL3049"],
    }

    LABEL_NOT_IN_SCHEMA = "docker/label-not-in-schema" {
        summary: "A label the label schema does not list, with strict labels on",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3050"],
    }

    LABEL_EMPTY = "docker/label-empty" {
        summary: "A label of the label schema set to an empty value",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3051"],
    }

    LABEL_NOT_URL = "docker/label-not-url" {
        summary: "A `url` label of the label schema that is not an absolute URI",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3052"],
    }

    LABEL_NOT_RFC3339 = "docker/label-not-rfc3339" {
        summary: "An `rfc3339` label of the label schema that is not an RFC 3339 date-time",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3053"],
    }

    LABEL_NOT_SPDX = "docker/label-not-spdx" {
        summary: "An `spdx` label of the label schema that is not an SPDX license identifier",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3054"],
    }

    LABEL_NOT_GIT_HASH = "docker/label-not-git-hash" {
        summary: "A `hash` label of the label schema that is not a git commit hash",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3055"],
    }

    LABEL_NOT_SEMVER = "docker/label-not-semver" {
        summary: "A `semver` label of the label schema that is not a semantic version",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3056"],
    }

    LABEL_NOT_EMAIL = "docker/label-not-email" {
        summary: "An `email` label of the label schema that is not an e-mail address",
        level: Warning,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["hadolint:DL3058"],
    }
}
