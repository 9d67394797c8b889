//! Set the stage: a check-in question, the small wins since the last retro, and the review of
//! last time's commitments (what helped, or what got in the way), with its recap.

use super::common::{member_name, short, WorkshopBoard};
use crate::browser;
use crate::domain::goals::Goal;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::ladder::Board;
use crate::domain::workshop::previous_board;
use crate::domain::workshop_stage::{
    check_in, previous_goals, questions, recap, round, small_wins,
};
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// The storage key of the facilitator's own list of check-in questions.
const QUESTIONS_KEY: &str = "climb.checkins";

/// The storage key of how many questions a board's check-in skipped ("Another question"),
/// so a presenter window shows the same one.
pub fn skip_key(board: &Id) -> String {
    format!("climb.checkin.{board}")
}

/// The check-in question shown for `board` now (tracked on the workspace only).
pub fn current_question(state: AppState, board: &Board, skip: usize) -> Option<String> {
    let list = questions(state.store().get(QUESTIONS_KEY).ok().flatten().as_deref());
    let r = state.ws.with(|ws| round(ws, board));
    check_in(&list, r, skip).map(str::to_owned)
}

pub fn read_skip(state: AppState, board: &Id) -> usize {
    state
        .store()
        .get(&skip_key(board))
        .ok()
        .flatten()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[component]
pub fn SetTheStage() -> impl IntoView {
    let board = WorkshopBoard::expect().id();
    view! {
        <CheckIn/>
        <crate::check::StartCheckButton board=board/>
        <Wins/>
        <Review/>
    }
}

/// The round's check-in question, another one on request, and the editable list.
#[component]
fn CheckIn() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let id = board.id();
    let skip = RwSignal::new(read_skip(state, &id));
    let edited = RwSignal::new(0u32);
    let question = move || {
        edited.track();
        current_question(state, &board.get()?, skip.get())
    };
    let another = move |_| {
        skip.update(|s| *s = s.wrapping_add(1));
        let _ = state
            .store()
            .set(&skip_key(&id), &skip.get_untracked().to_string());
    };
    let list = RwSignal::new(
        questions(state.store().get(QUESTIONS_KEY).ok().flatten().as_deref()).join("\n"),
    );
    let notices = crate::ui::Notices::expect();
    let save = move |_| {
        match state.store().set(QUESTIONS_KEY, &list.get_untracked()) {
            Ok(()) => notices.success("The check-in questions are saved in this browser."),
            Err(e) => notices.error(format!("The questions could not be saved: {e}")),
        }
        edited.update(|n| *n += 1);
    };
    view! {
        <section class="check-in" aria-label="Check-in">
            <h3>"Check-in"</h3>
            <p class="check-in-question">{question}</p>
            <div class="row-actions">
                <button on:click=another>"Another question"</button>
            </div>
            <details>
                <summary>"Edit the questions"</summary>
                <label>
                    "One question per line; each retro takes the next one."
                    <textarea rows="6" bind:value=list></textarea>
                </label>
                <button on:click=save>"Save questions"</button>
            </details>
        </section>
    }
}

/// Goals done since the team's last retro.
#[component]
fn Wins() -> impl IntoView {
    let state = AppState::expect();
    let board = WorkshopBoard::expect();
    let wins = move || {
        let b = board.get()?;
        let list: Vec<(String, String)> = state.ws.with(|ws| {
            small_wins(ws, &b, browser::today())
                .into_iter()
                .map(|g| {
                    (
                        g.outcome.clone(),
                        g.closed_on.map(|d| format_date(&d)).unwrap_or_default(),
                    )
                })
                .collect()
        });
        let had_previous = state.ws.with(|ws| previous_board(ws, &b).is_some());
        Some(match (had_previous, list.is_empty()) {
            (false, _) => ().into_any(),
            (true, true) => view! {
                <section class="wins" aria-label="Small wins">
                    <h3>"Small wins since the last retro"</h3>
                    <p>"No goal was marked done since then. Any win counts: what went well?"</p>
                </section>
            }
            .into_any(),
            (true, false) => view! {
                <section class="wins" aria-label="Small wins">
                    <h3>"Small wins since the last retro"</h3>
                    <ul>
                        {list.into_iter().map(|(o, d)| view! { <li><strong>{o}</strong>{format!(" · done {d}")}</li> }).collect_view()}
                    </ul>
                </section>
            }
            .into_any(),
        })
    };
    view! { {wins} }
}

/// The review of the previous board's commitments, and its recap.
#[component]
fn Review() -> impl IntoView {
    let state = AppState::expect();
    let this = WorkshopBoard::expect();
    let content = move || {
        let Some(board) = this.get() else {
            return ().into_any();
        };
        let today = browser::today();
        let from = board.date.unwrap_or(today).min(today);
        let (prev, goals, r) = state.ws.with(|ws| {
            let goals = previous_goals(ws, &board);
            let r = recap(&goals, from);
            let open: Vec<Goal> = goals
                .iter()
                .filter(|g| g.state.is_active())
                .map(|g| (*g).clone())
                .collect();
            (previous_board(ws, &board).map(|p| p.title.clone()), open, r)
        });
        let Some(title) = prev else {
            return view! {
                <p>"This is the team's first board in Climb: there are no earlier commitments to review."</p>
            }
            .into_any();
        };
        view! {
            <h3>{format!("Commitments from “{title}”")}</h3>
            {r.text().map(|t| view! { <p class="recap" role="status">{format!("Reviewed: {t}.")}</p> })}
            {if goals.is_empty() {
                view! { <p>"No open commitments left to review."</p> }.into_any()
            } else {
                view! {
                    <ul class="review-list">
                        {goals.into_iter().map(|g| view! { <ReviewGoal goal=g retro=board.title.clone()/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        }
        .into_any()
    };
    view! { <section aria-label="Review of commitments">{content}</section> }
}

/// One earlier commitment: what helped or got in the way (optional), then done,
/// renegotiated, dropped, or missed (which opens the no-blame review).
#[component]
fn ReviewGoal(
    /// A goal committed in an earlier retro.
    goal: Goal,
    /// The title of the retro it came from.
    retro: String,
) -> impl IntoView {
    let state = AppState::expect();
    let note = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let missed = RwSignal::new(false);
    let id = StoredValue::new(goal.meta.id.clone());
    let owner = goal.owner.as_ref().map(|o| member_name(state, o));
    let label = short(&goal.outcome);
    let today = browser::today();
    // Renegotiating and dropping keep a reason; without a note, the retro is the reason.
    let reason = move || {
        let n = note.get_untracked().trim().to_owned();
        if n.is_empty() {
            format!("Decided together at the retro “{retro}”.")
        } else {
            n
        }
    };
    let reason2 = reason.clone();
    let outcome = goal.outcome.clone();
    let done = move |_| {
        let n = note.get_untracked();
        if !n.trim().is_empty() {
            state.dispatch(GoalCommand::CheckIn {
                id: id.get_value(),
                done: n,
                next: String::new(),
                blocker: String::new(),
                today,
            });
        }
        state.dispatch(GoalCommand::MarkDone {
            id: id.get_value(),
            today,
        });
    };
    view! {
        <li class="review-goal">
            <p>
                <strong>{goal.outcome.clone()}</strong>
                {owner.map(|o| format!(" · {o}"))}
                {goal.due.map(|d| format!(" · due {}", format_date(&d)))}
            </p>
            <label>
                {format!("What helped, or what got in the way? (“{label}”, optional) ")}
                <input type="text" maxlength="200" bind:value=note/>
            </label>
            <div class="row-actions">
                <button on:click=done>"Done"</button>
                <label>
                    "New due date "
                    <input type="date" bind:value=due/>
                </label>
                <button on:click=move |_| {
                    state.dispatch(GoalCommand::Renegotiate { id: id.get_value(), outcome: outcome.clone(), due: parse_date(&due.get_untracked()), reason: reason(), today });
                }>"Renegotiate"</button>
                <button on:click=move |_| { state.dispatch(GoalCommand::Drop { id: id.get_value(), reason: reason2(), today }); }>"Drop"</button>
                <button on:click=move |_| missed.set(true)>"Missed: review it"</button>
            </div>
            {move || missed.get().then(|| view! { <MissedReview id=id.get_value() today=today/> })}
        </li>
    }
}

/// The no-blame review of a commitment that was missed: root cause and corrective action.
#[component]
fn MissedReview(
    /// The goal under review.
    id: Id,
    /// Today, for what counts as missed.
    today: chrono::NaiveDate,
) -> impl IntoView {
    let state = AppState::expect();
    let cause = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.dispatch(GoalCommand::MarkMissed {
            id: id.clone(),
            today,
        }) {
            state.dispatch(GoalCommand::Review {
                id: id.clone(),
                root_cause: cause.get_untracked(),
                corrective_action: action.get_untracked(),
                review_on: None,
            });
        }
    };
    view! {
        <form class="missed-review" on:submit=submit aria-label="No-blame review">
            <p class="hint">"We look at the situation, not the person: what in the way we work let this slip?"</p>
            <label>"Root cause " <input type="text" maxlength="1000" bind:value=cause/></label>
            <label>"Corrective action " <input type="text" maxlength="1000" bind:value=action/></label>
            <button class="primary" type="submit">"Record the review"</button>
        </form>
    }
}
