//! An active covenant: the terms in force as a document, signatures, the review, an
//! amendment (kept in the browser as it is written) and the history.

use super::covenant_page::read_kept;
use super::history::History;
use super::review_panel::ReviewPanel;
use super::signatures::Signatures;
use super::terms_document::TermsDocument;
use super::terms_editor::TermsEditor;
use crate::browser;
use crate::domain::covenant::{draft_json, AmendmentDraft, Covenant, CovenantState};
use crate::domain::{CovenantCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

/// Where a covenant's amendment in progress is kept.
pub fn amendment_key(id: &Id) -> String {
    format!("climb.covenant-amendment.{id}")
}

/// Reading, signing, amending and reviewing an active covenant.
#[component]
pub fn ActiveCovenant(
    /// The covenant as stored.
    covenant: Covenant,
) -> impl IntoView {
    let state = AppState::expect();
    let id = covenant.meta.id.clone();
    let key = StoredValue::new(amendment_key(&id));
    let kept: Option<AmendmentDraft> = read_kept(state, &key.get_value());
    let amending = RwSignal::new(kept.is_some());
    let kept = kept.unwrap_or_else(|| AmendmentDraft {
        terms: covenant.terms.clone(),
        reason: String::new(),
    });
    let terms = RwSignal::new(kept.terms);
    let reason = RwSignal::new(kept.reason);
    // Pushes the amendment in progress to storage as it is written; closing it forgets it.
    Effect::new(move |_| {
        if amending.get() {
            let draft = AmendmentDraft {
                terms: terms.get(),
                reason: reason.get(),
            };
            let _ = state.store().set(&key.get_value(), &draft_json(&draft));
        } else {
            let _ = state.store().remove(&key.get_value());
        }
    });
    let in_force = covenant.terms.clone();
    let discard = move |_| {
        let changed =
            terms.with_untracked(|t| t != &in_force) || !reason.with_untracked(String::is_empty);
        if !changed || browser::confirm("Discard this amendment? What you changed in it is lost.") {
            terms.set(in_force.clone());
            reason.set(String::new());
            amending.set(false);
        }
    };
    let amend = {
        let id = id.clone();
        move |_| {
            // The draft goes first: the published covenant re-renders this page, and must not
            // find it. A refused amendment keeps it.
            let _ = state.store().remove(&key.get_value());
            let draft = AmendmentDraft {
                terms: terms.get_untracked(),
                reason: reason.get_untracked(),
            };
            if state.dispatch(CovenantCommand::Amend {
                id: id.clone(),
                terms: draft.terms.clone(),
                reason: draft.reason.clone(),
            }) {
                amending.set(false);
            } else {
                let _ = state.store().set(&key.get_value(), &draft_json(&draft));
            }
        }
    };
    let under_review = covenant.state == CovenantState::UnderReview;
    let start_review = {
        let id = id.clone();
        move |_| {
            state.dispatch(CovenantCommand::StartReview { id: id.clone() });
        }
    };
    view! {
        <TermsDocument terms=covenant.terms.clone()/>
        <Signatures covenant=covenant.clone()/>
        {under_review.then(|| view! { <ReviewPanel id=id.clone() amending=amending/> })}
        <div class="row-actions covenant-actions">
            // Under review, the review offers "Amend instead".
            {move || (!amending.get() && !under_review).then(|| view! { <button on:click=move |_| amending.set(true)>"Amend"</button> })}
            {(!under_review).then(|| view! { <button on:click=start_review.clone()>"Start review"</button> })}
        </div>
        {move || {
            amending
                .get()
                .then(|| {
                    let amend = amend.clone();
                    let discard = discard.clone();
                    view! {
                        <section class="amend" aria-label="Amendment">
                            <h3>"Amendment"</h3>
                            <p class="hint">"Kept in this browser as you write, until you publish or discard it."</p>
                            <TermsEditor terms=terms only=Signal::derive(|| None)/>
                            <label class="field">
                                {if under_review { "Reason for the amendment (what we learned)" } else { "Reason for the amendment" }}
                                <input type="text" bind:value=reason/>
                            </label>
                            <div class="row-actions">
                                <button class="primary" on:click=amend>"Publish amendment"</button>
                                <button on:click=discard>"Discard amendment"</button>
                            </div>
                        </section>
                    }
                })
        }}
        <History covenant=covenant/>
    }
}
