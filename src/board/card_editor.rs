//! A card's editor: its text, author, owner of the outcome and mindset tags.

use super::drag::Drag;
use crate::domain::ladder::{Card, Mindset};
use crate::domain::{BoardCommand, Command};
use crate::state::AppState;
use crate::ui::{chosen_id, member_options};
use leptos::html;
use leptos::prelude::*;

/// Edits a card's text, author, owner of the outcome and mindset tags.
#[component]
pub fn CardEditor(
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
        // One change for the whole form, so one Undo reverts it. Choosing an author signs
        // the card; leaving it as shown changes nothing.
        let mut all = vec![
            Command::from(BoardCommand::EditCard {
                id: id.clone(),
                text: text.get_untracked(),
            }),
            BoardCommand::SetCardOwner {
                id: id.clone(),
                owner: owner.get_untracked(),
            }
            .into(),
        ];
        if author.get_untracked() != shown_author {
            all.push(
                BoardCommand::SetCardAuthor {
                    id: id.clone(),
                    author: author.get_untracked(),
                }
                .into(),
            );
        }
        let wanted = tags.get_untracked();
        for t in Mindset::ALL {
            if wanted.contains(&t) != card.tags.contains(&t) {
                all.push(
                    BoardCommand::ToggleCardTag {
                        id: id.clone(),
                        tag: t,
                    }
                    .into(),
                );
            }
        }
        let ok = state.dispatch(Command::All(all));
        if ok {
            // Saving renders the card anew: it takes the focus back once it is there.
            drag.refocus.set(Some(id.clone()));
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
                <select on:change=move |ev| author.set(chosen_id(&ev))>
                    {options}
                </select>
            </label>
            <label>
                "Owner of the outcome"
                <select on:change=move |ev| owner.set(chosen_id(&ev))>
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
