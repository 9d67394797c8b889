//! A participant's private turn on a shared screen, behind the curtain until they are ready.

use super::common::member_name;
use super::seat::Seat;
use super::turn_bar::TurnBar;
use crate::state::AppState;
use leptos::prelude::*;

/// A private phase's body: behind the curtain until the participant whose turn it is presses
/// Start; in their own browser, straight away. On a shared screen where nobody takes part
/// yet, a hint instead.
#[component]
pub fn PrivateTurn(
    /// "Writing as", "Placing as", "Voting as".
    label: &'static str,
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
    /// What only the participant whose turn it is may see.
    children: ChildrenFn,
) -> impl IntoView {
    let state = AppState::expect();
    let curtain = Memo::new(move |_| seat.view().curtain);
    let start = move |_| {
        if let Seat::Shared {
            turn,
            phase,
            participants,
        } = seat
        {
            let ps = participants.get_untracked();
            turn.update(|t| t.start(phase.get_untracked(), &ps));
        }
    };
    let nobody = Memo::new(move |_| match seat {
        Seat::Shared { participants, .. } => participants.with(Vec::is_empty),
        Seat::Own { .. } => false,
    });
    move || {
        if nobody.get() {
            return view! {
                <p class="hint">"Nobody takes part yet: choose participants under “Participants” below."</p>
            }
            .into_any();
        }
        let children = children.clone();
        view! {
            <TurnBar label=label seat=seat/>
            {move || {
                if curtain.get() {
                let name = seat.member().map(|m| member_name(state, &m)).unwrap_or_default();
                view! {
                    <section class="curtain" aria-label="Hand-over">
                        <p class="curtain-title">{format!("Pass the screen to {name}.")}</p>
                        <p>{format!("{name}: press Start when only you can see the screen.")}</p>
                        <button class="primary big" on:click=start>{format!("Start as {name}")}</button>
                    </section>
                }
                .into_any()
            } else {
                children().into_any()
            }
        }}
        }
        .into_any()
    }
}
