//! The team covenant.

use super::meta::{entity, Meta};
use serde::{Deserialize, Serialize};

/// A team's joint covenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Covenant {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intent: String,
}
entity!(Covenant, "covenant");
