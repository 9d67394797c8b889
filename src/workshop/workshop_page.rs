use super::climb::ClimbPhase;
use super::phases::{
    ClosePhase, CommitPhase, PlacePhase, RevealPhase, SetTheStage, VotePhase, WritePhase,
};
use super::timer::Timer;
use crate::browser;
use crate::domain::exchange::{export_file_name, to_export_json};
use crate::domain::ladder::Board;
use crate::domain::roster::Member;
use crate::domain::workshop::{contribution, Phase};
use crate::domain::{Command, Id, WorkshopCommand};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::{EmptyState, Notices};
use leptos::prelude::*;

/// The participant whose turn it is on the shared screen (or who is using this browser).
pub type Turn = Signal<Option<Id>>;

pub fn member_name(state: AppState, id: &Id) -> String {
    state
        .ws
        .with_untracked(|ws| ws.get::<Member>(id).map(|m| m.name.clone()))
        .unwrap_or_else(|| "a former member".to_owned())
}

pub fn workshop(state: AppState, cmd: WorkshopCommand) -> bool {
    state.dispatch(Command::Workshop(cmd))
}

/// A board run as a workshop.
#[component]
pub fn WorkshopPage(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let board = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.get::<Board>(&id).cloned()))
    };
    let started = Memo::new(move |_| board.with(|b| b.as_ref().map(|b| b.session.is_some())));
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
        Some(false) => view! { <StartWorkshop id=id.clone() board=board/> }.into_any(),
        Some(true) => view! { <SessionView id=id.clone() board=board/> }.into_any(),
    }
}

/// Choosing the participants and starting.
#[component]
fn StartWorkshop(id: Id, board: Memo<Option<Board>>) -> impl IntoView {
    let state = AppState::expect();
    let members: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    let chosen = RwSignal::new(members.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
    let title = move || board.with(|b| b.as_ref().map(|b| b.title.clone()).unwrap_or_default());
    let start = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            workshop(
                state,
                WorkshopCommand::Start {
                    board: id.clone(),
                    participants: chosen.get_untracked(),
                },
            );
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
                "A guided ladder retro in eight phases: Set the stage, Write, Place, Reveal, Vote, "
                "Climb, Commit, Close. Each phase shows its instructions and hides what does not "
                "belong to it. Participants can share this screen or work in their own browsers."
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

#[component]
fn SessionView(id: Id, board: Memo<Option<Board>>) -> impl IntoView {
    let state = AppState::expect();
    let phase = Memo::new(move |_| {
        board.with(|b| {
            b.as_ref()
                .and_then(|b| b.session.as_ref())
                .map(|s| s.phase)
                .unwrap_or_default()
        })
    });
    let participants = Memo::new(move |_| {
        board.with(|b| {
            b.as_ref()
                .and_then(|b| b.session.as_ref())
                .map(|s| s.participants.clone())
                .unwrap_or_default()
        })
    });
    let picked = RwSignal::new(None::<Id>);
    let turn: Turn = Signal::derive(move || {
        let ps = participants.get();
        picked
            .get()
            .filter(|p| ps.contains(p))
            .or_else(|| ps.first().cloned())
    });
    let go = {
        let id = id.clone();
        move |p: Phase| {
            workshop(
                state,
                WorkshopCommand::GoTo {
                    board: id.clone(),
                    phase: p,
                },
            );
        }
    };
    let go_back = go.clone();
    let title = move || board.with(|b| b.as_ref().map(|b| b.title.clone()).unwrap_or_default());
    let board_id = id.clone();
    let body = move || {
        let id = board_id.clone();
        match phase.get() {
            Phase::SetTheStage => view! { <SetTheStage id=id/> }.into_any(),
            Phase::Write => view! { <WritePhase id=id turn=turn picked=picked/> }.into_any(),
            Phase::Place => view! { <PlacePhase id=id turn=turn picked=picked/> }.into_any(),
            Phase::Reveal => view! { <RevealPhase id=id/> }.into_any(),
            Phase::Vote => view! { <VotePhase id=id turn=turn picked=picked/> }.into_any(),
            Phase::Climb => view! { <ClimbPhase id=id/> }.into_any(),
            Phase::Commit => view! { <CommitPhase id=id/> }.into_any(),
            Phase::Close => view! { <ClosePhase id=id/> }.into_any(),
        }
    };
    view! {
        <section class="page workshop">
            <p class="breadcrumb">
                <Link href=format!("/boards/{id}")>"Back to the board"</Link>
            </p>
            <h1>"Workshop: " {title}</h1>
            <p class="reminder">"We rate situations, not people."</p>
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
            <Timer/>
            <div class="phase-body">{body}</div>
            <Contributions id=id.clone() board=board turn=turn/>
            <Participants id=id.clone() participants=participants/>
        </section>
    }
}

/// Who is taking their turn: a select of the participants and a "Next participant" button.
#[component]
pub fn TurnPicker(
    label: &'static str,
    participants: Vec<Id>,
    turn: Turn,
    picked: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let names: Vec<(Id, String)> = participants
        .iter()
        .map(|p| (p.clone(), member_name(state, p)))
        .collect();
    let next = {
        let participants = participants.clone();
        move |_| {
            let current = turn.get_untracked();
            let i = participants
                .iter()
                .position(|p| Some(p) == current.as_ref())
                .map_or(0, |i| (i + 1) % participants.len().max(1));
            picked.set(participants.get(i).cloned());
        }
    };
    view! {
        <div class="turn row-actions">
            <label>
                {label} " "
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    picked.set(crate::ui::member_from_value(v));
                }>
                    {names
                        .into_iter()
                        .map(|(id, name)| {
                            let sel = turn.get_untracked().as_ref() == Some(&id);
                            view! { <option value=id.to_string() selected=sel>{name}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <button on:click=next>"Next participant"</button>
        </div>
    }
}

/// Exporting this participant's contribution, and importing others'.
#[component]
fn Contributions(id: Id, board: Memo<Option<Board>>, turn: Turn) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let export = move |_| {
        let Some(member) = turn.get_untracked() else {
            notices.error("Choose a participant first.");
            return;
        };
        let Some(b) = board.get_untracked() else {
            return;
        };
        let name = member_name(state, &member);
        let json = state
            .ws
            .with_untracked(|ws| to_export_json(&contribution(ws, &id, &member), browser::now()));
        let file = export_file_name(
            b.date.unwrap_or_else(browser::today),
            &format!("{} contribution {name}", b.title),
        );
        match browser::download(&file, &json, "application/json") {
            Ok(()) => notices.success(format!("{name}'s contribution is in {file}.")),
            Err(e) => notices.error(format!("The download could not start: {e}")),
        }
    };
    view! {
        <details class="contributions">
            <summary>"Participants in their own browsers"</summary>
            <p>
                "Each participant opens this board from the facilitator's share link or file, "
                "writes, places and votes as themselves, then exports their contribution. The "
                "facilitator imports the files here: nothing is duplicated, and importing a "
                "file twice changes nothing."
            </p>
            <button on:click=export>
                {move || match turn.get() {
                    Some(m) => format!("Export {}'s contribution", member_name(state, &m)),
                    None => "Export my contribution".to_owned(),
                }}
            </button>
            <crate::data::ImportPanel heading="Import contributions"/>
        </details>
    }
}

/// Changing who takes part.
#[component]
fn Participants(id: Id, participants: Memo<Vec<Id>>) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <details class="participants">
            <summary>{move || format!("Participants ({})", participants.with(Vec::len))}</summary>
            <MemberChecks
                legend="Who takes part"
                chosen=participants.into()
                set=move |list| {
                    workshop(
                        state,
                        WorkshopCommand::SetParticipants {
                            board: id.clone(),
                            participants: list,
                        },
                    );
                }
            />
        </details>
    }
}

/// A checkbox per member of the roster; `set` gets the new list (in order of ticking) on
/// every change.
#[component]
fn MemberChecks(
    legend: &'static str,
    chosen: Signal<Vec<Id>>,
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
