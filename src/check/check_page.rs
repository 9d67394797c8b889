//! The team's check page: the open check (or a way to start one), the latest results and the
//! trend. A response link opened here is added to its check.

use super::open_check::OpenCheck;
use super::remote_check::{add_response, RESPONSE};
use super::results_view::ResultsView;
use super::start_check::StartCheck;
use super::trend_view::TrendView;
use crate::domain::check_commands::open_check;
use crate::domain::check_results::shown_checks;
use crate::state::AppState;
use crate::ui::Page;
use leptos::prelude::*;

/// The Check page.
#[component]
pub fn CheckPage() -> impl IntoView {
    let state = AppState::expect();
    if let Some(data) = crate::share::take_fragment(RESPONSE) {
        add_response(state, data);
    }
    let open = Memo::new(move |_| {
        let team = state.team.get();
        state
            .ws
            .with(|ws| open_check(ws, team.as_ref()).map(|c| c.meta.id.clone()))
    });
    let latest = Memo::new(move |_| {
        let team = state.team.get();
        state.ws.with(|ws| {
            shown_checks(ws, team.as_ref())
                .last()
                .map(|c| c.meta.id.clone())
        })
    });
    view! {
        <Page title="Safety, trust and clarity check" class="check-page" lede="Accountability works only when three conditions hold: psychological safety, \
                relational trust and structural clarity. A check asks a few statements about each, \
                answered anonymously on a scale from strongly disagree to strongly agree.">
            <p class="own-instrument">
                "This is the team's own instrument, not a score to report upward: Climb shows only "
                "the team's totals, once enough people have answered, never one person's answers, "
                "and never compares teams."
            </p>
            {move || match open.get() {
                Some(id) => view! { <OpenCheck id=id/> }.into_any(),
                None => view! { <StartCheck/> }.into_any(),
            }}
            // While a new check is open, the last one's results fold away, so nobody takes them
            // for the new one's.
            {move || latest.get().map(|id| if open.get().is_some() {
                view! {
                    <details class="last-results">
                        <summary>"The last check's results"</summary>
                        <ResultsView id=id/>
                    </details>
                }.into_any()
            } else {
                view! { <ResultsView id=id/> }.into_any()
            })}
            <TrendView/>
        </Page>
    }
}
