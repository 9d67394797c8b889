//! Merging two copies of a workspace (as Excalidraw's `reconcile.ts`), and what records are
//! called in messages. What a merge would do is in [`super::preview`]; the records a user can
//! bring back in [`super::deleted`].
//!
//! The rule: the copy with the higher `version` wins, equal versions are broken by
//! `versionNonce`, deletions are tombstones. Records this build cannot read are merged the same
//! way (see [`super::kept`]).

use super::covenant::Covenant;
pub use super::deleted::{cards_deleted_with, recently_deleted, Deleted, DeletedKind};
use super::goals::Goal;
use super::ladder::{Board, Card};
use super::meta::Entity;
pub use super::preview::{preview, removal_text, removal_text_done, KindPreview, Preview, Removal};
use super::restore::keep_winner;
use super::roster::Member;
use super::workshop::{Ballot, Tally};
use super::workspace::{with_kinds, Workspace};
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

/// "1 card", "3 cards".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
