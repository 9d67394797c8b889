//! The commands a user asks for, one enum per tool, each a [`Command`]; how each changes the
//! workspace is in the `*_commands` modules and [`super::workspace::Workspace::apply_in`].

pub use super::check_commands::CheckCommand;
use super::covenant::Terms;
use super::ladder::{Mindset, Template};
use super::merge::DeletedKind;
use super::meta::Id;
use super::rhythm::RhythmSettings;
use super::teams::TeamCommand;
use super::workshop::Phase;
use chrono::NaiveDate;

/// A change a user asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    AddMember {
        name: String,
    },
    RenameMember {
        id: Id,
        name: String,
    },
    RemoveMember {
        id: Id,
    },
    /// Boards and cards: see [`super::ladder`].
    Board(BoardCommand),
    /// Micro-goals: see [`super::goals`].
    Goal(GoalCommand),
    /// The covenant: see [`super::covenant`].
    Covenant(CovenantCommand),
    /// Workshop sessions: see [`super::workshop`].
    Workshop(WorkshopCommand),
    /// The team's rhythm: see [`super::rhythm`].
    SetRhythm(RhythmSettings),
    /// Teams, their rosters and saved ladders: see [`super::teams`].
    Team(TeamCommand),
    /// The safety, trust and clarity check: see [`super::check`].
    Check(CheckCommand),
    /// Brings back a deleted record (a board with the cards deleted with it).
    Undelete {
        kind: DeletedKind,
        id: Id,
    },
    /// Several commands as one change: all apply or none does, and one undo reverts them
    /// together (e.g. every field of a card's editor). Named after the first that changes
    /// something.
    All(Vec<Command>),
}

/// Each kind of command is a [`Command`], so `dispatch` takes any of them as they are.
macro_rules! into_command {
    ($($kind:ident => $variant:ident),* $(,)?) => {
        $(impl From<$kind> for Command {
            fn from(c: $kind) -> Command {
                Command::$variant(c)
            }
        })*
    };
}
into_command!(
    BoardCommand => Board,
    WorkshopCommand => Workshop,
    CovenantCommand => Covenant,
    GoalCommand => Goal,
    TeamCommand => Team,
    CheckCommand => Check,
);

/// Changes to a board's workshop session and the participants' ballots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkshopCommand {
    /// Starts (or restarts at Set the stage) a session with these participants.
    Start {
        board: Id,
        participants: Vec<Id>,
    },
    SetParticipants {
        board: Id,
        participants: Vec<Id>,
    },
    /// Goes to a phase. Entering Reveal places every card where the group converges.
    GoTo {
        board: Id,
        phase: Phase,
    },
    SetVoteLimit {
        board: Id,
        limit: u32,
    },
    /// A participant's private placement of a card (`rung: None` takes it back): open until
    /// Reveal shows the placements.
    Place {
        board: Id,
        member: Id,
        card: Id,
        rung: Option<Id>,
    },
    /// A participant adds one dot to a card, within the limit: open until Vote ends.
    Vote {
        board: Id,
        member: Id,
        card: Id,
    },
    /// A participant takes one dot back from a card: open until Vote ends.
    Unvote {
        board: Id,
        member: Id,
        card: Id,
    },
    /// A participant writes a card in their turn, open until Reveal. The card is anonymous
    /// (no author stored anywhere) unless `signed`, when the participant is its author.
    Write {
        board: Id,
        member: Id,
        text: String,
        signed: bool,
    },
    /// Stacks `card` (and any card already stacked on it) onto `onto`'s group: one item to
    /// place, vote and climb, keeping every text.
    Group {
        card: Id,
        onto: Id,
    },
    /// Takes every card out of the group that `card` leads or belongs to; they come back
    /// where the group is.
    Ungroup {
        card: Id,
    },
    /// Records the answer to a rung's prompt on a card.
    Answer {
        card: Id,
        rung: Id,
        text: String,
    },
}

/// Changes to a covenant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CovenantCommand {
    Create {
        title: String,
        team: String,
    },
    /// Replaces the terms of a draft (an active covenant changes only by amendment).
    EditDraft {
        id: Id,
        terms: Terms,
    },
    /// Adds a starter clause (by key) to the behaviours of a draft.
    AddStarter {
        id: Id,
        key: String,
    },
    /// Publishes the draft as version 1; needs a review date.
    Activate {
        id: Id,
    },
    /// A member signs the version in force with their typed name.
    Sign {
        id: Id,
        member: Id,
        typed_name: String,
    },
    /// Publishes changed terms as the next version, with the reason.
    Amend {
        id: Id,
        terms: Terms,
        reason: String,
    },
    StartReview {
        id: Id,
    },
    /// Ends a review without changing the wording: records what the team learned and sets
    /// the next review date (after `today`). Signatures stay current. An amendment also ends
    /// a review, and records it with its reason as what was learned.
    Reaffirm {
        id: Id,
        learned: String,
        next: NaiveDate,
        today: NaiveDate,
    },
    Delete {
        id: Id,
    },
}

/// Changes to micro-goals. `today` is the user's local date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalCommand {
    Create {
        outcome: String,
        owner: Option<Id>,
        partner: Option<Id>,
        due: Option<NaiveDate>,
        follow_up: Option<NaiveDate>,
        verification: String,
        card: Option<Id>,
        clause: Option<Id>,
        today: NaiveDate,
    },
    /// Changes what may change without renegotiating: partner, follow-up, verification, the
    /// covenant clause it serves, what could get in the way.
    Edit {
        id: Id,
        partner: Option<Id>,
        follow_up: Option<NaiveDate>,
        verification: String,
        clause: Option<Id>,
        risk: String,
    },
    /// Hands the goal to another owner openly: logged as a renegotiation, with the reason.
    ChangeOwner {
        id: Id,
        owner: Option<Id>,
        reason: String,
        today: NaiveDate,
    },
    /// Changes the outcome or the due date openly: the old terms and the reason are kept.
    Renegotiate {
        id: Id,
        outcome: String,
        due: Option<NaiveDate>,
        reason: String,
        today: NaiveDate,
    },
    CheckIn {
        id: Id,
        done: String,
        next: String,
        blocker: String,
        today: NaiveDate,
    },
    /// A partner's "How can I help?" on a check-in.
    Offer {
        id: Id,
        check_in: Id,
        by: Option<Id>,
        text: String,
    },
    MarkDone {
        id: Id,
        today: NaiveDate,
    },
    MarkMissed {
        id: Id,
        today: NaiveDate,
    },
    Drop {
        id: Id,
        reason: String,
        today: NaiveDate,
    },
    /// The no-blame review of a missed goal.
    Review {
        id: Id,
        root_cause: String,
        corrective_action: String,
        review_on: Option<NaiveDate>,
    },
    /// Turns a review's corrective action into a new goal for the same owner and partner.
    FromReview {
        id: Id,
        due: Option<NaiveDate>,
        today: NaiveDate,
    },
    Delete {
        id: Id,
    },
}

/// Changes to a ladder board and its cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoardCommand {
    Create {
        title: String,
        date: Option<NaiveDate>,
        team: String,
        facilitator: Option<Id>,
        template: Template,
    },
    Update {
        id: Id,
        title: String,
        date: Option<NaiveDate>,
        team: String,
        facilitator: Option<Id>,
    },
    /// A new board on a team's saved ladder.
    CreateFromLadder {
        title: String,
        date: Option<NaiveDate>,
        facilitator: Option<Id>,
        ladder: Id,
    },
    Duplicate {
        id: Id,
    },
    Delete {
        id: Id,
    },
    /// Replaces the rungs; cards keep a rung of the same name, the rest go to the tray.
    ApplyTemplate {
        board: Id,
        template: Template,
    },
    EditRung {
        board: Id,
        rung: Id,
        name: String,
        description: String,
        prompt: String,
    },
    /// Adds a rung at the top of the half below (or above) the line.
    AddRung {
        board: Id,
        name: String,
        below: bool,
    },
    RemoveRung {
        board: Id,
        rung: Id,
    },
    MoveRung {
        board: Id,
        rung: Id,
        delta: i32,
    },
    /// Sets how many rungs sit below the line.
    MoveLine {
        board: Id,
        line: usize,
    },
    AddCard {
        board: Id,
        text: String,
        author: Option<Id>,
        rung: Option<Id>,
    },
    EditCard {
        id: Id,
        text: String,
    },
    SetCardAuthor {
        id: Id,
        author: Option<Id>,
    },
    SetCardOwner {
        id: Id,
        owner: Option<Id>,
    },
    ToggleCardTag {
        id: Id,
        tag: Mindset,
    },
    /// Moves a card to a rung (`None`: the tray) and records the move in its path.
    MoveCard {
        id: Id,
        to: Option<Id>,
    },
    /// Moves a card `delta` rungs up (positive) or down.
    MoveCardBy {
        id: Id,
        delta: i32,
    },
    DeleteCard {
        id: Id,
    },
}
