//! The boards page: every board of the team, the new-board form and the trend across boards.

use super::new_board::NewBoard;
use super::trend_chart::TrendChart;
use crate::domain::iso::format_date;
use crate::domain::ladder::{summarize, Board, Card};
use crate::domain::{BoardCommand, Id};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::{EmptyState, Page};
use leptos::prelude::*;

/// One row of the boards list.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    title: String,
    date: String,
    team: String,
    cards: usize,
    above: Option<u32>,
}

/// All boards of the workspace, the form for a new one, and the trend across boards.
#[component]
pub fn BoardsPage() -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        state.ws.with(|ws| {
            let mut rows: Vec<Row> = ws
                .live::<Board>()
                .map(|b| {
                    let cards: Vec<&Card> = ws
                        .live::<Card>()
                        .filter(|c| c.board_id == b.meta.id)
                        .collect();
                    let s = summarize(b, cards.iter().copied());
                    Row {
                        id: b.meta.id.clone(),
                        title: b.title.clone(),
                        date: b.date.map(|d| format_date(&d)).unwrap_or_default(),
                        team: b.team.clone(),
                        cards: cards.len(),
                        above: s.percent_above(),
                    }
                })
                .collect();
            // Newest first; undated boards last (ISO dates sort as text).
            rows.sort_by(|a, b| (a.date.is_empty(), &b.date).cmp(&(b.date.is_empty(), &a.date)));
            rows
        })
    });
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));

    view! {
        <Page title="Ladder retro boards" lede="Map recent challenges onto the Accountability Ladder, see where the line falls, \
                and climb the cards that matter. We rate situations, never people.">
            <NewBoard/>
            <h2>"Boards"</h2>
            {move || {
                if empty.get() {
                    view! {
                        <EmptyState title="No boards yet">
                            <p>"Create the first board above: give it a title and press Create board."</p>
                        </EmptyState>
                    }
                        .into_any()
                } else {
                    view! {
                        <ul class="board-list" aria-label="Boards">
                            <For each=move || rows.get() key=|r| r.clone() let:row>
                                <BoardRow row=row/>
                            </For>
                        </ul>
                    }
                        .into_any()
                }
            }}
            <TrendChart/>
        </Page>
    }
}

#[component]
fn BoardRow(
    /// The board's line in the list: title, date, team, cards and share above the line.
    row: Row,
) -> impl IntoView {
    let state = AppState::expect();
    let Row {
        id,
        title,
        date,
        team,
        cards,
        above,
    } = row;
    let details = [
        date,
        if team.is_empty() {
            String::new()
        } else {
            format!("Team {team}")
        },
        crate::domain::merge::plural(cards, "card", "cards"),
        above
            .map(|p| format!("{p}% above the line"))
            .unwrap_or_else(|| "none placed".to_owned()),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let dup = id.clone();
    let del = id.clone();
    let router = crate::router::Router::expect();
    let notices = crate::ui::Notices::expect();
    let del_title = title.clone();
    let dup_label = format!("Duplicate {title}");
    let del_label = format!("Delete {title}");
    view! {
        <li class="board-row">
            <Link href=format!("/boards/{id}") class="board-link">
                {title}
            </Link>
            <span class="board-details">{details}</span>
            <span class="row-actions">
                <button
                    aria-label=dup_label
                    on:click=move |_| {
                        // Say what was made, and offer to open it.
                        state.dispatch_with(
                            BoardCommand::Duplicate { id: dup.clone() },
                            |change| {
                                let Some(new) = change.created().cloned() else { return };
                                let title = state.ws.with_untracked(|ws| {
                                    ws.get::<crate::domain::ladder::Board>(&new)
                                        .map(|b| b.title.clone())
                                        .unwrap_or_default()
                                });
                                notices.with_action(
                                    crate::ui::NoticeKind::Success,
                                    format!("Made “{title}”, with the same ladder and cards."),
                                    "Open it",
                                    move || router.navigate(&format!("/boards/{new}")),
                                );
                            },
                        );
                    }
                >
                    "Duplicate"
                </button>
                <button
                    class="danger"
                    aria-label=del_label
                    on:click=move |_| {
                        state.dispatch_undoable(
                            BoardCommand::Delete { id: del.clone() },
                            format!("Deleted the board {del_title} and its cards."),
                        );
                    }
                >
                    "Delete"
                </button>
            </span>
        </li>
    }
}
