//! The form for a new board: title, date, facilitator and the ladder to start from (a
//! template, or a ladder the team saved).

use crate::browser;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::ladder::Template;
use crate::domain::teams::SavedLadder;
use crate::domain::{BoardCommand, Id};
use crate::router::Router;
use crate::state::AppState;
use crate::ui::{chosen_id, member_options, Field};
use leptos::prelude::*;

/// The new-board form; a created board opens at once.
#[component]
pub fn NewBoard() -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(format_date(&browser::today()));
    let facilitator = RwSignal::new(None::<Id>);
    let template = RwSignal::new(Template::Classic.key().to_owned());
    let ladders = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.live::<SavedLadder>()
                .map(|l| {
                    (
                        l.meta.id.clone(),
                        format!("{} ({} rungs)", l.name, l.rungs.len()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = template.get_untracked();
        // The board belongs to the team on screen; its team name is no longer asked for.
        let cmd = match chosen.strip_prefix("saved:") {
            Some(id) => BoardCommand::CreateFromLadder {
                title: title.get_untracked(),
                date: parse_date(&date.get_untracked()),
                facilitator: facilitator.get_untracked(),
                ladder: Id::from(id),
            },
            None => BoardCommand::Create {
                title: title.get_untracked(),
                date: parse_date(&date.get_untracked()),
                team: String::new(),
                facilitator: facilitator.get_untracked(),
                template: Template::from_key(&chosen).unwrap_or(Template::Classic),
            },
        };
        let mut created = None;
        state.dispatch_with(cmd, |c| created = c.created().cloned());
        if let Some(id) = created {
            title.set(String::new());
            router.navigate(&format!("/boards/{id}"));
        }
    };

    view! {
        <form class="new-board" on:submit=create aria-label="New board">
            <h2>"New board"</h2>
            <Field label="Title" field="board-title" value=title maxlength=120 required=true/>
            <div class="field-row">
                <Field label="Date" field="board-date" value=date kind="date"/>
                <div class="field">
                    <label for="board-facilitator">"Facilitator"</label>
                    <select
                        id="board-facilitator"
                        on:change=move |ev| facilitator.set(chosen_id(&ev))
                    >
                        {member_options(state, "None", None)}
                    </select>
                </div>
                <div class="field">
                    <label for="board-template">"Ladder"</label>
                    <select id="board-template" on:change=move |ev| template.set(event_target_value(&ev))>
                        {Template::ALL
                            .into_iter()
                            .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                            .collect_view()}
                        {move || {
                            let saved = ladders.get();
                            (!saved.is_empty()).then(|| view! {
                                <optgroup label="Saved by the team">
                                    {saved
                                        .into_iter()
                                        .map(|(id, name)| view! { <option value=format!("saved:{id}")>{name}</option> })
                                        .collect_view()}
                                </optgroup>
                            })
                        }}
                    </select>
                </div>
            </div>
            <button type="submit" class="primary">"Create board"</button>
        </form>
    }
}
