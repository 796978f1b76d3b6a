//! The one way to declare a rule: `rules!` in the domain's file under `rules/src/domains/`.
//!
//! ```text
//! rules! {
//!     CD_IN_RUN = "docker/cd-in-run" {
//!         summary: "`cd` inside RUN; use WORKDIR to change directory",
//!         level: Warning,
//!         tags: ["maintainability"],
//!         precision: Medium,
//!         peers: ["hadolint:DL3003"],
//!     }
//! }
//! ```
//!
//! Each entry becomes `pub const CD_IN_RUN: &Rule`, whose help is the Markdown file
//! `rules/help/<id>.md`, and the invocation as a whole becomes `RULES`, the domain's table,
//! which the catalogue reads. `security_severity` (security rules) and `default_enabled: false`
//! (rules that run only when selected) go where the example shows them, when a rule needs them.

/// Declares a domain's rules; see the module documentation.
macro_rules! rules {
    ($(
        $(#[$attr:meta])*
        $name:ident = $id:literal {
            summary: $summary:literal,
            level: $level:ident,
            tags: [$($tag:literal),* $(,)?],
            $(security_severity: $severity:literal,)?
            precision: $precision:ident,
            peers: [$($peer:literal),* $(,)?],
            $(default_enabled: $default:literal,)?
        }
    )*) => {
        $(
            $(#[$attr])*
            pub const $name: &$crate::Rule = &$crate::Rule {
                id: $id,
                summary: $summary,
                help: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/help/", $id, ".md")),
                level: $crate::Level::$level,
                tags: &[$($tag),*],
                security_severity: $crate::declare::optional!($($severity)?),
                precision: $crate::Precision::$precision,
                peers: &[$($peer),*],
                default_enabled: true $(&& $default)?,
            };
        )*

        /// This domain's rules, in declaration order.
        pub const RULES: &[&$crate::Rule] = &[$($name),*];
    };
}

macro_rules! optional {
    () => {
        None
    };
    ($value:expr) => {
        Some($value)
    };
}

pub(crate) use optional;
pub(crate) use rules;
