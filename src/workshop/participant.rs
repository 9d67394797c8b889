//! A participant's own browser, joined from an invite link: they write, place and vote at
//! their own pace and send their contribution back; the group's phases from Reveal on come
//! with the facilitator's updated invite link.

use super::common::{member_name, WorkshopBoard};
use super::place_phase::PlacePhase;
use super::public_phase::PublicPhase;
use super::seat::{joined_key, Seat};
use super::send_contribution::SendContribution;
use super::vote_phase::VotePhase;
use super::write_phase::WritePhase;
use crate::domain::workshop::Phase;
use crate::domain::workshop_remote::Joined;
use crate::router::{Link, Router};
use crate::state::AppState;
use leptos::prelude::*;

/// The tab a participant opens first: the facilitator's phase when it is one they take part
/// in on their own, Write before it, and the group's phase after.
fn first_tab(phase: Phase) -> Phase {
    if phase < Phase::Write {
        Phase::Write
    } else if phase == Phase::Group {
        Phase::Place
    } else {
        phase
    }
}

#[component]
pub fn ParticipantView(
    /// Who this participant is on the board, as they chose when joining.
    joined: Joined,
) -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let board = WorkshopBoard::expect();
    let id = board.id();
    let group_phase = Memo::new(move |_| board.phase().unwrap_or_default());
    let tab = RwSignal::new(first_tab(group_phase.get_untracked()));
    let joined = RwSignal::new(joined);
    let seat = Seat::Own {
        board: StoredValue::new(id.clone()),
        joined,
    };
    let me = member_name(state, &joined.get_untracked().me);
    let title = move || board.title();
    let leave = {
        let id = id.clone();
        move |_| {
            let _ = state.store().remove(&joined_key(&id));
            router.navigate(&format!("/boards/{id}/join"));
        }
    };
    let tabs = move || {
        let mut list = vec![Phase::Write, Phase::Place, Phase::Vote];
        let g = group_phase.get();
        if !g.is_private() && g > Phase::Write {
            list.push(g);
        }
        list.into_iter()
            .map(|p| {
                let name = if p.is_private() { p.label().to_owned() } else { format!("With the group: {}", p.label()) };
                view! {
                    <button aria-pressed=move || (tab.get() == p).to_string() on:click=move |_| tab.set(p)>{name}</button>
                }
            })
            .collect_view()
    };
    let body = move || match tab.get() {
        Phase::Write => view! { <WritePhase seat=seat/> }.into_any(),
        Phase::Place => view! { <PlacePhase seat=seat/> }.into_any(),
        Phase::Vote => view! { <VotePhase seat=seat/> }.into_any(),
        p => view! { <PublicPhase phase=p/> }.into_any(),
    };
    view! {
        <section class="page workshop participant">
            <p class="breadcrumb"><Link href="/boards">"Boards"</Link></p>
            <h1>"Workshop: " {title}</h1>
            <p>
                {format!("You take part as {me}. ")}
                <button class="link" on:click=leave>{format!("Not {me}?")}</button>
            </p>
            <p class="reminder">"We rate situations, never people."</p>
            <p class="hint">{move || format!("The group is at: {}. Write, place and vote here at your own pace, then send your contribution; the others' cards and the group's later phases arrive with the facilitator's next invite link.", group_phase.get().label())}</p>
            <nav aria-label="Your phases" class="row-actions participant-tabs">{tabs}</nav>
            <p class="instructions">{move || tab.get().own_browser_instructions()}</p>
            <div class="phase-body">{body}</div>
            <SendContribution joined=joined/>
        </section>
    }
}
