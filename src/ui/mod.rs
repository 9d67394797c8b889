//! Small shared components.

pub mod calendar;
pub mod debounce;
pub mod empty_state;
pub mod figure_table;
pub mod notices;
pub mod people;

pub use calendar::download_calendar;
pub use debounce::Debounce;
pub use empty_state::EmptyState;
pub use figure_table::FigureTable;
pub use notices::{NoticeKind, Notices, NoticesView};
pub use people::{chosen_id, member_options};
