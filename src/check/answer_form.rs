//! The statements as a form: each a group of six choices (the five-point scale and Skip).

use crate::domain::check::{Answers, Statement, SCALE};
use leptos::prelude::*;

/// One person's answers to `statements`; `done` gets them on submit (unchosen = skipped).
#[component]
pub fn AnswerForm(
    /// The statements to answer, in the check's order.
    statements: Vec<Statement>,
    /// The submit button's words.
    submit: &'static str,
    /// Receives the answers.
    done: Callback<Answers>,
) -> impl IntoView {
    let chosen: Vec<(Statement, RwSignal<Option<u8>>)> = statements
        .into_iter()
        .map(|s| (s, RwSignal::new(None)))
        .collect();
    let picks = StoredValue::new(
        chosen
            .iter()
            .map(|(s, v)| (s.id.clone(), *v))
            .collect::<Vec<_>>(),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers: Answers = picks.with_value(|p| {
            p.iter()
                .map(|(id, v)| (id.clone(), v.get_untracked()))
                .collect()
        });
        done.run(answers);
    };
    let groups = chosen
        .into_iter()
        .enumerate()
        .map(|(i, (s, value))| {
            let name = format!("statement-{i}");
            let options = (1u8..=5)
                .map(|n| {
                    let name = name.clone();
                    view! {
                        <label class="scale-choice">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || value.get() == Some(n)
                                on:change=move |_| value.set(Some(n))
                            />
                            {SCALE.get(usize::from(n) - 1).copied().unwrap_or_default()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="statement">
                    <legend>{s.text.clone()}</legend>
                    <div class="scale">
                        {options}
                        <label class="scale-choice skip">
                            <input
                                type="radio"
                                name=name.clone()
                                prop:checked=move || value.get().is_none()
                                on:change=move |_| value.set(None)
                            />
                            "Skip"
                        </label>
                    </div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <form class="answer-form" on:submit=on_submit aria-label="Your answers">
            <p class="hint">"Answer for yourself, as things are now. Any statement can be skipped."</p>
            {groups}
            <button type="submit" class="primary">{submit}</button>
        </form>
    }
}
