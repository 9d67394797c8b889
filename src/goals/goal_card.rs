//! One micro-goal on the goals page: its terms, questions for the team, check-ins, history
//! and the ways to close, renegotiate or review it.

use super::change_form::ChangeForm;
use super::check_in_view::CheckInView;
use super::goal_actions::GoalActions;
use super::goal_forms::GoalForm;
use super::goal_origin::GoalOrigin;
use super::goal_review::GoalReview;
use crate::browser;
use crate::domain::goals::{Goal, GoalState, Nudges};
use crate::domain::iso::format_date;
use crate::domain::roster::name_or;
use crate::domain::Id;
use crate::state::AppState;
use leptos::prelude::*;

/// Which form is open on a goal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    None,
    CheckIn,
    Renegotiate,
    Drop,
    Review,
}

/// The name of the person in `id` (a former member's too), or nothing.
pub(super) fn person_name(state: AppState, id: &Option<Id>) -> String {
    state.ws.with_untracked(|ws| name_or(ws, id, ""))
}

/// A date as the forms and check-ins show it (nothing for none).
pub fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| format_date(&d)).unwrap_or_default()
}

/// One micro-goal: its terms, flags framed as questions, its check-ins, and the ways to
/// close, renegotiate or review it.
#[component]
pub fn GoalCard(
    /// The goal as stored.
    goal: Goal,
) -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let nudges = Nudges::default();
    // A missed goal without its review opens straight on the review form.
    let needs_review = goal.state == GoalState::Missed && goal.review.is_none();
    let panel = RwSignal::new(if needs_review {
        Panel::Review
    } else {
        Panel::None
    });
    let id = goal.meta.id.clone();
    let owner = person_name(state, &goal.owner);
    let partner = person_name(state, &goal.partner);
    let short: String = goal.outcome.chars().take(40).collect();

    let flags = goal.questions(today, &nudges);
    let state_class = format!("goal-state state-{}", goal.state.label().to_lowercase());

    let history = goal
        .history
        .iter()
        .map(|h| {
            // History names people as they were, former members included.
            let named = |p: &Option<Id>| state.ws.with_untracked(|ws| name_or(ws, p, "nobody yet"));
            view! { <li>{h.text(&named)}</li> }
        })
        .collect_view();
    let check_ins = goal
        .check_ins
        .iter()
        .map(|c| view! { <CheckInView goal=id.clone() check=c.clone() partner=goal.partner.clone() open=goal.state.is_active()/> })
        .collect_view();
    let review = goal
        .review
        .clone()
        .map(|r| view! { <GoalReview goal=id.clone() review=r/> });
    let goal_for_forms = goal.clone();
    view! {
        // Focusable, for the goals page to give the focus back after it redraws this card.
        <li class="goal" id=format!("goal-{id}") tabindex="-1" aria-label=format!("Goal: {}", goal.outcome)>
            <div class="goal-head">
                <p class="goal-outcome">{goal.outcome.clone()}</p>
                <span class=state_class>{goal.state.label()}</span>
            </div>
            <p class="goal-meta">
                {[
                    (!owner.is_empty()).then(|| format!("Owner {owner}")),
                    (!partner.is_empty()).then(|| format!("partner {partner}")),
                    goal.due.map(|d| format!("due {}", format_date(&d))),
                    goal.follow_up.map(|d| format!("follow-up {}", format_date(&d))),
                ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ")}
            </p>
            {(!goal.verification.is_empty())
                .then(|| view! { <p class="goal-verify">"Done when: " {goal.verification.clone()}</p> })}
            <GoalOrigin card=goal.card.clone() check=goal.from_check.clone()/>
            {(!goal.risk.is_empty())
                .then(|| view! { <p class="goal-verify">"What could get in the way: " {goal.risk.clone()}</p> })}
            {(!goal.drop_reason.is_empty())
                .then(|| view! { <p class="goal-verify">"Dropped because: " {goal.drop_reason.clone()}</p> })}
            {(!flags.is_empty())
                .then(|| {
                    view! {
                        <ul class="goal-flags">
                            {flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    }
                })}
            {(!goal.history.is_empty())
                .then(|| view! { <details class="goal-history"><summary>"Renegotiated"</summary><ul>{history}</ul></details> })}
            {(!goal.check_ins.is_empty())
                .then(|| view! { <ol class="check-ins" aria-label=format!("Check-ins on {short}")>{check_ins}</ol> })}
            {review}
            <GoalActions goal=goal.clone() panel=panel/>
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Renegotiate => view! { <ChangeForm goal=goal_for_forms.clone() close=panel/> }.into_any(),
                p => view! { <GoalForm goal=goal_for_forms.clone() panel=p close=panel/> }.into_any(),
            }}
        </li>
    }
}
