//! Place: each participant places every card on the rung they would choose, privately.

use super::common::ballot;
use super::common::{
    board_of, item_text, items_of, member_name, nobody_takes_part, rung_options, short,
};
use super::private_turn::PrivateTurn;
use super::seat::Seat;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::{Id, WorkshopCommand};
use crate::state::AppState;
use crate::ui::chosen_id;
use leptos::prelude::*;

/// Place: in turn, each participant puts each card (or group) on a rung without seeing the
/// others' placements.
#[component]
pub fn PlacePhase(
    /// The board the workshop runs on.
    id: Id,
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
) -> impl IntoView {
    let state = AppState::expect();
    if let Some(nobody) = nobody_takes_part(state, &id, &seat) {
        return nobody;
    }
    let rows = move || {
        let Some(me) = seat.member() else {
            return ().into_any();
        };
        let Some(board) = board_of(state, &id) else {
            return ().into_any();
        };
        let items = items_of(state, &id);
        if items.is_empty() {
            return view! { <p>"No cards yet: go back to Write."</p> }.into_any();
        }
        let mine = ballot(state, &id, &me);
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
                        let (board_id, member, card) = (id.clone(), me.clone(), c.meta.id.clone());
                        view! {
                            <li>
                                <div class="place-text">{item_text(c.text.clone(), stacked)}</div>
                                <select aria-label=format!("Rung for “{}”", short(&c.text)) on:change=move |ev| {
                                    state.dispatch(WorkshopCommand::Place {
                                        board: board_id.clone(),
                                        member: member.clone(),
                                        card: card.clone(),
                                        rung: chosen_id(&ev),
                                    });
                                }>
                                    {rung_options(&board, current.as_ref(), "Not placed")}
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
            <p class="hint">"Only your own placements are shown. When you are done, press “Next participant” and hand over the screen."</p>
            {rows.clone()}
        </PrivateTurn>
    }
    .into_any()
}
