//! Choosing people from the roster.

use crate::domain::roster::Member;
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// Options for a roster `<select>`: a first "none" entry, then live members.
pub fn member_options(state: AppState, none: &'static str, selected: Option<Id>) -> impl IntoView {
    let members: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    let none_selected = selected.is_none();
    view! {
        <option value="" selected=none_selected>{none}</option>
        {members
            .into_iter()
            .map(|(id, name)| {
                let sel = selected.as_ref() == Some(&id);
                view! { <option value=id.to_string() selected=sel>{name}</option> }
            })
            .collect_view()}
    }
}

/// The id a `<select>` of ids chose (a member, a rung, a team), or `None` for its empty
/// first option ("No owner yet", "Unplaced").
pub fn chosen_id(ev: &leptos::ev::Event) -> Option<Id> {
    let v = leptos::prelude::event_target_value(ev);
    (!v.is_empty()).then_some(Id(v))
}
