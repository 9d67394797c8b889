//! The body of each workshop phase except Climb (see `climb.rs`).

use super::workshop_page::{member_name, workshop, Turn, TurnPicker};
use crate::browser;
use crate::domain::exchange::{board_subset, export_file_name, to_export_json};
use crate::domain::goals::Goal;
use crate::domain::iso::{format_date, parse_date};
use crate::domain::ladder::{board_markdown, summarize, Board, Card};
use crate::domain::merge::plural;
use crate::domain::meta::Entity;
use crate::domain::workshop::{
    ballot_id, counts, most_disputed, previous_board, spread_of, Ballot, Spread,
};
use crate::domain::{BoardCommand, Command, GoalCommand, Id, WorkshopCommand};
use crate::router::Link;
use crate::state::AppState;
use crate::ui::{member_from_value, member_options, Notices};
use leptos::prelude::*;

/// The live cards of a board, in stored order.
fn cards_of(state: AppState, board: &Id) -> Vec<Card> {
    state.ws.with(|ws| {
        ws.live::<Card>()
            .filter(|c| &c.board_id == board)
            .cloned()
            .collect()
    })
}

fn board_of(state: AppState, board: &Id) -> Option<Board> {
    state.ws.with(|ws| ws.get::<Board>(board).cloned())
}

fn participants_of(state: AppState, board: &Id) -> Vec<Id> {
    board_of(state, board)
        .and_then(|b| b.session)
        .map(|s| s.participants)
        .unwrap_or_default()
}

fn short(text: &str) -> String {
    let s: String = text.chars().take(40).collect();
    if s.len() < text.len() {
        format!("{s}…")
    } else {
        s
    }
}

/// Options for a rung `<select>`: `none` (value "") first, then the rungs top first, with
/// `current` selected.
fn rung_options(board: &Board, current: Option<&Id>, none: &'static str) -> impl IntoView {
    let options = board
        .rungs
        .iter()
        .rev()
        .map(|r| {
            let sel = current == Some(&r.id);
            view! { <option value=r.id.to_string() selected=sel>{r.name.clone()}</option> }
        })
        .collect_view();
    view! {
        <option value="" selected=current.is_none()>{none}</option>
        {options}
    }
}

fn no_participants() -> AnyView {
    view! {
        <p class="hint">"Nobody takes part yet: choose participants under “Participants” below."</p>
    }
    .into_any()
}

/// Set the stage: the open commitments from the team's previous board.
#[component]
pub fn SetTheStage(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let review = move || {
        let Some(board) = board_of(state, &id) else {
            return ().into_any();
        };
        let found = state.ws.with(|ws| {
            previous_board(ws, &board).map(|prev| {
                let cards: Vec<Id> = ws
                    .live::<Card>()
                    .filter(|c| c.board_id == prev.meta.id)
                    .map(|c| c.meta.id.clone())
                    .collect();
                let goals: Vec<Goal> = ws
                    .live::<Goal>()
                    .filter(|g| g.state.is_active())
                    .filter(|g| g.card.as_ref().is_some_and(|c| cards.contains(c)))
                    .cloned()
                    .collect();
                (prev.title.clone(), goals)
            })
        });
        match found {
            None => view! {
                <p>"This is the team's first board in Climb: there are no earlier commitments to review."</p>
            }
            .into_any(),
            Some((title, goals)) if goals.is_empty() => view! {
                <p>{format!("No open commitments from “{title}”.")}</p>
            }
            .into_any(),
            Some((title, goals)) => view! {
                <h3>{format!("Open commitments from “{title}”")}</h3>
                <ul class="review-list">
                    {goals.into_iter().map(|g| view! { <ReviewGoal goal=g/> }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! { <section aria-label="Review of commitments">{review}</section> }
}

/// One earlier commitment: done, renegotiated or dropped, each with a word of why.
#[component]
fn ReviewGoal(goal: Goal) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let why = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let id = goal.meta.id.clone();
    let owner = goal
        .owner
        .as_ref()
        .map(|o| member_name(state, o))
        .unwrap_or_default();
    let label = short(&goal.outcome);
    let today = browser::today();
    let reason = move || {
        let w = why.get_untracked().trim().to_owned();
        if w.is_empty() {
            notices.error("Say why, in a word or two, first.");
            None
        } else {
            Some(w)
        }
    };
    let run = move |cmd: GoalCommand| state.dispatch(Command::Goal(cmd));
    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
    let outcome = goal.outcome.clone();
    view! {
        <li class="review-goal">
            <p>
                <strong>{goal.outcome.clone()}</strong>
                {(!owner.is_empty()).then(|| format!(" · {owner}"))}
                {goal.due.map(|d| format!(" · due {}", format_date(&d)))}
            </p>
            <div class="row-actions">
                <label>
                    {format!("Why, for “{label}” ")}
                    <input type="text" maxlength="200" prop:value=move || why.get()
                        on:input=move |ev| why.set(event_target_value(&ev))/>
                </label>
                <button on:click=move |_| {
                    if let Some(w) = reason() {
                        run(GoalCommand::CheckIn { id: id1.clone(), done: w, next: String::new(), blocker: String::new(), today });
                        run(GoalCommand::MarkDone { id: id1.clone(), today });
                    }
                }>"Done"</button>
                <label>
                    "New due date "
                    <input type="date" prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))/>
                </label>
                <button on:click=move |_| {
                    if let Some(w) = reason() {
                        run(GoalCommand::Renegotiate {
                            id: id2.clone(),
                            outcome: outcome.clone(),
                            due: parse_date(&due.get_untracked()),
                            reason: w,
                            today,
                        });
                    }
                }>"Renegotiate"</button>
                <button on:click=move |_| {
                    if let Some(w) = reason() {
                        run(GoalCommand::Drop { id: id3.clone(), reason: w, today });
                    }
                }>"Drop"</button>
            </div>
        </li>
    }
}

/// Write: the participant whose turn it is adds cards; everybody else's stay hidden.
#[component]
pub fn WritePhase(id: Id, turn: Turn, picked: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let participants = participants_of(state, &id);
    if participants.is_empty() {
        return no_participants();
    }
    let text = RwSignal::new(String::new());
    let add = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(author) = turn.get_untracked() else {
                return;
            };
            if state.dispatch(Command::Workshop(WorkshopCommand::Write {
                board: id.clone(),
                member: author,
                text: text.get_untracked(),
            })) {
                text.set(String::new());
            }
        }
    };
    let mine = move || {
        let me = turn.get();
        let all = cards_of(state, &id);
        let (own, others): (Vec<Card>, Vec<Card>) = all
            .into_iter()
            .partition(|c| c.author.is_some() && c.author == me);
        let hidden = others.len();
        view! {
            <ul class="write-list" aria-label="Your cards">
                {own
                    .into_iter()
                    .map(|c| {
                        let cid = c.meta.id.clone();
                        let label = format!("Delete “{}”", short(&c.text));
                        view! {
                            <li>
                                <span>{c.text.clone()}</span>
                                <button aria-label=label on:click=move |_| {
                                    state.dispatch_undoable(
                                        Command::Board(BoardCommand::DeleteCard { id: cid.clone() }),
                                        "Card deleted.".to_owned(),
                                    );
                                }>"Delete"</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="hint">
                {match hidden {
                    0 => "No cards by others yet.".to_owned(),
                    1 => "1 card by others is hidden until Reveal.".to_owned(),
                    n => format!("{n} cards by others are hidden until Reveal."),
                }}
            </p>
        }
    };
    view! {
        <TurnPicker label="Writing as" participants=participants turn=turn picked=picked/>
        <form class="add-card" on:submit=add aria-label="Write a card">
            <label for="ws-card">"A recent challenge (one situation, no names)"</label>
            <textarea id="ws-card" maxlength="1000" rows="2"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button class="primary" type="submit">"Add card"</button>
        </form>
        {mine}
    }
    .into_any()
}

/// The participant's ballot on this board, if any.
fn ballot(state: AppState, board: &Id, member: &Id) -> Option<Ballot> {
    state
        .ws
        .with(|ws| ws.get::<Ballot>(&ballot_id(board, member)).cloned())
}

/// Place: in turn, each participant puts each card on a rung without seeing the others'.
#[component]
pub fn PlacePhase(id: Id, turn: Turn, picked: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let participants = participants_of(state, &id);
    if participants.is_empty() {
        return no_participants();
    }
    let rows = move || {
        let Some(me) = turn.get() else {
            return ().into_any();
        };
        let Some(board) = board_of(state, &id) else {
            return ().into_any();
        };
        let cards = cards_of(state, &id);
        if cards.is_empty() {
            return view! { <p>"No cards yet: go back to Write."</p> }.into_any();
        }
        let mine = ballot(state, &id, &me);
        let placed = cards
            .iter()
            .filter(|c| mine.as_ref().and_then(|b| b.placement(c.id())).is_some())
            .count();
        let name = member_name(state, &me);
        let total = cards.len();
        view! {
            <p class="progress">{format!("{name} has placed {placed} of {}.", plural(total, "card", "cards"))}</p>
            <ul class="place-list">
                {cards
                    .into_iter()
                    .map(|c| {
                        let current = mine.as_ref().and_then(|b| b.placement(c.id())).cloned();
                        let (board_id, member, card) = (id.clone(), me.clone(), c.meta.id.clone());
                        view! {
                            <li>
                                <label>
                                    <span class="place-text">{c.text.clone()}</span>
                                    <select aria-label=format!("Rung for “{}”", short(&c.text)) on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        workshop(state, WorkshopCommand::Place {
                                            board: board_id.clone(),
                                            member: member.clone(),
                                            card: card.clone(),
                                            rung: crate::ui::member_from_value(v),
                                        });
                                    }>
                                        {rung_options(&board, current.as_ref(), "Not placed")}
                                    </select>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <TurnPicker label="Placing as" participants=participants turn=turn picked=picked/>
        <p class="hint">"Only this participant's placements are shown. Press “Next participant” before handing over the screen."</p>
        {rows}
    }
    .into_any()
}

/// A small dot plot of the placements over the rungs (bottom rung on the left), with the line.
fn dot_plot(board: &Board, s: &Spread, description: String) -> impl IntoView {
    const W: usize = 24;
    let n = board.rungs.len();
    let tallest = s.counts.iter().copied().max().unwrap_or(0).max(1) as usize;
    let h = 8 + tallest * 10;
    let line_x = board.line * W;
    let mut dots = Vec::new();
    for (i, &count) in s.counts.iter().enumerate() {
        for k in 0..count as usize {
            let cx = i * W + W / 2;
            let cy = h - 8 - k * 10;
            let class = if board.is_above(i) {
                "dot above"
            } else {
                "dot below"
            };
            dots.push(view! { <circle class=class cx=cx cy=cy r="4"/> });
        }
    }
    view! {
        <svg class="dot-plot" role="img" aria-label=description viewBox=format!("0 0 {} {h}", n * W) width=n * W height=h>
            <line class="plot-base" x1="0" x2=n * W y1=h - 2 y2=h - 2/>
            <line class="plot-line" x1=line_x x2=line_x y1="0" y2=h/>
            {dots}
        </svg>
    }
}

/// Reveal: each card's spread, the cards people disagree on most, and an override.
#[component]
pub fn RevealPhase(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let content = move || {
        let Some(board) = board_of(state, &id) else {
            return ().into_any();
        };
        let cards = cards_of(state, &id);
        let counts = state.ws.with(|ws| counts(ws, &id));
        let spreads: Vec<(Id, Spread)> = cards
            .iter()
            .map(|c| (c.meta.id.clone(), spread_of(&board, &counts, c.id())))
            .collect();
        let most = most_disputed(&spreads);
        if cards.is_empty() {
            return view! { <p>"No cards on this board."</p> }.into_any();
        }
        let mut rows: Vec<(Card, Spread)> = cards
            .into_iter()
            .zip(spreads.into_iter().map(|(_, s)| s))
            .collect();
        // The cards people disagree on most come first, then the others in board order.
        rows.sort_by_key(|(c, s)| (!most.contains(c.id()), u32::MAX - s.disagreement));
        view! {
            <ul class="reveal-list">
                {rows
                    .into_iter()
                    .map(|(c, s)| {
                        let mut parts: Vec<String> = s
                            .counts
                            .iter()
                            .enumerate()
                            .filter(|(_, n)| **n > 0)
                            .map(|(i, n)| format!("{} {n}", board.rungs[i].name))
                            .collect();
                        if parts.is_empty() {
                            parts.push("no placements".to_owned());
                        }
                        let converged = s.converged.map(|i| board.rungs[i].name.clone());
                        let description = format!(
                            "Placements: {}.{}",
                            parts.join(", "),
                            converged
                                .as_ref()
                                .map(|n| format!(" The group converges on {n}."))
                                .unwrap_or_default()
                        );
                        let flag = if most.contains(c.id()) {
                            Some("People disagree most")
                        } else if crate::domain::workshop::disputed(&s) {
                            Some("People disagree")
                        } else {
                            None
                        };
                        let card = c.meta.id.clone();
                        let current = c.rung.clone();
                        view! {
                            <li class="reveal-card" class:disputed=flag.is_some()>
                                <p class="reveal-text">{c.text.clone()}</p>
                                {flag.map(|f| view! { <p class="badge">{f}</p> })}
                                {dot_plot(&board, &s, description.clone())}
                                <p class="hint">{description}</p>
                                <label>
                                    {format!("Place “{}” on ", short(&c.text))}
                                    <select on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        state.dispatch(Command::Board(BoardCommand::MoveCard {
                                            id: card.clone(),
                                            to: crate::ui::member_from_value(v),
                                        }));
                                    }>
                                        {rung_options(&board, current.as_ref(), "Unplaced")}
                                    </select>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <section aria-label="Reveal">{content}</section> }
}

/// Vote: in turn, each participant spends their dots; totals stay hidden until Climb.
#[component]
pub fn VotePhase(id: Id, turn: Turn, picked: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let participants = participants_of(state, &id);
    if participants.is_empty() {
        return no_participants();
    }
    let limit = {
        let id = id.clone();
        Memo::new(move |_| {
            board_of(state, &id)
                .and_then(|b| b.session)
                .map_or(crate::domain::workshop::DEFAULT_VOTES, |s| s.vote_limit)
        })
    };
    let set_limit = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                workshop(
                    state,
                    WorkshopCommand::SetVoteLimit {
                        board: id.clone(),
                        limit: n,
                    },
                );
            }
        }
    };
    let rows = move || {
        let Some(me) = turn.get() else {
            return ().into_any();
        };
        let cards = cards_of(state, &id);
        let mine = ballot(state, &id, &me);
        let spent = mine.as_ref().map_or(0, |b| b.votes.len() as u32);
        let name = member_name(state, &me);
        let left = limit.get().saturating_sub(spent);
        view! {
            <p class="progress" aria-live="polite">{format!("{name} has {left} of {} left.", plural(limit.get() as usize, "dot", "dots"))}</p>
            <ul class="vote-list">
                {cards
                    .into_iter()
                    .map(|c| {
                        let n = mine.as_ref().map_or(0, |b| b.votes_for(c.id()));
                        let (b1, m1, c1) = (id.clone(), me.clone(), c.meta.id.clone());
                        let (b2, m2, c2) = (id.clone(), me.clone(), c.meta.id.clone());
                        let s = short(&c.text);
                        view! {
                            <li>
                                <span class="vote-text">{c.text.clone()}</span>
                                <span class="dots" aria-hidden="true">{"●".repeat(n as usize)}</span>
                                <span class="visually-hidden">{format!("{n} of your dots")}</span>
                                <button
                                    aria-label=format!("Add a dot to “{s}”")
                                    disabled=left == 0
                                    on:click=move |_| {
                                        workshop(state, WorkshopCommand::Vote { board: b1.clone(), member: m1.clone(), card: c1.clone() });
                                    }
                                >"+ Dot"</button>
                                <button
                                    aria-label=format!("Take a dot back from “{s}”")
                                    disabled=n == 0
                                    on:click=move |_| {
                                        workshop(state, WorkshopCommand::Unvote { board: b2.clone(), member: m2.clone(), card: c2.clone() });
                                    }
                                >"− Dot"</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <div class="row-actions">
            <label>
                "Dots per participant "
                <input type="number" min="1" max="20" prop:value=move || limit.get().to_string() on:change=set_limit/>
            </label>
        </div>
        <TurnPicker label="Voting as" participants=participants turn=turn picked=picked/>
        <p class="hint">"Votes stay hidden until the phase ends."</p>
        {rows}
    }
    .into_any()
}

/// Commit: cards on the top rung become micro-goals, linked both ways.
#[component]
pub fn CommitPhase(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let content = move || {
        let Some(board) = board_of(state, &id) else {
            return ().into_any();
        };
        let Some(top) = board.rungs.last().cloned() else {
            return ().into_any();
        };
        let cards: Vec<Card> = cards_of(state, &id)
            .into_iter()
            .filter(|c| c.rung.as_ref() == Some(&top.id))
            .collect();
        if cards.is_empty() {
            return view! {
                <p>{format!("No card has reached {} yet. Climb cards in the Climb phase.", top.name)}</p>
            }
            .into_any();
        }
        view! {
            <ul class="commit-list">
                {cards
                    .into_iter()
                    .map(|c| {
                        let goal = state.ws.with(|ws| {
                            ws.live::<Goal>().find(|g| g.card.as_ref() == Some(c.id())).cloned()
                        });
                        match goal {
                            Some(g) => view! {
                                <li class="commit-card">
                                    <p class="reveal-text">{c.text.clone()}</p>
                                    <p>
                                        "Micro-goal: " <strong>{g.outcome.clone()}</strong>
                                        {g.due.map(|d| format!(" · due {}", format_date(&d)))}
                                        " · " <Link href="/goals">"See it in Micro-goals"</Link>
                                    </p>
                                </li>
                            }
                            .into_any(),
                            None => view! { <CommitForm card=c top=top.id.clone()/> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! { <section aria-label="Commitments">{content}</section> }
}

#[component]
fn CommitForm(card: Card, top: Id) -> impl IntoView {
    let state = AppState::expect();
    let step = card
        .notes
        .iter()
        .find(|n| n.rung == top)
        .map(|n| n.text.clone())
        .unwrap_or_else(|| card.text.clone());
    let outcome = RwSignal::new(step);
    let owner = RwSignal::new(card.owner.clone());
    let today = browser::today();
    let due = RwSignal::new(crate::domain::iso::format_date(
        &(today + chrono::Duration::days(7)),
    ));
    let verification = RwSignal::new(String::new());
    let s = short(&card.text);
    let card_id = card.meta.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.dispatch(Command::Goal(GoalCommand::Create {
            outcome: outcome.get_untracked(),
            owner: owner.get_untracked(),
            partner: None,
            due: parse_date(&due.get_untracked()),
            follow_up: None,
            verification: verification.get_untracked(),
            card: Some(card_id.clone()),
            clause: None,
            today,
        }));
    };
    view! {
        <li class="commit-card">
            <p class="reveal-text">{card.text.clone()}</p>
            <form class="commit-form" on:submit=submit aria-label=format!("Commit to “{s}”")>
                <label>
                    "Outcome (one sentence anyone can check) "
                    <input type="text" maxlength="300" required prop:value=move || outcome.get()
                        on:input=move |ev| outcome.set(event_target_value(&ev))/>
                </label>
                <label>
                    "Owner "
                    <select on:change=move |ev| owner.set(member_from_value(event_target_value(&ev)))>
                        {member_options(state, "Choose…", card.owner.clone())}
                    </select>
                </label>
                <label>
                    "Due "
                    <input type="date" prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))/>
                </label>
                <label>
                    "How we will know it is done "
                    <input type="text" maxlength="300" prop:value=move || verification.get()
                        on:input=move |ev| verification.set(event_target_value(&ev))/>
                </label>
                <button class="primary" type="submit">"Create micro-goal"</button>
            </form>
        </li>
    }
}

/// Close: the summary, and the board to take away.
#[component]
pub fn ClosePhase(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let notices = Notices::expect();
    let summary = {
        let id = id.clone();
        move || {
            let board = board_of(state, &id)?;
            let (s, goals) = state.ws.with(|ws| {
                let cards: Vec<&Card> = ws.live::<Card>().filter(|c| c.board_id == id).collect();
                let goals = ws
                    .live::<Goal>()
                    .filter(|g| {
                        g.card
                            .as_ref()
                            .is_some_and(|c| cards.iter().any(|x| x.id() == c))
                    })
                    .count();
                (summarize(&board, cards), goals)
            });
            Some(view! {
                <ul class="close-summary">
                    <li>{match s.percent_above() {
                        Some(p) => format!("{p}% of placed cards are above the line ({} of {}).", s.above, s.placed()),
                        None => "No card is placed.".to_owned(),
                    }}</li>
                    <li>{format!("{} climbed, {} in all.", plural(s.climbed, "card", "cards"), plural(s.rungs_climbed, "rung", "rungs"))}</li>
                    <li>{format!("{} committed.", plural(goals, "micro-goal", "micro-goals"))}</li>
                </ul>
            })
        }
    };
    let (id1, id2) = (id.clone(), id.clone());
    let export = move |_| {
        let Some(b) = board_of(state, &id1) else {
            return;
        };
        let json = state
            .ws
            .with_untracked(|ws| to_export_json(&board_subset(ws, &id1), browser::now()));
        let name = export_file_name(b.date.unwrap_or_else(browser::today), &b.title);
        if let Err(e) = browser::download(&name, &json, "application/json") {
            notices.error(format!("The download could not start: {e}"));
        }
    };
    let copy = move |_| {
        let Some(b) = board_of(state, &id2) else {
            return;
        };
        let md = state.ws.with_untracked(|ws| {
            board_markdown(&b, ws.live::<Card>().filter(|c| c.board_id == id2), &|m| {
                crate::domain::roster::member_name(ws, m)
            })
        });
        browser::copy_text(&md, move |ok| {
            if ok {
                notices.success("The board is on the clipboard as Markdown.");
            } else {
                notices.error("The browser refused the clipboard.");
            }
        });
    };
    view! {
        <section aria-label="Summary">
            {summary}
            <div class="row-actions">
                <button class="primary" on:click=export>"Export board"</button>
                <button on:click=copy>"Copy as Markdown"</button>
            </div>
        </section>
    }
}
