//! The private phases: Write, Place and Vote, each taken in turn by every participant (see
//! [`Seat`]), with nothing of the others' choices on screen.

use super::common::{
    board_of, cards_of, item_text, items_of, member_name, no_participants, participants_of,
    rung_options, short,
};
use super::seat::{PrivateTurn, Seat};
use crate::domain::ladder::Card;
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::workshop::{ballot_id, Ballot, DEFAULT_VOTES};
use crate::domain::{BoardCommand, Id, WorkshopCommand};
use crate::state::AppState;
use leptos::prelude::*;

/// The participant's ballot on this board, if any.
fn ballot(state: AppState, board: &Id, member: &Id) -> Option<Ballot> {
    state
        .ws
        .with(|ws| ws.get::<Ballot>(&ballot_id(board, member)).cloned())
}

/// Write: the participant whose turn it is adds cards, anonymous unless they sign them;
/// everybody else's stay hidden.
#[component]
pub fn WritePhase(id: Id, seat: Seat) -> impl IntoView {
    let state = AppState::expect();
    if seat.is_shared() && participants_of(state, &id).is_empty() {
        return no_participants();
    }
    let text = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(member) = seat.member() else {
                return;
            };
            let mut created = None;
            let cmd = WorkshopCommand::Write {
                board: id.clone(),
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
            }
        }
    };
    let list = move || {
        let v = seat.view();
        let (own, others): (Vec<Card>, Vec<Card>) =
            cards_of(state, &id).into_iter().partition(|c| {
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
            <form class="write-card" on:submit=add.clone() aria-label="Write a card">
                <label for="ws-card">"A recent challenge (one situation, no names)"</label>
                <textarea id="ws-card" maxlength="1000" rows="2" bind:value=text></textarea>
                <label class="check">
                    <input type="checkbox" bind:checked=signed/>
                    " Sign this card (your name shows on it; unsigned cards are anonymous)"
                </label>
                <button class="primary" type="submit">"Add card"</button>
            </form>
            {list.clone()}
        </PrivateTurn>
    }
    .into_any()
}

/// One card of the writer's own, with Delete (undoable).
#[component]
fn OwnCard(card: Card) -> impl IntoView {
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

/// Place: in turn, each participant puts each card (or group) on a rung without seeing the
/// others' placements.
#[component]
pub fn PlacePhase(id: Id, seat: Seat) -> impl IntoView {
    let state = AppState::expect();
    if seat.is_shared() && participants_of(state, &id).is_empty() {
        return no_participants();
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
                                        rung: crate::ui::member_from_value(event_target_value(&ev)),
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

/// Vote: in turn, each participant spends their dots; totals stay hidden until Climb.
#[component]
pub fn VotePhase(id: Id, seat: Seat) -> impl IntoView {
    let state = AppState::expect();
    if seat.is_shared() && participants_of(state, &id).is_empty() {
        return no_participants();
    }
    let limit = {
        let id = id.clone();
        Memo::new(move |_| {
            board_of(state, &id)
                .and_then(|b| b.session)
                .map_or(DEFAULT_VOTES, |s| s.vote_limit)
        })
    };
    let limit_board = id.clone();
    let rows = move || {
        let Some(me) = seat.member() else {
            return ().into_any();
        };
        let mine = ballot(state, &id, &me);
        let spent = mine.as_ref().map_or(0, |b| b.votes.len() as u32);
        let name = member_name(state, &me);
        let left = limit.get().saturating_sub(spent);
        view! {
            <p class="progress" aria-live="polite">{format!("{name} has {left} of {} left.", plural(limit.get() as usize, "dot", "dots"))}</p>
            <ul class="vote-list">
                {items_of(state, &id)
                    .into_iter()
                    .map(|(c, stacked)| {
                        let n = mine.as_ref().map_or(0, |b| b.votes_for(c.id()));
                        view! { <VoteRow board=id.clone() member=me.clone() card=c stacked=stacked dots=n left=left/> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        {seat.is_shared().then(|| view! { <VoteLimit id=limit_board.clone() limit=limit/> })}
        <PrivateTurn label="Voting as" seat=seat>
            <p class="hint">"Votes stay hidden until the phase ends."</p>
            {rows.clone()}
        </PrivateTurn>
    }
    .into_any()
}

/// The facilitator's setting of how many dots each participant has.
#[component]
fn VoteLimit(id: Id, limit: Memo<u32>) -> impl IntoView {
    let state = AppState::expect();
    let set = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
            state.dispatch(WorkshopCommand::SetVoteLimit {
                board: id.clone(),
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
    board: Id,
    member: Id,
    card: Card,
    /// Texts stacked under the card in its group.
    stacked: Vec<String>,
    /// The voter's dots on this card.
    dots: u32,
    /// The voter's dots still to spend.
    left: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let s = short(&card.text);
    let cmd = move |add: bool| {
        let (board, member, card) = (board.clone(), member.clone(), card.meta.id.clone());
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
