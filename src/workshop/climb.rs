//! The Climb phase in focus mode: one card at a time, large enough to read from the back of a
//! room, with its rung's prompt; the answer to each prompt is recorded on the card as it climbs.

use super::common::{item_text, WorkshopBoard};
use crate::domain::ladder::{leads, Board, Card};
use crate::domain::meta::Entity;
use crate::domain::workshop::{counts, ranking};
use crate::domain::{BoardCommand, Id, WorkshopCommand};
use crate::state::AppState;
use crate::ui::{chosen_id, member_options};
use leptos::prelude::*;

#[component]
pub fn ClimbPhase() -> impl IntoView {
    let state = AppState::expect();
    let this = WorkshopBoard::expect();
    let id = this.id();
    // The order is fixed when the phase opens (most dots first), so climbing a card never
    // reshuffles the queue.
    let order: Vec<(Id, u32)> = state.ws.with_untracked(|ws| {
        let all: Vec<&Card> = ws.live::<Card>().filter(|c| c.board_id == id).collect();
        ranking(&leads(&all), &counts(ws, &id))
            .into_iter()
            .map(|(c, n)| (c.id().clone(), n))
            .collect()
    });
    if order.is_empty() {
        return view! { <p>"No cards on this board."</p> }.into_any();
    }
    let total = order.len();
    let at = RwSignal::new(0usize);
    let ranked_list = order.clone();
    let focus = move || {
        let (card_id, votes) = order[at.get().min(total - 1)].clone();
        let card = state.ws.with(|ws| ws.get::<Card>(&card_id).cloned());
        let (Some(card), Some(board)) = (card, this.get()) else {
            return view! { <p>"This card was deleted."</p> }.into_any();
        };
        // A group is climbed as one: its stacked texts come along.
        let stacked = this
            .items()
            .into_iter()
            .find(|(c, _)| c.meta.id == card.meta.id)
            .map(|(_, s)| s)
            .unwrap_or_default();
        view! { <FocusCard card=card board=board votes=votes stacked=stacked/> }.into_any()
    };
    view! {
        <div class="focus-nav row-actions">
            <button disabled=move || at.get() == 0 on:click=move |_| at.update(|i| *i = i.saturating_sub(1))>
                "◀ Previous card"
            </button>
            <span aria-live="polite">{move || format!("Card {} of {total}", at.get() + 1)}</span>
            <button disabled=move || { at.get() + 1 >= total } on:click=move |_| at.update(|i| *i = (*i + 1).min(total - 1))>
                "Next card ▶"
            </button>
        </div>
        {focus}
        <details class="ranking">
            <summary>"Cards by votes"</summary>
            <ol>
                {ranked_list
                    .into_iter()
                    .enumerate()
                    .map(|(i, (cid, n))| {
                        let text = state
                            .ws
                            .with_untracked(|ws| ws.get::<Card>(&cid).map(|c| c.text.clone()))
                            .unwrap_or_default();
                        view! {
                            <li>
                                <button class="link" on:click=move |_| at.set(i)>{text}</button>
                                {format!(" · {}", crate::domain::merge::plural(n as usize, "dot", "dots"))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </details>
    }
    .into_any()
}

#[component]
fn FocusCard(
    /// The card the group climbs.
    card: Card,
    /// The card's board, for its rungs and their prompts.
    board: Board,
    /// The dots the card got in Vote.
    votes: u32,
    /// The texts stacked under the card in its group.
    stacked: Vec<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let rung_index = card.rung.as_ref().and_then(|r| board.rung_index(r));
    let rung = rung_index.map(|i| board.rungs[i].clone());
    let at_top = rung_index == Some(board.rungs.len().saturating_sub(1));
    let answer = RwSignal::new(
        rung.as_ref()
            .and_then(|r| card.notes.iter().find(|n| n.rung == r.id))
            .map(|n| n.text.clone())
            .unwrap_or_default(),
    );
    let card_id = card.meta.id.clone();
    let save = {
        let card_id = card_id.clone();
        let rung = rung.clone();
        move || {
            if let Some(r) = &rung {
                state.dispatch(WorkshopCommand::Answer {
                    card: card_id.clone(),
                    rung: r.id.clone(),
                    text: answer.get_untracked(),
                });
            }
        }
    };
    let save_on_change = save.clone();
    let climb = {
        let card_id = card_id.clone();
        move |_| {
            save();
            state.dispatch(BoardCommand::MoveCardBy {
                id: card_id.clone(),
                delta: 1,
            });
        }
    };
    // From the rung where the team owns it on, the card names its one owner (Commit then
    // starts with them).
    let is_own_rung = rung_index.is_some_and(|i| board.names_owner_at(i));
    let answers: Vec<(String, String)> = card
        .notes
        .iter()
        .map(|n| (board.place_name(Some(&n.rung)), n.text.clone()))
        .collect();
    let above = rung_index.is_some_and(|i| board.is_above(i));
    let owner_id = card_id.clone();
    view! {
        <article class="focus-card" class:above=above aria-label="Card in focus">
            <p class="focus-rung">
                {board.place_name(card.rung.as_ref())}
                {format!(" · {}", crate::domain::merge::plural(votes as usize, "dot", "dots"))}
            </p>
            <div class="focus-text">{item_text(card.text.clone(), stacked)}</div>
            {match &rung {
                Some(r) => view! {
                    <label class="focus-prompt">
                        <span>{r.prompt.clone()}</span>
                        <textarea rows="2" maxlength="2000"
                            bind:value=answer
                            on:change=move |_| save_on_change()></textarea>
                    </label>
                }
                .into_any(),
                None => view! { <p>"This card is not on the ladder yet: climbing puts it on the bottom rung."</p> }.into_any(),
            }}
            {is_own_rung.then(|| view! {
                <label>
                    "Owner of the outcome "
                    <select on:change=move |ev| {
                        state.dispatch(BoardCommand::SetCardOwner {
                            id: owner_id.clone(),
                            owner: chosen_id(&ev),
                        });
                    }>
                        {member_options(state, "Nobody yet", card.owner.clone())}
                    </select>
                </label>
            })}
            <div class="row-actions">
                {if at_top {
                    view! { <p class="badge">"At the top: make it a commitment in Commit."</p> }.into_any()
                } else {
                    view! { <button class="primary big" on:click=climb>"Climb one rung ▲"</button> }.into_any()
                }}
            </div>
            {(!answers.is_empty()).then(|| view! {
                <dl class="answers">
                    {answers.into_iter().map(|(r, t)| view! { <dt>{r}</dt><dd>{t}</dd> }).collect_view()}
                </dl>
            })}
        </article>
    }
}
