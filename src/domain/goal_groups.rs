//! The goals page's lists: goals grouped by due date, by owner, by where they came from, or
//! closed, each group with its heading.

use super::goals::{due_group, DueGroup, Goal};
use super::meta::Id;
use chrono::NaiveDate;

/// How the goals page groups its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalView {
    ByDue,
    ByOwner,
    BySource,
    Closed,
}

/// The heading of missed goals that still wait for their review: in every working view.
pub const TO_LEARN: &str = "Missed: what can we learn?";

/// The due-date headings, in the order they are shown.
const DUE_ORDER: [&str; 5] = [
    TO_LEARN,
    "Overdue: what's blocking you?",
    "This week",
    "Later",
    "No due date",
];

/// Where a goal came from, as its heading in the By source view.
pub fn source_heading(g: &Goal) -> &'static str {
    if g.card.is_some() {
        "From a board"
    } else if g.clause.is_some() {
        "From the covenant"
    } else if g.from_check.is_some() {
        "From a safety check"
    } else if g.from_goal.is_some() {
        "From a review"
    } else {
        "Set directly"
    }
}

/// The groups of `view`, each a heading and its goals (soonest due first, goals without a
/// due date last). Working views show running goals, plus missed goals still waiting for
/// their review; Closed shows every other goal under its state. Owners are named by
/// `owner`. Groups appear in the order of their first goal, except by due date, which keeps
/// the fixed order from missed to no date.
pub fn goal_groups(
    goals: &[Goal],
    view: GoalView,
    today: NaiveDate,
    owner: &dyn Fn(&Option<Id>) -> String,
) -> Vec<(String, Vec<Goal>)> {
    let mut sorted: Vec<&Goal> = goals.iter().collect();
    sorted.sort_by_key(|g| (g.due.is_none(), g.due));
    let mut out: Vec<(String, Vec<Goal>)> = Vec::new();
    let mut push = |title: String, g: &Goal| match out.iter_mut().find(|(t, _)| *t == title) {
        Some((_, v)) => v.push(g.clone()),
        None => out.push((title, vec![g.clone()])),
    };
    for g in sorted {
        let running = g.state.is_active();
        // A missed goal stays in the working views until the team learned from it.
        if g.awaits_learning() && view != GoalView::Closed {
            push(TO_LEARN.to_owned(), g);
            continue;
        }
        match view {
            GoalView::Closed if !running => push(g.state.label().to_owned(), g),
            GoalView::Closed => {}
            _ if !running => {}
            GoalView::ByDue => {
                let title = match due_group(g, today) {
                    DueGroup::Overdue => DUE_ORDER[1],
                    DueGroup::ThisWeek => DUE_ORDER[2],
                    DueGroup::Later => DUE_ORDER[3],
                    _ => DUE_ORDER[4],
                };
                push(title.to_owned(), g)
            }
            GoalView::ByOwner => push(owner(&g.owner), g),
            GoalView::BySource => push(source_heading(g).to_owned(), g),
        }
    }
    if view == GoalView::ByDue {
        out.sort_by_key(|(t, _)| DUE_ORDER.iter().position(|o| o == t));
    }
    out
}
