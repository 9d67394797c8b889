//! The public view of a workshop phase: what the presenter window (the projector) and a
//! participant's own browser show of the group's work. Never a private placement, never a
//! vote before Vote ends, never a card before everyone has written.

use super::common::WorkshopBoard;
use super::public_phase::PublicPhase;
use super::timer::Timer;
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The presenter window: the facilitator's current phase, large, following their window
/// live (the same browser's storage: every save there reaches this tab as a storage event).
#[component]
pub fn PresenterPage(
    /// The board the presenter window shows.
    id: Id,
) -> impl IntoView {
    let board = WorkshopBoard::provide(AppState::expect(), id);
    let phase = Memo::new(move |_| board.phase());
    let title = move || board.title();
    move || {
        match phase.get() {
        None => view! {
            <section class="page presenter">
                <h1>"No workshop running"</h1>
                <p>"Start the workshop in the facilitator's window; this window follows it."</p>
            </section>
        }
        .into_any(),
        Some(p) => view! {
            <section class="page presenter" aria-label="Presenter view">
                <p class="presenter-board">{title}</p>
                <h1 class="presenter-phase">{p.label()}</h1>
                <p class="instructions">{p.instructions()}</p>
                <p class="reminder">"We rate situations, never people."</p>
                <Timer phase=Signal::derive(move || phase.get().unwrap_or_default()) controls=false/>
                <PublicPhase phase=p/>
            </section>
        }
        .into_any(),
    }
    }
}
