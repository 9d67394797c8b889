//! One rung of the ladder (or the unplaced tray) with its cards, a drop target for moves.

use super::add_card::AddCard;
use super::card_view::CardView;
use super::drag::Drag;
use crate::domain::ladder::{Board, Card, Rung};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// One place on the board (a rung, or the tray when `rung` is `None`) with its cards.
#[component]
pub fn RungLane(
    /// The board the lane belongs to.
    board: Signal<Board>,
    /// The rung shown; `None` is the unplaced tray.
    rung: Option<Rung>,
    /// Whether the rung is above the line (ignored for the tray).
    above: bool,
    /// Ids and versions of this lane's cards. Lists of keys rather than cards, so that a change
    /// compares and clones a few numbers per card instead of whole cards (this keeps one
    /// move on a board of thousands of cards cheap).
    cards: Signal<Vec<(Id, u32)>>,
) -> impl IntoView {
    let drag = Drag::expect();
    let state = AppState::expect();
    let board_id = board.with_untracked(|b| b.meta.id.clone());
    let rung_id: Option<Id> = rung.as_ref().map(|r| r.id.clone());
    let place = rung
        .as_ref()
        .map(|r| r.name.clone())
        .unwrap_or_else(|| "Unplaced".to_owned());
    let class = match (&rung, above) {
        (None, _) => "lane tray",
        (Some(_), true) => "lane rung above",
        (Some(_), false) => "lane rung below",
    };
    let target = rung_id.clone();
    let is_target =
        move || drag.card.with(Option::is_some) && drag.over.with(|o| o.as_ref() == Some(&target));
    let count = move || cards.with(Vec::len);
    let count_label = move || crate::domain::merge::plural(count(), "card", "cards");
    // The rung's description and prompt are there on demand, not repeated on every rung, so
    // the whole ladder fits one shared screen.
    let header = match &rung {
        Some(r) => {
            let about = format!("About {}", r.name);
            let has_info = !r.description.is_empty() || !r.prompt.is_empty();
            view! {
                <header class="lane-head">
                    <h2>
                        {r.name.clone()}
                        " "
                        <span class="count" aria-label=count_label>{count}</span>
                    </h2>
                    {has_info.then(|| view! {
                        <details class="rung-info">
                            <summary aria-label=about.clone() title=about>"?"</summary>
                            <div class="rung-info-body">
                                <p class="rung-desc">{r.description.clone()}</p>
                                {(!r.prompt.is_empty())
                                    .then(|| view! { <p class="prompt">{r.prompt.clone()}</p> })}
                            </div>
                        </details>
                    })}
                </header>
            }
            .into_any()
        }
        None => view! {
            <header class="lane-head">
                <h2>
                    "Unplaced "
                    <span class="count" aria-label=count_label>{count}</span>
                </h2>
                <p class="rung-desc">"Not on a rung yet."</p>
            </header>
        }
        .into_any(),
    };
    view! {
        <section
            class=class
            class:drop-target=is_target
            data-drop=""
            tabindex="-1"
            data-rung=rung_id.as_ref().map(Id::to_string).unwrap_or_default()
            aria-label=if rung_id.is_some() { format!("Rung: {place}") } else { "Unplaced cards".to_owned() }
        >
            {header}
            <div class="lane-body">
                <ul class="cards" aria-label=format!("Cards on {place}")>
                    <For each=move || cards.get() key=|k| k.clone() let:key>
                        {state
                            .ws
                            .with_untracked(|ws| ws.get::<Card>(&key.0).cloned())
                            .map(|card| view! { <CardView card=card board=board/> })}
                    </For>
                </ul>
                <AddCard board=board_id rung=rung_id.clone() place=place.clone()/>
            </div>
        </section>
    }
}
