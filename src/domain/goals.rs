//! Micro-goals: small verifiable commitments.

use super::meta::{entity, Id, Meta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A small, quickly verifiable commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub owner: Option<Id>,
    #[serde(default, with = "super::iso::opt_date")]
    pub due: Option<NaiveDate>,
}
entity!(Goal, "goal");
