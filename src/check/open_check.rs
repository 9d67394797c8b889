//! A check that is open: how many have answered, the threshold, the ways to answer, and
//! showing the results (the buttons that start a check are in `start_check*.rs`).

use super::one_screen::OneScreen;
use super::remote_check::RemoteCheck;
use super::statements_editor::StatementsEditor;
use crate::browser;
use crate::domain::check::{Check, MAX_THRESHOLD, MIN_THRESHOLD};
use crate::domain::check_commands::responses;
use crate::domain::roster::Member;
use crate::domain::{CheckCommand, Id};
use crate::router::Link;
use crate::state::AppState;
use leptos::prelude::*;

/// "3 of 5 have answered" (of the team's roster), or "3 have answered".
pub fn answered_text(state: AppState, check: &Id) -> String {
    state.ws.with(|ws| {
        let n = responses(ws, check) as usize;
        let people = ws.live::<Member>().count();
        if people >= n && people > 0 {
            format!("{n} of {people} have answered.")
        } else if n == 1 {
            "1 person has answered.".to_owned()
        } else {
            format!("{n} people have answered.")
        }
    })
}

/// The open check `id`.
#[component]
pub fn OpenCheck(
    /// The check's id.
    id: Id,
) -> impl IntoView {
    let state = AppState::expect();
    let check = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| ws.get::<Check>(&id).cloned()))
    };
    let count = {
        let id = id.clone();
        Memo::new(move |_| state.ws.with(|ws| responses(ws, &id)))
    };
    let need = move || check.with(|c| c.as_ref().map(Check::threshold).unwrap_or(MIN_THRESHOLD));
    let answered = {
        let id = id.clone();
        move || {
            count.track();
            answered_text(state, &id)
        }
    };
    let threshold = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                state.dispatch(CheckCommand::SetThreshold {
                    id: id.clone(),
                    threshold: n,
                });
            }
        }
    };
    let close = {
        let id = id.clone();
        move |_| {
            let asked = "Show the results now? The check closes: answers that come later cannot \
                         be added, so no one's answers can be worked out from a change in the totals.";
            let cmd = CheckCommand::Close {
                id: id.clone(),
                today: browser::today(),
            };
            if browser::confirm(asked) && state.dispatch(cmd) {
                // Reopening by Undo would let a later answer show in the change of totals.
                state.forget_history();
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            state.dispatch_undoable(
                CheckCommand::Delete { id: id.clone() },
                "Check deleted. Its answers stay until you bring it back or start another."
                    .to_owned(),
            );
        }
    };
    let board = move || check.with(|c| c.as_ref().and_then(|c| c.board_id.clone()));
    let busy = RwSignal::new(false);
    view! {
        <section class="open-check" aria-labelledby="open-check-title">
            <h2 id="open-check-title">{move || check.with(|c| c.as_ref().map(Check::title).unwrap_or_default())}</h2>
            // The curtain says it while it is up: once on the screen is enough.
            <p class="answered" role="status" hidden=move || busy.get()>{answered}</p>
            {move || board().map(|b| view! {
                <p><Link href=format!("/boards/{b}/workshop")>"Back to the workshop"</Link></p>
            })}
            <OneScreen id=id.clone() busy=busy/>
            // Behind the curtain and while someone answers, the facilitator's controls step aside.
            <div class="check-controls" class:hidden=move || busy.get()>
            <RemoteCheck id=id.clone()/>
            {move || (count.get() == 0).then(|| view! { <StatementsEditor id=id.clone()/> })}
            <div class="show-results">
                <label>
                    "Show results at "
                    <input
                        type="number"
                        min=MIN_THRESHOLD.to_string()
                        max=MAX_THRESHOLD.to_string()
                        prop:value=move || need().to_string()
                        on:change=threshold
                        class="narrow"
                    />
                    " responses or more"
                </label>
                <p class="hint">
                    {move || {
                        let (n, k) = (count.get(), need());
                        if n < k {
                            format!("The results stay hidden until {k} have answered ({n} so far), so that no one's answers can be told apart.")
                        } else {
                            "Enough have answered. Showing the results closes the check.".to_owned()
                        }
                    }}
                </p>
                <div class="row-actions">
                    <button class="primary" on:click=close disabled=move || count.get() < need()>
                        "Close and show results"
                    </button>
                    <button class="danger" on:click=delete>"Delete check"</button>
                </div>
            </div>
            </div>
        </section>
    }
}
