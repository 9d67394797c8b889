//! The team's page: name, roster and rhythm.

use super::member_row::MemberRow;
use super::other_teams::FromOtherTeams;
use super::rhythm_form::RhythmForm;
use super::team_settings::TeamSettings;
use crate::domain::roster::Member;
use crate::domain::Command;
use crate::state::AppState;
use crate::ui::{EmptyState, OneLineForm, Page};
use leptos::prelude::*;

/// The team's page: its name, the roster its boards, covenant and goals pick people from
/// (add, rename, remove with undo), and its rhythm.
#[component]
pub fn TeamPage() -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let members = Memo::new(move |_| {
        state
            .ws
            .with(|ws| ws.live::<Member>().cloned().collect::<Vec<_>>())
    });
    // Only emptiness switches between the empty state and the list; the list itself is keyed.
    let empty = Memo::new(move |_| members.with(Vec::is_empty));
    let add = move || {
        let typed = name.get_untracked();
        if state.dispatch(Command::AddMember { name: typed }) {
            name.set(String::new());
        }
    };
    view! {
        <Page title="Team" lede="The people who take part. Boards, the covenant and micro-goals pick owners, \
                partners and signatories from this list.">
            <TeamSettings/>
            <h2>"People"</h2>
            <OneLineForm label="Name" field="new-member" value=name maxlength=80 button="Add member" primary=true on_submit=add/>
            <FromOtherTeams/>
            {move || {
                if empty.get() {
                    view! {
                        <EmptyState title="No team members yet">
                            <p>"Add the people on your team by name. Nothing leaves this browser."</p>
                        </EmptyState>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="roster" aria-label="Team members">
                            <For
                                each=move || members.get()
                                key=|m| (m.meta.id.clone(), m.meta.version)
                                let:member
                            >
                                <MemberRow member=member/>
                            </For>
                        </ul>
                    }
                        .into_any()
                }
            }}
            <RhythmForm/>
        </Page>
    }
}
