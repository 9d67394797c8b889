//! The covenant builder: write the terms (guided or in full), activate, sign, amend with a
//! reason, compare versions, review.

mod covenant_page;
mod terms_editor;

pub use covenant_page::CovenantPage;
