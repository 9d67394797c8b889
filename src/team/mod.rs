//! Teams: the Team page (the team's name, roster and rhythm), the header's team switcher and
//! the coach's overview of all teams.

mod hand_over;
mod member_row;
mod other_teams;
mod rhythm_form;
mod team_page;
mod team_settings;
mod team_switcher;
mod teams_page;

pub use team_page::TeamPage;
pub use team_switcher::TeamSwitcher;
pub use teams_page::TeamsPage;
