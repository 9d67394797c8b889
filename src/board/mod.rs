//! The ladder retro board: the boards list, one board's ladder, its cards.

mod add_card;
mod board_files;
mod board_page;
mod board_tools;
mod boards_page;
mod card_editor;
mod card_face;
mod card_view;
mod drag;
mod ladder_editor;
mod new_board;
mod rung_lane;
mod trend_chart;

pub(crate) use board_files::{copy_board_markdown, export_board};
pub use board_page::BoardPage;
pub use boards_page::BoardsPage;
