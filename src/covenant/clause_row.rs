//! One behaviour or metric of the terms being edited: its title, wording and clarity
//! checklist, moved up or down or removed, each field saved as it is typed.

use crate::browser::{focus_in_row, Row};
use crate::domain::covenant::{Clause, Terms, CLARITY};
use leptos::prelude::*;

/// Where the focus goes after a move: the same move button on the moved clause, or the
/// other one when it is at the end of the list.
const UP_FIRST: &[&str] = &[
    ".row-actions button:nth-of-type(1):not(:disabled)",
    ".row-actions button:nth-of-type(2)",
];
const DOWN_FIRST: &[&str] = &[
    ".row-actions button:nth-of-type(2):not(:disabled)",
    ".row-actions button:nth-of-type(1)",
];

/// The behaviours, or with `metrics` the metrics, of `t`.
pub(super) fn clauses_of(t: &Terms, metrics: bool) -> &Vec<Clause> {
    if metrics {
        &t.metrics
    } else {
        &t.behaviours
    }
}

/// Changes the behaviours, or with `metrics` the metrics, of the terms being edited.
pub(super) fn edit_clauses(terms: RwSignal<Terms>, metrics: bool, f: &dyn Fn(&mut Vec<Clause>)) {
    terms.update(|t| {
        f(if metrics {
            &mut t.metrics
        } else {
            &mut t.behaviours
        })
    })
}

/// One clause of the list.
/// - `terms`: the terms being edited (a draft, or an amendment).
/// - `metrics`: a metric of success rather than an expected behaviour.
/// - `i`: its place in the list, from 0; `n`: how many the list has.
/// - `c`: the clause as it was when the list was last reordered.
/// - `noun`: what the list calls a clause ("behaviour", "metric"), for an untitled one.
#[component]
pub fn ClauseRow(
    terms: RwSignal<Terms>,
    metrics: bool,
    i: usize,
    n: usize,
    c: Clause,
    noun: &'static str,
) -> impl IntoView {
    let edit = move |f: &dyn Fn(&mut Vec<Clause>)| edit_clauses(terms, metrics, f);
    // The label follows the title as it is typed.
    let label = move || {
        terms
            .with(|t| {
                clauses_of(t, metrics)
                    .get(i)
                    .map(|c| c.title.trim().to_owned())
            })
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
                            edit(&|v| if let Some(x) = v.get_mut(i) { x.clarity[k] = on })
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
                    edit(&|l| if let Some(x) = l.get_mut(i) { x.title = v.clone() })
                }
            />
            <textarea
                rows="2"
                aria-label=move || format!("Wording of {}", label())
                prop:value=c.text.clone()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    edit(&|l| if let Some(x) = l.get_mut(i) { x.text = v.clone() })
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
                    on:click=move |ev| {
                        edit(&|l| if i > 0 && i < l.len() { l.swap(i, i - 1) });
                        focus_in_row(&ev, "li.clause", Row::At(i.saturating_sub(1)), UP_FIRST);
                    }
                >
                    "▲"
                </button>
                <button
                    type="button"
                    class="icon-button"
                    aria-label=move || format!("Move {} down", label())
                    disabled=i + 1 == n
                    on:click=move |ev| {
                        edit(&|l| if i + 1 < l.len() { l.swap(i, i + 1) });
                        focus_in_row(&ev, "li.clause", Row::At(i + 1), DOWN_FIRST);
                    }
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
}
