//! One module per domain; each returns its rules. Help texts live in `rules/help/<domain>/`.

pub mod actions;
pub mod docker;
pub mod duplication;
pub mod python;
pub mod secrets;
pub mod tollgate;
