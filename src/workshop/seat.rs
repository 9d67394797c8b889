//! Who acts in a private phase (Write, Place, Vote). On a shared screen it is whoever's turn
//! it is, behind a hand-over curtain; in a participant's own browser it is always them.

use crate::domain::workshop::Phase;
use crate::domain::workshop_remote::Joined;
use crate::domain::workshop_room::{Turn, TurnView};
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The storage key of the participant this browser joined a board's workshop as.
pub fn joined_key(board: &Id) -> String {
    format!("climb.joined.{board}")
}

/// Whom this browser joined `board`'s workshop as, if it did.
pub fn read_joined(state: AppState, board: &Id) -> Option<Joined> {
    let text = state.store().get(&joined_key(board)).ok().flatten();
    Joined::read(text.as_deref())
}

/// Keeps whom this browser joined as (a failure only costs the "your cards" list).
pub fn write_joined(state: AppState, board: &Id, joined: &Joined) {
    let _ = state.store().set(&joined_key(board), &joined.to_json());
}

/// Who acts now, and how the screen hands over.
#[derive(Clone, Copy)]
pub enum Seat {
    /// One screen for everybody: the turn passes from participant to participant.
    Shared {
        turn: RwSignal<Turn>,
        phase: Memo<Phase>,
        participants: Memo<Vec<Id>>,
    },
    /// A participant's own browser.
    Own {
        board: StoredValue<Id>,
        joined: RwSignal<Joined>,
    },
}

impl Seat {
    /// The turn as the screen shows it now (tracked).
    pub fn view(&self) -> TurnView {
        match self {
            Seat::Shared {
                turn,
                phase,
                participants,
            } => turn.with(|t| participants.with(|p| t.view(phase.get(), p))),
            Seat::Own { joined, .. } => joined.with(|j| TurnView {
                member: Some(j.me.clone()),
                curtain: false,
                written: j.written.clone(),
            }),
        }
    }

    pub fn member(&self) -> Option<Id> {
        self.view().member
    }

    pub fn is_shared(&self) -> bool {
        matches!(self, Seat::Shared { .. })
    }

    /// Remembers a card written in this turn (in their own browser: for good, so it goes
    /// into their contribution).
    pub fn wrote(&self, state: AppState, card: Id) {
        match self {
            // Writing is only possible after Start, so the turn is the current one.
            Seat::Shared { turn, .. } => turn.update(|t| t.wrote(card)),
            Seat::Own { board, joined } => {
                joined.update(|j| j.written.push(card));
                write_joined(state, &board.get_value(), &joined.get_untracked());
            }
        }
    }
}
