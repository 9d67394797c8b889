//! The escalation path of the terms being edited: numbered steps (who, when, how),
//! reorderable, each field saved as it is typed.

use super::terms_editor::new_id;
use crate::domain::covenant::{EscalationStep, Terms};
use leptos::prelude::*;

/// The steps of the escalation path.
#[component]
pub fn EscalationSection(
    /// The terms being edited (a draft, or an amendment).
    terms: RwSignal<Terms>,
) -> impl IntoView {
    // Rows re-render when steps are added, removed or moved, not as a step is typed.
    let shape = Memo::new(move |_| {
        terms.with(|t| {
            t.escalation
                .iter()
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        let n = shape.with(Vec::len);
        terms
            .with_untracked(|t| t.escalation.clone())
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                // A visible label above each field; the accessible name also says the step.
                let field =
                    move |label: &'static str,
                          example: &'static str,
                          value: String,
                          set: fn(&mut EscalationStep, String)| {
                        view! {
                            <label class="field step-field">
                            <span aria-hidden="true">{label}</span>
                            <input
                                type="text"
                                aria-label=format!("Step {}: {}", i + 1, label.to_lowercase())
                                placeholder=example
                                prop:value=value
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    terms.update(|t| {
                                        if let Some(s) = t.escalation.get_mut(i) {
                                            set(s, v)
                                        }
                                    })
                                }
                            />
                            </label>
                        }
                    };
                view! {
                    <li class="step">
                        {field("Who", "the two people involved", s.who.clone(), |s, v| s.who = v)}
                        {field("When", "within a day", s.when.clone(), |s, v| s.when = v)}
                        {field("How", "a short call, no audience", s.how.clone(), |s, v| s.how = v)}
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
                                if i < t.escalation.len() {
                                    t.escalation.remove(i);
                                }
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
                on:click=move |ev| {
                    terms.update(|t| t.escalation.push(EscalationStep { id: new_id(), ..Default::default() }));
                    crate::browser::focus_new_row(&ev, "ol.steps > li");
                }
            >
                "Add a step"
            </button>
        </section>
    }
}
