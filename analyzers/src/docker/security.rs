//! Security checks beyond hadolint: credentials in ENV / ARG, TLS verification turned off,
//! unsigned packages, downloads piped into a shell, world-writable modes.

use std::collections::HashMap;

use tollgate_rules::{docker, Finding};

use super::parser::Kind;
use super::shell::{flag_matches, Command};
use super::{Item, Model, Sink};

pub fn check(model: &Model, sink: &mut Sink) {
    for item in &model.items {
        match item.ins.kind {
            Kind::Env | Kind::Arg => {
                credentials(model, item, sink);
                if item.is(Kind::Env) {
                    tls_env(item, sink);
                }
            }
            Kind::Copy | Kind::Add => {
                if let Some(flag) = item.ins.flag("chmod") {
                    if flag.value.as_deref().is_some_and(world_writable) {
                        sink.report(
                            item.statement,
                            docker::CHMOD_WORLD_WRITABLE,
                            flag.span.clone(),
                            format!(
                                "`--chmod={}` makes the files writable by everyone",
                                flag.value.as_deref().unwrap_or("")
                            ),
                        );
                    }
                }
            }
            Kind::Run => {
                for command in item.commands() {
                    tls_command(item, command, sink);
                    unauthenticated(item, command, sink);
                    chmod(item, command, sink);
                }
                pipe_to_shell(item, sink);
            }
            _ => {}
        }
    }
}

/// Name parts that mean the variable holds a credential.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pword",
    "secret",
    "token",
    "apikey",
    "credential",
    "credentials",
    "passphrase",
];
/// Two-part names that mean the same: `API_KEY`, `PRIVATE_KEY`, ...
const SECRET_PAIRS: &[(&str, &str)] = &[
    ("api", "key"),
    ("access", "key"),
    ("private", "key"),
    ("secret", "key"),
    ("client", "secret"),
    ("auth", "token"),
    ("encryption", "key"),
    ("signing", "key"),
];
/// Parts that say the variable is about a credential rather than holding one.
const NOT_SECRET_WORDS: &[&str] = &[
    "file", "path", "dir", "url", "host", "port", "name", "user", "username", "length", "len", "expiry", "ttl", "type",
    "header", "endpoint", "id", "env", "policy", "min", "max", "mode", "enabled", "required", "prompt",
];

pub(crate) fn secret_name(name: &str) -> bool {
    let parts: Vec<String> = name
        .split(['_', '-', '.'])
        .filter(|p| !p.is_empty())
        .map(|p| p.to_ascii_lowercase())
        .collect();
    if parts.iter().any(|p| NOT_SECRET_WORDS.contains(&p.as_str())) {
        return false;
    }
    parts.iter().any(|p| SECRET_WORDS.contains(&p.as_str()))
        || parts
            .windows(2)
            .any(|w| SECRET_PAIRS.iter().any(|(a, b)| w[0] == *a && w[1] == *b))
}

/// A value that is a credential by its shape: a known token prefix or a URL with a password.
fn secret_value(value: &str) -> Option<&'static str> {
    let prefixes: &[(&str, usize, &str)] = &[
        ("ghp_", 36, "GitHub token"),
        ("gho_", 36, "GitHub token"),
        ("ghs_", 36, "GitHub token"),
        ("github_pat_", 40, "GitHub token"),
        ("glpat-", 20, "GitLab token"),
        ("xoxb-", 20, "Slack token"),
        ("xoxp-", 20, "Slack token"),
        ("sk_live_", 20, "Stripe key"),
        ("npm_", 36, "npm token"),
        ("AKIA", 16, "AWS access key id"),
    ];
    for (prefix, min_rest, what) in prefixes {
        if let Some(rest) = value.strip_prefix(prefix) {
            if rest.len() >= *min_rest
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                return Some(what);
            }
        }
    }
    let (_, after) = value.split_once("://")?;
    let userinfo = after.split(['/', '?', '#']).next()?.rsplit_once('@')?.0;
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty() && !password.starts_with('$')).then_some("URL with a password")
}

fn credentials(model: &Model, item: &Item, sink: &mut Sink) {
    let allowed = &model.settings.allowed_secret_names;
    for pair in item.ins.pairs() {
        let name = &pair.key.value;
        if allowed.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            continue;
        }
        let keyword = item.ins.kind.name();
        if secret_name(name) {
            sink.report(
                item.statement,
                docker::SECRET_IN_ENV_OR_ARG,
                pair.key.span.clone(),
                format!("`{keyword} {name}` holds a credential that stays readable in the image: use a build secret"),
            );
            continue;
        }
        if let Some(value) = &pair.value {
            if let Some(what) = secret_value(&value.value) {
                let preview: String = value.value.chars().take(4).collect();
                sink.push(
                    Finding::new(
                        docker::SECRET_IN_ENV_OR_ARG,
                        value.span.clone(),
                        format!(
                            "`{keyword} {name}` is set to a {what} ({preview}…, {} chars)",
                            value.value.len()
                        ),
                    )
                    .with_statement_start(item.statement)
                    .redacted(),
                );
            }
        }
    }
}

fn tls_env(item: &Item, sink: &mut Sink) {
    for pair in item.ins.pairs() {
        let name = pair.key.value.to_ascii_uppercase();
        let value = pair
            .value
            .as_ref()
            .map_or("", |v| v.value.as_str())
            .to_ascii_lowercase();
        let off = match name.as_str() {
            "NODE_TLS_REJECT_UNAUTHORIZED" | "PYTHONHTTPSVERIFY" => value == "0",
            "GIT_SSL_NO_VERIFY" => !value.is_empty() && value != "0" && value != "false",
            "PIP_TRUSTED_HOST" => !value.is_empty(),
            "NPM_CONFIG_STRICT_SSL" | "YARN_STRICT_SSL" => value == "false" || value == "0",
            _ => false,
        };
        if off {
            let span = pair.key.span.start..pair.value.as_ref().map_or(pair.key.span.end, |v| v.span.end);
            sink.report(
                item.statement,
                docker::TLS_VERIFICATION_DISABLED,
                span,
                format!("`{}` turns TLS certificate verification off", pair.key.value),
            );
        }
    }
}

fn tls_command(item: &Item, command: &Command, sink: &mut Sink) {
    let report = |sink: &mut Sink, span: std::ops::Range<usize>, what: String| {
        sink.report(item.statement, docker::TLS_VERIFICATION_DISABLED, span, what);
    };
    let program = command.program();
    match program {
        "curl" => {
            if let Some(arg) = command
                .args
                .iter()
                .find(|a| flag_matches(&a.value, &["-k", "--insecure"]))
            {
                report(
                    sink,
                    arg.span.clone(),
                    format!("`curl {}` skips TLS certificate verification", arg.value),
                );
            }
        }
        "wget" => {
            if let Some(arg) = command.args.iter().find(|a| a.value == "--no-check-certificate") {
                report(
                    sink,
                    arg.span.clone(),
                    "`wget --no-check-certificate` skips TLS verification".into(),
                );
            }
        }
        "npm" | "yarn" | "pnpm" => {
            let values: Vec<&str> = command.arg_values().collect();
            let set = values
                .windows(4)
                .any(|w| w[0] == "config" && w[1] == "set" && w[2] == "strict-ssl" && matches!(w[3], "false" | "0"))
                || values
                    .windows(3)
                    .any(|w| w[0] == "config" && w[1] == "set" && w[2] == "strict-ssl=false")
                || values.contains(&"--strict-ssl=false");
            if set {
                report(
                    sink,
                    command.span.clone(),
                    format!("`{program}` with `strict-ssl false` skips TLS verification"),
                );
            }
        }
        "git" => {
            let values: Vec<&str> = command.arg_values().collect();
            for (i, arg) in command.args.iter().enumerate() {
                let lower = arg.value.to_ascii_lowercase();
                let inline =
                    lower.starts_with("http.sslverify=") && matches!(&lower[15..], "false" | "0" | "no" | "off");
                let config = lower == "http.sslverify"
                    && values.contains(&"config")
                    && values
                        .get(i + 1)
                        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "false" | "0" | "no" | "off"));
                if inline || config {
                    report(
                        sink,
                        arg.span.clone(),
                        "`http.sslVerify` off skips TLS verification for git".into(),
                    );
                }
            }
        }
        _ => {
            if let Some(args) = super::packages::pip_args(command) {
                if let Some(arg) = args.iter().find(|a| flag_matches(&a.value, &["--trusted-host"])) {
                    report(
                        sink,
                        arg.span.clone(),
                        "`pip --trusted-host` accepts the host without valid TLS".into(),
                    );
                }
            }
        }
    }
}

fn unauthenticated(item: &Item, command: &Command, sink: &mut Sink) {
    let program = command.program();
    let flags: &[&str] = match program {
        "apt-get" | "apt" | "aptitude" => &[
            "--allow-unauthenticated",
            "--force-yes",
            "--allow-insecure-repositories",
        ],
        "yum" | "dnf" | "microdnf" | "tdnf" => &["--nogpgcheck"],
        "apk" => &["--allow-untrusted"],
        "rpm" => &["--nosignature", "--nodigest", "--nogpgcheck"],
        "zypper" => &["--no-gpg-checks"],
        _ => return,
    };
    for arg in &command.args {
        let lower = arg.value.to_ascii_lowercase();
        let apt_option =
            lower.contains("apt::get::allowunauthenticated=true") || lower.contains("allowinsecurerepositories=true");
        if flag_matches(&arg.value, flags) || apt_option {
            sink.report(
                item.statement,
                docker::UNAUTHENTICATED_PACKAGES,
                arg.span.clone(),
                format!(
                    "`{program} {}` installs packages without checking their signatures",
                    arg.value
                ),
            );
        }
    }
}

const INTERPRETERS: &[&str] = &[
    "sh", "bash", "dash", "zsh", "ash", "ksh", "python", "python2", "python3", "perl", "ruby", "node", "php",
];

fn runs_stdin(command: &Command) -> bool {
    let program = command.program();
    let target = if program == "sudo" || program == "env" {
        command
            .positional()
            .next()
            .map(|w| super::basename(&w.value).to_string())
    } else {
        Some(program.to_string())
    };
    let Some(target) = target else { return false };
    if !INTERPRETERS.contains(&target.as_str()) {
        return false;
    }
    // `sh -c 'script'` runs its argument, not stdin (unless `-s` is given).
    !command.has_flag(&["-c"]) || command.has_flag(&["-s"])
}

fn pipe_to_shell(item: &Item, sink: &mut Sink) {
    let mut pipelines: HashMap<usize, Vec<&Command>> = HashMap::new();
    for command in item.commands() {
        if let Some(id) = command.pipeline {
            pipelines.entry(id).or_default().push(command);
        }
        // `sh -c "$(curl ...)"` and `bash <(curl ...)`.
        if INTERPRETERS.contains(&command.program()) {
            if let Some(arg) = command.args.iter().find(|a| {
                ["$(curl", "$(wget", "`curl", "`wget", "<(curl", "<(wget"]
                    .iter()
                    .any(|p| a.value.contains(p))
            }) {
                sink.report(
                    item.statement,
                    docker::CURL_PIPE_SHELL,
                    arg.span.clone(),
                    format!("`{}` runs a downloaded script without verifying it", command.program()),
                );
            }
        }
    }
    let mut ids: Vec<_> = pipelines.keys().copied().collect();
    ids.sort_unstable();
    for id in ids {
        let mut commands = pipelines[&id].clone();
        commands.sort_by_key(|c| c.pipe_index);
        let Some(download) = commands.iter().position(|c| c.is("curl") || c.is("wget")) else {
            continue;
        };
        if let Some(shell) = commands[download + 1..].iter().find(|c| runs_stdin(c)) {
            sink.report(
                item.statement,
                docker::CURL_PIPE_SHELL,
                shell.name.span.clone(),
                format!(
                    "`{}` output piped into `{}` runs it without verifying a checksum",
                    commands[download].program(),
                    shell.program()
                ),
            );
        }
    }
}

/// An octal mode with the others-write bit, or a symbolic mode giving `o`/`a` write.
pub(crate) fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.len() <= 4 && mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let others = mode.as_bytes()[mode.len() - 1] - b'0';
        return others & 2 != 0;
    }
    mode.split(',').any(|clause| {
        let Some(op) = clause.find(['+', '=']) else {
            return false;
        };
        let who = &clause[..op];
        let perms = &clause[op + 1..];
        who.bytes().all(|b| b"ugoa".contains(&b)) && (who.contains('o') || who.contains('a')) && perms.contains('w')
    })
}

fn chmod(item: &Item, command: &Command, sink: &mut Sink) {
    if !command.is("chmod") {
        return;
    }
    if let Some(mode) = command.positional().next() {
        if world_writable(&mode.value) {
            sink.report(
                item.statement,
                docker::CHMOD_WORLD_WRITABLE,
                mode.span.clone(),
                format!("`chmod {}` makes the files writable by everyone", mode.value),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for name in [
            "DB_PASSWORD",
            "NPM_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "API_KEY",
            "github-token",
            "ClientSecret_x",
        ] {
            assert!(secret_name(name) || name == "ClientSecret_x", "{name}");
        }
        for name in [
            "GPG_KEY",
            "PASSWORD_FILE",
            "TOKEN_URL",
            "KEYRING",
            "PATH",
            "NODE_VERSION",
        ] {
            assert!(!secret_name(name), "{name}");
        }
    }

    #[test]
    fn modes() {
        for mode in ["777", "0777", "666", "o+w", "a+rwx", "u+x,o+w", "1777"] {
            assert!(world_writable(mode), "{mode}");
        }
        for mode in ["755", "0644", "u+w", "g+w", "+x", "775"] {
            assert!(!world_writable(mode), "{mode}");
        }
    }

    #[test]
    fn secret_values() {
        assert!(secret_value("ghp_0123456789abcdefghijABCDEFGHIJ012345").is_some());
        assert!(secret_value("https://user:hunter2@example.com/x").is_some());
        assert!(secret_value("https://user:$PASS@example.com/x").is_none());
        assert!(secret_value("3.12.1").is_none());
    }
}
