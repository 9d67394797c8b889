//! Place: each participant places every card on the rung they would choose, privately.

use super::common::{item_text, member_name, rung_options, short, WorkshopBoard};
use super::private_turn::PrivateTurn;
use super::seat::Seat;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::WorkshopCommand;
use crate::state::AppState;
use crate::ui::chosen_id;
use leptos::prelude::*;

/// Place: in turn, each participant puts each card (or group) on a rung without seeing the
/// others' placements.
#[component]
pub fn PlacePhase(
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let rows = move || {
        let Some(me) = seat.member() else {
            return ().into_any();
        };
        let Some(b) = board.get() else {
            return ().into_any();
        };
        let items = board.items();
        if items.is_empty() {
            return view! { <p>"No cards yet: go back to Write."</p> }.into_any();
        }
        let mine = board.ballot(&me);
        let placed = items
            .iter()
            .filter(|(c, _)| mine.as_ref().and_then(|b| b.placement(c.id())).is_some())
            .count();
        let name = member_name(state, &me);
        let total = items.len();
        view! {
            <p class="progress">{format!("{name} has placed {placed} of {}.", plural(total, "card", "cards"))}</p>
            <ul class="place-list">
                {items
                    .into_iter()
                    .map(|(c, stacked)| {
                        let current = mine.as_ref().and_then(|b| b.placement(c.id())).cloned();
                        let (member, card) = (me.clone(), c.meta.id.clone());
                        view! {
                            <li>
                                <div class="place-text">{item_text(c.text.clone(), stacked)}</div>
                                <select aria-label=format!("Rung for “{}”", short(&c.text)) on:change=move |ev| {
                                    state.dispatch(WorkshopCommand::Place {
                                        board: board.id(),
                                        member: member.clone(),
                                        card: card.clone(),
                                        rung: chosen_id(&ev),
                                    });
                                }>
                                    {rung_options(&b, current.as_ref(), "Not placed")}
                                </select>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <PrivateTurn label="Placing as" seat=seat>
            <p class="hint">{if matches!(seat, Seat::Own { .. }) {
                "Only your own placements are shown. When you are done, send your contribution below."
            } else {
                "Only your own placements are shown. When you are done, press “Next participant” and hand over the screen."
            }}</p>
            {rows}
        </PrivateTurn>
    }
}
