//! Rules about tollgate's own comments.

use crate::declare::rules;

rules! {
    UNUSED_SUPPRESSION = "tollgate/unused-suppression" {
        summary: "A `tollgate: ignore` comment that suppresses nothing",
        level: Note,
        tags: ["maintainability"],
        precision: VeryHigh,
        peers: ["ruff:RUF100"],
    }
}
