//! What the whole room may see of a workshop phase: on the presenter screen and in each
//! participant's browser alike.

use super::close_phase::CloseSummary;
use super::common::{item_text, WorkshopBoard};
use super::reveal::RevealPhase;
use super::stage::{current_question, read_skip};
use crate::browser;
use crate::domain::goals::Goal;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::workshop::{counts, Phase};
use crate::domain::workshop_stage::{previous_goals, recap};
use crate::state::AppState;
use leptos::prelude::*;

/// What everybody may see of `phase`.
#[component]
pub fn PublicPhase(
    /// The phase to show.
    phase: Phase,
) -> impl IntoView {
    match phase {
        Phase::SetTheStage => view! { <PublicStage/> }.into_any(),
        Phase::Write => view! { <Written/> }.into_any(),
        Phase::Group | Phase::Place | Phase::Vote => view! {
            <p class="hint">{match phase {
                Phase::Place => "Placements stay private until Reveal.",
                Phase::Vote => "Votes stay hidden until the phase ends.",
                _ => "Similar situations are stacked into one group.",
            }}</p>
            <Items votes=false/>
        }
        .into_any(),
        Phase::Reveal => view! { <RevealPhase/> }.into_any(),
        Phase::Climb | Phase::Commit => view! { <Items votes=true/> }.into_any(),
        Phase::Close => view! { <CloseSummary/> }.into_any(),
    }
}

/// The check-in question and the recap of the review.
#[component]
fn PublicStage() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    // The facilitator's "Another question" is in storage, not the workspace: look again
    // every second.
    let skip = RwSignal::new(read_skip(state, &board.id()));
    if let Ok(h) = set_interval_with_handle(
        move || {
            let s = read_skip(state, &board.id());
            if s != skip.get_untracked() {
                skip.set(s);
            }
        },
        std::time::Duration::from_millis(1000),
    ) {
        on_cleanup(move || h.clear());
    }
    let recap_text = move || {
        let b = board.get()?;
        let today = browser::today();
        let from = b.date.unwrap_or(today).min(today);
        state
            .ws
            .with(|ws| recap(&previous_goals(ws, &b), from).text())
    };
    view! {
        <p class="check-in-question">{move || current_question(state, &board.get()?, skip.get())}</p>
        {move || recap_text().map(|t| view! { <p class="recap">{format!("Commitments reviewed: {t}.")}</p> })}
    }
}

/// During Write: how many cards there are, never what they say.
#[component]
fn Written() -> impl IntoView {
    let board = WorkshopBoard::expect();
    let n = move || board.cards().len();
    view! {
        <p class="presenter-count" aria-live="polite">
            {move || format!("{} written so far. Cards stay hidden until everyone has written.", plural(n(), "card", "cards"))}
        </p>
    }
}

/// The cards (groups stacked), with their rung and, once voting is over, their dots.
#[component]
fn Items(
    /// Whether to show each item's dots (from Vote on).
    votes: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let this = WorkshopBoard::expect();
    move || {
        let board = this.get();
        let counts = state.ws.with(|ws| counts(ws, &this.id()));
        let goals: Vec<Goal> = state.ws.with(|ws| ws.live::<Goal>().cloned().collect());
        view! {
            <ul class="presenter-items">
                {{
                    let mut items = this.items();
                    // Once votes are in, the most voted first: the order the team climbs in.
                    if votes {
                        items.sort_by_key(|(c, _)| std::cmp::Reverse(counts.votes(c.id())));
                    }
                    items
                }
                    .into_iter()
                    .map(|(c, stacked)| {
                        let rung = board.as_ref().filter(|_| votes).map(|b| b.place_name(c.rung.as_ref()));
                        let dots = votes.then(|| plural(counts.votes(c.id()) as usize, "dot", "dots"));
                        let goal = goals.iter().find(|g| g.card.as_ref() == Some(c.id())).map(|g| g.outcome.clone());
                        view! {
                            <li>
                                {item_text(c.text.clone(), stacked)}
                                {rung.map(|r| view! { <span class="badge">{r}</span> })}
                                {dots.map(|d| view! { <span class="badge">{d}</span> })}
                                {goal.map(|g| view! { <p>"Micro-goal: " <strong>{g}</strong></p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    }
}
