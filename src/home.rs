//! The start page: what Climb is, the three tools, and what needs the team now.

use crate::browser;
use crate::domain::agenda::{needs_now, Topic};
use crate::domain::calendar::retro_event;
use crate::domain::roster::Member;
use crate::router::Link;
use crate::state::AppState;
use crate::ui::{download_calendar, Notices, Page};
use leptos::prelude::*;

/// The start page (no props).
#[component]
pub fn Home() -> impl IntoView {
    let state = AppState::expect();
    let members = move || state.ws.with(|ws| ws.live::<Member>().count());
    // With several teams, the page says whose it is.
    let team_name = move || {
        let several = state
            .all
            .with(|ws| crate::domain::teams::open_teams(ws).count() > 1);
        several.then(|| state.team_name()).flatten()
    };
    view! {
        <Page title="Accountability without blame" class="home" lede="Climb helps a team own its results together. Map recent challenges onto the \
                Accountability Ladder and climb them, write the covenant you hold each other to, \
                and keep small commitments you can check. We rate situations, never people.">
            <NeedsNow/>
            <div class="tool-grid">
                <Link href="/boards" class="tool-card">
                    <h2>"Ladder retro"</h2>
                    <p>"Place challenges on the rungs, see where the line falls, climb to commitments."</p>
                </Link>
                <Link href="/covenant" class="tool-card">
                    <h2>"Covenant"</h2>
                    <p>"Intent, behaviours, decision rights and escalation paths, signed by all."</p>
                </Link>
                <Link href="/goals" class="tool-card">
                    <h2>"Micro-goals"</h2>
                    <p>"Small verifiable commitments with a partner, check-ins and no-blame reviews."</p>
                </Link>
            </div>
            <p class="home-team">
                {move || {
                    let of = team_name().map(|t| format!(" of {t}")).unwrap_or_default();
                    match members() {
                        0 => "Start by adding your team on the Team page.".to_owned(),
                        1 => format!("1 team member{of}."),
                        n => format!("{n} team members{of}."),
                    }
                }}
                " "
                <Link href="/team">"Manage the team and its rhythm"</Link>
            </p>
            <p class="privacy">
                "Everything stays in this browser. Share by exporting a file from the Data page."
            </p>
        </Page>
    }
}

/// "What needs us now": the retro, check-ins, follow-ups, overdue goals and the covenant
/// review, as the team's rhythm sets them (no props; see [`needs_now`]).
#[component]
fn NeedsNow() -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let today = browser::today();
    let needs = Memo::new(move |_| state.ws.with(|ws| needs_now(ws, today)));
    view! {
        <section class="needs" aria-labelledby="needs-title">
            <h2 id="needs-title">"What needs us now"</h2>
            <ul class="needs-list">
                {move || {
                    needs
                        .get()
                        .into_iter()
                        .map(|n| {
                            let (href, place) = (n.topic.href(), match n.topic {
                                Topic::Practice => "the team rhythm",
                                Topic::Retro => "the boards",
                                Topic::Covenant => "the covenant",
                                _ => "the micro-goals",
                            });
                            let calendar = (n.topic == Topic::Retro).then(|| view! {
                                <button on:click=move |_| {
                                    let e = state.ws.with_untracked(|ws| retro_event(ws, today));
                                    download_calendar(notices, "climb-next-retro.ics", std::slice::from_ref(&e));
                                }>"Add the next retro to a calendar"</button>
                            });
                            view! {
                                <li class="need">
                                    <span>{n.text}</span>
                                    " "
                                    <Link href=href>{format!("Open {place}")}</Link>
                                    {calendar}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
