//! Commands in RUN scripts: cd, sudo, apt, wget, curl, ln, pipes, and how RUNs are split.

use super::parser::Kind;
use super::shell::{flag_matches, Command, Word};
use super::{Item, Model, Sink};
use tollgate_rules::docker;

/// Commands for a running, interactive system: in a build they do nothing useful.
const POINTLESS: &[&str] = &[
    "free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim",
];

pub fn check(model: &Model, sink: &mut Sink) {
    let mut first_curl: Option<usize> = None;
    let mut first_wget: Option<usize> = None;
    for item in model.items.iter().filter(|i| i.is(Kind::Run)) {
        for command in item.commands() {
            match command.program() {
                "cd" => sink.report(
                    item.statement,
                    docker::CD_IN_RUN,
                    command.name.span.clone(),
                    "`cd` in `RUN`: use `WORKDIR` to change directory",
                ),
                "sudo" => sink.report(
                    item.statement,
                    docker::SUDO,
                    command.name.span.clone(),
                    "`sudo` in `RUN`: switch with `USER` instead",
                ),
                "apt" => sink.report(
                    item.statement,
                    docker::APT_USED,
                    command.name.span.clone(),
                    "`apt` is for interactive use: use `apt-get` or `apt-cache`",
                ),
                "wget" => {
                    first_wget.get_or_insert(command.span.start);
                    let quiet = command.has_flag(&["--progress", "-q", "--quiet", "-nv", "--no-verbose"])
                        || command
                            .args
                            .iter()
                            .any(|a| flag_matches(&a.value, &["-o", "--output-file", "-a", "--append-output"]));
                    if !quiet {
                        sink.report(
                            item.statement,
                            docker::WGET_NO_PROGRESS,
                            command.name.span.clone(),
                            "`wget` without `--progress` fills the build log with a progress bar",
                        );
                    }
                }
                "curl" => {
                    first_curl.get_or_insert(command.span.start);
                }
                "ln" => {
                    let targets_sh = command
                        .positional()
                        .last()
                        .is_some_and(|w| w.value == "/bin/sh" || w.value == "/usr/bin/sh");
                    if targets_sh && command.positional().count() >= 2 {
                        sink.report(
                            item.statement,
                            docker::LN_BIN_SH,
                            command.span.clone(),
                            "replacing `/bin/sh` changes the shell of the whole image: use `SHELL`",
                        );
                    }
                }
                "useradd" => useradd(item, command, sink),
                _ => {}
            }
            // The command word as written, as hadolint matches it: `/usr/bin/top` is not `top`.
            let word = command.name.value.as_str();
            if POINTLESS.contains(&word) {
                sink.report(
                    item.statement,
                    docker::POINTLESS_COMMAND,
                    command.name.span.clone(),
                    format!(
                        "`{word}` makes no sense in an image build: nothing interactive or long-running survives it"
                    ),
                );
            }
        }
        pipefail(item, sink);
    }
    curl_and_wget(model, first_curl, first_wget, sink);
    consecutive_runs(model, sink);
}

/// The UID given to `useradd` with `-u N`, `-uN`, `-mu N`, `--uid N` or `--uid=N`.
fn useradd_uid(command: &Command) -> Option<&Word> {
    let mut args = command.args.iter();
    while let Some(arg) = args.next() {
        let value = arg.value.as_str();
        if value == "--uid" {
            return args.next();
        }
        if value.starts_with("--uid=") {
            return Some(arg);
        }
        if let Some(cluster) = value.strip_prefix('-').filter(|c| !c.starts_with('-')) {
            if let Some(at) = cluster.find('u') {
                let letters_before = cluster[..at].chars().all(|c| c.is_ascii_alphabetic());
                if letters_before {
                    return if at + 1 == cluster.len() {
                        args.next()
                    } else {
                        Some(arg)
                    };
                }
            }
        }
    }
    None
}

/// `useradd -u 1000000` without `-l`: the lastlog and faillog files are sparse files as large
/// as the UID says, and image layers store them in full.
fn useradd(item: &Item, command: &Command, sink: &mut Sink) {
    if command.has_flag(&["-l", "--no-log-init"]) {
        return;
    }
    let Some(uid) = useradd_uid(command) else { return };
    let value = uid.value.as_str();
    let digits = value.strip_prefix("--uid=").unwrap_or_else(|| {
        value
            .trim_start_matches('-')
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
    });
    // More than five digits, as hadolint counts a high UID.
    if digits.len() > 5 && digits.bytes().all(|b| b.is_ascii_digit()) {
        sink.report(
            item.statement,
            docker::USERADD_HIGH_UID_WITHOUT_L,
            command.name.span.clone(),
            format!(
                "`useradd` with UID {digits} and without `-l` writes lastlog and faillog files as large as the UID"
            ),
        );
    }
}

fn pipefail(item: &Item, sink: &mut Sink) {
    if item.pipefail_shell || item.non_posix_shell {
        return;
    }
    for script in &item.scripts {
        if script.sets_pipefail {
            continue;
        }
        if let Some(pipe) = script.pipelines.first() {
            sink.report(
                item.statement,
                docker::PIPE_WITHOUT_PIPEFAIL,
                pipe.clone(),
                "a pipeline without `pipefail` hides failures of all but its last command",
            );
            return;
        }
    }
}

/// Reports every use of the download tool that appears second.
fn curl_and_wget(model: &Model, first_curl: Option<usize>, first_wget: Option<usize>, sink: &mut Sink) {
    let (Some(curl), Some(wget)) = (first_curl, first_wget) else {
        return;
    };
    let (second, first) = if curl < wget {
        ("wget", "curl")
    } else {
        ("curl", "wget")
    };
    for item in model.items.iter().filter(|i| i.is(Kind::Run)) {
        for command in item.commands().filter(|c| c.is(second)) {
            sink.report(
                item.statement,
                docker::CURL_AND_WGET,
                command.name.span.clone(),
                format!("`{second}` is used although `{first}` is too: use one download tool"),
            );
        }
    }
}

fn flags_key(item: &Item) -> Vec<(String, Option<String>)> {
    item.ins
        .flags
        .iter()
        .map(|f| (f.name.clone(), f.value.clone()))
        .collect()
}

fn single_command(item: &Item) -> bool {
    if item.ins.is_exec() {
        return true;
    }
    item.scripts.iter().map(|s| s.top_level).sum::<usize>() <= 1
}

fn consecutive_runs(model: &Model, sink: &mut Sink) {
    let mut previous: Option<&Item> = None;
    for item in model.items.iter().filter(|i| !i.onbuild) {
        if item.is(Kind::Run) {
            if let Some(prev) = previous {
                if prev.stage == item.stage
                    && prev.is(Kind::Run)
                    && flags_key(prev) == flags_key(item)
                    && single_command(prev)
                    && single_command(item)
                    && item.scripts.iter().any(|s| s.top_level > 0)
                {
                    sink.report(
                        item.statement,
                        docker::CONSECUTIVE_RUN,
                        item.ins.keyword.clone(),
                        "this `RUN` follows another single-command `RUN`: join them with `&&`",
                    );
                }
            }
        }
        previous = Some(item);
    }
}
