//! The facilitator's inbox: participants' contributions pasted or dropped in, previewed, then
//! merged into the board.

use super::common::WorkshopBoard;
use crate::browser;
use crate::data::read_import_text as read_text;
use crate::domain::workshop_remote::{read_contribution, ContributionSummary};
use crate::domain::{Id, WorkshopCommand, Workspace};
use crate::share::{read_link, take_fragment, CONTRIBUTION, INVITE};
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// What a pasted link or a file holds, read as a contribution to `board`.
fn read_as_contribution(
    state: AppState,
    board: &Id,
    text: &str,
) -> Result<(Workspace, ContributionSummary), String> {
    let r = read_text(text)?;
    let summary = state
        .ws
        .with_untracked(|ws| read_contribution(ws, &r.workspace, board))
        .map_err(|e| e.to_string())?;
    Ok((r.workspace, summary))
}

/// The facilitator's inbox: contribution links (opened or pasted) and files, each shown as
/// what it adds, with one action: Add to the board.
#[component]
pub fn Inbox() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let board = WorkshopBoard::expect();
    let pending = RwSignal::new(None::<(Workspace, ContributionSummary)>);
    let pasted = RwSignal::new(String::new());
    let take_text = move |text: String| match read_as_contribution(state, &board.id(), &text) {
        Ok(p) => pending.set(Some(p)),
        Err(e) => notices.error(format!(
            "This contribution cannot be added: {e}. Nothing was changed."
        )),
    };
    let take_link = move |data: String| {
        read_link(&data, move |r| match r {
            Ok(text) => take_text(text),
            Err(e) => notices.error(format!(
                "The contribution link cannot be opened: {e}. Nothing was changed."
            )),
        });
    };
    // A contribution link opens the facilitator's workshop page with its data.
    if let Some(data) = take_fragment(CONTRIBUTION) {
        notices.info("A contribution link arrived: its preview is under “Participants in their own browsers”.");
        take_link(data);
    }
    let read_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        match text.split_once(CONTRIBUTION) {
            Some((_, data)) => {
                take_link(data.trim().to_owned());
                pasted.set(String::new());
            }
            None if text.contains(INVITE) || text.contains(crate::share::PREFIX) => notices.error(
                "That is an invite or share link, not a contribution: participants send theirs with “Send my contribution”.",
            ),
            None => notices.error("Paste the whole contribution link, as the participant sent it."),
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(f) = input.files().and_then(|l| l.get(0)) {
            browser::read_file_text(&f, move |t| match t {
                Ok(text) => take_text(text),
                Err(e) => notices.error(format!("The file cannot be read: {e}")),
            });
        }
        input.set_value("");
    };
    view! {
        <section class="inbox" aria-label="Contributions">
            <h2>"Contributions from participants' own browsers"</h2>
            <form class="row-actions" on:submit=read_pasted aria-label="Paste a contribution link">
                <label>
                    "Contribution link "
                    <input type="text" placeholder="Paste a participant's link" bind:value=pasted/>
                </label>
                <button type="submit">"Read it"</button>
            </form>
            <label class="hint">
                "…or a contribution file: "
                <input type="file" accept=".json,application/json" on:change=on_file/>
            </label>
            {move || pending.get().map(|(ws, s)| view! { <ContributionPreview incoming=ws summary=s pending=pending/> })}
        </section>
    }
}

/// What one contribution adds, and its one action.
#[component]
fn ContributionPreview(
    /// The contribution, read, as a workspace to merge.
    incoming: Workspace,
    /// What it adds, in counts (cards, a ballot, a member), never whose.
    summary: ContributionSummary,
    /// Cleared once the facilitator decides.
    pending: RwSignal<Option<(Workspace, ContributionSummary)>>,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let text = summary.text();
    let changes = summary.changes;
    let member = summary.member.clone();
    let name = summary.name.clone();
    let incoming = StoredValue::new(incoming);
    let add = move |_| {
        let words = (
            format!("{name}'s contribution is on the board."),
            format!("{name}'s contribution was already on the board: nothing changed."),
        );
        if incoming.with_value(|ws| state.merge_in(ws, Some(words))) {
            let mut list = board.participants();
            if !list.contains(&member) {
                list.push(member.clone());
                state.dispatch(WorkshopCommand::SetParticipants {
                    board: board.id(),
                    participants: list,
                });
            }
        }
        pending.set(None);
    };
    view! {
        <div class="contribution-preview" role="group" aria-label="Contribution">
            <p><strong>{text}</strong></p>
            {if changes {
                view! {
                    <div class="row-actions">
                        <button class="primary" on:click=add>"Add to the board"</button>
                        <button on:click=move |_| pending.set(None)>"Not now"</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p>"Already on the board: nothing new in it."</p>
                    <button on:click=move |_| pending.set(None)>"Close"</button>
                }
                .into_any()
            }}
        </div>
    }
}
