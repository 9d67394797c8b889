//! The safety, trust and clarity check (see [`crate::domain::check`]): the team's check page,
//! answering on one shared screen or in one's own browser from an invite, the results and
//! the trend.

mod answer_form;
mod answer_page;
mod check_page;
mod one_screen;
mod open_check;
mod remote_check;
mod results_view;
mod start_check;
mod start_check_button;
mod statements_editor;
mod trend_view;

pub use answer_page::CheckAnswerPage;
pub use check_page::CheckPage;
pub use start_check_button::StartCheckButton;
