//! Workshop mode: a ladder retro facilitated phase by phase, on one shared screen (with a
//! hand-over curtain between participants and a presenter window for the projector) or over
//! a video call, with participants joining from an invite link and sending back contribution
//! links.

mod climb;
mod close_phase;
mod commit_phase;
mod common;
mod group;
mod inbox;
mod join;
mod made_link;
mod participant;
mod place_phase;
mod presenter;
mod private_turn;
mod public_phase;
mod remote;
mod reveal;
mod seat;
mod send_contribution;
mod stage;
mod timer;
mod turn_bar;
mod vote_phase;
mod workshop_page;
mod write_phase;

pub use join::JoinPage;
pub(crate) use made_link::{make_and_copy, MadeLink};
pub use presenter::PresenterPage;
pub use workshop_page::WorkshopPage;
