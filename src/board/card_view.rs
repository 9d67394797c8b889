//! One card on the ladder: its face or its editor, and its keyboard.

use super::card_editor::CardEditor;
use super::card_face::CardFace;
use super::drag::Drag;
use crate::domain::ladder::{Board, Card};
use crate::domain::BoardCommand;
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;

/// One card on the ladder: its text, the owner of the outcome, its climb path and mindset
/// tags, and the ways to move, edit or delete it. Keyboard: ↑/↓ move the focused card, Enter
/// edits (focus in the text), Escape leaves the editor with focus back on the card, Delete
/// deletes.
///
/// The one name on a card face is its owner of the outcome, which is what an accountability
/// board exists to show; the author (when the card is signed) appears only in the editor, so
/// no name sits next to a rung as a label of that person.
#[component]
pub fn CardView(
    /// The card as stored when rendered (the list re-renders a card when its version changes).
    card: Card,
    /// The card's board, for rung names in the path.
    board: Signal<Board>,
) -> impl IntoView {
    let state = AppState::expect();
    let drag = Drag::expect();
    let editing = RwSignal::new(false);
    let node = NodeRef::<html::Li>::new();
    let id = card.meta.id.clone();

    // After a move (or a save) the card is rendered anew: it takes the focus back once its
    // element is there. Read without tracking, so no card wakes when another one moves.
    {
        let id = id.clone();
        node.on_load(move |el| {
            if drag.refocus.with_untracked(|f| f.as_ref() == Some(&id)) {
                let _ = el.focus();
                drag.refocus.set(None);
            }
        });
    }

    let move_by = {
        let id = id.clone();
        Callback::new(move |delta: i32| {
            if state.dispatch(BoardCommand::MoveCardBy {
                id: id.clone(),
                delta,
            }) {
                drag.refocus.set(Some(id.clone()));
            }
        })
    };
    let delete = {
        let id = id.clone();
        Callback::new(move |()| {
            // A keyboard user keeps their place: focus goes to the next card, the one before,
            // or the rung itself (not a text field, where Ctrl+Z would undo typing instead).
            let next: Option<web_sys::HtmlElement> = node.get_untracked().and_then(|el| {
                use wasm_bindgen::JsCast;
                el.next_element_sibling()
                    .or_else(|| el.previous_element_sibling())
                    .or_else(|| el.closest("[data-drop]").ok().flatten())
                    .and_then(|e| e.dyn_into().ok())
            });
            if state.dispatch_undoable(
                BoardCommand::DeleteCard { id: id.clone() },
                "Card deleted.".to_owned(),
            ) {
                if let Some(n) = next {
                    let _ = n.focus();
                }
            }
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // Only when the card itself has focus, not one of its buttons or fields.
        if ev.target() != ev.current_target() {
            return;
        }
        match ev.key().as_str() {
            "ArrowUp" => move_by.run(1),
            "ArrowDown" => move_by.run(-1),
            "Enter" => editing.set(true),
            "Delete" => delete.run(()),
            _ => return,
        }
        ev.prevent_default();
    };
    let dragging = {
        let id = id.clone();
        move || drag.card.with(|c| c.as_ref() == Some(&id))
    };
    // Leaving the editor without saving gives focus back to the card itself.
    let close = Callback::new(move |()| {
        editing.set(false);
        if let Some(el) = node.get_untracked() {
            let _ = el.focus();
        }
    });
    let card_label = format!("Card: {}", card.text);

    view! {
        <li
            class="card"
            class:dragging=dragging
            node_ref=node
            tabindex="0"
            aria-label=card_label
            aria-keyshortcuts="ArrowUp ArrowDown Enter Delete"
            on:keydown=on_key
        >
            {move || {
                if editing.get() {
                    view! { <CardEditor card=card.clone() close=close/> }.into_any()
                } else {
                    view! {
                        <CardFace card=card.clone() board=board editing=editing move_by=move_by delete=delete/>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}
