//! A check-in on a goal: what is done, what is next, what blocks, and offers of help.

use super::goal_card::date_text;
use crate::domain::goals::CheckIn;
use crate::domain::{GoalCommand, Id};
use crate::state::AppState;
use crate::ui::OneLineForm;
use leptos::prelude::*;

/// One check-in, with the partner's offers of help and the form to offer more.
#[component]
pub fn CheckInView(
    /// The goal checked in on.
    goal: Id,
    /// The check-in shown: what was done, what is next, and any offer of help.
    check: CheckIn,
    /// Who offers help (the goal's partner).
    partner: Option<Id>,
    /// Whether help can still be offered: the goal is open, not done, dropped or missed.
    open: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let offer = RwSignal::new(String::new());
    let field = format!("offer-{}", check.id);
    let check_id = check.id.clone();
    let add_offer = move || {
        let cmd = GoalCommand::Offer {
            id: goal.clone(),
            check_in: check_id.clone(),
            by: partner.clone(),
            text: offer.get_untracked(),
        };
        if state.dispatch(cmd) {
            offer.set(String::new());
        }
    };
    let parts = [
        ("Done", check.done.clone()),
        ("Next", check.next.clone()),
        ("Blocker", check.blocker.clone()),
    ];
    view! {
        <li class="check-in">
            <p class="check-in-date">{date_text(check.on)}</p>
            {parts
                .into_iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(k, t)| view! { <p><strong>{k} ": "</strong>{t}</p> })
                .collect_view()}
            {check
                .offers
                .iter()
                .map(|o| view! { <p class="offer">"How can I help? " {o.text.clone()}</p> })
                .collect_view()}
            {open.then(|| view! { <OneLineForm label="How can I help?" field=field value=offer maxlength=300 button="Offer help" on_submit=add_offer/> })}
        </li>
    }
}
