//! The Accountability Ladder: boards (one ladder retro each) and their cards.

use super::meta::{entity, Id, Meta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One ladder retro.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default)]
    pub title: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub date: Option<NaiveDate>,
}
entity!(Board, "board");

/// A card: one situation placed on a rung of a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub board_id: Id,
    #[serde(default)]
    pub text: String,
}
entity!(Card, "card");
