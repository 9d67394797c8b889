//! The button that opens a safety check, from the Check page or from Set the stage.

use crate::browser;
use crate::domain::check::Check;
use crate::domain::check_commands::open_check;
use crate::domain::{CheckCommand, Id};
use crate::router::{Link, Router};
use crate::state::AppState;
use leptos::prelude::*;

/// For the workshop's Set the stage: open with a check, or go to the one that is open.
#[component]
pub fn StartCheckButton(
    /// The board whose workshop the check opens.
    board: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let here = board.clone();
    let open = Memo::new(move |_| {
        let team = state.team.get();
        state.ws.with(|ws| {
            open_check(ws, team.as_ref()).is_some()
                || ws
                    .live::<Check>()
                    .any(|c| c.board_id.as_ref() == Some(&here))
        })
    });
    let start = move |_| {
        let cmd = CheckCommand::Open {
            today: browser::today(),
            board: Some(board.clone()),
        };
        if state.dispatch(cmd) {
            router.navigate("/check");
        }
    };
    view! {
        <section class="check-opener" aria-label="Safety check">
            <h3>"Safety, trust and clarity check"</h3>
            <p class="hint">"A few anonymous statements before the retro: are the conditions for accountability there?"</p>
            {move || if open.get() {
                view! { <Link href="/check">"Go to the check"</Link> }.into_any()
            } else {
                view! { <button on:click=start.clone()>"Open with a safety check"</button> }.into_any()
            }}
        </section>
    }
}
