//! Vote: each participant gives their dots to the cards to work on, privately.

use super::common::{item_text, member_name, short, WorkshopBoard};
use super::private_turn::PrivateTurn;
use super::seat::Seat;
use crate::domain::ladder::Card;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::workshop::DEFAULT_VOTES;
use crate::domain::{Id, WorkshopCommand};
use crate::state::AppState;
use leptos::prelude::*;

/// Vote: in turn, each participant spends their dots; totals stay hidden until Climb.
#[component]
pub fn VotePhase(
    /// Who is at the screen: the shared screen's turn, or the participant in their own browser.
    seat: Seat,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let someone = Memo::new(move |_| !board.participants().is_empty());
    let limit = Memo::new(move |_| {
        board
            .with(|b| b.session.as_ref().map(|s| s.vote_limit))
            .flatten()
            .unwrap_or(DEFAULT_VOTES)
    });
    let rows = move || {
        let Some(me) = seat.member() else {
            return ().into_any();
        };
        let mine = board.ballot(&me);
        let spent = mine.as_ref().map_or(0, |b| b.votes.len() as u32);
        let name = member_name(state, &me);
        let left = limit.get().saturating_sub(spent);
        view! {
            <p class="progress" aria-live="polite">{format!("{name} has {left} of {} left.", plural(limit.get() as usize, "dot", "dots"))}</p>
            <ul class="vote-list">
                {board
                    .items()
                    .into_iter()
                    .map(|(c, stacked)| {
                        let n = mine.as_ref().map_or(0, |b| b.votes_for(c.id()));
                        view! { <VoteRow member=me.clone() card=c stacked=stacked dots=n left=left/> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        // The facilitator sets the dots on the shared screen, once someone takes part.
        {move || (seat.is_shared() && someone.get()).then(|| view! { <VoteLimit limit=limit/> })}
        <PrivateTurn label="Voting as" seat=seat>
            <p class="hint">"Votes stay hidden until the phase ends."</p>
            {rows}
        </PrivateTurn>
    }
}

/// The facilitator's setting of how many dots each participant has.
#[component]
fn VoteLimit(
    /// The dots each participant has.
    limit: Memo<u32>,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let set = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            state.dispatch(WorkshopCommand::SetVoteLimit {
                board: board.id(),
                limit: n,
            });
        }
    };
    view! {
        <div class="row-actions">
            <label>
                "Dots per participant "
                <input type="number" min="1" max="20" prop:value=move || limit.get().to_string() on:change=set/>
            </label>
        </div>
    }
}

/// One card (or group) with the voter's dots on it, and buttons to add or take back one.
#[component]
fn VoteRow(
    /// The participant voting.
    member: Id,
    /// The card (or group lead) voted on.
    card: Card,
    /// Texts stacked under the card in its group.
    stacked: Vec<String>,
    /// The voter's dots on this card.
    dots: u32,
    /// The voter's dots still to spend.
    left: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let s = short(&card.text);
    let cmd = move |add: bool| {
        let (board, member, card) = (board.id(), member.clone(), card.meta.id.clone());
        if add {
            WorkshopCommand::Vote {
                board,
                member,
                card,
            }
        } else {
            WorkshopCommand::Unvote {
                board,
                member,
                card,
            }
        }
    };
    let remove = cmd.clone();
    view! {
        <li>
            <div class="vote-text">{item_text(card.text.clone(), stacked)}</div>
            <span class="dots" aria-hidden="true">{"●".repeat(dots as usize)}</span>
            <span class="visually-hidden">{format!("{dots} of your dots")}</span>
            <button aria-label=format!("Add a dot to “{s}”") disabled=left == 0
                on:click=move |_| { state.dispatch(cmd(true)); }>"+ Dot"</button>
            <button aria-label=format!("Take a dot back from “{s}”") disabled=dots == 0
                on:click=move |_| { state.dispatch(remove(false)); }>"− Dot"</button>
        </li>
    }
}
