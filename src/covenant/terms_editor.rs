use crate::browser;
use crate::domain::covenant::{
    Clause, DecisionRight, EscalationStep, Terms, CLARITY, STARTER_CLAUSES,
};
use crate::domain::iso::{format_date, parse_date};
use crate::domain::roster::Member;
use crate::domain::{Id, Rng};
use crate::state::AppState;
use leptos::prelude::*;

fn new_id() -> Id {
    Id::random(&mut Rng::new(browser::random_seed()))
}

/// The sections of the terms, in the order of the guided flow.
pub const STEPS: [&str; 6] = [
    "Intent",
    "Expected behaviours",
    "Decision rights",
    "Escalation path",
    "Metrics of success",
    "Review date",
];

/// Edits a copy of the terms held by the caller. `only` shows a single section (the guided
/// flow); `None` shows them all.
#[component]
pub fn TermsEditor(terms: RwSignal<Terms>, only: Signal<Option<usize>>) -> impl IntoView {
    let show = move |i: usize| only.get().is_none_or(|o| o == i);
    view! {
        <div class="terms-editor">
            {move || show(0).then(|| view! { <IntentSection terms=terms/> })}
            {move || show(1).then(|| view! { <ClauseSection terms=terms metrics=false/> })}
            {move || show(2).then(|| view! { <DecisionSection terms=terms/> })}
            {move || show(3).then(|| view! { <EscalationSection terms=terms/> })}
            {move || show(4).then(|| view! { <ClauseSection terms=terms metrics=true/> })}
            {move || show(5).then(|| view! { <ReviewSection terms=terms/> })}
        </div>
    }
}

#[component]
fn IntentSection(terms: RwSignal<Terms>) -> impl IntoView {
    view! {
        <section class="terms-section" aria-labelledby="intent-h">
            <h3 id="intent-h">"Intent"</h3>
            <label class="field">
                "Why we make this covenant"
                <textarea
                    rows="3"
                    prop:value=move || terms.with(|t| t.intent.clone())
                    on:input=move |ev| terms.update(|t| t.intent = event_target_value(&ev))
                ></textarea>
            </label>
        </section>
    }
}

/// Behaviours (or metrics): clauses with their clarity checklist, reorderable.
#[component]
fn ClauseSection(terms: RwSignal<Terms>, metrics: bool) -> impl IntoView {
    let (title, noun) = if metrics {
        ("Metrics of success", "metric")
    } else {
        ("Expected behaviours", "behaviour")
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
    let read = move || {
        terms.with(|t| {
            if metrics {
                t.metrics.clone()
            } else {
                t.behaviours.clone()
            }
        })
    };
    let rows = move || {
        let clauses = read();
        let n = clauses.len();
        clauses
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let label = if c.title.is_empty() {
                    format!("{noun} {}", i + 1)
                } else {
                    c.title.clone()
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
                            aria-label=format!("Title of {label}")
                            prop:value=c.title.clone()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                edit(&|l| l[i].title = v.clone())
                            }
                        />
                        <textarea
                            rows="2"
                            aria-label=format!("Wording of {label}")
                            prop:value=c.text.clone()
                            on:change=move |ev| {
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
                                aria-label=format!("Move {label} up")
                                disabled=i == 0
                                on:click=move |_| edit(&|l| l.swap(i, i - 1))
                            >
                                "▲"
                            </button>
                            <button
                                type="button"
                                class="icon-button"
                                aria-label=format!("Move {label} down")
                                disabled=i + 1 == n
                                on:click=move |_| edit(&|l| l.swap(i, i + 1))
                            >
                                "▼"
                            </button>
                            <button
                                type="button"
                                class="danger"
                                aria-label=format!("Remove {label}")
                                on:click=move |_| edit(&|l| {
                                    l.remove(i);
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

fn member_select(
    label: String,
    selected: Vec<Id>,
    multiple: bool,
    on_change: impl Fn(Vec<Id>) + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let members: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.live::<Member>()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    view! {
        <select
            aria-label=label
            multiple=multiple
            on:change=move |ev| {
                let el: web_sys::HtmlSelectElement = event_target(&ev);
                let opts = el.selected_options();
                let ids = (0..opts.length())
                    .filter_map(|i| opts.item(i))
                    .filter_map(|o| o.get_attribute("value"))
                    .filter(|v| !v.is_empty())
                    .map(Id)
                    .collect();
                on_change(ids)
            }
        >
            {(!multiple).then(|| view! { <option value="">"Nobody yet"</option> })}
            {members
                .into_iter()
                .map(|(id, name)| {
                    let sel = selected.contains(&id);
                    view! { <option value=id.to_string() selected=sel>{name}</option> }
                })
                .collect_view()}
        </select>
    }
}

#[component]
fn DecisionSection(terms: RwSignal<Terms>) -> impl IntoView {
    let rows = move || {
        terms
            .with(|t| t.decision_rights.clone())
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let name = if d.decision.is_empty() { format!("decision {}", i + 1) } else { d.decision.clone() };
                let one = |v: Vec<Id>| v.into_iter().next();
                view! {
                    <tr>
                        <td>
                            <input
                                type="text"
                                aria-label=format!("Decision {}", i + 1)
                                prop:value=d.decision.clone()
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    terms.update(|t| t.decision_rights[i].decision = v)
                                }
                            />
                        </td>
                        <td>
                            {member_select(format!("Driver of {name}"), d.driver.clone().into_iter().collect(), false, move |v| {
                                terms.update(|t| t.decision_rights[i].driver = one(v))
                            })}
                        </td>
                        <td>
                            {member_select(format!("Approver of {name}"), d.approver.clone().into_iter().collect(), false, move |v| {
                                terms.update(|t| t.decision_rights[i].approver = one(v))
                            })}
                        </td>
                        <td>
                            {member_select(format!("Contributors to {name}"), d.contributors.clone(), true, move |v| {
                                terms.update(|t| t.decision_rights[i].contributors = v)
                            })}
                        </td>
                        <td>
                            {member_select(format!("Informed of {name}"), d.informed.clone(), true, move |v| {
                                terms.update(|t| t.decision_rights[i].informed = v)
                            })}
                        </td>
                        <td>
                            <button
                                type="button"
                                class="danger"
                                aria-label=format!("Remove {name}")
                                on:click=move |_| terms.update(|t| {
                                    t.decision_rights.remove(i);
                                })
                            >
                                "Remove"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="terms-section" aria-label="Decision rights">
            <h3>"Decision rights"</h3>
            <div class="table-scroll">
                <table class="daci">
                    <thead>
                        <tr>
                            <th scope="col">"Decision"</th>
                            <th scope="col">"Driver"</th>
                            <th scope="col">"Approver"</th>
                            <th scope="col">"Contributors"</th>
                            <th scope="col">"Informed"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button
                type="button"
                on:click=move |_| terms.update(|t| t.decision_rights.push(DecisionRight { id: new_id(), ..Default::default() }))
            >
                "Add a decision"
            </button>
        </section>
    }
}

#[component]
fn EscalationSection(terms: RwSignal<Terms>) -> impl IntoView {
    let rows = move || {
        let steps = terms.with(|t| t.escalation.clone());
        let n = steps.len();
        steps
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let field =
                    move |label: &'static str,
                          value: String,
                          set: fn(&mut EscalationStep, String)| {
                        view! {
                            <input
                                type="text"
                                aria-label=format!("Step {}: {label}", i + 1)
                                placeholder=label
                                prop:value=value
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    terms.update(|t| set(&mut t.escalation[i], v))
                                }
                            />
                        }
                    };
                view! {
                    <li class="step">
                        {field("who", s.who.clone(), |s, v| s.who = v)}
                        {field("when", s.when.clone(), |s, v| s.when = v)}
                        {field("how", s.how.clone(), |s, v| s.how = v)}
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=format!("Move step {} up", i + 1)
                            disabled=i == 0
                            on:click=move |_| terms.update(|t| t.escalation.swap(i, i - 1))
                        >
                            "▲"
                        </button>
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=format!("Move step {} down", i + 1)
                            disabled=i + 1 == n
                            on:click=move |_| terms.update(|t| t.escalation.swap(i, i + 1))
                        >
                            "▼"
                        </button>
                        <button
                            type="button"
                            class="danger"
                            aria-label=format!("Remove step {}", i + 1)
                            on:click=move |_| terms.update(|t| {
                                t.escalation.remove(i);
                            })
                        >
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="terms-section" aria-label="Escalation path">
            <h3>"Escalation path"</h3>
            <p class="hint">"What we do when something slips or we disagree, step by step."</p>
            <ol class="steps">{rows}</ol>
            <button
                type="button"
                on:click=move |_| terms.update(|t| t.escalation.push(EscalationStep { id: new_id(), ..Default::default() }))
            >
                "Add a step"
            </button>
        </section>
    }
}

#[component]
fn ReviewSection(terms: RwSignal<Terms>) -> impl IntoView {
    view! {
        <section class="terms-section" aria-label="Review date">
            <h3>"Review date"</h3>
            <label class="field">
                "We review this covenant on"
                <input
                    type="date"
                    prop:value=move || terms.with(|t| t.review_on.map(|d| format_date(&d)).unwrap_or_default())
                    on:input=move |ev| {
                        let d = parse_date(&event_target_value(&ev));
                        terms.update(|t| t.review_on = d)
                    }
                />
            </label>
        </section>
    }
}
