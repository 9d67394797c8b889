//! One micro-goal on the goals page: its terms, questions for the team, check-ins, history
//! and the ways to close, renegotiate or review it.

use super::check_in_view::CheckInView;
use super::goal_forms::{ChangeForm, GoalForm};
use crate::browser;
use crate::domain::calendar::goal_events;
use crate::domain::goals::{Goal, GoalState, Nudges};
use crate::domain::iso::format_date;
use crate::domain::roster::Member;
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use crate::ui::{download_calendar, Notices};
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

fn run(state: AppState, cmd: GoalCommand) -> bool {
    state.dispatch(cmd)
}

fn name(state: AppState, id: &Option<Id>) -> String {
    id.as_ref()
        .and_then(|id| {
            state
                .ws
                .with_untracked(|ws| ws.get::<Member>(id).map(|m| m.name.clone()))
        })
        .unwrap_or_default()
}

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
    let notices = Notices::expect();
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
    let owner = name(state, &goal.owner);
    let partner = name(state, &goal.partner);
    let short: String = goal.outcome.chars().take(40).collect();

    let mut flags: Vec<String> = Vec::new();
    if goal.is_overdue(today) {
        flags.push("Past its due date: what's blocking you?".to_owned());
    }
    if goal.is_stale(today, &nudges) {
        flags.push("No check-in for a while: how can we help?".to_owned());
    }
    if goal.state.is_active() {
        flags.extend(goal.micro_flags(&nudges).into_iter().map(str::to_owned));
    }
    let active = goal.state.is_active();
    let state_class = format!("goal-state state-{}", goal.state.label().to_lowercase());

    let done = {
        let id = id.clone();
        move |_| {
            if run(
                state,
                GoalCommand::MarkDone {
                    id: id.clone(),
                    today,
                },
            ) {
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
                run(
                    state,
                    GoalCommand::MarkMissed {
                        id: id.clone(),
                        today,
                    },
                );
            }
        }
    };
    let has_dates = goal.due.is_some() || goal.follow_up.is_some();
    let calendar = {
        let g = goal.clone();
        move |_| {
            let events = goal_events(&g, &|p: &Option<Id>| name(state, p));
            download_calendar(notices, "climb-goal.ics", &events);
        }
    };
    let toggle = move |p: Panel| panel.update(|x| *x = if *x == p { Panel::None } else { p });

    let history = goal
        .history
        .iter()
        .map(|h| {
            // History names people as they were, former members included.
            let named = |p: &Option<Id>| {
                p.as_ref()
                    .and_then(|p| {
                        state.ws.with_untracked(|ws| {
                            ws.members
                                .iter()
                                .find(|m| &m.meta.id == p)
                                .map(|m| m.name.clone())
                        })
                    })
                    .unwrap_or_else(|| "nobody yet".to_owned())
            };
            view! { <li>{h.text(&named)}</li> }
        })
        .collect_view();
    let check_ins = goal
        .check_ins
        .iter()
        .map(|c| view! { <CheckInView goal=id.clone() check=c.clone() partner=goal.partner.clone()/> })
        .collect_view();
    let review = goal.review.clone().map(|r| {
        let from_review = {
            let id = id.clone();
            move |_| {
                run(
                    state,
                    GoalCommand::FromReview {
                        id: id.clone(),
                        due: Some(today + chrono::Duration::days(7)),
                        today,
                    },
                );
            }
        };
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
    });

    // The board card this goal was committed from (the card links back in workshop mode).
    let source = goal.card.as_ref().and_then(|c| {
        state.ws.with_untracked(|ws| {
            let card = ws.get::<crate::domain::ladder::Card>(c)?;
            let board = ws.get::<crate::domain::ladder::Board>(&card.board_id)?;
            Some((
                board.meta.id.clone(),
                board.title.clone(),
                card.text.clone(),
            ))
        })
    });
    let from_check = goal.from_check.as_ref().map(|c| {
        state.ws.with_untracked(|ws| {
            ws.get::<crate::domain::check::Check>(c)
                .map(|c| c.title().to_lowercase())
                .unwrap_or_else(|| "a safety check".to_owned())
        })
    });
    let goal_for_forms = goal.clone();
    view! {
        <li class="goal" aria-label=format!("Goal: {}", goal.outcome)>
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
            {source.map(|(board, title, text)| view! {
                <p class="goal-verify">
                    "From the card “" {text} "” on "
                    <crate::router::Link href=format!("/boards/{board}")>{title}</crate::router::Link>
                </p>
            })}
            {from_check.map(|c| view! {
                <p class="goal-verify">"From the " <crate::router::Link href="/check">{c}</crate::router::Link></p>
            })}
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
            {active
                .then(|| {
                    view! {
                        <div class="row-actions">
                            <button on:click=move |_| toggle(Panel::CheckIn)>"Check in"</button>
                            <button class="primary" on:click=done.clone()>"Done"</button>
                            <button on:click=move |_| toggle(Panel::Renegotiate)>"Renegotiate"</button>
                            {can_miss.then(|| view! { <button on:click=missed.clone()>"Missed"</button> })}
                            <button on:click=move |_| toggle(Panel::Drop)>"Drop"</button>
                            {has_dates.then(|| view! { <button on:click=calendar.clone()>"Add to calendar"</button> })}
                        </div>
                    }
                })}
            {(goal.state == GoalState::Missed)
                .then(|| {
                    view! {
                        <div class="row-actions">
                            <button on:click=move |_| toggle(Panel::Review)>"Write the review"</button>
                        </div>
                    }
                })}
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Renegotiate => view! { <ChangeForm goal=goal_for_forms.clone() close=panel/> }.into_any(),
                p => view! { <GoalForm goal=goal_for_forms.clone() panel=p close=panel/> }.into_any(),
            }}
        </li>
    }
}
