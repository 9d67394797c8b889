use crate::browser;
use crate::domain::ladder::{Board, Card};
use crate::domain::roster::Member;
use crate::state::AppState;
use crate::ui::{EmptyState, Notices};
use leptos::prelude::*;

/// Export of the workspace, and the backups Climb kept of unreadable saved data.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let counts = move || {
        state.ws.with(|ws| {
            (
                ws.live::<Member>().count(),
                ws.live::<Board>().count(),
                ws.live::<Card>().count(),
            )
        })
    };
    let backups = RwSignal::new(state.store().backup_keys());
    let storage_ok = state.store().is_available();

    view! {
        <section class="page">
            <h1>"Data"</h1>
            <p class="lede">
                "Your workspace lives only in this browser. Export it to keep a copy or to share "
                "it with your team."
            </p>
            <h2>"This workspace"</h2>
            <p>
                {move || {
                    let (m, b, c) = counts();
                    format!("{m} team members, {b} boards, {c} cards.")
                }}
            </p>
            <p>
                {if storage_ok {
                    "Saved in this browser's local storage."
                } else {
                    "This browser blocks local storage: your work is kept in this tab only."
                }}
            </p>
            <button class="primary" on:click=move |_| state.download_export()>
                "Export workspace"
            </button>

            <h2>"Backups of unreadable data"</h2>
            {move || {
                let keys = backups.get();
                if keys.is_empty() {
                    return view! {
                        <EmptyState title="No backups">
                            <p>
                                "When saved data cannot be read, Climb keeps it here untouched "
                                "instead of overwriting it."
                            </p>
                        </EmptyState>
                    }
                        .into_any();
                }
                let rows = keys
                    .into_iter()
                    .map(|key| {
                        let download_label = format!("Download backup {key}");
                        let delete_label = format!("Delete backup {key}");
                        let k1 = key.clone();
                        let k2 = key.clone();
                        view! {
                            <li>
                                <code>{key}</code>
                                <button
                                    aria-label=download_label
                                    on:click=move |_| download_backup(state, notices, &k1)
                                >
                                    "Download"
                                </button>
                                <button
                                    class="danger"
                                    aria-label=delete_label
                                    on:click=move |_| delete_backup(state, notices, backups, &k2)
                                >
                                    "Delete"
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="backup-list" aria-label="Backups">{rows}</ul> }.into_any()
            }}
        </section>
    }
}

fn download_backup(state: AppState, notices: Notices, key: &str) {
    match state.store().get(key) {
        Ok(Some(raw)) => {
            let name = format!("{}.json", key.replace(':', "-"));
            if let Err(e) = browser::download(&name, &raw, "application/json") {
                notices.error(format!("The download could not start: {e}"));
            }
        }
        Ok(None) => notices.error("That backup is gone."),
        Err(e) => notices.error(e.to_string()),
    }
}

fn delete_backup(state: AppState, notices: Notices, backups: RwSignal<Vec<String>>, key: &str) {
    if !browser::confirm("Delete this backup for good? Download it first if unsure.") {
        return;
    }
    match state.store().remove(key) {
        Ok(()) => backups.set(state.store().backup_keys()),
        Err(e) => notices.error(e.to_string()),
    }
}
