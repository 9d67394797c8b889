//! The debounced autosave: the save indicator's status, the write (after merging what another
//! tab saved meanwhile), and what follows a save (persistent storage, nearly full storage).

use super::{AppState, SaveStatus, AUTOSAVE_DEBOUNCE};
use crate::browser;
use crate::domain::exchange::to_storage_json;
use crate::storage::{StorageError, WORKSPACE_KEY};
use crate::ui::NoticeKind;
use leptos::prelude::*;

impl AppState {
    /// After a successful save: remember what was written, ask once for persistent storage
    /// (there is data worth keeping now), and warn once when storage is nearly full.
    pub(super) fn after_save(&self, json: String) {
        use crate::domain::quota::{Usage, LOCAL_STORAGE_CHARS};
        let used = self.other_keys_chars.get_value() + WORKSPACE_KEY.len() + json.len();
        self.last_stored.set_value(Some(json));
        if !self.asked_to_persist.get_value() && self.persisted.get_untracked() != Some(true) {
            self.asked_to_persist.set_value(true);
            let this = *self;
            browser::persist_storage(move |p| this.persisted.set(p));
        }
        let usage = Usage::of(used, LOCAL_STORAGE_CHARS);
        if usage.near_full() && !self.warned_nearly_full.get_value() {
            self.warned_nearly_full.set_value(true);
            let this = *self;
            self.notices.with_action(
                NoticeKind::Error,
                format!(
                    "Browser storage is nearly full: {}. Export the workspace and delete \
                     boards you no longer need, or saving will stop.",
                    usage.text()
                ),
                "Export workspace",
                move || this.download_export(),
            );
        }
    }

    /// Saves once typing pauses for [`AUTOSAVE_DEBOUNCE`].
    pub(super) fn schedule_save(&self) {
        if self.saving_paused.get_value() {
            return;
        }
        self.save.set(SaveStatus::Saving);
        let this = *self;
        if !self
            .save_timer
            .schedule(AUTOSAVE_DEBOUNCE, move || this.flush())
        {
            // No timers: save at once rather than never.
            self.flush();
        }
    }

    /// Saves now, whatever the save state (the indicator's Retry button).
    pub fn save_now(&self) {
        if self.saving_paused.get_value() {
            return;
        }
        self.save.set(SaveStatus::Saving);
        self.flush();
    }

    /// Writes pending changes now (called by the debounce timer and when the page hides).
    pub fn flush(&self) {
        if self.saving_paused.get_value() || self.save.get_untracked() != SaveStatus::Saving {
            return;
        }
        self.save_timer.cancel();
        // Never write over what another tab saved meanwhile: merge it in first.
        if let Some(text) = self.foreign_text() {
            if !self.take_foreign(text) {
                return;
            }
        }
        let json = self
            .all
            .with_untracked(|ws| to_storage_json(ws, browser::now()));
        match self.store.with_value(|s| s.save(&json)) {
            Ok(()) => {
                self.save.set(SaveStatus::Saved);
                self.after_save(json);
                if self.last_save_failed.get_value() {
                    self.last_save_failed.set_value(false);
                    self.notices
                        .success("Saving works again: everything is saved.");
                }
            }
            Err(e) => {
                self.save.set(SaveStatus::NotSaved(short_reason(&e)));
                if !self.last_save_failed.get_value() {
                    self.last_save_failed.set_value(true);
                    let this = *self;
                    self.notices.with_action(
                        NoticeKind::Error,
                        e.to_string(),
                        "Export workspace",
                        move || this.download_export(),
                    );
                }
            }
        }
    }
}

pub(super) fn short_reason(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable(_) => "storage is blocked; kept in this tab only".into(),
        StorageError::QuotaExceeded => "storage is full; export your work".into(),
        StorageError::Other(w) => w.clone(),
    }
}
