//! Workshop mode: a ladder retro facilitated phase by phase, on one shared screen or with
//! participants sending contributions from their own browsers.

mod climb;
mod phases;
mod timer;
mod workshop_page;

pub use workshop_page::WorkshopPage;
