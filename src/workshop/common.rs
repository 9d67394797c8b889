//! What every workshop phase uses: the board it runs on (a context), short card labels,
//! member names, rung options.

use crate::domain::ladder::{stacked_under, workshop_order, Board, Card};
use crate::domain::workshop::{ballot_id, Ballot, Phase};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The board a workshop runs on, for every component of the workshop's pages: its id and
/// the board as stored. The page provides it once ([`WorkshopBoard::provide`]); phases take
/// it from the context instead of receiving an id and looking the board up again. The board
/// is a `Memo`, so what reads it re-renders when this board changes, not on every save.
#[derive(Clone, Copy)]
pub struct WorkshopBoard {
    state: AppState,
    id: StoredValue<Id>,
    stored: Memo<Option<Board>>,
}

impl WorkshopBoard {
    /// Provides board `id` to the components below the caller, and returns it.
    pub fn provide(state: AppState, id: Id) -> Self {
        let stored = {
            let id = id.clone();
            Memo::new(move |_| state.ws.with(|ws| ws.get::<Board>(&id).cloned()))
        };
        let this = Self {
            state,
            id: StoredValue::new(id),
            stored,
        };
        provide_context(this);
        this
    }

    /// The board of the workshop page this component is on.
    pub fn expect() -> Self {
        expect_context()
    }

    pub fn id(&self) -> Id {
        self.id.get_value()
    }

    /// The board as stored (tracked); `None` when this browser does not have it.
    pub fn get(&self) -> Option<Board> {
        self.stored.get()
    }

    /// The board as stored, for an event handler (untracked).
    pub fn get_untracked(&self) -> Option<Board> {
        self.stored.get_untracked()
    }

    /// `f` of the board as stored (tracked), without cloning it.
    pub fn with<R>(&self, f: impl FnOnce(&Board) -> R) -> Option<R> {
        self.stored.with(|b| b.as_ref().map(f))
    }

    /// The board's title, or "" while it is missing (tracked).
    pub fn title(&self) -> String {
        self.with(|b| b.title.clone()).unwrap_or_default()
    }

    /// The running session's phase (tracked); `None` before the workshop starts.
    pub fn phase(&self) -> Option<Phase> {
        self.with(|b| b.session.as_ref().map(|s| s.phase)).flatten()
    }

    /// The session's participants, in turn order (tracked).
    pub fn participants(&self) -> Vec<Id> {
        self.with(|b| b.session.as_ref().map(|s| s.participants.clone()))
            .flatten()
            .unwrap_or_default()
    }

    /// The board's live cards, in stored order (tracked on the workspace: cards are not
    /// part of the board).
    pub fn cards(&self) -> Vec<Card> {
        let id = self.id();
        self.state.ws.with(|ws| {
            ws.live::<Card>()
                .filter(|c| c.board_id == id)
                .cloned()
                .collect()
        })
    }

    /// The board's items: each card not stacked in a group, with the texts stacked under it,
    /// in [`workshop_order`].
    pub fn items(&self) -> Vec<(Card, Vec<String>)> {
        let all = self.cards();
        let refs: Vec<&Card> = all.iter().collect();
        workshop_order(&refs)
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

    /// A participant's ballot on this board, if any (tracked).
    pub fn ballot(&self, member: &Id) -> Option<Ballot> {
        let id = ballot_id(&self.id(), member);
        self.state.ws.with(|ws| ws.get::<Ballot>(&id).cloned())
    }
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
