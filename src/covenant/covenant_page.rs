//! The covenant page: the team's covenant, a draft being written or the terms in force.

use super::active_covenant::ActiveCovenant;
use super::draft_editor::DraftEditor;
use super::terms_editor::STEPS;
use crate::browser;
use crate::domain::calendar::review_event;
use crate::domain::covenant::{covenant_markdown, read_draft, Covenant, CovenantState};
use crate::domain::iso::format_date;
use crate::domain::merge::plural;
use crate::domain::{CovenantCommand, Id};
use crate::state::AppState;
use crate::ui::{download_calendar, EmptyState, Field, Notices, Page};
use leptos::prelude::*;

/// A draft kept in this browser under `key` (an amendment or a review in progress), if it
/// is there and readable.
pub(super) fn read_kept<T: serde::de::DeserializeOwned>(state: AppState, key: &str) -> Option<T> {
    read_draft(state.store().get(key).ok().flatten().as_deref())
}

/// A member's name, or a placeholder for someone no longer on the team.
pub(super) fn namer(state: AppState) -> impl Fn(&Id) -> String {
    let names: Vec<(Id, String)> = state.ws.with_untracked(|ws| {
        ws.members
            .iter()
            .map(|m| (m.meta.id.clone(), m.name.clone()))
            .collect()
    });
    move |id: &Id| {
        names
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "(former member)".to_owned())
    }
}

/// Where this browser keeps the guided flow's place.
const STEP_KEY: &str = "climb.covenant-step";

/// Whether the draft is edited step by step, and which step.
#[derive(Clone, Copy)]
pub(super) struct EditorUi {
    pub guided: RwSignal<bool>,
    pub step: RwSignal<usize>,
}

/// The team covenant: the first live covenant of the workspace.
#[component]
pub fn CovenantPage() -> impl IntoView {
    let state = AppState::expect();
    // The guided flow's place survives the re-render that follows each saved change, and a
    // reload: it is kept in this browser as "guided,step" (an unreadable value reads as the
    // first step of the guided flow).
    let kept = state
        .store()
        .get(STEP_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let (guided, step) = kept.split_once(',').unwrap_or(("1", "0"));
    let ui = EditorUi {
        guided: RwSignal::new(guided != "0"),
        step: RwSignal::new(step.parse::<usize>().unwrap_or(0).min(STEPS.len() - 1)),
    };
    provide_context(ui);
    // Pushes the flow's place to storage (nothing else reads it).
    Effect::new(move |_| {
        let text = format!("{},{}", u8::from(ui.guided.get()), ui.step.get());
        let _ = state.store().set(STEP_KEY, &text);
    });
    // The covenant on screen as (id, state, version, outside edits seen, opening): the page
    // re-renders when `opening` moves. An active covenant re-renders on every change. A draft
    // saves as it is typed, and re-rendering its editor on each save would take the focus
    // away: it re-renders only when its state changes, or when a change from outside the
    // editor (Undo, Redo, another tab, a merge) changed its record.
    type Seen = Option<(Id, CovenantState, u32, u32, u32)>;
    let seen = Memo::new(move |prev: Option<&Seen>| -> Seen {
        let outside = state.outside_edits.get();
        state.ws.with(|ws| {
            let c = ws.live::<Covenant>().next()?;
            let (id, st, v) = (c.meta.id.clone(), c.state, c.meta.version);
            let opening = match prev.and_then(Option::as_ref) {
                _ if st != CovenantState::Draft => v,
                Some((pid, pst, pv, po, k)) if *pid == id && *pst == st => {
                    if *po != outside && *pv != v {
                        k.wrapping_add(1)
                    } else {
                        *k
                    }
                }
                _ => 0,
            };
            Some((id, st, v, outside, opening))
        })
    });
    let current = Memo::new(move |_| {
        seen.with(|s| s.as_ref().map(|(id, st, _, _, k)| (id.clone(), *st, *k)))
    });
    view! {
        <Page title="Team covenant" class="covenant-page" lede="A joint, public declaration of how we support each other: what we intend, how we \
                behave, who decides what, what we do when something slips, and how we know it works.">
            {move || match current.get() {
                None => view! { <StartCovenant/> }.into_any(),
                Some((id, _, _)) => {
                    let c = state.ws.with_untracked(|ws| ws.get::<Covenant>(&id).cloned());
                    c.map(|c| view! { <CovenantView covenant=c/> }).into_any()
                }
            }}
        </Page>
    }
}

#[component]
fn StartCovenant() -> impl IntoView {
    let state = AppState::expect();
    // The team on screen names the covenant's team (the default team's name is no name).
    let team_name = untrack(|| state.team_name())
        .filter(|n| n != crate::domain::teams::DEFAULT_TEAM)
        .unwrap_or_default();
    let title = RwSignal::new(if team_name.is_empty() {
        "Our team covenant".to_owned()
    } else {
        format!("{team_name} covenant")
    });
    let team = RwSignal::new(team_name);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.dispatch(CovenantCommand::Create {
            title: title.get_untracked(),
            team: team.get_untracked(),
        });
    };
    view! {
        <EmptyState title="No covenant yet">
            <p>"Write it together, in a few guided steps or in the full editor."</p>
        </EmptyState>
        <form class="new-board" on:submit=start aria-label="New covenant">
            <Field label="Title" field="cov-title" value=title/>
            <Field label="Team" field="cov-team" value=team/>
            <button type="submit" class="primary">"Start the covenant"</button>
        </form>
    }
}

/// One covenant, by state: a draft is edited; an active one is read, signed, amended.
#[component]
fn CovenantView(
    /// The covenant as stored: a draft, or an active covenant with its versions.
    covenant: Covenant,
) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let id = covenant.meta.id.clone();
    let c = covenant.clone();
    let name = namer(state);
    let version = c.current().map(|v| v.number);
    let badge = match c.state {
        CovenantState::Draft => "Draft".to_owned(),
        CovenantState::Active => format!("Active, version {}", version.unwrap_or(1)),
        CovenantState::UnderReview => format!("Under review, version {}", version.unwrap_or(1)),
    };
    let review = c
        .terms
        .review_on
        .map(|d| format_date(&d))
        .unwrap_or_else(|| "not set".to_owned());
    let today = browser::today();
    let reminder = c.review_due(today, 14).then(|| {
        let text = match c.review_overdue(today) {
            Some(d) => format!(
                "Review overdue since {}. Time to look at what we learned.",
                format_date(&d)
            ),
            None => format!("Review due: {review}. Time to look at what we learned."),
        };
        view! { <p class="focus-warning" role="status">{text}</p> }
    });
    let md = covenant_markdown(&c, &name);
    let copy = move |_| {
        browser::copy_text(&md, move |ok| {
            if ok {
                notices.success("The covenant is on the clipboard as Markdown.");
            } else {
                notices.error("The browser refused the clipboard. Try Print instead.");
            }
        })
    };
    let unclear = c.terms.unclear();
    let guidance = (!unclear.is_empty()).then(|| {
        view! {
            <details class="clarity-guidance">
                <summary>{format!("Still unclear in {} (guidance, not a blocker)", plural(unclear.len(), "clause", "clauses"))}</summary>
                <ul>
                    {unclear
                        .into_iter()
                        .map(|(t, open)| {
                            // A title that ends a sentence ("… how well.") keeps its stop out of the colon.
                            let t = t.trim().trim_end_matches(['.', ':']);
                            let t = if t.is_empty() { "untitled" } else { t };
                            view! { <li>{format!("{t}: {}", open.join(", "))}</li> }
                        })
                        .collect_view()}
                </ul>
            </details>
        }
    });
    let body = if c.state == CovenantState::Draft {
        view! { <DraftEditor covenant=c.clone()/> }.into_any()
    } else {
        view! { <ActiveCovenant covenant=c.clone()/> }.into_any()
    };
    view! {
        <header class="covenant-head">
            <h2>{c.terms.title.clone()}</h2>
            <p class="board-meta">
                <span class="goal-state">{badge}</span>
                {(!c.terms.team.is_empty()).then(|| format!(" Team {}", c.terms.team))}
                {format!(" · Review date: {review}")}
            </p>
        </header>
        {reminder}
        <div class="toolbar" role="group" aria-label="Covenant tools">
            <button on:click=copy>"Copy as Markdown"</button>
            <button on:click=move |_| browser::print()>"Print"</button>
            {review_event(&c).filter(|_| c.state != CovenantState::Draft).map(|e| view! {
                <button on:click=move |_| download_calendar(notices, "climb-covenant-review.ics", std::slice::from_ref(&e))>
                    "Add the review to a calendar"
                </button>
            })}
            <button
                class="danger"
                on:click=move |_| {
                    state.dispatch_undoable(
                        CovenantCommand::Delete { id: id.clone() },
                        "Covenant deleted.".to_owned(),
                    );
                }
            >
                "Delete covenant"
            </button>
        </div>
        {guidance}
        {body}
    }
}
