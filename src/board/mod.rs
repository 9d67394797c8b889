//! The ladder retro board: the boards list, one board's ladder, its cards.

mod add_card;
mod board_page;
mod boards_page;
mod card_view;
mod drag;
mod ladder_editor;
mod rung_lane;
mod trend_chart;

pub use board_page::BoardPage;
pub use boards_page::BoardsPage;
