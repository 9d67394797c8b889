//! Reveal: where each card (or group) was placed, plotted across the whole ladder with the
//! rung names and the line, large enough to read from the back of a room; the cards people
//! disagree on most come first.

use super::common::{item_text, rung_options, short, WorkshopBoard};
use crate::domain::ladder::Board;
use crate::domain::meta::Entity;
use crate::domain::workshop::{counts, disputed, most_disputed, spread_of, Spread};
use crate::domain::{BoardCommand, Id};
use crate::state::AppState;
use crate::ui::chosen_id;
use leptos::prelude::*;

/// "Placements: Excuses 2, Own it 1. The group converges on Excuses."
fn describe(board: &Board, s: &Spread) -> String {
    let mut parts: Vec<String> = s
        .counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .filter_map(|(i, n)| board.rungs.get(i).map(|r| format!("{} {n}", r.name)))
        .collect();
    if parts.is_empty() {
        parts.push("no placements".to_owned());
    }
    let converged = s
        .converged
        .and_then(|i| board.rungs.get(i))
        .map(|r| format!(" The group converges on {}.", r.name))
        .unwrap_or_default();
    format!("Placements: {}.{converged}", parts.join(", "))
}

/// The spread across the ladder, bottom rung on the left: one column per rung with its name,
/// a dot per placement and the line between the columns where it sits.
fn spread_plot(board: &Board, s: &Spread, description: String) -> impl IntoView {
    let columns = board
        .rungs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let n = s.counts.get(i).copied().unwrap_or(0);
            let above = board.is_above(i);
            let line = i == board.line && i > 0;
            view! {
                <div class="spread-col" class:above=above class:below=!above class:after-line=line
                    class:converged=s.converged == Some(i)>
                    <span class="spread-dots">{"●".repeat(n.min(30) as usize)}</span>
                    <span class="spread-count">{(n > 0).then(|| n.to_string())}</span>
                    <span class="spread-rung">{r.name.clone()}</span>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="spread" role="img" aria-label=description>
            {columns}
        </div>
    }
}

/// The Reveal list; with `edit`, the facilitator can move a card where the team decides.
#[component]
pub fn RevealPhase(
    /// Whether to offer moving cards (the facilitator's screen, not a presenter window).
    #[prop(optional)]
    edit: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let this = WorkshopBoard::expect();
    let content = move || {
        let Some(board) = this.get() else {
            return ().into_any();
        };
        let items = this.items();
        if items.is_empty() {
            return view! { <p>"No cards on this board."</p> }.into_any();
        }
        let counts = state.ws.with(|ws| counts(ws, &board.meta.id));
        let spreads: Vec<(Id, Spread)> = items
            .iter()
            .map(|(c, _)| (c.meta.id.clone(), spread_of(&board, &counts, c.id())))
            .collect();
        let most = most_disputed(&spreads);
        let mut rows: Vec<_> = items
            .into_iter()
            .zip(spreads.into_iter().map(|(_, s)| s))
            .collect();
        // The cards people disagree on most come first, then the others by disagreement.
        rows.sort_by_key(|((c, _), s)| (!most.contains(c.id()), u32::MAX - s.disagreement));
        view! {
            <ul class="reveal-list">
                {rows
                    .into_iter()
                    .map(|((c, stacked), s)| {
                        let description = describe(&board, &s);
                        let flag = if most.contains(c.id()) {
                            Some("People disagree most")
                        } else if disputed(&s) {
                            Some("People disagree")
                        } else {
                            None
                        };
                        let card = c.meta.id.clone();
                        let current = c.rung.clone();
                        let label = format!("Place “{}” on ", short(&c.text));
                        view! {
                            <li class="reveal-card" class:disputed=flag.is_some()>
                                <div class="reveal-text">{item_text(c.text.clone(), stacked)}</div>
                                {flag.map(|f| view! { <p class="badge">{f}</p> })}
                                {spread_plot(&board, &s, description.clone())}
                                <p class="hint">{description}</p>
                                {edit.then(|| view! {
                                    <label>
                                        {label}
                                        <select on:change=move |ev| {
                                            state.dispatch(BoardCommand::MoveCard {
                                                id: card.clone(),
                                                to: chosen_id(&ev),
                                            });
                                        }>
                                            {rung_options(&board, current.as_ref(), "Unplaced")}
                                        </select>
                                    </label>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <section aria-label="Reveal">{content}</section> }
}
