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
) -> impl IntoView {
    let state = AppState::expect();
    let stage = RwSignal::new(Stage::Idle);
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
            // The next person must not undo (or read in Undo's name) what this one did.
            state.forget_history();
            thanked.set(true);
            stage.set(Stage::Curtain);
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
                <button on:click=move |_| stage.set(Stage::Curtain)>"Answer on this screen"</button>
            </div>
        }
        .into_any(),
        Stage::Curtain => view! {
            <section class="curtain" aria-label="Hand-over">
                {move || thanked.get().then(|| view! { <p>"Thank you: those answers are in."</p> })}
                <p class="curtain-title">"Pass the screen to the next person."</p>
                <p>"Press Start when only you can see the screen. Your name is not asked or kept."</p>
                <p role="status">{move || answered_text(state, &check.get_value())}</p>
                <div class="row-actions centred">
                    <button class="primary big" on:click=move |_| stage.set(Stage::Answering)>"Start answering"</button>
                    <button on:click=move |_| { thanked.set(false); stage.set(Stage::Idle); }>"Stop answering on this screen"</button>
                </div>
            </section>
        }
        .into_any(),
        Stage::Answering => view! {
            <section class="answering" aria-label="Answering">
                <AnswerForm statements=statements() submit="Send my answers" done=send/>
                <button on:click=move |_| stage.set(Stage::Curtain)>"Cancel: send nothing"</button>
            </section>
        }
        .into_any(),
    }
    }
}
