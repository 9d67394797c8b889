//! One card on the ladder, and its editor.

use super::drag::Drag;
use crate::domain::ladder::{Board, Card, Mindset};
use crate::domain::{BoardCommand, Command};
use crate::state::AppState;
use crate::ui::{member_from_value, member_options};
use leptos::html;
use leptos::prelude::*;

fn board_cmd(state: AppState, cmd: BoardCommand) -> bool {
    state.dispatch(Command::Board(cmd))
}

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
    let short: String = card.text.chars().take(40).collect();

    // After a move the card is rendered anew in its new rung: give focus back. Read without
    // tracking, so only the card being created checks (a tracked read would wake every card
    // on the board whenever one moves).
    {
        let id = id.clone();
        Effect::new(move |_| {
            if drag.focus.with_untracked(|f| f.as_ref() == Some(&id)) {
                if let Some(el) = node.get_untracked() {
                    let _ = el.focus();
                    drag.focus.set(None);
                }
            }
        });
    }

    let move_by = {
        let id = id.clone();
        move |delta: i32| {
            if board_cmd(
                state,
                BoardCommand::MoveCardBy {
                    id: id.clone(),
                    delta,
                },
            ) {
                drag.focus.set(Some(id.clone()));
            }
        }
    };
    let delete = {
        let id = id.clone();
        move || {
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
                Command::Board(BoardCommand::DeleteCard { id: id.clone() }),
                "Card deleted.".to_owned(),
            ) {
                if let Some(n) = next {
                    let _ = n.focus();
                }
            }
        }
    };
    let on_key = {
        let move_by = move_by.clone();
        let delete = delete.clone();
        move |ev: web_sys::KeyboardEvent| {
            // Only when the card itself has focus, not one of its buttons or fields.
            if ev.target() != ev.current_target() {
                return;
            }
            match ev.key().as_str() {
                "ArrowUp" => move_by(1),
                "ArrowDown" => move_by(-1),
                "Enter" => editing.set(true),
                "Delete" => delete(),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let path = card.path_text(&board.get_untracked());
    let tags = card.tags.clone();
    let dragging = {
        let id = id.clone();
        move || drag.card.with(|c| c.as_ref() == Some(&id))
    };
    let card_for_editor = card.clone();
    let owner = card.owner.as_ref().map(|o| {
        state
            .ws
            .with_untracked(|ws| crate::domain::roster::member_name(ws, o))
    });
    // Leaving the editor without saving gives focus back to the card itself.
    let close = Callback::new(move |()| {
        editing.set(false);
        if let Some(el) = node.get_untracked() {
            let _ = el.focus();
        }
    });
    let text = card.text.clone();
    let card_label = format!("Card: {}", card.text);
    let handle_id = id.clone();
    let up = move_by.clone();
    let down = move_by;

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
                    view! { <CardEditor card=card_for_editor.clone() close=close/> }.into_any()
                } else {
                    view! {
                        <span
                            class="drag-handle"
                            aria-hidden="true"
                            title="Drag to another rung"
                            on:pointerdown={
                                let id = handle_id.clone();
                                move |ev| drag.start(id.clone(), &ev)
                            }
                            on:pointermove=move |ev| drag.track(&ev)
                            on:pointerup=move |ev| drag.finish(state, &ev)
                            on:pointercancel=move |_| drag.cancel()
                        >
                            "⠿"
                        </span>
                        <div class="card-body">
                            <p class="card-text">{text.clone()}</p>
                            {owner.clone().map(|o| view! { <p class="card-owner">"Owner: " <strong>{o}</strong></p> })}
                            {(!path.is_empty()).then(|| view! { <p class="card-path">{path.clone()}</p> })}
                            {(!tags.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="card-tags">
                                            {tags.iter().map(|t| view! { <span class="tag">{t.label()}</span> }).collect_view()}
                                        </p>
                                    }
                                })}
                        </div>
                        <div class="card-actions">
                            <button
                                class="icon-button"
                                aria-label=format!("Move up: {short}")
                                title="Move up (↑)"
                                on:click={
                                    let up = up.clone();
                                    move |_| up(1)
                                }
                            >
                                "▲"
                            </button>
                            <button
                                class="icon-button"
                                aria-label=format!("Move down: {short}")
                                title="Move down (↓)"
                                on:click={
                                    let down = down.clone();
                                    move |_| down(-1)
                                }
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
                                on:click={
                                    let delete = delete.clone();
                                    move |_| delete()
                                }
                            >
                                "✕"
                            </button>
                        </div>
                    }
                        .into_any()
                }
            }}
        </li>
    }
}

/// Edits a card's text, author, owner of the outcome and mindset tags.
#[component]
fn CardEditor(
    /// The card as it is.
    card: Card,
    /// Leaves the editor without saving (and gives focus back to the card).
    close: Callback<()>,
) -> impl IntoView {
    let state = AppState::expect();
    let drag = Drag::expect();
    let first = NodeRef::<html::Textarea>::new();
    // Focus goes to the first field as the editor opens.
    first.on_load(|el| {
        let _ = el.focus();
    });
    let text = RwSignal::new(card.text.clone());
    // Only a signed card shows its author: the author of an unsigned card (written in a
    // workshop turn) is known to this browser but is never shown, and stays unless changed.
    let shown_author = card.author.clone().filter(|_| card.signed);
    let author = RwSignal::new(shown_author.clone());
    let options = member_options(state, "Anonymous", shown_author.clone());
    let owner = RwSignal::new(card.owner.clone());
    let tags = RwSignal::new(card.tags.clone());
    let id = card.meta.id.clone();
    let field = format!("edit-{id}");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let mut ok = board_cmd(
            state,
            BoardCommand::EditCard {
                id: id.clone(),
                text: text.get_untracked(),
            },
        );
        if ok {
            // Each field is its own command, so each is undone on its own too. Choosing an
            // author signs the card; leaving it as shown changes nothing.
            if author.get_untracked() != shown_author {
                ok &= board_cmd(
                    state,
                    BoardCommand::SetCardAuthor {
                        id: id.clone(),
                        author: author.get_untracked(),
                    },
                );
            }
            ok &= board_cmd(
                state,
                BoardCommand::SetCardOwner {
                    id: id.clone(),
                    owner: owner.get_untracked(),
                },
            );
            let wanted = tags.get_untracked();
            for t in Mindset::ALL {
                if wanted.contains(&t) != card.tags.contains(&t) {
                    ok &= board_cmd(
                        state,
                        BoardCommand::ToggleCardTag {
                            id: id.clone(),
                            tag: t,
                        },
                    );
                }
            }
        }
        if ok {
            // Saving renders the card anew: it takes the focus back once it is there.
            drag.focus.set(Some(id.clone()));
            close.run(());
        }
    };
    view! {
        <form
            class="card-editor"
            on:submit=save
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    ev.stop_propagation();
                    close.run(());
                }
            }
        >
            <label for=field.clone()>"Card text"</label>
            <textarea id=field node_ref=first rows="3" maxlength="1000" bind:value=text></textarea>
            <label>
                "Author"
                <select on:change=move |ev| author.set(member_from_value(event_target_value(&ev)))>
                    {options}
                </select>
            </label>
            <label>
                "Owner of the outcome"
                <select on:change=move |ev| owner.set(member_from_value(event_target_value(&ev)))>
                    {member_options(state, "No owner yet", card.owner.clone())}
                </select>
            </label>
            <fieldset class="tag-choices">
                <legend>"Mindsets"</legend>
                {Mindset::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    prop:checked=move || tags.with(|v| v.contains(&t))
                                    on:change=move |_| {
                                        tags.update(|v| match v.iter().position(|x| *x == t) {
                                            Some(i) => {
                                                v.remove(i);
                                            }
                                            None => v.push(t),
                                        })
                                    }
                                />
                                {t.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="row-actions">
                <button type="submit" class="primary">"Save card"</button>
                <button type="button" on:click=move |_| close.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
