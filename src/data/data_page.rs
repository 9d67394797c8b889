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
            <StorageUse/>
            <div class="row-actions">
                <button class="primary" on:click=move |_| state.download_export()>
                    "Export workspace"
                </button>
                <button on:click=move |_| {
                    let json = state.ws.with_untracked(|ws| crate::domain::exchange::to_storage_json(ws, browser::now()));
                    share_json(state, notices, json);
                }>
                    "Copy share link"
                </button>
            </div>

            <ImportPanel backups=backups/>
            <h2>"Backups"</h2>
            {move || {
                let keys = backups.get();
                if keys.is_empty() {
                    return view! {
                        <EmptyState title="No backups">
                            <p>
                                "Climb keeps a backup here before replacing this workspace with an "
                                "imported one, and when saved data cannot be read."
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
                        let k3 = key.clone();
                        let restore_label = format!("Restore backup {key}");
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
                                    aria-label=restore_label
                                    on:click={
                                        let k = k3;
                                        move |_| {
                                            if browser::confirm("Replace this workspace with the backup? The current one is kept as a backup first.") {
                                                state.restore_backup(&k);
                                                backups.set(state.store().backup_keys());
                                            }
                                        }
                                    }
                                >
                                    "Restore"
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

/// Import by file picker or by dropping a file: a preview first, then merge, a separate copy,
/// or replace (after a backup).
/// Import by file picker or drop, with a preview before anything changes. On the Data page it
/// also opens share links; elsewhere (e.g. a workshop's contributions) it only takes files.
#[component]
pub fn ImportPanel(
    /// The Data page's list of backups, refreshed after a replace.
    #[prop(optional)]
    backups: Option<RwSignal<Vec<String>>>,
    /// A heading other than “Import” (used outside the Data page).
    #[prop(optional)]
    heading: Option<&'static str>,
) -> impl IntoView {
    use crate::domain::exchange::{preview, restore, KindPreview, Restored, MAX_BYTES};
    let state = AppState::expect();
    let notices = Notices::expect();
    let pending = RwSignal::new(None::<(String, Restored)>);
    let over = RwSignal::new(false);
    let take = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            notices.error(format!(
                "“{name}” is larger than {} MB; nothing was changed.",
                MAX_BYTES / (1024 * 1024)
            ));
            return;
        }
        browser::read_file_text(&file, move |text| {
            match text.and_then(|t| read_import(&t)) {
                Ok(r) => pending.set(Some((name, r))),
                Err(e) => notices.error(format!(
                    "“{name}” cannot be imported: {e} Nothing was changed."
                )),
            }
        });
    };
    // A share link opens on the Data page: same preview as a file.
    let link = heading
        .is_none()
        .then(crate::share::take_from_location)
        .flatten();
    if let Some(data) = link {
        crate::share::read_link(&data, move |text| {
            match text.and_then(|t| restore(&t).map_err(|e| e.to_string())) {
                Ok(r) => pending.set(Some(("the share link".to_owned(), r))),
                Err(e) => notices.error(format!(
                    "The share link cannot be opened: {e}. Nothing was changed."
                )),
            }
        });
    }
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            take(f);
        }
        input.set_value("");
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            take(f);
        }
    };
    let row = |label: &'static str, k: KindPreview| {
        view! {
            <tr>
                <th scope="row">{label}</th>
                <td>{k.new}</td>
                <td>{k.updated}</td>
                <td>{k.unchanged}</td>
                <td>{k.kept}</td>
                <td>{k.conflicting}</td>
            </tr>
        }
    };
    let preview_panel = move || {
        pending.get().map(|(name, r)| {
            let p = state.ws.with_untracked(|ws| preview(ws, &r.workspace));
            let warnings = r.warnings.clone();
            let (ws1, ws2, ws3) = (r.workspace.clone(), r.workspace.clone(), r.workspace.clone());
            view! {
                <section class="import-preview" aria-label="Import preview">
                    <h3>{format!("What “{name}” holds")}</h3>
                    <table class="trend-table">
                        <thead>
                            <tr>
                                <th scope="col">"Records"</th>
                                <th scope="col">"New"</th>
                                <th scope="col">"Updated"</th>
                                <th scope="col">"Unchanged"</th>
                                <th scope="col">"Kept (newer here)"</th>
                                <th scope="col">"Conflicting"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {row("Team members", p.members)}
                            {row("Boards", p.boards)}
                            {row("Cards", p.cards)}
                            {row("Covenants", p.covenants)}
                            {row("Micro-goals", p.goals)}
                            {row("Workshop placements and votes", p.ballots)}
                        </tbody>
                    </table>
                    {(!warnings.is_empty()).then(|| view! {
                        <p>"Records that could not be read (they will be skipped):"</p>
                        <ul class="import-warnings">
                            {warnings.iter().take(50).map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}
                            {(warnings.len() > 50).then(|| view! { <li>{format!("…and {} more", warnings.len() - 50)}</li> })}
                        </ul>
                    })}
                    <div class="row-actions">
                        <button class="primary" on:click=move |_| {
                            state.import_merge(&ws1, false);
                            pending.set(None);
                        }>"Merge into this workspace"</button>
                        <button on:click=move |_| {
                            state.import_merge(&ws2, true);
                            pending.set(None);
                        }>"Open as a separate copy"</button>
                        <button class="danger" on:click=move |_| {
                            if browser::confirm("Replace everything in this workspace? It is kept as a backup first.")
                                && state.import_replace(ws3.clone())
                            {
                                pending.set(None);
                                if let Some(b) = backups {
                                    b.set(state.store().backup_keys());
                                }
                            }
                        }>"Replace everything"</button>
                        <button on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </section>
            }
        })
    };
    view! {
        <h2>{heading.unwrap_or("Import")}</h2>
        <div
            class="drop-zone"
            class:drop-target=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <label for="import-file">"Import a file (.climb.json)"</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=on_pick/>
            <p class="hint">"…or drop it here. Nothing changes until you choose what to do with it."</p>
        </div>
        {preview_panel}
    }
}

/// Reads an imported text: a Climb file through the one restore path, or a Scrumlr export,
/// which becomes a new board with its notes in the unplaced tray.
fn read_import(text: &str) -> Result<crate::domain::exchange::Restored, String> {
    use crate::domain::exchange::{restore, Restored, SCHEMA_VERSION};
    use crate::domain::scrumlr::{from_scrumlr, looks_like_scrumlr};
    if looks_like_scrumlr(text) {
        let mut rng = crate::domain::Rng::new(browser::random_seed());
        let workspace = from_scrumlr(text, browser::today(), browser::now(), &mut rng)?;
        return Ok(Restored {
            workspace,
            warnings: Vec::new(),
            schema_version: SCHEMA_VERSION,
            exported_at: None,
        });
    }
    restore(text).map_err(|e| e.to_string())
}

/// Copies a share link for `json`, or says why not and offers the file.
pub fn share_json(state: AppState, notices: Notices, json: String) {
    crate::share::make_link(&json, move |link| match link {
        Ok(link) => {
            let kb = link.len().div_ceil(1024);
            browser::copy_text(&link, move |ok| {
                if ok {
                    notices.success(format!(
                        "Share link copied ({kb} KB). Whoever opens it sees an import preview; nothing is sent anywhere."
                    ));
                } else {
                    notices.error("The browser refused the clipboard.");
                }
            });
        }
        Err(why) => notices.with_action(
            crate::ui::NoticeKind::Error,
            format!("No share link: {why}. Share a file instead."),
            "Export workspace",
            move || state.download_export(),
        ),
    });
}

/// How much of the browser's storage Climb uses, and whether the browser keeps it.
#[component]
fn StorageUse() -> impl IntoView {
    use crate::domain::quota::{Usage, LOCAL_STORAGE_CHARS};
    let state = AppState::expect();
    let usage = Memo::new(move |_| {
        // Measured again after every save.
        state.save.track();
        Usage::of(state.store().used_chars(), LOCAL_STORAGE_CHARS)
    });
    view! {
        <p data-testid="storage-use">
            {move || format!("Climb uses {} of the storage browsers allow a site.", usage.get().text())}
        </p>
        {move || usage.get().near_full().then(|| view! {
            <p class="warning" role="alert">
                "Storage is nearly full. Export the workspace, then delete boards you no longer "
                "need; when storage is full, changes stay in this tab only."
            </p>
        })}
        <p>
            {move || match state.persisted.get() {
                Some(true) => "Persistent storage is on: the browser will not clear Climb's data to free space.",
                Some(false) => "Persistent storage is off: the browser may clear Climb's data when space runs low. Export regularly.",
                None => "This browser does not say whether it keeps Climb's data: export regularly.",
            }}
        </p>
    }
}
