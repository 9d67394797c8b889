use crate::domain::{BoardCommand, Command, Id};
use crate::state::AppState;
use crate::ui::{member_from_value, member_options};
use leptos::prelude::*;

/// A one-line form that adds a card straight onto a rung, or into the tray.
#[component]
pub fn AddCard(
    board: Id,
    /// The rung to add to; `None` for the unplaced tray.
    rung: Option<Id>,
    /// The place's name, for the field's label ("New card on Excuses").
    place: String,
) -> impl IntoView {
    let state = AppState::expect();
    let text = RwSignal::new(String::new());
    let author = RwSignal::new(None::<Id>);
    let field = format!(
        "new-card-{}",
        rung.as_ref().map(Id::as_str).unwrap_or("tray")
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = BoardCommand::AddCard {
            board: board.clone(),
            text: text.get_untracked(),
            author: author.get_untracked(),
            rung: rung.clone(),
        };
        if state.dispatch(Command::Board(cmd)) {
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
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <select
                aria-label=format!("Author of the new card on {place}")
                on:change=move |ev| author.set(member_from_value(event_target_value(&ev)))
            >
                {member_options(state, "Anonymous", None)}
            </select>
            <button type="submit" aria-label=format!("Add card to {place}")>"Add"</button>
        </form>
    }
}
