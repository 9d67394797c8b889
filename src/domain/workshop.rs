//! Workshop mode: a ladder retro run as a facilitated session, phase by phase.
//!
//! The session itself (phase, participants, vote limit) lives on the [`Board`]. What each
//! participant decides privately (where they would place each card, and their votes) lives in
//! a [`Ballot`] of their own, one per participant and board, with an id derived from both.
//! Because no two participants ever write the same entity, contributions exported from
//! participants' own browsers merge without conflict: importing one twice changes nothing, and
//! two contributions in either order give the same board.

use super::ladder::Board;
use super::meta::{entity, Entity, Id, Meta};
use serde::{Deserialize, Serialize};

pub use super::workshop_counts::{
    counts, disputed, most_disputed, ranking, spread, spread_of, tally, tally_id, CardTally,
    Counts, RungCount, Spread, Tally,
};

/// The phases of a ladder retro, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    #[default]
    SetTheStage,
    Write,
    Group,
    Place,
    Reveal,
    Vote,
    Climb,
    Commit,
    Close,
}

impl Phase {
    pub const ALL: [Phase; 9] = [
        Phase::SetTheStage,
        Phase::Write,
        Phase::Group,
        Phase::Place,
        Phase::Reveal,
        Phase::Vote,
        Phase::Climb,
        Phase::Commit,
        Phase::Close,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Phase::SetTheStage => "Set the stage",
            Phase::Write => "Write",
            Phase::Group => "Group",
            Phase::Place => "Place",
            Phase::Reveal => "Reveal",
            Phase::Vote => "Vote",
            Phase::Climb => "Climb",
            Phase::Commit => "Commit",
            Phase::Close => "Close",
        }
    }

    /// What the facilitator reads out at the start of the phase.
    pub fn instructions(self) -> &'static str {
        match self {
            Phase::SetTheStage => "We look at situations, not people. Start with the check-in, celebrate the small wins, then look at last time's commitments: what helped, or what got in the way?",
            Phase::Write => "Each participant writes recent challenges as cards, one situation per card, anonymous unless they sign it. Cards by others stay hidden until everyone has written.",
            Phase::Group => "Read the cards together and stack cards about the same situation into one group: a group is placed, voted and climbed as one, and keeps every text.",
            Phase::Place => "In turn, each participant puts every card on the rung they think the team was on. Nobody sees the others' placements.",
            Phase::Reveal => "Each card now sits where the group converges. Look at the spread, talk about the cards where people disagree most, and move a card if the team decides so.",
            Phase::Vote => "In turn, each participant spends their dots on the cards the team should climb first. Votes stay hidden until the phase ends.",
            Phase::Climb => "One card at a time, answer the prompt of its rung and climb it one rung higher, up to Make it happen.",
            Phase::Commit => "Each card that reached the top rung becomes a micro-goal: one owner, a due date, and how we will know it is done.",
            Phase::Close => "Look at the summary, thank everyone, and export the board to share it.",
        }
    }

    /// What to do in this phase in one's own browser, joined from an invite link.
    pub fn own_browser_instructions(self) -> &'static str {
        match self {
            Phase::Write => "Write recent challenges as cards, one situation per card, anonymous unless you sign them. Other people's cards arrive with the facilitator's next invite link, once everyone has written.",
            Phase::Place => "Put every card on the rung you think the team was on. Nobody sees your placements: the group sees only the counts at Reveal.",
            Phase::Vote => "Spend your dots on the cards the team should climb first. Your votes are counted, never shown as yours.",
            p => p.instructions(),
        }
    }

    pub fn index(self) -> usize {
        Phase::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Phase> {
        self.index().checked_sub(1).map(|i| Phase::ALL[i])
    }

    /// The phases where each participant takes a private turn (on a shared screen, behind
    /// the hand-over curtain; in their own browser, on their own).
    pub fn is_private(self) -> bool {
        matches!(self, Phase::Write | Phase::Place | Phase::Vote)
    }

    /// Whether the cards' texts are for everyone to see: from Group on, when everyone has
    /// written.
    pub fn cards_public(self) -> bool {
        self >= Phase::Group
    }
}

/// The default number of dots each participant may spend.
pub const DEFAULT_VOTES: u32 = 3;
/// The most dots a facilitator can hand out.
pub const MAX_VOTES: u32 = 20;

fn default_votes() -> u32 {
    DEFAULT_VOTES
}

/// A board's workshop session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    #[serde(default)]
    pub phase: Phase,
    /// Members of the roster taking part, in turn order.
    #[serde(default)]
    pub participants: Vec<Id>,
    #[serde(default = "default_votes")]
    pub vote_limit: u32,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            phase: Phase::SetTheStage,
            participants: Vec::new(),
            vote_limit: DEFAULT_VOTES,
        }
    }
}

/// Where one participant would place one card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Placement {
    pub card: Id,
    pub rung: Id,
}

/// One participant's private placements and votes on one board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ballot {
    /// Written inline with the other fields; read separately (see [`Meta`]).
    #[serde(flatten, skip_deserializing)]
    pub meta: Meta,
    pub board_id: Id,
    pub member: Id,
    #[serde(default)]
    pub placements: Vec<Placement>,
    /// One entry per dot; a card can get several dots.
    #[serde(default)]
    pub votes: Vec<Id>,
}
entity!(Ballot, "ballot");

impl Ballot {
    pub fn placement(&self, card: &Id) -> Option<&Id> {
        self.placements
            .iter()
            .find(|p| &p.card == card)
            .map(|p| &p.rung)
    }

    pub fn votes_for(&self, card: &Id) -> u32 {
        self.votes.iter().filter(|v| *v == card).count() as u32
    }
}

/// The one id a participant's ballot on a board has, wherever it was made: the same
/// participant on two machines writes the same entity, never a duplicate.
pub fn ballot_id(board: &Id, member: &Id) -> Id {
    Id(format!("ballot.{board}.{member}"))
}

/// The live ballots of a board.
pub fn ballots_of<'a>(ws: &'a super::Workspace, board: &'a Id) -> impl Iterator<Item = &'a Ballot> {
    ws.live::<Ballot>().filter(move |b| &b.board_id == board)
}

/// The board the same team ran before `board`: the latest one dated earlier (boards without a
/// date have no place in time and are left out).
pub fn previous_board<'a>(ws: &'a super::Workspace, board: &Board) -> Option<&'a Board> {
    let date = board.date?;
    ws.live::<Board>()
        .filter(|b| b.id() != board.id() && same_team(b, board))
        .filter(|b| b.date.is_some_and(|d| d < date))
        .max_by_key(|b| (b.date, b.meta.updated_at))
}

/// An answer recorded on a card as it climbs: the reply to one rung's prompt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RungNote {
    pub rung: Id,
    #[serde(default)]
    pub text: String,
}

/// What a participant sends back from their own browser: the cards they wrote there
/// (`written`, which only their browser knows, and any card they signed), their ballot and
/// their roster entry (with their place on the board's team); nothing the facilitator owns,
/// so it can only add to a board.
pub fn contribution(
    ws: &super::Workspace,
    board: &Id,
    member: &Id,
    written: &[Id],
) -> super::Workspace {
    let team = ws
        .boards
        .iter()
        .find(|b| b.id() == board)
        .and_then(|b| b.team_id.as_ref());
    super::Workspace {
        memberships: ws
            .memberships
            .iter()
            .filter(|m| &m.member_id == member && Some(&m.team_id) == team)
            .cloned()
            .collect(),
        members: ws
            .members
            .iter()
            .filter(|m| m.id() == member)
            .cloned()
            .collect(),
        cards: ws
            .cards
            .iter()
            .filter(|c| {
                &c.board_id == board
                    && (written.contains(c.id()) || c.author.as_ref() == Some(member))
            })
            .cloned()
            .collect(),
        ballots: ws
            .ballots
            .iter()
            .filter(|b| &b.board_id == board && &b.member == member)
            .cloned()
            .collect(),
        ..super::Workspace::default()
    }
}

/// Whether two boards are the same team's: their team, or (for boards outside any team, as
/// before teams) their team name.
pub fn same_team(a: &Board, b: &Board) -> bool {
    match (&a.team_id, &b.team_id) {
        (Some(x), Some(y)) => x == y,
        _ => a.team_id == b.team_id && a.team.eq_ignore_ascii_case(&b.team),
    }
}
