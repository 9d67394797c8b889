//! Small shared components.

pub mod calendar;
pub mod debounce;
pub mod empty_state;
pub mod field;
pub mod figure_table;
pub mod notices;
pub mod one_line_form;
pub mod page;
pub mod people;
pub mod tabs;

pub use calendar::download_calendar;
pub use debounce::Debounce;
pub use empty_state::EmptyState;
pub use field::Field;
pub use figure_table::FigureTable;
pub use notices::{NoticeKind, Notices, NoticesView};
pub use one_line_form::OneLineForm;
pub use page::Page;
pub use people::{chosen_id, member_options};
pub use tabs::tab_keys;
