//! The review of an active covenant: what the team learned, and either reaffirming the
//! wording with a next review date or amending it. What is typed is kept in the browser as
//! it is written, so a reload loses nothing.

use super::covenant_page::read_kept;
use crate::browser;
use crate::domain::covenant::{draft_json, ReviewDraft};
use crate::domain::iso::{format_date, parse_date};
use crate::domain::rhythm::Rhythm;
use crate::domain::{CovenantCommand, Id};
use crate::state::AppState;
use crate::ui::Notices;
use leptos::prelude::*;

/// Where a covenant's review in progress is kept.
fn review_key(id: &Id) -> String {
    format!("climb.covenant-review.{id}")
}

/// The review form, shown while the covenant is under review.
#[component]
pub fn ReviewPanel(
    /// The covenant under review.
    id: Id,
    /// Opens the amendment (the other way to end a review).
    amending: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let key = StoredValue::new(review_key(&id));
    let today = browser::today();
    let kept: ReviewDraft = read_kept(state, &key.get_value()).unwrap_or_default();
    let learned = RwSignal::new(kept.learned);
    let next = RwSignal::new(format_date(
        // The team's rhythm proposes the next date (every three months unless it says otherwise).
        &kept
            .next
            .unwrap_or_else(|| state.ws.with_untracked(Rhythm::of).review_after(today)),
    ));
    // Pushes the review in progress to storage as it is typed (nothing else reads it).
    Effect::new(move |_| {
        let draft = ReviewDraft {
            learned: learned.get(),
            next: parse_date(&next.get()),
        };
        let _ = state.store().set(&key.get_value(), &draft_json(&draft));
    });
    let reaffirm = move |_| {
        let Some(date) = parse_date(&next.get_untracked()) else {
            notices.error("Choose the next review date: a day after today.");
            return;
        };
        // The draft goes first, as in an amendment; a refused review keeps it.
        let kept = state.store().get(&key.get_value()).ok().flatten();
        let _ = state.store().remove(&key.get_value());
        let done = state.dispatch(CovenantCommand::Reaffirm {
            id: id.clone(),
            learned: learned.get_untracked(),
            next: date,
            today: browser::today(),
        });
        if let (false, Some(text)) = (done, kept) {
            let _ = state.store().set(&key.get_value(), &text);
        }
    };
    view! {
        <section class="covenant-review" aria-label="Review">
            <h3>"Review"</h3>
            <p class="hint">
                "Look back together: which behaviours did we live, what got in the way, what would we word differently? "
                "Then reaffirm the covenant as it is, or amend it."
            </p>
            <label class="field">
                "What we learned"
                <textarea rows="3" bind:value=learned></textarea>
            </label>
            <label class="field">
                "Next review"
                <input type="date" bind:value=next/>
            </label>
            <div class="row-actions">
                <button class="primary" on:click=reaffirm>"Reaffirm without changes"</button>
                <button on:click=move |_| amending.set(true)>"Amend instead"</button>
            </div>
            <p class="hint">"Reaffirming keeps every signature: members sign the wording, not the date. An amendment's reason is recorded as what we learned."</p>
        </section>
    }
}
