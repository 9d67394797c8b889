//! A missed goal's no-blame review, as written, with the step that makes its corrective
//! action a goal of its own.

use crate::browser;
use crate::domain::goals::Review;
use crate::domain::iso::format_date;
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// The review of a missed goal.
/// - `goal`: the missed goal's id.
/// - `review`: what the team wrote.
#[component]
pub fn GoalReview(goal: Id, review: Review) -> impl IntoView {
    let state = AppState::expect();
    let from_review = move |_| {
        let today = browser::today();
        state.dispatch(GoalCommand::FromReview {
            id: goal.clone(),
            due: Some(today + chrono::Duration::days(7)),
            today,
        });
    };
    let r = review;
    view! {
        <div class="review">
            <h4>"No-blame review"</h4>
            <p><strong>"Root cause: "</strong>{r.root_cause.clone()}</p>
            <p><strong>"Corrective action: "</strong>{r.corrective_action.clone()}</p>
            {r.review_on.map(|d| view! { <p><strong>"Review on: "</strong>{format_date(&d)}</p> })}
            {if r.follow_up_goal.is_some() {
                view! { <p class="hint">"The corrective action is a goal of its own."</p> }.into_any()
            } else if !r.corrective_action.is_empty() {
                view! {
                    <button on:click=from_review>"Make the corrective action a goal"</button>
                }
                    .into_any()
            } else {
                ().into_any()
            }}
        </div>
    }
}
