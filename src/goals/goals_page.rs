use super::goal_card::GoalCard;
use super::momentum::Momentum;
use crate::browser;
use crate::domain::goals::{due_group, focus_warnings, DueGroup, Goal, Nudges};
use crate::domain::iso::{format_date, parse_date};
use crate::domain::roster::Member;
use crate::domain::{Command, GoalCommand, Id};
use crate::state::AppState;
use crate::ui::{member_from_value, member_options, EmptyState};
use leptos::prelude::*;

/// How the list is grouped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    ByDue,
    ByOwner,
    BySource,
    Closed,
}

/// The micro-goal tracker.
#[component]
pub fn GoalsPage() -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let view_by = RwSignal::new(View::ByDue);
    let goals = Memo::new(move |_| {
        state
            .ws
            .with(|ws| ws.live::<Goal>().cloned().collect::<Vec<_>>())
    });
    let warnings = Memo::new(move |_| {
        let w = goals.with(|g| focus_warnings(g.iter(), &Nudges::default()));
        state.ws.with(|ws| {
            w.into_iter()
                .map(|(id, n)| {
                    let who = ws
                        .get::<Member>(&id)
                        .map(|m| m.name.clone())
                        .unwrap_or_default();
                    format!("We have put {n} open goals on {who}: what can we take back?")
                })
                .collect::<Vec<_>>()
        })
    });

    let groups = move || {
        let all = goals.get();
        let names = state.ws.with(|ws| {
            ws.members
                .iter()
                .map(|m| (m.meta.id.clone(), m.name.clone()))
                .collect::<Vec<(Id, String)>>()
        });
        let name_of = |id: &Option<Id>| {
            id.as_ref()
                .and_then(|id| names.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()))
                .unwrap_or_else(|| "No owner".to_owned())
        };
        let mut out: Vec<(String, Vec<Goal>)> = Vec::new();
        let mut push = |title: String, g: Goal| match out.iter_mut().find(|(t, _)| *t == title) {
            Some((_, v)) => v.push(g),
            None => out.push((title, vec![g])),
        };
        let v = view_by.get();
        let mut all = all;
        all.sort_by_key(|g| (g.due.is_none(), g.due));
        for g in all {
            let running = g.state.is_active();
            // A missed goal stays in the working views until the team learned from it.
            let to_review = g.awaits_learning();
            if to_review && v != View::Closed {
                push("Missed: what can we learn?".to_owned(), g);
                continue;
            }
            match v {
                View::Closed if !running => push(g.state.label().to_owned(), g),
                View::Closed => {}
                _ if !running => {}
                View::ByDue => {
                    let title = match due_group(&g, today) {
                        DueGroup::Overdue => "Overdue: what's blocking you?",
                        DueGroup::ThisWeek => "This week",
                        DueGroup::Later => "Later",
                        _ => "No due date",
                    };
                    push(title.to_owned(), g)
                }
                View::ByOwner => push(name_of(&g.owner), g),
                View::BySource => {
                    let title = if g.card.is_some() {
                        "From a board"
                    } else if g.clause.is_some() {
                        "From the covenant"
                    } else if g.from_goal.is_some() {
                        "From a review"
                    } else {
                        "Set directly"
                    };
                    push(title.to_owned(), g)
                }
            }
        }
        if v == View::ByDue {
            let order = [
                "Missed: what can we learn?",
                "Overdue: what's blocking you?",
                "This week",
                "Later",
                "No due date",
            ];
            out.sort_by_key(|(t, _)| order.iter().position(|o| o == t));
        }
        if out.is_empty() {
            return view! {
                <EmptyState title="Nothing here">
                    <p>"No micro-goals in this view yet. Add one below, under New micro-goal: small, with a way to check it."</p>
                </EmptyState>
            }
            .into_any();
        }
        out.into_iter()
            .map(|(title, gs)| {
                view! {
                    <section class="goal-group" aria-label=title.clone()>
                        <h3>{title.clone()} " " <span class="count">{gs.len()}</span></h3>
                        <ul class="goal-list">
                            <For each=move || gs.clone() key=|g| (g.meta.id.clone(), g.meta.version) let:g>
                                <GoalCard goal=g/>
                            </For>
                        </ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };

    let tab = move |v: View, label: &'static str| {
        view! {
            <button
                role="tab"
                aria-selected=move || (view_by.get() == v).to_string()
                on:click=move |_| view_by.set(v)
            >
                {label}
            </button>
        }
    };

    let notices = crate::ui::Notices::expect();
    let all_to_calendar = move |_| {
        let events: Vec<_> = state.ws.with_untracked(|ws| {
            let name = |p: &Option<Id>| {
                p.as_ref()
                    .and_then(|p| ws.get::<crate::domain::roster::Member>(p))
                    .map(|m| m.name.clone())
                    .unwrap_or_default()
            };
            ws.live::<Goal>()
                .flat_map(|g| crate::domain::calendar::goal_events(g, &name))
                .collect()
        });
        crate::ui::download_calendar(notices, "climb-goals.ics", &events);
    };
    // Every goal (open and closed) as a spreadsheet file, for trackers outside Climb.
    let to_spreadsheet = move |_| {
        let (count, csv) = state.ws.with_untracked(|ws| {
            (
                ws.live::<Goal>().count(),
                crate::domain::spreadsheet::goals_csv(ws),
            )
        });
        if count == 0 {
            notices.info("Nothing to export yet: add a micro-goal first.");
            return;
        }
        match crate::browser::download("climb-goals.csv", &csv, "text/csv") {
            Ok(()) => notices.success(format!(
                "climb-goals.csv is downloaded: {count} micro-goals, one a row, for a spreadsheet."
            )),
            Err(e) => notices.error(format!("The spreadsheet could not be downloaded: {e}.")),
        }
    };
    view! {
        <section class="page">
            <h1>"Micro-goals"</h1>
            <p class="lede">
                "Small commitments anyone can check, with a partner, regular check-ins and no blame "
                "when one slips: we ask what we can learn, not who failed."
            </p>
            {move || {
                let w = warnings.get();
                (!w.is_empty())
                    .then(|| {
                        view! {
                            <div class="focus-warning" role="status">
                                <strong>"Focus: "</strong>
                                {w.join(" ")}
                            </div>
                        }
                    })
            }}
            <h2 class="visually-hidden">"Our goals"</h2>
            <div role="tablist" aria-label="Show goals" class="tabs">
                {tab(View::ByDue, "By due date")}
                {tab(View::ByOwner, "By owner")}
                {tab(View::BySource, "By source")}
                {tab(View::Closed, "Done and closed")}
            </div>
            <div class="goal-groups">{groups}</div>
            <div class="row-actions">
                <button on:click=all_to_calendar>"Calendar file of all open goals"</button>
                <button on:click=to_spreadsheet>"Spreadsheet of all goals (CSV)"</button>
            </div>
            // The goals come first (on a phone especially): what needs us, then a new one.
            <NewGoal/>
            <Momentum/>
        </section>
    }
}

/// The form for a new goal.
#[component]
fn NewGoal() -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let outcome = RwSignal::new(String::new());
    let owner = RwSignal::new(None::<Id>);
    let partner = RwSignal::new(None::<Id>);
    let due = RwSignal::new(format_date(&(today + chrono::Duration::days(7))));
    let follow_up = RwSignal::new(String::new());
    let verification = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let cmd = GoalCommand::Create {
            outcome: outcome.get_untracked(),
            owner: owner.get_untracked(),
            partner: partner.get_untracked(),
            due: parse_date(&due.get_untracked()),
            follow_up: parse_date(&follow_up.get_untracked()),
            verification: verification.get_untracked(),
            card: None,
            clause: None,
            today,
        };
        if state.dispatch(Command::Goal(cmd)) {
            outcome.set(String::new());
            verification.set(String::new());
        }
    };
    let text = |id: &'static str, label: &'static str, sig: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    maxlength="300"
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev))
                />
            </div>
        }
    };
    let date = |id: &'static str, label: &'static str, sig: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="date"
                    prop:value=move || sig.get()
                    on:input=move |ev| sig.set(event_target_value(&ev))
                />
            </div>
        }
    };
    view! {
        <form class="new-board" on:submit=submit aria-label="New micro-goal">
            <h2>"New micro-goal"</h2>
            {text("goal-outcome", "Outcome (one sentence anyone can check)", outcome)}
            <div class="field-row">
                <div class="field">
                    <label for="goal-owner">"Owner"</label>
                    <select id="goal-owner" on:change=move |ev| owner.set(member_from_value(event_target_value(&ev)))>
                        {member_options(state, "No owner yet", None)}
                    </select>
                </div>
                <div class="field">
                    <label for="goal-partner">"Partner"</label>
                    <select id="goal-partner" on:change=move |ev| partner.set(member_from_value(event_target_value(&ev)))>
                        {member_options(state, "No partner", None)}
                    </select>
                </div>
                {date("goal-due", "Due", due)}
                {date("goal-follow-up", "Follow-up", follow_up)}
            </div>
            {text("goal-verify", "How we will know it is done", verification)}
            <button type="submit" class="primary">"Add goal"</button>
        </form>
    }
}
