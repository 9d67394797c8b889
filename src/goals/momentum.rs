//! The goals page's momentum: goals done per week and the current streak.

use crate::browser;
use crate::domain::goals::{done_per_week, streak, Goal};
use crate::domain::iso::format_date;
use crate::domain::rhythm::Rhythm;
use crate::state::AppState;
use crate::ui::FigureTable;
use leptos::prelude::*;

const WEEKS: usize = 8;
const W: i32 = 480;
const H: i32 = 160;
const LEFT: i32 = 32;
const BOTTOM: i32 = 36;
// Room above the tallest bar for its figure (12 px text, drawn 4 px above the bar).
const TOP: i32 = 24;

/// Goals done per week over the last weeks, and the current streak: small wins, shown.
/// Missed goals never appear here; a break week (set with the team's rhythm) reads "break".
#[component]
pub fn Momentum() -> impl IntoView {
    let state = AppState::expect();
    let today = browser::today();
    let figures = Memo::new(move |_| {
        state.ws.with(|ws| {
            let rhythm = Rhythm::of(ws);
            let weeks = done_per_week(ws.live::<Goal>(), today, WEEKS)
                .into_iter()
                .map(|(monday, n)| (monday, n, rhythm.is_break(monday)))
                .collect::<Vec<_>>();
            (weeks, streak(ws.live::<Goal>(), today, &rhythm.breaks))
        })
    });
    view! {
        <section class="momentum" aria-labelledby="momentum-title">
            <h2 id="momentum-title">"Momentum"</h2>
            <p class="streak">
                {move || match figures.with(|f| f.1) {
                    0 => "No streak yet: one done goal this week starts one.".to_owned(),
                    1 => "Streak: 1 week with a goal done.".to_owned(),
                    n => format!("Streak: {n} weeks in a row with a goal done."),
                }}
            </p>
            {move || {
                let (weeks, _) = figures.get();
                let max = weeks.iter().map(|w| w.1).max().unwrap_or(0).max(1) as i32;
                let step = (W - LEFT) / WEEKS as i32;
                let bars = weeks
                    .iter()
                    .enumerate()
                    .map(|(i, (monday, n, rest))| {
                        let h = (*n as i32) * (H - TOP - BOTTOM) / max;
                        let x = LEFT + step * i as i32 + 4;
                        let label = format_date(monday).get(5..).unwrap_or("").to_owned();
                        view! {
                            <rect class="bar" x=x y=H - BOTTOM - h width=step - 8 height=h>
                                <title>{format!("Week of {}: {}", format_date(monday), done(*n, *rest))}</title>
                            </rect>
                            <text class="axis-label" x=x + (step - 8) / 2 y=H - BOTTOM + 16 text-anchor="middle">
                                {label}
                            </text>
                            <text class="bar-value" x=x + (step - 8) / 2 y=H - BOTTOM - h - 4 text-anchor="middle">
                                {if *rest && *n == 0 { "break".to_owned() } else { n.to_string() }}
                            </text>
                        }
                    })
                    .collect_view();
                let total: usize = weeks.iter().map(|w| w.1).sum();
                let breaks = weeks.iter().filter(|w| w.2).count();
                view! {
                    <svg
                        class="chart"
                        viewBox=format!("0 0 {W} {H}")
                        role="img"
                        aria-label=format!(
                            "Bar chart of goals done per week over the last {WEEKS} weeks: {total} in all{}.",
                            match breaks {
                                0 => String::new(),
                                1 => ", with 1 break week".to_owned(),
                                n => format!(", with {n} break weeks"),
                            },
                        )
                    >
                        <line class="axis" x1=LEFT x2=W y1=H - BOTTOM y2=H - BOTTOM/>
                        {bars}
                        <text class="axis-title" x=W / 2 y=H - 4 text-anchor="middle">
                            "Week starting (month-day)"
                        </text>
                    </svg>
                    <FigureTable name="Goals done per week" class="trend-table" heads=vec!["Week of", "Done"]>
                        {weeks
                            .iter()
                            .map(|(m, n, rest)| view! { <tr><td>{format_date(m)}</td><td>{done(*n, *rest)}</td></tr> })
                            .collect_view()}
                    </FigureTable>
                }
            }}
        </section>
    }
}

/// A week's figure in words: "2 done", or "a break" (with what was done anyway).
fn done(n: usize, rest: bool) -> String {
    match (rest, n) {
        (true, 0) => "a break".to_owned(),
        (true, n) => format!("{n} done (a break week)"),
        (false, n) => format!("{n} done"),
    }
}
