//! Undo and redo of the last commands.
//!
//! Undoing a change writes the earlier contents back as a *new* version of each entity (a
//! created entity becomes a tombstone), so an undo is an ordinary change that merges with other
//! copies of the workspace like any edit.

use super::meta::Rng;
use super::workspace::{Change, Command, DomainError, Tx, Workspace};
use chrono::{DateTime, Utc};

/// How many changes can be undone.
pub const HISTORY_LIMIT: usize = 100;

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Applies `cmd` and remembers it for undo. A command that changed nothing is not recorded.
    pub fn apply(
        &mut self,
        ws: &mut Workspace,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        self.apply_in(ws, None, cmd, now, rng)
    }

    /// Applies a command on behalf of `team` (see [`Workspace::apply_in`]) and records it.
    pub fn apply_in(
        &mut self,
        ws: &mut Workspace,
        team: Option<&super::Id>,
        cmd: &Command,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Result<Change, DomainError> {
        let change = ws.apply_in(team, cmd, now, rng)?;
        if !change.entries.is_empty() {
            self.record(change.clone());
        }
        Ok(change)
    }

    /// Remembers a change made outside [`History::apply`].
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Reverts the last change; returns its label, or `None` when there is nothing to undo.
    pub fn undo(
        &mut self,
        ws: &mut Workspace,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Option<String> {
        let change = self.undo.pop()?;
        let reverse = revert(ws, &change, now, rng);
        self.redo.push(reverse);
        Some(change.label)
    }

    /// Re-applies the last undone change; returns its label.
    pub fn redo(
        &mut self,
        ws: &mut Workspace,
        now: DateTime<Utc>,
        rng: &mut Rng,
    ) -> Option<String> {
        let change = self.redo.pop()?;
        let reverse = revert(ws, &change, now, rng);
        self.undo.push(reverse);
        Some(change.label)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Label of the change the next undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|c| c.label.as_str())
    }

    /// Label of the change the next redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|c| c.label.as_str())
    }

    /// Forgets everything, e.g. after the workspace was replaced wholesale.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Writes back the `before` side of each entry (newest first); returns the change that
/// reverses this revert, carrying the same label.
fn revert(ws: &mut Workspace, change: &Change, now: DateTime<Utc>, rng: &mut Rng) -> Change {
    let mut tx = Tx::new(ws, now, rng);
    for entry in change.entries.iter().rev() {
        let target = match &entry.before {
            Some(b) => b.clone(),
            None => {
                let mut gone = entry.after.clone();
                gone.meta_mut().deleted = true;
                gone
            }
        };
        tx.write_back(target);
    }
    tx.finish(change.label.clone())
}
