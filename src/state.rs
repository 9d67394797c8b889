//! The app's reactive state: one workspace signal holding every team, the current team's view
//! of it that pages read, commands applied through the domain's history on behalf of the
//! current team, and a debounced autosave that is flushed when the page is hidden.

use crate::browser;
use crate::domain::backup::Why;
use crate::domain::exchange::{merge, restore, to_export_json, to_storage_json};
use crate::domain::{Command, History, Id, Rng, Workspace};
use crate::storage::{Loaded, LocalStore, StorageError, WORKSPACE_KEY};
use crate::ui::{NoticeKind, Notices};
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
    focus: StoredValue<Option<Signal<Option<Id>>>>,
    pub save: RwSignal<SaveStatus>,
    /// Labels of the next undo and redo, for the buttons' names.
    pub undo_label: RwSignal<Option<String>>,
    pub redo_label: RwSignal<Option<String>>,
    /// Whether the browser keeps Climb's storage even when space runs low (`None`: unknown
    /// or unsupported).
    pub persisted: RwSignal<Option<bool>>,
    /// Keys of the backups in storage, oldest first; refreshed whenever this tab keeps or
    /// deletes one.
    pub backups: RwSignal<Vec<String>>,
    history: StoredValue<History>,
    rng: StoredValue<Rng>,
    store: StoredValue<LocalStore, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// Saving is paused while storage holds data we could neither read nor back up.
    hold: StoredValue<bool>,
    /// Whether the last save failed, so a failure is announced once, not on every keystroke.
    failing: StoredValue<bool>,
    /// The stored text as this tab last read or wrote it. Anything else in storage was saved
    /// by another tab, and is merged in before this tab writes.
    known: StoredValue<Option<String>>,
    /// Asked for persistent storage, and warned of nearly full storage, in this tab.
    asked_persist: StoredValue<bool>,
    warned_full: StoredValue<bool>,
    /// The notice of the last refused command: it goes once a command succeeds (what it
    /// complained about is then fixed, or no longer the point).
    refusal: StoredValue<Option<u64>>,
    /// Characters stored under keys other than the workspace's (backups, other apps on this
    /// site), measured at start so that a save need not count them again.
    others: StoredValue<usize>,
    notices: Notices,
}

impl AppState {
    pub fn expect() -> Self {
        expect_context::<AppState>()
    }

    /// Loads the workspace from storage (or starts empty) and wires up autosave.
    pub fn start(notices: Notices) -> Self {
        let store = LocalStore::open();
        let mut ws = Workspace::default();
        let mut save = SaveStatus::Saved;
        let mut hold = false;
        let mut known = None;
        match store.load(browser::now()) {
            Ok((Loaded::Empty, _)) => {}
            Ok((Loaded::Workspace(r, backup), raw)) => {
                known = raw;
                if let Some(text) = load_warnings(&r, backup.as_deref()) {
                    notices.info(text);
                }
                ws = r.workspace;
            }
            Ok((
                Loaded::Unreadable {
                    raw,
                    error,
                    backup_key,
                },
                _,
            )) => {
                // Saving over it is fine once it is backed up: it is no other tab's work.
                // Data from a newer Climb is never saved over, backup or not: the newer build
                // is still in use.
                known = Some(raw.clone());
                let newer = matches!(
                    error,
                    crate::domain::exchange::RestoreError::NewerSchema { .. }
                );
                match backup_key.filter(|_| !newer) {
                    Some(_) => notices.error(format!(
                    "The saved workspace could not be read: {error} It was kept untouched as a \
                     backup; you can download it from the Data page. Climb starts with an \
                     empty workspace."
                )),
                    None => {
                        hold = true;
                        save = SaveStatus::NotSaved(
                            "saved data could not be read and is kept untouched".into(),
                        );
                        notices.with_action(
                            NoticeKind::Error,
                            format!(
                            "The saved workspace could not be read: {error} Climb will not save \
                             over it. Download it to keep it."
                        ),
                            "Download saved data",
                            move || {
                                let _ = browser::download(
                                    "climb-unreadable-backup.json",
                                    &raw,
                                    "application/json",
                                );
                            },
                        );
                    }
                }
            }
            Err(e) => {
                save = SaveStatus::NotSaved(short_reason(&e));
                notices.error(e.to_string());
            }
        }
        let others = store.used_chars_except(Some(WORKSPACE_KEY));
        let mut rng = Rng::new(browser::random_seed());
        first_team(&mut ws, &mut rng, &store);
        let chosen = RwSignal::new(store.get(TEAM_KEY).ok().flatten().map(Id));
        let all = RwSignal::new(ws);
        let focus: StoredValue<Option<Signal<Option<Id>>>> = StoredValue::new(None);
        // The team on screen: the team of the board the page shows (a link from another
        // team's board, an invite), else the chosen one while it is open.
        let team = Memo::new(move |_| {
            let chosen = chosen.get();
            let board = focus.get_value().and_then(|s| s.get());
            all.with(|ws| {
                board
                    .and_then(|b| ws.get::<crate::domain::ladder::Board>(&b))
                    .and_then(|b| b.team_id.clone())
                    .filter(|t| ws.get::<crate::domain::teams::Team>(t).is_some())
                    .or_else(|| crate::domain::teams::current_team(ws, chosen.as_ref()))
            })
        });
        let state = AppState {
            ws: Memo::new(move |_| {
                let team = team.get();
                all.with(|ws| match &team {
                    Some(t) => crate::domain::team_view::view(ws, t),
                    None => ws.clone(),
                })
            }),
            all,
            team,
            chosen,
            focus,
            save: RwSignal::new(save.clone()),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            persisted: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            rng: StoredValue::new(rng),
            store: StoredValue::new_local(store),
            timer: StoredValue::new_local(None),
            hold: StoredValue::new(hold),
            failing: StoredValue::new(matches!(save, SaveStatus::NotSaved(_))),
            known: StoredValue::new(known),
            backups: RwSignal::new(Vec::new()),
            asked_persist: StoredValue::new(false),
            warned_full: StoredValue::new(false),
            others: StoredValue::new(others),
            refusal: StoredValue::new(None),
            notices,
        };
        state.refresh_backups();
        // One effect persists every change, whatever path made it; the first run only
        // subscribes, so loading never writes.
        Effect::new(move |prev: Option<()>| {
            state.all.track();
            if prev.is_some() {
                state.schedule_save();
            }
        });
        browser::on_page_hide(move || state.flush());
        browser::storage_persisted(move |p| state.persisted.set(p));
        // Another tab saved (the storage event), or this tab comes back to the front.
        browser::on_window_event("storage", move || state.sync_from_other_tabs());
        browser::on_window_event("focus", move || state.sync_from_other_tabs());
        state
    }

    /// After a successful save: remember what was written, ask once for persistent storage
    /// (there is data worth keeping now), and warn once when storage is nearly full.
    fn after_save(&self, json: String) {
        use crate::domain::quota::{Usage, LOCAL_STORAGE_CHARS};
        let used = self.others.get_value() + WORKSPACE_KEY.len() + json.len();
        self.known.set_value(Some(json));
        if !self.asked_persist.get_value() && self.persisted.get_untracked() != Some(true) {
            self.asked_persist.set_value(true);
            let this = *self;
            browser::persist_storage(move |p| this.persisted.set(p));
        }
        let usage = Usage::of(used, LOCAL_STORAGE_CHARS);
        if usage.near_full() && !self.warned_full.get_value() {
            self.warned_full.set_value(true);
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

    /// What another tab saved since this tab last read or wrote storage, if anything.
    fn foreign_text(&self) -> Option<String> {
        let stored = self
            .store
            .with_value(|s| s.get(WORKSPACE_KEY))
            .ok()
            .flatten()?;
        let ours = self
            .known
            .with_value(|k| k.as_deref() == Some(stored.as_str()));
        (!ours).then_some(stored)
    }

    /// Merges another tab's saved workspace into this one (the newer version of each record
    /// wins, as in any merge) and says so. Returns `false`, and stops saving, when that data
    /// cannot be read: it may come from a newer Climb and must not be overwritten.
    fn take_foreign(&self, text: String) -> bool {
        match restore(&text) {
            Ok(r) => {
                let merged = self.all.with_untracked(|ws| merge(ws, &r.workspace));
                self.known.set_value(Some(text));
                if self.all.with_untracked(|ws| *ws != merged) {
                    self.all.set(merged);
                    self.notices
                        .info("Updated with the changes saved in another tab.");
                }
                true
            }
            Err(e) => {
                self.hold.set_value(true);
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
        if self.hold.get_value() {
            return;
        }
        if let Some(text) = self.foreign_text() {
            self.take_foreign(text);
        }
    }

    /// Applies a command; on error shows why and changes nothing. Returns whether it applied.
    pub fn dispatch(&self, cmd: impl Into<Command>) -> bool {
        self.dispatch_with(cmd, |_| {})
    }

    /// Applies a command and hands the resulting change to `then` (e.g. to offer Undo).
    pub fn dispatch_with(
        &self,
        cmd: impl Into<Command>,
        then: impl FnOnce(&crate::domain::workspace::Change),
    ) -> bool {
        let cmd = cmd.into();
        let now = browser::now();
        let mut result = None;
        self.rng.update_value(|rng| {
            self.history.update_value(|h| {
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
        self.refresh_history_labels();
        match result {
            Some(Ok(change)) => {
                if let Some(id) = self.refusal.get_value() {
                    self.notices.dismiss(id);
                    self.refusal.set_value(None);
                }
                then(&change);
                true
            }
            Some(Err(e)) => {
                if let Some(id) = self.refusal.get_value() {
                    self.notices.dismiss(id);
                }
                let id = self.notices.push(NoticeKind::Error, e.to_string(), None);
                self.refusal.set_value(Some(id));
                false
            }
            None => false,
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

    pub fn undo(&self) {
        self.travel(false);
    }

    pub fn redo(&self) {
        self.travel(true);
    }

    /// Undoes (or redoes) the last change; the workspace is only touched when there is one.
    fn travel(&self, redo: bool) {
        let now = browser::now();
        let mut label = None;
        self.rng.update_value(|rng| {
            self.history.update_value(|h| {
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
        self.refresh_history_labels();
        if let Some(l) = label {
            // Offers to undo are stale once something was undone or redone.
            self.notices.dismiss_action("Undo");
            let verb = if redo { "Redone" } else { "Undone" };
            self.notices.info(format!("{verb}: {l}"));
        }
    }

    /// Forgets what can be undone and redone: on a shared screen, the next participant must
    /// not undo (or learn from the button's label) what the one before them did.
    pub fn forget_history(&self) {
        self.history.update_value(History::clear);
        self.refresh_history_labels();
    }

    fn refresh_history_labels(&self) {
        self.history.with_value(|h| {
            self.undo_label.set(h.undo_label().map(str::to_owned));
            self.redo_label.set(h.redo_label().map(str::to_owned));
        });
    }

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
        let removes = crate::domain::merge::removal_text(&removals);
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
        self.history.update_value(|h| h.record(c));
        self.refresh_history_labels();
        let this = *self;
        let records = crate::domain::merge::plural(n, "record", "records");
        match (removes, backup) {
            (Some(_), Some(key)) => self.notices.with_action(
                NoticeKind::Success,
                format!(
                    "Merged: {records} changed. {} The workspace as it was before is kept as \
                     a backup on the Data page.",
                    crate::domain::merge::removal_text_done(&removals).unwrap_or_default()
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
    fn keep_backup(&self, why: Why) -> Result<String, StorageError> {
        let now = browser::now();
        let json = self.all.with_untracked(|ws| to_storage_json(ws, now));
        let key = self.store.with_value(|s| s.backup(&json, now, why));
        self.refresh_backups();
        key
    }

    /// Re-reads the list of backups (after this tab kept or deleted one).
    pub fn refresh_backups(&self) {
        self.backups
            .set(self.store.with_value(LocalStore::backup_keys));
    }

    /// Deletes a backup for good.
    pub fn delete_backup(&self, key: &str) {
        if let Err(e) = self.store.with_value(|s| s.remove(key)) {
            self.notices.error(e.to_string());
        }
        self.refresh_backups();
    }

    /// Replaces the whole workspace, after keeping the current one as a backup that the Data
    /// page can restore in one step. Refused (and nothing changes) when the backup fails.
    pub fn import_replace(&self, incoming: Workspace) -> bool {
        self.replace(incoming, Why::BeforeReplace, "Replaced")
    }

    /// Makes the workspace `incoming`, as new versions of every record (so other tabs and
    /// copies follow instead of merging the old records back), after a backup of `why`.
    fn replace(&self, incoming: Workspace, why: Why, done: &str) -> bool {
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
            self.history.update_value(|h| h.record(c));
        }
        self.refresh_history_labels();
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

    /// The notices, for a confirmation after a command.
    pub fn notices(&self) -> Notices {
        self.notices
    }

    pub fn store(&self) -> LocalStore {
        self.store.get_value()
    }

    fn schedule_save(&self) {
        if self.hold.get_value() {
            return;
        }
        self.save.set(SaveStatus::Saving);
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
        let this = *self;
        match set_timeout_with_handle(move || this.flush(), AUTOSAVE_DEBOUNCE) {
            Ok(h) => self.timer.set_value(Some(h)),
            // No timers: save at once rather than never.
            Err(_) => self.flush(),
        }
    }

    /// Saves now, whatever the save state (the indicator's Retry button).
    pub fn save_now(&self) {
        if self.hold.get_value() {
            return;
        }
        self.save.set(SaveStatus::Saving);
        self.flush();
    }

    /// Writes pending changes now (called by the debounce timer and when the page hides).
    pub fn flush(&self) {
        if self.hold.get_value() || self.save.get_untracked() != SaveStatus::Saving {
            return;
        }
        self.timer.update_value(|t| {
            if let Some(h) = t.take() {
                h.clear();
            }
        });
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
                if self.failing.get_value() {
                    self.failing.set_value(false);
                    self.notices
                        .success("Saving works again: everything is saved.");
                }
            }
            Err(e) => {
                self.save.set(SaveStatus::NotSaved(short_reason(&e)));
                if !self.failing.get_value() {
                    self.failing.set_value(true);
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

/// Where this browser keeps the team last chosen in the switcher.
pub const TEAM_KEY: &str = "climb.team";

/// A browser with no team yet (a first visit) starts with one, so a newcomer never has to
/// think about teams. Untouched, it steps aside for a team imported from a file (see
/// `teams::untouched`). Its id is kept in storage at once, so a second tab opened before
/// the first one saved starts with the same team rather than a second "Our team".
fn first_team(ws: &mut Workspace, rng: &mut Rng, store: &LocalStore) {
    use crate::domain::teams::{teams, Team, DEFAULT_TEAM};
    if teams(ws).next().is_some() {
        return;
    }
    let mut meta = crate::domain::Meta::new(browser::now(), rng);
    match store
        .get(TEAM_KEY)
        .ok()
        .flatten()
        .filter(|k| !k.trim().is_empty())
    {
        Some(id) => meta.id = Id(id),
        None => {
            let _ = store.set(TEAM_KEY, meta.id.as_str());
        }
    }
    ws.teams.push(Team {
        meta,
        name: DEFAULT_TEAM.to_owned(),
        archived: false,
    });
}

impl AppState {
    /// Makes the team on screen follow the board a page shows (call once, before rendering).
    pub fn follow_boards(&self, board: Signal<Option<Id>>) {
        self.focus.set_value(Some(board));
    }

    /// The name of the team on screen (tracked).
    pub fn team_name(&self) -> Option<String> {
        let team = self.team.get()?;
        self.all.with(|ws| {
            ws.get::<crate::domain::teams::Team>(&team)
                .map(|t| t.name.clone())
        })
    }

    /// Subscribes to the user's switches of team (not to a team that comes on screen by
    /// itself, as after importing a team's file: that must not rebuild the page at work).
    pub fn track_switches(&self) {
        self.chosen.track();
    }

    /// Shows `team` on every page from now on (and on the next visit).
    pub fn switch_team(&self, team: &Id) {
        self.chosen.set(Some(team.clone()));
        let _ = self.store.with_value(|s| s.set(TEAM_KEY, team.as_str()));
    }
}

fn short_reason(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable(_) => "storage is blocked; kept in this tab only".into(),
        StorageError::QuotaExceeded => "storage is full; export your work".into(),
        StorageError::Other(w) => w.clone(),
    }
}

/// The notice for a workspace that was read only in part, if it was.
fn load_warnings(r: &crate::domain::exchange::Restored, backup: Option<&str>) -> Option<String> {
    use crate::domain::merge::plural;
    if r.warnings.is_empty() {
        return None;
    }
    let kept = r.workspace.kept.len();
    let repaired = r.warnings.iter().filter(|w| !w.kept).count();
    let mut text = String::new();
    if kept > 0 {
        text.push_str(&format!(
            "{} saved by Climb could not be read by this version. {} kept as {} and \
             saved back with every change; the Data page lists {} and offers a download. ",
            plural(kept, "record", "records"),
            if kept == 1 { "It is" } else { "They are" },
            if kept == 1 { "it is" } else { "they are" },
            if kept == 1 { "it" } else { "them" },
        ));
    }
    if repaired > 0 {
        let list: Vec<String> = r
            .warnings
            .iter()
            .filter(|w| !w.kept)
            .take(5)
            .map(ToString::to_string)
            .collect();
        text.push_str(&format!("Repaired: {}. ", list.join("; ")));
    }
    match backup {
        Some(_) => text.push_str("The saved data as it was is kept as a backup on the Data page."),
        None if repaired > 0 => text.push_str(
            "Climb could not keep a backup of the saved data as it was: export it before \
             changing anything if unsure.",
        ),
        None => {}
    }
    Some(text.trim_end().to_owned())
}
