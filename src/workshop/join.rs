//! Joining a workshop from an invite link: the board comes into this browser, the participant
//! picks themselves from the roster (or adds their name) and goes to the current phase.

use super::common::{member_name, WorkshopBoard};
use super::seat::{read_joined, write_joined};
use crate::data::read_import_text as read_text;
use crate::domain::roster::Member;
use crate::domain::workshop_remote::{read_invite, Joined};
use crate::domain::{Command, Id};
use crate::router::{Link, Router};
use crate::share::{read_link, take_fragment, INVITE};
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// Where a join stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Opening,
    Choose,
    Failed,
}

#[component]
pub fn JoinPage(
    /// The board of the invite link.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let router = Router::expect();
    let board = WorkshopBoard::provide(state, id);
    let has_workshop = move || board.phase().is_some();
    // Joined before (an updated invite): straight on to the workshop.
    let go_on = move || {
        let id = board.id();
        if read_joined(state, &id).is_some() {
            router.navigate(&format!("/boards/{id}/workshop"));
            true
        } else {
            false
        }
    };
    let step = RwSignal::new(Step::Choose);
    match take_fragment(INVITE) {
        Some(data) => {
            step.set(Step::Opening);
            read_link(&data, move |r| {
                let read = r.and_then(|t| read_text(&t)).and_then(|r| {
                    read_invite(&r.workspace, &board.id())
                        .map(|(title, _)| (r.workspace, title))
                        .map_err(|e| e.to_string())
                });
                match read {
                    Ok((ws, title)) => {
                        let words = (
                            format!("The workshop “{title}” is now in this browser."),
                            format!("The workshop “{title}” was already up to date here."),
                        );
                        state.merge_in(&ws, Some(words));
                        if !go_on() {
                            step.set(Step::Choose);
                        }
                    }
                    Err(e) => {
                        notices.error(format!(
                            "The invite link cannot be opened: {e}. Nothing was changed."
                        ));
                        step.set(Step::Failed);
                    }
                }
            });
        }
        None => {
            go_on();
        }
    }
    move || {
        match (step.get(), has_workshop()) {
        (Step::Opening, _) => view! {
            <section class="page"><h1>"Opening the invite…"</h1></section>
        }
        .into_any(),
        (_, true) => view! { <ChooseSelf/> }.into_any(),
        (_, false) => view! {
            <section class="page">
                <h1>"This invite cannot be opened"</h1>
                <p>"The link is incomplete or for a workshop this browser does not have. Ask the facilitator to copy the invite link again."</p>
                <p><Link href="/boards">"See the boards in this browser"</Link></p>
            </section>
        }
        .into_any(),
    }
    }
}

/// "Join Sprint 43 retro as…": the roster, or a new name.
#[component]
fn ChooseSelf() -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let board = WorkshopBoard::expect();
    let title = board.title();
    let mut roster = board.participants();
    if roster.is_empty() {
        roster = state
            .ws
            .with_untracked(|ws| ws.live::<Member>().map(|m| m.meta.id.clone()).collect());
    }
    let join = move |me: Id| {
        let id = board.id();
        write_joined(
            state,
            &id,
            &Joined {
                me,
                written: Vec::new(),
            },
        );
        router.navigate(&format!("/boards/{id}/workshop"));
    };
    let name = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut created = None;
        let cmd = Command::AddMember {
            name: name.get_untracked(),
        };
        if state.dispatch_with(cmd, |c| created = c.created().cloned()) {
            if let Some(me) = created {
                join(me);
            }
        }
    };
    view! {
        <section class="page join">
            <h1>{format!("Join “{title}” as…")}</h1>
            <p>"Pick yourself. You write, place and vote in this browser; nobody sees your placements or votes, only the group's counts at Reveal."</p>
            <ul class="join-list">
                {roster
                    .into_iter()
                    .map(|m| {
                        let n = member_name(state, &m);
                        view! {
                            <li><button class="big" on:click=move |_| join(m.clone())>{n}</button></li>
                        }
                    })
                    .collect_view()}
            </ul>
            <form class="row-actions" on:submit=add aria-label="Join with your name">
                <label>"Not on the list? Your name " <input type="text" maxlength="80" bind:value=name/></label>
                <button class="primary" type="submit">"Join"</button>
            </form>
        </section>
    }
}
