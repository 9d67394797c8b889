//! The boards page's trend: the share of cards above the line per board, as a chart and a
//! table.

use crate::domain::iso::format_date;
use crate::domain::ladder::{trend, Board, TrendPoint};
use crate::state::AppState;
use crate::ui::FigureTable;
use leptos::prelude::*;

// Whole SVG units throughout: formatting floats would pull ~10 KB of float printing code
// into the WebAssembly.
const W: i32 = 640;
const H: i32 = 260;
const LEFT: i32 = 48;
const RIGHT: i32 = 16;
const TOP: i32 = 16;
const BOTTOM: i32 = 56;

/// Share of cards above the line per board, over time: an SVG plot with labelled axes, and the
/// same figures as a table for screen readers and for reading exact values.
#[component]
pub fn TrendChart() -> impl IntoView {
    let state = AppState::expect();
    let teams = Memo::new(move |_| {
        state.ws.with(|ws| {
            let mut t: Vec<String> = ws
                .live::<Board>()
                .map(|b| b.team.clone())
                .filter(|t| !t.is_empty())
                .collect();
            t.sort_by_key(|x| x.to_lowercase());
            t.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
            t
        })
    });
    let team = RwSignal::new(String::new());
    let points = Memo::new(move |_| {
        let team = team.get();
        state.ws.with(|ws| trend(ws, &team))
    });
    view! {
        <section class="trend" aria-labelledby="trend-title">
            <h2 id="trend-title">"Share above the line, board by board"</h2>
            // Team names on boards from before teams: a choice only where they differ.
            {move || (teams.with(Vec::len) > 1).then(|| view! {
                <label>
                    "Team name on the boards "
                    <select on:change=move |ev| team.set(event_target_value(&ev))>
                        <option value="">"All boards"</option>
                        {teams
                            .get()
                            .into_iter()
                            .map(|t| view! { <option value=t.clone()>{t.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
            })}
            {move || {
                let pts = points.get();
                if pts.iter().all(|p| p.share_above.is_none()) {
                    view! {
                        <p class="empty-chart">"The chart appears once a board has cards on its rungs."</p>
                    }
                        .into_any()
                } else {
                    view! { {plot(&pts)} {table(&pts)} }.into_any()
                }
            }}
        </section>
    }
}

fn label(p: &TrendPoint) -> String {
    match p.date {
        Some(d) => format_date(&d),
        None => p.title.chars().take(12).collect(),
    }
}

fn plot(pts: &[TrendPoint]) -> impl IntoView {
    let n = pts.len().max(1) as i32;
    let step = (W - LEFT - RIGHT) / n;
    let x = move |i: usize| LEFT + step * i as i32 + step / 2;
    // y of a percentage (0 to 100).
    let y = |pct: i32| TOP + (100 - pct) * (H - TOP - BOTTOM) / 100;
    let line: String = pts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.share_above.map(|s| format!("{},{}", x(i), y(pct(s)))))
        .collect::<Vec<_>>()
        .join(" ");
    let grid = [0, 25, 50, 75, 100].map(|p| {
        view! {
            <line class="grid" x1=LEFT x2=W - RIGHT y1=y(p) y2=y(p)/>
            <text class="axis-label" x=LEFT - 6 y=y(p) + 4 text-anchor="end">
                {format!("{p}%")}
            </text>
        }
    });
    let marks = pts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let dot = p.share_above.map(|s| {
                view! {
                    <circle class="dot" cx=x(i) cy=y(pct(s)) r="5">
                        <title>{format!("{}: {}% above the line", p.title, pct(s))}</title>
                    </circle>
                }
            });
            view! {
                {dot}
                <text class="axis-label" x=x(i) y=H - BOTTOM + 18 text-anchor="middle">
                    {label(p)}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {W} {H}")
            role="img"
            aria-label="Line chart of the share of cards above the line for each board; the same figures are in the table below."
        >
            {grid}
            <line class="axis" x1=LEFT x2=LEFT y1=TOP y2=H - BOTTOM/>
            <line class="axis" x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM/>
            <polyline class="trend-line" points=line fill="none"/>
            {marks}
            <text class="axis-title" x=(LEFT + W - RIGHT) / 2 y=H - 8 text-anchor="middle">
                "Board (by date)"
            </text>
        </svg>
    }
}

fn pct(share: f64) -> i32 {
    (share * 100.0).round() as i32
}

fn table(pts: &[TrendPoint]) -> impl IntoView {
    let rows = pts
        .iter()
        .map(|p| {
            view! {
                <tr>
                    <td>{p.title.clone()}</td>
                    <td>{p.date.map(|d| format_date(&d)).unwrap_or_default()}</td>
                    <td>
                        {p.share_above
                            .map(|s| format!("{}%", pct(s)))
                            .unwrap_or_else(|| "no cards placed".to_owned())}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <FigureTable
            name="Share of placed cards above the line"
            class="trend-table"
            heads=vec!["Board", "Date", "Above the line"]
        >
            {rows}
        </FigureTable>
    }
}
