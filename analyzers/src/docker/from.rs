//! Stages and base images: tags, digests, registries, platforms, stage names, users.

use super::parser::Kind;
use super::{Model, Sink};
use tollgate_rules::docker;

/// `registry/path/name:tag@digest` split into its parts.
pub(crate) struct ImageRef<'a> {
    pub registry: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

pub(crate) fn image_ref(image: &str) -> ImageRef<'_> {
    let (name, digest) = match image.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (image, None),
    };
    let last_slash = name.rfind('/').map_or(0, |i| i + 1);
    let tag = name[last_slash..].split_once(':').map(|(_, t)| t);
    let registry = name
        .split_once('/')
        .and_then(|(first, _)| (first.contains('.') || first.contains(':') || first == "localhost").then_some(first));
    ImageRef { registry, tag, digest }
}

pub fn check(model: &Model, sink: &mut Sink) {
    let settings = model.settings;
    // Stage name in lower case -> the first stage that has it.
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (index, stage) in model.stages.iter().enumerate() {
        let from = stage.from;
        let statement = from.span.start;
        let span = stage.image_span.clone();
        let raw = &from.words()[0].value;
        let is_scratch = stage.image.eq_ignore_ascii_case("scratch");
        // A reference to an earlier stage is not an image.
        let is_stage = stage.parent.is_some() && !raw.contains(':');
        // A variable without a default: the image is only known at build time.
        let unknown = raw.contains('$') && (stage.image.is_empty() || stage.image.ends_with(':'));
        if !is_scratch && !is_stage && !unknown {
            let reference = image_ref(&stage.image);
            let shown = if raw.contains('$') {
                format!("`{raw}` (`{}`)", stage.image)
            } else {
                format!("`{raw}`")
            };
            if reference.tag.is_none() && reference.digest.is_none() {
                sink.report(
                    statement,
                    docker::UNTAGGED_IMAGE,
                    span.clone(),
                    format!("image {shown} has no tag: pin a version"),
                );
            }
            if reference.tag == Some("latest") && reference.digest.is_none() {
                sink.report(
                    statement,
                    docker::LATEST_TAG,
                    span.clone(),
                    format!("image {shown} uses the `latest` tag: pin a release"),
                );
            }
            if settings.pedantic && reference.digest.is_none() {
                sink.report(
                    statement,
                    docker::FROM_WITHOUT_DIGEST,
                    span.clone(),
                    format!("image {shown} is not pinned by digest"),
                );
            }
            if !settings.allowed_registries.is_empty() {
                let registry = reference.registry.unwrap_or("docker.io");
                if !registry_allowed(registry, &settings.allowed_registries) {
                    sink.report(
                        statement,
                        docker::UNTRUSTED_REGISTRY,
                        span.clone(),
                        format!("registry `{registry}` is not in `allowed-registries`"),
                    );
                }
            }
        }
        if let Some(platform) = from.flag("platform") {
            let value = platform.value.as_deref().unwrap_or("").trim_matches(['"', '\'']);
            if matches!(value, "$TARGETPLATFORM" | "${TARGETPLATFORM}") {
                sink.report(
                    statement,
                    docker::REDUNDANT_TARGET_PLATFORM,
                    platform.span.clone(),
                    format!("`--platform={value}` is what FROM does without it: leave it out"),
                );
            }
            if platform.value.as_deref().is_some_and(|v| !v.contains('$')) {
                sink.report(
                    statement,
                    docker::FROM_PLATFORM,
                    platform.span.clone(),
                    format!(
                        "`--platform={}` fixes the platform",
                        platform.value.as_deref().unwrap_or("")
                    ),
                );
            }
        }
        if let (Some(name), Some(word)) = (&stage.name, from.words().get(2)) {
            // BuildKit lower-cases stage names: `AS Scratch` is `scratch` too.
            let lower = name.to_ascii_lowercase();
            if matches!(lower.as_str(), "scratch" | "context") {
                sink.report(
                    statement,
                    docker::RESERVED_STAGE_NAME,
                    word.span.clone(),
                    format!("stage name `{name}` is reserved: `FROM {lower}` and `--from={lower}` would not mean this stage"),
                );
            }
            let first = *names.entry(lower).or_insert(index);
            if first != index {
                sink.report(
                    statement,
                    docker::DUPLICATE_STAGE_NAME,
                    word.span.clone(),
                    format!("stage name `{name}` is already used by stage {first}"),
                );
            }
        }
    }
    // Every instruction before the first FROM but ARG, as hadolint reports them; the other
    // checks still read each one.
    for item in model.items.iter().take_while(|item| !item.is(Kind::From)) {
        if !item.onbuild && !item.is(Kind::Arg) {
            sink.report(
                item.statement,
                docker::INSTRUCTION_BEFORE_FROM,
                item.ins.keyword.clone(),
                format!("`{}` before the first `FROM`", item.ins.kind.name()),
            );
        }
    }
    check_users(model, sink);
    // ONBUILD USER is judged in the image built on this one, as hadolint leaves it.
    for item in model.items.iter().filter(|item| item.is(Kind::User) && !item.onbuild) {
        user_not_numeric(model, item, sink);
    }
    if let Some(last) = model.last_stage() {
        let has_healthcheck = model.stage_items(last).any(|item| item.is(Kind::Healthcheck));
        if !has_healthcheck {
            let stage = &model.stages[last];
            sink.report(
                stage.from.span.start,
                docker::NO_HEALTHCHECK,
                stage.image_span.clone(),
                "the image has no `HEALTHCHECK`",
            );
        }
    }
}

fn registry_allowed(registry: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|pattern| {
        let pattern = pattern.to_ascii_lowercase();
        let registry = registry.to_ascii_lowercase();
        match pattern.strip_prefix("*.") {
            Some(suffix) => registry.ends_with(&format!(".{suffix}")),
            None => {
                registry == pattern
                    || (pattern == "docker.io" && registry == "index.docker.io")
                    || (pattern == "index.docker.io" && registry == "docker.io")
            }
        }
    })
}

/// `USER name`: the user part is a name, not a number. Variables are expanded with the
/// defaults of the file's ARG and ENV; one with no known value is not judged (a build
/// argument such as `${NB_UID}` is most often a number). `root` is uid 0 in every image.
fn user_not_numeric(model: &Model, item: &super::Item, sink: &mut Sink) {
    let Some(word) = item.ins.words().first() else { return };
    let raw = word.value.split(':').next().unwrap_or("");
    let user = if raw.contains('$') {
        let values = model.variables_before(item);
        let unknown = std::cell::Cell::new(false);
        let lookup = |name: &str| {
            let value = values.get(name).cloned();
            unknown.set(unknown.get() || value.is_none());
            value
        };
        let expanded = super::parser::expand(raw, &lookup);
        if unknown.get() || expanded.is_empty() {
            return;
        }
        expanded
    } else {
        raw.to_string()
    };
    if user.is_empty() || user == "root" || user.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let shown = if raw == user {
        format!("`USER {user}`")
    } else {
        format!("`USER {raw}` (`{user}`)")
    };
    sink.report(
        item.statement,
        docker::USER_NOT_NUMERIC,
        word.span.clone(),
        format!("{shown} names the user: the host cannot tell it is not root; use its numeric id"),
    );
}

fn is_root(user: &str) -> bool {
    let name = user.split(':').next().unwrap_or(user);
    name == "root" || name == "0"
}

/// A Docker Official Image (`python:3.13`, `library/ubuntu`, `docker.io/library/node`):
/// those run as root unless told otherwise.
fn is_official_image(image: &str) -> bool {
    let name = image.split(['@', ':']).next().unwrap_or(image).to_ascii_lowercase();
    let name = ["docker.io/", "index.docker.io/", "registry-1.docker.io/"]
        .iter()
        .find_map(|registry| name.strip_prefix(registry))
        .unwrap_or(&name);
    let name = name.strip_prefix("library/").unwrap_or(name);
    !name.is_empty() && !name.contains('/') && !name.contains('$')
}

/// `last-user-root` and `root-user`: what user the final image runs as.
fn check_users(model: &Model, sink: &mut Sink) {
    let Some(last) = model.last_stage() else { return };
    // The last USER of the final stage, or of the stages it builds on.
    let mut stage = Some(last);
    let mut guard = 0;
    while let Some(s) = stage {
        let last_user = model.stage_items(s).filter(|item| item.is(super::Kind::User)).last();
        if let Some(item) = last_user {
            if let Some(word) = item.ins.words().first() {
                if is_root(&word.value) {
                    sink.report(
                        item.statement,
                        docker::LAST_USER_ROOT,
                        word.span.clone(),
                        format!("the image runs as `{}`: switch to an unprivileged user", word.value),
                    );
                }
            }
            return;
        }
        if model.stages[s].image.eq_ignore_ascii_case("scratch") {
            return;
        }
        // An image of another publisher (a registry, a namespace) or only known at build time
        // may well set its own user (`quay.io/jupyter/base-notebook` runs as `jovyan`): only
        // Docker's official images are known to run as root.
        if model.stages[s].parent.is_none() && !is_official_image(&model.stages[s].image) {
            return;
        }
        stage = model.stages[s].parent;
        guard += 1;
        if guard > 64 {
            return;
        }
    }
    let final_stage = &model.stages[last];
    sink.report(
        final_stage.from.span.start,
        docker::ROOT_USER,
        final_stage.image_span.clone(),
        "no `USER` in the final stage: the container runs as root",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references() {
        let r = image_ref("registry.example.com:5000/team/app:1.2@sha256:abc");
        assert_eq!(r.registry, Some("registry.example.com:5000"));
        assert_eq!(r.tag, Some("1.2"));
        assert_eq!(r.digest, Some("sha256:abc"));
        let r = image_ref("library/debian");
        assert_eq!(r.registry, None);
        assert_eq!(r.tag, None);
        assert!(registry_allowed("x.example.com", &["*.example.com".into()]));
        assert!(!registry_allowed("example.org", &["*.example.com".into()]));
    }
}
