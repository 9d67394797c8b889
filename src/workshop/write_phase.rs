//! Write: each participant writes cards on their own turn (or in their own browser).

use super::common::{short, WorkshopBoard};
use super::private_turn::PrivateTurn;
use super::seat::Seat;
use crate::browser;
use crate::domain::ladder::Card;
use crate::domain::meta::Entity;
use crate::domain::{BoardCommand, WorkshopCommand};
use crate::state::AppState;
use leptos::prelude::*;

/// Write: the participant whose turn it is adds cards, anonymous unless they sign them;
/// everybody else's stay hidden.
#[component]
pub fn WritePhase(
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let text = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(member) = seat.member() else {
            return;
        };
        let mut created = None;
        let cmd = WorkshopCommand::Write {
            board: board.id(),
            member,
            text: text.get_untracked(),
            signed: signed.get_untracked(),
        };
        if state.dispatch_with(cmd, |c| created = c.created().cloned()) {
            if let Some(card) = created {
                seat.wrote(state, card);
            }
            text.set(String::new());
            signed.set(false);
            // Typing goes on into the next card.
            browser::focus_after_draw("ws-card".to_owned(), true);
        }
    };
    let list = move || {
        let v = seat.view();
        let (own, others): (Vec<Card>, Vec<Card>) = board.cards().into_iter().partition(|c| {
            v.written.contains(c.id()) || (c.author.is_some() && c.author == v.member)
        });
        let hidden = others.len();
        view! {
            <ul class="write-list" aria-label="Your cards">
                {own.into_iter().map(|c| view! { <OwnCard card=c/> }).collect_view()}
            </ul>
            <p class="hint">
                {match hidden {
                    0 => "No other cards yet.".to_owned(),
                    1 => "1 other card is hidden until everyone has written.".to_owned(),
                    n => format!("{n} other cards are hidden until everyone has written."),
                }}
            </p>
        }
    };
    view! {
        <PrivateTurn label="Writing as" seat=seat>
            <form class="write-card" on:submit=add aria-label="Write a card">
                <label for="ws-card">"A recent challenge (one situation, no names)"</label>
                <textarea id="ws-card" maxlength="1000" rows="2" bind:value=text></textarea>
                <label class="check">
                    <input type="checkbox" bind:checked=signed/>
                    " Sign this card (it keeps your name, shown in its editor and in board files; unsigned cards are anonymous)"
                </label>
                <button class="primary" type="submit">"Add card"</button>
            </form>
            {list}
        </PrivateTurn>
    }
}

/// One card of the writer's own, with Delete (undoable).
#[component]
fn OwnCard(
    /// A card the participant wrote on this turn.
    card: Card,
) -> impl IntoView {
    let state = AppState::expect();
    let id = card.meta.id.clone();
    let label = format!("Delete “{}”", short(&card.text));
    view! {
        <li>
            <span>{card.text.clone()}</span>
            {card.signed.then(|| view! { <span class="badge">"Signed"</span> })}
            <button aria-label=label on:click=move |_| {
                state.dispatch_undoable(BoardCommand::DeleteCard { id: id.clone() }, "Card deleted.".to_owned());
            }>"Delete"</button>
        </li>
    }
}
