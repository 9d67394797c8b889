//! Other tabs of this browser: what they saved is merged in before this tab writes, and on
//! their storage events and when this tab gets focus.

use super::{AppState, SaveStatus};
use crate::domain::exchange::{merge, restore};
use crate::storage::WORKSPACE_KEY;
use crate::ui::NoticeKind;
use leptos::prelude::*;

impl AppState {
    /// What another tab saved since this tab last read or wrote storage, if anything.
    pub(super) fn foreign_text(&self) -> Option<String> {
        let stored = self
            .store
            .with_value(|s| s.get(WORKSPACE_KEY))
            .ok()
            .flatten()?;
        let ours = self
            .last_stored
            .with_value(|k| k.as_deref() == Some(stored.as_str()));
        (!ours).then_some(stored)
    }

    /// Merges another tab's saved workspace into this one (the newer version of each record
    /// wins, as in any merge) and says so. Returns `false`, and stops saving, when that data
    /// cannot be read: it may come from a newer Climb and must not be overwritten.
    pub(super) fn take_foreign(&self, text: String) -> bool {
        match restore(&text) {
            Ok(r) => {
                let merged = self.all.with_untracked(|ws| merge(ws, &r.workspace));
                self.last_stored.set_value(Some(text));
                if self.all.with_untracked(|ws| *ws != merged) {
                    self.all.set(merged);
                    self.changed_from_outside();
                    self.notices
                        .info("Updated with the changes saved in another tab.");
                }
                true
            }
            Err(e) => {
                self.saving_paused.set_value(true);
                self.save.set(SaveStatus::NotSaved(
                    "another tab saved data this tab cannot read".into(),
                ));
                let this = *self;
                self.notices.with_action(
                    NoticeKind::Error,
                    format!(
                        "Another tab saved data this tab cannot read ({e}). This tab will not save \
                         over it; reload to continue, or export this tab's work."
                    ),
                    "Export workspace",
                    move || this.download_export(),
                );
                false
            }
        }
    }

    /// Picks up what other tabs saved (on their storage events and when this tab gets focus).
    pub fn sync_from_other_tabs(&self) {
        if self.saving_paused.get_value() {
            return;
        }
        if let Some(text) = self.foreign_text() {
            self.take_foreign(text);
        }
    }
}
