//! Import by file picker, drop or share link, with a preview before anything changes.

use crate::browser;
use crate::domain::exchange::{preview, Restored, MAX_BYTES};
use crate::domain::import::read_import;
use crate::domain::merge::plural;
use crate::domain::preview::removal_text;
use crate::state::AppState;
use crate::ui::FigureTable;
use crate::ui::Notices;
use leptos::prelude::*;

/// Reads an imported text (a file, a share, invite or contribution link) as [`read_import`]
/// does, with this browser's date and randomness.
pub fn read(text: &str) -> Result<Restored, String> {
    let mut rng = crate::domain::Rng::new(browser::random_seed());
    read_import(text, browser::today(), browser::now(), &mut rng)
}

/// Import by file picker or drop, with a preview before anything changes. On the Data page it
/// also opens share links; elsewhere (e.g. a workshop's contributions) it only takes files.
#[component]
pub fn ImportPanel(
    /// A heading other than “Import” (used outside the Data page).
    #[prop(optional)]
    heading: Option<&'static str>,
) -> impl IntoView {
    let notices = Notices::expect();
    let pending = RwSignal::new(None::<(String, Restored)>);
    let over = RwSignal::new(false);
    let take = move |file: web_sys::File| {
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            let e = crate::domain::exchange::RestoreError::TooLarge {
                bytes: file.size() as usize,
            };
            notices.error(format!(
                "“{name}” cannot be imported: {e} Nothing was changed."
            ));
            return;
        }
        browser::read_file_text(&file, move |text| match text.and_then(|t| read(&t)) {
            Ok(r) => pending.set(Some((name, r))),
            Err(e) => notices.error(format!(
                "“{name}” cannot be imported: {e} Nothing was changed."
            )),
        });
    };
    // A share link opens on the Data page: same preview as a file.
    let link = heading
        .is_none()
        .then(crate::share::take_from_location)
        .flatten();
    if let Some(data) = link {
        crate::share::read_link(&data, move |text| match text.and_then(|t| read(&t)) {
            Ok(r) => pending.set(Some(("the share link".to_owned(), r))),
            Err(e) => notices.error(format!(
                "The share link cannot be opened: {e} Nothing was changed."
            )),
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
        {move || pending.get().map(|(name, r)| view! { <ImportPreview name=name restored=r pending=pending/> })}
    }
}

/// What a file would change, and the choices: merge, a separate copy, or replace.
#[component]
fn ImportPreview(
    /// What is imported, for the heading ("“team.climb.json”", "the share link").
    name: String,
    /// What was read from it.
    restored: Restored,
    /// The pending import, cleared when the user decides.
    pending: RwSignal<Option<(String, Restored)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let p = state
        .all
        .with_untracked(|ws| preview(ws, &restored.workspace));
    let rows = p
        .rows()
        .into_iter()
        .filter(|(_, k)| **k != Default::default())
        .map(|(label, k)| {
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{k.new}</td>
                    <td>{k.updated}</td>
                    <td>{k.unchanged}</td>
                    <td>{k.kept}</td>
                    <td>{k.conflicting}</td>
                    <td>{k.removed}</td>
                </tr>
            }
        })
        .collect_view();
    let removes = removal_text(&p.removals);
    let unreadable = p.unreadable;
    let warnings: Vec<String> = restored.warnings.iter().map(ToString::to_string).collect();
    let ws = StoredValue::new(restored.workspace);
    view! {
        <section class="import-preview" aria-label="Import preview">
            <h3>{format!("What “{name}” holds")}</h3>
            <FigureTable
                name="What the file would change"
                quiet_caption=true
                class="trend-table"
                heads=vec!["Records", "New", "Updated", "Unchanged", "Kept (newer here)", "Conflicting", "Removed"]
            >
                {rows}
            </FigureTable>
            {removes.map(|t| view! {
                <p class="warning" role="note">
                    <strong>{t}</strong>
                    " Merging keeps this workspace as a backup first, so one step brings it back."
                </p>
            })}
            {(unreadable > 0).then(|| view! {
                <p>{format!(
                    "{} this version of Climb cannot read: merging keeps {} as {} and writes {} back with every save (a separate copy leaves them out).",
                    plural(unreadable, "record", "records"),
                    if unreadable == 1 { "it" } else { "them" },
                    if unreadable == 1 { "it is" } else { "they are" },
                    if unreadable == 1 { "it" } else { "them" },
                )}</p>
            })}
            {ws.with_value(|w| !w.checks.is_empty()).then(|| view! {
                <p class="hint">"A separate copy leaves the file's safety checks out: their answers cannot take new ids. Merge to keep them."</p>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <p>"What could not be read as it is:"</p>
                <ul class="import-warnings">
                    {warnings.iter().take(50).map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
                    {(warnings.len() > 50).then(|| view! { <li>{format!("…and {} more", warnings.len() - 50)}</li> })}
                </ul>
            })}
            <div class="row-actions">
                <button class="primary" on:click=move |_| {
                    ws.with_value(|w| state.import_merge(w, false));
                    pending.set(None);
                }>"Merge into this workspace"</button>
                <button on:click=move |_| {
                    ws.with_value(|w| state.import_merge(w, true));
                    pending.set(None);
                }>"Open as a separate copy"</button>
                <button class="danger" on:click=move |_| {
                    if browser::confirm("Replace everything in this workspace? It is kept as a backup first.")
                        && state.import_replace(ws.get_value())
                    {
                        pending.set(None);
                    }
                }>"Replace everything"</button>
                <button on:click=move |_| pending.set(None)>"Cancel"</button>
            </div>
        </section>
    }
}
