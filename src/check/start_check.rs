//! The Check page before a check runs: what the check is, and the button to open one.

use crate::browser;
use crate::domain::check::Check;
use crate::domain::CheckCommand;
use crate::state::AppState;
use leptos::prelude::*;

/// No check is open: what a check is, and Start.
#[component]
pub fn StartCheck() -> impl IntoView {
    let state = AppState::expect();
    let before = Memo::new(move |_| state.ws.with(|ws| ws.live::<Check>().count() > 0));
    let start = move |_| {
        state.dispatch(CheckCommand::Open {
            today: browser::today(),
            board: None,
        });
    };
    view! {
        <section class="start-check" aria-label="Start a check">
            <p>
                {move || if before.get() {
                    "A new check starts from the statements of your last one."
                } else {
                    "Climb starts you with nine statements, three per condition. Reword, add or remove them before anyone answers."
                }}
            </p>
            <button class="primary" on:click=start>"Start a check"</button>
        </section>
    }
}
