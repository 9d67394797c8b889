//! The ladder editor under a board's toolbar: its rungs renamed, added, removed, reordered,
//! the line moved, and the ladder saved for the team's next boards.

use crate::domain::ladder::{Board, Rung};
use crate::domain::{BoardCommand, Id};
use crate::state::AppState;
use crate::ui::OneLineForm;
use leptos::prelude::*;

/// Renames, adds, removes and reorders rungs, and moves the line. Cards never get lost: a
/// removed rung's cards go to the unplaced tray, and every change can be undone.
#[component]
pub fn LadderEditor(
    /// The board whose ladder is edited.
    board: Signal<Board>,
) -> impl IntoView {
    let state = AppState::expect();
    let board_id = board.with_untracked(|b| b.meta.id.clone());
    let new_name = RwSignal::new(String::new());
    let add = {
        let id = board_id.clone();
        move |below: bool| {
            let cmd = BoardCommand::AddRung {
                board: id.clone(),
                name: new_name.get_untracked(),
                below,
            };
            if state.dispatch(cmd) {
                new_name.set(String::new());
            }
        }
    };
    let add_below = add.clone();
    let board_id_for_save = board_id.clone();
    let line_id = board_id.clone();
    let rows = move || {
        let (rungs, line) = board.with(|b| (b.rungs.clone(), b.line));
        let count = rungs.len();
        rungs
            .into_iter()
            .enumerate()
            .rev()
            .map(|(i, r)| view! { <RungRow board=board_id.clone() rung=r index=i count=count below=i < line/> })
            .collect_view()
    };
    view! {
        <section class="ladder-editor" aria-label="Edit the ladder">
            <h2>"Edit the ladder"</h2>
            <ol class="rung-rows" reversed>{rows}</ol>
            <div class="inline-form">
                <label for="new-rung">"New rung"</label>
                <input
                    id="new-rung"
                    type="text"
                    maxlength="60"
                    bind:value=new_name
                />
                <button on:click=move |_| add_below(true)>"Add below the line"</button>
                <button on:click=move |_| add(false)>"Add above the line"</button>
            </div>
            <div class="inline-form">
                <label for="line-position">"Rungs below the line"</label>
                <input
                    id="line-position"
                    type="number"
                    min="0"
                    max=move || board.with(|b| b.rungs.len().to_string())
                    prop:value=move || board.with(|b| b.line.to_string())
                    on:change=move |ev| {
                        if let Ok(line) = event_target_value(&ev).parse::<usize>() {
                            state.dispatch(BoardCommand::MoveLine { board: line_id.clone(), line });
                        }
                    }
                />
            </div>
            <SaveLadder board=board_id_for_save/>
        </section>
    }
}

/// Keeps this board's ladder as one of the team's own, to start the next boards from.
#[component]
fn SaveLadder(
    /// The board whose rungs and line are kept.
    board: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new("Our ladder".to_owned());
    let save = move || {
        let cmd = crate::domain::teams::TeamCommand::SaveLadder {
            board: board.clone(),
            name: name.get_untracked(),
        };
        let label = name.get_untracked();
        let this = state;
        state.dispatch_with(cmd, move |_| {
            this.notices().success(format!(
                "Saved “{}”: choose it under Ladder when you create the next board.",
                label.trim()
            ));
        });
    };
    view! {
        <OneLineForm label="Save this ladder as" field="ladder-name" value=name maxlength=80 button="Save ladder" name="Save this ladder for the team" on_submit=save/>
    }
}

/// One rung in the editor: its texts, and moving or removing it.
#[component]
fn RungRow(
    /// The board the rung belongs to.
    board: Id,
    /// The rung edited in this row.
    rung: Rung,
    /// Its place from the bottom, from 0.
    index: usize,
    /// How many rungs the ladder has.
    count: usize,
    /// Whether the rung is below the line.
    below: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(rung.name.clone());
    let description = RwSignal::new(rung.description.clone());
    let prompt = RwSignal::new(rung.prompt.clone());
    let label = rung.name.clone();
    let save = {
        let (board, id) = (board.clone(), rung.id.clone());
        move || {
            state.dispatch(BoardCommand::EditRung {
                board: board.clone(),
                rung: id.clone(),
                name: name.get_untracked(),
                description: description.get_untracked(),
                prompt: prompt.get_untracked(),
            });
        }
    };
    let shift = {
        let (board, id) = (board.clone(), rung.id.clone());
        move |delta: i32| {
            state.dispatch(BoardCommand::MoveRung {
                board: board.clone(),
                rung: id.clone(),
                delta,
            });
        }
    };
    let remove = {
        let (board, id) = (board, rung.id);
        let label = label.clone();
        move |_| {
            state.dispatch_undoable(
                BoardCommand::RemoveRung {
                    board: board.clone(),
                    rung: id.clone(),
                },
                format!("Removed the rung {label}; its cards are in the Unplaced tray."),
            );
        }
    };
    let (up, down) = (shift.clone(), shift);
    let texts = [
        ("Name", name),
        ("Description", description),
        ("Climb prompt", prompt),
    ]
    .map(|(what, value)| {
        let save = save.clone();
        view! {
            <input
                type="text"
                aria-label=format!("{what} of rung {label}")
                bind:value=value
                on:change=move |_| save()
            />
        }
    });
    view! {
        <li class=if below { "rung-row below" } else { "rung-row above" }>
            {texts}
            <button
                class="icon-button"
                aria-label=format!("Move rung {label} up")
                disabled=index + 1 == count
                on:click=move |_| up(1)
            >
                "▲"
            </button>
            <button
                class="icon-button"
                aria-label=format!("Move rung {label} down")
                disabled=index == 0
                on:click=move |_| down(-1)
            >
                "▼"
            </button>
            <button class="danger" aria-label=format!("Remove rung {label}") on:click=remove>
                "Remove"
            </button>
        </li>
    }
}
