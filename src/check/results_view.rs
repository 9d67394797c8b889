//! A check's results: per condition, per statement (how many gave each answer, the median),
//! and the statements worth talking about, each one step from a micro-goal or an amendment.

use crate::browser;
use crate::domain::check::{Check, Statement, SCALE};
use crate::domain::check_results::{discussion, one_decimal, results, Discussion, Why};
use crate::domain::covenant::{draft_json, Covenant, CovenantState};
use crate::domain::{CheckCommand, CovenantCommand, Id};
use crate::router::Router;
use crate::state::AppState;
use crate::ui::FigureTable;
use crate::ui::NoticeKind;
use leptos::prelude::*;

/// "up 0.5 since the last check", "down 1.0 …", "as last time", or nothing.
fn change_text(change: Option<f64>) -> String {
    match change {
        Some(c) if c >= 0.05 => format!(", up {} since the last check", one_decimal(c)),
        Some(c) if c <= -0.05 => format!(", down {} since the last check", one_decimal(-c)),
        Some(_) => ", as last time".to_owned(),
        None => String::new(),
    }
}

fn score_text(x: Option<f64>) -> String {
    x.map(one_decimal)
        .unwrap_or_else(|| "no answers".to_owned())
}

/// The results of the closed check `id`.
#[component]
pub fn ResultsView(
    /// A check whose results may be shown.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let check = StoredValue::new(id);
    let data = Memo::new(move |_| {
        state.ws.with(|ws| {
            let c = ws.get::<Check>(&check.get_value())?;
            Some((c.title(), c.board_id.clone(), results(ws, c)?))
        })
    });
    move || {
        let Some((title, board, r)) = data.get() else {
            return ().into_any();
        };
        let conditions = r
            .conditions
            .iter()
            .map(|c| {
                let width = c.mean.map(|m| (m - 1.0) / 4.0 * 100.0).unwrap_or(0.0);
                view! {
                    <li class="condition-result">
                        <strong>{c.condition.label()}</strong>
                        {match c.mean {
                            Some(m) => format!(": {} of 5 on average (median {}){}", one_decimal(m), score_text(c.median), change_text(c.change)),
                            None => ": too few answers to show".to_owned(),
                        }}
                        <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                            <rect class="bar-track" width="100" height="8"/>
                            <rect class="bar-fill" width=format!("{width:.0}") height="8"/>
                        </svg>
                    </li>
                }
            })
            .collect_view();
        let rows = r
            .statements
            .iter()
            .map(|s| {
                let counts = s
                    .counts
                    .iter()
                    .map(|n| view! { <td>{*n}</td> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            {s.statement.text.clone()}
                            {s.statement.reversed.then_some(" (reversed: agreeing is the low end)")}
                        </th>
                        {if s.hidden {
                            let cells = SCALE.len() + 2;
                            view! {
                                <td colspan=cells.to_string() class="hidden-figures">
                                    {format!("Hidden: fewer than {} answered it", r.threshold)}
                                </td>
                            }
                                .into_any()
                        } else {
                            view! {
                                {counts}
                                <td>{s.skipped}</td>
                                <td>{score_text(s.median)}</td>
                            }
                                .into_any()
                        }}
                    </tr>
                }
            })
            .collect_view();
        let questions = discussion(&r)
            .into_iter()
            .map(|d| view! { <Question check=check.get_value() d=d/> })
            .collect_view();
        view! {
            <section class="check-results" aria-labelledby="results-title">
                <h2 id="results-title">{format!("Results: {title}")}</h2>
                <p>{format!("{} people answered. Scores run from 1 to 5, where 5 is the good end. A statement fewer than {} answered shows no figures.", r.responses, r.threshold)}</p>
                {board.map(|b| view! {
                    <p><crate::router::Link href=format!("/boards/{b}/workshop")>"Back to the workshop"</crate::router::Link></p>
                })}
                <ul class="condition-results">{conditions}</ul>
                <h3>"Questions for the retro"</h3>
                <ul class="check-questions">{questions}</ul>
                <FigureTable
                    name="How many gave each answer"
                    class="statement-results"
                    heads=[&["Statement"], SCALE.as_slice(), &["Skipped", "Median score"]].concat()
                >
                    {rows}
                </FigureTable>
            </section>
        }
        .into_any()
    }
}

/// One question for the retro, with its way to a micro-goal or a covenant amendment.
#[component]
fn Question(
    /// The check it comes from.
    check: Id,
    /// The statement and why it is offered.
    d: Discussion,
) -> impl IntoView {
    let state = AppState::expect();
    let router = Router::expect();
    let why = match d.why {
        Why::Low => format!(
            "Among the lowest ({} of 5): “{}”",
            one_decimal(d.mean),
            d.statement.text
        ),
        Why::Dropped(c) => format!(
            "Down {} since the last check ({} of 5 now): “{}”",
            one_decimal(-c),
            one_decimal(d.mean),
            d.statement.text
        ),
    };
    let made = {
        let (check, s) = (check.clone(), d.statement.clone());
        Memo::new(move |_| {
            state
                .ws
                .with(|ws| crate::domain::check_commands::goal_made(ws, &check, &s))
        })
    };
    let statement = StoredValue::new(d.statement.clone());
    let check = StoredValue::new(check);
    let goal = move |_| {
        let cmd = CheckCommand::MakeGoal {
            id: check.get_value(),
            statement: statement.get_value().id,
            today: browser::today(),
        };
        if state.dispatch(cmd) {
            state.notices().with_action(
                NoticeKind::Success,
                "A micro-goal was added from this statement. Give it an owner on Micro-goals.",
                "Open Micro-goals",
                move || router.navigate("/goals"),
            );
        }
    };
    let amend =
        move |_| propose_amendment(state, router, &check.get_value(), &statement.get_value());
    view! {
        <li class="check-question">
            <p class="question">{d.question}</p>
            <p class="hint">{why}</p>
            <div class="row-actions">
                <button on:click=goal disabled=move || made.get() aria-label=format!("Make a micro-goal from “{}”", d.statement.text)>
                    {move || if made.get() { "Micro-goal made" } else { "Make a micro-goal" }}
                </button>
                <button on:click=amend aria-label=format!("Propose a covenant amendment from “{}”", d.statement.text)>"Propose an amendment"</button>
            </div>
        </li>
    }
}

/// Puts a clause answering `s` into the covenant's amendment in progress (or its draft) and
/// opens the covenant.
fn propose_amendment(state: AppState, router: Router, check: &Id, s: &Statement) {
    let found = state.ws.with_untracked(|ws| {
        Some((
            ws.live::<Covenant>().next()?.clone(),
            ws.get::<Check>(check)?.clone(),
        ))
    });
    let Some((cov, c)) = found else {
        return state.notices().error(
            "There is no covenant yet: start one on the Covenant page, then propose this from here.",
        );
    };
    let clause = browser::random_id();
    match cov.state {
        CovenantState::Draft => {
            let draft = crate::domain::check_results::amendment(&cov.terms, &c, s, clause);
            let cmd = CovenantCommand::EditDraft {
                id: cov.meta.id.clone(),
                terms: draft.terms,
            };
            if !state.dispatch(cmd) {
                return;
            }
        }
        CovenantState::Active | CovenantState::UnderReview => {
            let key = crate::covenant::amendment_key(&cov.meta.id);
            // An amendment already in progress gets the clause too.
            let kept: Option<crate::domain::covenant::AmendmentDraft> =
                crate::domain::covenant::read_draft(
                    state.store().get(&key).ok().flatten().as_deref(),
                );
            let base = kept
                .as_ref()
                .map(|k| k.terms.clone())
                .unwrap_or_else(|| cov.terms.clone());
            let mut draft = crate::domain::check_results::amendment(&base, &c, s, clause);
            if let Some(k) = kept.filter(|k| !k.reason.trim().is_empty()) {
                draft.reason = format!("{} {}", k.reason.trim(), draft.reason);
            }
            if let Err(e) = state.store().set(&key, &draft_json(&draft)) {
                return state
                    .notices()
                    .error(format!("The amendment could not be kept: {e}"));
            }
        }
    }
    state
        .notices()
        .success("The proposal is in the covenant: word the new clause together, then publish it.");
    router.navigate("/covenant");
}
