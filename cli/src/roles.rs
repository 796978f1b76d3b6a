//! Path roles, decided once per file: `.gitattributes` first (GitHub's linguist attributes,
//! read through git so that every `.gitattributes` in the tree and their precedence count),
//! then the file's folders and name, then generated-file markers in its text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tollgate_analyzers::roles;
use tollgate_rules::Role;

/// The linguist attributes of one file: `Some(true)` set, `Some(false)` unset
/// (`-linguist-vendored`, `linguist-vendored=false`), `None` not said.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pub vendored: Option<bool>,
    pub generated: Option<bool>,
    pub documentation: Option<bool>,
    /// What the config's `[roles]` says of the file: a role, or `Some(None)` for none.
    pub configured: Option<Option<Role>>,
    /// The config's `[docker] files` names it a Dockerfile (a template, say).
    pub dockerfile: bool,
}

const NAMES: [&str; 3] = ["linguist-vendored", "linguist-generated", "linguist-documentation"];

/// The attributes of `paths` (absolute) as git sees them from `dir`'s work tree. Outside a
/// work tree, or if git fails, nothing is said of any file.
pub fn attributes(dir: &Path, paths: &[PathBuf]) -> Vec<Attributes> {
    read_attributes(dir, paths).unwrap_or_else(|| vec![Attributes::default(); paths.len()])
}

fn read_attributes(dir: &Path, paths: &[PathBuf]) -> Option<Vec<Attributes>> {
    if paths.is_empty() {
        return Some(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["check-attr", "-z", "--stdin"])
        .args(NAMES)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut input = Vec::new();
    for path in paths {
        input.extend_from_slice(path.as_os_str().as_encoded_bytes());
        input.push(0);
    }
    // Written from a thread: git answers while it reads, and both pipes could fill.
    let mut stdin = child.stdin.take()?;
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !output.status.success() {
        return None;
    }
    // `<path> NUL <attribute> NUL <value> NUL`, for each path the attributes in order.
    let fields: Vec<&[u8]> = output.stdout.split(|&b| b == 0).collect();
    let mut out = vec![Attributes::default(); paths.len()];
    for (i, record) in fields.chunks_exact(3).enumerate() {
        let value = match record[2] {
            b"set" | b"true" => Some(true),
            b"unset" | b"false" => Some(false),
            _ => None,
        };
        let attributes = out.get_mut(i / NAMES.len())?;
        match record[1] {
            b"linguist-vendored" => attributes.vendored = value,
            b"linguist-generated" => attributes.generated = value,
            b"linguist-documentation" => attributes.documentation = value,
            _ => {}
        }
    }
    Some(out)
}

/// The role of the file shown as `path`: the config's `[roles]` first, then attributes, then folders and name, then the
/// generated-file markers of its text. An attribute unset (`-linguist-vendored`) takes that
/// role away from what the path would give.
pub fn role_of(attributes: Attributes, path: &str, text: &str) -> Option<Role> {
    if let Some(configured) = attributes.configured {
        return configured;
    }
    let said = [
        (attributes.vendored, Role::Vendored),
        (attributes.generated, Role::Generated),
        (attributes.documentation, Role::Docs),
    ];
    if let Some((_, role)) = said.iter().find(|(value, _)| *value == Some(true)) {
        return Some(*role);
    }
    let denied = |role: Role| said.iter().any(|(value, r)| *r == role && *value == Some(false));
    match roles::by_path(path) {
        Some(role) if !denied(role) => Some(role),
        _ if !denied(Role::Generated) && roles::is_generated(path, text) => Some(Role::Generated),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git").arg("-C").arg(dir).args(args).status().unwrap();
        assert!(status.success(), "git {args:?}");
    }

    #[test]
    fn gitattributes_set_and_unset_roles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"]);
        std::fs::write(
            root.join(".gitattributes"),
            "lib/** linguist-vendored\nsrc/pip/_vendor/mine.py -linguist-vendored\ngen/*.py linguist-generated=true\nguide/** linguist-documentation\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/.gitattributes"), "*.py linguist-generated\n").unwrap();
        let names = [
            "lib/x.py",
            "src/pip/_vendor/mine.py",
            "gen/api.py",
            "guide/a.py",
            "app.py",
            "sub/y.py",
        ];
        let paths: Vec<PathBuf> = names.iter().map(|n| root.join(n)).collect();
        let found = attributes(root, &paths);
        let roles: Vec<Option<Role>> = found
            .iter()
            .zip(names)
            .map(|(attributes, name)| role_of(*attributes, name, "x = 1\n"))
            .collect();
        assert_eq!(
            roles,
            [
                Some(Role::Vendored),
                None,
                Some(Role::Generated),
                Some(Role::Docs),
                None,
                Some(Role::Generated)
            ]
        );
        assert_eq!(found[1].vendored, Some(false));
    }

    #[test]
    fn outside_a_repository_nothing_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let paths = vec![dir.path().join("a.py")];
        assert_eq!(attributes(dir.path(), &paths), vec![Attributes::default()]);
    }

    #[test]
    fn the_path_and_the_text_decide_without_attributes() {
        let none = Attributes::default();
        assert_eq!(role_of(none, "src/pip/_vendor/rich/x.py", ""), Some(Role::Vendored));
        assert_eq!(role_of(none, "tests/test_x.py", ""), Some(Role::Test));
        assert_eq!(
            role_of(none, "app/migrations/0001_initial.py", "# Generated by Django 5.0\n"),
            Some(Role::Generated)
        );
        assert_eq!(role_of(none, "app/models.py", "x = 1\n"), None);
        let not_generated = Attributes {
            generated: Some(false),
            ..none
        };
        assert_eq!(role_of(not_generated, "api_pb2.py", "# @generated\n"), None);
    }
}
