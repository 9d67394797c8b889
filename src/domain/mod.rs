//! The pure domain of Climb: plain data and pure functions.
//!
//! Nothing in this module touches the browser (no leptos, web_sys, gloo or js_sys), so every
//! rule here is tested natively with `cargo test`. Time and randomness come in as parameters.

pub mod agenda;
pub mod backup;
pub mod board_commands;
pub mod calendar;
pub mod check;
pub mod check_commands;
pub mod check_links;
pub mod check_results;
pub mod commands;
pub mod covenant_commands;
pub mod covenant_diff;
pub mod covenant_text;
pub mod deleted;
pub mod error;
pub mod exchange;
pub mod goal_commands;
pub mod goal_groups;
pub mod goal_momentum;
pub mod history;
pub mod import;
pub mod iso;
pub mod kept;
pub mod markdown;
pub mod merge;
pub mod meta;
pub mod pages;
pub mod preview;
pub mod quota;
pub mod repair;
pub mod restore;
pub mod rhythm;
pub mod team_migration;
pub mod team_view;
pub mod teams;
pub mod workshop_commands;
pub mod workshop_counts;
pub mod workshop_remote;
pub mod workshop_room;
pub mod workshop_stage;
pub mod workspace;

pub mod covenant;
pub mod goals;
pub mod ladder;
pub mod ladder_markdown;
pub mod ladder_templates;
pub mod roster;
pub mod scrumlr;
pub mod sharing;
pub mod spreadsheet;
mod tx;
pub mod typed;
pub mod workshop;

pub use history::History;
pub use meta::{Id, Meta, Rng};
pub use workspace::{
    BoardCommand, CheckCommand, Command, CovenantCommand, DomainError, GoalCommand,
    WorkshopCommand, Workspace,
};
