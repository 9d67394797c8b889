//! One board's page: the ladder with the line, every card on its rung, the unplaced tray,
//! the summary, the toolbar and the room view.

use super::board_tools::BoardTools;
use super::drag::Drag;
use super::ladder_editor::LadderEditor;
use super::rung_lane::RungLane;
use crate::browser;
use crate::domain::ladder::{summarize, Board, Card, Rung};
use crate::domain::Id;
use crate::router::Link;
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::HashMap;

/// One board: the ladder with the line, every card on its rung, the unplaced tray, the
/// summary and the board's tools (template, ladder editing, Markdown, print).
#[component]
pub fn BoardPage(
    /// The board to show, from the address.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let found = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.get::<Board>(&id).cloned()))
    };
    // Only whether the board exists rebuilds the page: an edit of the board (a rung added)
    // keeps the view, and with it an open ladder editor and the focus.
    let exists = Memo::new(move |_| found.with(Option::is_some));
    move || match exists.get() {
        false => view! {
            <section class="page">
                <h1>"Board not found"</h1>
                <p>
                    "This board does not exist in this browser (it may have been deleted). "
                    <Link href="/boards">"See all boards"</Link>
                </p>
            </section>
        }
        .into_any(),
        true => view! { <BoardView id=id.clone() found=found/> }.into_any(),
    }
}

/// The ladder's shape: what the lanes are built from, so that card changes never rebuild them.
#[derive(Clone, PartialEq)]
struct Shape {
    rungs: Vec<Rung>,
    line: usize,
}

#[component]
fn BoardView(
    /// The board shown.
    id: Id,
    /// The board as stored (`None` while it is gone, e.g. deleted in another tab).
    found: Memo<Option<Board>>,
) -> impl IntoView {
    let state = AppState::expect();
    let drag = Drag::new();
    provide_context(drag);
    let board = Memo::new(move |prev: Option<&Board>| {
        found
            .get()
            .or_else(|| prev.cloned())
            .unwrap_or_else(|| Board {
                meta: Default::default(),
                title: String::new(),
                date: None,
                team: String::new(),
                team_id: None,
                facilitator: None,
                rungs: Vec::new(),
                line: 0,
                session: None,
            })
    });
    let board_signal: Signal<Board> = board.into();
    let shape = Memo::new(move |_| {
        board.with(|b| Shape {
            rungs: b.rungs.clone(),
            line: b.line,
        })
    });
    let cards = {
        let id = id.clone();
        Memo::new(move |_| {
            state.ws.with(|ws| {
                let mut by_place: HashMap<Option<Id>, Vec<(Id, u32)>> = HashMap::new();
                let known =
                    board.with(|b| b.rungs.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
                for c in ws.live::<Card>().filter(|c| c.board_id == id) {
                    // A card whose rung is unknown (removed elsewhere) shows in the tray.
                    let place = c.rung.clone().filter(|r| known.contains(r));
                    by_place
                        .entry(place)
                        .or_default()
                        .push((c.meta.id.clone(), c.meta.version));
                }
                by_place
            })
        })
    };
    let summary = {
        let id = id.clone();
        Memo::new(move |_| {
            let b = board.get();
            state
                .ws
                .with(|ws| summarize(&b, ws.live::<Card>().filter(|c| c.board_id == id)))
        })
    };
    let lane_cards = move |place: Option<Id>| -> Signal<Vec<(Id, u32)>> {
        Memo::new(move |_| cards.with(|m| m.get(&place).cloned().unwrap_or_default())).into()
    };
    let editing_ladder = RwSignal::new(false);
    // Room view: the board alone, large, for a projector; Escape or the button leaves it.
    let room = RwSignal::new(false);
    let leave_room = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        browser::close_open("details.rung-info[open]", None);
        if room.get_untracked() {
            leave(room);
        }
    });
    // A rung's help closes when another opens or the user clicks elsewhere.
    let close_help = window_event_listener(leptos::ev::click, move |ev| {
        browser::close_open("details.rung-info[open]", ev.target());
    });
    on_cleanup(move || {
        leave_room.remove();
        close_help.remove();
    });

    let lanes = move || {
        let Shape { rungs, line } = shape.get();
        let mut out = Vec::new();
        for (index, rung) in rungs.into_iter().enumerate().rev() {
            if index + 1 == line {
                out.push(the_line().into_any());
            }
            let above = index >= line;
            let cards = lane_cards(Some(rung.id.clone()));
            out.push(
                view! { <RungLane board=board_signal rung=Some(rung) above=above cards=cards/> }
                    .into_any(),
            );
        }
        if line == 0 {
            out.push(the_line().into_any());
        }
        out
    };

    view! {
        <section class="page board-page" class:room-view=move || room.get()>
            {move || room.get().then(|| view! {
                <button class="leave-room" id="leave-room" on:click=move |_| leave(room)>"Leave room view"</button>
            })}
            <p class="breadcrumb">
                <Link href="/boards">"All boards"</Link>
            </p>
            <h1>{move || board.with(|b| b.title.clone())}</h1>
            <p class="board-meta">
                {move || {
                    board.with(|b| {
                        let mut parts = Vec::new();
                        if let Some(d) = b.date {
                            parts.push(crate::domain::iso::format_date(&d));
                        }
                        if !b.team.is_empty() {
                            parts.push(format!("Team {}", b.team));
                        }
                        parts.join(" · ")
                    })
                }}
            </p>
            <p class="reminder">"We rate situations, never people."</p>
            <section class="summary" aria-label="Summary">
                <p>{move || summary.with(summary_text)}</p>
            </section>
            <BoardTools board=board room=room editing_ladder=editing_ladder/>
            <p class="hint">
                "Move a card with ▲ ▼, its ⠿ handle, or ↑ ↓. Enter edits it, Delete removes it; "
                "? tells what a rung sounds like."
            </p>
            {move || editing_ladder.get().then(|| view! { <LadderEditor board=board_signal/> })}
            <div class="ladder" aria-label="The ladder">{lanes}</div>
            <RungLane board=board_signal rung=None above=false cards=lane_cards(None)/>
        </section>
    }
}

fn the_line() -> impl IntoView {
    view! {
        <div class="the-line" role="separator" aria-label="The line">
            <span>"The line"</span>
            <small>"above: future-facing ownership · below: past-facing"</small>
        </div>
    }
}

/// The summary in one line: "Above the line: 60% (3 of 5 placed cards) · Climbed: 2 cards,
/// 3 rungs · 1 unplaced · 3 cards have an owner".
fn summary_text(s: &crate::domain::ladder::Summary) -> String {
    use crate::domain::merge::plural;
    let above = match s.percent_above() {
        Some(p) => format!(
            "Above the line: {p}% ({} of {} placed cards)",
            s.above,
            s.placed()
        ),
        None => "Above the line: no cards placed yet".to_owned(),
    };
    let owned = match s.owned {
        1 => "1 card has an owner".to_owned(),
        n => format!("{n} cards have an owner"),
    };
    format!(
        "{above} · Climbed: {}, {} · {} unplaced · {owned}",
        plural(s.climbed, "card", "cards"),
        plural(s.rungs_climbed, "rung", "rungs"),
        s.unplaced
    )
}

/// Leaves the room view; the focus goes back to its button in the toolbar.
fn leave(room: RwSignal<bool>) {
    room.set(false);
    browser::full_screen(false);
    browser::focus_after_draw("room-view".to_owned(), true);
}
