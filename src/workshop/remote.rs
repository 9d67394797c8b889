//! A workshop over a video call: the facilitator's invite link and presenter window, a
//! participant's contribution link, and the facilitator's inbox that adds contributions to
//! the board (and can do nothing else).

use super::common::participants_of;
use crate::browser;
use crate::data::read_import_text as read_text;
use crate::domain::exchange::{export_file_name, to_export_json};
use crate::domain::workshop::contribution;
use crate::domain::workshop_remote::{invite, read_contribution, ContributionSummary, Joined};
use crate::domain::{Id, WorkshopCommand, Workspace};
use crate::share::{make_link_to, read_link, take_fragment, CONTRIBUTION, INVITE};
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// "2.4 KB" for a link's length.
fn size_text(link: &str) -> String {
    format!("{:.1} KB", link.len() as f64 / 1024.0)
}

/// A link made here, shown in a read-only field (to copy by hand if the clipboard refuses).
#[component]
pub(crate) fn MadeLink(
    /// The field's label.
    label: &'static str,
    link: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        link.get().map(|l| {
            let size = size_text(&l);
            view! {
                <label class="made-link">
                    {format!("{label} ({size}) ")}
                    <input type="text" readonly prop:value=l on:focus=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.select();
                    }/>
                </label>
            }
        })
    }
}

/// Makes a link carrying `json`, copies it, and shows it.
pub(crate) fn make_and_copy(
    notices: Notices,
    path: String,
    prefix: &'static str,
    json: String,
    shown: RwSignal<Option<String>>,
    what: &'static str,
) {
    make_link_to(&path, prefix, &json, move |r| match r {
        Ok(link) => {
            let size = size_text(&link);
            shown.set(Some(link.clone()));
            browser::copy_text(&link, move |ok| {
                if ok {
                    notices.success(format!(
                        "The {what} is on the clipboard ({size}): paste it in the call's chat."
                    ));
                } else {
                    notices.info(format!(
                        "The browser refused the clipboard: copy the {what} from the field below."
                    ));
                }
            });
        }
        Err(e) => notices.error(format!("The {what} could not be made: {e}.")),
    });
}

/// The facilitator's tools for a remote round: the invite link and the presenter window.
#[component]
pub fn FacilitatorTools(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let link = RwSignal::new(None::<String>);
    let board = StoredValue::new(id);
    let copy_invite = move |_| {
        let id = board.get_value();
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
        );
    };
    let present = move |_| {
        let url = format!("/boards/{}/present", board.get_value());
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

/// A participant's "Send my contribution": a short link to paste in the call's chat, or a
/// file.
#[component]
pub fn SendContribution(id: Id, joined: RwSignal<Joined>) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let link = RwSignal::new(None::<String>);
    let board = StoredValue::new(id);
    let json = move || {
        let j = joined.get_untracked();
        let id = board.get_value();
        state.ws.with_untracked(|ws| {
            to_export_json(&contribution(ws, &id, &j.me, &j.written), browser::now())
        })
    };
    let send = move |_| {
        let id = board.get_value();
        make_and_copy(
            notices,
            format!("/boards/{id}/workshop"),
            CONTRIBUTION,
            json(),
            link,
            "contribution link",
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
            <p>"Your cards, placements and votes go to the facilitator as a link: paste it in the call's chat. Send it again whenever you add more; the same link twice changes nothing."</p>
            <div class="row-actions">
                <button class="primary" on:click=send>"Send my contribution"</button>
                <button on:click=download>"Download as a file instead"</button>
            </div>
            <MadeLink label="Contribution link" link=link/>
        </section>
    }
}

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
pub fn Inbox(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let board = StoredValue::new(id);
    let pending = RwSignal::new(None::<(Workspace, ContributionSummary)>);
    let pasted = RwSignal::new(String::new());
    let take_text = move |text: String| match read_as_contribution(state, &board.get_value(), &text)
    {
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
            {move || pending.get().map(|(ws, s)| view! { <ContributionPreview board=board.get_value() incoming=ws summary=s pending=pending/> })}
        </section>
    }
}

/// What one contribution adds, and its one action.
#[component]
fn ContributionPreview(
    board: Id,
    incoming: Workspace,
    summary: ContributionSummary,
    /// Cleared once the facilitator decides.
    pending: RwSignal<Option<(Workspace, ContributionSummary)>>,
) -> impl IntoView {
    let state = AppState::expect();
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
            let mut list = participants_of(state, &board);
            if !list.contains(&member) {
                list.push(member.clone());
                state.dispatch(WorkshopCommand::SetParticipants {
                    board: board.clone(),
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
