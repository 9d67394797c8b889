//! Why a command was refused, in words for the user.

use super::goals::GoalState;
use super::meta::Id;
use super::workshop::Phase;
use std::fmt;

/// Why a command was refused. The workspace is unchanged when a command fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    NotFound {
        kind: &'static str,
        id: Id,
    },
    EmptyName,
    DuplicateName(String),
    DuplicateTeam(String),
    LastTeam,
    EmptyText,
    /// A rung id that is not on the board.
    NoSuchRung,
    /// A move past the top or bottom rung.
    NoRungThere,
    /// A line position outside the ladder.
    LineOutside,
    /// Removing the last rung would leave no ladder.
    LastRung,
    /// A goal cannot go from one state to another (e.g. done to missed).
    Transition {
        from: GoalState,
        to: &'static str,
    },
    /// Dropping or renegotiating needs a reason.
    ReasonRequired,
    /// Only a missed goal is reviewed.
    NotMissed,
    /// No review (or no corrective action) to turn into a goal.
    NoCorrectiveAction,
    /// The review already has its follow-up goal.
    AlreadyFollowedUp,
    /// The covenant is not in a state that allows this.
    CovenantState(&'static str),
    /// Activation needs a review date.
    ReviewDateRequired,
    /// A review ends with a next review date after today.
    NextReviewDate,
    /// A review records what the team learned.
    LearnedRequired,
    /// Rows left empty, by name, to fill in or remove before publishing.
    EmptyRows(String),
    /// The typed name does not match the member signing.
    NameMismatch,
    /// An amendment that changes nothing in the wording.
    NothingChanged,
    /// The board has no workshop session.
    NoSession,
    /// Not possible in the session's current phase.
    WrongPhase(Phase),
    /// The card is stacked in a group: the group is placed, voted and climbed as one.
    Grouped,
    /// A card cannot be stacked onto itself or its own group.
    SameGroup,
    /// Ungrouping a card that is in no group.
    NotGrouped,
    /// All of a participant's dots are spent.
    VoteLimit(u32),
    /// The card belongs to another board.
    OtherBoard,
    /// The safety check is not in a state that allows this (the reason, for people).
    Check(&'static str),
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::NotFound { kind, .. } => {
                write!(
                    f,
                    "That {kind} no longer exists (it may have been deleted)."
                )
            }
            DomainError::EmptyName => f.write_str("A name cannot be empty."),
            DomainError::DuplicateName(n) => write!(f, "“{n}” is already on the team."),
            DomainError::DuplicateTeam(n) => write!(f, "There is already a team called “{n}”."),
            DomainError::LastTeam => {
                f.write_str("Keep at least one team open: create another team first.")
            }
            DomainError::EmptyText => f.write_str("Write something first."),
            DomainError::NoSuchRung => f.write_str("That rung is not on this board."),
            DomainError::NoRungThere => f.write_str("There is no rung further that way."),
            DomainError::LineOutside => f.write_str("The line must sit between rungs."),
            DomainError::LastRung => f.write_str("A ladder needs at least one rung."),
            DomainError::Transition { from, to } => write!(
                f,
                "A goal that is {} cannot be {to}.",
                from.label().to_lowercase()
            ),
            DomainError::ReasonRequired => f.write_str("Say why, in a few words."),
            DomainError::NotMissed => f.write_str("Only a missed goal gets a review."),
            DomainError::NoCorrectiveAction => {
                f.write_str("Write the review's corrective action first.")
            }
            DomainError::AlreadyFollowedUp => {
                f.write_str("This corrective action is already a goal.")
            }
            DomainError::CovenantState(why) => f.write_str(why),
            DomainError::NextReviewDate => {
                f.write_str("Choose the next review date: a day after today.")
            }
            DomainError::EmptyRows(rows) => {
                write!(f, "Fill in or remove the empty rows first: {rows}.")
            }
            DomainError::LearnedRequired => {
                f.write_str("Write what the team learned, in a line or two.")
            }
            DomainError::ReviewDateRequired => {
                f.write_str("Set a review date first: covenants are living documents.")
            }
            DomainError::NameMismatch => {
                f.write_str("Type your name exactly as it is on the team list to sign.")
            }
            DomainError::NothingChanged => f.write_str("The wording is the same as in force."),
            DomainError::NoSession => f.write_str("Start the workshop first."),
            DomainError::WrongPhase(p) => write!(f, "Not possible during {}.", p.label()),
            DomainError::Grouped => f.write_str(
                "That card is part of a group: the group is placed, voted and climbed as one.",
            ),
            DomainError::SameGroup => f.write_str("Those cards are already in one group."),
            DomainError::NotGrouped => f.write_str("That card is not in a group."),
            DomainError::VoteLimit(n) => write!(f, "All {n} dots are spent: take one back first."),
            DomainError::OtherBoard => f.write_str("That card is on another board."),
            DomainError::Check(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for DomainError {}
