//! Imports (merge, copy, replace), the backups kept before anything is removed or replaced,
//! and the export of the whole workspace.

use super::AppState;
use crate::browser;
use crate::domain::backup::Why;
use crate::domain::exchange::{to_export_json, to_storage_json};
use crate::domain::Workspace;
use crate::storage::StorageError;
use crate::ui::NoticeKind;
use leptos::prelude::*;

impl AppState {
    /// Merges an imported workspace into this one (or, with `copy`, adds it beside this one
    /// under fresh ids), as one change that Undo reverts. A merge that removes anything keeps
    /// the workspace as a backup first (refused, with nothing changed, when it cannot), which
    /// the notice and the Data page restore in one step, after a reload too.
    pub fn import_merge(&self, incoming: &Workspace, copy: bool) {
        let mut incoming = if copy {
            let mut out = Workspace::default();
            self.rng
                .update_value(|r| out = crate::domain::exchange::as_copy(incoming, r));
            out
        } else {
            incoming.clone()
        };
        // What comes without a team (a copy, a Scrumlr board) joins the team on screen.
        if let Some(team) = self.team.get_untracked() {
            crate::domain::team_view::adopt(&mut incoming, &team);
        }
        self.merge_in(&incoming, None);
    }

    /// Merges `incoming` into this workspace as [`Self::import_merge`] does; `words` are the
    /// notices for a change and for nothing new (default: the import's). Returns whether
    /// anything changed.
    pub fn merge_in(&self, incoming: &Workspace, words: Option<(String, String)>) -> bool {
        let removals = self
            .all
            .with_untracked(|ws| crate::domain::exchange::preview(ws, incoming).removals);
        let removes = crate::domain::preview::removal_text(&removals);
        let backup = match &removes {
            None => None,
            Some(_) => match self.keep_backup(Why::BeforeMerge) {
                Ok(key) => Some(key),
                Err(e) => {
                    self.notices.error(format!(
                        "Nothing was merged: the file removes records, and the backup of this \
                         workspace that must come first could not be saved ({e})."
                    ));
                    return false;
                }
            },
        };
        let mut change = None;
        self.all.maybe_update(|ws| {
            let merged = crate::domain::exchange::merge(ws, incoming);
            let before_kept = ws.kept.clone();
            let c = ws.absorb(&merged);
            let changed = !c.entries.is_empty() || ws.kept != before_kept;
            change = Some(c);
            changed
        });
        let Some(c) = change.filter(|c| !c.entries.is_empty()) else {
            self.notices.info(match &words {
                Some((_, nothing)) => nothing.clone(),
                None => "Nothing to import: this workspace already has all of it.".to_owned(),
            });
            return false;
        };
        let n = c.entries.len();
        self.history.update(|h| h.record(c));
        self.changed_from_outside();
        let this = *self;
        let records = crate::domain::merge::plural(n, "record", "records");
        match (removes, backup) {
            (Some(_), Some(key)) => self.notices.with_action(
                NoticeKind::Success,
                format!(
                    "Merged: {records} changed. {} The workspace as it was before is kept as \
                     a backup on the Data page.",
                    crate::domain::preview::removal_text_done(&removals).unwrap_or_default()
                ),
                "Restore it",
                move || this.restore_backup(&key),
            ),
            _ => self.notices.with_action(
                NoticeKind::Success,
                match words {
                    Some((done, _)) => done,
                    None => format!("Imported: {records} added or updated."),
                },
                "Undo",
                move || this.undo(),
            ),
        };
        true
    }

    /// Keeps the workspace as it is now as a backup.
    pub(super) fn keep_backup(&self, why: Why) -> Result<String, StorageError> {
        let now = browser::now();
        let json = self.all.with_untracked(|ws| to_storage_json(ws, now));
        let key = self.store.with_value(|s| s.backup(&json, now, why));
        self.backups_changed.notify();
        key
    }

    /// Deletes a backup for good.
    pub fn delete_backup(&self, key: &str) {
        if let Err(e) = self.store.with_value(|s| s.remove(key)) {
            self.notices.error(e.to_string());
        }
        self.backups_changed.notify();
    }

    /// Replaces the whole workspace, after keeping the current one as a backup that the Data
    /// page can restore in one step. Refused (and nothing changes) when the backup fails.
    pub fn import_replace(&self, incoming: Workspace) -> bool {
        self.replace(incoming, Why::BeforeReplace, "Replaced")
    }

    /// Makes the workspace `incoming`, as new versions of every record (so other tabs and
    /// copies follow instead of merging the old records back), after a backup of `why`.
    pub(super) fn replace(&self, incoming: Workspace, why: Why, done: &str) -> bool {
        if let Err(e) = self.keep_backup(why) {
            self.notices.error(format!(
                "Nothing was changed: the backup of this workspace could not be saved ({e})."
            ));
            return false;
        }
        let now = browser::now();
        let mut change = None;
        self.rng.update_value(|rng| {
            self.all
                .update(|ws| change = Some(ws.replace_with(&incoming, now, rng)));
        });
        if let Some(c) = change.filter(|c| !c.entries.is_empty()) {
            self.history.update(|h| h.record(c));
        }
        self.changed_from_outside();
        let this = *self;
        self.notices.with_action(
            NoticeKind::Success,
            format!("{done}. The workspace before is kept as a backup on the Data page."),
            "Undo",
            move || this.undo(),
        );
        true
    }

    /// Restores a backup: the workspace becomes the backup's (after keeping the current one
    /// as a backup in turn).
    pub fn restore_backup(&self, key: &str) {
        let text = match self.store.with_value(|s| s.get(key)) {
            Ok(Some(t)) => t,
            Ok(None) => return self.notices.error("That backup is gone."),
            Err(e) => return self.notices.error(e.to_string()),
        };
        match crate::domain::exchange::restore(&text) {
            Ok(r) => {
                self.replace(r.workspace, Why::BeforeRestore, "Restored the backup");
            }
            Err(e) => self
                .notices
                .error(format!("This backup cannot be read: {e}")),
        }
    }

    /// The workspace as an export file's text.
    pub fn export_json(&self) -> String {
        self.all
            .with_untracked(|ws| to_export_json(ws, browser::now()))
    }

    /// Downloads the whole workspace, e.g. when storage is full.
    pub fn download_export(&self) {
        let name = crate::domain::exchange::export_file_name(browser::today(), "workspace");
        if let Err(e) = browser::download(&name, &self.export_json(), "application/json") {
            self.notices
                .error(format!("The download could not start: {e}"));
        }
    }
}
