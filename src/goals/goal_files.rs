//! The files of all goals: a calendar file of the open ones and a spreadsheet of them all.

use crate::browser;
use crate::domain::goals::Goal;
use crate::domain::roster::name_or;
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// The two buttons that download every goal, for calendars and trackers outside Climb.
#[component]
pub fn GoalFiles() -> impl IntoView {
    let state = AppState::expect();
    let notices = state.notices();
    let all_to_calendar = move |_| {
        let events: Vec<_> = state.ws.with_untracked(|ws| {
            let name = |p: &Option<Id>| name_or(ws, p, "");
            ws.live::<Goal>()
                .flat_map(|g| crate::domain::calendar::goal_events(g, &name))
                .collect()
        });
        crate::ui::download_calendar(notices, "climb-goals.ics", &events);
    };
    // Every goal (open and closed) as a spreadsheet file, for trackers outside Climb.
    let to_spreadsheet = move |_| {
        let (count, csv) = state.ws.with_untracked(|ws| {
            (
                ws.live::<Goal>().count(),
                crate::domain::spreadsheet::goals_csv(ws),
            )
        });
        if count == 0 {
            notices.info("Nothing to export yet: add a micro-goal first.");
            return;
        }
        match browser::download("climb-goals.csv", &csv, "text/csv") {
            Ok(()) => notices.success(format!(
                "climb-goals.csv is downloaded: {count} micro-goals, one a row, for a spreadsheet."
            )),
            Err(e) => notices.error(format!("The spreadsheet could not be downloaded: {e}.")),
        }
    };
    view! {
        <div class="row-actions">
            <button on:click=all_to_calendar>"Calendar file of all open goals"</button>
            <button on:click=to_spreadsheet>"Spreadsheet of all goals (CSV)"</button>
        </div>
    }
}
