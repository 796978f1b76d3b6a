//! One module per domain, each declaring its rules with `rules!`. Help texts live in
//! `rules/help/<domain>/<slug>.md`.

pub mod actions;
pub mod docker;
pub mod python;
pub mod secrets;
pub mod shell;
pub mod smells;
pub mod tollgate;
