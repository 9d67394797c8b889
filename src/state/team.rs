//! The team on screen: the one chosen in the switcher, or the team of the board a page shows.

use super::{AppState, TEAM_KEY};
use crate::domain::Id;
use leptos::prelude::*;

impl AppState {
    /// Makes the team on screen follow the board a page shows (call once, before rendering).
    pub fn follow_boards(&self, board: Signal<Option<Id>>) {
        self.board_on_screen.set_value(Some(board));
    }

    /// The name of the team on screen (tracked).
    pub fn team_name(&self) -> Option<String> {
        let team = self.team.get()?;
        self.all.with(|ws| {
            ws.get::<crate::domain::teams::Team>(&team)
                .map(|t| t.name.clone())
        })
    }

    /// Subscribes to the user's switches of team (not to a team that comes on screen by
    /// itself, as after importing a team's file: that must not rebuild the page at work).
    pub fn track_switches(&self) {
        self.chosen.track();
    }

    /// Shows `team` on every page from now on (and on the next visit).
    pub fn switch_team(&self, team: &Id) {
        self.chosen.set(Some(team.clone()));
        let _ = self.store.with_value(|s| s.set(TEAM_KEY, team.as_str()));
    }
}
