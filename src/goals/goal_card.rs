use crate::browser;
use crate::domain::goals::{Goal, GoalState, Nudges};
use crate::domain::iso::{format_date, parse_date};
use crate::domain::roster::Member;
use crate::domain::{Command, GoalCommand, Id};
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// Which form is open on a goal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    CheckIn,
    Renegotiate,
    Drop,
    Review,
}

fn run(state: AppState, cmd: GoalCommand) -> bool {
    state.dispatch(Command::Goal(cmd))
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

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| format_date(&d)).unwrap_or_default()
}

/// One micro-goal: its terms, flags framed as questions, its check-ins, and the ways to
/// close, renegotiate or review it.
#[component]
pub fn GoalCard(goal: Goal) -> impl IntoView {
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
    let missed = {
        let id = id.clone();
        move |_| {
            run(
                state,
                GoalCommand::MarkMissed {
                    id: id.clone(),
                    today,
                },
            );
        }
    };
    let toggle = move |p: Panel| panel.update(|x| *x = if *x == p { Panel::None } else { p });

    let history = goal
        .history
        .iter()
        .map(|h| {
            view! {
                <li>
                    {format!(
                        "{}: was “{}”{}; because {}",
                        date_text(h.on),
                        h.old_outcome,
                        h.old_due.map(|d| format!(", due {}", format_date(&d))).unwrap_or_default(),
                        h.reason
                    )}
                </li>
            }
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
                            <button on:click=missed.clone()>"Missed"</button>
                            <button on:click=move |_| toggle(Panel::Drop)>"Drop"</button>
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
                p => view! { <GoalForm goal=goal_for_forms.clone() panel=p close=panel/> }.into_any(),
            }}
        </li>
    }
}

#[component]
fn CheckInView(
    goal: Id,
    check: crate::domain::goals::CheckIn,
    partner: Option<Id>,
) -> impl IntoView {
    let state = AppState::expect();
    let offer = RwSignal::new(String::new());
    let field = format!("offer-{}", check.id);
    let check_id = check.id.clone();
    let add_offer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = GoalCommand::Offer {
            id: goal.clone(),
            check_in: check_id.clone(),
            by: partner.clone(),
            text: offer.get_untracked(),
        };
        if run(state, cmd) {
            offer.set(String::new());
        }
    };
    let parts = [
        ("Done", check.done.clone()),
        ("Next", check.next.clone()),
        ("Blocker", check.blocker.clone()),
    ];
    view! {
        <li class="check-in">
            <p class="check-in-date">{date_text(check.on)}</p>
            {parts
                .into_iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(k, t)| view! { <p><strong>{k} ": "</strong>{t}</p> })
                .collect_view()}
            {check
                .offers
                .iter()
                .map(|o| view! { <p class="offer">"How can I help? " {o.text.clone()}</p> })
                .collect_view()}
            <form class="inline-form" on:submit=add_offer>
                <label for=field.clone()>"How can I help?"</label>
                <input
                    id=field
                    type="text"
                    maxlength="300"
                    prop:value=move || offer.get()
                    on:input=move |ev| offer.set(event_target_value(&ev))
                />
                <button type="submit">"Offer help"</button>
            </form>
        </li>
    }
}

/// The form behind Check in, Renegotiate, Drop or Write the review.
#[component]
fn GoalForm(goal: Goal, panel: Panel, close: RwSignal<Panel>) -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let a = RwSignal::new(match panel {
        Panel::Renegotiate => goal.outcome.clone(),
        _ => String::new(),
    });
    let b = RwSignal::new(match panel {
        Panel::Renegotiate => date_text(goal.due),
        _ => String::new(),
    });
    let c = RwSignal::new(String::new());
    let id = goal.meta.id.clone();
    let (title, la, lb, lc) = match panel {
        Panel::CheckIn => ("Check in", "Done", "Next", "Blocker"),
        Panel::Renegotiate => ("Renegotiate", "Outcome", "New due date", "Why it changes"),
        Panel::Drop => ("Drop the goal", "Why we drop it", "", ""),
        _ => (
            "No-blame review",
            "Root cause",
            "Corrective action",
            "Review on",
        ),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (x, y, z) = (a.get_untracked(), b.get_untracked(), c.get_untracked());
        let id = id.clone();
        let cmd = match panel {
            Panel::CheckIn => GoalCommand::CheckIn {
                id,
                done: x,
                next: y,
                blocker: z,
                today,
            },
            Panel::Renegotiate => GoalCommand::Renegotiate {
                id,
                outcome: x,
                due: parse_date(&y),
                reason: z,
                today,
            },
            Panel::Drop => GoalCommand::Drop {
                id,
                reason: x,
                today,
            },
            _ => GoalCommand::Review {
                id,
                root_cause: x,
                corrective_action: y,
                review_on: parse_date(&z),
            },
        };
        if run(state, cmd) {
            close.set(Panel::None);
        }
    };
    let field = |label: &'static str, sig: RwSignal<String>, kind: &'static str| {
        (!label.is_empty()).then(|| {
            view! {
                <label class="field">
                    {label}
                    <input
                        type=kind
                        maxlength="1000"
                        prop:value=move || sig.get()
                        on:input=move |ev| sig.set(event_target_value(&ev))
                    />
                </label>
            }
        })
    };
    let kind_b = if panel == Panel::Renegotiate {
        "date"
    } else {
        "text"
    };
    let kind_c = if panel == Panel::Review {
        "date"
    } else {
        "text"
    };
    view! {
        <form class="goal-form" on:submit=submit aria-label=title>
            <h4>{title}</h4>
            {field(la, a, "text")}
            {field(lb, b, kind_b)}
            {field(lc, c, kind_c)}
            <div class="row-actions">
                <button type="submit" class="primary">{format!("Save: {}", title.to_lowercase())}</button>
                <button type="button" on:click=move |_| close.set(Panel::None)>"Cancel"</button>
            </div>
        </form>
    }
}
