//! The Data page: export and share, import with a preview, what this version cannot read,
//! recently deleted records, backups, and storage use.

mod backup_list;
mod data_page;
mod import_panel;
mod kept_records;
mod recently_deleted;
mod storage_use;

pub use data_page::{share_json, DataPage};
pub use import_panel::{read as read_import_text, ImportPanel};
