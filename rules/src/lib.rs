//! The vocabulary every other crate speaks: rule metadata, levels, findings and the
//! catalogue. Nothing here reads the disk or depends on the rest of the workspace.

mod catalogue;
mod declare;
mod domains;
mod finding;
mod level;
mod lines;
mod role;
pub mod select;

pub use catalogue::{catalogue, find, import_rule, is_imported, Catalogue, Precision, Rule};
pub use domains::secrets::{describe_example, patterns as secret_patterns, SecretPattern};
/// Each domain's rules as constants (`docker::CD_IN_RUN`) and its table (`docker::RULES`).
pub use domains::{actions, docker, python, secrets, shell, smells, tollgate};
pub use finding::{Finding, Location, Metric, PropValue, Related};
pub use level::Level;
pub use lines::{LineIndex, Region};
pub use role::Role;
pub use select::{RuleSet, SelectError};

/// The domains, in the order the summary lists them.
pub const DOMAINS: &[&str] = &["python", "smells", "secrets", "actions", "docker", "shell", "tollgate"];
