//! Behaviours (or metrics) of the terms being edited: clauses with their clarity checklist,
//! reorderable, each field saved as it is typed.

use super::clause_row::{clauses_of, edit_clauses, ClauseRow};
use super::terms_editor::new_id;
use crate::domain::covenant::{Clause, Terms, STARTER_CLAUSES};
use crate::domain::Id;
use leptos::prelude::*;

/// The list of behaviours, or with `metrics` the metrics of success.
#[component]
pub fn ClauseSection(
    /// The terms being edited (a draft, or an amendment).
    terms: RwSignal<Terms>,
    /// Metrics of success rather than expected behaviours.
    metrics: bool,
) -> impl IntoView {
    let (title, noun) = if metrics {
        ("Metrics of success", "metric")
    } else {
        ("Expected behaviours", "behaviour")
    };
    let edit = move |f: &dyn Fn(&mut Vec<Clause>)| edit_clauses(terms, metrics, f);
    // The rows re-render only when clauses are added, removed or moved: typing in a field
    // changes the terms (and saves them) without taking the focus away.
    let shape = Memo::new(move |_| {
        terms.with(|t| {
            clauses_of(t, metrics)
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<Id>>()
        })
    });
    let rows = move || {
        let n = shape.with(Vec::len);
        let clauses = terms.with_untracked(|t| clauses_of(t, metrics).clone());
        clauses
            .into_iter()
            .enumerate()
            .map(|(i, c)| view! { <ClauseRow terms=terms metrics=metrics i=i n=n c=c noun=noun/> })
            .collect_view()
    };
    let library = (!metrics).then(|| {
        view! {
            <div class="clause-library" role="group" aria-label="Clause library">
                <p class="hint">"Start from a clause, then make it yours (each is added once):"</p>
                {STARTER_CLAUSES
                    .iter()
                    .map(|(_, title, text)| {
                        view! {
                            <button
                                type="button"
                                disabled=move || terms.with(|t| t.has_starter(title))
                                on:click=move |_| {
                                    edit(&|l| {
                                        l.push(Clause {
                                            id: new_id(),
                                            title: (*title).to_owned(),
                                            text: (*text).to_owned(),
                                            clarity: [false; 5],
                                        })
                                    })
                                }
                            >
                                {format!("Add: {title}")}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    view! {
        <section class="terms-section" aria-label=title>
            <h3>{title}</h3>
            {library}
            <ol class="clauses">{rows}</ol>
            <button
                type="button"
                on:click=move |ev| {
                    edit(&|l| l.push(Clause { id: new_id(), ..Default::default() }));
                    crate::browser::focus_new_row(&ev, "li.clause");
                }
            >
                {format!("Add a {noun}")}
            </button>
        </section>
    }
}
