//! Commit: cards on the top rung become micro-goals, linked both ways.

use super::common::{short, WorkshopBoard};
use crate::browser;
use crate::domain::goals::Goal;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::ladder::Card;
use crate::domain::meta::Entity;
use crate::domain::{GoalCommand, Id};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::{chosen_id, member_options};
use leptos::prelude::*;

/// Commit: cards on the top rung become micro-goals, linked both ways.
#[component]
pub fn CommitPhase() -> impl IntoView {
    let state = AppState::expect();
    let this = WorkshopBoard::expect();
    let content = move || {
        let Some(board) = this.get() else {
            return ().into_any();
        };
        let Some(top) = board.rungs.last().cloned() else {
            return ().into_any();
        };
        let cards: Vec<Card> = this
            .items()
            .into_iter()
            .map(|(c, _)| c)
            .filter(|c| c.rung.as_ref() == Some(&top.id))
            .collect();
        if cards.is_empty() {
            return view! {
                <p>{format!("No card has reached {} yet. Climb cards in the Climb phase.", top.name)}</p>
            }
            .into_any();
        }
        view! {
            <ul class="commit-list">
                {cards
                    .into_iter()
                    .map(|c| {
                        let goal = state.ws.with(|ws| {
                            ws.live::<Goal>().find(|g| g.card.as_ref() == Some(c.id())).cloned()
                        });
                        match goal {
                            Some(g) => view! {
                                <li class="commit-card">
                                    <p class="reveal-text">{c.text.clone()}</p>
                                    <p>
                                        "Micro-goal: " <strong>{g.outcome.clone()}</strong>
                                        {g.due.map(|d| format!(" · due {}", format_date(&d)))}
                                        " · " <Link href="/goals">"See it in Micro-goals"</Link>
                                    </p>
                                </li>
                            }
                            .into_any(),
                            None => view! { <CommitForm card=c top=top.id.clone()/> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <section aria-label="Commitments">{content}</section> }
}

/// The micro-goal a card on the top rung becomes: its step as the outcome, its owner (chosen
/// at Own it during Climb) and a due date a week away, all editable.
#[component]
fn CommitForm(
    /// A card on the top rung, to become a micro-goal.
    card: Card,
    /// The top rung's id.
    top: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let step = card
        .notes
        .iter()
        .find(|n| n.rung == top)
        .map(|n| n.text.clone())
        .unwrap_or_else(|| card.text.clone());
    let outcome = RwSignal::new(step);
    let owner = RwSignal::new(card.owner.clone());
    let today = browser::today();
    let due = RwSignal::new(crate::domain::iso::format_date(
        &(today + chrono::Duration::days(7)),
    ));
    let verification = RwSignal::new(String::new());
    let s = short(&card.text);
    let card_id = card.meta.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.dispatch(GoalCommand::Create {
            outcome: outcome.get_untracked(),
            owner: owner.get_untracked(),
            partner: None,
            due: parse_date(&due.get_untracked()),
            follow_up: None,
            verification: verification.get_untracked(),
            card: Some(card_id.clone()),
            clause: None,
            today,
        });
    };
    view! {
        <li class="commit-card">
            <p class="reveal-text">{card.text.clone()}</p>
            <form class="commit-form" on:submit=submit aria-label=format!("Commit to “{s}”")>
                <label>
                    "Outcome (one sentence anyone can check) "
                    <input type="text" maxlength="300" required bind:value=outcome/>
                </label>
                <label>
                    "Owner "
                    <select on:change=move |ev| owner.set(chosen_id(&ev))>
                        {member_options(state, "Choose…", card.owner.clone())}
                    </select>
                </label>
                <label>
                    "Due "
                    <input type="date" bind:value=due/>
                </label>
                <label>
                    "How we will know it is done "
                    <input type="text" maxlength="300" bind:value=verification/>
                </label>
                <button class="primary" type="submit">"Create micro-goal"</button>
            </form>
        </li>
    }
}
