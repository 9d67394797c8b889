//! Recently deleted: the deleted records a user can bring back, newest first, a board with
//! the cards deleted with it.

use super::covenant::Covenant;
use super::goals::Goal;
use super::ladder::{Board, Card};
use super::merge::Named;
use super::meta::{Entity, Id};
use super::roster::Member;
use super::workspace::{Stored, Workspace};
use chrono::{DateTime, Utc};

/// A deleted record that can be brought back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub kind: DeletedKind,
    pub id: Id,
    pub name: String,
    pub at: DateTime<Utc>,
    /// Cards deleted with a board, which come back with it.
    pub cards: usize,
}

/// The kinds of record "Recently deleted" lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeletedKind {
    Member,
    Board,
    Card,
    Covenant,
    Goal,
    Check,
}

impl DeletedKind {
    pub fn label(self) -> &'static str {
        match self {
            DeletedKind::Member => "team member",
            DeletedKind::Board => "board",
            DeletedKind::Card => "card",
            DeletedKind::Covenant => "covenant",
            DeletedKind::Goal => "micro-goal",
            DeletedKind::Check => "safety check",
        }
    }
}

/// The cards deleted together with `board` (in the same change, so at the same instant).
pub fn cards_deleted_with<'a>(
    ws: &'a Workspace,
    board: &'a Board,
) -> impl Iterator<Item = &'a Card> {
    ws.cards.iter().filter(move |c| {
        c.meta.deleted && c.board_id == board.meta.id && c.meta.updated_at == board.meta.updated_at
    })
}

/// Deleted records, newest first (at most `limit`). A card is listed on its own only while
/// its board is live; cards deleted with their board come back with it.
pub fn recently_deleted(ws: &Workspace, limit: usize) -> Vec<Deleted> {
    fn of<T: Stored + Named>(ws: &Workspace, kind: DeletedKind, out: &mut Vec<Deleted>) {
        for e in T::all(ws).iter().filter(|e| !e.is_live()) {
            out.push(Deleted {
                kind,
                id: e.id().clone(),
                name: e.name(),
                at: e.meta().updated_at,
                cards: 0,
            });
        }
    }
    let mut out = Vec::new();
    of::<Member>(ws, DeletedKind::Member, &mut out);
    of::<Covenant>(ws, DeletedKind::Covenant, &mut out);
    of::<Goal>(ws, DeletedKind::Goal, &mut out);
    of::<super::check::Check>(ws, DeletedKind::Check, &mut out);
    for b in ws.boards.iter().filter(|b| !b.is_live()) {
        out.push(Deleted {
            kind: DeletedKind::Board,
            id: b.meta.id.clone(),
            name: b.name(),
            at: b.meta.updated_at,
            cards: cards_deleted_with(ws, b).count(),
        });
    }
    for c in ws
        .cards
        .iter()
        .filter(|c| !c.is_live() && ws.get::<Board>(&c.board_id).is_some())
    {
        out.push(Deleted {
            kind: DeletedKind::Card,
            id: c.meta.id.clone(),
            name: c.name(),
            at: c.meta.updated_at,
            cards: 0,
        });
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.at));
    out.truncate(limit);
    out
}
