//! The covenant's history: versions and reviews in the order they happened, and a clause by
//! clause comparison of any two versions with the changed words marked.

use super::covenant_page::namer;
use crate::domain::covenant::{
    changed_words, diff, shown_diff, Covenant, DiffLine, Piece, ReviewOutcome,
};
use crate::domain::iso::format_date;
use crate::state::AppState;
use leptos::prelude::*;

/// A changed line's words, the changed ones marked.
fn pieces(list: Vec<Piece>) -> impl IntoView {
    list.into_iter()
        .map(|p| {
            if p.changed {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

/// The diff's lines; a removed line followed by an added one is a changed clause, shown
/// with its changed words marked.
fn diff_lines(lines: Vec<DiffLine>) -> impl IntoView {
    let mut out = Vec::new();
    let mut it = lines.into_iter().peekable();
    while let Some(l) = it.next() {
        out.push(match l {
            DiffLine::Removed(old) if matches!(it.peek(), Some(DiffLine::Added(_))) => {
                let Some(DiffLine::Added(new)) = it.next() else {
                    continue;
                };
                let (before, after) = changed_words(&old, &new);
                view! {
                    <li class="removed"><del>{pieces(before)}</del></li>
                    <li class="added"><ins>{pieces(after)}</ins></li>
                }
                .into_any()
            }
            DiffLine::Same(t) => view! { <li class="same">{t}</li> }.into_any(),
            DiffLine::Removed(t) => view! { <li class="removed"><del>{t}</del></li> }.into_any(),
            DiffLine::Added(t) => view! { <li class="added"><ins>{t}</ins></li> }.into_any(),
            DiffLine::Note(t) => view! { <li class="note">{t}</li> }.into_any(),
        });
    }
    out.collect_view()
}

/// Versions and reviews, newest last, and the comparison of two versions.
#[component]
pub fn History(
    /// The covenant as stored.
    covenant: Covenant,
) -> impl IntoView {
    let state = AppState::expect();
    let versions = covenant.versions.clone();
    let n = versions.len();
    let from = RwSignal::new(n.saturating_sub(2));
    let to = RwSignal::new(n.saturating_sub(1));
    // Versions and reviews by time.
    let mut events: Vec<(chrono::DateTime<chrono::Utc>, String)> = versions
        .iter()
        .map(|v| {
            let text = format!(
                "Version {} on {}: {}",
                v.number,
                format_date(&v.at.date_naive()),
                v.reason
            );
            (v.at, text)
        })
        .collect();
    events.extend(covenant.reviews.iter().map(|r| {
        let outcome = match r.outcome {
            ReviewOutcome::Reaffirmed => format!("reaffirmed version {}", r.version),
            ReviewOutcome::Amended => format!("amended to version {}", r.version),
        };
        let next = r
            .next
            .map(|d| format!(" Next review: {}.", format_date(&d)))
            .unwrap_or_default();
        let text = format!(
            "Review on {}, {outcome}. We learned: {}{next}",
            format_date(&r.at.date_naive()),
            r.learned
        );
        (r.at, text)
    }));
    events.sort_by_key(|(at, _)| *at);
    let diff_view = move || {
        let (a, b) = (from.get(), to.get());
        let (Some(va), Some(vb)) = (versions.get(a), versions.get(b)) else {
            return ().into_any();
        };
        let name = namer(state);
        diff_lines(shown_diff(
            diff(&va.terms.lines(&name), &vb.terms.lines(&name)),
            2,
            400,
        ))
        .into_any()
    };
    let pick = move |sig: RwSignal<usize>, label: &'static str| {
        view! {
            <label>
                {label}
                " "
                <select on:change=move |ev| sig.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {(0..n)
                        .map(|i| view! { <option value=i.to_string() selected=move || sig.get() == i>{format!("Version {}", i + 1)}</option> })
                        .collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <section aria-labelledby="versions-h">
            <h3 id="versions-h">"Versions and reviews"</h3>
            <ol class="versions" aria-label="Versions and reviews">
                {events.into_iter().map(|(_, t)| view! { <li>{t}</li> }).collect_view()}
            </ol>
            {(n > 1)
                .then(|| {
                    view! {
                        <div class="inline-form">{pick(from, "Compare")} {pick(to, "with")}</div>
                        <ul class="diff" aria-label="Changes between versions">{diff_view}</ul>
                    }
                })}
        </section>
    }
}
