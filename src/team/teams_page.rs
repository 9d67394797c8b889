//! The coach's overview: one card per team with what needs its attention, and starting or
//! bringing back a team. Teams are never ranked or compared here.

use crate::browser;
use crate::domain::iso::format_date;
use crate::domain::merge::plural;
use crate::domain::team_view::{overview, TeamCard};
use crate::domain::teams::{teams, TeamCommand};
use crate::domain::Id;
use crate::router::Router;
use crate::state::AppState;
use crate::ui::{OneLineForm, Page};
use leptos::prelude::*;

/// The Teams page.
#[component]
pub fn TeamsPage() -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let cards = Memo::new(move |_| state.all.with(|ws| overview(ws, browser::today())));
    let archived = Memo::new(move |_| {
        state.all.with(|ws| {
            teams(ws)
                .filter(|t| t.archived)
                .map(|t| (t.meta.id.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let name = RwSignal::new(String::new());
    let create = move || {
        let mut made = None;
        let cmd = TeamCommand::Create {
            name: name.get_untracked(),
        };
        state.dispatch_with(cmd, |c| made = c.created().cloned());
        if let Some(id) = made {
            name.set(String::new());
            state.switch_team(&id);
            router.navigate("/team");
        }
    };
    view! {
        <Page title="Teams" lede="What needs each team's attention. Teams are listed in the order they were made, \
                never ranked: comparing teams turns a team's own instrument into surveillance.">
            <ul class="team-cards" aria-label="Teams">
                <For each=move || cards.get() key=|c| c.clone() let:card>
                    <TeamCardView card=card/>
                </For>
            </ul>
            <OneLineForm label="New team" field="new-team" value=name maxlength=80 button="Create team" primary=true name="New team" on_submit=create/>
            <p class="hint">
                "A new team starts with an empty roster; add people on its Team page, or bring in "
                "someone from another team (a coach usually belongs to all)."
            </p>
            {move || (!archived.with(Vec::is_empty)).then(|| view! {
                <h2>"Archived teams"</h2>
                <ul class="archived-teams">
                    {archived.get().into_iter().map(|(id, name)| view! { <ArchivedTeam id=id name=name/> }).collect_view()}
                </ul>
            })}
        </Page>
    }
}

/// One team's card: its next steps, in words, and a way in.
#[component]
fn TeamCardView(
    /// The team's figures.
    card: TeamCard,
) -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let TeamCard { id, name, .. } = card.clone();
    // The next retro follows from the last one (see `agenda::next_retro`).
    let retro = match (card.last_retro, card.next_retro) {
        (Some(last), Some(next)) => format!(
            "Last retro: {}. Next retro: {}.",
            format_date(&last),
            format_date(&next)
        ),
        _ => "No retro yet.".to_owned(),
    };
    let goals = match card.overdue_goals {
        0 => format!(
            "{} open.",
            plural(card.open_goals, "commitment", "commitments")
        ),
        n => format!(
            "{} open, {} past the date: a question for the team.",
            plural(card.open_goals, "commitment", "commitments"),
            n
        ),
    };
    let covenant = match (card.covenant, card.review_on) {
        ("No covenant yet", _) => "No covenant yet.".to_owned(),
        (state, Some(d)) if card.review_overdue => {
            format!(
                "Covenant: {state}, review overdue since {}.",
                format_date(&d)
            )
        }
        (state, Some(d)) => format!("Covenant: {state}, review on {}.", format_date(&d)),
        (state, None) => format!("Covenant: {state}."),
    };
    let open = move |_| {
        state.switch_team(&id);
        router.navigate("/");
    };
    let heading = format!("team-{}", crate::domain::exchange::slug(&name));
    view! {
        <li class="team-card">
            <article aria-labelledby=heading.clone()>
                <h2 id=heading.clone()>{name.clone()}</h2>
                <p>{plural(card.members, "person", "people")}</p>
                <p>{retro}</p>
                <p>{goals}</p>
                <p>{covenant}</p>
                <p>{card.check.clone().unwrap_or_else(|| "No safety check yet.".to_owned())}</p>
                <button on:click=open>{format!("Open {name}")}</button>
            </article>
        </li>
    }
}

/// An archived team, and bringing it back.
#[component]
fn ArchivedTeam(
    /// The team.
    id: Id,
    /// Its name.
    name: String,
) -> impl IntoView {
    let state = AppState::expect();
    let back = move |_| {
        state.dispatch(TeamCommand::Archive {
            id: id.clone(),
            archived: false,
        });
    };
    view! {
        <li>
            {name.clone()}
            " "
            <button on:click=back>{format!("Bring back {name}")}</button>
        </li>
    }
}
