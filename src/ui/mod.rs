//! Small shared components.

pub mod empty_state;
pub mod notices;

pub use empty_state::EmptyState;
pub use notices::{NoticeKind, Notices, NoticesView};
