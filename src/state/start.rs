//! Start-up: the workspace loaded from storage (or an empty one, with what could not be read
//! kept and said), the first team of a new browser, and the listeners that keep state saved.

use super::autosave::short_reason;
use super::{AppState, SaveStatus};
use crate::browser;
use crate::domain::{History, Id, Rng, Workspace};
use crate::storage::{Loaded, LocalStore, WORKSPACE_KEY};
use crate::ui::{NoticeKind, Notices};
use leptos::prelude::*;

impl AppState {
    /// Loads the workspace from storage (or starts empty) and wires up autosave.
    pub fn start(notices: Notices) -> Self {
        let store = LocalStore::open();
        let mut ws = Workspace::default();
        let mut save = SaveStatus::Saved;
        let mut saving_paused = false;
        let mut last_stored = None;
        match store.load(browser::now()) {
            Ok((Loaded::Empty, _)) => {}
            Ok((Loaded::Workspace(r, backup), raw)) => {
                last_stored = raw;
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
                last_stored = Some(raw.clone());
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
                        saving_paused = true;
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
        let board_on_screen: StoredValue<Option<Signal<Option<Id>>>> = StoredValue::new(None);
        // The team on screen: the team of the board the page shows (a link from another
        // team's board, an invite), else the chosen one while it is open.
        let team = Memo::new(move |_| {
            let chosen = chosen.get();
            let board = board_on_screen.get_value().and_then(|s| s.get());
            all.with(|ws| {
                board
                    .and_then(|b| ws.get::<crate::domain::ladder::Board>(&b))
                    .and_then(|b| b.team_id.clone())
                    .filter(|t| ws.get::<crate::domain::teams::Team>(t).is_some())
                    .or_else(|| crate::domain::teams::current_team(ws, chosen.as_ref()))
            })
        });
        let history = RwSignal::new(History::default());
        let store = StoredValue::new_local(store);
        let backups_changed = Trigger::new();
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
            board_on_screen,
            save: RwSignal::new(save.clone()),
            undo_label: Memo::new(move |_| history.with(|h| h.undo_label().map(str::to_owned))),
            redo_label: Memo::new(move |_| history.with(|h| h.redo_label().map(str::to_owned))),
            persisted: RwSignal::new(None),
            history,
            rng: StoredValue::new(rng),
            store,
            save_timer: Default::default(),
            saving_paused: StoredValue::new(saving_paused),
            last_save_failed: StoredValue::new(matches!(save, SaveStatus::NotSaved(_))),
            last_stored: StoredValue::new(last_stored),
            backups: Memo::new(move |_| {
                backups_changed.track();
                store.with_value(LocalStore::backup_keys)
            }),
            backups_changed,
            outside_edits: RwSignal::new(0),
            asked_to_persist: StoredValue::new(false),
            warned_nearly_full: StoredValue::new(false),
            other_keys_chars: StoredValue::new(others),
            refusal_notice: StoredValue::new(None),
            notices,
        };
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
