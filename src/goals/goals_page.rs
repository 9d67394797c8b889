//! The micro-goal tracker's page: the focus warning, the goals in groups (by due date, owner,
//! source, or closed), the files of all goals, a new goal and the momentum.

use super::goal_card::GoalCard;
use super::goal_files::GoalFiles;
use super::momentum::Momentum;
use super::new_goal::NewGoal;
use crate::browser;
use crate::domain::goal_groups::{goal_groups, GoalView};
use crate::domain::goals::{focus_warnings, Goal, Nudges};
use crate::domain::roster::{member_name, name_or};
use crate::domain::Id;
use crate::state::AppState;
use crate::ui::{tab_keys, EmptyState, Page};
use leptos::prelude::*;

/// The micro-goal tracker.
#[component]
pub fn GoalsPage() -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let view_by = RwSignal::new(GoalView::ByDue);
    let goals = Memo::new(move |_| {
        state
            .ws
            .with(|ws| ws.live::<Goal>().cloned().collect::<Vec<_>>())
    });
    let warnings = Memo::new(move |_| {
        let w = goals.with(|g| focus_warnings(g.iter(), &Nudges::default()));
        state.ws.with(|ws| {
            w.into_iter()
                .map(|(id, n)| {
                    let who = member_name(ws, &id);
                    format!("We have put {n} open goals on {who}: what can we take back?")
                })
                .collect::<Vec<_>>()
        })
    });

    let groups = move || {
        // Every card is drawn anew after a change: the goal whose card held the keyboard
        // focus (a button just pressed, a form just sent) takes it back once drawn.
        if let Some(id) = browser::focused_within("li.goal") {
            browser::focus_after_draw(id, false);
        }
        let name_of = |id: &Option<Id>| state.ws.with(|ws| name_or(ws, id, "No owner"));
        let out = goals.with(|all| goal_groups(all, view_by.get(), today, &name_of));
        if out.is_empty() {
            return view! {
                <EmptyState title="Nothing here">
                    <p>"No micro-goals in this view yet. Add one below, under New micro-goal: small, with a way to check it."</p>
                </EmptyState>
            }
            .into_any();
        }
        out.into_iter()
            .map(|(title, gs)| {
                view! {
                    <section class="goal-group" aria-label=title.clone()>
                        <h3>{title.clone()} " " <span class="count">{gs.len()}</span></h3>
                        <ul class="goal-list">
                            <For each=move || gs.clone() key=|g| (g.meta.id.clone(), g.meta.version) let:g>
                                <GoalCard goal=g/>
                            </For>
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };

    let tab = move |v: GoalView, label: &'static str| {
        view! {
            <button
                role="tab"
                aria-selected=move || (view_by.get() == v).to_string()
                on:click=move |_| view_by.set(v)
            >
                {label}
            </button>
        }
    };

    view! {
        <Page title="Micro-goals" lede="Small commitments anyone can check, with a partner, regular check-ins and no blame \
                when one slips: we ask what we can learn, not who failed.">
            {move || {
                let w = warnings.get();
                (!w.is_empty())
                    .then(|| {
                        view! {
                            <div class="focus-warning" role="status">
                                <strong>"Focus: "</strong>
                                {w.join(" ")}
                            </div>
                        }
                    })
            }}
            <h2 class="visually-hidden">"Our goals"</h2>
            <div role="tablist" aria-label="Show goals" class="tabs" on:keydown=tab_keys>
                {tab(GoalView::ByDue, "By due date")}
                {tab(GoalView::ByOwner, "By owner")}
                {tab(GoalView::BySource, "By source")}
                {tab(GoalView::Closed, "Done and closed")}
            </div>
            <div class="goal-groups">{groups}</div>
            <GoalFiles/>
            // The goals come first (on a phone especially): what needs us, then a new one.
            <NewGoal/>
            <Momentum/>
        </Page>
    }
}
