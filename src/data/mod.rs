//! The data page: export, and backups of saved data that could not be read.

mod data_page;

pub use data_page::{share_json, DataPage, ImportPanel};
