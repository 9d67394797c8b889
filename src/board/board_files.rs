//! What a board's tools make of it, for the board page and the workshop's Close alike: its
//! export file, its share link and its Markdown on the clipboard.

use crate::browser;
use crate::domain::exchange::{board_subset, export_file_name, to_export_json, to_storage_json};
use crate::domain::ladder::{board_markdown, Board, Card};
use crate::domain::roster::member_name;
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The board's file name (its date, else today, and its title).
fn file_name(board: &Board) -> String {
    export_file_name(board.date.unwrap_or_else(browser::today), &board.title)
}

/// The board with its cards, goals and roster, as its own export file.
pub fn export_board(state: AppState, board: &Board) {
    let json = state
        .ws
        .with_untracked(|ws| to_export_json(&board_subset(ws, &board.meta.id), browser::now()));
    if let Err(e) = browser::download(&file_name(board), &json, "application/json") {
        state
            .notices()
            .error(format!("The download could not start: {e}"));
    }
}

/// The board as a share link (or a file, when it is too long for a link).
pub fn share_board(state: AppState, board: &Board) {
    let json = state
        .ws
        .with_untracked(|ws| to_storage_json(&board_subset(ws, &board.meta.id), browser::now()));
    crate::data::share_json(state.notices(), json, file_name(board));
}

/// The board as Markdown on the clipboard, each card with its owner of the outcome.
pub fn copy_board_markdown(state: AppState, board: &Board) {
    let id: &Id = &board.meta.id;
    let md = state.ws.with_untracked(|ws| {
        board_markdown(
            board,
            ws.live::<Card>().filter(|c| &c.board_id == id),
            &|m| member_name(ws, m),
        )
    });
    let notices = state.notices();
    browser::copy_text(&md, move |ok| {
        if ok {
            notices.success("The board is on the clipboard as Markdown.");
        } else {
            notices.error("The browser refused the clipboard. Try Export board instead.");
        }
    });
}
