/// What a path is to its repository, decided once per file from the conventions users keep
/// (`.gitattributes` linguist attributes, well-known folders and file names, generated-file
/// markers). A file with no role is plain source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Someone else's code kept in the tree (`vendor/`, `_vendor/`, `node_modules/`).
    Vendored,
    /// Written by a tool (`_pb2.py`, `@generated`, minified files).
    Generated,
    Test,
    Docs,
    Example,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Vendored, Role::Generated, Role::Test, Role::Docs, Role::Example];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Vendored => "vendored",
            Role::Generated => "generated",
            Role::Test => "test",
            Role::Docs => "docs",
            Role::Example => "example",
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == name)
    }
}

/// By name, as configs write it (`--show-config` prints settings that hold roles).
impl serde::Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("plain"), None);
    }
}
