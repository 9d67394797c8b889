//! The terms in force, read as a document: the intent, behaviours and metrics with their
//! clarity, decision rights as a DACI table, the escalation path as numbered steps.

use super::covenant_page::namer;
use crate::domain::covenant::{Clause, Terms, CLARITY};
use crate::domain::goals::Goal;
use crate::domain::iso::format_date;
use crate::domain::Id;
use crate::state::AppState;
use crate::ui::FigureTable;
use leptos::prelude::*;

/// The DACI roles, the columns of a decision-rights table.
pub(super) const DACI: [&str; 5] = ["Decision", "Driver", "Approver", "Contributors", "Informed"];

/// What a clause is clear on, and what is still open.
fn clarity_text(c: &Clause) -> String {
    let (clear, open): (Vec<_>, Vec<_>) = CLARITY.iter().zip(c.clarity).partition(|(_, on)| *on);
    let names = |l: Vec<(&&str, bool)>| {
        l.into_iter()
            .map(|(d, _)| *d)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (clear.is_empty(), open.is_empty()) {
        (_, true) => "Clear on all five dimensions.".to_owned(),
        (true, false) => format!("Still open: {}.", names(open)),
        (false, false) => format!("Clear on {}; still open: {}.", names(clear), names(open)),
    }
}

/// The goals serving a clause: values lived, not posters.
fn goals_for(state: AppState, clause: &Id) -> Vec<String> {
    state.ws.with_untracked(|ws| {
        ws.live::<Goal>()
            .filter(|g| g.clause.as_ref() == Some(clause))
            .map(|g| format!("{} ({})", g.outcome, g.state.label().to_lowercase()))
            .collect()
    })
}

fn clauses(state: AppState, heading: &'static str, list: Vec<Clause>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{heading}</h3>
            <ol class="document-clauses">
                {list
                    .into_iter()
                    .map(|c| {
                        let clarity = clarity_text(&c);
                        let goals = goals_for(state, &c.id);
                        let label = format!("Goals serving “{}”", c.title);
                        view! {
                            <li>
                                <strong>{c.title}</strong>
                                ": "
                                {c.text}
                                <p class="hint">{clarity}</p>
                                {(!goals.is_empty()).then(|| view! {
                                    <ul class="clause-goals" aria-label=label>
                                        {goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
    })
}

/// The terms in force.
#[component]
pub fn TermsDocument(
    /// The terms to show.
    terms: Terms,
) -> impl IntoView {
    let state = AppState::expect();
    let name = namer(state);
    let person = |p: &Option<Id>| {
        p.as_ref()
            .map(&name)
            .unwrap_or_else(|| "nobody yet".to_owned())
    };
    let people = |ps: &[Id]| {
        if ps.is_empty() {
            "nobody".to_owned()
        } else {
            ps.iter().map(&name).collect::<Vec<_>>().join(", ")
        }
    };
    let decisions = (!terms.decision_rights.is_empty()).then(|| {
        let rows = terms
            .decision_rights
            .iter()
            .map(|d| {
                view! {
                    <tr>
                        <th scope="row">{d.decision.clone()}</th>
                        <td>{person(&d.driver)}</td>
                        <td>{person(&d.approver)}</td>
                        <td>{people(&d.contributors)}</td>
                        <td>{people(&d.informed)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h3>"Decision rights"</h3>
            <p class="scroll-hint">"On a narrow screen, scroll the table sideways to see every role."</p>
            <FigureTable name="Decision rights" quiet_caption=true class="daci" heads=DACI.to_vec()>
                {rows}
            </FigureTable>
        }
    });
    let steps = (!terms.escalation.is_empty()).then(|| {
        view! {
            <h3>"Escalation path"</h3>
            <ol class="document-steps">
                {terms
                    .escalation
                    .iter()
                    .map(|s| {
                        let mut parts = vec![s.who.trim().to_owned()];
                        if !s.when.trim().is_empty() {
                            parts.push(format!("when {}", s.when.trim()));
                        }
                        if !s.how.trim().is_empty() {
                            parts.push(format!("how: {}", s.how.trim()));
                        }
                        view! { <li>{parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")}</li> }
                    })
                    .collect_view()}
            </ol>
        }
    });
    let review = terms
        .review_on
        .map(|d| format!("We review this covenant on {}.", format_date(&d)));
    view! {
        <section class="terms-read" aria-label="Terms in force">
            {(!terms.intent.trim().is_empty()).then(|| view! { <h3>"Intent"</h3> <p>{terms.intent.clone()}</p> })}
            {clauses(state, "Expected behaviours", terms.behaviours.clone())}
            {decisions}
            {steps}
            {clauses(state, "Metrics of success", terms.metrics.clone())}
            {review.map(|r| view! { <p class="covenant-review-date">{r}</p> })}
        </section>
    }
}
