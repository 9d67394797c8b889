//! Merging two copies of a workspace (as Excalidraw's `reconcile.ts`), what a merge would do
//! before it is done (the import preview, removals named one by one), and the recently
//! deleted records a user can bring back.
//!
//! The rule: the copy with the higher `version` wins, equal versions are broken by
//! `versionNonce`, deletions are tombstones. Records this build cannot read are merged the same
//! way (see [`super::kept`]).

use super::covenant::Covenant;
use super::goals::Goal;
use super::ladder::{Board, Card};
use super::meta::{Entity, Id};
use super::restore::keep_winner;
use super::roster::Member;
use super::workshop::{Ballot, Tally};
use super::workspace::{with_kinds, Stored, Workspace};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// What a record is called in messages: a name, a title or the start of its text.
pub trait Named {
    fn name(&self) -> String;
}

/// The first `n` characters of `text` on one line, with "…" when cut.
pub fn excerpt(text: &str, n: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = one_line.chars().take(n).collect();
    if one_line.chars().count() > n {
        out.push('…');
    }
    out
}

impl Named for Member {
    fn name(&self) -> String {
        excerpt(&self.name, 60)
    }
}
impl Named for Board {
    fn name(&self) -> String {
        excerpt(&self.title, 60)
    }
}
impl Named for Card {
    fn name(&self) -> String {
        excerpt(&self.text, 40)
    }
}
impl Named for Covenant {
    fn name(&self) -> String {
        excerpt(&self.terms.title, 60)
    }
}
impl Named for Goal {
    fn name(&self) -> String {
        excerpt(&self.outcome, 40)
    }
}
impl Named for Ballot {
    fn name(&self) -> String {
        "a participant's placements and votes".to_owned()
    }
}
impl Named for super::rhythm::Rhythm {
    fn name(&self) -> String {
        "the team's rhythm".to_owned()
    }
}
impl Named for super::teams::Team {
    fn name(&self) -> String {
        excerpt(&self.name, 60)
    }
}
impl Named for super::teams::Membership {
    fn name(&self) -> String {
        "a team membership".to_owned()
    }
}
impl Named for super::teams::SavedLadder {
    fn name(&self) -> String {
        excerpt(&self.name, 60)
    }
}
impl Named for super::check::Check {
    fn name(&self) -> String {
        self.title()
    }
}

impl Named for super::check::Answer {
    fn name(&self) -> String {
        "an answer".to_owned()
    }
}

impl Named for super::check::Response {
    fn name(&self) -> String {
        "a response".to_owned()
    }
}

impl Named for Tally {
    fn name(&self) -> String {
        "workshop counts".to_owned()
    }
}

/// Merges `theirs` into `ours`, entity by entity. Commutative, associative and idempotent up
/// to the order of entities (entities only `theirs` has are appended), given that an (id,
/// version, nonce) triple names one write: every write draws a fresh random nonce, so two
/// different contents with the same triple do not occur in practice.
pub fn merge(ours: &Workspace, theirs: &Workspace) -> Workspace {
    macro_rules! merge_kinds {
        ($($field:ident: $t:ident => $label:literal,)*) => {
            Workspace {
                $($field: merge_all(&ours.$field, &theirs.$field),)*
                kept: ours.kept.merge(&theirs.kept),
            }
        };
    }
    with_kinds!(merge_kinds)
}

fn merge_all<T: Entity>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    let mut index = BTreeMap::new();
    for e in ours.iter().chain(theirs) {
        keep_winner(&mut out, &mut index, e.clone());
    }
    if T::UNORDERED {
        out.sort_by(|a, b| a.id().cmp(b.id()));
    }
    out
}

/// What importing a workspace would do to one kind of entity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    /// Only in the file.
    pub new: usize,
    /// In both, and the file's copy is newer (removals not included).
    pub updated: usize,
    /// In both, the same write.
    pub unchanged: usize,
    /// In both, and this workspace's copy is newer: it is kept.
    pub kept: usize,
    /// Changed on both sides to the same version: the nonce decides, as in every merge.
    pub conflicting: usize,
    /// Live here, deleted in the file, and the file's deletion is newer: the merge removes it.
    pub removed: usize,
}

/// One record a merge would remove, and how many of its cards go with it (boards).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// The kind, as in messages ("board").
    pub kind: &'static str,
    pub id: Id,
    pub name: String,
    pub cards: usize,
}

macro_rules! define_preview {
    ($($field:ident: $t:ident => $label:literal,)*) => {
        /// What a merge of `incoming` into `current` would do, per kind of entity.
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct Preview {
            $(pub $field: KindPreview,)*
            /// Records of the file this build cannot read: kept as they are.
            pub unreadable: usize,
            /// What the merge removes, by name; cards of a removed board are counted with it.
            pub removals: Vec<Removal>,
        }

        impl Preview {
            /// One row per kind: its label for people and its figures.
            pub fn rows(&self) -> Vec<(&'static str, &KindPreview)> {
                vec![$(($label, &self.$field),)*]
            }
        }

        /// What merging `incoming` into `current` would change.
        pub fn preview(current: &Workspace, incoming: &Workspace) -> Preview {
            let mut removals = Vec::new();
            let mut p = Preview {
                $($field: preview_kind(&current.$field, &incoming.$field, &mut removals),)*
                unreadable: incoming.kept.len(),
                removals: Vec::new(),
            };
            p.removals = fold_cards(removals, current);
            p
        }
    };
}
with_kinds!(define_preview);

fn preview_kind<T: Stored + Named>(
    current: &[T],
    incoming: &[T],
    removals: &mut Vec<Removal>,
) -> KindPreview {
    let mut p = KindPreview::default();
    let index: BTreeMap<&Id, &T> = current.iter().map(|e| (e.id(), e)).collect();
    for e in incoming {
        let (m, id) = (e.meta(), e.id());
        match index.get(id) {
            None => p.new += 1,
            Some(c) if c == &e => p.unchanged += 1,
            Some(c)
                if (c.meta().version, c.meta().version_nonce) == (m.version, m.version_nonce) =>
            {
                // The same write, shared without a private field (an unsigned author).
                p.unchanged += 1
            }
            Some(c) if c.meta().version == m.version && !m.deleted => p.conflicting += 1,
            Some(c) if m.wins_over(c.meta()) && m.deleted && c.is_live() => {
                p.removed += 1;
                removals.push(Removal {
                    kind: T::KIND,
                    id: id.clone(),
                    name: c.name(),
                    cards: 0,
                });
            }
            Some(c) if m.wins_over(c.meta()) => p.updated += 1,
            Some(c) if c.meta().version == m.version => p.conflicting += 1,
            Some(_) => p.kept += 1,
        }
    }
    p
}

/// Folds the removed cards of a removed board into that board's removal.
fn fold_cards(removals: Vec<Removal>, current: &Workspace) -> Vec<Removal> {
    let board_of: BTreeMap<&Id, &Id> = current
        .cards
        .iter()
        .map(|c| (c.id(), &c.board_id))
        .collect();
    let boards: Vec<Id> = removals
        .iter()
        .filter(|r| r.kind == Board::KIND)
        .map(|r| r.id.clone())
        .collect();
    let mut out: Vec<Removal> = Vec::new();
    let mut with_board: BTreeMap<Id, usize> = BTreeMap::new();
    for r in removals {
        let board = board_of.get(&r.id).copied();
        match board.filter(|b| r.kind == Card::KIND && boards.contains(b)) {
            Some(b) => *with_board.entry(b.clone()).or_default() += 1,
            None => out.push(r),
        }
    }
    for r in &mut out {
        if let Some(n) = with_board.get(&r.id) {
            r.cards = *n;
        }
    }
    out
}

/// "1 card", "3 cards".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Removes: board “Sprint 42 retro” and its 3 cards; goal “Ship it”."
pub fn removal_text(removals: &[Removal]) -> Option<String> {
    removals_with(removals, "Removes")
}

/// The same, after the merge: "Removed: board “Sprint 42 retro” and its 3 cards."
pub fn removal_text_done(removals: &[Removal]) -> Option<String> {
    removals_with(removals, "Removed")
}

fn removals_with(removals: &[Removal], verb: &str) -> Option<String> {
    if removals.is_empty() {
        return None;
    }
    let parts: Vec<String> = removals
        .iter()
        .take(20)
        .map(|r| {
            let cards = match r.cards {
                0 => String::new(),
                n => format!(" and its {}", plural(n, "card", "cards")),
            };
            format!("{} “{}”{cards}", r.kind, r.name)
        })
        .collect();
    let more = match removals.len().saturating_sub(20) {
        0 => String::new(),
        n => format!("; and {n} more"),
    };
    Some(format!("{verb}: {}{more}.", parts.join("; ")))
}

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
