//! The editor of a covenant's terms, section by section: a draft's, or an amendment's.

use super::clause_section::ClauseSection;
use super::decision_section::DecisionSection;
use super::escalation_section::EscalationSection;
use crate::browser;
use crate::domain::covenant::Terms;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::{Id, Rng};
use leptos::prelude::*;

/// A fresh id for a new clause, decision or step.
pub fn new_id() -> Id {
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
pub fn TermsEditor(
    /// The terms being edited; every keystroke changes them.
    terms: RwSignal<Terms>,
    /// The one section to show (the guided flow's step), or all.
    only: Signal<Option<usize>>,
) -> impl IntoView {
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

/// Why the team makes this covenant.
#[component]
fn IntentSection(
    /// The terms being edited (a draft, or an amendment).
    terms: RwSignal<Terms>,
) -> impl IntoView {
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

/// When the team looks at the covenant again.
#[component]
fn ReviewSection(
    /// The terms being edited (a draft, or an amendment).
    terms: RwSignal<Terms>,
) -> impl IntoView {
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
