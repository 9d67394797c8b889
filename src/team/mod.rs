//! The Team page: the roster and the team's rhythm.

mod hand_over;
mod member_row;
mod rhythm_form;
mod team_page;

pub use team_page::TeamPage;
