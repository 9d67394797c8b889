//! Records this version of Climb cannot read: how many, and a download of them.

use crate::browser;
use crate::domain::merge::plural;
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// Shown only when the workspace holds records this build cannot read.
#[component]
pub fn KeptRecords() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let count = Memo::new(move |_| state.all.with(|ws| ws.kept.len()));
    let download = move |_| {
        let json = state.all.with_untracked(|ws| ws.kept.to_file_json());
        if let Err(e) =
            browser::download("climb-unreadable-records.json", &json, "application/json")
        {
            notices.error(format!("The download could not start: {e}"));
        }
    };
    move || {
        let n = count.get();
        (n > 0).then(|| {
            view! {
                <section aria-labelledby="kept-heading">
                    <h2 id="kept-heading">"Records this version cannot read"</h2>
                    <p>
                        {format!(
                            "{} in this workspace could not be read by this version of Climb (a newer \
                             version may have written {}, or {} damaged). Climb keeps {} exactly as \
                             {} and writes {} back with every save.",
                            plural(n, "record", "records"),
                            if n == 1 { "it" } else { "them" },
                            if n == 1 { "it is" } else { "they are" },
                            if n == 1 { "it" } else { "them" },
                            if n == 1 { "it is" } else { "they are" },
                            if n == 1 { "it" } else { "them" },
                        )}
                    </p>
                    <ul class="kept-list" aria-label="Unreadable records">
                        {move || state.all.with(|ws| {
                            let mut items: Vec<String> = ws
                                .kept
                                .records
                                .iter()
                                .take(20)
                                .map(|r| format!("In {}: {}", r.collection, r.reason))
                                .collect();
                            items.extend(ws.kept.parts.iter().take(5).map(|(k, _)| {
                                format!("“{k}”: a part of the saved data this version does not know or cannot read")
                            }));
                            let more = ws.kept.len().saturating_sub(items.len());
                            if more > 0 {
                                items.push(format!("…and {more} more"));
                            }
                            items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()
                        })}
                    </ul>
                    <button on:click=download>"Download unreadable records"</button>
                </section>
            }
        })
    }
}
