//! The covenant builder: write the terms (guided or in full), activate, sign, amend with a
//! reason, compare versions, review.

mod active_covenant;
mod clause_row;
mod clause_section;
mod covenant_page;
mod decision_section;
mod draft_editor;
mod escalation_section;
mod history;
mod review_panel;
mod signatures;
mod terms_document;
mod terms_editor;

pub use active_covenant::amendment_key;
pub use covenant_page::CovenantPage;
