//! A participant's way back to the facilitator: the contribution link or file of what they
//! wrote, placed and voted in their own browser.

use super::common::WorkshopBoard;
use super::made_link::{make_and_copy, MadeLink};
use crate::browser;
use crate::domain::exchange::{export_file_name, to_export_json};
use crate::domain::workshop::contribution;
use crate::domain::workshop_remote::Joined;
use crate::share::CONTRIBUTION;
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// A participant's "Send my contribution": a short link to paste in the call's chat, or a
/// file.
#[component]
pub fn SendContribution(
    /// Who this participant is on the board, as they chose when joining.
    joined: RwSignal<Joined>,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let link = RwSignal::new(None::<String>);
    let board = WorkshopBoard::expect();
    let json = move || {
        let j = joined.get_untracked();
        let id = board.id();
        state.ws.with_untracked(|ws| {
            to_export_json(&contribution(ws, &id, &j.me, &j.written), browser::now())
        })
    };
    let send = move |_| {
        let id = board.id();
        make_and_copy(
            notices,
            format!("/boards/{id}/workshop"),
            CONTRIBUTION,
            json(),
            link,
            "contribution link",
            "send it to the facilitator alone, in a direct message",
        );
    };
    let download = move |_| {
        let file = export_file_name(browser::today(), "workshop contribution");
        match browser::download(&file, &json(), "application/json") {
            Ok(()) => notices.success(format!("Your contribution is in {file}.")),
            Err(e) => notices.error(format!("The download could not start: {e}")),
        }
    };
    view! {
        <section class="send-contribution" aria-label="Send my contribution">
            <h2>"Send my contribution"</h2>
            <p>"Your cards, placements and votes go to the facilitator as a link. It says what you placed and voted, under your name: send it to the facilitator alone (a direct message), not to the whole call. Send it again whenever you add more; the same link twice changes nothing."</p>
            <div class="row-actions">
                <button class="primary" on:click=send>"Send my contribution"</button>
                <button on:click=download>"Download as a file instead"</button>
            </div>
            <MadeLink label="Contribution link" link=link/>
        </section>
    }
}
