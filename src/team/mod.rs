//! The team roster page.

mod hand_over;
mod member_row;
mod team_page;

pub use team_page::TeamPage;
