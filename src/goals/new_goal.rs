//! The form for a new micro-goal: an outcome anyone can check, owner, partner, dates and how
//! we will know it is done.

use crate::browser;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use crate::ui::{chosen_id, member_options, Field};
use leptos::prelude::*;

/// The form for a new goal.
#[component]
pub fn NewGoal() -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let outcome = RwSignal::new(String::new());
    let owner = RwSignal::new(None::<Id>);
    let partner = RwSignal::new(None::<Id>);
    let a_week_on = format_date(&(today + chrono::Duration::days(7)));
    let due = RwSignal::new(a_week_on.clone());
    let follow_up = RwSignal::new(String::new());
    let verification = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = GoalCommand::Create {
            outcome: outcome.get_untracked(),
            owner: owner.get_untracked(),
            partner: partner.get_untracked(),
            due: parse_date(&due.get_untracked()),
            follow_up: parse_date(&follow_up.get_untracked()),
            verification: verification.get_untracked(),
            card: None,
            clause: None,
            today,
        };
        if state.dispatch(cmd) {
            // The form starts afresh: the next goal is someone else's, with dates of its own.
            outcome.set(String::new());
            verification.set(String::new());
            owner.set(None);
            partner.set(None);
            due.set(a_week_on.clone());
            follow_up.set(String::new());
        }
    };
    view! {
        <form class="new-board" on:submit=submit aria-label="New micro-goal">
            <h2>"New micro-goal"</h2>
            <Field label="Outcome (one sentence anyone can check)" field="goal-outcome" value=outcome maxlength=300/>
            <div class="field-row">
                <div class="field">
                    <label for="goal-owner">"Owner"</label>
                    <select
                        id="goal-owner"
                        prop:value=move || owner.get().map(|i| i.to_string()).unwrap_or_default()
                        on:change=move |ev| owner.set(chosen_id(&ev))
                    >
                        {member_options(state, "No owner yet", None)}
                    </select>
                </div>
                <div class="field">
                    <label for="goal-partner">"Partner"</label>
                    <select
                        id="goal-partner"
                        prop:value=move || partner.get().map(|i| i.to_string()).unwrap_or_default()
                        on:change=move |ev| partner.set(chosen_id(&ev))
                    >
                        {member_options(state, "No partner", None)}
                    </select>
                </div>
                <Field label="Due" field="goal-due" value=due kind="date"/>
                <Field label="Follow-up" field="goal-follow-up" value=follow_up kind="date"/>
            </div>
            <Field label="How we will know it is done" field="goal-verify" value=verification maxlength=300/>
            <button type="submit" class="primary">"Add goal"</button>
        </form>
    }
}
