//! Climb: accountability without blame, in the browser.
//!
//! `domain` is pure Rust and tested natively; `storage` is the only code that touches
//! localStorage; `state` holds the reactive store; the rest is UI by feature.

pub mod domain;

pub mod app;
pub mod browser;
pub mod crash;
pub mod router;
pub mod share;
pub mod state;
pub mod storage;

pub mod board;
pub mod check;
pub mod covenant;
pub mod data;
pub mod goals;
pub mod home;
pub mod team;
pub mod ui;
pub mod workshop;
