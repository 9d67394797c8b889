//! Who acts in a private phase (Write, Place, Vote). On a shared screen it is whoever's turn
//! it is, behind a hand-over curtain; in a participant's own browser it is always them.

use super::common::member_name;
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

/// The hand-over controls of a shared screen: whose turn it is (one select that always names
/// them) and "Next participant". Both bring the curtain down.
#[component]
pub fn TurnBar(
    /// "Writing as", "Placing as", "Voting as".
    label: &'static str,
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
                        if let Some(m) = crate::ui::member_from_value(event_target_value(&ev)) {
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

/// A private phase's body: behind the curtain until the participant whose turn it is presses
/// Start; in their own browser, straight away.
#[component]
pub fn PrivateTurn(
    /// "Writing as", "Placing as", "Voting as".
    label: &'static str,
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
}
