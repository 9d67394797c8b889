//! Adding someone who is already on another team (a coach usually is on all of them).

use crate::domain::roster::Member;
use crate::domain::teams::{is_member, TeamCommand};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// A choice of the people on other teams who are not on this one, and an Add button; shown
/// only when there is someone to add.
#[component]
pub fn FromOtherTeams() -> impl IntoView {
    let state = AppState::expect();
    let people = Memo::new(move |_| {
        let Some(team) = state.team.get() else {
            return Vec::new();
        };
        state.all.with(|ws| {
            let mut out: Vec<(Id, String)> = ws
                .live::<Member>()
                .filter(|m| !is_member(ws, &team, &m.meta.id))
                .filter(|m| {
                    ws.live::<crate::domain::teams::Membership>()
                        .any(|x| x.member_id == m.meta.id)
                })
                .map(|m| (m.meta.id.clone(), m.name.clone()))
                .collect();
            out.sort_by_key(|(_, n)| n.to_lowercase());
            out
        })
    });
    let chosen = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(team), Some(first)) = (
            state.team.get_untracked(),
            people.with_untracked(|p| p.first().cloned()),
        ) else {
            return;
        };
        let pick = chosen.get_untracked();
        let member = if pick.is_empty() { first.0 } else { Id(pick) };
        if state.dispatch(TeamCommand::Join { team, member }) {
            chosen.set(String::new());
        }
    };
    move || {
        (!people.with(Vec::is_empty)).then(|| view! {
            <form class="inline-form" on:submit=add aria-label="Add someone from another team">
                <label for="from-other-team">"Someone from another team"</label>
                <select id="from-other-team" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {people
                        .get()
                        .into_iter()
                        .map(|(id, name)| view! { <option value=id.0>{name}</option> })
                        .collect_view()}
                </select>
                <button type="submit">"Add to this team"</button>
            </form>
        })
    }
}
