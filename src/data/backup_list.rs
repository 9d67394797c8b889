//! The backups Climb kept in this browser, named by date and reason, with what each holds.

use crate::browser;
use crate::domain::backup::label;
use crate::domain::exchange::restore;
use crate::domain::merge::plural;
use crate::state::AppState;
use crate::storage::BACKUP_PREFIX;
use crate::ui::{EmptyState, Notices};
use leptos::prelude::*;

/// The list of backups with Download, Restore and Delete.
#[component]
pub fn BackupList() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <h2>"Backups"</h2>
        {move || {
            let keys = state.backups.get();
            if keys.is_empty() {
                return view! {
                    <EmptyState title="No backups">
                        <p>
                            "Climb keeps a backup here before an import replaces this workspace or "
                            "a merge removes records, and when saved data cannot be read."
                        </p>
                    </EmptyState>
                }
                    .into_any();
            }
            let rows = keys.into_iter().rev().map(|key| view! { <BackupRow key=key/> }).collect_view();
            view! { <ul class="backup-list" aria-label="Backups">{rows}</ul> }.into_any()
        }}
    }
}

/// What a backup holds, in words ("2 boards, 9 cards"), or why it cannot be read.
fn holds(text: &str) -> String {
    match restore(text) {
        Ok(r) => {
            let ws = &r.workspace;
            let boards = ws.boards.iter().filter(|b| !b.meta.deleted).count();
            let cards = ws.cards.iter().filter(|c| !c.meta.deleted).count();
            let goals = ws.goals.iter().filter(|g| !g.meta.deleted).count();
            let members = ws.members.iter().filter(|m| !m.meta.deleted).count();
            let mut parts = vec![
                plural(members, "team member", "team members"),
                plural(boards, "board", "boards"),
                plural(cards, "card", "cards"),
                plural(goals, "micro-goal", "micro-goals"),
            ];
            if !ws.kept.is_empty() {
                parts.push(format!(
                    "{} this version cannot read",
                    plural(ws.kept.len(), "record", "records")
                ));
            }
            parts.join(", ")
        }
        Err(_) => "data this version cannot read".to_owned(),
    }
}

/// One backup.
#[component]
fn BackupRow(
    /// The backup's storage key.
    key: String,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let name = label(BACKUP_PREFIX, &key);
    let text = state.store().get(&key).ok().flatten().unwrap_or_default();
    let what = holds(&text);
    let (k1, k2, k3) = (key.clone(), key.clone(), key);
    let download = move |_| {
        let file = format!("{}.json", k1.replace([':', '~'], "-"));
        match state.store().get(&k1) {
            Ok(Some(raw)) => {
                if let Err(e) = browser::download(&file, &raw, "application/json") {
                    notices.error(format!("The download could not start: {e}"));
                }
            }
            Ok(None) => notices.error("That backup is gone."),
            Err(e) => notices.error(e.to_string()),
        }
    };
    let restore_it = move |_| {
        if browser::confirm(
            "Replace this workspace with the backup? The current one is kept as a backup first.",
        ) {
            state.restore_backup(&k2);
        }
    };
    let delete = move |_| {
        if browser::confirm("Delete this backup for good? Download it first if unsure.") {
            state.delete_backup(&k3);
        }
    };
    view! {
        <li>
            <span class="backup-name">{name.clone()}</span>
            <span class="hint">{format!(" ({what})")}</span>
            <button aria-label=format!("Download backup {name}") on:click=download>"Download"</button>
            <button aria-label=format!("Restore backup {name}") on:click=restore_it>"Restore"</button>
            <button class="danger" aria-label=format!("Delete backup {name}") on:click=delete>"Delete"</button>
        </li>
    }
}
