//! The board's toolbar: workshop, Markdown, share link, export, print, room view, ladder
//! editing and templates.

use super::board_files::{copy_board_markdown, export_board, share_board};
use crate::browser;
use crate::domain::ladder::{Board, Template};
use crate::domain::BoardCommand;
use crate::router::Link;
use crate::state::AppState;
use leptos::prelude::*;

/// The board's tools.
/// - `board`: the board on screen.
/// - `room`: whether the room view (the board alone, large, full screen) is on.
/// - `editing_ladder`: whether the ladder editor is open under the toolbar.
#[component]
pub fn BoardTools(
    board: Memo<Board>,
    room: RwSignal<bool>,
    editing_ladder: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let template = RwSignal::new(Template::Classic.key().to_owned());
    let apply_template = move |_| {
        let Some(t) = Template::from_key(&template.get_untracked()) else {
            return;
        };
        state.dispatch_undoable(
            BoardCommand::ApplyTemplate {
                board: board.with_untracked(|b| b.meta.id.clone()),
                template: t,
            },
            format!(
                "Now using {}. Cards on rungs that are gone are in the Unplaced tray.",
                t.label()
            ),
        );
    };
    let id = board.with_untracked(|b| b.meta.id.clone());
    view! {
        <div class="toolbar" role="group" aria-label="Board tools">
            <Link href=format!("/boards/{id}/workshop") class="button">
                {move || if board.with(|b| b.session.is_some()) { "Continue the workshop" } else { "Run as a workshop" }}
            </Link>
            <button on:click=move |_| board.with_untracked(|b| copy_board_markdown(state, b))>
                "Copy as Markdown"
            </button>
            <button on:click=move |_| board.with_untracked(|b| share_board(state, b))>
                "Copy share link"
            </button>
            <button on:click=move |_| board.with_untracked(|b| export_board(state, b))>
                "Export board"
            </button>
            <button on:click=move |_| browser::print()>"Print"</button>
            <button id="room-view" on:click=move |_| {
                room.set(true);
                browser::full_screen(true);
                // The toolbar is hidden in the room view: the focus goes to its way out.
                browser::focus_after_draw("leave-room".to_owned(), true);
            }>"Room view"</button>
            <button
                aria-expanded=move || editing_ladder.get().to_string()
                on:click=move |_| editing_ladder.update(|e| *e = !*e)
            >
                "Edit ladder"
            </button>
            <label>
                "Template "
                <select bind:value=template>
                    {Template::ALL
                        .into_iter()
                        .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <button on:click=apply_template>"Apply template"</button>
        </div>
    }
}
