//! The team's own settings on the Team page: its name, and archiving it.

use crate::domain::teams::{open_teams, Team, TeamCommand};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::OneLineForm;
use leptos::prelude::*;

/// Renames the current team and archives it (with Undo); links to the overview, where
/// another team is started.
#[component]
pub fn TeamSettings() -> impl IntoView {
    let state = AppState::expect();
    let team = Memo::new(move |_| {
        let id = state.team.get()?;
        state.all.with(|ws| ws.get::<Team>(&id).cloned())
    });
    let open = Memo::new(move |_| state.all.with(|ws| open_teams(ws).count()));
    let archived = Memo::new(move |_| {
        state
            .all
            .with(|ws| crate::domain::teams::teams(ws).any(|t| t.archived))
    });
    let archive = move |_| {
        if let Some(t) = team.get_untracked() {
            state.dispatch_undoable(
                TeamCommand::Archive {
                    id: t.meta.id,
                    archived: true,
                },
                format!(
                    "Archived {}. Its boards, covenant and goals are kept; bring it back on the Teams page (All teams).",
                    t.name
                ),
            );
        }
    };
    view! {
        // A fresh form for each team shown (a switch, a rename, an undo).
        {move || team.get().map(|t| view! { <RenameTeam team=t/> })}
        <p class="hint">
            {move || if open.get() > 1 {
                "Every page shows this team only; switch teams in the header."
            } else {
                "Coaching several teams? Each gets its own roster, boards, covenant and goals."
            }}
            " "
            <Link href="/teams">{move || if open.get() > 1 { "All teams" } else { "Start another team" }}</Link>
            {move || (open.get() == 1 && archived.get()).then(|| view! {
                " · "
                <Link href="/teams">"All teams, archived ones too"</Link>
            })}
        </p>
        {move || (open.get() > 1).then(|| view! {
            <button class="danger" on:click=archive>"Archive this team"</button>
        })}
    }
}

/// The team's name in a field, and Rename.
#[component]
fn RenameTeam(
    /// The team as it is now.
    team: Team,
) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(team.name.clone());
    let id = team.meta.id;
    let rename = move || {
        state.dispatch(TeamCommand::Rename {
            id: id.clone(),
            name: name.get_untracked(),
        });
    };
    view! {
        <OneLineForm label="Team name" field="team-name" value=name maxlength=80 button="Rename team" name="Team name" on_submit=rename/>
    }
}
