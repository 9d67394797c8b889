//! Small helpers every workshop phase uses: reading the board and its cards from the
//! workspace, short card labels, rung options.

use super::seat::Seat;
use crate::domain::ladder::{leads, stacked_under, Board, Card};
use crate::domain::workshop::{ballot_id, Ballot};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The live cards of a board, in stored order (tracked: the caller re-renders on changes).
pub fn cards_of(state: AppState, board: &Id) -> Vec<Card> {
    state.ws.with(|ws| {
        ws.live::<Card>()
            .filter(|c| &c.board_id == board)
            .cloned()
            .collect()
    })
}

/// The items of a board: each card not stacked in a group, with the texts stacked under it.
pub fn items_of(state: AppState, board: &Id) -> Vec<(Card, Vec<String>)> {
    let all = cards_of(state, board);
    let refs: Vec<&Card> = all.iter().collect();
    leads(&refs)
        .into_iter()
        .map(|c| {
            let stacked = stacked_under(&refs, &c.meta.id)
                .into_iter()
                .map(|s| s.text.clone())
                .collect();
            (c.clone(), stacked)
        })
        .collect()
}

pub fn board_of(state: AppState, board: &Id) -> Option<Board> {
    state.ws.with(|ws| ws.get::<Board>(board).cloned())
}

/// The session's participants, in turn order.
pub fn participants_of(state: AppState, board: &Id) -> Vec<Id> {
    board_of(state, board)
        .and_then(|b| b.session)
        .map(|s| s.participants)
        .unwrap_or_default()
}

/// A member's name, or "a former member" for one no longer on the team.
pub fn member_name(state: AppState, id: &Id) -> String {
    state
        .ws
        .with_untracked(|ws| crate::domain::roster::member_name(ws, id))
}

/// The first 40 characters of a card, for labels.
pub fn short(text: &str) -> String {
    let s: String = text.chars().take(40).collect();
    if s.chars().count() < text.chars().count() {
        format!("{s}…")
    } else {
        s
    }
}

/// Options for a rung `<select>`: `none` (value "") first, then the rungs top first, with
/// `current` selected.
pub fn rung_options(board: &Board, current: Option<&Id>, none: &'static str) -> impl IntoView {
    let options = board
        .rungs
        .iter()
        .rev()
        .map(|r| {
            let sel = current == Some(&r.id);
            view! { <option value=r.id.to_string() selected=sel>{r.name.clone()}</option> }
        })
        .collect_view();
    view! {
        <option value="" selected=current.is_none()>{none}</option>
        {options}
    }
}

/// A card's text with the texts stacked under it in its group.
pub fn item_text(text: String, stacked: Vec<String>) -> impl IntoView {
    view! {
        <span class="item-text">{text}</span>
        {(!stacked.is_empty()).then(|| view! {
            <ul class="stacked" aria-label="Grouped with it">
                {stacked.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
        })}
    }
}

/// What a private phase shows instead of its turns on a shared screen where nobody takes
/// part yet; `None` when someone does (or the participant is in their own browser).
pub fn nobody_takes_part(state: AppState, board: &Id, seat: &Seat) -> Option<AnyView> {
    (seat.is_shared() && participants_of(state, board).is_empty()).then(|| {
        view! {
            <p class="hint">"Nobody takes part yet: choose participants under “Participants” below."</p>
        }
        .into_any()
    })
}

/// The participant's ballot on this board, if any.
pub fn ballot(state: AppState, board: &Id, member: &Id) -> Option<Ballot> {
    state
        .ws
        .with(|ws| ws.get::<Ballot>(&ballot_id(board, member)).cloned())
}
