use super::trend_chart::TrendChart;
use crate::browser;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::ladder::{summarize, Board, Card, Template};
use crate::domain::{BoardCommand, Command, Id};
use crate::router::{Link, Router};
use crate::state::AppState;
use crate::ui::EmptyState;
use crate::ui::{member_from_value, member_options};
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
    let router = Router::expect();
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

    let title = RwSignal::new(String::new());
    let date = RwSignal::new(format_date(&browser::today()));
    let facilitator = RwSignal::new(None::<Id>);
    let template = RwSignal::new(Template::Classic.key().to_owned());
    let ladders = Memo::new(move |_| {
        state.ws.with(|ws| {
            ws.live::<crate::domain::teams::SavedLadder>()
                .map(|l| {
                    (
                        l.meta.id.clone(),
                        format!("{} ({} rungs)", l.name, l.rungs.len()),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = template.get_untracked();
        // The board belongs to the team on screen; its team name is no longer asked for.
        let cmd = match chosen.strip_prefix("saved:") {
            Some(id) => BoardCommand::CreateFromLadder {
                title: title.get_untracked(),
                date: parse_date(&date.get_untracked()),
                facilitator: facilitator.get_untracked(),
                ladder: Id::from(id),
            },
            None => BoardCommand::Create {
                title: title.get_untracked(),
                date: parse_date(&date.get_untracked()),
                team: String::new(),
                facilitator: facilitator.get_untracked(),
                template: Template::from_key(&chosen).unwrap_or(Template::Classic),
            },
        };
        let mut created = None;
        state.dispatch_with(Command::Board(cmd), |c| created = c.created().cloned());
        if let Some(id) = created {
            title.set(String::new());
            router.navigate(&format!("/boards/{id}"));
        }
    };

    view! {
        <section class="page">
            <h1>"Ladder retro boards"</h1>
            <p class="lede">
                "Map recent challenges onto the Accountability Ladder, see where the line falls, "
                "and climb the cards that matter. We rate situations, never people."
            </p>
            <form class="new-board" on:submit=create aria-label="New board">
                <h2>"New board"</h2>
                <div class="field">
                    <label for="board-title">"Title"</label>
                    <input
                        id="board-title"
                        type="text"
                        maxlength="120"
                        required
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="board-date">"Date"</label>
                        <input
                            id="board-date"
                            type="date"
                            prop:value=move || date.get()
                            on:input=move |ev| date.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="board-facilitator">"Facilitator"</label>
                        <select
                            id="board-facilitator"
                            on:change=move |ev| facilitator.set(member_from_value(event_target_value(&ev)))
                        >
                            {member_options(state, "None", None)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="board-template">"Ladder"</label>
                        <select id="board-template" on:change=move |ev| template.set(event_target_value(&ev))>
                            {Template::ALL
                                .into_iter()
                                .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                                .collect_view()}
                            {move || {
                                let saved = ladders.get();
                                (!saved.is_empty()).then(|| view! {
                                    <optgroup label="Saved by the team">
                                        {saved
                                            .into_iter()
                                            .map(|(id, name)| view! { <option value=format!("saved:{id}")>{name}</option> })
                                            .collect_view()}
                                    </optgroup>
                                })
                            }}
                        </select>
                    </div>
                </div>
                <button type="submit" class="primary">"Create board"</button>
            </form>
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
        </section>
    }
}

#[component]
fn BoardRow(row: Row) -> impl IntoView {
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
                            Command::Board(BoardCommand::Duplicate { id: dup.clone() }),
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
                            Command::Board(BoardCommand::Delete { id: del.clone() }),
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
