//! What a merge would do before it is done: the import preview, counts per kind, and the
//! removals named one by one ("Removes: board “Sprint 42 retro” and its 3 cards").

use super::ladder::{Board, Card};
use super::merge::{plural, Named};
use super::meta::{Entity, Id};
use super::workspace::{with_kinds, Stored, Workspace};
use std::collections::BTreeMap;

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
