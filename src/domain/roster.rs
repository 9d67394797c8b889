//! The team roster that the three tools share.

use super::meta::{entity, Meta};
use serde::{Deserialize, Serialize};

/// A team member. Removing one leaves a tombstone so boards and goals that name them keep a
/// readable reference and merges do not resurrect them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub name: String,
}
entity!(Member, "member");

/// Trims a typed name and rejects empty ones.
pub fn clean_name(raw: &str) -> Option<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        None
    } else {
        Some(name.chars().take(80).collect())
    }
}
