//! Before someone leaves the team: each open goal they own or partner is handed to someone
//! else (or, for a partner, to nobody), openly and with the reason, then they are removed.

use crate::domain::goals::{held_goals, Goal, Holds};
use crate::domain::roster::Member;
use crate::domain::{Command, GoalCommand, Id};
use crate::state::AppState;
use crate::ui::chosen_id;
use leptos::prelude::*;

/// The goals `member` holds, each with a choice of who takes it over.
#[component]
pub fn HandOver(
    /// Who leaves the team.
    member: Id,
    /// Their name, for the panel's words.
    name: String,
    /// Set to false to close the panel without removing anyone.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let held: Vec<(Goal, Holds)> = state.ws.with_untracked(|ws| {
        held_goals(ws.live::<Goal>(), &member)
            .into_iter()
            .map(|(g, h)| (g.clone(), h))
            .collect()
    });
    let others: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .filter(|m| m.meta.id != member)
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    // Who takes each goal: the first other member by default.
    let choices: Vec<(Goal, Holds, RwSignal<Option<Id>>)> = held
        .into_iter()
        .map(|(g, h)| {
            (
                g,
                h,
                RwSignal::new(others.first().map(|(id, _)| id.clone())),
            )
        })
        .collect();
    let rows = choices
        .iter()
        .map(|(g, h, to)| {
            let to = *to;
            let role = match h {
                Holds::Owner => "owner",
                Holds::Partner => "partner",
            };
            let label = format!("New {role} of “{}”", g.outcome);
            view! {
                <li>
                    <label>
                        {label}
                        " "
                        <select on:change=move |ev| to.set(chosen_id(&ev))>
                            // The one leaving is not offered.
                            {others
                                .iter()
                                .enumerate()
                                .map(|(i, (id, n))| view! { <option value=id.to_string() selected=i == 0>{n.clone()}</option> })
                                .collect_view()}
                            <option value="" selected=others.is_empty()>"Nobody yet"</option>
                        </select>
                    </label>
                </li>
            }
        })
        .collect_view();
    let count = choices.len();
    let who = name.clone();
    let hand_over = {
        let member = member.clone();
        move |_| {
            let today = crate::browser::today();
            for (g, h, to) in &choices {
                let to = to.get_untracked();
                let ok = match h {
                    Holds::Owner => state.dispatch(GoalCommand::ChangeOwner {
                        id: g.meta.id.clone(),
                        owner: to,
                        reason: format!("{who} left the team"),
                        today,
                    }),
                    Holds::Partner => state.dispatch(GoalCommand::Edit {
                        id: g.meta.id.clone(),
                        partner: to,
                        follow_up: g.follow_up,
                        verification: g.verification.clone(),
                        clause: g.clause.clone(),
                        risk: g.risk.clone(),
                    }),
                };
                if !ok {
                    return;
                }
            }
            state.dispatch_undoable(
                Command::RemoveMember { id: member.clone() },
                format!(
                    "{} Their goals here have new hands.",
                    super::member_row::removal_message(state, &member, &who)
                ),
            );
            open.set(false);
        }
    };
    view! {
        <section class="hand-over" aria-label=format!("Before {name} leaves")>
            <p>
                {format!(
                    "We have {} open {} with {name}. Who takes each over? The change is logged on the goal.",
                    count,
                    if count == 1 { "goal" } else { "goals" }
                )}
            </p>
            <ul>{rows}</ul>
            <div class="row-actions">
                <button class="danger" on:click=hand_over>{format!("Hand over and remove {name}")}</button>
                <button on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </section>
    }
}
