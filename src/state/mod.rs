//! The app's reactive state: one workspace signal holding every team, the current team's view
//! of it that pages read, commands applied through the domain's history on behalf of the
//! current team, and a debounced autosave that is flushed when the page is hidden.
//!
//! One concern a file: `start` (loading at start-up, the first team), `dispatch` (commands,
//! undo and redo), `autosave` (the debounced save and its status), `tabs` (what other tabs
//! saved), `backups` (imports, backups and the export), `team` (the team on screen).

mod autosave;
mod backups;
mod dispatch;
mod start;
mod tabs;
mod team;

pub use start::TEAM_KEY;

use crate::domain::{History, Id, Rng, Workspace};
use crate::storage::LocalStore;
use crate::ui::Notices;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing may pause before the workspace is written to storage.
pub const AUTOSAVE_DEBOUNCE: Duration = Duration::from_millis(300);

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Saving,
    /// Changes live only in this tab; the reason is shown.
    NotSaved(String),
}

/// The app's state, provided as context. `Copy`: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The current team's records (see [`crate::domain::team_view::view`]): what pages show.
    pub ws: Memo<Workspace>,
    /// Everything this browser holds, every team: what is saved, merged and backed up.
    pub all: RwSignal<Workspace>,
    /// The team pages show and commands are made for (the chosen one while it is open).
    pub team: Memo<Option<Id>>,
    /// The team chosen in the switcher (kept in storage for the next visit).
    chosen: RwSignal<Option<Id>>,
    /// The board the page shows, if any (see [`Self::follow_boards`]).
    board_on_screen: StoredValue<Option<Signal<Option<Id>>>>,
    pub save: RwSignal<SaveStatus>,
    /// Labels of the next undo and redo, for the buttons' names (derived from the history).
    pub undo_label: Memo<Option<String>>,
    pub redo_label: Memo<Option<String>>,
    /// Whether the browser keeps Climb's storage even when space runs low (`None`: unknown
    /// or unsupported).
    pub persisted: RwSignal<Option<bool>>,
    /// Keys of the backups in storage, oldest first: read from storage again whenever
    /// `backups_changed` fires (this tab kept or deleted one).
    pub backups: Memo<Vec<String>>,
    backups_changed: Trigger,
    /// Counts the changes that reached the workspace other than through a command: Undo,
    /// Redo, a merge, a replace, another tab's save. An editor that holds its own copy of
    /// what it edits (the covenant draft) opens afresh when it moved and its record changed.
    pub outside_edits: RwSignal<u32>,
    /// What can be undone and redone.
    history: RwSignal<History>,
    rng: StoredValue<Rng>,
    store: StoredValue<LocalStore, LocalStorage>,
    save_timer: crate::ui::Debounce,
    /// Saving is paused while storage holds data we could neither read nor back up.
    saving_paused: StoredValue<bool>,
    /// Whether the last save failed, so a failure is announced once, not on every keystroke.
    last_save_failed: StoredValue<bool>,
    /// The stored text as this tab last read or wrote it. Anything else in storage was saved
    /// by another tab, and is merged in before this tab writes.
    last_stored: StoredValue<Option<String>>,
    /// Asked for persistent storage, and warned of nearly full storage, in this tab.
    asked_to_persist: StoredValue<bool>,
    warned_nearly_full: StoredValue<bool>,
    /// The notice of the last refused command: it goes once a command succeeds (what it
    /// complained about is then fixed, or no longer the point).
    refusal_notice: StoredValue<Option<u64>>,
    /// Characters stored under keys other than the workspace's (backups, other apps on this
    /// site), measured at start so that a save need not count them again.
    other_keys_chars: StoredValue<usize>,
    notices: Notices,
}

impl AppState {
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }
    /// The notices, for a confirmation after a command.
    pub fn notices(&self) -> Notices {
        self.notices
    }

    pub fn store(&self) -> LocalStore {
        self.store.get_value()
    }
}
