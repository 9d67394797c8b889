//! The workshop page: starting a session, the facilitator's shared screen phase by phase,
//! or, in a browser that joined from an invite, the participant's own view.

use super::climb::ClimbPhase;
use super::close_phase::ClosePhase;
use super::commit_phase::CommitPhase;
use super::common::{member_name, WorkshopBoard};
use super::group::GroupPhase;
use super::inbox::Inbox;
use super::participant::ParticipantView;
use super::place_phase::PlacePhase;
use super::remote::FacilitatorTools;
use super::reveal::RevealPhase;
use super::seat::{read_joined, Seat};
use super::stage::SetTheStage;
use super::timer::Timer;
use super::vote_phase::VotePhase;
use super::write_phase::WritePhase;
use crate::domain::roster::Member;
use crate::domain::workshop::Phase;
use crate::domain::workshop_room::Turn;
use crate::domain::{Id, WorkshopCommand};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::EmptyState;
use leptos::prelude::*;

/// A board run as a workshop.
#[component]
pub fn WorkshopPage(
    /// The board the workshop runs on.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::provide(state, id.clone());
    let started = Memo::new(move |_| board.with(|b| b.session.is_some()));
    // A browser that joined from an invite is a participant's own, not the facilitator's.
    let joined = read_joined(state, &id);
    move || match started.get() {
        None => view! {
            <section class="page">
                <h1>"Board not found"</h1>
                <p>
                    "This board does not exist in this browser. "
                    <Link href="/boards">"See all boards"</Link>
                </p>
            </section>
        }
        .into_any(),
        Some(false) => view! { <StartWorkshop/> }.into_any(),
        Some(true) => match joined.clone() {
            Some(j) => view! { <ParticipantView joined=j/> }.into_any(),
            None => view! { <SessionView/> }.into_any(),
        },
    }
}

/// Choosing the participants and starting.
#[component]
fn StartWorkshop() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let id = board.id();
    let members: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    let chosen = RwSignal::new(members.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
    let title = move || board.title();
    let start = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            state.dispatch(WorkshopCommand::Start {
                board: id.clone(),
                participants: chosen.get_untracked(),
            });
        }
    };
    let empty = members.is_empty();
    view! {
        <section class="page workshop">
            <p class="breadcrumb">
                <Link href=format!("/boards/{id}")>"Back to the board"</Link>
            </p>
            <h1>"Run “" {title} "” as a workshop"</h1>
            <p>
                "A guided ladder retro in nine phases: Set the stage, Write, Group, Place, Reveal, "
                "Vote, Climb, Commit, Close. Each phase shows its instructions and hides what does not "
                "belong to it. Participants can share this screen, or join from their own browsers "
                "with an invite link."
            </p>
            {if empty {
                view! {
                    <EmptyState title="Add the team first">
                        "Participants are members of the team. "
                        <Link href="/team">"Add them on the Team page"</Link>
                        ", then come back."
                    </EmptyState>
                }
                .into_any()
            } else {
                view! {
                    <form class="new-board" on:submit=start aria-label="Start the workshop">
                        <MemberChecks
                            legend="Participants"
                            chosen=chosen.into()
                            set=move |list| chosen.set(list)
                        />
                        <button class="primary" type="submit">"Start the workshop"</button>
                    </form>
                }
                .into_any()
            }}
        </section>
    }
}

/// The facilitator's shared screen: the phases, the current one's body, the inbox of
/// contribution links and the participants.
#[component]
fn SessionView() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let id = board.id();
    // A contribution link opened here: its preview must be in view, not folded away.
    let arrived = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| h.starts_with(crate::share::CONTRIBUTION));
    let phase = Memo::new(move |_| board.phase().unwrap_or_default());
    let participants = Memo::new(move |_| board.participants());
    // Whose turn it is on this shared screen: one value behind the picker and the curtain.
    let turn = RwSignal::new(Turn::default());
    let seat = Seat::Shared {
        turn,
        phase,
        participants,
    };
    let facilitator = move || {
        board
            .with(|b| b.facilitator.clone())
            .flatten()
            .map(|f| member_name(state, &f))
    };
    let go = {
        let id = id.clone();
        move |p: Phase| {
            state.dispatch(WorkshopCommand::GoTo {
                board: id.clone(),
                phase: p,
            });
        }
    };
    let go_back = go.clone();
    let title = move || board.title();
    let body = move || match phase.get() {
        Phase::SetTheStage => view! { <SetTheStage/> }.into_any(),
        Phase::Write => view! { <WritePhase seat=seat/> }.into_any(),
        Phase::Group => view! { <GroupPhase/> }.into_any(),
        Phase::Place => view! { <PlacePhase seat=seat/> }.into_any(),
        Phase::Reveal => view! { <RevealPhase edit=true/> }.into_any(),
        Phase::Vote => view! { <VotePhase seat=seat/> }.into_any(),
        Phase::Climb => view! { <ClimbPhase/> }.into_any(),
        Phase::Commit => view! { <CommitPhase/> }.into_any(),
        Phase::Close => view! { <ClosePhase/> }.into_any(),
    };
    view! {
        <section class="page workshop">
            <p class="breadcrumb">
                <Link href=format!("/boards/{id}")>"Back to the board"</Link>
            </p>
            <h1>"Workshop: " {title}</h1>
            {move || facilitator().map(|f| view! { <p class="facilitator">{format!("Facilitator: {f}")}</p> })}
            <p class="reminder">"We rate situations, never people."</p>
            <FacilitatorTools/>
            <nav aria-label="Phases">
                <ol class="phases">
                    {Phase::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <li aria-current=move || (phase.get() == p).then_some("step")>
                                    {p.label()}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <div class="phase-bar">
                <button
                    disabled=move || phase.get().prev().is_none()
                    on:click=move |_| {
                        if let Some(p) = phase.get_untracked().prev() {
                            go_back(p);
                        }
                    }
                >
                    {move || match phase.get().prev() {
                        Some(p) => format!("◀ Back to {}", p.label()),
                        None => "◀ Back".to_owned(),
                    }}
                </button>
                <h2 class="phase-title">{move || phase.get().label()}</h2>
                {move || {
                    let go = go.clone();
                    phase.get().next().map(|p| view! {
                        <button class="primary" on:click=move |_| go(p)>
                            {format!("Next: {} ▶", p.label())}
                        </button>
                    })
                }}
            </div>
            <p class="instructions">{move || phase.get().instructions()}</p>
            <Timer phase=phase.into()/>
            <div class="phase-body">{body}</div>
            <details class="contributions" open=arrived>
                <summary>"Participants in their own browsers"</summary>
                <p>
                    "Send the invite link in the call's chat: each participant joins as themselves, "
                    "writes, places and votes in their own browser, and sends back a contribution "
                    "link. Paste each one here: it can only add to this board, and the same link "
                    "twice changes nothing. An invite sent during Write carries no card; send it again from Group on, "
                    "so that participants can place every card, and for Reveal and later phases."
                </p>
                <Inbox/>
            </details>
            <Participants participants=participants/>
        </section>
    }
}

/// Changing who takes part.
#[component]
fn Participants(
    /// The session's participants, in turn order.
    participants: Memo<Vec<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    view! {
        <details class="participants">
            <summary>{move || format!("Participants ({})", participants.with(Vec::len))}</summary>
            <MemberChecks
                legend="Who takes part"
                chosen=participants.into()
                set=move |list| {
                    state.dispatch(WorkshopCommand::SetParticipants {
                        board: board.id(),
                        participants: list,
                    });
                }
            />
        </details>
    }
}

/// A checkbox per member of the roster; `set` gets the new list (in order of ticking) on
/// every change.
#[component]
fn MemberChecks(
    /// The fieldset's legend.
    legend: &'static str,
    /// The members ticked.
    chosen: Signal<Vec<Id>>,
    /// Called with the members ticked after each change.
    set: impl Fn(Vec<Id>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let members: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    view! {
        <fieldset>
            <legend>{legend}</legend>
            {members
                .into_iter()
                .map(|(m, name)| {
                    let m2 = m.clone();
                    let set = set.clone();
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&m))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut list = chosen.get_untracked();
                                    list.retain(|x| x != &m2);
                                    if on {
                                        list.push(m2.clone());
                                    }
                                    set(list);
                                }
                            />
                            " " {name}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
