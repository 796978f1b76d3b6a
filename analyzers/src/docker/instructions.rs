//! Instruction-level rules: WORKDIR, EXPOSE, CMD / ENTRYPOINT, ENV, MAINTAINER, HEALTHCHECK.

use super::parser::Kind;
use super::{Model, Sink};
use tollgate_rules::docker;

pub fn check(model: &Model, sink: &mut Sink) {
    let mut seen_cmd: Vec<Option<usize>> = Vec::new();
    let mut seen_entrypoint: Vec<Option<usize>> = Vec::new();
    let mut seen_healthcheck: Vec<Option<usize>> = Vec::new();
    for item in &model.items {
        let ins = item.ins;
        match ins.kind {
            Kind::Workdir => {
                if let Some(word) = ins.words().first() {
                    if !super::copy::is_absolute_path(&word.value) {
                        sink.report(
                            item.statement,
                            docker::WORKDIR_RELATIVE,
                            word.span.clone(),
                            format!("`WORKDIR {}` is relative: use an absolute path", word.value),
                        );
                    }
                }
            }
            Kind::Expose => {
                for word in ins.words() {
                    let ports = word.value.split('/').next().unwrap_or("");
                    let invalid = ports.split('-').any(|p| {
                        !p.is_empty()
                            && p.bytes().all(|b| b.is_ascii_digit())
                            && p.parse::<u64>().map_or(true, |n| n > 65535)
                    });
                    if invalid {
                        sink.report(
                            item.statement,
                            docker::INVALID_PORT,
                            word.span.clone(),
                            format!("`{}` is not a port between 0 and 65535", word.value),
                        );
                    }
                }
            }
            Kind::Cmd | Kind::Entrypoint => {
                if !ins.is_exec() && !ins.words().is_empty() {
                    sink.report(
                        item.statement,
                        docker::SHELL_FORM_CMD,
                        ins.args_span(),
                        format!("`{}` in shell form: write it as a JSON array", ins.kind.name()),
                    );
                }
                let (seen, rule) = if ins.kind == Kind::Cmd {
                    (&mut seen_cmd, docker::MULTIPLE_CMD)
                } else {
                    (&mut seen_entrypoint, docker::MULTIPLE_ENTRYPOINT)
                };
                only_one_per_stage(model, item, seen, rule, sink);
            }
            Kind::Healthcheck => {
                only_one_per_stage(model, item, &mut seen_healthcheck, docker::MULTIPLE_HEALTHCHECK, sink)
            }
            Kind::Env => env_self_reference(model, item, sink),
            Kind::Label => {
                for pair in ins.pairs() {
                    if let Some(problem) = label_key_problem(&pair.key.value) {
                        sink.report(
                            item.statement,
                            docker::LABEL_KEY_INVALID,
                            pair.key.span.clone(),
                            format!("label key `{}` {problem}", pair.key.value),
                        );
                    }
                }
            }
            Kind::Maintainer => sink.report(
                item.statement,
                docker::MAINTAINER,
                ins.keyword.clone(),
                "`MAINTAINER` is deprecated: use `LABEL org.opencontainers.image.authors=...`",
            ),
            _ => {}
        }
    }
}

/// Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect: every one after the
/// first is reported. `seen` holds, per stage (index 0: before any FROM), where the first was.
/// ONBUILD ones run in another image's build and are not counted.
fn only_one_per_stage(
    model: &Model,
    item: &super::Item,
    seen: &mut Vec<Option<usize>>,
    rule: &'static tollgate_rules::Rule,
    sink: &mut Sink,
) {
    if item.onbuild {
        return;
    }
    let ins = item.ins;
    let stage = item.stage.map_or(0, |s| s + 1);
    if seen.len() <= stage {
        seen.resize(stage + 1, None);
    }
    if let Some(first) = seen[stage] {
        let line = model.text[..first].matches('\n').count() + 1;
        sink.report(
            item.statement,
            rule,
            ins.keyword.clone(),
            format!(
                "another `{}` on line {line} of this stage has no effect",
                ins.kind.name()
            ),
        );
    } else {
        seen[stage] = Some(ins.keyword.start);
    }
}

/// `$NAME` and `${NAME...}` references in a value, with their byte offsets.
pub(crate) fn references(value: &str) -> Vec<(usize, usize, &str)> {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i] == b'$' {
            let braced = bytes.get(i + 1) == Some(&b'{');
            let start = i + 1 + usize::from(braced);
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_') {
                end += 1;
            }
            if end > start {
                let close = if braced {
                    value[end..].find('}').map_or(end, |c| end + c + 1)
                } else {
                    end
                };
                out.push((i, close, &value[start..end]));
                i = close;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn env_self_reference(model: &Model, item: &super::Item, sink: &mut Sink) {
    let pairs = item.ins.pairs();
    // Names set by the pairs before the current one.
    let mut set_before: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, pair) in pairs.iter().enumerate() {
        if i > 0 {
            set_before.insert(&pairs[i - 1].key.value);
        }
        let Some(value) = &pair.value else { continue };
        let raw = model.text.get(value.span.clone()).unwrap_or("");
        if raw.starts_with('\'') {
            continue;
        }
        for (start, end, name) in references(raw) {
            if set_before.contains(name) {
                let span = if raw.contains('\n') {
                    value.span.clone()
                } else {
                    value.span.start + start..value.span.start + end
                };
                sink.report(
                    item.statement,
                    docker::ENV_SELF_REFERENCE,
                    span,
                    format!("`{name}` is set in this same `ENV`: the reference sees its previous value"),
                );
            }
        }
    }
}

/// What is wrong with a LABEL key, by Docker's guidelines for label keys: lower-case letters,
/// digits, `.`, `-` and `_`, starting with a letter and ending with a letter or digit, no
/// `..` or `--`, outside the `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces.
/// A key built from a variable is not judged.
fn label_key_problem(key: &str) -> Option<&'static str> {
    if key.contains('$') {
        return None;
    }
    let reserved = ["com.docker.", "io.docker.", "org.dockerproject."];
    if reserved.iter().any(|r| key.starts_with(r)) {
        return Some("is in a namespace reserved for Docker");
    }
    if !key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_'))
    {
        return Some("may only have lower-case letters, digits, `.`, `-` and `_`");
    }
    if !key.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Some("must start with a lower-case letter");
    }
    if !key.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        return Some("must end with a letter or a digit");
    }
    if key.contains("..") || key.contains("--") {
        return Some("has `..` or `--`");
    }
    None
}
