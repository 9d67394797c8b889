//! The team roster that the three tools share.

use super::meta::{entity, Id, Meta};
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
    super::typed::one_line(raw, 80)
}

/// How a person is named anywhere in Climb: their name, also after they left the team (a
/// tombstone keeps it), or "a former member" for an id no record names.
pub fn member_name(ws: &super::Workspace, id: &Id) -> String {
    use super::workspace::Stored;
    Member::all(ws)
        .iter()
        .find(|m| &m.meta.id == id)
        .map(|m| m.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "a former member".to_owned())
}

/// The name of the person in `id` as [`member_name`] gives it, or `none` when the place is
/// empty ("No owner", "nobody yet").
pub fn name_or(ws: &super::Workspace, id: &Option<Id>, none: &str) -> String {
    id.as_ref()
        .map(|id| member_name(ws, id))
        .unwrap_or_else(|| none.to_owned())
}
