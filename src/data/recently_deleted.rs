//! Recently deleted boards, cards, micro-goals, team members and covenants, each with a way
//! back (deletions are tombstones, so the data is all still there).

use crate::domain::deleted::{recently_deleted, Deleted};
use crate::domain::merge::plural;
use crate::domain::Command;
use crate::state::AppState;
use leptos::prelude::*;

/// How many deleted records the list shows.
const SHOWN: usize = 30;

/// The "Recently deleted" list.
#[component]
pub fn RecentlyDeleted() -> impl IntoView {
    let state = AppState::expect();
    let items = Memo::new(move |_| state.ws.with(|ws| recently_deleted(ws, SHOWN)));
    view! {
        <h2>"Recently deleted"</h2>
        {move || {
            let list = items.get();
            if list.is_empty() {
                return view! { <p class="hint">"No deleted records to bring back. What you delete shows here, with a way back."</p> }
                    .into_any();
            }
            let rows = list.into_iter().map(|d| view! { <DeletedRow item=d/> }).collect_view();
            view! { <ul class="deleted-list" aria-label="Recently deleted">{rows}</ul> }.into_any()
        }}
    }
}

/// One deleted record and its Restore button.
#[component]
fn DeletedRow(
    /// The deleted record.
    item: Deleted,
) -> impl IntoView {
    let state = AppState::expect();
    let Deleted {
        kind,
        id,
        name,
        at,
        cards,
    } = item;
    let with_cards = match cards {
        0 => String::new(),
        n => format!(" and its {}", plural(n, "card", "cards")),
    };
    let what = format!("{} “{name}”{with_cards}", kind.label());
    let label = format!("Restore {what}");
    let when = crate::domain::backup::when(&at);
    let title = {
        let mut c = what.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    let restore = move |_| {
        state.dispatch_undoable(
            Command::Undelete {
                kind,
                id: id.clone(),
            },
            format!("Restored {what}."),
        );
    };
    view! {
        <li>
            <span>{title}</span>
            <span class="hint">{format!("deleted {when}")}</span>
            <button aria-label=label on:click=restore>"Restore"</button>
        </li>
    }
}
