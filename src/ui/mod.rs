//! Small shared components.

pub mod empty_state;
pub mod notices;
pub mod people;

pub use empty_state::EmptyState;
pub use notices::{NoticeKind, Notices, NoticesView};
pub use people::{member_from_value, member_options};
