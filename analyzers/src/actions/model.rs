//! Workflows, jobs, steps and `uses:` references, as thin views over the YAML tree.

use std::ops::Range;

use super::yaml::{Node, Value};

pub struct Workflow<'a> {
    pub root: &'a Node,
    pub triggers: Vec<Trigger<'a>>,
    pub jobs: Vec<Job<'a>>,
}

/// One event under `on:`, with the span of its name.
pub struct Trigger<'a> {
    pub name: &'a str,
    pub span: Range<usize>,
}

pub struct Job<'a> {
    pub id: &'a str,
    pub key_span: Range<usize>,
    pub node: &'a Node,
    pub steps: Vec<Step<'a>>,
}

pub struct Step<'a> {
    pub node: &'a Node,
    pub index: usize,
}

pub struct Action<'a> {
    pub root: &'a Node,
    pub steps: Vec<Step<'a>>,
}

impl<'a> Workflow<'a> {
    pub fn new(root: &'a Node) -> Self {
        let mut triggers = Vec::new();
        // A bare `on` key is YAML 1.1's `true`; the tree keeps the source spelling.
        if let Some(on) = root.get("on") {
            match &on.value {
                Value::Scalar(scalar) => triggers.push(Trigger {
                    name: scalar.text.as_str(),
                    span: on.text_span(),
                }),
                Value::Seq(items) => triggers.extend(items.iter().filter_map(|item| {
                    item.str().map(|name| Trigger {
                        name,
                        span: item.text_span(),
                    })
                })),
                Value::Map(pairs) => triggers.extend(pairs.iter().map(|pair| Trigger {
                    name: pair.key.as_str(),
                    span: pair.key_span.clone(),
                })),
                Value::Null => {}
            }
        }
        let jobs = root
            .get("jobs")
            .map(|jobs| {
                jobs.pairs()
                    .iter()
                    .filter(|pair| pair.value.is_map())
                    .map(|pair| Job {
                        id: pair.key.as_str(),
                        key_span: pair.key_span.clone(),
                        node: &pair.value,
                        steps: steps(pair.value.get("steps")),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Workflow { root, triggers, jobs }
    }
}

fn steps(node: Option<&Node>) -> Vec<Step<'_>> {
    node.map(|steps| {
        steps
            .items()
            .iter()
            .enumerate()
            .filter(|(_, step)| step.is_map())
            .map(|(index, node)| Step { node, index })
            .collect()
    })
    .unwrap_or_default()
}

impl<'a> Job<'a> {
    /// A reusable-workflow call's `uses:`.
    pub fn uses(&self) -> Option<&'a Node> {
        self.node.get("uses")
    }

    pub fn condition(&self) -> Option<&'a str> {
        self.node.get("if").and_then(Node::str)
    }
}

impl<'a> Step<'a> {
    pub fn uses(&self) -> Option<&'a Node> {
        self.node.get("uses")
    }

    pub fn run(&self) -> Option<&'a Node> {
        self.node.get("run")
    }

    pub fn with(&self, input: &str) -> Option<&'a Node> {
        self.node.get("with").and_then(|with| with.get(input))
    }

    pub fn condition(&self) -> Option<&'a str> {
        self.node.get("if").and_then(Node::str)
    }

    /// The repository action this step uses (`owner/repo[/path]`, lower-cased), if any.
    pub fn action(&self) -> Option<RepoUses<'a>> {
        match Uses::parse(self.uses()?.str()?) {
            Uses::Repo(repo) => Some(repo),
            _ => None,
        }
    }

    pub fn uses_action(&self, name: &str) -> bool {
        self.action()
            .is_some_and(|action| action.name().eq_ignore_ascii_case(name))
    }

    /// How messages name the step: its `name:`, `id:` or its position.
    pub fn label(&self) -> String {
        if let Some(name) = self.node.get("name").and_then(Node::str) {
            return format!("`{name}`");
        }
        if let Some(id) = self.node.get("id").and_then(Node::str) {
            return format!("`{id}`");
        }
        if let Some(uses) = self.uses().and_then(Node::str) {
            return format!("`{uses}`");
        }
        format!("#{}", self.index + 1)
    }
}

impl<'a> Action<'a> {
    pub fn new(root: &'a Node) -> Self {
        let runs = root.get("runs");
        let composite = runs
            .and_then(|runs| runs.get("using"))
            .and_then(Node::str)
            .is_some_and(|using| using == "composite");
        let steps = if composite {
            steps(runs.and_then(|runs| runs.get("steps")))
        } else {
            Vec::new()
        };
        Action { root, steps }
    }

    /// `runs.image` of a Docker action, when it is a `docker://` reference.
    pub fn docker_image(&self) -> Option<&'a Node> {
        let runs = self.root.get("runs")?;
        let using = runs.get("using").and_then(Node::str)?;
        if using != "docker" {
            return None;
        }
        runs.get("image")
            .filter(|image| image.str().is_some_and(|s| s.starts_with("docker://")))
    }
}

/// A parsed `uses:` value.
pub enum Uses<'a> {
    /// `./path`: code from the checked-out repository; `$/path`: from the running commit of
    /// this repository (GitHub's self-reference, no checkout needed).
    Local,
    /// `docker://image`.
    Docker,
    Repo(RepoUses<'a>),
    /// `$/path@ref`: a self-reference takes no ref.
    SelfWithRef,
    /// Empty or unparseable.
    Invalid,
}

#[derive(Clone, Copy)]
pub struct RepoUses<'a> {
    /// `owner/repo[/path]` as written.
    pub target: &'a str,
    pub owner: &'a str,
    pub repo: &'a str,
    /// The path inside the repository, without a leading `/`; empty for the root.
    pub path: &'a str,
    /// The ref after `@` and where it starts in the value.
    pub git_ref: Option<(&'a str, usize)>,
}

impl<'a> Uses<'a> {
    pub fn parse(text: &'a str) -> Uses<'a> {
        // GitHub trims the value: a block scalar's final newline is not part of the ref.
        let text = text.trim_end();
        if text.starts_with("./") || text.starts_with(".\\") {
            return Uses::Local;
        }
        if text.starts_with("$/") {
            return if text.contains('@') {
                Uses::SelfWithRef
            } else {
                Uses::Local
            };
        }
        if text.starts_with("docker://") {
            return Uses::Docker;
        }
        let (target, git_ref) = match text.find('@') {
            Some(at) => (&text[..at], Some((&text[at + 1..], at + 1))),
            None => (text, None),
        };
        let mut parts = target.splitn(3, '/');
        let owner = parts.next().unwrap_or("");
        let repo = parts.next().unwrap_or("");
        let path = parts.next().unwrap_or("");
        if owner.is_empty() || repo.is_empty() {
            return Uses::Invalid;
        }
        Uses::Repo(RepoUses {
            target,
            owner,
            repo,
            path,
            git_ref,
        })
    }
}

impl<'a> RepoUses<'a> {
    /// `owner/repo` or `owner/repo/path`.
    pub fn name(&self) -> &'a str {
        self.target
    }

    pub fn is_hash_pinned(&self) -> bool {
        self.git_ref
            .is_some_and(|(r, _)| r.len() == 40 && r.bytes().all(|b| b.is_ascii_hexdigit()))
    }
}

/// The major version a ref names (`v4`, `v4.1.2`, `4`), or one a `# v4.1.2` comment after
/// a hash pin names.
pub fn major_version(git_ref: &str, comment: Option<&str>) -> Option<u32> {
    fn major(text: &str) -> Option<u32> {
        let text = text.trim().trim_start_matches(['v', 'V']);
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    }
    if git_ref.len() == 40 && git_ref.bytes().all(|b| b.is_ascii_hexdigit()) {
        return comment.and_then(|c| c.split_whitespace().find_map(major));
    }
    major(git_ref)
}

/// A `# comment` on the same line after `end`.
pub fn trailing_comment(src: &str, end: usize) -> Option<&str> {
    let rest = src.get(end..)?;
    let line = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
    line.find('#').map(|hash| line[hash + 1..].trim())
}
