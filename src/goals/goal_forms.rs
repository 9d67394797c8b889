//! The forms on a goal: check in, drop and the no-blame review (changing its terms is in
//! `change_form.rs`).

use super::goal_card::Panel;
use crate::browser;
use crate::domain::goals::Goal;
use crate::domain::iso::parse_date;
use crate::domain::GoalCommand;
use crate::state::AppState;
use leptos::prelude::*;

/// The form behind Check in, Drop or Write the review: up to three fields.
#[component]
pub fn GoalForm(
    /// The goal the form acts on.
    goal: Goal,
    /// Which form.
    panel: Panel,
    /// Set to [`Panel::None`] to close the form.
    close: RwSignal<Panel>,
) -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let (first, second, third) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let id = goal.meta.id.clone();
    // The form's title and the labels of its fields (an empty label: no field).
    let (title, label1, label2, label3) = match panel {
        Panel::CheckIn => ("Check in", "Done", "Next", "Blocker"),
        Panel::Drop => ("Drop the goal", "Why we drop it", "", ""),
        _ => (
            "No-blame review",
            "Root cause",
            "Corrective action",
            "Review on",
        ),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (one, two, three) = (
            first.get_untracked(),
            second.get_untracked(),
            third.get_untracked(),
        );
        let id = id.clone();
        let cmd = match panel {
            Panel::CheckIn => GoalCommand::CheckIn {
                id,
                done: one,
                next: two,
                blocker: three,
                today,
            },
            Panel::Drop => GoalCommand::Drop {
                id,
                reason: one,
                today,
            },
            _ => GoalCommand::Review {
                id,
                root_cause: one,
                corrective_action: two,
                review_on: parse_date(&three),
            },
        };
        if state.dispatch(cmd) {
            close.set(Panel::None);
        }
    };
    let field = |label: &'static str, sig: RwSignal<String>, kind: &'static str| {
        (!label.is_empty()).then(|| {
            view! {
                <label class="field">
                    {label}
                    <input type=kind maxlength="1000" bind:value=sig/>
                </label>
            }
        })
    };
    let kind3 = if panel == Panel::Review {
        "date"
    } else {
        "text"
    };
    view! {
        <form class="goal-form" on:submit=submit aria-label=title>
            <h4>{title}</h4>
            {field(label1, first, "text")}
            {field(label2, second, "text")}
            {field(label3, third, kind3)}
            <div class="row-actions">
                <button type="submit" class="primary">{format!("Save: {}", title.to_lowercase())}</button>
                <button type="button" on:click=move |_| close.set(Panel::None)>"Cancel"</button>
            </div>
        </form>
    }
}
