//! Workshop mode: a ladder retro facilitated phase by phase, on one shared screen (with a
//! hand-over curtain between participants and a presenter window for the projector) or over
//! a video call, with participants joining from an invite link and sending back contribution
//! links.

mod climb;
mod common;
mod end_phases;
mod group;
mod join;
mod participant;
mod presenter;
mod private_phases;
mod remote;
mod reveal;
mod seat;
mod stage;
mod timer;
mod workshop_page;

pub use join::JoinPage;
pub use presenter::PresenterPage;
pub(crate) use remote::{make_and_copy, MadeLink};
pub use workshop_page::WorkshopPage;
