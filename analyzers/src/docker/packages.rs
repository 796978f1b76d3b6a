//! Package managers: pinned versions, non-interactive flags and caches left in the layer.

use std::cell::RefCell;
use std::collections::HashMap;
use tollgate_rules::{docker, Finding, Location, PropValue, Related, Rule};

use super::parser::Kind;
use super::shell::{flag_matches, Command, Word};
use super::{Item, Model, Sink};

/// A package manager invocation seen as subcommand + operands, with the values of options
/// that take one removed.
struct Invocation<'a> {
    subcommand: Option<&'a Word>,
    operands: Vec<&'a Word>,
    options: Vec<&'a Word>,
}

fn invocation<'a>(args: &'a [Word], takes_value: &[&str]) -> Invocation<'a> {
    let mut out = Invocation {
        subcommand: None,
        operands: Vec::new(),
        options: Vec::new(),
    };
    let mut skip_next = false;
    for arg in args {
        if skip_next {
            skip_next = false;
            continue;
        }
        let value = arg.value.as_str();
        if value.starts_with('-') && value.len() > 1 {
            out.options.push(arg);
            if !value.contains('=') && takes_value.contains(&value) {
                skip_next = true;
            }
            continue;
        }
        if out.subcommand.is_none() {
            out.subcommand = Some(arg);
        } else {
            out.operands.push(arg);
        }
    }
    out
}

impl Invocation<'_> {
    fn is(&self, subcommands: &[&str]) -> bool {
        self.subcommand.is_some_and(|s| subcommands.contains(&s.value.as_str()))
    }

    fn has(&self, flags: &[&str]) -> bool {
        self.options.iter().any(|o| flag_matches(&o.value, flags))
    }
}

/// `pip`, `pip3`, `pip3.12`, or `python -m pip`: the arguments pip sees.
pub(crate) fn pip_args(command: &Command) -> Option<&[Word]> {
    let program = command.program();
    let is_pip = program
        .strip_prefix("pip")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if is_pip {
        return Some(&command.args);
    }
    let is_python = program
        .strip_prefix("python")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit() || c == '.'));
    if is_python {
        let m = command.args.iter().position(|a| a.value == "-m")?;
        if command.args.get(m + 1).is_some_and(|a| a.value == "pip") {
            return Some(&command.args[m + 2..]);
        }
    }
    None
}

fn has_cache_mount(item: &Item, path: &str) -> bool {
    item.ins.flags.iter().any(|flag| {
        flag.name == "mount"
            && flag.value.as_deref().is_some_and(|v| {
                v.contains("type=cache")
                    && v.split(',').any(|kv| {
                        kv.strip_prefix("target=")
                            .or_else(|| kv.strip_prefix("dst="))
                            .or_else(|| kv.strip_prefix("destination="))
                            .is_some_and(|t| t.trim_end_matches('/').ends_with(path))
                    })
            })
    })
}

/// Answers about a whole RUN that each package command in it asks (does the RUN delete this
/// cache, does it run that clean command), worked out once per RUN: a RUN of thousands of
/// commands stays linear. And the packages the RUN installs without a version, reported
/// once per rule when the RUN is done (`report_unpinned`).
#[derive(Default)]
struct RunFacts {
    answers: RefCell<HashMap<String, bool>>,
    unpinned: RefCell<Vec<Unpinned>>,
}

/// A package installed without a version: the pin rule, the package's word, its name and
/// how to pin it.
struct Unpinned {
    rule: &'static Rule,
    span: std::ops::Range<usize>,
    name: String,
    advice: String,
}

impl RunFacts {
    fn remembered(&self, question: String, work: impl FnOnce() -> bool) -> bool {
        if let Some(&answer) = self.answers.borrow().get(&question) {
            return answer;
        }
        let answer = work();
        self.answers.borrow_mut().insert(question, answer);
        answer
    }

    fn removes(&self, item: &Item, path: &str) -> bool {
        self.remembered(format!("rm {path}"), || removes(item, path))
    }

    fn cache_mount(&self, item: &Item, path: &str) -> bool {
        self.remembered(format!("mount {path}"), || has_cache_mount(item, path))
    }

    fn unpinned(&self, rule: &'static Rule, word: &Word, name: &str, advice: String) {
        self.unpinned.borrow_mut().push(Unpinned {
            rule,
            span: word.span.clone(),
            name: name.to_string(),
            advice,
        });
    }
}

fn removes(item: &Item, path: &str) -> bool {
    item.commands()
        .any(|c| c.is("rm") && c.args.iter().any(|a| a.value.starts_with(path)))
}

fn exempt(model: &Model, name: &str) -> bool {
    model.settings.unpinned_packages.iter().any(|p| p == name)
}

/// Every pin rule reports once per RUN instruction, as hadolint does: at the first package,
/// naming each one, with every package's span as a related location (one install line of
/// twenty packages is one problem to fix, not twenty).
fn report_unpinned(item: &Item, unpinned: Vec<Unpinned>, sink: &mut Sink) {
    let mut groups: Vec<Vec<Unpinned>> = Vec::new();
    for package in unpinned {
        match groups.iter_mut().find(|g| g[0].rule.id == package.rule.id) {
            Some(group) => group.push(package),
            None => groups.push(vec![package]),
        }
    }
    for group in groups {
        let first = &group[0];
        let finding = if let [single] = &group[..] {
            Finding::new(
                single.rule,
                single.span.clone(),
                format!("`{}` is not pinned: {}", single.name, single.advice),
            )
            .with_property("package", PropValue::Str(single.name.clone()))
        } else {
            let names: Vec<String> = group.iter().map(|p| format!("`{}`", p.name)).collect();
            const SHOWN: usize = 6;
            let listed = if names.len() > SHOWN {
                format!("{} and {} more", names[..SHOWN].join(", "), names.len() - SHOWN)
            } else {
                format!("{} and {}", names[..names.len() - 1].join(", "), names[names.len() - 1])
            };
            let mut merged = Finding::new(
                first.rule,
                first.span.clone(),
                format!(
                    "{} packages are not pinned: {listed}; {}, and so on",
                    group.len(),
                    first.advice
                ),
            )
            .with_property(
                "packages",
                PropValue::Str(group.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(" ")),
            );
            merged.related = group
                .iter()
                .map(|p| Related {
                    location: Location::Here(p.span.clone()),
                    message: format!("`{}` is not pinned", p.name),
                })
                .collect();
            merged
        };
        sink.push(finding.with_statement_start(item.statement));
    }
}

pub fn check(model: &Model, sink: &mut Sink) {
    for item in model.items.iter().filter(|i| i.is(Kind::Run)) {
        let facts = RunFacts::default();
        for command in item.commands() {
            match command.program() {
                "apt-get" => apt_get(model, item, &facts, command, sink),
                "apk" => apk(model, item, &facts, command, sink),
                "npm" => npm(model, &facts, command),
                "gem" => gem(model, &facts, command),
                "go" => go(&facts, command),
                "yarn" => yarn(item, &facts, command, sink),
                "yum" => rpm_family(model, item, &facts, command, Family::Yum, sink),
                "dnf" | "microdnf" => rpm_family(model, item, &facts, command, Family::Dnf, sink),
                "zypper" => zypper(model, item, &facts, command, sink),
                _ => {
                    if let Some(args) = pip_args(command) {
                        pip(model, item, &facts, command, args, sink);
                    }
                }
            }
        }
        report_unpinned(item, facts.unpinned.into_inner(), sink);
    }
}

/// `apt-get dist-clean` (apt 2.7.8, Debian 13) removes the package lists as well as the
/// cache.
fn dist_cleans(item: &Item) -> bool {
    item.commands()
        .any(|c| matches!(c.program(), "apt-get" | "apt") && c.positional().any(|w| w.value == "dist-clean"))
}

fn apt_get(model: &Model, item: &Item, facts: &RunFacts, command: &Command, sink: &mut Sink) {
    let call = invocation(
        &command.args,
        &["-t", "--target-release", "-o", "--option", "-c", "--config-file"],
    );
    let name = &command.name;
    if call.is(&["update"]) {
        let stage = item.stage.and_then(|s| model.stages.get(s));
        let only_copied = stage.is_some_and(|s| s.copied_from) && item.stage != model.last_stage();
        if !only_copied
            && !item.onbuild
            && !facts.removes(item, "/var/lib/apt/lists")
            && !facts.remembered("apt dist-clean".to_string(), || dist_cleans(item))
            && !facts.cache_mount(item, "/var/lib/apt/lists")
            && !facts.cache_mount(item, "/var/lib/apt")
        {
            sink.report(
                item.statement,
                docker::APT_LISTS_NOT_DELETED,
                command.span.clone(),
                "`apt-get update` without `rm -rf /var/lib/apt/lists/*` in the same `RUN`",
            );
        }
    }
    if !call.is(&["install"]) {
        return;
    }
    let args: Vec<&str> = command.arg_values().collect();
    let yes = call.has(&["-y", "--yes", "--assume-yes"])
        || args.iter().any(|a| matches!(*a, "-qq" | "-q=2" | "--quiet=2"))
        || args.iter().any(|a| a.contains("APT::Get::Assume-Yes=true"));
    if !yes {
        sink.report(
            item.statement,
            docker::APT_MISSING_YES,
            name.span.clone(),
            "`apt-get install` without `-y` waits for an answer",
        );
    }
    let no_recommends = call.has(&["--no-install-recommends"])
        || args.iter().any(|a| {
            let lower = a.to_ascii_lowercase();
            lower.contains("apt::install-recommends=false") || lower.contains("apt::install-recommends=0")
        });
    if !no_recommends {
        sink.report(
            item.statement,
            docker::APT_NO_INSTALL_RECOMMENDS,
            name.span.clone(),
            "`apt-get install` without `--no-install-recommends`",
        );
    }
    for package in call.operands {
        let value = &package.value;
        let pinned = value.contains('=') || value.contains('/') || value.ends_with(".deb") || value.contains('$');
        if !pinned && !exempt(model, value) {
            facts.unpinned(docker::APT_PIN, package, value, format!("use `{value}=<version>`"));
        }
    }
}

fn apk(model: &Model, item: &Item, facts: &RunFacts, command: &Command, sink: &mut Sink) {
    let call = invocation(
        &command.args,
        &[
            "-t",
            "--virtual",
            "-X",
            "--repository",
            "-p",
            "--root",
            "--arch",
            "--keys-dir",
            "--cache-dir",
            "--repositories-file",
        ],
    );
    if !call.is(&["add"]) {
        return;
    }
    if !call.has(&["--no-cache"])
        && !facts.cache_mount(item, "/var/cache/apk")
        && !facts.cache_mount(item, "/etc/apk/cache")
    {
        sink.report(
            item.statement,
            docker::APK_NO_CACHE,
            command.name.span.clone(),
            "`apk add` without `--no-cache`",
        );
    }
    for package in call.operands {
        let value = &package.value;
        let pinned = value.contains(['=', '<', '>', '~', '$']) || value.ends_with(".apk") || value.contains('/');
        if !pinned && !exempt(model, value) {
            facts.unpinned(docker::APK_PIN, package, value, format!("use `{value}=<version>`"));
        }
    }
}

const PIP_VALUE_OPTIONS: &[&str] = &[
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-e",
    "--editable",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--trusted-host",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--src",
    "--upgrade-strategy",
    "--progress-bar",
    "--cache-dir",
    "--log",
    "--proxy",
    "--retries",
    "--timeout",
    "--exists-action",
    "--cert",
    "--client-cert",
    "--global-option",
    "--install-option",
    "--no-binary",
    "--only-binary",
    "-C",
    "--config-settings",
    "--report",
    "--python",
];

fn pip(model: &Model, item: &Item, facts: &RunFacts, command: &Command, args: &[Word], sink: &mut Sink) {
    let call = invocation(args, PIP_VALUE_OPTIONS);
    if !call.is(&["install"]) {
        return;
    }
    let no_cache = call.has(&["--no-cache-dir"])
        || model.env_in_stage(item.stage, "PIP_NO_CACHE_DIR")
        || facts.cache_mount(item, "/.cache/pip")
        || facts.cache_mount(item, "/.cache");
    if !no_cache {
        sink.report(
            item.statement,
            docker::PIP_CACHE,
            command.name.span.clone(),
            "`pip install` without `--no-cache-dir` keeps pip's cache in the layer",
        );
    }
    for requirement in call.operands {
        let value = requirement.value.as_str();
        let vcs = value.starts_with("git+") || value.starts_with("hg+") || value.starts_with("svn+");
        let pinned = if vcs {
            value.rsplit('/').next().is_some_and(|last| last.contains('@'))
        } else {
            value.contains(['=', '<', '>', '@', '$'])
                || value.starts_with('.')
                || value.starts_with('/')
                || value.contains("://")
                || [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2"]
                    .iter()
                    .any(|e| value.ends_with(e))
        };
        let name = value.split('[').next().unwrap_or(value);
        if !pinned && !exempt(model, name) {
            facts.unpinned(docker::PIP_PIN, requirement, value, format!("use `{name}==<version>`"));
        }
    }
}

fn npm(model: &Model, facts: &RunFacts, command: &Command) {
    let call = invocation(
        &command.args,
        &[
            "--prefix",
            "--registry",
            "--cache",
            "--userconfig",
            "-w",
            "--workspace",
            "--tag",
            "--omit",
            "--include",
        ],
    );
    if !call.is(&[
        "install", "i", "add", "isntall", "in", "ins", "inst", "insta", "instal", "isnt", "isnta",
    ]) {
        return;
    }
    for package in call.operands {
        let value = package.value.as_str();
        let unscoped = value
            .strip_prefix('@')
            .map_or(value, |v| v.split_once('/').map_or(v, |(_, n)| n));
        // A git dependency is pinned by its `#ref`.
        let git = value.starts_with("git") || value.starts_with("github:") || value.contains(".git");
        let local = value.starts_with(['.', '/', '~', '$'])
            || value.starts_with("file:")
            || value.ends_with(".tgz")
            || value.ends_with(".tar.gz")
            || (!git && value.contains("://"))
            || (!git && !value.starts_with('@') && value.contains('/'));
        let pinned = if git {
            value.contains('#')
        } else {
            unscoped.contains('@') || local
        };
        if !pinned && !exempt(model, value) {
            facts.unpinned(docker::NPM_PIN, package, value, format!("use `{value}@<version>`"));
        }
    }
}

fn gem(model: &Model, facts: &RunFacts, command: &Command) {
    let call = invocation(
        &command.args,
        &[
            "-v",
            "--version",
            "-i",
            "--install-dir",
            "-n",
            "--bindir",
            "-s",
            "--source",
            "-P",
            "--trust-policy",
            "--platform",
        ],
    );
    if !call.is(&["install", "i"]) || call.has(&["-v", "--version"]) {
        return;
    }
    for package in call.operands {
        let value = &package.value;
        if !value.contains(':') && !value.ends_with(".gem") && !value.contains('$') && !exempt(model, value) {
            facts.unpinned(docker::GEM_PIN, package, value, format!("use `{value}:<version>`"));
        }
    }
}

fn go(facts: &RunFacts, command: &Command) {
    let call = invocation(
        &command.args,
        &["-C", "-p", "-tags", "-ldflags", "-gcflags", "-mod", "-modfile", "-o"],
    );
    if !call.is(&["install"]) {
        return;
    }
    for package in call.operands {
        let value = &package.value;
        let version = value.split_once('@').map(|(_, v)| v);
        if value.contains('$') || value.starts_with('.') {
            continue;
        }
        match version {
            None => facts.unpinned(
                docker::GO_INSTALL_UNPINNED,
                package,
                value,
                format!("use `{value}@<version>`"),
            ),
            Some("latest") => facts.unpinned(
                docker::GO_INSTALL_UNPINNED,
                package,
                value,
                "`@latest` moves with every release; use a version".to_string(),
            ),
            Some(_) => {}
        }
    }
}

fn yarn(item: &Item, facts: &RunFacts, command: &Command, sink: &mut Sink) {
    let call = invocation(&command.args, &["--cwd", "--cache-folder", "--modules-folder"]);
    if !call.is(&["install"]) {
        return;
    }
    let cleans = facts.remembered("yarn cache clean".into(), || {
        item.commands().any(|c| {
            c.is("yarn") && {
                let values: Vec<&str> = c.arg_values().filter(|v| !v.starts_with('-')).collect();
                values.starts_with(&["cache", "clean"])
            }
        })
    });
    let mounted = facts.cache_mount(item, "/usr/local/share/.cache/yarn")
        || facts.cache_mount(item, "/.cache/yarn")
        || facts.cache_mount(item, "/.yarn/cache")
        || facts.cache_mount(item, "/.yarn");
    if !cleans && !mounted {
        sink.report(
            item.statement,
            docker::YARN_CACHE_NOT_CLEANED,
            command.span.clone(),
            "`yarn install` without `yarn cache clean` in the same `RUN`",
        );
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Family {
    Yum,
    Dnf,
}

fn rpm_family(model: &Model, item: &Item, facts: &RunFacts, command: &Command, family: Family, sink: &mut Sink) {
    let call = invocation(
        &command.args,
        &[
            "-c",
            "--config",
            "--installroot",
            "--releasever",
            "--enablerepo",
            "--disablerepo",
            "--repo",
            "--setopt",
            "-x",
            "--exclude",
            "--nodocs-placeholder",
        ],
    );
    let installs = call.is(&["install", "groupinstall", "localinstall", "reinstall", "in"]);
    // An upgrade downloads packages into the same cache as an install does.
    let upgrades = call.is(&["upgrade", "update", "upgrade-minimal", "distro-sync"]);
    if !installs && !upgrades {
        return;
    }
    let (yes_rule, clean_rule, pin_rule, cache) = match family {
        Family::Yum => (
            docker::YUM_MISSING_YES,
            docker::YUM_NO_CLEAN,
            docker::YUM_PIN,
            "/var/cache/yum",
        ),
        Family::Dnf => (
            docker::DNF_MISSING_YES,
            docker::DNF_NO_CLEAN,
            docker::DNF_PIN,
            "/var/cache/dnf",
        ),
    };
    let program = command.program();
    let verb = call.subcommand.map_or("install", |w| w.value.as_str());
    if installs && !call.has(&["-y", "--assumeyes"]) {
        sink.report(
            item.statement,
            yes_rule,
            command.name.span.clone(),
            format!("`{program} install` without `-y` waits for an answer"),
        );
    }
    // The same tool cleans its own cache: `microdnf clean all` after `microdnf install`.
    let cleans = facts.remembered(format!("{program} clean"), || {
        item.commands()
            .any(|c| c.is(program) && c.positional().next().is_some_and(|w| w.value == "clean"))
    }) || facts.removes(item, cache)
        || facts.cache_mount(item, cache);
    if !cleans {
        sink.report(
            item.statement,
            clean_rule,
            command.span.clone(),
            format!("`{program} {verb}` without `{program} clean all` in the same `RUN`"),
        );
    }
    if upgrades {
        return;
    }
    if call.is(&["groupinstall"]) {
        return;
    }
    for package in call.operands {
        let value = &package.value;
        let bytes = value.as_bytes();
        let versioned = bytes.windows(2).any(|w| w[0] == b'-' && w[1].is_ascii_digit())
            || value.ends_with(".rpm")
            || value.contains(['/', '$', '='])
            || value.starts_with('@');
        if !versioned && !exempt(model, value) {
            facts.unpinned(pin_rule, package, value, format!("use `{value}-<version>`"));
        }
    }
}

fn zypper(model: &Model, item: &Item, facts: &RunFacts, command: &Command, sink: &mut Sink) {
    let call = invocation(
        &command.args,
        &[
            "-R",
            "--root",
            "-D",
            "--reposd-dir",
            "-C",
            "--cache-dir",
            "--raw-cache-dir",
            "--solv-cache-dir",
            "--pkg-cache-dir",
            "-c",
            "--config",
            "-r",
            "--repo",
            "--from",
            "-t",
            "--type",
            "-p",
            "--plus-repo",
        ],
    );
    let Some(subcommand) = call.subcommand.map(|s| s.value.as_str()) else {
        return;
    };
    // The subcommands that ask for a confirmation, as hadolint lists them.
    let asks = ["install", "in", "remove", "rm", "source-install", "si", "patch"].contains(&subcommand);
    if asks && !call.has(&["-n", "--non-interactive", "-y", "--no-confirm"]) {
        sink.report(
            item.statement,
            docker::ZYPPER_MISSING_YES,
            command.name.span.clone(),
            format!("`zypper {subcommand}` without `-n` (`--non-interactive`) waits for an answer"),
        );
    }
    if subcommand == "dist-upgrade" || subcommand == "dup" {
        sink.report(
            item.statement,
            docker::ZYPPER_DIST_UPGRADE,
            command.span.clone(),
            format!("`zypper {subcommand}` moves the image to whatever the repositories hold today: base on a newer image instead"),
        );
    }
    if subcommand != "install" && subcommand != "in" {
        return;
    }
    let cleans = facts.remembered("zypper clean".into(), || {
        item.commands().any(|c| {
            c.is("zypper")
                && invocation(&c.args, &["-R", "--root", "-C", "--cache-dir", "-c", "--config"]).is(&["clean", "cc"])
        })
    }) || facts.removes(item, "/var/cache/zypp")
        || facts.cache_mount(item, "/var/cache/zypp");
    if !cleans {
        sink.report(
            item.statement,
            docker::ZYPPER_NO_CLEAN,
            command.span.clone(),
            format!("`zypper {subcommand}` without `zypper clean` in the same `RUN`"),
        );
    }
    for package in call.operands {
        let value = &package.value;
        // `pkg=1.2`, `pkg>=1.2`, `pkg<2` (quoted), a local or remote .rpm, a variable.
        let pinned = value.contains(['=', '<', '>', '$']) || value.ends_with(".rpm");
        if !pinned && !exempt(model, value) {
            facts.unpinned(docker::ZYPPER_PIN, package, value, format!("use `{value}=<version>`"));
        }
    }
}
