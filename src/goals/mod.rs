//! The micro-goal tracker: goals by due date, owner, source or done, check-ins,
//! renegotiations, no-blame reviews and momentum.

mod change_form;
mod check_in_view;
mod goal_actions;
mod goal_card;
mod goal_files;
mod goal_forms;
mod goal_origin;
mod goal_review;
mod goals_page;
mod momentum;
mod new_goal;

pub use goals_page::GoalsPage;
