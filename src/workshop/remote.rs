//! A workshop over a video call, the facilitator's side: the invite link and the presenter
//! window (a participant's way back is in `send_contribution.rs`, the inbox in `inbox.rs`).

use super::common::WorkshopBoard;
use super::made_link::{make_and_copy, MadeLink};
use crate::browser;
use crate::domain::exchange::to_export_json;
use crate::domain::workshop_remote::invite;
use crate::share::INVITE;
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// The facilitator's tools for a remote round: the invite link and the presenter window.
#[component]
pub fn FacilitatorTools() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let link = RwSignal::new(None::<String>);
    let board = WorkshopBoard::expect();
    let copy_invite = move |_| {
        let id = board.id();
        let json = state
            .ws
            .with_untracked(|ws| to_export_json(&invite(ws, &id), browser::now()));
        make_and_copy(
            notices,
            format!("/boards/{id}/join"),
            INVITE,
            json,
            link,
            "invite link",
            "paste it in the call's chat",
        );
    };
    let present = move |_| {
        let url = format!("/boards/{}/present", board.id());
        let opened = web_sys::window().and_then(|w| {
            w.open_with_url_and_target(&url, "climb-presenter")
                .ok()
                .flatten()
        });
        if opened.is_none() {
            notices.error(format!(
                "The browser blocked the presenter window: open {url} in a new window yourself."
            ));
        }
    };
    view! {
        <div class="facilitator-tools row-actions">
            <button on:click=copy_invite>"Copy invite link"</button>
            <button on:click=present>"Open presenter window"</button>
        </div>
        <MadeLink label="Invite link" link=link/>
    }
}
