//! The small field at the end of each rung that adds a card there.

use crate::domain::{BoardCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// A one-line form that adds an anonymous card straight onto a rung, or into the tray (the
/// card editor signs it, for an author who wants to).
#[component]
pub fn AddCard(
    /// The board to add to.
    board: Id,
    /// The rung to add to; `None` for the unplaced tray.
    rung: Option<Id>,
    /// The place's name, for the field's label ("New card on Excuses").
    place: String,
) -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let field = format!(
        "new-card-{}",
        rung.as_ref().map(Id::as_str).unwrap_or("tray")
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = BoardCommand::AddCard {
            board: board.clone(),
            text: text.get_untracked(),
            author: None,
            rung: rung.clone(),
        };
        if state.dispatch(cmd) {
            text.set(String::new());
        }
    };
    view! {
        <form class="add-card" on:submit=submit>
            <label class="visually-hidden" for=field.clone()>
                {format!("New card on {place}")}
            </label>
            <input
                id=field
                type="text"
                maxlength="1000"
                placeholder="Add a situation…"
                autocomplete="off"
                bind:value=text
            />
            <button type="submit" class="icon-button" aria-label=format!("Add card to {place}") title="Add">
                "+"
            </button>
        </form>
    }
}
