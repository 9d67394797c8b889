//! Close: the summary of the workshop, and the board to take away.

use super::common::WorkshopBoard;
use crate::board::{copy_board_markdown, export_board};
use crate::domain::goals::Goal;
use crate::domain::ladder::summarize;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::state::AppState;
use leptos::prelude::*;

/// The workshop's summary: where the line fell, what climbed, what was committed (on the
/// facilitator's screen and on the presenter's alike).
#[component]
pub fn CloseSummary() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    move || {
        let b = board.get()?;
        let cards = board.cards();
        let goals = state.ws.with(|ws| {
            ws.live::<Goal>()
                .filter(|g| {
                    g.card
                        .as_ref()
                        .is_some_and(|c| cards.iter().any(|x| x.id() == c))
                })
                .count()
        });
        let s = summarize(&b, cards.iter());
        Some(view! {
            <ul class="close-summary">
                <li>{match s.percent_above() {
                    Some(p) => format!("{p}% of placed cards are above the line ({} of {}).", s.above, s.placed()),
                    None => "No card is placed.".to_owned(),
                }}</li>
                <li>{format!("{} climbed, {} in all.", plural(s.climbed, "card", "cards"), plural(s.rungs_climbed, "rung", "rungs"))}</li>
                <li>{format!("{} committed.", plural(goals, "micro-goal", "micro-goals"))}</li>
            </ul>
        })
    }
}

/// Close: the summary, and the board to take away.
#[component]
pub fn ClosePhase() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let export = move |_| {
        if let Some(b) = board.get_untracked() {
            export_board(state, &b);
        }
    };
    let copy = move |_| {
        if let Some(b) = board.get_untracked() {
            copy_board_markdown(state, &b);
        }
    };
    view! {
        <section aria-label="Summary">
            <CloseSummary/>
            <div class="row-actions">
                <button class="primary" on:click=export>"Export board"</button>
                <button on:click=copy>"Copy as Markdown"</button>
            </div>
        </section>
    }
}
