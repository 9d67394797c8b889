//! Behaviours (or metrics) of the terms being edited: clauses with their clarity checklist,
//! reorderable, each field saved as it is typed.

use super::terms_editor::new_id;
use crate::domain::covenant::{Clause, Terms, CLARITY, STARTER_CLAUSES};
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
    let list = move |t: &Terms| -> Vec<Clause> {
        if metrics {
            t.metrics.clone()
        } else {
            t.behaviours.clone()
        }
    };
    // Changes the right list (behaviours or metrics) of the terms being edited.
    let edit = move |f: &dyn Fn(&mut Vec<Clause>)| {
        terms.update(|t| {
            f(if metrics {
                &mut t.metrics
            } else {
                &mut t.behaviours
            })
        })
    };
    // The rows re-render only when clauses are added, removed or moved: typing in a field
    // changes the terms (and saves them) without taking the focus away.
    let shape =
        Memo::new(move |_| terms.with(|t| list(t).into_iter().map(|c| c.id).collect::<Vec<Id>>()));
    let rows = move || {
        let ids = shape.get();
        let n = ids.len();
        let clauses = terms.with_untracked(list);
        clauses
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                // The label follows the title as it is typed.
                let label = move || {
                    terms
                        .with(|t| list(t).get(i).map(|c| c.title.trim().to_owned()))
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| format!("{noun} {}", i + 1))
                };
                let checks = CLARITY
                    .iter()
                    .enumerate()
                    .map(|(k, dim)| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=c.clarity[k]
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit(&|v| v[i].clarity[k] = on)
                                    }
                                />
                                {*dim}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="clause">
                        <input
                            type="text"
                            aria-label=move || format!("Title of {}", label())
                            prop:value=c.title.clone()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(&|l| l[i].title = v.clone())
                            }
                        />
                        <textarea
                            rows="2"
                            aria-label=move || format!("Wording of {}", label())
                            prop:value=c.text.clone()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                edit(&|l| l[i].text = v.clone())
                            }
                        ></textarea>
                        <fieldset class="clarity">
                            <legend>"Clear on"</legend>
                            {checks}
                        </fieldset>
                        <div class="row-actions">
                            <button
                                type="button"
                                class="icon-button"
                                aria-label=move || format!("Move {} up", label())
                                disabled=i == 0
                                on:click=move |_| edit(&|l| l.swap(i, i - 1))
                            >
                                "▲"
                            </button>
                            <button
                                type="button"
                                class="icon-button"
                                aria-label=move || format!("Move {} down", label())
                                disabled=i + 1 == n
                                on:click=move |_| edit(&|l| l.swap(i, i + 1))
                            >
                                "▼"
                            </button>
                            <button
                                type="button"
                                class="danger"
                                aria-label=move || format!("Remove {}", label())
                                on:click=move |_| edit(&|l| {
                                    if i < l.len() {
                                        l.remove(i);
                                    }
                                })
                            >
                                "Remove"
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    let library = (!metrics).then(|| {
        view! {
            <div class="clause-library" role="group" aria-label="Clause library">
                <p class="hint">"Start from a clause, then make it yours:"</p>
                {STARTER_CLAUSES
                    .iter()
                    .map(|(_, title, text)| {
                        view! {
                            <button
                                type="button"
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
                on:click=move |_| edit(&|l| l.push(Clause { id: new_id(), ..Default::default() }))
            >
                {format!("Add a {noun}")}
            </button>
        </section>
    }
}
