//! The safety, trust and clarity check: the three conditions accountability rests on
//! (psychological safety, relational trust, structural clarity), asked as short statements
//! each answered on a 1–5 agreement scale, shown only as team totals.
//!
//! Anonymity is a property of what is stored, not a promise of the screen:
//! - an [`Answer`] is one score to one statement. Its id is hashed from a random response id
//!   that is never stored, so no record links one person's answers to each other, and the
//!   same response imported twice (or in two browsers) writes the same records;
//! - a [`Response`] only counts that somebody answered (for "3 of 5");
//! - neither carries a member id, an order (both collections are kept sorted by id, see
//!   [`super::meta::Entity::UNORDERED`]) or a time finer than the day.
//!
//! So the answers to one statement are exactly its distribution, and a backup holds nothing
//! more than the totals the results show.
//!
//! Scoring and the trend are in [`super::check_results`], the commands in
//! [`super::check_commands`], the invite and response links in [`super::check_links`].

use super::meta::{Entity, Id, Meta};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Results stay hidden until at least this many people answered; a team may raise it.
pub const MIN_THRESHOLD: u32 = 3;
/// The most a threshold can be raised to (a bigger number would never be met).
pub const MAX_THRESHOLD: u32 = 50;
/// The most statements a check holds.
pub const MAX_STATEMENTS: usize = 30;
/// The longest statement, in characters.
pub const MAX_TEXT: usize = 300;

/// One of the three conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Condition {
    Safety,
    Trust,
    Clarity,
}

impl Condition {
    pub const ALL: [Condition; 3] = [Condition::Safety, Condition::Trust, Condition::Clarity];

    pub fn label(self) -> &'static str {
        match self {
            Condition::Safety => "Psychological safety",
            Condition::Trust => "Relational trust",
            Condition::Clarity => "Structural clarity",
        }
    }

    /// The one word used in tables and select values.
    pub fn key(self) -> &'static str {
        match self {
            Condition::Safety => "safety",
            Condition::Trust => "trust",
            Condition::Clarity => "clarity",
        }
    }

    pub fn from_key(key: &str) -> Option<Condition> {
        Condition::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The discussion question for a low statement of this condition with no question of
    /// its own.
    pub fn question(self) -> &'static str {
        match self {
            Condition::Safety => "What would make it safer to speak up or admit a mistake here?",
            Condition::Trust => "What would help us rely on each other's word here?",
            Condition::Clarity => "What do we need to know to own this?",
        }
    }
}

/// One statement of a check.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// Kept from check to check, so the results can compare a statement with last time.
    pub id: Id,
    #[serde(default)]
    pub text: String,
    pub condition: Condition,
    /// Worded negatively ("I hold back…"): agreeing is the low end, so its scale is reversed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reversed: bool,
}

/// The scale, lowest first: what a score of 1…5 means.
pub const SCALE: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// The statements Climb starts with, three per condition, in its own words from the texts,
/// with the question each opens when it is low. Clarity's three cover the five dimensions.
pub const DEFAULTS: [(&str, &str, Condition, bool, &str); 9] = [
    (
        "default.safety.mistakes",
        "If I make a mistake here, it is not held against me.",
        Condition::Safety,
        false,
        "What would make it safer to admit a mistake here?",
    ),
    (
        "default.safety.speak",
        "I can raise a problem or a tough issue without worrying how it reflects on me.",
        Condition::Safety,
        false,
        "What would make it easier to raise a problem early?",
    ),
    (
        "default.safety.holdback",
        "I hold back a concern in our meetings because of how it might land.",
        Condition::Safety,
        true,
        "What gets in the way of saying a concern out loud here?",
    ),
    (
        "default.trust.done",
        "When someone says they will do something, it gets done or we hear early.",
        Condition::Trust,
        false,
        "What would help us hear early when a commitment is at risk?",
    ),
    (
        "default.trust.help",
        "When I am stuck, people here ask how they can help rather than why it is not done.",
        Condition::Trust,
        false,
        "How can we ask “How can I help?” sooner?",
    ),
    (
        "default.trust.intent",
        "I assume good intent when a teammate misses something.",
        Condition::Trust,
        false,
        "What would help us look at the situation before the person?",
    ),
    (
        "default.clarity.expected",
        "I know what is expected of me, by when and how well.",
        Condition::Clarity,
        false,
        "What do we need to know to own this?",
    ),
    (
        "default.clarity.resources",
        "I have what I need (time, tools, help) to do what I committed to.",
        Condition::Clarity,
        false,
        "What is missing for our commitments to be doable?",
    ),
    (
        "default.clarity.loops",
        "We know how we will tell it is done, when we check in, and what happens next.",
        Condition::Clarity,
        false,
        "Which of our commitments has no clear measure, check-in or next step?",
    ),
];

/// The default statements, with their stable ids (so the trend compares them across checks).
pub fn default_statements() -> Vec<Statement> {
    DEFAULTS
        .iter()
        .map(|(id, text, condition, reversed, _)| Statement {
            id: Id::from(*id),
            text: (*text).to_owned(),
            condition: *condition,
            reversed: *reversed,
        })
        .collect()
}

/// The discussion question a low statement opens: its own for a default statement, else its
/// condition's.
pub fn question_for(s: &Statement) -> &'static str {
    DEFAULTS
        .iter()
        .find(|d| d.0 == s.id.as_str() && d.1 == s.text)
        .map(|d| d.4)
        .unwrap_or_else(|| s.condition.question())
}

/// A check: the statements a team answers at one time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<Id>,
    /// The day it was opened; the trend orders checks by it.
    #[serde(default, with = "super::iso::opt_date")]
    pub opened_on: Option<NaiveDate>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Results are shown only at this many responses or more (never below [`MIN_THRESHOLD`]).
    #[serde(default = "default_threshold")]
    pub threshold: u32,
    /// When the results were shown: from then on no answer is added, so no one's answers
    /// can be worked out from how the totals change.
    #[serde(default, with = "super::iso::opt_date")]
    pub closed_on: Option<NaiveDate>,
    /// The board whose workshop it opened, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board_id: Option<Id>,
}
super::meta::entity!(Check, "check");

fn default_threshold() -> u32 {
    MIN_THRESHOLD
}

impl Check {
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }

    /// The threshold as it applies (a file cannot lower it below the minimum).
    pub fn threshold(&self) -> u32 {
        self.threshold.clamp(MIN_THRESHOLD, MAX_THRESHOLD)
    }

    pub fn statement(&self, id: &Id) -> Option<&Statement> {
        self.statements.iter().find(|s| &s.id == id)
    }

    /// "Check of 2026-12-03".
    pub fn title(&self) -> String {
        match &self.opened_on {
            Some(d) => format!("Check of {}", super::iso::format_date(d)),
            None => "Check".to_owned(),
        }
    }
}

/// One score given to one statement, linked to no other answer and to no person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub check_id: Id,
    pub statement_id: Id,
    /// As answered, 1 (strongly disagree) to 5 (strongly agree); a skip writes no answer.
    pub score: u8,
}

/// That somebody answered a check: what "3 of 5 answered" counts. Nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub check_id: Id,
}

macro_rules! unordered {
    ($t:ty, $kind:literal) => {
        impl Entity for $t {
            const KIND: &'static str = $kind;
            const UNORDERED: bool = true;
            fn meta(&self) -> &Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }
        }
    };
}
unordered!(Answer, "check answer");
unordered!(Response, "check response");

/// A hex SHA-256 of the parts, as an id: one-way, so an answer's id does not give away the
/// response id it was made from (and with it the person's other answers).
fn hashed_id(parts: &[&str]) -> Id {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        // A separator that cannot occur in an id keeps ("ab","c") apart from ("a","bc").
        h.update([0u8]);
    }
    let digest = h.finalize();
    Id(digest.iter().take(16).map(|b| format!("{b:02x}")).collect())
}

/// The id of the answer response `response` gives to `statement` of `check`.
pub fn answer_id(check: &Id, response: &Id, statement: &Id) -> Id {
    hashed_id(&["climb.check.answer", &check.0, &response.0, &statement.0])
}

/// The id of the record counting response `response` to `check`.
pub fn response_id(check: &Id, response: &Id) -> Id {
    hashed_id(&["climb.check.response", &check.0, &response.0])
}

/// The metadata every answer and response is written with: version 1, no nonce, and the
/// day only, so neither when nor in what order people answered can be read back.
pub fn anonymous_meta(id: Id, day: NaiveDate) -> Meta {
    Meta {
        id,
        version: 1,
        version_nonce: 0,
        updated_at: day_start(day),
        deleted: false,
    }
}

fn day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
}

/// What one person answers: a score (1–5) or a skip (`None`) per statement.
pub type Answers = Vec<(Id, Option<u8>)>;
