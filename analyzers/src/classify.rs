/// Which analyzers want a file. Decided once per file, by path, and for YAML passed
/// explicitly, by content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kinds {
    pub python: bool,
    pub workflow: bool,
    pub action: bool,
    /// `.github/dependabot.yml`.
    pub dependabot: bool,
    /// `.pre-commit-config.yaml`.
    pub precommit: bool,
    pub dockerfile: bool,
    pub secrets: bool,
    /// A language the smells measure (every language but Python, which has its own).
    pub smells: Option<crate::smells::Language>,
}

impl Kinds {
    pub fn is_yaml_undecided(&self, path: &str) -> bool {
        !self.workflow && !self.action && !self.dependabot && !self.precommit && is_yaml(file_name(path))
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yml") || name.ends_with(".yaml")
}

/// A template that renders a file (`Dockerfile.j2`, `Dockerfile.in`): its `{{ }}`, `{% %}` and
/// `@VAR@` are not the rendered file's syntax.
fn is_template(lower: &str) -> bool {
    [".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".template", ".in"]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
}

/// Classifies a `/`-separated path. Every text file is a candidate for secrets.
pub fn classify(path: &str) -> Kinds {
    let name = file_name(path);
    let lower = name.to_ascii_lowercase();
    let parent = path.strip_suffix(name).unwrap_or("").trim_end_matches('/');
    Kinds {
        python: name.ends_with(".py") || name.ends_with(".pyi"),
        workflow: is_yaml(name) && (parent == ".github/workflows" || parent.ends_with("/.github/workflows")),
        action: name == "action.yml" || name == "action.yaml",
        dependabot: (name == "dependabot.yml" || name == "dependabot.yaml")
            && (parent == ".github" || parent.ends_with("/.github")),
        precommit: name == ".pre-commit-config.yaml" || name == ".pre-commit-config.yml",
        dockerfile: !is_template(&lower)
            && (lower == "dockerfile"
                || lower == "containerfile"
                || lower.ends_with(".dockerfile")
                || lower.ends_with(".containerfile")
                || lower.starts_with("dockerfile.")
                // Variants named with a dash or underscore (`Dockerfile-alpine`), but not other
                // files about Dockerfiles (`dockerfile-lint.json`, `Dockerfile-slim.template`).
                || ((lower.starts_with("dockerfile-") || lower.starts_with("dockerfile_")) && !lower.contains('.'))),
        secrets: true,
        smells: crate::smells::Language::of_path(path),
    }
}

/// For a YAML file whose path does not decide: a mapping with top-level `jobs` and `on`
/// is a workflow, one with `runs` is an action, one with `version` and `updates` a
/// Dependabot config, one with `repos` listing `- repo:` entries a pre-commit config.
pub fn classify_by_content(kinds: &mut Kinds, text: &str) {
    let mut has_on = false;
    let mut has_jobs = false;
    let mut has_runs = false;
    let mut has_version = false;
    let mut has_updates = false;
    let mut has_repos = false;
    for line in text.lines() {
        let Some(key) = top_level_key(line) else { continue };
        match key {
            "on" | "true" => has_on = true,
            "jobs" => has_jobs = true,
            "runs" => has_runs = true,
            "version" => has_version = true,
            "updates" => has_updates = true,
            "repos" => has_repos = true,
            _ => {}
        }
    }
    if has_on && has_jobs {
        kinds.workflow = true;
    } else if has_runs {
        kinds.action = true;
    } else if has_version && has_updates {
        kinds.dependabot = true;
    } else if has_repos && text.lines().any(|line| line.trim_start().starts_with("- repo:")) {
        kinds.precommit = true;
    }
}

fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(|c| c == '"' || c == '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_decide_kinds() {
        assert!(classify("src/app.py").python);
        assert!(classify("stubs/app.pyi").python);
        assert!(classify(".github/workflows/ci.yml").workflow);
        assert!(classify("sub/.github/workflows/ci.yaml").workflow);
        assert!(!classify("workflows/ci.yml").workflow);
        assert!(classify("action.yml").action);
        assert!(classify("tools/setup/action.yaml").action);
        assert!(classify(".github/dependabot.yml").dependabot);
        assert!(classify("sub/.github/dependabot.yaml").dependabot);
        assert!(!classify("dependabot.yml").dependabot);
        assert!(classify(".pre-commit-config.yaml").precommit);
        assert!(classify("tools/.pre-commit-config.yaml").precommit);
        for name in [
            "Dockerfile",
            "dockerfile",
            "api.Dockerfile",
            "Dockerfile.dev",
            "Containerfile",
            "Dockerfile-alpine",
            "docker/Dockerfile_prod",
        ] {
            assert!(classify(name).dockerfile, "{name}");
        }
        for name in [
            "Dockerfiles.md",
            "dockerfile-lint.json",
            "Dockerfile-slim.template",
            "Dockerfile.j2",
            "docker/Dockerfile.jinja",
            "Dockerfile.tmpl",
            "Dockerfile.in",
            "api.Dockerfile.template",
        ] {
            assert!(!classify(name).dockerfile, "{name}");
        }
        assert!(classify("README.md").secrets);
    }

    #[test]
    fn yaml_content_decides_when_the_path_does_not() {
        let mut kinds = classify("ci/build.yml");
        assert!(kinds.is_yaml_undecided("ci/build.yml"));
        classify_by_content(&mut kinds, "name: x\n\"on\": push\njobs:\n  a: {}\n");
        assert!(kinds.workflow);
        let mut kinds = classify("x.yaml");
        classify_by_content(&mut kinds, "name: x\nruns:\n  using: composite\n");
        assert!(kinds.action && !kinds.workflow);
        let mut kinds = classify("config.yml");
        classify_by_content(&mut kinds, "version: 2\nupdates:\n  - package-ecosystem: pip\n");
        assert!(kinds.dependabot);
        let mut kinds = classify("hooks.yaml");
        classify_by_content(&mut kinds, "repos:\n  - repo: https://example.com/hooks\n    rev: v1\n");
        assert!(kinds.precommit);
        let mut kinds = classify("other.yaml");
        classify_by_content(&mut kinds, "key: value\n");
        assert!(!kinds.action && !kinds.workflow);
    }
}
