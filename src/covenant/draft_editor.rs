//! Writing a draft covenant: guided one section at a time or all at once, saved as it is
//! typed, then activated.

use super::covenant_page::EditorUi;
use super::terms_editor::{TermsEditor, STEPS};
use crate::browser;
use crate::domain::covenant::{Covenant, CovenantState, Terms};
use crate::domain::CovenantCommand;
use crate::state::AppState;
use crate::ui::{tab_keys, Debounce};
use leptos::prelude::*;

/// The terms of covenant `id` as stored while it is a draft (and so still edited here).
fn draft_terms(state: AppState, id: &crate::domain::Id) -> Option<Terms> {
    state.ws.with_untracked(|ws| {
        ws.get::<Covenant>(id)
            .filter(|c| c.state == CovenantState::Draft)
            .map(|c| c.terms.clone())
    })
}

/// Whether the covenant `id` is still a draft.
fn is_draft(state: AppState, id: &crate::domain::Id) -> bool {
    draft_terms(state, id).is_some()
}

/// Editing a draft: guided one section at a time, or all at once; then activation.
#[component]
pub fn DraftEditor(
    /// The draft as stored when the editor opened.
    covenant: Covenant,
) -> impl IntoView {
    let state = AppState::expect();
    let terms = RwSignal::new(covenant.terms.clone());
    let EditorUi { guided, step } = expect_context::<EditorUi>();
    let only: Signal<Option<usize>> = Signal::derive(move || guided.get().then(|| step.get()));
    let id = covenant.meta.id.clone();
    // The draft's terms as stored: what the editor holds differs from them only while a
    // save waits for its timer (the editor opens afresh when they change from outside).
    let stored = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .ws
                .with(|ws| ws.get::<Covenant>(&id).map(|c| c.terms.clone()))
        })
    };
    let is_stored = move |t: &Terms| {
        stored
            .try_with_untracked(|s| s.as_ref() == Some(t))
            .unwrap_or(true)
    };
    // Saves the draft shortly after each change, as one undoable command.
    let timer = Debounce::default();
    {
        let id = id.clone();
        Effect::new(move |_| {
            let t = terms.get();
            if is_stored(&t) {
                // Typed back to what is stored: nothing is left to save.
                timer.cancel();
                return;
            }
            let id = id.clone();
            let base = draft_terms(state, &id);
            timer.schedule(std::time::Duration::from_millis(400), move || {
                // A timer can fire late (a busy tab, a throttled background tab): by then
                // the draft may have been activated (its wording is already in), or changed
                // from outside this editor (Undo, another tab), which the save must not undo.
                if base.is_some() && draft_terms(state, &id) == base {
                    state.dispatch(CovenantCommand::EditDraft { id, terms: t });
                }
            });
        });
    }
    let pending = move || terms.with(|t| stored.with(|s| s.as_ref() != Some(t)));
    // A reload (or a closed tab) inside the short wait before a save must not lose what was
    // just typed: the waiting save is made at once, then written to storage. The listener
    // outlives this editor, so it reads its signals with `try_`.
    {
        let id = id.clone();
        browser::on_page_hide(move || {
            let Some(t) = terms.try_get_untracked() else {
                return;
            };
            if !is_stored(&t)
                && is_draft(state, &id)
                && state.dispatch(CovenantCommand::EditDraft {
                    id: id.clone(),
                    terms: t,
                })
            {
                state.flush();
            }
        });
    }
    let activate = move |_| {
        // The save waiting for its timer is made here, at once: left waiting, it would try
        // to edit the covenant after it became active.
        timer.cancel();
        let t = terms.get_untracked();
        if is_stored(&t)
            || state.dispatch(CovenantCommand::EditDraft {
                id: id.clone(),
                terms: t,
            })
        {
            state.dispatch(CovenantCommand::Activate { id: id.clone() });
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label="Editor" on:keydown=tab_keys>
            <button role="tab" aria-selected=move || guided.get().to_string() on:click=move |_| guided.set(true)>
                "Guided"
            </button>
            <button role="tab" aria-selected=move || (!guided.get()).to_string() on:click=move |_| guided.set(false)>
                "Full editor"
            </button>
        </div>
        {move || {
            guided
                .get()
                .then(|| {
                    view! {
                        <p class="hint">
                            {move || format!("Step {} of {}: {}", step.get() + 1, STEPS.len(), STEPS[step.get()])}
                        </p>
                    }
                })
        }}
        <TermsEditor terms=terms only=only/>
        <div class="row-actions covenant-actions">
            {move || {
                guided
                    .get()
                    .then(|| {
                        view! {
                            <button disabled=move || step.get() == 0 on:click=move |_| step.update(|s| *s -= 1)>
                                "Back"
                            </button>
                            <button
                                disabled=move || step.get() + 1 == STEPS.len()
                                on:click=move |_| step.update(|s| *s += 1)
                            >
                                "Next"
                            </button>
                        }
                    })
            }}
            <p class="hint" role="status">
                {move || if pending() { "Saving the draft…" } else { "The draft is saved as you write." }}
            </p>
            <button class="primary" on:click=activate>"Activate covenant"</button>
        </div>
    }
}
