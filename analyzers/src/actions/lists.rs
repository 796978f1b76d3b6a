//! The lists the Actions rules read, kept as data in `rules/data/actions/lists.txt`: archived
//! repositories (with where each fact came from), superfluous actions, actions that fetch
//! their tool at run time, and the popular actions typo-squatters imitate.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../../rules/data/actions/lists.txt");

/// One entry: the name (lower-case `owner/repo` or `owner/*`) and its other fields.
pub struct Entry {
    pub name: String,
    pub fields: Vec<&'static str>,
}

#[derive(Default)]
pub struct Lists {
    pub archived: Vec<Entry>,
    pub superfluous: Vec<Entry>,
    pub unpinned_tools: Vec<Entry>,
    pub popular: Vec<Entry>,
}

pub fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| parse(DATA))
}

fn parse(data: &'static str) -> Lists {
    let mut lists = Lists::default();
    let mut section: Option<&mut Vec<Entry>> = None;
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "archived" => Some(&mut lists.archived),
                "superfluous" => Some(&mut lists.superfluous),
                "unpinned-tools" => Some(&mut lists.unpinned_tools),
                "popular" => Some(&mut lists.popular),
                other => panic!("rules/data/actions/lists.txt: unknown section [{other}]"),
            };
            continue;
        }
        let mut fields = line.split('|').map(str::trim);
        let name = fields.next().unwrap_or_default().to_ascii_lowercase();
        if let Some(list) = section.as_mut() {
            list.push(Entry {
                name,
                fields: fields.collect(),
            });
        }
    }
    lists
}

impl Lists {
    /// The entry of `list` for `name`, a lower-case `owner/repo` (exact, or by `owner/*`).
    pub fn find<'a>(list: &'a [Entry], name: &str) -> Option<&'a Entry> {
        let owner = name.split('/').next().unwrap_or(name);
        list.iter()
            .find(|entry| entry.name == name || entry.name.strip_suffix("/*").is_some_and(|o| o == owner))
    }
}

/// `owner/repo` of a `uses:`, lower-cased: how the lists name actions.
pub fn slug(owner: &str, repo: &str) -> String {
    let mut slug = String::with_capacity(owner.len() + repo.len() + 1);
    slug.push_str(owner);
    slug.push('/');
    slug.push_str(repo);
    slug.make_ascii_lowercase();
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_and_archived_entries_say_where_from() {
        let lists = lists();
        assert!(lists.archived.len() >= 5 && lists.superfluous.len() >= 10);
        assert!(lists.popular.len() >= 30 && !lists.unpinned_tools.is_empty());
        for entry in &lists.archived {
            assert_eq!(entry.fields.len(), 2, "{}: replacement | source", entry.name);
        }
        assert!(Lists::find(&lists.archived, &slug("actions-rs", "toolchain")).is_some());
        assert!(Lists::find(&lists.archived, &slug("Actions", "Create-Release")).is_some());
        assert!(Lists::find(&lists.archived, &slug("actions", "checkout")).is_none());
    }
}
