//! The bar over a private phase on a shared screen: whose turn it is, and the hand-over.

use super::common::member_name;
use super::seat::Seat;
use crate::state::AppState;
use crate::ui::chosen_id;
use leptos::prelude::*;

/// The hand-over controls of a shared screen: whose turn it is (one select that always names
/// them) and "Next participant". Both bring the curtain down.
#[component]
pub fn TurnBar(
    /// "Writing as", "Placing as", "Voting as".
    label: &'static str,
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
) -> impl IntoView {
    let state = AppState::expect();
    let Seat::Shared {
        turn,
        phase,
        participants,
    } = seat
    else {
        return ().into_any();
    };
    let names = move || {
        participants
            .get()
            .into_iter()
            .map(|p| {
                let name = member_name(state, &p);
                view! { <option value=p.to_string()>{name}</option> }
            })
            .collect_view()
    };
    let current = move || seat.member().map(|m| m.to_string()).unwrap_or_default();
    let next = move |_| {
        let ps = participants.get_untracked();
        state.forget_history();
        turn.update(|t| {
            t.next(phase.get_untracked(), &ps);
        });
    };
    let last = move || {
        let ps = participants.get();
        crate::domain::workshop_room::Turn::is_last(&seat.member(), &ps) && ps.len() > 1
    };
    view! {
        <div class="turn row-actions">
            <label>
                {label} " "
                <select
                    prop:value=current
                    on:change=move |ev| {
                        if let Some(m) = chosen_id(&ev) {
                            state.forget_history();
                            turn.update(|t| t.pass_to(phase.get_untracked(), m));
                        }
                    }
                >
                    {names}
                </select>
            </label>
            <button on:click=next>"Next participant"</button>
            {move || last().then(|| view! { <span class="hint">"The last participant: when they are done, go on to the next phase."</span> })}
        </div>
    }
    .into_any()
}
