//! A check over a video call: the invite link, and adding the response links people send
//! back. Climb adds each response to the totals; the facilitator could still tell one link
//! from another by who sent it, and the screen says so.

use crate::domain::check::Check;
use crate::domain::check_commands::{is_counted, responses};
use crate::domain::check_links::{invite_json, read_reply};
use crate::domain::{CheckCommand, Id};
use crate::share::read_link;
use crate::state::AppState;
use crate::ui::OneLineForm;
use crate::workshop::{make_and_copy, MadeLink};
use leptos::prelude::*;

/// The fragment key of an invite: `…/check/answer#check=<data>`.
pub const INVITE: &str = "#check=";
/// The fragment key of a response link: `…/check#answers=<data>`.
pub const RESPONSE: &str = "#answers=";

/// A reason as the end of a sentence: lower-case start, one full stop.
pub fn sentence(reason: &str) -> String {
    let mut c = reason.trim().trim_end_matches('.').chars();
    let mut out: String = match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    };
    out.push('.');
    out
}

/// Reads a response link (or its data alone) and adds it to its check, saying what happened.
pub fn add_response(state: AppState, text: String) {
    let notices = state.notices();
    let text = text.trim();
    let data = match text.find(RESPONSE) {
        Some(i) => text.get(i + RESPONSE.len()..).unwrap_or_default(),
        None if text.contains('#') || text.contains('/') => {
            return notices.error(
                "That is not a response link: a response link has #answers= in it. Ask for it again.",
            );
        }
        None => text,
    }
    .to_owned();
    read_link(&data, move |r| {
        let reply = match r
            .map_err(|e| e.to_string())
            .and_then(|t| read_reply(&t).map_err(|e| e.to_string()))
        {
            Ok(reply) => reply,
            Err(e) => {
                return notices.error(format!("The response could not be added: {}", sentence(&e)))
            }
        };
        let found = state.all.with_untracked(|ws| {
            ws.get::<Check>(&reply.check)
                .map(|c| (c.is_open(), c.team_id.clone()))
        });
        let Some((open, team)) = found else {
            return notices.error(
                "This response is for a check this browser does not have. Add it in the browser that sent the invite.",
            );
        };
        if !open {
            return notices.error(
                "This check is closed: its results are shown, so the response was not added.",
            );
        }
        if state
            .all
            .with_untracked(|ws| is_counted(ws, &reply.check, &reply.response))
        {
            return notices.info("This response is already counted: nothing changed.");
        }
        if let Some(team) = team.filter(|t| state.team.get_untracked().as_ref() != Some(t)) {
            state.switch_team(&team);
        }
        let check = reply.check.clone();
        let cmd = CheckCommand::Answer {
            id: reply.check.clone(),
            response: reply.response.clone(),
            answers: reply.answers(),
            today: crate::browser::today(),
        };
        if state.dispatch(cmd) {
            state.forget_history();
            let n = state.all.with_untracked(|ws| responses(ws, &check));
            notices.success(format!("A response was added: {n} counted so far."));
        }
    });
}

/// The invite link, and the field to add response links.
#[component]
pub fn RemoteCheck(
    /// The open check.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let link = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());
    let check = StoredValue::new(id);
    let copy = move |_| {
        let json = state.ws.with_untracked(|ws| {
            ws.get::<Check>(&check.get_value())
                .map(|c| invite_json(c, &untrack(|| state.team_name()).unwrap_or_default()))
        });
        if let Some(json) = json {
            make_and_copy(
                state.notices(),
                "/check/answer".to_owned(),
                INVITE,
                json,
                link,
                "invite link",
                "paste it in the call's chat",
            );
        }
    };
    let add = move || {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            state.notices().error("Paste a response link first.");
            return;
        }
        pasted.set(String::new());
        add_response(state, text);
    };
    view! {
        <details class="remote-check">
            <summary>"Answer in your own browsers (over a call)"</summary>
            <p class="hint">
                "Send the invite link in the call's chat. Each person answers in their own browser, "
                "which keeps nothing, and sends back a response link: a random id and their answers, no name."
            </p>
            <p class="privacy-note">
                "You could tell one response link from another by who sent it, so paste each here (or "
                "open it in this browser) without reading it: Climb shows only the totals, and the "
                "same link twice counts once."
            </p>
            <div class="row-actions">
                <button on:click=copy>"Copy invite link"</button>
            </div>
            <MadeLink label="Invite link" link=link/>
            <OneLineForm label="Response link" field="response-link" value=pasted button="Add response" name="Add a response" on_submit=add/>
        </details>
    }
}
