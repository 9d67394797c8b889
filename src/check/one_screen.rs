//! Answering on one shared screen: a hand-over curtain between people, as in the workshop.
//! Nothing about who answers is kept: no name is asked, and each person's answers are
//! written under a random response id that is then forgotten (see `domain::check`).

use super::answer_form::AnswerForm;
use super::open_check::answered_text;
use crate::browser;
use crate::domain::check::{Answers, Check};
use crate::domain::{CheckCommand, Id};
use crate::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Not answering on this screen.
    Idle,
    /// Between people: only the count shows.
    Curtain,
    /// Someone is answering.
    Answering,
}

/// "Answer on this screen", the curtain, and the form.
#[component]
pub fn OneScreen(
    /// The open check.
    id: Id,
    /// Set while the curtain is up or someone answers, so the page hides the facilitator's
    /// controls.
    busy: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let stage = RwSignal::new(Stage::Idle);
    // The curtain's and the form's first control take the focus as they appear, so a keyboard
    // user goes on where they are instead of from the top of the page.
    let start_ref = NodeRef::<leptos::html::Button>::new();
    let form_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(b) = start_ref.get() {
            let _ = b.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(d) = form_ref.get() {
            if let Ok(Some(first)) = d.query_selector("input") {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(first) {
                    let _ = el.focus();
                }
            }
        }
    });
    let to = move |next: Stage| {
        if next != Stage::Idle {
            // Whoever answers next must not undo (or read in Undo's name) an earlier change.
            state.forget_history();
        }
        busy.set(next != Stage::Idle);
        stage.set(next);
    };
    let thanked = RwSignal::new(false);
    let check = StoredValue::new(id);
    let send = Callback::new(move |answers: Answers| {
        let cmd = CheckCommand::Answer {
            id: check.get_value(),
            response: browser::random_id(),
            answers,
            today: browser::today(),
        };
        if state.dispatch(cmd) {
            thanked.set(true);
            to(Stage::Curtain);
        }
    });
    let statements = move || {
        state.ws.with_untracked(|ws| {
            ws.get::<Check>(&check.get_value())
                .map(|c| c.statements.clone())
                .unwrap_or_default()
        })
    };
    move || {
        match stage.get() {
        Stage::Idle => view! {
            <div class="row-actions">
                <button on:click=move |_| to(Stage::Curtain)>"Answer on this screen"</button>
            </div>
        }
        .into_any(),
        Stage::Curtain => view! {
            <section class="curtain" aria-label="Hand-over">
                {move || thanked.get().then(|| view! { <p>"Thank you: those answers are in."</p> })}
                <p class="curtain-title">{move || {
                    let none_yet = state.ws.with(|ws| crate::domain::check_commands::responses(ws, &check.get_value()) == 0);
                    if none_yet { "Pass the screen to the first person." } else { "Pass the screen to the next person." }
                }}</p>
                <p>"Press Start when only you can see the screen. Your name is not asked or kept."</p>
                <p role="status">{move || answered_text(state, &check.get_value())}</p>
                <div class="row-actions centred">
                    <button class="primary big" node_ref=start_ref on:click=move |_| to(Stage::Answering)>"Start answering"</button>
                    <button on:click=move |_| { thanked.set(false); to(Stage::Idle); }>"Stop answering on this screen"</button>
                </div>
            </section>
        }
        .into_any(),
        Stage::Answering => view! {
            <section class="answering" aria-label="Answering">
                <div node_ref=form_ref>
                    <AnswerForm statements=statements() submit="Send my answers" done=send/>
                </div>
                <button on:click=move |_| to(Stage::Curtain)>"Cancel: send nothing"</button>
            </section>
        }
        .into_any(),
    }
    }
}
