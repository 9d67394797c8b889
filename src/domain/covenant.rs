//! The team covenant.

use super::meta::{entity, Meta};
use serde::{Deserialize, Serialize};

/// A team's joint covenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Covenant {
    #[serde(flatten)]
    pub meta: Meta,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub intent: String,
}
entity!(Covenant, "covenant");
