//! Downloading calendar files (the events come from [`crate::domain::calendar`]).

use super::Notices;
use crate::browser;
use crate::domain::calendar::{ics, Event};

/// Downloads `events` as `file`, and says what happened.
pub fn download_calendar(notices: Notices, file: &str, events: &[Event]) {
    if events.is_empty() {
        notices.info("Nothing to put in a calendar: no open goal has a due or follow-up date.");
        return;
    }
    match browser::download(file, &ics(events, browser::now()), "text/calendar") {
        Ok(()) => notices.success(format!(
            "{file} is downloaded: open it with your calendar. Downloading it again later updates the same events."
        )),
        Err(e) => notices.error(format!("The calendar file could not be downloaded: {e}.")),
    }
}
