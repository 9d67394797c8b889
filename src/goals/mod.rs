//! The micro-goal tracker: goals by due date, owner, source or done, check-ins,
//! renegotiations, no-blame reviews and momentum.

mod check_in_view;
mod goal_card;
mod goal_forms;
mod goals_page;
mod momentum;

pub use goals_page::GoalsPage;
