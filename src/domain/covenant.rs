//! The team covenant: terms written together, activated, signed, amended and reviewed.
//!
//! The *terms* are what the team agrees to. Activating the covenant publishes the terms as
//! version 1; from then on any change is an amendment, published as the next version with its
//! reason. A signature records the fingerprint of the version it signs (a SHA-256 of the
//! terms' canonical text), so signatures of older versions show as needing renewal.

use super::meta::{entity, Id, Meta};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use super::covenant_diff::{changed_words, diff, shown_diff, DiffLine, Piece, MAX_DIFF_CELLS};
pub use super::covenant_text::{covenant_markdown, STARTER_CLAUSES};

/// The five dimensions of clarity every commitment needs.
pub const CLARITY: [&str; 5] = [
    "specific expectations",
    "adequate resources",
    "clear measurements",
    "defined feedback loops",
    "transparent consequences",
];

/// A behaviour or a metric of success, with its clarity checklist (guidance only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Clause {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    /// Which of [`CLARITY`] the team has made clear, in that order.
    #[serde(default)]
    pub clarity: [bool; 5],
}

/// Who decides what (DACI).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionRight {
    pub id: Id,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub driver: Option<Id>,
    #[serde(default)]
    pub approver: Option<Id>,
    #[serde(default)]
    pub contributors: Vec<Id>,
    #[serde(default)]
    pub informed: Vec<Id>,
}

/// One step of the escalation path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EscalationStep {
    pub id: Id,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub how: String,
}

/// What the team agrees to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Terms {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub intent: String,
    #[serde(default)]
    pub behaviours: Vec<Clause>,
    #[serde(default)]
    pub decision_rights: Vec<DecisionRight>,
    #[serde(default)]
    pub escalation: Vec<EscalationStep>,
    #[serde(default)]
    pub metrics: Vec<Clause>,
    #[serde(default, with = "super::iso::opt_date")]
    pub review_on: Option<NaiveDate>,
}

/// A published version of the terms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Version {
    pub number: u32,
    pub terms: Terms,
    /// Why this version was made ("First version" for the activation).
    #[serde(default)]
    pub reason: String,
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    pub fingerprint: String,
}

/// A member's signature on one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub member: Id,
    /// The name as the member typed it.
    pub typed_name: String,
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    pub version: u32,
    pub fingerprint: String,
}

/// How a review ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewOutcome {
    /// The wording stays; only the next review date is set.
    #[default]
    Reaffirmed,
    /// The review published a new version.
    Amended,
}

/// A completed review: what the team learned, how it ended, and when the next one is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    #[serde(with = "super::iso::instant")]
    pub at: DateTime<Utc>,
    /// A few lines in the team's words.
    #[serde(default)]
    pub learned: String,
    #[serde(default)]
    pub outcome: ReviewOutcome,
    /// The version in force after the review.
    #[serde(default)]
    pub version: u32,
    #[serde(default, with = "super::iso::opt_date")]
    pub next: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CovenantState {
    #[default]
    Draft,
    Active,
    UnderReview,
}

/// A team's joint covenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Covenant {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    /// The team this belongs to (see [`super::teams`]); missing only in data older than
    /// teams, until restore settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<super::meta::Id>,
    /// The terms being written (in a draft) or in force (the latest version).
    #[serde(default)]
    pub terms: Terms,
    #[serde(default)]
    pub state: CovenantState,
    /// Published versions, oldest first.
    #[serde(default)]
    pub versions: Vec<Version>,
    #[serde(default)]
    pub signatures: Vec<Signature>,
    /// Completed reviews, oldest first (absent from files before reviews were recorded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}
entity!(Covenant, "covenant");

impl Terms {
    /// Whether a behaviour already carries the starter clause's title `title` (the library
    /// offers each starter once; the copy may have been reworded since).
    pub fn has_starter(&self, title: &str) -> bool {
        let t = title.trim();
        self.behaviours.iter().any(|c| c.title.trim() == t)
    }

    /// The rows left empty, by name ("behaviour 2", "decision 1"): a covenant is not
    /// activated or amended with them (a "Behaviour: :" line binds nobody to anything).
    pub fn empty_rows(&self) -> Vec<String> {
        let blank = |s: &str| s.trim().is_empty();
        let mut out = Vec::new();
        for (noun, list) in [("behaviour", &self.behaviours), ("metric", &self.metrics)] {
            for (i, c) in list.iter().enumerate() {
                if blank(&c.title) || blank(&c.text) {
                    out.push(format!("{noun} {}", i + 1));
                }
            }
        }
        for (i, d) in self.decision_rights.iter().enumerate() {
            if blank(&d.decision) {
                out.push(format!("decision {}", i + 1));
            }
        }
        for (i, s) in self.escalation.iter().enumerate() {
            if blank(&s.who) && blank(&s.when) && blank(&s.how) {
                out.push(format!("escalation step {}", i + 1));
            }
        }
        out
    }

    /// Every clause: the behaviours, then the metrics.
    pub fn clauses(&self) -> impl Iterator<Item = &Clause> {
        self.behaviours.iter().chain(&self.metrics)
    }

    /// Behaviours and metrics with the dimensions of clarity still open, as guidance.
    pub fn unclear(&self) -> Vec<(String, Vec<&'static str>)> {
        self.clauses()
            .filter_map(|c| {
                let open: Vec<&'static str> = CLARITY
                    .iter()
                    .zip(c.clarity)
                    .filter(|(_, done)| !done)
                    .map(|(d, _)| *d)
                    .collect();
                (!open.is_empty()).then(|| (c.title.clone(), open))
            })
            .collect()
    }
}

impl Covenant {
    /// The version in force, if the covenant was ever activated.
    pub fn current(&self) -> Option<&Version> {
        self.versions.last()
    }

    /// Whether a signature is on the wording in force (a new review date alone does not
    /// ask anyone to sign again).
    pub fn is_current(&self, s: &Signature) -> bool {
        let wording = |n: u32| {
            self.versions
                .iter()
                .find(|v| v.number == n)
                .map(|v| v.terms.fingerprint())
        };
        self.current()
            .is_some_and(|c| wording(s.version) == Some(c.terms.fingerprint()))
    }

    /// Whether a signature's fingerprint matches the wording of the version it claims: a
    /// signature that does not (edited in a file, or made up) is shown as not verified.
    pub fn verified(&self, s: &Signature) -> bool {
        self.versions
            .iter()
            .find(|v| v.number == s.version)
            .is_some_and(|v| v.terms.has_fingerprint(&s.fingerprint))
    }

    /// Each member's latest signature and its state. Each version's wording is fingerprinted
    /// once, however many signatures there are.
    pub fn signature_states(&self) -> Vec<(&Signature, SignatureState)> {
        let latest = self.latest_signatures();
        // Per version: its wording's fingerprint, and the older form with the date.
        let mut prints: std::collections::BTreeMap<u32, (String, String)> =
            std::collections::BTreeMap::new();
        for s in &latest {
            if let std::collections::btree_map::Entry::Vacant(slot) = prints.entry(s.version) {
                if let Some(v) = self.versions.iter().find(|v| v.number == s.version) {
                    slot.insert((v.terms.fingerprint(), v.terms.fingerprint_with_date()));
                }
            }
        }
        let current = self.current().map(|c| c.terms.fingerprint());
        latest
            .into_iter()
            .map(|s| {
                let print = prints.get(&s.version);
                let verified =
                    print.is_some_and(|(p, old)| *p == s.fingerprint || *old == s.fingerprint);
                let state = if !verified {
                    SignatureState::NotVerified
                } else if print.map(|(p, _)| p) == current.as_ref() {
                    SignatureState::Current
                } else {
                    SignatureState::Renew
                };
                (s, state)
            })
            .collect()
    }

    /// Each member's latest signature, and whether it needs renewing (or is not verified).
    pub fn signature_status(&self) -> Vec<(&Signature, bool)> {
        self.signature_states()
            .into_iter()
            .map(|(s, st)| (s, st != SignatureState::Current))
            .collect()
    }

    fn latest_signatures(&self) -> Vec<&Signature> {
        let mut latest: Vec<&Signature> = Vec::new();
        let mut at: std::collections::BTreeMap<&Id, usize> = std::collections::BTreeMap::new();
        for s in &self.signatures {
            match at.get(&s.member) {
                Some(&i) => {
                    if s.version >= latest[i].version {
                        latest[i] = s;
                    }
                }
                None => {
                    at.insert(&s.member, latest.len());
                    latest.push(s);
                }
            }
        }
        latest
    }

    /// The review date when it has passed: "overdue since" it.
    pub fn review_overdue(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.terms
            .review_on
            .filter(|d| self.state != CovenantState::Draft && *d < today)
    }

    /// What the home page says when the review is near (within `days`) or past.
    pub fn review_reminder(&self, today: NaiveDate, days: i64) -> Option<String> {
        if !self.review_due(today, days) {
            return None;
        }
        let title = &self.terms.title;
        let date = super::iso::format_date(&self.terms.review_on?);
        Some(match (self.review_overdue(today), self.state) {
            (_, CovenantState::UnderReview) => {
                format!("The covenant “{title}” is under review: finish it with what we learned.")
            }
            (Some(_), _) => format!("The covenant “{title}” review is overdue since {date}."),
            (None, _) => format!("The covenant “{title}” is due for review on {date}."),
        })
    }

    /// Whether the review date is today, past, or within `days`.
    pub fn review_due(&self, today: NaiveDate, days: i64) -> bool {
        self.state != CovenantState::Draft
            && self
                .terms
                .review_on
                .is_some_and(|d| (d - today).num_days() <= days)
    }
}

/// Where a signature stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureState {
    /// On the wording in force.
    Current,
    /// On an earlier version's wording: to renew.
    Renew,
    /// Its fingerprint matches no version's wording.
    NotVerified,
}

/// An amendment being written, kept in the browser (not the workspace) until it is
/// published or discarded, so that a reload does not lose it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AmendmentDraft {
    pub terms: Terms,
    #[serde(default)]
    pub reason: String,
}

/// A review being written: what the team learned and the next date, kept like an
/// [`AmendmentDraft`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDraft {
    #[serde(default)]
    pub learned: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub next: Option<NaiveDate>,
}

/// Reads a draft kept in the browser; anything unreadable is no draft.
pub fn read_draft<T: serde::de::DeserializeOwned>(text: Option<&str>) -> Option<T> {
    text.and_then(|t| serde_json::from_str(t).ok())
}

/// The text a draft is kept as.
pub fn draft_json<T: Serialize>(draft: &T) -> String {
    serde_json::to_string(draft).unwrap_or_default()
}
