//! The buttons under an active goal (check in, done, renegotiate, missed, drop, calendar),
//! and the one under a missed goal (write the review).

use super::goal_card::{person_name, Panel};
use crate::browser;
use crate::domain::calendar::goal_events;
use crate::domain::goals::{Goal, GoalState};
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use crate::ui::download_calendar;
use leptos::prelude::*;

/// A goal's actions.
/// - `goal`: the goal as stored.
/// - `panel`: which of the goal's forms is open; a button opens its form or closes it.
#[component]
pub fn GoalActions(goal: Goal, panel: RwSignal<Panel>) -> impl IntoView {
    let state = AppState::expect();
    let notices = state.notices();
    let today = browser::today();
    // Opening a form puts the focus in its first field.
    let toggle = move |ev: web_sys::MouseEvent, p: Panel| {
        panel.update(|x| *x = if *x == p { Panel::None } else { p });
        if panel.get_untracked() == p {
            browser::focus_in(&ev, "li.goal", ".goal-form :is(input, textarea, select)");
        }
    };
    let id = goal.meta.id.clone();
    let done = {
        let id = id.clone();
        move |_| {
            if state.dispatch(GoalCommand::MarkDone {
                id: id.clone(),
                today,
            }) {
                notices.success("Done! Another small win for the team.");
            }
        }
    };
    // Missed is offered from the due date on, and asks first: before then, a commitment
    // that will not hold is renegotiated or dropped.
    let can_miss = goal.due.is_none_or(|d| d <= today);
    let missed = {
        let id = id.clone();
        let short = goal.outcome.chars().take(60).collect::<String>();
        move |_| {
            if browser::confirm(&format!(
                "Mark “{short}” as missed? The no-blame review comes next: what got in the way, and what we change."
            )) {
                state.dispatch(GoalCommand::MarkMissed {
                    id: id.clone(),
                    today,
                });
            }
        }
    };
    let has_dates = goal.due.is_some() || goal.follow_up.is_some();
    let calendar = {
        let g = goal.clone();
        move |_| {
            let events = goal_events(&g, &|p: &Option<Id>| person_name(state, p));
            download_calendar(notices, "climb-goal.ics", &events);
        }
    };
    view! {
        {goal.state.is_active().then(|| view! {
            <div class="row-actions">
                <button on:click=move |ev| toggle(ev, Panel::CheckIn)>"Check in"</button>
                <button class="primary" on:click=done.clone()>"Done"</button>
                <button on:click=move |ev| toggle(ev, Panel::Renegotiate)>"Renegotiate"</button>
                {can_miss.then(|| view! { <button on:click=missed.clone()>"Missed"</button> })}
                <button on:click=move |ev| toggle(ev, Panel::Drop)>"Drop"</button>
                {has_dates.then(|| view! { <button on:click=calendar.clone()>"Add to calendar"</button> })}
            </div>
        })}
        // Once the review is written, the card shows it (and offers its corrective action).
        {(goal.state == GoalState::Missed && goal.review.is_none()).then(|| view! {
            <div class="row-actions">
                <button on:click=move |ev| toggle(ev, Panel::Review)>"Write the review"</button>
            </div>
        })}
    }
}
