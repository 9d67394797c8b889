//! Each condition across the team's checks: a small line chart, its text alternative, and
//! the same figures as a table. The team against itself only.

use crate::domain::check::Condition;
use crate::domain::check_results::{one_decimal, trend, TrendPoint};
use crate::state::AppState;
use crate::ui::FigureTable;
use leptos::prelude::*;

const W: f64 = 320.0;
const H: f64 = 120.0;
const PAD: f64 = 12.0;

/// Where one condition's mean at each check sits on the chart.
fn coords(t: &[TrendPoint], c: Condition) -> Vec<(f64, f64)> {
    let step = if t.len() > 1 {
        (W - 2.0 * PAD) / (t.len() - 1) as f64
    } else {
        0.0
    };
    t.iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let m = p.means.iter().find(|m| m.0 == c)?.1?;
            let x = if t.len() > 1 {
                PAD + step * i as f64
            } else {
                W / 2.0
            };
            let y = H - PAD - (m - 1.0) / 4.0 * (H - 2.0 * PAD);
            Some((x, y))
        })
        .collect()
}

/// One condition's line, with a dot at each check (a single check is a dot alone).
fn series(t: &[TrendPoint], c: Condition) -> impl IntoView {
    let xy = coords(t, c);
    let points = xy
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = xy
        .into_iter()
        .map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3.5"/> })
        .collect_view();
    view! {
        <g class=format!("trend-{}", c.key())>
            <polyline points=points fill="none"/>
            {dots}
        </g>
    }
}

/// "Psychological safety: 3.2, then 3.8. …" for screen readers.
fn alternative(t: &[TrendPoint]) -> String {
    Condition::ALL
        .into_iter()
        .map(|c| {
            let values: Vec<String> = t
                .iter()
                .map(|p| {
                    p.means
                        .iter()
                        .find(|m| m.0 == c)
                        .and_then(|m| m.1)
                        .map(one_decimal)
                        .unwrap_or_else(|| "none".to_owned())
                })
                .collect();
            format!("{}: {}.", c.label(), values.join(", then "))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The trend, once a check has results.
#[component]
pub fn TrendView() -> impl IntoView {
    let state = AppState::expect();
    let data = Memo::new(move |_| {
        let team = state.team.get();
        state.ws.with(|ws| trend(ws, team.as_ref()))
    });
    move || {
        let t = data.get();
        if t.is_empty() {
            return view! {
                <p class="hint">"The trend appears here once a check's results are shown."</p>
            }
            .into_any();
        }
        let lines = Condition::ALL
            .into_iter()
            .map(|c| series(&t, c))
            .collect_view();
        let rows = t
            .iter()
            .map(|p| {
                let cells = p
                    .means
                    .iter()
                    .map(|m| view! { <td>{m.1.map(one_decimal).unwrap_or_else(|| "–".to_owned())}</td> })
                    .collect_view();
                view! { <tr><th scope="row">{p.title.clone()}</th>{cells}<td>{p.responses}</td></tr> }
            })
            .collect_view();
        view! {
            <section class="check-trend" aria-labelledby="trend-title">
                <h2 id="trend-title">"Trend"</h2>
                <p class="hint">"Average score per condition at each check (1 to 5). The team's own instrument, not a score to report upward."</p>
                {(t.len() > 1).then(|| view! {
                <svg class="trend-chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=alternative(&t)>
                    {lines}
                </svg>
                <ul class="trend-legend" aria-hidden="true">
                    {Condition::ALL.into_iter().map(|c| view! { <li class=format!("trend-{}", c.key())>{c.label()}</li> }).collect_view()}
                </ul>
                })}
                <FigureTable
                    name="Each condition across checks"
                    class="trend-table"
                    heads=std::iter::once("Check")
                        .chain(Condition::ALL.into_iter().map(Condition::label))
                        .chain(std::iter::once("Responses"))
                        .collect()
                >
                    {rows}
                </FigureTable>
            </section>
        }
        .into_any()
    }
}
