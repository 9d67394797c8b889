//! One row of the roster: the name, rename in place, and remove (handing over open goals
//! first).

use super::hand_over::HandOver;
use crate::domain::goals::{held_goals, Goal};
use crate::domain::roster::Member;
use crate::domain::{Command, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// One roster entry, with rename in place and remove (undoable).
#[component]
pub fn MemberRow(
    /// The member as stored when the row was rendered.
    member: Member,
) -> impl IntoView {
    let editing = RwSignal::new(false);
    let Member { meta, name } = member;
    let id = meta.id;
    view! {
        <li class="roster-row">
            {move || {
                if editing.get() {
                    rename_form(id.clone(), name.clone(), editing).into_any()
                } else {
                    name_and_actions(id.clone(), name.clone(), editing).into_any()
                }
            }}
        </li>
    }
}

fn name_and_actions(id: Id, name: String, editing: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let rename_label = format!("Rename {name}");
    let remove_label = format!("Remove {name}");
    let message = removal_message(state, &id, &name);
    let handing_over = RwSignal::new(false);
    let (panel_id, panel_name) = (id.clone(), name.clone());
    view! {
        <span class="member-name">{name}</span>
        <span class="row-actions">
            <button aria-label=rename_label on:click=move |_| editing.set(true)>
                "Rename"
            </button>
            <button
                class="danger"
                aria-label=remove_label
                on:click=move |_| {
                    // Nobody leaves with open goals in their hands: hand them over first.
                    let holds = state.ws.with_untracked(|ws| !held_goals(ws.live::<Goal>(), &id).is_empty());
                    if holds {
                        handing_over.set(true);
                    } else {
                        state.dispatch_undoable(Command::RemoveMember { id: id.clone() }, message.clone());
                    }
                }
            >
                "Remove"
            </button>
        </span>
        {move || handing_over.get().then(|| view! { <HandOver member=panel_id.clone() name=panel_name.clone() open=handing_over/> })}
    }
}

fn rename_form(id: Id, name: String, editing: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let draft = RwSignal::new(name.clone());
    let field_id = format!("rename-{id}");
    view! {
        <form
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let cmd = Command::RenameMember {
                    id: id.clone(),
                    name: draft.get_untracked(),
                };
                if state.dispatch(cmd) {
                    editing.set(false);
                }
            }
        >
            <label class="visually-hidden" for=field_id.clone()>
                {format!("New name for {name}")}
            </label>
            <input
                id=field_id
                type="text"
                maxlength="80"
                autofocus
                bind:value=draft
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        editing.set(false);
                    }
                }
            />
            <button type="submit" class="primary">"Save"</button>
            <button type="button" on:click=move |_| editing.set(false)>"Cancel"</button>
        </form>
    }
}

/// What removing someone says: who stays on which other team, when they do.
pub(super) fn removal_message(state: AppState, id: &Id, name: &str) -> String {
    let team = state.team.get_untracked();
    let others = state
        .all
        .with_untracked(|ws| crate::domain::teams::other_teams_of(ws, id, team.as_ref()));
    if others.is_empty() {
        format!("Removed {name} from the team.")
    } else {
        format!(
            "Removed {name} from this team; still on {}.",
            others.join(", ")
        )
    }
}
