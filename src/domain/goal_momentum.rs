//! Momentum: goals done per week, and the streak of weeks with a goal done (break weeks
//! neither count nor break it).

use super::goals::{Goal, GoalState};
use chrono::{Datelike, Duration, NaiveDate};

/// Monday of the week holding `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Goals done per week for the `weeks` weeks ending with the week of `today`, oldest first, as
/// (Monday, count).
pub fn done_per_week<'a>(
    goals: impl IntoIterator<Item = &'a Goal>,
    today: NaiveDate,
    weeks: usize,
) -> Vec<(NaiveDate, usize)> {
    let this_week = week_start(today);
    let mut out: Vec<(NaiveDate, usize)> = (0..weeks)
        .rev()
        .map(|i| (this_week - Duration::weeks(i as i64), 0))
        .collect();
    for g in goals {
        if let (GoalState::Done, Some(on)) = (g.state, g.closed_on) {
            let w = week_start(on);
            if let Some(slot) = out.iter_mut().find(|(m, _)| *m == w) {
                slot.1 += 1;
            }
        }
    }
    out
}

/// Consecutive weeks with at least one goal done, ending this week (or last week, when this
/// week has none yet: a streak is not broken before the week is over). A break week (its
/// Monday in `breaks`) with nothing done neither counts nor breaks the streak.
pub fn streak<'a>(
    goals: impl IntoIterator<Item = &'a Goal>,
    today: NaiveDate,
    breaks: &[NaiveDate],
) -> usize {
    let weeks: std::collections::BTreeSet<NaiveDate> = goals
        .into_iter()
        .filter(|g| g.state == GoalState::Done)
        .filter_map(|g| g.closed_on)
        .filter(|d| *d <= today)
        .map(week_start)
        .collect();
    let is_break = |w: &NaiveDate| breaks.binary_search(w).is_ok();
    let mut week = week_start(today);
    if !weeks.contains(&week) {
        week -= Duration::weeks(1);
    }
    let mut n = 0;
    // Ends: the done weeks and the break weeks are finitely many.
    loop {
        if weeks.contains(&week) {
            n += 1;
        } else if !is_break(&week) {
            return n;
        }
        week -= Duration::weeks(1);
    }
}
