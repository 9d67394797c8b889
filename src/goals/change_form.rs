//! The form that renegotiates a goal: new terms with the reason, kept in the goal's history.

use super::goal_card::{date_text, Panel};
use crate::browser;
use crate::domain::covenant::{Covenant, CovenantState};
use crate::domain::goals::Goal;
use crate::domain::iso::parse_date;
use crate::domain::{Command, GoalCommand};
use crate::state::AppState;
use crate::ui::{chosen_id, member_options, Notices};
use leptos::prelude::*;

/// The clauses of the covenant in force, by id and title, for a goal to serve.
fn clauses(state: AppState) -> Vec<(crate::domain::Id, String)> {
    state.ws.with_untracked(|ws| {
        ws.live::<Covenant>()
            .filter(|c| c.state != CovenantState::Draft)
            .flat_map(|c| c.terms.clauses().cloned())
            .map(|c| (c.id, c.title))
            .collect()
    })
}

/// Changing a goal's terms. Outcome, owner and due date change only openly, with a reason
/// (walk the talk); partner, follow-up, verification, the clause and the risk are edits.
#[component]
pub fn ChangeForm(
    /// The goal as stored.
    goal: Goal,
    /// Set to [`Panel::None`] to close the form.
    close: RwSignal<Panel>,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let id = goal.meta.id.clone();
    let outcome = RwSignal::new(goal.outcome.clone());
    let owner = RwSignal::new(goal.owner.clone());
    let due = RwSignal::new(date_text(goal.due));
    let reason = RwSignal::new(String::new());
    let partner = RwSignal::new(goal.partner.clone());
    let follow_up = RwSignal::new(date_text(goal.follow_up));
    let verification = RwSignal::new(goal.verification.clone());
    let risk = RwSignal::new(goal.risk.clone());
    let clause = RwSignal::new(goal.clause.clone());
    let old = goal.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = browser::today();
        let (new_outcome, new_due) = (outcome.get_untracked(), parse_date(&due.get_untracked()));
        let edit = GoalCommand::Edit {
            id: id.clone(),
            partner: partner.get_untracked(),
            follow_up: parse_date(&follow_up.get_untracked()),
            verification: verification.get_untracked(),
            clause: clause.get_untracked(),
            risk: risk.get_untracked(),
        };
        let renegotiated = new_outcome.trim() != old.outcome
            || new_due != old.due
            || owner.get_untracked() != old.owner;
        // Nothing is saved unless all of it can be.
        if renegotiated && reason.get_untracked().trim().is_empty() {
            notices
                .error("Say why the commitment changes, in a few words: it is kept with the goal.");
            return;
        }
        let edited = old.partner != partner.get_untracked()
            || old.follow_up != parse_date(&follow_up.get_untracked())
            || old.verification != verification.get_untracked().trim()
            || old.clause != clause.get_untracked()
            || old.risk != risk.get_untracked().trim();
        // One change, so nothing is saved unless all of it can be, and one Undo reverts it.
        let mut all: Vec<Command> = Vec::new();
        if edited {
            all.push(edit.into());
        }
        if new_outcome.trim() != old.outcome || new_due != old.due {
            all.push(
                GoalCommand::Renegotiate {
                    id: id.clone(),
                    outcome: new_outcome,
                    due: new_due,
                    reason: reason.get_untracked(),
                    today,
                }
                .into(),
            );
        }
        if owner.get_untracked() != old.owner {
            all.push(
                GoalCommand::ChangeOwner {
                    id: id.clone(),
                    owner: owner.get_untracked(),
                    reason: reason.get_untracked(),
                    today,
                }
                .into(),
            );
        }
        if !state.dispatch(Command::All(all)) {
            return;
        }
        close.set(Panel::None);
    };
    let person = move |label: &'static str, sig: RwSignal<Option<crate::domain::Id>>| {
        view! {
            <label class="field">
                {label}
                <select on:change=move |ev| sig.set(chosen_id(&ev))>
                    {member_options(state, "Nobody yet", sig.get_untracked())}
                </select>
            </label>
        }
    };
    let choices = clauses(state);
    view! {
        <form class="goal-form" on:submit=submit aria-label="Renegotiate">
            <h4>"Renegotiate or edit"</h4>
            <fieldset>
                <legend>"The commitment: changes are logged with the reason"</legend>
                <label class="field">"Outcome" <input type="text" maxlength="1000" bind:value=outcome/></label>
                {person("Owner", owner)}
                <label class="field">"New due date" <input type="date" bind:value=due/></label>
                <label class="field">"Why it changes" <input type="text" maxlength="1000" bind:value=reason/></label>
            </fieldset>
            <fieldset>
                <legend>"Support and links"</legend>
                {person("Partner", partner)}
                <label class="field">"Follow-up date" <input type="date" bind:value=follow_up/></label>
                <label class="field">"How we will know it is done" <input type="text" maxlength="1000" bind:value=verification/></label>
                <label class="field">"What could get in the way, and how we prevent it" <input type="text" maxlength="1000" bind:value=risk/></label>
                {(!choices.is_empty()).then(|| view! {
                    <label class="field">
                        "Serves the covenant clause"
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            clause.set((!v.is_empty()).then_some(crate::domain::Id(v)))
                        }>
                            <option value="" selected=clause.get_untracked().is_none()>"None"</option>
                            {choices
                                .into_iter()
                                .map(|(cid, title)| {
                                    let sel = clause.get_untracked().as_ref() == Some(&cid);
                                    view! { <option value=cid.to_string() selected=sel>{title}</option> }
                                })
                                .collect_view()}
                        </select>
                    </label>
                })}
            </fieldset>
            <div class="row-actions">
                <button type="submit" class="primary">"Save: renegotiate"</button>
                <button type="button" on:click=move |_| close.set(Panel::None)>"Cancel"</button>
            </div>
        </form>
    }
}
