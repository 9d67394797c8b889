//! Commands applied through the domain's history on behalf of the team on screen, with undo
//! and redo, and a refused command's notice.

use super::AppState;
use crate::browser;
use crate::domain::workspace::Change;
use crate::domain::{Command, History};
use crate::ui::NoticeKind;
use leptos::prelude::*;

impl AppState {
    /// Applies a command; on error shows why and changes nothing. Returns whether it applied.
    pub fn dispatch(&self, cmd: impl Into<Command>) -> bool {
        self.dispatch_with(cmd, |_| {})
    }

    /// Applies a command and hands the resulting change to `then` (e.g. to offer Undo).
    pub fn dispatch_with(&self, cmd: impl Into<Command>, then: impl FnOnce(&Change)) -> bool {
        match self.apply(cmd.into()) {
            Some(change) => {
                then(&change);
                true
            }
            None => false,
        }
    }

    /// The one place a command is applied (not generic, so it is compiled once): the change
    /// it made, or `None` after showing why it was refused.
    fn apply(&self, cmd: Command) -> Option<Change> {
        let now = browser::now();
        let mut result = None;
        self.rng.update_value(|rng| {
            self.history.update(|h| {
                // Commands validate before they write, so a refused command leaves the
                // workspace as it was; only a real change notifies subscribers.
                let team = self.team.get_untracked();
                self.all.maybe_update(|ws| {
                    let r = h.apply_in(ws, team.as_ref(), &cmd, now, rng);
                    let changed = matches!(&r, Ok(c) if !c.entries.is_empty());
                    result = Some(r);
                    changed
                });
            })
        });
        // The notice of the last refusal goes either way: what it complained about is fixed,
        // no longer the point, or replaced by the new refusal.
        if let Some(id) = self.refusal_notice.get_value() {
            self.notices.dismiss(id);
            self.refusal_notice.set_value(None);
        }
        match result? {
            Ok(change) => Some(change),
            Err(e) => {
                let id = self.notices.push(NoticeKind::Error, e.to_string(), None);
                self.refusal_notice.set_value(Some(id));
                None
            }
        }
    }

    /// Applies a command and shows a confirmation with an Undo button (for deletions).
    pub fn dispatch_undoable(&self, cmd: impl Into<Command>, message: String) -> bool {
        let this = *self;
        self.dispatch_with(cmd, move |_| {
            this.notices
                .with_action(NoticeKind::Info, message, "Undo", move || this.undo());
        })
    }

    /// Notes a change that reached the workspace other than through a command (see
    /// `outside_edits`).
    pub(super) fn changed_from_outside(&self) {
        self.outside_edits.update(|n| *n = n.wrapping_add(1));
    }

    pub fn undo(&self) {
        self.travel(false);
    }

    pub fn redo(&self) {
        self.travel(true);
    }

    /// Undoes (or redoes) the last change; the workspace is only touched when there is one.
    pub(super) fn travel(&self, redo: bool) {
        let now = browser::now();
        let mut label = None;
        self.rng.update_value(|rng| {
            self.history.update(|h| {
                self.all.maybe_update(|ws| {
                    label = if redo {
                        h.redo(ws, now, rng)
                    } else {
                        h.undo(ws, now, rng)
                    };
                    label.is_some()
                });
            })
        });
        if let Some(l) = label {
            self.changed_from_outside();
            // Offers to undo are stale once something was undone or redone.
            self.notices.dismiss_action("Undo");
            let verb = if redo { "Redone" } else { "Undone" };
            self.notices.info(format!("{verb}: {l}"));
        }
    }

    /// Forgets what can be undone and redone: on a shared screen, the next participant must
    /// not undo (or learn from the button's label) what the one before them did.
    pub fn forget_history(&self) {
        self.history.update(History::clear);
    }
}
