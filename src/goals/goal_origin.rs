//! Where a goal came from: the board card it was committed from, or the safety check whose
//! statement it answers; each a link back.

use crate::domain::check::Check;
use crate::domain::ladder::{Board, Card};
use crate::domain::Id;
use crate::router::Link;
use crate::state::AppState;
use leptos::prelude::*;

/// The goal's origin, if it has one.
/// - `card`: the board card the goal was committed from (the card links back in workshop
///   mode).
/// - `check`: the safety check the goal was made from.
#[component]
pub fn GoalOrigin(card: Option<Id>, check: Option<Id>) -> impl IntoView {
    let state = AppState::expect();
    let source = card.and_then(|c| {
        state.ws.with_untracked(|ws| {
            let card = ws.get::<Card>(&c)?;
            let board = ws.get::<Board>(&card.board_id)?;
            Some((
                board.meta.id.clone(),
                board.title.clone(),
                card.text.clone(),
            ))
        })
    });
    let from_check = check.map(|c| {
        state.ws.with_untracked(|ws| {
            ws.get::<Check>(&c)
                .map(|c| c.title().to_lowercase())
                .unwrap_or_else(|| "a safety check".to_owned())
        })
    });
    view! {
        {source.map(|(board, title, text)| view! {
            <p class="goal-verify">
                "From the card “" {text} "” on "
                <Link href=format!("/boards/{board}")>{title}</Link>
            </p>
        })}
        {from_check.map(|c| view! {
            <p class="goal-verify">"From the " <Link href="/check">{c}</Link></p>
        })}
    }
}
