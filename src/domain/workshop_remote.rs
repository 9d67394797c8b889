//! A workshop over a video call, with no server: the facilitator sends an invite link (the
//! board as others may see it), each participant joins in their own browser and sends back a
//! contribution link (their cards and their ballot), which can only add to the board.

use super::exchange::board_subset;
use super::ladder::{Board, Card};
use super::meta::{Entity, Id};
use super::roster::Member;
use super::workshop::{Ballot, Phase};
use super::Workspace;
use serde::{Deserialize, Serialize};

/// What an invite link carries: the board, its cards, the team members it names and the
/// counts the group has already seen, as [`super::exchange::for_others`] allows (no ballot,
/// no unsigned author, nothing unreadable).
/// While the group is still writing, the invite carries no card at all: cards stay hidden
/// until everyone has written, so a participant gets them with the invite sent at Group or
/// later.
pub fn invite(ws: &Workspace, board: &Id) -> Workspace {
    let mut out = board_subset(ws, board);
    let writing = out
        .boards
        .iter()
        .find(|b| &b.meta.id == board)
        .and_then(|b| b.session.as_ref())
        .is_none_or(|s| s.phase <= Phase::Write);
    if writing {
        out.cards.clear();
    }
    out
}

/// Why an invite cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InviteError {
    /// The data holds no workshop for this board.
    NoWorkshop,
}

impl std::fmt::Display for InviteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InviteError::NoWorkshop => f.write_str(
                "it holds no workshop for this board (ask the facilitator for a fresh invite link)",
            ),
        }
    }
}

/// Checks that an invite holds a running workshop for `board` and gives its title and the
/// phase the facilitator is in.
pub fn read_invite(incoming: &Workspace, board: &Id) -> Result<(String, Phase), InviteError> {
    let b = incoming
        .get::<Board>(board)
        .ok_or(InviteError::NoWorkshop)?;
    let s = b.session.as_ref().ok_or(InviteError::NoWorkshop)?;
    Ok((b.title.clone(), s.phase))
}

/// Who this browser takes part as in a workshop it joined from an invite, and the cards it
/// wrote there. Kept in this browser only (under its own storage key, never in a file):
/// anonymous cards store no author, and this is how a participant's own browser knows which
/// cards to send back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    pub me: Id,
    #[serde(default)]
    pub written: Vec<Id>,
}

impl Joined {
    /// Reads the stored value; anything unreadable counts as not joined.
    pub fn read(text: Option<&str>) -> Option<Joined> {
        text.and_then(|t| serde_json::from_str::<Joined>(t).ok())
            .filter(|j| !j.me.0.is_empty())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What a contribution adds to a board, for the focused preview: "Ben: 3 cards, placements
/// for 9 cards, 3 votes".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionSummary {
    pub member: Id,
    pub name: String,
    /// Cards the board does not have yet, or has in an older version.
    pub cards: usize,
    pub placements: usize,
    pub votes: usize,
    /// Whether adding it would change anything (the same link twice changes nothing).
    pub changes: bool,
}

impl ContributionSummary {
    /// "Ben: 3 cards, placements for 9 cards, 3 votes".
    pub fn text(&self) -> String {
        use super::merge::plural;
        let mut parts = Vec::new();
        if self.cards > 0 {
            parts.push(plural(self.cards, "card", "cards"));
        }
        if self.placements > 0 {
            parts.push(format!(
                "placements for {}",
                plural(self.placements, "card", "cards")
            ));
        }
        if self.votes > 0 {
            parts.push(plural(self.votes, "vote", "votes"));
        }
        if parts.is_empty() {
            parts.push("nothing placed or voted yet".to_owned());
        }
        format!("{}: {}", self.name, parts.join(", "))
    }
}

/// Why a contribution cannot be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContributionError {
    /// It carries more than one participant's cards and ballot, or records of other kinds:
    /// it is not a contribution (a board or workspace file goes through the Data page).
    NotAContribution,
    /// It is for another board.
    OtherBoard,
}

impl std::fmt::Display for ContributionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContributionError::NotAContribution => f.write_str(
                "it is not a participant's contribution (a board or workspace file is imported on the Data page)",
            ),
            ContributionError::OtherBoard => {
                f.write_str("it is a contribution to another board")
            }
        }
    }
}

/// Checks that `incoming` is one participant's contribution to `board` and says what it would
/// add to `ws`. A contribution holds one member, cards of this board and that member's
/// ballot on it; anything else is refused, so a contribution can never replace the
/// facilitator's workspace, remove their work or bring another board along.
pub fn read_contribution(
    ws: &Workspace,
    incoming: &Workspace,
    board: &Id,
) -> Result<ContributionSummary, ContributionError> {
    let only_allowed = incoming.boards.is_empty()
        && incoming.covenants.is_empty()
        && incoming.goals.is_empty()
        && incoming.tallies.is_empty()
        && incoming.kept.is_empty()
        && incoming.members.len() == 1;
    if !only_allowed {
        return Err(ContributionError::NotAContribution);
    }
    let member = incoming.members[0].clone();
    if incoming.cards.iter().any(|c| &c.board_id != board)
        || incoming.ballots.iter().any(|b| &b.board_id != board)
    {
        return Err(ContributionError::OtherBoard);
    }
    if incoming.ballots.iter().any(|b| b.member != member.meta.id) {
        return Err(ContributionError::NotAContribution);
    }
    let newer = |mine: Option<&super::Meta>, theirs: &super::Meta| {
        mine.is_none_or(|m| theirs.wins_over(m) && m != theirs)
    };
    let cards = incoming
        .cards
        .iter()
        .filter(|c| !c.meta.deleted)
        .filter(|c| newer(ws.get_any::<Card>(c.id()).map(|x| &x.meta), &c.meta))
        .count();
    let ballot = incoming.ballots.iter().find(|b| !b.meta.deleted);
    let changes = cards > 0
        || incoming
            .cards
            .iter()
            .any(|c| newer(ws.get_any::<Card>(c.id()).map(|x| &x.meta), &c.meta))
        || incoming
            .ballots
            .iter()
            .any(|b| newer(ws.get_any::<Ballot>(b.id()).map(|x| &x.meta), &b.meta))
        || ws.get_any::<Member>(member.id()).is_none();
    let name = ws
        .get::<Member>(member.id())
        .map_or_else(|| member.name.clone(), |m| m.name.clone());
    Ok(ContributionSummary {
        member: member.meta.id.clone(),
        name: if name.trim().is_empty() {
            "A participant".to_owned()
        } else {
            name
        },
        cards,
        placements: ballot.map_or(0, |b| b.placements.len()),
        votes: ballot.map_or(0, |b| b.votes.len()),
        changes,
    })
}
