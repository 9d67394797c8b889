//! Workshop mode: a ladder retro run as a facilitated session, phase by phase.
//!
//! The session itself (phase, participants, vote limit) lives on the [`Board`]. What each
//! participant decides privately (where they would place each card, and their votes) lives in
//! a [`Ballot`] of their own, one per participant and board, with an id derived from both.
//! Because no two participants ever write the same entity, contributions exported from
//! participants' own browsers merge without conflict: importing one twice changes nothing, and
//! two contributions in either order give the same board.

use super::ladder::{Board, Card};
use super::meta::{entity, Entity, Id, Meta};
use serde::{Deserialize, Serialize};

/// The phases of a ladder retro, in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    #[default]
    SetTheStage,
    Write,
    Place,
    Reveal,
    Vote,
    Climb,
    Commit,
    Close,
}

impl Phase {
    pub const ALL: [Phase; 8] = [
        Phase::SetTheStage,
        Phase::Write,
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
            Phase::SetTheStage => "We look at situations, not people. Review the commitments from the last retro: done, renegotiated or dropped, each with a word of why.",
            Phase::Write => "Each participant writes recent challenges as cards, one situation per card. Cards by others stay hidden until Reveal.",
            Phase::Place => "In turn, each participant puts every card on the rung they think the team was on. Nobody sees the others' placements.",
            Phase::Reveal => "Each card now sits where the group converges. Look at the spread, talk about the cards where people disagree most, and move a card if the team decides so.",
            Phase::Vote => "In turn, each participant spends their dots on the cards the team should climb first. Votes stay hidden until the phase ends.",
            Phase::Climb => "One card at a time, answer the prompt of its rung and climb it one rung higher, up to Make it happen.",
            Phase::Commit => "Each card that reached the top rung becomes a micro-goal: one owner, a due date, and how we will know it is done.",
            Phase::Close => "Look at the summary, thank everyone, and export the board to share it.",
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

/// How the group placed one card.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    /// Placements per rung, bottom rung first.
    pub counts: Vec<u32>,
    pub total: u32,
    /// The rung the group converges on (the median placement; the lower one of two middles).
    pub converged: Option<usize>,
    /// Rungs between the lowest and the highest placement.
    pub range: usize,
    /// Placements on both sides of the line.
    pub splits_line: bool,
    /// Mean distance from the converged rung, in hundredths of a rung.
    pub disagreement: u32,
}

/// The spread of placements of `card` over `board`'s rungs. Placements on rungs that no
/// longer exist are left out.
pub fn spread<'a>(
    board: &Board,
    ballots: impl IntoIterator<Item = &'a Ballot>,
    card: &Id,
) -> Spread {
    let mut counts = vec![0u32; board.rungs.len()];
    let mut at: Vec<usize> = Vec::new();
    for b in ballots {
        if let Some(i) = b.placement(card).and_then(|r| board.rung_index(r)) {
            counts[i] += 1;
            at.push(i);
        }
    }
    if at.is_empty() {
        return Spread {
            counts,
            ..Spread::default()
        };
    }
    at.sort_unstable();
    let median = at[(at.len() - 1) / 2];
    let (lo, hi) = (at[0], at[at.len() - 1]);
    let distance: usize = at.iter().map(|&i| i.abs_diff(median)).sum();
    Spread {
        total: at.len() as u32,
        converged: Some(median),
        range: hi - lo,
        splits_line: !board.is_above(lo) && board.is_above(hi),
        disagreement: (distance * 100 / at.len()) as u32,
        counts,
    }
}

/// Whether people disagree about a card enough to talk about it: placements two or more rungs
/// apart, or on both sides of the line.
pub fn disputed(s: &Spread) -> bool {
    s.total > 1 && (s.range >= 2 || s.splits_line)
}

/// The cards (of those given) where people disagree most: the disputed ones with the highest
/// disagreement, ties all marked.
pub fn most_disputed(spreads: &[(Id, Spread)]) -> Vec<Id> {
    let top = spreads
        .iter()
        .filter(|(_, s)| disputed(s))
        .map(|(_, s)| s.disagreement)
        .max();
    match top {
        None => Vec::new(),
        Some(top) => spreads
            .iter()
            .filter(|(_, s)| disputed(s) && s.disagreement == top)
            .map(|(id, _)| id.clone())
            .collect(),
    }
}

/// Cards ranked by dots, most first; equal counts keep the given order.
pub fn ranking<'a>(cards: &[&'a Card], ballots: &[&Ballot]) -> Vec<(&'a Card, u32)> {
    let mut ranked: Vec<(&Card, u32)> = cards
        .iter()
        .map(|c| (*c, ballots.iter().map(|b| b.votes_for(c.id())).sum()))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    ranked
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
        .filter(|b| b.id() != board.id() && b.team.eq_ignore_ascii_case(&board.team))
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

/// What a participant sends back from their own browser: their cards on the board and their
/// ballot (with their roster entry), nothing the facilitator owns.
pub fn contribution(ws: &super::Workspace, board: &Id, member: &Id) -> super::Workspace {
    super::Workspace {
        members: ws
            .members
            .iter()
            .filter(|m| m.id() == member)
            .cloned()
            .collect(),
        cards: ws
            .cards
            .iter()
            .filter(|c| &c.board_id == board && c.author.as_ref() == Some(member))
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
