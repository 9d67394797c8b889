//! The header's team switcher: which team every page shows. Quiet with one team.

use crate::domain::teams::open_teams;
use crate::domain::Id;
use crate::router::{Link, Page, Router};
use crate::state::AppState;
use leptos::prelude::*;

/// A select of the open teams and a link to the overview, shown once there are two or more.
#[component]
pub fn TeamSwitcher() -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let teams = Memo::new(move |_| {
        state.all.with(|ws| {
            open_teams(ws)
                .map(|t| (t.meta.id.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let change = move |ev: leptos::ev::Event| {
        let id = Id(event_target_value(&ev));
        state.switch_team(&id);
        // A board of the team left behind is not on the new team's pages.
        if matches!(router.page().section(), Page::Boards) && router.page() != Page::Boards {
            router.navigate("/boards");
        }
    };
    move || {
        (teams.with(Vec::len) > 1).then(|| {
            let current = state.team.get().map(|t| t.0).unwrap_or_default();
            view! {
                <div class="team-switcher">
                    <label for="team-switcher">"Team"</label>
                    <select id="team-switcher" on:change=change>
                        {teams
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = id.0 == current;
                                view! { <option value=id.0 selected=selected>{name}</option> }
                            })
                            .collect_view()}
                    </select>
                    <Link href="/teams" class="all-teams">"All teams"</Link>
                </div>
            }
        })
    }
}
