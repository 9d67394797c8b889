//! The workspace (everything one browser holds) and the commands that change it.
//!
//! Every change goes through [`Workspace::apply`], which returns a [`Change`]: the state of each
//! touched entity before and after. [`crate::domain::History`] keeps those for undo and redo.

use super::covenant::{Covenant, Terms};
use super::goals::{Goal, GoalState};
use super::kept::Kept;
use super::ladder::{Board, Card, Mindset, Template};
use super::merge::{cards_deleted_with, DeletedKind, Named};
use super::meta::{Entity, Id, Meta, Rng};
use super::rhythm::{Rhythm, RhythmSettings};
use super::roster::{clean_name, Member};
use super::teams::{Membership, SavedLadder, Team, TeamCommand};
use super::workshop::{Ballot, Phase, Tally};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;

/// Calls `$m!` with every entity kind the workspace stores, as `field: Type => "Label",`.
/// This is the one list of kinds: the workspace, undo, restore, export, merge and the import
/// preview all expand it, so a new kind is added here (and in its own module) only.
macro_rules! with_kinds {
    ($m:ident) => {
        $m! {
            teams: Team => "Teams",
            members: Member => "Team members",
            memberships: Membership => "Team memberships",
            boards: Board => "Boards",
            cards: Card => "Cards",
            covenants: Covenant => "Covenants",
            goals: Goal => "Micro-goals",
            ballots: Ballot => "Workshop placements and votes",
            tallies: Tally => "Workshop counts",
            rhythms: Rhythm => "Team rhythm",
            ladders: SavedLadder => "Saved ladders",
        }
    };
}
pub(crate) use with_kinds;

/// An entity kind the workspace stores in a collection of its own.
pub trait Stored: Entity + PartialEq + 'static {
    /// The collection's name, in the workspace and in files (`"boards"`).
    const COLLECTION: &'static str;
    /// The collection's name for people ("Boards").
    const LABEL: &'static str;
    fn all(ws: &Workspace) -> &Vec<Self>;
    fn all_mut(ws: &mut Workspace) -> &mut Vec<Self>;
    fn wrap(self) -> AnyEntity;
}

macro_rules! define_workspace {
    ($($field:ident: $t:ident => $label:literal,)*) => {
        /// Everything one browser keeps. Deleted entities stay as tombstones (see [`Meta`]);
        /// what this build cannot read stays in `kept`, verbatim.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Workspace {
            $(pub $field: Vec<$t>,)*
            pub kept: Kept,
        }

        /// Any stored entity, for code that handles all kinds alike (history, merge).
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum AnyEntity {
            $($t($t),)*
        }

        impl AnyEntity {
            pub fn meta(&self) -> &Meta {
                match self { $(AnyEntity::$t(e) => e.meta(),)* }
            }
            pub fn meta_mut(&mut self) -> &mut Meta {
                match self { $(AnyEntity::$t(e) => e.meta_mut(),)* }
            }
        }

        $(impl Stored for $t {
            const COLLECTION: &'static str = stringify!($field);
            const LABEL: &'static str = $label;
            fn all(ws: &Workspace) -> &Vec<Self> {
                &ws.$field
            }
            fn all_mut(ws: &mut Workspace) -> &mut Vec<Self> {
                &mut ws.$field
            }
            fn wrap(self) -> AnyEntity {
                AnyEntity::$t(self)
            }
        })*

        impl Workspace {
            pub(crate) fn put_any(&mut self, e: AnyEntity) {
                match e { $(AnyEntity::$t(x) => self.put(x),)* }
            }

            pub(crate) fn get_any_kind(&self, like: &AnyEntity) -> Option<AnyEntity> {
                let id = &like.meta().id;
                match like {
                    $(AnyEntity::$t(_) => self.get_any::<$t>(id).cloned().map(Stored::wrap),)*
                }
            }

            /// Makes this workspace hold what `target` holds, as new versions of every record
            /// that differs (and tombstones for records `target` lacks), so that other tabs and
            /// copies take the replacement instead of merging the old records back. Returns
            /// the change, so it can be undone.
            pub fn replace_with(
                &mut self,
                target: &Workspace,
                now: DateTime<Utc>,
                rng: &mut Rng,
            ) -> Change {
                let mut tx = Tx::new(self, now, rng);
                $(tx.replace_kind(&target.$field);)*
                let change = tx.finish("replace the workspace".to_owned());
                self.kept = target.kept.clone();
                change
            }

            /// Takes every entity of `next` that differs from this workspace's copy (as a
            /// merge result does), keeping `next`'s versions, and `next`'s kept records;
            /// returns the change, so it can be undone.
            pub fn absorb(&mut self, next: &Workspace) -> Change {
                let mut entries = Vec::new();
                $(self.absorb_kind(&next.$field, &mut entries);)*
                self.kept = next.kept.clone();
                Change {
                    label: "import".to_owned(),
                    entries,
                }
            }
        }
    };
}
with_kinds!(define_workspace);

/// The state of one entity before and after a change (`before` is `None` for a new one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub before: Option<AnyEntity>,
    pub after: AnyEntity,
}

/// What one command did, with a short label for undo messages ("Undo: remove Ana").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub label: String,
    pub entries: Vec<Entry>,
}

impl Change {
    /// The id of the first entity the change created, if any.
    pub fn created(&self) -> Option<&Id> {
        self.entries
            .iter()
            .find(|e| e.before.is_none())
            .map(|e| &e.after.meta().id)
    }
}

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
    /// Brings back a deleted record (a board with the cards deleted with it).
    Undelete {
        kind: DeletedKind,
        id: Id,
    },
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
        }
    }
}

impl std::error::Error for DomainError {}

impl Workspace {
    /// The live (not deleted) entity of kind `T` with this id.
    pub fn get<T: Stored>(&self, id: &Id) -> Option<&T> {
        T::all(self).iter().find(|e| e.id() == id && e.is_live())
    }

    /// Live entities of kind `T`, in stored order.
    pub fn live<T: Stored>(&self) -> impl Iterator<Item = &T> {
        T::all(self).iter().filter(|e| e.is_live())
    }

    /// The entity with this id, deleted or not.
    pub(crate) fn get_any<T: Stored>(&self, id: &Id) -> Option<&T> {
        T::all(self).iter().find(|e| e.id() == id)
    }

    /// Stores `e`, replacing the entity with the same id or appending a new one.
    pub(crate) fn put<T: Stored>(&mut self, e: T) {
        let all = T::all_mut(self);
        match all.iter_mut().find(|x| x.id() == e.id()) {
            Some(slot) => *slot = e,
            None => all.push(e),
        }
    }

    fn absorb_kind<T: Stored>(&mut self, next: &[T], entries: &mut Vec<Entry>) {
        for e in next {
            let before = self.get_any::<T>(e.id()).cloned();
            if before.as_ref() != Some(e) {
                entries.push(Entry {
                    before: before.map(Stored::wrap),
                    after: e.clone().wrap(),
                });
                self.put(e.clone());
            }
        }
    }

    /// Applies `cmd` outside any team (records it creates get no team; see [`Self::apply_in`]).
    /// On error nothing has changed.
    pub fn apply(
        &mut self,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        self.apply_in(None, cmd, now, rng)
    }

    /// Applies `cmd` on behalf of `team`: what it creates belongs to that team, and names are
    /// unique within it. On error nothing has changed.
    pub fn apply_in(
        &mut self,
        team: Option<&Id>,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        let mut tx = Tx::new(self, now, rng);
        tx.team = team.cloned();
        let label = match cmd {
            Command::AddMember { name } => {
                let name = clean_name(name).ok_or(DomainError::EmptyName)?;
                tx.check_unique_member(&name, None)?;
                // With several teams, undo says which team it reverts.
                let label = match super::teams::name_among_several(tx.ws(), tx.team().as_ref()) {
                    Some(team) => format!("add {name} to {team}"),
                    None => format!("add {name}"),
                };
                let id = tx.insert(|meta| Member { meta, name });
                if let Some(team) = tx.team() {
                    super::teams::join(&mut tx, &team, &id)?;
                }
                label
            }
            Command::RenameMember { id, name } => {
                let name = clean_name(name).ok_or(DomainError::EmptyName)?;
                tx.check_unique_member(&name, Some(id))?;
                let label = format!("rename to {name}");
                tx.update::<Member>(id, |m| m.name = name)?;
                label
            }
            Command::RemoveMember { id } => remove_member(&mut tx, id)?,
            Command::Board(cmd) => super::board_commands::apply(&mut tx, cmd)?,
            Command::Goal(cmd) => super::goal_commands::apply(&mut tx, cmd)?,
            Command::Covenant(cmd) => super::covenant_commands::apply(&mut tx, cmd)?,
            Command::Workshop(cmd) => super::workshop_commands::apply(&mut tx, cmd)?,
            Command::SetRhythm(settings) => super::rhythm::apply(&mut tx, settings)?,
            Command::Team(cmd) => super::teams::apply(&mut tx, cmd)?,
            Command::Undelete { kind, id } => undelete(&mut tx, *kind, id)?,
        };
        Ok(tx.finish(label))
    }
}

/// Takes someone off the team in context; they leave Climb's roster only when that was
/// their last team (their name stays readable on what they did, as a tombstone).
fn remove_member(tx: &mut Tx, id: &Id) -> Result<String, DomainError> {
    let name = tx.get::<Member>(id)?.name.clone();
    if let Some(team) = tx.team() {
        let own = super::teams::membership_id(&team, id);
        let elsewhere = tx.ws().live::<Membership>().any(|m| {
            &m.member_id == id && m.meta.id != own && tx.ws().get::<Team>(&m.team_id).is_some()
        });
        if tx.ws().get::<Membership>(&own).is_some() {
            tx.delete::<Membership>(&own)?;
        }
        if elsewhere {
            let team_name = tx
                .get::<Team>(&team)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            return Ok(format!("remove {name} from {team_name}"));
        }
    }
    tx.delete::<Member>(id)?;
    Ok(format!("remove {name}"))
}

/// Brings back a deleted record as its next version.
fn undelete(tx: &mut Tx, kind: DeletedKind, id: &Id) -> Result<String, DomainError> {
    fn one<T: Stored + Named>(tx: &mut Tx, id: &Id) -> Result<String, DomainError> {
        let name = tx.revive::<T>(id)?;
        Ok(format!("bring back {} {name}", T::KIND))
    }
    match kind {
        DeletedKind::Member => {
            // Gone from Climb, or only from the team in context.
            let team = tx.team();
            let live = tx.ws().get::<Member>(id).cloned();
            let name = match &live {
                Some(m) => m.name.clone(),
                None => tx.deleted::<Member>(id)?.name.clone(),
            };
            tx.check_unique_member(&name, Some(id))?;
            if live.is_none() {
                tx.revive::<Member>(id)?;
            }
            if let Some(team) = team {
                super::teams::join(tx, &team, id)?;
            }
            Ok(format!("bring back team member {name}"))
        }
        DeletedKind::Board => {
            let board = tx.deleted::<Board>(id)?.clone();
            let cards: Vec<Id> = cards_deleted_with(tx.ws(), &board)
                .map(|c| c.meta.id.clone())
                .collect();
            for c in &cards {
                tx.revive::<Card>(c)?;
            }
            one::<Board>(tx, id)
        }
        DeletedKind::Card => {
            let board = tx.deleted::<Card>(id)?.board_id.clone();
            tx.get::<Board>(&board)?;
            one::<Card>(tx, id)
        }
        DeletedKind::Covenant => one::<Covenant>(tx, id),
        DeletedKind::Goal => one::<Goal>(tx, id),
    }
}

/// A transaction over the workspace that records every entity it writes and gives each write
/// a new version. Used by commands and by undo/redo alike.
///
/// Writes happen in place, so a command must make every check that can fail *before* its first
/// write: a refused command then leaves the workspace exactly as it was.
pub(crate) struct Tx<'a> {
    ws: &'a mut Workspace,
    now: DateTime<Utc>,
    rng: &'a mut Rng,
    entries: Vec<Entry>,
    /// The team the command is made for: what it creates belongs to it.
    team: Option<Id>,
}

impl<'a> Tx<'a> {
    pub(crate) fn new(ws: &'a mut Workspace, now: DateTime<Utc>, rng: &'a mut Rng) -> Self {
        Tx {
            ws,
            now,
            rng,
            entries: Vec::new(),
            team: None,
        }
    }

    /// The team the command is made for, if any.
    pub(crate) fn team(&self) -> Option<Id> {
        self.team.clone()
    }

    /// A fresh id, e.g. for a rung.
    pub(crate) fn new_id(&mut self) -> Id {
        Id::random(self.rng)
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The workspace as it stands inside the transaction.
    pub(crate) fn ws(&self) -> &Workspace {
        self.ws
    }

    pub(crate) fn get<T: Stored>(&self, id: &Id) -> Result<&T, DomainError> {
        self.ws.get::<T>(id).ok_or_else(|| DomainError::NotFound {
            kind: T::KIND,
            id: id.clone(),
        })
    }

    /// Creates an entity with fresh metadata; returns its id.
    pub(crate) fn insert<T: Stored>(&mut self, make: impl FnOnce(Meta) -> T) -> Id {
        let meta = Meta::new(self.now, self.rng);
        self.insert_meta(meta, make)
    }

    /// Creates an entity under a given id (for entities whose id derives from others).
    pub(crate) fn insert_as<T: Stored>(&mut self, id: Id, make: impl FnOnce(Meta) -> T) -> Id {
        let meta = Meta {
            id,
            ..Meta::new(self.now, self.rng)
        };
        self.insert_meta(meta, make)
    }

    fn insert_meta<T: Stored>(&mut self, meta: Meta, make: impl FnOnce(Meta) -> T) -> Id {
        let e = make(meta);
        let id = e.id().clone();
        self.entries.push(Entry {
            before: None,
            after: e.clone().wrap(),
        });
        self.ws.put(e);
        id
    }

    /// Changes a live entity; records nothing when `edit` leaves it as it was.
    pub(crate) fn update<T: Stored>(
        &mut self,
        id: &Id,
        edit: impl FnOnce(&mut T),
    ) -> Result<(), DomainError> {
        let before = self.get::<T>(id)?.clone();
        let mut after = before.clone();
        edit(&mut after);
        if after != before {
            self.write(before, after);
        }
        Ok(())
    }

    /// The deleted entity with this id.
    pub(crate) fn deleted<T: Stored>(&self, id: &Id) -> Result<&T, DomainError> {
        self.ws
            .get_any::<T>(id)
            .filter(|e| !e.is_live())
            .ok_or_else(|| DomainError::NotFound {
                kind: T::KIND,
                id: id.clone(),
            })
    }

    /// Brings a tombstone back to life as its next version; returns its name.
    pub(crate) fn revive<T: Stored + Named>(&mut self, id: &Id) -> Result<String, DomainError> {
        let before = self.deleted::<T>(id)?.clone();
        let mut after = before.clone();
        after.meta_mut().deleted = false;
        let name = after.name();
        self.write(before, after);
        Ok(name)
    }

    /// Turns a live entity into a tombstone.
    pub(crate) fn delete<T: Stored>(&mut self, id: &Id) -> Result<(), DomainError> {
        self.update::<T>(id, |e| e.meta_mut().deleted = true)
    }

    /// Writes `after` over `before` with the next version.
    fn write<T: Stored>(&mut self, before: T, mut after: T) {
        let mut meta = before.meta().next(self.now, self.rng);
        meta.deleted = after.meta().deleted;
        *after.meta_mut() = meta;
        self.entries.push(Entry {
            before: Some(before.wrap()),
            after: after.clone().wrap(),
        });
        self.ws.put(after);
    }

    /// Writes the contents of `target` (any kind) as the next version of the stored entity
    /// with the same id; used by undo and redo so that reverting is itself a new version.
    pub(crate) fn restore(&mut self, target: AnyEntity) {
        let current = self.ws.get_any_kind(&target);
        let mut after = target;
        let meta = match &current {
            Some(c) => c.meta().next(self.now, self.rng),
            None => Meta::new(self.now, self.rng),
        };
        let deleted = after.meta().deleted;
        let id = after.meta().id.clone();
        *after.meta_mut() = Meta {
            id,
            deleted,
            ..meta
        };
        self.entries.push(Entry {
            before: current,
            after: after.clone(),
        });
        self.ws.put_any(after);
    }

    /// Writes the contents of each of `target` as the next version of the stored entity
    /// (when they differ), and deletes the live entities of the kind that `target` lacks.
    fn replace_kind<T: Stored>(&mut self, target: &[T]) {
        let wanted: std::collections::BTreeSet<&Id> = target.iter().map(|e| e.id()).collect();
        for e in target {
            let Some(current) = self.ws.get_any::<T>(e.id()).cloned() else {
                // New here: it comes with its own version, as in a merge.
                self.entries.push(Entry {
                    before: None,
                    after: e.clone().wrap(),
                });
                self.ws.put(e.clone());
                continue;
            };
            let mut same = current.clone();
            *same.meta_mut() = e.meta().clone();
            if &same == e && current.meta().deleted == e.meta().deleted {
                continue;
            }
            // The next version after both copies, so this write wins wherever they meet.
            let base = if e.meta().wins_over(current.meta()) {
                e.meta()
            } else {
                current.meta()
            };
            let mut meta = base.next(self.now, self.rng);
            meta.deleted = e.meta().deleted;
            let mut after = e.clone();
            *after.meta_mut() = meta;
            self.entries.push(Entry {
                before: Some(current.wrap()),
                after: after.clone().wrap(),
            });
            self.ws.put(after);
        }
        let gone: Vec<Id> = T::all(self.ws)
            .iter()
            .filter(|e| e.is_live() && !wanted.contains(e.id()))
            .map(|e| e.id().clone())
            .collect();
        for id in gone {
            let _ = self.delete::<T>(&id);
        }
    }

    pub(crate) fn check_unique_member(
        &self,
        name: &str,
        except: Option<&Id>,
    ) -> Result<(), DomainError> {
        // Names are unique within a team: two teams may each have their own Sam.
        let team = self.team.as_ref();
        let taken = self
            .ws
            .live::<Member>()
            .filter(|m| team.is_none_or(|t| super::teams::is_member(self.ws, t, m.id())))
            .any(|m| Some(m.id()) != except && m.name.eq_ignore_ascii_case(name));
        if taken {
            Err(DomainError::DuplicateName(name.to_owned()))
        } else {
            Ok(())
        }
    }

    pub(crate) fn finish(self, label: String) -> Change {
        Change {
            label,
            entries: self.entries,
        }
    }
}
