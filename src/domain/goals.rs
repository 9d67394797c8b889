//! Micro-goals: small verifiable commitments, their check-ins, renegotiations and no-blame
//! reviews, and the figures that show momentum. Dates are calendar days in the user's local
//! calendar; "today" always comes in as a parameter.

use super::meta::{entity, Id, Meta};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use super::goal_momentum::{done_per_week, streak, week_start};

/// Where a goal stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GoalState {
    #[default]
    Open,
    /// Still open, on terms changed openly (see [`Goal::history`]).
    Renegotiated,
    Done,
    Missed,
    Dropped,
}

impl GoalState {
    /// Open or renegotiated: the commitment still runs.
    pub fn is_active(self) -> bool {
        matches!(self, GoalState::Open | GoalState::Renegotiated)
    }

    pub fn label(self) -> &'static str {
        match self {
            GoalState::Open => "Open",
            GoalState::Renegotiated => "Renegotiated",
            GoalState::Done => "Done",
            GoalState::Missed => "Missed",
            GoalState::Dropped => "Dropped",
        }
    }
}

/// The terms a goal had before a renegotiation, the terms after, and why they changed.
/// Records from builds before the new terms were kept have only the old ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Renegotiation {
    #[serde(with = "super::iso::opt_date")]
    pub on: Option<NaiveDate>,
    pub old_outcome: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub old_due: Option<NaiveDate>,
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub new_outcome: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::iso::opt_date"
    )]
    pub new_due: Option<NaiveDate>,
    /// Set when the owner changed: who owned it before and after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_change: Option<OwnerChange>,
}

/// A goal handed from one owner to another (either may be nobody yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerChange {
    #[serde(default)]
    pub from: Option<Id>,
    #[serde(default)]
    pub to: Option<Id>,
}

impl Renegotiation {
    /// The change in words, with people named by `name`: "was “A”, due 1 Dec; now “B”, due
    /// 8 Dec; owner Ana → Ben; because …".
    pub fn text(&self, name: &dyn Fn(&Option<Id>) -> String) -> String {
        let due = |d: Option<NaiveDate>| {
            d.map(|d| format!(", due {}", super::iso::format_date(&d)))
                .unwrap_or_default()
        };
        let mut parts = vec![format!("was “{}”{}", self.old_outcome, due(self.old_due))];
        if !self.new_outcome.is_empty() {
            parts.push(format!("now “{}”{}", self.new_outcome, due(self.new_due)));
        }
        if let Some(o) = &self.owner_change {
            parts.push(format!("owner {} → {}", name(&o.from), name(&o.to)));
        }
        format!(
            "{}: {}; because {}",
            self.on
                .map(|d| super::iso::format_date(&d))
                .unwrap_or_default(),
            parts.join("; "),
            self.reason
        )
    }
}

/// A partner's offer of help on a check-in ("How can I help?").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    #[serde(default)]
    pub by: Option<Id>,
    pub text: String,
}

/// A brief, solution-focused check-in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub id: Id,
    #[serde(with = "super::iso::opt_date")]
    pub on: Option<NaiveDate>,
    #[serde(default)]
    pub done: String,
    #[serde(default)]
    pub next: String,
    #[serde(default)]
    pub blocker: String,
    #[serde(default)]
    pub offers: Vec<Offer>,
}

/// The no-blame review of a missed goal: what we learn, not who failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub root_cause: String,
    pub corrective_action: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub review_on: Option<NaiveDate>,
    /// The goal made from the corrective action, once it exists.
    #[serde(default)]
    pub follow_up_goal: Option<Id>,
}

/// A small, quickly verifiable commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    /// The team this belongs to (see [`super::teams`]); missing only in data older than
    /// teams, until restore settles it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_id: Option<super::meta::Id>,
    /// One sentence anyone can check.
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub owner: Option<Id>,
    #[serde(default)]
    pub partner: Option<Id>,
    #[serde(default, with = "super::iso::opt_date")]
    pub due: Option<NaiveDate>,
    /// When the partner checks in next.
    #[serde(default, with = "super::iso::opt_date")]
    pub follow_up: Option<NaiveDate>,
    /// How we will know it is done.
    #[serde(default)]
    pub verification: String,
    #[serde(default, with = "super::iso::opt_date")]
    pub created_on: Option<NaiveDate>,
    #[serde(default)]
    pub state: GoalState,
    #[serde(default, with = "super::iso::opt_date")]
    pub closed_on: Option<NaiveDate>,
    /// Why it was dropped (required to drop).
    #[serde(default)]
    pub drop_reason: String,
    #[serde(default)]
    pub history: Vec<Renegotiation>,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub review: Option<Review>,
    /// The board card it came from.
    #[serde(default)]
    pub card: Option<Id>,
    /// The covenant clause it serves.
    #[serde(default)]
    pub clause: Option<Id>,
    /// The missed goal whose corrective action this goal is.
    #[serde(default)]
    pub from_goal: Option<Id>,
    /// "What could get in the way?", and how we prevent it (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub risk: String,
    /// The safety check whose statement it acts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_check: Option<Id>,
}
entity!(Goal, "goal");

/// Thresholds for the nudges; teams can change them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nudges {
    /// A due date further than this from creation may not be micro.
    pub max_days: i64,
    /// Open goals per owner before a focus warning.
    pub focus_limit: usize,
    /// Days without a check-in before a goal counts as stale.
    pub cadence_days: i64,
}

impl Default for Nudges {
    fn default() -> Self {
        Nudges {
            max_days: 14,
            focus_limit: 3,
            cadence_days: 7,
        }
    }
}

impl Goal {
    /// A goal just made: open since `today`, with its team and outcome and nothing else yet;
    /// whoever makes it fills in the rest (`Goal { due, ..Goal::new(..) }`).
    pub fn new(meta: Meta, team_id: Option<Id>, outcome: String, today: NaiveDate) -> Goal {
        Goal {
            meta,
            team_id,
            outcome,
            owner: None,
            partner: None,
            due: None,
            follow_up: None,
            verification: String::new(),
            created_on: Some(today),
            state: GoalState::Open,
            closed_on: None,
            drop_reason: String::new(),
            history: Vec::new(),
            check_ins: Vec::new(),
            review: None,
            card: None,
            clause: None,
            from_goal: None,
            from_check: None,
            risk: String::new(),
        }
    }

    /// A missed goal stays in the working views until the team has learned from it: its
    /// no-blame review written and, if it names a corrective action, that action a goal.
    pub fn awaits_learning(&self) -> bool {
        self.state == GoalState::Missed
            && self
                .review
                .as_ref()
                .is_none_or(|r| !r.corrective_action.is_empty() && r.follow_up_goal.is_none())
    }

    /// Past its due date and still running.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.state.is_active() && self.due.is_some_and(|d| d < today)
    }

    /// The last day something happened on the goal: its latest check-in, or its creation.
    pub fn last_touch(&self) -> Option<NaiveDate> {
        self.check_ins
            .iter()
            .filter_map(|c| c.on)
            .max()
            .or(self.created_on)
    }

    /// Running without a check-in for longer than the cadence, or past its follow-up date
    /// with no check-in since.
    pub fn is_stale(&self, today: NaiveDate, nudges: &Nudges) -> bool {
        if !self.state.is_active() {
            return false;
        }
        let last = self.last_touch();
        let quiet = last.is_some_and(|d| (today - d).num_days() > nudges.cadence_days);
        let missed_follow_up = self
            .follow_up
            .is_some_and(|f| f < today && last.is_none_or(|l| l < f));
        quiet || missed_follow_up
    }

    /// Reasons the goal may not be micro: far-off due date, or no way to verify it.
    pub fn micro_flags(&self, nudges: &Nudges) -> Vec<&'static str> {
        let mut flags = Vec::new();
        if let (Some(due), Some(created)) = (self.due, self.created_on) {
            if (due - created).num_days() > nudges.max_days {
                flags.push("The due date is far off: can a smaller step be done sooner?");
            }
        }
        if self.verification.trim().is_empty() {
            flags.push("How will anyone know it is done? Add a way to verify it.");
        }
        flags
    }

    /// What the goal's card asks the team, as questions (never as blame): past its due date,
    /// no check-in for a while, and while it runs, what may keep it from being micro.
    pub fn questions(&self, today: NaiveDate, nudges: &Nudges) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.is_overdue(today) {
            out.push("Past its due date: what's blocking you?");
        }
        if self.is_stale(today, nudges) {
            out.push("No check-in for a while: how can we help?");
        }
        if self.state.is_active() {
            out.extend(self.micro_flags(nudges));
        }
        out
    }
}

/// Owners with more running goals than the focus limit, and how many they have.
pub fn focus_warnings<'a>(
    goals: impl IntoIterator<Item = &'a Goal>,
    nudges: &Nudges,
) -> Vec<(Id, usize)> {
    let mut per_owner: BTreeMap<Id, usize> = BTreeMap::new();
    for g in goals {
        if let (true, Some(owner)) = (g.state.is_active(), &g.owner) {
            *per_owner.entry(owner.clone()).or_default() += 1;
        }
    }
    per_owner
        .into_iter()
        .filter(|(_, n)| *n > nudges.focus_limit)
        .collect()
}

/// The due-date groups of the "by due date" view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueGroup {
    Overdue,
    ThisWeek,
    Later,
    NoDate,
    Closed,
}

pub fn due_group(g: &Goal, today: NaiveDate) -> DueGroup {
    if !g.state.is_active() {
        return DueGroup::Closed;
    }
    match g.due {
        None => DueGroup::NoDate,
        Some(d) if d < today => DueGroup::Overdue,
        Some(d) if week_start(d) == week_start(today) => DueGroup::ThisWeek,
        Some(_) => DueGroup::Later,
    }
}

/// How a member holds an open goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holds {
    Owner,
    Partner,
}

/// The open goals `member` owns or partners: before they leave the team, each is handed
/// over, so that no goal is left without an owner silently.
pub fn held_goals<'a>(
    goals: impl IntoIterator<Item = &'a Goal>,
    member: &Id,
) -> Vec<(&'a Goal, Holds)> {
    goals
        .into_iter()
        .filter(|g| g.state.is_active())
        .filter_map(|g| {
            if g.owner.as_ref() == Some(member) {
                Some((g, Holds::Owner))
            } else if g.partner.as_ref() == Some(member) {
                Some((g, Holds::Partner))
            } else {
                None
            }
        })
        .collect()
}
