//! A card's face on the ladder: the drag handle, its text, owner of the outcome, climb path and
//! mindset tags, and its buttons (move up, move down, edit, delete).

use super::drag::Drag;
use crate::domain::ladder::{Board, Card};
use crate::state::AppState;
use leptos::prelude::*;

/// What a card shows when it is not being edited.
/// - `card`: the card as stored.
/// - `board`: the card's board, for rung names in its climb path.
/// - `editing`: set to open the card's editor.
/// - `move_by`: moves the card this many rungs up (down when negative).
/// - `delete`: deletes the card (with Undo).
#[component]
pub fn CardFace(
    card: Card,
    board: Signal<Board>,
    editing: RwSignal<bool>,
    move_by: Callback<i32>,
    delete: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let drag = Drag::expect();
    let id = card.meta.id.clone();
    let short: String = card.text.chars().take(40).collect();
    let path = card.path_text(&board.get_untracked());
    // No ▲ on the top rung, no ▼ on the bottom one (▼ from the Unplaced tray goes to the top).
    let (top, bottom) = board.with_untracked(|b| {
        (
            b.rung_after(card.rung.as_ref(), 1).is_none(),
            b.rung_after(card.rung.as_ref(), -1).is_none(),
        )
    });
    let owner = card.owner.as_ref().map(|o| {
        state
            .ws
            .with_untracked(|ws| crate::domain::roster::member_name(ws, o))
    });
    view! {
        <span
            class="drag-handle"
            aria-hidden="true"
            title="Drag to another rung"
            on:pointerdown={
                let id = id.clone();
                move |ev| drag.start(id.clone(), &ev)
            }
            on:pointermove=move |ev| drag.track(&ev)
            on:pointerup=move |ev| drag.finish(state, &ev)
            on:pointercancel=move |_| drag.cancel()
        >
            "⠿"
        </span>
        <div class="card-body">
            <p class="card-text">{card.text.clone()}</p>
            {owner.map(|o| view! { <p class="card-owner">"Owner: " <strong>{o}</strong></p> })}
            {(!path.is_empty()).then(|| view! { <p class="card-path">{path}</p> })}
            {(!card.tags.is_empty())
                .then(|| {
                    view! {
                        <p class="card-tags">
                            {card.tags.iter().map(|t| view! { <span class="tag">{t.label()}</span> }).collect_view()}
                        </p>
                    }
                })}
        </div>
        <div class="card-actions">
            <button
                class="icon-button"
                aria-label=format!("Move up: {short}")
                title="Move up (↑)"
                disabled=top
                on:click=move |_| move_by.run(1)
            >
                "▲"
            </button>
            <button
                class="icon-button"
                aria-label=format!("Move down: {short}")
                title="Move down (↓)"
                disabled=bottom
                on:click=move |_| move_by.run(-1)
            >
                "▼"
            </button>
            <button
                class="icon-button"
                aria-label=format!("Edit card: {short}")
                title="Edit (Enter)"
                on:click=move |_| editing.set(true)
            >
                "✎"
            </button>
            <button
                class="icon-button danger"
                aria-label=format!("Delete card: {short}")
                title="Delete"
                on:click=move |_| delete.run(())
            >
                "✕"
            </button>
        </div>
    }
}
